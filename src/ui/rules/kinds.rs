//! The fields of each kind of rule except the per-week table: `Add` (target, amount, every N
//! weeks, cap, rounding, weeks it applies in), `NextVariation` (with the ladder it will walk),
//! `Deload` and `Hold` (with typed week lists checked before anything changes).

use crate::model::{Amount, MAX_WEEKS, Rule, Target};
use crate::ui::widgets::fields::{Field, LABEL_WIDTH, drag_row, optional_row, parsed_text};

use super::RuleContext;
use super::parse::{parse_weeks, weeks_text};

fn grid(id: &str) -> egui::Grid {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([12.0, 6.0])
        .min_col_width(LABEL_WIDTH - 8.0)
}

fn target_name(target: Target) -> &'static str {
    match target {
        Target::Load => "Load",
        Target::Reps => "Reps",
        Target::Sets => "Sets",
        Target::Hold => "Hold time",
        Target::Minutes => "Minutes",
    }
}

/// Drag speed and a sensible starting step for `target`.
fn target_speed_and_step(target: Target) -> (f64, f64) {
    match target {
        Target::Load => (0.1, 1.0),
        Target::Reps | Target::Sets => (0.05, 1.0),
        Target::Hold => (0.5, 5.0),
        Target::Minutes => (0.1, 1.0),
    }
}

