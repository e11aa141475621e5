//! `site.yaml`, read in two stages.
//!
//! `RawConfig` mirrors the file: serde with `deny_unknown_fields`, so a typo is
//! an error with the closest key suggested (see `yaml`). `Config` is what the
//! program uses: defaults applied, URLs parsed, values checked, command-line
//! overrides merged. Only `resolve` knows about both.
//!
//! # The parts
//!
//! - `file`: reading `site.yaml` and the raw structs that mirror it
//!   ([`load`], [`RawConfig`]);
//! - `resolve`: the list of settings, defaults and one-check settings
//!   (title, theme, page size);
//! - `base_url`, `schemes` (`extra_url_schemes`), `menu` (and `share`),
//!   `share_image`, `accessibility`, `taxonomies`, `foreign` (`foreign_terms`),
//!   `images`: each setting with more than one check or a type of its own;
//! - `places`: where a setting is written, for the messages.
//!
//! A new setting is a field of `RawConfig` (in `file`) and of [`Config`]
//! (here), and a line in `resolve`; a module of its own when it has checks
//! that need more than a few lines. Every public item is re-exported here,
//! so other modules name `config::…` whatever file it lives in.

mod accessibility;
mod base_url;
mod file;
mod foreign;
mod images;
mod menu;
mod places;
mod resolve;
mod schemes;
mod share_image;
mod taxonomies;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use crate::content::markdown::RawHtml;
use crate::diagnostics::{Diagnostic, Position};
use crate::language::Language;
use crate::url_schemes::UrlPolicy;
pub use accessibility::Accessibility;
pub use base_url::parse_base_url;
pub use file::{RawConfig, load, peek_language};
pub use foreign::DEFAULT_TERMS;
pub use menu::{MenuEntry, ShareKind};
pub use share_image::ShareImage;
pub use taxonomies::TaxonomyFolders;

/// The site's settings, resolved.
#[derive(Debug, Clone)]
pub struct Config {
    /// Site root folder.
    pub root: PathBuf,
    /// Site title.
    pub title: String,
    /// Absolute base URL, with a trailing slash.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/rh/`): prefix of every site URL.
    pub root_path: String,
    /// Whether `base_url` was given (in `site.yaml` or on the command line):
    /// without one it is `http://localhost/`, which no one else can open.
    pub base_url_given: bool,
    /// What a build should warn about: no `base_url` given (it is then
    /// `http://localhost/`, which only suits local previews).
    pub warnings: Vec<Diagnostic>,
    /// Language of UI strings, dates, typography and messages.
    pub language: Language,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Site description.
    pub description: Option<String>,
    /// Articles per listing page.
    pub paginate_by: usize,
    /// Whether Atom feeds are written.
    pub feeds: bool,
    /// Whether the search index and page are written.
    pub search: bool,
    /// Whether every address between the site's own files is written
    /// relative to the page that holds it, `…/index.html` included
    /// (`relative_urls`, or `build --relative-urls`), so that the output
    /// opens from disk (`file://`, a shared drive). Off by default; the
    /// preview turns it off.
    pub relative_urls: bool,
    /// Whether the people who speak in articles get pages of their own
    /// (`person_pages`, on by default): off, no person page, no link to one.
    pub person_pages: bool,
    /// Share links on article pages.
    pub share: Vec<ShareKind>,
    /// The image of link previews for pages without one of their own.
    pub share_image: Option<ShareImage>,
    /// The main menu.
    pub menu: Vec<MenuEntry>,
    /// What raw HTML in Markdown becomes.
    pub raw_html: RawHtml,
    /// The accessibility statement, which every site has (« non conforme »
    /// until site.yaml says otherwise).
    pub accessibility: Accessibility,
    /// URL folders of taxonomies.
    pub taxonomies: TaxonomyFolders,
    /// The URL schemes addresses may use (`extra_url_schemes` added).
    pub urls: UrlPolicy,
    /// Terms in another language that `check` asks to mark with
    /// `<span lang="en">` (`foreign_terms`; `foreign::DEFAULT_TERMS` on a
    /// French site when not written, none on an English one; `[]`: none).
    pub foreign_terms: Vec<String>,
    /// Where each taxonomy folder written in `site.yaml` is (by key,
    /// `tags`), so that a clash with another output path found later can
    /// point at it.
    pub taxonomy_positions: BTreeMap<&'static str, Position>,
    /// The widths and quality photos are published in (`images:`).
    pub images: crate::images::Settings,
}

/// Command-line values that take precedence over the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--base-url`.
    pub base_url: Option<String>,
    /// `--relative-urls` (`Some(true)`), or the preview and `check`, which
    /// turn the setting off (`Some(false)`); `None` keeps the file's.
    pub relative_urls: Option<bool>,
}

/// File name of the settings, at the site root.
pub const FILE_NAME: &str = "site.yaml";

impl Config {
    /// The absolute URL of a site path (`/rh/actualites/` → `https://host/rh/actualites/`).
    pub fn permalink(&self, url_path: &str) -> String {
        let origin_end = self.base_url.len() - self.root_path.len();
        format!("{}{}", &self.base_url[..origin_end], url_path)
    }

    /// A site path under the root: `actualites/x/` → `/rh/actualites/x/`.
    pub fn url(&self, relative: &str) -> String {
        format!("{}{}", self.root_path, relative.trim_start_matches('/'))
    }

    /// The URL of a file a registry names (a logo, a photo): an address
    /// (`https://…`) as it is, a site path under the site's root path.
    pub fn asset_url(&self, written: &str) -> String {
        if written.contains("://") {
            written.to_string()
        } else {
            self.url(written)
        }
    }
}

impl Config {
    /// Settings for a site whose `site.yaml` could not be used: what the
    /// drivers report with (French, the defaults).
    pub fn placeholder(root: &Path) -> Config {
        Config {
            root: root.to_path_buf(),
            title: String::new(),
            base_url: "http://localhost/".into(),
            root_path: "/".into(),
            base_url_given: false,
            warnings: Vec::new(),
            language: Default::default(),
            theme: "gazette".into(),
            description: None,
            paginate_by: 12,
            feeds: false,
            search: false,
            relative_urls: false,
            person_pages: true,
            share: Vec::new(),
            share_image: None,
            menu: Vec::new(),
            raw_html: Default::default(),
            accessibility: Accessibility::unaudited("", Language::default()),
            urls: Default::default(),
            foreign_terms: Vec::new(),
            taxonomies: TaxonomyFolders::defaults(),
            taxonomy_positions: Default::default(),
            images: Default::default(),
        }
    }
}
