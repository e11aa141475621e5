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

/// One diagnostic as a GitHub workflow command (without the line end);
/// `root` is the site's folder as given to `--root`.
pub fn github(d: &Diagnostic, root: &Path) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = Vec::new();
    if let Some(file) = &d.file {
        let path = if root == Path::new(".") || root.as_os_str().is_empty() {
            display_path(file)
        } else {
            display_path(&root.join(file))
        };
        let path = path.strip_prefix("./").unwrap_or(&path).to_string();
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
}
