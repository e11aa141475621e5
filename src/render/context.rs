//! What templates see: the values of `docs/theming.md`, built from the site.
//!
//! Every field the contract names is always present (`none` when absent),
//! because Tera 2 fails on undefined fields. An article's summary is turned
//! into a `tera::Value` once and shared by every listing that shows it, so a
//! listing page costs a few reference-counted clones, not a serialisation.

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use super::preview::PreviewCtx;
use super::theme::Theme;
use crate::messages::t;
use crate::site::registry::Person;
use crate::site::taxonomy::Kind;
use crate::site::{Article, Site};

/// `{title, url, active, current}`: `active` for every page of the entry's
/// section (`aria-current="true"`), `current` on the entry's own page only
/// (`aria-current="page"`).
#[derive(Serialize, Clone)]
pub struct MenuCtx {
    title: String,
    url: String,
    active: bool,
    current: bool,
}

/// The accessibility mention of the footer.
#[derive(Serialize, Clone)]
pub struct AccessibilityCtx {
    status: String,
    label: String,
    url: Option<String>,
}

/// `site`.
#[derive(Serialize, Clone)]
pub struct SiteCtx {
    title: String,
    description: Option<String>,
    language: &'static str,
    /// `fr_FR` or `en_US`, for `og:locale`.
    locale: &'static str,
    base_url: String,
    /// Whether `base_url` was given (else it is `http://localhost/`).
    has_base_url: bool,
    root: String,
    menu: Vec<MenuCtx>,
    feed_url: Option<String>,
    search_url: Option<String>,
    search_offline_url: Option<String>,
    accessibility: Option<AccessibilityCtx>,
}

/// `page`.
#[derive(Serialize)]
pub struct PageCtx {
    /// Kind of page.
    pub kind: &'static str,
    /// URL path.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    /// `<title>` text.
    pub title: String,
    /// Meta description.
    pub description: Option<String>,
    /// Feed of this listing.
    pub feed_url: Option<String>,
}

/// `assets`.
#[derive(Serialize)]
pub struct AssetsCtx {
    css: String,
    print_css: String,
    js: String,
}

/// `{name, url}`.
#[derive(Serialize, Clone)]
pub struct TermCtx {
    name: String,
    url: Option<String>,
}

#[derive(Serialize)]
struct ImageCtx {
    src: String,
    alt: String,
    caption: Option<String>,
    credit: Option<String>,
    decorative: bool,
    /// The file's size in pixels when its header gives it (`[width, height]`),
    /// for `<img width height>` when there are no variants.
    size: Option<[u32; 2]>,
    /// Its variants, when a build made them (`site::Picture`).
    picture: Option<crate::site::Picture>,
    /// The variants a card needs (the widths that fit a card).
    card: Option<crate::site::Picture>,
    /// The point a card keeps when it crops the picture, as CSS
    /// (`50% 30%`, for `object-position`), when `focus:` gives one.
    focus: Option<String>,
}

#[derive(Serialize)]
struct SectionRefCtx {
    title: String,
    url: String,
}

#[derive(Serialize)]
struct SummaryCtx<'a> {
    title: &'a str,
    url: &'a str,
    date: String,
    updated: Option<String>,
    summary_html: &'a str,
    category: Option<TermCtx>,
    series: Option<TermCtx>,
    tags: Vec<TermCtx>,
    authors: Vec<TermCtx>,
    organisations: Vec<TermCtx>,
    image: Option<ImageCtx>,
    section: SectionRefCtx,
    pinned: bool,
    draft: bool,
    /// The front matter's free `extra:` map, for themes.
    extra: &'a serde_json::Value,
}

/// A person card.
#[derive(Serialize, Clone)]
pub struct PersonCtx {
    id: Option<String>,
    name: String,
    role: Option<String>,
    organisation: Option<OrganisationCtx>,
    photo: Option<String>,
    /// The photo's variants, when a build made them: the widths of an
    /// avatar, 1× to 3× of both sizes the theme shows (`site::Picture`).
    picture: Option<crate::site::Picture>,
    /// Initials.
    pub initials: String,
    url: Option<String>,
}

