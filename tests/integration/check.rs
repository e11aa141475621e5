//! `gazette check`, `gazette init` and build progress, through the real
//! binary.
//!
//! Fixture sites are in `tests/fixtures/check/<case>/` (settings and
//! content only); each test copies one into a temporary folder with the
//! default theme beside it, and runs `gazette` there, with its standard
//! streams piped (so never a terminal). The outputs of every case in every
//! format are snapshots in `tests/integration/snapshots/`, found by walking
//! the fixtures (see `cases`).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::cases;
use crate::support::{Run, TestSite, gazette_in, manifest_dir};

/// A fixed "now", after every fixture's dates.
const NOW: i64 = 1_780_000_000;

/// A fixture site with the default theme, in a temporary folder.
fn fixture(case: &str) -> TestSite {
    TestSite::fixture(&format!("check/{case}"))
}

/// Runs `gazette` in `cwd`.
fn gazette(cwd: &Path, args: &[&str]) -> Run {
    gazette_in(cwd, NOW, args)
}

/// Exit status and both streams, for a snapshot.
fn transcript(out: &Run) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.code, out.stdout, out.stderr
    )
}

/// Every diagnostic of a `--format json` run, parsed back.
fn json_lines(out: &Run) -> Vec<serde_json::Value> {
    out.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The codes of the diagnostics of a `--format json` run.
fn codes(lines: &[serde_json::Value]) -> BTreeSet<String> {
    lines
        .iter()
        .filter_map(|l| l["code"].as_str().map(str::to_string))
        .collect()
}

/// Every case in the three formats: the accessibility, block and download,
/// and registry lints, an English site's messages, build errors and lints
/// together, one of each problem.
#[test]
fn every_check_fixture_matches_its_snapshots() {
    let reports = cases::run_all(&cases::discover("check"), |case| {
        let site = case.site();
        ["human", "json", "github"]
            .into_iter()
            .map(|format| {
                let out = gazette(&site.root, &["check", "--format", format]);
                (format!("{}-{format}", case.name), transcript(&out))
            })
            .collect()
    });
    cases::assert_snapshots(module_path!(), &reports, |name, text| {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn one_of_each_problem_is_listed_in_one_run_and_fails() {
    let site = fixture("all");
    let out = gazette(&site.root, &["check", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", transcript(&out));
    let lines = json_lines(&out);
    let expected: BTreeSet<String> = [
        "a11y-heading-skip",
        "a11y-image-alt",
        "a11y-table-header",
        "a11y-vague-link",
        "code-unknown-language",
        "interview-question-twice",
        "interview-question-unplaced",
        "link-broken",
        "link-missing-anchor",
        "link-unknown-path",
        "registry-unused",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(codes(&lines), expected);
    // Both heading lints: in the body, and in the page as rendered.
    let skips: Vec<&str> = lines
        .iter()
        .filter(|l| l["code"] == "a11y-heading-skip")
        .filter_map(|l| l["message"].as_str())
        .collect();
    assert_eq!(skips.len(), 2, "{skips:?}");
    assert!(skips.iter().any(|m| m.starts_with("dans la page publiée")));
}

#[test]
fn json_has_every_key_and_is_sorted_by_file_and_line() {
    let site = fixture("all");
    let out = gazette(&site.root, &["check", "--format", "json"]);
    let lines = json_lines(&out);
    assert!(!lines.is_empty());
    let keys: BTreeSet<&str> = [
        "severity", "label", "code", "file", "line", "column", "message", "help",
    ]
    .into_iter()
    .collect();
    let mut previous: Option<(String, u64, u64)> = None;
    for l in &lines {
        let object = l.as_object().expect("an object per line");
        let found: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(found, keys, "{l}");
        // A stable code for scripts, the same in the site's language for people.
        match l["severity"].as_str() {
            Some("error") => assert_eq!(l["label"], "erreur"),
            Some("warning") => assert_eq!(l["label"], "avertissement"),
            other => panic!("severity {other:?}"),
        }
        assert!(l["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(l["help"].as_str().is_some_and(|m| !m.is_empty()), "{l}");
        let here = (
            l["file"].as_str().expect("a file").to_string(),
            l["line"].as_u64().expect("a line"),
            l["column"].as_u64().expect("a column"),
        );
        assert!(here.1 >= 1 && here.2 >= 1);
        if let Some(p) = &previous {
            assert!(p <= &here, "not sorted: {p:?} then {here:?}");
        }
        previous = Some(here);
    }
    let image = lines
        .iter()
        .find(|l| l["code"] == "a11y-image-alt")
        .expect("the image lint");
    assert_eq!(image["severity"], "warning");
    assert_eq!(image["file"], "content/essais/tout/index.md");
    assert_eq!(
        (image["line"].as_u64(), image["column"].as_u64()),
        (Some(24), Some(1))
    );
}

#[test]
fn warnings_fail_only_when_denied() {
    let site = fixture("blocks");
    let out = gazette(&site.root, &["check"]);
    assert_eq!(out.code, 0, "{}", transcript(&out));
    let out = gazette(&site.root, &["check", "--deny-warnings"]);
    assert_eq!(out.code, 1, "{}", transcript(&out));
    // `build` never fails on what `check` warns about, and says nothing of it.
    let out = gazette(&site.root, &["build"]);
    assert_eq!(out.code, 0, "{}", transcript(&out));
    assert_eq!(out.stderr, "");
}

#[test]
fn check_writes_nothing() {
    let site = fixture("a11y");
    let out = gazette(&site.root, &["check"]);
    assert_eq!(out.code, 0);
    assert!(!site.root.join("output").exists());
}

/// `gazette --root <site folder> check --format <format>`, run from the
/// folder above the site as CI runs it for a site in a sub-folder: the
/// folder's name (the paths' first part) and the run.
fn check_from_above(site: &TestSite, format: &str) -> (String, Run) {
    let parent = site.root.parent().expect("a parent folder");
    let name = site
        .root
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a folder name");
    let run = gazette(parent, &["--root", name, "check", "--format", format]);
    (name.to_string(), run)
}

#[test]
fn github_paths_start_at_the_root_given() {
    let site = fixture("all");
    let (name, out) = check_from_above(&site, "github");
    assert_eq!(out.code, 1);
    let stdout = &out.stdout;
    for line in stdout.lines() {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning "),
            "{line}"
        );
        assert!(line.contains(&format!("file={name}/content/")), "{line}");
        assert!(!line.contains('\n'));
    }
    assert!(stdout.contains(",title=link-broken::"));
}

#[test]
fn unusable_settings_exit_2() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = gazette(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.code, 2, "{}", transcript(&out));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["code"], "config-unreadable");
}

#[test]
fn the_example_site_is_clean() {
    for extra in [&[][..], &["--drafts", "--future"][..]] {
        let mut args = vec!["check", "--deny-warnings", "--format", "json"];
        args.extend_from_slice(extra);
        let out: Run = Command::new(env!("CARGO_BIN_EXE_gazette"))
            .args(&args)
            .current_dir(manifest_dir())
            .output()
            .expect("run gazette")
            .into();
        assert_eq!(out.code, 0, "{}", transcript(&out));
        assert_eq!(out.stdout, "", "no diagnostic at all");
    }
}

#[test]
fn init_makes_a_site_that_builds_and_checks_anywhere() {
    // Run from a folder with no theme in sight: the theme is in the binary.
    let elsewhere = tempfile::tempdir().expect("temporary folder");
    let parent = tempfile::tempdir().expect("temporary folder");
    let site = parent.path().join("mon-site");
    let out = gazette(elsewhere.path(), &["init", site.to_str().expect("utf-8")]);
    assert_eq!(out.code, 0, "{}", transcript(&out));
    assert!(out.stdout.starts_with("site créé dans "));
    for file in [
        "site.yaml",
        ".gitignore",
        "content/_index.md",
        "content/actualites/_index.md",
        "themes/gazette/templates/article.html",
        "themes/gazette/archetypes/interview.md",
        "themes/gazette/i18n/fr.yaml",
    ] {
        assert!(site.join(file).is_file(), "{file} missing");
    }
    let ignore = std::fs::read_to_string(site.join(".gitignore")).expect(".gitignore");
    assert!(ignore.lines().any(|l| l.trim() == "output/"));
    assert!(ignore.lines().any(|l| l.trim() == ".gazette-cache/"));
    let articles: Vec<String> = std::fs::read_dir(site.join("content/actualites"))
        .expect("section")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "_index.md")
        .collect();
    assert_eq!(articles.len(), 4, "{articles:?}");
    let all: String = articles
        .iter()
        .map(|a| {
            std::fs::read_to_string(site.join("content/actualites").join(a)).unwrap_or_default()
        })
        .collect();
    for kind in ["interview:", "testimonials:", "principles:"] {
        assert!(all.contains(kind), "no {kind} article");
    }
    assert!(!all.contains("__DATE__"));

    let root = site.to_str().expect("utf-8");
    let out = gazette(
        elsewhere.path(),
        &["--root", root, "check", "--deny-warnings"],
    );
    assert_eq!(out.code, 0, "{}", transcript(&out));
    assert_eq!(out.stderr, "", "no diagnostic");
    let out = gazette(elsewhere.path(), &["--root", root, "build"]);
    assert_eq!(out.code, 0, "{}", transcript(&out));
    for page in [
        "index.html",
        "actualites/index.html",
        "actualites/entretien-accueil/index.html",
        "actualites/temoignages-tutorat/index.html",
        "actualites/charte-des-reunions/index.html",
        "actualites/bienvenue/index.html",
    ] {
        assert!(site.join("output").join(page).is_file(), "{page} missing");
    }

    // `new` falls back on the archetypes in the binary.
    std::fs::remove_dir_all(site.join("themes/gazette/archetypes")).expect("remove archetypes");
    let out = gazette(
        elsewhere.path(),
        &[
            "--root",
            root,
            "new",
            "actualites/essai",
            "--kind",
            "interview",
        ],
    );
    assert_eq!(out.code, 0, "{}", transcript(&out));
    let draft = std::fs::read_to_string(site.join("content/actualites/essai.md")).expect("draft");
    assert!(draft.contains("interview:") && draft.contains("draft: true"));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(dir.path().join("notes.txt"), "à garder").expect("write");
    let out = gazette(dir.path(), &["init", "."]);
    assert_eq!(out.code, 2, "{}", transcript(&out));
    assert_eq!(
        out.stderr,
        "erreur : le dossier . n’est pas vide : gazette init ne crée un site que dans un dossier vide ou absent, pour ne rien écraser\n = aide : choisissez un autre nom, par exemple : gazette init mon-site\n"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("read").collect();
    assert_eq!(left.len(), 1, "init wrote something");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).expect("read"),
        "à garder"
    );
}

#[test]
fn no_progress_when_not_a_terminal() {
    // The example site: a build long enough for progress to show on a terminal.
    let site = TestSite::example();
    let out = gazette(&site.root, &["build"]);
    assert_eq!(out.code, 0, "{}", transcript(&out));
    let stdout = &out.stdout;
    assert_eq!(stdout.lines().count(), 1, "{stdout:?}");
    let line = stdout.trim_end_matches('\n');
    assert!(
        line.contains(" pages en ") && line.contains(" s dans ") && line.ends_with(" supprimés)"),
        "{line}"
    );
    assert_eq!(out.stderr, "", "nothing on stderr either");
    // `check` the same: its result only.
    let out = gazette(&site.root, &["check"]);
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout.lines().count(), 1);
}

/// A site path (`/actualites/bilan-social/`) to an article that failed to
/// load is no unknown path: only the article's own error is reported. A
/// path that leads nowhere is still one.
#[test]
fn site_paths_to_an_article_that_failed_to_load_are_known() {
    let site = TestSite::fixture("errors/broken-article-linked");
    site.write(
        "content/actualites/liens.md",
        "---\ntitle: Liens\ndate: 2026-03-15\n---\n\
         Voir [le bilan](/actualites/bilan-social/), \
         [sans barre](/actualites/bilan-social), \
         [le tableau](/actualites/bilan-social/effectifs.csv) \
         et [rien](/actualites/bilan-sociale/).\n",
    );
    let out = gazette(&site.root, &["check", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", transcript(&out));
    let lines = json_lines(&out);
    let unknown: Vec<&str> = lines
        .iter()
        .filter(|l| l["code"] == "link-unknown-path")
        .filter_map(|l| l["message"].as_str())
        .collect();
    assert_eq!(unknown.len(), 1, "{}", transcript(&out));
    assert!(
        unknown[0].contains("/actualites/bilan-sociale/"),
        "{unknown:?}"
    );
    // The broken article's own error is there, at its place.
    assert!(
        lines
            .iter()
            .any(|l| l["severity"] == "error"
                && l["file"] == "content/actualites/bilan-social/index.md"),
        "{}",
        transcript(&out)
    );
}

/// An English site whose `site.yaml` is wrong is checked in English: the
/// labels and the summary too, not only the settings' own messages.
#[test]
fn an_english_site_whose_settings_fail_is_checked_in_english() {
    let site = TestSite::fixture("errors/site-paginate-negative-en");
    let out = gazette(&site.root, &["check"]);
    assert_eq!(out.code, 2, "{}", transcript(&out));
    assert!(
        out.stderr.starts_with("error: `paginate_by`"),
        "{}",
        transcript(&out)
    );
    assert!(
        out.stderr.contains("  = help: write the number"),
        "{}",
        transcript(&out)
    );
    assert!(
        out.stderr
            .ends_with("check: 1 error, 0 warnings (0 pages rendered, nothing written)\n"),
        "{}",
        transcript(&out)
    );
    // French when the file does not say otherwise.
    site.write("site.yaml", "title: Le Fil\npaginate_by: 2.5\n");
    let out = gazette(&site.root, &["check"]);
    assert!(out.stderr.starts_with("erreur : "), "{}", transcript(&out));
    assert!(
        out.stderr.contains("vérification : 1 erreur"),
        "{}",
        transcript(&out)
    );
}

/// `--format gitlab` is a Code Quality report GitLab reads: one JSON array,
/// each problem with its code, a fingerprint, `major` for an error and
/// `minor` for a warning, and the repository's path (with `--root`) and
/// line; the same site checked twice gives the same fingerprints.
#[test]
fn gitlab_format_is_a_code_quality_report() {
    let site = fixture("all");
    let (name, out) = check_from_above(&site, "gitlab");
    assert_eq!(out.code, 1, "{}", transcript(&out));
    let report: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", out.stdout));
    let issues = report.as_array().expect("an array");
    let json = json_lines(&gazette(&site.root, &["check", "--format", "json"]));
    assert_eq!(issues.len(), json.len(), "every problem, once");
    let link = issues
        .iter()
        .find(|i| i["check_name"] == "link-broken")
        .expect("the broken link");
    assert_eq!(link["severity"], "major");
    let link_json = json.iter().find(|l| l["code"] == "link-broken").unwrap();
    assert_eq!(
        link["location"]["path"].as_str().unwrap(),
        format!("{name}/{}", link_json["file"].as_str().unwrap())
    );
    assert_eq!(link["location"]["lines"]["begin"], link_json["line"]);
    assert!(
        link["description"]
            .as_str()
            .unwrap()
            .starts_with(link_json["message"].as_str().unwrap())
    );
    let alt = issues
        .iter()
        .find(|i| i["check_name"] == "a11y-image-alt")
        .expect("an image without alternative text");
    assert_eq!(alt["severity"], "minor");
    let fingerprints: BTreeSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("a fingerprint"))
        .collect();
    assert_eq!(
        fingerprints.len(),
        issues.len(),
        "one fingerprint per issue"
    );
    let again: serde_json::Value =
        serde_json::from_str(&check_from_above(&site, "gitlab").1.stdout).unwrap();
    assert_eq!(again, report, "the same report, run after run");
}
