//! Nothing a sighted reader sees is lost to others: labels that look like
//! headings are headings at the right level, titled blocks are named by
//! them, only essential blocks are landmarks, « Haut de page » moves focus,
//! wide tables scroll by keyboard, the menu says where the reader is,
//! reading times count every block, foreign words can be marked.

use crate::support::{TestSite, position};

const ARTICLE: &str = r#"---
title: Nos engagements
date: 2026-03-12
tags: [Qualité de vie]
people:
  cb:
    name: Camille Bertin
    role: Contrôleuse de sécurité
interview:
  with: cb
  questions:
    - q: Pourquoi ?
      a: Parce que.
principles:
  engagements:
    title: Nos engagements
    items:
      - title: Une instance ouverte
        text: Ses réunions sont ouvertes à tous.
---
{{ principles(id="engagements") }}

## Le dispositif

{{ interview() }}

### En pratique

{% aside(title="À savoir") %}
Le mentorat est **volontaire**.
{% end %}
"#;

fn page() -> String {
    let site = TestSite::with_settings("share: [mail]\n");
    site.write("content/engagements.md", ARTICLE);
    site.build_ok(&[]);
    site.page("engagements/index.html")
}

#[test]
fn block_titles_are_headings_one_level_under_where_the_body_places_them() {
    let html = page();
    // Before any heading: h2, its titled items h3; a group named by its title.
    position(
        &html,
        "<div class=\"principles\" role=\"group\" aria-labelledby=\"principes-engagements\">\n  <h2 class=\"block-title\" id=\"principes-engagements\">Nos engagements</h2>",
    );
    position(
        &html,
        "<h3 class=\"principle-title\">Une instance ouverte</h3>",
    );
    // Under « Le dispositif » (h2): « Entretien avec » is an h3 naming the people.
    position(
        &html,
        "<h3 class=\"interview-with\" id=\"gz-entretien-avec\">Entretien avec</h3>\n    <ul class=\"people-list\" aria-labelledby=\"gz-entretien-avec\">",
    );
    // Under « En pratique » (h3): the boxed note's title is an h4 naming the note.
    position(
        &html,
        "<aside class=\"encadre\" role=\"note\" aria-labelledby=\"gz-encadre-3\">\n  <h4 class=\"encadre-titre\" id=\"gz-encadre-3\">À savoir</h4>",
    );
}

#[test]
fn footer_labels_are_headings_and_only_essential_blocks_are_landmarks() {
    let html = page();
    position(
        &html,
        "<h2 class=\"tags-title\" id=\"gz-mots-cles\">Mots-clés</h2>",
    );
    position(
        &html,
        "<h2 class=\"share-title\" id=\"gz-partager\">Partager cet article</h2>",
    );
    position(
        &html,
        "<div class=\"people\" role=\"group\" aria-labelledby=\"gz-personnes\" data-pagefind-ignore>",
    );
    // No heading-looking paragraph is left.
    for label in [
        "<p class=\"tags-title\"",
        "<p class=\"share-title\"",
        "<p class=\"interview-with\"",
        "<p class=\"encadre-titre\"",
    ] {
        assert!(!html.contains(label), "{label}");
    }
    // The article's landmarks: the table of contents at most; no region of
    // its own blocks (a named section), no named aside (complementary).
    let article = &html[position(&html, "<article")..position(&html, "</article>")];
    assert!(!article.contains("<section"), "{article}");
    assert!(
        !article.contains("<aside class=\"encadre\" aria-label"),
        "{article}"
    );
    // Names are in normal case in the page: capitals are the stylesheet's.
    assert!(!html.contains("MOTS-CLÉS") && !html.contains("PARTAGER"));
}

#[test]
fn the_menu_says_which_section_the_reader_is_in_and_its_own_page() {
    let site = TestSite::with_settings(
        "menu:\n  - {title: Actualités, url: /actualites/}\n  - {title: Portraits, url: /portraits/}\n",
    );
    site.write(
        "content/actualites/_index.md",
        "---\ntitle: Actualités\n---\n",
    );
    site.write(
        "content/portraits/_index.md",
        "---\ntitle: Portraits\n---\n",
    );
    site.write(
        "content/actualites/accord.md",
        crate::support::article("Accord", ""),
    );
    site.build_ok(&[]);
    let article = site.page("actualites/accord/index.html");
    position(
        &article,
        "<a href=\"/actualites/\" aria-current=\"true\">Actualités</a>",
    );
    position(&article, "<a href=\"/portraits/\">Portraits</a>");
    let section = site.page("actualites/index.html");
    position(
        &section,
        "<a href=\"/actualites/\" aria-current=\"page\">Actualités</a>",
    );
    assert_eq!(section.matches("aria-current=\"true\"").count(), 0);
    // The cue is a bar, drawn in forced colours too.
    let css = site.page(&site.hashed_asset("css/gazette", "css"));
    position(
        &css,
        ".site-nav-list a[aria-current] { color: var(--accent); border-bottom-color: var(--accent); }",
    );
    position(
        &css,
        "  .site-nav-list a { border-bottom-color: Canvas; }\n  .site-nav-list a[aria-current] { border-bottom-color: CanvasText; }",
    );
}

