//! The personal library on disk: `exercises.ron` in loadplan's data folder (on Linux
//! `~/.local/share/loadplan`, on macOS `~/Library/Application Support/loadplan`, on Windows
//! `%APPDATA%\loadplan\data`), or in a folder given instead (`LOADPLAN_DATA_DIR`, the CLI's
//! `--library-dir`, tests). Read whole and checked; written atomically ([`write_atomic`]), so a
//! failed write never damages the file. A missing file is an empty library.

use std::path::{Path, PathBuf};

use crate::library::{
    LibraryError, PersonalLibrary, merge_personal, parse_personal, personal_to_string,
};

use super::write_atomic;

/// The personal library's file name in its folder.
pub const PERSONAL_FILE: &str = "exercises.ron";

/// Why the personal library cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PersonalError {
    #[error(
        "your exercise library cannot be read ({source}); correct or move the file, then start loadplan again: {}",
        path.display()
    )]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: your exercise library: {message}; correct the file at that line and column", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("your exercise library: {source}: {}", path.display())]
    Invalid { path: PathBuf, source: LibraryError },
    #[error(
        "your exercise library could not be written ({source}); nothing was changed on disk: {}",
        path.display()
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The environment variable that, when set to a folder, is used instead of the system's data
/// folder (for tests, a portable install, or trying loadplan without touching your library).
pub const DATA_DIR_VAR: &str = "LOADPLAN_DATA_DIR";

/// The folder loadplan keeps its data in on this computer: `LOADPLAN_DATA_DIR` when set, else
/// the one the system names (none when it names none).
pub fn default_data_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_VAR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "loadplan").map(|d| d.data_dir().to_path_buf())
}

/// The personal library file in `folder`.
pub fn personal_path(folder: &Path) -> PathBuf {
    folder.join(PERSONAL_FILE)
}

/// Reads the personal library kept in `folder` (empty when there is no file yet).
pub fn load_personal(folder: &Path) -> Result<PersonalLibrary, PersonalError> {
    let path = personal_path(folder);
    use super::plan_file::{TextReadError, read_text};
    let text = match read_text(&path, crate::model::limits::MAX_FILE_BYTES) {
        Ok(text) => text,
        Err(TextReadError::Read(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(PersonalLibrary::default());
        }
        Err(TextReadError::Read(source)) => return Err(PersonalError::Read { path, source }),
        Err(TextReadError::TooLarge(_)) => {
            let source = std::io::Error::other(format!(
                "larger than {} MB",
                crate::model::limits::MAX_FILE_BYTES / (1024 * 1024)
            ));
            return Err(PersonalError::Read { path, source });
        }
        Err(TextReadError::NotUtf8 { position, byte }) => {
            return Err(PersonalError::Parse {
                path,
                line: position.line,
                column: position.column,
                message: format!("byte 0x{byte:02x} is not UTF-8 text"),
            });
        }
    };
    parse_personal(&text).map_err(|e| match e {
        LibraryError::Parse {
            line,
            column,
            message,
        } => PersonalError::Parse {
            path,
            line,
            column,
            message,
        },
        source => PersonalError::Invalid { path, source },
    })
}

/// Writes `library` to `file` atomically (the folder is made when missing).
pub fn write_personal(file: &Path, library: &PersonalLibrary) -> Result<(), PersonalError> {
    let text = personal_to_string(library).map_err(|e| PersonalError::Write {
        path: file.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    })?;
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| PersonalError::Write {
            path: file.to_path_buf(),
            source,
        })?;
    }
    write_atomic(file, text.as_bytes()).map_err(|source| PersonalError::Write {
        path: file.to_path_buf(),
        source,
    })
}

/// Writes `library` as the personal library kept in `folder`.
pub fn save_personal(folder: &Path, library: &PersonalLibrary) -> Result<PathBuf, PersonalError> {
    let path = personal_path(folder);
    write_personal(&path, library)?;
    Ok(path)
}

/// What [`save_personal_over`] wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonalSaved {
    pub path: PathBuf,
    /// The library as written: `ours`, or ours merged with what was written there meanwhile.
    pub library: PersonalLibrary,
    /// The file had been changed elsewhere (another window, `loadplan library import`) since
    /// `base`: what was written is the merge ([`merge_personal`]).
    pub merged: bool,
    /// What was asked to be written (`ours`).
    pub asked: PersonalLibrary,
}

/// Writes `ours` as the personal library kept in `folder`, where `base` is the library as this
/// program last read or wrote it there. When the file holds something else now (changed
/// elsewhere meanwhile), the two are merged exercise by exercise and the merge is written, so
/// neither side's changes are lost. A file gone meanwhile is written anew; one that cannot be
/// read now is left alone (an error, nothing written).
pub fn save_personal_over(
    folder: &Path,
    base: &PersonalLibrary,
    ours: &PersonalLibrary,
) -> Result<PersonalSaved, PersonalError> {
    let path = personal_path(folder);
    let theirs = match load_personal(folder) {
        Ok(theirs) if path.exists() => theirs,
        Ok(_) => base.clone(),
        Err(e) => return Err(e),
    };
    let (library, merged) = if theirs == *base {
        (ours.clone(), false)
    } else {
        (merge_personal(base, ours, &theirs), true)
    };
    write_personal(&path, &library)?;
    Ok(PersonalSaved {
        path,
        library,
        merged,
        asked: ours.clone(),
    })
}

/// Reads a file to import: its text, or why not (not found, larger than a plan file may be,
/// not UTF-8 text: with the line and column of the first byte that is not). Read as plan files
/// are ([`super::plan_file::read_text`]): bounded, whatever the file is.
pub fn read_import_text(path: &Path) -> Result<String, String> {
    use super::plan_file::{TextReadError, read_text};
    use crate::model::limits::MAX_FILE_BYTES;
    read_text(path, MAX_FILE_BYTES).map_err(|e| match e {
        TextReadError::Read(e) => format!(
            "{} cannot be read ({e}); check the name and try again",
            path.display()
        ),
        TextReadError::TooLarge(_) => format!(
            "{} is larger than {} MB: not a file of exercises to import (nothing was imported)",
            path.display(),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
        TextReadError::NotUtf8 { position, .. } => format!(
            "{}:{position}: this is not UTF-8 text; save the file as UTF-8 and import it again (nothing was imported)",
            path.display()
        ),
    })
}
