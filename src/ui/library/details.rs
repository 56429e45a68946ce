//! Details of the exercise selected in the library panel: what it is, how it is dosed, its
//! ladder of easier and harder variations, a picture of it, its cues and cautions, and where it
//! comes from.

use super::Catalogue;
use super::list::add_command;
use crate::command::Command;
use crate::model::LoadUnit;
use crate::model::{Exercise, Laterality};

/// Draws the details of `exercise` in a scroll area filling the rest of the panel. Returns
/// the id of a variation the user clicked, to be selected next.
pub(super) fn details_ui(
    ui: &mut egui::Ui,
    exercise: &Exercise,
    catalogue: &Catalogue<'_>,
    in_plan: bool,
    unit: LoadUnit,
    cmds: &mut Vec<Command>,
) -> Option<String> {
    let mut next = None;
    egui::ScrollArea::vertical()
        .id_salt("library_details_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.push_id(("library_details", &exercise.id), |ui| {
                ui.heading(&exercise.name);
                if !exercise.aliases.is_empty() {
                    ui.weak(format!("Also: {}", exercise.aliases.join(", ")));
                }
                let add = ui
                    .button(format!("Add {} to the plan", exercise.name))
                    .on_hover_text("Add a prescription of this exercise with its default dose");
                if add.clicked() {
                    cmds.push(add_command(exercise));
                }
                if in_plan {
                    ui.weak("The plan already prescribes this exercise.");
                }
                facts_ui(ui, exercise, unit);
                next = ladder_ui(ui, exercise, catalogue);
                picture_ui(ui, exercise);
                bullets_ui(ui, "Cues", &exercise.cues, None);
                let warn = ui.visuals().warn_fg_color;
                bullets_ui(ui, "Cautions", &exercise.cautions, Some(warn));
                if let Some(source) = &exercise.source {
                    ui.add_space(4.0);
                    ui.strong("Source");
                    ui.label(source);
                }
            });
        });
    next
}

/// The exercise's properties as a two-column grid.
fn facts_ui(ui: &mut egui::Ui, exercise: &Exercise, unit: LoadUnit) {
    let join = |items: Vec<&str>| {
        if items.is_empty() {
            "-".to_owned()
        } else {
            items.join(", ")
        }
    };
    let rows = [
        ("Category", exercise.category.label().to_owned()),
        ("Dose kind", exercise.dose_kind.label().to_owned()),
        (
            "Laterality",
            laterality_label(exercise.laterality).to_owned(),
        ),
        (
            "Eccentric emphasis",
            if exercise.eccentric { "Yes" } else { "No" }.to_owned(),
        ),
        (
            "Regions",
            join(exercise.regions.iter().map(|r| r.label()).collect()),
        ),
        (
            "Muscles",
            join(exercise.muscles.iter().map(String::as_str).collect()),
        ),
        (
            "Equipment",
            join(exercise.equipment.iter().map(String::as_str).collect()),
        ),
        (
            "Default dose",
            match exercise.default_dose.rest_secs {
                Some(rest) => format!("{}, rest {rest} s", exercise.default_dose.label(unit)),
                None => exercise.default_dose.label(unit),
            },
        ),
        (
            "Tempo",
            exercise.tempo.map_or_else(
                || "-".to_owned(),
                |t| format!("{} s (lower-pause-lift)", t.label()),
            ),
        ),
    ];
    ui.add_space(4.0);
    egui::Grid::new("library_details_facts")
        .num_columns(2)
        .spacing([8.0, 2.0])
        .show(ui, |ui| {
            for (name, value) in rows {
                ui.weak(name);
                ui.add(egui::Label::new(value).wrap());
                ui.end_row();
            }
        });
}

/// Easier and harder variations as links; returns the id of the one clicked.
fn ladder_ui(ui: &mut egui::Ui, exercise: &Exercise, catalogue: &Catalogue<'_>) -> Option<String> {
    let mut next = None;
    for (title, ids) in [("Easier", &exercise.easier), ("Harder", &exercise.harder)] {
        if ids.is_empty() {
            continue;
        }
        ui.add_space(4.0);
        ui.strong(format!("{title} variations"));
        for id in ids {
            let Some(variation) = catalogue.get(id) else {
                ui.weak(format!("{id} (not in the library)"));
                continue;
            };
            ui.horizontal_wrapped(|ui| {
                ui.label("•");
                let link = ui
                    .link(&variation.name)
                    .on_hover_text(format!("Show the details of {}", variation.name));
                if link.clicked() {
                    next = Some(variation.id.clone());
                }
            });
        }
    }
    next
}

/// The picture of the exercise with its default dose (the right side working for one-sided
/// work), as wide as the panel up to a limit; nothing for an exercise without a pose.
fn picture_ui(ui: &mut egui::Ui, exercise: &Exercise) {
    let Some(drawing) = crate::figure::figure(exercise, exercise.default_dose.side, None) else {
        return;
    };
    ui.add_space(6.0);
    let width = ui.available_width().clamp(120.0, 360.0);
    let alt = format!("Picture of {}", exercise.name);
    crate::ui::figure::figure_ui(ui, &drawing, width, &alt);
}

/// A titled bulleted list, optionally in one colour; nothing when `items` is empty.
fn bullets_ui(ui: &mut egui::Ui, title: &str, items: &[String], color: Option<egui::Color32>) {
    if items.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.strong(title);
    for item in items {
        let text = egui::RichText::new(format!("• {item}"));
        let text = match color {
            Some(c) => text.color(c),
            None => text,
        };
        ui.add(egui::Label::new(text).wrap());
    }
}

/// Human-readable laterality.
fn laterality_label(laterality: Laterality) -> &'static str {
    match laterality {
        Laterality::Bilateral => "Both sides together",
        Laterality::EachSide => "Each side in turn",
        Laterality::Alternating => "Alternating sides",
    }
}
