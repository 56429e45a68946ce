//! The progression-rule editor of a prescription: the list of its rules (each headed by its
//! one-line summary, with buttons to move and remove it), an "Add rule" menu, and the fields
//! of the one rule opened for editing (one at a time, so its short labels stay unique on
//! screen). The per-week table is an editable grid ([`table`]); typed week lists and reps are
//! read by [`parse`]. Like the rest of the prescription editor it edits a copy of the
//! prescription, which the caller pushes as an `Edit::UpdatePrescription`.

mod kinds;
pub mod parse;
mod table;

use crate::model::LoadUnit;
use crate::model::{Amount, Dose, Prescription, Rule, TableRow, Target, WeekRange};
use crate::ui::View;
use crate::ui::widgets::fields::{Icon, icon_button};

/// What the rule editors need to know besides the rule: the plan (for the exercise ladder),
/// the display unit and the prescription the rules belong to.
#[derive(Clone, Copy)]
pub(crate) struct RuleContext<'a> {
    pub view: &'a View<'a>,
    pub unit: LoadUnit,
    pub dose: &'a Dose,
    pub weeks: WeekRange,
    pub exercise: &'a str,
}

/// The kinds of rule the "Add rule" menu offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NewRule {
    Add,
    NextVariation,
    Table,
    Deload,
    Hold,
}

impl NewRule {
    const ALL: [NewRule; 5] = [
        NewRule::Add,
        NewRule::NextVariation,
        NewRule::Table,
        NewRule::Deload,
        NewRule::Hold,
    ];

    fn label(self) -> &'static str {
        match self {
            NewRule::Add => "Add amount or percent",
            NewRule::NextVariation => "Next variation",
            NewRule::Table => "Per-week table",
            NewRule::Deload => "Deload",
            NewRule::Hold => "Hold progression",
        }
    }

    fn tip(self) -> &'static str {
        match self {
            NewRule::Add => {
                "Raise load, reps, sets, hold or minutes by an amount or a percentage every N weeks"
            }
            NewRule::NextVariation => {
                "Move to the next harder variation on the exercise's ladder every N weeks"
            }
            NewRule::Table => {
                "Set explicit values for listed weeks (a published protocol such as the Nordic table)"
            }
            NewRule::Deload => {
                "Lower volume and/or load in some weeks without moving the progression on"
            }
            NewRule::Hold => "Freeze the progression in listed weeks",
        }
    }

    /// A new rule of this kind, with starting values that fit `rx`.
    fn make(self, rx: &Prescription) -> Rule {
        match self {
            NewRule::Add if rx.dose.load_number().is_some() => {
                Rule::add(Target::Load, Amount::Percent(5.0))
            }
            NewRule::Add if rx.dose.reps.is_some() => {
                Rule::add(Target::Reps, Amount::Absolute(1.0))
            }
            NewRule::Add if rx.dose.hold_secs.is_some() => {
                Rule::add(Target::Hold, Amount::Absolute(5.0))
            }
            NewRule::Add if rx.dose.minutes.is_some() => {
                Rule::add(Target::Minutes, Amount::Absolute(1.0))
            }
            NewRule::Add => Rule::add(Target::Sets, Amount::Absolute(1.0)),
            NewRule::NextVariation => Rule::NextVariation {
                after_weeks: 2,
                reset_dose: false,
            },
            NewRule::Table => Rule::Table {
                rows: vec![TableRow {
                    week: rx.weeks.first.max(1),
                    sets: Some(rx.dose.sets),
                    reps: rx.dose.reps.clone(),
                    ..TableRow::default()
                }],
                source: None,
            },
            NewRule::Deload => Rule::Deload {
                every_weeks: Some(4),
                weeks: Vec::new(),
                volume_pct: 40.0,
                load_pct: 0.0,
            },
            NewRule::Hold => Rule::Hold {
                weeks: vec![(rx.weeks.first + 1).min(rx.weeks.last.max(1))],
            },
        }
    }
}

/// A change to the list of rules asked for by a header button.
enum ListAction {
    Toggle(usize),
    Up(usize),
    Down(usize),
    Remove(usize),
}

/// State of the rule editor: which rule of which prescription is open for editing.
#[derive(Debug, Clone, Default)]
pub struct RulesEditor {
    /// (prescription id, open rule index). A newly selected prescription opens its first rule.
    open: Option<(u32, Option<usize>)>,
}

