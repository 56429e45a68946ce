//! The exercise editor's ladder: the easier and harder variations (nearest first), each with
//! buttons to move it nearer or farther and to remove it, and a search to add one from the
//! library as easier or harder.

use egui::Ui;

use super::ExerciseEditor;
use crate::library::Query;
use crate::ui::View;
use crate::ui::widgets::fields::{Icon, icon_button};

/// How many matches "Find a variation" lists.
const SHOWN: usize = 6;

pub(super) fn ladder_ui(ui: &mut Ui, editor: &mut ExerciseEditor, view: &View<'_>) {
    let name = if editor.draft.name.trim().is_empty() {
        "this exercise".to_owned()
    } else {
        editor.draft.name.trim().to_owned()
    };
    for (direction, harder) in [("easier", false), ("harder", true)] {
        let list = if harder {
            &mut editor.draft.harder
        } else {
            &mut editor.draft.easier
        };
        ui.label(format!(
            "{} variations of {name}, nearest first",
            if harder { "Harder" } else { "Easier" }
        ));
        if list.is_empty() {
            ui.weak("none");
        }
        let mut action = None;
        let len = list.len();
        for (i, id) in list.iter().enumerate() {
            let shown = view
                .library
                .get(id)
                .map_or(id.as_str(), |e| e.name.as_str());
            ui.push_id((direction, id), |ui| {
                ui.horizontal(|ui| {
                    let nearer = format!("Move {shown} nearer ({direction})");
                    if icon_button(ui, Icon::Up, i > 0, &nearer, &nearer).clicked() {
                        action = Some((i, -1));
                    }
                    let farther = format!("Move {shown} farther ({direction})");
                    if icon_button(ui, Icon::Down, i + 1 < len, &farther, &farther).clicked() {
                        action = Some((i, 1));
                    }
                    let remove = format!("Remove {shown} from the {direction} variations");
                    if icon_button(ui, Icon::Delete, true, &remove, &remove).clicked() {
                        action = Some((i, 0));
                    }
                    ui.label(shown);
                });
            });
        }
        match action {
            Some((i, 0)) => {
                list.remove(i);
            }
            Some((i, -1)) => list.swap(i, i - 1),
            Some((i, _)) => list.swap(i, i + 1),
            None => {}
        }
    }
    add_ui(ui, editor, view);
}

/// "Find a variation" and its first matches, each addable as easier or harder.
fn add_ui(ui: &mut Ui, editor: &mut ExerciseEditor, view: &View<'_>) {
    ui.add_space(4.0);
    let label = ui.label("Find a variation");
    ui.add(
        egui::TextEdit::singleline(&mut editor.variation_search)
            .hint_text("name, alias or muscle")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
    .on_hover_text(
        "Type to find an exercise of the library to add as an easier or harder variation",
    );
    if editor.variation_search.trim().is_empty() {
        return;
    }
    let query = Query::new(&editor.variation_search, None);
    let draft = &mut editor.draft;
    let found: Vec<_> = view
        .library
        .search(&query)
        .into_iter()
        .filter(|e| {
            e.id != draft.id && !draft.easier.contains(&e.id) && !draft.harder.contains(&e.id)
        })
        .take(SHOWN + 1)
        .collect();
    if found.is_empty() {
        ui.weak("No other exercise matches");
    }
    for e in found.iter().take(SHOWN) {
        ui.push_id(("variation_match", &e.id), |ui| {
            ui.horizontal(|ui| {
                if ui
                    .small_button("Easier")
                    .accessible_name(format!("Add {} as easier variation", e.name))
                    .on_hover_text(format!("Add {} to the easier variations", e.name))
                    .clicked()
                {
                    draft.easier.push(e.id.clone());
                }
                if ui
                    .small_button("Harder")
                    .accessible_name(format!("Add {} as harder variation", e.name))
                    .on_hover_text(format!("Add {} to the harder variations", e.name))
                    .clicked()
                {
                    draft.harder.push(e.id.clone());
                }
                ui.label(&e.name);
            });
        });
    }
    if found.len() > SHOWN {
        ui.weak("More match: type more of the name");
    }
}
