//! Nothing a writer types becomes a script: every address that reaches a
//! page goes through one scheme allowlist, wherever it is written, and a
//! refused one is an error at the place it is typed.

use crate::support::{SETTINGS, TestSite, tree};

/// The addresses tried everywhere, as a Markdown link destination (`md`)
/// and as the YAML value that gives the same text (`yaml`).
struct Vector {
    md: &'static str,
    yaml: &'static str,
    scheme: &'static str,
}

const VECTORS: [Vector; 11] = [
    Vector {
        md: "JaVaScRiPt:alert(1)",
        yaml: "'JaVaScRiPt:alert(1)'",
        scheme: "javascript",
    },
    Vector {
        md: "< javascript:alert(1)>",
        yaml: "' javascript:alert(1)'",
        scheme: "javascript",
    },
    Vector {
        md: "<java\tscript:alert(1)>",
        yaml: "\"java\\tscript:alert(1)\"",
        scheme: "javascript",
    },
    Vector {
        md: "<\u{1}javascript:alert(1)>",
        yaml: "\"\\x01javascript:alert(1)\"",
        scheme: "javascript",
    },
    Vector {
        md: "java&#x09;script:alert(1)",
        yaml: "'java&#x09;script:alert(1)'",
        scheme: "javascript",
    },
    Vector {
        md: "&#106;avascript:alert(1)",
        yaml: "'&#106;avascript:alert(1)'",
        scheme: "javascript",
    },
    Vector {
        md: "javascript&colon;alert(1)",
        yaml: "'javascript&colon;alert(1)'",
        scheme: "javascript",
    },
    Vector {
        md: "vbscript:msgbox(1)",
        yaml: "'vbscript:msgbox(1)'",
        scheme: "vbscript",
    },
    Vector {
        md: "data:text/html,<script>alert(1)</script>",
        yaml: "'data:text/html,<script>alert(1)</script>'",
        scheme: "data",
    },
    Vector {
        md: "file:///etc/passwd",
        yaml: "'file:///etc/passwd'",
        scheme: "file",
    },
    Vector {
        md: "java&#10;script:alert(1)",
        yaml: "\"java\\nscript:alert(1)\"",
        scheme: "javascript",
    },
];

fn site_with(settings: &str) -> TestSite {
    TestSite::with_settings(settings)
}

/// `(file, line, column, message)` of every `url-scheme-refused` error
/// `gazette check` reports, in its order.
fn refusals(site: &TestSite) -> Vec<(String, u64, u64, String)> {
    let run = site.gazette(&["check", "--format", "json"]);
    assert_ne!(run.code, 0, "check passed:\n{}", run.stdout);
    run.stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line"))
        .filter(|d| d["code"] == "url-scheme-refused")
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn message(scheme: &str) -> String {
    format!(
        "le schéma d’adresse « {scheme}: » n’est pas autorisé (schémas autorisés : http, https, mailto, tel, et les adresses relatives)"
    )
}

/// A build that fails writes no output folder at all.
#[track_caller]
fn build_fails_and_writes_nothing(site: &TestSite, code: i32) {
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, code, "{}", run.stderr);
    assert!(!site.path("output").exists(), "{}", run.stderr);
}

