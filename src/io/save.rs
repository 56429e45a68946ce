//! Changing a plan file that others may change too. The athlete logs sessions into the plan
//! file (`loadplan log`, or in the window) while the physio may have the same file open, so
//! every write of a plan holds the file's lock (see [`super::lock`]) and reads the file again
//! under it:
//!
//! - [`update_plan`] (the command line) reads, changes and writes the plan all under the lock,
//!   so two `loadplan log` runs at the same time each keep the other's entry.
//! - [`save_plan_from`] (the window) saves a plan that was read long before, from a
//!   [`FileBase`]. When the file changed since, the two versions are merged
//!   ([`model::merge`](crate::model::merge)): what was logged meanwhile is kept; when both
//!   changed the plan itself, nothing is written and the user is asked to reopen or save as.
//!
//! A rewrite keeps the file's line endings (CRLF stays CRLF) and byte-order mark. Comments
//! cannot be kept (the plan is written anew from its data); the first rewrite of a file with
//! comments keeps the file as it was as `FILE.orig` and says so.

use std::borrow::Cow;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::atomic::{
    Links, copy_through_temp, refuse_read_only, remove_stale_temps, split_path, write_atomic_with,
    write_target,
};
use super::lock::{LOCK_WAIT, PlanLock, lock_plan};
use super::plan_file::{PlanFileError, parse_plan, plan_to_string, read_plan_text};
use super::scan;
use crate::model::limits::MAX_FILE_BYTES;
use crate::model::merge::{Merged, merge};
use crate::model::{self, Plan};

/// A plan file as this program last read or wrote it: where, a fingerprint of its bytes (to
/// tell whether the file changed since) and the plan it holds (to tell what changed).
#[derive(Debug, Clone)]
pub struct FileBase {
    path: PathBuf,
    len: usize,
    digest: u64,
    plan: Arc<Plan>,
}

impl PartialEq for FileBase {
    /// The same file with the same bytes (the plan follows from them).
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && self.len == other.len && self.digest == other.digest
    }
}

impl FileBase {
    fn of(path: &Path, text: &str, plan: Plan) -> FileBase {
        FileBase {
            path: path.to_path_buf(),
            len: text.len(),
            digest: digest(text),
            plan: Arc::new(plan),
        }
    }

    /// The file as it was read: `fingerprint` of its bytes, `plan` what it held (a recovery
    /// file keeps these).
    pub(crate) fn from_parts(path: &Path, len: usize, digest: u64, plan: Plan) -> FileBase {
        FileBase {
            path: path.to_path_buf(),
            len,
            digest,
            plan: Arc::new(plan),
        }
    }

    /// Length and digest of the file's bytes as read.
    pub(crate) fn fingerprint(&self) -> (usize, u64) {
        (self.len, self.digest)
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The plan the file held.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan the file held, shared.
    pub fn shared_plan(&self) -> Arc<Plan> {
        Arc::clone(&self.plan)
    }

    /// True when `text` is the file as it was.
    fn is(&self, text: &str) -> bool {
        text.len() == self.len && digest(text) == self.digest
    }
}

fn digest(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Reads and checks the plan file at `path`, remembering the file as read for a later
/// [`save_plan_from`].
pub fn open_plan(path: &Path) -> Result<FileBase, PlanFileError> {
    let text = read_text(path)?;
    let plan = parse_plan(&text, path)?;
    Ok(FileBase::of(path, &text, plan))
}

/// How [`save_plan_from`] went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// The plan was written as it was given.
    Saved,
    /// The file had changed since it was read: what was changed there is kept.
    Merged {
        /// Log entries (sessions or their exercises, PROM scores, decisions) written to the
        /// file meanwhile and kept.
        kept_from_disk: usize,
        /// The plan itself was changed in the file (this save changed only the log), and those
        /// changes are kept.
        plan_from_disk: bool,
    },
}

/// What [`save_plan_from`] wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveReport {
    pub outcome: SaveOutcome,
    /// The file as now written; its plan is the one saved (the merged one after a merge).
    pub base: FileBase,
    /// Where the file as it was is kept, when it had comments the new version cannot keep.
    pub original_kept: Option<PathBuf>,
}

impl SaveReport {
    /// What the user should know besides "saved", each a sentence.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let SaveOutcome::Merged {
            kept_from_disk,
            plan_from_disk,
        } = self.outcome
        {
            notes.push(merged_note(kept_from_disk, plan_from_disk));
        }
        notes.extend(comments_note(
            &self.base.path,
            self.original_kept.as_deref(),
        ));
        notes
    }
}

fn merged_note(kept: usize, plan_from_disk: bool) -> String {
    let entries = match kept {
        0 => String::new(),
        1 => "1 log entry".to_owned(),
        n => format!("{n} log entries"),
    };
    let what = match (kept, plan_from_disk) {
        (_, false) => entries,
        (0, true) => "the changes to the plan".to_owned(),
        (_, true) => format!("{entries} and the changes to the plan"),
    };
    format!(
        "The file was changed meanwhile (by loadplan log or another window): {what} made there are kept."
    )
}

