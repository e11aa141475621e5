//! The publishing pipelines of a site repository, as a CI owner gets them:
//! `gazette init --ci gitlab|github` writes them, `docs/publishing.md`
//! shows the same text (compared here, so the two cannot drift), and their
//! script lines run against a fresh site with Gazette installed from its
//! wheel, as a runner would run them.
//!
//! Running the lines needs a built wheel, which takes minutes: that test is
//! ignored by `cargo test` and run by `scripts/install-test.sh` once it has
//! built one (`GAZETTE_WHEELS` names the folder that holds it). The
//! pipeline's own `pip install gazette-newsroom==<version>` line installs it,
//! unchanged, into a fresh virtual environment: `PIP_NO_INDEX` and
//! `PIP_FIND_LINKS` make pip take it from that folder instead of the index.
//!
//! What a runner provides, the test provides, and says so:
//! - GitLab runs a job's `script:` lines one after the other in one shell
//!   (`sh -e` here), with the pipeline's `variables:` and its own
//!   (`CI_PROJECT_DIR`, `CI_PAGES_URL`, here
//!   `https://rh.pages.example.org/site/`).
//! - GitHub runs each `run:` step of a job with `bash --noprofile --norc -eo
//!   pipefail`, the step's `env:`, and the files `$GITHUB_OUTPUT`,
//!   `$GITHUB_PATH`, `$GITHUB_ENV` and `$GITHUB_STEP_SUMMARY`. `${{ … }}`
//!   expressions are replaced by what a push to the default branch gives
//!   ([`github_value`]), `if:` conditions by their value in that run
//!   ([`github_condition`]): an expression the test does not know fails it,
//!   so a changed workflow is looked at again. `uses:` steps (checkout,
//!   setup-python, configure-pages, the artifact uploads) are GitHub's own
//!   and are not run; `actions/setup-python` is the virtual environment's
//!   `bin/` first on the `PATH`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_yaml::Value;

use crate::support::{addresses, manifest_dir};

/// The address GitLab Pages gives the test's project (`CI_PAGES_URL`).
const GITLAB_PAGES_URL: &str = "https://rh.pages.example.org/site/";

/// The address `actions/configure-pages` gives the test's repository.
const GITHUB_PAGES_URL: &str = "https://rh.github.io/site";

/// The `PATH` of a runner's image, without any `gazette` of this machine.
const SYSTEM_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// An embargoed article, so that `next-change` has something to print.
const EMBARGOED: &str = "---\ntitle: Le bilan 2098\ndate: 2099-01-01\n---\nBientôt.\n";

