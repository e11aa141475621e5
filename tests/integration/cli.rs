//! The command line's own texts in the user's language: the help of
//! `gazette` and of its commands, and the parser's errors, in French when
//! the locale (`LC_ALL`, else `LC_MESSAGES`, else `LANG`) starts with `fr`,
//! in English otherwise. The real binary is run with a chosen environment;
//! texts are snapshot whole.

use std::process::Command;

use crate::support::Run;

/// A French and an English locale, as a writer's terminal has them.
const FRENCH: &[(&str, &str)] = &[("LANG", "fr_FR.UTF-8")];
const ENGLISH: &[(&str, &str)] = &[("LANG", "C")];

/// Runs `gazette <args>` with only `locale` of the locale variables set.
fn gazette(locale: &[(&str, &str)], args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gazette"));
    command.args(args);
    for name in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        command.env_remove(name);
    }
    command.envs(locale.iter().copied());
    command.output().expect("run gazette").into()
}

/// The help `args` print: on standard output, with exit code 0.
#[track_caller]
fn help(locale: &[(&str, &str)], args: &[&str]) -> String {
    let run = gazette(locale, args);
    assert_eq!(run.code, 0, "{args:?}: {run:?}");
    assert_eq!(run.stderr, "", "{args:?}");
    run.stdout
}

/// What a refused command line prints: its exit code and standard error.
#[track_caller]
fn refused(locale: &[(&str, &str)], args: &[&str]) -> String {
    let run = gazette(locale, args);
    assert_eq!(run.stdout, "", "{args:?}");
    format!("exit code: {}\n---\n{}", run.code, run.stderr)
}

#[test]
fn the_help_speaks_french_under_a_french_locale() {
    insta::assert_snapshot!("help-fr", help(FRENCH, &["--help"]));
    insta::assert_snapshot!("new-help-fr", help(FRENCH, &["new", "--help"]));
}

#[test]
fn the_help_speaks_english_under_another_locale() {
    insta::assert_snapshot!("help-en", help(ENGLISH, &["--help"]));
    insta::assert_snapshot!("new-help-en", help(ENGLISH, &["new", "--help"]));
    assert_eq!(help(&[], &["--help"]), help(ENGLISH, &["--help"]));
}

#[test]
fn every_way_of_asking_gives_the_same_help() {
    for locale in [FRENCH, ENGLISH] {
        let new = help(locale, &["new", "--help"]);
        assert_eq!(help(locale, &["new", "-h"]), new);
        assert_eq!(help(locale, &["help", "new"]), new);
        assert_eq!(help(locale, &["--root", ".", "new", "--help"]), new);
        assert_eq!(help(locale, &["help"]), help(locale, &["--help"]));
        assert_eq!(help(locale, &["-h"]), help(locale, &["--help"]));
    }
    // What the version says: version_names_the_version_and_the_commit.
    assert_eq!(help(FRENCH, &["-V"]), help(FRENCH, &["--version"]));
}

#[test]
fn lc_all_then_lc_messages_then_lang_decide() {
    let french = help(FRENCH, &["--help"]);
    let english = help(ENGLISH, &["--help"]);
    assert_ne!(french, english);
    let lc_all = [("LC_ALL", "fr_FR.UTF-8"), ("LANG", "C")];
    assert_eq!(help(&lc_all, &["--help"]), french);
    let lc_messages = [("LC_MESSAGES", "fr_FR.UTF-8"), ("LANG", "C")];
    assert_eq!(help(&lc_messages, &["--help"]), french);
    let english_first = [("LC_ALL", "C.UTF-8"), ("LANG", "fr_FR.UTF-8")];
    assert_eq!(help(&english_first, &["--help"]), english);
    let empty_is_unset = [("LC_ALL", ""), ("LANG", "fr_FR.UTF-8")];
    assert_eq!(help(&empty_is_unset, &["--help"]), french);
}

#[test]
fn an_unknown_option_is_refused_in_the_users_language() {
    insta::assert_snapshot!("unknown-option-fr", refused(FRENCH, &["build", "--draft"]));
    insta::assert_snapshot!("unknown-option-en", refused(ENGLISH, &["build", "--draft"]));
    insta::assert_snapshot!("unknown-flag-fr", refused(FRENCH, &["--frob"]));
    insta::assert_snapshot!("unknown-flag-en", refused(ENGLISH, &["--frob"]));
}

