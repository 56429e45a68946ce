//! The layers keep to their rules, checked by reading the sources: the model, the engine and
//! the library are plain Rust (no files of ours, no window, no PDF writer); file access and
//! exports (io) know nothing of the window; the panels (ui) never reach into the application,
//! the command line or the file system; commands know neither the panels nor the application.
//! The README's layout section states the same rules.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/<dir>` (or the file `src/<dir>.rs`).
fn sources(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let file = root.join(format!("{dir}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut out = Vec::new();
    let mut stack = vec![root.join(dir)];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    assert!(!out.is_empty(), "no sources under src/{dir}");
    out.sort();
    out
}

/// The code of a file without its comments (line comments and doc comments).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read a source file");
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `code` uses the path `name` (`crate::app`, `egui`, `std::fs`, ...).
fn uses(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + name.len()..].chars().next();
        let starts = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let ends = after.is_some_and(|c| c == ':' || c == ';' || c == ',' || c == '}' || c == ' ');
        starts && ends
    })
}

/// The files of `dir` that use any of `forbidden`, with what they use.
fn breaches(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for path in sources(dir) {
        let code = code(&path);
        for name in forbidden {
            if uses(&code, name) {
                out.push(format!("{} uses {name}", path.display()));
            }
        }
    }
    out
}

const WINDOW: [&str; 5] = ["egui", "eframe", "egui_plot", "egui_extras", "rfd"];

#[test]
fn model_engine_and_library_are_plain_rust() {
    let mut forbidden = vec![
        "crate::io",
        "crate::app",
        "crate::ui",
        "crate::cli",
        "crate::command",
        "krilla",
        "std::fs",
    ];
    forbidden.extend(WINDOW);
    for dir in ["model", "engine", "figure"] {
        let found = breaches(dir, &forbidden);
        assert!(found.is_empty(), "{found:#?}");
    }
    // The library reads its embedded file and imports files handed to it as text: no std::fs
    // rule, the rest holds.
    forbidden.retain(|f| *f != "std::fs");
    let found = breaches("library", &forbidden);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn io_knows_nothing_of_the_window() {
    let mut forbidden = vec!["crate::app", "crate::ui", "crate::cli", "crate::command"];
    forbidden.extend(WINDOW);
    let found = breaches("io", &forbidden);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn panels_do_not_reach_into_the_app_files_or_threads() {
    let found = breaches(
        "ui",
        &["crate::app", "crate::cli", "std::fs", "std::thread", "rfd"],
    );
    assert!(found.is_empty(), "{found:#?}");
    // Rules and prescriptions share widgets instead of importing each other.
    let found = breaches("ui/rules", &["crate::ui::prescriptions"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn commands_know_neither_panels_nor_the_app() {
    let found = breaches(
        "command",
        &["crate::app", "crate::ui", "crate::cli", "std::fs"],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_check_finds_a_breach() {
    assert!(uses("use crate::app::LoadplanApp;", "crate::app"));
    assert!(uses("let x = egui::Color32::WHITE;", "egui"));
    assert!(!uses("use crate::apply;", "crate::app"));
    assert!(!uses("fn my_egui_thing() {}", "egui"));
    assert!(code(Path::new(file!())).contains("fn the_check_finds_a_breach"));
}
