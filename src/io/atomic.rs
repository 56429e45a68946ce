//! Atomic file writes. A save or an export must never leave a half-written file behind: the
//! bytes go to a temporary file in the target's folder, are flushed to disk, and only then
//! renamed over the target in one step. The previous version is kept beside it as
//! `NAME.bak`, so a physio can get last session's plan back after a bad edit.
//!
//! A write only goes where it should: a read-only file is never replaced (the rename would
//! only need the folder to be writable), and an export never replaces the file a symbolic link
//! points to ([`Links::Refuse`]). Temporary files an interrupted write left behind are removed
//! by the next successful write of the same file.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What to do when the path to write is a symbolic link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Replace the file the link points to and keep the link (a plan file kept elsewhere).
    Follow,
    /// Refuse: an export or a new plan never writes through a link.
    Refuse,
}

/// Why [`write_atomic`] would not write: the destination is protected. It travels inside the
/// returned [`io::Error`]; [`Refused::of`] gets it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// The file is read-only.
    #[error("the file is read-only")]
    ReadOnly,
    /// The path is a symbolic link and links are not followed.
    #[error("it is a symbolic link, and loadplan does not write through links")]
    Link,
}

impl Refused {
    /// The refusal `err` carries, if it is one.
    pub fn of(err: &io::Error) -> Option<Refused> {
        err.get_ref()?.downcast_ref::<Refused>().copied()
    }

    fn into_error(self) -> io::Error {
        io::Error::new(io::ErrorKind::PermissionDenied, self)
    }
}

/// How old a temporary file of ours must be before a later write removes it: younger ones may
/// belong to a write still under way.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// Writes `bytes` to `path` atomically, keeping the previous version (when there is one) as
/// `<file name>.bak` in the same folder.
///
/// On any failure the file at `path` is left as it was and no temporary file stays behind.
/// A bare file name is written in the current folder. When `path` is a symbolic link, the
/// file it points to is replaced and the link is kept. A read-only file is refused
/// ([`Refused::ReadOnly`]). Error messages never name the temporary file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), io::Error> {
    write_atomic_with(path, bytes, Links::Follow)
}

/// [`write_atomic`], refusing a symbolic link at `path` ([`Refused::Link`]) when `links` says
/// so.
pub fn write_atomic_with(path: &Path, bytes: &[u8], links: Links) -> Result<(), io::Error> {
    let target = write_target(path, links)?;
    let (dir, name) = split_path(&target)?;
    write_in(&dir, &name, bytes).map_err(without_paths)?;
    remove_stale_temps(&dir, &name, STALE_TEMP_AGE);
    Ok(())
}

/// The steps of [`write_atomic_with`] once the file to replace is known.
fn write_in(dir: &Path, name: &OsStr, bytes: &[u8]) -> Result<(), io::Error> {
    let target = dir.join(name);
    let prefix = temp_prefix(name);
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    // Through the `File`, so that an error does not name the temporary file.
    tmp.as_file_mut().write_all(bytes)?;
    tmp.as_file_mut().flush()?;

    let previous = match fs::metadata(&target) {
        Ok(meta) if meta.is_file() => Some(meta),
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "a folder (or other non-file) already has this name",
            ));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(meta) = &previous {
        if meta.permissions().readonly() {
            return Err(Refused::ReadOnly.into_error());
        }
        // The new version keeps the old one's permissions (a temporary file is private).
        tmp.as_file().set_permissions(meta.permissions())?;
    } else {
        // A new file gets the usual permissions of a document (owner writes, others read),
        // not the temporary file's owner-only ones.
        set_new_file_permissions(tmp.as_file())?;
    }
    tmp.as_file().sync_all()?;

    if previous.is_some() {
        let mut bak_name = name.to_os_string();
        bak_name.push(".bak");
        copy_through_temp(&target, &dir.join(bak_name), "bak")?;
    }

    // On failure the `PersistError` drops the temporary file, which deletes it.
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

/// Refuses a read-only file at `path` (through a link; no file is fine), as [`write_atomic`]
/// would: for a caller with more to do before writing.
pub(crate) fn refuse_read_only(path: &Path) -> Result<(), io::Error> {
    match fs::metadata(path) {
        Ok(meta) if meta.permissions().readonly() => Err(Refused::ReadOnly.into_error()),
        _ => Ok(()),
    }
}

