//! Atom feeds (RFC 4287) for the site, each section and each taxonomy term,
//! plus `sitemap.xml` and `robots.txt`.
//!
//! Written by hand rather than through templates: the formats are fixed by
//! their specifications, not by a theme, and a feed is a few lines of
//! escaped XML. Every date comes from the articles, never from the clock, so
//! the same sources give the same bytes.

use std::fmt::Write as _;

use crate::site::Site;

/// Entries per feed.
pub const FEED_ENTRIES: usize = 20;

/// Text written escaped for XML content and attributes, straight into the
/// feed being written (no string of its own). Control characters XML 1.0
/// does not allow are left out.
pub struct XmlEscaped<'a>(pub &'a str);

impl std::fmt::Display for XmlEscaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = self.0;
        let mut from = 0;
        for (i, b) in text.bytes().enumerate() {
            let replacement = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&apos;",
                b'\n' | b'\t' | b'\r' => continue,
                0..0x20 => "",
                _ => continue,
            };
            // Every byte replaced is ASCII: `i` and `i + 1` are character
            // boundaries.
            f.write_str(&text[from..i])?;
            f.write_str(replacement)?;
            from = i + 1;
        }
        f.write_str(&text[from..])
    }
}

/// A feed to write.
pub struct Feed {
    /// Its title.
    pub title: String,
    /// Output path of the feed (`actualites/atom.xml`).
    pub path: String,
    /// URL path of the listing it follows.
    pub alternate: String,
    /// Articles, newest first.
    pub articles: Vec<usize>,
}

/// The sitemap's file, at the output root.
pub const SITEMAP_FILE: &str = "sitemap.xml";

/// `robots.txt`'s file, at the output root.
pub const ROBOTS_FILE: &str = "robots.txt";

/// A feed's file and bytes.
pub fn feed_page(site: &Site, feed: &Feed) -> (String, Vec<u8>) {
    (feed.path.clone(), atom(site, feed).into_bytes())
}

/// `sitemap.xml`'s file and bytes.
pub fn sitemap_page(site: &Site) -> (String, Vec<u8>) {
    let bytes = sitemap(site, &listing_urls(site)).into_bytes();
    (SITEMAP_FILE.to_string(), bytes)
}

/// `robots.txt`'s file and bytes.
pub fn robots_page(site: &Site) -> (String, Vec<u8>) {
    (ROBOTS_FILE.to_string(), robots(site).into_bytes())
}

/// The URL paths the sitemap lists before the articles': every section,
/// each taxonomy's index followed by its terms, and the accessibility
/// statement.
fn listing_urls(site: &Site) -> Vec<String> {
    let config = &site.config;
    let mut urls: Vec<String> = site.sections.iter().map(|s| s.url.clone()).collect();
    for tax in &site.taxonomies.list {
        urls.push(tax.url.clone());
        urls.extend(tax.terms.iter().map(|t| t.url.clone()));
    }
    urls.push(config.url(crate::site::paths::accessibility_page(config.language)));
    urls
}

/// The Atom XML of a feed.
pub fn atom(site: &Site, feed: &Feed) -> String {
    let config = &site.config;
    let self_url = config.permalink(&config.url(&feed.path));
    let alternate = config.permalink(&feed.alternate);
    let entries: Vec<usize> = feed.articles.iter().copied().take(FEED_ENTRIES).collect();
    let updated = entries
        .iter()
        .map(|&i| {
            let m = &site.articles[i].loaded.meta;
            m.updated.map(|u| u.at).unwrap_or(m.date.at).max(m.date.at)
        })
        .max()
        .map(|t| t.to_string())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut x = String::with_capacity(2048 + entries.len() * 1024);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        x,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        config.language.code()
    );
    // Typeset here, the one place a feed's texts pass (typesetting twice
    // changes nothing).
    let typeset = |text: &str| crate::typography::typeset(config.language, text);
    let _ = writeln!(x, "  <title>{}</title>", XmlEscaped(&typeset(&feed.title)));
    if let Some(d) = &config.description {
        let _ = writeln!(x, "  <subtitle>{}</subtitle>", XmlEscaped(&typeset(d)));
    }
    let _ = writeln!(x, "  <id>{}</id>", XmlEscaped(&self_url));
    let _ = writeln!(
        x,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        XmlEscaped(&self_url)
    );
    let _ = writeln!(
        x,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        XmlEscaped(&alternate)
    );
    let _ = writeln!(x, "  <updated>{updated}</updated>");
    let _ = writeln!(
        x,
        "  <author><name>{}</name></author>",
        XmlEscaped(&typeset(&config.title))
    );
    let _ = writeln!(x, "  <generator>Gazette</generator>");
    for i in entries {
        entry(&mut x, site, i);
    }
    x.push_str("</feed>\n");
    x
}

