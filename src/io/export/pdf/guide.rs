//! Text pages: how to judge pain (the traffic-light rules of the pain-monitoring model, in
//! plain words, with the plan's own limits), the handout's references (the plan's source, the
//! pain-monitoring model, where the exercises come from) and the report's sources (the plan's,
//! the guardrails' and the pain model's).

use crate::engine::{Finding, PainZone, sources};
use crate::model::{PainLimits, Plan};

use super::canvas::{Pen, Rgb, TextStyle};
use super::flow::{BODY, Flow, LEADING};
use super::{Ctx, find_exercise};

/// (zone, what it means, what to do) of each traffic light, in the patient's words.
const LIGHTS: [(PainZone, &str, &str); 3] = [
    (
        PainZone::Green,
        "Safe. A little discomfort while you exercise is fine.",
        "Carry on as planned. If the next morning is as good or better, you may progress a little, as the plan says.",
    ),
    (
        PainZone::Amber,
        "Acceptable, as long as it has settled by the next morning.",
        "Keep the dose; do not add load yet. Check how it feels the next morning before your next session.",
    ),
    (
        PainZone::Red,
        "Too much for now.",
        "Make the next session easier: change one thing only (less load, a smaller range, more rest or fewer sessions). Tell your clinician if it happens twice in a row.",
    ),
];

/// `Amber: pain 3-5 out of 10`; red adds the next morning.
fn light_title(zone: PainZone, limits: PainLimits) -> String {
    match zone {
        PainZone::Green => format!("Green: pain {} out of 10", zone.range(limits)),
        PainZone::Amber => format!("Amber: pain {} out of 10", zone.range(limits)),
        PainZone::Red => format!(
            "Red: pain above {}, or not settled by the next morning",
            limits.acceptable_max
        ),
    }
}

/// Draws the pain guide with the plan's limits (from a new page).
pub(super) fn pain(flow: &mut Flow<'_>, limits: PainLimits) {
    flow.section("How to judge pain");
    let body = TextStyle::plain(BODY);
    flow.paragraph(
        "Some pain during these exercises is expected and safe. Rate it from 0 (none) to 10 (the worst imaginable) during each exercise, and again the next morning. How your body answers over the next 24 hours matters more than the pain during the exercise.",
        body,
        0.0,
    );
    flow.gap(12.0);
    for (zone, meaning, action) in LIGHTS {
        let (color, title) = (Rgb::of(zone.color()), light_title(zone, limits));
        let text_w = flow.width() - 34.0;
        let lines: Vec<String> = [meaning, action]
            .iter()
            .flat_map(|t| flow.fonts.wrap(t, body.size, false, text_w))
            .collect();
        let title_h = 12.0 * LEADING;
        let height = title_h + lines.len() as f32 * body.size * LEADING + 10.0;
        flow.ensure(height);
        let (x, y) = (flow.left(), flow.y);
        flow.canvas
            .rect(x, y, 22.0, height - 4.0, Some(color), None);
        flow.canvas.rect(
            x,
            y,
            flow.width(),
            height - 4.0,
            None,
            Some(Pen::solid(color, 1.0)),
        );
        flow.y += 3.0;
        flow.lines(&[title], TextStyle::bold(12.0), x + 32.0);
        flow.lines(&lines, body, x + 32.0);
        flow.y = y + height + 6.0;
    }
    flow.gap(6.0);
    flow.heading("The next-morning rule", 12.0, 30.0);
    flow.bullets(
        &[
            "Worse the next morning: take the next session one step easier.".to_owned(),
            "The same or better the next morning: keep the dose, or progress a little as planned.".to_owned(),
            "Change one thing at a time - load, range, rest or how often - so you know what helped.".to_owned(),
            "Write both numbers on your log sheet after every session; bring the sheets to your clinician.".to_owned(),
        ],
        body,
        4.0,
    );
    flow.gap(8.0);
    flow.paragraph(
        "Stop and contact your clinician if you have sudden sharp pain, a pop, swelling, numbness or pins and needles that do not settle.",
        TextStyle::bold(BODY),
        0.0,
    );
}

/// Draws the handout's references (from a new page): where the plan and its exercises come
/// from and the pain-monitoring model, as a reader can look them up.
pub(super) fn references(flow: &mut Flow<'_>, ctx: &Ctx<'_>) {
    flow.section("References");
    let body = TextStyle::plain(BODY);
    let mut items: Vec<String> = Vec::new();
    let citation = ctx.plan.citation.trim();
    if !citation.is_empty() {
        items.push(format!("Your plan: {citation}"));
    }
    items.push(
        "How to judge pain: Silbernagel KG, Thomee R, Eriksson BI, Karlsson J. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med 2007;35(6):897-906.".to_owned(),
    );
    let mut seen: Vec<String> = Vec::new();
    for wp in &ctx.projection.weeks {
        for item in &wp.items {
            if seen.contains(&item.exercise_id) {
                continue;
            }
            seen.push(item.exercise_id.clone());
            if let Some(source) = find_exercise(ctx.plan, &item.exercise_id)
                .and_then(|e| e.source.as_deref())
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                let line = format!("{}: {source}", item.exercise_name);
                if !items.contains(&line) {
                    items.push(line);
                }
            }
        }
    }
    flow.bullets(&items, body, 4.0);
    if citation.is_empty() {
        flow.gap(8.0);
        flow.paragraph(
            "Your clinician wrote this plan for you; it does not follow one published programme.",
            body,
            0.0,
        );
    }
}

/// Draws the report's sources (from a new page).
pub(super) fn sources(flow: &mut Flow<'_>, plan: &Plan, findings: &[Finding]) {
    flow.section("Sources");
    let body = TextStyle::plain(9.5);
    flow.heading("This plan", 12.0, 20.0);
    if plan.citation.trim().is_empty() {
        flow.paragraph(
            "No published source is given for this plan: it was written by your clinician.",
            body,
            0.0,
        );
    } else {
        flow.paragraph(plan.citation.trim(), body, 0.0);
    }
    let mut cited: Vec<&str> = Vec::new();
    for f in findings {
        if !cited.contains(&f.source) {
            cited.push(f.source);
        }
    }
    if !cited.is_empty() {
        flow.gap(8.0);
        flow.heading("Cited by the guardrail findings", 12.0, 20.0);
        let items: Vec<String> = cited.iter().map(|s| (*s).to_owned()).collect();
        flow.bullets(&items, body, 4.0);
    }
    let others: Vec<String> = [
        sources::SUMMARY,
        sources::PROGRESSION,
        sources::TEN_PERCENT,
        sources::TWO_WEEKS,
        sources::ACWR,
        sources::ONE_VARIABLE,
    ]
    .iter()
    .filter(|s| !cited.contains(s))
    .map(|s| (*s).to_owned())
    .collect();
    if !others.is_empty() {
        flow.gap(8.0);
        flow.heading("Other guardrails the plan was checked against", 12.0, 20.0);
        flow.bullets(&others, body, 4.0);
    }
    flow.gap(8.0);
    flow.heading("Pain monitoring and load", 12.0, 20.0);
    flow.bullets(
        &[
            "Silbernagel KG et al. 2007: the pain-monitoring model (pain up to 5/10, settled by the next morning).".to_owned(),
            "Foster C et al. 2001: session-RPE (effort x minutes) as a common measure of load.".to_owned(),
        ],
        body,
        4.0,
    );
}
