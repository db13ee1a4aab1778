//! A room clock as the room reads it: its digits ("12:34", "+01:23" past zero), its colour by
//! phase, the flash at zero, and the short status words of the footer.

use super::strings::RoomStrings;
use crate::engine::room::{Phase, RoomClock};
use crate::text::{duration, fill};
use crate::tui::theme::Theme;
use ratatui::style::{Modifier, Style};

/// Seconds past zero during which the digits flash (on the even seconds).
pub const FLASH_SECONDS: i64 = 6;

/// Time left; before the start the full time; past zero the overrun with a plus.
pub fn digits(clock: &RoomClock) -> String {
    match clock.phase {
        Phase::Ready => duration(clock.allotted),
        _ if clock.remaining < 0 => format!("+{}", duration(clock.remaining)),
        _ => duration(clock.remaining),
    }
}

/// The colour of each phase: dim before the start, the text colour while calm, the warning
/// colour near the end, the overrun colour past zero; paused is dimmed (also in the contrast
/// theme, whose dim colour is its text colour). Not the accent while calm: the contrast
/// theme's accent is its warning colour.
pub fn style(phase: Phase, theme: &Theme) -> Style {
    match phase {
        Phase::Ready => theme.dim(),
        Phase::Calm => theme.title(),
        Phase::Warning => theme.warning(),
        Phase::Over => theme.overrun(),
        Phase::Paused => theme.dim().add_modifier(Modifier::DIM),
    }
}

/// Whether the digits are shown inverted now: the first seconds past zero, every other second.
pub fn flashing(clock: &RoomClock, flash: bool) -> bool {
    let over = -clock.remaining;
    flash && clock.phase == Phase::Over && (0..FLASH_SECONDS).contains(&over) && over % 2 == 0
}

/// The inverted style of a flash.
pub fn flash_style(theme: &Theme) -> Style {
    Style::new()
        .fg(theme.background)
        .bg(theme.overrun)
        .add_modifier(Modifier::BOLD)
}

/// "nog 12:34", "gepauzeerd · nog 12:34", "+01:23 over tijd" or "begint zo".
pub fn status(clock: &RoomClock, strings: &RoomStrings) -> String {
    let left = fill(strings.left, &[&duration(clock.remaining)]);
    match clock.phase {
        Phase::Ready => format!("{} · {}", strings.ready, duration(clock.allotted)),
        Phase::Calm | Phase::Warning => left,
        Phase::Paused => format!("{} · {left}", strings.paused),
        Phase::Over => fill(strings.over, &[&digits(clock)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::room::strings::NL;

    fn clock(remaining: i64, phase: Phase) -> RoomClock {
        RoomClock {
            remaining,
            allotted: 600,
            phase,
        }
    }

    #[test]
    fn the_digits_count_down_then_count_the_overrun_up() {
        assert_eq!(digits(&clock(600, Phase::Ready)), "10:00");
        assert_eq!(digits(&clock(75, Phase::Warning)), "01:15");
        assert_eq!(digits(&clock(0, Phase::Over)), "00:00");
        assert_eq!(digits(&clock(-83, Phase::Over)), "+01:23");
    }

    #[test]
    fn calm_warning_over_and_paused_look_different_in_every_theme() {
        use crate::tui::theme::ThemeName;
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::Contrast] {
            let theme = Theme::named(name);
            let looks: Vec<Style> = [Phase::Calm, Phase::Warning, Phase::Over, Phase::Paused]
                .into_iter()
                .map(|p| style(p, &theme))
                .collect();
            for (i, a) in looks.iter().enumerate() {
                for b in &looks[i + 1..] {
                    assert!(
                        a.fg != b.fg || a.add_modifier != b.add_modifier,
                        "{name:?}: {a:?} and {b:?} look the same"
                    );
                }
            }
            assert!(
                looks.iter().all(|s| s.fg != Some(theme.background)),
                "{name:?}"
            );
        }
    }

    #[test]
    fn the_flash_blinks_for_a_few_seconds_after_zero_and_can_be_switched_off() {
        let blinks: Vec<bool> = (0..8)
            .map(|s| flashing(&clock(-s, Phase::Over), true))
            .collect();
        assert_eq!(
            blinks,
            [true, false, true, false, true, false, false, false]
        );
        assert!(!flashing(&clock(0, Phase::Over), false));
        assert!(!flashing(&clock(0, Phase::Paused), true));
    }

    #[test]
    fn the_footer_says_the_state_in_words() {
        assert_eq!(
            status(&clock(454, Phase::Paused), &NL),
            "gepauzeerd · nog 07:34"
        );
        assert_eq!(status(&clock(-83, Phase::Over), &NL), "+01:23 over tijd");
        assert_eq!(status(&clock(600, Phase::Ready), &NL), "begint zo · 10:00");
    }
}
