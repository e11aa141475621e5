//! `foreign_terms`: the terms in another language (English) that `check`
//! asks writers to mark with `<span lang="en">…</span>`, so a screen reader
//! says them with the right voice (RGAA 8.7).
//!
//! A French site gets a default list of terms common in HR newsrooms; an
//! English site none (they are its own words). A list written in
//! `site.yaml` replaces the default, and `foreign_terms: []` turns the
//! warning off: one key, nothing to learn beyond a YAML list.

use crate::language::Language;
use crate::yaml::Text;

/// English terms common in French HR writing, checked by default on a
/// French site.
pub const DEFAULT_TERMS: [&str; 10] = [
    "soft skills",
    "hard skills",
    "hackathon",
    "newsletter",
    "feedback",
    "best practices",
    "onboarding",
    "team building",
    "design thinking",
    "afterwork",
];

/// The terms to check: those written, else the default list of the
/// site's language; trimmed, empty ones dropped.
pub(super) fn terms(written: Option<Vec<Text>>, lang: Language) -> Vec<String> {
    match written {
        Some(list) => list
            .into_iter()
            .map(|t| t.0.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        None if lang == Language::Fr => DEFAULT_TERMS.iter().map(|t| t.to_string()).collect(),
        None => Vec::new(),
    }
}