#[test]
fn a_misspelled_kind_suggests_the_closest_one() {
    let args = ["new", "actualites/x", "--kind", "interviw"];
    insta::assert_snapshot!("kind-interviw-fr", refused(FRENCH, &args));
    insta::assert_snapshot!("kind-interviw-en", refused(ENGLISH, &args));
}

#[test]
fn other_mistakes_of_the_command_line_are_refused_in_french() {
    let cases: &[&[&str]] = &[
        &["bild"],
        &["check", "--format", "jsn"],
        &["new"],
        &["serve", "--port", "abc"],
        &["build", "--clean"],
        &["--root"],
    ];
    let text: Vec<String> = cases
        .iter()
        .map(|args| format!("$ gazette {}\n{}", args.join(" "), refused(FRENCH, args)))
        .collect();
    insta::assert_snapshot!("other-mistakes-fr", text.join("\n"));
}

/// Every command of `gazette`, as a completion script must offer them.
const COMMANDS: [&str; 8] = [
    "build",
    "check",
    "init",
    "new",
    "serve",
    "next-change",
    "completions",
    "man",
];

#[test]
fn completions_for_bash_offer_every_command_and_option() {
    let script = help(ENGLISH, &["completions", "bash"]);
    assert!(
        script.contains("complete -F _gazette"),
        "a bash completion function:\n{script}"
    );
    for command in COMMANDS {
        assert!(script.contains(command), "{command} in:\n{script}");
    }
    for option in ["--drafts", "--take-over", "--open", "--deny-warnings"] {
        assert!(script.contains(option), "{option} in:\n{script}");
    }
}

#[test]
fn completions_are_written_for_zsh_fish_and_powershell() {
    for (shell, start) in [
        ("zsh", "#compdef gazette"),
        ("fish", "complete -c gazette"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = help(FRENCH, &["completions", shell]);
        assert!(script.contains(start), "{shell}:\n{script}");
        assert!(script.contains("next-change"), "{shell}:\n{script}");
    }
    let refused = refused(ENGLISH, &["completions", "tcsh"]);
    assert!(refused.contains("`tcsh`"), "{refused}");
}

#[test]
fn man_prints_a_manual_page_in_the_users_language() {
    let fr = help(FRENCH, &["man"]);
    assert!(
        fr.starts_with(".ie \\n(.g .ds Aq \\(aq\n"),
        "roff from the first line:\n{fr}"
    );
    let th = fr.lines().find(|l| l.starts_with(".TH ")).expect(".TH");
    assert!(th.starts_with(".TH gazette 1 "), "{th}");
    assert!(
        fr.contains("\n.SH NOM\ngazette \\- Gazette fabrique"),
        "{fr}"
    );
    assert!(fr.contains("gazette\\-build(1)"), "{fr}");
    let en = help(ENGLISH, &["man", "serve"]);
    assert!(
        en.contains("\n.TH gazette\\-serve 1 ") || en.contains("\n.TH gazette-serve 1 "),
        "{en}"
    );
    assert!(en.contains("\n.SH NAME\n"), "{en}");
    assert!(en.contains("\\fB\\-\\-open\\fR"), "{en}");
}

/// The commit `gazette --version` names: the checkout's, when the tests
/// run in one (as the build script read it), else « unknown ».
fn expected_commit() -> String {
    let root = crate::support::manifest_dir();
    let top = Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .current_dir(&root)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let in_checkout = top.is_some_and(|top| {
        std::path::Path::new(&top).canonicalize().ok() == root.canonicalize().ok()
    });
    if !in_checkout {
        return "unknown".to_string();
    }
    let head = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(&root)
        .output()
        .expect("git");
    String::from_utf8_lossy(&head.stdout).trim().to_string()
}

#[test]
fn version_names_the_version_and_the_commit() {
    let commit = expected_commit();
    let version = env!("CARGO_PKG_VERSION");
    let (en, fr) = match commit.as_str() {
        "unknown" => (
            format!("gazette {version} (commit unknown)\n"),
            format!("gazette {version} (commit inconnu)\n"),
        ),
        _ => (
            format!("gazette {version} (commit {commit})\n"),
            format!("gazette {version} (commit {commit})\n"),
        ),
    };
    assert_eq!(help(ENGLISH, &["--version"]), en);
    assert_eq!(help(FRENCH, &["-V"]), fr);
}
