//! The most frequent words of a set of texts, for the room's word list: lowercased, Dutch and
//! English stop words and numbers left out, ties in alphabetical order.

use std::collections::BTreeMap;

/// Words too common to say anything (Dutch and English), lowercase.
const STOP_WORDS: &[&str] = &[
    // Dutch
    "aan", "al", "alle", "alles", "als", "ben", "bij", "dan", "dat", "de", "deze", "die", "dit",
    "doen", "door", "dus", "een", "en", "er", "erg", "het", "hier", "hij", "hoe", "ik", "in", "is",
    "je", "jij", "kan", "kon", "maar", "me", "meer", "met", "mij", "mijn", "na", "naar", "niet",
    "nog", "nu", "of", "om", "ook", "op", "over", "te", "toe", "tot", "u", "uit", "van", "veel",
    "voor", "was", "wat", "we", "wel", "werd", "wij", "wordt", "zal", "ze", "zeer", "zich", "zij",
    "zijn", "zo", "zou", "heel", "geen", "hun", "wie", "waar", "worden", "had", "hebben", "heb",
    "heeft", "was", "waren", "mee", "iets", "echt", // English
    "a", "about", "all", "also", "am", "an", "and", "are", "as", "at", "be", "been", "but", "by",
    "can", "could", "did", "do", "for", "from", "had", "has", "have", "he", "her", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "much", "my", "no", "not",
    "of", "on", "or", "our", "so", "some", "than", "that", "the", "their", "them", "then", "there",
    "they", "this", "to", "too", "up", "us", "very", "was", "we", "were", "what", "when", "which",
    "who", "will", "with", "would", "you", "your",
];

/// A word and how many times it was used.
pub type WordCount = (String, u32);

/// The `most` most frequent words of `texts`, most frequent first. Words are runs of letters
/// (apostrophes and hyphens inside a word kept), lowercased; one-letter words, numbers and
/// stop words are left out.
pub fn frequent_words<'a>(texts: impl IntoIterator<Item = &'a str>, most: usize) -> Vec<WordCount> {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for text in texts {
        for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')) {
            let word = word
                .trim_matches(|c: char| c == '\'' || c == '-')
                .to_lowercase();
            if word.chars().count() < 2
                || word.chars().all(|c| c.is_numeric())
                || STOP_WORDS.contains(&word.as_str())
            {
                continue;
            }
            *counts.entry(word).or_default() += 1;
        }
    }
    let mut words: Vec<WordCount> = counts.into_iter().collect();
    // Stable: equal counts keep the alphabetical order of the map.
    words.sort_by_key(|w| std::cmp::Reverse(w.1));
    words.truncate(most);
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_words_without_stop_words_in_lowercase() {
        let words = frequent_words(
            [
                "Veel geoefend, fijne groep!",
                "De groep was fijn en er werd veel geoefend",
                "Oefenen met de GROEP; 10 uur",
            ],
            3,
        );
        assert_eq!(
            words,
            [
                ("groep".to_string(), 3),
                ("geoefend".to_string(), 2),
                ("fijn".to_string(), 1)
            ]
        );
    }

    #[test]
    fn dutch_letters_stay_whole() {
        let words = frequent_words(["Coöperatie en ruimte-geven; re\u{eb}el"], 10);
        let words: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["coöperatie", "reëel", "ruimte-geven"]);
    }

    proptest::proptest! {
        #[test]
        fn never_more_than_asked_and_never_a_stop_word(
            texts in proptest::collection::vec(".{0,60}", 0..8),
            most in 0usize..12,
        ) {
            let words = frequent_words(texts.iter().map(String::as_str), most);
            proptest::prop_assert!(words.len() <= most);
            for (word, n) in &words {
                proptest::prop_assert!(*n >= 1);
                proptest::prop_assert!(!STOP_WORDS.contains(&word.as_str()));
                proptest::prop_assert!(!word.chars().any(|c| c.is_ascii_uppercase()));
            }
        }
    }
}
