//! The clinician report's first page and its progress pages. The first page: the plan's facts
//! (patient, condition, goal, dates, length, supervised sessions, pain limits, injured side)
//! and the findings counted by severity. From the log, when the plan has one: adherence overall
//! and by week, supervised sessions against the target, the pain trend and the reports, PROM
//! scores against their baseline, the flags, and each proposed adjustment with the clinician's
//! decision - in the engine's own words ([`crate::engine::words`], [`crate::engine::review`]).

use chrono::NaiveDate;

use crate::engine::review::{adherence_summary, change_words, fmt_pct, fmt_points, prom_series};
use crate::engine::words::counted;
use crate::engine::{self, Audience, PainZone, Severity, Status};

use super::Ctx;
use super::canvas::{ACCENT, GREY, Pen, TextStyle};
use super::flow::Flow;
use super::table::{Cell, Column, Table};
use super::{long_date, plan_title};

/// Text size of the report's tables and body.
const SIZE: f32 = 9.5;

/// The day the report counts up to.
fn today(ctx: &Ctx<'_>) -> NaiveDate {
    ctx.options
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// The report's first page: what the plan is, and the findings counted.
pub(super) fn header(flow: &mut Flow<'_>, ctx: &Ctx<'_>, findings: &[engine::Finding]) {
    let plan = ctx.plan;
    flow.new_page();
    flow.paragraph("Clinician report", TextStyle::plain(14.0).color(GREY), 0.0);
    let lines = flow.fonts.wrap(&plan_title(plan), 20.0, true, flow.width());
    flow.lines(&lines, TextStyle::bold(20.0).color(ACCENT), flow.left());
    flow.gap(8.0);
    let (l, r) = (flow.left(), flow.canvas.geo.right);
    let y = flow.y;
    flow.canvas.line((l, y), (r, y), Pen::solid(ACCENT, 1.2));
    flow.gap(10.0);
    let label_w = 130.0;
    let size = 10.0;
    flow.field("Patient", &plan.athlete, size, label_w);
    flow.field("Clinician", &plan.clinician, size, label_w);
    flow.field("Condition", &plan.condition, size, label_w);
    flow.field("Goal", &plan.goal, size, label_w);
    flow.field("Notes", &plan.notes, size, label_w);
    let p = ctx.projection;
    let weeks = p.weeks.len();
    let dates = match plan.start_date {
        Some(start) => {
            let end = start + chrono::Days::new((weeks.max(1) * 7 - 1) as u64);
            format!("{} to {}", long_date(start), long_date(end))
        }
        None => "no start date: sessions are not dated".to_owned(),
    };
    flow.field("Dates", &dates, size, label_w);
    flow.field(
        "Length",
        &format!(
            "{weeks} weeks, {} sessions, {} supervised (target at least {})",
            p.sessions.len(),
            p.supervised_sessions,
            plan.thresholds.min_supervised_sessions
        ),
        size,
        label_w,
    );
    let limits = plan.pain_limits;
    flow.field(
        "Pain limits",
        &PainZone::ALL
            .iter()
            .map(|z| z.label(limits, Audience::Physio))
            .collect::<Vec<_>>()
            .join("; "),
        size,
        label_w,
    );
    if let Some(side) = plan.injured_side {
        flow.field("Injured side", side.label(), size, label_w);
    }
    flow.field("Loads in", ctx.unit.symbol(), size, label_w);
    flow.field("Report date", &long_date(today(ctx)), size, label_w);
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    flow.field(
        "Findings",
        &format!(
            "{}, {}, {}",
            counted(count(Severity::Error), "error"),
            counted(count(Severity::Warning), "warning"),
            counted(count(Severity::Note), "note")
        ),
        size,
        label_w,
    );
    let logged = plan.log.len();
    flow.field(
        "Log",
        &if logged == 0 {
            "no sessions logged yet".to_owned()
        } else {
            counted(logged, "logged session")
        },
        size,
        label_w,
    );
}

fn table(flow: &mut Flow<'_>, columns: &[(&str, f32)], rows: Vec<Vec<String>>) {
    let w = flow.width();
    let table = Table {
        columns: columns
            .iter()
            .map(|(t, k)| Column {
                title: (*t).to_owned(),
                width: w * k,
            })
            .collect(),
        caption: None,
        header_style: TextStyle::bold(SIZE),
        min_row_height: 0.0,
    };
    let rows: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|t| Cell::new(t, TextStyle::plain(SIZE)))
                .collect()
        })
        .collect();
    table.draw(flow, &rows);
    flow.gap(8.0);
}

/// The progress pages, when the plan has a log, PROM scores or decisions.
pub(super) fn draw(flow: &mut Flow<'_>, ctx: &Ctx<'_>) {
    let plan = ctx.plan;
    if plan.log.is_empty() && plan.proms.is_empty() && plan.adjustments.is_empty() {
        return;
    }
    let adjustments = engine::adjustments(plan, ctx.projection);
    let status = engine::status(plan, ctx.projection, &adjustments, today(ctx));
    flow.section("Progress from the log");
    let body = TextStyle::plain(10.0);
    let week = status.current_week.map_or_else(
        || "outside the plan's weeks".to_owned(),
        |w| format!("week {w} of {}", ctx.projection.weeks.len()),
    );
    flow.paragraph(
        &format!("As of {}: {week}.", long_date(status.today)),
        body,
        0.0,
    );
    flow.heading("Adherence", 12.0, 30.0);
    flow.paragraph(&adherence_summary(&status.overall), body, 0.0);
    flow.paragraph(
        &format!(
            "Supervised sessions: {} done, {} still planned, target {}.",
            status.supervised_done, status.supervised_planned_ahead, status.supervised_target
        ),
        body,
        0.0,
    );
    weekly(flow, &status);
    pain(flow, ctx, &status);
    proms(flow, ctx);
    decisions(flow, ctx, &adjustments);
    if !status.flags.is_empty() {
        flow.heading("Flags", 12.0, 30.0);
        let items: Vec<String> = status
            .flags
            .iter()
            .map(|f| {
                format!(
                    "{}: {} (source: {})",
                    capital(f.severity.label()),
                    f.message,
                    f.source
                )
            })
            .collect();
        flow.bullets(&items, body, 4.0);
    }
}

