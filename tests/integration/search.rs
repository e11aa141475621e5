//! The search index: `gazette build` writes pagefind's index of the published
//! articles (not listings, the 404, alias redirects or drafts) and the search
//! page, in the site's language, the same bytes on every build.
//!
//! The tests build tiny sites in temporary folders with the `gazette`
//! binary and read pagefind's files (gzip, after a `pagefind_dcd` signature)
//! directly. Two tests search from the search page in headless Chromium
//! (`tests/search-browser.mjs`): a site large enough for an index in
//! parts, and an article whose result's excerpt must be its text only.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::support::{TestSite, browser, manifest_dir, png, tree};

const FORMATION: &str = "---
title: La plateforme de formation ouvre
date: 2026-03-02
aliases: [/anciennes-actus/plateforme/]
---
Le catalogue de formation rassemble les stages de cartographie et d'ornithologie.
";

const TELETRAVAIL: &str = "---
title: Le télétravail s'organise
date: 2026-03-03
---
Deux jours de télétravail par semaine pour les équipes de kinésithérapie.
";

const DRAFT: &str = "---
title: Brouillon secret
date: 2026-03-04
draft: true
---
Un texte sur la xylographie, qui ne doit pas être trouvé.
";

/// A site in a temporary folder: the default theme, two articles, a draft.
fn site(language: &str, search: bool) -> TestSite {
    let site = TestSite::new();
    site.write(
        "site.yaml",
        format!(
            "title: Le Fil RH\nbase_url: https://intranet.example.org/\nlanguage: {language}\n\
             theme: gazette\nsearch: {search}\n"
        ),
    );
    site.write("content/_index.md", "---\ntitle: Accueil\n---\n");
    site.write(
        "content/actualites/_index.md",
        "---\ntitle: Actualités\n---\n",
    );
    site.write("content/actualites/formation.md", FORMATION);
    site.write("content/actualites/teletravail.md", TELETRAVAIL);
    site.write("content/actualites/brouillon.md", DRAFT);
    site
}

/// Runs `gazette build --output <out>` on the site; panics unless it
/// succeeds.
fn build(site: &TestSite, out: &Path) {
    site.build_ok(&["--output", out.to_str().expect("a UTF-8 path")]);
}