/// The note a rewrite that dropped comments gives: where the file as it was is kept.
pub fn comments_note(file: &Path, original_kept: Option<&Path>) -> Option<String> {
    original_kept.map(|orig| {
        format!(
            "{} had comments, which loadplan does not keep when it rewrites a plan; the file as \
             it was is kept as {}",
            file.display(),
            orig.display()
        )
    })
}

/// Saves `plan` to `path`, which was read as `base` (none for a plan that is not that file's:
/// new, or saved under another name). Under the file's lock, the file is read again: when it
/// changed since `base`, the changes made there are merged in (see [`SaveOutcome::Merged`]);
/// when they cannot be, nothing is written ([`PlanFileError::Conflict`]). A read-only file is
/// refused.
pub fn save_plan_from(
    plan: &Plan,
    path: &Path,
    base: Option<&FileBase>,
) -> Result<SaveReport, PlanFileError> {
    let base = base.filter(|b| b.path == path);
    let _lock = lock(path, Links::Follow)?;
    let current = read_if_exists(path)?;
    let (to_write, outcome) = match (base, current.as_deref()) {
        (Some(base), Some(text)) if !base.is(text) => merged_with(plan, base, text, path)?,
        _ => (Cow::Borrowed(plan), SaveOutcome::Saved),
    };
    // Only a rewrite of the same file keeps its style; another file is simply replaced.
    let previous = current.as_deref().filter(|_| base.is_some());
    let written = write_plan(&to_write, path, Links::Follow, previous)?;
    Ok(SaveReport {
        outcome,
        base: FileBase::of(path, &written.text, to_write.into_owned()),
        original_kept: written.original_kept,
    })
}

/// `plan` merged with the file's `text`, which changed since `base`.
fn merged_with<'a>(
    plan: &'a Plan,
    base: &FileBase,
    text: &str,
    path: &Path,
) -> Result<(Cow<'a, Plan>, SaveOutcome), PlanFileError> {
    let conflict = |what: String| PlanFileError::Conflict {
        path: path.to_path_buf(),
        what,
    };
    let disk = parse_plan(text, path)
        .map_err(|e| conflict(format!("it no longer reads as a plan ({e})")))?;
    let Merged {
        plan: merged,
        kept_from_theirs,
        plan_from_theirs,
    } = merge(base.plan(), &disk, plan).map_err(|c| conflict(c.to_string()))?;
    let outcome = if kept_from_theirs == 0 && !plan_from_theirs {
        SaveOutcome::Saved
    } else {
        SaveOutcome::Merged {
            kept_from_disk: kept_from_theirs,
            plan_from_disk: plan_from_theirs,
        }
    };
    Ok((Cow::Owned(merged), outcome))
}

/// What [`update_plan`] did.
#[derive(Debug)]
pub struct Updated<T> {
    /// What the change returned.
    pub value: T,
    /// The plan after the change (as written, when it was).
    pub plan: Plan,
    /// The change changed the plan, and it was written.
    pub written: bool,
    /// Where the file as it was is kept, when it had comments the new version cannot keep.
    pub original_kept: Option<PathBuf>,
}

/// Reads the plan at `path`, lets `change` change it, and writes it back when it changed,
/// all under the file's lock, so a writer at the same time neither loses its change nor
/// drops this one. Nothing is written when `change` fails or changes nothing. A read-only
/// file is refused.
pub fn update_plan<T, E: From<PlanFileError>>(
    path: &Path,
    change: impl FnOnce(&mut Plan) -> Result<T, E>,
) -> Result<Updated<T>, E> {
    let _lock = lock(path, Links::Follow)?;
    let text = read_text(path)?;
    let mut plan = parse_plan(&text, path)?;
    let before = plan.clone();
    let value = change(&mut plan)?;
    let written = plan != before;
    let original_kept = if written {
        write_plan(&plan, path, Links::Follow, Some(&text))?.original_kept
    } else {
        None
    };
    Ok(Updated {
        value,
        plan,
        written,
        original_kept,
    })
}

/// Saves `plan` to `path` atomically, keeping the previous version as `<name>.bak`: a new
/// file, or one replaced whatever it held (under the file's lock, so never in the middle of
/// another writer's change). A symbolic link at `path` is followed; a read-only file is
/// refused.
pub fn save_plan(plan: &Plan, path: &Path) -> Result<(), PlanFileError> {
    replace_plan(plan, path, Links::Follow)
}

/// [`save_plan`] for a plan made anew (`loadplan new`): a symbolic link at `path` is refused,
/// so the file it points to is never replaced.
pub fn save_new_plan(plan: &Plan, path: &Path) -> Result<(), PlanFileError> {
    replace_plan(plan, path, Links::Refuse)
}

fn replace_plan(plan: &Plan, path: &Path, links: Links) -> Result<(), PlanFileError> {
    let _lock = lock(path, links)?;
    write_plan(plan, path, links, None).map(|_| ())
}

