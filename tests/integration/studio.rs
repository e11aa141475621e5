//! The studio (`gazette serve --edit`, `gazette edit`) as a real process
//! on a copy of the example site: who it answers (loopback only, its own
//! `Host` and `Origin`, its token), the « Modifier cet article » link of
//! the preview's pages, and its API driven over HTTP the way its page
//! drives it.

use std::process::Command;

use crate::support::{Running, TestSite, browser, http, manifest_dir, send};

/// Starts `gazette <args>` on `root` and returns it with its address
/// (`127.0.0.1:port`) once the studio's line is printed.
fn start(root: &std::path::Path, args: &[&str]) -> (Running, String) {
    let run = Running::start(root, args);
    let addr = address(&run);
    (run, addr)
}

/// The address (`127.0.0.1:port`) of a running studio, once its line is
/// printed.
fn address(run: &Running) -> String {
    let line = run.wait_line("/__gazette/studio/", 0);
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the studio's address");
    url.trim_start_matches("http://")
        .split('/')
        .next()
        .expect("host and port")
        .to_string()
}

/// The token the studio's page carries.
fn token(addr: &str) -> String {
    let (status, _, body) = http(addr, "/__gazette/studio/");
    assert_eq!(status, 200);
    let page = String::from_utf8(body).expect("UTF-8 page");
    let at = page
        .find("name=\"gazette-token\" content=\"")
        .expect("the token's meta element")
        + "name=\"gazette-token\" content=\"".len();
    page[at..at + 64].to_string()
}

