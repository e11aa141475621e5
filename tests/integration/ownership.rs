//! What Gazette may do to an output folder: delete only what it wrote,
//! refuse folders it did not make unless told, never publish a mix of two
//! builds (killed or concurrent), and say the truth about it.

use std::fs;
use std::process::Stdio;
use std::time::{Duration, Instant};

use std::os::unix::fs::PermissionsExt;

use crate::support::{TestSite, assert_work_folder_settled, entries, running_as_root, tree};

const NOT_CHANGED: &str = "échec : 1 erreur ; le dossier de sortie n’a pas été modifié\n";

/// A gh-pages checkout: what a publishing folder holds that is not the site.
fn gh_pages(site: &TestSite, dir: &str) {
    site.write(&format!("{dir}/.git/HEAD"), "ref: refs/heads/gh-pages\n");
    site.write(&format!("{dir}/.git/objects/ab/cdef"), [0u8, 1, 2, 3]);
    site.write(&format!("{dir}/CNAME"), "intranet.example.org\n");
    site.write(&format!("{dir}/archives/rapport.pdf"), "%PDF-1.7");
}

#[test]
fn a_folder_gazette_did_not_make_is_refused_then_taken_over_without_losing_a_file() {
    let site = TestSite::fixture("ok/newsroom");
    gh_pages(&site, "publie");
    let before = tree(&site.path("publie"));

    let run = site.gazette(&["build", "-o", "publie"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "erreur : le dossier de sortie publie n’est pas vide et n’a pas été créé par Gazette (il contient .git/, CNAME, archives/)\n = aide : choisissez un dossier vide ou absent ; pour publier dans celui-ci en gardant ce qu’il contient, ajoutez --take-over ; pour le vider d’abord (tout ce qu’il contient sera supprimé), ajoutez --take-over --clean\n\n{NOT_CHANGED}"
        )
    );
    assert!(tree(&site.path("publie")) == before);

    let run = site.build_ok(&["-o", "publie", "--take-over"]);
    assert!(
        run.stdout
            .ends_with(" supprimés, 4 fichiers d’autre origine conservés)\n"),
        "{}",
        run.stdout
    );
    let published = tree(&site.path("publie"));
    for (path, bytes) in &before {
        assert!(published.get(path) == Some(bytes), "{path} lost or changed");
    }
    assert!(published.contains_key("portraits/elodie/index.html"));
    let manifest = String::from_utf8(published[".gazette-manifest"].clone()).expect("utf-8");
    assert!(manifest.contains("\nportraits/elodie/index.html\n"));
    assert!(!manifest.contains("CNAME") && !manifest.contains(".git"));

    // The folder is Gazette's now: no flag needed. A deleted article's page
    // goes; the files that are not Gazette's stay, even a new one.
    site.write("publie/robots-perso.txt", "User-agent: *\n");
    site.remove("content/portraits/elodie.md");
    site.build_ok(&["-o", "publie"]);
    let rebuilt = tree(&site.path("publie"));
    assert!(!rebuilt.contains_key("portraits/elodie/index.html"));
    for (path, bytes) in &before {
        assert!(rebuilt.get(path) == Some(bytes), "{path} lost or changed");
    }
    assert!(rebuilt.contains_key("robots-perso.txt"));
    assert_work_folder_settled(&site.root, "publie");

    // Asked for a clean folder: only the site is left.
    site.build_ok(&["-o", "publie", "--take-over", "--clean"]);
    let clean = tree(&site.path("publie"));
    assert!(!clean.keys().any(|p| p.starts_with(".git/")
        || p == "CNAME"
        || p == "robots-perso.txt"
        || p.starts_with("archives/")));
    assert!(clean.contains_key("index.html"));
}

