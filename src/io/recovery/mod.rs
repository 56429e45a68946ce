//! Crash recovery files. The window writes its unsaved work (the plan, where it belongs and
//! the file as it was opened) to a recovery file a few seconds after an edit, and removes it
//! when the work is saved or given up; after a crash or a kill, the next start finds the file
//! and offers to restore it.
//!
//! The files live in one folder: `$LOADPLAN_RECOVERY_DIR` when set, else the platform's local
//! data folder (`~/.local/share/loadplan/recovery` on Linux). Each window writes its own,
//! `loadplan-PID-START.recovery` (its process id and start time), so windows on different
//! plans never overwrite each other's, and holds an advisory lock on `loadplan-PID-START.lock`
//! for as long as it runs: a file whose lock can be taken belongs to a window that is gone
//! and is offered; one whose lock is held belongs to a window still running and is left alone.
//! A write goes through a temporary file renamed over the old one, so a crash while writing
//! leaves the previous recovery file whole.

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local};
use serde::{Deserialize, Serialize};

use super::atomic::remove_stale_temps;
use super::plan_file::{parse_plan, plan_to_string};
use super::save::FileBase;
use crate::model::Plan;

/// The environment variable that names the recovery folder (tests and portable set-ups).
pub const RECOVERY_DIR_VAR: &str = "LOADPLAN_RECOVERY_DIR";

/// The version of the recovery file's format.
const FORMAT: u32 = 1;
/// How recovery and lock files are named: `loadplan-PID-START.recovery` and `.lock`.
const PREFIX: &str = "loadplan-";
const RECOVERY_EXT: &str = "recovery";
const LOCK_EXT: &str = "lock";
/// What an unreadable recovery file is renamed to (`NAME.recovery.unreadable`), so it is
/// not offered again and nothing is lost.
const UNREADABLE_EXT: &str = "unreadable";

/// The recovery folder: `$LOADPLAN_RECOVERY_DIR` when set (and not empty), else
/// `recovery` in the platform's local data folder. `None` when the platform has no home
/// folder.
pub fn recovery_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(RECOVERY_DIR_VAR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "loadplan").map(|d| d.data_local_dir().join("recovery"))
}

/// Why a recovery file could not be written or removed.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error("cannot write the recovery file {}: {source}", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot delete the recovery file {}: {source}", .path.display())]
    Remove {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// The file as it is written.
#[derive(Serialize, Deserialize)]
struct RecoveryText {
    loadplan_recovery: u32,
    /// When it was written (local time with its offset).
    written: DateTime<FixedOffset>,
    /// The process that wrote it.
    pid: u32,
    /// What the window called the plan ("runner.ron", "New plan").
    name: String,
    /// The plan's file, when it has one.
    path: Option<PathBuf>,
    /// The plan file as it was opened or last saved, to merge with at the next save.
    base: Option<BaseText>,
    /// The unsaved plan, as a plan file.
    plan: String,
}

/// A plan file as it was read: its fingerprint and plan.
#[derive(Serialize, Deserialize)]
struct BaseText {
    len: usize,
    digest: u64,
    plan: String,
}

/// Unsaved work found in the recovery file of a window that is gone.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// The recovery file.
    pub file: PathBuf,
    /// When it was written.
    pub written: DateTime<FixedOffset>,
    /// The process that wrote it.
    pub pid: u32,
    /// What the window called the plan.
    pub name: String,
    /// The plan's file, when it has one (a save writes there).
    pub path: Option<PathBuf>,
    /// The file as it was opened or last saved, when the plan has a file.
    pub base: Option<FileBase>,
    /// The unsaved plan.
    pub plan: Plan,
}

/// A recovery file that does not read (damaged, or of a newer loadplan).
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// Where it is now (renamed so it is not offered again).
    pub kept_as: PathBuf,
    /// What is wrong with it, to follow "the recovery file": "is damaged (...)".
    pub reason: String,
}

/// What a look into the recovery folder found: unsaved work of windows that are gone, newest
/// first, and recovery files that do not read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found {
    pub recovered: Vec<Recovered>,
    pub unreadable: Vec<Unreadable>,
}

/// This window's recovery file and the lock that tells other windows it is in use. The lock
/// is taken at the first write and held until the slot is dropped.
#[derive(Debug)]
pub struct RecoverySlot {
    dir: PathBuf,
    stem: String,
    lock: Mutex<Option<File>>,
}

