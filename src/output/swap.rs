//! Putting a prepared tree in place of the published one, in one step.
//!
//! On Linux and macOS the two folders trade places in a single atomic
//! rename (`renameat2` with `RENAME_EXCHANGE`, `renamex_np` with
//! `RENAME_SWAP`, through rustix): at every instant the output path names
//! either the whole old tree or the whole new one, even if the process is
//! killed. Where the file system cannot exchange, the old tree is renamed
//! aside first, then the new one into place: a reader may then find no
//! folder for an instant, never a mix, and a build killed between the two
//! renames leaves the old tree aside, which the next build puts back.

use std::fs;
use std::io;
use std::path::Path;

/// Replaces the folder `output` with the folder `new`; the old tree ends at
/// `new`'s path (an exchange) or at `aside` (two renames). Returns where the
/// old tree is now.
pub fn replace<'a>(new: &'a Path, output: &Path, aside: &'a Path) -> io::Result<&'a Path> {
    if fs::symlink_metadata(output).is_err() {
        fs::rename(new, output)?;
        return Ok(new);
    }
    match exchange(new, output) {
        Ok(()) => Ok(new),
        Err(e) if cannot_exchange(&e) => {
            fs::rename(output, aside)?;
            if let Err(e) = fs::rename(new, output) {
                // Put the old tree back: the output is as it was.
                let _ = fs::rename(aside, output);
                return Err(e);
            }
            Ok(aside)
        }
        Err(e) => Err(e),
    }
}

/// Puts back a tree a killed build left aside (see the module's doc).
pub fn recover(output: &Path, aside: &Path) -> io::Result<()> {
    if fs::symlink_metadata(aside).is_ok() {
        if fs::symlink_metadata(output).is_err() {
            fs::rename(aside, output)?;
        } else {
            remove_tree(aside)?;
        }
    }
    Ok(())
}

/// Removes a tree of Gazette's work folder (a new tree given up, an old
/// one replaced). Folders someone made read-only in the published tree
/// (which the old tree was) are made writable for their owner first, so
/// nothing is left behind for want of a permission.
pub fn remove_tree(path: &Path) -> io::Result<()> {
    match remove_in_parallel(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            for entry in walkdir::WalkDir::new(path)
                .follow_links(false)
                .into_iter()
                .flatten()
            {
                if entry.file_type().is_dir()
                    && let Ok(meta) = entry.metadata()
                {
                    let mut permissions = meta.permissions();
                    owner_may_write(&mut permissions);
                    let _ = fs::set_permissions(entry.path(), permissions);
                }
            }
            fs::remove_dir_all(path)
        }
        Err(e) => Err(e),
    }
}

/// Removes a tree, its top-level entries side by side (a replaced site is
/// tens of thousands of names to unlink).
fn remove_in_parallel(path: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let entries: Vec<fs::DirEntry> = match fs::read_dir(path) {
        Ok(read) => read.collect::<io::Result<_>>()?,
        Err(e) => return Err(e),
    };
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())
        } else {
            fs::remove_file(entry.path())
        }
    })?;
    fs::remove_dir(path)
}

#[cfg(unix)]
pub(super) fn owner_may_write(permissions: &mut fs::Permissions) {
    use std::os::unix::fs::PermissionsExt;
    permissions.set_mode(permissions.mode() | 0o700);
}

#[cfg(not(unix))]
#[allow(clippy::permissions_set_readonly_false)]
pub(super) fn owner_may_write(permissions: &mut fs::Permissions) {
    permissions.set_readonly(false);
}

#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Whether `e` says the system or file system cannot exchange two paths.
fn cannot_exchange(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::Unsupported
        || matches!(
            e.raw_os_error(),
            // EINVAL, ENOSYS, EOPNOTSUPP/ENOTSUP on Linux and macOS.
            Some(22) | Some(38) | Some(95) | Some(45) | Some(102)
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_trees_trade_places() {
        let tmp = tempfile::tempdir().expect("temp");
        let (new, out, aside) = (
            tmp.path().join("new"),
            tmp.path().join("out"),
            tmp.path().join("aside"),
        );
        fs::create_dir_all(&new).expect("mkdir");
        fs::create_dir_all(&out).expect("mkdir");
        fs::write(new.join("a"), "nouveau").expect("write");
        fs::write(out.join("a"), "ancien").expect("write");
        let old = replace(&new, &out, &aside).expect("replace");
        assert_eq!(fs::read_to_string(out.join("a")).expect("read"), "nouveau");
        assert_eq!(fs::read_to_string(old.join("a")).expect("read"), "ancien");
    }

    #[test]
    fn a_tree_left_aside_is_put_back() {
        let tmp = tempfile::tempdir().expect("temp");
        let (out, aside) = (tmp.path().join("out"), tmp.path().join("aside"));
        fs::create_dir_all(&aside).expect("mkdir");
        fs::write(aside.join("a"), "ancien").expect("write");
        recover(&out, &aside).expect("recover");
        assert_eq!(fs::read_to_string(out.join("a")).expect("read"), "ancien");
        assert!(!aside.exists());
    }
}
