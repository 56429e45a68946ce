//! The schedule: the whole plan week by week, phase by phase. A phase longer than
//! [`WEEKS_PER_BLOCK`] weeks is split into blocks of columns; each block is a table with a row
//! per exercise done in it, and the row names the exercise done in those weeks - when a
//! prescription moves on to a harder exercise, the new exercise gets its own row. Cells give the
//! dose in a few words; lighter weeks are shaded. Tables continue on the next page when full.

use chrono::Days;

use crate::engine::Item;

use super::Ctx;
use super::canvas::{GREY, Rgb, TextStyle};
use super::flow::{BODY, Flow, LEADING, TABLE};
use super::table::{Cell, Column, Table};
use super::{PhaseRun, phase_runs};

/// Week columns per table.
const WEEKS_PER_BLOCK: u32 = 5;
/// Width of the exercise column, in points.
const NAME_WIDTH: f32 = 120.0;
/// Background of lighter (deload) weeks' cells.
const DELOAD_FILL: Rgb = Rgb(226, 236, 248);

/// Draws the schedule section (from a new page).
pub(super) fn draw(flow: &mut Flow<'_>, ctx: &Ctx<'_>) {
    flow.section("Your plan, week by week");
    flow.paragraph(
        "Each row is one exercise and each column one week: how much to do that week. Shaded weeks are lighter weeks. The exercise cards say the same in full.",
        TextStyle::plain(BODY).color(GREY),
        0.0,
    );
    flow.gap(6.0);
    if ctx.projection.weeks.is_empty() {
        flow.paragraph("The plan has no weeks yet.", TextStyle::plain(BODY), 0.0);
        return;
    }
    for run in phase_runs(ctx.projection) {
        // Blocks of even size: 9 weeks give 5 + 4, not 6 + 3.
        let len = run.last - run.first + 1;
        let size = len.div_ceil(len.div_ceil(WEEKS_PER_BLOCK));
        let week_w = (flow.width() - NAME_WIDTH) / size.max(3) as f32;
        let mut first = run.first;
        while first <= run.last {
            let last = (first + size - 1).min(run.last);
            block(flow, ctx, &run, (first, last), week_w);
            first = last + 1;
        }
        if let Some(phase) = run
            .name
            .as_ref()
            .and_then(|n| ctx.plan.phases.iter().find(|p| &p.name == n))
            && !phase.criteria.is_empty()
        {
            criteria(flow, &phase.criteria);
        }
        flow.gap(10.0);
    }
}

/// The signs that the next phase can start, kept together on one page.
fn criteria(flow: &mut Flow<'_>, items: &[String]) {
    let style = TextStyle::plain(BODY);
    let lines: usize = items
        .iter()
        .map(|c| flow.fonts.wrap(c, BODY, false, flow.width() - 14.0).len())
        .sum();
    let height = 12.0 * LEADING + 6.0 + lines as f32 * BODY * LEADING;
    if height < flow.page_height() / 2.0 {
        flow.ensure(height);
    }
    flow.heading("Ready for the next stage when", 12.0, 14.0);
    flow.bullets(items, style, 4.0);
}

/// The column header of `week`: "Week 5", its first day when dated, and "lighter".
fn week_title(ctx: &Ctx<'_>, week: u32) -> String {
    let mut title = format!("Week {week}");
    if let Some(start) = ctx.plan.start_date
        && let Some(day) = start.checked_add_days(Days::new(u64::from(week - 1) * 7))
    {
        title.push_str(&format!("\n{}", day.format("%-d %b")));
    }
    if ctx.projection.week(week).is_some_and(|w| w.deload) {
        title.push_str("\nlighter");
    }
    title
}

/// A cell: the dose in a few words.
fn cell_text(ctx: &Ctx<'_>, item: &Item) -> String {
    let mut text = ctx.short_dose(item);
    if item.supervised_sessions > 0 {
        text.push_str("\n(with your clinician)");
    }
    text
}

/// The table of weeks `first..=last` of `run`, with week columns `week_w` points wide.
fn block(
    flow: &mut Flow<'_>,
    ctx: &Ctx<'_>,
    run: &PhaseRun,
    (first, last): (u32, u32),
    week_w: f32,
) {
    let mut columns = vec![Column {
        title: "Exercise".to_owned(),
        width: NAME_WIDTH,
    }];
    columns.extend((first..=last).map(|w| Column {
        title: week_title(ctx, w),
        width: week_w,
    }));
    let caption = if first == run.first && last == run.last {
        run.caption()
    } else {
        format!("{} ({})", run.caption(), super::weeks_text(first, last))
    };
    let table = Table {
        columns,
        caption: Some(caption),
        header_style: TextStyle::bold(TABLE),
        min_row_height: 0.0,
    };
    // One row per prescription and exercise done in the block, in plan order.
    let mut keys: Vec<(u32, &str)> = Vec::new();
    for w in first..=last {
        for item in ctx.projection.week(w).map_or(&[][..], |wp| &wp.items[..]) {
            let key = (item.prescription_id, item.exercise_id.as_str());
            if item.sessions > 0 && !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    let order = |rx: u32| ctx.plan.prescriptions.iter().position(|p| p.id == rx);
    keys.sort_by_key(|(rx, _)| order(*rx));
    let mut rows = Vec::new();
    for (rx, id) in keys {
        let items: Vec<(u32, Option<&Item>)> = (first..=last)
            .map(|w| {
                let item = ctx.projection.week(w).and_then(|wp| {
                    wp.items
                        .iter()
                        .find(|i| i.prescription_id == rx && i.exercise_id == id && i.sessions > 0)
                });
                (w, item)
            })
            .collect();
        let Some(&(week, Some(head))) = items.iter().find(|(_, i)| i.is_some()) else {
            continue;
        };
        let label = format!("{}\n{}", head.exercise_name, ctx.often(week, head));
        let mut row = vec![Cell::new(label, TextStyle::bold(TABLE))];
        for (_, item) in items {
            row.push(match item {
                Some(item) => Cell::new(cell_text(ctx, item), TextStyle::plain(TABLE))
                    .on(item.deload.then_some(DELOAD_FILL)),
                None => Cell::new("", TextStyle::plain(TABLE)),
            });
        }
        rows.push(row);
    }
    if rows.is_empty() {
        flow.heading(&run.caption(), 12.0, 14.0);
        flow.paragraph(
            "Rest: no exercise planned in these weeks.",
            TextStyle::plain(BODY),
            0.0,
        );
        flow.gap(6.0);
        return;
    }
    table.draw(flow, &rows);
    flow.gap(10.0);
}
