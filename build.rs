//! Build script, for two things the compiler cannot see:
//!
//! - rebuild the crate when a file is added to or removed from the folders
//!   `gazette init` embeds: `include_dir!` makes Cargo track the files it
//!   embedded, but not files that appear later;
//! - the commit `gazette --version` names (`GAZETTE_COMMIT`): `git rev-parse
//!   --short HEAD` when the crate is the top of a git checkout (not a
//!   packaged crate unpacked inside another repository), else the
//!   `GAZETTE_COMMIT` of the environment (a build from an archive can say
//!   which commit it was made from), else « unknown ». The files git moves
//!   when HEAD changes are asked of git itself (`--git-path`), since in a
//!   worktree `.git` is a file and the refs live in the main repository;
//! - a hash of the code the binary is made from (`GAZETTE_SOURCE_HASH`):
//!   `src/`, `locales/`, the vendored pagefind and `Cargo.lock`, names and
//!   bytes. The build cache's rendered pages are only as good as the code
//!   that rendered them, and a commit does not say so: a binary built from
//!   uncommitted changes names the same commit. The same sources give the
//!   same hash on every machine, so a CI job that keeps the cache reuses it
//!   from run to run of the same code.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=themes/gazette");
    println!("cargo:rerun-if-changed=src/init/starter");
    println!("cargo:rerun-if-env-changed=GAZETTE_COMMIT");
    let checkout = is_checkout();
    let commit = checkout
        .then(|| git(&["rev-parse", "--short", "HEAD"]))
        .flatten()
        .or_else(|| std::env::var("GAZETTE_COMMIT").ok())
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=GAZETTE_COMMIT={commit}");
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for source in SOURCES {
        println!("cargo:rerun-if-changed={source}");
        hash_tree(Path::new(source), &mut hasher);
    }
    println!(
        "cargo:rustc-env=GAZETTE_SOURCE_HASH={:016x}",
        std::hash::Hasher::finish(&hasher)
    );
    if checkout {
        for watched in head_files() {
            println!("cargo:rerun-if-changed={watched}");
        }
    }
}

/// What the binary is made from, for `GAZETTE_SOURCE_HASH`.
const SOURCES: &[&str] = &["src", "locales", "vendor/pagefind/src", "Cargo.lock"];

/// Feeds `hasher` with the path and bytes of every file at or under `path`,
/// in name order (nothing for a path that is not there).
fn hash_tree(path: &Path, hasher: &mut impl std::hash::Hasher) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            hash_tree(&p, hasher);
        }
    } else if let Ok(bytes) = std::fs::read(path) {
        hasher.write(path.to_string_lossy().replace('\\', "/").as_bytes());
        hasher.write_usize(bytes.len());
        hasher.write(&bytes);
    }
}

/// Whether the crate's folder is the top of a git work tree.
fn is_checkout() -> bool {
    let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        return false;
    };
    let Some(top) = git(&["rev-parse", "--show-toplevel"]) else {
        return false;
    };
    match (
        Path::new(&manifest).canonicalize(),
        Path::new(&top).canonicalize(),
    ) {
        (Ok(manifest), Ok(top)) => manifest == top,
        _ => false,
    }
}

/// What `git <args>` prints (trimmed), if git runs and succeeds here.
fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}

/// The files whose change moves HEAD: `.git/HEAD` itself, the branch it
/// points to and `packed-refs` (where the branch may be instead); only
/// those that exist (a missing one would make Cargo rerun every time).
fn head_files() -> Vec<String> {
    let mut paths = vec!["HEAD".to_string(), "packed-refs".to_string()];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        paths.push(branch);
    }
    paths
        .iter()
        .filter_map(|p| git(&["rev-parse", "--path-format=absolute", "--git-path", p]))
        .filter(|p| Path::new(p).exists())
        .collect()
}
