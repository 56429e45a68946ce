//! Log sheets to fill in by hand: a row per session and exercise, with the day (numbered "#1",
//! "#2", ... on a session's first row), the exercise, its planned dose in a few words, a box to
//! tick when done, and room for the pain during the exercise and the next morning (0-10).
//! Sessions are shaded in turn so one day's rows read together. The table continues over as
//! many pages as needed.

use super::Ctx;
use super::canvas::{GREY, Rgb, TextStyle};
use super::flow::{BODY, Flow, TABLE};
use super::table::{Cell, Column, Table};

/// Background of every other session's rows.
const SESSION_FILL: Rgb = Rgb(244, 246, 249);

/// Draws the log sheets (from a new page).
pub(super) fn draw(flow: &mut Flow<'_>, ctx: &Ctx<'_>) {
    flow.section("Your log sheets");
    flow.paragraph(
        "After each exercise, tick the box and write your pain during it (0 = none, 10 = the worst imaginable). The next morning, write how it feels. Bring the sheets to your clinician.",
        TextStyle::plain(BODY).color(GREY),
        0.0,
    );
    flow.gap(6.0);
    let projection = ctx.projection;
    if projection.sessions.is_empty() {
        flow.paragraph("The plan has no sessions yet.", TextStyle::plain(BODY), 0.0);
        return;
    }
    let w = flow.width();
    let widths = [0.165, 0.225, 0.285, 0.07, 0.12, 0.135];
    let titles = [
        "Day",
        "Exercise",
        "Planned",
        "Done",
        "Pain during (0-10)",
        "Pain next morning (0-10)",
    ];
    let table = Table {
        columns: titles
            .iter()
            .zip(widths)
            .map(|(t, k)| Column {
                title: (*t).to_owned(),
                width: w * k,
            })
            .collect(),
        caption: None,
        header_style: TextStyle::bold(TABLE),
        min_row_height: 22.0,
    };
    let mut per_day = std::collections::HashMap::<u32, u32>::new();
    for s in &projection.sessions {
        *per_day.entry(s.day).or_default() += 1;
    }
    let plain = TextStyle::plain(TABLE);
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for (n, s) in projection.sessions.iter().enumerate() {
        let day = match s.date {
            Some(d) => d.format("%a %-d %b").to_string(),
            None => format!(
                "Week {}, {}",
                s.week,
                crate::engine::plain::day_name(ctx.weekday(s.day))
            ),
        };
        let mut head = format!("#{} {day}", n + 1);
        if per_day.get(&s.day).copied().unwrap_or(1) > 1 {
            head.push_str(match s.slot {
                0 => "\nfirst time",
                1 => "\nsecond time",
                _ => "\nagain",
            });
        }
        if s.supervised {
            head.push_str("\nwith your clinician");
        }
        let fill = (n % 2 == 1).then_some(SESSION_FILL);
        let week = projection.week(s.week);
        for (i, si) in s.items.iter().enumerate() {
            let item = week.and_then(|wp| {
                wp.items
                    .iter()
                    .find(|it| it.prescription_id == si.prescription_id)
            });
            let name = item.map_or_else(
                || super::exercise_name(ctx.plan, &si.exercise_id),
                |it| it.exercise_name.clone(),
            );
            let planned = item.map(|it| ctx.short_dose(it)).unwrap_or_default();
            let day_cell = if i == 0 {
                Cell::new(head.clone(), TextStyle::bold(TABLE))
            } else {
                Cell::new(day.clone(), plain.color(GREY))
            };
            rows.push(
                vec![
                    day_cell,
                    Cell::new(name, plain),
                    Cell::new(planned, plain),
                    Cell::tick_box(plain),
                    Cell::new("", plain),
                    Cell::new("", plain),
                ]
                .into_iter()
                .map(|c| c.on(fill))
                .collect(),
            );
        }
    }
    table.draw(flow, &rows);
}
