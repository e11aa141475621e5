//! What every test of the suite shares, written once: a test site in a
//! temporary folder, the `gazette` binary to run on it (or in any folder),
//! small helpers to read what a reader gets (files, HTML elements), and
//! where the browser tests find Chromium.
//!
//! Fixtures live in `tests/fixtures/{ok,errors,check}/<case>/` without a
//! theme: the default theme is copied from `themes/gazette` at test time, so
//! fixtures always test the theme as it is now. The example site (the
//! crate's own `site.yaml` and `content/`) is copied the same way.
//!
//! One module, not several: each helper is a few lines, and a test file
//! reads better when everything it borrows comes from one place.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// "Now" for every build, as `SOURCE_DATE_EPOCH`: 2026-06-01T00:00:00Z.
pub const NOW: i64 = 1_780_272_000;

/// The crate's folder.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<rel>`.
pub fn fixture_dir(rel: &str) -> PathBuf {
    manifest_dir().join("tests").join("fixtures").join(rel)
}

/// An article of the example site dated in the past (the serve tests use
/// the clock, as a writer does).
pub const EXAMPLE_ARTICLE: &str = "content/actualites/comment-publier-sur-l-intranet.md";

/// The page of [`EXAMPLE_ARTICLE`] in the output.
pub const EXAMPLE_ARTICLE_PAGE: &str = "actualites/comment-publier-sur-l-intranet/index.html";

/// The settings most test sites start from: a title and a base URL.
pub const SETTINGS: &str = "title: Le Fil RH\nbase_url: https://intranet.example.org/\n";

/// An article dated 2026-03-12 whose front matter ends with `extra`.
pub fn article(title: &str, extra: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2026-03-12\n{extra}---\nLe texte.\n")
}

/// Copies a folder recursively (files and folders only).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("mkdir {}: {e}", to.display()));
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        let kind = entry.file_type().expect("file type");
        if kind.is_dir() {
            copy_dir(&entry.path(), &target);
        } else if kind.is_file() {
            fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// Every file under `dir`, by `/`-separated relative path, with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files(dir)
        .into_iter()
        .map(|(rel, path)| (rel, fs::read(&path).expect("read file")))
        .collect()
}

/// Every file under `dir` (nothing if it is missing), by `/`-separated
/// relative path, with its path.
pub fn files(dir: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    collect(dir, dir, &mut out);
    out
}

fn collect(base: &Path, dir: &Path, out: &mut BTreeMap<String, PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let entry = entry.expect("dir entry");
        let path = entry.path();
        if entry.file_type().expect("file type").is_dir() {
            collect(base, &path, out);
        } else {
            let rel = path
                .strip_prefix(base)
                .expect("inside")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.insert(rel, path);
        }
    }
}

/// Appends `text` to a file.
pub fn append(path: &Path, text: &str) {
    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(path)
        .unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    file.write_all(text.as_bytes())
        .unwrap_or_else(|e| panic!("append to {}: {e}", path.display()));
}

/// Replaces the first `from` of a file by `to`; panics if it has none.
#[track_caller]
pub fn replace_in(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1))
        .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// Whether the tests run as root (who owns what they create), for whom
/// permissions mean nothing: permission tests then run the binary as
/// `nobody` through `setpriv`.
pub fn running_as_root(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(dir).expect("metadata").uid() == 0
}

/// The `gazette` binary run as `nobody` through `setpriv` (for permission
/// tests when the tests run as root); the caller gives the folders to it.
pub fn gazette_as_nobody() -> Command {
    let mut command = Command::new("setpriv");
    command.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        env!("CARGO_BIN_EXE_gazette"),
    ]);
    command
}

/// Runs `gazette <args>` in any folder (not only a test site's), with
/// `SOURCE_DATE_EPOCH=now`.
pub fn gazette_in(cwd: &Path, now: i64, args: &[&str]) -> Run {
    Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(args)
        .current_dir(cwd)
        .env("SOURCE_DATE_EPOCH", now.to_string())
        .output()
        .expect("run gazette")
        .into()
}