#[test]
fn a_markdown_table_scrolls_in_a_focusable_region_named_by_its_headers() {
    for (raw_html, language, name) in [
        ("escape", "fr", "Tableau\u{a0}: Indicateur, 2024, 2025"),
        ("sanitize", "en", "Table: Indicateur, 2024, 2025"),
    ] {
        let site = TestSite::with_settings(&format!(
            "language: {language}\nmarkdown:\n  raw_html: {raw_html}\n"
        ));
        site.write(
            "content/chiffres.md",
            "---\ntitle: Chiffres\ndate: 2026-03-12\n---\nLes <span lang=\"en\">soft skills</span>.\n\n| Indicateur | 2024 | `2025` |\n|---|---|---|\n| a | b | c |\n",
        );
        site.build_ok(&[]);
        let html = site.page("chiffres/index.html");
        position(
            &html,
            &format!(
                "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{name}\"><table>"
            ),
        );
        if raw_html == "sanitize" {
            // A passage in another language keeps its lang through the sanitizer.
            position(&html, "<p>Les <span lang=\"en\">soft skills</span>.</p>");
        }
    }
}

/// What only a browser shows (`tests/reading-browser.mjs`): focus after
/// « Haut de page », a wide table scrolled by keyboard at 390 px, a pull
/// quote's presence in the accessibility tree, the principle numerals on
/// one line at 320 and 1280 px.
#[test]
fn keyboard_focus_tables_quotes_and_numerals_behave_in_chromium() {
    let (chromium, playwright) = crate::support::browser();
    let site = TestSite::with_settings("");
    let items: String = (1..=11)
        .map(|n| format!("      - Engagement numéro {n}, tenu.\n"))
        .collect();
    let paragraphs = "Un paragraphe qui occupe de la place pour que la page défile.\n\n".repeat(40);
    let columns = (1..=12).map(|n| format!("Colonne {n}")).collect::<Vec<_>>();
    let table = format!(
        "| {} |\n|{}\n| {} |\n",
        columns.join(" | "),
        "---|".repeat(12),
        columns
            .iter()
            .map(|_| "valeur longue")
            .collect::<Vec<_>>()
            .join(" | ")
    );
    site.write(
        "content/engagements.md",
        format!(
            "---\ntitle: Engagements\ndate: 2026-03-12\npeople:\n  cb:\n    name: Camille Bertin\nprinciples:\n  liste:\n    items:\n{items}quotes:\n  unique:\n    text: \"Une phrase dite nulle part ailleurs.\"\n    by: cb\n  echo:\n    text: \"Un paragraphe qui occupe de la place.\"\n---\n{paragraphs}{table}\n{{{{ quote(id=\"unique\") }}}}\n\n{{{{ quote(id=\"echo\") }}}}\n\n{{{{ principles() }}}}\n\n{paragraphs}"
        ),
    );
    site.build_ok(&[]);
    let profile = tempfile::tempdir().unwrap();
    let output = std::process::Command::new("node")
        .arg(crate::support::manifest_dir().join("tests/reading-browser.mjs"))
        .env("PLAYWRIGHT_CORE", &playwright)
        .env("CHROMIUM", chromium)
        .env("PROFILE_DIR", profile.path())
        .env("OUTPUT_DIR", site.path("output"))
        .env("ARTICLE", "/engagements/")
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "in Chromium:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The reading time counts an interview's questions and answers, testimonies
/// and boxed notes, not only the Markdown body: 556 words at 230 a minute
/// make 3 minutes, where the body alone would say 1.
#[test]
fn the_reading_time_counts_the_interview_testimonies_and_notes() {
    let words = |n: usize| vec!["mot"; n].join(" ");
    let questions: String = (0..4)
        .map(|_| format!("    - q: {}\n      a: {}\n", words(9), words(100)))
        .collect();
    let site = TestSite::with_settings("");
    site.write(
        "content/entretien.md",
        format!(
            "---\ntitle: Entretien\ndate: 2026-03-12\npeople:\n  cb:\n    name: Camille Bertin\ninterview:\n  with: cb\n  questions:\n{questions}testimonials:\n  - text: {}\n---\n{}\n\n{{% aside(title=\"Note\") %}}\n{}\n{{% end %}}\n",
            words(60),
            words(20),
            words(40)
        ),
    );
    site.build_ok(&[]);
    let html = site.page("entretien/index.html");
    // 4 × 109 + 60 + 20 + 40 = 556 words.
    position(&html, "<span>Lecture\u{a0}: 3\u{a0}min</span>");
}
