//! The accessibility statement the law asks for, on every site: a fresh
//! `init` site publishes it « non conforme », without an audit, from its
//! first build; a site that describes its audit gets every section of the
//! official RGAA model filled in, in French or in English.

use crate::support::{NOW, TestSite, elements, gazette_in, main_of};

/// The headings of the official model, in its order, as a French
/// statement prints them.
const SECTIONS_FR: [&str; 11] = [
    "État de conformité",
    "Résultats des tests",
    "Contenus non accessibles",
    "Non-conformités",
    "Dérogations pour charge disproportionnée",
    "Contenus non soumis à l’obligation d’accessibilité",
    "Établissement de cette déclaration d’accessibilité",
    "Environnement de test",
    "Outils pour évaluer l’accessibilité",
    "Retour d’information et contact",
    "Voies de recours",
];

/// The text of each `h2` and `h3` of a page's main, in order.
fn headings(html: &str) -> Vec<String> {
    let main = main_of(html);
    let mut found: Vec<(usize, String)> = Vec::new();
    for tag in ["<h2", "<h3"] {
        for (at, _) in main.match_indices(tag) {
            let rest = &main[at..];
            let start = rest.find('>').map_or(0, |i| i + 1);
            let end = rest.find("</h").unwrap_or(rest.len());
            found.push((at, rest[start..end].to_string()));
        }
    }
    found.sort();
    found.into_iter().map(|(_, text)| text).collect()
}

/// The model's headings appear in this order among `found`.
#[track_caller]
fn assert_in_order(found: &[String], expected: &[&str]) {
    let mut at = 0;
    for heading in expected {
        match found[at..].iter().position(|h| h == heading) {
            Some(i) => at += i + 1,
            None => panic!("« {heading} » missing or out of order in {found:?}"),
        }
    }
}

#[test]
fn an_init_site_publishes_a_statement_not_compliant_without_audit() {
    let parent = tempfile::tempdir().expect("temporary folder");
    let site = parent.path().join("mon-site");
    gazette_in(parent.path(), NOW, &["init", site.to_str().expect("utf-8")]).assert_ok();
    gazette_in(&site, NOW, &["build"]).assert_ok();
    let html = std::fs::read_to_string(site.join("output/accessibilite/index.html"))
        .expect("the statement of an init site");
    assert_in_order(&headings(&html), &SECTIONS_FR);
    let main = main_of(&html);
    assert!(main.contains("Accessibilité\u{a0}: non conforme"), "{main}");
    assert!(
        main.contains("est non conforme avec le référentiel général"),
        "{main}"
    );
    assert!(
        main.contains("Aucun audit de conformité n’a encore été réalisé"),
        "{main}"
    );
    assert!(
        main.contains("aucun audit n’a encore été réalisé."),
        "{main}"
    );
    // The entity is the site's title until site.yaml names it.
    assert!(
        main.contains("<p>Le journal interne s’engage à rendre son site intranet accessible"),
        "{main}"
    );
    assert!(!main.contains("%"), "no rate without an audit: {main}");
    // Every page's footer says so and links to it.
    let home = std::fs::read_to_string(site.join("output/index.html")).expect("home");
    assert!(
        home.contains("<a href=\"/accessibilite/\">Accessibilité\u{a0}: non conforme</a>"),
        "{home}"
    );
}

#[test]
fn a_full_audit_fills_every_section_of_the_model() {
    let site = TestSite::example();
    site.build_ok(&[]);
    let html = site.page("accessibilite/index.html");
    assert_in_order(&headings(&html), &SECTIONS_FR);
    let main = main_of(&html);
    for expected in [
        "<p>Caisse nationale d’assurance vieillesse s’engage à rendre son site intranet accessible",
        "<a href=\"https://documents.example.org/accessibilite/schema-pluriannuel-2025-2027.pdf\">schéma pluriannuel de mise en accessibilité</a>",
        "<a href=\"https://documents.example.org/accessibilite/plan-action-accessibilite-2026.pdf\">plan d’action de l’année en cours</a>",
        "est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.",
        "L’audit de conformité réalisé par la mission accessibilité numérique de la Caisse nationale révèle que 82\u{a0}% des critères du RGAA version 4.1 sont respectés.",
        "Cette déclaration a été établie le 15 mars 2026. Elle a été mise à jour le 2 juin 2026.",
        "<a href=\"mailto:accessibilite@intranet.example.org\">",
        "Défenseur des droits, Libre réponse 71120",
    ] {
        assert!(main.contains(expected), "« {expected} » missing:\n{main}");
    }
    let items = elements(&main, "li");
    for expected in [
        "Les graphiques du bilan social n’ont pas d’alternative textuelle détaillée (critère 1.6).",
        "Les archives PDF des lettres internes antérieures à 2020, remplacées sur demande par une version accessible.",
        "Les cartes interactives des sites régionaux, fournies par un tiers.",
        "NVDA 2024.4 et Firefox 128",
        "Colour Contrast Analyser",
        "Recherche (/recherche/)",
    ] {
        assert!(
            items.iter().any(|i| i == expected),
            "no item « {expected} » in {items:?}"
        );
    }
}

#[test]
fn an_english_site_writes_its_statement_and_rate_in_english() {
    let site = TestSite::with_settings(concat!(
        "language: en\n",
        "accessibility:\n",
        "  entity: Caisse nationale\n",
        "  status: partially compliant\n",
        "  audited_by: the accessibility team\n",
        "  audit_date: 2026-03-01\n",
        "  rate: 82.5\n",
        "  audited_pages: [Home]\n",
        "  environment: [NVDA 2024.4 with Firefox 128]\n",
        "  tools: [Colour Contrast Analyser]\n",
    ));
    site.write("content/_index.md", "---\ntitle: Home\n---\n");
    site.build_ok(&[]);
    let html = site.page("accessibility/index.html");
    let main = main_of(&html);
    for expected in [
        "Accessibility: partially compliant",
        "is partially compliant with the French accessibility standard RGAA",
        "The compliance audit carried out by the accessibility team shows that 82.5% of the criteria of RGAA version 4.1 are met.",
        "This statement was prepared on March 1, 2026.",
        "No non-conformity is reported.",
        "Non-accessible content",
        "Exemptions for disproportionate burden",
        "Test environment",
        "Remedies",
    ] {
        assert!(main.contains(expected), "« {expected} » missing:\n{main}");
    }
}