/// Writes article `i`'s `<entry>` into `x`.
fn entry(x: &mut String, site: &Site, i: usize) {
    let config = &site.config;
    let a = &site.articles[i];
    let m = &a.loaded.meta;
    let link = config.permalink(&a.url);
    let published = m.date.at.to_string();
    let updated = m
        .updated
        .map(|u| u.at)
        .unwrap_or(m.date.at)
        .max(m.date.at)
        .to_string();
    x.push_str("  <entry>\n");
    let _ = writeln!(x, "    <title>{}</title>", XmlEscaped(&a.title));
    let _ = writeln!(x, "    <id>{}</id>", XmlEscaped(&link));
    let _ = writeln!(
        x,
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        XmlEscaped(&link)
    );
    let _ = writeln!(x, "    <published>{published}</published>");
    let _ = writeln!(x, "    <updated>{updated}</updated>");
    for author in &m.authors {
        let author = crate::typography::typeset(config.language, author);
        let _ = writeln!(
            x,
            "    <author><name>{}</name></author>",
            XmlEscaped(&author)
        );
    }
    if let Some(c) = &m.category {
        let _ = writeln!(x, "    <category term=\"{}\"/>", XmlEscaped(c));
    }
    for t in &m.tags {
        let _ = writeln!(x, "    <category term=\"{}\"/>", XmlEscaped(t));
    }
    let _ = writeln!(
        x,
        "    <summary type=\"html\">{}</summary>",
        XmlEscaped(&a.summary_html)
    );
    x.push_str("  </entry>\n");
}

/// `sitemap.xml`: every page worth finding, with the last change of articles.
pub fn sitemap(site: &Site, listing_urls: &[String]) -> String {
    let config = &site.config;
    let mut x = String::with_capacity(128 + (site.articles.len() + listing_urls.len()) * 120);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for url in listing_urls {
        let _ = writeln!(
            x,
            "  <url><loc>{}</loc></url>",
            XmlEscaped(&config.permalink(url))
        );
    }
    for a in &site.articles {
        let m = &a.loaded.meta;
        let lastmod = m
            .updated
            .map(|u| u.date)
            .unwrap_or(m.date.date)
            .max(m.date.date);
        let _ = writeln!(
            x,
            "  <url><loc>{}</loc><lastmod>{lastmod}</lastmod></url>",
            XmlEscaped(&config.permalink(&a.url))
        );
    }
    x.push_str("</urlset>\n");
    x
}

/// `robots.txt`, pointing at the sitemap.
pub fn robots(site: &Site) -> String {
    let config = &site.config;
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        config.permalink(&config.url(SITEMAP_FILE))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml_escape(text: &str) -> String {
        XmlEscaped(text).to_string()
    }

    #[test]
    fn escapes_xml() {
        assert_eq!(
            xml_escape("a < b & \"c\" \u{1}"),
            "a &lt; b &amp; &quot;c&quot; "
        );
        assert_eq!(
            xml_escape("«\u{a0}l’été\u{a0}» & 'x'\n\t>\u{1f}é"),
            "«\u{a0}l’été\u{a0}» &amp; &apos;x&apos;\n\t&gt;é"
        );
        assert_eq!(xml_escape(""), "");
        assert_eq!(xml_escape("&"), "&amp;");
    }
}
