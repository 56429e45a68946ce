//! The plan file: a versioned, hand-editable RON document. Reading checks the format version,
//! parses, gives phases and prescriptions their ids, copies in any exercise the file only
//! names (from the built-in library) and validates the result, so a loaded plan is always
//! sound. Every failure names the file and, when it can, the line and column, like a compiler:
//! `plan.ron:14:9: expected a whole number for `sets`, found "three"`.

use std::cell::OnceCell;
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::atomic::Refused;
use super::scan::{self, Token};
use super::{pretty, ron_error};
use crate::library::{self, LibraryError};
use crate::model::limits::MAX_FILE_BYTES;
use crate::model::quote::quote;
use crate::model::{self, Anchor, FORMAT_VERSION, Plan};

/// A place in a file: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextPosition {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for TextPosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Why a plan file could not be read or written. Each message is one line: the file (and
/// line:column when known), what is wrong, and what to do.
#[derive(Debug, thiserror::Error)]
pub enum PlanFileError {
    /// The file could not be read from disk.
    #[error("{}: cannot open the plan: {}", qpath(.path), read_advice(.source))]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The file is larger than a plan file may be ([`MAX_FILE_BYTES`]); it was not read.
    #[error(
        "{}: the file is {}, more than the {} MB a plan file may have; check that it is a plan \
         file (a plan is mostly its photos: remove some, or split the plan)",
        qpath(.path), size_words(*.bytes), MAX_FILE_BYTES / (1024 * 1024)
    )]
    TooLarge {
        path: PathBuf,
        /// The size, when the file system gives it (a device or pipe has none).
        bytes: Option<u64>,
    },
    /// The text is not a well-formed plan.
    #[error("{}:{position}: {message}", qpath(.path))]
    Parse {
        path: PathBuf,
        position: TextPosition,
        /// What was expected, what was found, how to write it.
        message: String,
    },
    /// The plan reads but does not make sense (see [`model::validate()`]), or its format is
    /// newer than this program.
    #[error("{}: {message}", place(.path, *.position))]
    Invalid {
        path: PathBuf,
        /// Where the problem is, when it can be found in the text.
        position: Option<TextPosition>,
        /// The validation problem, in words a physio can act on.
        message: String,
    },
    /// Prescriptions name exercises that are neither in the plan nor in the built-in library.
    #[error("{}: {}", place(.path, *.position), unknown_message(.ids))]
    UnknownExercises {
        path: PathBuf,
        /// Where the first unknown exercise is named.
        position: Option<TextPosition>,
        ids: Vec<String>,
    },
    /// The file could not be written; the previous version is untouched.
    #[error("{}: cannot save the plan: {}", qpath(.path), write_advice(.source))]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The plan breaks a rule of plan files (see [`model::validate()`]), so the file it would
    /// make would not open again; nothing was written.
    #[error("{}: not saved: {message} (the file is unchanged)", qpath(.path))]
    NotSaved {
        path: PathBuf,
        /// The first problem, in words a physio can act on.
        message: String,
    },
    /// The file changed on disk since it was opened in a way that cannot be merged with this
    /// save (both changed the plan itself, or the same log entry); nothing was written.
    #[error(
        "{}: not saved: the file was changed since it was opened, and {what}; reopen it to see \
         those changes, or save under another name (Save as); the file is unchanged",
        qpath(.path)
    )]
    Conflict {
        path: PathBuf,
        /// What both changed, in words.
        what: String,
    },
    /// Another writer held the file's lock for too long.
    #[error(
        "{}: cannot save the plan: another loadplan has been writing it for {waited_secs} s; \
         try again in a moment (the file is unchanged)",
        qpath(.path)
    )]
    Busy { path: PathBuf, waited_secs: u64 },
    /// The plan could not be turned into text (a bug: every plan should serialise).
    #[error("cannot turn the plan into text ({message}); please report this as a bug")]
    Serialize { message: String },
    /// The built-in exercise library is broken (a bug: it ships with the program).
    #[error("cannot read the built-in exercise library ({source}); please report this as a bug")]
    Library {
        #[from]
        source: LibraryError,
    },
}

impl PlanFileError {
    /// The file concerned, when there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            PlanFileError::Read { path, .. }
            | PlanFileError::TooLarge { path, .. }
            | PlanFileError::Parse { path, .. }
            | PlanFileError::Invalid { path, .. }
            | PlanFileError::UnknownExercises { path, .. }
            | PlanFileError::Write { path, .. }
            | PlanFileError::NotSaved { path, .. }
            | PlanFileError::Conflict { path, .. }
            | PlanFileError::Busy { path, .. } => Some(path),
            PlanFileError::Serialize { .. } | PlanFileError::Library { .. } => None,
        }
    }

    /// Line and column of the problem, when known (an editor can jump there).
    pub fn position(&self) -> Option<TextPosition> {
        match self {
            PlanFileError::Parse { position, .. } => Some(*position),
            PlanFileError::Invalid { position, .. }
            | PlanFileError::UnknownExercises { position, .. } => *position,
            _ => None,
        }
    }
}