impl RecoverySlot {
    /// The slot of this process in `dir` (nothing is written yet).
    pub fn new(dir: PathBuf) -> RecoverySlot {
        let start = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        RecoverySlot {
            dir,
            stem: format!("{PREFIX}{}-{start}", std::process::id()),
            lock: Mutex::new(None),
        }
    }

    /// The recovery folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This window's recovery file.
    pub fn file(&self) -> PathBuf {
        self.dir.join(format!("{}.{RECOVERY_EXT}", self.stem))
    }

    fn lock_file(&self) -> PathBuf {
        self.dir.join(format!("{}.{LOCK_EXT}", self.stem))
    }

    /// Writes the unsaved `plan` (called `name` in the window; its file `path`, opened or last
    /// saved as `base`) to this window's recovery file, replacing what it held.
    pub fn write(
        &self,
        name: &str,
        plan: &Plan,
        path: Option<&Path>,
        base: Option<&FileBase>,
    ) -> Result<(), RecoveryError> {
        let file = self.file();
        self.try_write(name, plan, path, base)
            .map_err(|source| RecoveryError::Write { path: file, source })
    }

    fn try_write(
        &self,
        name: &str,
        plan: &Plan,
        path: Option<&Path>,
        base: Option<&FileBase>,
    ) -> Result<(), io::Error> {
        let text = RecoveryText {
            loadplan_recovery: FORMAT,
            written: Local::now().fixed_offset(),
            pid: std::process::id(),
            name: name.to_owned(),
            path: path.map(Path::to_path_buf),
            base: base
                .map(|b| {
                    let (len, digest) = b.fingerprint();
                    plan_to_string(b.plan()).map(|plan| BaseText { len, digest, plan })
                })
                .transpose()
                .map_err(io::Error::other)?,
            plan: plan_to_string(plan).map_err(io::Error::other)?,
        };
        let bytes = ron::ser::to_string_pretty(&text, ron::ser::PrettyConfig::default())
            .map_err(io::Error::other)?;
        fs::create_dir_all(&self.dir)?;
        self.hold_lock()?;
        let file = self.file();
        let name = file.file_name().unwrap_or_default().to_os_string();
        // Private (the temporary file is made readable by its owner only) and atomic.
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".{}.", name.to_string_lossy()))
            .suffix(".tmp")
            .tempfile_in(&self.dir)?;
        tmp.as_file_mut().write_all(bytes.as_bytes())?;
        tmp.as_file_mut().flush()?;
        tmp.as_file().sync_all()?;
        tmp.persist(&file).map_err(|e| e.error)?;
        Ok(())
    }

    /// Takes this window's lock, once.
    fn hold_lock(&self) -> Result<(), io::Error> {
        let mut held = self
            .lock
            .lock()
            .map_err(|_| io::Error::other("the recovery lock was poisoned"))?;
        if held.is_none() {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(self.lock_file())?;
            file.try_lock().map_err(|e| match e {
                TryLockError::Error(e) => e,
                TryLockError::WouldBlock => io::Error::other("another window holds its lock"),
            })?;
            *held = Some(file);
        }
        Ok(())
    }

    /// Deletes this window's recovery file (nothing to do when there is none).
    pub fn remove(&self) -> Result<(), RecoveryError> {
        let file = self.file();
        match fs::remove_file(&file) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(RecoveryError::Remove { path: file, source }),
        }
    }

    /// True when `file` is this window's recovery file.
    pub fn owns(&self, file: &Path) -> bool {
        file == self.file()
    }
}

impl Drop for RecoverySlot {
    /// Releases the lock; the lock file goes too when no recovery file is left (a window that
    /// closed cleanly leaves nothing behind).
    fn drop(&mut self) {
        let held = self.lock.get_mut().map(Option::take).unwrap_or(None);
        if let Some(file) = held {
            drop(file);
            if !self.file().exists() {
                let _ = fs::remove_file(self.lock_file());
            }
        }
    }
}

