//! The people an article names by id (`interview.with`, a question's,
//! testimony's or quote's `by:`) must exist, in the article's `people:` or
//! in the registry (`content/_people.yaml`).
//!
//! An unknown id is an error at the id as written, with the closest known
//! id suggested. Ids are checked in the order the front matter's blocks are
//! read (interview, testimonies, quotes), so the errors come in the order
//! the writer meets them.

use crate::content::article::LoadedArticle;
use crate::content::front_matter::PersonRef;
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::messages::t;
use crate::site::positions::word_span;
use crate::site::registry::Registry;

/// Checks every person `loaded` names; problems are pushed on `errors`.
pub(super) fn check(
    loaded: &LoadedArticle,
    registry: &Registry,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) {
    let meta = &loaded.meta;
    let mut check = |by: &PersonRef, key: &str| {
        if let Some(error) = unknown(loaded, registry, lang, by, key) {
            errors.push(error);
        }
    };
    if let Some(interview) = &meta.interview {
        for id in interview.with.ids() {
            check(&PersonRef::Id(crate::yaml::Text(id)), "interview");
        }
        for q in &interview.questions {
            if let Some(by) = &q.by {
                check(by, "interview");
            }
        }
    }
    for group in meta.testimonials.values() {
        for item in &group.items {
            if let Some(by) = &item.by {
                check(by, "testimonials");
            }
        }
    }
    for quote in meta.quotes.values() {
        if let Some(by) = &quote.by {
            check(by, "quotes");
        }
    }
}

/// The error when `by` is an id no person has; `key` is the front matter's
/// block that names it.
fn unknown(
    loaded: &LoadedArticle,
    registry: &Registry,
    lang: Language,
    by: &PersonRef,
    key: &str,
) -> Option<Diagnostic> {
    let meta = &loaded.meta;
    if registry.person(by, &meta.people).is_some() {
        return None;
    }
    let PersonRef::Id(id) = by else {
        return None;
    };
    let known: Vec<&str> = meta
        .people
        .keys()
        .map(String::as_str)
        .chain(registry.people.keys().map(String::as_str))
        .collect();
    let help = match crate::yaml::closest(id.as_str(), known.iter().copied()) {
        Some(best) => t!(lang, "site-person-did-you-mean", best = best),
        None => t!(lang, "site-person-unknown-help"),
    };
    Some(
        Diagnostic::error(
            Code::PersonUnknown,
            t!(lang, "site-person-unknown", id = id.as_str()),
        )
        .at(&loaded.source, word_span(loaded, key, id.as_str()))
        .with_help(help),
    )
}
