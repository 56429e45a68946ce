//! [`problems`]: every limit a plan read or about to be written is past, each anchored where
//! it is written (the lists a parse stops at their maximum are checked here too, for a plan
//! made in memory).

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::model::dose::{Dose, Reps};
use crate::model::plan::Plan;
use crate::model::problem::{Anchor, Problem};
use crate::model::progression::Rule;
use crate::model::quote::quote;

/// Every limit `plan` is past, each anchored where it is written.
pub fn problems(plan: &Plan) -> Vec<Problem> {
    let mut out = Out(Vec::new());
    out.count::<Prescriptions>(Anchor::Field("prescriptions"), plan.prescriptions.len());
    out.count::<Exercises>(Anchor::Field("exercises"), plan.exercises.len());
    out.count::<Phases>(Anchor::Field("phases"), plan.phases.len());
    out.count::<LogEntries>(Anchor::Field("log"), plan.log.len());
    out.count::<LogEntries>(Anchor::Field("proms"), plan.proms.len());
    out.count::<LogEntries>(Anchor::Field("adjustments"), plan.adjustments.len());
    out.count::<Words>(Anchor::Field("load_steps"), plan.load_steps.len());
    if !out.0.is_empty() {
        // The rest would walk lists too long to walk.
        return out.0;
    }
    plan_texts(plan, &mut out);
    out.date(
        Anchor::Field("start_date"),
        None,
        "start_date",
        plan.start_date,
    );
    for (i, phase) in plan.phases.iter().enumerate() {
        let at = Anchor::Phase(i);
        out.name(at, "name", &phase.name);
        out.text(at, "goal", &phase.goal);
        out.words(at, "criteria", &phase.criteria, MAX_TEXT_CHARS);
    }
    for (i, ex) in plan.exercises.iter().enumerate() {
        exercise(&mut out, Anchor::Exercise(i), ex);
    }
    for (i, rx) in plan.prescriptions.iter().enumerate() {
        prescription(&mut out, Anchor::Prescription(i), rx);
    }
    out.sessions(plan);
    log(plan, &mut out);
    out.0
}

/// The plan's own texts.
fn plan_texts(plan: &Plan, out: &mut Out) {
    for (field, value) in [
        ("title", &plan.title),
        ("athlete", &plan.athlete),
        ("clinician", &plan.clinician),
        ("condition", &plan.condition),
    ] {
        out.name(Anchor::Field(field), field, value);
    }
    for (field, value) in [
        ("goal", &plan.goal),
        ("notes", &plan.notes),
        ("citation", &plan.citation),
        ("disclaimer", &plan.disclaimer),
    ] {
        out.text(Anchor::Field(field), field, value);
    }
    for step in &plan.load_steps {
        out.name(Anchor::Field("load_steps"), "equipment", &step.equipment);
    }
}

fn exercise(out: &mut Out, at: Anchor, ex: &crate::model::exercise::Exercise) {
    out.name(at, "id", &ex.id);
    out.name(at, "name", &ex.name);
    for (field, list) in [
        ("aliases", &ex.aliases),
        ("muscles", &ex.muscles),
        ("equipment", &ex.equipment),
        ("easier", &ex.easier),
        ("harder", &ex.harder),
    ] {
        out.words(at, field, list, MAX_NAME_CHARS);
    }
    out.words(at, "cues", &ex.cues, MAX_TEXT_CHARS);
    out.words(at, "cautions", &ex.cautions, MAX_TEXT_CHARS);
    out.count_in::<Words>(at, "regions", ex.regions.len());
    if let Some(id) = &ex.drawn_as {
        out.long(at, "drawn_as", id, MAX_NAME_CHARS);
    }
    for (field, value) in [("illustration", &ex.illustration), ("source", &ex.source)] {
        if let Some(value) = value {
            out.text(at, field, value);
        }
    }
    for photo in &ex.photos {
        out.name(at, "photos", &photo.caption);
    }
    out.dose(at, "default_dose", &ex.default_dose);
}

