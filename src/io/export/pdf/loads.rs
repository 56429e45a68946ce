//! The report's weekly load table: every week of the plan, each load metric the plan counts
//! (volume load in the unit asked for) with its change from the week before, deload weeks
//! marked. The table continues over as many pages as needed.

use crate::engine::Metric;
use crate::engine::chart::{fmt_value, metric_label, unit_factor};

use super::Ctx;
use super::canvas::{GREY, Rgb, TextStyle};
use super::flow::Flow;
use super::table::{Cell, Column, Table};

/// Background of deload weeks' rows.
const DELOAD_FILL: Rgb = Rgb(226, 236, 248);
/// Text size of the table.
const SIZE: f32 = 9.0;

/// Draws the weekly load table (from a new page).
pub(super) fn draw(flow: &mut Flow<'_>, ctx: &Ctx<'_>) {
    flow.section("Weekly load");
    let projection = ctx.projection;
    let metrics: Vec<Metric> = Metric::ALL
        .into_iter()
        .filter(|m| projection.totals.get(*m) > 0.0)
        .collect();
    if projection.weeks.is_empty() || metrics.is_empty() {
        flow.paragraph("The plan has no load yet.", TextStyle::plain(10.0), 0.0);
        return;
    }
    flow.paragraph(
        "Each metric's total of the week as planned, and its change from the week before. Rows of deload weeks are shaded.",
        TextStyle::plain(9.0).color(GREY),
        0.0,
    );
    flow.gap(6.0);
    let w = flow.width();
    let (week_w, phase_w) = (46.0, 110.0);
    let metric_w = (w - week_w - phase_w) / metrics.len() as f32;
    let mut columns = vec![
        Column {
            title: "Week".to_owned(),
            width: week_w,
        },
        Column {
            title: "Phase".to_owned(),
            width: phase_w,
        },
    ];
    columns.extend(metrics.iter().map(|m| Column {
        title: metric_label(*m, ctx.unit),
        width: metric_w,
    }));
    let table = Table {
        columns,
        caption: None,
        header_style: TextStyle::bold(SIZE),
        min_row_height: 0.0,
    };
    let plain = TextStyle::plain(SIZE);
    let rows: Vec<Vec<Cell>> = projection
        .weeks
        .iter()
        .map(|wp| {
            let fill = wp.deload.then_some(DELOAD_FILL);
            let mut week = wp.week.to_string();
            if wp.deload {
                week.push_str("\ndeload");
            }
            let mut row = vec![
                Cell::new(week, TextStyle::bold(SIZE)).on(fill),
                Cell::new(wp.phase.clone().unwrap_or_default(), plain).on(fill),
            ];
            for m in &metrics {
                let value = fmt_value(wp.totals.get(*m) * unit_factor(*m, ctx.unit));
                let text = match wp.change_pct.get(*m) {
                    Some(pct) if pct.is_finite() => {
                        let sign = if pct > 0.0 { "+" } else { "" };
                        format!("{value}\n{sign}{:.0} %", pct)
                    }
                    _ => value,
                };
                row.push(Cell::new(text, plain).on(fill));
            }
            row
        })
        .collect();
    table.draw(flow, &rows);
}