/// `.NAME.`: how the temporary files of `NAME` begin (`.NAME.XXXXXX.tmp`, and
/// `.NAME.XXXXXX.bak.tmp` for its backup).
fn temp_prefix(name: &OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    prefix
}

/// The same error without any path in its message: `tempfile` adds the temporary file's (or
/// the folder's) path, which means nothing to the user; the caller names the destination. A
/// refusal is kept as it is; any other error with a message of its own is reduced to its
/// kind, which the callers turn into advice.
fn without_paths(err: io::Error) -> io::Error {
    if err.get_ref().is_none() || Refused::of(&err).is_some() {
        err
    } else {
        io::Error::from(err.kind())
    }
}

/// The file a write of `path` replaces: `path` itself, or the file a symbolic link at `path`
/// points to (or a refusal, when links are refused).
pub(crate) fn write_target(path: &Path, links: Links) -> Result<PathBuf, io::Error> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => match links {
            Links::Follow => fs::canonicalize(path),
            Links::Refuse => Err(Refused::Link.into_error()),
        },
        _ => Ok(path.to_path_buf()),
    }
}

/// True when `a` and `b` name the same existing file, however they reach it (a symbolic link,
/// `..`, a hard link); false when either does not exist.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        fs::canonicalize(a)
            .ok()
            .is_some_and(|ca| fs::canonicalize(b).ok() == Some(ca))
    }
}

/// The folder to write in (the current one for a bare file name) and the file name.
pub(crate) fn split_path(path: &Path) -> Result<(PathBuf, OsString), io::Error> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("\"{}\" does not name a file", path.display()),
        )
    })?;
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((dir, name.to_os_string()))
}

/// Copies `original` to `copy` (in the same folder) through a temporary file
/// `.NAME.XXXXXX.TAG.tmp`, so a failed copy never leaves a truncated copy in place of a good
/// one. The copy has the original's permissions.
pub(crate) fn copy_through_temp(original: &Path, copy: &Path, tag: &str) -> Result<(), io::Error> {
    let (dir, name) = split_path(original)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(&name))
        .suffix(&format!(".{tag}.tmp"))
        .tempfile_in(dir)?;
    let mut source = File::open(original)?;
    io::copy(&mut source, tmp.as_file_mut())?;
    tmp.as_file()
        .set_permissions(source.metadata()?.permissions())?;
    tmp.as_file().sync_all()?;
    tmp.persist(copy).map_err(|e| e.error)?;
    Ok(())
}

/// Removes the temporary files an interrupted write of `name` left in `dir`: exactly
/// `.NAME.XXXXXX.tmp`, `.NAME.XXXXXX.bak.tmp` or `.NAME.XXXXXX.orig.tmp` (six letters or
/// digits, as `tempfile` makes them), last changed more than `age` ago, so a write still under way keeps its file.
/// Failures are ignored: the files are only clutter.
pub(crate) fn remove_stale_temps(dir: &Path, name: &OsStr, age: Duration) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        if !is_temp_of(&entry.file_name(), name) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|d| d >= age);
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// True when `file` is named as a temporary file of `name` is: `.NAME.XXXXXX.tmp`,
/// `.NAME.XXXXXX.bak.tmp` or `.NAME.XXXXXX.orig.tmp`.
fn is_temp_of(file: &OsStr, name: &OsStr) -> bool {
    let (Some(file), Some(name)) = (file.to_str(), name.to_str()) else {
        return false;
    };
    let Some(rest) = file
        .strip_prefix('.')
        .and_then(|r| r.strip_prefix(name))
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_suffix(".tmp"))
    else {
        return false;
    };
    let random = [".bak", ".orig"]
        .iter()
        .find_map(|tag| rest.strip_suffix(tag))
        .unwrap_or(rest);
    random.len() == 6 && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Makes the rename itself durable where the platform allows it; failure only weakens the
