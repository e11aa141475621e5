//! What of an article page pagefind is given to read: the page trimmed to
//! its `<head>` and its `data-pagefind-body` element.
//!
//! Why it is shaped so:
//!
//! - **pagefind parses every byte, keeps little outside the body.** It runs
//!   lol_html and its element handlers over the whole page (a quarter of a
//!   build with search at 10,000 articles), yet once a page marks
//!   `data-pagefind-body` it keeps, from outside that element, only
//!   `<html lang>`, `<title>`, the first `<h1>` (its automatic title) and
//!   `data-pagefind-*` attributes (metadata, filters, sorts). The site's
//!   header, menus, breadcrumb, related articles and footer were about a
//!   third of the tags of an article page. Leaving them out gives the same
//!   index for less parsing (`docs/performance.md`).
//! - **Safe by construction.** Only the stretch between `<body…>` and the
//!   body element, and the one between its end and `</body>`, are left out,
//!   each only when it holds neither `data-pagefind` nor `<h1`. A page with
//!   anything unexpected (no single body element, no `<body>`, a body
//!   element whose end the scanner cannot find) goes to pagefind whole.
//! - **A scanner, not a parser.** The end of the body element is found by
//!   counting the opening and closing tags of its name, reading tags the
//!   way HTML does where it matters here: quoted attribute values, comments,
//!   and the raw text of `<script>`, `<style>`, `<textarea>` and `<title>`
//!   are not tags. Gazette's pages are its own templates' output and raw
//!   HTML sanitized by ammonia, so this is all the HTML they hold.
//! - **One change of result, a fix.** pagefind takes as a page's image the
//!   first `<img>` after its title when the page names none: on an article
//!   without a cover, the photo of a related article below it. With the
//!   related articles left out, such a page has no image, as it should.

use std::borrow::Cow;

/// The attribute that marks the element pagefind indexes.
pub(super) const BODY_MARK: &str = "data-pagefind-body";

/// `html` as pagefind should read it: without what lies between `<body>`
/// and the `data-pagefind-body` element, nor after it, when pagefind would
/// find nothing there; the page whole otherwise.
pub fn trimmed(html: &str) -> Cow<'_, str> {
    match parts(html) {
        Some(parts) if parts.leaves_out_anything() => Cow::Owned(parts.join(html)),
        _ => Cow::Borrowed(html),
    }
}

/// The stretches around the body element (byte ranges of the page), each
/// with whether it stays.
struct Parts {
    /// After the `<body…>` tag, before the body element.
    before: Stretch,
    /// After the body element, before `</body>`.
    after: Stretch,
}

/// A stretch outside the body element.
struct Stretch {
    range: std::ops::Range<usize>,
    /// Whether pagefind could read something in it ([`worth_keeping`]).
    kept: bool,
}

impl Stretch {
    fn new(html: &str, range: std::ops::Range<usize>) -> Self {
        let kept = worth_keeping(&html[range.clone()]);
        Self { range, kept }
    }

    fn goes(&self) -> bool {
        !self.range.is_empty() && !self.kept
    }
}

impl Parts {
    /// Whether a stretch goes: a page already trimmed comes back as it is.
    fn leaves_out_anything(&self) -> bool {
        self.before.goes() || self.after.goes()
    }

    fn join(&self, html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        out.push_str(&html[..self.before.range.start]);
        for (stretch, next) in [
            (&self.before, self.after.range.start),
            (&self.after, html.len()),
        ] {
            if stretch.kept {
                out.push_str(&html[stretch.range.clone()]);
            }
            out.push_str(&html[stretch.range.end..next]);
        }
        out
    }
}

/// Whether pagefind could read something in this stretch outside the body.
fn worth_keeping(stretch: &str) -> bool {
    let lower = stretch.to_ascii_lowercase();
    lower.contains("data-pagefind") || lower.contains("<h1")
}

/// The stretches around the body element, when the page has exactly one
/// and it sits inside `<body>`.
fn parts(html: &str) -> Option<Parts> {
    let mark = memchr::memmem::find(html.as_bytes(), BODY_MARK.as_bytes())?;
    let rest = &html.as_bytes()[mark + BODY_MARK.len()..];
    if memchr::memmem::find(rest, BODY_MARK.as_bytes()).is_some() {
        return None;
    }
    let open = html[..mark].rfind('<')?;
    let (name, open_end) = tag_at(html, open)?;
    if name.closing || open_end <= mark || name.name.eq_ignore_ascii_case("body") {
        return None;
    }
    let end = element_end(html, open, name.name)?;
    let body = last_tag_named(html, open, "body")?;
    let body_end = tag_at(html, body)?.1;
    let close = end + find_ignore_case(&html[end..], "</body")?;
    Some(Parts {
        before: Stretch::new(html, body_end..open),
        after: Stretch::new(html, end..close),
    })
}

/// A tag's name and whether it closes an element.
struct TagName<'a> {
    name: &'a str,
    closing: bool,
}

