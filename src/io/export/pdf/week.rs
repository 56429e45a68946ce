//! "Your week": what to do on each day of the week. For each stretch of weeks whose week looks
//! the same (within a phase), a table of the seven days with the exercises of each - "twice a
//! day" and "with your clinician" said so, rest days named - and a row for what is done every
//! other day (or every third), whose weekday changes from week to week.

use crate::engine::{Item, WeekPlan};
use crate::model::{Schedule, Weekday};

use super::Ctx;
use super::canvas::{GREY, Rgb, TextStyle};
use super::flow::{BODY, Flow, TABLE};
use super::table::{Cell, Column, Table};
use super::{phase_runs, weeks_text};
use crate::engine::plain::day_name;

/// Background of rest days.
const REST_FILL: Rgb = Rgb(244, 246, 248);

/// What one prescription does in a week, as the week's pattern sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Part {
    name: String,
    /// Weekdays with (times that day, supervised), or none for every-N-days work.
    days: Vec<(Weekday, u32, bool)>,
    /// `every other day`, `every third day` (and every how many days) for work not tied to
    /// weekdays.
    rolling: Option<(String, u32)>,
}

/// The pattern of a week: its parts, in plan order.
fn pattern(ctx: &Ctx<'_>, wp: &WeekPlan) -> Vec<Part> {
    wp.items
        .iter()
        .filter(|i| i.sessions > 0)
        .map(|item| part(ctx, wp.week, item))
        .collect()
}

fn part(ctx: &Ctx<'_>, week: u32, item: &Item) -> Part {
    let schedule = ctx
        .plan
        .prescription(item.prescription_id)
        .map(|rx| rx.schedule.clone())
        .unwrap_or_default();
    let rolling = match schedule {
        Schedule::EveryNDays(n) if n > 1 => Some((ctx.often(week, item), n)),
        _ => None,
    };
    let mut days = Vec::new();
    if rolling.is_none() {
        for day in Weekday::ALL {
            let slots: Vec<_> = ctx
                .slots(week, item.prescription_id)
                .iter()
                .filter(|s| s.day == day)
                .collect();
            if !slots.is_empty() {
                days.push((day, slots.len() as u32, slots.iter().any(|s| s.supervised)));
            }
        }
    }
    Part {
        name: item.exercise_name.clone(),
        days,
        rolling,
    }
}

/// `Single-leg deadlift (twice: morning and evening; with your clinician)`.
fn entry(name: &str, times: u32, supervised: bool) -> String {
    let mut notes = Vec::new();
    match times {
        1 => {}
        2 => notes.push("twice".to_owned()),
        n => notes.push(format!("{n} times")),
    }
    if supervised {
        notes.push("with your clinician".to_owned());
    }
    if notes.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({})", notes.join("; "))
    }
}

/// Draws "Your week" (from a new page).
pub(super) fn draw(flow: &mut Flow<'_>, ctx: &Ctx<'_>) {
    flow.section("Your week");
    flow.paragraph(
        "What to do on each day of the week. Each exercise's card tells you how much to do; on a rest day, rest from these exercises.",
        TextStyle::plain(BODY).color(GREY),
        0.0,
    );
    flow.gap(6.0);
    let weeks = &ctx.projection.weeks;
    if weeks.is_empty() || weeks.iter().all(|w| w.items.is_empty()) {
        flow.paragraph(
            "The plan has no exercises yet.",
            TextStyle::plain(BODY),
            0.0,
        );
        return;
    }
    for run in phase_runs(ctx.projection) {
        let mut groups: Vec<(u32, u32, Vec<Part>)> = Vec::new();
        for wp in (run.first..=run.last).filter_map(|w| ctx.projection.week(w)) {
            let parts = pattern(ctx, wp);
            match groups.last_mut() {
                Some(g) if g.2 == parts => g.1 = wp.week,
                _ => groups.push((wp.week, wp.week, parts)),
            }
        }
        for (first, last, parts) in groups {
            let caption = match &run.name {
                Some(name) => format!("{name}: {}", weeks_text(first, last)),
                None => capitalised(&weeks_text(first, last)),
            };
            if parts.is_empty() {
                flow.heading(&caption, 11.0, 14.0);
                flow.paragraph(
                    "No exercises in these weeks: rest.",
                    TextStyle::plain(BODY),
                    0.0,
                );
                flow.gap(8.0);
            } else {
                table(flow, &caption, &parts);
            }
        }
    }
}

/// `Weeks 5-8`.
fn capitalised(text: &str) -> String {
    let mut t = text.to_owned();
    if let Some(c) = t.get_mut(..1) {
        c.make_ascii_uppercase();
    }
    t
}

/// The table of one typical week.
fn table(flow: &mut Flow<'_>, caption: &str, parts: &[Part]) {
    let w = flow.width();
    let table = Table {
        columns: vec![
            Column {
                title: "Day".to_owned(),
                width: 92.0,
            },
            Column {
                title: "What to do".to_owned(),
                width: w - 92.0,
            },
        ],
        caption: Some(caption.to_owned()),
        header_style: TextStyle::bold(TABLE),
        min_row_height: 0.0,
    };
    let mut rows: Vec<Vec<Cell>> = Weekday::ALL
        .iter()
        .map(|day| {
            let todo: Vec<String> = parts
                .iter()
                .filter_map(|p| {
                    p.days
                        .iter()
                        .find(|(d, ..)| d == day)
                        .map(|(_, times, sup)| entry(&p.name, *times, *sup))
                })
                .collect();
            let rest = todo.is_empty();
            let text = if rest {
                "Rest day".to_owned()
            } else {
                todo.join("\n")
            };
            let fill = rest.then_some(REST_FILL);
            vec![
                Cell::new(day_name(*day), TextStyle::bold(BODY)).on(fill),
                Cell::new(text, TextStyle::plain(BODY)).on(fill),
            ]
        })
        .collect();
    let mut rolling: Vec<(&(String, u32), Vec<String>)> = Vec::new();
    for p in parts {
        if let Some(r) = &p.rolling {
            match rolling.iter_mut().find(|(k, _)| *k == r) {
                Some((_, names)) => names.push(p.name.clone()),
                None => rolling.push((r, vec![p.name.clone()])),
            }
        }
    }
    for ((when, n), names) in rolling {
        let how = match n {
            2 => "Do it one day, rest the next: the weekday changes from week to week.".to_owned(),
            n => format!(
                "Do it one day, then rest {} days: the weekday changes from week to week.",
                n - 1
            ),
        };
        rows.push(vec![
            Cell::new(capitalised(when), TextStyle::bold(BODY)),
            Cell::new(
                format!("{}\n{how}", names.join("\n")),
                TextStyle::plain(BODY),
            ),
        ]);
    }
    table.draw(flow, &rows);
    flow.gap(12.0);
}
