//! The command line parser's own errors (an unknown option, a missing or
//! wrong value, an unknown command) in the user's language.
//!
//! clap writes its errors in English and has no way to translate them, but
//! each of its errors carries its kind and its context: the argument, the
//! value given, the values possible, the closest one. Those are turned here
//! into whole sentences of the catalog (`locales/<lang>/cli.ftl`), laid out
//! as Gazette's other messages (a problem, then a help saying what to type).
//! Only the texts are Gazette's: which arguments are wrong, and the exit
//! code (2), stay clap's.
//!
//! clap's context does not say which command was being parsed, so
//! [`command_path`] reads it off the arguments (`gazette new`), to name it
//! in the messages and in the help they point to.

use std::ffi::OsString;

use clap::Command;
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

use crate::language::Language;
use crate::messages::t;

/// The message for one of clap's errors that is not a request for the help
/// or the version: the problem and what to type instead. `command` is the
/// command as [`command_path`] found it.
pub fn message(error: &Error, lang: Language, command: &str) -> String {
    let (problem, help) = match error.kind() {
        ErrorKind::UnknownArgument => unknown_argument(error, lang, command),
        ErrorKind::InvalidSubcommand => unknown_command(error, lang),
        ErrorKind::InvalidValue => invalid_value(error, lang, command),
        ErrorKind::ValueValidation => value_validation(error, lang, command),
        ErrorKind::MissingRequiredArgument => missing_argument(error, lang, command),
        ErrorKind::MissingSubcommand => (
            t!(lang, "cli-error-missing-command"),
            t!(lang, "cli-help-commands"),
        ),
        ErrorKind::ArgumentConflict if is_repeated(error) => (
            t!(lang, "cli-error-twice", option = option(error)),
            t!(lang, "cli-help-options", command = command),
        ),
        ErrorKind::TooManyValues => (
            t!(
                lang,
                "cli-error-no-value-expected",
                option = option(error),
                value = text(error, ContextKind::InvalidValue)
            ),
            t!(lang, "cli-help-options", command = command),
        ),
        ErrorKind::InvalidUtf8 => (
            t!(lang, "cli-error-not-utf8"),
            t!(lang, "cli-help-not-utf8"),
        ),
        _ => (
            t!(lang, "cli-error-not-understood", command = command),
            t!(lang, "cli-help-options", command = command),
        ),
    };
    t!(lang, "cli-usage-error", problem = problem, help = help)
}

/// `--frob`, or a word where none is expected.
fn unknown_argument(error: &Error, lang: Language, command: &str) -> (String, String) {
    let argument = text(error, ContextKind::InvalidArg);
    if !argument.starts_with('-') {
        return (
            t!(
                lang,
                "cli-error-extra-argument",
                argument = &argument,
                command = command
            ),
            t!(lang, "cli-help-options", command = command),
        );
    }
    let problem = t!(
        lang,
        "cli-error-unknown-option",
        option = &argument,
        command = command
    );
    let help = match context(error, ContextKind::SuggestedArg) {
        Some(suggestion) => t!(
            lang,
            "cli-help-closest-option",
            suggestion = suggestion,
            command = command
        ),
        None => t!(lang, "cli-help-options", command = command),
    };
    (problem, help)
}

/// `gazette bild`, `gazette help bild`.
fn unknown_command(error: &Error, lang: Language) -> (String, String) {
    let name = text(error, ContextKind::InvalidSubcommand);
    let problem = t!(lang, "cli-error-unknown-command", name = name);
    let help = match context(error, ContextKind::SuggestedSubcommand) {
        Some(suggestion) => t!(lang, "cli-help-closest-command", suggestion = suggestion),
        None => t!(lang, "cli-help-commands"),
    };
    (problem, help)
}

/// A value that is not one of the possible ones (`--kind interviw`), or
/// no value at all (`--root` last).
fn invalid_value(error: &Error, lang: Language, command: &str) -> (String, String) {
    let option = option(error);
    let value = text(error, ContextKind::InvalidValue);
    if value.is_empty() {
        return (
            t!(lang, "cli-error-missing-value", option = &option),
            t!(lang, "cli-help-options", command = command),
        );
    }
    let problem = t!(
        lang,
        "cli-error-invalid-value",
        value = &value,
        option = &option
    );
    let values = context(error, ContextKind::ValidValue).unwrap_or_default();
    let help = match context(error, ContextKind::SuggestedValue) {
        Some(suggestion) => t!(
            lang,
            "cli-help-closest-value",
            suggestion = suggestion,
            values = values
        ),
        None if !values.is_empty() => t!(lang, "cli-help-values", values = values),
        None => t!(lang, "cli-help-options", command = command),
    };
    (problem, help)
}

