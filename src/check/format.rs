//! The three ways `check` prints its diagnostics.
//!
//! - `human`: the compiler-like rendering every command uses.
//! - `json`: one object per line (JSON Lines), with the same keys always
//!   present (`null` when unknown), so a script can read it line by line;
//!   `severity` is a stable code (`error`, `warning`), `label` the same in
//!   the site's language, for people.
//! - `github`: GitHub Actions workflow commands (`::error file=…::message`),
//!   which GitHub shows as annotations on the changed lines. Paths there
//!   must be relative to the repository, so they are prefixed with `--root`.
//! - `gitlab`: GitLab's Code Quality report, one JSON array of every
//!   problem, which a job hands to GitLab as `artifacts:reports:codequality`
//!   so the merge request lists them. Made here rather than by a `jq` line
//!   in the pipeline, so a runner image needs nothing beside `gazette`.
//!   Paths are the repository's, as for `github`. GitLab tells a problem
//!   that is new from one that was already there by its `fingerprint`:
//!   a hash of the file, the code and the message, without the line, so
//!   that an edit above a problem does not make it new; identical problems
//!   of one file are told apart by their rank.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Severity, display_path};
use crate::language::Language;
use crate::messages::t;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Readable in a terminal.
    #[default]
    Human,
    /// One JSON object per line.
    Json,
    /// GitHub Actions annotations.
    Github,
    /// GitLab's Code Quality report.
    Gitlab,
}

#[derive(Serialize)]
struct JsonLine<'a> {
    severity: Severity,
    /// The severity in the site's language (`erreur`), for people.
    label: &'a str,
    code: &'a str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    help: Option<&'a str>,
}

/// One diagnostic as a JSON line (without the line end).
pub fn json(d: &Diagnostic, lang: Language) -> String {
    let label = match d.severity {
        Severity::Error => t!(lang, "check-json-label-error"),
        Severity::Warning => t!(lang, "check-json-label-warning"),
    };
    let line = JsonLine {
        severity: d.severity,
        label: &label,
        code: d.code.as_str(),
        file: d.file.as_deref().map(display_path),
        line: d.position.as_ref().map(|p| p.line),
        column: d.position.as_ref().map(|p| p.column),
        message: &d.message,
        help: d.help.as_deref(),
    };
    serde_json::to_string(&line).unwrap_or_default()
}

/// A site file's path as the repository names it: `file` under `root`,
/// the site's folder as given to `--root`, without a leading `./`.
fn repository_path(file: &Path, root: &Path) -> String {
    let path = if root == Path::new(".") || root.as_os_str().is_empty() {
        display_path(file)
    } else {
        display_path(&root.join(file))
    };
    path.strip_prefix("./").unwrap_or(&path).to_string()
}

/// One diagnostic as a GitHub workflow command (without the line end);
/// `root` is the site's folder as given to `--root`.
pub fn github(d: &Diagnostic, root: &Path) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = Vec::new();
    if let Some(file) = &d.file {
        let path = repository_path(file, root);
        properties.push(format!("file={}", escape_property(&path)));
    }
    if let Some(p) = &d.position {
        properties.push(format!("line={}", p.line));
        properties.push(format!("col={}", p.column));
    }
    properties.push(format!("title={}", escape_property(d.code.as_str())));
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        let _ = write!(message, "\n= help: {help}");
    }
    format!(
        "::{command} {}::{}",
        properties.join(","),
        escape_data(&message)
    )
}

#[derive(Serialize)]
struct CodeQualityIssue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'a str,
    location: CodeQualityLocation,
}

#[derive(Serialize)]
struct CodeQualityLocation {
    path: String,
    lines: CodeQualityLines,
}

#[derive(Serialize)]
struct CodeQualityLines {
    begin: usize,
}

/// Every diagnostic as one GitLab Code Quality report (a JSON array,
/// without the line end); `root` is the site's folder as given to
/// `--root`. A problem without a file (a command-line option) is placed
/// at `site.yaml`, line 1: GitLab needs a path.
pub fn gitlab(diagnostics: &[Diagnostic], root: &Path) -> String {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    let issues: Vec<CodeQualityIssue> = diagnostics
        .iter()
        .map(|d| {
            let path = repository_path(d.file.as_deref().unwrap_or(Path::new("site.yaml")), root);
            let identity = format!("{path}\n{}\n{}", d.code.as_str(), d.message);
            let rank = seen.entry(identity.clone()).or_default();
            *rank += 1;
            let hash = siphasher::sip128::SipHasher13::new()
                .hash(format!("{identity}\n{rank}").as_bytes());
            let description = match &d.help {
                Some(help) => format!("{} — {help}", d.message),
                None => d.message.clone(),
            };
            CodeQualityIssue {
                description,
                check_name: d.code.as_str(),
                fingerprint: format!("{:032x}", u128::from(hash)),
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: CodeQualityLocation {
                    path,
                    lines: CodeQualityLines {
                        begin: d.position.as_ref().map_or(1, |p| p.line),
                    },
                },
            }
        })
        .collect();
    serde_json::to_string(&issues).unwrap_or_default()
}

/// Escapes a message for a workflow command.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`) for a workflow command.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;
    use crate::diagnostics::SourceText;

    #[test]
    fn github_escapes_and_prefixes_the_root() {
        let src = SourceText::new("content/a,b.md", "x\n100% sûr\n");
        let d = Diagnostic::warning(Code::A11yImageAlt, "100% vide")
            .at(&src, 2..3)
            .with_help("un: deux");
        assert_eq!(
            github(&d, Path::new("site")),
            "::warning file=site/content/a%2Cb.md,line=2,col=1,title=a11y-image-alt::100%25 vide%0A= help: un: deux"
        );
        assert_eq!(
            json(&d, Language::Fr),
            r#"{"severity":"warning","label":"avertissement","code":"a11y-image-alt","file":"content/a,b.md","line":2,"column":1,"message":"100% vide","help":"un: deux"}"#
        );
    }

    #[test]
    fn gitlab_fingerprints_ignore_the_line_and_tell_twins_apart() {
        let src = SourceText::new("content/a.md", "x\ny\nz\n");
        let at =
            |offset| Diagnostic::warning(Code::A11yImageAlt, "vide").at(&src, offset..offset + 1);
        let report = |ds: &[Diagnostic]| -> Vec<String> {
            let value: serde_json::Value =
                serde_json::from_str(&gitlab(ds, Path::new("site"))).unwrap();
            value
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["fingerprint"].as_str().unwrap().to_string())
                .collect()
        };
        let once = report(&[at(2)]);
        let moved = report(&[at(4)]);
        let twins = report(&[at(2), at(4)]);
        assert_eq!(
            once, moved,
            "a problem moved down a line keeps its fingerprint"
        );
        assert_eq!(twins[0], once[0]);
        assert_ne!(
            twins[0], twins[1],
            "two identical problems of a file are two issues"
        );
        assert_eq!(once[0].len(), 32);
    }
}
