//! What every page of a document needs to know besides the layout: the plan, its projection,
//! the options (unit, pictures), the injured side, and on which weekdays each prescription's
//! sessions fall in each week, looked up once.

use std::collections::HashMap;

use chrono::Datelike;

use crate::engine::{Item, Projection};
use crate::figure::Drawing;
use crate::model::{Dose, Limb, LoadUnit, Plan, Weekday};

use super::{PdfOptions, find_exercise};
use crate::engine::plain::{self, DoseWords};

/// One session of a prescription: its weekday, its slot in the day, supervised or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    pub day: Weekday,
    pub slot: u32,
    pub supervised: bool,
}

/// The plan and what the pages look up in it.
pub(crate) struct Ctx<'a> {
    pub plan: &'a Plan,
    pub projection: &'a Projection,
    pub options: &'a PdfOptions,
    pub unit: LoadUnit,
    pub injured: Option<Limb>,
    /// Weekday of the plan's first day (Monday when undated, as the engine counts).
    start: Weekday,
    /// (week, prescription id) -> its sessions that week, in order.
    slots: HashMap<(u32, u32), Vec<Slot>>,
}

impl<'a> Ctx<'a> {
    /// The context of `plan`'s document.
    pub fn new(plan: &'a Plan, projection: &'a Projection, options: &'a PdfOptions) -> Ctx<'a> {
        let start = plan.start_date.map_or(Weekday::Mon, |d| {
            Weekday::ALL[d.weekday().num_days_from_monday() as usize]
        });
        let mut ctx = Ctx {
            plan,
            projection,
            options,
            unit: options.unit,
            injured: plan.injured_side,
            start,
            slots: HashMap::new(),
        };
        for s in &projection.sessions {
            let day = ctx.weekday(s.day);
            for item in &s.items {
                ctx.slots
                    .entry((s.week, item.prescription_id))
                    .or_default()
                    .push(Slot {
                        day,
                        slot: s.slot,
                        supervised: item.supervised,
                    });
            }
        }
        ctx
    }

    /// The weekday of plan day `day` (0 = the first day).
    pub fn weekday(&self, day: u32) -> Weekday {
        Weekday::ALL[((self.start.index() + day) % 7) as usize]
    }

    /// The sessions of prescription `rx` in `week`.
    pub fn slots(&self, week: u32, rx: u32) -> &[Slot] {
        self.slots.get(&(week, rx)).map_or(&[], Vec::as_slice)
    }

    /// How often `item` is done in `week`, in words: `3 times a week: Monday, ...`.
    pub fn often(&self, week: u32, item: &Item) -> String {
        let days: Vec<Weekday> = self
            .slots(week, item.prescription_id)
            .iter()
            .map(|s| s.day)
            .collect();
        let schedule = self
            .plan
            .prescription(item.prescription_id)
            .map(|rx| rx.schedule.clone())
            .unwrap_or_default();
        plain::how_often(&schedule, item.sessions, &days)
    }

    /// The equipment of exercise `id` (none when unknown).
    pub fn equipment(&self, id: &str) -> &[String] {
        find_exercise(self.plan, id).map_or(&[], |e| e.equipment.as_slice())
    }

    /// `item`'s dose in `week` in words.
    pub fn dose_words(&self, week: u32, item: &Item) -> DoseWords {
        DoseWords::new(
            &item.dose,
            item.tempo.as_ref(),
            self.unit,
            self.injured,
            self.equipment(&item.exercise_id),
            self.often(week, item),
        )
    }

    /// `item`'s dose in a few words, for tables and log sheets.
    pub fn short_dose(&self, item: &Item) -> String {
        plain::short(&item.dose, self.unit, self.injured)
    }

    /// The picture of exercise `id` as `dose` prescribes it (its side and hold time): the
    /// options' own drawing when they have one, else the program's.
    pub fn figure(&self, id: &str, dose: &Dose) -> Option<Drawing> {
        if let Some((_, d)) = self.options.figures.iter().find(|(e, _)| e == id) {
            return Some(d.clone());
        }
        let exercise = find_exercise(self.plan, id)?;
        crate::figure::figure_for_dose(exercise, dose, self.injured)
    }
}
