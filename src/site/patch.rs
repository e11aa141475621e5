//! Patching an assembled `Site` in place when one article's body changed:
//! watch mode's fast path (see `crate::serve::incremental`).
//!
//! Assembly is whole-site work (sorting, URLs, taxonomies, "further
//! reading", the link resolver), a second or more on a large site. But an
//! edit that leaves the front matter byte for byte the same and the
//! anchors (the ids other articles may link to) the same changes none
//! of it: only the article's own resolved HTML, and perhaps its summary. So
//! `body_only` says when that holds, and `replace_body` redoes the one
//! per-article step of assembly (`resolution::resolve_article`, the same
//! function the full assembly runs) for that article alone. It is a child of `site` so it
//! can call that private step instead of copying it.

use std::sync::Arc;

use super::Site;
use super::resolution::resolve_article;
use crate::content::article::LoadedArticle;
use crate::diagnostics::Diagnostic;

/// Whether `new` differs from `old` only in what its own page shows: same
/// file, same front matter text, same anchors (heading ids, in the body and
/// in its blocks, and the interview questions it shows).
pub fn body_only(old: &LoadedArticle, new: &LoadedArticle) -> bool {
    old.origin == new.origin
        && old.source.text.get(old.split.yaml.clone())
            == new.source.text.get(new.split.yaml.clone())
        && old.anchors() == new.anchors()
}

/// Replaces article `index`'s file by `loaded` (for which `body_only` holds)
/// and resolves it again. Returns whether its summary changed, so listings
/// showing it must be rendered again. On error the site is left untouched.
pub fn replace_body(
    site: &mut Site,
    index: usize,
    loaded: Arc<LoadedArticle>,
) -> Result<bool, Vec<Diagnostic>> {
    let mut article = site.articles[index].clone();
    article.loaded = loaded;
    let parts = resolve_article(&article, &site.resolver, &site.config, &site.registry)?;
    let summary_changed = parts.summary_html != article.summary_html;
    article.apply(parts);
    site.articles[index] = article;
    Ok(summary_changed)
}
