//! Every validation rule of the three file formats, each shown to fire on a small edit of a
//! valid programme and to point at the offending value (file, line, column).

use crate::common;

use common::{Programme, single};
use regie::script::{self, BlockKind};

const S: &str = "dag-1.ron";
const C: &str = "cohort.ron";
const D: &str = "decks/kaarten.ron";

#[test]
fn the_valid_programme_loads_with_its_cohort_and_deck() {
    let p = Programme::new();
    let loaded = p.session().expect("valid fixture");
    assert_eq!(loaded.session.blocks.len(), 6);
    assert_eq!(
        loaded.cohort.as_ref().map(|c| c.participants.len()),
        Some(4)
    );
    assert_eq!(loaded.decks["decks/kaarten.ron"].cards.len(), 2);
    assert!(matches!(
        loaded.session.blocks[2].kind,
        BlockKind::Dilemmas { draw: 2, .. }
    ));
}

#[test]
fn syntax_error_points_at_the_spot() {
    let p = Programme::new();
    p.edit(S, "kind: Plenary, notes", "kind: Plenary notes");
    let errors = p.session_errors();
    p.assert_at(single(&errors), S, "notes: \"Eén", "expected comma");
    assert!(errors[0].hint.as_deref().unwrap_or("").contains("comma"));
}

#[test]
fn unknown_field_is_an_error_with_a_suggestion() {
    let p = Programme::new();
    p.edit(S, "minutes: 20", "minuten: 20");
    let errors = p.session_errors();
    let d = single(&errors);
    p.assert_at(d, S, "minuten", "`minuten`");
    assert_eq!(
        d.hint.as_deref(),
        Some("did you mean `minutes`? (fields here: title, minutes, kind, notes)")
    );
}

#[test]
fn unknown_field_in_a_deck_and_a_cohort() {
    let p = Programme::new();
    p.edit(D, "situation:", "situatie:");
    let d = script::load_deck(&p.path(D)).unwrap_err();
    p.assert_at(single(&d.diagnostics), D, "situatie", "`situatie`");
    let hint = d.diagnostics[0].hint.as_deref().unwrap_or_default();
    assert!(hint.starts_with("did you mean `situation`?"), "{hint}");

    p.edit(C, "keep_apart", "keep_appart");
    let d = script::load_cohort(&p.path(C)).unwrap_err();
    p.assert_at(single(&d.diagnostics), C, "keep_appart", "`keep_appart`");
}

#[test]
fn unknown_block_kind_lists_the_valid_kinds() {
    let p = Programme::new();
    p.edit(S, "kind: Harvest", "kind: Harvst");
    let errors = p.session_errors();
    let d = single(&errors);
    p.assert_at(d, S, "Harvst", "`Harvst`");
    let hint = d.hint.as_deref().unwrap_or_default();
    assert!(hint.starts_with("did you mean `Harvest`?"), "{hint}");
    for kind in [
        "Plenary", "Round", "Dilemmas", "Break", "Breakout", "Harvest",
    ] {
        assert!(hint.contains(kind), "{kind} missing from: {hint}");
    }
}

#[test]
fn wrong_types_are_errors() {
    let p = Programme::new();
    p.edit(S, "minutes: 45", "minutes: \"45\"");
    let errors = p.session_errors();
    p.assert_at(single(&errors), S, "\"45\"", "expected integer");

    let p = Programme::new();
    p.edit(D, "\"Afwijzen\"", "3");
    let errors = script::load_deck(&p.path(D)).unwrap_err().diagnostics;
    p.assert_at(single(&errors), D, "3, \"Toch", "expected string");
}

#[test]
fn missing_required_field_is_an_error() {
    let p = Programme::new();
    p.edit(
        S,
        "(title: \"Pauze\", minutes: 15, kind: Break)",
        "(title: \"Pauze\", kind: Break)",
    );
    let errors = p.session_errors();
    p.assert_at(
        single(&errors),
        S,
        "),\n        (title: \"Subgroepen\"",
        "missing field `minutes` in `Block`",
    );
}

