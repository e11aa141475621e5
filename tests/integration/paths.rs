//! Every output path has one owner: two sources that would write one file
//! (letter case ignored), a file one source needs as a folder, a folder
//! Gazette fills by itself, a name no file system takes, an alias that is
//! not a path of the site — each is an error at the value that made the
//! path, naming both sources, and nothing is written.

use gazette::build::{BuildOptions, build_in_memory};
use gazette::render::theme::Theme;
use gazette::site::paths;

use crate::support::{Run, TestSite, article, entries, tree};

/// A site with one article, `content/actualites/accord.md`, whose front
/// matter ends with `extra`.
fn site_with(extra: &str) -> TestSite {
    let site = TestSite::with_settings("");
    site.write("content/actualites/accord.md", article("Accord", extra));
    site
}

/// `gazette build` fails with exit 1 and writes nothing at all.
#[track_caller]
fn refused(site: &TestSite) -> Run {
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        !site.path("output").exists(),
        "output written: {:?}",
        tree(&site.path("output")).keys().collect::<Vec<_>>()
    );
    assert_eq!(entries(site.parent()), ["site"]);
    run
}

const FAILED_ONE: &str = "\néchec : 1 erreur ; le dossier de sortie n’a pas été modifié\n";

#[test]
fn an_alias_onto_the_home_page_names_both() {
    let site = site_with("aliases: [/]\n");
    let run = refused(&site);
    assert_eq!(
        run.stderr,
        format!(
            "erreur : deux sources écriraient le même fichier /index.html : l’ancienne adresse « / » de content/actualites/accord.md et la page d’accueil\n --> content/actualites/accord.md:4:11\n  |\n4 | aliases: [/]\n  |           ^\n  = aide : choisissez une autre ancienne adresse, ou retirez celle-ci\n{FAILED_ONE}"
        )
    );
}

#[test]
fn an_alias_onto_a_generated_file_or_a_listing_names_both() {
    for (alias, path, other) in [
        ("/index.html", "/index.html", "la page d’accueil"),
        (
            "/actualites/",
            "/actualites/index.html",
            "la rubrique content/actualites/",
        ),
        (
            "/404.html",
            "/404.html",
            "la page « introuvable » (404.html)",
        ),
        (
            "/recherche/",
            "/recherche/index.html",
            "la page de recherche",
        ),
    ] {
        let site = site_with(&format!("aliases: [\"{alias}\"]\n"));
        let run = refused(&site);
        let first = run.stderr.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            format!(
                "erreur : deux sources écriraient le même fichier {path} : l’ancienne adresse « {alias} » de content/actualites/accord.md et {other}"
            ),
            "{alias}: {}",
            run.stderr
        );
        assert!(run.stderr.ends_with(FAILED_ONE), "{alias}: {}", run.stderr);
    }
}

#[test]
fn an_alias_onto_a_file_is_a_file_needed_as_a_folder() {
    let site = site_with("aliases: [/css/code-light.css]\n");
    let run = refused(&site);
    assert_eq!(
        run.stderr,
        format!(
            "erreur : /css/code-light.css serait à la fois un fichier, pour le fichier themes/gazette/static/css/code-light.css, et un dossier, pour l’ancienne adresse « /css/code-light.css » de content/actualites/accord.md (/css/code-light.css/index.html)\n --> content/actualites/accord.md:4:11\n  |\n4 | aliases: [/css/code-light.css]\n  |           ^^^^^^^^^^^^^^^^^^^\n  = aide : choisissez une autre ancienne adresse, ou retirez celle-ci\n{FAILED_ONE}"
        )
    );
    for (alias, file, owner) in [
        (
            "/sitemap.xml",
            "/sitemap.xml",
            "le plan du site (sitemap.xml)",
        ),
        (
            "/robots.txt",
            "/robots.txt",
            "le fichier robots.txt de Gazette",
        ),
        (
            "/atom.xml",
            "/atom.xml",
            "le flux Atom de la page d’accueil",
        ),
    ] {
        let site = site_with(&format!("aliases: [\"{alias}\"]\n"));
        let run = refused(&site);
        let first = run.stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!(
                "erreur : {file} serait à la fois un fichier, pour {owner}, et un dossier, pour l’ancienne adresse « {alias} »"
            )),
            "{alias}: {}",
            run.stderr
        );
    }
}

