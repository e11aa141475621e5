//! How listings, cards, testimonies, tags, the breadcrumb and print look,
//! measured in headless Chromium (`tests/layout-browser.mjs`) on the example
//! site rather than compared pixel by pixel: no page scrolls sideways at
//! 320 px, at most three card columns at 1600 px, every card summary within
//! the lines it is clamped to, two related articles filling their row,
//! testimonies in roman type with a readable avatar in both colour schemes,
//! linked tags with a contrasted border and a focus outline, and a printed
//! article that shows its address and print date but neither the breadcrumb
//! nor the menu.

use std::process::Command;

use serde_json::Value;

use crate::support::{TestSite, browser, manifest_dir};

/// A summary long enough to be clamped in any layout.
const LONG: &str = "Un résumé beaucoup trop long pour une carte, qui reprend le contexte, \
les chiffres, les dates, les personnes concernées, les étapes suivantes, les contacts \
utiles et encore une longue phrase sur les modalités pratiques, pour qu’aucune largeur \
d’écran ne le fasse tenir en trois ou quatre lignes.";

/// The example site, plus a section of articles without images (a list of
/// headlines) whose only article has a summary too long for its clamp.
fn site() -> TestSite {
    let site = TestSite::example();
    site.write(
        "content/notes/_index.md",
        "---\ntitle: Notes de service\n---\n",
    );
    site.write(
        "content/notes/longue.md",
        format!("---\ntitle: Une note au long résumé\ndate: 2026-05-20\nsummary: {LONG}\n---\nLe texte.\n"),
    );
    site.write(
        "content/notes/deux-lectures.md",
        "---\ntitle: Une note et deux lectures\ndate: 2026-05-22\nsummary: Court.\n\
         related: [actualites/bilan-social-2025/index.md, actualites/2026-03-12-accord-teletravail-signe.md]\n\
         ---\nLe texte.\n",
    );
    site.write(
        "content/notes/courte.md",
        "---\ntitle: Une note courte\ndate: 2026-05-21\nsummary: Court.\n---\nLe texte.\n",
    );
    site
}

/// The pages measured, by role.
const PAGES: &str = r#"{
  "home": "/",
  "section": "/actualites/",
  "list": "/notes/",
  "article": "/actualites/accord-teletravail-signe/",
  "testimonies": "/portraits/premiers-jours/",
  "term": "/rubriques/preparer-demain/",
  "person": "/personnes/camille-bertin/",
  "related": "/notes/deux-lectures/"
}"#;

/// Builds the site and runs the browser script on it: its measurements.
fn measure() -> Value {
    let (chromium, playwright) = browser();
    let site = site();
    let out = site.path("output");
    site.build_ok(&["--output", out.to_str().expect("a UTF-8 path")]);
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new("node")
        .arg(manifest_dir().join("tests/layout-browser.mjs"))
        .env("PLAYWRIGHT_CORE", &playwright)
        .env("CHROMIUM", chromium)
        .env("PROFILE_DIR", profile.path())
        .env("OUTPUT_DIR", &out)
        .env("PAGES", PAGES)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "the browser script failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

#[test]
fn listings_testimonies_tags_and_print_look_as_designed_in_chromium() {
    let m = measure();

    // No page scrolls sideways on a 320 px screen.
    let overflow = m["overflow_320"].as_object().unwrap();
    assert_eq!(overflow.len(), 8, "{overflow:?}");
    for (role, px) in overflow {
        assert_eq!(px.as_f64(), Some(0.0), "{role} scrolls sideways at 320 px");
    }

    // At most three card columns at 1600 px; a listing with images is a grid.
    for (role, grids) in m["columns_1600"].as_object().unwrap() {
        for columns in grids.as_array().unwrap() {
            assert!(columns.as_u64().unwrap() <= 3, "{role}: {grids}");
        }
    }
    assert_eq!(m["columns_1600"]["section"], serde_json::json!([3]));
    assert_eq!(m["columns_1600"]["list"], serde_json::json!([1]));

    // Every summary within its clamp: four lines in a grid, three in a list;
    // the long ones are cut, in a grid and in a list.
    let summaries = m["summaries"].as_array().unwrap();
    for s in summaries {
        let lines = if s["list"].as_bool().unwrap() {
            3.0
        } else {
            4.0
        };
        let (height, line) = (s["height"].as_f64().unwrap(), s["line"].as_f64().unwrap());
        assert!(
            height <= lines * line + 1.0,
            "a summary is taller than its clamp: {s}"
        );
    }
    for list in [true, false] {
        assert!(
            summaries
                .iter()
                .any(|s| s["list"] == list && s["clipped"] == true),
            "no long summary was clamped (list: {list}): {summaries:?}"
        );
    }

    // Two related articles side by side, filling the width of their section
    // (not two thirds of it left empty).
    let related = &m["related"];
    assert_eq!(
        (&related["items"], &related["rows"]),
        (&2.into(), &1.into()),
        "{related}"
    );
    assert!(related["fill"].as_f64().unwrap() > 0.98, "{related}");

    // Testimonies in roman type, with a decorative opening mark and initials
    // that meet AA contrast, in light and dark.
    for scheme in ["light", "dark"] {
        let t = &m["testimony"][scheme];
        assert_eq!(t["font_style"], "normal", "{scheme}: {t}");
        assert_eq!(t["mark"], "\"«\" / \"\"", "{scheme}: {t}");
        assert!(t["initials"].as_u64().unwrap() > 0, "{t}");
        assert!(t["min_contrast"].as_f64().unwrap() >= 4.5, "{scheme}: {t}");
        // Linked tags: a border of at least 3:1 and text of at least 4.5:1.
        let tag = &m["tags"][scheme];
        assert!(
            tag["border_width"].as_f64().unwrap() >= 1.0,
            "{scheme}: {tag}"
        );
        assert!(
            tag["border_contrast"].as_f64().unwrap() >= 3.0,
            "{scheme}: {tag}"
        );
        assert!(
            tag["text_contrast"].as_f64().unwrap() >= 4.5,
            "{scheme}: {tag}"
        );
    }

    // A linked tag reached with Tab shows a focus outline.
    let focus = &m["tag_focus"];
    assert_eq!(focus["reached"], true, "{focus}");
    assert_eq!(focus["outline_style"], "solid", "{focus}");
    assert!(focus["outline_width"].as_f64().unwrap() >= 2.0, "{focus}");

    // On screen: the breadcrumb and the menu, not the printed address.
    let (screen, print) = (&m["screen"], &m["print"]);
    assert_eq!(
        (
            &screen["breadcrumb"],
            &screen["nav"],
            &screen["print_source"]
        ),
        (&Value::Bool(true), &Value::Bool(true), &Value::Bool(false)),
        "{screen}"
    );
    // In print: the article's address (its canonical one) and the day it
    // is printed, neither the breadcrumb nor the menu.
    assert_eq!(
        (&print["breadcrumb"], &print["nav"], &print["print_source"]),
        (&Value::Bool(false), &Value::Bool(false), &Value::Bool(true)),
        "{print}"
    );
    let today = m["today"].as_str().unwrap();
    let today = today
        .strip_prefix("1 ")
        .map_or(today.to_string(), |rest| format!("1er {rest}"));
    assert_eq!(
        print["print_text"].as_str().unwrap(),
        format!(
            "Adresse de l’article : {} Imprimé le {today}.",
            print["canonical"].as_str().unwrap()
        )
    );
    assert_eq!(
        print["canonical"],
        "https://intranet.example.org/actualites/accord-teletravail-signe/"
    );
}
