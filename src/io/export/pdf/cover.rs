//! The cover page: what the plan is, for whom, by whom, when, and its phases at a glance, with
//! the plan's disclaimer where it has one.

use chrono::Days;

use crate::engine::Projection;
use crate::model::Plan;

use super::canvas::{ACCENT, GREY, Pen, Rgb, TextStyle};
use super::flow::{Flow, LEADING};
use super::table::{Cell, Column, Table};
use super::{long_date, plan_title};

/// Background of the disclaimer box.
const NOTE_FILL: Rgb = Rgb(255, 246, 224);
/// Border of the disclaimer box.
const NOTE_BORDER: Rgb = Rgb(214, 170, 60);

/// Draws the cover page.
pub(super) fn draw(flow: &mut Flow<'_>, plan: &Plan, projection: &Projection) {
    flow.new_page();
    flow.gap(30.0);
    let title_style = TextStyle::bold(24.0).color(ACCENT);
    let lines = flow.fonts.wrap(&plan_title(plan), 24.0, true, flow.width());
    flow.lines(&lines, title_style, flow.left());
    flow.gap(4.0);
    flow.paragraph(
        "Rehabilitation plan: your exercises week by week",
        TextStyle::plain(13.0).color(GREY),
        0.0,
    );
    flow.gap(10.0);
    let (l, r) = (flow.left(), flow.canvas.geo.right);
    let y = flow.y;
    flow.canvas.line((l, y), (r, y), Pen::solid(ACCENT, 1.5));
    flow.gap(16.0);

    let size = 11.0;
    let label_w = 96.0;
    flow.field("Athlete", &plan.athlete, size, label_w);
    flow.field("Clinician", &plan.clinician, size, label_w);
    flow.field("Condition", &plan.condition, size, label_w);
    flow.field("Goal", &plan.goal, size, label_w);
    let weeks = projection.weeks.len() as u32;
    if let Some(start) = plan.start_date {
        flow.field("Start date", &long_date(start), size, label_w);
        let end = start
            .checked_add_days(Days::new(u64::from(weeks.max(1)) * 7 - 1))
            .unwrap_or(start);
        flow.field("End date", &long_date(end), size, label_w);
    } else {
        flow.field(
            "Dates",
            "No start date set: weeks are counted from your first session.",
            size,
            label_w,
        );
    }
    let sessions = projection.sessions.len();
    let supervised = projection.supervised_sessions;
    let mut length = format!(
        "{weeks} week{}, {sessions} session{}",
        if weeks == 1 { "" } else { "s" },
        if sessions == 1 { "" } else { "s" }
    );
    if supervised > 0 {
        length.push_str(&format!(" ({supervised} with your clinician)"));
    }
    flow.field("Plan length", &length, size, label_w);

    if !plan.phases.is_empty() {
        flow.gap(14.0);
        flow.heading("Phases at a glance", 13.0, 40.0);
        let w = flow.width();
        let table = Table {
            columns: vec![
                Column {
                    title: "Phase".to_owned(),
                    width: w * 0.28,
                },
                Column {
                    title: "Weeks".to_owned(),
                    width: w * 0.12,
                },
                Column {
                    title: "Goal".to_owned(),
                    width: w * 0.60,
                },
            ],
            caption: None,
            header_style: TextStyle::bold(9.0),
            min_row_height: 0.0,
        };
        let rows: Vec<Vec<Cell>> = plan
            .phases
            .iter()
            .map(|p| {
                let weeks = if p.weeks.first == p.weeks.last {
                    p.weeks.first.to_string()
                } else {
                    format!("{}-{}", p.weeks.first, p.weeks.last)
                };
                vec![
                    Cell::new(p.name.clone(), TextStyle::bold(9.0)),
                    Cell::new(weeks, TextStyle::plain(9.0)),
                    Cell::new(p.goal.clone(), TextStyle::plain(9.0)),
                ]
            })
            .collect();
        table.draw(flow, &rows);
    }

    if !plan.notes.trim().is_empty() {
        flow.gap(10.0);
        flow.heading("Notes from your clinician", 13.0, 30.0);
        flow.paragraph(&plan.notes, TextStyle::plain(9.5), 0.0);
    }
    if !plan.disclaimer.trim().is_empty() {
        flow.gap(12.0);
        disclaimer(flow, &plan.disclaimer);
    }
}

/// The disclaimer in a coloured box (on the next page when it does not fit).
fn disclaimer(flow: &mut Flow<'_>, text: &str) {
    let size = 9.5;
    let pad = 8.0;
    let body = flow.fonts.wrap(text, size, false, flow.width() - 2.0 * pad);
    let line_h = size * LEADING;
    let height = (body.len() as f32 + 1.0) * line_h + 2.0 * pad + 2.0;
    if height < flow.page_height() {
        flow.ensure(height);
        let y = flow.y;
        flow.canvas.rect(
            flow.left(),
            y,
            flow.width(),
            height,
            Some(NOTE_FILL),
            Some(Pen::solid(NOTE_BORDER, 0.8)),
        );
        flow.y += pad;
        flow.lines(
            &["Please note".to_owned()],
            TextStyle::bold(size),
            flow.left() + pad,
        );
        flow.y += 2.0;
        flow.lines(&body, TextStyle::plain(size), flow.left() + pad);
        flow.y = y + height;
    } else {
        flow.heading("Please note", size, line_h * 2.0);
        flow.lines(&body, TextStyle::plain(size), flow.left());
    }
}