impl RulesEditor {
    /// Draws the rules of `rx` (a copy the caller pushes when it changed): headers, the open
    /// rule's fields and the "Add rule" menu.
    pub fn ui(&mut self, ui: &mut egui::Ui, rx: &mut Prescription, view: &View<'_>) {
        let mut open = match self.open {
            Some((id, open)) if id == rx.id => open,
            _ => (!rx.rules.is_empty()).then_some(0),
        };
        ui.horizontal(|ui| {
            ui.strong("Progression rules");
            ui.menu_button("Add rule", |ui| {
                for kind in NewRule::ALL {
                    if ui.button(kind.label()).on_hover_text(kind.tip()).clicked() {
                        rx.rules.push(kind.make(rx));
                        open = Some(rx.rules.len() - 1);
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text("Add a progression rule; rules apply in order, top to bottom");
        });
        if rx.rules.is_empty() {
            ui.weak("No rules: the dose stays the same every week. Add one to progress it.");
        }
        let ctx = RuleContext {
            view,
            unit: view.unit,
            dose: &rx.dose,
            weeks: rx.weeks,
            exercise: &rx.exercise,
        };
        let count = rx.rules.len();
        let mut action = None;
        for (i, rule) in rx.rules.iter_mut().enumerate() {
            ui.push_id(("rule", i), |ui| {
                if let Some(a) = header_ui(ui, rule, &ctx, i, count, open == Some(i)) {
                    action = Some(a);
                }
                if open == Some(i) {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        rule_fields_ui(ui, rule, &ctx);
                    });
                }
            });
        }
        match action {
            Some(ListAction::Toggle(i)) => open = if open == Some(i) { None } else { Some(i) },
            Some(ListAction::Up(i)) if i > 0 => {
                rx.rules.swap(i, i - 1);
                open = Some(i - 1);
            }
            Some(ListAction::Down(i)) if i + 1 < rx.rules.len() => {
                rx.rules.swap(i, i + 1);
                open = Some(i + 1);
            }
            Some(ListAction::Remove(i)) if i < rx.rules.len() => {
                rx.rules.remove(i);
                open = None;
            }
            _ => {}
        }
        self.open = Some((rx.id, open));
    }
}

/// One rule's header: move up/down and remove buttons, then its summary (click to open).
fn header_ui(
    ui: &mut egui::Ui,
    rule: &Rule,
    ctx: &RuleContext<'_>,
    i: usize,
    count: usize,
    is_open: bool,
) -> Option<ListAction> {
    let n = i + 1;
    let mut action = None;
    ui.horizontal(|ui| {
        let tip = format!("Move rule {n} up (rules apply in order)");
        if icon_button(ui, Icon::Up, i > 0, &format!("Move rule {n} up"), &tip).clicked() {
            action = Some(ListAction::Up(i));
        }
        let tip = format!("Move rule {n} down (rules apply in order)");
        if icon_button(
            ui,
            Icon::Down,
            n < count,
            &format!("Move rule {n} down"),
            &tip,
        )
        .clicked()
        {
            action = Some(ListAction::Down(i));
        }
        let tip = format!("Remove rule {n} (Ctrl+Z undoes it)");
        if icon_button(ui, Icon::Delete, true, &format!("Remove rule {n}"), &tip).clicked() {
            action = Some(ListAction::Remove(i));
        }
        let text = format!(
            "{n}. {}: {}",
            rule.kind_label(),
            rule.summary(&ctx.dose.load, ctx.unit)
        );
        let tip = if is_open {
            format!("Close the fields of rule {n}")
        } else {
            format!("Edit rule {n}")
        };
        if ui
            .add(egui::Button::selectable(is_open, text).wrap())
            .on_hover_text(tip)
            .clicked()
        {
            action = Some(ListAction::Toggle(i));
        }
    });
    action
}

/// The fields of one rule, by kind.
fn rule_fields_ui(ui: &mut egui::Ui, rule: &mut Rule, ctx: &RuleContext<'_>) {
    match rule {
        Rule::Add { .. } => kinds::add_ui(ui, rule, ctx),
        Rule::NextVariation {
            after_weeks,
            reset_dose,
        } => kinds::next_variation_ui(ui, after_weeks, reset_dose, ctx),
        Rule::Table { rows, .. } => table::table_ui(ui, rows, ctx),
        Rule::Deload {
            every_weeks,
            weeks,
            volume_pct,
            load_pct,
        } => kinds::deload_ui(ui, every_weeks, weeks, volume_pct, load_pct),
        Rule::Hold { weeks } => kinds::hold_ui(ui, weeks),
    }
}
