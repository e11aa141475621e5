//! The lint of pull quotes: one whose text is *almost* in the article.
//!
//! The build decides per quote whether it repeats the article
//! (`content::echo`): a repeat is hidden from screen readers and print, any
//! other quote is read as a quotation. A quote meant to repeat a sentence
//! but mistyped (« nécessisté ») would be read as a second, slightly
//! different quotation; so a quote a few characters apart from a passage
//! of the article is reported at its `text:`, with the article's wording in
//! the help.

use crate::content::echo::{self, Echo};
use crate::content::front_matter;
use crate::diagnostics::{Code, Diagnostic};
use crate::language::Language;
use crate::messages::t;
use crate::site::Article;

/// A warning for each pull quote of `article` almost found in its text.
pub fn lint(article: &Article, lang: Language) -> Vec<Diagnostic> {
    let loaded = &article.loaded;
    let source = &*loaded.source;
    loaded
        .meta
        .quotes
        .keys()
        .filter_map(|id| match echo::of_quote(loaded, id) {
            Echo::Almost { passage } => Some((id, passage)),
            _ => None,
        })
        .map(|(id, passage)| {
            let key = front_matter::locate(source, &loaded.split, &["quotes", id, "text"]);
            Diagnostic::warning(
                Code::QuoteAlmostRepeats,
                t!(lang, "check-quote-almost-repeats", id = id.as_str()),
            )
            .at(source, value_after(&source.text, key))
            .with_help(t!(
                lang,
                "check-quote-almost-repeats-help",
                passage = passage.split_whitespace().collect::<Vec<_>>().join(" ")
            ))
        })
        .collect()
}

/// The value written after the key at `key` on its line (the key when
/// there is none).
fn value_after(text: &str, key: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let line_end = text[key.end..]
        .find('\n')
        .map_or(text.len(), |e| key.end + e);
    let rest = &text[key.end..line_end];
    let after = rest.trim_start_matches(':').trim_start();
    let value = after.trim_end();
    if value.is_empty() {
        return key;
    }
    let start = key.end + (rest.len() - after.len());
    start..start + value.len()
}