/// Fields of an `Add` rule.
pub(super) fn add_ui(ui: &mut egui::Ui, rule: &mut Rule, ctx: &RuleContext<'_>) {
    let Rule::Add {
        target,
        amount,
        every_weeks,
        cap,
        round_to,
        from_week,
        until_week,
    } = rule
    else {
        return;
    };
    grid("rule_add_grid").show(ui, |ui| {
        let label = ui.label("Target");
        egui::ComboBox::from_id_salt("rule_target")
            .selected_text(target_name(*target))
            .show_ui(ui, |ui| {
                for t in Target::ALL {
                    ui.selectable_value(target, t, target_name(t))
                        .on_hover_text(format!("Change the {} of the dose", t.label()));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("What the rule changes");
        ui.end_row();
        amount_rows(ui, *target, amount, ctx);
        let every = Field::new(
            "Every N weeks",
            "Apply the change every N weeks (1 = every week)",
        )
        .prefix("every ")
        .suffix(" weeks")
        .speed(0.05);
        drag_row(ui, &every, every_weeks, 1..=52);
        limit_rows(ui, *target, cap, round_to, ctx);
        let from = Field::new("From week", "First plan week the rule applies in").speed(0.05);
        optional_row(
            ui,
            &from,
            "Start from a week",
            from_week,
            ctx.weeks.first,
            1..=MAX_WEEKS,
        );
        let until = Field::new("Until week", "Last plan week the rule applies in").speed(0.05);
        optional_row(
            ui,
            &until,
            "Stop after a week",
            until_week,
            ctx.weeks.last,
            1..=MAX_WEEKS,
        );
        if let (Some(a), Some(b)) = (from_week.as_mut(), until_week.as_mut())
            && *a > *b
        {
            *b = *a;
        }
    });
}

fn amount_rows(ui: &mut egui::Ui, target: Target, amount: &mut Amount, ctx: &RuleContext<'_>) {
    let (unit_text, convert) = target.unit_for(&ctx.dose.load, ctx.unit);
    let (speed, step) = target_speed_and_step(target);
    let label = ui.label("Amount kind");
    let is_percent = matches!(amount, Amount::Percent(_));
    let mut percent = is_percent;
    egui::ComboBox::from_id_salt("rule_amount_kind")
        .selected_text(if is_percent {
            "Percent"
        } else {
            "Fixed amount"
        })
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut percent, false, "Fixed amount")
                .on_hover_text(format!("Add the same number of {unit_text} each time"));
            ui.selectable_value(&mut percent, true, "Percent")
                .on_hover_text("Add a percentage of the current value each time");
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("A fixed amount in the target's unit, or a percentage of the current value");
    ui.end_row();
    if percent != is_percent {
        *amount = if percent {
            Amount::Percent(5.0)
        } else if convert {
            Amount::Absolute(ctx.unit.to_kg(step))
        } else {
            Amount::Absolute(step)
        };
    }
    match amount {
        Amount::Percent(p) => {
            let field = Field::new("Amount", "Percent added each time (negative to lower)")
                .suffix(" %")
                .speed(0.1);
            drag_row(ui, &field, p, -100.0..=1000.0);
        }
        Amount::Absolute(a) => {
            let suffix = format!(" {unit_text}");
            let field = Field::new("Amount", "Added each time (negative to lower)")
                .suffix(&suffix)
                .speed(speed);
            let mut shown = if convert { ctx.unit.from_kg(*a) } else { *a };
            if drag_row(ui, &field, &mut shown, -1000.0..=1000.0) {
                *a = if convert {
                    ctx.unit.to_kg(shown)
                } else {
                    shown
                };
            }
        }
    }
}

/// Cap and rounding rows, in the target's unit (kilograms shown in the display unit).
fn limit_rows(
    ui: &mut egui::Ui,
    target: Target,
    cap: &mut Option<f64>,
    round_to: &mut Option<f64>,
    ctx: &RuleContext<'_>,
) {
    let (unit_text, convert) = target.unit_for(&ctx.dose.load, ctx.unit);
    let (speed, step) = target_speed_and_step(target);
    let to_shown = |v: f64| if convert { ctx.unit.from_kg(v) } else { v };
    let from_shown = |v: f64| if convert { ctx.unit.to_kg(v) } else { v };
    let suffix = format!(" {unit_text}");
    let current = match target {
        Target::Load => ctx.dose.load_number().map(to_shown),
        Target::Reps => ctx.dose.reps.as_ref().map(|r| f64::from(r.for_set(0).1)),
        Target::Sets => Some(f64::from(ctx.dose.sets)),
        Target::Hold => ctx.dose.hold_secs,
        Target::Minutes => ctx.dose.minutes,
    };
    let cap_default = current.map_or(10.0, |c| (c * 2.0).max(1.0));
    let field = Field::new(
        "Cap",
        "The value never goes past this (a ceiling when adding, a floor when lowering)",
    )
    .suffix(&suffix)
    .speed(speed);
    let mut shown = cap.map(to_shown);
    if optional_row(
        ui,
        &field,
        "Use a cap",
        &mut shown,
        cap_default,
        0.0..=10_000.0,
    ) {
        *cap = shown.map(from_shown);
    }
    let round_default = if convert { to_shown(0.5) } else { step };
    let field = Field::new(
        "Round to",
        "Round what is shown to this step (e.g. 2.5 kg plates); the exact value keeps growing",
    )
    .suffix(&suffix)
    .speed(speed / 2.0);
    let mut shown = round_to.map(to_shown);
    if optional_row(
        ui,
        &field,
        "Use rounding",
        &mut shown,
        round_default,
        0.0..=1000.0,
    ) {
        *round_to = shown.map(from_shown);
    }
}

/// Fields of a `NextVariation` rule, with the ladder it will walk through the weeks.
pub(super) fn next_variation_ui(
    ui: &mut egui::Ui,
    after_weeks: &mut u32,
    reset_dose: &mut bool,
    ctx: &RuleContext<'_>,
) {
    grid("rule_next_grid").show(ui, |ui| {
        let field = Field::new("After weeks", "Move one step up the ladder every N weeks")
            .suffix(" weeks")
            .speed(0.05);
        drag_row(ui, &field, after_weeks, 1..=52);
        ui.label("");
        ui.checkbox(reset_dose, "Restart dose").on_hover_text(
            "Start each harder variation again from the prescription's starting dose",
        );
        ui.end_row();
        ui.label("Ladder");
        ui.add(egui::Label::new(ladder_text(ctx, *after_weeks)).wrap());
        ui.end_row();
    });
}

/// "Nordic (weeks 1-2), then Weighted Nordic (from week 3)".
fn ladder_text(ctx: &RuleContext<'_>, after_weeks: u32) -> String {
    let mut names = Vec::new();
    let mut seen = Vec::new();
    let mut id = ctx.exercise.to_owned();
    while let Some(ex) = ctx.view.exercise(&id) {
        if seen.contains(&ex.id) || names.len() > 20 {
            break;
        }
        seen.push(ex.id.clone());
        names.push(ex.name.clone());
        match ex.harder.first() {
            Some(next) => id = next.clone(),
            None => break,
        }
    }
    if names.len() < 2 {
        return "This exercise has no harder variation, so the rule changes nothing.".to_owned();
    }
    let step = after_weeks.max(1);
    let mut parts = Vec::new();
    for (k, name) in names.iter().enumerate() {
        let start = ctx
            .weeks
            .first
            .saturating_add(step.saturating_mul(k as u32));
        if start > ctx.weeks.last {
            parts.push(format!("{name} (not reached)"));
            break;
        }
        let end = start.saturating_add(step - 1).min(ctx.weeks.last);
        if k + 1 == names.len() {
            parts.push(format!("{name} (from week {start})"));
        } else if start == end {
            parts.push(format!("{name} (week {start})"));
        } else {
            parts.push(format!("{name} (weeks {start}-{end})"));
        }
    }
    parts.join(", then ")
}

/// Fields of a `Deload` rule.
pub(super) fn deload_ui(
    ui: &mut egui::Ui,
    every_weeks: &mut Option<u32>,
    weeks: &mut Vec<u32>,
    volume_pct: &mut f64,
    load_pct: &mut f64,
) {
    grid("rule_deload_grid").show(ui, |ui| {
        let every = Field::new(
            "Every N weeks",
            "Every N-th plan week is a deload week (4 = weeks 4, 8, 12, ...)",
        )
        .prefix("every ")
        .suffix(" weeks")
        .speed(0.05);
        optional_row(ui, &every, "Regular deload", every_weeks, 4, 1..=52);
        weeks_rows(
            ui,
            "Deload weeks",
            "deload_weeks",
            weeks,
            "Listed plan weeks that are deload weeks, e.g. 4, 8, 12",
        );
        let volume = Field::new(
            "Volume -%",
            "Percent by which volume drops in a deload week",
        )
        .suffix(" %")
        .speed(0.5);
        drag_row(ui, &volume, volume_pct, 0.0..=100.0);
        let load = Field::new(
            "Load -%",
            "Percent by which external load drops in a deload week",
        )
        .suffix(" %")
        .speed(0.5);
        drag_row(ui, &load, load_pct, 0.0..=100.0);
    });
    if every_weeks.is_none() && weeks.is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "No deload week chosen yet: the rule changes nothing.",
        );
    }
}

