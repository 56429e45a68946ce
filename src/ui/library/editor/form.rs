//! The exercise editor's form: every field of an exercise, each labelled (unique names for
//! screen readers and tests) and with a tooltip. Lists are typed one item per line; the
//! default dose uses the prescription editor's dose fields.

use egui::{ComboBox, TextEdit, Ui};

use super::ExerciseEditor;
use crate::command::Command;
use crate::library::free_id;
use crate::model::{Category, DoseKind, Laterality, Region};
use crate::ui::View;
use crate::ui::widgets::fields::LABEL_WIDTH;

const REGIONS: [Region; 8] = [
    Region::Hip,
    Region::Trunk,
    Region::Thigh,
    Region::Knee,
    Region::LowerLeg,
    Region::Foot,
    Region::UpperBody,
    Region::WholeBody,
];

const DOSE_KINDS: [DoseKind; 4] = [
    DoseKind::Reps,
    DoseKind::TimedHold,
    DoseKind::Minutes,
    DoseKind::Distance,
];

const LATERALITIES: [Laterality; 3] = [
    Laterality::Bilateral,
    Laterality::EachSide,
    Laterality::Alternating,
];

/// The whole form.
pub(super) fn form_ui(
    ui: &mut Ui,
    editor: &mut ExerciseEditor,
    view: &View<'_>,
    cmds: &mut Vec<Command>,
) {
    egui::Grid::new("exercise_editor_grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .min_col_width(LABEL_WIDTH)
        .show(ui, |ui| {
            identity_rows(ui, editor, view);
            kind_rows(ui, editor);
            lines_row(
                ui,
                "Muscles",
                "Muscles worked, one per line (e.g. gluteus medius)",
                &mut editor.lines.muscles,
            );
            lines_row(
                ui,
                "Equipment",
                "Equipment needed, one per line (none for body-weight work)",
                &mut editor.lines.equipment,
            );
            crate::ui::widgets::load::tempo_row(ui, &mut editor.draft.tempo, None, true);
        });
    section(ui, "Default dose");
    ui.weak("The dose a new prescription of this exercise starts from.");
    let shape = editor.draft.clone();
    crate::ui::widgets::dose::dose_ui(ui, &mut editor.draft.default_dose, Some(&shape), view.unit);
    section(ui, "Variations");
    super::ladder::ladder_ui(ui, editor, view);
    section(ui, "Cues and cautions");
    egui::Grid::new("exercise_editor_texts")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .min_col_width(LABEL_WIDTH)
        .show(ui, |ui| {
            lines_row(
                ui,
                "Cues",
                "What to say while the athlete does it, one cue per line",
                &mut editor.lines.cues,
            );
            lines_row(
                ui,
                "Cautions",
                "What to watch for or avoid, one per line",
                &mut editor.lines.cautions,
            );
            let label = ui.label("Source");
            let mut source = editor.draft.source.clone().unwrap_or_default();
            if ui
                .add(
                    TextEdit::singleline(&mut source)
                        .hint_text("where it comes from: a paper, a book, your clinic")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id)
                .on_hover_text("Where the exercise or its description comes from")
                .changed()
            {
                editor.draft.source = Some(source);
            }
            ui.end_row();
        });
    section(ui, "Pictures");
    drawing_ui(ui, editor, view);
    crate::ui::widgets::photos::draft_photos_ui(ui, &mut editor.draft, cmds);
}

/// The drawing that pictures the exercise in the window and on the handout: its own (a
/// built-in exercise's), that of a built-in exercise it is drawn as, or none; with a preview.
fn drawing_ui(ui: &mut Ui, editor: &mut ExerciseEditor, view: &View<'_>) {
    let draft = &mut editor.draft;
    let own = crate::figure::has_drawing(&draft.id);
    let none_text = if own { "Its own" } else { "None" };
    let shown = match &draft.drawn_as {
        Some(id) => view
            .library
            .get(id)
            .map_or_else(|| id.clone(), |e| e.name.clone()),
        None => none_text.to_owned(),
    };
    let mut drawable: Vec<&crate::model::Exercise> = view
        .library
        .builtin_library()
        .exercises
        .iter()
        .filter(|e| e.id != draft.id && crate::figure::has_drawing(&e.id))
        .collect();
    drawable.sort_by(|a, b| a.name.cmp(&b.name));
    ui.horizontal(|ui| {
        let label = ui.label("Drawing");
        ComboBox::from_id_salt("exercise_drawing")
            .selected_text(shown)
            .width(260.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut draft.drawn_as, None, none_text)
                    .on_hover_text(if own {
                        "The drawing made for this exercise"
                    } else {
                        "No drawing: the photos alone picture it"
                    });
                for e in drawable {
                    ui.selectable_value(&mut draft.drawn_as, Some(e.id.clone()), &e.name);
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "The drawing shown in the window and printed on the handout's card: pick the \
                 built-in exercise that looks like this one (a photo, when there is one, is \
                 printed instead)",
            );
    });
    if let Some(drawing) = crate::figure::figure_for_dose(draft, &draft.default_dose, None) {
        let height = 72.0;
        let width = height * drawing.width / drawing.height.max(1e-3);
        crate::ui::figure::figure_ui(ui, &drawing, width, &format!("Drawing of {}", draft.name));
    }
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.separator();
    ui.strong(title);
}

/// Name, id and aliases.
fn identity_rows(ui: &mut Ui, editor: &mut ExerciseEditor, view: &View<'_>) {
    let label = ui.label("Name");
    let name = ui
        .add(
            TextEdit::singleline(&mut editor.draft.name)
                .hint_text("e.g. Single-leg bridge on a step")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .on_hover_text("The name physios and athletes read; no other exercise may have it");
    if name.changed() && editor.id_follows_name {
        editor.draft.id = free_id(view.library, &editor.draft.name);
    }
    ui.end_row();

    let label = ui.label("Id");
    let tip = if editor.is_new {
        "A stable identifier plans use: lower-case letters, digits, _ and -; made from the name until you type one"
    } else {
        "A stable identifier plans use; it stays what it is once the exercise exists"
    };
    let id = ui
        .add_enabled(
            editor.is_new,
            TextEdit::singleline(&mut editor.draft.id).desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .on_hover_text(tip)
        .on_disabled_hover_text(tip);
    if id.changed() {
        editor.id_follows_name = false;
    }
    ui.end_row();

    lines_row(
        ui,
        "Aliases",
        "Other names it is known by, one per line (search finds them too)",
        &mut editor.lines.aliases,
    );
}

/// Category, eccentric emphasis, regions, laterality and dose kind.
fn kind_rows(ui: &mut Ui, editor: &mut ExerciseEditor) {
    let draft = &mut editor.draft;
    let label = ui.label("Category");
    ComboBox::from_id_salt("exercise_category")
        .selected_text(draft.category.label())
        .show_ui(ui, |ui| {
            for c in Category::ALL {
                ui.selectable_value(&mut draft.category, c, c.label());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("What kind of work it is: drives filters, guardrails and load metrics");
    ui.end_row();

    ui.label("Eccentric emphasis");
    ui.checkbox(&mut draft.eccentric, "Eccentric")
        .accessible_name("Eccentric emphasis")
        .on_hover_text("The exercise loads the muscle while it lengthens (counts for the eccentric-work guardrail)");
    ui.end_row();

    ui.label("Regions");
    ui.vertical(|ui| {
        ui.horizontal_wrapped(|ui| {
            for region in REGIONS {
                let mut on = draft.regions.contains(&region);
                if ui
                    .checkbox(&mut on, region.label())
                    .accessible_name(format!("Region {}", region.label()))
                    .on_hover_text("Body regions worked; the first ticked is the main one")
                    .changed()
                {
                    if on {
                        draft.regions.push(region);
                    } else {
                        draft.regions.retain(|r| *r != region);
                    }
                }
            }
        });
        match draft.regions.first() {
            Some(main) => ui.weak(format!("Main region: {}", main.label())),
            None => ui.weak("No region ticked"),
        };
    });
    ui.end_row();

    let label = ui.label("Laterality");
    ComboBox::from_id_salt("exercise_laterality")
        .selected_text(draft.laterality.label())
        .show_ui(ui, |ui| {
            for l in LATERALITIES {
                ui.selectable_value(&mut draft.laterality, l, l.label());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("Both sides together, each side in turn, or alternating");
    ui.end_row();

    let label = ui.label("Dose kind");
    ComboBox::from_id_salt("exercise_dose_kind")
        .selected_text(draft.dose_kind.label())
        .show_ui(ui, |ui| {
            for k in DOSE_KINDS {
                ui.selectable_value(&mut draft.dose_kind, k, k.label());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("How it is dosed: counted reps, a timed hold, minutes or a distance");
    ui.end_row();
}

/// A grid row: the label, then a text box of one item per line.
fn lines_row(ui: &mut Ui, label: &str, tip: &str, text: &mut String) {
    let label = ui.label(label);
    ui.add(
        TextEdit::multiline(text)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .hint_text("one per line"),
    )
    .labelled_by(label.id)
    .on_hover_text(tip);
    ui.end_row();
}
