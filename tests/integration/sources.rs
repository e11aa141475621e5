//! The sources are read completely, or the build fails: unreadable files
//! and folders, symbolic links, pipes and devices, deep YAML, names that are
//! not UTF-8, and files a browser could run scripts from.
//!
//! Every run has a deadline: a source that makes Gazette wait (a named pipe
//! opened for reading) or work for minutes (YAML nested 100,000 levels) fails
//! the test instead of hanging CI. Permissions mean nothing to root, which CI
//! runs as: the tests of unreadable files then run the binary as `nobody`
//! through `setpriv`, on a site made readable for everyone else.

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{NOW, Run, TestSite, article, entries, gazette_as_nobody, running_as_root};

/// Far more than any of these builds takes; a hang or a quadratic parse
/// of 100,000 levels takes far longer.
const DEADLINE: Duration = Duration::from_secs(60);

fn site() -> TestSite {
    let site = TestSite::with_settings("");
    site.write("content/actualites/accord.md", article("Accord", ""));
    site
}

/// Runs `gazette build` in the site within [`DEADLINE`], as `nobody` when
/// the tests run as root (so permissions apply), killing it on expiry.
fn build(site: &TestSite) -> Run {
    let mut command = if running_as_root(&site.root) {
        open_to_everyone(site.parent());
        gazette_as_nobody()
    } else {
        Command::new(env!("CARGO_BIN_EXE_gazette"))
    };
    command
        .arg("build")
        .current_dir(&site.root)
        .env("SOURCE_DATE_EPOCH", NOW.to_string())
        .stdin(Stdio::null());
    within_deadline(command)
}

fn within_deadline(mut command: Command) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    let (out, err) = (dir.path().join("out"), dir.path().join("err"));
    let mut child = command
        .stdout(fs::File::create(&out).expect("stdout file"))
        .stderr(fs::File::create(&err).expect("stderr file"))
        .spawn()
        .expect("run gazette");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gazette still running after {DEADLINE:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: fs::read_to_string(out).expect("stdout"),
        stderr: fs::read_to_string(err).expect("stderr"),
    }
}

/// Every folder of `dir` open to everyone (`nobody` reads the site and
/// writes its output), files readable.
fn open_to_everyone(dir: &Path) {
    let meta = fs::symlink_metadata(dir).expect("metadata");
    if meta.file_type().is_symlink() {
        return;
    }
    if meta.is_dir() {
        if meta.permissions().mode() & 0o777 == 0 {
            // Left unreadable on purpose.
            return;
        }
        fs::set_permissions(dir, fs::Permissions::from_mode(0o777)).expect("chmod");
        for entry in fs::read_dir(dir).expect("read dir") {
            open_to_everyone(&entry.expect("entry").path());
        }
    } else if meta.is_file() && meta.permissions().mode() & 0o777 != 0 {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o644)).expect("chmod");
    }
}

fn unreadable(path: &Path) {
    fs::set_permissions(path, fs::Permissions::from_mode(0o000)).expect("chmod 000");
}

fn mkfifo(path: &Path) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// The build failed with exactly this on stderr, and wrote nothing.
#[track_caller]
fn fails_with(site: &TestSite, run: &Run, stderr: &str) {
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(site.redact(&run.stderr), stderr);
    assert!(!site.path("output").exists(), "an output was written");
}

const FAILED: &str = "échec : 1 erreur ; le dossier de sortie n’a pas été modifié\n";

#[test]
fn an_unreadable_folder_is_an_error_naming_it() {
    let site = site();
    site.write(
        "content/actualites/prive/bilan.md",
        "---\ntitle: Bilan\ndate: 2026-03-12\n---\nLe texte.\n",
    );
    unreadable(&site.path("content/actualites/prive"));
    let run = build(&site);
    fails_with(
        &site,
        &run,
        &format!(
            "erreur : lecture du dossier impossible : accès refusé (droits insuffisants) (erreur système 13)\n --> content/actualites/prive\n = aide : vérifiez les droits du dossier (chmod) : Gazette doit pouvoir le lister et y entrer\n\n{FAILED}"
        ),
    );
}

#[test]
fn an_unreadable_file_is_an_error_naming_it() {
    let site = site();
    site.write(
        "content/actualites/accord/index.md",
        "---\ntitle: Accord\ndate: 2026-03-12\n---\n![Signature](photo.jpg)\n",
    );
    site.remove("content/actualites/accord.md");
    site.write("content/actualites/accord/photo.jpg", "JPEG");
    site.write("static/docs/charte.pdf", "PDF");
    unreadable(&site.path("content/actualites/accord/photo.jpg"));
    unreadable(&site.path("static/docs/charte.pdf"));
    let run = build(&site);
    let error = |path: &str| {
        format!(
            "erreur : lecture impossible : accès refusé (droits insuffisants) (erreur système 13)\n --> {path}\n = aide : vérifiez les droits du fichier (chmod) et de ses dossiers\n"
        )
    };
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "{}\n{}\néchec : 2 erreurs ; le dossier de sortie n’a pas été modifié\n",
            error("content/actualites/accord/photo.jpg"),
            error("static/docs/charte.pdf")
        )
    );
}