/// `Warning`.
fn capital(s: &str) -> String {
    let mut t = s.to_owned();
    if let Some(c) = t.get_mut(..1) {
        c.make_ascii_uppercase();
    }
    t
}

/// Adherence by week, for the weeks with sessions due.
fn weekly(flow: &mut Flow<'_>, status: &Status) {
    let rows: Vec<Vec<String>> = status
        .weeks
        .iter()
        .filter(|w| w.adherence.due > 0)
        .map(|w| {
            let a = &w.adherence;
            vec![
                w.week.to_string(),
                a.due.to_string(),
                a.done.to_string(),
                a.partial.to_string(),
                a.missed.to_string(),
                a.pct().map_or_else(|| "-".to_owned(), fmt_pct),
                w.supervised_done.to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    flow.gap(4.0);
    table(
        flow,
        &[
            ("Week", 0.1),
            ("Sessions due", 0.15),
            ("Done", 0.12),
            ("Partly done", 0.15),
            ("Missed", 0.12),
            ("Exercises checked off", 0.2),
            ("Supervised done", 0.16),
        ],
        rows,
    );
}

/// The pain trend and every pain report with its zone.
fn pain(flow: &mut Flow<'_>, ctx: &Ctx<'_>, status: &Status) {
    flow.heading("Pain", 12.0, 30.0);
    let body = TextStyle::plain(10.0);
    let trend = status.pain_trend.map_or_else(
        || "Trend: not enough pain reports yet (pain logged on two dates or more).".to_owned(),
        |t| format!("Trend of pain during: {}.", t.label()),
    );
    flow.paragraph(&trend, body, 0.0);
    let limits = ctx.plan.pain_limits;
    let rows: Vec<Vec<String>> = status
        .pain
        .iter()
        .map(|p| {
            vec![
                long_date(p.date),
                p.during.map_or_else(
                    || "-".to_owned(),
                    |d| {
                        format!(
                            "{d}/10 ({})",
                            PainZone::during(d, limits).label(limits, Audience::Physio)
                        )
                    },
                ),
                p.next_morning.map_or_else(
                    || "-".to_owned(),
                    |n| {
                        format!(
                            "{n}/10 ({})",
                            PainZone::next_morning(n, limits).name(Audience::Physio)
                        )
                    },
                ),
            ]
        })
        .collect();
    if !rows.is_empty() {
        table(
            flow,
            &[
                ("Session", 0.3),
                ("Pain during", 0.35),
                ("Next morning", 0.35),
            ],
            rows,
        );
    }
}

/// PROM scores against their baseline.
fn proms(flow: &mut Flow<'_>, ctx: &Ctx<'_>) {
    let series = prom_series(&ctx.plan.proms);
    if series.is_empty() {
        return;
    }
    flow.heading("PROM scores", 12.0, 30.0);
    let mut rows = Vec::new();
    for s in &series {
        for (i, (date, score)) in s.points.iter().enumerate() {
            rows.push(vec![
                s.measure.label().to_owned(),
                long_date(*date),
                fmt_points(*score),
                if i == 0 {
                    "baseline".to_owned()
                } else {
                    change_words(s, *score)
                },
            ]);
        }
    }
    table(
        flow,
        &[
            ("Measure", 0.2),
            ("Date", 0.18),
            ("Score", 0.1),
            ("Change", 0.52),
        ],
        rows,
    );
}

/// Each adjustment the log called for, with its reason and the clinician's decision.
fn decisions(flow: &mut Flow<'_>, ctx: &Ctx<'_>, adjustments: &[engine::Adjustment]) {
    flow.heading("Dose adjustments", 12.0, 30.0);
    if adjustments.is_empty() {
        flow.paragraph(
            "None: no logged session called for holding or reducing a dose.",
            TextStyle::plain(10.0),
            0.0,
        );
        return;
    }
    let limits = ctx.plan.pain_limits;
    let rows: Vec<Vec<String>> = adjustments
        .iter()
        .map(|a| {
            let name = ctx.plan.exercise_name(&a.planned_exercise).into_owned();
            let slot = if a.slot > 0 {
                format!(" (session {})", a.slot + 1)
            } else {
                String::new()
            };
            vec![
                format!("{}{slot}\n{name}", long_date(a.date)),
                a.response.verdict(limits, Audience::Physio),
                a.reason.words(ctx.unit, ctx.plan),
                capital(&a.status_words(Audience::Physio)),
            ]
        })
        .collect();
    table(
        flow,
        &[
            ("Session adjusted", 0.22),
            ("Verdict", 0.24),
            ("Why and what", 0.32),
            ("Decision", 0.22),
        ],
        rows,
    );
}
