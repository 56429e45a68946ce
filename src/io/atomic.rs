//! Atomic file writes. A save or an export must never leave a half-written file behind: the
//! bytes go to a temporary file in the target's folder, are flushed to disk, and only then
//! renamed over the target in one step. The previous version is kept beside it as
//! `NAME.bak`, so a physio can get last session's plan back after a bad edit.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically, keeping the previous version (when there is one) as
/// `<file name>.bak` in the same folder.
///
/// On any failure the file at `path` is left as it was and no temporary file stays behind.
/// A bare file name is written in the current folder. When `path` is a symbolic link, the
/// file it points to is replaced and the link is kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), io::Error> {
    let target = resolve_target(path)?;
    let (dir, name) = split_path(&target)?;

    let mut prefix = OsString::from(".");
    prefix.push(&name);
    prefix.push(".");
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;

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
        // The new version keeps the old one's permissions (a temporary file is private).
        tmp.as_file().set_permissions(meta.permissions())?;
    } else {
        // A new file gets the usual permissions of a document (owner writes, others read),
        // not the temporary file's owner-only ones.
        set_new_file_permissions(tmp.as_file())?;
    }
    tmp.as_file().sync_all()?;

    if previous.is_some() {
        let mut bak_name = name.clone();
        bak_name.push(".bak");
        write_backup(&target, &dir.join(bak_name), &prefix)?;
    }

    // On failure the `PersistError` drops the temporary file, which deletes it.
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// The file to replace: `path` itself, or the file a symbolic link at `path` points to.
fn resolve_target(path: &Path) -> Result<PathBuf, io::Error> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// The folder to write in (the current one for a bare file name) and the file name.
fn split_path(path: &Path) -> Result<(PathBuf, OsString), io::Error> {
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

/// Copies `original` to `backup` through a temporary file, so a failed copy never leaves a
/// truncated backup in place of a good one.
fn write_backup(original: &Path, backup: &Path, prefix: &OsString) -> Result<(), io::Error> {
    let dir = backup.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".bak.tmp")
        .tempfile_in(dir)?;
    let mut source = File::open(original)?;
    io::copy(&mut source, tmp.as_file_mut())?;
    tmp.as_file()
        .set_permissions(source.metadata()?.permissions())?;
    tmp.as_file().sync_all()?;
    tmp.persist(backup).map_err(|e| e.error)?;
    Ok(())
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

#[cfg(unix)]
fn set_new_file_permissions(file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_file: &fs::File) -> io::Result<()> {
    Ok(())
}