fn prescription(out: &mut Out, at: Anchor, rx: &crate::model::plan::Prescription) {
    out.name(at, "exercise", &rx.exercise);
    out.text(at, "notes", &rx.notes);
    out.dose(at, "dose", &rx.dose);
    if let crate::model::schedule::Schedule::Weekdays(days) = &rx.schedule {
        out.count_in::<Weekdays>(at, "schedule", days.len());
    }
    out.count_in::<Rules>(at, "rules", rx.rules.len());
    for rule in rx.rules.iter().take(MAX_RULES) {
        match rule {
            Rule::Table { rows, source } => {
                out.count_in::<WeekList>(at, "rules", rows.len());
                if let Some(source) = source {
                    out.name(at, "rules", source);
                }
                for row in rows.iter().take(MAX_TABLE_ROWS) {
                    out.sets(at, "rules", row.sets);
                    if let Some(reps) = &row.reps {
                        out.reps(at, "rules", reps);
                    }
                    if row.week > MAX_WEEKS {
                        out.push(
                            at,
                            Some("rules"),
                            format!(
                                "a table row for week {}, past the {MAX_WEEKS} weeks a plan may have; remove the row",
                                row.week
                            ),
                        );
                    }
                }
            }
            Rule::Deload { weeks, .. } | Rule::Hold { weeks } => {
                out.count_in::<WeekList>(at, "rules", weeks.len());
            }
            Rule::Add { .. } | Rule::NextVariation { .. } => {}
        }
    }
}

fn log(plan: &Plan, out: &mut Out) {
    for (i, session) in plan.log.iter().enumerate() {
        let at = Anchor::LogEntry(i);
        out.date(at, Some("date"), "date", Some(session.date));
        out.text(at, "note", &session.note);
        out.count_in::<SessionExercises>(at, "exercises", session.exercises.len());
        for e in session.exercises.iter().take(MAX_PRESCRIPTIONS) {
            out.name(at, "exercises", &e.exercise);
            out.sets(at, "exercises", e.sets);
            if let Some(n) = e.reps {
                out.reps(at, "exercises", &Reps::Fixed(n));
            }
        }
    }
    for (i, prom) in plan.proms.iter().enumerate() {
        out.date(Anchor::Prom(i), Some("date"), "date", Some(prom.date));
    }
    for (i, decision) in plan.adjustments.iter().enumerate() {
        let at = Anchor::Adjustment(i);
        out.date(at, Some("date"), "date", Some(decision.date));
        if let crate::model::log::Decision::Change(dose) = &decision.decision {
            out.dose(at, "decision", dose);
        }
        if let Some(dose) = &decision.proposed {
            out.dose(at, "proposed", dose);
        }
    }
}

/// The problems found so far.
struct Out(Vec<Problem>);

impl Out {
    fn push(&mut self, anchor: Anchor, field: Option<&'static str>, message: String) {
        self.0.push(Problem {
            anchor,
            field,
            message,
        });
    }

    /// A top-level list of `n` entries.
    fn count<L: Limit>(&mut self, anchor: Anchor, n: usize) {
        if n > L::MAX {
            let Anchor::Field(field) = anchor else {
                return;
            };
            self.push(anchor, None, format!("{field}: {}", too_many::<L>()));
        }
    }

    /// A list `field` of `n` entries inside the entry at `anchor`.
    fn count_in<L: Limit>(&mut self, anchor: Anchor, field: &'static str, n: usize) {
        if n > L::MAX {
            self.push(anchor, Some(field), format!("{field}: {}", too_many::<L>()));
        }
    }

    fn long(&mut self, anchor: Anchor, field: &'static str, value: &str, max: usize) {
        // Counting stops past the limit: a text of a million characters is not counted out.
        if value.len() > max && value.chars().nth(max).is_some() {
            let what = if max == MAX_NAME_CHARS {
                "a name"
            } else {
                "a text"
            };
            self.push(
                anchor,
                Some(field),
                format!(
                    "{field} {} is longer than the {max} characters {what} may have; shorten it",
                    quote(value)
                ),
            );
        }
    }

