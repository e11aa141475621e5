//! The markers: what a rendered text holds where assembly and rendering
//! will put what only they know.
//!
//! A link or image to a relative path is written `U+E000 index U+E001`,
//! the index into `Rendered::links`; assembly replaces every one with its
//! address ([`HtmlWithLinkMarkers::resolve`], again in watch mode without
//! re-rendering). A block placed by a shortcode is written
//! `U+E002 index U+E001`, alone in its paragraph, which the transform then
//! lifts out of the paragraph; render fills it with the theme's block
//! template ([`HtmlWithBlockMarkers::fill`]). The three characters are
//! private-use ones, removed from the writer's text on the way in
//! ([`scrub_markers`]), so a marker can only be one of ours.
//!
//! The two stages are two types: HTML that may still hold link markers,
//! HTML whose links are resolved but whose blocks are still markers, and
//! plain `String` for HTML that holds none. Each is made only by the stage
//! before it, so a page cannot be written with a marker left in it, nor a
//! marker resolved twice; and both marker grammars live here, in one file.

use std::borrow::Cow;

use super::escape::escape_attr;

/// Starts a marker.
pub const MARK_LINK: char = '\u{E000}';
/// Starts a block marker.
pub const MARK_BLOCK: char = '\u{E002}';
/// Ends a marker.
pub const MARK_END: char = '\u{E001}';

/// Removes characters the renderer uses as markers from a writer's text.
pub fn scrub_markers(text: &str) -> Cow<'_, str> {
    // The three markers are U+E000..U+E002, all encoded starting with the
    // byte 0xEE: a byte scan rules out almost every text at once.
    if text.as_bytes().contains(&0xEE) && text.contains([MARK_LINK, MARK_BLOCK, MARK_END]) {
        Cow::Owned(text.replace([MARK_LINK, MARK_BLOCK, MARK_END], "\u{FFFD}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a text event is a block marker alone (blanks around it).
pub(super) fn is_block_marker(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(MARK_BLOCK)
        && t.ends_with(MARK_END)
        && t[MARK_BLOCK.len_utf8()..t.len() - MARK_END.len_utf8()]
            .chars()
            .all(|c| c.is_ascii_digit())
}

/// HTML as the Markdown renderer wrote it: relative links and images are
/// link markers, and an article's body holds its block markers too.
/// (Serializable for the build cache, which reads back only what the
/// renderer wrote: its entries prove themselves.)
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct HtmlWithLinkMarkers(String);

/// Read back as bytes checked by SIMD (`simdutf8`): a rebuild reads every
/// article's body back from the build cache, 125 MB at 10,000 articles,
/// where std's check of French text cost 3% of the rebuild. (A string and
/// bytes are written alike in the cache's format, postcard.)
impl<'de> serde::Deserialize<'de> for HtmlWithLinkMarkers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Html;
        impl serde::de::Visitor<'_> for Html {
            type Value = HtmlWithLinkMarkers;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("HTML in UTF-8")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(HtmlWithLinkMarkers(v.to_owned()))
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
                simdutf8::basic::from_utf8(v)
                    .map(|s| HtmlWithLinkMarkers(s.to_owned()))
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Bytes(v), &self))
            }
        }
        deserializer.deserialize_bytes(Html)
    }
}

impl HtmlWithLinkMarkers {
    /// Wraps the renderer's output.
    pub(super) fn new(html: String) -> Self {
        HtmlWithLinkMarkers(html)
    }

    /// The HTML with its markers, for reading (tests, `check`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The body with every link marker replaced by the address `address`
    /// gives for its link index; block markers remain, for render.
    pub fn resolve(&self, address: impl FnMut(usize) -> String) -> HtmlWithBlockMarkers {
        HtmlWithBlockMarkers(resolve_markers(&self.0, address))
    }

    /// A fragment (a lead, a section's introduction, a block's Markdown)
    /// with its links resolved: final HTML, as only an article's body gets
    /// block markers (`content::article` writes them there).
    pub fn resolve_fragment(&self, address: impl FnMut(usize) -> String) -> String {
        resolve_markers(&self.0, address)
    }
}

/// An article's body with its links resolved and its blocks still markers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlWithBlockMarkers(String);

impl HtmlWithBlockMarkers {
    /// The HTML with its block markers, for reading (tests, `check`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Rewrites the HTML (a build puts its photos' `<picture>` in place of
    /// their `<img>`); `edit` must leave the block markers as they are.
    pub fn edit(&mut self, edit: impl FnOnce(&str) -> String) {
        self.0 = edit(&self.0);
    }

