//! Redirect pages: what an alias of an article (`aliases:` in its front
//! matter) leaves at its former address.
//!
//! Written by hand rather than through a template: the page is a fixed
//! piece of HTML (a canonical link, `noindex`, a zero-second refresh and a
//! link for readers whose browser does not follow it) that no theme has
//! reason to change, and a theme's layout would only slow the redirect.

use super::Rendered;
use crate::content::markdown::escape_attr;
use crate::messages::t;
use crate::site::Site;
use crate::site::paths::alias_file;

/// The redirect page of article `article`'s alias at `path`.
pub(super) fn render(site: &Site, article: usize, path: &str) -> Rendered {
    let config = &site.config;
    let lang = config.language;
    let a = &site.articles[article];
    let target = escape_attr(&a.url);
    let title = escape_attr(&a.title);
    let lang_code = lang.code();
    let moved = t!(lang, "render-alias-title");
    let link = format!("<a href=\"{target}\">{title}</a>");
    let moved_to = t!(lang, "render-alias-moved-to", link = link);
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{moved}</title>\n<link rel=\"canonical\" href=\"{}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n<body>\n<p>{moved_to}</p>\n</body>\n</html>\n",
        escape_attr(&config.permalink(&a.url)),
    );
    (alias_file(path), html.into_bytes())
}