/// `plan.ron:12:5`, or `plan.ron` when the position is unknown.
fn place(path: &Path, position: Option<TextPosition>) -> String {
    match position {
        Some(p) => format!("{}:{p}", qpath(path)),
        None => qpath(path),
    }
}

/// A file's name in a message: whole, on one line (see [`crate::model::quote::path`]).
fn qpath(path: &Path) -> String {
    crate::model::quote::path(path)
}

/// `70.0 MB`, or `larger` when the size is unknown.
fn size_words(bytes: Option<u64>) -> String {
    match bytes {
        #[allow(clippy::cast_precision_loss)] // a size shown to one decimal
        Some(n) => format!("{:.1} MB", n as f64 / (1024.0 * 1024.0)),
        None => "larger".to_owned(),
    }
}

fn read_advice(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "the file does not exist; check its name and folder".into(),
        io::ErrorKind::PermissionDenied => {
            "permission denied; check that you may read this file".into()
        }
        io::ErrorKind::InvalidData => {
            "it is not a text file (not UTF-8); choose a .ron plan file".into()
        }
        io::ErrorKind::IsADirectory => "it is a folder; choose a .ron plan file".into(),
        _ => err.to_string(),
    }
}

fn write_advice(err: &io::Error) -> String {
    format!(
        "{} (any previous version of the file is unchanged)",
        write_problem(err)
    )
}

/// Why a write failed and what to do, for a plan or an export.
pub(crate) fn write_problem(err: &io::Error) -> String {
    match Refused::of(err) {
        Some(Refused::ReadOnly) => {
            "the file is read-only; make it writable (chmod u+w FILE, or untick Read-only in its \
             properties) or save under another name"
                .into()
        }
        Some(Refused::Link) => "it is a symbolic link, and loadplan does not replace the file a \
             link points to; remove the link or choose another name"
            .into(),
        None => kind_advice(err),
    }
}

/// Advice on a failed write, by the kind of error.
fn kind_advice(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "the folder does not exist; choose an existing folder".into(),
        io::ErrorKind::PermissionDenied => {
            "permission denied; choose a folder you may write to".into()
        }
        io::ErrorKind::StorageFull => "the disk is full; free some space and save again".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only; save to another folder".into(),
        io::ErrorKind::IsADirectory => "a folder has this name; choose another name".into(),
        io::ErrorKind::NotADirectory => {
            "part of the path is a file, not a folder; choose an existing folder".into()
        }
        _ => err.to_string(),
    }
}

fn unknown_message(ids: &[String]) -> String {
    let quoted: Vec<String> = ids.iter().take(5).map(|id| quote(id)).collect();
    let more = match ids.len().saturating_sub(5) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let (noun, pronoun) = if ids.len() == 1 {
        ("exercise", "it is")
    } else {
        ("exercises", "they are")
    };
    format!(
        "unknown {noun} {}: {pronoun} neither in the plan's `exercises` nor in the built-in \
         library; check the spelling (`loadplan library` lists the ids) or add the exercise to \
         `exercises`",
        quoted.join(", ") + &more
    )
}

