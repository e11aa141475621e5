//! `menu` and `share`: what every page offers besides the article, as
//! themes show it.
//!
//! A menu entry's address is checked against the site's scheme policy like
//! any link a writer types, at the entry; the share links need no check
//! (serde knows the two kinds).

use serde::{Deserialize, Serialize};

use super::file::RawMenuEntry;
use super::places::Places;
use crate::diagnostics::Diagnostics;
use crate::language::Language;
use crate::url_schemes::UrlPolicy;

/// A share link offered on article pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ShareKind {
    /// An e-mail with the title and the URL.
    Mail,
    /// A button that copies the URL.
    Copy,
}

/// A menu entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MenuEntry {
    /// The label.
    pub title: String,
    /// A site path (`/actualites/`) or an absolute URL.
    pub url: String,
}

/// The menu, each address checked against `urls`.
pub(super) fn resolve(
    places: Places,
    written: Option<Vec<RawMenuEntry>>,
    urls: &UrlPolicy,
    lang: Language,
    errors: &mut Diagnostics,
) -> Vec<MenuEntry> {
    let entries = written.unwrap_or_default();
    let spans = places.entries("menu", entries.iter().map(|e| e.url.as_str()));
    let mut menu = Vec::new();
    for (entry, span) in entries.into_iter().zip(spans) {
        if let Err(refused) = urls.check(entry.url.as_str()) {
            errors.push(urls.refusal(&refused, lang).at(places.source, span));
        }
        menu.push(MenuEntry {
            title: entry.title.0,
            url: entry.url.0,
        });
    }
    menu
}
