//! Watch mode and the preview server as real processes, driven the way a
//! writer drives them: files edited, created, deleted and renamed in a copy
//! of the example site, then what was rewritten, served and reloaded
//! checked on disk and over HTTP; one test opens a page in headless
//! Chromium through playwright-core (`tests/serve-browser.mjs`). The
//! incremental session behind them is tested directly in `incremental`.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use crate::support::{
    EXAMPLE_ARTICLE as ARTICLE, EXAMPLE_ARTICLE_PAGE as ARTICLE_PAGE, Running, TestSite, append,
    browser, files, http, manifest_dir, replace_in, send, text,
};

/// The modification time of every file under `dir`.
fn mtimes(dir: &Path) -> BTreeMap<String, SystemTime> {
    files(dir)
        .into_iter()
        .map(|(rel, path)| (rel, fs::metadata(&path).unwrap().modified().unwrap()))
        .collect()
}

#[test]
fn build_watch_rewrites_only_what_changed() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let out = root.join("output");
    // An up-to-date output, search index included, is left as it is: the
    // drivers agree, photos' variants included (and no upload as it was).
    // (Both with the clock's date, as `Running` sets no SOURCE_DATE_EPOCH.)
    let status = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .arg("--root")
        .arg(root)
        .arg("build")
        .env_remove("SOURCE_DATE_EPOCH")
        .status()
        .unwrap();
    assert!(status.success());
    let built = mtimes(&out);
    assert!(
        built.keys().any(|p| p.ends_with(".1200w.png")),
        "no variants"
    );
    std::thread::sleep(Duration::from_millis(50));
    let run = Running::start(root, &["build", "--watch"]);
    run.wait_line("Ctrl-C", 0);
    let before = mtimes(&out);
    assert_eq!(
        before,
        built,
        "the first write of --watch rewrote files:\n{}",
        run.output()
    );
    assert!(before.keys().any(|p| p.starts_with("pagefind/")));
    assert!(before.contains_key(ARTICLE_PAGE));
    // Older times, so a rewrite shows even on coarse clocks.
    std::thread::sleep(Duration::from_millis(50));

    let n = run.line_count();
    append(&root.join(ARTICLE), "\nMot-ajouté-par-le-test.\n");
    run.wait_line("écrit", n);
    let page = fs::read_to_string(out.join(ARTICLE_PAGE)).unwrap();
    assert!(page.contains("Mot-ajouté-par-le-test."));
    let after = mtimes(&out);
    let rewritten: Vec<&String> = after
        .iter()
        .filter(|(p, t)| before.get(*p) != Some(*t) && !p.starts_with("pagefind/"))
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        rewritten,
        [ARTICLE_PAGE],
        "only the article's page is rewritten"
    );
    // The search index follows once the sources stay quiet, and only it.
    run.wait_line("l’index de recherche sera mis à jour après 2 s", n);
    let pages = mtimes(&out);
    run.wait_line("index de recherche mis à jour en", n);
    let indexed = mtimes(&out);
    let reindexed: Vec<&String> = indexed
        .iter()
        .filter(|(p, t)| pages.get(*p) != Some(*t))
        .map(|(p, _)| p)
        .collect();
    assert!(
        !reindexed.is_empty()
            && reindexed
                .iter()
                .all(|p| p.starts_with("pagefind/") || *p == ".gazette-manifest"),
        "{reindexed:?}"
    );

    // A deleted article's page goes; a failed rebuild leaves output/ alone.
    let n = run.line_count();
    fs::remove_file(root.join("content/actualites/semaine-qvct-2026.md")).unwrap();
    run.wait_line("supprimé", n);
    assert!(!out.join("actualites/semaine-qvct-2026/index.html").exists());
    run.wait_line("index de recherche mis à jour en", n);
    let snapshot = mtimes(&out);
    let n = run.line_count();
    replace_in(&root.join(ARTICLE), "title:", "titel:");
    run.wait_line("le dossier de sortie n’a pas été modifié", n);
    assert_eq!(mtimes(&out), snapshot);
    assert!(!root.join("output/.gazette-tmp").exists());
    run.interrupt();
}

