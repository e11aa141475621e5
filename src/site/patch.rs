//! Patching an assembled `Site` in place when one article changed without
//! moving: watch mode's fast paths (see `crate::serve::incremental`); and,
//! when an edit of the front matter needed the site assembled again,
//! telling whether it moved anything (`same_places`), so that only the
//! pages showing the edited articles are rendered again.
//!
//! Assembly is whole-site work (sorting, URLs, taxonomies, "further
//! reading", the link resolver), a fifth of a second or more on a large
//! site. But two kinds of edit change none of it:
//!
//! - a body edit that leaves the front matter byte for byte the same and
//!   the anchors (the ids other articles may link to) the same
//!   (`body_only`): only the article's own resolved HTML changes, and
//!   perhaps its summary;
//! - an edit of the front matter's *texts* only (`texts_only`): the title,
//!   the lead, the cover's alternative text, caption and credit, the texts
//!   of its quotes, testimonies, principles, interview and downloads, the
//!   source's title and page; every value assembly places the article by
//!   (dates, slug, terms, people, "further reading", files, flags) the
//!   same, and the anchors too. The article's own page is then what
//!   `replace` makes of it; the listings that show it may still move (a
//!   section sorted by title), which the preview settles by assembling
//!   again after showing the page (`same_places`).
//!
//! A third kind of edit moves the article but not its page (`stays`: a
//! date, tags, "further reading"): `replace` then makes its own page as
//! the article says it, for showing first, while the site is assembled
//! again; what only its new place decides comes with that.
//!
//! An article at an address the site does not show it at (a new file, a
//! renamed one, a new slug, a draft published) is placed last in the site
//! (`place_new`), in its section, its old place left out, its links
//! resolved, its "further reading" chosen and its terms linked as
//! assembly would (a term no article had added for its page), for its
//! own page to be shown first; then taken out again (`remove_new`) before
//! the site is assembled with it. The studio places so any unsaved edit
//! that moves an article, a draft's too (`For::UnsavedText`), for its
//! preview alone.
//!
//! `replace` redoes the per-article steps of assembly for that article
//! alone: its title (`placement::title`) and its resolution
//! (`resolution::resolve_article`), the same functions the full assembly
//! runs. It is a child of `site` so it can call those private steps
//! instead of copying them.

use std::sync::Arc;

use super::Site;
use super::resolution::resolve_article;
use super::{placement, related};
use crate::content::article::LoadedArticle;
use crate::content::discover::AssetSource;
use crate::content::front_matter::{ArticleMeta, RawPrinciple};
use crate::diagnostics::Diagnostic;
use crate::yaml::Text;

/// Whether `new` differs from `old` only in what its own page shows: same
/// file, same front matter text, same anchors (heading ids, in the body and
/// in its blocks, and the interview questions it shows).
pub fn body_only(old: &LoadedArticle, new: &LoadedArticle) -> bool {
    old.origin == new.origin
        && old.source.text.get(old.split.yaml.clone())
            == new.source.text.get(new.split.yaml.clone())
        && old.anchors() == new.anchors()
}

/// Whether `new` differs from `old` only in texts its page and its summary
/// show (see the module's documentation): same file, same anchors, and
/// the same front matter once those texts are set aside.
pub fn texts_only(old: &LoadedArticle, new: &LoadedArticle) -> bool {
    old.origin == new.origin
        && old.anchors() == new.anchors()
        && without_texts(&old.meta) == without_texts(&new.meta)
}

/// Whether `new` keeps `old`'s page where it is, whatever else the edit
/// moved (its date, terms, "further reading", pinned or not): the same
/// file, slug, aliases and template, still no draft and no expiry but as
/// before, and a date that is not after `now` (an embargo would take it
/// out). Its own page can then be shown first from the last site patched
/// with it (`replace`): right for what the article itself says, while
/// what depends on its new place (its "further reading", the address of
/// a term no other article has) comes with the site assembled again.
pub fn stays(old: &LoadedArticle, new: &LoadedArticle, now: jiff::Timestamp) -> bool {
    let (a, b) = (&old.meta, &new.meta);
    old.origin == new.origin
        && a.slug == b.slug
        && a.aliases == b.aliases
        && a.template == b.template
        && a.draft == b.draft
        && a.expires == b.expires
        && b.date.at <= now
}

