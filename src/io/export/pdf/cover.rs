//! The handout's cover: what the plan is for, in plain words - the condition and the goal, who
//! it is for and who wrote it, when it starts and ends and how many weeks it runs - then the
//! phases at a glance, how to use the handout and the plan's caveat. The plan's own notes are
//! the clinician's (templates explain themselves there): they go to the clinician report; the
//! notes of each exercise are on its card.

use chrono::Days;

use crate::model::Plan;

use super::Ctx;
use super::canvas::{ACCENT, GREY, Pen, Rgb, TextStyle};
use super::flow::{BODY, Flow, LEADING, TABLE};
use super::table::{Cell, Column, Table};
use super::{full_date, plan_title};

/// Background of the caveat box.
const NOTE_FILL: Rgb = Rgb(255, 246, 224);
/// Border of the caveat box.
const NOTE_BORDER: Rgb = Rgb(214, 170, 60);

/// `1 week`, `16 weeks`.
fn weeks_words(n: u32) -> String {
    if n == 1 {
        "1 week".to_owned()
    } else {
        format!("{n} weeks")
    }
}

/// Draws the cover page.
pub(super) fn draw(flow: &mut Flow<'_>, ctx: &Ctx<'_>) {
    let plan = ctx.plan;
    flow.new_page();
    flow.gap(20.0);
    flow.paragraph(
        "Your rehabilitation plan",
        TextStyle::plain(14.0).color(GREY),
        0.0,
    );
    let title_style = TextStyle::bold(24.0).color(ACCENT);
    let lines = flow.fonts.wrap(&plan_title(plan), 24.0, true, flow.width());
    flow.lines(&lines, title_style, flow.left());
    flow.gap(10.0);
    let (l, r) = (flow.left(), flow.canvas.geo.right);
    let y = flow.y;
    flow.canvas.line((l, y), (r, y), Pen::solid(ACCENT, 1.5));
    flow.gap(14.0);

    let label_w = 118.0;
    flow.field("For", &plan.athlete, BODY, label_w);
    flow.field("Your clinician", &plan.clinician, BODY, label_w);
    flow.field("What it is for", &plan.condition, BODY, label_w);
    flow.field("Your goal", &plan.goal, BODY, label_w);
    flow.field("How long", &length(plan, ctx), BODY, label_w);
    match plan.start_date {
        Some(start) => {
            let weeks = ctx.projection.weeks.len() as u64;
            let end = start
                .checked_add_days(Days::new(weeks.max(1) * 7 - 1))
                .unwrap_or(start);
            flow.field(
                "When",
                &format!("From {} to {}", full_date(start), full_date(end)),
                BODY,
                label_w,
            );
        }
        None => flow.field(
            "When",
            "Start when your clinician says; the weeks count from your first session.",
            BODY,
            label_w,
        ),
    }

    phases(flow, plan);
    flow.gap(12.0);
    flow.heading("How to use this handout", 13.0, 40.0);
    flow.bullets(
        &[
            "\"Your week\" shows what to do on each day of the week.".to_owned(),
            if super::cards::any_picture(ctx) {
                "Each exercise has its own card: a picture, how to do it and how much to do, week by week.".to_owned()
            } else {
                "Each exercise has its own card: how to do it and how much to do, week by week.".to_owned()
            },
            "The pain guide tells you how much pain is fine and what to do when it is too much.".to_owned(),
            "Tick each exercise on the log sheets and write down your pain; bring them to your appointments.".to_owned(),
        ],
        TextStyle::plain(BODY),
        4.0,
    );
    if !plan.disclaimer.trim().is_empty() {
        flow.gap(12.0);
        caveat(flow, &plan.disclaimer);
    }
}

/// `16 weeks, 3 to 5 days a week` with the sessions with the clinician.
fn length(plan: &Plan, ctx: &Ctx<'_>) -> String {
    let weeks = ctx.projection.weeks.len() as u32;
    let mut text = weeks_words(weeks);
    let supervised = ctx.projection.supervised_sessions;
    if supervised == 1 {
        text.push_str(", with 1 session with your clinician");
    } else if supervised > 1 {
        text.push_str(&format!(", with {supervised} sessions with your clinician"));
    }
    if plan.phases.len() > 1 {
        text.push_str(&format!(" in {} stages", plan.phases.len()));
    }
    text
}

/// The phases as a table: name, weeks, goal.
fn phases(flow: &mut Flow<'_>, plan: &Plan) {
    if plan.phases.is_empty() {
        return;
    }
    flow.gap(14.0);
    flow.heading("The stages of your plan", 13.0, 40.0);
    let w = flow.width();
    let table = Table {
        columns: vec![
            Column {
                title: "Stage".to_owned(),
                width: w * 0.28,
            },
            Column {
                title: "Weeks".to_owned(),
                width: w * 0.13,
            },
            Column {
                title: "What it is for".to_owned(),
                width: w * 0.59,
            },
        ],
        caption: None,
        header_style: TextStyle::bold(TABLE),
        min_row_height: 0.0,
    };
    let rows: Vec<Vec<Cell>> = plan
        .phases
        .iter()
        .map(|p| {
            let weeks = if p.weeks.first == p.weeks.last {
                p.weeks.first.to_string()
            } else {
                format!("{} to {}", p.weeks.first, p.weeks.last)
            };
            vec![
                Cell::new(p.name.clone(), TextStyle::bold(TABLE)),
                Cell::new(weeks, TextStyle::plain(TABLE)),
                Cell::new(p.goal.clone(), TextStyle::plain(TABLE)),
            ]
        })
        .collect();
    table.draw(flow, &rows);
}

/// The plan's caveat in a coloured box (on the next page when it does not fit).
fn caveat(flow: &mut Flow<'_>, text: &str) {
    let size = BODY;
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
