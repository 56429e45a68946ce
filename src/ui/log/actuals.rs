//! What was actually done (sets, reps, load, hold) when it differed from the dose, and the
//! session's effort, minutes, supervision and note.

use crate::model::{Dose, ExerciseLog, Limb, Load, LoadUnit, SessionLog, fmt_num};
use crate::ui::View;

/// The dose with its details: `3 x 10 @ 7.5 kg each side, rest 90 s, tempo 3-0-3`.
pub fn dose_details(dose: &Dose, unit: LoadUnit, injured: Option<Limb>) -> String {
    let mut s = dose.label_with(unit, injured);
    if let Some(t) = dose.tempo {
        s.push_str(&format!(", tempo {}", t.label()));
    }
    if let Some(r) = dose.rest_secs {
        s.push_str(&format!(", rest {r} s"));
    }
    if let Some(rom) = dose.rom.as_deref().filter(|r| !r.is_empty()) {
        s.push_str(&format!(", {rom}"));
    }
    s
}

/// "What I actually did": sets, reps, load, hold, prefilled with the dose; a value becomes
/// recorded once changed. Returns true when anything changed.
pub(super) fn actuals_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    dose: &Dose,
    entry: &mut ExerciseLog,
    name: &str,
) -> bool {
    let mut changed = false;
    let heading = if view.athlete() {
        "What I actually did"
    } else {
        "What was actually done"
    };
    // The form sits in the exercise's own frame: the visible words need not repeat its name,
    // a screen reader's label keeps it.
    let shown = egui::CollapsingHeader::new(heading)
        .id_salt("actuals")
        .default_open(entry.has_actuals())
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let mut sets = entry.sets.unwrap_or(dose.sets);
                if crate::ui::widgets::number_u32(ui, "Sets done", &mut sets, 0..=50, "") {
                    entry.sets = Some(sets);
                    changed = true;
                }
                if dose.reps.is_some() || entry.reps.is_some() {
                    let planned = dose.reps.as_ref().map_or(0, |r| r.for_set(0).1);
                    let mut reps = entry.reps.unwrap_or(planned);
                    if crate::ui::widgets::number_u32(ui, "Reps per set", &mut reps, 0..=500, "") {
                        entry.reps = Some(reps);
                        changed = true;
                    }
                }
                if matches!(dose.load, Load::Kg(_) | Load::BodyWeight | Load::None)
                    || entry.load_kg.is_some()
                {
                    let planned = dose.load.kg().unwrap_or(0.0);
                    let mut v = view.unit.from_kg(entry.load_kg.unwrap_or(planned));
                    if crate::ui::widgets::number_f64(
                        ui,
                        "Added load",
                        &mut v,
                        0.0..=500.0,
                        0.25,
                        view.unit.symbol(),
                    ) {
                        entry.load_kg = Some(view.unit.to_kg(v));
                        changed = true;
                    }
                }
                if dose.hold_secs.is_some() || entry.hold_secs.is_some() {
                    let mut h = entry.hold_secs.or(dose.hold_secs).unwrap_or(0.0);
                    if crate::ui::widgets::number_f64(ui, "Hold", &mut h, 0.0..=600.0, 0.5, "s") {
                        entry.hold_secs = Some(h);
                        changed = true;
                    }
                }
                if entry.has_actuals()
                    && ui
                        .button("As planned")
                        .on_hover_text("Forget these numbers: it was done as prescribed")
                        .clicked()
                {
                    entry.sets = None;
                    entry.reps = None;
                    entry.load_kg = None;
                    entry.hold_secs = None;
                    changed = true;
                }
            });
        });
    let label = format!("{heading}: {name}");
    shown
        .header_response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::DisclosureTriangle, true, &label));
    changed
}

/// `-` for a value not recorded yet (drag or type to record it), else the number and unit.
fn unset_or(set: bool, value: f64, unit: &str) -> String {
    if set {
        format!("{}{unit}", fmt_num(value))
    } else {
        format!("-{unit}")
    }
}

/// Session effort, minutes, supervised and the note.
pub(super) fn session_fields_ui(ui: &mut egui::Ui, view: &View<'_>, log: &mut SessionLog) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        let rpe_words = if view.athlete() {
            "How hard was it? (0-10)"
        } else {
            "Session effort (RPE 0-10):"
        };
        let rpe_label = ui.label(rpe_words).on_hover_text(
            "How hard the whole session felt: 0 rest, 5 hard, 10 as hard as you can (CR-10)",
        );
        let mut rpe = log.rpe.unwrap_or(0.0);
        let rpe_set = log.rpe.is_some();
        let r = ui
            .add(
                egui::DragValue::new(&mut rpe)
                    .range(0.0..=10.0)
                    .speed(0.1)
                    .max_decimals(1)
                    .custom_formatter(move |v, _| unset_or(rpe_set, v, "")),
            )
            .labelled_by(rpe_label.id);
        if r.changed() {
            log.rpe = Some(rpe);
            changed = true;
        }
        let min_label = ui.label("Duration:");
        let mut minutes = log.minutes.unwrap_or(0.0);
        let minutes_set = log.minutes.is_some();
        let r = ui
            .add(
                egui::DragValue::new(&mut minutes)
                    .range(0.0..=600.0)
                    .speed(0.5)
                    .max_decimals(0)
                    .custom_formatter(move |v, _| unset_or(minutes_set, v, " min")),
            )
            .labelled_by(min_label.id);
        if r.changed() {
            log.minutes = Some(minutes);
            changed = true;
        }
        if let Some(load) = log.srpe_load().filter(|_| !view.athlete()) {
            ui.weak(format!("= {} AU session-RPE load", fmt_num(load)));
        }
        let supervised = if view.athlete() {
            "Done with my physio"
        } else {
            "Supervised"
        };
        changed |= ui.checkbox(&mut log.supervised, supervised).changed();
    });
    let note_label = ui.label("Note:");
    changed |= ui
        .add(
            egui::TextEdit::multiline(&mut log.note)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("Anything worth telling the physio"),
        )
        .labelled_by(note_label.id)
        .changed();
    changed
}