/// The stem (`loadplan-PID-START`) of a recovery or lock file name of ours with extension
/// `ext`.
fn stem_of<'a>(name: &'a OsStr, ext: &str) -> Option<&'a str> {
    let name = name.to_str()?;
    let stem = name.strip_suffix(ext)?.strip_suffix('.')?;
    let (pid, start) = stem.strip_prefix(PREFIX)?.split_once('-')?;
    (is_number(pid) && is_number(start)).then_some(stem)
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// True when the window of `stem` in `dir` is still running (it holds its lock).
fn is_live(dir: &Path, stem: &str) -> bool {
    let Ok(file) = OpenOptions::new()
        .write(true)
        .open(dir.join(format!("{stem}.{LOCK_EXT}")))
    else {
        // No lock file (or none that opens): a window always makes it before writing.
        return false;
    };
    matches!(file.try_lock(), Err(TryLockError::WouldBlock))
}

/// Looks in `dir` for the recovery files of windows that are gone (never `own`'s, never a
/// running window's). Each readable one is returned; each unreadable one is renamed to
/// `NAME.unreadable` and reported. Lock files and temporary files left by windows that are
/// gone without a recovery file are removed. A missing folder finds nothing.
pub fn find_recovery(dir: &Path, own: Option<&RecoverySlot>) -> Found {
    let mut found = Found::default();
    let Ok(entries) = fs::read_dir(dir) else {
        return found;
    };
    let mut names: Vec<std::ffi::OsString> = entries.flatten().map(|e| e.file_name()).collect();
    names.sort();
    for name in &names {
        let file = dir.join(name);
        if own.is_some_and(|s| s.owns(&file) || s.lock_file() == file) {
            continue;
        }
        if let Some(stem) = stem_of(name, RECOVERY_EXT) {
            if is_live(dir, stem) {
                continue;
            }
            remove_stale_temps(dir, name, Duration::ZERO);
            match read_recovery(&file) {
                Ok(r) => found.recovered.push(r),
                Err(reason) => {
                    let mut kept = name.clone();
                    kept.push(format!(".{UNREADABLE_EXT}"));
                    let kept_as = dir.join(kept);
                    let kept_as = match fs::rename(&file, &kept_as) {
                        Ok(()) => kept_as,
                        Err(_) => file.clone(),
                    };
                    let _ = fs::remove_file(dir.join(format!("{stem}.{LOCK_EXT}")));
                    found.unreadable.push(Unreadable { kept_as, reason });
                }
            }
        } else if let Some(stem) = stem_of(name, LOCK_EXT) {
            let has_file = names.iter().any(|n| stem_of(n, RECOVERY_EXT) == Some(stem));
            if !has_file && !is_live(dir, stem) {
                let _ = fs::remove_file(&file);
            }
        }
    }
    found
        .recovered
        .sort_by_key(|r| std::cmp::Reverse(r.written));
    found
}

/// Reads one recovery file.
fn read_recovery(file: &Path) -> Result<Recovered, String> {
    let text = fs::read_to_string(file).map_err(|e| format!("cannot be read ({e})"))?;
    let r: RecoveryText = ron::from_str(&text).map_err(|e| format!("is damaged ({e})"))?;
    if r.loadplan_recovery > FORMAT {
        return Err(
            "was written by a newer version of loadplan; update loadplan to restore it".to_owned(),
        );
    }
    let plan =
        parse_plan(&r.plan, file).map_err(|e| format!("holds a plan that does not read ({e})"))?;
    let base = match (&r.path, r.base) {
        (Some(path), Some(b)) => {
            let base_plan = parse_plan(&b.plan, file)
                .map_err(|e| format!("holds a copy of the plan file that does not read ({e})"))?;
            Some(FileBase::from_parts(path, b.len, b.digest, base_plan))
        }
        _ => None,
    };
    Ok(Recovered {
        file: file.to_path_buf(),
        written: r.written,
        pid: r.pid,
        name: r.name,
        path: r.path,
        base,
        plan,
    })
}

/// Deletes the recovery file `file` of a window that is gone, with its lock file and any
/// temporary file it left (nothing to do for what is already gone).
pub fn discard_recovery(file: &Path) -> Result<(), RecoveryError> {
    let removed = match fs::remove_file(file) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(RecoveryError::Remove {
            path: file.to_path_buf(),
            source,
        }),
    };
    if let (Some(dir), Some(name)) = (file.parent(), file.file_name()) {
        remove_stale_temps(dir, name, Duration::ZERO);
        if let Some(stem) = stem_of(name, RECOVERY_EXT) {
            let _ = fs::remove_file(dir.join(format!("{stem}.{LOCK_EXT}")));
        }
    }
    removed
}

#[cfg(test)]
mod tests;
