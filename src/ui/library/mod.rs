//! The exercise-library side panel: search as you type (case and accents ignored), filter by
//! category, muscle, equipment and origin (built-in, yours, imported), read an exercise's
//! details and ladder, and add it to the plan with one click or by dragging it onto the plan.
//! Exercises the plan carries but the library lacks (copied in from another library) are listed
//! too, so everything the plan uses can be found here. "New exercise...", "Edit" and "Copy as
//! my own" open the exercise editor ([`editor`]); File > Import exercises... shows its preview
//! here ([`import`]). Both are windows drawn by [`LibraryPanel::windows_ui`].

mod details;
pub mod editor;
pub mod import;
mod list;

use std::collections::HashSet;

use crate::command::Command;
use crate::library::{Candidate, ImportFile, Merged, Origin, Query};
use crate::model::{Category, Exercise, Plan};
use crate::ui::{LibraryStatus, View};

pub use editor::ExerciseEditor;
pub use import::ImportPreview;

/// Which exercises the origin filter shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OriginFilter {
    BuiltIn,
    /// Yours: made by you, or built-in ones as you edited them.
    Yours,
    Imported,
}

impl OriginFilter {
    const ALL: [OriginFilter; 3] = [
        OriginFilter::BuiltIn,
        OriginFilter::Yours,
        OriginFilter::Imported,
    ];

    fn label(self) -> &'static str {
        match self {
            OriginFilter::BuiltIn => "Built-in",
            OriginFilter::Yours => "Yours",
            OriginFilter::Imported => "Imported",
        }
    }

    fn admits(self, origin: Option<Origin>) -> bool {
        matches!(
            (self, origin),
            (OriginFilter::BuiltIn, Some(Origin::BuiltIn))
                | (OriginFilter::Yours, Some(Origin::Yours | Origin::Edited))
                | (OriginFilter::Imported, Some(Origin::Imported))
        )
    }
}

/// State of the library panel: the search text, the filters, the selected exercise, and the
/// exercise editor and import preview when open.
#[derive(Default)]
pub struct LibraryPanel {
    /// Text typed in "Search exercises" (name, alias, id or muscle).
    pub search: String,
    /// Only exercises of this category, when set.
    pub category: Option<Category>,
    /// Only exercises working this muscle, when set.
    pub muscle: Option<String>,
    /// Only exercises using this piece of equipment, when set.
    pub equipment: Option<String>,
    /// Only exercises of this origin, when set.
    pub origin: Option<OriginFilter>,
    /// Id of the exercise whose details are shown.
    pub selected: Option<String>,
    /// The exercise editor, when open.
    pub editor: Option<ExerciseEditor>,
    /// The preview of a file being imported, when open.
    pub import: Option<ImportPreview>,
    /// The exercise whose deletion is being asked about, when the question is open.
    pub confirm_delete: Option<String>,
}

/// An exercise the panel lists, with where it comes from (none: only in the plan).
pub(crate) type Listed<'a> = (&'a Exercise, Option<Origin>);

/// The exercises the panel can show: the library's, then the plan's copies of exercises the
/// library lacks. Where the plan carries its own copy of a library exercise, that copy is
/// shown (the one lookup: the plan's copy, then the library).
pub(crate) struct Catalogue<'a> {
    library: &'a Merged,
    plan: &'a Plan,
    extras: Vec<&'a Exercise>,
}

impl<'a> Catalogue<'a> {
    fn new(library: &'a Merged, plan: &'a Plan) -> Self {
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
        self.names(Merged::muscle_names, |e| &e.muscles)
    }