/// Polls `path` until `check` holds.
fn wait_page(addr: &str, path: &str, what: &str, check: impl Fn(u16, &str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (status, body) = text(addr, path);
        if check(status, &body) {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "{path}: never {what} (last: {status})\n{body}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn start_serve(root: &Path) -> (Running, String) {
    let run = Running::start(root, &["serve", "--port", "0"]);
    let line = run.wait_line("http://", 0);
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .to_string();
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    (run, addr)
}

const PAGE: &str = "/actualites/comment-publier-sur-l-intranet/";

/// A browser for `BROWSER` that opens nothing: it writes down the address
/// it was given into `opened` (whole, through a rename).
fn recording_browser(dir: &Path, opened: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let browser = dir.join("browser");
    let script = format!(
        "#!/bin/sh\nprintf '%s' \"$1\" > '{0}.part' && mv '{0}.part' '{0}'\n",
        opened.display()
    );
    fs::write(&browser, script).unwrap();
    fs::set_permissions(&browser, fs::Permissions::from_mode(0o755)).unwrap();
    browser
}

/// `serve --open` opens the browser (the one `BROWSER` names, as xdg-open
/// and git do) on the very address it prints, once it answers there.
#[test]
fn serve_open_opens_the_printed_address() {
    let site = TestSite::example();
    let dir = tempfile::tempdir().unwrap();
    let opened = dir.path().join("opened");
    let browser = recording_browser(dir.path(), &opened);
    let run = Running::start_with(
        &site.root,
        &["serve", "--port", "0", "--open"],
        &[("BROWSER", browser.as_os_str())],
    );
    let line = run.wait_line("http://", 0);
    let printed = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !opened.exists() {
        assert!(
            Instant::now() < deadline,
            "no browser opened:\n{}",
            run.output()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(fs::read_to_string(&opened).unwrap(), printed);
    let addr = printed.trim_start_matches("http://").trim_end_matches('/');
    assert_eq!(text(addr, "/").0, 200, "the opened address answers");
    run.interrupt();
}

/// Without `--open`, no browser is started.
#[test]
fn serve_without_open_starts_no_browser() {
    let site = TestSite::example();
    let dir = tempfile::tempdir().unwrap();
    let opened = dir.path().join("opened");
    let browser = recording_browser(dir.path(), &opened);
    let run = Running::start_with(
        &site.root,
        &["serve", "--port", "0"],
        &[("BROWSER", browser.as_os_str())],
    );
    run.wait_line("http://", 0);
    std::thread::sleep(Duration::from_millis(500));
    assert!(!opened.exists(), "a browser was started");
    run.interrupt();
}

#[test]
fn serve_ignores_relative_urls_it_serves_over_http() {
    let site = TestSite::example();
    append(&site.path("site.yaml"), "relative_urls: true\n");
    let (run, addr) = start_serve(&site.root);
    let (status, home) = text(&addr, "/");
    assert_eq!(status, 200);
    assert!(home.contains("href=\"/actualites/\""), "{home}");
    assert!(!home.contains("index.html\""), "{home}");
    let (_, search) = text(&addr, "/recherche/");
    assert!(search.contains("data-pagefind=\"/pagefind/pagefind.js\""));
    assert!(!search.contains("data-offline"), "{search}");
    run.interrupt();
}

#[test]
fn serve_answers_from_memory_and_follows_edits() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let (run, addr) = start_serve(root);
    let (status, home) = text(&addr, "/");
    assert_eq!(status, 200);
    assert!(
        home.contains("/__gazette/events"),
        "the reload script is injected"
    );
    assert!(
        home.contains(&format!("http://{addr}/")),
        "links use the server's address"
    );
    let (status, head, css) = http(&addr, "/css/gazette.css");
    assert_eq!(status, 200);
    assert!(head.to_ascii_lowercase().contains("content-type: text/css"));
    assert!(
        !String::from_utf8_lossy(&css).contains("__gazette"),
        "only HTML gets the script"
    );
    let (status, _, png) = http(&addr, "/actualites/bilan-social-2025/cover.png");
    assert_eq!((status, &png[..4]), (200, &b"\x89PNG"[..]));
    assert_eq!(text(&addr, "/nulle-part/").0, 404);
    let (status, head, _) = http(&addr, "/actualites");
    assert_eq!(status, 301);
    assert!(
        head.to_ascii_lowercase().contains("location: /actualites/"),
        "{head}"
    );

    // Leaving the site, however spelled.
    for bad in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E%2Fsite.yaml",
        "/actualites/..%2f..%2fsite.yaml",
        "/..%5c..%5csite.yaml",
        "/..\\..\\site.yaml",
        "/%252e%252e/site.yaml",
        "/./index.html",
    ] {
        let (status, body) = text(&addr, bad);
        assert!(
            status == 403 || status == 400 || status == 404,
            "{bad}: {status}"
        );
        assert!(!body.contains("base_url"), "{bad} leaked site.yaml");
        match status {
            403 => assert_eq!(body, "403 accès refusé : cette adresse est hors du site\n"),
            400 => assert_eq!(body, "400 requête mal formée\n"),
            _ => {}
        }
    }
    // Malformed requests do not bring it down.
    for junk in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"\xff\xfe\r\n\r\n",
        b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
    ] {
        if let Ok(mut s) = TcpStream::connect(&addr) {
            let _ = s.write_all(junk);
            let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
            let mut sink = Vec::new();
            let _ = s.read_to_end(&mut sink);
        }
    }
    assert_eq!(text(&addr, "/").0, 200, "the server survived junk");

    // An event stream: `css` for a stylesheet, `reload` for a page.
    let mut events = TcpStream::connect(&addr).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        events,
        "GET /__gazette/events HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .unwrap();
    let mut events = BufReader::new(events);
    let read_event = |events: &mut BufReader<TcpStream>, name: &str| {
        let mut line = String::new();
        loop {
            line.clear();
            let n = events.read_line(&mut line).unwrap();
            assert!(n > 0, "the event stream closed before {name}");
            if line.trim() == format!("event: {name}") {
                return;
            }
        }
    };
    // The addresses a `pages` event names (after its version).
    let read_pages = |events: &mut BufReader<TcpStream>| -> Vec<String> {
        read_event(events, "pages");
        let mut data = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            assert!(
                events.read_line(&mut line).unwrap() > 0,
                "the stream closed"
            );
            match line.trim_end().strip_prefix("data: ") {
                Some(d) => data.push(d.to_string()),
                None => return data.split_off(1),
            }
        }
    };
    read_event(&mut events, "hello");
    append(
        &root.join("themes/gazette/static/css/gazette.css"),
        "\n.test-edit { color: red }\n",
    );
    read_event(&mut events, "css");
    assert!(text(&addr, "/css/gazette.css").1.contains(".test-edit"));

    // A body edit: the tabs showing that page reload, no other. (A
    // `reload` may come before, when the example's photos, made in the
    // background, are ready.)
    append(&root.join(ARTICLE), "\nMot-nouveau-servi.\n");
    assert_eq!(read_pages(&mut events), [PAGE]);
    assert!(text(&addr, PAGE).1.contains("Mot-nouveau-servi."));

    // A title: the page first, then the pages that list it, without the
    // article's (its tab reloaded already).
    replace_in(&root.join(ARTICLE), "\ntitle: ", "\ntitle: Titre-servi, ");
    assert_eq!(read_pages(&mut events), [PAGE]);
    assert!(text(&addr, PAGE).1.contains("Titre-servi, "));
    let listings = read_pages(&mut events);
    assert!(
        listings.contains(&"/actualites/".to_string()),
        "{listings:?}"
    );
    assert!(!listings.contains(&PAGE.to_string()), "{listings:?}");
    assert!(text(&addr, "/actualites/").1.contains("Titre-servi, "));

    // A date that moves it: its page first, then the pages its new place
    // changes (the listings it left and joined), not every page.
    replace_in(&root.join(ARTICLE), "date: 2026-02-16", "date: 2025-06-02");
    assert_eq!(read_pages(&mut events), [PAGE]);
    assert!(text(&addr, PAGE).1.contains("datetime=\"2025-06-02\""));
    let moved = read_pages(&mut events);
    assert!(
        moved.iter().any(|p| p.starts_with("/actualites/")),
        "{moved:?}"
    );
    assert!(!moved.contains(&"/accessibilite/".to_string()), "{moved:?}");

    // Created, renamed, deleted.
    fs::write(
        root.join("content/actualites/breve.md"),
        "---\ntitle: Brève\ndate: 2026-05-02\nsummary: Une brève.\n---\nTexte de la brève.\n",
    )
    .unwrap();
    wait_page(&addr, "/actualites/breve/", "created", |s, b| {
        s == 200 && b.contains("Texte de la brève.")
    });
    fs::rename(
        root.join("content/actualites/breve.md"),
        root.join("content/actualites/breve-renommee.md"),
    )
    .unwrap();
    // The page at the new address first, the old one gone with the
    // rebuild that follows.
    wait_page(&addr, "/actualites/breve-renommee/", "renamed", |s, _| {
        s == 200
    });
    wait_page(
        &addr,
        "/actualites/breve/",
        "renamed, the old address",
        |s, _| s == 404,
    );
    fs::remove_file(root.join("content/actualites/breve-renommee.md")).unwrap();
    wait_page(&addr, "/actualites/breve-renommee/", "deleted", |s, _| {
        s == 404
    });

    // A bundle made beside the site and moved in whole, as a file manager
    // does (one event, for its folder): its page and its file served, the
    // section listing it; renamed, at its new address, the old one gone.
    let made = root.join(".dossier-en-cours");
    fs::create_dir(&made).unwrap();
    fs::write(made.join("programme.pdf"), b"%PDF-1.4 programme\n").unwrap();
    fs::write(
        made.join("index.md"),
        "---\ntitle: Le dossier\ndate: 2026-05-03\n---\nLe [programme](programme.pdf) est prêt.\n",
    )
    .unwrap();
    fs::rename(&made, root.join("content/actualites/dossier")).unwrap();
    let page = wait_page(
        &addr,
        "/actualites/dossier/",
        "a bundle moved in",
        |s, _| s == 200,
    );
    assert!(
        page.contains("href=\"/actualites/dossier/programme.pdf\""),
        "{page}"
    );
    let (status, file) = text(&addr, "/actualites/dossier/programme.pdf");
    assert_eq!((status, file.as_str()), (200, "%PDF-1.4 programme\n"));
    wait_page(&addr, "/actualites/", "listing the bundle", |_, b| {
        b.contains("/actualites/dossier/")
    });
    fs::rename(
        root.join("content/actualites/dossier"),
        root.join("content/actualites/dossier-renomme"),
    )
    .unwrap();
    wait_page(
        &addr,
        "/actualites/dossier-renomme/programme.pdf",
        "a bundle renamed",
        |s, _| s == 200,
    );
    wait_page(
        &addr,
        "/actualites/dossier/",
        "renamed, the old address",
        |s, _| s == 404,
    );

    // A template.
    replace_in(
        &root.join("themes/gazette/templates/base.html"),
        "<footer class=\"site-footer\">",
        "<footer class=\"site-footer\" data-test=\"gabarit-edite\">",
    );
    wait_page(&addr, "/", "re-rendered", |_, b| {
        b.contains("gabarit-edite")
    });

    assert!(!root.join("output").exists(), "serve wrote output/");
    run.interrupt();
}

