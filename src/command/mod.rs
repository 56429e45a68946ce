//! Every user intent as a value. Panels push `Command`s; the app applies them after the frame,
//! so each edit is undoable, testable without a window and never half-applied. Plan edits
//! (`Edit`) carry their own undo label and know how to apply themselves to a plan; actions
//! (`action`) are the menu's and the keyboard's way to send a command.
//!
//! Both the panels (`ui`) and the application (`app`) use this module; it uses neither.

pub mod action;
mod edit;
mod library;

use std::path::PathBuf;

pub use edit::{Edit, PlanMeta};
pub use library::LibraryEdit;

/// Light, dark or follow the system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// Something the user asked for.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Change the plan (undoable).
    Edit(Edit),
    Undo,
    Redo,
    /// Start a new empty plan (asks first when there are unsaved changes).
    NewEmpty,
    /// Start a new plan from a built-in template.
    NewFromTemplate(String),
    /// Open the built-in sample plan.
    OpenSample,
    /// Show the file dialog to open a plan.
    OpenDialog,
    /// Open the plan at a path (from the dialog, recent files or a test). Runs off the frame;
    /// `Opened` reports back.
    OpenPath(PathBuf),
    /// Save to the current file, or ask where when there is none.
    Save,
    /// Show the file dialog to save under a new name.
    SaveAsDialog,
    /// Save to a path (from the dialog or a test). Runs off the frame; `Saved` reports back.
    SaveTo(PathBuf),
    /// A save finished on the file thread: revision `revision` of the plan was written to
    /// `path` (merged with what was written to the file meanwhile, when it was), or why not.
    Saved {
        path: PathBuf,
        revision: u64,
        result: Result<Box<crate::io::SaveReport>, String>,
    },
    /// A plan file was read on the file thread: the file as read (with its plan), or why it
    /// cannot be opened.
    Opened {
        path: PathBuf,
        result: Result<Box<crate::io::FileBase>, String>,
    },
    /// Close the window (asks first when there are unsaved changes).
    Quit,
    /// Go back to the welcome screen (asks first when there are unsaved changes).
    CloseDocument,
    /// Answer to the unsaved-changes question.
    Resolve(UnsavedChoice),
    /// Select a prescription and/or week (findings, chart, lists).
    Select {
        prescription: Option<u32>,
        week: Option<u32>,
    },
    /// Pick a day in the calendar (its sessions show for logging).
    SelectDate(chrono::NaiveDate),
    /// Preview (or, with `None`, stop previewing) a prescription's progression fitted to the
    /// plan's weekly threshold: shown in its editor and on the chart until applied or cancelled.
    PreviewFit(Option<u32>),
    /// Switch between the physio's view (everything) and athlete mode (logging only).
    SetAthleteMode(bool),
    SetTheme(ThemeChoice),
    SetLoadUnit(crate::model::LoadUnit),
    /// Forget a recent file (it no longer opens).
    ForgetRecent(PathBuf),
    /// Show the file dialog to export the plan in a format.
    ExportDialog(crate::io::export::ExportFormat),
    /// Export the plan to a path; the format comes from its extension (runs off the frame).
    ExportTo(PathBuf),
    /// Show the file dialog to export the clinician report (a PDF).
    ReportDialog,
    /// Export the clinician report to a path (runs off the frame).
    ReportTo(PathBuf),
    /// Write the PDF handout to a temporary file and open it in the system's viewer.
    Print,
    /// Pick image files to attach to the exercise with this id (runs off the frame).
    AttachPhotos(String),
    /// Image files were picked and read on their thread: the photos made of them, and a
    /// message for each file that could not be used.
    PhotosPicked {
        exercise: String,
        photos: Vec<crate::model::Photo>,
        problems: Vec<String>,
    },
    /// An export finished on its thread: what to tell the user.
    ExportDone {
        message: String,
        is_error: bool,
    },
    /// Paper size of PDF handouts.
    SetPaper(crate::io::export::Paper),
    /// Dismiss the message shown in the status area.
    DismissMessage,
    /// Change your exercise library (undoable; written to your library file off the frame).
    Library(LibraryEdit),
    /// Your exercise library was read on the file thread at start (or why it cannot be).
    LibraryLoaded(Result<Box<crate::library::PersonalLibrary>, String>),
    /// Your exercise library was written on the file thread: where, and what was written
    /// (merged with changes made to the file meanwhile, when there were any), or why not.
    LibrarySaved(Result<Box<crate::io::PersonalSaved>, String>),
    /// Show the file dialog to import exercises (free-exercise-db JSON, CSV, a library file).
    ImportDialog,
    /// Read the exercises of this file for import (off the frame); `ImportRead` reports back.
    ImportPath(PathBuf),
    /// A file to import was read on the file thread: its entries, or why it cannot be
    /// imported (nothing is then imported).
    ImportRead {
        path: PathBuf,
        result: Result<Box<crate::library::ImportFile>, String>,
    },
    /// Pick image files for the exercise open in the exercise editor (runs off the frame).
    AttachEditorPhotos,
    /// Image files were picked and read for the exercise editor's exercise.
    EditorPhotosPicked {
        photos: Vec<crate::model::Photo>,
        problems: Vec<String>,
    },
    /// The plan's copies of some exercises differ from your library: keep the plan's.
    KeepPlanCopies,
    /// The recovery folder was looked into at start: the unsaved work of windows that closed
    /// without saving it (offered one at a time), and recovery files that do not read.
    RecoveryFound(Box<crate::io::Found>),
    /// Writing or deleting a recovery file failed on the file thread: why.
    RecoveryFailed(String),
    /// The answer to "Restore unsaved changes?" for the recovery offered.
    Recover(RecoveryChoice),
}

/// The answers to "Restore unsaved changes?" after loadplan closed without saving them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open the plan with the changes, unsaved.
    Restore,
    /// Delete the changes for good.
    Discard,
    /// Keep them and ask again at the next start.
    Later,
}

/// The answers to "Save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}
