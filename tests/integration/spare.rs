//! The tree a build replaced, kept beside the output folder to become the
//! next build's new tree (`src/output/spare.rs`): rebuild after rebuild
//! from it, whatever happened to the sources and to the output between,
//! the output is a cold build's; a file it shares with the published tree
//! is never written through; a damaged record, or an output folder
//! replaced, makes the build start from an empty tree; git does not see it.

use std::fs;
use std::path::Path;

use crate::search_cache::{assert_same_files, sources_of};
use crate::support::{TestSite, append, assert_work_folder_settled, replace_in};

/// Replaces the file at `path` by a new file (another inode) holding
/// `text`, as an editor that saves through a temporary file does.
fn replace_file(path: &Path, text: &str) {
    let temporary = path.with_extension("tmp-edit");
    fs::write(&temporary, text).expect("write");
    fs::rename(&temporary, path).expect("rename");
}

const FOREIGN: &str = "output/CNAME";

/// Puts a file of someone else's at [`FOREIGN`] (a new file each time),
/// and what it should hold beside the site; `None` removes both.
fn foreign(site: &TestSite, text: Option<&str>) {
    let expected = site.parent().join("CNAME-attendu");
    match text {
        Some(text) => {
            replace_file(&site.path(FOREIGN), text);
            fs::write(expected, text).expect("write");
        }
        None => {
            site.remove(FOREIGN);
            fs::remove_file(expected).expect("rm");
        }
    }
}

type Step = (&'static str, fn(&TestSite));

#[test]
fn rebuilds_from_the_kept_tree_publish_what_a_cold_build_does() {
    let site = TestSite::fixture("ok/newsroom");
    site.build_ok(&[]);
    let steps: &[Step] = &[
        ("nothing changed", |_| {}),
        ("a body edited", |s| {
            append(
                &s.path("content/portraits/elodie.md"),
                "\nUne phrase de plus.\n",
            )
        }),
        // The page the last build wrote is unchanged now: the kept tree
        // holds its older version, which must not be published.
        ("another article's title edited", |s| {
            replace_in(
                &s.path("content/portraits/zoe.md"),
                "title: ",
                "title: Portrait de ",
            )
        }),
        ("nothing changed after a change", |_| {}),
        ("an article added", |s| {
            s.write(
                "content/actualites/nouvelle.md",
                "---\ntitle: Une nouvelle\ndate: 2026-02-02\n---\nLe texte.\n",
            )
        }),
        ("an article removed", |s| {
            s.remove("content/actualites/nouvelle.md")
        }),
        ("a static folder", |s| {
            s.write("static/notes/lisez-moi.txt", "un dossier")
        }),
        ("the folder becomes a file", |s| {
            fs::remove_dir_all(s.path("static/notes")).expect("rm");
            s.write("static/notes", "un fichier");
        }),
        ("and a folder again", |s| {
            s.remove("static/notes");
            s.write("static/notes/lisez-moi.txt", "de nouveau un dossier");
        }),
        ("a published page replaced by hand", |s| {
            replace_file(&s.path("output/portraits/zoe/index.html"), "<p>à la main")
        }),
        ("a published page edited in place by hand", |s| {
            append(&s.path("output/portraits/elodie/index.html"), "<p>ajout")
        }),
        ("a published page removed by hand", |s| {
            s.remove("output/portraits/nadia/index.html")
        }),
        ("a file of someone else's added to the output", |s| {
            foreign(s, Some("intranet.example.org"))
        }),
        ("that file replaced", |s| foreign(s, Some("rh.example.org"))),
        ("that file replaced again, and an article edited", |s| {
            foreign(s, Some("www.example.org"));
            append(&s.path("content/portraits/zoe.md"), "\nEncore.\n");
        }),
        ("the kept tree's record damaged", |s| {
            s.write(
                ".output.gazette/spare.record",
                "# gazette spare 1\nn'importe quoi",
            );
            append(&s.path("content/portraits/elodie.md"), "\nEt une autre.\n");
        }),
        ("the output folder replaced by a copy of itself", |s| {
            let copy = s.path("output-copie");
            crate::support::copy_dir(&s.path("output"), &copy);
            fs::remove_dir_all(s.path("output")).expect("rm");
            fs::rename(&copy, s.path("output")).expect("mv");
            append(&s.path("content/portraits/zoe.md"), "\nDe nouveau.\n");
        }),
        ("the file of someone else's removed", |s| foreign(s, None)),
        ("the first article edited again", |s| {
            append(&s.path("content/portraits/elodie.md"), "\nLa fin.\n")
        }),
    ];
    for (what, step) in steps {
        step(&site);
        site.build_ok(&[]);
        let mut published = site.output();
        let foreign = published.remove("CNAME");
        let cold = sources_of(&site);
        cold.build_ok(&[]);
        assert_same_files(&published, &cold.output(), what);
        let expected_foreign = fs::read(site.parent().join("CNAME-attendu")).ok();
        assert_eq!(foreign, expected_foreign, "{what}");
        assert_work_folder_settled(&site.root, "output");
        assert!(
            site.path(".output.gazette/spare.record").is_file(),
            "{what}: no tree kept for the next build"
        );
    }
    assert!(site.page("portraits/elodie/index.html").contains("La fin."));
}

#[test]
fn a_file_shared_with_the_published_tree_is_never_written_through() {
    let site = TestSite::fixture("ok/newsroom");
    site.build_ok(&[]);
    // Nothing changed: the kept tree is made, sharing every published file.
    site.build_ok(&[]);
    assert!(site.path(".output.gazette/spare.record").is_file());
    // A second name for a published page, as a reader holding it open (or
    // a backup) has.
    let hold = |page: &str| {
        let held = site.parent().join("tenue.html");
        let _ = fs::remove_file(&held);
        fs::hard_link(site.path(page), &held).expect("link");
        (held, fs::read(site.path(page)).expect("read"))
    };
    let (held, before) = hold("output/portraits/elodie/index.html");
    append(
        &site.path("content/portraits/elodie.md"),
        "\nUne phrase de plus.\n",
    );
    site.build_ok(&[]);
    assert!(
        site.page("portraits/elodie/index.html")
            .contains("Une phrase de plus.")
    );
    assert_eq!(
        fs::read(&held).expect("read"),
        before,
        "the published file was written through"
    );
    // The same from the tree that rebuild replaced, which shares with the
    // published tree every page it did not change.
    let (held, before) = hold("output/portraits/zoe/index.html");
    append(&site.path("content/portraits/zoe.md"), "\nEt une autre.\n");
    site.build_ok(&[]);
    assert!(
        site.page("portraits/zoe/index.html")
            .contains("Et une autre.")
    );
    assert_eq!(fs::read(&held).expect("read"), before);
}

#[test]
fn the_kept_tree_stays_out_of_git() {
    let site = TestSite::fixture("ok/newsroom");
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(&site.root)
            .output()
            .expect("git");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    git(&["init", "-q"]);
    site.build_ok(&["-o", "publie"]);
    append(
        &site.path("content/portraits/elodie.md"),
        "\nUne phrase de plus.\n",
    );
    site.build_ok(&["-o", "publie"]);
    assert!(site.path(".publie.gazette/spare").is_dir());
    let status = git(&["status", "--porcelain", "--untracked-files=all"]);
    assert!(status.contains("publie/index.html"), "{status}");
    assert!(!status.contains(".publie.gazette"), "{status}");
}
