//! The load and execution part of the dose editor (prescriptions, exercises' default doses): load kind and value (kilograms
//! shown in the user's unit), planned session effort, tempo, rest, side and range of motion.

use crate::model::LoadUnit;
use crate::model::{Dose, Exercise, Load, Side, Tempo};

use crate::ui::widgets::fields::{Field, drag, drag_row, optional_row};

/// The kinds of load, for the "Load kind" selector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LoadKind {
    None,
    BodyWeight,
    Kg,
    Band,
    PercentOneRm,
    Rm,
    Rpe,
    Rir,
}

impl LoadKind {
    const ALL: [LoadKind; 8] = [
        LoadKind::None,
        LoadKind::BodyWeight,
        LoadKind::Kg,
        LoadKind::Band,
        LoadKind::PercentOneRm,
        LoadKind::Rm,
        LoadKind::Rpe,
        LoadKind::Rir,
    ];

    fn of(load: &Load) -> LoadKind {
        match load {
            Load::None => LoadKind::None,
            Load::BodyWeight => LoadKind::BodyWeight,
            Load::Kg(_) => LoadKind::Kg,
            Load::Band(_) => LoadKind::Band,
            Load::PercentOneRm(_) => LoadKind::PercentOneRm,
            Load::Rpe(_) => LoadKind::Rpe,
            Load::Rir(_) => LoadKind::Rir,
            Load::Rm(_) => LoadKind::Rm,
        }
    }

    fn label(self) -> &'static str {
        match self {
            LoadKind::None => "None",
            LoadKind::BodyWeight => "Body weight",
            LoadKind::Kg => "Weight (kg, lb)",
            LoadKind::Band => "Band level",
            LoadKind::PercentOneRm => "%1RM",
            LoadKind::Rpe => "RPE",
            LoadKind::Rir => "RIR",
            LoadKind::Rm => "Repetition maximum (nRM)",
        }
    }

    fn tip(self) -> &'static str {
        match self {
            LoadKind::None => "No load given",
            LoadKind::BodyWeight => {
                "Body weight only (no weight is counted for it in the volume load)"
            }
            LoadKind::Kg => {
                "An external weight (dumbbell, barbell), in the plan's unit (View > Weights in)"
            }
            LoadKind::Band => "An elastic band, by the level printed on it (1 = lightest)",
            LoadKind::PercentOneRm => "Percent of the one-repetition maximum",
            LoadKind::Rpe => "An effort target on the 0-10 scale",
            LoadKind::Rir => "Repetitions left in reserve at the end of each set",
            LoadKind::Rm => {
                "The load the athlete can lift this many times with good form (15RM, 12RM, ...): heavy slow resistance is written so; the athlete finds the weight"
            }
        }
    }

    /// A starting load of this kind.
    fn initial(self) -> Load {
        match self {
            LoadKind::None => Load::None,
            LoadKind::BodyWeight => Load::BodyWeight,
            LoadKind::Kg => Load::Kg(5.0),
            LoadKind::Band => Load::Band(1),
            LoadKind::PercentOneRm => Load::PercentOneRm(70.0),
            LoadKind::Rpe => Load::Rpe(7.0),
            LoadKind::Rir => Load::Rir(2),
            LoadKind::Rm => Load::Rm(15),
        }
    }
}

/// Grid rows: load kind and value, planned RPE, tempo, rest, side, range of motion.
pub(crate) fn load_rows(
    ui: &mut egui::Ui,
    dose: &mut Dose,
    exercise: Option<&Exercise>,
    unit: LoadUnit,
) {
    load_kind_row(ui, &mut dose.load);
    load_value_row(ui, &mut dose.load, unit);
    let rpe = Field::new(
        "Planned RPE",
        "Planned session effort (0-10); with minutes it gives the session-RPE load",
    )
    .suffix(" /10")
    .speed(0.05);
    optional_row(ui, &rpe, "Session RPE", &mut dose.rpe, 5.0, 0.0..=10.0);
    tempo_row(ui, &mut dose.tempo, exercise.and_then(|e| e.tempo), false);
    let rest = Field::new("Rest", "Rest between sets, in seconds")
        .suffix(" s")
        .speed(0.5);
    optional_row(
        ui,
        &rest,
        "Rest between sets",
        &mut dose.rest_secs,
        60,
        0..=3600,
    );
    side_row(ui, &mut dose.side);
    let label = ui.label("Range of motion");
    let mut rom = dose.rom.clone().unwrap_or_default();
    let response = ui
        .add(egui::TextEdit::singleline(&mut rom).hint_text("e.g. to just before pain"))
        .labelled_by(label.id)
        .on_hover_text("How far to move: \"hip near neutral\", \"to just before pain\"");
    if response.changed() {
        dose.rom = (!rom.is_empty()).then_some(rom);
    }
    ui.end_row();
}