#[test]
fn serve_shows_errors_over_the_last_good_page_until_fixed() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let (run, addr) = start_serve(root);
    let good = fs::read_to_string(root.join(ARTICLE)).unwrap();
    let (_, before) = text(&addr, PAGE);
    assert!(!before.contains("gazette-overlay"));

    fs::write(
        root.join(ARTICLE),
        good.replacen("title:", "titel: <b>&\ntitle:", 1),
    )
    .unwrap();
    let page = wait_page(&addr, PAGE, "with the overlay", |_, b| {
        b.contains("gazette-overlay")
    });
    assert!(page.contains("role=\"alertdialog\""));
    assert!(
        page.contains("La page n’a pas pu être mise à jour"),
        "French by default"
    );
    assert!(page.contains("titel"), "the diagnostic is shown");
    assert!(page.contains("&lt;b&gt;&amp;"), "the report is escaped");
    assert!(!page.contains("titel: <b>&"));
    assert!(
        page.contains("class=\"site-footer\""),
        "the last good page stays under it"
    );
    // Every page shows it, the terminal too.
    assert!(text(&addr, "/").1.contains("gazette-overlay"));
    run.wait_line("titel", 0);

    fs::write(root.join(ARTICLE), good.clone() + "\nRéparé.\n").unwrap();
    let page = wait_page(&addr, PAGE, "fixed", |_, b| !b.contains("gazette-overlay"));
    assert!(page.contains("Réparé."));
    run.interrupt();
}