/// Chromium's executable and playwright-core's folder, for the tests that
/// drive a real browser (through the `tests/*.mjs` scripts); panics with
/// the way to install them when either is missing. playwright-core is the
/// project's own (`tests/browser/node_modules`, pinned by its lockfile and
/// installed by `scripts/browser-deps.sh`) unless `PLAYWRIGHT_CORE` names
/// another folder.
pub fn browser() -> (PathBuf, PathBuf) {
    let chromium = Path::new("/usr/bin/chromium").to_path_buf();
    let playwright = std::env::var_os("PLAYWRIGHT_CORE")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("tests/browser/node_modules/playwright-core"));
    assert!(
        chromium.is_file() && playwright.is_dir(),
        "this test needs Debian's Chromium at {} and playwright-core in {}: run scripts/browser-deps.sh (scripts/test.sh does, before the tests)",
        chromium.display(),
        playwright.display()
    );
    (chromium, playwright)
}

/// The names of the entries of a folder, sorted.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Asserts that a finished build left in the work folder beside its output
/// folder `output` (in `parent`) only what the next build reuses: the tree
/// it replaced, that tree's record and the `.gitignore` keeping them out of
/// git (or nothing at all); never a new tree, a tree set aside or a lock.
pub fn assert_work_folder_settled(parent: &Path, output: &str) {
    let work = parent.join(format!(".{output}.gazette"));
    if !work.exists() {
        return;
    }
    assert_eq!(
        entries(&work),
        [".gitignore", "spare", "spare.record"],
        "the work folder holds more than the kept tree"
    );
}

