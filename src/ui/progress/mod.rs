//! Progress at a glance (being built): adherence, planned against actual load, pain and PROM
//! scores over time.

use chrono::NaiveDate;

use crate::app::command::{Command, LoadUnit};
use crate::engine::{Adjustment, Projection};
use crate::model::Plan;

/// The progress tab's own state.
#[derive(Default)]
pub struct ProgressPanel {}

impl ProgressPanel {
    /// Draws the progress tab.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        plan: &Plan,
        projection: &Projection,
        adjustments: &[Adjustment],
        today: NaiveDate,
        athlete: bool,
        unit: LoadUnit,
        revision: u64,
        cmds: &mut Vec<Command>,
    ) {
        let _ = (plan, projection, adjustments, today, athlete, unit, revision, cmds);
        ui.label("Progress");
    }
}
