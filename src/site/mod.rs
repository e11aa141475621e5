//! The site model and its assembly: sections, articles, URLs, links,
//! registries, in a deterministic order.
//!
//! `assemble` takes the loaded articles (in any order: they come from a
//! parallel stage) and decides, sequentially, everything that needs the
//! whole site, one named stage after another, each in the module that owns
//! it:
//!
//! 1. `sections`: which sections are in this build, their titles and
//!    folders (home is always index 0);
//! 2. `inclusion`: which articles are in (drafts, embargo, expiry), and
//!    their order, newest first; then the sections that hold drafts only
//!    are left out too, with their menu entries;
//! 3. `placement`: each article's address (made in [`urls`]) and its
//!    collisions;
//! 4. `assets`: where the other files of `content/` are published;
//! 5. the pages links may reach (`resolution::add_targets`, and
//!    `unloaded`: the articles that exist but could not be loaded), `aliases`
//!    and the `related` articles as written, all checked while every
//!    source is still held;
//! 6. [`taxonomy`], then every output path checked ([`paths`]);
//! 7. `resolution`: each article's links, files and people, per article
//!    and in parallel once the `Resolver` exists;
//! 8. "further reading" completed by shared tags, and the sections'
//!    listings filled.
//!
//! A stage takes what the earlier ones made and returns its part, with its
//! problems; errors are returned with everything else found, sorted by file.
//! After this the `Site` is read-only: rendering takes `&Site`, and
//! relations are indices, not references.

mod aliases;
mod assets;
pub mod description;
pub mod focus;
pub mod image_size;
mod inclusion;
pub mod links;
pub mod patch;
pub mod paths;
mod placement;
mod positions;
pub mod registry;
mod related;
mod resolution;
mod sections;
pub mod taxonomy;
mod unloaded;
pub mod urls;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;

use crate::config::Config;
use crate::content::ContentPath;
use crate::content::article::LoadedArticle;
use crate::content::discover::Discovered;
use crate::content::front_matter::SectionMeta;
use crate::content::markdown::{HtmlWithBlockMarkers, Rendered};
use crate::diagnostics::{Diagnostic, Position, SourceText, Staged};
pub use inclusion::{Inclusion, next_change};
use links::{Excluded, Resolver};
use registry::Registry;
pub use resolution::Retention;
pub use urls::{PageFolder, content_rel};

/// A section: a folder of articles, or the home page.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Folder relative to `content/` (empty for home).
    pub dir: String,
    /// Title.
    pub title: String,
    /// One sentence.
    pub description: Option<String>,
    /// The `_index.md` body, rendered.
    pub intro_html: String,
    /// Articles per page.
    pub paginate_by: usize,
    /// Template override.
    pub template: Option<String>,
    /// Output folder (`actualites/`, empty for home).
    pub rel_url: PageFolder,
    /// URL path.
    pub url: String,
    /// Its articles, sorted.
    pub articles: Vec<usize>,
    /// The `_index.md` file.
    pub source: Option<PathBuf>,
    /// Free map.
    pub extra: serde_json::Value,
}

/// A cover image, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// URL.
    pub src: String,
    /// Alternative text.
    pub alt: String,
    /// Caption.
    pub caption: Option<String>,
    /// Credit.
    pub credit: Option<String>,
    /// Width and height in pixels, when the file's header gives them.
    pub size: Option<(u32, u32)>,
    /// Its variants, once a build has made them (`None` in the preview,
    /// in `check`, and for SVG or GIF, which show `src` as it is).
    pub picture: Option<Picture>,
    /// The same variants as a card shows them: those a card's width
    /// needs (see `render::pictures::places`).
    pub card: Option<Picture>,
    /// The point a card keeps when it crops the picture (`focus:`).
    pub focus: Option<focus::Focus>,
}

/// A raster photo published in several widths (see `crate::images`): what
/// `<picture>` needs, typed for the templates.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Picture {
    /// The modern formats, for `<source type srcset>`: WebP (none for a
    /// WebP source, whose fallback is WebP already).
    pub sources: Vec<PictureSource>,
    /// The fallback's largest file, for `<img src>`.
    pub src: String,
    /// The fallback's files with their widths (`a.480w.jpg 480w, …`).
    pub srcset: String,
    /// The fallback's media type (`image/jpeg`, `image/png`, `image/webp`).
    #[serde(rename = "type")]
    pub media_type: &'static str,
    /// The largest fallback's width in pixels (upright), for `<img width>`.
    pub width: u32,
    /// Its height in pixels, for `<img height>`.
    pub height: u32,
}

/// One `<source>` of a [`Picture`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PictureSource {
    /// Its media type (`image/webp`).
    #[serde(rename = "type")]
    pub media_type: &'static str,
    /// Its files with their widths.
    pub srcset: String,
}