#[test]
fn missing_deck_is_reported_where_the_session_names_it() {
    let p = Programme::new();
    p.edit(S, "decks/kaarten.ron", "decks/kaart.ron");
    let errors = p.session_errors();
    let d = single(&errors);
    p.assert_at(
        d,
        S,
        "\"decks/kaart.ron\"",
        "deck file `decks/kaart.ron`: file not found",
    );
    assert!(
        d.hint
            .as_deref()
            .unwrap_or_default()
            .contains("relative to the folder")
    );
}

#[test]
fn missing_cohort_is_reported_where_the_session_names_it() {
    let p = Programme::new();
    std::fs::remove_file(p.path(C)).unwrap();
    let errors = p.session_errors();
    p.assert_at(
        single(&errors),
        S,
        "\"cohort.ron\"",
        "cohort file `cohort.ron`: file not found",
    );
}

#[test]
fn an_invalid_deck_is_reported_in_the_deck_with_a_note_in_the_session() {
    let p = Programme::new();
    p.edit(D, "id: \"termijn\"", "id: \"moestuin\"");
    let errors = p.session_errors();
    let d = single(&errors);
    p.assert_at(
        d,
        D,
        "\"moestuin\",\n            title: \"De gemiste",
        "`moestuin` is used twice",
    );
    let note = d
        .notes
        .iter()
        .find(|n| n.file.ends_with(S))
        .expect("a note in the session");
    assert_eq!(
        (note.line, note.column),
        p.position_of(S, "\"decks/kaarten.ron\"")
    );
    let text = d.to_string();
    assert!(
        text.contains(&format!(
            "{}:{}:{}: note:",
            note.file, note.line, note.column
        )),
        "{text}"
    );
}

#[test]
fn an_invalid_cohort_is_reported_in_the_cohort_with_a_note_in_the_session() {
    let p = Programme::new();
    p.edit(C, "name: \"Bram K.\"", "name: \"Anouk V.\"");
    let errors = p.session_errors();
    // The keep_apart pair now names Bram K., who is gone, and Anouk is listed twice.
    assert_eq!(
        errors.len(),
        2,
        "{}",
        script::LoadError::new(errors.clone())
    );
    p.assert_at(
        &errors[0],
        C,
        "\"Anouk V.\", attributes: {\"afdeling\": \"uitvoering\"",
        "listed twice",
    );
    assert!(errors[0].notes.iter().any(|n| n.file.ends_with(S)));
}

#[test]
fn block_duration_must_be_between_1_and_720_minutes() {
    let p = Programme::new();
    p.edit(S, "minutes: 20, kind: Round", "minutes: 0, kind: Round");
    p.assert_at(
        single(&p.session_errors()),
        S,
        "0, kind: Round",
        "lasts 0 minutes",
    );

    let p = Programme::new();
    p.edit(S, "minutes: 20, kind: Round", "minutes: 721, kind: Round");
    p.assert_at(single(&p.session_errors()), S, "721", "the limit is 720");

    let p = Programme::new();
    p.edit(S, "minutes: 20, kind: Round", "minutes: 720, kind: Round");
    assert!(p.session().is_ok(), "720 minutes is allowed");
}

#[test]
fn a_session_needs_blocks() {
    let p = Programme::new();
    p.write(S, "Session(\n    title: \"Leeg\",\n    blocks: [],\n)\n");
    p.assert_at(single(&p.session_errors()), S, "[]", "no blocks");
}

#[test]
fn a_card_needs_two_options_a_situation_a_title_and_an_id() {
    let p = Programme::new();
    p.edit(
        D,
        "[\"Afwijzen\", \"Toch behandelen\", \"Eerst overleggen\"]",
        "[\"Afwijzen\"]",
    );
    let errors = script::load_deck(&p.path(D)).unwrap_err().diagnostics;
    p.assert_at(
        single(&errors),
        D,
        "[\"Afwijzen\"]",
        "1 option; a dilemma needs at least two",
    );

    let p = Programme::new();
    p.edit(D, "situation: \"Een aanvraag kwam twee dagen na de termijn binnen; de aanvrager lag in het ziekenhuis.\"", "situation: \"  \"");
    let errors = script::load_deck(&p.path(D)).unwrap_err().diagnostics;
    p.assert_at(single(&errors), D, "\"  \"", "empty situation");

    let p = Programme::new();
    p.edit(D, "title: \"De gemiste termijn\"", "title: \"\"");
    let errors = script::load_deck(&p.path(D)).unwrap_err().diagnostics;
    p.assert_at(single(&errors), D, "\"\"", "empty title");

    let p = Programme::new();
    p.edit(D, "id: \"termijn\"", "id: \"\"");
    let errors = script::load_deck(&p.path(D)).unwrap_err().diagnostics;
    p.assert_at(single(&errors), D, "\"\"", "empty id");
}

