//! Panels and widgets. Each panel is a struct holding only its own UI state (filter text,
//! expanded rows, metric choice) with a `ui` method that reads a [`View`] (the plan, its read
//! model, today, the load unit and who is looking) and pushes `Command`s. No panel calls the
//! engine, keeps derived data between frames, touches files or starts threads. Rows are
//! `push_id`'d by stable ids.

pub mod calendar;
pub mod chart;
pub mod details;
pub mod dialogs;
pub mod figure;
pub mod findings;
pub mod library;
pub mod log;
pub mod menu;
pub mod phases;
pub mod prescriptions;
pub mod progress;
pub mod rules;
pub mod style;
pub mod week;
pub mod welcome;
pub mod widgets;

pub use dialogs::Message;

use crate::engine::ReadModel;
use crate::library::Merged;
use crate::model::{Exercise, LoadUnit, Plan};

/// Who is looking at the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The physio: everything, editable.
    #[default]
    Physio,
    /// The athlete: today's session first, logging only, plain words and larger type.
    Athlete,
}

/// Whether your exercise library can be changed now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LibraryStatus {
    /// Read (or none kept): exercises can be made, edited and imported.
    #[default]
    Ready,
    /// Still being read at start.
    Reading,
    /// Its file cannot be read: nothing is changed until it is corrected.
    Unreadable,
}

/// What every panel reads: the plan's read model (the plan, today and everything derived from
/// them), the exercise library (built-in, yours and imported, merged), whether your library
/// can be changed, the unit loads are shown in and who is looking.
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub read: &'a ReadModel,
    pub library: &'a Merged,
    pub library_status: LibraryStatus,
    pub unit: LoadUnit,
    pub mode: Mode,
}

impl<'a> View<'a> {
    /// The plan.
    pub fn plan(&self) -> &'a Plan {
        self.read.plan()
    }

    /// The day counted as today.
    pub fn today(&self) -> chrono::NaiveDate {
        self.read.today()
    }

    /// Whether the athlete is looking (plain words, larger type, no clinician controls).
    pub fn athlete(&self) -> bool {
        self.mode == Mode::Athlete
    }

    /// Whom the words are for.
    pub fn audience(&self) -> crate::engine::Audience {
        match self.mode {
            Mode::Athlete => crate::engine::Audience::Athlete,
            Mode::Physio => crate::engine::Audience::Physio,
        }
    }

    /// The exercise `id`: the plan's copy, else the library's.
    pub fn exercise(&self, id: &str) -> Option<&'a Exercise> {
        crate::library::find(self.read.plan(), self.library, id)
    }
}

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
    /// The prescription whose fitted progression is previewed (chart and editor).
    pub preview_fit: Option<u32>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            prescription: None,
            week: 1,
            date: None,
            preview_fit: None,
        }
    }
}

/// Drag-and-drop payload: an exercise id dragged from the library onto the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseDrag(pub String);