/// guarantee after a power cut, so it is ignored.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(unix)]
fn set_new_file_permissions(file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_file: &fs::File) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("folder lists")
            .map(|e| {
                e.expect("folder entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_new_file_without_backup() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("plan.ron");
        write_atomic(&path, b"one").expect("write succeeds");
        assert_eq!(fs::read(&path).expect("file reads"), b"one");
        assert_eq!(names_in(dir.path()), ["plan.ron"]);
    }

    #[test]
    fn keeps_previous_version_as_bak() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("plan.ron");
        write_atomic(&path, b"one").expect("write succeeds");
        write_atomic(&path, b"two").expect("write succeeds");
        assert_eq!(fs::read(&path).expect("file reads"), b"two");
        assert_eq!(
            fs::read(dir.path().join("plan.ron.bak")).expect("file reads"),
            b"one"
        );
        write_atomic(&path, b"three").expect("write succeeds");
        assert_eq!(
            fs::read(dir.path().join("plan.ron.bak")).expect("file reads"),
            b"two"
        );
        assert_eq!(names_in(dir.path()), ["plan.ron", "plan.ron.bak"]);
    }

    #[test]
    fn missing_folder_fails_and_creates_nothing() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("no_such_folder").join("plan.ron");
        let err = write_atomic(&path, b"one").expect_err("writing must fail");
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(names_in(dir.path()).is_empty());
    }

    #[test]
    fn folder_in_the_way_fails_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("plan.ron");
        fs::create_dir(&path).expect("folder created");
        assert!(write_atomic(&path, b"one").is_err());
        assert_eq!(names_in(dir.path()), ["plan.ron"]);
        assert!(path.is_dir());
    }

    #[test]
    fn path_without_file_name_is_refused() {
        assert!(write_atomic(Path::new("/"), b"x").is_err());
        assert!(write_atomic(Path::new(""), b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_refused_and_left_as_it_is() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("plan.ron");
        fs::write(&path, b"old").expect("file writes");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("permissions set");
        let err = write_atomic(&path, b"new").expect_err("a read-only file is refused");
        assert_eq!(Refused::of(&err), Some(Refused::ReadOnly));
        assert_eq!(fs::read(&path).expect("file reads"), b"old");
        assert_eq!(names_in(dir.path()), ["plan.ron"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_refused_when_links_are_not_followed() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let real = dir.path().join("plan.ron");
        fs::write(&real, b"plan").expect("file writes");
        let link = dir.path().join("out.csv");
        std::os::unix::fs::symlink(&real, &link).expect("link created");
        let err = write_atomic_with(&link, b"export", Links::Refuse).expect_err("refused");
        assert_eq!(Refused::of(&err), Some(Refused::Link));
        assert_eq!(fs::read(&real).expect("file reads"), b"plan");
        assert!(
            fs::symlink_metadata(&link)
                .expect("link metadata")
                .file_type()
                .is_symlink()
        );
        assert!(same_file(&real, &link) && !same_file(&real, &dir.path().join("none")));
    }

    #[test]
    fn stale_temporary_files_of_the_file_are_removed_by_the_next_write() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("plan.ron");
        let old = SystemTime::now() - Duration::from_secs(3600);
        let make = |name: &str, modified: SystemTime| {
            let file = File::create(dir.path().join(name)).expect("file created");
            file.set_modified(modified).expect("time set");
        };
        make(".plan.ron.a1B2c3.tmp", old);
        make(".plan.ron.d4E5f6.bak.tmp", old);
        make(".plan.ron.g7H8i9.tmp", SystemTime::now()); // a write still under way
        make(".plan.ron.toolong7.tmp", old); // not our naming
        make(".other.ron.j1K2l3.tmp", old); // another file's
        write_atomic(&path, b"one").expect("write succeeds");
        assert_eq!(
            names_in(dir.path()),
            [
                ".other.ron.j1K2l3.tmp",
                ".plan.ron.g7H8i9.tmp",
                ".plan.ron.toolong7.tmp",
                "plan.ron"
            ]
        );
    }

    #[test]
    fn an_error_names_no_temporary_file_nor_folder() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let not_a_folder = dir.path().join("notes.txt");
        fs::write(&not_a_folder, b"notes").expect("file writes");
        let err = write_atomic(&not_a_folder.join("out.pdf"), b"pdf").expect_err("fails");
        let text = err.to_string();
        assert!(
            !text.contains(".out.pdf.") && !text.contains("notes.txt"),
            "{text}"
        );
        assert_eq!(names_in(dir.path()), ["notes.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_follows_symlinks() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temporary folder");
        let real = dir.path().join("real.ron");
        fs::write(&real, b"old").expect("file writes");
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).expect("permissions set");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).expect("link created");
        write_atomic(&link, b"new").expect("write succeeds");
        assert!(
            fs::symlink_metadata(&link)
                .expect("link metadata")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).expect("file reads"), b"new");
        assert_eq!(
            fs::read(dir.path().join("real.ron.bak")).expect("file reads"),
            b"old"
        );
        let mode = fs::metadata(&real)
            .expect("file metadata")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o640);
    }
}
