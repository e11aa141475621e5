//! Syntax highlighting of fenced code blocks, with syntect, as CSS classes.
//!
//! Classes (`hl-keyword`, …) rather than inline styles, so a strict Content
//! Security Policy holds and the colours follow light and dark mode from one
//! stylesheet, which `stylesheet` writes from two of syntect's themes. The
//! syntax set is loaded on first use only: most articles have no code.

use std::sync::OnceLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Highlights code; cheap to create, loads syntect's definitions lazily.
#[derive(Default)]
pub struct Highlighter {
    syntaxes: OnceLock<SyntaxSet>,
}

impl Highlighter {
    /// A highlighter that has not loaded anything yet.
    pub fn new() -> Self {
        Highlighter::default()
    }

    fn syntaxes(&self) -> &SyntaxSet {
        self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines)
    }

    /// The highlighted HTML (spans with `hl-` classes) of `code` in
    /// `language`, or `None` when the language is unknown.
    pub fn highlight(&self, code: &str, language: &str) -> Option<String> {
        let syntaxes = self.syntaxes();
        let syntax = syntaxes
            .find_syntax_by_token(language)
            .or_else(|| syntaxes.find_syntax_by_token(&language.to_ascii_lowercase()))?;
        let mut generator =
            ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            if generator
                .parse_html_for_line_which_includes_newline(line)
                .is_err()
            {
                return None;
            }
        }
        Some(generator.finalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_known_languages_with_classes() {
        let h = Highlighter::new();
        let html = h.highlight("title: Bonjour\n", "yaml").unwrap_or_default();
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="));
        assert!(h.highlight("x", "pas-un-langage").is_none());
    }
}