#[test]
fn card_ids_are_unique_within_a_deck() {
    let p = Programme::new();
    p.edit(D, "id: \"termijn\"", "id: \"moestuin\"");
    let errors = script::load_deck(&p.path(D)).unwrap_err().diagnostics;
    let d = single(&errors);
    p.assert_at(
        d,
        D,
        "\"moestuin\",\n            title: \"De gemiste",
        "used twice",
    );
    let first = &d.notes[0];
    assert_eq!((first.line, first.column), p.position_of(D, "\"moestuin\""));
}

#[test]
fn participant_names_are_unique() {
    let p = Programme::new();
    p.edit(
        C,
        "(name: \"Dirk-Jan P.\")",
        "(name: \"Chantal M.\"), (name: \"Dirk-Jan P.\")",
    );
    let errors = script::load_cohort(&p.path(C)).unwrap_err().diagnostics;
    let d = single(&errors);
    p.assert_at(
        d,
        C,
        "\"Chantal M.\"), (name",
        "`Chantal M.` is listed twice",
    );
    assert_eq!(
        (d.notes[0].line, d.notes[0].column),
        p.position_of(C, "\"Chantal M.\"")
    );
}

#[test]
fn keep_apart_and_keep_together_name_participants() {
    let p = Programme::new();
    p.edit(
        C,
        "keep_apart: [(\"Anouk V.\", \"Bram K.\")]",
        "keep_apart: [(\"Anouk V.\", \"Bram\")]",
    );
    let errors = script::load_cohort(&p.path(C)).unwrap_err().diagnostics;
    let d = single(&errors);
    p.assert_at(
        d,
        C,
        "\"Bram\"",
        "`Bram` in keep_apart is not a participant",
    );

    let p = Programme::new();
    p.edit(
        C,
        "(\"Chantal M.\", \"Dirk-Jan P.\")",
        "(\"Chantal M.\", \"Dirk-Jan\")",
    );
    let errors = script::load_cohort(&p.path(C)).unwrap_err().diagnostics;
    let d = single(&errors);
    p.assert_at(
        d,
        C,
        "\"Dirk-Jan\"",
        "`Dirk-Jan` in keep_together is not a participant",
    );
    assert_eq!(d.hint.as_deref(), Some("did you mean `Dirk-Jan P.`?"));
}

#[test]
fn a_pair_cannot_be_kept_apart_and_together() {
    let p = Programme::new();
    p.edit(
        C,
        "keep_together: [",
        "keep_together: [(\"Bram K.\", \"Anouk V.\"), ",
    );
    let errors = script::load_cohort(&p.path(C)).unwrap_err().diagnostics;
    let d = single(&errors);
    p.assert_at(
        d,
        C,
        "(\"Bram K.\", \"Anouk V.\")",
        "in both keep_apart and keep_together",
    );
    assert_eq!(
        (d.notes[0].line, d.notes[0].column),
        p.position_of(C, "(\"Anouk V.\", \"Bram K.\")")
    );
}

#[test]
fn nobody_is_paired_with_themselves() {
    let p = Programme::new();
    p.edit(
        C,
        "keep_apart: [(\"Anouk V.\", \"Bram K.\")]",
        "keep_apart: [(\"Bram K.\", \"Bram K.\")]",
    );
    let errors = script::load_cohort(&p.path(C)).unwrap_err().diagnostics;
    p.assert_at(
        single(&errors),
        C,
        "(\"Bram K.\", \"Bram K.\")",
        "paired with themselves",
    );
}

#[test]
fn breakout_groups_have_at_least_two_people() {
    let p = Programme::new();
    p.edit(S, "Breakout(size: 2", "Breakout(size: 1");
    p.assert_at(
        single(&p.session_errors()),
        S,
        "1, balance",
        "smallest size is 2",
    );
}

