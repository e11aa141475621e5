//! Hostile and unlucky input, at random but reproducibly: real articles,
//! registries and settings (the example site of `content/` and the fixtures
//! of `tests/fixtures/ok/`) mutated byte by byte (deleted, duplicated and
//! swapped bytes and lines; NUL, control characters, surrogates written as
//! bytes, invalid UTF-8, byte-order marks, CR and CRLF line ends, tabs) and
//! by structure (indentation, unclosed quotes and brackets, `:` and `-`
//! swapped, keys duplicated, dropped or renamed, very long values, deep
//! nesting, YAML aliases, broken shortcodes and front-matter fences, empty
//! files, Markdown link, reference and footnote noise, impossible dates).
//!
//! For every case: no panic, no hang (a generous deadline per case), and
//! either the site builds or every error names a file and, when it is about
//! a file's text, a 1-based line and column inside that file (the line
//! exists; the column is at most the line's length in characters plus one).
//! Most cases run the library in process (`gazette::check::check`, which is
//! the build's own pipeline plus the lints) on a thread watched by the test;
//! a smaller number run the real binary (`check --format json`, then `build`,
//! which must agree) with several files mutated at once. In process, "now"
//! is the clock (setting `SOURCE_DATE_EPOCH` there would take `unsafe`), so
//! drafts and future articles are built too: what the site holds does not
//! depend on the day.
//!
//! The seed is fixed, and each case draws from its own generator seeded by
//! the seed and the case number, so a failure names its case and comes back
//! on every run. A failure prints the seed, the case, the mutations, the
//! mutated text and the diagnostics; to run only that case:
//! `GAZETTE_MUTATION_CASE=<n> cargo test --test integration mutations::`.
//! To search further than CI does, `GAZETTE_MUTATION_CASES=3000` runs that
//! many cases in process (3,000 passed when this test was written).
//!
//! CI's 240 cases in process and 20 runs of the binary (60 mutated files)
//! cost about 15 s of CPU in a debug build: under a minute of wall time on
//! the 2-core machine even with six times more work queued than it has cores.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use gazette::build::BuildOptions;
use gazette::check;
use gazette::diagnostics::Severity;
use gazette::progress::Quiet;

use crate::support::{TestSite, copy_dir, fixture_dir, manifest_dir};

/// The seed of every case.
const SEED: u64 = 0x16_6a7a_e77e;
/// Cases run in process.
const IN_PROCESS_CASES: u64 = 240;
/// Runs of the real binary (each mutates [`FILES_PER_RUN`] files).
const BINARY_RUNS: u64 = 20;
/// Files mutated at once in a run of the binary.
const FILES_PER_RUN: usize = 3;
/// Binary runs are numbered after the in-process cases.
const FIRST_BINARY_CASE: u64 = 1_000_000;
/// Longer than any case takes on a loaded machine (a build of the example
/// site by a debug binary while other test binaries compile and run took
/// over 20 s here), short enough that a hang is a failure and not a stuck
/// CI job.
const DEADLINE: Duration = Duration::from_secs(60);

/// A site whose text files are mutated, one case at a time.
struct Corpus {
    name: &'static str,
    site: TestSite,
    /// The text files a writer edits (articles, sections, registries,
    /// `site.yaml`), relative to the site root, with their original bytes.
    files: Vec<(String, Vec<u8>)>,
}

impl Corpus {
    /// A copy of the example site (`content/`, `site.yaml`).
    fn example() -> Self {
        let site = TestSite::new();
        copy_dir(&manifest_dir().join("content"), &site.path("content"));
        // Without the search index, the slowest stage of a debug build: it
        // reads only pages Gazette rendered (tests/search.rs), and the
        // `navigation` fixture keeps it on here.
        let settings = fs::read_to_string(manifest_dir().join("site.yaml")).expect("site.yaml");
        assert!(settings.contains("\nsearch: true\n"), "{settings}");
        site.write(
            "site.yaml",
            settings.replace("\nsearch: true\n", "\nsearch: false\n"),
        );
        Corpus::of("example", site)
    }

