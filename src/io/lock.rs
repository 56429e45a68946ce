//! One writer at a time per plan file. Every change of a plan file (the window's save,
//! `loadplan log`, `loadplan fit --write`, `loadplan new --force`) holds an advisory exclusive
//! lock on `.NAME.lock` beside the file from before it reads the file until its new version
//! is in place, so two writers never both read the same version and each drop the other's
//! change. The lock file is empty and stays (deleting it would let a waiting writer lock a
//! file nobody else sees); it is harmless, and the operating system releases the lock when
//! the holder exits, even after a crash.

use std::ffi::OsString;
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::atomic::split_path;

/// How long a writer waits for another to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(30);

/// The lock on one plan file, released when dropped.
#[derive(Debug)]
pub(crate) struct PlanLock {
    /// Held open: closing the file releases the lock.
    _file: File,
}

/// `dir/.NAME.lock` for `dir/NAME`.
pub(crate) fn lock_path(target: &Path) -> Result<PathBuf, io::Error> {
    let (dir, name) = split_path(target)?;
    let mut lock_name = OsString::from(".");
    lock_name.push(name);
    lock_name.push(".lock");
    Ok(dir.join(lock_name))
}

/// Takes the lock of the file `target` (the file itself, links already resolved), waiting up
/// to `wait` for another writer. A writer that waited too long gets
/// [`io::ErrorKind::TimedOut`].
pub(crate) fn lock_plan(target: &Path, wait: Duration) -> Result<PlanLock, io::Error> {
    let path = lock_path(target)?;
    let file = open_lock_file(&path)?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(PlanLock { _file: file }),
            Err(TryLockError::Error(e)) => return Err(e),
            Err(TryLockError::WouldBlock) if start.elapsed() >= wait => {
                return Err(io::Error::from(io::ErrorKind::TimedOut));
            }
            Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// Opens (creating when needed) the lock file; one another user created may only be readable,
/// which is enough to lock it.
fn open_lock_file(path: &Path) -> Result<File, io::Error> {
    match OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
    {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => File::open(path),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_file_is_hidden_beside_the_plan() {
        assert_eq!(
            lock_path(Path::new("/plans/anna.ron")).expect("a file name"),
            Path::new("/plans/.anna.ron.lock")
        );
        assert_eq!(
            lock_path(Path::new("anna.ron")).expect("a file name"),
            Path::new("./.anna.ron.lock")
        );
    }

    #[test]
    fn a_second_writer_waits_and_then_gives_up() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let plan = dir.path().join("plan.ron");
        let first = lock_plan(&plan, LOCK_WAIT).expect("the first writer locks");
        let err = lock_plan(&plan, Duration::from_millis(50)).expect_err("the second waits");
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);
        drop(first);
        lock_plan(&plan, Duration::from_millis(50)).expect("free again once released");
    }
}
