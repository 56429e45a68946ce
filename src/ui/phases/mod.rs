//! The phase timeline: the plan's phases as coloured bands on a week ruler. Click a week to
//! select it, click a band to edit its phase below the ruler, drag a band's edges to resize it
//! or its middle to move it, and add phases after the last one. Every change is pushed as an
//! `Edit` (`AddPhase`, `UpdatePhase`, `RemovePhase`); the plan itself is never touched.

mod editor;
pub mod geometry;
mod timeline;

use crate::command::{Command, Edit};
use crate::model::{Phase, Plan, WeekRange};
use crate::ui::{Selection, View};

use geometry::DragMode;
pub use timeline::phase_color;

/// State of the phase timeline: the phase being edited and the drag in progress.
#[derive(Debug, Clone, Default)]
pub struct PhaseTimeline {
    /// Id of the phase shown in the editor row, when one is selected.
    pub selected_phase: Option<u32>,
    drag: Option<BandDrag>,
    /// Text of the "Criteria to move on" field while it has focus (blank lines included), so
    /// that typing a new line is not undone by the plan dropping empty criteria.
    criteria_text: Option<(u32, String)>,
}

/// A band being dragged: which phase, which part, where it started.
#[derive(Debug, Clone, Copy, PartialEq)]
struct BandDrag {
    phase: u32,
    mode: DragMode,
    /// Weeks of the phase when the drag started.
    origin: WeekRange,
    /// Screen x where the pointer was pressed.
    start_x: f32,
    /// Column width when the drag started (the ruler may grow while dragging).
    col_width: f32,
    /// Weeks last pushed as an edit (drawn while dragging).
    sent: WeekRange,
}

impl PhaseTimeline {
    /// Draws the toolbar, the week ruler with the phase bands and, when a phase is selected,
    /// its editor. Clicking a week sets `selection.week`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &View<'_>,
        selection: &mut Selection,
        cmds: &mut Vec<Command>,
    ) {
        let plan = view.plan();
        if self
            .selected_phase
            .is_some_and(|id| !plan.phases.iter().any(|p| p.id == id))
        {
            self.selected_phase = None;
        }
        ui.horizontal_wrapped(|ui| {
            ui.strong("Phases");
            let add = ui
                .button("Add phase")
                .on_hover_text("Add a 4-week phase after the last one");
            if add.clicked() {
                cmds.push(Command::Edit(Edit::AddPhase(new_phase(plan))));
                // The app gives the new phase the plan's next id: edit it right away.
                self.selected_phase = Some(plan.next_phase_id());
            }
            ui.weak("Click a week to show it; click a band to edit it; drag its edges to resize, its middle to move.");
        });
        timeline::timeline_ui(self, ui, plan, selection, cmds);
        let selected = self
            .selected_phase
            .and_then(|id| plan.phases.iter().find(|p| p.id == id));
        if let Some(phase) = selected {
            ui.add_space(4.0);
            editor::editor_ui(self, ui, phase, cmds);
        }
    }
}

/// A new phase after the last one, named "Phase N" with the first unused N.
fn new_phase(plan: &Plan) -> Phase {
    let mut n = plan.phases.len() + 1;
    while plan.phases.iter().any(|p| p.name == format!("Phase {n}")) {
        n += 1;
    }
    Phase {
        id: 0,
        name: format!("Phase {n}"),
        weeks: geometry::next_free_range(&plan.phases),
        goal: String::new(),
        criteria: Vec::new(),
    }
}
