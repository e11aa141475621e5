//! Links and images: where each points, as written, and what goes in its
//! `href` or `src` now.
//!
//! A scheme the site does not allow (`javascript:`) leaves the address
//! empty and is noted in `Rendered::refused_urls`, for the loader to report
//! as an error. An address to another site is written as it is and noted in
//! `Rendered::external_links` for `check`. A relative or site path becomes a
//! link marker (see `markers`) and is noted in `Rendered::links`, resolved
//! once every article's URL is known. Images are also noted with their alt
//! text, for `check`'s accessibility lints.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event};

use super::escape::escape_attr;
use super::markers::{MARK_END, MARK_LINK};
use super::transform::{Events, State, find_end, inside, plain_text};
use crate::url_schemes::Refused;

/// What a [`LinkRef`] is: what its error messages call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LinkKind {
    /// A link (`[]()`).
    Link,
    /// An image (`![]()`, or a cover image).
    Image,
    /// A file listed under `downloads`.
    Download,
}

/// What a link or image points to, as written, and where.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LinkRef {
    /// The destination as written (`../rapports/bilan.md#chiffres`).
    pub dest: String,
    /// Byte range of the link in the file.
    pub span: Range<usize>,
    /// A link, an image, or a file to download.
    pub kind: LinkKind,
    /// The link's text, or the image's alt text, as plain text (for `check`).
    pub text: String,
}

/// An image, for accessibility lints.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImageRef {
    /// Its alternative text.
    pub alt: String,
    /// Byte range in the file.
    pub span: Range<usize>,
}

/// A link or image whose address the site's scheme allowlist refuses.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RefusedUrl {
    /// The scheme refused.
    pub refused: Refused,
    /// Byte range of the link in the file.
    pub span: Range<usize>,
    /// The link as written in the Markdown text (`[ici](javascript:…)`), to
    /// find it in a front-matter value, whose offsets all map to its key.
    pub written: String,
}

/// Whether a link destination is resolved by Gazette (relative path, site
/// path or anchor) rather than left as written (another site, `mailto:`).
pub fn is_internal(dest: &str) -> bool {
    if dest.starts_with("//") {
        return false;
    }
    match dest.find(':') {
        Some(colon) => {
            let scheme = &dest[..colon];
            // `a/b:c` is a path; a scheme has no slash, `?` or `#` before the colon.
            scheme.contains(['/', '?', '#']) || scheme.is_empty()
        }
        None => true,
    }
}

/// ` title="…"`, or nothing for an empty title.
fn title_attr(title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape_attr(title))
    }
}

impl State<'_, '_> {
    /// A link's start tag, at `i`; its text is transformed as the next
    /// events.
    pub(super) fn link(
        &mut self,
        events: &Events,
        i: usize,
        (dest, title): (&str, &str),
        range: &Range<usize>,
        out: &mut Vec<Event<'_>>,
    ) {
        let end = find_end(events, i);
        let text = plain_text(inside(events, i, end));
        let href = self.address(dest, range, false, text);
        let title_attr = title_attr(title);
        out.push(Event::InlineHtml(CowStr::from(format!(
            "<a href=\"{href}\"{title_attr}>"
        ))));
    }

    /// The image whose `Start` is at `i`, as one tag; the index past it.
    pub(super) fn image(
        &mut self,
        events: &Events,
        i: usize,
        (dest, title): (&str, &str),
        range: &Range<usize>,
        out: &mut Vec<Event<'_>>,
    ) -> usize {
        let end = find_end(events, i);
        let alt = plain_text(inside(events, i, end));
        let src = self.address(dest, range, true, alt.clone());
        self.out.images.push(ImageRef {
            alt: alt.clone(),
            span: self.offsets.map_range(range.clone()),
        });
        let title_attr = title_attr(title);
        out.push(Event::InlineHtml(CowStr::from(format!(
            "<img src=\"{src}\" alt=\"{}\"{title_attr} loading=\"lazy\">",
            escape_attr(&alt)
        ))));
        self.typo.opaque();
        end
    }

    /// The address to write for a link or image: as written for other
    /// sites, a marker for what assembly resolves, nothing for a scheme the
    /// site does not allow (recorded in `refused_urls`).
    fn address(&mut self, dest: &str, range: &Range<usize>, image: bool, text: String) -> String {
        if let Err(refused) = self.opts.urls.check(dest) {
            self.out.refused_urls.push(RefusedUrl {
                refused,
                span: self.offsets.map_range(range.clone()),
                written: self.text.get(range.clone()).unwrap_or_default().to_string(),
            });
            return String::new();
        }
        let dest = dest.trim();
        let link = LinkRef {
            dest: dest.to_string(),
            span: self.offsets.map_range(range.clone()),
            kind: if image {
                LinkKind::Image
            } else {
                LinkKind::Link
            },
            text,
        };
        if !is_internal(dest) || dest.is_empty() {
            self.out.external_links.push(link);
            return escape_attr(dest);
        }
        let index = self.out.links.len();
        self.out.links.push(link);
        format!("{MARK_LINK}{index}{MARK_END}")
    }
}
