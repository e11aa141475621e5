//! Diagnostics: every problem Gazette finds in a site, and their one renderer.
//!
//! Stages never stop at the first problem: they push `Diagnostic`s into a
//! `Diagnostics` list and go on, so a writer sees everything in one run. A
//! diagnostic carries its position as a 1-based line and column *in the file
//! the writer has open* (a byte-order mark is not a column, a `\r` before the
//! `\n` is not part of the line), the offending source line, a message and a
//! hint, both already in the site's language. The exit code is decided once,
//! at the edge, from the severities collected here.

mod code;
mod staged;

pub use code::Code;
pub use staged::Staged;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::language::Language;
use crate::messages::t;

/// How bad a problem is: errors fail a build, warnings never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site cannot be built as it is.
    Error,
    /// Worth fixing; fails only `check --deny-warnings`.
    Warning,
}

/// Where in a file a problem is: 1-based line and column, and how many
/// characters to underline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Characters to underline (at least 1).
    #[serde(skip)]
    pub width: usize,
    /// The source line, without its line end.
    #[serde(skip)]
    pub source_line: String,
}

/// One problem found in the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable identifier, documented in `docs/diagnostics.md`.
    pub code: Code,
    /// The file, relative to the site root, when the problem is in one.
    pub file: Option<PathBuf>,
    /// The position in that file, when known.
    #[serde(flatten)]
    pub position: Option<Position>,
    /// What is wrong, in the site's language.
    pub message: String,
    /// How to fix it, in the site's language.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error with no position yet.
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: None,
            position: None,
            message: message.into(),
            help: None,
        }
    }

    /// A warning with no position yet.
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Names the file the problem is in, without a position.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Places the problem at a byte range of a source file.
    pub fn at(mut self, source: &SourceText, span: std::ops::Range<usize>) -> Self {
        self.file = Some(source.path.clone());
        self.position = Some(source.position(span));
        self
    }

    /// Adds a hint on how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Writes the diagnostic the way a compiler does, its labels in `lang`
    /// (the site's language, like its message):
    ///
    /// ```text
    /// erreur : clé inconnue « titel »
    ///  --> content/actualites/x.md:3:1
    ///   |
    /// 3 | titel: Bonjour
    ///   | ^^^^^
    ///   = aide : vouliez-vous écrire « title » ?
    /// ```
    pub fn render(&self, lang: Language) -> String {
        let mut out = String::new();
        let headline = match self.severity {
            Severity::Error => t!(lang, "diagnostics-error", message = &self.message),
            Severity::Warning => t!(lang, "diagnostics-warning", message = &self.message),
        };
        let _ = writeln!(out, "{headline}");
        let gutter = self
            .position
            .as_ref()
            .map(|p| p.line.to_string().len())
            .unwrap_or(0);
        let pad = " ".repeat(gutter);
        match (&self.file, &self.position) {
            (Some(file), Some(pos)) => {
                let _ = writeln!(
                    out,
                    "{pad}--> {}:{}:{}",
                    display_path(file),
                    pos.line,
                    pos.column
                );
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{} | {}", pos.line, pos.source_line);
                let caret_pad: String = pos
                    .source_line
                    .chars()
                    .take(pos.column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(out, "{pad} | {caret_pad}{}", "^".repeat(pos.width.max(1)));
            }
            (Some(file), None) => {
                let _ = writeln!(out, " --> {}", display_path(file));
            }
            _ => {}
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "{pad} = {}", t!(lang, "diagnostics-help", help = help));
        }
        out
    }
}

/// A path as shown to users: relative, with forward slashes on every system.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The text of a file, with its path relative to the site root, able to turn
/// byte offsets into positions.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Path relative to the site root.
    pub path: PathBuf,
    /// The whole file as read (including any byte-order mark).
    pub text: String,
}

impl SourceText {
    /// Wraps a file's text.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        SourceText {
            path: path.into(),
            text: text.into(),
        }
    }

    /// The position of a byte range, as a writer's editor shows it.
    pub fn position(&self, span: std::ops::Range<usize>) -> Position {
        let text = self.text.as_str();
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line_end = text[start..]
            .find('\n')
            .map(|i| start + i)
            .unwrap_or(text.len());
        let line_no = text[..start].matches('\n').count() + 1;
        let mut line_text = &text[line_start..line_end];
        line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
        let mut before = &text[line_start..start];
        if line_start == 0 {
            // A byte-order mark is invisible in editors: not a column.
            if let Some(rest) = line_text.strip_prefix('\u{feff}') {
                line_text = rest;
            }
            before = before.strip_prefix('\u{feff}').unwrap_or(before);
        }
        let column = before.chars().count() + 1;
        let width = text[start..end.min(line_end).max(start)]
            .trim_end_matches('\r')
            .chars()
            .count();
        Position {
            line: line_no,
            column,
            width: width.max(1),
            source_line: line_text.to_string(),
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Every diagnostic of a run, in the order found; sorted for display.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Diagnostics::default()
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds many.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    /// Whether any error was found.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Number of errors, as shown (duplicates counted once).
    pub fn error_count(&self) -> usize {
        self.sorted().iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings, as shown (duplicates counted once).
    pub fn warning_count(&self) -> usize {
        self.sorted().len() - self.error_count()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The diagnostics sorted by file, line and column (problems without a
    /// file first), duplicates removed.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (
                    d.file.clone(),
                    d.position.as_ref().map(|p| (p.line, p.column)),
                    d.severity,
                    d.code,
                    d.message.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        items.dedup();
        items
    }

    /// All diagnostics rendered for a terminal, sorted, blank-line
    /// separated, their labels in `lang`.
    pub fn render(&self, lang: Language) -> String {
        self.sorted()
            .iter()
            .map(|d| d.render(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The diagnostics, unsorted.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_ignore_bom_and_crlf() {
        let src = SourceText::new("a.md", "\u{feff}---\r\ntitel: x\r\n---\r\n");
        let off = src.text.find("titel").unwrap_or(0);
        let pos = src.position(off..off + 5);
        assert_eq!((pos.line, pos.column, pos.width), (2, 1, 5));
        assert_eq!(pos.source_line, "titel: x");
        let pos = src.position(3..6);
        assert_eq!(
            (pos.line, pos.column, pos.source_line.as_str()),
            (1, 1, "---")
        );
    }

    #[test]
    fn columns_count_characters() {
        let src = SourceText::new("a.md", "title: « Été »\n");
        let off = src.text.find('É').unwrap_or(0);
        let pos = src.position(off..off + 'É'.len_utf8());
        assert_eq!((pos.line, pos.column, pos.width), (1, 10, 1));
    }

    #[test]
    fn renders_like_a_compiler_with_labels_in_the_sites_language() {
        let src = SourceText::new("content/a.md", "---\ntitel: x\n---\n");
        let d = Diagnostic::error(Code::YamlUnknownKey, "unknown key « titel »")
            .at(&src, 4..9)
            .with_help("did you mean « title »?");
        assert_eq!(
            d.render(Language::En),
            "error: unknown key « titel »\n --> content/a.md:2:1\n  |\n2 | titel: x\n  | ^^^^^\n  = help: did you mean « title »?\n"
        );
        let d = Diagnostic::warning(Code::YamlUnknownKey, "clé inconnue « titel »")
            .at(&src, 4..9)
            .with_help("vouliez-vous écrire « title » ?");
        assert_eq!(
            d.render(Language::Fr),
            "avertissement : clé inconnue « titel »\n --> content/a.md:2:1\n  |\n2 | titel: x\n  | ^^^^^\n  = aide : vouliez-vous écrire « title » ?\n"
        );
    }
}
