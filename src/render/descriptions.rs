//! The meta description of every page Gazette generates that is not an
//! article (an article's is made with the site, `site::description`).
//!
//! Every page gets one, so that a link to it pasted into Teams or Outlook,
//! or found by the intranet's search engine, says what the page is: a
//! listing the writer described (`description:` in its `_index.md`, or the
//! site's for the home page) says that; any other page says what it holds,
//! in a sentence of the site's language from `render.ftl`. The sentences
//! never name the site (the `og:site_name` tag and the title do), so they
//! need no article or preposition before a title of unknown gender.

use crate::config::Config;
use crate::messages::t;
use crate::site::Section;
use crate::site::taxonomy::{Kind, Term};
use crate::typography::typeset;

/// A listing's: the section's own description; for the home page the
/// site's; else a sentence naming the section.
pub fn listing(config: &Config, section: &Section, home: bool) -> String {
    let lang = config.language;
    // A home page without `_index.md` holds the site's description as
    // written: it is typeset below.
    let written = !home || section.source.is_some();
    if let Some(own) = section.description.as_ref().filter(|_| written) {
        return own.clone();
    }
    match (home, &config.description) {
        (true, Some(site)) => typeset(lang, site),
        (true, None) => t!(lang, "render-description-home"),
        (false, _) => t!(
            lang,
            "render-description-section",
            section = typeset(lang, &section.title)
        ),
    }
}

/// A taxonomy's index: what its terms are.
pub fn taxonomy(config: &Config, kind: Kind) -> String {
    t!(
        config.language,
        "render-description-taxonomy",
        kind = kind.key()
    )
}

/// A term's listing: whose or which articles it lists.
pub fn term(config: &Config, kind: Kind, term: &Term) -> String {
    let lang = config.language;
    t!(
        lang,
        "render-description-term",
        kind = kind.key(),
        name = typeset(lang, &term.name)
    )
}

/// The search page's.
pub fn search(config: &Config) -> String {
    t!(config.language, "render-description-search")
}

/// The not-found page's.
pub fn not_found(config: &Config) -> String {
    t!(config.language, "render-description-not-found")
}

/// The accessibility statement's, with the site's compliance status.
pub fn accessibility(config: &Config) -> String {
    t!(
        config.language,
        "render-description-accessibility",
        status = &config.accessibility.status
    )
}