#[test]
fn breakout_balances_on_attributes_the_cohort_has() {
    let p = Programme::new();
    p.edit(S, "balance: [\"afdeling\"]", "balance: [\"afdelng\"]");
    let errors = p.session_errors();
    let d = single(&errors);
    p.assert_at(d, S, "\"afdelng\"", "attribute `afdelng`");
    assert_eq!(d.hint.as_deref(), Some("did you mean `afdeling`?"));
}

#[test]
fn a_round_gives_each_person_time() {
    let p = Programme::new();
    p.edit(S, "seconds_each: 90", "seconds_each: 0");
    p.assert_at(single(&p.session_errors()), S, "0))", "at least 1 second");
}

#[test]
fn dilemmas_draw_at_least_one_card_and_no_more_than_the_deck_holds() {
    let p = Programme::new();
    p.edit(S, "draw: 2", "draw: 0");
    p.assert_at(
        single(&p.session_errors()),
        S,
        "0)),\n        (title: \"Pauze\"",
        "at least 1 card",
    );

    let p = Programme::new();
    p.edit(S, "draw: 2", "draw: 3");
    p.assert_at(single(&p.session_errors()), S, "3)),", "has only 2");
    assert_eq!(
        p.position_of(S, "3)),").0,
        11,
        "the needle is on the Dilemmas line"
    );
}

#[test]
fn an_empty_file_is_an_error() {
    let p = Programme::new();
    p.write(S, "\n   // alleen commentaar\n");
    let errors = p.session_errors();
    let d = single(&errors);
    assert_eq!((d.line, d.column), (1, 1));
    assert_eq!(d.message, "the file is empty");

    p.write(S, "");
    assert_eq!(single(&p.session_errors()).message, "the file is empty");
}