/// A file outside the site's folder, whose content must never be shown.
fn secret(site: &TestSite) -> std::path::PathBuf {
    let path = site.parent().join("secret.md");
    fs::write(
        &path,
        "---\ntitle: SECRET-TITLE\nsecret: SECRET-LINE\n---\nSECRET-BODY\n",
    )
    .expect("write");
    path
}

#[test]
fn a_section_index_linked_out_of_the_site_is_refused_unread() {
    let site = site();
    symlink(secret(&site), site.path("content/actualites/_index.md")).expect("symlink");
    let run = build(&site);
    let shown = run
        .stderr
        .replace(&site.parent().display().to_string(), "[TMP]");
    assert_eq!(
        shown,
        format!(
            "erreur : ce lien symbolique mène hors du dossier du site (vers [TMP]/secret.md) : il n’est pas suivi\n --> content/actualites/_index.md\n = aide : copiez le fichier ou le dossier dans le site à la place du lien, ou faites pointer le lien vers un fichier du site\n\n{FAILED}"
        )
    );
    assert_eq!(run.code, 1);
    assert!(!site.path("output").exists());
}

#[test]
fn an_article_linked_out_of_the_site_is_refused_unread() {
    let site = site();
    symlink(secret(&site), site.path("content/actualites/secret.md")).expect("symlink");
    let run = build(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("erreur : ce lien symbolique mène hors du dossier du site (vers "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("\n --> content/actualites/secret.md\n"));
    assert!(!run.stderr.contains("SECRET-"), "{}", run.stderr);
    assert!(!site.path("output").exists());
}

#[test]
fn links_inside_the_site_are_followed() {
    let site = site();
    site.write(
        "partage/entretien.md",
        "---\ntitle: Entretien partagé\ndate: 2026-03-13\n---\nLe texte.\n",
    );
    site.write("partage/images/logo.png", "PNG");
    symlink(
        "../../partage/entretien.md",
        site.path("content/actualites/entretien.md"),
    )
    .expect("symlink");
    symlink("../partage/images", site.path("content/images")).expect("symlink");
    build(&site).assert_ok();
    assert!(
        site.page("actualites/entretien/index.html")
            .contains("Entretien partagé")
    );
    assert_eq!(site.output()["images/logo.png"], b"PNG");
}

#[test]
fn a_symlink_loop_is_an_error() {
    let site = site();
    symlink("..", site.path("content/actualites/retour")).expect("symlink");
    symlink("boucle.md", site.path("content/actualites/boucle.md")).expect("symlink");
    let run = build(&site);
    let error = |path: &str| {
        format!(
            "erreur : ce lien symbolique forme une boucle (il mène à lui-même ou à un dossier qui le contient)\n --> {path}\n = aide : faites pointer le lien vers un fichier ou un dossier réel, ou supprimez-le\n"
        )
    };
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "{}\n{}\néchec : 2 erreurs ; le dossier de sortie n’a pas été modifié\n",
            error("content/actualites/boucle.md"),
            error("content/actualites/retour")
        )
    );
}

const PIPE: &str = "erreur : ce n’est pas un fichier ordinaire mais un tube nommé (FIFO) : Gazette ne le lit pas\n";
const PIPE_HELP: &str = " = aide : remplacez-le par un fichier ordinaire, ou retirez-le du site\n";

