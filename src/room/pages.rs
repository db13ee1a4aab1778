//! The pages and their scripts, embedded in the binary: no framework, no outside fonts or
//! scripts. Words come from a Dutch and an English table; everything shown later arrives as
//! JSON and is put on the page as text (never as HTML).

use super::clean::html;
use super::http::{Request, form_value};
use crate::i18n::Lang;

/// The words of the pages.
pub struct PageStrings {
    pub lang: &'static str,
    pub title: &'static str,
    pub anonymous: &'static str,
    pub code_label: &'static str,
    pub join: &'static str,
    pub wrong_code: &'static str,
    pub waiting: &'static str,
    pub received: &'static str,
    pub change: &'static str,
    pub closed: &'static str,
    pub revote: &'static str,
    pub results: &'static str,
    pub first: &'static str,
    pub finished: &'static str,
    pub offline: &'static str,
    pub busy: &'static str,
    pub room_title: &'static str,
    pub next: &'static str,
    pub back_at: &'static str,
    pub group: &'static str,
    pub votes_counted: &'static str,
    pub form_grade: &'static str,
    pub form_top: &'static str,
    pub form_tip: &'static str,
    pub form_send: &'static str,
    pub form_received: &'static str,
    pub form_anonymous: &'static str,
    pub forms_in: &'static str,
    pub average: &'static str,
}

const NL: PageStrings = PageStrings {
    lang: "nl",
    title: "Stemmen",
    anonymous: "Je stem is anoniem: regie bewaart alleen tellingen en een willekeurige code \
                voor dit toestel, geen naam en geen adres.",
    code_label: "Toegangscode",
    join: "Meedoen",
    wrong_code: "Deze code klopt niet.",
    waiting: "Wacht op de volgende kaart…",
    received: "Stem ontvangen",
    change: "Je kunt je stem wijzigen tot de uitslag getoond wordt.",
    closed: "Stemmen is gesloten.",
    revote: "Herstemming",
    results: "Uitslag",
    first: "Eerste stemming",
    finished: "De sessie is afgelopen. Bedankt!",
    offline: "Verbinding weg — opnieuw verbinden…",
    busy: "Even te druk, probeer het zo opnieuw.",
    room_title: "Zaal",
    next: "Hierna",
    back_at: "Terug om",
    group: "Groep",
    votes_counted: "stemmen geteld",
    form_grade: "Welk cijfer geef je? (1-10)",
    form_top: "Top: wat was goed?",
    form_tip: "Tip: wat kan beter?",
    form_send: "Versturen",
    form_received: "Formulier ontvangen. Je kunt het aanpassen zolang de evaluatie open is.",
    form_anonymous: "Anoniem: je antwoorden worden zonder naam of adres bewaard; een open \
                     antwoord komt pas op het scherm als de begeleider het goedkeurt.",
    forms_in: "formulieren ingevuld",
    average: "gemiddeld",
};

const EN: PageStrings = PageStrings {
    lang: "en",
    title: "Vote",
    anonymous: "Your vote is anonymous: regie keeps only counts and a random code for this \
                device, no name and no address.",
    code_label: "Join code",
    join: "Join",
    wrong_code: "This code is not right.",
    waiting: "Waiting for the next card…",
    received: "Vote received",
    change: "You can change your vote until the results are shown.",
    closed: "Voting is closed.",
    revote: "Revote",
    results: "Results",
    first: "First vote",
    finished: "The session has ended. Thank you!",
    offline: "Connection lost — reconnecting…",
    busy: "Too busy right now, try again in a moment.",
    room_title: "Room",
    next: "Next",
    back_at: "Back at",
    group: "Group",
    votes_counted: "votes counted",
    form_grade: "What grade do you give? (1-10)",
    form_top: "Top: what was good?",
    form_tip: "Tip: what could be better?",
    form_send: "Send",
    form_received: "Form received. You can change it while the evaluation is open.",
    form_anonymous: "Anonymous: your answers are kept without a name or an address; an open \
                     answer reaches the screen only once the facilitator approves it.",
    forms_in: "forms filled in",
    average: "average",
};

