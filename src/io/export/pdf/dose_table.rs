//! The table of an exercise's dose on its card: one row for each stretch of weeks with the same
//! dose, so every week the dose changes starts a row (not only each phase's first week). Each
//! row says the weeks (and their dates), how much and how often, in plain words; lighter
//! (deload) weeks are marked. Tempo, rest and range are repeated only where they differ from
//! the card's first dose.

use chrono::Days;

use crate::engine::Item;

use super::Ctx;
use super::canvas::{Rgb, TextStyle};
use super::flow::{Flow, LEADING, TABLE};
use super::table::{Cell, Column, Table};
use crate::engine::plain::DoseWords;

/// Background of lighter weeks.
const LIGHT_FILL: Rgb = Rgb(226, 236, 248);

/// One row: weeks, their dates, how much, how often, lighter or not.
pub(super) struct Row {
    first: u32,
    last: u32,
    dates: Option<String>,
    much: String,
    often: String,
    lighter: bool,
}

/// How much, with the parts that differ from the card's first dose.
fn much(words: &DoseWords, headline: &DoseWords) -> String {
    let mut parts = vec![words.what.clone()];
    if words.tempo != headline.tempo
        && let Some(t) = &words.tempo
    {
        parts.push(t.clone());
    }
    if words.rest != headline.rest
        && let Some(r) = &words.rest
    {
        parts.push(r.clone());
    }
    if words.range != headline.range
        && let Some(r) = &words.range
    {
        parts.push(format!("range of motion: {r}"));
    }
    parts.join("; ")
}

/// `5 Jan to 25 Jan`.
fn dates(ctx: &Ctx<'_>, first: u32, last: u32) -> Option<String> {
    let start = ctx.plan.start_date?;
    let from = start.checked_add_days(Days::new(u64::from(first - 1) * 7))?;
    let to = start.checked_add_days(Days::new(u64::from(last) * 7 - 1))?;
    Some(format!(
        "{} to {}",
        from.format("%-d %b"),
        to.format("%-d %b")
    ))
}

/// The rows of an exercise done in `uses` (week, item).
pub(super) fn rows(ctx: &Ctx<'_>, uses: &[(u32, &Item)], headline: &DoseWords) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for &(week, item) in uses {
        let words = ctx.dose_words(week, item);
        let (much, often) = (much(&words, headline), words.often);
        match rows.last_mut() {
            Some(r)
                if r.last + 1 == week
                    && r.much == much
                    && r.often == often
                    && r.lighter == item.deload =>
            {
                r.last = week;
            }
            _ => rows.push(Row {
                first: week,
                last: week,
                dates: None,
                much,
                often,
                lighter: item.deload,
            }),
        }
    }
    for r in &mut rows {
        r.dates = dates(ctx, r.first, r.last);
    }
    rows
}

fn table(flow: &Flow<'_>) -> Table {
    let w = flow.width();
    let weeks_w = 92.0;
    let rest = w - weeks_w;
    Table {
        columns: vec![
            Column {
                title: "Weeks".to_owned(),
                width: weeks_w,
            },
            Column {
                title: "How much".to_owned(),
                width: rest * 0.58,
            },
            Column {
                title: "How often".to_owned(),
                width: rest * 0.42,
            },
        ],
        caption: None,
        header_style: TextStyle::bold(TABLE),
        min_row_height: 0.0,
    }
}

fn cells(row: &Row) -> Vec<Cell> {
    let mut weeks = if row.first == row.last {
        format!("Week {}", row.first)
    } else {
        format!("Weeks {} to {}", row.first, row.last)
    };
    if let Some(d) = &row.dates {
        weeks.push('\n');
        weeks.push_str(d);
    }
    let mut much = row.much.clone();
    if row.lighter {
        much.push_str("\nA lighter week");
    }
    let fill = row.lighter.then_some(LIGHT_FILL);
    vec![
        Cell::new(weeks, TextStyle::bold(TABLE)).on(fill),
        Cell::new(much, TextStyle::plain(TABLE)).on(fill),
        Cell::new(row.often.clone(), TextStyle::plain(TABLE)).on(fill),
    ]
}

/// Height of the table (for keeping a card together), roughly: header plus every row.
pub(super) fn height(flow: &Flow<'_>, rows: &[Row]) -> f32 {
    let t = table(flow);
    let line_h = TABLE * LEADING;
    let mut h = 2.0 * line_h + 6.0 + 12.0 * LEADING + 6.0;
    for row in rows {
        let lines = cells(row)
            .iter()
            .zip(&t.columns)
            .map(|(c, col)| {
                flow.fonts
                    .wrap(&c.text, TABLE, c.style.bold, col.width - 6.0)
                    .len()
            })
            .max()
            .unwrap_or(1);
        h += lines as f32 * line_h + 6.0;
    }
    h
}

/// Draws the table.
pub(super) fn draw(flow: &mut Flow<'_>, rows: Vec<Row>) {
    let t = table(flow);
    let cells: Vec<Vec<Cell>> = rows.iter().map(cells).collect();
    t.draw(flow, &cells);
}