/// Runs the built `gazette` with `args` in `cwd`; panics unless it succeeds.
/// "Now" is two days ago, so the starter's articles (dated the day of the
/// `init`) are not an embargo that lifts while the hourly schedule looks
/// three hours back, whatever the time the test runs at.
fn gazette_ok(cwd: &Path, args: &[&str]) -> String {
    let two_days_ago = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs()
        - 2 * 86_400;
    let out = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(args)
        .current_dir(cwd)
        .env("SOURCE_DATE_EPOCH", two_days_ago.to_string())
        .output()
        .expect("run gazette");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "gazette {args:?}: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The yaml blocks of `docs/publishing.md` that follow the comment saying
/// `gazette init --ci <service>` writes them, by service.
fn documented_pipelines() -> BTreeMap<String, String> {
    let doc = fs::read_to_string(manifest_dir().join("docs/publishing.md")).expect("publishing.md");
    let marker = "<!-- `gazette init --ci ";
    let mut found = BTreeMap::new();
    for (at, _) in doc.match_indices(marker) {
        let rest = &doc[at + marker.len()..];
        let service = rest.split('`').next().expect("a service").to_string();
        let block = rest
            .split("```yaml\n")
            .nth(1)
            .expect("a yaml block after the comment");
        let text = block.split("\n```").next().expect("the end of the block");
        found.insert(service, format!("{text}\n"));
    }
    found
}

/// A fresh site made by `gazette init --ci <service>` in `parent`; returns
/// its folder and the pipeline's text.
fn init_with(parent: &Path, service: &str) -> (PathBuf, String) {
    let stdout = gazette_ok(parent, &["init", "site", "--ci", service]);
    let file = match service {
        "gitlab" => ".gitlab-ci.yml",
        _ => ".github/workflows/site.yml",
    };
    assert!(
        stdout.contains(file),
        "init names the file it wrote: {stdout}"
    );
    let site = parent.join("site");
    let text = fs::read_to_string(site.join(file)).expect("the pipeline file");
    (site, text)
}

#[test]
fn the_documented_pipelines_are_the_ones_init_writes() {
    let documented = documented_pipelines();
    assert_eq!(
        documented.keys().collect::<Vec<_>>(),
        ["github", "gitlab"],
        "one block per service in docs/publishing.md"
    );
    for (service, text) in &documented {
        let dir = tempfile::tempdir().expect("temp dir");
        let (_, written) = init_with(dir.path(), service);
        assert_eq!(
            &written, text,
            "docs/publishing.md's {service} pipeline differs from src/init/ci/"
        );
        assert!(
            written.contains(&format!(
                "gazette-newsroom=={}\n",
                env!("CARGO_PKG_VERSION")
            )),
            "{service}: pinned to this version"
        );
        serde_yaml::from_str::<Value>(&written).expect("valid YAML");
    }
}

/// Every `gazette-newsroom==<version>` a CI owner may copy from the docs
/// or the README is this Gazette's version.
#[test]
fn the_documented_installs_pin_this_version() {
    let pin = "gazette-newsroom==";
    let mut seen = 0;
    for doc in ["docs/publishing.md", "README.md"] {
        let text = fs::read_to_string(manifest_dir().join(doc)).expect("a doc");
        for (at, _) in text.match_indices(pin) {
            let version: String = text[at + pin.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '<' || *c == '>')
                .collect();
            if version != "<version>" {
                assert_eq!(version, env!("CARGO_PKG_VERSION"), "{doc}");
                seen += 1;
            }
        }
    }
    assert!(seen >= 4, "the pins of publishing.md were found");
}

#[test]
fn init_without_ci_writes_no_pipeline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stdout = gazette_ok(dir.path(), &["init", "site"]);
    assert!(!stdout.contains("yml"), "{stdout}");
    let site = dir.path().join("site");
    assert!(site.join("site.yaml").is_file());
    assert!(!site.join(".gitlab-ci.yml").exists());
    assert!(!site.join(".github").exists());
}

/// What one script of a pipeline printed.
struct Ran {
    ok: bool,
    code: Option<i32>,
    output: String,
}