pub fn strings(lang: Lang) -> &'static PageStrings {
    lang.pick(&NL, &EN)
}

/// `?lang=nl|en`, else the browser's first language (Dutch for `nl*`, English for any other),
/// else `default`.
pub fn lang_of(request: &Request, default: Lang) -> Lang {
    match form_value(&request.query, "lang").as_deref() {
        Some("nl") => return Lang::Nl,
        Some("en") => return Lang::En,
        _ => {}
    }
    match request.accept_language.as_deref().map(str::trim) {
        Some(tags) if !tags.is_empty() && !tags.starts_with('*') => {
            if tags.to_ascii_lowercase().starts_with("nl") {
                Lang::Nl
            } else {
                Lang::En
            }
        }
        _ => default,
    }
}

const PHONE: &str = include_str!("assets/phone.html");
const ROOM: &str = include_str!("assets/room.html");

/// The participant page in `lang`.
pub fn phone_page(lang: Lang) -> String {
    fill(PHONE, strings(lang))
}

/// The room view page in `lang`.
pub fn room_page(lang: Lang) -> String {
    fill(ROOM, strings(lang))
}

/// Replace each `{{name}}` with its string, HTML-escaped.
fn fill(template: &str, s: &PageStrings) -> String {
    let pairs: [(&str, &str); 29] = [
        ("lang", s.lang),
        ("title", s.title),
        ("anonymous", s.anonymous),
        ("code_label", s.code_label),
        ("join", s.join),
        ("wrong_code", s.wrong_code),
        ("waiting", s.waiting),
        ("received", s.received),
        ("change", s.change),
        ("closed", s.closed),
        ("revote", s.revote),
        ("results", s.results),
        ("first", s.first),
        ("finished", s.finished),
        ("offline", s.offline),
        ("busy", s.busy),
        ("room_title", s.room_title),
        ("next", s.next),
        ("back_at", s.back_at),
        ("group", s.group),
        ("votes_counted", s.votes_counted),
        ("form_grade", s.form_grade),
        ("form_top", s.form_top),
        ("form_tip", s.form_tip),
        ("form_send", s.form_send),
        ("form_received", s.form_received),
        ("form_anonymous", s.form_anonymous),
        ("forms_in", s.forms_in),
        ("average", s.average),
    ];
    let mut page = template.to_owned();
    for (name, value) in pairs {
        page = page.replace(&format!("{{{{{name}}}}}"), &html(value));
    }
    page
}

/// The static files next to the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asset {
    PhoneScript,
    RoomScript,
    Style,
}

impl Asset {
    pub fn at(path: &str) -> Option<Asset> {
        match path {
            "/phone.js" => Some(Asset::PhoneScript),
            "/room.js" => Some(Asset::RoomScript),
            "/style.css" => Some(Asset::Style),
            _ => None,
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Asset::PhoneScript | Asset::RoomScript => "text/javascript; charset=utf-8",
            Asset::Style => "text/css; charset=utf-8",
        }
    }

    pub fn body(self) -> &'static str {
        match self {
            Asset::PhoneScript => include_str!("assets/phone.js"),
            Asset::RoomScript => include_str!("assets/room.js"),
            Asset::Style => include_str!("assets/style.css"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled_in_both_languages() {
        for lang in [Lang::Nl, Lang::En] {
            for page in [phone_page(lang), room_page(lang)] {
                assert!(!page.contains("{{"), "unfilled placeholder in {page}");
            }
        }
        assert!(phone_page(Lang::Nl).contains("anoniem"));
        assert!(phone_page(Lang::En).contains("anonymous"));
    }

    #[test]
    fn the_pages_load_nothing_from_elsewhere() {
        for page in [phone_page(Lang::Nl), room_page(Lang::Nl)] {
            assert!(
                !page.contains("http://") && !page.contains("https://"),
                "{page}"
            );
        }
    }
}
