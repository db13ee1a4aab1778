//! Learning wishes in review: per session, each person's wish and where they stand that day;
//! per programme, each wish with where its person stood on every day (the newest line counts).

use crate::engine::record::{SessionLog, WishAspect};
use crate::engine::wishes::latest;

/// One person's lines of one day: the wish typed that day and where they stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayWish {
    pub name: String,
    pub wish: Option<String>,
    pub stand: Option<String>,
}

/// One person over a programme: the newest wish, and where they stood per day (`None`: nothing
/// typed that day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonWishes {
    pub name: String,
    pub wish: Option<String>,
    pub stands: Vec<Option<String>>,
}

/// Everyone with a line in `log`, in the order they were first written about.
pub fn of_session(log: &SessionLog) -> Vec<DayWish> {
    let mut names: Vec<&str> = Vec::new();
    for line in &log.wishes {
        if !names.contains(&line.name.as_str()) {
            names.push(&line.name);
        }
    }
    names
        .into_iter()
        .map(|name| {
            let text = |aspect| latest(&log.wishes, name, aspect).map(|l| l.text.clone());
            DayWish {
                name: name.to_string(),
                wish: text(WishAspect::Wish),
                stand: text(WishAspect::Stand),
            }
        })
        .collect()
}

/// Everyone with a line on any of `days` (oldest first), in order of first mention.
pub fn of_programme<'a>(days: impl IntoIterator<Item = &'a SessionLog>) -> Vec<PersonWishes> {
    let days: Vec<Vec<DayWish>> = days.into_iter().map(of_session).collect();
    let mut people: Vec<PersonWishes> = Vec::new();
    for (day, lines) in days.iter().enumerate() {
        for line in lines {
            let at = match people.iter().position(|p| p.name == line.name) {
                Some(at) => at,
                None => {
                    people.push(PersonWishes {
                        name: line.name.clone(),
                        wish: None,
                        stands: vec![None; days.len()],
                    });
                    people.len() - 1
                }
            };
            let person = &mut people[at];
            if line.wish.is_some() {
                person.wish.clone_from(&line.wish);
            }
            person.stands[day].clone_from(&line.stand);
        }
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::record::WishLine;

    fn log(lines: &[(&str, WishAspect, &str)]) -> SessionLog {
        let mut log: SessionLog = ron::from_str(
            r#"SessionLog(format: 1, session: (title: "Dag", file: "dag.ron"),
               created: "2026-09-01T09:00:00+02:00", current: 0,
               blocks: [(title: "Leerwensen", kind: "Wishes", planned_seconds: 600)])"#,
        )
        .unwrap();
        log.wishes = lines
            .iter()
            .map(|(name, aspect, text)| WishLine {
                at: log.created,
                name: name.to_string(),
                aspect: *aspect,
                text: text.to_string(),
            })
            .collect();
        log
    }

    #[test]
    fn the_newest_line_counts_and_stands_stay_on_their_day() {
        let day1 = log(&[
            ("Anouk V.", WishAspect::Wish, "Delegeren"),
            ("Bram K.", WishAspect::Wish, "Tegenspraak"),
            ("Anouk V.", WishAspect::Wish, "Beter delegeren"),
        ]);
        let day2 = log(&[("Bram K.", WishAspect::Stand, "Eerste gesprek gevoerd")]);
        let session = of_session(&day1);
        assert_eq!(session.len(), 2);
        assert_eq!(session[0].wish.as_deref(), Some("Beter delegeren"));
        let programme = of_programme([&day1, &day2]);
        assert_eq!(programme[1].name, "Bram K.");
        assert_eq!(programme[1].wish.as_deref(), Some("Tegenspraak"));
        assert_eq!(
            programme[1].stands,
            vec![None, Some("Eerste gesprek gevoerd".to_string())]
        );
        assert_eq!(programme[0].stands, vec![None, None]);
    }
}
