//! The exercise-library side panel: search as you type, filter by category, muscle and
//! equipment, read an exercise's details and ladder, and add it to the plan with one click or
//! by dragging it onto the plan. Exercises the plan carries but the library lacks (copied in
//! from another library) are listed too, so everything the plan uses can be found here.

mod details;
mod list;

use std::collections::HashSet;

use crate::command::Command;
use crate::library::Library;
use crate::model::{Category, Exercise, Plan};
use crate::ui::View;

/// State of the library panel: the search text, the filters and the selected exercise.
#[derive(Debug, Clone, Default)]
pub struct LibraryPanel {
    /// Text typed in "Search exercises" (name, alias, id or muscle).
    pub search: String,
    /// Only exercises of this category, when set.
    pub category: Option<Category>,
    /// Only exercises working this muscle, when set.
    pub muscle: Option<String>,
    /// Only exercises using this piece of equipment, when set.
    pub equipment: Option<String>,
    /// Id of the exercise whose details are shown.
    pub selected: Option<String>,
}

/// The exercises the panel can show: the library's, then the plan's copies of exercises the
/// library lacks. Where the plan carries its own copy of a library exercise, that copy is
/// shown (the one lookup: the plan's copy, then the library).
pub(crate) struct Catalogue<'a> {
    library: &'a Library,
    plan: &'a Plan,
    extras: Vec<&'a Exercise>,
}

impl<'a> Catalogue<'a> {
    fn new(library: &'a Library, plan: &'a Plan) -> Self {
        let extras = plan
            .exercises
            .iter()
            .filter(|e| library.get(&e.id).is_none())
            .collect();
        Catalogue {
            library,
            plan,
            extras,
        }
    }