#[test]
fn serve_a_site_broken_from_the_start_shows_the_overlay_everywhere() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let good = fs::read_to_string(root.join(ARTICLE)).unwrap();
    fs::write(
        root.join(ARTICLE),
        good.replacen("date:", "date: demain\nx:", 1),
    )
    .unwrap();
    let (run, addr) = start_serve(root);
    for path in ["/", PAGE, "/nulle-part/"] {
        let (status, body) = text(&addr, path);
        assert_eq!(status, 500, "{path}");
        assert!(body.contains("gazette-overlay"), "{path}");
        assert!(
            body.contains("/__gazette/events"),
            "{path}: it reloads when fixed"
        );
    }
    fs::write(root.join(ARTICLE), good).unwrap();
    wait_page(&addr, PAGE, "served", |s, b| {
        s == 200 && !b.contains("gazette-overlay")
    });
    run.interrupt();
}

// ---------------------------------------------------------------------------
// A real browser.

#[test]
fn chromium_reloads_on_save_and_shows_the_overlay() {
    let (chromium, playwright) = browser();
    let site = TestSite::example();
    let root = site.root.as_path();
    let (run, addr) = start_serve(root);
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new("node")
        .arg(manifest_dir().join("tests/serve-browser.mjs"))
        .env("PLAYWRIGHT_CORE", &playwright)
        .env("CHROMIUM", chromium)
        .env("PROFILE_DIR", profile.path())
        .env("PAGE_URL", format!("http://{addr}{PAGE}"))
        .env("ARTICLE_FILE", root.join(ARTICLE))
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "browser test failed:\n{}\n{}\nserver:\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
        run.output()
    );
    run.interrupt();
}

