//! A site that opens from disk (`relative_urls: true`, `build
//! --relative-urls`): every address between the site's own files is
//! relative to the page and names a file (`…/index.html`), so that
//! `output/index.html` works with `file://` or from a shared drive; feeds
//! and the sitemap keep absolute addresses; a build without the setting is
//! unchanged. The last test opens the built site from `file://` in headless
//! Chromium (`tests/file-browser.mjs`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{TestSite, append, browser, elements_with_attrs, manifest_dir, tree};

/// The example site (sections, tags, people, an image, aliases, search).
fn example_relative() -> TestSite {
    let site = TestSite::example();
    append(&site.path("site.yaml"), "relative_urls: true\n");
    site
}

/// Every address-holding attribute of a page, as written.
fn page_addresses(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for name in ["href", "src", "action", "data-pagefind", "data-offline"] {
        let pattern = format!(" {name}=\"");
        for (i, _) in html.match_indices(&pattern) {
            let value = &html[i + pattern.len()..];
            if let Some(end) = value.find('"') {
                out.push(value[..end].to_string());
            }
        }
    }
    out
}

/// The file a relative address names from the page at `page` (an output
/// path), without its query and fragment.
fn target(out: &Path, page: &str, address: &str) -> PathBuf {
    let path = address.split(['?', '#']).next().unwrap_or("");
    let folder = Path::new(page).parent().unwrap_or(Path::new(""));
    let mut at = out.join(folder);
    for part in path.split('/') {
        match part {
            ".." => {
                at.pop();
            }
            "" | "." => {}
            name => at.push(name),
        }
    }
    at
}

