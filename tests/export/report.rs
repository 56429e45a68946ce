//! The clinician report read back: the load chart, the findings with their sources, the weekly
//! load table, and for a logged plan adherence, pain, PROM scores and the adjustments with
//! their decisions.

use loadplan::engine::review::adherence_summary;
use loadplan::engine::{self, Audience};
use loadplan::io::export::{Paper, PdfKind, PdfOptions, pdf_document};
use loadplan::model::{LoadUnit, Plan};

use crate::plans::{logged_sample, pdf_pages, report_day, resolved, sample, template};

/// The report of `plan`: its text, page by page.
fn report(plan: &Plan, unit: LoadUnit) -> Vec<String> {
    let (projection, findings) = resolved(plan);
    let options = PdfOptions {
        kind: PdfKind::Report,
        paper: Paper::Letter,
        unit,
        today: Some(report_day()),
        ..PdfOptions::default()
    };
    let doc = pdf_document(plan, &projection, &findings, &options).expect("PDF renders");
    let pages = pdf_pages(&doc.bytes);
    assert_eq!(pages.len(), doc.pages);
    pages
}

#[test]
fn the_report_has_the_chart_the_findings_and_the_weekly_load() {
    for id in loadplan::templates::ids() {
        let plan = template(id);
        let (projection, findings) = resolved(&plan);
        let all = report(&plan, LoadUnit::Kg).join(" ");
        for section in [
            "Clinician report",
            "Projected load",
            "Guardrail findings",
            "Weekly load",
            "Sources",
        ] {
            assert!(all.contains(section), "{id}: {section} missing");
        }
        for f in &findings {
            let head: String = f.message.chars().take(60).collect();
            let head = head.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(all.contains(&head), "{id}: finding {head:?} missing");
            let source: String = f.source.chars().take(30).collect();
            assert!(
                all.contains(source.trim()),
                "{id}: source {source:?} missing"
            );
        }
        for w in 1..=projection.weeks.len() {
            assert!(
                all.contains(&format!(" {w} ")),
                "{id}: week {w} of the load table"
            );
        }
        assert!(
            !all.contains("Progress from the log"),
            "{id}: no log, no progress pages"
        );
    }
}

#[test]
fn a_logged_plan_reports_adherence_pain_proms_and_decisions() {
    let plan = logged_sample();
    let (projection, _) = resolved(&plan);
    let adjustments = engine::adjustments(&plan, &projection);
    assert!(!adjustments.is_empty());
    let status = engine::status(&plan, &projection, &adjustments, report_day());
    let all = report(&plan, LoadUnit::Kg).join(" ");
    assert!(all.contains("Progress from the log"));
    assert!(
        all.contains(&adherence_summary(&status.overall)),
        "adherence"
    );
    let trend = status.pain_trend.expect("a pain trend");
    assert!(all.contains(&trend.label()), "pain trend");
    assert!(all.contains("HAGOS") && all.contains("+22.5 points from the baseline"));
    assert!(all.contains("Dose adjustments"));
    for a in &adjustments {
        assert!(
            all.contains(&a.response.verdict(plan.pain_limits, Audience::Physio)),
            "verdict"
        );
        let status = a.status_words(Audience::Physio);
        let mut head = status.clone();
        head[..1].make_ascii_uppercase();
        assert!(all.contains(&head), "decision {status:?} missing");
    }
    assert!(all.contains("Accepted"), "the accepted adjustment");
}

#[test]
fn the_report_reads_in_pounds() {
    let all = report(&sample(), LoadUnit::Lb).join(" ");
    assert!(all.contains("Volume load (lb)"));
    assert!(!all.contains("Volume load (kg)"));
}
