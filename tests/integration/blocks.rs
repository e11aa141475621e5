//! Blocks of the front matter (interview, testimonies, principles, quotes)
//! and boxed notes, placed by shortcodes or after the body.

use crate::support::TestSite;

const ARTICLE: &str = r#"---
title: Mentorat, regards croisés
date: 2026-03-12
people:
  cb:
    name: Camille Bertin
    role: Contrôleuse de sécurité
interview:
  with: cb
  intro: "Camille a rejoint le service en **janvier**."
  questions:
    - q: Qu'attendiez-vous du mentorat ?
      a: Je ne savais pas trop.
    - q: Et aujourd'hui ?
      a: J'ai trouvé *ma* façon de faire.
testimonials:
  - text: "Je me suis sentie utile."
  - text: "J'ai découvert un autre métier."
    by: {name: Karim B., role: Gestionnaire}
principles:
  engagements:
    title: Nos engagements
    items:
      - Donner du sens
      - title: Une instance ouverte
        text: Ses réunions sont ouvertes à tous.
quotes:
  echange:
    text: "Le mentorat, c'est un échange."
    by: cb
---
Un an après, nous avons réuni un binôme.

{{ interview(questions="2") }}

Le shortcode `{{ interview() }}` s'écrit seul sur sa ligne.

{% aside(title="À savoir") %}
Le mentorat est **volontaire**.
{% end %}

Fin de l'article.
"#;

fn build() -> String {
    let site = TestSite::new();
    site.write(
        "site.yaml",
        "title: Le Fil RH\nbase_url: https://intranet.example.org/\n",
    );
    site.write("content/portraits/mentorat.md", ARTICLE);
    site.build_ok(&[]);
    site.page("portraits/mentorat/index.html")
}

/// Where a text is in the page; panics when absent.
#[track_caller]
fn at(html: &str, text: &str) -> usize {
    html.find(text)
        .unwrap_or_else(|| panic!("{text:?} not found in {html}"))
}

#[test]
fn blocks_are_placed_where_the_body_says_then_after_it() {
    let html = build();
    let nnbsp = '\u{202f}';
    // Placed by the body, in the body's order.
    let intro = at(&html, "<p>Un an après, nous avons réuni un binôme.</p>");
    let question = at(&html, &format!("Et aujourd’hui{nnbsp}?"));
    let answer = at(&html, "<p>J’ai trouvé <em>ma</em> façon de faire.</p>");
    let code = at(
        &html,
        "<p>Le shortcode <code>{{ interview() }}</code> s’écrit seul sur sa ligne.</p>",
    );
    let aside = at(&html, "<p>Le mentorat est <strong>volontaire</strong>.</p>");
    let end = at(&html, "<p>Fin de l’article.</p>");
    // Not placed: after the body, as interview, testimonials, principles, quotes.
    let testimony = at(&html, "<p>Je me suis sentie utile.</p>");
    let testimony2 = at(&html, "<p>J’ai découvert un autre métier.</p>");
    let principle = at(&html, "Donner du sens");
    let titled = at(&html, "<p>Ses réunions sont ouvertes à tous.</p>");
    let quote = at(&html, "Le mentorat, c’est un échange.");
    let order = [
        intro, question, answer, code, aside, end, testimony, testimony2, principle, titled, quote,
    ];
    assert!(order.is_sorted(), "{order:?}\n{html}");

    // Only question 2 is placed: question 1 and the intro (shown with
    // question 1) are not on the page.
    assert!(!html.contains("Qu’attendiez-vous"), "{html}");
    assert!(!html.contains("janvier"), "{html}");

    // The answer is introduced by the speaker's initials; the aside keeps
    // its title; people and speakers get their cards.
    assert!(html[question..answer].contains(">CB<"), "{html}");
    assert!(html[code..aside].contains("À savoir"), "{html}");
    assert!(html[testimony2..principle].contains("Karim B."), "{html}");
    assert!(html[quote..].contains("Camille Bertin"), "{html}");
    assert!(html[testimony2..principle].contains("Nos engagements"));
    assert!(html[principle..titled].contains("Une instance ouverte"));
}

#[test]
fn a_simple_article_needs_no_shortcode() {
    let site = TestSite::new();
    site.write("site.yaml", "title: Le Fil RH\n");
    site.write(
        "content/citation.md",
        "---\ntitle: Une citation\ndate: 2026-03-12\nquotes:\n  sens:\n    text: \"Le sens se construit ensemble.\"\n---\nLe texte.\n",
    );
    site.build_ok(&[]);
    let html = site.page("citation/index.html");
    let body = at(&html, "<p>Le texte.</p>");
    let quote = at(&html, "Le sens se construit ensemble.");
    assert!(body < quote, "{html}");
}
