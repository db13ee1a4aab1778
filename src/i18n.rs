//! The interface language (Dutch or English) and how it is chosen.
//! Each screen keeps its strings in a struct with one const per language, so a missing one fails to compile.

/// Language of the interface; content (sessions, decks) stays as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// Dutch for `nl_*` locales, English for every other locale that is set, Dutch when none is.
    pub fn from_locale(vars: impl Fn(&str) -> Option<String>) -> Lang {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = vars(key).filter(|v| !v.is_empty()) {
                return if value.starts_with("nl") {
                    Lang::Nl
                } else {
                    Lang::En
                };
            }
        }
        Lang::Nl
    }

    /// The language of this process's environment.
    pub fn from_env() -> Lang {
        Lang::from_locale(|key| std::env::var(key).ok())
    }

    /// A date and time as the language writes them: "23-11-2026 09:32" / "23 Nov 2026 09:32"
    /// (24-hour clock in both, as in the Netherlands and most of Europe).
    pub fn date_time<Tz: chrono::TimeZone>(self, at: &chrono::DateTime<Tz>) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        match self {
            Lang::Nl => at.format("%d-%m-%Y %H:%M").to_string(),
            Lang::En => at.format("%-d %b %Y %H:%M").to_string(),
        }
    }

    /// A day and month: "23-11" / "23 Nov".
    pub fn day_month<Tz: chrono::TimeZone>(self, at: &chrono::DateTime<Tz>) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        match self {
            Lang::Nl => at.format("%d-%m").to_string(),
            Lang::En => at.format("%-d %b").to_string(),
        }
    }

    /// A number with one decimal as the language writes it: "7,6" / "7.6".
    pub fn one_decimal(self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self {
            Lang::Nl => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// Pick the string of this language.
    pub fn pick<T: ?Sized>(self, nl: &'static T, en: &'static T) -> &'static T {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn dutch_locale_gives_dutch() {
        assert_eq!(Lang::from_locale(env(&[("LANG", "nl_NL.UTF-8")])), Lang::Nl);
    }

    #[test]
    fn other_locale_gives_english() {
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C")])), Lang::En);
    }

    #[test]
    fn lc_all_wins_over_lang() {
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "nl_BE.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn dates_in_each_language_form() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-03T09:05:00+01:00").unwrap();
        assert_eq!(Lang::Nl.date_time(&at), "03-11-2026 09:05");
        assert_eq!(Lang::En.date_time(&at), "3 Nov 2026 09:05");
        assert_eq!(Lang::Nl.day_month(&at), "03-11");
        assert_eq!(Lang::En.day_month(&at), "3 Nov");
    }

    #[test]
    fn no_locale_gives_dutch() {
        assert_eq!(Lang::from_locale(env(&[])), Lang::Nl);
    }
}