#[test]
fn an_alias_with_a_scheme_or_a_host_is_refused() {
    for alias in [
        "https://intranet.example.org/x/",
        "//intranet.example.org/x/",
        "javascript:alert(1)",
        "HTTP://autre/",
    ] {
        let site = site_with(&format!("aliases: [\"{alias}\"]\n"));
        let run = refused(&site);
        assert_eq!(
            run.stderr,
            format!(
                "erreur : « {alias} » ne peut pas servir d’ancienne adresse\n --> content/actualites/accord.md:4:12\n  |\n4 | aliases: [\"{alias}\"]\n  |            {}\n  = aide : une ancienne adresse est un chemin de ce site : écrivez-la sans « https:// » ni nom de serveur, comme /anciennes-actus/mon-article/\n{FAILED_ONE}",
                "^".repeat(alias.chars().count())
            )
        );
    }
}

#[test]
fn a_300_character_slug_tag_or_alias_is_an_error_at_its_place() {
    let long = "b".repeat(300);
    let shown = format!("{}…", "b".repeat(40));
    let site = site_with(&format!("slug: {long}\n"));
    let run = refused(&site);
    assert_eq!(
        run.stderr,
        format!(
            "erreur : « {shown} » est trop long pour un nom de fichier : 300 octets, au plus 255\n --> content/actualites/accord.md:4:7\n  |\n4 | slug: {long}\n  |       {}\n  = aide : choisissez un « slug: » plus court\n{FAILED_ONE}",
            "^".repeat(300)
        )
    );
    for (extra, at, help) in [
        (
            format!("tags: [court, {long}]\n"),
            "4:15",
            "écrivez ce nom plus court dans l’en-tête",
        ),
        (
            format!("aliases: [/ancien/{long}/]\n"),
            "4:11",
            "raccourcissez cette ancienne adresse, ou retirez-la",
        ),
    ] {
        let site = site_with(&extra);
        let run = refused(&site);
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(
            lines[..2],
            [
                format!(
                    "erreur : « {shown} » est trop long pour un nom de fichier : 300 octets, au plus 255"
                ),
                format!(" --> content/actualites/accord.md:{at}"),
            ],
            "{}",
            run.stderr
        );
        assert!(
            run.stderr
                .ends_with(&format!("  = aide : {help}\n{FAILED_ONE}")),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_name_windows_refuses_in_a_file_name_is_an_error() {
    let site = site_with("");
    site.write("content/actualites/rapport:2026.pdf", "%PDF");
    let run = refused(&site);
    assert_eq!(
        run.stderr,
        format!(
            "erreur : « rapport:2026.pdf » ne peut pas servir de nom de fichier dans /actualites/rapport:2026.pdf : il contient « : », que Windows refuse\n --> content/actualites/rapport:2026.pdf\n = aide : renommez ou déplacez le fichier\n{FAILED_ONE}"
        )
    );
}

#[test]
fn sections_that_differ_only_in_letter_case_are_one_path() {
    let site = site_with("");
    site.write("content/Actualites/bilan.md", article("Bilan", ""));
    let run = refused(&site);
    assert_eq!(
        run.stderr,
        format!(
            "erreur : deux sources écriraient le même fichier /actualites/index.html : la rubrique content/actualites/ et la rubrique content/Actualites/\n --> content/actualites/\n = aide : renommez le dossier\n{FAILED_ONE}"
        )
    );
    // A file beside an article, differing from another only in case.
    let site = site_with("");
    site.write("content/actualites/Photo.png", "png");
    site.write("content/actualites/photo.png", "png");
    let run = refused(&site);
    assert!(
        run.stderr.starts_with(
            "erreur : deux sources écriraient le même fichier /actualites/photo.png : le fichier content/actualites/photo.png et le fichier content/actualites/Photo.png\n --> content/actualites/photo.png\n = aide : /actualites/Photo.png et /actualites/photo.png ne diffèrent que par les majuscules, et Windows comme macOS en font un seul fichier ; renommez ou déplacez le fichier\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_content_file_cannot_take_a_generated_file_or_the_home_page() {
    let site = site_with("");
    site.write("content/robots.txt", "User-agent: *\n");
    let run = refused(&site);
    assert_eq!(
        run.stderr,
        format!(
            "erreur : deux sources écriraient le même fichier /robots.txt : le fichier content/robots.txt et le fichier robots.txt de Gazette\n --> content/robots.txt\n = aide : renommez ou déplacez le fichier\n{FAILED_ONE}"
        )
    );
    // An HTML file in content/ never reaches the output at all: it is
    // refused before it could take the home page's place.
    let site = site_with("");
    site.write("content/index.html", "<p>accueil fait main</p>");
    let run = refused(&site);
    assert!(
        run.stderr.starts_with(
            "erreur : les fichiers .html ne sont pas publiés depuis content/ : ils peuvent contenir des scripts qui s’exécuteraient chez les lecteurs\n --> content/index.html\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_section_named_like_a_generated_folder_is_an_error() {
    for (folder, owner) in [
        ("mots-cles", "la liste « Mots-clés »"),
        ("pagefind", "à l’index de recherche"),
        ("css", "aux fichiers du thème"),
        ("page", "à la pagination de la page d’accueil"),
    ] {
        let site = site_with("");
        site.write(&format!("content/{folder}/note.md"), article("Note", ""));
        let run = refused(&site);
        let first = run.stderr.lines().next().unwrap_or_default();
        let expected = if folder == "mots-cles" {
            format!(
                "erreur : deux sources écriraient le même fichier /{folder}/index.html : la rubrique content/{folder}/ et {owner}"
            )
        } else {
            format!(
                "erreur : le dossier /{folder}/ est réservé {owner} : la rubrique content/{folder}/ ne peut pas y écrire /{folder}/index.html"
            )
        };
        assert_eq!(first, expected, "{folder}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                " --> content/{folder}/\n = aide : renommez le dossier\n"
            )),
            "{folder}: {}",
            run.stderr
        );
    }
    // The whole report for one: the section, then its article.
    let site = site_with("");
    site.write("content/pagefind/note.md", article("Note", ""));
    let run = refused(&site);
    assert_eq!(
        run.stderr,
        "erreur : le dossier /pagefind/ est réservé à l’index de recherche : la rubrique content/pagefind/ ne peut pas y écrire /pagefind/index.html\n --> content/pagefind/\n = aide : renommez le dossier\n\nerreur : le dossier /pagefind/ est réservé à l’index de recherche : l’article content/pagefind/note.md ne peut pas y écrire /pagefind/note/index.html\n --> content/pagefind/note.md\n = aide : renommez le fichier, ou ajoutez « slug: un-autre-nom »\n\néchec : 2 erreurs ; le dossier de sortie n’a pas été modifié\n"
    );
}

#[test]
fn a_taxonomy_folder_named_like_a_theme_folder_points_at_site_yaml() {
    let site = site_with("tags: [accord]\n");
    site.write(
        "site.yaml",
        "title: Le Fil RH\nbase_url: https://intranet.example.org/\ntaxonomies:\n  tags: css\n",
    );
    let run = refused(&site);
    assert_eq!(
        run.stderr,
        format!(
            "erreur : le dossier /css/ est réservé aux fichiers du thème : la liste « Mots-clés » ne peut pas s’en servir\n --> site.yaml:4:9\n  |\n4 |   tags: css\n  |         ^^^\n  = aide : choisissez un autre dossier sous « taxonomies: » dans site.yaml\n{FAILED_ONE}"
        )
    );
}

#[test]
fn check_reports_the_same_collisions() {
    let site = site_with("aliases: [/]\n");
    let run = site.gazette(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(
        all.contains("deux sources écriraient le même fichier /index.html"),
        "{all}"
    );
    assert!(!site.path("output").exists());
}

/// What `build` renders, copies and encodes (photos' variants) is exactly
/// what the paths check knows (the search index aside, and further listing
/// pages in `page/`): the check cannot miss a file the render plan adds.
#[test]
fn every_written_file_is_claimed() {
    let site = TestSite::fixture("ok/newsroom");
    site.write(
        "content/actualites/forum-des-metiers.md",
        article(
            "Forum",
            "aliases: [/ancien/forum/, /vieux.html]\ntags: [métiers]\n",
        ),
    );
    let opts = BuildOptions {
        drafts: true,
        future: true,
        ..BuildOptions::of(&site.root)
    };
    let built = build_in_memory(&opts);
    assert!(
        !built.diagnostics.has_errors(),
        "{}",
        built.diagnostics.render(gazette::language::Language::Fr)
    );
    let site_model = built.site.as_ref().expect("assembled");
    let theme = Theme::load(&built.config, Default::default()).unwrap_or_else(|_| panic!("theme"));
    let claimed: Vec<String> = paths::claims(site_model, &theme.static_files)
        .into_iter()
        .map(|c| c.path)
        .collect();
    let mut unclaimed = Vec::new();
    for path in built.files.keys() {
        let paginated = path.starts_with("page/") || path.contains("/page/");
        if !claimed.contains(path) && !paginated && !path.starts_with("pagefind/") {
            unclaimed.push(path.clone());
        }
    }
    assert!(unclaimed.is_empty(), "not claimed: {unclaimed:?}");
    for claim in &claimed {
        assert!(
            built.files.contains_key(claim),
            "claimed, not built: {claim}"
        );
    }
    assert!(claimed.iter().any(|c| c == "vieux.html"));
    // The cover's variants are written, and claimed like every file.
    assert!(
        claimed.iter().any(|c| c.ends_with("/couverture.1w.png")),
        "no variant claimed: {claimed:?}"
    );
}
