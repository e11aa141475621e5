//! Nothing a sighted reader sees is lost to others: labels that look like
//! headings are headings at the right level, titled blocks are named by
//! them, only essential blocks are landmarks, « Haut de page » moves focus,
//! wide tables scroll by keyboard, the menu says where the reader is,
//! reading times count every block, foreign words can be marked.

use crate::support::TestSite;

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

/// Where `text` is; panics when absent.
#[track_caller]
fn find(html: &str, text: &str) -> usize {
    html.find(text)
        .unwrap_or_else(|| panic!("{text:?} not found in {html}"))
}

#[test]
fn block_titles_are_headings_one_level_under_where_the_body_places_them() {
    let html = page();
    // Before any heading: h2, its titled items h3; a group named by its title.
    find(
        &html,
        "<div class=\"principles\" role=\"group\" aria-labelledby=\"principes-engagements\">\n  <h2 class=\"block-title\" id=\"principes-engagements\">Nos engagements</h2>",
    );
    find(
        &html,
        "<h3 class=\"principle-title\">Une instance ouverte</h3>",
    );
    // Under « Le dispositif » (h2): « Entretien avec » is an h3 naming the people.
    find(
        &html,
        "<h3 class=\"interview-with\" id=\"gz-entretien-avec\">Entretien avec</h3>\n    <ul class=\"people-list\" aria-labelledby=\"gz-entretien-avec\">",
    );
    // Under « En pratique » (h3): the boxed note's title is an h4 naming the note.
    find(
        &html,
        "<aside class=\"encadre\" role=\"note\" aria-labelledby=\"gz-encadre-3\">\n  <h4 class=\"encadre-titre\" id=\"gz-encadre-3\">À savoir</h4>",
    );
}

#[test]
fn footer_labels_are_headings_and_only_essential_blocks_are_landmarks() {
    let html = page();
    find(
        &html,
        "<h2 class=\"tags-title\" id=\"gz-mots-cles\">Mots-clés</h2>",
    );
    find(
        &html,
        "<h2 class=\"share-title\" id=\"gz-partager\">Partager cet article</h2>",
    );
    find(
        &html,
        "<div class=\"people\" role=\"group\" aria-labelledby=\"gz-personnes\">",
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
    let article = &html[find(&html, "<article")..find(&html, "</article>")];
    assert!(!article.contains("<section"), "{article}");
    assert!(
        !article.contains("<aside class=\"encadre\" aria-label"),
        "{article}"
    );
    // Names are in normal case in the page: capitals are the stylesheet's.
    assert!(!html.contains("MOTS-CLÉS") && !html.contains("PARTAGER"));
}
