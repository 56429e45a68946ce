//! The repository stands alone: its tests, CI script and README need nothing beside the clone,
//! and what a user reads (templates, the sample plan, the exercise library, the sources the
//! guardrails and flags cite) names papers, never a file outside the repository. The clinical
//! rules are described in docs/clinical.md.

use std::path::{Path, PathBuf};

use loadplan::engine::{self, PAIN_MODEL, sources};
use loadplan::templates::{SAMPLE_PLAN, TEMPLATES};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A folder beside the clone (spelled in pieces so this file does not contain it).
fn outside() -> String {
    ["..", "shared"].join("/")
}

/// What user-visible text must not say: a file name instead of a paper.
const FILE_CITATIONS: [&str; 3] = ["CLINICAL.md", ".md section", "seed case"];

/// Every file under `dir`, recursively, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn no_test_file_reaches_beside_the_clone() {
    let needle = outside();
    let files = files_under(&root().join("tests"));
    assert!(files.len() > 10, "tests/ lists {} files", files.len());
    let offending: Vec<String> = files
        .iter()
        .filter(|path| contains(&std::fs::read(path).expect("read a test file"), &needle))
        .map(|path| path.display().to_string())
        .collect();
    assert!(offending.is_empty(), "{needle} in {offending:?}");
}

#[test]
fn ci_script_and_readme_do_not_need_anything_beside_the_clone() {
    let needle = outside();
    for name in [".ci/run", "README.md"] {
        let text = std::fs::read_to_string(root().join(name))
            .unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
        assert!(
            text.lines().count() > 5,
            "{name} is too short to be the real one"
        );
        for (i, line) in text.lines().enumerate() {
            assert!(!line.contains(&needle), "{name}:{}: {line}", i + 1);
        }
    }
}

#[test]
fn the_clinical_reference_is_in_the_repository() {
    let text = std::fs::read_to_string(root().join("docs/clinical.md"))
        .expect("docs/clinical.md is in the repository");
    assert!(text.contains("## References"));
    let readme = std::fs::read_to_string(root().join("README.md")).expect("read README.md");
    assert!(
        readme.contains("docs/clinical.md"),
        "README links the clinical reference"
    );
}

fn assert_names_no_file(what: &str, text: &str) {
    for bad in FILE_CITATIONS {
        assert!(!text.contains(bad), "{what} says {bad:?}:\n{text}");
    }
}

#[test]
fn templates_sample_plan_and_library_cite_no_file() {
    assert!(TEMPLATES.len() >= 5);
    for (id, text) in TEMPLATES {
        assert_names_no_file(&format!("template {id}"), text);
        let plan = loadplan::templates::load(id)
            .expect("template exists")
            .expect("template reads");
        assert!(!plan.citation.trim().is_empty(), "{id}: no citation");
        assert_names_no_file(&format!("citation of {id}"), &plan.citation);
    }
    assert_names_no_file(SAMPLE_PLAN.0, SAMPLE_PLAN.1);
    let exercises = std::fs::read_to_string(root().join("data/exercises.ron"))
        .expect("read data/exercises.ron");
    assert_names_no_file("data/exercises.ron", &exercises);
    let library = loadplan::library::builtin().expect("built-in library");
    for exercise in &library.exercises {
        if let Some(source) = &exercise.source {
            assert_names_no_file(&format!("source of {}", exercise.id), source);
        }
    }
}

#[test]
fn finding_and_flag_sources_cite_no_file() {
    let mut cited: Vec<&str> = vec![
        sources::SUMMARY,
        sources::TEN_PERCENT,
        sources::TWO_WEEKS,
        sources::ACWR,
        sources::ONE_VARIABLE,
        sources::DATES,
        sources::VALIDITY,
        sources::PROGRESSION,
        sources::SIDES,
        PAIN_MODEL,
    ];
    // And whatever the guardrails cite on the plans the program ships.
    let mut plans: Vec<_> = loadplan::templates::ids()
        .map(|id| {
            loadplan::templates::load(id)
                .expect("template exists")
                .expect("template reads")
        })
        .collect();
    plans.push(loadplan::templates::sample().expect("sample plan reads"));
    for plan in &plans {
        let projection = engine::project(plan);
        for finding in engine::check(plan, &projection) {
            cited.push(finding.source);
        }
    }
    cited.sort_unstable();
    cited.dedup();
    for source in cited {
        assert!(!source.trim().is_empty());
        assert_names_no_file("a finding's source", source);
    }
    assert!(PAIN_MODEL.contains("Silbernagel"), "{PAIN_MODEL}");
}
