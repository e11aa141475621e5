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
    assert_eq!(
        help(FRENCH, &["--version"]),
        format!("gazette {}\n", env!("CARGO_PKG_VERSION"))
    );
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