#[test]
fn clean_needs_take_over() {
    let site = TestSite::fixture("ok/newsroom");
    gh_pages(&site, "publie");
    let run = site.gazette(&["build", "-o", "publie", "--clean"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--take-over"), "{}", run.stderr);
    assert!(site.path("publie/.git/HEAD").is_file());
}

#[test]
fn home_root_and_the_folders_above_the_site_are_always_refused() {
    let site = TestSite::fixture("ok/newsroom");
    // A home folder of its own, with something to lose in it.
    let home = site.parent().join("maison");
    fs::create_dir_all(home.join("Documents")).expect("mkdir");
    fs::write(home.join("Documents/lettre.odt"), "lettre").expect("write");
    let home_str = home.display().to_string();
    let parent = site.parent().display().to_string();
    for (output, message) in [
        (
            home_str.as_str(),
            format!("est votre dossier personnel ({home_str})"),
        ),
        ("/", "est la racine du système".to_string()),
        (
            parent.as_str(),
            format!(
                "contient le site lui-même ({})",
                site.root.canonicalize().expect("canonical").display()
            ),
        ),
        (
            "..",
            format!(
                "contient le site lui-même ({})",
                site.root.canonicalize().expect("canonical").display()
            ),
        ),
    ] {
        for flags in [&[][..], &["--take-over", "--clean"][..]] {
            let mut args = vec!["build", "-o", output];
            args.extend_from_slice(flags);
            let run = site.gazette_with(&[("HOME", &home_str)], &args);
            assert_eq!(run.code, 2, "{output} {flags:?}: {run:?}");
            assert_eq!(
                run.stderr,
                format!(
                    "erreur : le dossier de sortie {output} {message}\n = aide : choisissez un dossier à part, vide ou absent, par exemple --output output\n\n{NOT_CHANGED}"
                ),
                "{output} {flags:?}"
            );
        }
    }
    assert_eq!(
        fs::read_to_string(home.join("Documents/lettre.odt")).expect("still there"),
        "lettre"
    );
    assert_eq!(entries(&home), ["Documents"]);
}

#[test]
fn a_failed_publication_leaves_the_tree_byte_identical_and_no_work_folder() {
    let site = TestSite::fixture("ok/newsroom");
    gh_pages(&site, "publie");
    // A page of the old site where the new one puts its home page.
    site.write("publie/index.html", "<p>ancien site</p>");
    let before = tree(&site.path("publie"));
    let run = site.gazette(&["build", "-o", "publie", "--take-over"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "erreur : des fichiers que Gazette n’a pas écrits occupent la place de fichiers du site dans publie : index.html\n = aide : Gazette ne supprime jamais ce qu’il n’a pas écrit : déplacez ou supprimez ces fichiers vous-même, ou publiez avec --take-over --clean pour vider le dossier d’abord\n\n{NOT_CHANGED}"
        )
    );
    assert!(tree(&site.path("publie")) == before);
    assert_eq!(
        entries(&site.root),
        [
            ".gazette-cache",
            "content",
            "publie",
            "site.yaml",
            "static",
            "themes"
        ]
    );
}

#[test]
fn an_output_folder_reached_through_a_link_is_published_in_place_of_its_target() {
    let site = TestSite::fixture("ok/newsroom");
    let target = site.parent().join("www");
    fs::create_dir_all(&target).expect("mkdir");
    std::os::unix::fs::symlink(&target, site.path("output")).expect("symlink");
    site.build_ok(&[]);
    assert!(
        fs::symlink_metadata(site.path("output"))
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(target.join("index.html").is_file());
    site.build_ok(&[]);
    assert!(target.join("index.html").is_file());
}

/// A site of `n` articles whose every page shows `version`.
fn write_articles(site: &TestSite, n: usize, version: &str) {
    for i in 0..n {
        site.write(
            &format!("content/actualites/article-{i:03}.md"),
            format!(
                "---\ntitle: Article {i} ({version})\ndate: 2026-03-12\ntags: [réseau, {version}]\n---\nLe texte numéro {i}, {version}.\n\n## Une partie\n\nEt la suite.\n"
            ),
        );
    }
}

fn big_site() -> TestSite {
    let site = TestSite::with_settings("");
    site.write(
        "content/actualites/_index.md",
        "---\ntitle: Actualités\n---\n",
    );
    site
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_tree_or_the_new_one() {
    let site = big_site();
    // The two sites, built once each into folders of their own.
    let mut expected = Vec::new();
    for version in ["avant", "apres"] {
        write_articles(&site, 200, version);
        site.build_ok(&["-o", version]);
        expected.push(tree(&site.path(version)));
    }
    assert!(expected[0] != expected[1]);
    write_articles(&site, 200, "avant");
    let started = Instant::now();
    site.build_ok(&[]);
    let took = started.elapsed();

    // Kill builds of the other version at moments spread over a build.
    let steps = 10u32;
    let mut last = 0;
    for step in 0..steps {
        last = if step % 2 == 0 { 1 } else { 0 };
        let version = ["avant", "apres"][last];
        write_articles(&site, 200, version);
        let mut child = site
            .command(&["build"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start a build");
        std::thread::sleep(took * (step + 1) / steps);
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&site.path("output"));
        assert!(
            now == expected[0] || now == expected[1],
            "step {step}: a mix of two builds ({} files)",
            now.len()
        );
    }
    // The next build finds whatever was left, and ends clean.
    site.build_ok(&[]);
    assert!(tree(&site.path("output")) == expected[last]);
    assert_work_folder_settled(&site.root, "output");
}

#[test]
fn two_builds_at_once_end_with_the_tree_of_one_clean_build() {
    let site = big_site();
    write_articles(&site, 150, "avant");
    site.build_ok(&["-o", "attendu"]);
    let expected = tree(&site.path("attendu"));
    let children: Vec<_> = (0..2)
        .map(|_| {
            site.command(&["build"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start a build")
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(120);
    for child in children {
        let out = child.wait_with_output().expect("build");
        assert!(Instant::now() < deadline, "the builds never ended");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.is_empty()
                || stderr
                    == "un autre build écrit dans ./output : attente de la fin de celui-ci…\n",
            "{stderr}"
        );
    }
    assert!(tree(&site.path("output")) == expected);
    assert_work_folder_settled(&site.root, "output");
}

#[test]
fn a_build_waits_for_the_one_holding_the_lock() {
    let site = big_site();
    write_articles(&site, 5, "avant");
    // Another build holds the lock: a process of our own that takes it the
    // way Gazette does (flock), then lets go after a moment.
    site.write(".output.gazette/lock", "");
    let mut holder = std::process::Command::new("flock")
        .arg(site.path(".output.gazette/lock"))
        .args(["sleep", "2"])
        .spawn()
        .expect("flock (util-linux)");
    // Until it holds the lock (`flock -n` then fails).
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::process::Command::new("flock")
        .args(["-n"])
        .arg(site.path(".output.gazette/lock"))
        .arg("true")
        .status()
        .expect("flock -n")
        .success()
    {
        assert!(Instant::now() < deadline, "flock never took the lock");
        std::thread::sleep(Duration::from_millis(20));
    }
    let run = site.build_ok(&[]);
    let _ = holder.wait();
    assert_eq!(
        run.stderr,
        "un autre build écrit dans ./output : attente de la fin de celui-ci…\n"
    );
    assert!(site.has("index.html"));
    assert_work_folder_settled(&site.root, "output");
}

/// `gazette build` in the site, as `nobody` when `as_nobody` (the tests
/// run as root: the site is then made `nobody`'s), so that permissions
/// apply.
fn build_as_builder(site: &TestSite, as_nobody: bool) -> crate::support::Run {
    let mut command = if as_nobody {
        let chown = std::process::Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(site.parent())
            .status()
            .expect("chown");
        assert!(chown.success());
        crate::support::gazette_as_nobody()
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
    };
    command
        .arg("build")
        .current_dir(&site.root)
        .env("SOURCE_DATE_EPOCH", crate::support::NOW.to_string())
        .output()
        .expect("run gazette")
        .into()
}

#[test]
fn read_only_folders_in_the_output_leave_nothing_behind() {
    let site = TestSite::fixture("ok/newsroom");
    let root_runs = running_as_root(&site.root);
    let run = build_as_builder(&site, root_runs);
    assert_eq!(run.code, 0, "{run:?}");
    // Someone made a folder of the site read-only, and added a read-only
    // folder of their own.
    site.write("output/archives/2025.pdf", "%PDF-1.7");
    let read_only = fs::Permissions::from_mode(0o555);
    for dir in ["output/archives", "output/portraits"] {
        fs::set_permissions(site.path(dir), read_only.clone()).expect("chmod");
    }
    site.write(
        "content/portraits/elodie.md",
        "---\ntitle: Élodie Ravel, infirmière du travail\ndate: 2026-01-15\n---\nUn autre texte.\n",
    );
    let run = build_as_builder(&site, root_runs);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        site.page("portraits/elodie/index.html")
            .contains("Un autre texte.")
    );
    assert_eq!(
        fs::read_to_string(site.path("output/archives/2025.pdf")).expect("kept"),
        "%PDF-1.7"
    );
    let mode = fs::metadata(site.path("output/archives"))
        .expect("archives")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o555, "its permissions are kept");
    assert_work_folder_settled(&site.root, "output");
    // The photo cache stays in the site (when its user may write there),
    // and the work folder holds the kept tree (checked above).
    let left: Vec<String> = entries(&site.root)
        .into_iter()
        .filter(|e| e != ".gazette-cache" && e != ".output.gazette")
        .collect();
    assert_eq!(left, ["content", "output", "site.yaml", "static", "themes"]);
    // The temporary folder can be removed by whoever made it.
    if !root_runs {
        fs::set_permissions(
            site.path("output/archives"),
            fs::Permissions::from_mode(0o755),
        )
        .expect("chmod");
    }
}
