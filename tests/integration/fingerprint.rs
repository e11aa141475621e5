//! The pages' stylesheets and script are published under a hash of their
//! bytes (`css/gazette.3f2a9c1e.css`), so an intranet proxy never serves a
//! stale theme: every page names the hashed file, the plain path is not
//! published, the name changes with the bytes and only with them, and the
//! next build removes the file of the former name.

use crate::support::{TestSite, article, attr, void_tags};

fn site() -> TestSite {
    let site = TestSite::with_settings("");
    site.write("content/actualites/accord.md", article("Accord", ""));
    site
}

#[test]
fn pages_name_the_hashed_files_and_the_plain_paths_are_not_published() {
    let site = site();
    site.build_ok(&[]);
    let css = site.hashed_asset("css/gazette", "css");
    let print = site.hashed_asset("css/print", "css");
    let js = site.hashed_asset("js/gazette", "js");
    for plain in ["css/gazette.css", "css/print.css", "js/gazette.js"] {
        assert!(!site.has(plain), "{plain} is published");
    }
    for page in [
        "index.html",
        "actualites/accord/index.html",
        "accessibilite/index.html",
    ] {
        let html = site.page(page);
        let sheets: Vec<String> = void_tags(&html, "link")
            .iter()
            .filter(|l| l.contains("stylesheet"))
            .filter_map(|l| attr(l, "href"))
            .collect();
        assert_eq!(sheets, [format!("/{css}"), format!("/{print}")], "{page}");
        assert!(
            html.contains(&format!("<script src=\"/{js}\" defer>")),
            "{page}"
        );
    }
    // The main stylesheet still carries the code colours.
    assert!(
        site.page(&css)
            .contains("@media (prefers-color-scheme: dark)")
    );
    // Other static files keep their names.
    assert!(site.has("favicon.svg"));
    assert!(site.has("css/code-light.css"));
}

#[test]
fn the_name_changes_with_the_bytes_only_and_the_former_file_goes() {
    let site = site();
    site.build_ok(&[]);
    let (css, print) = (
        site.hashed_asset("css/gazette", "css"),
        site.hashed_asset("css/print", "css"),
    );
    site.build_ok(&[]);
    assert_eq!(
        site.hashed_asset("css/gazette", "css"),
        css,
        "same bytes, same name"
    );
    assert_eq!(site.hashed_asset("css/print", "css"), print);
    // The site's own print stylesheet over the theme's.
    site.write("static/css/print.css", "/* impression maison */\n");
    site.build_ok(&[]);
    let new_print = site.hashed_asset("css/print", "css");
    assert_ne!(new_print, print, "new bytes, new name");
    assert_eq!(site.page(&new_print), "/* impression maison */\n");
    assert!(!site.has(&print), "the former {print} is still published");
    assert_eq!(
        site.hashed_asset("css/gazette", "css"),
        css,
        "the other one kept its name"
    );
    assert!(
        site.page("index.html")
            .contains(&format!("href=\"/{new_print}\""))
    );
}