/// What a run of the binary gave.
#[derive(Debug)]
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(out: Output) -> Self {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Panics with the output unless the run succeeded.
    #[track_caller]
    pub fn assert_ok(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "gazette failed\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// A site in a temporary folder: `<tmp>/site/`, so tests can check that
/// nothing is written beside the site either.
pub struct TestSite {
    tmp: TempDir,
    /// The site root.
    pub root: PathBuf,
}

impl TestSite {
    /// The one published file `<stem>.<8 hex digits>.<ext>`: a theme
    /// stylesheet or script under its content-hashed name.
    pub fn hashed_asset(&self, stem: &str, ext: &str) -> String {
        let found: Vec<String> = self
            .output()
            .into_keys()
            .filter(|p| {
                p.strip_prefix(stem)
                    .and_then(|rest| rest.strip_suffix(ext))
                    .is_some_and(|hash| {
                        hash.len() == 10
                            && hash.starts_with('.')
                            && hash.ends_with('.')
                            && hash[1..9].chars().all(|c| c.is_ascii_hexdigit())
                    })
            })
            .collect();
        assert_eq!(found.len(), 1, "{stem}*{ext}: {found:?}");
        found.into_iter().next().unwrap_or_default()
    }

    /// An empty site folder with the default theme.
    pub fn new() -> Self {
        let tmp = tempfile::Builder::new()
            .prefix("gazette-test-")
            .tempdir()
            .expect("temp dir");
        let root = tmp.path().join("site");
        fs::create_dir_all(&root).expect("site dir");
        copy_dir(
            &manifest_dir().join("themes").join("gazette"),
            &root.join("themes").join("gazette"),
        );
        TestSite { tmp, root }
    }

    /// A copy of `tests/fixtures/<rel>` with the default theme.
    pub fn fixture(rel: &str) -> Self {
        let site = TestSite::new();
        copy_dir(&fixture_dir(rel), &site.root);
        site
    }

    /// A site whose `site.yaml` is [`SETTINGS`] followed by `extra`.
    pub fn with_settings(extra: &str) -> Self {
        let site = TestSite::new();
        site.write("site.yaml", format!("{SETTINGS}{extra}"));
        site
    }

    /// A copy of the example site (the crate's `site.yaml` and `content/`),
    /// with the default theme, and the variants of its photos already in
    /// its cache (`.gazette-cache/`, made once per test run by
    /// [`example_photo_cache`]): a test that builds it does not pay for
    /// encoding its phone-sized photos again.
    pub fn example() -> Self {
        let site = TestSite::example_without_cache();
        copy_dir(example_photo_cache(), &site.path(".gazette-cache"));
        site
    }

    /// A copy of the example site with no cache: its first build encodes
    /// every photo.
    pub fn example_without_cache() -> Self {
        let site = TestSite::new();
        copy_dir(&manifest_dir().join("content"), &site.path("content"));
        fs::copy(manifest_dir().join("site.yaml"), site.path("site.yaml")).expect("copy site.yaml");
        site
    }

    /// The temporary folder that holds the site folder.
    pub fn parent(&self) -> &Path {
        self.tmp.path()
    }

    /// A path under the site root.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Writes a file of the site (folders created).
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }

    /// Removes a file of the site.
    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.path(rel)).unwrap_or_else(|e| panic!("remove {rel}: {e}"));
    }

    /// Runs `gazette <args>` in the site folder, "now" being [`NOW`].
    pub fn gazette(&self, args: &[&str]) -> Run {
        self.gazette_at(NOW, args)
    }

    /// Runs `gazette <args>` in the site folder with `SOURCE_DATE_EPOCH=now`.
    pub fn gazette_at(&self, now: i64, args: &[&str]) -> Run {
        self.gazette_with(&[("SOURCE_DATE_EPOCH", &now.to_string())], args)
    }

    /// Runs `gazette <args>` in the site folder with these environment
    /// variables (and `SOURCE_DATE_EPOCH` = [`NOW`] unless given).
    pub fn gazette_with(&self, vars: &[(&str, &str)], args: &[&str]) -> Run {
        let mut command = self.command(args);
        for (name, value) in vars {
            command.env(name, value);
        }
        command.output().expect("run gazette").into()
    }

    /// The command `gazette <args>` in the site folder, "now" being [`NOW`],
    /// to start (and stop) by hand.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_gazette"));
        command
            .args(args)
            .current_dir(&self.root)
            .env("SOURCE_DATE_EPOCH", NOW.to_string());
        command
    }

    /// `gazette build <args>`, which must succeed.
    #[track_caller]
    pub fn build_ok(&self, args: &[&str]) -> Run {
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        let run = self.gazette(&all);
        run.assert_ok();
        run
    }

    /// A file of `output/`, as text.
    #[track_caller]
    pub fn page(&self, rel: &str) -> String {
        let path = self.root.join("output").join(rel);
        fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "cannot read output/{rel}: {e}\noutput holds: {:#?}",
                tree(&self.root.join("output")).keys().collect::<Vec<_>>()
            )
        })
    }

    /// Whether `output/<rel>` exists.
    pub fn has(&self, rel: &str) -> bool {
        self.root.join("output").join(rel).exists()
    }

    /// Every file of `output/`.
    /// (Gazette's manifest, `.gazette-manifest`, is not for readers: it is
    /// left out; `tree` shows it.)
    pub fn output(&self) -> BTreeMap<String, Vec<u8>> {
        let mut files = tree(&self.root.join("output"));
        files.remove(".gazette-manifest");
        files
    }

    /// Every file of `output/` as text, the search index's gzipped data
    /// unpacked: what any reader, crawler or search box can reach.
    pub fn output_texts(&self) -> BTreeMap<String, String> {
        use std::io::Read;
        self.output()
            .into_iter()
            .map(|(path, bytes)| {
                let text = if path.starts_with("pagefind/")
                    && !path.ends_with(".js")
                    && !path.ends_with(".json")
                {
                    let mut data = Vec::new();
                    let _ = flate2::read::GzDecoder::new(bytes.as_slice()).read_to_end(&mut data);
                    String::from_utf8_lossy(&data).into_owned()
                } else {
                    String::from_utf8_lossy(&bytes).into_owned()
                };
                (path, text)
            })
            .collect()
    }

    /// Replaces the temporary paths in a text by `[SITE]`.
    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_string();
        let mut paths = vec![self.root.clone()];
        if let Ok(canonical) = self.root.canonicalize() {
            paths.push(canonical);
        }
        for p in paths {
            out = out.replace(&p.display().to_string(), "[SITE]");
        }
        out
    }
}