    fn name(&mut self, anchor: Anchor, field: &'static str, value: &str) {
        self.long(anchor, field, value, MAX_NAME_CHARS);
    }

    fn text(&mut self, anchor: Anchor, field: &'static str, value: &str) {
        self.long(anchor, field, value, MAX_TEXT_CHARS);
    }

    /// A list of words: at most [`MAX_LIST_ITEMS`], each at most `max` characters.
    fn words(&mut self, anchor: Anchor, field: &'static str, list: &[String], max: usize) {
        self.count_in::<Words>(anchor, field, list.len());
        for word in list.iter().take(MAX_LIST_ITEMS) {
            self.long(anchor, field, word, max);
        }
    }

    fn sets(&mut self, anchor: Anchor, field: &'static str, sets: Option<u32>) {
        if let Some(n) = sets.filter(|n| *n > MAX_SETS) {
            self.push(
                anchor,
                Some(field),
                format!(
                    "{n} sets, more than the {MAX_SETS} a dose may have; give at most {MAX_SETS}"
                ),
            );
        }
    }

    fn reps(&mut self, anchor: Anchor, field: &'static str, reps: &Reps) {
        let most = match reps {
            Reps::Fixed(n) => *n,
            Reps::Range(a, b) => (*a).max(*b),
            Reps::PerSet(list) => {
                if list.len() > MAX_SETS as usize {
                    self.push(
                        anchor,
                        Some(field),
                        format!("reps: {}", too_many::<PerSetList>()),
                    );
                }
                list.iter().copied().max().unwrap_or(0)
            }
        };
        if most > MAX_REPS {
            self.push(
                anchor,
                Some(field),
                format!(
                    "{most} reps, more than the {MAX_REPS} a set may have; give at most {MAX_REPS}"
                ),
            );
        }
    }

    fn dose(&mut self, anchor: Anchor, field: &'static str, dose: &Dose) {
        self.sets(anchor, field, Some(dose.sets));
        if let Some(reps) = &dose.reps {
            self.reps(anchor, field, reps);
        }
        if let Some(rom) = &dose.rom {
            self.name(anchor, field, rom);
        }
    }

    fn date(
        &mut self,
        anchor: Anchor,
        field: Option<&'static str>,
        name: &str,
        date: Option<NaiveDate>,
    ) {
        if let Some(d) = date.filter(|d| !(FIRST_YEAR..=LAST_YEAR).contains(&d.year())) {
            self.push(
                anchor,
                field,
                format!(
                    "{name} {d} is not between the years {FIRST_YEAR} and {LAST_YEAR}; check the year"
                ),
            );
        }
    }

    /// The exercise sessions the plan schedules, at most [`MAX_EXERCISE_SESSIONS`].
    fn sessions(&mut self, plan: &Plan) {
        let mut total: u64 = 0;
        for (i, rx) in plan.prescriptions.iter().enumerate() {
            let last = rx.weeks.last.min(MAX_WEEKS);
            let weeks = u64::from((last.saturating_add(1)).saturating_sub(rx.weeks.first.max(1)));
            let table_most = rx
                .rules
                .iter()
                .filter_map(|r| match r {
                    Rule::Table { rows, .. } => rows.iter().filter_map(|row| row.sessions).max(),
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            let a_week = rx.schedule.most_sessions_a_week().max(table_most.min(14));
            total = total.saturating_add(weeks.saturating_mul(u64::from(a_week)));
            if total > MAX_EXERCISE_SESSIONS {
                self.push(
                    Anchor::Prescription(i),
                    Some("weeks"),
                    format!(
                        "the plan schedules more than the {MAX_EXERCISE_SESSIONS} exercise sessions \
                         a plan may have in all (counting each prescription's weeks at its most \
                         sessions a week) by this prescription; shorten it or split the plan"
                    ),
                );
                return;
            }
        }
    }
}
