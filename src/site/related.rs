//! "Further reading": the articles shown under an article, at most three.
//!
//! First those the writer named (`related:`, paths from `content/`, checked
//! before link resolution so that an error points at the value while the
//! source is still held), then those sharing the most tags with it. A named
//! article left out of this build (draft, embargo, expiry) is a warning, not
//! an error: an embargo must not block publishing until it lifts. A named
//! article that exists but could not be loaded is no error here: its own
//! errors fail the build, and the entry holds once it is fixed.
//!
//! Tags are counted among the nearest articles in time only (a window of
//! each tag's list, which is newest first like the articles): "further
//! reading" on a 10,000-article site then costs a few dozen comparisons per
//! article, not a pass over every article sharing a common tag.

use crate::diagnostics::Code;
use std::collections::HashMap;

use rayon::prelude::*;

use super::Article;
use super::links::{Excluded, Resolver};
use super::positions::value_span;
use crate::content::ContentPath;
use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::messages::t;

/// For each article, the indices of the articles its `related:` names, in
/// its order; a path that leads nowhere is pushed on `errors`.
pub(super) fn as_written(
    articles: &[Article],
    resolver: &Resolver,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Vec<usize>> {
    let index_of = by_content_path(articles);
    articles
        .iter()
        .map(|a| written(a, &index_of, resolver, lang, errors))
        .collect()
}

/// What [`as_written`] finds wrong in article `index`'s `related:` alone:
/// when the preview patches that article in place (`site::patch`).
pub(super) fn problems(
    articles: &[Article],
    index: usize,
    resolver: &Resolver,
    lang: Language,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let index_of = by_content_path(articles);
    written(&articles[index], &index_of, resolver, lang, &mut found);
    found
}

/// The articles by their content path.
fn by_content_path(articles: &[Article]) -> HashMap<&ContentPath, usize> {
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| (&a.content_path, i))
        .collect()
}

/// The indices of the articles `a`'s `related:` names, in its order; a
/// path that leads nowhere is pushed on `errors`.
fn written(
    a: &Article,
    index_of: &HashMap<&ContentPath, usize>,
    resolver: &Resolver,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let mut rel = Vec::new();
    for path in &a.loaded.meta.related {
        let key = ContentPath::related(path);
        match index_of
            .get(&key)
            .or_else(|| index_of.get(&key.inside("index.md")))
        {
            Some(&j) => rel.push(j),
            // It exists but could not be loaded: its own errors say
            // why, and this entry holds once it is fixed.
            None if resolver.unloaded(&key).is_some() => {}
            None => errors.push(not_found(a, path, key.as_str(), resolver, lang)),
        }
    }
    rel
}

/// The problem with `path`, named by `a`'s `related:` and found nowhere in
/// this build (`key` is the path from `content/`).
fn not_found(
    a: &Article,
    path: &str,
    key: &str,
    resolver: &Resolver,
    lang: Language,
) -> Diagnostic {
    let at = value_span(&a.loaded, "related", path);
    let excluded = resolver
        .excluded
        .get(key)
        .or_else(|| resolver.excluded.get(key.trim_end_matches("/index.md")));
    if let Some(why) = excluded {
        // Left out of this build: not shown, not an error, so an
        // embargo does not block publishing until it lifts.
        let why = match why {
            Excluded::Draft => "draft",
            Excluded::Future => "embargoed",
            Excluded::Expired => "expired",
        };
        Diagnostic::warning(
            Code::RelatedUnpublished,
            t!(lang, "site-related-unpublished", path = path),
        )
        .at(&a.loaded.source, at)
        .with_help(t!(lang, "site-related-unpublished-help", why = why))
    } else {
        Diagnostic::error(
            Code::RelatedMissing,
            t!(lang, "site-related-missing", path = path),
        )
        .at(&a.loaded.source, at)
        .with_help(t!(lang, "site-related-missing-help"))
    }
}

/// Sets each article's `related`: `written` (from [`as_written`]), then
/// articles sharing its tags, up to three.
pub(super) fn complete(articles: &mut [Article], written: Vec<Vec<usize>>) {
    let related_by_tags = related_by_tags(articles);
    for (i, rel) in written.into_iter().enumerate() {
        articles[i].related = filled(rel, &related_by_tags[i], i);
    }
}

/// The "further reading" of the article at `index`, the last of
/// `articles` though its date would put it elsewhere (a new article placed
/// for its own page alone, `site::patch::place_new`), the articles `gone`
/// left out: as [`complete`]
/// would choose it once the article is in its place: as written, then the
/// articles sharing the most of its tags among the nearest in time.
pub(super) fn of_new(
    articles: &[Article],
    index: usize,
    gone: &[usize],
    resolver: &Resolver,
    lang: Language,
) -> Vec<usize> {
    let index_of = by_content_path(articles);
    let rel = written(&articles[index], &index_of, resolver, lang, &mut Vec::new());
    let new = &articles[index].loaded;
    // Whether article `j` comes before the new one in the build's order:
    // newest first, ties by path.
    let before = |j: usize| {
        let a = &articles[j].loaded;
        super::inclusion::order(a, new).is_lt()
    };
    let mut near: Vec<usize> = Vec::new();
    for t in &new.meta.tags {
        let list: Vec<usize> = (0..index)
            .filter(|&j| !gone.contains(&j) && articles[j].loaded.meta.tags.contains(t))
            .collect();
        let pos = list.partition_point(|&j| before(j));
        let lo = pos.saturating_sub(NEAR);
        let hi = (pos + NEAR).min(list.len());
        near.extend(&list[lo..hi]);
    }
    filled(rel, &most_shared(near), index)
}

/// How many articles on each side of an article, in time, its tags look
/// at for its "further reading".
const NEAR: usize = 8;

/// `rel` (the articles `related:` names for article `i`) completed up to
/// three with `by_tags`, in their order.
fn filled(mut rel: Vec<usize>, by_tags: &[usize], i: usize) -> Vec<usize> {
    for j in by_tags {
        if rel.len() >= 3 {
            break;
        }
        if !rel.contains(j) && *j != i {
            rel.push(*j);
        }
    }
    rel
}

/// Of `near` (articles met through each tag, one entry per shared tag),
/// the three sharing the most tags, the newest first among equals.
fn most_shared(mut near: Vec<usize>) -> Vec<usize> {
    near.sort_unstable();
    let mut scores: Vec<(usize, usize)> = Vec::new();
    for j in near {
        match scores.last_mut() {
            Some((last, count)) if *last == j => *count += 1,
            _ => scores.push((j, 1)),
        }
    }
    scores.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    scores.into_iter().take(3).map(|(j, _)| j).collect()
}

/// For each article, others sharing the most tags, newest first.
fn related_by_tags(articles: &[Article]) -> Vec<Vec<usize>> {
    let mut by_tag: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        for t in &a.loaded.meta.tags {
            by_tag.entry(t.as_str()).or_default().push(i);
        }
    }
    articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| {
            // Neighbours through each tag, then counted: a few dozen at most.
            let mut near: Vec<usize> = Vec::new();
            for t in &a.loaded.meta.tags {
                if let Some(list) = by_tag.get(t.as_str()) {
                    // Articles are newest first: the nearest in time are enough.
                    let pos = list.partition_point(|&j| j < i);
                    let lo = pos.saturating_sub(NEAR);
                    // The article itself is at `pos`.
                    let hi = (pos + NEAR + 1).min(list.len());
                    near.extend(list[lo..hi].iter().copied().filter(|&j| j != i));
                }
            }
            most_shared(near)
        })
        .collect()
}