#[test]
fn every_vector_is_refused_in_body_links_images_autolinks_and_references_in_every_raw_html_mode() {
    let mut body = String::new();
    let mut expected = Vec::new();
    for (n, v) in VECTORS.iter().enumerate() {
        let lines = [
            format!("Voir [le lien {n}]({}).", v.md),
            format!("Une image ![photo {n}]({}).", v.md),
            format!("Voir [la référence {n}][r{n}].\n\n[r{n}]: {}\n", v.md),
        ];
        for line in lines {
            body.push_str(&line);
            body.push_str("\n\n");
        }
        expected.push(v.scheme);
        expected.push(v.scheme);
        expected.push(v.scheme);
    }
    // Autolinks are the vectors without spaces, controls or entities.
    for v in &VECTORS {
        if !v.md.contains(['<', '&', ' ']) {
            body.push_str(&format!("Écrivez à <{}>.\n\n", v.md));
            expected.push(v.scheme);
        }
    }
    let article = format!("---\ntitle: Accord\ndate: 2026-03-12\n---\n{body}");
    for mode in ["sanitize", "allow", "escape"] {
        let site = site_with(&format!("markdown:\n  raw_html: {mode}\n"));
        site.write("content/actualites/accord.md", &article);
        let found = refusals(&site);
        let schemes: Vec<String> = expected.iter().map(|s| message(s)).collect();
        assert_eq!(
            found.iter().map(|f| f.3.clone()).collect::<Vec<_>>(),
            schemes,
            "{mode}"
        );
        // Each at its link: the line of the link, from `[`, `!` or `<`.
        for (file, line, column, _) in &found {
            assert_eq!(file, "content/actualites/accord.md");
            let text: &str = article.lines().nth(*line as usize - 1).unwrap_or_default();
            let at: String = text.chars().skip(*column as usize - 1).take(1).collect();
            assert!(
                ["[", "!", "<"].contains(&at.as_str()),
                "{mode} {line}:{column} {text}"
            );
        }
        build_fails_and_writes_nothing(&site, 1);
    }
}

#[test]
fn every_vector_is_refused_in_front_matter_texts_blocks_and_source_url() {
    for v in &VECTORS {
        // Markdown in a YAML value: a tab or a control needs an escape.
        let escaped_md = v.md.contains(['\t', '\u{1}']);
        let md_yaml = v.md.replace('\t', "\\t").replace('\u{1}', "\\x01");
        let link = |text: &str| format!("\"[{text}]({md_yaml})\"");
        let article = format!(
            "---\ntitle: Accord\ndate: 2026-03-12\nsummary: {}\nsource:\n  title: Rapport\n  url: {}\ninterview:\n  with: vc\n  questions:\n    - q: Pourquoi ?\n      a: {}\ntestimonials:\n  - text: {}\nquotes:\n  sens:\n    text: {}\npeople: {{vc: {{name: Valérie Carpentier}}}}\n---\n{{% aside(title=\"À savoir\") %}}\nLe [guide]({}).\n{{% end %}}\n",
            link("résumé"),
            v.yaml,
            link("réponse"),
            link("témoignage"),
            link("citation"),
            v.md,
        );
        let site = site_with("");
        site.write("content/actualites/accord.md", &article);
        let found = refusals(&site);
        let messages: Vec<&str> = found.iter().map(|f| f.3.as_str()).collect();
        assert_eq!(messages, [message(v.scheme).as_str(); 6], "{:?}", v.md);
        // What is written as read is pointed at itself; a value with
        // escapes, at its key (the block's key for a block's text).
        let line_of = |n: u64| article.lines().nth(n as usize - 1).unwrap_or_default();
        let at = |line: u64, needle: &str| {
            let i = line_of(line).find(needle).expect("needle on its line");
            (line, line_of(line)[..i].chars().count() as u64 + 1)
        };
        let md = |line: u64, text: &str, key_line: u64| {
            if escaped_md {
                (key_line, 1)
            } else {
                at(line, &format!("[{text}]"))
            }
        };
        // A value is looked for by its first line.
        let source = if v.yaml.contains("\\t") || v.yaml.contains("\\x01") {
            (5, 1)
        } else {
            let first_line = v.yaml.trim_matches(['\'', '"']).split("\\n").next();
            at(7, first_line.unwrap_or_default().trim())
        };
        let mut expected = vec![
            md(4, "résumé", 4),
            source,
            md(12, "réponse", 8),
            md(14, "témoignage", 13),
            md(17, "citation", 15),
            at(21, "[guide]"),
        ];
        expected.sort();
        let places: Vec<(u64, u64)> = found.iter().map(|f| (f.1, f.2)).collect();
        assert_eq!(places, expected, "{:?}", v.md);
        build_fails_and_writes_nothing(&site, 1);
    }
}

