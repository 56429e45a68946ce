//! Choosing the format by extension, `export_to`, and the command line's `export`.

use std::path::Path;
use std::process::{Command, Output};

use loadplan::io::export::{ExportError, ExportFormat, Paper, export_to};

use crate::plans::sample;

#[test]
fn format_comes_from_the_extension() {
    assert_eq!(
        ExportFormat::from_path(Path::new("a/b.PDF")).ok(),
        Some(ExportFormat::Pdf)
    );
    assert_eq!(
        ExportFormat::from_path(Path::new("x.Csv")).ok(),
        Some(ExportFormat::Csv)
    );
    assert_eq!(
        ExportFormat::from_path(Path::new("x.ics")).ok(),
        Some(ExportFormat::Ics)
    );
    let err = ExportFormat::from_path(Path::new("plan.docx")).expect_err("docx");
    let msg = err.to_string();
    assert!(
        msg.contains("\"docx\"")
            && msg.contains(".pdf, .csv or .ics")
            && msg.ends_with("plan.docx"),
        "{msg}"
    );
    assert!(ExportFormat::from_path(Path::new("plan")).is_err());
}

#[test]
fn export_to_writes_each_format_and_nothing_for_an_unknown_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = sample();
    for (name, format, magic) in [
        ("p.pdf", ExportFormat::Pdf, "%PDF-"),
        ("p.csv", ExportFormat::Csv, "date,day,week"),
        ("p.ics", ExportFormat::Ics, "BEGIN:VCALENDAR"),
    ] {
        let path = dir.path().join(name);
        assert_eq!(export_to(&plan, &path, Paper::A4).expect("export"), format);
        let bytes = std::fs::read(&path).expect("written");
        assert!(bytes.starts_with(magic.as_bytes()), "{name}");
    }
    let docx = dir.path().join("p.docx");
    assert!(matches!(
        export_to(&plan, &docx, Paper::A4),
        Err(ExportError::UnknownExtension { .. })
    ));
    assert!(!docx.exists());
    let missing = dir.path().join("no/such/folder/p.pdf");
    let err = export_to(&plan, &missing, Paper::A4).expect_err("no folder");
    assert!(err.to_string().ends_with("p.pdf"), "{err}");
}

fn loadplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loadplan"))
        .args(args)
        .output()
        .expect("run loadplan")
}

#[test]
fn cli_exports_by_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/sample_plan.ron");
    let plan = plan.to_str().expect("utf-8 path");
    for (name, expect) in [
        ("h.pdf", "(PDF, "),
        ("h.csv", "(CSV, "),
        ("h.ics", "(calendar, "),
    ] {
        let out = dir.path().join(name);
        let o = loadplan(&[
            "export",
            plan,
            "-o",
            out.to_str().expect("path"),
            "--paper",
            "letter",
        ]);
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(
            stdout.starts_with("wrote ") && stdout.contains(expect),
            "{stdout}"
        );
        assert!(out.exists());
    }
    let pdf = std::fs::read(dir.path().join("h.pdf")).expect("pdf");
    assert!(String::from_utf8_lossy(&pdf).contains("MediaBox[0 0 612 792]"));

    let docx = dir.path().join("h.docx");
    let o = loadplan(&["export", plan, "-o", docx.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("docx") && stderr.contains(".pdf, .csv or .ics"),
        "{stderr}"
    );
    assert!(!docx.exists());

    // The clinician report, in pounds.
    let report = dir.path().join("r.pdf");
    let o = loadplan(&[
        "export",
        plan,
        "-o",
        report.to_str().expect("path"),
        "--report",
        "--unit",
        "lb",
        "--today",
        "2026-02-01",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("clinician report"));
    let text = crate::plans::pdf_pages(&std::fs::read(&report).expect("report")).join(" ");
    assert!(text.contains("Clinician report") && text.contains("Volume load (lb)"));
    let handout = crate::plans::pdf_pages(&std::fs::read(dir.path().join("h.pdf")).expect("pdf"));
    assert!(handout.join(" ").contains("Your week"));
    // A report is a PDF.
    let csv = dir.path().join("r.csv");
    let o = loadplan(&[
        "export",
        plan,
        "-o",
        csv.to_str().expect("path"),
        "--report",
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--report"));
    assert!(!csv.exists());

    let o = loadplan(&["export", plan, "-o", "x.pdf", "--paper", "a3"]);
    assert_eq!(o.status.code(), Some(2), "wrong usage");
    let o = loadplan(&["export", plan]);
    assert_eq!(o.status.code(), Some(2), "missing -o");
}

/// A plan in pounds prints in pounds without being told; `--unit` still overrides it.
#[test]
fn a_plan_in_pounds_exports_in_pounds_by_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut plan = sample();
    plan.unit = loadplan::model::LoadUnit::Lb;
    // The physio's own notes may name kilograms; the program's words must not.
    for rx in &mut plan.prescriptions {
        rx.notes.clear();
    }
    let file = dir.path().join("lb.ron");
    loadplan::io::save_plan(&plan, &file).expect("saved");
    let pdf = dir.path().join("lb.pdf");
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "export".to_owned(),
            file.to_string_lossy().into_owned(),
            "-o".to_owned(),
            pdf.to_string_lossy().into_owned(),
        ];
        a.extend(extra.iter().map(|s| (*s).to_owned()));
        a
    };
    let run = |a: Vec<String>| {
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        let o = loadplan(&refs);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        crate::plans::pdf_pages(&std::fs::read(&pdf).expect("pdf")).join(" ")
    };
    let text = run(args(&[]));
    assert!(text.contains(" lb") && !text.contains(" kg"), "in pounds");
    let text = run(args(&["--unit", "kg"]));
    assert!(text.contains(" kg"), "--unit overrides the plan");
}
