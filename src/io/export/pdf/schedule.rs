//! The schedule: a week-by-week grid of every prescription's dose, phase by phase. A phase
//! longer than [`WEEKS_PER_BLOCK`] weeks is split into blocks of columns; each block is a table
//! whose rows (one per prescription active in it) continue on the next page when the page is
//! full. Cells wrap their text in a small font, so nothing is clipped or spills.

use chrono::Days;

use crate::engine::{Item, Projection};
use crate::model::Plan;

use super::canvas::{GREY, Rgb, TextStyle};
use super::flow::{Flow, LEADING};
use super::table::{Cell, Column, Table};
use super::{PhaseRun, exercise_name, phase_runs};

/// Week columns per table.
const WEEKS_PER_BLOCK: u32 = 6;
/// Width of the exercise column, in points.
const NAME_WIDTH: f32 = 112.0;
/// Background of deload weeks' cells.
const DELOAD_FILL: Rgb = Rgb(226, 236, 248);

/// Draws the schedule section (from a new page).
pub(super) fn draw(flow: &mut Flow<'_>, plan: &Plan, projection: &Projection) {
    flow.section("Schedule, week by week");
    flow.paragraph(
        "Each cell is the dose for that week: sets x reps (or hold time, minutes) @ load, then how many sessions in the week. A new exercise name in a cell means you move on to that variation. Shaded cells are lighter deload weeks.",
        TextStyle::plain(8.5).color(GREY),
        0.0,
    );
    flow.gap(6.0);
    if projection.weeks.is_empty() {
        flow.paragraph("The plan has no weeks yet.", TextStyle::plain(10.0), 0.0);
        return;
    }
    for run in phase_runs(projection) {
        // Blocks of even size: 9 weeks give 5 + 4, not 6 + 3.
        let len = run.last - run.first + 1;
        let size = len.div_ceil(len.div_ceil(WEEKS_PER_BLOCK));
        let week_w = (flow.width() - NAME_WIDTH) / size.max(3) as f32;
        let mut first = run.first;
        while first <= run.last {
            let last = (first + size - 1).min(run.last);
            block(flow, plan, projection, &run, (first, last), week_w);
            first = last + 1;
        }
        if let Some(phase) = run
            .name
            .as_ref()
            .and_then(|n| plan.phases.iter().find(|p| &p.name == n))
            && !phase.criteria.is_empty()
        {
            criteria(flow, &phase.criteria);
        }
        flow.gap(10.0);
    }
}

/// The criteria to move on, kept together on one page.
fn criteria(flow: &mut Flow<'_>, items: &[String]) {
    let style = TextStyle::plain(8.5);
    let lines: usize = items
        .iter()
        .map(|c| {
            flow.fonts
                .wrap(c, style.size, false, flow.width() - 14.0)
                .len()
        })
        .sum();
    let height = 9.0 * LEADING + 6.0 + lines as f32 * style.size * LEADING;
    if height < flow.page_height() / 2.0 {
        flow.ensure(height);
    }
    flow.heading("To move on to the next phase", 9.0, 12.0);
    flow.bullets(items, style, 4.0);
}

/// The column header of `week`: "Week 5", its first day when dated, and a deload mark.
fn week_title(plan: &Plan, projection: &Projection, week: u32) -> String {
    let mut title = format!("Week {week}");
    if let Some(start) = plan.start_date
        && let Some(day) = start.checked_add_days(Days::new(u64::from(week - 1) * 7))
    {
        title.push_str(&format!("\n{}", day.format("%-d %b")));
    }
    if projection.week(week).is_some_and(|w| w.deload) {
        title.push_str("\ndeload");
    }
    title
}

/// A cell's text: the variation's name when it changes, the dose and the sessions.
fn cell_text(item: &Item, show_name: bool) -> String {
    let mut text = String::new();
    if show_name {
        text.push_str(&item.exercise_name);
        text.push_str(":\n");
    }
    text.push_str(&item.dose_label());
    text.push_str(&format!("\n{}x/week", item.sessions));
    if item.supervised_sessions > 0 {
        text.push_str(&format!(", {} supervised", item.supervised_sessions));
    }
    if item.deload {
        text.push_str("\ndeload");
    }
    text
}

/// The table of weeks `first..=last` of `run`, with week columns `week_w` points wide.
fn block(
    flow: &mut Flow<'_>,
    plan: &Plan,
    projection: &Projection,
    run: &PhaseRun,
    (first, last): (u32, u32),
    week_w: f32,
) {
    let mut columns = vec![Column {
        title: "Exercise".to_owned(),
        width: NAME_WIDTH,
    }];
    columns.extend((first..=last).map(|w| Column {
        title: week_title(plan, projection, w),
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
        header_style: TextStyle::bold(7.5),
        min_row_height: 0.0,
    };
    let size = 7.0;
    let mut rows = Vec::new();
    for rx in &plan.prescriptions {
        let items: Vec<Option<&Item>> = (first..=last)
            .map(|w| {
                projection
                    .week(w)
                    .and_then(|wp| wp.items.iter().find(|i| i.prescription_id == rx.id))
            })
            .collect();
        if items.iter().all(Option::is_none) {
            continue;
        }
        let mut label = exercise_name(plan, &rx.exercise);
        label.push_str(&format!("\n{}", rx.schedule.label()));
        let mut row = vec![Cell::new(label, TextStyle::bold(7.5))];
        // The variation's name is shown in the block's first cell and wherever it changes.
        let mut previous: Option<&str> = None;
        for item in items {
            let cell = match item {
                Some(item) => {
                    let changed = item.exercise_id != rx.exercise
                        && previous != Some(item.exercise_id.as_str());
                    previous = Some(item.exercise_id.as_str());
                    let fill = item.deload.then_some(DELOAD_FILL);
                    Cell::new(cell_text(item, changed), TextStyle::plain(size)).on(fill)
                }
                None => {
                    previous = None;
                    Cell::new("", TextStyle::plain(size))
                }
            };
            row.push(cell);
        }
        rows.push(row);
    }
    if rows.is_empty() {
        flow.heading(&run.caption(), 11.0, 14.0);
        flow.paragraph(
            "Rest: no exercise planned in these weeks.",
            TextStyle::plain(9.0),
            0.0,
        );
        flow.gap(6.0);
        return;
    }
    table.draw(flow, &rows);
    flow.gap(10.0);
}
