//! The studio (`gazette serve --edit`, `gazette edit`) as a real process
//! on a copy of the example site: who it answers (loopback only, its own
//! `Host` and `Origin`, its token), the « Modifier cet article » link of
//! the preview's pages, and its API driven over HTTP the way its page
//! drives it.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{NOW, Running, TestSite, browser, http, manifest_dir, png, send};

/// Starts `gazette <args>` on `root` and returns it with its address
/// (`127.0.0.1:port`) once the studio's line is printed.
fn start(root: &Path, args: &[&str]) -> (Running, String) {
    start_with(root, args, &[])
}

/// [`start`] with more environment variables.
fn start_with(root: &Path, args: &[&str], env: &[(&str, &OsStr)]) -> (Running, String) {
    let run = Running::start_with(root, args, env);
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
    let remote = git_site(&site);
    let Studio { run, addr, .. } = Studio::start(&site);
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
        &site,
        &remote,
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
    // (With embargoed articles: the one given an image is dated after the
    // tests' « now ».)
    let out = site.parent().join("built");
    let run = site.gazette(&["build", "--future", "--output", &out.display().to_string()]);
    run.assert_ok();
    let page = std::fs::read_to_string(
        out.join("actualites/rencontre-avec-l-equipe-d-accueil-de-rouen/index.html"),
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
    let aidants = std::fs::read_to_string(out.join("vie-au-travail/salaries-aidants/index.html"))
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

// ---------------------------------------------------------------------------
// The API as the studio's page calls it: what a writer notices on disk, in
// the built site and in git.

/// The article every editing test opens: a single file of the example.
const ARTICLE: &str = "content/actualites/comment-publier-sur-l-intranet.md";

/// The environment of every process of these tests: "now" fixed, and git
/// blind to the machine's configuration and to any repository above the
/// test's folder.
fn isolated_env(site: &TestSite) -> Vec<(&'static str, std::ffi::OsString)> {
    let empty = site.parent().join("empty.gitconfig");
    if !empty.exists() {
        std::fs::write(&empty, "").expect("empty git config");
    }
    vec![
        ("SOURCE_DATE_EPOCH", NOW.to_string().into()),
        ("GIT_CONFIG_GLOBAL", empty.into()),
        ("GIT_CONFIG_NOSYSTEM", "1".into()),
        ("GIT_CEILING_DIRECTORIES", site.parent().into()),
    ]
}

/// A running studio and what its page holds: address and token.
struct Studio {
    run: Running,
    addr: String,
    token: String,
}

impl Studio {
    /// `gazette serve --edit --port 0` on `site`, in [`isolated_env`].
    fn start(site: &TestSite) -> Studio {
        let env = isolated_env(site);
        let env: Vec<(&str, &OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
        let (run, addr) = start_with(&site.root, &["serve", "--edit", "--port", "0"], &env);
        let token = token(&addr);
        Studio { run, addr, token }
    }

    /// Sends a call of the API as the page does (its origin, its token)
    /// and reads the JSON answer.
    fn call(&self, method: &str, call: &str, content_type: &str, body: &[u8]) -> (u16, Value) {
        let head = format!(
            "{method} /__gazette/studio/api/{call} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nx-gazette-token: {token}\r\nContent-Type: {content_type}\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n",
            addr = self.addr,
            token = self.token,
            len = body.len()
        );
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        stream.write_all(head.as_bytes()).expect("send head");
        stream.write_all(body).expect("send body");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("answer");
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("an HTTP answer");
        let status_line = String::from_utf8_lossy(&raw[..split]).into_owned();
        let status = status_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status");
        let json = serde_json::from_slice(&raw[split + 4..]).unwrap_or_else(|e| {
            panic!(
                "{call}: not JSON ({e}): {}",
                String::from_utf8_lossy(&raw[split + 4..])
            )
        });
        (status, json)
    }

    /// `GET api/<call>`.
    fn get(&self, call: &str) -> (u16, Value) {
        self.call("GET", call, "application/json", b"")
    }

    /// `POST api/<call>` with a JSON body.
    fn post(&self, call: &str, body: &Value) -> (u16, Value) {
        self.call(
            "POST",
            call,
            "application/json",
            body.to_string().as_bytes(),
        )
    }

    /// The article at `path` as the form opens it.
    fn open(&self, path: &str) -> Value {
        let (status, article) = self.get(&format!("article?path={}", encode(path)));
        assert_eq!(status, 200, "{article}");
        article
    }
}

/// A query string's value, percent-encoded.
fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// What « Enregistrer » sends for an opened article: its path, values,
/// body and version.
fn save_of(article: &Value) -> Value {
    json!({
        "path": article["path"],
        "values": article["values"],
        "body": article["body"],
        "version": article["version"],
    })
}

/// A file of the site, as text.
fn read(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// `git <args>` in `dir`, isolated like the studio; must succeed.
fn git(site: &TestSite, dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .envs(isolated_env(site))
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `gazette build -o <temp>/built` of the site, which must succeed; the
/// output folder.
fn build(site: &TestSite) -> std::path::PathBuf {
    let out = site.parent().join("built");
    let run = site.gazette(&["build", "--output", &out.display().to_string()]);
    run.assert_ok();
    out
}

#[test]
fn saving_an_article_rewrites_only_what_changed() {
    let site = TestSite::example();
    let studio = Studio::start(&site);
    let before = std::fs::read(site.path(ARTICLE)).expect("article");
    let modified = || {
        std::fs::metadata(site.path(ARTICLE))
            .and_then(|m| m.modified())
            .expect("modification time")
    };
    let untouched = modified();

    let article = studio.open(ARTICLE);
    assert_eq!(article["values"]["title"], "Comment publier sur l'intranet");
    let (status, saved) = studio.post("save", &save_of(&article));
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["unchanged"], true, "{saved}");
    assert_eq!(saved["version"], article["version"]);
    assert_eq!(std::fs::read(site.path(ARTICLE)).expect("article"), before);
    assert_eq!(modified(), untouched, "not even rewritten");

    let mut changed = save_of(&article);
    changed["values"]["title"] = json!("Publier sur l'intranet : le pas-à-pas");
    let (status, saved) = studio.post("save", &changed);
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["unchanged"], false, "{saved}");
    let before = String::from_utf8(before).expect("UTF-8");
    let after = read(&site, ARTICLE);
    let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(old.len(), new.len(), "{after}");
    let differ: Vec<(&str, &str)> = old
        .iter()
        .zip(&new)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (*a, *b))
        .collect();
    assert_eq!(
        differ,
        [(
            "title: Comment publier sur l'intranet",
            "title: \"Publier sur l'intranet : le pas-à-pas\""
        )]
    );
    // The form opened again shows the new title, at the saved version.
    let again = studio.open(ARTICLE);
    assert_eq!(
        again["values"]["title"],
        "Publier sur l'intranet : le pas-à-pas"
    );
    assert_eq!(again["version"], saved["version"]);
    studio.run.interrupt();
}

#[test]
fn an_invalid_date_is_placed_on_its_field_and_saved_only_as_a_draft() {
    let site = TestSite::example();
    let studio = Studio::start(&site);
    let before = std::fs::read(site.path(ARTICLE)).expect("article");
    let mut draft = save_of(&studio.open(ARTICLE));
    draft["values"]["date"] = json!("2026-13-45");

    let (status, previewed) = studio.post("preview", &draft);
    assert_eq!(status, 200, "{previewed}");
    let on_date: Vec<&Value> = previewed["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["field"] == json!(["date"]))
        .collect();
    assert_eq!(on_date.len(), 1, "{previewed}");
    let diagnostic = on_date[0];
    insta::assert_snapshot!(
        "studio-invalid-date",
        serde_json::to_string_pretty(diagnostic).expect("JSON")
    );

    // With an error, « Enregistrer » writes nothing.
    let (status, refused) = studio.post("save", &draft);
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .contains(diagnostic),
        "{refused}"
    );
    assert_eq!(std::fs::read(site.path(ARTICLE)).expect("article"), before);

    // As a draft, it is saved, marked so.
    draft["as_draft"] = json!(true);
    let (status, saved) = studio.post("save", &draft);
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["as_draft"], true, "{saved}");
    assert_eq!(saved["values"]["draft"], true, "{saved}");
    let text = read(&site, ARTICLE);
    assert!(text.lines().any(|l| l == "draft: true"), "{text}");
    // The date kept as typed, for the writer to correct later (quoted:
    // it is no date).
    assert!(text.lines().any(|l| l == "date: \"2026-13-45\""), "{text}");
    studio.run.interrupt();

    // The command line says the same about the saved file.
    let check = site.gazette(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    for key in ["message", "help"] {
        let said = diagnostic[key].as_str().expect(key);
        assert!(check.stderr.contains(said), "{said}\n{}", check.stderr);
    }
    assert!(
        check.stderr.contains(&format!(
            "{ARTICLE}:{}:{}",
            diagnostic["line"], diagnostic["column"]
        )),
        "{}",
        check.stderr
    );
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten_unasked() {
    let site = TestSite::example();
    let studio = Studio::start(&site);
    let article = studio.open(ARTICLE);
    let theirs = read(&site, ARTICLE).replace(
        "\n## Écrire en Markdown",
        "\nUn paragraphe ajouté par une collègue.\n\n## Écrire en Markdown",
    );
    site.write(ARTICLE, &theirs);

    let mut mine = save_of(&article);
    mine["values"]["title"] = json!("Publier sur l'intranet");
    let (status, conflict) = studio.post("save", &mine);
    assert_eq!(status, 409, "{conflict}");
    let current = studio.open(ARTICLE)["version"].clone();
    assert_eq!(conflict, json!({"conflict": true, "current": current}));
    assert_eq!(read(&site, ARTICLE), theirs);

    // « Écraser »: saved over the other writer's file, with the form's body.
    mine["version"] = current;
    let (status, saved) = studio.post("save", &mine);
    assert_eq!(status, 200, "{saved}");
    let now = read(&site, ARTICLE);
    assert!(now.contains("\ntitle: Publier sur l'intranet\n"), "{now}");
    assert!(!now.contains("ajouté par une collègue"), "{now}");
    studio.run.interrupt();
}

#[test]
fn comments_go_only_once_the_writer_agreed() {
    let site = TestSite::example();
    let path = "content/actualites/note-commentee.md";
    let hand_written = "---\ntitle: Une note écrite à la main\ndate: 2026-02-01\ntags:\n  # validés par la rédaction en janvier\n  - intranet\n  - formation\n---\nLe texte de la note.\n";
    site.write(path, hand_written);
    let studio = Studio::start(&site);
    let mut draft = save_of(&studio.open(path));
    draft["values"]["tags"] = json!(["intranet"]);

    let (status, answer) = studio.post("save", &draft);
    assert_eq!(status, 409, "{answer}");
    assert_eq!(answer, json!({"lost_comments": ["tags"]}));
    assert_eq!(read(&site, path), hand_written);

    draft["accept_lost_comments"] = json!(true);
    let (status, saved) = studio.post("save", &draft);
    assert_eq!(status, 200, "{saved}");
    assert_eq!(
        read(&site, path),
        "---\ntitle: Une note écrite à la main\ndate: 2026-02-01\ntags: [intranet]\n---\nLe texte de la note.\n"
    );
    studio.run.interrupt();
}

#[test]
fn a_new_interview_is_saved_under_its_title_and_built() {
    let site = TestSite::example();
    let studio = Studio::start(&site);
    let (status, new) = studio.get("new?section=actualites&kind=interview");
    assert_eq!(status, 200, "{new}");
    let questions = new["values"]["interview"]["questions"]
        .as_array()
        .expect("the interview's questions")
        .clone();
    assert!(!questions.is_empty(), "{new}");
    let mut values = new["values"].clone();
    values["title"] = json!("Entretien avec la médiatrice");
    // Ready to appear: the writer unticks « Brouillon ».
    values.as_object_mut().expect("values").remove("draft");
    let draft = json!({"section": "actualites", "values": values, "body": new["body"]});

    let (status, saved) = studio.post("save", &draft);
    assert_eq!(status, 200, "{saved}");
    let path = "content/actualites/entretien-avec-la-mediatrice.md";
    assert_eq!(saved["path"], path, "{saved}");
    let first = read(&site, path);
    assert!(
        first.contains("title: Entretien avec la médiatrice\n"),
        "{first}"
    );

    // The same title again: a new file beside it, the first one kept.
    let (status, again) = studio.post("save", &draft);
    assert_eq!(status, 200, "{again}");
    assert_eq!(
        again["path"],
        "content/actualites/entretien-avec-la-mediatrice-2.md"
    );
    assert_eq!(read(&site, path), first);
    studio.run.interrupt();

    let out = build(&site);
    let page =
        std::fs::read_to_string(out.join("actualites/entretien-avec-la-mediatrice/index.html"))
            .expect("the interview's page");
    for question in &questions {
        let q = question["q"].as_str().expect("a question");
        // French typography puts a narrow space before « ? ».
        let words = q.trim_end_matches(['?', ' ']);
        assert!(page.contains(words), "{words}:\n{page}");
    }
}

#[test]
fn an_image_turns_a_single_file_article_into_a_folder() {
    let site = TestSite::example();
    let path = "content/actualites/challenge-mobilite-douce.md";
    let studio = Studio::start(&site);
    let article = studio.open(path);
    let before = read(&site, path);
    let query = format!(
        "image?path={}&name={}&version={}",
        encode(path),
        encode("Départ du challenge.PNG"),
        article["version"].as_str().expect("version")
    );
    let (status, added) = studio.call("POST", &query, "image/png", &png(64, 48));
    assert_eq!(status, 200, "{added}");
    let bundle = "content/actualites/challenge-mobilite-douce";
    assert_eq!(added["path"], format!("{bundle}/index.md"), "{added}");
    let image = added["image"].as_str().expect("the image's name");
    assert_eq!(image, "depart-du-challenge.png");
    assert_eq!(
        std::fs::read(site.path(&format!("{bundle}/{image}"))).expect("the image"),
        png(64, 48)
    );
    assert!(!site.path(path).exists(), "the single file is gone");
    // It has no relative link: its text moved as it was.
    assert_eq!(read(&site, &format!("{bundle}/index.md")), before);
    // The form saves at the version the answer gave.
    assert_eq!(
        studio.open(&format!("{bundle}/index.md"))["version"],
        added["version"]
    );
    // A second image of the same name, into the folder it now is: beside
    // the first, which stays.
    let query = format!(
        "image?path={}&name={}&version={}",
        encode(&format!("{bundle}/index.md")),
        encode("Départ du challenge.PNG"),
        added["version"].as_str().expect("version")
    );
    let (status, second) = studio.call("POST", &query, "image/png", &png(20, 10));
    assert_eq!(status, 200, "{second}");
    assert_eq!(second["path"], format!("{bundle}/index.md"), "{second}");
    assert_eq!(second["image"], "depart-du-challenge-2.png", "{second}");
    assert_eq!(
        std::fs::read(site.path(&format!("{bundle}/{image}"))).expect("the first image"),
        png(64, 48)
    );
    studio.run.interrupt();

    let out = build(&site);
    assert!(
        out.join("actualites/challenge-mobilite-douce/index.html")
            .is_file()
    );
}

/// Makes the site's folder a git repository whose branch `main` tracks a
/// bare remote beside it (`<temp>/remote.git`), everything committed by
/// « Camille Rédaction »; returns the remote.
fn git_site(site: &TestSite) -> std::path::PathBuf {
    let root = &site.root;
    site.write(".gitignore", "output/\n.gazette-cache/\n");
    git(site, root, &["init", "-q", "-b", "main"]);
    git(site, root, &["config", "user.name", "Camille Rédaction"]);
    git(site, root, &["config", "user.email", "camille@example.org"]);
    git(site, root, &["add", "-A"]);
    git(site, root, &["commit", "-q", "-m", "Le site"]);
    let remote = site.parent().join("remote.git");
    git(
        site,
        site.parent(),
        &["init", "-q", "--bare", "-b", "main", "remote.git"],
    );
    git(
        site,
        root,
        &["remote", "add", "origin", &remote.display().to_string()],
    );
    git(site, root, &["push", "-q", "-u", "origin", "main"]);
    remote
}

#[test]
fn publish_commits_the_article_alone_and_pushes_it() {
    let site = TestSite::example();
    let remote = git_site(&site);
    // Another change of the site, not the article's: not published.
    site.write(
        "content/actualites/brouillon-a-part.md",
        "---\ntitle: À part\ndate: 2026-01-01\n---\nTexte.\n",
    );
    let studio = Studio::start(&site);

    let (status, values) = studio.get("site");
    assert_eq!(status, 200, "{values}");
    assert_eq!(values["git"], true, "{values}");
    assert_eq!(values["git_author"], "Camille Rédaction", "{values}");

    let mut draft = save_of(&studio.open(ARTICLE));
    draft["values"]["title"] = json!("Publier sur l'intranet");
    let (status, saved) = studio.post("save", &draft);
    assert_eq!(status, 200, "{saved}");
    let (status, published) = studio.post(
        "publish",
        &json!({"path": ARTICLE, "message": "Titre raccourci", "author": "Alex Martin"}),
    );
    assert_eq!(status, 200, "{published}");
    assert_eq!(published["pushed"], true, "{published}");
    studio.run.interrupt();

    let log = git(
        &site,
        &remote,
        &["log", "-1", "--format=%an%n%cn%n%s", "--name-only", "main"],
    );
    assert_eq!(
        log.lines().filter(|l| !l.is_empty()).collect::<Vec<_>>(),
        ["Alex Martin", "Alex Martin", "Titre raccourci", ARTICLE]
    );
    let committed = git(&site, &remote, &["show", &format!("main:{ARTICLE}")]);
    assert_eq!(committed, read(&site, ARTICLE));
}

#[test]
fn without_git_publish_says_the_site_is_no_repository() {
    let site = TestSite::example();
    let studio = Studio::start(&site);
    let (status, values) = studio.get("site");
    assert_eq!(status, 200, "{values}");
    assert_eq!(values["git"], false, "{values}");
    assert_eq!(values["git_author"], Value::Null, "{values}");

    let (status, answer) = studio.post(
        "publish",
        &json!({"path": ARTICLE, "message": "Titre raccourci", "author": "Alex Martin"}),
    );
    assert_eq!(status, 409, "{answer}");
    let error = answer["error"].as_str().expect("an error");
    assert!(error.contains("n’est pas un dépôt git"), "{error}");
    studio.run.interrupt();
}

#[test]
fn publishing_an_article_made_a_folder_commits_its_move_and_the_links_to_it() {
    let site = TestSite::example();
    let remote = git_site(&site);
    let path = "content/vie-au-travail/reunions-efficaces.md";
    let studio = Studio::start(&site);
    let article = studio.open(path);
    let query = format!(
        "image?path={}&name=salle.png&version={}",
        encode(path),
        article["version"].as_str().expect("version")
    );
    let (status, added) = studio.call("POST", &query, "image/png", &png(32, 32));
    assert_eq!(status, 200, "{added}");
    let moved = added["path"].as_str().expect("the new path").to_string();
    let (status, published) = studio.post(
        "publish",
        &json!({"path": moved, "message": "Une photo de la salle", "author": "Alex Martin"}),
    );
    assert_eq!(status, 200, "{published}");
    assert_eq!(published["pushed"], true, "{published}");
    studio.run.interrupt();

    let changes = git(
        &site,
        &remote,
        &["show", "--format=", "--name-status", "--no-renames", "main"],
    );
    let mut changes: Vec<&str> = changes.lines().collect();
    changes.sort_unstable();
    assert_eq!(
        changes,
        [
            "A\tcontent/vie-au-travail/reunions-efficaces/index.md",
            "A\tcontent/vie-au-travail/reunions-efficaces/salle.png",
            "D\tcontent/vie-au-travail/reunions-efficaces.md",
            "M\tcontent/actualites/2026-03-12-accord-teletravail-signe.md",
            "M\tcontent/actualites/comment-publier-sur-l-intranet.md",
            "M\tcontent/vie-au-travail/guide-droit-a-la-deconnexion/index.md",
        ]
    );
    // Nothing of the move is left out of the commit.
    assert_eq!(git(&site, &site.root, &["status", "--porcelain"]), "");
}

#[test]
fn an_error_of_the_theme_is_placed_on_no_field_of_the_article() {
    let site = TestSite::example();
    // A template that fails only for an article with `extra.boom`, at its
    // line 3 (the article's line 3 is its date).
    let template = site.path("themes/gazette/templates/article.html");
    let original = std::fs::read_to_string(&template).expect("template");
    let (first, rest) = original.split_at(original.find("{#-").expect("a comment"));
    std::fs::write(
        &template,
        format!("{first}{{% if article.extra.boom %}}{{{{ article.extra.boom.missing }}}}{{% endif %}}\n{rest}"),
    )
    .expect("template written");
    let studio = Studio::start(&site);
    let mut draft = save_of(&studio.open(ARTICLE));
    draft["values"]["extra"] = json!({"boom": 1});

    let (status, previewed) = studio.post("preview", &draft);
    assert_eq!(status, 200, "{previewed}");
    let errors: Vec<&Value> = previewed["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{previewed}");
    let error = errors[0];
    assert_eq!(
        error["file"], "themes/gazette/templates/article.html",
        "{error}"
    );
    assert_eq!(error["line"], 3, "{error}");
    assert_eq!(error["field"], json!([]), "{error}");
    studio.run.interrupt();
}

#[test]
fn a_file_deleted_on_disk_is_recreated_only_when_the_writer_chooses() {
    let site = TestSite::example();
    let studio = Studio::start(&site);
    let mut mine = save_of(&studio.open(ARTICLE));
    mine["values"]["title"] = json!("Publier sur l'intranet");
    site.remove(ARTICLE);

    let (status, conflict) = studio.post("save", &mine);
    assert_eq!(status, 409, "{conflict}");
    assert_eq!(conflict, json!({"conflict": true, "current": null}));
    assert!(!site.path(ARTICLE).exists(), "nothing written");
    // The preview still shows the writer's text.
    let (status, previewed) = studio.post("preview", &mine);
    assert_eq!(status, 200, "{previewed}");
    assert!(
        previewed["html"]
            .as_str()
            .is_some_and(|h| h.contains("Publier sur l’intranet")),
        "{previewed}"
    );

    // « Écraser » (the version the conflict gave: none): the file is back,
    // with the form's text.
    mine["version"] = conflict["current"].clone();
    let (status, saved) = studio.post("save", &mine);
    assert_eq!(status, 200, "{saved}");
    let back = studio.open(ARTICLE);
    assert_eq!(back["values"], mine["values"]);
    assert_eq!(back["body"], mine["body"]);
    assert_eq!(back["version"], saved["version"]);
    studio.run.interrupt();
}

#[test]
fn an_article_whose_header_is_broken_opens_with_the_command_line_s_error() {
    let site = TestSite::example();
    let path = "content/actualites/en-tete-casse.md";
    site.write(
        path,
        "---\ntitle: Un en-tête cassé\ndate: 2026-02-01\ntags: [intranet\n---\nLe texte.\n",
    );
    let studio = Studio::start(&site);
    let (status, answer) = studio.get(&format!("article?path={}", encode(path)));
    studio.run.interrupt();
    assert_eq!(status, 422, "{answer}");
    let error = answer["error"].as_str().expect("an error");
    let check = site.gazette(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    let first = error.lines().next().expect("a line");
    assert!(first.starts_with("erreur : "), "{error}");
    assert!(check.stderr.contains(first), "{error}\n{}", check.stderr);
}

#[test]
fn a_new_article_is_published_by_the_repository_s_author_when_none_is_given() {
    let site = TestSite::example();
    let remote = git_site(&site);
    let studio = Studio::start(&site);
    let (_, new) = studio.get("new?section=vie-au-travail&kind=article");
    let mut values = new["values"].clone();
    values["title"] = json!("Le télétravail en été");
    let (status, saved) = studio.post(
        "save",
        &json!({"section": "vie-au-travail", "values": values, "body": "Le texte.\n"}),
    );
    assert_eq!(status, 200, "{saved}");
    let path = saved["path"].as_str().expect("its path").to_string();
    assert_eq!(path, "content/vie-au-travail/le-teletravail-en-ete.md");
    let (status, published) = studio.post(
        "publish",
        &json!({"path": path, "message": "Nouvel article", "author": " "}),
    );
    assert_eq!(status, 200, "{published}");
    assert_eq!(published["pushed"], true, "{published}");
    studio.run.interrupt();

    let log = git(
        &site,
        &remote,
        &[
            "log",
            "-1",
            "--format=%an <%ae>%n%s",
            "--name-status",
            "main",
        ],
    );
    assert_eq!(
        log.lines().filter(|l| !l.is_empty()).collect::<Vec<_>>(),
        [
            "Camille Rédaction <camille@example.org>",
            "Nouvel article",
            &format!("A\t{path}"),
        ]
    );
}

#[test]
fn a_title_that_names_no_file_is_said_and_not_offered_as_a_draft() {
    let site = TestSite::example();
    let studio = Studio::start(&site);
    let (_, new) = studio.get("new?section=actualites&kind=article");
    let mut values = new["values"].clone();
    values["title"] = json!("« ? »");
    let mut draft = json!({"section": "actualites", "values": values, "body": "Le texte.\n"});
    let before = crate::support::tree(&site.path("content"));
    for as_draft in [false, true] {
        draft["as_draft"] = json!(as_draft);
        let (status, answer) = studio.post("save", &draft);
        // Not 422, which the page reads as « errors: save it as a draft ».
        assert_eq!(status, 400, "{answer}");
        assert_eq!(
            answer,
            json!({"error": "le titre n’a ni lettre ni chiffre pour nommer le fichier : écrivez un titre, ou un nom de fichier (slug)"})
        );
    }
    assert_eq!(crate::support::tree(&site.path("content")), before);
    studio.run.interrupt();
}

#[test]
fn a_title_left_empty_is_placed_on_its_field() {
    let site = TestSite::example();
    let studio = Studio::start(&site);
    let mut draft = save_of(&studio.open(ARTICLE));
    draft["values"]["title"] = json!("");
    let (status, previewed) = studio.post("preview", &draft);
    assert_eq!(status, 200, "{previewed}");
    let missing: Vec<&Value> = previewed["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "front-matter-missing-key")
        .collect();
    assert_eq!(missing.len(), 1, "{previewed}");
    assert_eq!(missing[0]["field"], json!(["title"]), "{previewed}");
    // The command line's help (add a line to the header) is for a file.
    assert_eq!(missing[0]["help"], Value::Null, "{previewed}");
    studio.run.interrupt();
}

#[test]
fn publish_refuses_an_article_with_errors_and_sends_again_what_could_not_be_sent() {
    let site = TestSite::example();
    let remote = git_site(&site);
    let studio = Studio::start(&site);

    // Saved as a draft with a wrong date: not published (it would stop the
    // site's build).
    let mut draft = save_of(&studio.open(ARTICLE));
    draft["values"]["date"] = json!("2026-13-45");
    draft["as_draft"] = json!(true);
    let (status, saved) = studio.post("save", &draft);
    assert_eq!(status, 200, "{saved}");
    let head = git(&site, &site.root, &["rev-parse", "HEAD"]);
    let (status, refused) = studio.post(
        "publish",
        &json!({"path": ARTICLE, "message": "Brouillon", "author": "Alex Martin"}),
    );
    assert_eq!(status, 422, "{refused}");
    assert_eq!(
        refused["error"],
        "Publication impossible : l’article enregistré a des erreurs (voir « Problèmes à corriger ») ; publié, il empêcherait la construction du site. Corrigez-les, enregistrez, puis publiez."
    );
    assert_eq!(git(&site, &site.root, &["rev-parse", "HEAD"]), head);

    // Fixed, then published while the remote is out of reach: committed,
    // not sent; published again once it is back: sent.
    let mut draft = save_of(&studio.open(ARTICLE));
    draft["values"]["date"] = json!("2026-02-16");
    draft["values"]["draft"] = Value::Null;
    draft["values"]["title"] = json!("Publier sur l'intranet, pas à pas");
    let (status, saved) = studio.post("save", &draft);
    assert_eq!(status, 200, "{saved}");
    let away = site.parent().join("away.git");
    std::fs::rename(&remote, &away).expect("the remote goes away");
    let request = json!({"path": ARTICLE, "message": "Date corrigée", "author": "Alex Martin"});
    let (status, published) = studio.post("publish", &request);
    assert_eq!(status, 200, "{published}");
    assert_eq!(published["pushed"], false, "{published}");
    std::fs::rename(&away, &remote).expect("the remote is back");
    let (status, published) = studio.post("publish", &request);
    assert_eq!(status, 200, "{published}");
    assert_eq!(published["pushed"], true, "{published}");
    assert!(
        published["message"]
            .as_str()
            .is_some_and(|m| m.contains("envoyé sur origin/main")),
        "{published}"
    );
    studio.run.interrupt();
    assert_eq!(
        git(&site, &remote, &["log", "-1", "--format=%s", "main"]).trim(),
        "Date corrigée"
    );
}

#[test]
fn a_document_to_download_is_copied_beside_its_article_and_listed() {
    let site = TestSite::example();
    let path = "content/actualites/challenge-mobilite-douce.md";
    let studio = Studio::start(&site);
    let article = studio.open(path);
    let version = article["version"].as_str().expect("version");
    let upload = |name: &str, bytes: &[u8]| {
        let query = format!(
            "image?path={}&name={}&version={version}&kind=document",
            encode(path),
            encode(name)
        );
        studio.call("POST", &query, "application/octet-stream", bytes)
    };
    // A page that a browser would run, and a file whose bytes are not what
    // its name says: refused, nothing moved.
    let (status, refused) = upload("programme.html", b"<script>alert(1)</script>");
    assert_eq!(status, 400, "{refused}");
    assert_eq!(
        refused["error"],
        "« programme.html » n’est pas un document que le studio copie : choisissez un fichier pdf, odt, ods, odp, docx, xlsx, pptx, doc, xls, ppt, csv, txt"
    );
    let (status, refused) = upload("Règlement.pdf", b"not a PDF");
    assert_eq!(status, 400, "{refused}");
    assert!(site.path(path).is_file());

    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    let (status, added) = upload("Règlement du challenge.PDF", pdf);
    assert_eq!(status, 200, "{added}");
    assert_eq!(added["image"], "reglement-du-challenge.pdf", "{added}");
    let moved = added["path"]
        .as_str()
        .expect("the article's path")
        .to_string();
    // The form lists it under « Documents à télécharger » and saves.
    let mut draft = save_of(&studio.open(&moved));
    draft["values"]["downloads"] = json!([
        {"file": "reglement-du-challenge.pdf", "title": "Le règlement du challenge"}
    ]);
    let (status, saved) = studio.post("save", &draft);
    assert_eq!(status, 200, "{saved}");
    studio.run.interrupt();

    let out = build(&site);
    let page = std::fs::read_to_string(out.join("actualites/challenge-mobilite-douce/index.html"))
        .expect("the page");
    assert!(page.contains("reglement-du-challenge.pdf"), "{page}");
    assert!(page.contains("Le règlement du challenge"), "{page}");
}
