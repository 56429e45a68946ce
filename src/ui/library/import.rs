//! The preview of a file being imported: how each entry maps (its category in the file and
//! ours, body regions, dose kind, load, equipment) and which would duplicate an exercise of the
//! library, with a check box each (duplicates unticked at first), select all / none / all but
//! duplicates, and "Import N exercises": one `LibraryEdit::Import`, one undo step. Rows are laid
//! out only when visible, so the whole free-exercise-db previews as quickly as ten entries.

use egui_extras::{Column, TableBuilder};

use crate::command::{Command, LibraryEdit};
use crate::library::{Candidate, ImportFile, ImportKind, Merged, take};
use crate::model::LoadUnit;

/// The open preview.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// The file's name as shown.
    file: String,
    kind: ImportKind,
    ignored_columns: Vec<String>,
    candidates: Vec<Candidate>,
    /// Whether each entry is taken.
    chosen: Vec<bool>,
}

impl ImportPreview {
    /// The preview of `file` (named `name`), every entry but the duplicates ticked.
    pub fn new(name: String, file: &ImportFile, candidates: Vec<Candidate>) -> Self {
        let chosen = candidates.iter().map(|c| c.duplicate.is_none()).collect();
        ImportPreview {
            file: name,
            kind: file.kind,
            ignored_columns: file.ignored_columns.clone(),
            candidates,
            chosen,
        }
    }

    /// How many entries are ticked.
    pub fn chosen_count(&self) -> usize {
        self.chosen.iter().filter(|c| **c).count()
    }

    /// Draws the preview window. Returns true when it closes (imported or cancelled).
    pub fn window_ui(
        &mut self,
        ctx: &egui::Context,
        library: &Merged,
        cmds: &mut Vec<Command>,
    ) -> bool {
        let mut close = false;
        let screen = ctx.content_rect();
        let modal = egui::Modal::new(egui::Id::unique("import_preview")).show(ctx, |ui| {
            ui.set_width((screen.width() - 80.0).clamp(480.0, 1100.0));
            ui.heading("Import exercises");
            self.summary_ui(ui);
            self.selection_ui(ui);
            ui.separator();
            let height = (screen.height() - 300.0).max(160.0);
            self.table_ui(ui, height);
            ui.separator();
            close = self.buttons_ui(ui, library, cmds);
        });
        close || modal.should_close()
    }

    fn summary_ui(&self, ui: &mut egui::Ui) {
        let duplicates = self
            .candidates
            .iter()
            .filter(|c| c.duplicate.is_some())
            .count();
        let n = self.candidates.len();
        let entries = if n == 1 {
            "1 entry".to_owned()
        } else {
            format!("{n} entries")
        };
        let duplicates = match duplicates {
            0 => "none duplicates an exercise of the library".to_owned(),
            1 => "1 duplicates an exercise already there or an earlier entry".to_owned(),
            d => format!("{d} duplicate exercises already there or earlier entries"),
        };
        ui.label(format!(
            "{} ({}): {entries}; {duplicates}.",
            self.file,
            self.kind.label(),
        ));
        if !self.ignored_columns.is_empty() {
            ui.weak(format!(
                "Columns not read: {}",
                self.ignored_columns.join(", ")
            ));
        }
        ui.weak(
            "Nothing is invented: no load but body weight where no equipment is needed, no region for a muscle loadplan cannot place.",
        );
    }