/// A pagefind data file, decompressed and without its signature.
fn unpack(bytes: &[u8]) -> Vec<u8> {
    let mut data = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut data)
        .expect("gzip");
    data.strip_prefix(b"pagefind_dcd")
        .expect("pagefind signature")
        .to_vec()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn build_writes_a_pagefind_index_of_the_published_articles() {
    let site = site("fr", true);
    let out = site.root.join("output");
    build(&site, &out);
    let index = tree(&out.join("pagefind"));

    for file in ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json"] {
        assert!(index.contains_key(file), "pagefind/{file} is missing");
    }
    // French stemming: the French WebAssembly, and the index says `fr`.
    assert!(index.contains_key("wasm.fr.pagefind"));
    let entry: serde_json::Value = serde_json::from_slice(&index["pagefind-entry.json"]).unwrap();
    assert_eq!(entry["languages"]["fr"]["wasm"], "fr", "{entry}");
    assert_eq!(entry["languages"]["fr"]["page_count"], 2, "{entry}");
    assert!(index.keys().any(|k| k.ends_with(".pf_meta")));
    // The theme's own form uses pagefind.js: the ready-made UIs are left out.
    assert!(!index.keys().any(|k| k.contains("-ui.")));

    // One fragment per published article: no listing, 404, search page,
    // alias redirect or draft.
    let fragments: BTreeMap<String, serde_json::Value> = index
        .iter()
        .filter(|(k, _)| k.starts_with("fragment/"))
        .map(|(_, v)| {
            let f: serde_json::Value = serde_json::from_slice(&unpack(v)).unwrap();
            (f["url"].as_str().unwrap().to_string(), f)
        })
        .collect();
    let urls: Vec<&str> = fragments.keys().map(String::as_str).collect();
    assert_eq!(
        urls,
        ["/actualites/formation/", "/actualites/teletravail/"],
        "indexed pages"
    );
    let text = |url: &str| fragments[url]["content"].as_str().unwrap().to_string();
    assert!(text("/actualites/formation/").contains("ornithologie"));
    assert!(text("/actualites/teletravail/").contains("kinésithérapie"));
    // The article's text only, not the site's chrome (menu, footer).
    assert!(!text("/actualites/formation/").contains("Aller au contenu"));
    assert_eq!(
        fragments["/actualites/formation/"]["meta"]["title"],
        "La plateforme de formation ouvre"
    );

    // The word index holds both articles' words, stemmed, and not the draft's.
    let words: Vec<u8> = index
        .iter()
        .filter(|(k, _)| k.starts_with("index/"))
        .flat_map(|(_, v)| unpack(v))
        .collect();
    assert!(
        contains(&words, "ornitholog"),
        "a word of the first article"
    );
    assert!(contains(&words, "kinesitherap") || contains(&words, "kinésithérap"));
    assert!(!contains(&words, "xylograph"), "the draft is not indexed");
    for (name, bytes) in &index {
        if name.ends_with(".pf_fragment") {
            assert!(!contains(&unpack(bytes), "xylographie"), "{name}");
        }
    }

    // The search page loads the index; without JavaScript, it says so.
    let page = fs::read_to_string(out.join("recherche/index.html")).unwrap();
    assert!(page.contains("data-pagefind=\"/pagefind/pagefind.js\""));
    assert!(page.contains("<noscript>"));
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("href=\"/recherche/\""), "site.search_url");

    // The same sources give the same bytes.
    let again = site.root.join("again");
    build(&site, &again);
    assert!(
        index == tree(&again.join("pagefind")),
        "the index is not deterministic"
    );
}

#[test]
fn an_english_site_gets_english_stemming_and_search_off_writes_nothing() {
    let site_en = site("en", true);
    let out = site_en.root.join("output");
    build(&site_en, &out);
    let entry = fs::read_to_string(out.join("pagefind/pagefind-entry.json")).unwrap();
    let entry: serde_json::Value = serde_json::from_str(&entry).unwrap();
    assert_eq!(entry["languages"]["en"]["wasm"], "en", "{entry}");
    assert!(out.join("pagefind/wasm.en.pagefind").is_file());
    assert!(out.join("search/index.html").is_file());

    let site_off = site("fr", false);
    let out = site_off.root.join("output");
    build(&site_off, &out);
    assert!(!out.join("pagefind").exists());
    assert!(!out.join("recherche").exists());
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!home.contains("/recherche/"));
}