/// Fields of a `Hold` rule.
pub(super) fn hold_ui(ui: &mut egui::Ui, weeks: &mut Vec<u32>) {
    grid("rule_hold_grid").show(ui, |ui| {
        weeks_rows(
            ui,
            "Hold weeks",
            "hold_weeks",
            weeks,
            "Plan weeks in which the dose does not progress, e.g. 6, 7",
        );
    });
    if weeks.is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "No week listed yet: the rule changes nothing.",
        );
    }
}

/// A labelled week-list text field ("4, 8, 12") and, while the text is invalid, the reason
/// in red on the row below. The list changes only when the text is valid.
fn weeks_rows(ui: &mut egui::Ui, label: &str, id_salt: &str, weeks: &mut Vec<u32>, tip: &str) {
    let text = ui.label(label);
    let id = ui.make_persistent_id(id_salt);
    let parsed = parsed_text(ui, id, weeks_text(weeks), 160.0, parse_weeks, |w| {
        weeks_text(w)
    });
    let _ = parsed.response.labelled_by(text.id).on_hover_text(tip);
    ui.end_row();
    if let Some(v) = parsed.value {
        *weeks = v;
    }
    if let Some(error) = parsed.error {
        ui.label("");
        ui.colored_label(ui.visuals().error_fg_color, error);
        ui.end_row();
    }
}
