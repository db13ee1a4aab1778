//! Words shared by every rendering of a report (Markdown, the review screens, the workbook):
//! section headings, block kinds, finished or not, and durations as "16 min". Dutch first.

use crate::i18n::Lang;
use crate::journal::record::BlockKindTag;

pub struct Words {
    pub plenary: &'static str,
    pub round: &'static str,
    pub dilemma_kind: &'static str,
    pub pause: &'static str,
    pub breakout: &'static str,
    pub harvest_kind: &'static str,
    pub wishes_kind: &'static str,
    pub evaluation_kind: &'static str,
    /// A session the facilitator finished.
    pub finished: &'static str,
    /// A session that stopped before the end (crash or quit mid-way).
    pub unfinished: &'static str,
    pub timeline: &'static str,
    pub legend_timeline: &'static str,
    pub dilemmas: &'static str,
    pub no_revote: &'static str,
    pub outcome: &'static str,
    pub groups: &'static str,
    pub group: &'static str,
    /// "opnieuw ingedeeld: {}, ..." with `times` counted in.
    pub reshuffled: &'static str,
    pub times: (&'static str, &'static str),
    pub attendance: &'static str,
    pub legend_attendance: &'static str,
    pub present: &'static str,
    pub absent: &'static str,
    pub notes: &'static str,
    pub takeaways: &'static str,
    /// The learning wishes section, and its two lines per person.
    pub wishes: &'static str,
    pub wish: &'static str,
    pub stand: &'static str,
    /// Under the programme's wishes table: what the day columns hold.
    pub legend_wishes: &'static str,
    /// The evaluation section and its parts.
    pub evaluation: &'static str,
    /// "Cijfer {average} · {graded} met cijfer van {forms} formulier(en)".
    pub grade_line: &'static str,
    pub grade: &'static str,
    pub spread: &'static str,
    pub tops: &'static str,
    pub tips: &'static str,
    /// "gemiddeld {} van {}" for a scale question.
    pub scale_average: &'static str,
    /// The programme's grade per day.
    pub grade_trend: &'static str,
    pub forms: &'static str,
    pub pairs: &'static str,
    pub pairs_none: &'static str,
    pub discipline: &'static str,
    pub day: &'static str,
    pub days: (&'static str, &'static str),
    pub programme: &'static str,
    /// Hours and minutes: "{} u {} min".
    pub hours: &'static str,
}

