//! The lint of terms in another language: a term of `foreign_terms`
//! (`soft skills`, `hackathon`…) written in an article's body outside an
//! element that says its language (`<span lang="en">`), which a screen
//! reader would then read with the site's French voice (RGAA 8.7).
//!
//! The body is read as written, so each finding has the writer's line and
//! column. What is not prose is skipped: fenced code and code spans,
//! shortcode lines, HTML tags and link addresses, and anything inside an
//! element with a `lang` attribute. A term is found in any case, as whole
//! words (`feedbacks` is not `feedback`).

use std::ops::Range;

use crate::content::front_matter::Split;
use crate::diagnostics::{Code, Diagnostic, SourceText};
use crate::language::Language;
use crate::messages::t;

/// A warning for each term of `terms` written in the body outside a
/// `lang`-marked element.
pub fn lint(
    source: &SourceText,
    split: &Split,
    terms: &[String],
    lang: Language,
) -> Vec<Diagnostic> {
    if terms.is_empty() {
        return Vec::new();
    }
    let body = &source.text[split.body.clone()];
    let skipped = not_prose(body);
    let lower = body.to_lowercase();
    if lower.len() != body.len() {
        // Lower-casing changed byte lengths: offsets would not map back.
        return Vec::new();
    }
    let mut out = Vec::new();
    for term in terms {
        let needle = term.to_lowercase();
        for (at, _) in lower.match_indices(&needle) {
            let span = at..at + needle.len();
            if !whole_words(body, &span)
                || skipped
                    .iter()
                    .any(|s| s.start < span.end && span.start < s.end)
            {
                continue;
            }
            let written = &body[span.clone()];
            out.push(
                Diagnostic::warning(
                    Code::A11yForeignTerm,
                    t!(lang, "check-foreign-term", term = written),
                )
                .at(
                    source,
                    split.body.start + span.start..split.body.start + span.end,
                )
                .with_help(t!(lang, "check-foreign-term-help", term = written)),
            );
        }
    }
    out
}

/// Whether `span` of `text` starts and ends at word boundaries.
fn whole_words(text: &str, span: &Range<usize>) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
    !word(text[..span.start].chars().next_back()) && !word(text[span.end..].chars().next())
}

/// The byte ranges of `body` that are not prose: fenced code, code spans,
/// shortcode lines, HTML tags, link addresses, and elements with `lang`.
fn not_prose(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut fence: Option<usize> = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            match fence.take() {
                Some(start) => out.push(start..offset + line.len()),
                None => fence = Some(offset),
            }
        } else if fence.is_none() && (trimmed.starts_with("{{") || trimmed.starts_with("{%")) {
            out.push(offset..offset + line.len());
        }
        offset += line.len();
    }
    if let Some(start) = fence {
        out.push(start..body.len());
    }
    out.extend(delimited(body, "`", "`"));
    out.extend(delimited(body, "](", ")"));
    out.extend(delimited(body, "<", ">"));
    out.extend(lang_elements(body));
    out
}

/// Every range from an `open` to the next `close` after it.
fn delimited(text: &str, open: &str, close: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(open) {
        let start = from + i;
        let after = start + open.len();
        let Some(j) = text[after..].find(close) else {
            break;
        };
        let end = after + j + close.len();
        out.push(start..end);
        from = end;
    }
    out
}

/// Every element with a `lang` attribute, from its start tag to its end tag.
fn lang_elements(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find('<') {
        let start = from + i;
        let Some(tag_len) = text[start..].find('>') else {
            break;
        };
        let tag = &text[start + 1..start + tag_len];
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        from = start + tag_len + 1;
        if name.is_empty() || !tag.contains("lang=") {
            continue;
        }
        let close = format!("</{name}>");
        let end = text[from..]
            .find(&close)
            .map_or(text.len(), |j| from + j + close.len());
        out.push(start..end);
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_what_is_outside_code_tags_links_and_lang_elements() {
        let body = "Le feedback <span lang=\"en\">feedback</span> `feedback` [feedback](/feedback/)\n```\nfeedback\n```\n";
        let skipped = not_prose(body);
        let found: Vec<usize> = body
            .match_indices("feedback")
            .map(|(i, _)| i)
            .filter(|i| !skipped.iter().any(|s| s.contains(i)))
            .collect();
        // The plain one, and the text of the link.
        let link_text = body.find("[feedback]").unwrap() + 1;
        assert_eq!(found, vec![3, link_text]);
        assert!(!whole_words("les feedbacks", &(4..12)));
        assert!(whole_words("le feedback.", &(3..11)));
    }
}
