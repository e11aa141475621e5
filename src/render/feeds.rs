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

/// Escapes text for XML content and attributes.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A feed to write.
pub struct Feed<'a> {
    /// Its title.
    pub title: String,
    /// Output path of the feed (`actualites/atom.xml`).
    pub path: String,
    /// URL path of the listing it follows.
    pub alternate: String,
    /// Articles, newest first.
    pub articles: &'a [usize],
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
    let _ = writeln!(x, "  <title>{}</title>", xml_escape(&feed.title));
    if let Some(d) = &config.description {
        let _ = writeln!(x, "  <subtitle>{}</subtitle>", xml_escape(d));
    }
    let _ = writeln!(x, "  <id>{}</id>", xml_escape(&self_url));
    let _ = writeln!(
        x,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml_escape(&self_url)
    );
    let _ = writeln!(
        x,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(&alternate)
    );
    let _ = writeln!(x, "  <updated>{updated}</updated>");
    let _ = writeln!(
        x,
        "  <author><name>{}</name></author>",
        xml_escape(&config.title)
    );
    let _ = writeln!(x, "  <generator>Gazette</generator>");
    for i in entries {
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
        let _ = writeln!(x, "    <title>{}</title>", xml_escape(&a.title));
        let _ = writeln!(x, "    <id>{}</id>", xml_escape(&link));
        let _ = writeln!(
            x,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml_escape(&link)
        );
        let _ = writeln!(x, "    <published>{published}</published>");
        let _ = writeln!(x, "    <updated>{updated}</updated>");
        for author in &m.authors {
            let _ = writeln!(
                x,
                "    <author><name>{}</name></author>",
                xml_escape(author)
            );
        }
        if let Some(c) = &m.category {
            let _ = writeln!(x, "    <category term=\"{}\"/>", xml_escape(c));
        }
        for t in &m.tags {
            let _ = writeln!(x, "    <category term=\"{}\"/>", xml_escape(t));
        }
        let _ = writeln!(
            x,
            "    <summary type=\"html\">{}</summary>",
            xml_escape(&a.summary_html)
        );
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
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
            xml_escape(&config.permalink(url))
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
            xml_escape(&config.permalink(&a.url))
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
        config.permalink(&config.url("sitemap.xml"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_xml() {
        assert_eq!(
            xml_escape("a < b & \"c\" \u{1}"),
            "a &lt; b &amp; &quot;c&quot; "
        );
    }
}
