//! Words shared by the review screens and the Markdown report: block kinds, finished or not.
//! One const per language, Dutch first, like every screen's strings.

use crate::i18n::Lang;

pub struct KindStrings {
    pub plenary: &'static str,
    pub round: &'static str,
    pub dilemmas: &'static str,
    pub pause: &'static str,
    pub breakout: &'static str,
    pub harvest: &'static str,
    /// A session the facilitator finished.
    pub finished: &'static str,
    /// A session that stopped before the end (crash or quit mid-way).
    pub unfinished: &'static str,
}

const NL: KindStrings = KindStrings {
    plenary: "Plenair",
    round: "Rondje",
    dilemmas: "Dilemma's",
    pause: "Pauze",
    breakout: "Subgroepen",
    harvest: "Oogst",
    finished: "afgerond",
    unfinished: "ONAF",
};
const EN: KindStrings = KindStrings {
    plenary: "Plenary",
    round: "Round",
    dilemmas: "Dilemmas",
    pause: "Break",
    breakout: "Breakout",
    harvest: "Harvest",
    finished: "finished",
    unfinished: "UNFINISHED",
};

pub fn strings(lang: Lang) -> &'static KindStrings {
    lang.pick(&NL, &EN)
}

/// A block kind as recorded ("Plenary", ...) in the interface language; unknown kinds as written.
pub fn kind_name(kind: &str, lang: Lang) -> &str {
    let s = strings(lang);
    match kind {
        "Plenary" => s.plenary,
        "Round" => s.round,
        "Dilemmas" => s.dilemmas,
        "Break" => s.pause,
        "Breakout" => s.breakout,
        "Harvest" => s.harvest,
        other => other,
    }
}

/// "afgerond" or "ONAF".
pub fn status(finished: bool, lang: Lang) -> &'static str {
    let s = strings(lang);
    if finished { s.finished } else { s.unfinished }
}