#[test]
fn every_page_links_relatively_to_files_that_exist() {
    let site = example_relative();
    site.build_ok(&[]);
    let out = site.path("output");
    let mut checked = 0;
    for (path, bytes) in tree(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for address in page_addresses(&html) {
            assert!(!address.starts_with('/'), "{path}: {address} starts with /");
            if address.contains(':') || address.starts_with('#') {
                continue; // https://…, mailto:, the canonical link, a fragment
            }
            assert!(
                !address.ends_with('/') && !address.contains("/?") && !address.contains("/#"),
                "{path}: {address} names a folder"
            );
            let file = target(&out, &path, &address);
            assert!(
                file.is_file(),
                "{path}: {address} is not a file of the output"
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} addresses checked");
}

#[test]
fn each_kind_of_page_links_from_its_own_folder() {
    let site = example_relative();
    // A stylesheet of the site's own, with an image of its own.
    site.write(
        "static/css/extra.css",
        "body { background: url(/images/fond.png) no-repeat; }\n",
    );
    site.write("static/images/fond.png", b"\x89PNG\r\n");
    site.build_ok(&[]);
    assert_eq!(
        site.page("css/extra.css"),
        "body { background: url(../images/fond.png) no-repeat; }\n"
    );
    let has = |page: &str, wanted: &[&str]| {
        let html = site.page(page);
        let found = page_addresses(&html);
        for w in wanted {
            // The theme's stylesheet and script carry a hash of their bytes
            // (`css/gazette.06de2848.css`): `css/gazette.*.css` stands for it.
            let matches = |a: &String| match w.split_once('*') {
                Some((head, tail)) => {
                    a.starts_with(head) && a.ends_with(tail) && a.len() > head.len() + tail.len()
                }
                None => a == w,
            };
            assert!(found.iter().any(matches), "{page}: no {w} in {found:?}");
        }
    };
    has(
        "index.html",
        &[
            "css/gazette.*.css",
            "js/gazette.*.js",
            "actualites/index.html",
            "actualites/accord-teletravail-signe/index.html",
            "actualites/bilan-social-2025/cover.png",
            "recherche/index.html",
            "atom.xml",
        ],
    );
    has(
        "actualites/accord-teletravail-signe/index.html",
        &[
            "../../css/gazette.*.css",
            "../../index.html",
            "../../actualites/index.html",
        ],
    );
    has(
        "mots-cles/teletravail/index.html",
        &["../../css/gazette.*.css", "../../index.html"],
    );
    has(
        "recherche/index.html",
        &[
            "../recherche/index.html",
            "../pagefind/pagefind.js",
            "../pagefind/gazette-offline.js",
        ],
    );
    has("404.html", &["css/gazette.*.css", "index.html"]);
    // An alias redirects from its own folder, to a file.
    let alias = site.page("anciennes-actus/teletravail/index.html");
    assert!(
        alias.contains(
            "<meta http-equiv=\"refresh\" content=\"0; url=../../actualites/accord-teletravail-signe/index.html\">"
        ),
        "{alias}"
    );
    // The canonical link and the feeds keep absolute addresses.
    let article = site.page("actualites/accord-teletravail-signe/index.html");
    let links = elements_with_attrs(&article, "link");
    assert!(
        links.iter().any(|(attrs, _)| attrs.contains(
            "href=\"https://intranet.example.org/actualites/accord-teletravail-signe/\""
        )),
        "{links:?}"
    );
    let feed = site.page("atom.xml");
    assert!(
        feed.contains(
            "href=\"https://intranet.example.org/actualites/accord-teletravail-signe/\"/>"
        ),
        "{feed}"
    );
    assert!(
        site.page("sitemap.xml")
            .contains("<loc>https://intranet.example.org/</loc>")
    );
}

#[test]
fn the_offline_index_holds_every_article_with_its_folded_words() {
    let site = example_relative();
    site.build_ok(&[]);
    let script = site.page("pagefind/gazette-offline.js");
    let json = script
        .strip_prefix("window.gazetteSearch = ")
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("a plain script assigning the records");
    let records: Vec<BTreeMap<String, String>> = serde_json::from_str(json).unwrap();
    let articles = tree(&site.path("output"))
        .keys()
        .filter(|p| {
            p.starts_with("actualites/")
                && p.ends_with("/index.html")
                && p.matches('/').count() == 2
        })
        .count();
    assert!(records.len() > articles, "{} records", records.len());
    let teletravail = records
        .iter()
        .find(|r| r["u"] == "actualites/accord-teletravail-signe/index.html")
        .expect("the article's record");
    assert_eq!(
        teletravail["t"],
        "Télétravail\u{a0}: le nouvel accord est signé"
    );
    assert_eq!(teletravail["s"], "Actualités");
    assert_eq!(teletravail["d"], "2026-03-12");
    assert!(teletravail["n"].starts_with("teletravail le nouvel accord est signe "));
    assert!(
        !teletravail["n"].contains("publie le"),
        "no dates or table of contents"
    );
}

#[test]
fn the_flag_is_the_setting_and_without_either_nothing_changes() {
    let flag = TestSite::example();
    flag.build_ok(&["--relative-urls"]);
    let setting = example_relative();
    setting.build_ok(&[]);
    assert_eq!(tree(&flag.path("output")), tree(&setting.path("output")));

    let plain = TestSite::example();
    plain.build_ok(&[]);
    let off = TestSite::example();
    append(&off.path("site.yaml"), "relative_urls: false\n");
    off.build_ok(&[]);
    let plain_tree = tree(&plain.path("output"));
    assert_eq!(plain_tree, tree(&off.path("output")));
    assert!(!plain_tree.contains_key("pagefind/gazette-offline.js"));
    let home = plain.page("index.html");
    assert!(
        home.contains("href=\"/actualites/\""),
        "root-relative without the setting"
    );
    assert!(!home.contains("index.html\""));
}

#[test]
fn a_site_built_with_relative_urls_works_from_file_urls_in_chromium() {
    let (chromium, playwright) = browser();
    let site = example_relative();
    site.build_ok(&[]);
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new("node")
        .arg(manifest_dir().join("tests/file-browser.mjs"))
        .env("PLAYWRIGHT_CORE", &playwright)
        .env("CHROMIUM", chromium)
        .env("PROFILE_DIR", profile.path())
        .env("OUTPUT_DIR", site.path("output"))
        .env("ARTICLE", "actualites/accord-teletravail-signe/index.html")
        // Without its accent: the search folds them.
        .env("WORD", "teletravail")
        .output()
        .expect("node runs");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "file:// navigation failed:\n{said}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        said.contains("the first result opens the article"),
        "{said}"
    );
    fs::remove_dir_all(profile.path()).ok();
}
