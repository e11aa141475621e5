//! Inclusion: which loaded articles are in this build (drafts, embargo,
//! expiry), and in what order.
//!
//! An article is left out when it is a draft or sits in a draft section
//! (unless `--drafts`), when its date is after now (unless `--future`), or
//! when it has expired. What is left out is remembered with why and when,
//! for two readers: the link resolver, which reports a link to it as
//! unpublished rather than missing, and `next-change`, which tells when the
//! site will change by itself (an embargo lifting, an expiry; an article
//! that will expire counts too, though it is in). The studio's preview
//! names one article (`shown`) that is in whatever its state, so that a
//! writer sees a draft or an embargoed article as it will be published.
//!
//! The order is decided here, once: newest first, ties by path, so that it
//! never depends on the machine or on the parallel stage the articles come
//! from. Every index into `Site::articles` refers to this order.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use jiff::Timestamp;
use rayon::prelude::*;

use super::Site;
use super::links::Excluded;
use crate::content::ContentPath;
use crate::content::article::LoadedArticle;

/// What a build includes.
#[derive(Debug, Clone, Copy)]
pub struct Inclusion {
    /// Include drafts.
    pub drafts: bool,
    /// Include embargoed articles.
    pub future: bool,
    /// The present (the clock, or `SOURCE_DATE_EPOCH`).
    pub now: Timestamp,
}

/// When the built site will next change by itself: the earliest embargo
/// lifting or expiry after now (drafts never change by themselves).
pub fn next_change(site: &Site) -> Option<Timestamp> {
    site.excluded
        .iter()
        .filter(|(_, why, at)| *why != Excluded::Draft && *at > site.now)
        .map(|(_, _, at)| *at)
        .min()
}

/// The articles of this build and those left out.
pub(super) struct Included {
    /// Articles in this build, newest first.
    pub kept: Vec<Arc<LoadedArticle>>,
    /// Articles left out or expiring, with why and when (`Site::excluded`).
    pub timeline: Vec<(ContentPath, Excluded, Timestamp)>,
    /// Content paths left out (articles and their bundle folders), with why.
    pub excluded: HashMap<ContentPath, Excluded>,
    /// The section folders of the drafts left out (see
    /// `sections::leave_out_draft_only`).
    pub draft_folders: HashSet<String>,
}

/// Sorts out `loaded` (in any order) for a build of `inclusion`;
/// `draft_sections` are the folders of the draft sections left out;
/// `shown` (a source path) is in whatever its draft state and dates.
pub(super) fn select(
    loaded: Vec<Arc<LoadedArticle>>,
    draft_sections: &HashSet<String>,
    inclusion: Inclusion,
    shown: Option<&Path>,
) -> Included {
    let loaded = sorted_by(loaded, |a, b| a.origin.path.cmp(&b.origin.path));
    let mut timeline = Vec::new();
    let mut excluded = HashMap::new();
    let mut draft_folders = HashSet::new();
    let mut kept: Vec<Arc<LoadedArticle>> = Vec::with_capacity(loaded.len());
    for article in loaded {
        let content_path = ContentPath::of(&article.origin.path);
        let rules = shown != Some(article.origin.path.as_path());
        if let Some((why, at)) = left_out(&article, draft_sections, inclusion).filter(|_| rules) {
            if why == Excluded::Draft {
                draft_folders.insert(article.origin.section.clone());
            }
            excluded.insert(content_path.clone(), why);
            if let Some(b) = &article.origin.bundle {
                excluded.insert(ContentPath::of(b), why);
            }
            timeline.push((content_path, why, at));
            continue;
        }
        // Expiring articles matter to `next-change` too.
        if let Some(exp) = article.meta.expires {
            timeline.push((content_path.clone(), Excluded::Expired, exp.at));
        }
        kept.push(article);
    }
    let kept = sorted_by(kept, |a, b| order(a, b));
    Included {
        kept,
        timeline,
        excluded,
        draft_folders,
    }
}

/// Why and until when `article` is left out of this build, if it is.
fn left_out(
    article: &LoadedArticle,
    draft_sections: &HashSet<String>,
    inclusion: Inclusion,
) -> Option<(Excluded, Timestamp)> {
    let meta = &article.meta;
    let in_draft_section = draft_sections.iter().any(|d| {
        article.origin.section == *d || article.origin.section.starts_with(&format!("{d}/"))
    });
    if (meta.draft || in_draft_section) && !inclusion.drafts {
        Some((Excluded::Draft, meta.date.at))
    } else if meta.date.at > inclusion.now && !inclusion.future {
        Some((Excluded::Future, meta.date.at))
    } else if meta.expires.map(|e| e.at <= inclusion.now).unwrap_or(false) {
        Some((
            Excluded::Expired,
            meta.expires.map(|e| e.at).unwrap_or(meta.date.at),
        ))
    } else {
        None
    }
}

/// The build's order of articles: newest first; ties by path, so the
/// order never depends on the machine.
pub(super) fn order(a: &LoadedArticle, b: &LoadedArticle) -> std::cmp::Ordering {
    b.meta
        .date
        .at
        .cmp(&a.meta.date.at)
        .then_with(|| a.origin.path.cmp(&b.origin.path))
}

/// `items` in the order `compare` gives (a stable sort), each item moved
/// once: a loaded article is a large value, and sorting the vector itself
/// moves every one of them at each merge pass.
/// The comparisons run on all cores (a stable parallel sort: the same order
/// as a sequential one).
fn sorted_by<T: Sync>(
    items: Vec<T>,
    compare: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.par_sort_by(|&x, &y| compare(&items[x], &items[y]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}
