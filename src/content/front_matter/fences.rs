//! The header apart from the body: the two `---` lines that fence the YAML.
//!
//! The file is taken as written (a byte-order mark, CRLF line ends), and
//! only byte offsets come out, so every later position, from serde's errors
//! to a link in the body, is a position in the writer's file. A file that
//! does not open or close its header is told so here, before any YAML is
//! read: nothing else about it could be placed. A section's `_index.md`
//! may be empty ([`split_section`]): it only titles a folder.

use crate::diagnostics::Code;
use std::ops::Range;

use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::messages::t;

/// Where the front matter and the body are in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the YAML text (between the fences).
    pub yaml: Range<usize>,
    /// Byte range of the Markdown body (after the closing fence's line).
    pub body: Range<usize>,
}

/// Finds the front matter of a file. `Err` is a diagnostic: no opening fence,
/// or no closing one.
pub fn split(source: &SourceText, lang: Language) -> Result<Split, Diagnostic> {
    let text = source.text.as_str();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_end = text[start..]
        .find('\n')
        .map(|i| start + i + 1)
        .unwrap_or(text.len());
    let first_line = text[start..first_end].trim_end();
    if first_line != "---" {
        return Err(Diagnostic::error(
            Code::FrontMatterMissing,
            t!(lang, "content-front-matter-missing"),
        )
        .at(source, start..first_end.max(start + 1))
        .with_help(t!(lang, "content-front-matter-missing-help")));
    }
    let mut pos = first_end;
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        let line = text[pos..end].trim_end();
        if line == "---" {
            return Ok(Split {
                yaml: first_end..pos,
                body: end..text.len(),
            });
        }
        pos = end;
    }
    Err(Diagnostic::error(
        Code::FrontMatterUnclosed,
        t!(lang, "content-front-matter-unclosed"),
    )
    .at(source, start..start + 3)
    .with_help(t!(lang, "content-front-matter-unclosed-help")))
}

/// Finds the front matter of a section's `_index.md`, which may have none:
/// an empty file (or one of blank lines) is a section with the defaults.
/// A file with text but no opening fence is told how to start one, with
/// the keys a section takes (a date is an article's, not a section's).
pub fn split_section(source: &SourceText, lang: Language) -> Result<Split, Diagnostic> {
    let text = source.text.as_str();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if text[start..].trim().is_empty() {
        return Ok(Split {
            yaml: start..start,
            body: start..text.len(),
        });
    }
    split(source, lang).map_err(|d| match d.code {
        Code::FrontMatterMissing => Diagnostic {
            message: t!(lang, "content-section-front-matter-missing"),
            help: Some(t!(lang, "content-section-front-matter-missing-help")),
            ..d
        },
        _ => d,
    })
}

/// Where the opening `---` is: the start of the file, after any byte-order
/// mark (the fence line may end with `\n` or `\r\n`).
pub(super) fn opening_fence(source: &SourceText) -> Range<usize> {
    let start = if source.text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    start..start + 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_handles_bom_and_crlf() {
        let src = SourceText::new("a.md", "\u{feff}---\r\ntitle: x\r\n---\r\nBody\r\n");
        let split = split(&src, Language::Fr).unwrap();
        assert_eq!(&src.text[split.yaml.clone()], "title: x\r\n");
        assert_eq!(&src.text[split.body.clone()], "Body\r\n");
    }

    #[test]
    fn a_section_may_have_no_header_and_is_not_asked_for_a_date() {
        let src = SourceText::new("_index.md", "\n  \n");
        let split = split_section(&src, Language::Fr).unwrap();
        assert_eq!((split.yaml, split.body), (0..0, 0..4));
        let src = SourceText::new("_index.md", "title: Actualités\n");
        let err = split_section(&src, Language::Fr).unwrap_err();
        assert_eq!(err.code, Code::FrontMatterMissing);
        assert!(
            !err.help.as_deref().unwrap_or("").contains("date"),
            "{err:?}"
        );
    }

    #[test]
    fn unclosed_front_matter() {
        let src = SourceText::new("a.md", "---\ntitle: x\n");
        let err = split(&src, Language::En).unwrap_err();
        assert_eq!(err.code, Code::FrontMatterUnclosed);
        assert_eq!(err.position.map(|p| (p.line, p.column)), Some((1, 1)));
    }
}
