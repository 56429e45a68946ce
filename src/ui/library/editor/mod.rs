//! The exercise editor: a window over the planner to make a new exercise (empty, or as a copy
//! of one in the library), edit one (a built-in exercise edited becomes your version of it) or
//! delete your own. It edits a draft with every field an exercise has ([`form`], the ladder in
//! [`ladder`]), says what must change before it can be saved ([`crate::library::exercise_problems`]:
//! an id or name taken, a ladder pointing at a missing exercise or looping), and pushes one
//! `LibraryEdit` when saved (the button or Ctrl+Enter): one undo step. Escape or Cancel closes it
//! without a change.

mod form;
mod ladder;

use crate::command::{Command, LibraryEdit};
use crate::library::{Merged, Origin, copy_name, exercise_problems, free_id};
use crate::model::{Category, Dose, Exercise, MAX_PHOTOS, Photo, Reps};
use crate::ui::{LibraryStatus, View};

/// The lists edited as text, one item per line.
#[derive(Debug, Clone, Default, PartialEq)]
struct Lines {
    aliases: String,
    muscles: String,
    equipment: String,
    cues: String,
    cautions: String,
}

/// The state of the open exercise editor.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseEditor {
    /// The exercise being edited (its lists are in `lines` while open).
    draft: Exercise,
    lines: Lines,
    /// A new exercise (its id must be free), not a change of an existing one.
    is_new: bool,
    /// The id is made from the name until it is typed in.
    id_follows_name: bool,
    /// Where the exercise edited comes from (none for a new one).
    origin: Option<Origin>,
    /// The window's title.
    title: String,
    /// Text typed in "Find a variation".
    variation_search: String,
}

impl ExerciseEditor {
    fn with(draft: Exercise, is_new: bool, origin: Option<Origin>, title: String) -> Self {
        let join = |v: &[String]| v.join("\n");
        let lines = Lines {
            aliases: join(&draft.aliases),
            muscles: join(&draft.muscles),
            equipment: join(&draft.equipment),
            cues: join(&draft.cues),
            cautions: join(&draft.cautions),
        };
        ExerciseEditor {
            draft,
            lines,
            is_new,
            id_follows_name: is_new,
            origin,
            title,
            variation_search: String::new(),
        }
    }

    /// A new, empty exercise of your own.
    pub fn new_exercise(library: &Merged) -> Self {
        let draft = Exercise {
            // A reps exercise starts at 3 x 10, as most of the library does.
            default_dose: Dose {
                reps: Some(Reps::Fixed(10)),
                ..Dose::default()
            },
            ..Exercise::new(free_id(library, ""), String::new(), Category::Strength)
        };
        Self::with(draft, true, None, "New exercise".to_owned())
    }

    /// A new exercise of your own starting as a copy of `exercise`, under a name and id of its
    /// own.
    pub fn copy_of(library: &Merged, exercise: &Exercise) -> Self {
        let mut draft = exercise.clone();
        draft.name = copy_name(library, &exercise.name);
        draft.id = free_id(library, &draft.name);
        // The copy looks like its original: drawn as the exercise the original is drawn as.
        let original = crate::figure::drawing_id(exercise);
        if draft.drawn_as.is_none() && crate::figure::has_drawing(original) {
            draft.drawn_as = Some(original.to_owned());
        }
        let title = format!("Copy of {}", exercise.name);
        Self::with(draft, true, None, title)
    }

    /// A change of `exercise` (from the library, of `origin`).
    pub fn edit(exercise: &Exercise, origin: Origin) -> Self {
        let title = match origin {
            Origin::BuiltIn => format!(
                "Edit {} (built-in: your version takes its place)",
                exercise.name
            ),
            _ => format!("Edit {}", exercise.name),
        };
        Self::with(exercise.clone(), false, Some(origin), title)
    }

    /// A plan's own exercise (not in the library) to keep in your library under its id.
    pub fn adopt(exercise: &Exercise) -> Self {
        let mut editor = Self::with(
            exercise.clone(),
            true,
            None,
            format!("Add {} to my library", exercise.name),
        );
        editor.id_follows_name = false;
        editor
    }