#[derive(Serialize, Clone)]
struct OrganisationCtx {
    name: String,
    short: Option<String>,
    url: Option<String>,
    logo: Option<String>,
}

/// The values every page shares: made once per render.
struct Shared {
    /// `site` with every menu entry inactive.
    site: SiteCtx,
    /// `site` as a value, used as it is when the site has no menu.
    site_value: Value,
    strings: Value,
    assets: Value,
}

impl Shared {
    fn new(site: &Site, theme: &Theme) -> Self {
        let strings = &theme.strings;
        let config = &site.config;
        let lang = config.language;
        let menu = config
            .menu
            .iter()
            .map(|m| MenuCtx {
                title: crate::typography::typeset(lang, &m.title),
                url: if m.url.starts_with('/') {
                    config.url(&m.url)
                } else {
                    m.url.clone()
                },
                active: false,
                current: false,
            })
            .collect();
        let site_ctx = SiteCtx {
            title: crate::typography::typeset(lang, &config.title),
            description: config
                .description
                .as_deref()
                .map(|d| crate::typography::typeset(lang, d)),
            language: lang.code(),
            locale: lang.pick("fr_FR", "en_US"),
            base_url: config.base_url.clone(),
            has_base_url: config.base_url_given,
            root: config.root_path.clone(),
            menu,
            feed_url: config.feeds.then(|| config.url("atom.xml")),
            search_url: config
                .search
                .then(|| config.url(crate::search::page_path(lang))),
            search_offline_url: (config.search && config.relative_urls)
                .then(|| config.url(crate::search::offline::FILE)),
            accessibility: Some(AccessibilityCtx {
                status: config.accessibility.status.clone(),
                label: t!(
                    lang,
                    "render-accessibility-label",
                    status = &config.accessibility.status
                ),
                url: Some(config.url(accessibility_folder(lang))),
            }),
        };
        Shared {
            site_value: Value::from_serializable(&site_ctx),
            site: site_ctx,
            strings: Value::from_serializable(strings),
            assets: Value::from_serializable(&AssetsCtx {
                css: config.url(asset_path(theme, "css/gazette.css")),
                print_css: config.url(asset_path(theme, "css/print.css")),
                js: config.url(asset_path(theme, "js/gazette.js")),
            }),
        }
    }

    /// `site` for the page at `page_url`: its menu entry, if any, active.
    fn site_for(&self, root_path: &str, page_url: &str) -> Value {
        if self.site.menu.is_empty() {
            return self.site_value.clone();
        }
        let mut site = self.site.clone();
        for m in &mut site.menu {
            m.active = m.url != root_path && page_url.starts_with(&m.url) || m.url == page_url;
            m.current = m.url == page_url;
        }
        Value::from_serializable(&site)
    }

    /// The context of a card rendered on its own: `site` (no menu entry
    /// active), `t`, `assets`, `item` and `card_level`.
    fn card_context(&self, item: &Value, level: &str) -> tera::Context {
        let mut cx = tera::Context::new();
        cx.insert_value("site", self.site_value.clone());
        cx.insert_value("t", self.strings.clone());
        cx.insert_value("assets", self.assets.clone());
        cx.insert_value("item", item.clone());
        cx.insert_value("card_level", Value::from(level));
        cx
    }
}

/// The heading levels a card is rendered at once per article
/// (`card_html`): the ones the `gazette` theme's listings use.
const CARD_LEVELS: [&str; 2] = ["h2", "h3"];

/// Builds the values shared by all pages.
pub struct Contexts<'a> {
    site: &'a Site,
    /// Article summaries, by article index.
    pub summaries: Vec<Value>,
    /// The home page's list: the root section's articles less the pinned
    /// ones (shown apart), in order.
    pub home: Vec<usize>,
    shared: Shared,
    /// The link preview values of a page that is not an article.
    site_preview: PreviewCtx,
}

/// The root section's articles less the pinned ones.
pub fn home_list(site: &Site) -> Vec<usize> {
    site.sections
        .first()
        .map(|s| {
            s.articles
                .iter()
                .copied()
                .filter(|&i| !site.articles[i].loaded.meta.pinned)
                .collect()
        })
        .unwrap_or_default()
}