    /// A copy of `tests/fixtures/ok/<name>`.
    fn fixture(name: &'static str) -> Self {
        assert!(fixture_dir(&format!("ok/{name}")).is_dir(), "{name}");
        Corpus::of(name, TestSite::fixture(&format!("ok/{name}")))
    }

    /// The corpus of a site already in place: `site.yaml`, and the
    /// Markdown and YAML files of `content/`.
    fn of(name: &'static str, site: TestSite) -> Self {
        let mut files = vec![("site.yaml".to_string(), Vec::new())];
        for entry in walkdir::WalkDir::new(site.path("content")).sort_by_file_name() {
            let entry = entry.expect("walk content");
            let rel = entry.path().strip_prefix(&site.root).expect("inside");
            let rel = rel.to_string_lossy().replace('\\', "/");
            if rel.ends_with(".md") || rel.ends_with(".yaml") {
                files.push((rel, Vec::new()));
            }
        }
        for (rel, bytes) in &mut files {
            *bytes = fs::read(site.path(rel)).expect("read source");
        }
        Corpus { name, site, files }
    }

    /// Writes every file back as it was.
    fn restore(&self) {
        for (rel, bytes) in &self.files {
            self.site.write(rel, bytes);
        }
    }
}

fn corpora() -> Vec<Corpus> {
    vec![
        Corpus::example(),
        Corpus::fixture("newsroom"),
        Corpus::fixture("navigation"),
        Corpus::fixture("crlf-bom"),
    ]
}