    /// The exercise as edited so far.
    pub fn exercise(&self) -> Exercise {
        let split = |text: &str| -> Vec<String> {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        };
        Exercise {
            id: self.draft.id.trim().to_owned(),
            name: self.draft.name.trim().to_owned(),
            aliases: split(&self.lines.aliases),
            muscles: split(&self.lines.muscles),
            equipment: split(&self.lines.equipment),
            cues: split(&self.lines.cues),
            cautions: split(&self.lines.cautions),
            source: self
                .draft
                .source
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
            ..self.draft.clone()
        }
    }

    /// Adds photos to the draft; returns how many were left out (at most `MAX_PHOTOS` kept).
    pub fn add_photos(&mut self, photos: Vec<Photo>) -> Option<usize> {
        let room = MAX_PHOTOS.saturating_sub(self.draft.photos.len());
        let left_out = photos.len().saturating_sub(room);
        self.draft.photos.extend(photos.into_iter().take(room));
        (left_out > 0).then_some(left_out)
    }

    /// Draws the editor's window. Returns `Some` when it closes: with the id of the exercise
    /// saved (to select it), or `None` when cancelled or deleted.
    pub fn window_ui(
        &mut self,
        ctx: &egui::Context,
        view: &View<'_>,
        cmds: &mut Vec<Command>,
    ) -> Option<Option<String>> {
        let mut close = None;
        let screen = ctx.content_rect();
        let modal = egui::Modal::new(egui::Id::unique("exercise_editor")).show(ctx, |ui| {
            ui.set_width((screen.width() - 80.0).clamp(360.0, 720.0));
            ui.heading(&self.title);
            if let Some(note) = self.origin.and_then(origin_note) {
                ui.weak(note);
            }
            ui.separator();
            let max_height = (screen.height() - 260.0).max(200.0);
            egui::ScrollArea::vertical()
                .id_salt("exercise_editor_scroll")
                .max_height(max_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    form::form_ui(ui, self, view, cmds);
                });
            ui.separator();
            let exercise = self.exercise();
            let problems = exercise_problems(view.library, &exercise, self.is_new);
            problems_ui(ui, &problems);
            close = self.buttons_ui(ui, view, exercise, problems.is_empty(), cmds);
        });
        if close.is_none() && modal.should_close() {
            close = Some(None);
        }
        close
    }

    fn buttons_ui(
        &self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        exercise: Exercise,
        valid: bool,
        cmds: &mut Vec<Command>,
    ) -> Option<Option<String>> {
        let mut close = None;
        ui.horizontal(|ui| {
            let ready = view.library_status == LibraryStatus::Ready;
            let tip = if !ready {
                "Your exercise library cannot be changed now (see the message in the status bar)"
            } else if valid {
                "Save the exercise in your library (one undo step; Ctrl+Enter)"
            } else {
                "Correct what is listed above first"
            };
            let label = if self.is_new {
                "Save new exercise"
            } else {
                "Save changes"
            };
            let shortcut = valid
                && ready
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter));
            let clicked = ui
                .add_enabled(valid && ready, egui::Button::new(label))
                .on_hover_text(tip)
                .on_disabled_hover_text(tip)
                .clicked();
            if clicked || shortcut {
                let id = exercise.id.clone();
                cmds.push(Command::Library(LibraryEdit::Save {
                    exercise: Box::new(exercise),
                    new: self.is_new,
                }));
                close = Some(Some(id));
            }
            if ui
                .button("Cancel")
                .on_hover_text("Close without saving (Escape)")
                .clicked()
            {
                close = Some(None);
            }
        });
        close
    }
}

/// What saving an exercise of `origin` does, said above the form.
fn origin_note(origin: Origin) -> Option<&'static str> {
    match origin {
        Origin::BuiltIn => Some(
            "A built-in exercise: your version is kept in your library and takes its place; \"Back to built-in\" in the details undoes that.",
        ),
        Origin::Edited => Some("Your version of a built-in exercise."),
        Origin::Imported => {
            Some("Imported from open exercise data; your changes are kept in your library.")
        }
        Origin::Yours => None,
    }
}

/// What must change before the exercise can be saved, in the theme's error colour.
fn problems_ui(ui: &mut egui::Ui, problems: &[String]) {
    let color = ui.visuals().error_fg_color;
    for p in problems {
        ui.add(egui::Label::new(egui::RichText::new(format!("• {p}")).color(color)).wrap());
    }
}