/// A value its option could not read (`--port abc`, `--bind ici`).
fn value_validation(error: &Error, lang: Language, command: &str) -> (String, String) {
    let option = option(error);
    let value = text(error, ContextKind::InvalidValue);
    let problem = t!(
        lang,
        "cli-error-unreadable-value",
        value = &value,
        option = &option
    );
    let help = match option.as_str() {
        "--port" => t!(lang, "cli-help-port"),
        "--bind" => t!(lang, "cli-help-bind"),
        _ => t!(lang, "cli-help-options", command = command),
    };
    (problem, help)
}

/// `gazette new` without its path, `build --clean` without `--take-over`.
fn missing_argument(error: &Error, lang: Language, command: &str) -> (String, String) {
    let missing = context(error, ContextKind::InvalidArg).unwrap_or_default();
    if missing.starts_with('-') {
        return (
            t!(lang, "cli-error-missing-option", option = missing),
            t!(lang, "cli-help-options", command = command),
        );
    }
    let problem = t!(
        lang,
        "cli-error-missing-argument",
        argument = missing,
        command = command
    );
    let help = match command {
        "gazette new" => t!(lang, "cli-help-new-path"),
        "gazette init" => t!(lang, "cli-help-init-dir"),
        _ => t!(lang, "cli-help-options", command = command),
    };
    (problem, help)
}

/// Whether a conflict is an option with itself (`--port 1 --port 2`).
fn is_repeated(error: &Error) -> bool {
    context(error, ContextKind::PriorArg) == context(error, ContextKind::InvalidArg)
}

/// A context value as text: a string as is, a list joined with commas.
fn context(error: &Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => Some(texts.join(", ")),
        _ => None,
    }
}

/// A context value as text, empty when absent.
fn text(error: &Error, kind: ContextKind) -> String {
    context(error, kind).unwrap_or_default()
}

/// The option the error is about, without its value's placeholder
/// (clap says `--kind <GENRE>`; the messages say `--kind`).
fn option(error: &Error) -> String {
    let argument = text(error, ContextKind::InvalidArg);
    match argument.split_once(' ') {
        Some((flag, _)) if flag.starts_with('-') => flag.to_string(),
        _ => argument,
    }
}

/// The command the arguments name, as far as they name one: `gazette`,
/// `gazette new`. Options and their values are skipped; the first word
/// that is not a subcommand ends it.
pub fn command_path(command: &Command, args: &[OsString]) -> String {
    let mut path = command.get_name().to_string();
    let mut current = command;
    let mut args = args.iter().skip(1).filter_map(|arg| arg.to_str());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg.starts_with('-') {
            if takes_separate_value(command, current, arg) {
                args.next();
            }
            continue;
        }
        match current.find_subcommand(arg) {
            Some(sub) => {
                path = format!("{path} {}", sub.get_name());
                current = sub;
            }
            None => break,
        }
    }
    path
}

/// Whether `arg` is an option (of `current` or a global one of `root`)
/// whose value is the next argument (`--root site`, `-o public`).
fn takes_separate_value(root: &Command, current: &Command, arg: &str) -> bool {
    let named = |a: &&clap::Arg| match arg.strip_prefix("--") {
        Some(long) => a.get_long() == Some(long),
        None => arg.len() == 2 && a.get_short() == arg.chars().nth(1),
    };
    let found = current
        .get_arguments()
        .find(named)
        .or_else(|| root.get_arguments().find(named));
    found.is_some_and(|a| a.get_action().takes_values())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn path(args: &[&str]) -> String {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        command_path(&crate::cli::Cli::command(), &args)
    }

    #[test]
    fn the_command_is_read_past_options_and_their_values() {
        assert_eq!(path(&["gazette"]), "gazette");
        assert_eq!(path(&["gazette", "--frob"]), "gazette");
        assert_eq!(path(&["gazette", "new", "x", "--kind", "y"]), "gazette new");
        assert_eq!(
            path(&["gazette", "--root", "new", "build"]),
            "gazette build"
        );
        assert_eq!(path(&["gazette", "--root=new", "new"]), "gazette new");
        assert_eq!(path(&["gazette", "bild", "new"]), "gazette");
        assert_eq!(path(&["gazette", "--", "new"]), "gazette");
    }
}
