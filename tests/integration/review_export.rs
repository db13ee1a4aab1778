//! Exporting from inside `regie review`: e asks for the format, m/c/x writes next to the logs
//! (0600, without the private notes) and the bottom row says where; Esc cancels.

use crate::review_logs;

use calamine::{Reader, Xlsx, open_workbook};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::i18n::Lang;
use regie::review::export::Format;
use regie::review::{Privacy, Review};
use regie::tui::review::{ReviewAction, ReviewApp, Screen, draw};
use regie::tui::{Theme, ThemeName};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

fn app(dir: &Path) -> ReviewApp {
    review_logs::programme_folder(dir, 3, true);
    let loaded = regie::review::load(&[dir.to_path_buf()]).expect("load");
    let privacy = Privacy {
        notes: true,
        anonymise: None,
    };
    ReviewApp::new(
        Review::build_private(loaded, privacy),
        Lang::Nl,
        Theme::named(ThemeName::Dark),
    )
}

fn bottom_row(app: &ReviewApp) -> String {
    let mut terminal = Terminal::new(TestBackend::new(200, 20)).expect("terminal");
    terminal
        .draw(|frame| {
            draw(frame, app);
        })
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.width)
        .map(|x| buffer[(x, buffer.area.height - 1)].symbol().to_string())
        .collect()
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    found.sort();
    found
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("meta").permissions().mode() & 0o777
}

#[test]
fn e_then_x_writes_the_session_as_a_workbook_next_to_the_logs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(dir.path());
    app.step(ReviewAction::Down);
    app.step(ReviewAction::Open);
    assert!(matches!(app.screen, Screen::Session(_)));
    app.step(ReviewAction::Export);
    assert!(bottom_row(&app).contains("Exporteren als: m Markdown · c CSV · x Excel"));
    app.step(ReviewAction::ExportAs(Format::Xlsx));
    let written = files(dir.path(), "xlsx");
    assert_eq!(written.len(), 1, "{written:?}");
    let name = written[0]
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(name.ends_with("-rapport.xlsx"), "{name}");
    assert_eq!(mode(&written[0]), 0o600);
    let row = bottom_row(&app);
    assert!(row.contains("Geschreven: ") && row.contains(&name), "{row}");
    let mut book: Xlsx<_> = open_workbook(&written[0]).expect("a workbook");
    let sessions = book.worksheet_range("sessions").expect("sessions");
    assert_eq!(sessions.rows().count(), 2, "one session");
    assert!(!book.sheet_names().contains(&"notes".to_string()));
    // The next key clears the message; a second export does not overwrite the first.
    app.step(ReviewAction::Export);
    app.step(ReviewAction::ExportAs(Format::Xlsx));
    assert_eq!(files(dir.path(), "xlsx").len(), 2);
}

#[test]
fn a_programme_exports_as_markdown_or_one_csv_per_table_without_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(dir.path());
    // The list's first row is the programme.
    app.step(ReviewAction::Export);
    app.step(ReviewAction::ExportAs(Format::Markdown));
    let md = files(dir.path(), "md");
    assert_eq!(md.len(), 1);
    let text = std::fs::read_to_string(&md[0]).expect("read");
    assert_eq!(text.matches("## Sessie: ").count(), 3, "the three days");
    assert!(!text.contains("schuurt"), "no private notes");
    assert!(
        text.contains("Eerst vragen, dan pas wegen"),
        "the harvest stays"
    );
    app.step(ReviewAction::Export);
    app.step(ReviewAction::ExportAs(Format::Csv));
    let csv = files(dir.path(), "csv");
    assert_eq!(csv.len(), 10, "{csv:?}");
    assert!(csv.iter().all(|f| mode(f) == 0o600));
    let blocks = std::fs::read(
        csv.iter()
            .find(|f| f.to_string_lossy().ends_with("-blocks.csv"))
            .expect("blocks"),
    )
    .expect("read");
    assert!(
        blocks.starts_with(b"\xEF\xBB\xBFsession;"),
        "Dutch Excel's dialect"
    );
    assert!(bottom_row(&app).contains("10 bestanden geschreven"));
}

#[test]
fn esc_cancels_the_export_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(dir.path());
    app.step(ReviewAction::Export);
    app.step(ReviewAction::Back);
    assert!(!app.quit, "Esc closes the prompt, not the review");
    assert!(files(dir.path(), "md").is_empty() && files(dir.path(), "xlsx").is_empty());
    assert!(bottom_row(&app).contains("e exporteren"));
    // x without e does nothing.
    app.step(ReviewAction::ExportAs(Format::Xlsx));
    assert!(files(dir.path(), "xlsx").is_empty());
}