/// A POST of `json` to the studio's API call `call`, with these extra
/// header lines.
fn post(addr: &str, call: &str, headers: &str, json: &str) -> (u16, String) {
    let (status, _, body) = send(
        addr,
        &format!(
            "POST /__gazette/studio/api/{call} HTTP/1.1\r\nHost: {addr}\r\n{headers}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{json}",
            json.len()
        ),
    );
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// A GET of the API call `call`, with these extra header lines.
fn get(addr: &str, call: &str, headers: &str) -> (u16, String) {
    let (status, _, body) = send(
        addr,
        &format!(
            "GET /__gazette/studio/api/{call} HTTP/1.1\r\nHost: {addr}\r\n{headers}Connection: close\r\n\r\n"
        ),
    );
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[test]
fn edit_refuses_an_address_other_computers_reach() {
    let site = TestSite::example();
    for args in [
        &["serve", "--edit", "--bind", "0.0.0.0", "--port", "0"][..],
        &["edit", "--bind", "0.0.0.0", "--port", "0"][..],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_gazette"))
            .arg("--root")
            .arg(&site.root)
            .args(args)
            .env("BROWSER", "false")
            .output()
            .expect("gazette runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        insta::assert_snapshot!("edit-not-loopback", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn the_studio_answers_its_own_page_only_with_its_token() {
    let site = TestSite::example();
    let (run, addr) = start(&site.root, &["serve", "--edit", "--port", "0"]);
    let token = token(&addr);
    let origin = format!("Origin: http://{addr}\r\n");
    let with_token = format!("x-gazette-token: {token}\r\n");

    // Its page's script and stylesheet are served from the binary.
    for asset in ["studio.js", "studio.css"] {
        let (status, head, _) = http(&addr, &format!("/__gazette/studio/{asset}"));
        assert_eq!(status, 200, "{asset}: {head}");
    }

    // The site's values, with the token only.
    let (status, body) = get(&addr, "site", "");
    assert_eq!(status, 403);
    assert_eq!(
        body,
        r#"{"error":"Cette demande ne vient pas de la page du studio ouverte par Gazette : rechargez la page du studio, puis recommencez."}"#
    );
    let (status, body) = get(&addr, "site", "x-gazette-token: 0123\r\n");
    assert_eq!(status, 403, "{body}");
    let (status, body) = get(&addr, "site", &with_token);
    assert_eq!(status, 200, "{body}");
    let site_values: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let titles: Vec<&str> = site_values["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    // Drafts and embargoed articles are listed: the writer must find them.
    assert!(
        titles.contains(&"Semaine de la qualité de vie au travail : le programme"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Mobilité interne 2027 : 120 postes ouverts dans le réseau"),
        "{titles:?}"
    );
    assert_eq!(site_values["model"][0]["key"], "title");

    // A page of another site posting to it: refused before the studio sees it.
    let (status, body) = post(
        &addr,
        "preview",
        &format!("Origin: http://evil.example\r\n{with_token}"),
        "{}",
    );
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("evil.example"), "{body}");
    // From its own page without the token: refused.
    let (status, _) = post(&addr, "preview", &origin, "{}");
    assert_eq!(status, 403);

    // A name that is not the studio's (DNS rebinding): refused.
    let (status, _, body) = send(
        &addr,
        &format!(
            "GET /__gazette/studio/ HTTP/1.1\r\nHost: evil.example:{}\r\nConnection: close\r\n\r\n",
            addr.rsplit(':').next().expect("a port")
        ),
    );
    assert_eq!(status, 421, "{}", String::from_utf8_lossy(&body));
    run.interrupt();
}

#[test]
fn preview_pages_link_to_the_studio_only_with_edit() {
    let site = TestSite::example();
    let page = "/actualites/comment-publier-sur-l-intranet/";
    let (run, addr) = start(&site.root, &["serve", "--edit", "--port", "0"]);
    let (status, _, body) = http(&addr, page);
    assert_eq!(status, 200);
    let html = String::from_utf8(body).expect("UTF-8");
    assert!(
        html.contains("<a href=\"/__gazette/studio/#edit=content%2Factualites%2Fcomment-publier-sur-l-intranet.md\" data-gazette-studio"),
        "{html}"
    );
    assert!(html.contains(">Modifier cet article</a>"));
    // A listing is no article: no link.
    let (_, _, listing) = http(&addr, "/actualites/");
    assert!(!String::from_utf8_lossy(&listing).contains("data-gazette-studio"));
    run.interrupt();

    let plain = Running::start(&site.root, &["serve", "--port", "0"]);
    let line = plain.wait_line("http://", 0);
    let addr = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("address")
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let (_, _, body) = http(&addr, page);
    assert!(!String::from_utf8_lossy(&body).contains("data-gazette-studio"));
    let (status, _, _) = http(&addr, "/__gazette/studio/");
    assert_eq!(status, 404, "no studio without --edit");
    plain.interrupt();
}

/// The studio in headless Chromium (`tests/studio-browser.mjs`), as a
/// writer uses it: a new interview made through the form, an invalid date,
/// a title changed, two tabs, the keyboard alone, and axe on every screen;
/// then what it wrote is checked on disk and built.
#[test]
fn the_studio_in_chromium() {
    let (chromium, playwright) = browser();
    let site = TestSite::example();
    let root = site.root.as_path();
    let title_file = root.join("content/actualites/nouvelle-plateforme-formation.md");
    let title_before = std::fs::read_to_string(&title_file).expect("the article");
    // The site is a git repository whose branch follows a remote's.
    let remote = tempfile::tempdir().expect("a remote folder");
    let git = |dir: &std::path::Path, args: &[&str]| {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    git(remote.path(), &["init", "-q", "--bare", "-b", "main"]);
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["config", "user.name", "Équipe web"]);
    git(root, &["config", "user.email", "web@example.org"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "Le site"]);
    let remote_path = remote.path().to_string_lossy().into_owned();
    git(root, &["remote", "add", "origin", &remote_path]);
    git(root, &["push", "-q", "-u", "origin", "main"]);
    let run = Running::start_with(
        root,
        &["serve", "--edit", "--port", "0"],
        &[
            ("GIT_CONFIG_GLOBAL", std::ffi::OsStr::new("/dev/null")),
            ("GIT_CONFIG_NOSYSTEM", std::ffi::OsStr::new("1")),
        ],
    );
    let addr = address(&run);
    let profile = tempfile::tempdir().expect("a profile folder");
    let output = Command::new("node")
        .arg(manifest_dir().join("tests/studio-browser.mjs"))
        .env("PLAYWRIGHT_CORE", &playwright)
        .env("CHROMIUM", chromium)
        .env("PROFILE_DIR", profile.path())
        .env("STUDIO_URL", format!("http://{addr}/__gazette/studio/"))
        .env("SITE_ROOT", root)
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

    // Only the title line changed.
    let title_after = std::fs::read_to_string(&title_file).expect("the article");
    let changed: Vec<(&str, &str)> = title_before
        .lines()
        .zip(title_after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        [(
            "title: Une nouvelle plateforme pour toutes vos formations",
            "title: Une nouvelle plateforme pour toutes vos formations (mis à jour)"
        )]
    );
    assert_eq!(title_before.lines().count(), title_after.lines().count());

    // The interview was published: one commit on the remote, by the
    // writer, with the article alone.
    let log = git(
        remote.path(),
        &["log", "-1", "--format=%an|%s", "--name-status", "main"],
    );
    assert_eq!(
        log.trim(),
        "Claire Martin|Entretien avec l’équipe d’accueil de Rouen\n\nA\tcontent/actualites/rencontre-avec-l-equipe-d-accueil-de-rouen.md"
    );

    // The interview made through the form builds, with its two questions,
    // its testimony and its pull quote. (The article saved as a draft with
    // a wrong date is put back first: it is the writer's to fix.)
    let draft = root.join("content/actualites/comment-publier-sur-l-intranet.md");
    let fixed = std::fs::read_to_string(&draft)
        .expect("the draft")
        .replace("date: \"2026-02-30\"", "date: 2026-02-16")
        .replace("date: 2026-02-30", "date: 2026-02-16");
    std::fs::write(&draft, fixed).expect("fix the date");
    let out = tempfile::tempdir().expect("an output folder");
    let built = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .arg("--root")
        .arg(root)
        .args(["build", "--output"])
        .arg(out.path())
        .output()
        .expect("gazette runs");
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let page = std::fs::read_to_string(
        out.path()
            .join("actualites/rencontre-avec-l-equipe-d-accueil-de-rouen/index.html"),
    )
    .expect("the interview's page");
    for shown in [
        // (French typography puts a narrow no-break space before `?`.)
        "Comment accueillez-vous les visiteurs\u{202f}?",
        "Qu’est-ce qui a changé cette année\u{202f}?",
        "Un accueil attentif, du début à la fin.",
        "Karim B.",
        "Chacun se sent responsable de l’accueil.",
    ] {
        assert!(page.contains(shown), "{shown} is not on the page");
    }
    // The image went into the article's new folder, its text names it, and
    // the old file is gone.
    let bundle = root.join("content/vie-au-travail/salaries-aidants");
    assert!(bundle.join("equipe-aidants.png").is_file());
    assert!(
        std::fs::read_to_string(bundle.join("index.md"))
            .expect("the article, moved")
            .contains("![L’équipe des aidants réunie](equipe-aidants.png)")
    );
    assert!(
        !root
            .join("content/vie-au-travail/salaries-aidants.md")
            .exists()
    );
    let aidants = std::fs::read_to_string(
        out.path()
            .join("vie-au-travail/salaries-aidants/index.html"),
    )
    .expect("its page");
    assert!(
        aidants.contains("alt=\"L’équipe des aidants réunie\""),
        "{aidants}"
    );
    // The article written with the keyboard alone is there too.
    assert!(
        root.join("content/portraits/un-article-ecrit-au-clavier.md")
            .is_file()
    );
}