#[test]
fn a_large_site_is_searched_across_every_part_of_its_index_in_chromium() {
    let (chromium, playwright) = browser();
    // Just over the size at which the index comes in two parts: short
    // articles, one a day, newest first in the index. A word of the newest
    // lands in the first part, a word of the oldest in the second.
    let count = gazette::search::SPLIT_ABOVE + 10;
    let site = site("fr", true);
    let day = |n: usize| {
        let date = nth_day(n);
        format!(
            "---\ntitle: Note numéro {n}\ndate: {date}\n---\nUne note de service parmi d’autres, la numéro {n}.\n"
        )
    };
    for n in 1..=count {
        let mut text = day(n);
        if n == 1 {
            text.push_str("Elle parle de palimpsestes.\n");
        }
        if n == count {
            text.push_str("Elle parle de dirigeables.\n");
        }
        site.write(&format!("content/notes/note-{n:05}.md"), &text);
    }
    let out = site.path("output");
    build(&site, &out);
    assert_eq!(
        fs::read_to_string(out.join("pagefind/gazette-parts.json")).unwrap(),
        "[\"parts/2/\"]"
    );

    let profile = tempfile::tempdir().unwrap();
    let queries = format!(
        "{{\"dirigeables\": \"/notes/note-{count:05}/\", \"palimpsestes\": \"/notes/note-00001/\"}}"
    );
    let output = Command::new("node")
        .arg(manifest_dir().join("tests/search-browser.mjs"))
        .env("PLAYWRIGHT_CORE", &playwright)
        .env("CHROMIUM", chromium)
        .env("PROFILE_DIR", profile.path())
        .env("OUTPUT_DIR", &out)
        .env("QUERIES", queries)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "browser search failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The day `n` days after 2019-01-01, as `YYYY-MM-DD`.
fn nth_day(n: usize) -> String {
    let mut days = n as i64;
    let mut year = 2019;
    loop {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let len = if leap { 366 } else { 365 };
        if days < len {
            let months = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            let mut month = 0;
            while days >= months[month] {
                days -= months[month];
                month += 1;
            }
            return format!("{year}-{:02}-{:02}", month + 1, days + 1);
        }
        days -= len;
        year += 1;
    }
}

const INTERVIEW: &str = "---
title: Le métier de conseillère
date: 2026-03-05
summary: Une conseillère raconte son métier.
category: Métiers
series: Portraits
authors: [Anne-Sophie Morel]
image:
  src: cover.png
  alt: Un guichet.
  caption: Le guichet de l'accueil.
  credit: Studio graphique
people:
  mr: {name: Martine Roussel, role: Conseillère d'accueil}
interview:
  with: mr
  questions:
    - q: Comment êtes-vous arrivée ici ?
      a: Par hasard, en 2007.
quotes:
  hasard:
    text: Par hasard, en 2007.
    by: mr
---
Le premier paragraphe[^1].

{{ interview() }}

{{ quote(id=\"hasard\") }}

| Année | Visiteurs |
|---|---|
| 2025 | 412 |

[^1]: Une note.
";

#[test]
fn a_result_excerpt_is_the_article_text_only() {
    let site = site("fr", true);
    site.write("content/actualites/metier/index.md", INTERVIEW);
    site.write("content/actualites/metier/cover.png", png(40, 30));
    let out = site.path("output");
    build(&site, &out);
    let index = tree(&out.join("pagefind"));
    let fragment = index
        .iter()
        .filter(|(k, _)| k.starts_with("fragment/"))
        .map(|(_, v)| serde_json::from_slice::<serde_json::Value>(&unpack(v)).unwrap())
        .find(|f| f["url"] == "/actualites/metier/")
        .expect("the article is indexed");
    // No kicker, byline, cover caption or credit, interview card, initials,
    // « Question 1 : », repeated pull quote, table, note call or « ↩ », share
    // links or related articles: the words a reader reads as the article.
    assert_eq!(
        fragment["content"],
        "Le métier de conseillère. Une conseillère raconte son métier. \
         Le premier paragraphe. Comment êtes-vous arrivée ici ? Par hasard, en 2007. \
         Notes. Une note."
    );
    // What a result shows beside the excerpt is still read from the
    // ignored parts.
    assert_eq!(fragment["meta"]["date"], "2026-03-05");
    assert_eq!(fragment["meta"]["image"], "/actualites/metier/cover.png");
    assert_eq!(fragment["meta"]["image_alt"], "Un guichet.");

    // And a reader searching for a word of the interview sees that text
    // under the result's title.
    let (chromium, playwright) = browser();
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new("node")
        .arg(manifest_dir().join("tests/search-browser.mjs"))
        .env("PLAYWRIGHT_CORE", &playwright)
        .env("CHROMIUM", chromium)
        .env("PROFILE_DIR", profile.path())
        .env("OUTPUT_DIR", &out)
        .env("QUERIES", "{\"hasard\": \"/actualites/metier/\"}")
        .env(
            "EXCERPTS",
            serde_json::json!({ "hasard": fragment["content"] }).to_string(),
        )
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "browser search failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