/// The generator of one case: the same case always draws the same numbers.
fn rng_of(case: u64) -> fastrand::Rng {
    fastrand::Rng::with_seed(SEED ^ case.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The one case asked for by `GAZETTE_MUTATION_CASE`, if any.
fn only_case() -> Option<u64> {
    let value = std::env::var("GAZETTE_MUTATION_CASE").ok()?;
    Some(
        value
            .trim()
            .parse()
            .expect("GAZETTE_MUTATION_CASE is a number"),
    )
}

/// How many cases run in process: `GAZETTE_MUTATION_CASES` to search
/// further than CI does, else [`IN_PROCESS_CASES`].
fn case_count() -> u64 {
    std::env::var("GAZETTE_MUTATION_CASES")
        .ok()
        .map(|value| {
            value
                .trim()
                .parse()
                .expect("GAZETTE_MUTATION_CASES is a number")
        })
        .unwrap_or(IN_PROCESS_CASES)
        .min(FIRST_BINARY_CASE)
}

/// One mutated file of a case.
struct Mutated {
    rel: String,
    mutations: Vec<&'static str>,
    bytes: Vec<u8>,
}

/// Picks a file of the corpus (`site.yaml` about one time in twelve) and
/// mutates it once or twice.
fn mutate_one(corpus: &Corpus, rng: &mut fastrand::Rng) -> Mutated {
    let index = if rng.usize(..12) == 0 {
        0
    } else {
        rng.usize(1..corpus.files.len())
    };
    let (rel, original) = &corpus.files[index];
    let mut bytes = original.clone();
    let mut mutations = Vec::new();
    for _ in 0..rng.usize(1..=2) {
        let (name, mutate) = MUTATIONS[rng.usize(..MUTATIONS.len())];
        bytes = mutate(rng, bytes);
        mutations.push(name);
    }
    Mutated {
        rel: rel.clone(),
        mutations,
        bytes,
    }
}

/// A diagnostic as the test reads it, from the library or from JSON Lines.
#[derive(Debug)]
struct Found {
    error: bool,
    code: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
}

/// What is wrong with the diagnostics of a case, if anything.
fn problems(root: &Path, mutated: &[Mutated], found: &[Found]) -> Vec<String> {
    let mut out = Vec::new();
    for d in found {
        let Some(file) = &d.file else {
            if d.error {
                out.push(format!("error {} names no file", d.code));
            }
            continue;
        };
        match (d.line, d.column) {
            (Some(line), Some(column)) => {
                if let Some(problem) = outside(&root.join(file), line, column) {
                    out.push(format!("{} at {file}:{line}:{column}: {problem}", d.code));
                }
            }
            // Even a file that is not UTF-8 is placed, at its first byte
            // that is not: no code is exempt.
            _ if d.error && mutated.iter().any(|m| &m.rel == file) => {
                out.push(format!(
                    "error {} in mutated {file} has no position",
                    d.code
                ));
            }
            _ => {}
        }
    }
    out
}

/// Why a 1-based line and column are not inside a file, if they are not.
fn outside(path: &Path, line: usize, column: usize) -> Option<String> {
    let Ok(bytes) = fs::read(path) else {
        return Some("the file does not exist".into());
    };
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    if line == 0 || line > lines.len() {
        return Some(format!("the file has {} lines", lines.len()));
    }
    let mut text_of_line = lines[line - 1]
        .strip_suffix('\r')
        .unwrap_or(lines[line - 1]);
    if line == 1 {
        text_of_line = text_of_line
            .strip_prefix('\u{feff}')
            .unwrap_or(text_of_line);
    }
    let length = text_of_line.chars().count();
    if column == 0 || column > length + 1 {
        return Some(format!("line {line} has {length} characters"));
    }
    None
}

/// The report of a failed case, with what it takes to reproduce it.
fn report(case: u64, corpus: &str, mutated: &[Mutated], what: &str, output: &str) -> String {
    let mut out = format!("mutations: seed {SEED:#x}, case {case}, site {corpus}\n{what}\n");
    for m in mutated {
        out.push_str(&format!(
            "--- {} mutated by {:?}:\n{}\n",
            m.rel,
            m.mutations,
            shown(&m.bytes)
        ));
    }
    out.push_str(&format!("--- diagnostics:\n{output}\n"));
    out.push_str(&format!(
        "reproduce: GAZETTE_MUTATION_CASE={case} cargo test --test integration mutations::\n"
    ));
    out
}

/// A mutated file as text a terminal shows faithfully: invalid UTF-8 and
/// control characters escaped, very long texts cut.
fn shown(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\n' | '\t' => out.push(c),
                c if c.is_control() || c == '\u{feff}' => {
                    out.push_str(&c.escape_unicode().to_string());
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    const LIMIT: usize = 6_000;
    if out.chars().count() > LIMIT {
        let kept: String = out.chars().take(LIMIT).collect();
        let more = out.chars().count() - LIMIT;
        out = format!("{kept}… ({more} more characters)");
    }
    out
}

#[test]
fn mutated_sources_build_or_fail_with_positions_in_process() {
    let corpora = corpora();
    let cases: Vec<u64> = match only_case() {
        Some(case) if case < FIRST_BINARY_CASE => vec![case],
        Some(_) => Vec::new(),
        None => (0..case_count()).collect(),
    };
    let mut failures = Vec::new();
    for case in cases {
        let corpus = &corpora[case as usize % corpora.len()];
        let mut rng = rng_of(case);
        let mutated = [mutate_one(corpus, &mut rng)];
        corpus.site.write(&mutated[0].rel, &mutated[0].bytes);
        match check_in_process(&corpus.site.root) {
            Err(what) => panic!("{}", report(case, corpus.name, &mutated, &what, "")),
            Ok((found, rendered)) => {
                let wrong = problems(&corpus.site.root, &mutated, &found);
                if !wrong.is_empty() {
                    let what = wrong.join("\n");
                    failures.push(report(case, corpus.name, &mutated, &what, &rendered));
                }
            }
        }
        corpus.restore();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `check` of the site at `root` on its own thread: its diagnostics and
/// their rendering, or why there are none (a panic, the deadline).
fn check_in_process(root: &Path) -> Result<(Vec<Found>, String), String> {
    let opts = BuildOptions {
        drafts: true,
        future: true,
        ..BuildOptions::of(root)
    };
    let (send, receive) = mpsc::channel();
    let worker = thread::Builder::new()
        .name("mutation case".into())
        .spawn(move || {
            let report = check::check(&opts, &Quiet);
            let _ = send.send(report.diagnostics);
        })
        .expect("spawn the case's thread");
    let diagnostics = match receive.recv_timeout(DEADLINE) {
        Ok(diagnostics) => diagnostics,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            return Err(format!("check did not finish within {DEADLINE:?}"));
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let payload = worker.join().err();
            let message = payload
                .as_ref()
                .and_then(|p| {
                    p.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                })
                .unwrap_or_default();
            return Err(format!("check panicked: {message}"));
        }
    };
    let found = diagnostics
        .iter()
        .map(|d| Found {
            error: d.severity == Severity::Error,
            code: d.code.to_string(),
            file: d.file.as_deref().map(|f| f.to_string_lossy().into_owned()),
            line: d.position.as_ref().map(|p| p.line),
            column: d.position.as_ref().map(|p| p.column),
        })
        .collect();
    Ok((found, diagnostics.render(gazette::language::Language::Fr)))
}

#[test]
fn mutated_sources_build_or_fail_with_positions_on_the_binary() {
    let corpora = corpora();
    let runs: Vec<u64> = match only_case() {
        Some(case) if case >= FIRST_BINARY_CASE => vec![case],
        Some(_) => Vec::new(),
        None => (FIRST_BINARY_CASE..FIRST_BINARY_CASE + BINARY_RUNS).collect(),
    };
    let mut failures = Vec::new();
    for case in runs {
        let corpus = &corpora[case as usize % corpora.len()];
        let mut rng = rng_of(case);
        let mut mutated: Vec<Mutated> = Vec::new();
        for _ in 0..FILES_PER_RUN {
            let m = mutate_one(corpus, &mut rng);
            // A second mutation of one file replaces the first: keep one.
            mutated.retain(|other| other.rel != m.rel);
            corpus.site.write(&m.rel, &m.bytes);
            mutated.push(m);
        }
        if let Err(what) = binary_case(corpus, &mutated) {
            failures.push(report(case, corpus.name, &mutated, &what.0, &what.1));
        }
        corpus.restore();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `check --format json` then `build` on a mutated site: both end in time
/// with 0, 1 or 2 and without a panic, agree, and every diagnostic is
/// placed. On failure: what is wrong, and the outputs.
fn binary_case(corpus: &Corpus, mutated: &[Mutated]) -> Result<(), (String, String)> {
    let site = &corpus.site;
    let checked = run_with_deadline(site.command(&["check", "--format", "json"]))
        .map_err(|what| (what, String::new()))?;
    let output = format!("{}\n{}", checked.1, checked.2);
    sane("check", &checked).map_err(|what| (what, output.clone()))?;
    let found: Vec<Found> = checked.1.lines().map(found_in_json).collect();
    let wrong = problems(&site.root, mutated, &found);
    if !wrong.is_empty() {
        return Err((wrong.join("\n"), output));
    }
    let built = run_with_deadline(site.command(&["build"])).map_err(|w| (w, output.clone()))?;
    let output = format!("{output}\n--- build:\n{}", built.2);
    sane("build", &built).map_err(|what| (what, output.clone()))?;
    if built.0 != checked.0 {
        let what = format!("build exited {}, check {}", built.0, checked.0);
        return Err((what, output));
    }
    Ok(())
}

/// Why a run's exit code or standard error shows a crash, if they do.
fn sane(command: &str, (code, _, stderr): &(i32, String, String)) -> Result<(), String> {
    if ![0, 1, 2].contains(code) || stderr.contains("panicked") {
        return Err(format!("{command} crashed (exit code {code})"));
    }
    Ok(())
}

/// One line of `check --format json`.
fn found_in_json(line: &str) -> Found {
    let value: serde_json::Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
    let number = |key: &str| value[key].as_u64().map(|n| n as usize);
    Found {
        error: value["severity"] == "error",
        code: value["code"].as_str().unwrap_or_default().to_string(),
        file: value["file"].as_str().map(str::to_string),
        line: number("line"),
        column: number("column"),
    }
}

/// Runs a command to its end, or kills it at the deadline: its exit code,
/// standard output and standard error (read while it runs, so a long
/// output cannot block it).
fn run_with_deadline(mut command: Command) -> Result<(i32, String, String), String> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start gazette");
    let readers = [
        read_all(child.stdout.take().expect("stdout")),
        read_all(child.stderr.take().expect("stderr")),
    ];
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for gazette") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("gazette did not finish within {DEADLINE:?}"));
        }
        thread::sleep(Duration::from_millis(10));
    };
    let [stdout, stderr] = readers.map(|r| r.join().expect("reader thread"));
    Ok((status.code().unwrap_or(-1), stdout, stderr))
}

fn read_all(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

// ---------------------------------------------------------------------------
// Mutations: each takes a file's bytes and returns them changed.

type Mutation = fn(&mut fastrand::Rng, Vec<u8>) -> Vec<u8>;

const MUTATIONS: &[(&str, Mutation)] = &[
    ("delete bytes", delete_bytes),
    ("duplicate bytes", duplicate_bytes),
    ("insert hostile bytes", insert_hostile),
    ("insert hostile bytes", insert_hostile),
    ("swap bytes", swap_bytes),
    ("swap lines", swap_lines),
    ("duplicate a line", duplicate_line),
    ("drop a line", drop_line),
    ("line ends", line_ends),
    ("byte-order mark", byte_order_mark),
    ("tabs", tabs),
    ("truncate", truncate),
    ("empty", empty),
    ("indentation", indentation),
    ("unclosed quote or bracket", unclosed),
    ("unclosed quote or bracket", unclosed),
    ("swap : and -", colon_dash),
    ("long value", long_value),
    ("deep nesting", deep_nesting),
    ("shortcode", shortcode),
    ("shortcode", shortcode),
    ("front-matter fence", fence),
    ("markdown noise", markdown_noise),
    ("markdown noise", markdown_noise),
    ("date", date),
    ("key", key),
    ("value", value),
    ("value", value),
];

/// Byte ranges of the lines (without their `\n`).
fn lines(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..bytes.len());
    out
}

/// The lines of a file, and the index of the first line of an article's
/// body (all of a file without front matter is YAML: a registry or the
/// settings).
fn lines_and_body(bytes: &[u8]) -> (Vec<std::ops::Range<usize>>, usize) {
    let all = lines(bytes);
    let fence = all
        .iter()
        .skip(1)
        .position(|l| bytes[l.clone()].trim_ascii_end() == b"---");
    let body = match fence {
        Some(end) if bytes.starts_with(b"---") => end + 2,
        _ => all.len(),
    };
    (all, body)
}

/// A line to mutate: in the YAML two times in three when there is some.
fn pick_line(rng: &mut fastrand::Rng, bytes: &[u8]) -> std::ops::Range<usize> {
    let (all, body) = lines_and_body(bytes);
    let first = usize::from(body < all.len());
    if body > first && rng.usize(..3) > 0 {
        all[rng.usize(first..body)].clone()
    } else {
        all[rng.usize(..all.len())].clone()
    }
}

/// A line of an article's body three times in four (any line otherwise,
/// and in a file with no body).
fn pick_body_line(rng: &mut fastrand::Rng, bytes: &[u8]) -> std::ops::Range<usize> {
    let (all, body) = lines_and_body(bytes);
    if body < all.len() && rng.usize(..4) > 0 {
        all[rng.usize(body..all.len())].clone()
    } else {
        all[rng.usize(..all.len())].clone()
    }
}

/// `at`, moved back to the start of the character it falls in: structural
/// mutations insert text between characters (the byte-level ones do not).
fn char_start(bytes: &[u8], mut at: usize) -> usize {
    while at > 0 && at < bytes.len() && bytes[at] & 0b1100_0000 == 0b1000_0000 {
        at -= 1;
    }
    at
}

/// A place inside a line, after its `key: ` when it has one, half the time.
fn pick_in_line(rng: &mut fastrand::Rng, bytes: &[u8], line: std::ops::Range<usize>) -> usize {
    let text = &bytes[line.clone()];
    if rng.bool()
        && let Some(colon) = text.windows(2).position(|w| w == b": ")
    {
        return line.start + colon + 2;
    }
    char_start(bytes, line.start + rng.usize(..=text.len()))
}

fn splice(mut bytes: Vec<u8>, at: std::ops::Range<usize>, with: &[u8]) -> Vec<u8> {
    bytes.splice(at, with.iter().copied());
    bytes
}

fn delete_bytes(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let start = rng.usize(..=bytes.len());
    let end = (start + rng.usize(1..=8)).min(bytes.len());
    splice(bytes, start..end, b"")
}

fn duplicate_bytes(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let start = rng.usize(..=bytes.len());
    let end = (start + rng.usize(1..=32)).min(bytes.len());
    let copy = bytes[start..end].to_vec();
    splice(bytes, end..end, &copy)
}

/// NUL and other control characters, surrogates and code points past
/// U+10FFFF written as bytes, lone lead and continuation bytes, byte-order
/// marks, CR, tabs, separators and invisible or combining characters.
const HOSTILE: &[&[u8]] = &[
    b"\0",
    b"\x01",
    b"\x07",
    b"\x08",
    b"\x0b",
    b"\x0c",
    b"\x1b[31m",
    b"\x7f",
    b"\xed\xa0\x80",
    b"\xed\xbf\xbf",
    b"\xf4\x90\x80\x80",
    b"\xff",
    b"\xfe\xff",
    b"\xc3",
    b"\x80",
    b"\xef\xbb\xbf",
    b"\r",
    b"\r\n",
    b"\t",
    "\u{2028}".as_bytes(),
    "\u{85}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{202e}".as_bytes(),
    "e\u{301}".as_bytes(),
    "🦀".as_bytes(),
    "«\u{a0}".as_bytes(),
];

fn insert_hostile(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let at = if rng.bool() {
        let line = pick_line(rng, &bytes);
        pick_in_line(rng, &bytes, line)
    } else {
        rng.usize(..=bytes.len())
    };
    let what = HOSTILE[rng.usize(..HOSTILE.len())];
    splice(bytes, at..at, what)
}

fn swap_bytes(rng: &mut fastrand::Rng, mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.len() > 1 {
        let (a, b) = (rng.usize(..bytes.len()), rng.usize(..bytes.len()));
        bytes.swap(a, b);
    }
    bytes
}

fn swap_lines(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let all = lines(&bytes);
    let (a, b) = (pick_line(rng, &bytes), all[rng.usize(..all.len())].clone());
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    if first.end > second.start {
        return bytes;
    }
    let mut out = bytes[..first.start].to_vec();
    out.extend_from_slice(&bytes[second.clone()]);
    out.extend_from_slice(&bytes[first.end..second.start]);
    out.extend_from_slice(&bytes[first.clone()]);
    out.extend_from_slice(&bytes[second.end..]);
    out
}

fn duplicate_line(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_line(rng, &bytes);
    let mut copy = bytes[line.clone()].to_vec();
    copy.push(b'\n');
    splice(bytes, line.start..line.start, &copy)
}

fn drop_line(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_line(rng, &bytes);
    let end = (line.end + 1).min(bytes.len());
    splice(bytes, line.start..end, b"")
}

fn line_ends(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let to: &[u8] = [&b"\r\n"[..], b"\r", b"\n\n", b"\x0b"][rng.usize(..4)];
    let mut out = Vec::with_capacity(bytes.len() * 2);
    for b in bytes {
        if b == b'\n' {
            out.extend_from_slice(to);
        } else {
            out.push(b);
        }
    }
    out
}

fn byte_order_mark(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let mark: &[u8] = [
        &b"\xef\xbb\xbf"[..],
        b"\xef\xbb\xbf\xef\xbb\xbf",
        b"\xff\xfe",
    ][rng.usize(..3)];
    splice(bytes, 0..0, mark)
}

fn tabs(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_line(rng, &bytes);
    let indent = bytes[line.clone()]
        .iter()
        .take_while(|b| **b == b' ')
        .count();
    let tabs = vec![b'\t'; indent.max(1) / 2 + rng.usize(..2)];
    splice(bytes, line.start..line.start + indent, &tabs)
}

fn truncate(rng: &mut fastrand::Rng, mut bytes: Vec<u8>) -> Vec<u8> {
    bytes.truncate(rng.usize(..=bytes.len()));
    bytes
}

fn empty(rng: &mut fastrand::Rng, _: Vec<u8>) -> Vec<u8> {
    [
        &b""[..],
        b"\n",
        b"   \n\n",
        b"---",
        b"---\n",
        b"---\n---\n",
        b"\xef\xbb\xbf",
    ][rng.usize(..7)]
    .to_vec()
}

fn indentation(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_line(rng, &bytes);
    let indent = bytes[line.clone()]
        .iter()
        .take_while(|b| **b == b' ')
        .count();
    let spaces = vec![b' '; rng.usize(..=indent + 4)];
    splice(bytes, line.start..line.start + indent, &spaces)
}

fn unclosed(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_line(rng, &bytes);
    let at = pick_in_line(rng, &bytes, line);
    let what = [
        "\"", "'", "[", "{", "]", "}", "(", ")", "<", "`", "\"\\", "&", "*", "!", "|", ">", "%",
        "@", "#",
    ];
    splice(bytes, at..at, what[rng.usize(..what.len())].as_bytes())
}

fn colon_dash(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_line(rng, &bytes);
    let text = bytes[line.clone()].to_vec();
    let swapped: Vec<u8> = text
        .iter()
        .map(|b| match b {
            b':' => b'-',
            b'-' => b':',
            b => *b,
        })
        .collect();
    splice(bytes, line, &swapped)
}

fn long_value(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_line(rng, &bytes);
    let unit = ["a", "é", "mot ", "-", "/", "🦀", "[x](y) "][rng.usize(..7)];
    let times = [300, 5_000, 60_000][rng.usize(..3)];
    splice(bytes, line.end..line.end, unit.repeat(times).as_bytes())
}

fn deep_nesting(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_line(rng, &bytes);
    let at = pick_in_line(rng, &bytes, line);
    let depth = [20, 129, 1_000, 30_000][rng.usize(..4)];
    let (open, close) = [
        ("[", "]"),
        ("{a: ", "}"),
        ("- ", ""),
        ("> ", ""),
        ("{\n", "\n}"),
    ][rng.usize(..5)];
    let mut nested = open.repeat(depth);
    if rng.bool() {
        nested.push_str(&close.repeat(depth));
    }
    splice(bytes, at..at, nested.as_bytes())
}

/// Shortcodes as written, broken, unknown or in another generator's syntax.
const SHORTCODES: &[&str] = &[
    "{{ interview() }}",
    "{{ interview(questions=\"9-2\") }}",
    "{{ interview(questions=\"0-\") }}",
    "{{ interview(questions=\"1\", questions=\"2\") }}",
    "{{ quote(id=\"inconnu\") }}",
    "{{ testimonials() }}",
    "{{ principles(id=) }}",
    "{{ quote(id=«sens») }}",
    "{{ interview( }}",
    "{{ interview()",
    "{{",
    "{{<",
    "{{< interview >}}",
    "{{% aside %}}",
    "{% aside() %}",
    "{% aside(title=\"x\") %}\n{{ quote() }}",
    "{% end %}",
    "{% end",
    "{{ inconnu() }}",
    "{{ aside() }}",
    "}}",
];

fn shortcode(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_body_line(rng, &bytes);
    let mut code = SHORTCODES[rng.usize(..SHORTCODES.len())].to_string();
    code.push('\n');
    let at = if rng.usize(..4) == 0 {
        pick_in_line(rng, &bytes, line)
    } else {
        line.start
    };
    splice(bytes, at..at, code.as_bytes())
}

fn fence(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let fences: Vec<_> = lines(&bytes)
        .into_iter()
        .filter(|l| bytes[l.clone()].starts_with(b"---"))
        .collect();
    let with: &[u8] = [
        &b""[..],
        b"--",
        b"----",
        b"+++",
        b"--- x",
        b"---\n---",
        b"...",
        b" ---",
    ][rng.usize(..8)];
    match fences.get(rng.usize(..fences.len().max(1))) {
        Some(line) => splice(bytes, line.clone(), with),
        None => splice(bytes, 0..0, b"---\n"),
    }
}

const MARKDOWN_NOISE: &[&str] = &[
    "[x]",
    "[x][nope]",
    "[^1]",
    "\n[^1]: ",
    "\n[^note]:",
    "\n[ref]: ",
    "\n[ref]: <",
    "![](",
    "![alt](absente.png)",
    "[lien](",
    "](",
    "<http://",
    "<javascript:alert(1)>",
    "[a](JaVaScRiPt:alert(1))",
    "[a](java\tscript:x)",
    "[a](&#106;avascript:x)",
    "[a](../../../../etc/passwd)",
    "[a](autre.md#ancre)",
    "[a](#)",
    "[a](<>)",
    "\n```\n",
    "\n~~~rust\n",
    "<!--",
    "<div>",
    "<script>alert(1)</script>",
    "**********************************************",
    "\n|a|b|\n|-|\n",
    "\n# ",
    "\n###### ",
    "\n> ",
    "\n1. ",
    "&#0;",
    "&#xD800;",
    "\\",
    "`",
];

fn markdown_noise(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_body_line(rng, &bytes);
    let at = char_start(&bytes, line.start + rng.usize(..=line.len()));
    let noise = MARKDOWN_NOISE[rng.usize(..MARKDOWN_NOISE.len())];
    splice(bytes, at..at, noise.as_bytes())
}

const DATES: &[&str] = &[
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "9999-12-31",
    "2026-02-29",
    "2024-02-29",
    "2026-02-30T25:61:00",
    "2026-03-01T10:00:00+25:00",
    "2026-1-1",
    "-2026-01-01",
    "99999-01-01",
    "1970-01-01",
    "2026-03-12 10:00",
    "demain",
    "",
];

fn date(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let new = DATES[rng.usize(..DATES.len())];
    let is_date = |w: &[u8]| {
        w.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
    };
    let found: Vec<usize> = bytes
        .windows(10)
        .enumerate()
        .filter(|(_, w)| is_date(w))
        .map(|(i, _)| i)
        .collect();
    match found.get(rng.usize(..found.len().max(1))) {
        Some(&at) => splice(bytes, at..at + 10, new.as_bytes()),
        None => {
            let line = format!("date: {new}\n");
            let at = if bytes.starts_with(b"---\n") { 4 } else { 0 };
            splice(bytes, at..at, line.as_bytes())
        }
    }
}

/// Front-matter keys, the settings' keys and a few that exist nowhere.
const KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "summary",
    "category",
    "series",
    "tags",
    "organisations",
    "authors",
    "people",
    "image",
    "interview",
    "testimonials",
    "principles",
    "quotes",
    "downloads",
    "source",
    "related",
    "pinned",
    "draft",
    "expires",
    "aliases",
    "slug",
    "template",
    "extra",
    "questions",
    "with",
    "by",
    "items",
    "text",
    "q",
    "a",
    "file",
    "url",
    "name",
    "role",
    "organisation",
    "photo",
    "base_url",
    "language",
    "menu",
    "taxonomies",
    "markdown",
    "raw_html",
    "paginate_by",
    "accessibility",
    "titel",
    "<<",
    "",
    "\"clé\"",
];

fn key(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_line(rng, &bytes);
    let text = &bytes[line.clone()];
    let indent = text
        .iter()
        .take_while(|b| **b == b' ' || **b == b'-')
        .count();
    let Some(colon) = text.iter().position(|b| *b == b':') else {
        return bytes;
    };
    if colon < indent {
        return bytes;
    }
    let new = KEYS[rng.usize(..KEYS.len())];
    splice(
        bytes,
        line.start + indent..line.start + colon,
        new.as_bytes(),
    )
}

/// YAML values of every kind, including tags, anchors and a small
/// "billion laughs".
const VALUES: &[&str] = &[
    "",
    "~",
    "null",
    "[]",
    "{}",
    "-1",
    "0",
    "1e400",
    "18446744073709551616",
    "0x7fffffffffffffffff",
    "true",
    ".nan",
    "!!binary aGVsbG8=",
    "!tag x",
    "&a [*a]",
    "*inconnu",
    "|",
    ">-",
    "? x",
    "'",
    "\"\\ud800\"",
    "\"\\0\"",
    "[a, [b, {c: d}]]",
    "{a: 1, a: 2}",
    "&a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]",
    "https://exemple.fr/",
    "javascript:alert(1)",
    "/../../etc/passwd",
    "C:\\\\Windows",
    "helene-marchal",
    "COM1",
];

fn value(rng: &mut fastrand::Rng, bytes: Vec<u8>) -> Vec<u8> {
    let line = pick_line(rng, &bytes);
    let text = &bytes[line.clone()];
    let Some(colon) = text.windows(2).position(|w| w == b": ") else {
        return bytes;
    };
    let new = VALUES[rng.usize(..VALUES.len())];
    splice(bytes, line.start + colon + 2..line.end, new.as_bytes())
}