/// A raster photo an article shows (an image of its body, its cover),
/// which a build publishes in variants, and where to report it when it
/// cannot.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoUse {
    /// The address the page names it by (`/actualites/x/photo.jpg`).
    pub url: String,
    /// The file, relative to the site's root (`content/actualites/x/photo.jpg`).
    pub source: PathBuf,
    /// Its path as the writer wrote it.
    pub written: String,
    /// Whether it is the cover (`image:`) rather than an image of the body.
    pub cover: bool,
    /// The article's file.
    pub file: PathBuf,
    /// Where the article names it.
    pub position: Position,
}

/// An attached document, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Download {
    /// URL.
    pub url: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Size in bytes.
    pub size: u64,
    /// Type label (`PDF`).
    pub kind: String,
}

/// The front matter's Markdown with links resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlockHtml {
    /// Interview introduction.
    pub interview_intro: Option<String>,
    /// `(question, answer)`.
    pub questions: Vec<(String, String)>,
    /// Testimonies by group.
    pub testimonials: BTreeMap<String, Vec<String>>,
    /// Principles by list: `(title, text)`.
    pub principles: BTreeMap<String, Vec<(Option<String>, String)>>,
    /// Quotes.
    pub quotes: BTreeMap<String, String>,
    /// The ids of the quotes whose words are in the article too
    /// (`content::echo`): for the eye only, the others are read.
    pub repeating_quotes: BTreeSet<String>,
    /// Aside and custom shortcode bodies, by block index.
    pub bodies: BTreeMap<usize, String>,
}

/// An article in this build.
#[derive(Debug, Clone)]
pub struct Article {
    /// As loaded.
    pub loaded: Arc<LoadedArticle>,
    /// Path relative to `content/` (`actualites/x.md`): its id.
    pub content_path: ContentPath,
    /// Folder relative links start from.
    pub base_dir: String,
    /// Output folder (`actualites/x/`).
    pub rel_url: PageFolder,
    /// URL path.
    pub url: String,
    /// Its section.
    pub section: usize,
    /// Body with links resolved (block markers remain).
    pub body_html: HtmlWithBlockMarkers,
    /// The lead, inline HTML.
    pub lead_html: Option<String>,
    /// The listing summary: the lead, or the first paragraph.
    pub summary_html: String,
    /// Meta description text.
    pub description: Option<String>,
    /// Title with typography.
    pub title: String,
    /// Cover image.
    pub image: Option<Image>,
    /// The raster photos it shows (cover and body), for a build's variants.
    pub photos: Vec<PhotoUse>,
    /// Attached documents.
    pub downloads: Vec<Download>,
    /// Front-matter Markdown.
    pub blocks: BlockHtml,
    /// Further reading.
    pub related: Vec<usize>,
    /// Redirects to write: output folders.
    pub aliases: Vec<String>,
}

/// The assembled site.
#[derive(Debug)]
pub struct Site {
    /// Settings.
    pub config: Config,
    /// Sections; index 0 is home.
    pub sections: Vec<Section>,
    /// Articles in this build, newest first.
    pub articles: Vec<Article>,
    /// People and organisations.
    pub registry: Registry,
    /// Content files to copy: `(output path, source path relative to root)`.
    pub assets: Vec<(String, PathBuf)>,
    /// The photos' variant files, each with the content file (in
    /// `assets`) it is made from: listed by the image step
    /// (`render::pictures`), empty until it runs, claimed like any output.
    pub variants: Vec<(String, usize)>,
    /// The variants of photos of `static/` (people's photos, logos named
    /// by a site path), each with its static file's index in the list the
    /// image step is given (the theme's `static_files`), claimed likewise.
    pub static_variants: Vec<(String, usize)>,
    /// People's photos in variants, by the address a card names them by:
    /// the widths of an avatar (`render::pictures::places`); filled by
    /// the image step, empty in the preview.
    pub portraits: HashMap<String, Picture>,
    /// Raster organisation logos in variants, by address, likewise.
    pub logos: HashMap<String, Picture>,
    /// Where relative addresses lead.
    pub resolver: Resolver,
    /// Articles left out, with why (for `next-change`).
    pub excluded: Vec<(ContentPath, Excluded, Timestamp)>,
    /// The present.
    pub now: Timestamp,
    /// Categories, series, tags, organisations, authors, people.
    pub taxonomies: taxonomy::Taxonomies,
}

/// A loaded `_index.md`.
#[derive(Debug, Clone)]
pub struct LoadedSection {
    /// Folder relative to `content/`.
    pub dir: String,
    /// The file.
    pub source: Option<Arc<SourceText>>,
    /// Front matter.
    pub meta: SectionMeta,
    /// Body.
    pub intro: Rendered,
}