const NL: Words = Words {
    plenary: "Plenair",
    round: "Rondje",
    dilemma_kind: "Dilemma's",
    pause: "Pauze",
    breakout: "Subgroepen",
    harvest_kind: "Oogst",
    wishes_kind: "Leerwensen",
    evaluation_kind: "Evaluatie",
    finished: "afgerond",
    unfinished: "ONAF",
    timeline: "Tijdlijn: gepland en werkelijk",
    legend_timeline: "█ binnen de planning · ▓ uitgelopen · ░ geplande tijd niet gebruikt",
    dilemmas: "Dilemma's: stemming → herstemming",
    no_revote: "geen herstemming",
    outcome: "Uitkomst",
    groups: "Groepen",
    group: "Groep",
    reshuffled: "opnieuw ingedeeld: {}, de laatste indeling telt",
    times: ("keer", "keer"),
    attendance: "Aanwezigheid",
    legend_attendance: "✓ aanwezig · ✗ afwezig · – niet op de lijst",
    present: "Aanwezig",
    absent: "Afwezig",
    notes: "Notities",
    takeaways: "Oogst",
    wishes: "Leerwensen",
    wish: "Leerwens",
    stand: "Waar sta je nu",
    legend_wishes: "Per dag: waar iemand toen stond.",
    evaluation: "Evaluatie",
    grade_line: "Cijfer {} · {} met cijfer van {} formulier(en)",
    grade: "Cijfer",
    spread: "Spreiding 1-10",
    tops: "Tops",
    tips: "Tips",
    scale_average: "gemiddeld {} (schaal 1-{})",
    grade_trend: "Cijfer per dag",
    forms: "Formulieren",
    pairs: "Wie werkte met wie (aantal keer in één groep)",
    pairs_none: "Geen groepsindelingen vastgelegd.",
    discipline: "Tijddiscipline per soort blok",
    day: "Dag",
    days: ("dag", "dagen"),
    programme: "Programma",
    hours: "{} u {} min",
};
const EN: Words = Words {
    plenary: "Plenary",
    round: "Round",
    dilemma_kind: "Dilemmas",
    pause: "Break",
    breakout: "Breakout",
    harvest_kind: "Harvest",
    wishes_kind: "Wishes",
    evaluation_kind: "Evaluation",
    finished: "finished",
    unfinished: "UNFINISHED",
    timeline: "Timeline: planned and actual",
    legend_timeline: "█ within the plan · ▓ overrun · ░ planned time not used",
    dilemmas: "Dilemmas: vote → revote",
    no_revote: "no revote",
    outcome: "Outcome",
    groups: "Groups",
    group: "Group",
    reshuffled: "reshuffled: {}, the last split counts",
    times: ("time", "times"),
    attendance: "Attendance",
    legend_attendance: "✓ present · ✗ absent · – not on the list",
    present: "Present",
    absent: "Absent",
    notes: "Notes",
    takeaways: "Harvest",
    wishes: "Learning wishes",
    wish: "Learning wish",
    stand: "Where they stand",
    legend_wishes: "Per day: where someone stood then.",
    evaluation: "Evaluation",
    grade_line: "Grade {} · {} graded of {} form(s)",
    grade: "Grade",
    spread: "Spread 1-10",
    tops: "Tops",
    tips: "Tips",
    scale_average: "average {} (scale 1-{})",
    grade_trend: "Grade per day",
    forms: "Forms",
    pairs: "Who worked with whom (times in one group)",
    pairs_none: "No group splits recorded.",
    discipline: "Time discipline per block kind",
    day: "Day",
    days: ("day", "days"),
    programme: "Programme",
    hours: "{} h {} min",
};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&NL, &EN)
}

/// A block kind in the interface language.
pub fn kind_name(kind: BlockKindTag, lang: Lang) -> &'static str {
    let s = words(lang);
    match kind {
        BlockKindTag::Plenary => s.plenary,
        BlockKindTag::Round => s.round,
        BlockKindTag::Dilemmas => s.dilemma_kind,
        BlockKindTag::Break => s.pause,
        BlockKindTag::Breakout => s.breakout,
        BlockKindTag::Harvest => s.harvest_kind,
        BlockKindTag::Wishes => s.wishes_kind,
        BlockKindTag::Evaluation => s.evaluation_kind,
    }
}

/// "afgerond" or "ONAF".
pub fn status(finished: bool, lang: Lang) -> &'static str {
    let s = words(lang);
    if finished { s.finished } else { s.unfinished }
}

/// Whole minutes, rounded: 959 seconds is 16.
pub fn whole_minutes(seconds: i64) -> i64 {
    (seconds as f64 / 60.0).round() as i64
}

/// A duration in words a reader cannot take for a clock time: "16 min", "2 u 05 min".
pub fn minutes(seconds: i64, lang: Lang) -> String {
    let m = whole_minutes(seconds.abs());
    if m < 60 {
        format!("{m} min")
    } else {
        crate::text::fill(
            words(lang).hours,
            &[&(m / 60).to_string(), &format!("{:02}", m % 60)],
        )
    }
}

/// A difference in whole minutes with its sign: "+7 min", "-3 min", "±0 min".
pub fn signed_minutes(seconds: i64) -> String {
    crate::text::slip(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_minutes_never_as_clock_times() {
        assert_eq!(minutes(960, Lang::Nl), "16 min");
        assert_eq!(minutes(128, Lang::Nl), "2 min");
        assert_eq!(minutes(0, Lang::En), "0 min");
        assert_eq!(minutes(7500, Lang::Nl), "2 u 05 min");
        assert_eq!(minutes(7500, Lang::En), "2 h 05 min");
        assert_eq!(signed_minutes(-185), "-3 min");
    }
}