/// The tag opening at `at` (a `<`): its name, and the index just after its
/// `>`. None when `<` opens no tag (text, `<!`, `<?`) or the tag never ends.
fn tag_at(html: &str, at: usize) -> Option<(TagName<'_>, usize)> {
    let bytes = html.as_bytes();
    let closing = bytes.get(at + 1) == Some(&b'/');
    let start = at + 1 + usize::from(closing);
    let len = bytes[start.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    if len == 0 || !bytes[start].is_ascii_alphabetic() {
        return None;
    }
    let end = tag_end(bytes, start + len)?;
    Some((
        TagName {
            name: &html[start..start + len],
            closing,
        },
        end,
    ))
}

/// The index just after the `>` that ends a tag, from inside it: a `>` in
/// a quoted attribute value does not end it.
fn tag_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    while at < bytes.len() {
        match bytes[at] {
            b'>' => return Some(at + 1),
            quote @ (b'"' | b'\'') => {
                at += 1 + memchr::memchr(quote, &bytes[at + 1..])?;
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// Elements whose content is text, never tags.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

/// The index just after the end tag of the `name` element opening at
/// `open`, counting the elements of that name it holds.
fn element_end(html: &str, open: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut at = open;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + found;
        if html[lt..].starts_with("<!--") {
            at = lt + 4 + html[lt + 4..].find("-->")? + 3;
            continue;
        }
        let Some((tag, end)) = tag_at(html, lt) else {
            at = lt + 1;
            continue;
        };
        at = end;
        if tag.name.eq_ignore_ascii_case(name) {
            if tag.closing {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(end);
                }
            } else if bytes[end - 2] != b'/' {
                depth += 1;
            }
        } else if !tag.closing && RAW_TEXT.iter().any(|r| tag.name.eq_ignore_ascii_case(r)) {
            let close = format!("</{}", tag.name);
            at = end + find_ignore_case(&html[end..], &close)?;
        }
    }
    None
}

/// The start of the last `<name` tag before `before`.
fn last_tag_named(html: &str, before: usize, name: &str) -> Option<usize> {
    let lower = html[..before].to_ascii_lowercase();
    let mut search = lower.as_str();
    let needle = format!("<{name}");
    while let Some(at) = search.rfind(&needle) {
        let next = lower.as_bytes().get(at + needle.len());
        if matches!(next, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')) {
            return Some(at);
        }
        search = &search[..at];
    }
    None
}

/// The first index of `needle` (ASCII, lower case) in `haystack`, whatever
/// the case of the haystack.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    haystack
        .as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "<!DOCTYPE html><html lang=\"fr\"><head><title>Télétravail</title></head>";

    fn page(before: &str, body: &str, after: &str) -> String {
        format!("{HEAD}<body class=\"page\">{before}{body}{after}</body></html>")
    }

    const ARTICLE: &str = "<article class=\"article\" data-pagefind-body><h1>Télétravail</h1>\
        <p>Deux jours.</p><article class=\"inner\"><p>Encadré</p></article></article>";

    #[test]
    fn leaves_out_the_header_and_the_related_articles() {
        let html = page(
            "<header id=\"haut\"><nav><a href=\"/\">Accueil</a></nav></header><main>",
            ARTICLE,
            "<section><article class=\"card\"><img src=\"/x.jpg\" alt=\"\"><a href=\"/b/\">Autre</a>\
             </article></section></main><footer>Pied</footer>",
        );
        assert_eq!(
            trimmed(&html),
            format!("{HEAD}<body class=\"page\">{ARTICLE}</body></html>")
        );
    }

    #[test]
    fn a_trimmed_page_comes_back_as_it_is() {
        let html = page("<nav>Menu</nav>", ARTICLE, "<footer>Pied</footer>");
        let once = trimmed(&html).into_owned();
        assert!(matches!(trimmed(&once), Cow::Borrowed(again) if again == once));
    }

    #[test]
    fn keeps_a_stretch_pagefind_reads() {
        let before = "<header><p data-pagefind-meta=\"rubrique:RH\"></p></header>";
        let after = "<footer><h1>Pied</h1></footer>";
        let html = page(before, ARTICLE, after);
        assert_eq!(trimmed(&html), html);
        let html = page(before, ARTICLE, "<footer>Pied</footer>");
        assert_eq!(
            trimmed(&html),
            format!("{HEAD}<body class=\"page\">{before}{ARTICLE}</body></html>")
        );
    }

    #[test]
    fn quoted_and_commented_tags_are_not_tags() {
        let body = "<article data-pagefind-body><p title=\"</article>\">Un</p><!-- </article> -->\
            <script>let s = '</article>';</script><p>Deux</p></article>";
        let html = page("<nav>Menu</nav>", body, "<footer>Pied</footer>");
        assert_eq!(
            trimmed(&html),
            format!("{HEAD}<body class=\"page\">{body}</body></html>")
        );
    }

    #[test]
    fn anything_unexpected_goes_whole() {
        // No end to the body element.
        let open = page(
            "<nav>Menu</nav>",
            "<article data-pagefind-body><p>Un</p>",
            "",
        );
        assert_eq!(trimmed(&open), open);
        // Two body elements.
        let two = page(
            "<nav>Menu</nav>",
            "<div data-pagefind-body>Un</div><div data-pagefind-body>Deux</div>",
            "",
        );
        assert_eq!(trimmed(&two), two);
        // The body element is <body> itself.
        let whole =
            format!("{HEAD}<body data-pagefind-body><nav>Menu</nav><p>Un</p></body></html>");
        assert_eq!(trimmed(&whole), whole);
        // No mark at all.
        let plain = page("<nav>Menu</nav>", "<p>Un</p>", "");
        assert_eq!(trimmed(&plain), plain);
    }
}
