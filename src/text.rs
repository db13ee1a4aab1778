//! How figures read as text: "12:34" for a duration, "10:45" for a time of day, "+7 min" for slip.
//! Neutral ground below every layer: the screens, the room and the reports all share it.

use chrono::{DateTime, FixedOffset};

/// Wall-clock time with its UTC offset (the same type as `engine::record::Stamp`).
type Stamp = DateTime<FixedOffset>;

/// A duration as "m:ss" (or "h:mm:ss" from an hour); negative values lose their sign.
pub fn duration(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// A time of day as "HH:MM" in the stamp's own offset.
pub fn time_of_day(at: Stamp) -> String {
    at.format("%H:%M").to_string()
}

/// A slip in whole minutes with its sign: "+7 min", "-3 min", "±0 min" (see `slip_minutes`).
pub fn slip(seconds: i64) -> String {
    match slip_minutes(seconds) {
        0 => "±0 min".to_string(),
        m if m > 0 => format!("+{m} min"),
        m => format!("{m} min"),
    }
}

/// The one rounding rule for a slip shown in minutes, everywhere it is shown (header, agenda,
/// room): the nearest whole minute, a half minute away from zero, the same for early and late
/// (1:29 is 1 min, 1:30 is 2 min, -1:30 is -2 min). In whole seconds, so no float can tip it.
pub fn slip_minutes(seconds: i64) -> i64 {
    let away = if seconds < 0 { -30 } else { 30 };
    (seconds + away) / 60
}

/// A signed duration: "+02:05", "-00:30", "±00:00".
pub fn signed(seconds: i64) -> String {
    match seconds {
        0 => format!("±{}", duration(0)),
        s if s > 0 => format!("+{}", duration(s)),
        s => format!("-{}", duration(s)),
    }
}

/// A count with its noun in the right number: "1 stem", "3 stemmen", "0 votes".
pub fn count(n: impl Into<u64>, (one, many): (&str, &str)) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Replace each `{}` in `template` with the next value.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(duration(0), "00:00");
        assert_eq!(duration(754), "12:34");
        assert_eq!(duration(-75), "01:15");
        assert_eq!(duration(3725), "1:02:05");
    }

    #[test]
    fn slip_rounds_to_whole_minutes_with_a_sign() {
        assert_eq!(slip(420), "+7 min");
        assert_eq!(slip(-180), "-3 min");
        assert_eq!(slip(20), "±0 min");
    }

    #[test]
    fn a_half_minute_rounds_away_from_zero_alike_early_and_late() {
        assert_eq!(slip(89), "+1 min");
        assert_eq!(slip(90), "+2 min");
        assert_eq!(slip(-89), "-1 min");
        assert_eq!(slip(-90), "-2 min");
        assert_eq!(slip(29), "±0 min");
        assert_eq!(slip(-29), "±0 min");
        assert_eq!(slip(-30), "-1 min");
        for s in -7200..7200 {
            assert_eq!(slip_minutes(-s), -slip_minutes(s), "{s}");
            assert_eq!(slip_minutes(s), (s as f64 / 60.0).round() as i64, "{s}");
        }
    }

    #[test]
    fn counts_take_the_singular_only_for_one() {
        assert_eq!(count(1u32, ("stem", "stemmen")), "1 stem");
        assert_eq!(count(0u32, ("stem", "stemmen")), "0 stemmen");
        assert_eq!(
            count(2u32, ("repeated pair", "repeated pairs")),
            "2 repeated pairs"
        );
    }

    #[test]
    fn fill_puts_values_in_order() {
        assert_eq!(
            fill("einde {}, {}", &["16:42", "+7 min"]),
            "einde 16:42, +7 min"
        );
        assert_eq!(fill("{} left", &["12:34"]), "12:34 left");
    }
}