/// A browser opens several keep-alive connections at once and sends its
/// requests on them as the page needs them. Every connection must be
/// answered, however many are open and however close together they came:
/// tiny_http, the server `serve` used before, could leave a connection
/// accepted at the same instant as another unread until some other one
/// closed, and a page then waited for a stylesheet for as long as the
/// browser kept its connections (Chromium's `load` never came).
#[test]
fn serve_answers_every_keep_alive_connection_opened_at_once() {
    let site = TestSite::example();
    let (run, addr) = start_serve(&site.root);
    for round in 0..5 {
        // Connected together, before any request: each stays open.
        let mut conns: Vec<TcpStream> = (0..12)
            .map(|_| TcpStream::connect(&addr).unwrap())
            .collect();
        for (i, s) in conns.iter_mut().enumerate() {
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            let path = if i % 2 == 0 { "/css/gazette.css" } else { PAGE };
            write!(
                s,
                "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: keep-alive\r\n\r\n"
            )
            .unwrap();
        }
        for (i, s) in conns.iter_mut().enumerate() {
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") {
                match s.read(&mut byte) {
                    Ok(1) => head.push(byte[0]),
                    other => panic!(
                        "round {round}: connection {i} of 12 was never answered ({other:?})\nserver:\n{}",
                        run.output()
                    ),
                }
            }
            let head = String::from_utf8_lossy(&head);
            assert!(head.starts_with("HTTP/1.1 200"), "connection {i}: {head}");
        }
    }
    run.interrupt();
}