fn load_kind_row(ui: &mut egui::Ui, load: &mut Load) {
    let label = ui.label("Load kind");
    let kind = LoadKind::of(load);
    let mut chosen = kind;
    egui::ComboBox::from_id_salt("rx_load_kind")
        .selected_text(kind.label())
        .show_ui(ui, |ui| {
            for k in LoadKind::ALL {
                ui.selectable_value(&mut chosen, k, k.label())
                    .on_hover_text(k.tip());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("What the load is: a weight, a band, body weight or an effort target");
    ui.end_row();
    if chosen != kind {
        *load = chosen.initial();
    }
}

fn load_value_row(ui: &mut egui::Ui, load: &mut Load, unit: LoadUnit) {
    match load {
        Load::None | Load::BodyWeight => {}
        Load::Kg(kg) => {
            let suffix = format!(" {}", unit.symbol());
            let field = Field::new(
                "Load",
                "The external weight, in the plan's unit (View > Weights in)",
            )
            .suffix(&suffix)
            .speed(0.1);
            let mut shown = unit.from_kg(*kg);
            if drag_row(ui, &field, &mut shown, 0.0..=unit.from_kg(1000.0)) {
                *kg = unit.to_kg(shown);
            }
        }
        Load::Band(level) => {
            let field = Field::new("Load", "Band level (1 = lightest)")
                .prefix("level ")
                .speed(0.05);
            drag_row(ui, &field, level, 1..=20);
        }
        Load::PercentOneRm(p) => {
            let field = Field::new("Load", "Percent of the one-repetition maximum")
                .suffix(" %1RM")
                .speed(0.1);
            drag_row(ui, &field, p, 0.0..=120.0);
        }
        Load::Rpe(r) => {
            let field = Field::new("Load", "Effort target on the 0-10 scale")
                .prefix("RPE ")
                .speed(0.05);
            drag_row(ui, &field, r, 0.0..=10.0);
        }
        Load::Rir(n) => {
            let field = Field::new("Load", "Repetitions left in reserve at the end of each set")
                .prefix("RIR ")
                .speed(0.05);
            drag_row(ui, &field, n, 0..=10);
        }
        Load::Rm(n) => {
            let field = Field::new(
                "Load",
                "Repetition maximum: the load the athlete can lift this many times",
            )
            .suffix("RM")
            .speed(0.05);
            drag_row(ui, &field, n, 1..=50);
        }
    }
}

/// The tempo row: a checkbox that sets or clears it, then seconds lowering, paused and lifting.
/// A dose's tempo starts from `exercise_tempo`; `of_exercise` is the exercise's own tempo (the
/// exercise editor), whose labels say so, as its default dose has a tempo row too.
pub(crate) fn tempo_row(
    ui: &mut egui::Ui,
    tempo: &mut Option<Tempo>,
    exercise_tempo: Option<Tempo>,
    of_exercise: bool,
) {
    let (toggle, parts, unset) = if of_exercise {
        (
            "Exercise tempo",
            [
                "Exercise eccentric",
                "Exercise pause",
                "Exercise concentric",
            ],
            "not set",
        )
    } else {
        (
            "Tempo",
            ["Eccentric", "Pause", "Concentric"],
            "not set (the exercise's own tempo is used for time under tension)",
        )
    };
    let mut on = tempo.is_some();
    if ui
        .checkbox(&mut on, toggle)
        .on_hover_text("Seconds per phase of each repetition (used for time under tension)")
        .changed()
    {
        *tempo = on.then(|| {
            exercise_tempo.unwrap_or(Tempo {
                eccentric_secs: 3.0,
                pause_secs: 0.0,
                concentric_secs: 1.0,
            })
        });
    }
    ui.horizontal_wrapped(|ui| match tempo {
        Some(t) => {
            let parts = [
                (
                    parts[0],
                    "Seconds lowering (eccentric)",
                    &mut t.eccentric_secs,
                ),
                (
                    parts[1],
                    "Seconds paused between lowering and lifting",
                    &mut t.pause_secs,
                ),
                (
                    parts[2],
                    "Seconds lifting (concentric)",
                    &mut t.concentric_secs,
                ),
            ];
            for (label, tip, value) in parts {
                let field = Field::new(label, tip).suffix(" s").speed(0.05);
                drag(ui, &field, value, 0.0..=60.0);
            }
        }
        None => {
            ui.weak(unset);
        }
    });
    ui.end_row();
}

fn side_row(ui: &mut egui::Ui, side: &mut Side) {
    let label = ui.label("Side");
    egui::ComboBox::from_id_salt("rx_side")
        .selected_text(side.label())
        .show_ui(ui, |ui| {
            for s in Side::ALL {
                ui.selectable_value(side, s, s.label());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("Which side does the work; \"each side\" doubles the work done");
    ui.end_row();
}