#[test]
fn every_vector_is_refused_in_registries_the_menu_and_the_accessibility_contact() {
    for v in &VECTORS {
        let site = site_with(&format!(
            "menu:\n  - {{title: Actualités, url: /actualites/}}\n  - title: Ailleurs\n    url: {}\naccessibility:\n  status: non conforme\n  contact: {}\n",
            v.yaml, v.yaml
        ));
        site.write(
            "content/_organisations.yaml",
            format!(
                "cnav:\n  name: Cnav\n  url: {}\n  logo: {}\n",
                v.yaml, v.yaml
            ),
        );
        site.write(
            "content/_people.yaml",
            format!("hm:\n  name: Hélène Marchal\n  photo: {}\n", v.yaml),
        );
        site.write(
            "content/actualites/accord.md",
            "---\ntitle: Accord\ndate: 2026-03-12\norganisations: [cnav]\n---\nTexte.\n",
        );
        // site.yaml's errors come first and stop the run (exit status 2).
        let found = refusals(&site);
        // A menu address is looked for by its first line, else at `menu:`.
        let expected_url = if v.yaml.contains("\\t") || v.yaml.contains("\\x01") {
            (3, 1)
        } else {
            let first_line = v.yaml.trim_matches(['\'', '"']).split("\\n").next();
            let line = format!("    url: {}", v.yaml);
            let at = line
                .find(first_line.unwrap_or_default().trim())
                .unwrap_or(0);
            (6, at as u64 + 1)
        };
        assert_eq!(
            found,
            [
                (
                    "site.yaml".to_string(),
                    expected_url.0,
                    expected_url.1,
                    message(v.scheme)
                ),
                ("site.yaml".to_string(), 9, 12, message(v.scheme)),
            ],
            "{:?}",
            v.yaml
        );
        build_fails_and_writes_nothing(&site, 2);
        site.write("site.yaml", SETTINGS);
        let found = refusals(&site);
        let places: Vec<(&str, u64, u64)> =
            found.iter().map(|f| (f.0.as_str(), f.1, f.2)).collect();
        assert_eq!(
            places,
            [
                ("content/_organisations.yaml", 3, 8),
                ("content/_organisations.yaml", 4, 9),
                ("content/_people.yaml", 3, 10),
            ],
            "{:?}",
            v.yaml
        );
        build_fails_and_writes_nothing(&site, 1);
    }
}

#[test]
fn a_refused_link_is_told_in_french_with_the_allowed_schemes() {
    let site = site_with("");
    site.write(
        "content/actualites/accord.md",
        "---\ntitle: Accord\ndate: 2026-03-12\n---\nLire [le guide](javascript:alert(1)).\n",
    );
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "erreur : le schéma d’adresse « javascript: » n’est pas autorisé (schémas autorisés : http, https, mailto, tel, et les adresses relatives)\n --> content/actualites/accord.md:5:6\n  |\n5 | Lire [le guide](javascript:alert(1)).\n  |      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  = aide : une adresse publiée ne peut ni exécuter de script ni ouvrir un fichier de l’ordinateur du lecteur : écrivez une adresse https://…, mailto:… ou tel:…, un chemin du site (/…) ou le chemin d’un fichier de content/\n\néchec : 1 erreur ; le dossier de sortie n’a pas été modifié\n"
    );
}