// ---------------------------------------------------------------------------
// Hostile neighbours: other web pages, slow or greedy clients.

/// Reads a response's head, byte by byte (the body may never end).
fn read_head(s: &mut TcpStream, what: &str) -> String {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match s.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            other => panic!("{what}: no answer ({other:?})"),
        }
    }
    String::from_utf8_lossy(&head).into_owned()
}

/// A page of another site that the writer's browser opened can reach the
/// preview on 127.0.0.1, and through DNS rebinding read it as its own; its
/// requests then carry the attacker's name as `Host`, which is refused.
#[test]
fn serve_answers_only_to_its_own_address() {
    let site = TestSite::example();
    let (run, addr) = start_serve(&site.root);
    let port = addr.rsplit(':').next().unwrap();
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}")] {
        let (status, _, _) = send(
            &addr,
            &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(status, 200, "{host}");
    }
    for path in ["/", PAGE, "/__gazette/events"] {
        let (status, head, body) = send(
            &addr,
            &format!(
                "GET {path} HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n"
            ),
        );
        assert_eq!(status, 421, "{path}: {head}");
        assert_eq!(
            String::from_utf8_lossy(&body),
            format!(
                "421 : cet aperçu de Gazette ne répond pas à l’adresse « evil.example:{port} », qui n’est pas la sienne (sinon, une page d’un autre site pourrait lire l’aperçu, brouillons compris).\n\
                 Ouvrez l’aperçu à son adresse : http://{addr}/\n\
                 Pour l’ouvrir sous un autre nom, relancez gazette serve avec --base-url http://NOM:{port}/\n"
            ),
            "{path}"
        );
    }
    // The target's own authority counts, not a Host added beside it.
    let (status, _, _) = send(
        &addr,
        &format!(
            "GET http://evil.example:{port}/ HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        ),
    );
    assert_eq!(status, 421);
    run.interrupt();
}

/// A request that would change something (the studio's) is refused
/// unless it comes from a page of the preview: a form on another site can
/// send one with a Host that is genuinely ours.
#[test]
fn serve_refuses_changes_from_another_origin() {
    let site = TestSite::example();
    let (run, addr) = start_serve(&site.root);
    let post = |method: &str, origin: Option<&str>| {
        let origin = origin
            .map(|o| format!("Origin: {o}\r\n"))
            .unwrap_or_default();
        send(
            &addr,
            &format!(
                "{method} /actualites/ HTTP/1.1\r\nHost: {addr}\r\n{origin}Content-Length: 0\r\nConnection: close\r\n\r\n"
            ),
        )
    };
    for (method, origin, shown) in [
        ("POST", Some("http://evil.example"), "http://evil.example"),
        ("POST", None, "(aucune)"),
        ("PUT", Some("null"), "null"),
        ("DELETE", Some("http://localhost:1"), "http://localhost:1"),
    ] {
        let (status, head, body) = post(method, origin);
        assert_eq!(status, 403, "{method} from {origin:?}: {head}");
        assert_eq!(
            String::from_utf8_lossy(&body),
            format!(
                "403 : cet aperçu n’accepte les requêtes qui modifient quelque chose que depuis ses propres pages, et celle-ci vient de l’origine « {shown} ».\n\
                 Envoyez-la depuis une page de l’aperçu : http://{addr}/\n"
            ),
            "{method} from {origin:?}"
        );
    }
    // From the preview's own page: no such route yet.
    let (status, head, body) = post("POST", Some(&format!("http://{addr}")));
    assert_eq!(status, 405, "{head}");
    assert_eq!(
        String::from_utf8_lossy(&body),
        "405 méthode non autorisée : l’aperçu ne répond qu’aux lectures (GET, HEAD)\n",
        "in the site's language"
    );
    assert!(
        head.to_ascii_lowercase().contains("allow: get, head"),
        "{head}"
    );
    run.interrupt();
}

