//! Raw HTML in Markdown, made safe with ammonia (`markdown.raw_html: sanitize`).
//!
//! Runs over a whole rendered text, and only when the text had raw HTML, so
//! the common case pays nothing. The allow-list is ammonia's (formatting,
//! tables, images, links) plus what Gazette's own markup needs to survive:
//! ids and classes (heading anchors, footnotes, highlighted code), `data-lang`,
//! `aria-*` labels, `lang` (a passage in another language), a table's scroll
//! region (`role="region"`, `tabindex="0"` on a `div`), `figure`/`section`,
//! task-list checkboxes. Scripts, event
//! handlers, `style`, forms and frames are dropped, and so is any `href` or
//! `src` whose scheme the site's allowlist ([`UrlPolicy`]) refuses: the
//! same schemes as Markdown links. Link and block markers are plain
//! characters to ammonia and go through untouched.

use crate::url_schemes::UrlPolicy;

/// The sanitized HTML.
pub fn clean(html: &str, urls: &UrlPolicy) -> String {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags(["section", "figure", "figcaption", "input", "aside", "mark"])
        .add_generic_attributes([
            "id",
            "class",
            "aria-label",
            "aria-labelledby",
            "aria-hidden",
            "lang",
            "title",
        ])
        .add_tag_attributes("pre", ["data-lang"])
        .add_tag_attributes("div", ["role", "tabindex"])
        .add_tag_attributes("img", ["loading"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("input", "type") if value != "checkbox" => None,
            // A table's scroll region (`markdown::tables`), nothing else.
            ("div", "role") if value != "region" => None,
            ("div", "tabindex") if value != "0" => None,
            ("th" | "td", "style") if !value.starts_with("text-align:") => None,
            _ => Some(value.into()),
        })
        .link_rel(None)
        .url_relative(ammonia::UrlRelative::PassThrough)
        .url_schemes(urls.schemes().collect())
        .strip_comments(true);
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_gazette_markup_and_drops_scripts() {
        let html = "<h2 id=\"a\">T</h2><a href=\"\u{E000}0\u{E001}\">x</a><script>x()</script><img src=\"a.png\" alt=\"A\" onerror=\"x()\"><p style=\"color:red\">p</p>";
        assert_eq!(
            clean(html, &crate::url_schemes::BUILT_IN_POLICY),
            "<h2 id=\"a\">T</h2><a href=\"\u{E000}0\u{E001}\">x</a><img src=\"a.png\" alt=\"A\"><p>p</p>"
        );
    }

    #[test]
    fn keeps_a_passage_language_and_a_table_region() {
        let html = "<p>Les <span lang=\"en\">soft skills</span></p><div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"T\"></div><div role=\"button\" tabindex=\"5\"></div>";
        assert_eq!(
            clean(html, &crate::url_schemes::BUILT_IN_POLICY),
            "<p>Les <span lang=\"en\">soft skills</span></p><div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"T\"></div><div></div>"
        );
    }
}
