//! Tests of the studio's file writes, on real sites in temporary folders.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::*;
use crate::build::{BuildOptions, render_in_memory};
use crate::progress::Quiet;

/// A site with the default theme and the given files.
fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/gazette");
    copy_dir(&theme, &tmp.path().join("themes/gazette"));
    write(
        tmp.path(),
        "site.yaml",
        "title: Le Fil RH\nbase_url: https://intranet.example.org/\n",
    );
    for (path, text) in files {
        write(tmp.path(), path, text);
    }
    tmp
}

fn write(root: &Path, rel: &str, text: &str) {
    let full = root.join(rel);
    fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
    fs::write(full, text).expect("write");
}

fn read(root: &Path, rel: &str) -> String {
    fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The build's errors on the site, as text (empty when it builds).
fn build_errors(root: &Path) -> Vec<String> {
    let opts = BuildOptions::of(root);
    let built = render_in_memory(&opts, &Quiet);
    built
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{d:?}"))
        .collect()
}

/// A small PNG image.
fn png() -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(8, 6, image::Rgb([200, 40, 40]))
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("encode png");
    out.into_inner()
}

fn article(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2026-03-12\n---\n{body}")
}

#[test]
fn a_version_changes_with_the_bytes_and_only_with_them() {
    assert_eq!(version(b"abc"), version(b"abc"));
    assert_ne!(version(b"abc"), version(b"abd"));
    assert_eq!(version(b"").len(), 32);
}

#[test]
fn open_then_save_writes_the_new_text_and_returns_its_version() {
    let tmp = site(&[("content/a.md", &article("A", "Un.\n"))]);
    let opened = open(tmp.path(), "content/a.md").expect("open");
    assert_eq!(opened.version, version(article("A", "Un.\n").as_bytes()));
    let text = article("A", "Deux.\n");
    let saved = save(tmp.path(), "content/a.md", &text, Some(&opened.version)).expect("save");
    assert!(saved.written);
    assert_eq!(read(tmp.path(), "content/a.md"), text);
    assert_eq!(saved.version, version(text.as_bytes()));
    // No temporary file is left beside it.
    let names: Vec<String> = fs::read_dir(tmp.path().join("content"))
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.md"]);
}

#[test]
fn an_unchanged_save_writes_nothing_and_keeps_the_modification_time() {
    let text = article("A", "Un.\n");
    let tmp = site(&[("content/a.md", &text)]);
    let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    fs::File::options()
        .write(true)
        .open(tmp.path().join("content/a.md"))
        .expect("open")
        .set_modified(long_ago)
        .expect("set mtime");
    let saved = save(
        tmp.path(),
        "content/a.md",
        &text,
        Some(&version(text.as_bytes())),
    )
    .expect("save");
    assert!(!saved.written);
    let mtime = fs::metadata(tmp.path().join("content/a.md"))
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(mtime, long_ago);
}