/// A client that sends half a request and then nothing, or keeps a
/// connection open without asking anything more, must not hold a socket
/// and a task of the server for ever.
#[test]
fn serve_closes_half_sent_requests_and_idle_connections() {
    let site = TestSite::example();
    let (run, addr) = start_serve(&site.root);
    let mut half = TcpStream::connect(&addr).unwrap();
    write!(half, "GET / HTTP/1.1\r\nHost: {addr}\r\nAccept: tex").unwrap();
    let mut idle = TcpStream::connect(&addr).unwrap();
    write!(
        idle,
        "GET /css/gazette.css HTTP/1.1\r\nHost: {addr}\r\nConnection: keep-alive\r\n\r\n"
    )
    .unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let head = read_head(&mut idle, "the keep-alive request");
    let length: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length: ")
                .map(|n| n.trim().parse().unwrap())
        })
        .expect("a content-length");
    let mut css = vec![0; length];
    idle.read_exact(&mut css).unwrap();
    // A deadline far beyond the server's timeout turns a hang into a failure.
    for (name, mut s) in [("half-sent request", half), ("idle connection", idle)] {
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let mut rest = Vec::new();
        match s.read_to_end(&mut rest) {
            Ok(_) => assert!(
                rest.is_empty(),
                "{name}: {}",
                String::from_utf8_lossy(&rest)
            ),
            Err(e) => panic!("{name}: never closed by the server ({e})"),
        }
    }
    assert_eq!(text(&addr, "/").0, 200);
    run.interrupt();
}