/// Takes the lock of the file a write of `path` replaces.
fn lock(path: &Path, links: Links) -> Result<PlanLock, PlanFileError> {
    let write_error = |source| PlanFileError::Write {
        path: path.to_path_buf(),
        source,
    };
    let target = write_target(path, links).map_err(write_error)?;
    lock_plan(&target, LOCK_WAIT).map_err(|e| match e.kind() {
        io::ErrorKind::TimedOut => PlanFileError::Busy {
            path: path.to_path_buf(),
            waited_secs: LOCK_WAIT.as_secs(),
        },
        _ => write_error(e),
    })
}

fn read_text(path: &Path) -> Result<String, PlanFileError> {
    read_plan_text(path)
}

/// The file's text, or `None` when there is no file yet.
fn read_if_exists(path: &Path) -> Result<Option<String>, PlanFileError> {
    match read_text(path) {
        Ok(text) => Ok(Some(text)),
        Err(PlanFileError::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// What [`write_plan`] wrote.
struct Written {
    text: String,
    original_kept: Option<PathBuf>,
}

/// Writes `plan` to `path`. A rewrite of `previous` (the file's text) keeps its line endings
/// and byte-order mark, and first keeps the file as `FILE.orig` when it has comments.
fn write_plan(
    plan: &Plan,
    path: &Path,
    links: Links,
    previous: Option<&str>,
) -> Result<Written, PlanFileError> {
    let write_error = |source| PlanFileError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut text = checked_text(plan, path)?;
    let mut original_kept = None;
    if let Some(previous) = previous {
        text = in_style_of(text, previous);
        if has_comments(previous) {
            // Nothing is kept of a file that will not be written.
            refuse_read_only(path).map_err(write_error)?;
            let orig = with_suffix(path, ".orig");
            copy_through_temp(path, &orig, "orig").map_err(write_error)?;
            original_kept = Some(orig);
        }
    }
    write_atomic_with(path, text.as_bytes(), links).map_err(write_error)?;
    remove_leftovers(path, links);
    Ok(Written {
        text,
        original_kept,
    })
}

/// Removes every temporary file an interrupted write of the plan at `path` left behind, however
/// young. Called only under the file's lock: every writer of a plan file holds it while its
/// temporary files exist, so any found now belongs to a writer that was killed or crashed
/// (unlocked writes, such as exports, remove only temporary files older than
/// [`super::STALE_TEMP_AGE`]). Failures are ignored: the files are only clutter.
fn remove_leftovers(path: &Path, links: Links) {
    if let Ok(target) = write_target(path, links)
        && let Ok((dir, name)) = split_path(&target)
    {
        remove_stale_temps(&dir, &name, std::time::Duration::ZERO);
    }
}

/// The file text of `plan`, which must read back as the same plan: a plan that breaks a rule
/// of plan files ([`model::validate()`], the limits among them) is not written, so a file
/// loadplan writes always opens again.
fn checked_text(plan: &Plan, path: &Path) -> Result<String, PlanFileError> {
    if let Some(problem) = model::validate(plan).into_iter().next() {
        return Err(PlanFileError::NotSaved {
            path: path.to_path_buf(),
            message: problem.message,
        });
    }
    let text = plan_to_string(plan)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(PlanFileError::NotSaved {
            path: path.to_path_buf(),
            message: format!(
                "the plan would take {} MB, more than the {} MB a plan file may have; remove some \
                 photos or split the plan",
                text.len().div_ceil(1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        });
    }
    parse_plan(&text, path).map_err(|e| PlanFileError::Serialize {
        message: format!("the text written does not read back: {e}"),
    })?;
    Ok(text)
}

/// `text` (written with `\n`) with the line endings and byte-order mark of `previous`.
fn in_style_of(text: String, previous: &str) -> String {
    let text = if previous.contains("\r\n") {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    if previous.starts_with('\u{feff}') {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

/// True when the RON text has a comment (`//` or `/* */`): anything but whitespace between
/// its tokens.
pub(crate) fn has_comments(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut end = 0;
    for token in scan::tokenize(text) {
        if !text[end..token.offset].trim().is_empty() {
            return true;
        }
        end = token.offset + token.text.len();
    }
    !text[end..].trim().is_empty()
}

/// `dir/NAME` -> `dir/NAME<suffix>`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_between_tokens_not_in_strings() {
        assert!(!has_comments(
            "#![enable(implicit_some)]\n(\n    title: \"a // b\",\n)\n"
        ));
        assert!(has_comments("(\n    title: \"a\", // the title\n)\n"));
        assert!(has_comments("/* plan */ (title: \"a\")"));
        assert!(has_comments("(title: \"a\")\n// end\n"));
        assert!(!has_comments("\u{feff}(title: \"a\")\r\n"));
    }

    #[test]
    fn a_rewrite_keeps_crlf_and_the_byte_order_mark() {
        assert_eq!(in_style_of("(\n)\n".to_owned(), "(\r\n)\r\n"), "(\r\n)\r\n");
        assert_eq!(
            in_style_of("(\n)\n".to_owned(), "\u{feff}(\n)"),
            "\u{feff}(\n)\n"
        );
        assert_eq!(in_style_of("(\n)\n".to_owned(), "(\n)\n"), "(\n)\n");
    }
}
