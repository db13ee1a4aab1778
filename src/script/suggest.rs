//! "Did you mean ...?": the closest of a list of valid names to a misspelt one.
//! Plain edit distance, case-insensitive, with a limit so unrelated names are not offered.

/// The valid name closest to `found`, when it is close enough to be a likely typo, or the
/// only valid name that starts with it (`Bram` for `Bram K.`).
pub fn closest<'a>(found: &str, valid: &[&'a str]) -> Option<&'a str> {
    let found_lower = found.to_lowercase();
    let length = found_lower.chars().count();
    let limit = (found.chars().count() / 3).max(1);
    let by_distance = valid
        .iter()
        // The difference in length is a lower bound of the distance: names that differ more
        // are not compared at all (a pasted line of a megabyte is nobody's typo).
        .filter(|v| length.abs_diff(v.chars().count()) <= limit)
        .map(|v| (distance(&found_lower, &v.to_lowercase()), *v))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v);
    by_distance.or_else(|| {
        let mut starting = valid.iter().filter(|v| {
            !found_lower.trim().is_empty() && v.to_lowercase().starts_with(&found_lower)
        });
        match (starting.next(), starting.next()) {
            (Some(only), None) => Some(*only),
            _ => None,
        }
    })
}

/// Edit distance in characters, where swapping two neighbours counts as one edit
/// (optimal string alignment), so `titel` is one edit from `title`.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let fields = ["title", "minutes", "kind", "notes"];
        assert_eq!(closest("minuten", &fields), Some("minutes"));
        assert_eq!(closest("Titel", &fields), Some("title"));
        assert_eq!(closest("duration", &fields), None);
        assert_eq!(closest("plenery", &["Plenary", "Break"]), Some("Plenary"));
        assert_eq!(
            closest("Dirk-Jan", &["Dirk-Jan P.", "Bram K."]),
            Some("Dirk-Jan P.")
        );
        assert_eq!(closest("Anouk", &["Anouk V.", "Anouk B."]), None);
        assert_eq!(closest("", &["Anouk V."]), None);
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("é", "e"), 1);
        assert_eq!(distance("titel", "title"), 1);
    }
}