/// Where `text` is in `html`; panics, showing the page, when absent.
#[track_caller]
pub fn position(html: &str, text: &str) -> usize {
    html.find(text)
        .unwrap_or_else(|| panic!("{text:?} not found in {html}"))
}

/// The inner HTML of every `<tag …>…</tag>` of a page, in order (no nesting
/// of the same tag is expected).
pub fn elements(html: &str, tag: &str) -> Vec<String> {
    elements_with_attrs(html, tag)
        .into_iter()
        .map(|(_, inner)| inner)
        .collect()
}

/// `(attributes, inner HTML)` of every `<tag …>…</tag>` of a page.
pub fn elements_with_attrs(html: &str, tag: &str) -> Vec<(String, String)> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        // `<h1` must not match `<h10` or `<header` for `<h`.
        if !after.starts_with([' ', '>', '\n', '/']) {
            rest = after;
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        let attrs = after[..gt].trim().to_string();
        let body = &after[gt + 1..];
        let Some(end) = body.find(&close) else {
            out.push((attrs, String::new()));
            rest = body;
            continue;
        };
        out.push((attrs, body[..end].to_string()));
        rest = &body[end + close.len()..];
    }
    out
}

/// The inner HTML of the only `<tag>` of a page.
#[track_caller]
pub fn only(html: &str, tag: &str) -> String {
    let all = elements(html, tag);
    assert_eq!(all.len(), 1, "expected one <{tag}>, found {all:?}");
    all.into_iter().next().unwrap_or_default()
}

/// The value of an attribute in an attribute list (`src="a" alt="b"`).
pub fn attr(attrs: &str, name: &str) -> Option<String> {
    let needle = format!("{name}=\"");
    let mut rest = attrs;
    while let Some(i) = rest.find(&needle) {
        let before_ok = i == 0 || rest[..i].ends_with([' ', '\n', '\t']);
        let value = &rest[i + needle.len()..];
        if before_ok {
            return value.find('"').map(|end| value[..end].to_string());
        }
        rest = value;
    }
    None
}

/// The attributes of every void tag `<tag …>` (such as `img`).
pub fn void_tags(html: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag} ");
    html.match_indices(&open)
        .filter_map(|(i, _)| {
            let after = &html[i + open.len()..];
            after
                .find('>')
                .map(|gt| after[..gt].trim_end_matches('/').to_string())
        })
        .collect()
}

/// The `<main>` of a page: what differs from page to page.
#[track_caller]
pub fn main_of(html: &str) -> String {
    only(html, "main")
}

/// The address of the first link in each `<h2>`/`<h3>` of the main part of
/// a listing, in order: the articles a listing shows, as a reader sees them.
pub fn listed(html: &str) -> Vec<String> {
    let main = main_of(html);
    let mut found: Vec<(usize, String)> = Vec::new();
    for tag in ["h2", "h3"] {
        let open = format!("<{tag}");
        for (i, _) in main.match_indices(&open) {
            let after = &main[i..];
            let end = after.find(&format!("</{tag}>")).unwrap_or(after.len());
            let heading = &after[..end];
            if let Some(a) = void_tags(heading, "a").first()
                && let Some(href) = attr(a, "href")
            {
                found.push((i, href));
            }
        }
    }
    found.sort();
    found.into_iter().map(|(_, href)| href).collect()
}

/// Every `href` and `src` value of a page.
pub fn addresses(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for name in ["href=\"", "src=\""] {
        for (i, _) in html.match_indices(name) {
            let preceded = html[..i].ends_with([' ', '\n', '\t']);
            let value = &html[i + name.len()..];
            if preceded && let Some(end) = value.find('"') {
                out.push(value[..end].to_string());
            }
        }
    }
    out
}

/// The `<title>` of a page's `<head>` (not an SVG icon's).
#[track_caller]
pub fn head_title(html: &str) -> String {
    let head = &html[..html.find("</head>").unwrap_or(html.len())];
    only(head, "title")
}

