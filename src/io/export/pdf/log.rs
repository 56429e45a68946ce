//! Blank log sheets to fill in by hand: one row per planned session (numbered "#1", "#2", ...)
//! with its date or day and exercises, and empty columns for what was done, pain during, pain
//! the next morning, effort and notes. The table continues over as many pages as needed.

use crate::engine::Projection;
use crate::model::Plan;

use super::canvas::{GREY, Rgb, TextStyle};
use super::exercise_name;
use super::flow::Flow;
use super::table::{Cell, Column, Table};

/// Background of every other week's rows, so weeks are easy to tell apart.
const WEEK_FILL: Rgb = Rgb(246, 247, 249);

/// Draws the log sheets (from a new page).
pub(super) fn draw(flow: &mut Flow<'_>, plan: &Plan, projection: &Projection) {
    flow.section("Log sheets");
    flow.paragraph(
        "Fill in one row after each session: tick Done, write what you did (sets x reps @ load), your pain during the exercises and the next morning (0-10), and how hard it felt (RPE, 0-10).",
        TextStyle::plain(8.5).color(GREY),
        0.0,
    );
    flow.gap(6.0);
    if projection.sessions.is_empty() {
        flow.paragraph("The plan has no sessions yet.", TextStyle::plain(10.0), 0.0);
        return;
    }
    let fixed: [(&str, f32); 8] = [
        ("No.", 26.0),
        ("Date", 64.0),
        ("Exercises", 134.0),
        ("Done", 28.0),
        ("Sets x reps @ load", 78.0),
        ("Pain during 0-10", 38.0),
        ("Pain next morning 0-10", 46.0),
        ("RPE 0-10", 30.0),
    ];
    let notes_w = flow.width() - fixed.iter().map(|(_, w)| w).sum::<f32>();
    let mut columns: Vec<Column> = fixed
        .iter()
        .map(|(t, w)| Column {
            title: (*t).to_owned(),
            width: *w,
        })
        .collect();
    columns.push(Column {
        title: "Notes".to_owned(),
        width: notes_w,
    });
    let table = Table {
        columns,
        caption: None,
        header_style: TextStyle::bold(7.5),
        min_row_height: 24.0,
    };
    let mut per_day = std::collections::HashMap::<u32, u32>::new();
    for s in &projection.sessions {
        *per_day.entry(s.day).or_default() += 1;
    }
    let small = TextStyle::plain(7.0);
    let rows: Vec<Vec<Cell>> = projection
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut when = match s.date {
                Some(d) => d.format("%a %-d %b %Y").to_string(),
                None => format!("Week {}, day {}", s.week, s.day % 7 + 1),
            };
            if per_day.get(&s.day).copied().unwrap_or(1) > 1 {
                when.push_str(&format!("\nsession {}", s.slot + 1));
            }
            if s.supervised {
                when.push_str("\nwith clinician");
            }
            let names: Vec<String> = s
                .items
                .iter()
                .map(|si| exercise_name(plan, &si.exercise_id))
                .collect();
            let fill = s.week.is_multiple_of(2).then_some(WEEK_FILL);
            let mut row = vec![
                Cell::new(format!("#{}", i + 1), TextStyle::bold(7.5)),
                Cell::new(when, small),
                Cell::new(names.join(", "), small),
            ];
            row.extend((0..6).map(|_| Cell::new("", small)));
            row.into_iter().map(|c| c.on(fill)).collect()
        })
        .collect();
    table.draw(flow, &rows);
}
