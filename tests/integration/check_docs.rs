//! The docs stay true: every ```ron example of docs/formats.md is written to the file its first
//! comment names and must pass `regie check`; the sample error output is what regie prints; the
//! example of docs/log-format.md reads as a session log.

use regie::script::{FileKind, check_paths};
use std::path::Path;

const FORMATS: &str = include_str!("../../docs/formats.md");

/// The contents of the fenced blocks of one language.
fn fenced(markdown: &str, language: &str) -> Vec<String> {
    let open = format!("```{language}\n");
    let mut blocks = Vec::new();
    let mut rest = markdown;
    while let Some(start) = rest.find(&open) {
        let body = &rest[start + open.len()..];
        let end = body.find("\n```").expect("a closed code block");
        blocks.push(body[..end + 1].to_string());
        rest = &body[end + 4..];
    }
    blocks
}

#[test]
fn every_ron_example_in_the_docs_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let examples = fenced(FORMATS, "ron");
    assert!(examples.len() >= 4, "found {} examples", examples.len());
    for example in &examples {
        let first = example.lines().next().unwrap_or_default();
        let name = first
            .strip_prefix("// ")
            .unwrap_or_else(|| panic!("example must start with `// <path>`:\n{example}"));
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, example).unwrap();
    }
    let report = check_paths(&[dir.path().to_path_buf()]);
    assert_eq!(report.exit_code(), 0, "{}", report.render(false));
    assert_eq!(report.files.len(), examples.len());
    for kind in FileKind::ALL {
        assert!(
            report.files.iter().any(|f| f.kind == Some(kind)),
            "no {kind} example in docs/formats.md"
        );
    }
}

#[test]
fn the_sample_error_in_the_docs_is_what_regie_prints() {
    let sample = fenced(FORMATS, "text")
        .into_iter()
        .find(|b| b.contains(": error: "))
        .expect("a sample error in docs/formats.md");
    let dir = tempfile::tempdir().unwrap();
    let rel = Path::new("sessions/voorbeeld/dag-3.ron");
    std::fs::create_dir_all(dir.path().join("sessions/voorbeeld")).unwrap();
    std::fs::write(
        dir.path().join(rel),
        "// Dag 3 van de voorbeeldleergang
Session(
    title: \"Dag 3 · Omgaan met conflict en dilemma\",
    start: \"09:30\",
    blocks: [
        (title: \"Inloop\", minuten: 15, kind: Plenary),
        (title: \"Pauze\", minutes: 15, kind: Break),
    ],
)
",
    )
    .unwrap();
    let err = regie::script::load_session_from(
        &regie::script::FsSource,
        &dir.path().join(rel),
        rel.display().to_string(),
    )
    .unwrap_err();
    assert_eq!(err.render(), sample);
}

#[test]
fn the_docs_name_every_field_of_every_format() {
    for field in [
        "title",
        "programme",
        "cohort",
        "start",
        "homework",
        "blocks",
        "minutes",
        "kind",
        "notes",
        "seconds_each",
        "deck",
        "draw",
        "order",
        "size",
        "balance",
        "description",
        "cards",
        "id",
        "situation",
        "options",
        "questions",
        "tags",
        "name",
        "participants",
        "keep_apart",
        "keep_together",
        "attributes",
    ] {
        assert!(
            FORMATS.contains(&format!("| `{field}` |")),
            "`{field}` has no row in docs/formats.md"
        );
    }
}

#[test]
fn the_log_example_in_docs_log_format_reads_as_a_log() {
    let doc = include_str!("../../docs/log-format.md");
    let examples = fenced(doc, "ron");
    assert_eq!(examples.len(), 1);
    let log = regie::journal::parse_log(Path::new("docs/log-format.md"), examples[0].as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(log.format, regie::journal::FORMAT_VERSION);
    assert_eq!(log.blocks[0].adjustments[0].seconds, 60);
    assert_eq!(log.created.offset().local_minus_utc(), 3600);
}
