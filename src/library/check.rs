//! What an exercise must be before it goes into your library, said so that the physio knows
//! what to change: an id and a name, neither taken by another exercise (names compared without
//! case or accents), and a ladder of easier and harder variations that names exercises of the
//! library and never leads back to the exercise itself. Also which exercises a deletion would
//! leave pointing at nothing, and a free id for a new exercise.

use std::collections::HashSet;

use crate::model::Exercise;

use super::Merged;
use super::fold::fold;

/// The problems of `draft` as an exercise of `library`: `is_new` for an exercise not in it yet
/// (its id must be free), else a change of the exercise with its id. Empty when it may be saved.
pub fn exercise_problems(library: &Merged, draft: &Exercise, is_new: bool) -> Vec<String> {
    let mut out = Vec::new();
    let id = draft.id.trim();
    if id.is_empty() {
        out.push("The id is empty: give the exercise an id such as my_bridge".to_owned());
    } else if let Some(c) = id
        .chars()
        .find(|c| !(c.is_alphanumeric() && !c.is_uppercase() || *c == '_' || *c == '-'))
    {
        out.push(format!(
            "The id \"{id}\" has \"{c}\": an id holds only lower-case letters, digits, _ and -"
        ));
    } else if is_new && let Some(other) = library.get(id) {
        out.push(format!(
            "The id \"{id}\" is taken by {}: choose another id",
            other.name
        ));
    } else if !is_new && library.get(id).is_none() {
        out.push(format!(
            "There is no exercise \"{id}\" to change: save it as a new exercise"
        ));
    }
    if draft.name.trim().is_empty() {
        out.push("The name is empty: give the exercise a name".to_owned());
    } else if let Some(other) = library.same_name(&draft.name, Some(id)) {
        out.push(format!(
            "The name \"{}\" is taken by another exercise ({}): choose another name",
            draft.name.trim(),
            other.id
        ));
    }
    if draft.default_dose.sets == 0 {
        out.push("The default dose has 0 sets: give it 1 set or more".to_owned());
    }
    ladder_problems(library, draft, &mut out);
    out
}

fn ladder_problems(library: &Merged, draft: &Exercise, out: &mut Vec<String>) {
    for (direction, ids) in [("easier", &draft.easier), ("harder", &draft.harder)] {
        let mut seen = HashSet::new();
        for v in ids {
            if *v == draft.id {
                out.push(format!(
                    "The {direction} variations list the exercise itself: remove it there"
                ));
            } else if library.get(v).is_none() {
                out.push(format!(
                    "The {direction} variation \"{v}\" is not in the library: remove it or add that exercise first"
                ));
            } else if !seen.insert(v.as_str()) {
                out.push(format!(
                    "The {direction} variations list \"{v}\" twice: remove one"
                ));
            }
        }
    }
    if let Some(both) = draft.easier.iter().find(|v| draft.harder.contains(v)) {
        let name = library.get(both).map_or(both.as_str(), |e| e.name.as_str());
        out.push(format!(
            "{name} is both an easier and a harder variation: keep it on one side"
        ));
    }
    for (direction, harder) in [("harder", true), ("easier", false)] {
        if let Some(path) = loop_through(library, draft, harder) {
            out.push(format!(
                "The ladder loops: going {direction} from {} leads back to it ({}); remove one of these steps",
                draft.name.trim(),
                path.join(" -> ")
            ));
        }
    }
}

/// The way back to `draft` along its `harder` (or `easier`) variations, as names, when there
/// is one (the library's exercises as they are, `draft` in place of the one with its id).
fn loop_through(library: &Merged, draft: &Exercise, harder: bool) -> Option<Vec<String>> {
    let next = |e: &Exercise| -> Vec<String> {
        if harder {
            e.harder.clone()
        } else {
            e.easier.clone()
        }
    };
    // Depth-first, remembering the way taken.
    let mut stack: Vec<(String, Vec<String>)> = next(draft)
        .into_iter()
        .filter(|v| *v != draft.id)
        .map(|v| (v, vec![draft.name.trim().to_owned()]))
        .collect();
    let mut visited = HashSet::new();
    while let Some((id, path)) = stack.pop() {
        if id == draft.id {
            let mut path = path;
            path.push(draft.name.trim().to_owned());
            return Some(path);
        }
        if !visited.insert(id.clone()) {
            continue;
        }
        let Some(e) = library.get(&id) else { continue };
        let mut path = path;
        path.push(e.name.clone());
        for v in next(e) {
            stack.push((v, path.clone()));
        }
    }
    None
}

/// The exercises of `library` (other than `id` itself) that list `id` as an easier or harder
/// variation: deleting `id` would leave their ladders pointing at nothing.
pub fn used_by<'a>(library: &'a Merged, id: &str) -> Vec<&'a Exercise> {
    library
        .exercises
        .iter()
        .filter(|e| e.id != id && (e.easier.iter().chain(&e.harder).any(|v| v == id)))
        .collect()
}

/// An id for a new exercise named `name` that no exercise of `library` has: the name in
/// lower case with underscores (`my_` first), numbered when taken.
pub fn free_id(library: &Merged, name: &str) -> String {
    let slug: String = fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    let slug = slug
        .split('_')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    let base = if slug.is_empty() {
        "my_exercise".to_owned()
    } else {
        format!("my_{slug}")
    };
    unique_id(library, &base, |_| false)
}

/// `base`, or `base_2`, `base_3`, ... : the first that neither `library` nor `taken` has.
pub fn unique_id(library: &Merged, base: &str, taken: impl Fn(&str) -> bool) -> String {
    let free = |id: &str| library.get(id).is_none() && !taken(id);
    if free(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|id| free(id))
        .unwrap_or_else(|| base.to_owned())
}

/// A name for a copy of `name` that no exercise of `library` has: "NAME (my version)",
/// numbered when taken.
pub fn copy_name(library: &Merged, name: &str) -> String {
    let base = format!("{name} (my version)");
    if library.same_name(&base, None).is_none() {
        return base;
    }
    (2..)
        .map(|n| format!("{name} (my version {n})"))
        .find(|n| library.same_name(n, None).is_none())
        .unwrap_or(base)
}