/// The `lang` of a page's `<html>` element.
pub fn html_lang(html: &str) -> Option<String> {
    void_tags(html, "html")
        .first()
        .and_then(|attrs| attr(attrs, "lang"))
}

/// The cache of a build of the example site, made once per test run by
/// the first test that asks. That build starts from the last run's cache
/// (kept in cargo's temporary folder for integration tests), so it encodes
/// only the photos added or changed since, and leaves it for the next run.
pub fn example_photo_cache() -> &'static Path {
    static CACHE: std::sync::OnceLock<TempDir> = std::sync::OnceLock::new();
    let kept = CACHE.get_or_init(|| {
        let last_run = Path::new(env!("CARGO_TARGET_TMPDIR")).join("example-photo-cache");
        let site = TestSite::example_without_cache();
        if last_run.is_dir() {
            copy_dir(&last_run, &site.path(".gazette-cache"));
        }
        site.build_ok(&[]);
        let kept = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
        // The photos' cache only: a test of the example starts with no
        // search index made (`search_cache` tests that one).
        copy_dir(
            &site.path(".gazette-cache/images"),
            &kept.path().join("images"),
        );
        // For the next run; another run doing the same at once is harmless.
        let next = kept.path().with_extension("next");
        copy_dir(kept.path(), &next);
        let _ = fs::remove_dir_all(&last_run);
        if fs::rename(&next, &last_run).is_err() {
            let _ = fs::remove_dir_all(&next);
        }
        kept
    });
    kept.path()
}

/// A real `w`×`h` PNG (a build decodes every photo it publishes): a
/// gradient made here, nothing downloaded.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    use image::ImageEncoder;
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("png");
    out
}

// ---------------------------------------------------------------------------
// The binary as a server (serve, edit), and raw HTTP to it.

/// A running `gazette` process, its output lines collected.
pub struct Running {
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
}

impl Running {
    pub fn start(root: &Path, args: &[&str]) -> Running {
        Running::start_with(root, args, &[])
    }

    /// [`Running::start`] with more environment variables.
    pub fn start_with(root: &Path, args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
            .arg("--root")
            .arg(root)
            .args(args)
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let out: ChildStdout = child.stdout.take().unwrap();
        let err = child.stderr.take().unwrap();
        for reader in [
            Box::new(out) as Box<dyn Read + Send>,
            Box::new(err) as Box<dyn Read + Send>,
        ] {
            let lines = lines.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(reader).lines().map_while(Result::ok) {
                    lines.lock().unwrap().push(line);
                }
            });
        }
        Running { child, lines }
    }

    pub fn output(&self) -> String {
        self.lines.lock().unwrap().join("\n")
    }

    /// Waits for an output line containing `text`, after the `skip` first.
    pub fn wait_line(&self, text: &str, skip: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(l) = self
                .lines
                .lock()
                .unwrap()
                .iter()
                .skip(skip)
                .find(|l| l.contains(text))
            {
                return l.clone();
            }
            assert!(
                Instant::now() < deadline,
                "no line with {text:?}:\n{}",
                self.output()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn line_count(&self) -> usize {
        self.lines.lock().unwrap().len()
    }

    /// Ctrl-C, and the exit status must be success.
    pub fn interrupt(mut self) {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                assert!(s.success(), "exit {s:?}:\n{}", self.output());
                return;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("did not stop on Ctrl-C:\n{}", self.output());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A raw HTTP/1.1 GET (the path as given, not normalised).
pub fn http(addr: &str, path: &str) -> (u16, String, Vec<u8>) {
    send(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
}

/// Sends `request` as written and reads the answer until the server closes.
pub fn send(addr: &str, request: &str) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = raw.get(split + 4..).unwrap_or_default().to_vec();
    (status, head, body)
}

pub fn text(addr: &str, path: &str) -> (u16, String) {
    let (status, _, body) = http(addr, path);
    (status, String::from_utf8_lossy(&body).into_owned())
}
