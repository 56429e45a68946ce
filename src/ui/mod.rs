//! Panels and widgets. Each panel is a struct holding only its own UI state (filter text,
//! expanded rows, metric choice) with a `ui` method that reads the plan by reference and
//! pushes `Command`s; none touches files or threads. Rows are `push_id`'d by stable ids.

pub mod calendar;
pub mod chart;
pub mod details;
pub mod dialogs;
pub mod findings;
pub mod library;
pub mod log;
pub mod menu;
pub mod phases;
pub mod prescriptions;
pub mod progress;
pub mod rules;
pub mod week;
pub mod welcome;
pub mod widgets;

pub use dialogs::Message;

/// What the user is looking at, shared by the panels: the selected prescription and week.
/// UI state only; never saved in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Stable id of the selected prescription.
    pub prescription: Option<u32>,
    /// 1-based week shown in the week view and highlighted in the chart.
    pub week: u32,
    /// Day picked in the calendar (its sessions are shown for logging).
    pub date: Option<chrono::NaiveDate>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            prescription: None,
            week: 1,
            date: None,
        }
    }
}

/// Drag-and-drop payload: an exercise id dragged from the library onto the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseDrag(pub String);