/// Runs `script` with `shell` in `cwd`, with `env` over a clean
/// environment whose `PATH` starts with the virtual environment's `bin/`.
fn run_script(
    shell: &[&str],
    script: &str,
    cwd: &Path,
    venv: &Path,
    env: &[(&str, String)],
) -> Ran {
    let file = cwd.parent().expect("a parent").join("script.sh");
    fs::write(&file, script).expect("write the script");
    let mut command = Command::new(shell[0]);
    command
        .args(&shell[1..])
        .arg(&file)
        .current_dir(cwd)
        .env_clear()
        .env(
            "PATH",
            format!("{}:{SYSTEM_PATH}", venv.join("bin").display()),
        )
        .env("HOME", cwd.parent().expect("a parent"))
        .env("VIRTUAL_ENV", venv)
        .env("CI", "true")
        .env("LANG", "C.UTF-8")
        .env("PIP_NO_INDEX", "1")
        .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        .env("PIP_FIND_LINKS", wheels());
    for (name, value) in env {
        command.env(name, value);
    }
    let out = command.output().expect("run the shell");
    Ran {
        ok: out.status.success(),
        code: out.status.code(),
        output: format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// The folder that holds the built wheel (`GAZETTE_WHEELS`).
fn wheels() -> String {
    std::env::var("GAZETTE_WHEELS").unwrap_or_else(|_| {
        panic!(
            "GAZETTE_WHEELS is not set: this test installs Gazette from a built wheel; \
             run scripts/install-test.sh wheel, which builds one and runs this test"
        )
    })
}

/// A fresh virtual environment in `dir`, without Gazette.
fn venv(dir: &Path) -> PathBuf {
    let venv = dir.join("venv");
    let status = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .expect("python3 -m venv");
    assert!(status.success(), "python3 -m venv");
    venv
}

/// The site's home page links only under the Pages address's path.
fn assert_published_under(site: &Path, path: &str) {
    let home = fs::read_to_string(site.join("output/index.html")).expect("output/index.html");
    let local: Vec<String> = addresses(&home)
        .into_iter()
        .filter(|a| a.starts_with('/'))
        .collect();
    assert!(!local.is_empty(), "the home page links to the site's pages");
    for address in &local {
        assert!(address.starts_with(path), "{address} is not under {path}");
    }
}

/// The lines of a GitLab job's `script:`, as one shell script.
fn gitlab_script(pipeline: &Value, job: &str) -> String {
    let lines: Vec<&str> = pipeline[job]["script"]
        .as_sequence()
        .unwrap_or_else(|| panic!("a script for {job}"))
        .iter()
        .map(|l| l.as_str().expect("a script line"))
        .collect();
    lines.join("\n") + "\n"
}

#[test]
#[ignore = "needs a built wheel: scripts/install-test.sh runs it"]
fn the_gitlab_pipeline_publishes_a_fresh_site_from_the_wheel() {
    wheels();
    let dir = tempfile::tempdir().expect("temp dir");
    let (site, text) = init_with(dir.path(), "gitlab");
    fs::write(site.join("content/actualites/bilan-2098.md"), EMBARGOED).expect("write");
    let pipeline: Value = serde_yaml::from_str(&text).expect("YAML");
    let venv = venv(dir.path());
    // The pipeline's `variables:`, with the one runner variable they read.
    let project = site.display().to_string();
    let mut env: Vec<(&str, String)> = pipeline["variables"]
        .as_mapping()
        .expect("variables")
        .iter()
        .map(|(k, v)| {
            let value = v
                .as_str()
                .expect("a text")
                .replace("${CI_PROJECT_DIR}", &project);
            (k.as_str().expect("a name"), value)
        })
        .collect();
    env.push(("CI_PROJECT_DIR", project.clone()));
    env.push(("CI_PAGES_URL", GITLAB_PAGES_URL.to_string()));

    let site_job = gitlab_script(&pipeline, "site");
    let ran = run_script(&["sh", "-e"], &site_job, &site, &venv, &env);
    assert!(ran.ok, "the site job fails:\n{}", ran.output);
    let which = run_script(&["sh", "-e"], "command -v gazette\n", &site, &venv, &env);
    assert_eq!(
        which.output.trim(),
        venv.join("bin/gazette").display().to_string()
    );
    assert!(
        ran.output
            .contains("vérification : 0 erreur, 0 avertissement"),
        "{}",
        ran.output
    );
    let report = fs::read_to_string(site.join("gl-code-quality-report.json")).expect("the report");
    let report: serde_json::Value = serde_json::from_str(&report).expect("JSON");
    assert_eq!(report, serde_json::json!([]), "a fresh site has no problem");
    assert_published_under(&site, "/site/");
    let schedule = fs::read_to_string(site.join("schedule.env")).expect("schedule.env");
    assert_eq!(
        schedule,
        "NEXT_CHANGE=2099-01-01T00:00:00Z\nNEXT_CRON=00 00 01 01 *\n"
    );

    let pages = gitlab_script(&pipeline, "pages");
    let ran = run_script(&["sh", "-e"], &pages, &site, &venv, &env);
    assert!(ran.ok, "the pages job fails:\n{}", ran.output);
    assert!(
        site.join("public/index.html").is_file(),
        "Pages serves public/"
    );

    // A project without Pages: the variable is empty, or not set at all.
    let build = site_job
        .lines()
        .find(|l| l.starts_with("gazette build"))
        .expect("a build line")
        .to_string();
    for pages_url in [Some(""), None] {
        let mut env = env.clone();
        env.retain(|(name, _)| *name != "CI_PAGES_URL");
        if let Some(url) = pages_url {
            env.push(("CI_PAGES_URL", url.to_string()));
        }
        let ran = run_script(&["sh", "-e"], &(build.clone() + "\n"), &site, &venv, &env);
        assert_eq!(ran.code, Some(2), "{}", ran.output);
        assert!(
            ran.output
                .contains("erreur : l’option --base-url a reçu une valeur vide"),
            "{}",
            ran.output
        );
        assert!(ran.output.contains("CI_PAGES_URL"), "{}", ran.output);
    }
}

/// The value of a `${{ … }}` expression in a push to the default branch.
fn github_value(expression: &str) -> &'static str {
    match expression {
        "github.event_name" => "push",
        "steps.pages.outputs.base_url" => GITHUB_PAGES_URL,
        other => panic!("an expression the test does not know: {other}"),
    }
}

/// The value of an `if:` in a push to the default branch, when a change
/// is due (as the *Is a change due?* step says on a push).
fn github_condition(condition: &str) -> bool {
    match condition {
        "steps.due.outputs.due == 'true'" => true,
        "steps.due.outputs.due == 'true' && github.event_name != 'pull_request'" => true,
        "github.event_name == 'pull_request'" => false,
        other => panic!("a condition the test does not know: {other}"),
    }
}

/// A step's `env:`, its `${{ … }}` replaced.
fn github_env(step: &Value) -> Vec<(String, String)> {
    let Some(env) = step["env"].as_mapping() else {
        return Vec::new();
    };
    env.iter()
        .map(|(k, v)| {
            let text = v.as_str().expect("a text");
            let inner = text
                .strip_prefix("${{ ")
                .and_then(|t| t.strip_suffix(" }}"))
                .unwrap_or_else(|| panic!("an env value that is not one expression: {text}"));
            (
                k.as_str().expect("a name").to_string(),
                github_value(inner).to_string(),
            )
        })
        .collect()
}

#[test]
#[ignore = "needs a built wheel: scripts/install-test.sh runs it"]
fn the_github_workflow_publishes_a_fresh_site_from_the_wheel() {
    wheels();
    let dir = tempfile::tempdir().expect("temp dir");
    let (site, text) = init_with(dir.path(), "github");
    fs::write(site.join("content/actualites/bilan-2098.md"), EMBARGOED).expect("write");
    let workflow: Value = serde_yaml::from_str(&text).expect("YAML");
    let venv = venv(dir.path());
    let files: Vec<(&str, PathBuf)> = [
        "GITHUB_OUTPUT",
        "GITHUB_PATH",
        "GITHUB_ENV",
        "GITHUB_STEP_SUMMARY",
    ]
    .into_iter()
    .map(|name| (name, dir.path().join(name.to_lowercase())))
    .collect();
    for (_, file) in &files {
        fs::write(file, "").expect("write");
    }
    let runner: Vec<(&str, String)> = files
        .iter()
        .map(|(name, file)| (*name, file.display().to_string()))
        .chain([("GITHUB_ACTIONS", "true".to_string())])
        .collect();
    let bash = ["bash", "--noprofile", "--norc", "-eo", "pipefail"];
    let steps = workflow["jobs"]["build"]["steps"]
        .as_sequence()
        .expect("steps");
    let mut log = String::new();
    let mut ran_steps = Vec::new();
    for step in steps {
        let Some(script) = step["run"].as_str() else {
            continue;
        };
        if let Some(condition) = step["if"].as_str()
            && !github_condition(condition)
        {
            continue;
        }
        let mut env = runner.clone();
        let step_env = github_env(step);
        env.extend(step_env.iter().map(|(k, v)| (k.as_str(), v.clone())));
        let name = step["name"].as_str().unwrap_or("a step");
        let ran = run_script(&bash, script, &site, &venv, &env);
        assert!(ran.ok, "step « {name} » fails:\n{}", ran.output);
        log.push_str(&ran.output);
        ran_steps.push(name.to_string());
    }
    assert_eq!(
        ran_steps,
        [
            "Install gazette",
            "Is a change due?",
            "Check",
            "Build",
            "Next change"
        ]
    );
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).expect("a runner file");
    assert_eq!(read("github_output"), "due=true\n");
    assert!(
        log.contains("vérification : 0 erreur, 0 avertissement"),
        "{log}"
    );
    assert_published_under(&site, "/site/");
    assert_eq!(
        read("github_step_summary"),
        "Next change by itself: 2099-01-01T00:00:00Z\n"
    );

    // The hourly schedule: nothing is due (the embargo lifts in 2099).
    let due = steps
        .iter()
        .find(|s| s["id"].as_str() == Some("due"))
        .expect("the due step");
    fs::write(dir.path().join("github_output"), "").expect("write");
    let mut env = runner.clone();
    env.push(("EVENT", "schedule".to_string()));
    let ran = run_script(&bash, due["run"].as_str().expect("run"), &site, &venv, &env);
    assert!(ran.ok, "{}", ran.output);
    assert_eq!(read("github_output"), "due=false\n");
}