/// Reads a plan from `text`; `path` is only used in error messages.
///
/// Steps: refuse a newer format, parse (with `implicit_some` on, so optional values are
/// written bare), assign missing ids, copy in exercises the file only names, validate.
pub fn parse_plan(text: &str, path: &Path) -> Result<Plan, PlanFileError> {
    // Some Windows editors start a UTF-8 file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The file's tokens, to point at a problem: made only when there is one (a list of them
    // takes several times the memory of the text).
    let tokens = OnceCell::new();
    let tokens = || tokens.get_or_init(|| scan::tokenize(text)).as_slice();
    let root = || scan::root_open(tokens());

    let parsed: Result<Plan, _> = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str(text);
    let mut plan = match parsed {
        Ok(plan) => plan,
        Err(err) => {
            // A newer format may not parse at all, and its parse error would hide the cause.
            refuse_newer_format(tokens(), root(), path)?;
            let explained = ron_error::explain(text, &err);
            return Err(PlanFileError::Parse {
                path: path.to_path_buf(),
                position: TextPosition {
                    line: explained.line,
                    column: explained.column,
                },
                message: explained.message,
            });
        }
    };
    if plan.format_version > FORMAT_VERSION {
        refuse_newer_format(tokens(), root(), path)?;
        return Err(PlanFileError::Invalid {
            path: path.to_path_buf(),
            position: None,
            message: newer_format_message(plan.format_version),
        });
    }
    plan.assign_ids();
    // In memory a plan is always of the newest format; saving writes the lowest version that
    // holds it (see `set_format_version`).
    plan.format_version = FORMAT_VERSION;

    let unknown = library::fill_missing(&mut plan, library::builtin()?);
    if let Some(first) = unknown.first() {
        let position = plan
            .prescriptions
            .iter()
            .position(|rx| &rx.exercise == first)
            .and_then(|i| exercise_value_of_prescription(tokens(), root()?, i, first))
            .map(|i| token_position(&tokens()[i]));
        return Err(PlanFileError::UnknownExercises {
            path: path.to_path_buf(),
            position,
            ids: unknown,
        });
    }

    if let Some(problem) = model::validate(&plan).into_iter().next() {
        let position = root()
            .and_then(|root| locate(tokens(), root, &plan, problem.anchor))
            .map(|entry| in_entry(tokens(), entry, problem.field))
            .map(|i| token_position(&tokens()[i]));
        return Err(PlanFileError::Invalid {
            path: path.to_path_buf(),
            position,
            message: problem.message,
        });
    }
    Ok(plan)
}

/// Reads and checks the plan file at `path`. The file is only read, never changed.
pub fn load_plan(path: &Path) -> Result<Plan, PlanFileError> {
    let text = read_plan_text(path)?;
    parse_plan(&text, path)
}

/// Why a text file could not be read: [`read_text`].
#[derive(Debug)]
pub(crate) enum TextReadError {
    /// Not opened or not read.
    Read(io::Error),
    /// Larger than allowed: its size, when the file system gives one.
    TooLarge(Option<u64>),
    /// Not UTF-8: where the first byte that is not stands, and that byte.
    NotUtf8 { position: TextPosition, byte: u8 },
}

