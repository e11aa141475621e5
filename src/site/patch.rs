//! Patching an assembled `Site` in place when one article's body changed:
//! watch mode's fast path (see `crate::serve::incremental`); and, when an
//! edit of the front matter needed the site assembled again, telling
//! whether it moved anything (`same_places`), so that only the pages
//! showing the edited articles are rendered again.
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

/// Whether `new`, assembled again after an edit of the articles `edited`
/// (their indexes, the same in both), differs from `old` only in those
/// articles' own texts: every article at the same place with the same
/// address, folder, section, "further reading" and aliases, the edited
/// ones with the same anchors and pinned or not as before (`edited` must
/// be indexes of both); the same sections and lists, taxonomies
/// and terms (with their people and organisations), and the same files to
/// copy and photo variants. Then every other article resolved as before
/// (resolution reads only its own file, the addresses and anchors of the
/// articles it links to, the settings and the registries, which an
/// article's edit does not change), and only the pages that show an
/// edited article differ from the last render.
pub fn same_places(old: &Site, new: &Site, edited: &[usize]) -> bool {
    let articles = old.articles.len() == new.articles.len()
        && old.articles.iter().zip(&new.articles).all(|(a, b)| {
            a.content_path == b.content_path
                && a.url == b.url
                && a.rel_url == b.rel_url
                && a.base_dir == b.base_dir
                && a.section == b.section
                && a.related == b.related
                && a.aliases == b.aliases
        });
    articles
        && edited.iter().all(|&i| {
            // The same length, checked above: an index of one is of both.
            let (Some(a), Some(b)) = (old.articles.get(i), new.articles.get(i)) else {
                return false;
            };
            // Pinned or not decides where the home page shows it, beside
            // its place in the lists.
            a.loaded.meta.pinned == b.loaded.meta.pinned && a.loaded.anchors() == b.loaded.anchors()
        })
        && old.sections == new.sections
        && old.taxonomies == new.taxonomies
        && old.assets == new.assets
        && old.variants == new.variants
        && old.static_variants == new.static_variants
        && old.portraits == new.portraits
        && old.logos == new.logos
}
