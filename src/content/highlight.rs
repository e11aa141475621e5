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

/// The stylesheet for highlighted code, light and dark.
///
/// syntect's bundled themes fail WCAG AA contrast on a light background
/// (green tags at 2.75:1), so Gazette colours the main TextMate scopes with
/// its own palette, every colour at least 5.4:1 against the theme's code
/// background in both modes; everything else keeps the text colour.
pub fn stylesheet() -> String {
    const RULES: [(&str, &str, &str); 7] = [
        (".hl-comment", "#5d6470", "#9aa3b2"),
        (".hl-keyword, .hl-storage", "#8a1c5c", "#f0a0d0"),
        (".hl-string", "#1d6b2f", "#9fd69f"),
        (".hl-constant", "#8a4a00", "#ffc27a"),
        (".hl-entity, .hl-meta.hl-tag", "#1d4f91", "#8db8ff"),
        (".hl-support, .hl-variable", "#6b3fa0", "#c9a8ff"),
        (".hl-invalid", "#a8361c", "#ff9f80"),
    ];
    let mut css = String::from(
        "/* Code colours, written by Gazette (AA contrast in light and dark mode). */\n",
    );
    for (selector, light, _) in RULES {
        css.push_str(&format!(
            "pre.code {}{{ color: {light}; }}\n",
            selector.replace(", ", ", pre.code ")
        ));
    }
    css.push_str(".hl-comment { font-style: italic; }\n@media (prefers-color-scheme: dark) {\n");
    for (selector, _, dark) in RULES {
        css.push_str(&format!(
            "  pre.code {}{{ color: {dark}; }}\n",
            selector.replace(", ", ", pre.code ")
        ));
    }
    css.push_str("}\n");
    css
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