/// How to assemble a site: what it includes, what it keeps, and the
/// static files published beside it.
#[derive(Debug, Clone, Copy)]
pub struct Assembly<'a> {
    /// Drafts, embargo, now.
    pub inclusion: Inclusion,
    /// What to keep of the loaded articles.
    pub retention: Retention,
    /// The theme's static files (the site's over them): output paths too,
    /// checked with the others (see [`paths`]).
    pub statics: &'a [(String, PathBuf)],
    /// The articles discovery found whose loading failed: known targets
    /// of links and `related:` (see `unloaded`), their errors reported
    /// apart.
    pub unloaded: &'a [ContentPath],
    /// An article (its source path) in the site whatever its draft state
    /// and dates: the one the studio previews; `None` in a build.
    pub shown: Option<&'a Path>,
}

/// Builds the site model. Errors are returned with everything else found.
pub fn assemble(
    mut config: Config,
    discovered: &Discovered,
    sections_in: Vec<LoadedSection>,
    loaded: Vec<Arc<LoadedArticle>>,
    registry: Registry,
    how: Assembly,
) -> Staged<Site> {
    let Assembly {
        inclusion,
        retention,
        statics,
        unloaded,
        shown,
    } = how;
    let lang = config.language;
    let mut errors: Vec<Diagnostic> = registry.refused_urls(
        &config.root,
        discovered.people.as_deref(),
        discovered.organisations.as_deref(),
        &config.urls,
        lang,
    );
    let mut sections = sections::build(&config, &sections_in, inclusion);
    let included = inclusion::select(loaded, &sections.drafts, inclusion, shown);
    let draft_only =
        sections::leave_out_draft_only(&mut sections, &included.kept, &included.draft_folders);
    let mut resolver = Resolver {
        excluded: included.excluded,
        ..Resolver::default()
    };
    sections::hide_left_out(
        &mut config,
        &mut resolver,
        sections.drafts.iter().chain(&draft_only),
    );
    unloaded::register(&mut resolver, &config, discovered, &sections, unloaded);
    let placement::Placement {
        mut articles,
        by_url,
    } = placement::place(&config, &sections, included.kept, &mut errors);
    let assets = assets::place(&config, discovered, &articles, &sections, &mut resolver);
    resolution::add_targets(&mut resolver, &sections.list, &articles);
    aliases::assign(&mut articles, &by_url, lang, &mut errors);
    let related_written = related::as_written(&articles, &resolver, lang, &mut errors);

    // The model, whole but for what resolution adds: its taxonomies, then
    // every output path checked while the sources can still be pointed at.
    let mut site = Site {
        config,
        sections: sections.list,
        articles,
        registry,
        assets,
        variants: Vec::new(),
        static_variants: Vec::new(),
        portraits: HashMap::new(),
        logos: HashMap::new(),
        resolver,
        excluded: included.timeline,
        now: inclusion.now,
        taxonomies: Default::default(),
    };
    site.taxonomies = taxonomy::build(&site);
    errors.extend(paths::check(&site, statics));
    errors.extend(resolution::resolve_all(&mut site, retention));
    errors.extend(sections::resolve_intros(&mut site, &sections_in));
    related::complete(&mut site.articles, related_written);
    sections::fill_listings(&mut site.sections, &site.articles, &sections_in);
    errors.sort_by(|a, b| a.file.cmp(&b.file));
    Staged::new(Some(site), errors)
}

impl Site {
    /// Frees what only the pages read of the articles (their bodies with
    /// links resolved, their blocks' HTML), once every page is rendered:
    /// `build`'s search index reads the rendered pages, and the memory goes
    /// to it instead (a sixth of a 10,000-article build's peak).
    pub fn release_page_texts(&mut self) {
        for article in &mut self.articles {
            article.body_html = Default::default();
            article.blocks = Default::default();
        }
    }

    /// The address of a person's photo as written (`photo`, and whether
    /// it was written in an article, whose folder `base_dir` a relative
    /// path starts from): an address as it is, a site path under the
    /// root path, a file beside the article by its published address.
    /// Person cards and the image step both ask here, so a card finds
    /// the variants made for its photo.
    pub fn photo_address(&self, base_dir: &str, photo: &(String, bool)) -> Option<String> {
        let (src, in_article) = photo;
        if src.contains("://") && !src.starts_with('/') {
            Some(src.clone())
        } else if *in_article && !src.starts_with('/') {
            let content_path = crate::content::ContentPath::linked(base_dir, src)?;
            self.resolver.files.get(&content_path).cloned()
        } else {
            Some(self.config.url(src))
        }
    }
}
