//! Preferences kept between runs in eframe's storage (never in the plan file): theme, load
//! unit, recent files and whether the library panel shows. Window size and panel sizes are kept
//! by eframe and egui themselves.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::command::ThemeChoice;
use crate::model::LoadUnit;

/// Key of the preferences in eframe's storage.
pub const STORAGE_KEY: &str = "loadplan-prefs";

/// Most recent files listed.
pub const MAX_RECENT: usize = 10;

/// User preferences.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub theme: ThemeChoice,
    pub load_unit: LoadUnit,
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    /// Hide the library side panel.
    pub hide_library: bool,
    /// Hide the planning chart (a small screen's tabs get its height).
    pub hide_chart: bool,
    /// Paper size of PDF handouts.
    pub paper: crate::io::export::Paper,
    /// Athlete mode: today's session first, big check boxes, the prescription read-only.
    pub athlete_mode: bool,
}

impl Prefs {
    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(MAX_RECENT);
    }

    /// Removes `path` from the recent files.
    pub fn forget(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
    }
}
