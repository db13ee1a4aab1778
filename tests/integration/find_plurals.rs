//! Counts read as a person writes them, in both languages: "1 sessielog", "1 dag",
//! "1 programma" (not "sessielog(s)", "dag(en)"), and more than one in the plural.

use crate::review_logs;
use regie::i18n::Lang;
use regie::review::Review;
use regie::review::markdown::render;

fn report(days: usize, lang: Lang) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    review_logs::programme_folder(dir.path(), days, false);
    let loaded = regie::review::load(&[dir.path().to_path_buf()]).expect("load");
    render(&Review::build(loaded), lang)
}

#[test]
fn find_one_day_reads_in_the_singular_in_the_report() {
    let nl = report(1, Lang::Nl);
    assert!(nl.contains("Gemaakt uit 1 sessielog."), "{nl}");
    assert!(nl.contains("\n1 dag\n"), "{nl}");
    assert!(!nl.contains("(s)") && !nl.contains("(en)"), "{nl}");
    let en = report(1, Lang::En);
    assert!(en.contains("Made from 1 session log."), "{en}");
    assert!(en.contains("\n1 day\n"), "{en}");
    assert!(!en.contains("(s)"), "{en}");
}

#[test]
fn find_more_days_read_in_the_plural_in_the_report() {
    let nl = report(2, Lang::Nl);
    assert!(nl.contains("Gemaakt uit 2 sessielogs."), "{nl}");
    assert!(nl.contains("\n2 dagen\n"), "{nl}");
    let en = report(2, Lang::En);
    assert!(en.contains("Made from 2 session logs."), "{en}");
    assert!(en.contains("\n2 days\n"), "{en}");
}