    /// The final HTML: each block marker replaced by what `block` makes of
    /// its block index (a marker of an unknown block by nothing, a marker
    /// left unclosed dropped); the first error stops.
    pub fn fill<E>(&self, mut block: impl FnMut(usize) -> Result<String, E>) -> Result<String, E> {
        let html = self.0.as_str();
        if find_marker(html, MARK_BLOCK).is_none() {
            return Ok(html.to_string());
        }
        let mut out = String::with_capacity(html.len() * 2);
        let mut rest = html;
        while let Some(start) = find_marker(rest, MARK_BLOCK) {
            out.push_str(&rest[..start]);
            let after = &rest[start + MARK_BLOCK.len_utf8()..];
            let Some(end) = find_marker(after, MARK_END) else {
                rest = after;
                continue;
            };
            if let Ok(index) = after[..end].parse::<usize>() {
                out.push_str(&block(index)?);
            }
            rest = &after[end + MARK_END.len_utf8()..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Replaces link markers in `html` with the addresses `resolve` gives for
/// each link index.
fn resolve_markers(html: &str, mut resolve: impl FnMut(usize) -> String) -> String {
    if find_marker(html, MARK_LINK).is_none() {
        return html.to_string();
    }
    // The pieces first, then one allocation of the exact size: addresses are
    // longer than their markers, and a string grown by doubling would hold
    // (and touch) up to twice the page's bytes for the whole build.
    let mut pieces: Vec<Cow<'_, str>> = Vec::new();
    let mut rest = html;
    while let Some(start) = find_marker(rest, MARK_LINK) {
        pieces.push(rest[..start].into());
        let after = &rest[start + MARK_LINK.len_utf8()..];
        match find_marker(after, MARK_END) {
            Some(end) => {
                match after[..end].parse::<usize>() {
                    Ok(index) => {
                        let address = resolve(index);
                        if address.contains(['&', '"', '<', '>']) {
                            pieces.push(escape_attr(&address).into());
                        } else {
                            pieces.push(address.into());
                        }
                    }
                    Err(_) => pieces.push(after[..end].into()),
                }
                rest = &after[end + MARK_END.len_utf8()..];
            }
            None => {
                rest = after;
            }
        }
    }
    pieces.push(rest.into());
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for piece in &pieces {
        out.push_str(piece);
    }
    out
}

/// Where `marker` (one of the marker characters) first occurs in `text`.
/// A substring search keyed on the markers' rare first byte (0xEE):
/// `str::find` with a `char` looks for its last byte, which `’`, `…` and
/// the narrow no-break spaces of French typography share.
pub fn find_marker(text: &str, marker: char) -> Option<usize> {
    let mut buf = [0u8; 4];
    memchr::memmem::find(text.as_bytes(), marker.encode_utf8(&mut buf).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_found_among_typographic_characters() {
        let text = format!(
            "l’été\u{202f}; «\u{a0}x\u{a0}» … {MARK_LINK}3{MARK_END} fin {MARK_BLOCK}0{MARK_END}"
        );
        let link = find_marker(&text, MARK_LINK).expect("link marker");
        assert!(text[link..].starts_with(MARK_LINK));
        assert_eq!(text[..link].chars().filter(|&c| c == MARK_LINK).count(), 0);
        let block = find_marker(&text, MARK_BLOCK).expect("block marker");
        assert!(text[block..].starts_with(MARK_BLOCK));
        assert_eq!(find_marker("l’été\u{202f}: …", MARK_END), None);
        let resolved = HtmlWithLinkMarkers::new(text).resolve(|i| format!("/lien-{i}/"));
        assert_eq!(
            resolved.as_str(),
            format!("l’été\u{202f}; «\u{a0}x\u{a0}» … /lien-3/ fin {MARK_BLOCK}0{MARK_END}")
        );
        let filled: Result<String, ()> = resolved.fill(|i| Ok(format!("<aside>{i}</aside>")));
        assert_eq!(
            filled.as_deref(),
            Ok("l’été\u{202f}; «\u{a0}x\u{a0}» … /lien-3/ fin <aside>0</aside>")
        );
    }

    #[test]
    fn html_reads_back_from_the_cache_as_written_and_only_as_utf8() {
        let html = HtmlWithLinkMarkers::new("<p>L’été, «\u{a0}Élise\u{a0}» répond.</p>".into());
        let bytes = postcard::to_stdvec(&html).expect("written");
        let read: HtmlWithLinkMarkers = postcard::from_bytes(&bytes).expect("read back");
        assert_eq!(read, html);
        // A string and bytes are written alike: an entry of the earlier
        // form reads the same.
        let as_string = postcard::to_stdvec(&html.as_str().to_string()).expect("written");
        assert_eq!(as_string, bytes);
        // `’` cut in the middle: not UTF-8, refused.
        let mut broken = bytes.clone();
        let at = broken
            .iter()
            .position(|&b| b == 0xe2)
            .expect("a multi-byte character");
        broken[at + 1] = b'x';
        assert!(postcard::from_bytes::<HtmlWithLinkMarkers>(&broken).is_err());
    }
}
