//! The dose editor the prescription editor and the exercise editor (an exercise's default
//! dose) share: sets, repetitions (none, a number, a range or one number per set, kept in step
//! with the number of sets), hold time and minutes. Load, effort, tempo, rest, side and range
//! of motion follow in [`super::load`].

use crate::model::LoadUnit;
use crate::model::{Dose, Exercise, Reps};

use crate::ui::widgets::fields::{Field, drag_row, optional_row};

/// The shapes repetitions take, for the "Reps kind" selector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RepsKind {
    None,
    Number,
    Range,
    PerSet,
}

impl RepsKind {
    const ALL: [RepsKind; 4] = [
        RepsKind::None,
        RepsKind::Number,
        RepsKind::Range,
        RepsKind::PerSet,
    ];

    fn of(reps: Option<&Reps>) -> RepsKind {
        match reps {
            None => RepsKind::None,
            Some(Reps::Fixed(_)) => RepsKind::Number,
            Some(Reps::Range(..)) => RepsKind::Range,
            Some(Reps::PerSet(_)) => RepsKind::PerSet,
        }
    }

    fn label(self) -> &'static str {
        match self {
            RepsKind::None => "None",
            RepsKind::Number => "Number",
            RepsKind::Range => "Range",
            RepsKind::PerSet => "Per set",
        }
    }

    fn tip(self) -> &'static str {
        match self {
            RepsKind::None => "No repetitions: a timed hold, minutes or distance",
            RepsKind::Number => "The same number of reps in every set (3 x 10)",
            RepsKind::Range => {
                "A range in every set, e.g. 6-8: the higher number when the last reps stay controlled"
            }
            RepsKind::PerSet => "One number per set, e.g. 12, 10, 8",
        }
    }

    /// Repetitions of this kind close to `from`.
    fn convert(self, from: Option<&Reps>, sets: u32) -> Option<Reps> {
        let (lo, hi) = from.map_or((10, 10), |r| match r {
            Reps::PerSet(list) => (
                list.iter().copied().min().unwrap_or(10),
                list.iter().copied().max().unwrap_or(10),
            ),
            other => other.for_set(0),
        });
        match self {
            RepsKind::None => None,
            RepsKind::Number => Some(Reps::Fixed(lo)),
            RepsKind::Range if lo == hi => Some(Reps::Range(lo, hi + 2)),
            RepsKind::Range => Some(Reps::Range(lo, hi)),
            RepsKind::PerSet => Some(Reps::PerSet(vec![hi; sets as usize])),
        }
    }
}

/// Grid rows of the dose: sets, reps, hold, minutes, then load and the rest.
pub(crate) fn dose_ui(
    ui: &mut egui::Ui,
    dose: &mut Dose,
    exercise: Option<&Exercise>,
    unit: LoadUnit,
) {
    egui::Grid::new("rx_dose_grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .min_col_width(crate::ui::widgets::fields::LABEL_WIDTH)
        .show(ui, |ui| {
            let sets = Field::new("Sets", "Sets in each session")
                .suffix(" sets")
                .speed(0.05);
            if drag_row(ui, &sets, &mut dose.sets, 0..=20) {
                fit_per_set(dose);
            }
            reps_rows(ui, dose);
            let hold = Field::new(
                "Hold",
                "Seconds held: per rep when reps are given, per set otherwise",
            )
            .suffix(" s")
            .speed(0.5);
            let hold_default = if dose.reps.is_some() { 5.0 } else { 30.0 };
            optional_row(
                ui,
                &hold,
                "Hold time",
                &mut dose.hold_secs,
                hold_default,
                0.0..=3600.0,
            );
            let minutes = Field::new("Minutes", "Minutes per set, for conditioning and running")
                .suffix(" min")
                .speed(0.1);
            optional_row(
                ui,
                &minutes,
                "Minutes per set",
                &mut dose.minutes,
                10.0,
                0.0..=600.0,
            );
            super::load::load_rows(ui, dose, exercise, unit);
        });
}

/// Keeps a per-set list as long as the number of sets (new sets repeat the last number).
fn fit_per_set(dose: &mut Dose) {
    if let Some(Reps::PerSet(list)) = &mut dose.reps {
        let last = list.last().copied().unwrap_or(10);
        list.resize(dose.sets as usize, last);
    }
}

fn reps_rows(ui: &mut egui::Ui, dose: &mut Dose) {
    let label = ui.label("Reps kind");
    let kind = RepsKind::of(dose.reps.as_ref());
    let mut chosen = kind;
    egui::ComboBox::from_id_salt("rx_reps_kind")
        .selected_text(kind.label())
        .show_ui(ui, |ui| {
            for k in RepsKind::ALL {
                ui.selectable_value(&mut chosen, k, k.label())
                    .on_hover_text(k.tip());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("How repetitions are given: a number, a range or one number per set");
    ui.end_row();
    if chosen != kind {
        dose.reps = chosen.convert(dose.reps.as_ref(), dose.sets);
    }
    match &mut dose.reps {
        None => {}
        Some(Reps::Fixed(n)) => {
            let field = Field::new("Reps", "Repetitions in each set")
                .suffix(" reps")
                .speed(0.05);
            drag_row(ui, &field, n, 0..=1000);
        }
        Some(Reps::Range(lo, hi)) => {
            let from = Field::new("Reps from", "Lowest number of reps in each set")
                .suffix(" reps")
                .speed(0.05);
            if drag_row(ui, &from, lo, 0..=1000) && *hi < *lo {
                *hi = *lo;
            }
            let to = Field::new("Reps to", "Highest number of reps in each set")
                .suffix(" reps")
                .speed(0.05);
            if drag_row(ui, &to, hi, 0..=1000) && *lo > *hi {
                *lo = *hi;
            }
        }
        Some(Reps::PerSet(list)) => {
            if list.is_empty() {
                ui.label("Reps per set");
                ui.weak("no sets: raise Sets first");
                ui.end_row();
            }
            for (i, n) in list.iter_mut().enumerate() {
                let label = format!("Reps set {}", i + 1);
                let tip = format!("Repetitions in set {}", i + 1);
                let field = Field::new(&label, &tip).suffix(" reps").speed(0.05);
                drag_row(ui, &field, n, 0..=1000);
            }
        }
    }
}