/// The text of the file at `path`, at most `max` bytes: a larger file is refused before it is
/// read, and reading stops there whatever the file system says (a device, a pipe, a file that
/// grows), so memory stays bounded. Text that is not UTF-8 is refused with the line and
/// column of the first byte that is not.
pub(crate) fn read_text(path: &Path, max: u64) -> Result<String, TextReadError> {
    let file = std::fs::File::open(path).map_err(TextReadError::Read)?;
    let size = file.metadata().map_err(TextReadError::Read)?.len();
    if size > max {
        return Err(TextReadError::TooLarge(Some(size)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(TextReadError::Read)?;
    if bytes.len() as u64 > max {
        return Err(TextReadError::TooLarge(None));
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let text = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let (line, column) = scan::position_of(text, valid);
        TextReadError::NotUtf8 {
            position: TextPosition { line, column },
            byte: bytes.get(valid).copied().unwrap_or(0),
        }
    })
}

/// The text of the plan file at `path`, read as [`read_text`] reads, at most
/// [`MAX_FILE_BYTES`].
pub(crate) fn read_plan_text(path: &Path) -> Result<String, PlanFileError> {
    let path_buf = || path.to_path_buf();
    read_text(path, MAX_FILE_BYTES).map_err(|e| match e {
        TextReadError::Read(source) => PlanFileError::Read {
            path: path_buf(),
            source,
        },
        TextReadError::TooLarge(bytes) => PlanFileError::TooLarge {
            path: path_buf(),
            bytes,
        },
        TextReadError::NotUtf8 { position, byte } => PlanFileError::Parse {
            path: path_buf(),
            position,
            message: format!(
                "byte 0x{byte:02x} is not UTF-8 text; save the file as UTF-8 (in the editor's \
                 Save as, choose the encoding UTF-8)"
            ),
        },
    })
}

/// The plan as file text: starts with `#![enable(implicit_some)]`, one field per line, four
/// spaces of indentation, short lists and small number-only structs on one line.
pub fn plan_to_string(plan: &Plan) -> Result<String, PlanFileError> {
    let config = PrettyConfig::new()
        .depth_limit(usize::MAX)
        .indentor("    ")
        .new_line("\n")
        .separator(" ")
        .struct_names(false)
        .separate_tuple_members(false)
        .escape_strings(true)
        .extensions(Extensions::IMPLICIT_SOME);
    let text =
        ron::ser::to_string_pretty(plan, config).map_err(|err| PlanFileError::Serialize {
            message: err.to_string(),
        })?;
    let mut text = pretty::compact(&text);
    set_format_version(&mut text, plan.required_format_version());
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// Writes the lowest format version that can hold the plan into the file text (the field is
/// the first of the root struct), so a plan without a log still opens in older programs.
fn set_format_version(text: &mut String, version: u32) {
    const FIELD: &str = "format_version: ";
    let Some(start) = text.find(FIELD).map(|i| i + FIELD.len()) else {
        return;
    };
    let end = text[start..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(text.len(), |n| start + n);
    text.replace_range(start..end, &version.to_string());
}

/// Refuses a file whose `format_version` is newer than this program before parsing it, as a
/// newer format may not parse at all and its parse error would hide the real cause.
fn refuse_newer_format(
    tokens: &[Token<'_>],
    root: Option<usize>,
    path: &Path,
) -> Result<(), PlanFileError> {
    let Some(value) = root.and_then(|root| scan::field_value(tokens, root, "format_version"))
    else {
        return Ok(());
    };
    let Ok(version) = tokens[value].text.replace('_', "").parse::<u32>() else {
        return Ok(());
    };
    if version <= FORMAT_VERSION {
        return Ok(());
    }
    Err(PlanFileError::Invalid {
        path: path.to_path_buf(),
        position: Some(token_position(&tokens[value])),
        message: newer_format_message(version),
    })
}

/// What to do with a plan of format `version`, newer than this program reads.
fn newer_format_message(version: u32) -> String {
    let probe = Plan {
        format_version: version,
        ..Plan::default()
    };
    model::validate(&probe)
        .into_iter()
        .find(|p| p.anchor == Anchor::Field("format_version"))
        .map_or_else(
            || {
                format!(
                    "format_version {version} is newer than this loadplan reads \
                     ({FORMAT_VERSION}); update loadplan to open it"
                )
            },
            |p| p.message,
        )
}

fn token_position(token: &Token<'_>) -> TextPosition {
    TextPosition {
        line: token.line,
        column: token.column,
    }
}

/// The token where `anchor` is written in the file, or `None` when it cannot be found with
/// certainty (a wrong line would mislead more than none).
fn locate(tokens: &[Token<'_>], root: usize, plan: &Plan, anchor: Anchor) -> Option<usize> {
    match anchor {
        Anchor::Field(name) => scan::field_key(tokens, root, name),
        Anchor::Phase(i) => {
            let entries = scan::list_entries(tokens, root, "phases")?;
            let entry = *entries.get(i)?;
            (scan::entry_string(tokens, entry, "name")? == plan.phases.get(i)?.name)
                .then_some(entry)
        }
        Anchor::Prescription(i) => {
            let entries = scan::list_entries(tokens, root, "prescriptions")?;
            let entry = *entries.get(i)?;
            let id = &plan.prescriptions.get(i)?.exercise;
            (scan::entry_string(tokens, entry, "exercise").as_ref() == Some(id)).then_some(entry)
        }
        Anchor::LogEntry(i) => scan::list_entries(tokens, root, "log")?.get(i).copied(),
        Anchor::Prom(i) => scan::list_entries(tokens, root, "proms")?.get(i).copied(),
        Anchor::Adjustment(i) => scan::list_entries(tokens, root, "adjustments")?
            .get(i)
            .copied(),
        Anchor::Exercise(i) => {
            // Exercises copied in from the library are not in the file; an entry is only
            // trusted when its id matches.
            let entries = scan::list_entries(tokens, root, "exercises")?;
            let id = &plan.exercises.get(i)?.id;
            let has_id = |&e: &usize| scan::entry_string(tokens, e, "id").as_ref() == Some(id);
            entries
                .get(i)
                .copied()
                .filter(has_id)
                .or_else(|| entries.iter().copied().find(has_id))
        }
    }
}

/// The key of `field` in the entry starting at `entry`, when the problem is in one field and
/// the entry writes it; else the entry itself.
fn in_entry(tokens: &[Token<'_>], entry: usize, field: Option<&str>) -> usize {
    field
        .and_then(|field| scan::field_key(tokens, scan::entry_open(tokens, entry)?, field))
        .unwrap_or(entry)
}

/// The token of the `exercise` value of prescription `i`, when it names `id`.
fn exercise_value_of_prescription(
    tokens: &[Token<'_>],
    root: usize,
    i: usize,
    id: &str,
) -> Option<usize> {
    let entry = *scan::list_entries(tokens, root, "prescriptions")?.get(i)?;
    let open = scan::entry_open(tokens, entry)?;
    let value = scan::field_value(tokens, open, "exercise")?;
    (scan::unescape(tokens[value].text)? == id).then_some(value)
}