#[test]
fn a_file_that_is_not_utf8_points_at_the_first_bad_byte() {
    let p = Programme::new();
    let mut bytes = p.read(C).into_bytes();
    let at = p.read(C).find("Bram").unwrap();
    bytes[at + 1] = 0xE9; // "Bram" -> "B\xE9am" as a Latin-1 editor would save "Béam"
    p.write(C, &bytes);
    let errors = script::load_cohort(&p.path(C)).unwrap_err().diagnostics;
    let d = single(&errors);
    // `        (name: "B` is 17 characters: the bad byte is the 18th on line 5.
    assert_eq!((d.line, d.column), (5, 18), "{d}");
    assert!(d.message.contains("not valid UTF-8"), "{d}");
    assert!(d.message.contains("0xE9"), "{d}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let p = Programme::new();
    let text = p.read(C);
    p.write(C, format!("\u{feff}{text}"));
    assert!(script::load_cohort(&p.path(C)).is_ok());
}

#[test]
fn start_must_be_hh_mm() {
    for bad in ["9:30", "24:00", "09:60", "half tien"] {
        let p = Programme::new();
        p.edit(S, "\"09:30\"", &format!("\"{bad}\""));
        let errors = p.session_errors();
        p.assert_at(
            single(&errors),
            S,
            &format!("\"{bad}\""),
            "not a time of day as HH:MM",
        );
    }
}

#[test]
fn optional_values_may_be_written_without_some() {
    let p = Programme::new();
    p.edit(S, "cohort: Some(\"cohort.ron\")", "cohort: \"cohort.ron\"");
    p.edit(S, "start: Some(\"09:30\")", "start: \"09:30\"");
    let loaded = p.session().expect("implicit Some");
    assert_eq!(loaded.session.start.as_deref(), Some("09:30"));
    assert!(loaded.cohort.is_some());
}

#[test]
fn all_semantic_errors_of_all_files_are_collected() {
    let p = Programme::new();
    p.edit(S, "minutes: 15, kind: Plenary", "minutes: 0, kind: Plenary");
    p.edit(S, "seconds_each: 90", "seconds_each: 0");
    p.edit(S, "Breakout(size: 2", "Breakout(size: 1");
    p.edit(D, "id: \"termijn\"", "id: \"moestuin\"");
    p.edit(
        C,
        "(\"Chantal M.\", \"Dirk-Jan P.\")",
        "(\"Chantal M.\", \"Nobody\")",
    );
    let errors = p.session_errors();
    let places: Vec<String> = errors
        .iter()
        .map(|d| {
            format!(
                "{}:{}",
                d.file.rsplit('/').next().unwrap_or_default(),
                d.line
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            "dag-1.ron:9",
            "dag-1.ron:10",
            "dag-1.ron:13",
            "cohort.ron:10",
            "kaarten.ron:13"
        ],
        "{}",
        script::LoadError::new(errors.clone())
    );
}

#[test]
fn rendered_errors_show_the_line_a_marker_and_the_hint() {
    let p = Programme::new();
    p.edit(S, "minutes: 20", "minuten: 20");
    let err = p.session().unwrap_err();
    let text = err.to_string();
    assert_eq!(text, err.render());
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].ends_with("dag-1.ron:10:27: error: unknown field `minuten` in `Block`"),
        "{text}"
    );
    assert!(
        text.contains(
            "10 │         (title: \"Rondje\", minuten: 20, kind: Round(seconds_each: 90)),"
        ),
        "{text}"
    );
    assert!(text.contains("help: did you mean `minutes`?"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour codes in plain text");
}

#[test]
fn a_deck_used_by_two_blocks_is_read_and_reported_once() {
    let p = Programme::new();
    p.edit(
        S,
        "(title: \"Pauze\", minutes: 15, kind: Break)",
        "(title: \"Meer kaarten\", minutes: 15, kind: Dilemmas(deck: \"./decks/../decks/kaarten.ron\", draw: 1))",
    );
    let loaded = p.session().expect("valid");
    assert_eq!(loaded.decks.len(), 2, "both spellings map to the deck");

    p.edit(D, "id: \"termijn\"", "id: \"moestuin\"");
    let errors = p.session_errors();
    p.assert_at(
        single(&errors),
        D,
        "\"moestuin\",\n            title: \"De gemiste",
        "used twice",
    );
}

#[test]
fn common_slips_get_a_hint_that_says_how_to_write_it() {
    let cases = [
        (
            "kind: Harvest",
            "kind: Harvest()",
            "`Harvest` has no fields",
        ),
        ("kind: Break", "kind: \"Break\"", "without quotes"),
        (
            "minutes: 15, kind: Break",
            "minutes: 15.5, kind: Break",
            "only whole numbers",
        ),
        (
            "Round(seconds_each: 90)",
            "Round",
            "`Round` needs its fields",
        ),
        ("Round(seconds_each: 90)", "Round(90)", "`name: value`"),
        ("start: Some(\"09:30\")", "start: 09:30", "double quotes"),
    ];
    for (from, to, hint) in cases {
        let p = Programme::new();
        p.edit(S, from, to);
        let errors = p.session_errors();
        let d = single(&errors);
        assert!(
            d.hint.as_deref().unwrap_or_default().contains(hint),
            "{to}: expected a hint with `{hint}`:\n{d}"
        );
    }
    let p = Programme::new();
    p.edit(
        D,
        "options: [\"Afwijzen\", \"Toch behandelen\", \"Eerst overleggen\"]",
        "options: \"Afwijzen\"",
    );
    let errors = script::load_deck(&p.path(D)).unwrap_err().diagnostics;
    assert!(
        single(&errors)
            .hint
            .as_deref()
            .unwrap_or_default()
            .contains("square brackets")
    );
}

#[test]
fn an_attendance_rule_is_a_percentage_of_the_days() {
    let p = Programme::new();
    let valid = std::fs::read_to_string(p.path(C)).expect("cohort");
    let last = valid.rfind(')').expect("the cohort closes");
    let with_rule = |rule: &str| format!("{}    attendance_rule: {rule},\n)", &valid[..last]);
    std::fs::write(p.path(C), with_rule("Some(75)")).expect("write");
    let cohort = script::load_cohort(&p.path(C)).expect("75% is a rule");
    assert_eq!(cohort.attendance_rule, Some(75));
    std::fs::write(p.path(C), with_rule("Some(120)")).expect("write");
    let errors = script::load_cohort(&p.path(C)).unwrap_err().diagnostics;
    let d = single(&errors);
    p.assert_at(d, C, "120)", "120% is not a share of the days");
}