#[test]
fn a_refused_link_is_told_in_english_with_the_site_schemes() {
    let site = site_with("language: en\nextra_url_schemes: [sip]\n");
    site.write(
        "content/news/agreement.md",
        "---\ntitle: Agreement\ndate: 2026-03-12\nsummary: \"Call [us](callto:0100).\"\n---\nText.\n",
    );
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: the address scheme `callto:` is not allowed (allowed schemes: http, https, mailto, tel, sip, and relative addresses)\n --> content/news/agreement.md:4:16\n  |\n4 | summary: \"Call [us](callto:0100).\"\n  |                ^^^^^^^^^^^^^^^^^\n  = help: write an address https://…, mailto:… or tel:…, a site path (/…) or the path of a file in content/; if the scheme `callto` is meant, add it in site.yaml: extra_url_schemes: [callto]\n\nfailed: 1 error; the output folder was not changed\n"
    );
}

#[test]
fn a_scheme_the_site_adds_is_published_in_markdown_and_sanitized_html() {
    let site = site_with("extra_url_schemes: [SIP, webcal]\n");
    site.write(
        "content/actualites/accord.md",
        "---\ntitle: Accord\ndate: 2026-03-12\n---\nAppelez [l’accueil](sip:accueil@example.org) ou <a href=\"webcal://example.org/agenda.ics\">l’agenda</a>, <a href=\"javascript:alert(1)\">pas ceci</a>.\n",
    );
    site.build_ok(&[]);
    let page = site.page("actualites/accord/index.html");
    assert!(
        page.contains("<a href=\"sip:accueil@example.org\">"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"webcal://example.org/agenda.ics\">l’agenda</a>"),
        "{page}"
    );
    // Raw HTML under `sanitize` loses a refused address, as ammonia does.
    assert!(page.contains("<a>pas ceci</a>"), "{page}");
}

#[test]
fn a_dangerous_or_malformed_extra_scheme_is_refused() {
    let site = site_with("extra_url_schemes: [sip, javascript, \"sip:\"]\n");
    site.write(
        "content/actualites/accord.md",
        "---\ntitle: Accord\ndate: 2026-03-12\n---\nTexte.\n",
    );
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "erreur : le schéma « javascript » ne peut pas être autorisé : il exécute du code ou ouvre des fichiers de l’ordinateur du lecteur\n --> site.yaml:3:26\n  |\n3 | extra_url_schemes: [sip, javascript, \"sip:\"]\n  |                          ^^^^^^^^^^\n  = aide : retirez-le de extra_url_schemes ; un document à publier se met dans static/ ou dans content/, et se lie par son chemin\n\nerreur : « sip: » n’est pas un nom de schéma d’adresse\n --> site.yaml:3:39\n  |\n3 | extra_url_schemes: [sip, javascript, \"sip:\"]\n  |                                       ^^^^\n  = aide : écrivez le nom seul, sans « : » ni « // » : une lettre, puis des lettres, des chiffres, « + », « - » ou « . », par exemple extra_url_schemes: [sip, webcal]\n\néchec : 2 erreurs ; le dossier de sortie n’a pas été modifié\n"
    );
}

#[test]
fn a_site_full_of_attempts_publishes_no_script() {
    let site = site_with("");
    let mut body = String::from(
        "<a href=\"javascript:alert(1)\">html</a> <img src=\"data:text/html,x\" alt=\"x\">\n\n",
    );
    for v in &VECTORS {
        body.push_str(&format!("[lien]({}) ![image]({})\n\n", v.md, v.md));
    }
    site.write(
        "content/actualites/accord.md",
        format!("---\ntitle: Accord\ndate: 2026-03-12\n---\n{body}"),
    );
    build_fails_and_writes_nothing(&site, 1);
    // Without the Markdown attempts, sanitized raw HTML keeps no script.
    site.write(
        "content/actualites/accord.md",
        "---\ntitle: Accord\ndate: 2026-03-12\n---\n<a href=\"javascript:alert(1)\">html</a> <a href=\" JaVaScRiPt:alert(1)\">b</a> <img src=\"data:text/html,x\" alt=\"x\">\n",
    );
    site.build_ok(&[]);
    for (path, bytes) in tree(&site.path("output")) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        assert!(!text.contains("javascript:"), "{path}");
        assert!(!text.contains("data:text"), "{path}");
    }
}