    /// Every piece of equipment named by some exercise, sorted, each once.
    fn equipment(&self) -> Vec<&'a str> {
        self.names(Merged::equipment_names, |e| &e.equipment)
    }

    fn names(
        &self,
        of_library: fn(&Merged) -> &[String],
        of_extra: fn(&Exercise) -> &Vec<String>,
    ) -> Vec<&'a str> {
        let mut out: Vec<&str> = of_library(self.library)
            .iter()
            .map(String::as_str)
            .collect();
        if !self.extras.is_empty() {
            out.extend(
                self.extras
                    .iter()
                    .flat_map(|e| of_extra(e).iter().map(String::as_str)),
            );
            out.sort_unstable();
            out.dedup();
        }
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
            || self.origin.is_some()
    }

    /// Clears the search text and every filter.
    pub fn clear_filters(&mut self) {
        self.search.clear();
        self.category = None;
        self.muscle = None;
        self.equipment = None;
        self.origin = None;
    }

    /// The exercises matching the search text and filters, in name order. The library's
    /// search text was folded once when it was built: typing folds only the query.
    fn matches<'a>(&self, catalogue: &Catalogue<'a>) -> Vec<Listed<'a>> {
        let query = Query::new(&self.search, self.muscle.as_deref());
        let admits = |(e, origin): &Listed<'_>| {
            self.category.is_none_or(|c| e.category == c)
                && self
                    .equipment
                    .as_deref()
                    .is_none_or(|q| e.equipment.iter().any(|x| x == q))
                && self.origin.is_none_or(|f| f.admits(*origin))
        };
        let plan = catalogue.plan;
        let mut found: Vec<Listed<'a>> = catalogue
            .library
            .search_with_origin(&query)
            .into_iter()
            .map(|(e, origin)| (plan.exercise(&e.id).unwrap_or(e), Some(origin)))
            .filter(admits)
            .collect();
        let extras: Vec<Listed<'a>> = catalogue
            .extras
            .iter()
            .filter(|e| crate::library::matches(e, &query))
            .map(|e| (*e, None))
            .filter(admits)
            .collect();
        if !extras.is_empty() {
            found.extend(extras);
            found.sort_by_cached_key(|(e, _)| (crate::library::fold(&e.name), e.id.clone()));
        }
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

        self.search_ui(ui, view);
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
                let shown = details::Shown {
                    exercise,
                    in_plan,
                    origin: view.library.origin(&exercise.id),
                };
                match details::details_ui(ui, &shown, &catalogue, view, cmds) {
                    Some(details::Clicked::Variation(next)) => self.selected = Some(next),
                    Some(details::Clicked::Editor(editor)) => self.editor = Some(*editor),
                    Some(details::Clicked::AskDelete(id)) => self.confirm_delete = Some(id),
                    None => {}
                }
            }
            None => {
                ui.weak("Select an exercise to see its cues, dose and variations.");
            }
        }
    }

    fn search_ui(&mut self, ui: &mut egui::Ui, view: &View<'_>) {
        let label = ui.horizontal(|ui| {
            let label = ui.label("Search exercises");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let tip = match view.library_status {
                    LibraryStatus::Ready => "Make an exercise of your own (kept in your library)",
                    LibraryStatus::Reading => "Your exercise library is still being read",
                    LibraryStatus::Unreadable => {
                        "Your exercise library's file cannot be read: see the message below"
                    }
                };
                let ready = view.library_status == LibraryStatus::Ready;
                if ui
                    .add_enabled(ready, egui::Button::new("New exercise...").small())
                    .on_hover_text(tip)
                    .on_disabled_hover_text(tip)
                    .clicked()
                {
                    self.editor = Some(ExerciseEditor::new_exercise(view.library));
                }
            });
            label.id
        });
        ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text("name, alias or muscle")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.inner)
        .on_hover_text(
            "Type to filter the list by name, alias or muscle (case and accents do not matter)",
        );
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

                ui.label("Origin");
                let text = self.origin.map_or("Any origin", OriginFilter::label);
                egui::ComboBox::from_id_salt("library_origin_filter")
                    .selected_text(text)
                    .width(170.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.origin, None, "Any origin");
                        for o in OriginFilter::ALL {
                            ui.selectable_value(&mut self.origin, Some(o), o.label());
                        }
                    })
                    .response
                    .accessible_name("Origin filter")
                    .on_hover_text(
                        "Show only built-in exercises, yours (made or edited by you) or imported ones",
                    );
                ui.end_row();
            });
    }

    /// The exercise editor and the import preview, when open (over the whole window).
    pub fn windows_ui(&mut self, ctx: &egui::Context, view: &View<'_>, cmds: &mut Vec<Command>) {
        if let Some(editor) = &mut self.editor
            && let Some(saved) = editor.window_ui(ctx, view, cmds)
        {
            if let Some(id) = saved {
                self.selected = Some(id);
            }
            self.editor = None;
        }
        if let Some(import) = &mut self.import
            && import.window_ui(ctx, view.library, cmds)
        {
            self.import = None;
        }
        if let Some(id) = &self.confirm_delete
            && details::confirm_delete_ui(ctx, view, id, cmds)
        {
            self.confirm_delete = None;
        }
    }

    /// Opens the preview of `file` (read from `name`), its entries checked against the library.
    pub fn show_import(&mut self, name: String, file: &ImportFile, candidates: Vec<Candidate>) {
        self.import = Some(ImportPreview::new(name, file, candidates));
    }

    /// Adds `photos` to the exercise open in the editor; returns how many were left out (an
    /// exercise keeps at most `MAX_PHOTOS`), if any.
    pub fn add_editor_photos(&mut self, photos: Vec<crate::model::Photo>) -> Option<usize> {
        let editor = self.editor.as_mut()?;
        editor.add_photos(photos)
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