/// `meta` with its free texts emptied: what is left is what assembly
/// places the article by.
fn without_texts(meta: &ArticleMeta) -> ArticleMeta {
    let mut m = meta.clone();
    let blank = |t: &mut Text| t.0.clear();
    m.title.clear();
    m.summary = None;
    if let Some(image) = &mut m.image {
        image.alt.iter_mut().for_each(blank);
        image.caption.iter_mut().for_each(blank);
        image.credit.iter_mut().for_each(blank);
    }
    if let Some(interview) = &mut m.interview {
        interview.intro.iter_mut().for_each(blank);
        for q in &mut interview.questions {
            blank(&mut q.q);
            blank(&mut q.a);
        }
    }
    for group in m.testimonials.values_mut() {
        group.title.iter_mut().for_each(blank);
        group.items.iter_mut().for_each(|i| blank(&mut i.text));
    }
    for list in m.principles.values_mut() {
        list.title.iter_mut().for_each(blank);
        for item in &mut list.items {
            match item {
                RawPrinciple::Plain(text) => blank(text),
                RawPrinciple::Titled(t) => {
                    blank(&mut t.title);
                    t.text.iter_mut().for_each(blank);
                }
            }
        }
    }
    m.quotes.values_mut().for_each(|q| blank(&mut q.text));
    for d in &mut m.downloads {
        d.title.iter_mut().for_each(blank);
        d.description.iter_mut().for_each(blank);
    }
    if let Some(source) = &mut m.source {
        blank(&mut source.title);
        source.page.iter_mut().for_each(blank);
    }
    m
}

/// What [`replace`] did.
#[derive(Debug)]
pub struct Replaced {
    /// Whether the article's summary or title changed, so that listings
    /// showing it must be rendered again.
    pub shown_changed: bool,
    /// The warnings assembly gives the article: its resolution's, and its
    /// `related:` entries left out of this build.
    pub warnings: Vec<Diagnostic>,
}

/// Replaces article `index`'s file by `loaded` (for which `body_only` or
/// `texts_only` holds, or `stays`, for showing its page first only), and
/// makes its title and resolution again. On error the site is left
/// untouched.
pub fn replace(
    site: &mut Site,
    index: usize,
    loaded: Arc<LoadedArticle>,
) -> Result<Replaced, Vec<Diagnostic>> {
    let mut article = site.articles[index].clone();
    article.loaded = loaded;
    article.title = placement::title(&site.config, &article.loaded);
    let parts = resolve_article(&article, &site.resolver, &site.config, &site.registry)?;
    let shown_changed =
        parts.summary_html != article.summary_html || article.title != site.articles[index].title;
    let mut warnings = article.apply(parts);
    site.articles[index] = article;
    warnings.extend(related::problems(
        &site.articles,
        index,
        &site.resolver,
        site.config.language,
    ));
    Ok(Replaced {
        shown_changed,
        warnings,
    })
}

/// An article [`place_new`] placed, to take out with [`remove_new`].
pub struct PlacedNew {
    /// Its index in the site (the last).
    pub index: usize,
    /// What assembly would find in it: its resolution's warnings, or
    /// errors (for [`For::UnsavedText`] only: it is then placed as
    /// assembly leaves it, unresolved), and its `related:` entries left
    /// out of the site.
    pub found: Vec<Diagnostic>,
    /// The link target its file had before (an article of `gone`).
    replaced: Option<super::links::Target>,
    /// The terms only it names, added to the taxonomies for its page.
    terms: super::taxonomy::AddedTerms,
    /// A new bundle's files, `(output path, source)`, where its page links
    /// to them (the caller serves them with the page).
    pub files: Vec<(String, std::path::PathBuf)>,
    /// Their link targets before (none, unless of an article `gone`).
    files_before: Vec<(crate::content::ContentPath, Option<String>)>,
}

/// What [`place_new`] places an article for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum For {
    /// Its page shown before the rebuild that publishes it (`serve`): only
    /// an article the site would show (no draft, no date to come, not
    /// expired) whose links resolve.
    PageShownFirst,
    /// The studio's preview of its unsaved text: whatever its draft state
    /// and dates (the studio shows a draft's page too), and with its
    /// resolution's errors, which the preview shows.
    UnsavedText,
}

/// Places `loaded` last in `site`, for its own page alone, as if the
/// articles `gone` were not in the site (the old name of a renamed file,
/// the article itself before an edit that gives it a new address or
/// place): at its address in its section, with its links resolved and
/// its "further reading" as assembly would choose it. `None` when the
/// site would not show it (for [`For::PageShownFirst`]: a draft, a date
/// to come, expired; its section not in the site), it is a bundle at an
/// address its files are not published under (a new bundle, a new slug:
/// the site does not know where they go yet), its address or one of its
/// old addresses (`aliases:`) is taken or one Gazette uses, a term it
/// names would move (`taxonomy::place_names`), or (for
/// [`For::PageShownFirst`]) its links do not resolve: the full path then
/// places it or says why. Undo with [`remove_new`].
pub fn place_new(
    site: &mut Site,
    loaded: Arc<LoadedArticle>,
    gone: &[usize],
    purpose: For,
    bundle_files: Option<&[AssetSource]>,
) -> Option<PlacedNew> {
    let article = placed_at(site, loaded, gone, purpose)?;
    let key = article.content_path.clone();
    // A bundle's files are published under its address: placed where
    // the site already publishes them, or where the caller, who listed
    // them (`bundle_files`), will serve them.
    let bundle_in_place = |a: &super::Article| {
        a.loaded.origin.bundle == article.loaded.origin.bundle && a.rel_url == article.rel_url
    };
    let moved_bundle = article
        .loaded
        .origin
        .bundle
        .clone()
        .filter(|_| !gone.iter().any(|&g| bundle_in_place(&site.articles[g])));
    if moved_bundle.is_some() && bundle_files.is_none() {
        return None;
    }
    if !free(site, &article, gone) {
        return None;
    }
    let replaced = site.resolver.pages.insert(
        key,
        super::links::Target {
            url: article.url.clone(),
            anchors: article.loaded.anchors(),
        },
    );
    let index = site.articles.len();
    site.articles.push(article);
    let mut placed = PlacedNew {
        index,
        found: Vec::new(),
        replaced,
        terms: Default::default(),
        files: Vec::new(),
        files_before: Vec::new(),
    };
    if let (Some(bundle), Some(files)) = (moved_bundle, bundle_files) {
        place_files(site, &mut placed, &bundle, files);
    }
    match resolve_article(
        &site.articles[index],
        &site.resolver,
        &site.config,
        &site.registry,
    ) {
        Ok(parts) => {
            placed.found = site.articles[index].apply(parts);
        }
        Err(errors) if purpose == For::UnsavedText => placed.found = errors,
        Err(_) => {
            remove_new(site, placed);
            return None;
        }
    }
    site.articles[index].related = related::of_new(
        &site.articles,
        index,
        gone,
        &site.resolver,
        site.config.language,
    );
    placed.found.extend(related::problems(
        &site.articles,
        index,
        &site.resolver,
        site.config.language,
    ));
    match super::taxonomy::place_names(site, index, gone) {
        Some(terms) => placed.terms = terms,
        None => {
            remove_new(site, placed);
            return None;
        }
    }
    Some(placed)
}