    /// The exercise with id `id`: the plan's copy, else the library's.
    pub(crate) fn get(&self, id: &str) -> Option<&'a Exercise> {
        crate::library::find(self.plan, self.library, id)
    }

    fn len(&self) -> usize {
        self.library.exercises.len() + self.extras.len()
    }

    /// Every muscle named by some exercise, sorted, each once.
    fn muscles(&self) -> Vec<&'a str> {
        let mut out = self.library.muscles();
        out.extend(
            self.extras
                .iter()
                .flat_map(|e| e.muscles.iter().map(String::as_str)),
        );
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every piece of equipment named by some exercise, sorted, each once.
    fn equipment(&self) -> Vec<&'a str> {
        let mut out = self.library.equipment();
        out.extend(
            self.extras
                .iter()
                .flat_map(|e| e.equipment.iter().map(String::as_str)),
        );
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl LibraryPanel {
    /// True when the search text or any filter narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.search.trim().is_empty()
            || self.category.is_some()
            || self.muscle.is_some()
            || self.equipment.is_some()
    }

    /// Clears the search text and every filter.
    pub fn clear_filters(&mut self) {
        self.search.clear();
        self.category = None;
        self.muscle = None;
        self.equipment = None;
    }

    /// The exercises matching the search text and filters, sorted by name.
    fn matches<'a>(&self, catalogue: &Catalogue<'a>) -> Vec<&'a Exercise> {
        let muscle = self.muscle.as_deref();
        let extras = catalogue
            .extras
            .iter()
            .copied()
            .filter(|e| e.matches_text(&self.search))
            .filter(|e| muscle.is_none_or(|m| e.works_muscle(m)));
        let mut found: Vec<&Exercise> = catalogue
            .library
            .search(&self.search, muscle)
            .into_iter()
            .chain(extras)
            .map(|e| catalogue.get(&e.id).unwrap_or(e))
            .filter(|e| self.category.is_none_or(|c| e.category == c))
            .filter(|e| {
                self.equipment
                    .as_deref()
                    .is_none_or(|q| e.equipment.iter().any(|x| x == q))
            })
            .collect();
        found.sort_by_cached_key(|e| (e.name.to_lowercase(), e.id.clone()));
        found
    }

    /// Draws the panel: search, filters, the matching exercises and the selected one's
    /// details. Adding an exercise pushes `Edit::AddPrescription`.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View<'_>, cmds: &mut Vec<Command>) {
        let plan = view.plan();
        let catalogue = Catalogue::new(view.library, plan);
        let in_plan: HashSet<&str> = plan
            .prescriptions
            .iter()
            .map(|p| p.exercise.as_str())
            .collect();

        self.search_ui(ui);
        self.filters_ui(ui, &catalogue);
        let found = self.matches(&catalogue);
        ui.horizontal(|ui| {
            ui.label(format!("{} of {} exercises", found.len(), catalogue.len()));
            if self.is_filtered()
                && !found.is_empty()
                && ui
                    .small_button("Clear filters")
                    .on_hover_text("Clear the search text and every filter")
                    .clicked()
            {
                self.clear_filters();
            }
        });
        ui.separator();
        if found.is_empty() {
            ui.label("No exercise matches");
            if ui
                .button("Clear filters")
                .on_hover_text("Clear the search text and every filter")
                .clicked()
            {
                self.clear_filters();
            }
        } else {
            // The list takes the height until an exercise is picked; then its details share it.
            let share = if self.selected.is_some() { 0.45 } else { 1.0 };
            let list_height = (ui.available_height() * share - 48.0).max(120.0);
            list::list_ui(self, ui, &found, &in_plan, list_height, cmds);
        }
        ui.separator();
        let selected = self.selected.as_deref().and_then(|id| catalogue.get(id));
        match selected {
            Some(exercise) => {
                let in_plan = in_plan.contains(exercise.id.as_str());
                if let Some(next) =
                    details::details_ui(ui, exercise, &catalogue, in_plan, view.unit, cmds)
                {
                    self.selected = Some(next);
                }
            }
            None => {
                ui.weak("Select an exercise to see its cues, dose and variations.");
            }
        }
    }

    fn search_ui(&mut self, ui: &mut egui::Ui) {
        let label = ui.label("Search exercises");
        ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text("name, alias or muscle")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .on_hover_text("Type to filter the list by name, alias or muscle");
    }

    fn filters_ui(&mut self, ui: &mut egui::Ui, catalogue: &Catalogue<'_>) {
        egui::Grid::new("library_filters")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label("Category");
                let text = self.category.map_or("Any category", Category::label);
                egui::ComboBox::from_id_salt("library_category_filter")
                    .selected_text(text)
                    .width(170.0)
                    .truncate()
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.category, None, "Any category");
                        for c in Category::ALL {
                            ui.selectable_value(&mut self.category, Some(c), c.label());
                        }
                    })
                    .response
                    .accessible_name("Category filter")
                    .on_hover_text("Show only exercises of this category");
                ui.end_row();

                ui.label("Muscle");
                choice_ui(
                    ui,
                    "library_muscle_filter",
                    "Any muscle",
                    &mut self.muscle,
                    &catalogue.muscles(),
                )
                .accessible_name("Muscle filter")
                .on_hover_text("Show only exercises that work this muscle");
                ui.end_row();

                ui.label("Equipment");
                choice_ui(
                    ui,
                    "library_equipment_filter",
                    "Any equipment",
                    &mut self.equipment,
                    &catalogue.equipment(),
                )
                .accessible_name("Equipment filter")
                .on_hover_text("Show only exercises that use this equipment");
                ui.end_row();
            });
    }
}

/// A combo box choosing one of `options` or none (`any`).
fn choice_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    any: &str,
    value: &mut Option<String>,
    options: &[&str],
) -> egui::Response {
    let text = value.clone().unwrap_or_else(|| any.to_owned());
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(text)
        .width(170.0)
        .truncate()
        .show_ui(ui, |ui| {
            if ui.selectable_label(value.is_none(), any).clicked() {
                *value = None;
            }
            for option in options {
                let selected = value.as_deref() == Some(*option);
                if ui.selectable_label(selected, *option).clicked() {
                    *value = Some((*option).to_owned());
                }
            }
        })
        .response
}