    fn selection_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if ui
                .button("Select all")
                .on_hover_text(
                    "Tick every entry, duplicates too (a duplicate gets an id of its own)",
                )
                .clicked()
            {
                self.chosen.iter_mut().for_each(|c| *c = true);
            }
            if ui
                .button("Select none")
                .on_hover_text("Untick every entry")
                .clicked()
            {
                self.chosen.iter_mut().for_each(|c| *c = false);
            }
            if ui
                .button("All but duplicates")
                .on_hover_text("Tick every entry that duplicates nothing")
                .clicked()
            {
                for (c, cand) in self.chosen.iter_mut().zip(&self.candidates) {
                    *c = cand.duplicate.is_none();
                }
            }
        });
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, height: f32) {
        let row_height = ui.spacing().interact_size.y + 2.0;
        let headers = [
            ("Take", "Tick to import the entry"),
            ("Name", "The name as the file gives it"),
            ("Category", "The file's category, then ours"),
            ("Regions", "Body regions, from the primary muscles"),
            ("Dose kind", "How it will be dosed"),
            ("Default load", "The load a new prescription starts with"),
            ("Equipment", "Equipment needed"),
            ("Duplicate", "What the entry would duplicate, if anything"),
        ];
        TableBuilder::new(ui)
            .id_salt("import_preview_table")
            .striped(true)
            .max_scroll_height(height)
            .column(Column::exact(40.0))
            .column(Column::initial(220.0).at_least(120.0).clip(true))
            .column(Column::initial(170.0).clip(true))
            .column(Column::initial(110.0).clip(true))
            .column(Column::initial(80.0).clip(true))
            .column(Column::initial(90.0).clip(true))
            .column(Column::initial(110.0).clip(true))
            .column(Column::remainder().clip(true))
            .header(row_height, |mut header| {
                for (title, tip) in headers {
                    header.col(|ui| {
                        ui.strong(title).on_hover_text(tip);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, self.candidates.len(), |mut row| {
                    let i = row.index();
                    let cand = &self.candidates[i];
                    let e = &cand.entry.exercise;
                    row.col(|ui| {
                        ui.checkbox(&mut self.chosen[i], "")
                            .accessible_name(format!("Take {}", e.name))
                            .on_hover_text(format!("Import {}", e.name));
                    });
                    row.col(|ui| {
                        ui.label(&e.name).on_hover_text(e.cues.join("\n"));
                    });
                    row.col(|ui| {
                        ui.label(format!(
                            "{} -> {}",
                            cand.entry.from_category,
                            e.category.label()
                        ));
                    });
                    row.col(|ui| {
                        let regions: Vec<&str> = e.regions.iter().map(|r| r.label()).collect();
                        ui.label(if regions.is_empty() {
                            "-".to_owned()
                        } else {
                            regions.join(", ")
                        });
                    });
                    row.col(|ui| {
                        ui.label(e.dose_kind.label());
                    });
                    row.col(|ui| {
                        let load = if e.default_dose.load.is_none() {
                            "none".to_owned()
                        } else {
                            e.default_dose.load.label_in(LoadUnit::Kg)
                        };
                        ui.label(load);
                    });
                    row.col(|ui| {
                        ui.label(if e.equipment.is_empty() {
                            "none".to_owned()
                        } else {
                            e.equipment.join(", ")
                        });
                    });
                    row.col(|ui| match &cand.duplicate {
                        Some(d) => {
                            ui.colored_label(ui.visuals().warn_fg_color, d.describe());
                        }
                        None => {
                            ui.weak("new");
                        }
                    });
                });
            });
    }

    fn buttons_ui(&self, ui: &mut egui::Ui, library: &Merged, cmds: &mut Vec<Command>) -> bool {
        let mut close = false;
        ui.horizontal(|ui| {
            let n = self.chosen_count();
            let label = format!("Import {}", crate::engine::words::counted(n, "exercise"));
            if ui
                .add_enabled(n > 0, egui::Button::new(label))
                .on_hover_text("Add the ticked entries to your library (one undo step)")
                .on_disabled_hover_text("Tick the entries to import first")
                .clicked()
            {
                let chosen = self
                    .candidates
                    .iter()
                    .zip(&self.chosen)
                    .filter(|(_, c)| **c)
                    .map(|(cand, _)| cand);
                cmds.push(Command::Library(LibraryEdit::Import(take(library, chosen))));
                close = true;
            }
            if ui
                .button("Cancel")
                .on_hover_text("Close without importing anything (Escape)")
                .clicked()
            {
                close = true;
            }
        });
        close
    }
}
