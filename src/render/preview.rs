//! What a link preview reads besides a page's title and description: its
//! image and, for an article, when it was published and updated (`page.image`,
//! `page.published`, `page.updated` in `docs/theming.md`).
//!
//! Teams, Outlook and the intranet's own tools draw a card from a page's
//! Open Graph tags; the theme writes them (`partials/meta.html`) from these
//! values. They are made here, apart from `PageCtx`, because only an article
//! has its own: every other page gets the site's, [`PreviewCtx::of_site`]
//! (the `share_image` of `site.yaml`, or none), made once per render; an
//! article without a cover gets that image too. An image's address is absolute (a preview is fetched from
//! elsewhere), and its size is given when its file's header said it, so
//! the card can be laid out before the image arrives.

use serde::Serialize;

use crate::config::Config;
use crate::site::Article;

/// `page.image`: `{url, alt, width, height}`.
#[derive(Serialize, Clone)]
pub struct PreviewImage {
    /// Absolute URL.
    url: String,
    /// The alternative text; none for a decorative image.
    alt: Option<String>,
    /// In pixels, when known.
    width: Option<u32>,
    /// In pixels, when known.
    height: Option<u32>,
}

/// The preview values of a page, added to `page`.
#[derive(Serialize, Default)]
pub struct PreviewCtx {
    /// The image a preview shows, or none.
    image: Option<PreviewImage>,
    /// An article's publication instant (RFC 3339), none elsewhere.
    published: Option<String>,
    /// An article's update instant (RFC 3339), none elsewhere or when it
    /// was not updated.
    updated: Option<String>,
}

impl PreviewCtx {
    /// A page's that is not an article: the site's `share_image`, if any
    /// (its size read from its file once per render).
    pub fn of_site(config: &Config) -> PreviewCtx {
        let image = config.share_image.as_ref().map(|s| {
            let size = crate::site::image_size::of_file(&s.file);
            PreviewImage {
                url: config.permalink(&config.url(&s.path)),
                alt: Some(s.alt.clone()).filter(|alt| !alt.is_empty()),
                width: size.map(|s| s.0),
                height: size.map(|s| s.1),
            }
        });
        PreviewCtx {
            image,
            ..PreviewCtx::default()
        }
    }

    /// The image of the site's pages, for an article without a cover.
    pub fn image(&self) -> Option<&PreviewImage> {
        self.image.as_ref()
    }
}

/// An article's: its cover (else `site_image`, the site's share image)
/// and its dates.
pub fn of_article(config: &Config, a: &Article, site_image: Option<&PreviewImage>) -> PreviewCtx {
    let meta = &a.loaded.meta;
    let cover = a.image.as_ref().map(|i| {
        // A build's photo: its own address serves the largest variant,
        // upright, whose size the picture gives.
        let size = match &i.picture {
            Some(p) => Some((p.width, p.height)),
            None => i.size,
        };
        PreviewImage {
            url: absolute(config, &i.src),
            alt: Some(i.alt.clone()).filter(|alt| !alt.is_empty()),
            width: size.map(|s| s.0),
            height: size.map(|s| s.1),
        }
    });
    PreviewCtx {
        image: cover.or_else(|| site_image.cloned()),
        published: Some(meta.date.at.to_string()),
        updated: meta.updated.map(|u| u.at.max(meta.date.at).to_string()),
    }
}

/// `src` (a site path or an address elsewhere) as an absolute URL.
fn absolute(config: &Config, src: &str) -> String {
    if src.contains("://") {
        src.to_string()
    } else {
        config.permalink(src)
    }
}
