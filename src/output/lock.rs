//! One build at a time per output folder, and the work folder beside it.
//!
//! A build prepares its new tree in a work folder next to the output folder
//! (`.output.gazette` beside `output`), on the same file system so the tree
//! can be swapped in with one rename, and never inside the published folder.
//! The same folder holds the lock: an exclusive lock on its `lock` file
//! (`flock` on Unix, `LockFileEx` on Windows, through the standard library),
//! which the system releases if the build dies, so a killed build never
//! blocks the next one. A second build into the same folder waits for the
//! first. The lock file is removed when a build ends (and the work folder,
//! unless it keeps the tree the build replaced, `spare`); because a waiting
//! build may then hold a lock on a file that no longer has a name, a lock
//! counts only when the file it locked is still the one at the path.

use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// The work folder for the output folder `output` (absolute).
pub fn work_dir(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    output.with_file_name(format!(".{name}.gazette"))
}

/// A held lock on an output folder's work folder.
#[derive(Debug)]
pub struct Lock {
    file: File,
    dir: PathBuf,
}

impl Lock {
    /// Takes the lock of the work folder `dir`, creating it; calls
    /// `waiting` once if another build holds it, then waits.
    pub fn acquire(dir: &Path, waiting: &dyn Fn()) -> io::Result<Lock> {
        let mut told = false;
        loop {
            fs::create_dir_all(dir)?;
            let path = dir.join("lock");
            let file = File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    if !told {
                        waiting();
                        told = true;
                    }
                    file.lock()?;
                }
                Err(TryLockError::Error(e)) => return Err(e),
            }
            if still_named(&file, &path) {
                return Ok(Lock {
                    file,
                    dir: dir.to_path_buf(),
                });
            }
            // The build we waited for removed the work folder: take the
            // lock of the new one.
        }
    }

    /// Removes the lock file, and the work folder if that leaves it empty,
    /// then lets the next build in.
    pub fn release(self) {
        let _ = fs::remove_file(self.dir.join("lock"));
        let _ = fs::remove_dir(&self.dir);
        drop(self.file);
    }
}

/// Whether `file` is still the file at `path`.
fn still_named(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        // Windows does not let a locked file be removed: the file at the
        // path is the one locked.
        let _ = (file, path);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_work_folder_is_beside_the_output() {
        assert_eq!(
            work_dir(Path::new("/srv/site/output")),
            Path::new("/srv/site/.output.gazette")
        );
    }

    #[test]
    fn a_second_lock_waits_for_the_first_and_survives_its_removal() {
        let tmp = tempfile::tempdir().expect("temp");
        let dir = tmp.path().join(".out.gazette");
        let first = Lock::acquire(&dir, &|| panic!("nobody holds it yet")).expect("lock");
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter = {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let second = Lock::acquire(&dir, &|| tx.send(()).expect("send")).expect("lock");
                assert!(dir.join("lock").is_file(), "the lock file was made again");
                second.release();
            })
        };
        // The second one says it waits, then gets the lock once the first
        // is released (and its folder removed).
        rx.recv().expect("told to wait");
        first.release();
        waiter.join().expect("the waiter");
        assert!(!dir.exists());
    }
}