/// `loaded` placed in its section at its address, when `purpose` shows
/// it (for a page shown first: no draft, no date to come, not expired)
/// and its file is no article's but those `gone`.
fn placed_at(
    site: &Site,
    loaded: Arc<LoadedArticle>,
    gone: &[usize],
    purpose: For,
) -> Option<super::Article> {
    let meta = &loaded.meta;
    let published =
        !meta.draft && meta.date.at <= site.now && meta.expires.is_none_or(|e| e.at > site.now);
    let key = crate::content::ContentPath::of(&loaded.origin.path);
    let known_elsewhere = site.resolver.pages.contains_key(&key)
        && !gone.iter().any(|&g| site.articles[g].content_path == key);
    if (purpose == For::PageShownFirst && !published) || known_elsewhere {
        return None;
    }
    let section = site
        .sections
        .iter()
        .position(|s| s.dir == loaded.origin.section)?;
    placement::one(&site.config, &site.sections, section, loaded)
}

/// Links the files of the bundle `bundle` (its folder) to where they
/// are published beside the page of the article `placed`, as
/// `assets::place` would, and lists them for the caller to serve.
fn place_files(
    site: &mut Site,
    placed: &mut PlacedNew,
    bundle: &std::path::Path,
    files: &[AssetSource],
) {
    let dir = super::urls::content_rel(bundle);
    for asset in files {
        let Some(inner) = asset
            .content_path
            .as_str()
            .strip_prefix(&dir)
            .and_then(|r| r.strip_prefix('/'))
        else {
            continue;
        };
        let out = format!("{}{}", site.articles[placed.index].rel_url, inner);
        let before = site
            .resolver
            .files
            .insert(asset.content_path.clone(), site.config.url(&out));
        placed
            .files_before
            .push((asset.content_path.clone(), before));
        placed.files.push((out, asset.path.clone()));
    }
}

/// Whether `article`'s address is no other's (an article's but those
/// `gone`, a section's) nor another's old address, and its old addresses
/// (`aliases:`) valid and free as assembly would give them
/// (`aliases::assign`).
fn free(site: &Site, article: &super::Article, gone: &[usize]) -> bool {
    let others = || {
        site.articles
            .iter()
            .enumerate()
            .filter(|(i, _)| !gone.contains(i))
            .map(|(_, a)| a)
    };
    let taken = others().any(|a| a.rel_url == article.rel_url)
        || site.sections.iter().any(|s| s.rel_url == article.rel_url)
        || others().any(|a| a.aliases.iter().any(|p| p == article.rel_url.as_str()));
    let aliases_free = article.loaded.meta.aliases.iter().all(|alias| {
        super::paths::alias_path(alias).is_ok_and(|path| {
            !others().any(|a| a.rel_url.as_str() == path || a.aliases.contains(&path))
        })
    });
    !taken && aliases_free
}

/// Takes out the article [`place_new`] placed (the last), and gives its
/// file's link target back.
pub fn remove_new(site: &mut Site, placed: PlacedNew) {
    placed.terms.remove(&mut site.taxonomies);
    for (path, before) in placed.files_before.into_iter().rev() {
        match before {
            Some(url) => site.resolver.files.insert(path, url),
            None => site.resolver.files.remove(&path),
        };
    }
    if placed.index + 1 == site.articles.len()
        && let Some(article) = site.articles.pop()
    {
        match placed.replaced {
            Some(target) => {
                site.resolver.pages.insert(article.content_path, target);
            }
            None => {
                site.resolver.pages.remove(&article.content_path);
            }
        }
    }
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
