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
//!   worktree `.git` is a file and the refs live in the main repository.

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
    if checkout {
        for watched in head_files() {
            println!("cargo:rerun-if-changed={watched}");
        }
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