#[test]
fn a_file_changed_since_it_was_opened_is_a_conflict_and_is_kept() {
    let tmp = site(&[("content/a.md", &article("A", "Un.\n"))]);
    let opened = open(tmp.path(), "content/a.md").expect("open");
    let theirs = article("A", "Leur version.\n");
    write(tmp.path(), "content/a.md", &theirs);
    let err = save(
        tmp.path(),
        "content/a.md",
        &article("A", "Ma version.\n"),
        Some(&opened.version),
    )
    .expect_err("conflict");
    match err {
        FileError::Conflict { current, .. } => {
            assert_eq!(current, Some(version(theirs.as_bytes())))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(read(tmp.path(), "content/a.md"), theirs);
}

#[test]
fn a_file_deleted_since_it_was_opened_is_a_conflict_and_is_not_recreated() {
    let tmp = site(&[("content/a.md", &article("A", "Un.\n"))]);
    let opened = open(tmp.path(), "content/a.md").expect("open");
    fs::remove_file(tmp.path().join("content/a.md")).expect("remove");
    let err = save(tmp.path(), "content/a.md", "x", Some(&opened.version)).expect_err("conflict");
    assert!(
        matches!(err, FileError::Conflict { current: None, .. }),
        "{err:?}"
    );
    assert!(!tmp.path().join("content/a.md").exists());
}

#[test]
fn a_new_article_never_overwrites_an_existing_file() {
    let tmp = site(&[("content/a.md", &article("A", "Un.\n"))]);
    let err = save(tmp.path(), "content/a.md", "nouveau", None).expect_err("exists");
    assert!(
        matches!(
            err,
            FileError::Conflict {
                current: Some(_),
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(read(tmp.path(), "content/a.md"), article("A", "Un.\n"));
    let saved = save(tmp.path(), "content/dossiers/b.md", "nouveau", None).expect("new");
    assert!(saved.written);
    assert_eq!(read(tmp.path(), "content/dossiers/b.md"), "nouveau");
}

#[test]
fn a_failed_replacement_leaves_the_old_file_and_no_temporary_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // A rename cannot replace a folder that holds a file: the write fails
    // at its last step, as a full disk or a read-only folder would.
    let target = tmp.path().join("a.md");
    write(tmp.path(), "a.md/keep.txt", "gardé");
    assert!(write_atomic(&target, b"new", true).is_err());
    assert_eq!(read(tmp.path(), "a.md/keep.txt"), "gardé");
    let names: Vec<String> = fs::read_dir(tmp.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.md"]);
}

#[test]
fn paths_outside_content_are_refused() {
    let tmp = site(&[("content/a.md", &article("A", "Un.\n"))]);
    for path in [
        "content/../site.yaml",
        "/etc/passwd",
        "site.yaml",
        "content/a.txt",
        "content/sec/../../x.md",
        "content\\a.md",
        "content/.a.md",
    ] {
        let err = save(tmp.path(), path, "x", None).expect_err(path);
        assert!(matches!(err, FileError::BadPath { .. }), "{path}: {err:?}");
        assert!(open(tmp.path(), path).is_err(), "{path}");
    }
    assert!(!tmp.path().join("x.md").exists());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_leaving_the_site_is_refused() {
    let outside = tempfile::tempdir().expect("temp dir");
    write(outside.path(), "secret.md", "secret");
    let tmp = site(&[("content/a.md", &article("A", "Un.\n"))]);
    std::os::unix::fs::symlink(outside.path(), tmp.path().join("content/ailleurs"))
        .expect("symlink");
    let err = open(tmp.path(), "content/ailleurs/secret.md").expect_err("outside");
    assert!(matches!(err, FileError::Outside { .. }), "{err:?}");
    let err = save(tmp.path(), "content/ailleurs/new.md", "x", None).expect_err("outside");
    assert!(matches!(err, FileError::Outside { .. }), "{err:?}");
    assert!(!outside.path().join("new.md").exists());
}

#[test]
fn a_new_article_path_avoids_taken_names() {
    let tmp = site(&[
        ("content/actualites/mon-titre.md", "x"),
        ("content/actualites/mon-titre-2/index.md", "x"),
    ]);
    let root = tmp.path();
    let path = new_article_path(root, "actualites", "Mon titre !", None).expect("path");
    assert_eq!(path, "content/actualites/mon-titre-3.md");
    let path =
        new_article_path(root, "content/actualites", "Mon titre", Some("Été 2026")).expect("path");
    assert_eq!(path, "content/actualites/ete-2026.md");
    assert_eq!(
        new_article_path(root, "", "Index", None).expect("path"),
        "content/index-2.md"
    );
}

#[test]
fn a_new_article_path_refuses_what_it_cannot_name() {
    let tmp = site(&[("content/actualites/a.md", "x")]);
    let root = tmp.path();
    for section in ["../", "actualites/../..", "/etc"] {
        let err = new_article_path(root, section, "Titre", None).expect_err(section);
        assert!(
            matches!(err, FileError::BadPath { .. }),
            "{section}: {err:?}"
        );
    }
    let err = new_article_path(root, "rapports", "Titre", None).expect_err("missing");
    assert!(matches!(err, FileError::NoSection { .. }), "{err:?}");
    write(root, "content/actualites/forum/index.md", "x");
    let err = new_article_path(root, "actualites/forum", "Titre", None).expect_err("bundle");
    assert!(matches!(err, FileError::NoSection { .. }), "{err:?}");
    let err = new_article_path(root, "actualites", "…", None).expect_err("empty");
    assert!(matches!(err, FileError::EmptySlug), "{err:?}");
}

/// A site where `actualites/x.md` links to a neighbour, a section
/// elsewhere links to it, and code shows a link that is not one.
fn linked_site() -> tempfile::TempDir {
    let x = "---\ntitle: X\ndate: 2026-03-12\nsummary: \"Voir [l’autre](autre.md).\"\n---\nVoir [a](autre.md) et [accueil](../dossiers/y.md).\n\n## Les chiffres\n\n```markdown\n[a](autre.md)\n```\n";
    let autre = article(
        "Autre",
        "Lire [b](x.md), [les chiffres](x.md#les-chiffres) et [c][ref].\n\n[ref]: ./x.md\n",
    );
    let y = "---\ntitle: Y\ndate: 2026-03-12\nrelated:\n  - actualites/x.md\n---\nLire [x](../actualites/x.md).\n";
    site(&[
        ("content/actualites/x.md", x),
        ("content/actualites/autre.md", &autre),
        ("content/dossiers/y.md", y),
    ])
}

#[test]
fn an_image_turns_a_single_file_article_into_a_bundle_with_its_links_kept() {
    let tmp = linked_site();
    let root = tmp.path();
    assert_eq!(build_errors(root), Vec::<String>::new());
    let before = open(root, "content/actualites/x.md").expect("open");
    let added = add_image(
        root,
        "content/actualites/x.md",
        "Photo Équipe.PNG",
        &png(),
        Some(&before.version),
    )
    .expect("add");
    assert_eq!(added.article, "content/actualites/x/index.md");
    assert_eq!(added.image, "photo-equipe.png");
    assert!(!root.join("content/actualites/x.md").exists());
    assert_eq!(
        fs::read(root.join("content/actualites/x/photo-equipe.png")).expect("image"),
        png()
    );
    let index = read(root, "content/actualites/x/index.md");
    assert_eq!(
        index,
        before
            .text
            .replace("[a](autre.md) et", "[a](../autre.md) et")
            .replace("[l’autre](autre.md)", "[l’autre](../autre.md)")
            .replace("../dossiers/y.md", "../../dossiers/y.md")
    );
    assert_eq!(added.version, version(index.as_bytes()));
    assert_eq!(
        read(root, "content/actualites/autre.md"),
        article(
            "Autre",
            "Lire [b](x/index.md), [les chiffres](x/index.md#les-chiffres) et [c][ref].\n\n[ref]: x/index.md\n",
        )
    );
    let y = read(root, "content/dossiers/y.md");
    assert!(y.contains("  - actualites/x/index.md\n"), "{y}");
    assert!(y.contains("[x](../actualites/x/index.md)"), "{y}");
    let mut changed = added.changed.clone();
    changed.sort();
    assert_eq!(
        changed,
        [
            "content/actualites/autre.md",
            "content/actualites/x.md",
            "content/actualites/x/index.md",
            "content/actualites/x/photo-equipe.png",
            "content/dossiers/y.md",
        ]
    );
    assert_eq!(build_errors(root), Vec::<String>::new());
}

#[test]
fn a_second_image_gets_a_free_name_in_the_bundle() {
    let tmp = linked_site();
    let root = tmp.path();
    let first = add_image(root, "content/actualites/x.md", "photo.png", &png(), None).expect("add");
    let second = add_image(
        root,
        &first.article,
        "photo.png",
        &png(),
        Some(&first.version),
    )
    .expect("add");
    assert_eq!(second.article, "content/actualites/x/index.md");
    assert_eq!(second.image, "photo-2.png");
    assert_eq!(second.changed, ["content/actualites/x/photo-2.png"]);
    assert_eq!(second.version, first.version);
    assert!(root.join("content/actualites/x/photo.png").exists());
}

#[test]
fn the_front_matter_files_of_a_moved_article_still_resolve() {
    let x = "---\ntitle: X\ndate: 2026-03-12\nimage:\n  src: \"couverture.png\" # la une\n  alt: Une photo\ndownloads:\n  - file: bilan.pdf\n    title: Le bilan\n---\nTexte.\n";
    let tmp = site(&[
        ("content/actualites/x.md", x),
        ("content/actualites/bilan.pdf", "%PDF-1.4\n"),
    ]);
    let root = tmp.path();
    fs::write(root.join("content/actualites/couverture.png"), png()).expect("cover");
    assert_eq!(build_errors(root), Vec::<String>::new());
    add_image(root, "content/actualites/x.md", "a.png", &png(), None).expect("add");
    assert_eq!(
        read(root, "content/actualites/x/index.md"),
        x.replace("\"couverture.png\"", "\"../couverture.png\"")
            .replace("file: bilan.pdf", "file: ../bilan.pdf")
    );
    assert_eq!(build_errors(root), Vec::<String>::new());
}

#[test]
fn an_image_is_refused_when_the_bundle_folder_exists_and_nothing_changes() {
    let tmp = linked_site();
    let root = tmp.path();
    write(root, "content/actualites/x/notes.txt", "à moi");
    let err = add_image(root, "content/actualites/x.md", "photo.png", &png(), None)
        .expect_err("bundle exists");
    assert!(matches!(err, FileError::BundleExists { .. }), "{err:?}");
    assert!(root.join("content/actualites/x.md").exists());
    assert!(!root.join("content/actualites/x/photo.png").exists());
    assert!(read(root, "content/actualites/autre.md").contains("[b](x.md)"));
}

#[test]
fn an_image_is_refused_when_the_article_changed_since_it_was_opened() {
    let tmp = linked_site();
    let root = tmp.path();
    let err = add_image(
        root,
        "content/actualites/x.md",
        "photo.png",
        &png(),
        Some("0"),
    )
    .expect_err("conflict");
    assert!(
        matches!(
            err,
            FileError::Conflict {
                current: Some(_),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(root.join("content/actualites/x.md").exists());
    assert!(!root.join("content/actualites/x").exists());
}

#[test]
fn only_images_the_site_publishes_are_taken() {
    let tmp = linked_site();
    let root = tmp.path();
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    let err = add_image(root, "content/actualites/x.md", "logo.svg", svg, None).expect_err("svg");
    assert!(matches!(err, FileError::ImageType { .. }), "{err:?}");
    let err = add_image(root, "content/actualites/x.md", "faux.png", b"<html>", None)
        .expect_err("not a png");
    assert!(matches!(err, FileError::NotAnImage { .. }), "{err:?}");
    assert!(root.join("content/actualites/x.md").exists());
    assert!(!root.join("content/actualites/x").exists());
}

#[test]
fn messages_name_the_file_in_the_writers_language() {
    let err = FileError::Conflict {
        path: "content/a.md".into(),
        current: Some("1".into()),
    };
    let fr = message(&err, Language::Fr);
    let en = message(&err, Language::En);
    assert!(fr.contains("content/a.md") && fr.contains("changé"), "{fr}");
    assert!(
        en.contains("content/a.md") && en.contains("changed"),
        "{en}"
    );
}

/// `text` of `sec/x.md` as it reads once moved to `sec/x/index.md`.
fn moved_text(text: &str) -> String {
    let moved = rewrite::Move {
        from: "sec/x.md",
        to: "sec/x/index.md",
    };
    rewrite::rewrite(text, "sec", "sec/x", &moved)
}

/// `text` of `sec/autre.md` once `sec/x.md` moved.
fn neighbour_text(text: &str) -> String {
    let moved = rewrite::Move {
        from: "sec/x.md",
        to: "sec/x/index.md",
    };
    rewrite::rewrite(text, "sec", "sec", &moved)
}

#[test]
fn every_file_path_of_the_header_follows_the_move() {
    let header = "---\ntitle: X\nsummary: \"Voir [le bilan](bilan.pdf).\"\npeople:\n  marie:\n    name: Marie\n    photo: marie.jpg\ninterview:\n  questions:\n    - by: {name: Paul, photo: 'paul.jpg'}\n      q: Pourquoi ?\n      a: >-\n        Lire [la note](note.md).\n        src: pas-un-chemin.png\nrelated: [sec/y.md, autre/z.md]\n---\n";
    assert_eq!(
        moved_text(header),
        header
            .replace("(bilan.pdf)", "(../bilan.pdf)")
            .replace("photo: marie.jpg", "photo: ../marie.jpg")
            .replace("'paul.jpg'", "'../paul.jpg'")
            .replace("(note.md)", "(../note.md)")
    );
}

#[test]
fn what_is_not_a_relative_path_is_kept_byte_for_byte() {
    let text = "---\ntitle: X\nimage:\n  src: \"a\\u00e9.png\"\n  alt: |\n    src: b.png\nrelated:\n  - sec/y.md\n---\nVoir `[a](c.md)`, [site](https://example.org/a.md), [ancre](#haut),\n[racine](/actualites/), [mail](mailto:a@b.fr) et <https://example.org>.\n\n    [indenté](d.md)\n\n~~~\n![img](e.png)\n~~~\n";
    assert_eq!(moved_text(text), text);
}

#[test]
fn body_links_images_and_definitions_follow_the_move() {
    let text = "---\ntitle: X\n---\n![Photo](photo.jpg \"photo.jpg\") [moi](x.md#haut) [dossier](../dossiers/)\n[![vignette](v.png)](grand.png) [réf][r]\n\n[r]: <y.md> \"Y\"\n";
    assert_eq!(
        moved_text(text),
        "---\ntitle: X\n---\n![Photo](../photo.jpg \"photo.jpg\") [moi](index.md#haut) [dossier](../../dossiers/)\n[![vignette](../v.png)](../grand.png) [réf][r]\n\n[r]: <../y.md> \"Y\"\n"
    );
}

#[test]
fn a_neighbour_changes_only_its_links_to_the_moved_article() {
    let text = "---\ntitle: A\nrelated:\n  - ./sec/x.md\n  - sec/y.md\nsummary: Lire [x](x.md?v=1).\n---\n[x](./x.md) [y](y.md) [x encore](../sec/x.md#a)\n";
    assert_eq!(
        neighbour_text(text),
        "---\ntitle: A\nrelated:\n  - sec/x/index.md\n  - sec/y.md\nsummary: Lire [x](x/index.md?v=1).\n---\n[x](x/index.md) [y](y.md) [x encore](x/index.md#a)\n"
    );
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_inside_the_site_keeps_the_link() {
    let text = article("A", "Un.\n");
    let tmp = site(&[("content/archives/a.md", &text)]);
    let root = tmp.path();
    std::os::unix::fs::symlink(
        root.join("content/archives/a.md"),
        root.join("content/a.md"),
    )
    .expect("symlink");
    let new = article("A", "Deux.\n");
    save(root, "content/a.md", &new, Some(&version(text.as_bytes()))).expect("save");
    assert!(
        fs::symlink_metadata(root.join("content/a.md"))
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(read(root, "content/archives/a.md"), new);
}

#[test]
fn a_section_index_takes_no_image() {
    let tmp = site(&[(
        "content/actualites/_index.md",
        "---\ntitle: Actualités\n---\n",
    )]);
    let err = add_image(
        tmp.path(),
        "content/actualites/_index.md",
        "a.png",
        &png(),
        None,
    )
    .expect_err("section");
    assert!(matches!(err, FileError::BadPath { .. }), "{err:?}");
    assert!(!tmp.path().join("content/actualites/_index").exists());
}