/// Each open tab holds a live-reload stream. However many are open, pages
/// are still answered (a thread per stream, as before, stopped the server
/// at 512); beyond the cap a stream is answered with the current version
/// and a retry delay, and ends.
#[test]
fn serve_answers_pages_with_600_event_streams_open() {
    let site = TestSite::example();
    let (run, addr) = start_serve(&site.root);
    let mut streams = Vec::new();
    for i in 0..600 {
        let mut s = TcpStream::connect(&addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(s, "GET /__gazette/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
        let head = read_head(&mut s, &format!("event stream {i}"));
        assert!(head.starts_with("HTTP/1.1 200"), "event stream {i}: {head}");
        streams.push(s);
    }
    let (status, page) = text(&addr, PAGE);
    assert_eq!(status, 200, "{page}");
    let (status, _, _) = http(&addr, "/css/gazette.css");
    assert_eq!(status, 200);
    // The first streams are live; the last was turned away with a delay.
    let mut first = BufReader::new(streams.remove(0));
    let mut line = String::new();
    while line.trim() != "event: hello" {
        line.clear();
        assert!(
            first.read_line(&mut line).unwrap() > 0,
            "the first stream ended"
        );
    }
    let mut last = streams.pop().unwrap();
    let mut body = Vec::new();
    let mut byte = [0u8; 1];
    while !body.ends_with(b"0\r\n\r\n") {
        match last.read(&mut byte) {
            Ok(1) => body.push(byte[0]),
            other => panic!(
                "the last stream did not end ({other:?}): {}",
                String::from_utf8_lossy(&body)
            ),
        }
    }
    let body = String::from_utf8_lossy(&body);
    assert!(
        body.contains("retry: 10000\nevent: hello\ndata: 0\n\n"),
        "{body}"
    );
    run.interrupt();
}

/// A `w`×`h` JPEG of soft colour bands, as a camera's: made here.
fn large_jpeg(w: u32, h: u32) -> Vec<u8> {
    use image::ImageEncoder;
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            (x / 16 % 256) as u8,
            (y / 12 % 256) as u8,
            ((x + y) / 20 % 256) as u8,
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("jpeg");
    out
}

/// A large photo does not hold the preview up: the article is answered at
/// once with the upload (no variants yet, so no `srcset`), a worker makes
/// the variants meanwhile, then the open tab is told to reload and the
/// page names the variants, served from memory with their own types.
#[test]
fn serve_answers_at_once_then_swaps_in_the_photos_variants() {
    let site = TestSite::with_settings("");
    site.write(
        "content/actualites/forum/index.md",
        "---\ntitle: Forum des métiers\ndate: 2026-03-12\n---\nLe forum revient.\n\n![La salle](salle.jpg)\n",
    );
    site.write("content/actualites/forum/salle.jpg", large_jpeg(4000, 3000));
    let (run, addr) = start_serve(&site.path(""));
    let page = "/actualites/forum/";
    let (status, first) = text(&addr, page);
    assert_eq!(status, 200, "{first}");
    assert!(
        first.contains("<img src=\"/actualites/forum/salle.jpg\""),
        "the upload is shown at once: {first}"
    );
    assert!(!first.contains("srcset"), "no variants yet: {first}");

    let mut events = TcpStream::connect(&addr).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    write!(
        events,
        "GET /__gazette/events HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .unwrap();
    let mut events = BufReader::new(events);
    let mut line = String::new();
    while line.trim() != "event: reload" {
        line.clear();
        let n = events.read_line(&mut line).unwrap();
        assert!(n > 0, "the event stream closed before the reload");
    }
    let swapped = wait_page(&addr, page, "given its variants", |s, body| {
        s == 200 && body.contains("<picture>")
    });
    let srcset_of = |kind: &str| -> Vec<String> {
        let at = swapped
            .find(&format!("type=\"{kind}\" srcset=\""))
            .or_else(|| swapped.find("<img src=\"/actualites/forum/salle.jpg\" srcset=\""))
            .unwrap_or_else(|| panic!("{kind} srcset: {swapped}"));
        let value = &swapped[at..];
        let value = &value[value.find("srcset=\"").unwrap() + 8..];
        let value = &value[..value.find('"').unwrap()];
        value
            .split(", ")
            .map(|item| item.split(' ').next().unwrap().to_string())
            .collect()
    };
    let webps = srcset_of("image/webp");
    assert!(
        webps.iter().any(|u| u.ends_with(".1600w.webp")),
        "{swapped}"
    );
    for url in webps.iter().chain(&srcset_of("image/jpeg")) {
        let (status, head, body) = http(&addr, url);
        assert_eq!(status, 200, "{url}: {head}");
        let media_type = if url.ends_with(".webp") {
            "image/webp"
        } else {
            "image/jpeg"
        };
        assert!(
            head.to_ascii_lowercase()
                .contains(&format!("content-type: {media_type}")),
            "{url}: {head}"
        );
        let decoded = image::load_from_memory(&body).expect("a variant decodes");
        let width: u32 = url
            .rsplit('.')
            .nth(1)
            .unwrap()
            .trim_end_matches('w')
            .parse()
            .unwrap();
        assert_eq!(decoded.width(), width, "{url}");
    }
    // The AVIF files, offered first, are served as `image/avif`.
    let avifs = srcset_of("image/avif");
    assert!(
        avifs.iter().any(|u| u.ends_with(".1600w.avif")),
        "{swapped}"
    );
    for url in avifs.iter().filter(|u| u.ends_with(".avif")) {
        let (status, head, body) = http(&addr, url);
        assert_eq!(status, 200, "{url}: {head}");
        assert!(
            head.to_ascii_lowercase()
                .contains("content-type: image/avif"),
            "{url}: {head}"
        );
        assert_eq!(body.get(4..12), Some(&b"ftypavif"[..]), "{url}");
    }
    assert!(run.output().contains("variant"), "{}", run.output());
    run.interrupt();
}
