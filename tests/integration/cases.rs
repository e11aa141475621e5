//! Fixture-driven snapshot tests: a folder of cases is the list of tests.
//!
//! A case is a folder `tests/fixtures/<kind>/<case>/` (a site without its
//! theme). A test walks the folder, runs the binary on a copy of every case
//! and compares what the writer sees with the snapshots named after the
//! cases; adding a case is adding a folder (and accepting its snapshot),
//! never editing a list in the code. The walk fails when a case has no
//! snapshot or a snapshot has no case, so the two cannot drift apart.
//!
//! A case that needs more than the test's usual command line says so in a
//! small file of its own, `args.txt`: one argument per line, added after
//! the command. The file is left out of the copy of the site. An empty
//! line is an empty argument (`--base-url` then an empty line is
//! `--base-url ""`, what a shell passes for an unset variable).
//!
//! The cases run in parallel (each starts the binary, and there are dozens),
//! then their snapshots are compared one by one in the test's thread;
//! every case that differs is named in one failure, not only the first.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};

use rayon::prelude::*;

use crate::support::{TestSite, fixture_dir, manifest_dir};

/// The file of a case that holds its extra arguments, one a line.
const ARGS_FILE: &str = "args.txt";

/// One folder of `tests/fixtures/<kind>/`.
pub struct Case {
    kind: String,
    /// The folder's name, which names its snapshot.
    pub name: String,
    /// The arguments of its `args.txt` (none without one).
    pub args: Vec<String>,
}

impl Case {
    /// A copy of the case's site with the default theme, its `args.txt`
    /// left out.
    pub fn site(&self) -> TestSite {
        let site = TestSite::fixture(&format!("{}/{}", self.kind, self.name));
        if site.path(ARGS_FILE).exists() {
            site.remove(ARGS_FILE);
        }
        site
    }

    /// `command`, then the case's arguments.
    pub fn command_line<'a>(&'a self, command: &[&'a str]) -> Vec<&'a str> {
        let mut all = command.to_vec();
        all.extend(self.args.iter().map(String::as_str));
        all
    }
}

/// Every case of `tests/fixtures/<kind>/`, sorted by name (hidden entries
/// left out).
pub fn discover(kind: &str) -> Vec<Case> {
    let dir = fixture_dir(kind);
    let mut cases: Vec<Case> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("dir entry"))
        .filter(|entry| entry.file_type().expect("file type").is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .map(|name| {
            let args = fs::read_to_string(dir.join(&name).join(ARGS_FILE))
                .map(|text| text.lines().map(str::to_string).collect())
                .unwrap_or_default();
            Case {
                kind: kind.to_string(),
                name,
                args,
            }
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

/// Runs `report` on every case in parallel: `(snapshot name, text)` pairs,
/// in the order of the cases.
pub fn run_all(
    cases: &[Case],
    report: impl Fn(&Case) -> Vec<(String, String)> + Sync + Send,
) -> Vec<(String, String)> {
    let per_case: Vec<Vec<(String, String)>> = cases.par_iter().map(report).collect();
    per_case.into_iter().flatten().collect()
}

/// Compares every text with its snapshot through `assert` (an
/// `insta::assert_snapshot!` written in the calling module, whose
/// `module_path!()` is `module`, so the snapshots keep their names), then
/// fails naming every one that differs, and every snapshot of the module
/// left without a text.
pub fn assert_snapshots(module: &str, reports: &[(String, String)], assert: impl Fn(&str, &str)) {
    let prefix = format!("{}__", module.replace("::", "__"));
    let snapshots = manifest_dir().join("tests/integration/snapshots");
    let mut failures = Vec::new();
    for (name, text) in reports {
        let had_one = snapshots.join(format!("{prefix}{name}.snap")).is_file();
        if catch_unwind(AssertUnwindSafe(|| assert(name, text))).is_err() {
            failures.push(if had_one {
                format!("{name}: differs from its snapshot")
            } else {
                format!("{name}: a case without a snapshot (review and accept it)")
            });
        }
    }
    for entry in fs::read_dir(&snapshots).expect("the snapshots folder") {
        let file = entry.expect("dir entry").file_name();
        let file = file.to_string_lossy();
        let Some(name) = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".snap"))
        else {
            continue;
        };
        if !reports.iter().any(|(reported, _)| reported == name) {
            failures.push(format!("{file}: a snapshot without a case (remove it)"));
        }
    }
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} snapshots fail:\n{}",
        failures.len(),
        reports.len(),
        failures.join("\n")
    );
}