/// The pinned articles, which the home page's first page shows apart from
/// its list, in the site's order.
pub fn pinned(site: &Site) -> Vec<usize> {
    (0..site.articles.len())
        .filter(|&i| site.articles[i].loaded.meta.pinned)
        .collect()
}

impl<'a> Contexts<'a> {
    /// Prepares the shared values and every article's summary.
    pub fn new(site: &'a Site, theme: &Theme) -> Self {
        let shared = Shared::new(site, theme);
        let summaries = (0..site.articles.len())
            .into_par_iter()
            .map(|i| summary_with(site, theme, &shared, i))
            .collect();
        Contexts {
            site,
            summaries,
            home: home_list(site),
            shared,
            site_preview: PreviewCtx::of_site(&site.config),
        }
    }

    /// The shared values, with the summaries already made (watch mode keeps
    /// them between rebuilds and remakes only the edited article's, with
    /// [`Contexts::summary_value`]).
    pub fn with_summaries(site: &'a Site, theme: &Theme, summaries: Vec<Value>) -> Self {
        Contexts {
            site,
            summaries,
            home: home_list(site),
            shared: Shared::new(site, theme),
            site_preview: PreviewCtx::of_site(&site.config),
        }
    }

    /// Article `index`'s summary, as listings see it.
    pub fn summary_value(&self, theme: &Theme, index: usize) -> Value {
        summary_with(self.site, theme, &self.shared, index)
    }

    /// A context with `site`, `t`, `page` and `assets`, for a page that is
    /// not an article (the site's preview values).
    pub fn base(&self, page: PageCtx) -> tera::Context {
        self.base_with(page, &self.site_preview)
    }

    /// The link preview values of article `a`'s page.
    pub fn article_preview(&self, a: &Article) -> PreviewCtx {
        super::preview::of_article(&self.site.config, a, self.site_preview.image())
    }

    /// A context with `site`, `t`, `page` (with `preview`'s fields) and
    /// `assets`.
    pub fn base_with(&self, page: PageCtx, preview: &PreviewCtx) -> tera::Context {
        let shared = &self.shared;
        let mut cx = tera::Context::new();
        cx.insert_value(
            "site",
            shared.site_for(&self.site.config.root_path, &page.url),
        );
        cx.insert_value("t", shared.strings.clone());
        cx.insert_value("assets", shared.assets.clone());
        cx.insert_value("page", merged(&page, preview));
        cx
    }

    /// A person card.
    pub fn person(&self, article: &Article, person: &Person) -> PersonCtx {
        let photo = person
            .photo
            .as_ref()
            .and_then(|p| self.site.photo_address(&article.base_dir, p));
        let picture = photo
            .as_ref()
            .and_then(|a| self.site.portraits.get(a))
            .cloned();
        // Names and roles are typeset here, once for every card of every
        // page (interviews, testimonies, quotes, people, person pages).
        let lang = self.site.config.language;
        let typeset = |text: &str| crate::typography::typeset(lang, text);
        PersonCtx {
            id: person.id.clone(),
            name: typeset(&person.name),
            role: person.role.as_deref().map(typeset),
            organisation: person.organisation.as_ref().map(|o| OrganisationCtx {
                name: typeset(&o.name),
                short: o.short.as_deref().map(typeset),
                url: self
                    .site
                    .taxonomies
                    .url_of(Kind::Organisations, &o.name)
                    .or_else(|| o.url.clone()),
                logo: o.logo.as_deref().map(|l| self.site.config.asset_url(l)),
            }),
            photo,
            picture,
            initials: person.initials.clone(),
            url: self.site.taxonomies.person_url(person),
        }
    }

    /// The site being rendered.
    pub fn site(&self) -> &Site {
        self.site
    }
}