#[test]
fn a_named_pipe_as_an_article_or_a_static_file_is_an_error() {
    let site = site();
    mkfifo(&site.path("content/actualites/tube.md"));
    mkfifo(&site.path("static/css/site.css"));
    let run = build(&site);
    assert_eq!(
        run.stderr,
        format!(
            "{PIPE} --> content/actualites/tube.md\n{PIPE_HELP}\n{PIPE} --> static/css/site.css\n{PIPE_HELP}\néchec : 2 erreurs ; le dossier de sortie n’a pas été modifié\n"
        )
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_named_pipe_as_the_settings_is_an_error() {
    let site = site();
    site.remove("site.yaml");
    mkfifo(&site.path("site.yaml"));
    let run = build(&site);
    assert_eq!(
        run.stderr,
        format!(
            "{PIPE} --> site.yaml\n{PIPE_HELP}\néchec : 1 erreur ; le dossier de sortie n’a pas été modifié\n"
        )
    );
    assert_eq!(run.code, 2);
}

#[test]
fn a_named_pipe_as_the_ui_strings_is_an_error() {
    let site = site();
    site.remove("themes/gazette/i18n/fr.yaml");
    mkfifo(&site.path("themes/gazette/i18n/fr.yaml"));
    let run = build(&site);
    fails_with(
        &site,
        &run,
        &format!("{PIPE} --> themes/gazette/i18n/fr.yaml\n{PIPE_HELP}\n{FAILED}"),
    );
}

/// `key:` followed by `n` nested flow lists, one opening bracket a line.
fn nested(key: &str, n: usize) -> String {
    format!("{key}\n{}x{}\n", "  [\n".repeat(n), "]".repeat(n))
}

const TOO_DEEP: &str = "erreur : les valeurs sont imbriquées sur plus de 128 niveaux\n";
const TOO_DEEP_HELP: &str = "    = aide : écrivez une valeur moins imbriquée : fermez les crochets « [ » et les accolades « { » plus tôt, ou retirez des niveaux de retrait\n";

#[test]
fn yaml_nested_100_000_levels_is_an_error_where_the_limit_is_passed() {
    let n = 100_000;
    let site = site();
    site.write(
        "content/actualites/accord.md",
        format!(
            "---\ntitle: Accord\ndate: 2026-03-12\n{}---\nLe texte.\n",
            nested("extra:", n)
        ),
    );
    site.write("content/_people.yaml", nested("dupont:", n));
    let run = build(&site);
    // The document's map is the first level: the 128th bracket is past it.
    let caret = "    |   ^\n";
    assert_eq!(
        run.stderr,
        format!(
            "{TOO_DEEP}   --> content/_people.yaml:129:3\n    |\n129 |   [\n{caret}{TOO_DEEP_HELP}\n{TOO_DEEP}   --> content/actualites/accord.md:132:3\n    |\n132 |   [\n{caret}{TOO_DEEP_HELP}\néchec : 2 erreurs ; le dossier de sortie n’a pas été modifié\n"
        )
    );
    assert_eq!(run.code, 1);

    let site = TestSite::new();
    site.write(
        "site.yaml",
        format!("title: Le Fil RH\n{}", nested("base_url:", n)),
    );
    let run = build(&site);
    assert_eq!(
        run.stderr,
        format!(
            "{TOO_DEEP}   --> site.yaml:130:3\n    |\n130 |   [\n    |   ^\n{TOO_DEEP_HELP}\néchec : 1 erreur ; le dossier de sortie n’a pas été modifié\n"
        )
    );
    assert_eq!(run.code, 2);
}

#[test]
fn a_file_name_that_is_not_utf8_is_an_error() {
    use std::os::unix::ffi::OsStrExt;
    let site = site();
    let name = std::ffi::OsStr::from_bytes(b"r\xe9union.md");
    fs::write(
        site.path("content/actualites").join(name),
        "---\ntitle: Réunion\ndate: 2026-03-12\n---\nLe texte.\n",
    )
    .expect("write");
    let run = build(&site);
    fails_with(
        &site,
        &run,
        &format!(
            "erreur : ce nom de fichier n’est pas en UTF-8 : il serait publié sous un autre nom\n --> content/actualites/r\u{fffd}union.md\n = aide : renommez le fichier (les lettres accentuées sont permises, en UTF-8)\n\n{FAILED}"
        ),
    );
}

#[test]
fn svg_and_html_files_in_content_are_refused() {
    let site = site();
    site.write(
        "content/actualites/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
    );
    site.write(
        "content/actualites/annexe/index.md",
        "---\ntitle: Annexe\ndate: 2026-03-12\n---\nTexte.\n",
    );
    site.write(
        "content/actualites/annexe/annexe.HTML",
        "<script>alert(1)</script>",
    );
    let run = build(&site);
    let help = " = aide : exportez l’image en PNG ou le document en PDF ; si ce fichier doit être publié tel quel, demandez à la personne qui gère le site de le vérifier et de le placer dans static/\n";
    assert_eq!(
        run.stderr,
        format!(
            "erreur : les fichiers .html ne sont pas publiés depuis content/ : ils peuvent contenir des scripts qui s’exécuteraient chez les lecteurs\n --> content/actualites/annexe/annexe.HTML\n{help}\nerreur : les fichiers .svg ne sont pas publiés depuis content/ : ils peuvent contenir des scripts qui s’exécuteraient chez les lecteurs\n --> content/actualites/logo.svg\n{help}\néchec : 2 erreurs ; le dossier de sortie n’a pas été modifié\n"
        )
    );
    assert_eq!(run.code, 1);
    assert_eq!(entries(&site.root), ["content", "site.yaml", "themes"]);
}
