//! The crate's layers hold: `text`/`i18n` < `script` < `groups` < `engine` < `journal` < `review`
//! < the shells (`tui`, `cli`, `room`); a `use crate::x` pointing up a layer fails this test.

use std::path::{Path, PathBuf};

/// Each top-level module with its layer; a module may import only from lower layers (or itself).
const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("i18n", 0),
    ("script", 1),
    ("bundled", 2),
    ("groups", 2),
    ("engine", 3),
    ("journal", 4),
    ("review", 5),
    ("room", 6),
    ("tui", 7),
    ("cli", 8),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("src entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::<module>` named in `line` (also inside `use crate::{a, b}` lists).
fn crate_paths(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let list = rest.strip_prefix('{');
        let names: Vec<&str> = match list {
            Some(inner) => inner
                .split('}')
                .next()
                .unwrap_or("")
                .split(',')
                .map(|s| s.trim())
                .collect(),
            None => vec![rest],
        };
        for name in names {
            let head: String = name
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !head.is_empty() {
                found.push(head);
            }
        }
    }
    found
}

/// `(file, line number, from, to)` of every import that points up a layer.
fn upward_imports(src: &Path) -> Vec<(String, usize, String, String)> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut upward = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).expect("under src");
        let first = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("");
        let module = first.trim_end_matches(".rs");
        let Some(own) = layer(module) else { continue };
        let text = std::fs::read_to_string(&file).expect("source is UTF-8");
        for (number, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for target in crate_paths(line) {
                if target == module {
                    continue;
                }
                match layer(&target) {
                    Some(theirs) if theirs <= own => {}
                    _ => upward.push((
                        relative.display().to_string(),
                        number + 1,
                        module.to_string(),
                        target,
                    )),
                }
            }
        }
    }
    upward
}

#[test]
fn no_module_imports_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let upward = upward_imports(&src);
    let listed: Vec<String> = upward
        .iter()
        .map(|(file, line, from, to)| format!("src/{file}:{line}: {from} imports {to}"))
        .collect();
    assert!(
        listed.is_empty(),
        "upward imports (see the layer table in tests/integration/layers.rs):\n{}",
        listed.join("\n")
    );
}

#[test]
fn the_check_sees_an_upward_import_and_braced_lists() {
    let dir = tempfile::tempdir().expect("temp dir");
    let engine = dir.path().join("engine");
    std::fs::create_dir(&engine).expect("engine folder");
    std::fs::write(
        engine.join("bad.rs"),
        "use crate::{script::Block, journal::Journal};\n// use crate::tui::x;\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("text.rs"), "use crate::review::Review;\n").expect("write");
    let found = upward_imports(dir.path());
    let pairs: Vec<(&str, &str)> = found
        .iter()
        .map(|(_, _, from, to)| (from.as_str(), to.as_str()))
        .collect();
    assert_eq!(pairs, vec![("engine", "journal"), ("text", "review")]);
}