/// Article `index`'s summary, with `card_html`: the theme's card rendered
/// at each of [`CARD_LEVELS`], so that listings copy a card rather than
/// render it again on every page that shows it. A card that fails to render
/// on its own gets none: listings then include the partial, which reports
/// the error where it happens.
fn summary_with(site: &Site, theme: &Theme, shared: &Shared, index: usize) -> Value {
    let value = Value::from_serializable(&summary(site, &site.articles[index]));
    let mut cards = tera::Map::new();
    for level in CARD_LEVELS {
        let cx = shared.card_context(&value, level);
        match theme.tera.render(CARD_TEMPLATE, &cx) {
            Ok(html) => {
                cards.insert(level.into(), Value::safe_string(&html));
            }
            Err(_) => return with_field(value, "card_html", Value::none()),
        }
    }
    with_field(value, "card_html", Value::from(cards))
}

/// `page`'s fields and `extra`'s, in one map.
fn merged(page: &PageCtx, extra: &PreviewCtx) -> Value {
    let page = Value::from_serializable(page);
    match (page.as_map(), Value::from_serializable(extra).as_map()) {
        (Some(page), Some(extra)) => {
            let mut map = page.clone();
            for (key, value) in extra {
                map.insert(key.clone(), value.clone());
            }
            Value::from(map)
        }
        _ => page,
    }
}

/// The partial a card is rendered from.
const CARD_TEMPLATE: &str = "partials/card.html";

/// `value` (a map) with `key` set to `field`.
pub fn with_field(value: Value, key: &'static str, field: Value) -> Value {
    match value.as_map() {
        Some(map) => {
            let mut map = map.clone();
            map.insert(key.into(), field);
            Value::from(map)
        }
        None => value,
    }
}

/// A term as written, shown typeset and linked to its page.
fn term(site: &Site, kind: Kind, name: &str) -> TermCtx {
    TermCtx {
        name: crate::typography::typeset(site.config.language, name),
        url: site.taxonomies.url_of(kind, name),
    }
}

fn summary<'s>(site: &'s Site, a: &'s Article) -> SummaryCtx<'s> {
    let meta = &a.loaded.meta;
    let lang = site.config.language;
    let section = &site.sections[a.section];
    let organisations = meta
        .organisations
        .iter()
        .map(|o| {
            let name = &site.registry.organisation(o).name;
            TermCtx {
                name: crate::typography::typeset(lang, name),
                url: site.taxonomies.url_of(Kind::Organisations, name),
            }
        })
        .collect();
    SummaryCtx {
        title: &a.title,
        url: &a.url,
        date: meta.date.date.to_string(),
        updated: meta.updated.map(|d| d.date.to_string()),
        summary_html: &a.summary_html,
        category: meta
            .category
            .as_deref()
            .map(|c| term(site, Kind::Category, c)),
        series: meta.series.as_deref().map(|c| term(site, Kind::Series, c)),
        tags: meta
            .tags
            .iter()
            .map(|t| term(site, Kind::Tags, t))
            .collect(),
        authors: meta
            .authors
            .iter()
            .map(|t| term(site, Kind::Authors, t))
            .collect(),
        organisations,
        image: a.image.as_ref().map(|i| ImageCtx {
            src: i.src.clone(),
            alt: i.alt.clone(),
            caption: i.caption.clone(),
            credit: i.credit.clone(),
            decorative: i.alt.is_empty(),
            size: i.size.map(|(w, h)| [w, h]),
            picture: i.picture.clone(),
            card: i.card.clone(),
            focus: i.focus.map(|f| f.to_string()),
        }),
        section: SectionRefCtx {
            title: section.title.clone(),
            url: section.url.clone(),
        },
        pinned: meta.pinned,
        draft: meta.draft,
        extra: &meta.extra,
    }
}

/// Where a stylesheet or the script of the pages is published: its hashed
/// name (`fingerprint`), or its plain name in a theme without it.
fn asset_path<'a>(theme: &'a Theme, plain: &'a str) -> &'a str {
    theme.assets.get(plain).map_or(plain, |a| a.path.as_str())
}

/// Output folder of the accessibility statement (its home is the list of
/// every output path, `site::paths`).
pub use crate::site::paths::accessibility_page as accessibility_folder;
