//! Just enough HTML reading for the lints: start tags with their attributes,
//! and the headings of a page in document order.
//!
//! The HTML read here is either raw HTML a writer typed in Markdown or pages
//! Gazette rendered itself, so a forgiving scanner is enough: comments,
//! `<script>` and `<style>` are skipped, attribute values may be quoted or
//! not, tag and attribute names are compared without case. It never fails;
//! what it cannot read is skipped, because a lint must not invent problems.

use std::ops::Range;

/// A start tag: its lower-case name, attributes and byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// `img`, `h2`, `table`…
    pub name: String,
    /// Attributes in order, names in lower case, values unescaped only of
    /// the common entities.
    pub attrs: Vec<(String, Option<String>)>,
    /// From `<` to `>` inclusive.
    pub span: Range<usize>,
}

impl Tag {
    /// The value of an attribute: `None` when absent, `Some("")` for a bare
    /// or empty one.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_deref().unwrap_or(""))
    }
}

/// Every start tag of `html`, in order. End tags are left out.
pub fn start_tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            i = rest
                .find("-->")
                .map(|e| start + e + 3)
                .unwrap_or(html.len());
            continue;
        }
        let name_len = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - 1);
        if name_len == 0 || !bytes[start + 1].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = rest[1..1 + name_len].to_ascii_lowercase();
        let (attrs, end) = attributes(html, start + 1 + name_len);
        tags.push(Tag {
            name: name.clone(),
            attrs,
            span: start..end,
        });
        i = end;
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = find_ignore_case(html, i, &close).unwrap_or(html.len());
        }
    }
    tags
}

/// Reads attributes from `at` to the end of the tag; returns them and the
/// offset just past `>`.
fn attributes(html: &str, mut at: usize) -> (Vec<(String, Option<String>)>, usize) {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        if at >= bytes.len() {
            return (attrs, bytes.len());
        }
        if bytes[at] == b'>' {
            return (attrs, at + 1);
        }
        let name_start = at;
        while at < bytes.len()
            && !bytes[at].is_ascii_whitespace()
            && !matches!(bytes[at], b'=' | b'>' | b'/')
        {
            at += 1;
        }
        let name = html[name_start..at].to_ascii_lowercase();
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if at < bytes.len() && bytes[at] == b'=' {
            at += 1;
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let value = if at < bytes.len() && (bytes[at] == b'"' || bytes[at] == b'\'') {
                let quote = bytes[at] as char;
                let end = html[at + 1..]
                    .find(quote)
                    .map(|e| at + 1 + e)
                    .unwrap_or(bytes.len());
                let v = &html[(at + 1).min(end)..end];
                at = (end + 1).min(bytes.len());
                v
            } else {
                let start = at;
                while at < bytes.len() && !bytes[at].is_ascii_whitespace() && bytes[at] != b'>' {
                    at += 1;
                }
                &html[start..at]
            };
            attrs.push((name, Some(unescape(value))));
        } else if !name.is_empty() {
            attrs.push((name, None));
        } else {
            at += 1;
        }
    }
}

fn find_ignore_case(html: &str, from: usize, needle: &str) -> Option<usize> {
    let lower = html[from..].to_ascii_lowercase();
    lower.find(needle).map(|i| from + i)
}

/// The text of HTML: tags removed, common entities decoded, spaces collapsed.
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = match rest[lt..].find('>') {
            Some(gt) => &rest[lt + gt + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    unescape(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// A heading of a rendered page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageHeading {
    /// 1 to 6.
    pub level: u8,
    /// Its `id`, if any.
    pub id: Option<String>,
    /// Its text.
    pub text: String,
}

/// The headings of a page (`<h1>` to `<h6>`), in document order.
pub fn headings(html: &str) -> Vec<PageHeading> {
    let mut out = Vec::new();
    for tag in start_tags(html) {
        let level = match tag.name.as_bytes() {
            [b'h', d @ b'1'..=b'6'] => d - b'0',
            _ => continue,
        };
        let close = format!("</h{level}");
        let inner_end = find_ignore_case(html, tag.span.end, &close).unwrap_or(html.len());
        out.push(PageHeading {
            level,
            id: tag.attr("id").map(str::to_string),
            text: text_of(&html[tag.span.end..inner_end]),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags_and_attributes() {
        let tags = start_tags("<p>x <IMG src=a.png ALT='' data-x><br/><!-- <img> --></p>");
        let names: Vec<&str> = tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["p", "img", "br"]);
        assert_eq!(tags[1].attr("alt"), Some(""));
        assert_eq!(tags[1].attr("src"), Some("a.png"));
        assert_eq!(tags[1].attr("data-x"), Some(""));
        assert_eq!(tags[1].attr("title"), None);
    }

    #[test]
    fn finds_headings_in_order() {
        let h = headings(
            "<head><title>T</title></head><header><h1 class=a>Le <em>titre</em></h1></header>\
             <script>var s = '<h4>';</script><h3 id=\"x\">Trois &amp; plus</h3><hr>",
        );
        assert_eq!(
            h,
            [
                PageHeading {
                    level: 1,
                    id: None,
                    text: "Le titre".into()
                },
                PageHeading {
                    level: 3,
                    id: Some("x".into()),
                    text: "Trois & plus".into()
                },
            ]
        );
    }
}
