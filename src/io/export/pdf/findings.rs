//! The guardrail findings under the chart: severity, week, exercise, the message and the source
//! it rests on, heuristics marked as such. A long list continues on further pages.

use crate::engine::{Finding, Severity};
use crate::model::Plan;

use super::canvas::{GREY, Rgb, TextStyle};
use super::exercise_name;
use super::flow::Flow;
use super::table::{Cell, Column, Table};

/// Background of a finding's severity cell.
fn severity_fill(s: Severity) -> Rgb {
    match s {
        Severity::Error => Rgb(248, 215, 212),
        Severity::Warning => Rgb(253, 236, 200),
        Severity::Note => Rgb(232, 236, 242),
    }
}

/// Draws the findings after the chart (on the same page when they start to fit).
pub(super) fn draw(flow: &mut Flow<'_>, plan: &Plan, findings: &[Finding]) {
    flow.gap(14.0);
    flow.heading("Guardrail findings", 13.0, 50.0);
    if findings.is_empty() {
        flow.paragraph(
            "No findings: the plan passes every guardrail loadplan checks (load increases, plan length, supervised sessions, one change at a time).",
            TextStyle::plain(9.5),
            0.0,
        );
        return;
    }
    flow.paragraph(
        "What a careful colleague would point out about this plan. Items marked heuristic are rules of thumb, not proven injury predictors.",
        TextStyle::plain(8.5).color(GREY),
        0.0,
    );
    flow.gap(4.0);
    let w = flow.width();
    let fixed = [54.0, 36.0, 104.0];
    let table = Table {
        columns: vec![
            Column {
                title: "Severity".to_owned(),
                width: fixed[0],
            },
            Column {
                title: "Week".to_owned(),
                width: fixed[1],
            },
            Column {
                title: "Exercise".to_owned(),
                width: fixed[2],
            },
            Column {
                title: "Finding and source".to_owned(),
                width: w - fixed.iter().sum::<f32>(),
            },
        ],
        caption: None,
        header_style: TextStyle::bold(8.5),
        min_row_height: 0.0,
    };
    let size = 8.0;
    let rows: Vec<Vec<Cell>> = findings
        .iter()
        .map(|f| {
            let mut severity = f.severity.label().to_owned();
            severity[..1].make_ascii_uppercase();
            if f.heuristic {
                severity.push_str("\n(heuristic)");
            }
            let week = f
                .week
                .map(|w| w.to_string())
                .unwrap_or_else(|| "-".to_owned());
            let exercise = f
                .exercise_id
                .as_deref()
                .map_or_else(|| "Whole plan".to_owned(), |id| exercise_name(plan, id));
            let mut text = f.message.clone();
            text.push_str(&format!("\nSource: {}", f.source));
            vec![
                Cell::new(severity, TextStyle::bold(size)).on(Some(severity_fill(f.severity))),
                Cell::new(week, TextStyle::plain(size)),
                Cell::new(exercise, TextStyle::plain(size)),
                Cell::new(text, TextStyle::plain(size)),
            ]
        })
        .collect();
    table.draw(flow, &rows);
}
