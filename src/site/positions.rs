//! Where a value sits in an article's front matter, so that a problem found
//! during assembly (an alias taken, a related article missing, a file or a
//! person not found) is reported at the value the writer typed.
//!
//! The loaded front matter keeps positions for its keys only
//! (`front_matter::locate`); a value is found as text after its key, before
//! the end of the front matter, and the key itself is the answer when the
//! value is not written plainly there (a quoted or folded string).

use std::ops::Range;

use crate::content::article::LoadedArticle;
use crate::content::front_matter;

/// Where `value` is written under the front matter's `key`: the value
/// itself when it is written plainly after the key, else the key.
pub(super) fn value_span(loaded: &LoadedArticle, key: &str, value: &str) -> Range<usize> {
    let source = &loaded.source;
    let key_span = front_matter::locate(source, &loaded.split, &[key]);
    source
        .text
        .get(key_span.end..loaded.split.yaml.end)
        .and_then(|after| after.find(value))
        .filter(|_| !value.is_empty())
        .map(|i| key_span.end + i..key_span.end + i + value.len())
        .unwrap_or(key_span)
}

/// Where the id `word` is written after the front matter's `key`, as a
/// whole word (`by: bob`, `with: [a, bob]`, not `bobby`), else the key.
pub(super) fn word_span(loaded: &LoadedArticle, key: &str, word: &str) -> Range<usize> {
    let source = &loaded.source;
    let block = front_matter::locate(source, &loaded.split, &[key]);
    let yaml_end = loaded.split.yaml.end;
    let after = source.text.get(block.end..yaml_end).unwrap_or_default();
    let is_word =
        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_'));
    after
        .match_indices(word)
        .find(|(i, m)| {
            !is_word(after[..*i].chars().next_back())
                && !is_word(after[i + m.len()..].chars().next())
        })
        .map(|(i, m)| block.end + i..block.end + i + m.len())
        .unwrap_or(block)
}
