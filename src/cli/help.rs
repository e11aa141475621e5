//! The command line's help in the user's language.
//!
//! clap has no localisation: its derive takes the English doc comments of
//! `Cli`'s fields as help texts, and its help renderer writes a few English
//! words of its own (« Usage », « Options », « Commands », « Arguments »,
//! `[default: …]`, `[possible values: …]`, « Print help »). So the
//! `Command` is built from the derive and then every text a person reads is
//! set again from the catalog (`locales/<lang>/cli.ftl`):
//!
//! - each command's `about` (and no `long_about`, so `-h` and `--help` say
//!   the same), each argument's `help` and value name;
//! - the headings: arguments are given an explicit heading (« Arguments »,
//!   « Options ») instead of clap's implicit English ones, the subcommands'
//!   heading is set, and the help template names the usage line itself;
//! - default and possible values are not appended by clap: the catalog's
//!   help text says them in a sentence;
//! - the help and version flags and the `help` subcommand are Gazette's
//!   own (clap's are turned off), with texts from the catalog; the version
//!   names the commit the binary was built from (`GAZETTE_COMMIT`, set by
//!   build.rs).
//!
//! The completion scripts and the manual page are generated from this same
//! localised `Command` (`completions.rs`, `man.rs`), so they cannot drift
//! from the help.
//!
//! The texts are found by command and argument name in one table
//! ([`about`], [`argument_help`]); a test walks the whole command and fails
//! on any argument or command the table does not cover, so a new option
//! cannot appear with the derive's English text.

use clap::{Arg, ArgAction, Command};

use crate::language::Language;
use crate::messages::t;

/// The id of Gazette's own help flag and of the `help` command's argument.
const HELP: &str = "help";

/// Where the help and version flags sort among a command's options: last.
const LAST: usize = 1000;

/// The command line as the derive built it, with every text from `lang`'s
/// catalog and Gazette's own help and version flags and `help` command.
pub fn localized(command: Command, lang: Language) -> Command {
    let version_flag = Arg::new("version")
        .short('V')
        .long("version")
        .action(ArgAction::Version)
        .display_order(LAST + 1);
    let command = command
        .version(version(lang))
        .disable_version_flag(true)
        .arg(version_flag)
        .disable_help_subcommand(true)
        .subcommand(help_command())
        .subcommand_help_heading(t!(lang, "cli-heading-commands"))
        .subcommand_value_name(t!(lang, "cli-value-command"));
    localize(command, lang).mut_subcommands(|sub| localize(sub, lang))
}

/// `0.1.0 (commit 1a2b3c4)`: the version and the commit of the binary
/// (clap writes the program's name before it).
pub fn version(lang: Language) -> String {
    t!(
        lang,
        "cli-version",
        version = env!("CARGO_PKG_VERSION"),
        commit = env!("GAZETTE_COMMIT")
    )
}

/// `gazette help [COMMAND]`: prints the help of the command, as `--help`.
fn help_command() -> Command {
    Command::new(HELP).arg(Arg::new("command").action(ArgAction::Set))
}

/// One command's texts: its description, its arguments, its headings.
fn localize(command: Command, lang: Language) -> Command {
    let name = command.get_name().to_string();
    let header = command.get_styles().get_header();
    let usage = t!(lang, "cli-heading-usage");
    let template =
        format!("{{about-with-newline}}\n{header}{usage}{header:#} {{usage}}\n\n{{all-args}}");
    let help = Arg::new(HELP)
        .short('h')
        .long(HELP)
        .action(ArgAction::Help)
        .display_order(LAST);
    let command = match about(lang, &name) {
        Some(about) => command.about(about),
        None => command,
    };
    command
        .long_about(None)
        .help_template(template)
        .disable_help_flag(true)
        .arg(help)
        .mut_args(|arg| localize_argument(arg, lang, &name))
}

/// One argument's help, value name and heading.
fn localize_argument(arg: Arg, lang: Language, command: &str) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let heading = if arg.is_positional() {
        t!(lang, "cli-heading-arguments")
    } else {
        t!(lang, "cli-heading-options")
    };
    let arg = match value_name(lang, &id) {
        Some(name) => arg.value_name(name),
        None => arg,
    };
    let arg = match argument_help(lang, command, &id) {
        Some(help) => arg.help(help),
        None => arg,
    };
    let arg = arg.long_help(None).help_heading(heading);
    if arg.get_action().takes_values() {
        // The catalog's text says them in a sentence.
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    }
}

/// What a command does, by its name (`gazette` for the whole program).
pub fn about(lang: Language, command: &str) -> Option<String> {
    Some(match command {
        "gazette" => t!(lang, "cli-about"),
        "build" => t!(lang, "cli-about-build"),
        "check" => t!(lang, "cli-about-check"),
        "init" => t!(lang, "cli-about-init"),
        "new" => t!(lang, "cli-about-new"),
        "serve" => t!(lang, "cli-about-serve"),
        "edit" => t!(lang, "cli-about-edit"),
        "next-change" => t!(lang, "cli-about-next-change"),
        "completions" => t!(lang, "cli-about-completions"),
        "man" => t!(lang, "cli-about-man"),
        HELP => t!(lang, "cli-about-help"),
        _ => return None,
    })
}

/// What an argument of a command is for, by the command's and the
/// argument's names.
pub fn argument_help(lang: Language, command: &str, argument: &str) -> Option<String> {
    Some(match (command, argument) {
        (_, HELP) => t!(lang, "cli-flag-help"),
        ("gazette", "version") => t!(lang, "cli-flag-version"),
        (_, "root") => t!(lang, "cli-option-root"),
        (_, "drafts") => t!(lang, "cli-option-drafts"),
        (_, "future") => t!(lang, "cli-option-future"),
        ("build", "output") => t!(lang, "cli-option-output"),
        ("build", "base_url") => t!(lang, "cli-option-build-base-url"),
        ("build", "watch") => t!(lang, "cli-option-watch"),
        ("build", "take_over") => t!(lang, "cli-option-take-over"),
        ("build", "clean") => t!(lang, "cli-option-clean"),
        ("build", "relative_urls") => t!(lang, "cli-option-relative-urls"),
        ("check", "format") => t!(lang, "cli-option-format"),
        ("check", "deny_warnings") => t!(lang, "cli-option-deny-warnings"),
        ("init", "dir") => t!(lang, "cli-argument-init-dir"),
        ("init", "ci") => t!(lang, "cli-option-ci"),
        ("new", "path") => t!(lang, "cli-argument-new-path"),
        ("new", "kind") => t!(lang, "cli-option-kind"),
        ("serve", "bind") => t!(lang, "cli-option-bind"),
        ("serve", "port") => t!(lang, "cli-option-port"),
        ("serve", "base_url") => t!(lang, "cli-option-serve-base-url"),
        ("serve", "open") => t!(lang, "cli-option-open"),
        ("serve", "edit") => t!(lang, "cli-option-edit"),
        ("edit", "bind") => t!(lang, "cli-option-edit-bind"),
        ("edit", "port") => t!(lang, "cli-option-port"),
        ("completions", "shell") => t!(lang, "cli-argument-completions-shell"),
        ("man", "command") => t!(lang, "cli-argument-man-command"),
        (HELP, "command") => t!(lang, "cli-argument-help-command"),
        _ => return None,
    })
}

/// The placeholder of an argument's value in the help (`<CHEMIN>`), by the
/// argument's name; `None` for flags.
fn value_name(lang: Language, argument: &str) -> Option<String> {
    Some(match argument {
        "root" | "output" | "dir" => t!(lang, "cli-value-folder"),
        "path" => t!(lang, "cli-value-path"),
        "kind" => t!(lang, "cli-value-kind"),
        "base_url" => t!(lang, "cli-value-url"),
        "bind" => t!(lang, "cli-value-address"),
        "port" => t!(lang, "cli-value-port"),
        "format" => t!(lang, "cli-value-format"),
        "ci" => t!(lang, "cli-value-service"),
        "command" => t!(lang, "cli-value-command"),
        "shell" => t!(lang, "cli-value-shell"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and argument of the command line, as (command,
    /// argument) pairs, `None` for the command itself.
    fn everything(command: &Command) -> Vec<(String, Option<String>)> {
        let mut out = vec![(command.get_name().to_string(), None)];
        for arg in command.get_arguments() {
            out.push((
                command.get_name().to_string(),
                Some(arg.get_id().to_string()),
            ));
        }
        for sub in command.get_subcommands() {
            out.extend(everything(sub));
        }
        out
    }

    #[test]
    fn the_catalog_describes_every_command_and_argument() {
        for lang in [Language::Fr, Language::En] {
            let mut command = localized(crate::cli::Cli::command(), lang);
            command.build();
            for (name, arg) in everything(&command) {
                match arg {
                    None => assert!(about(lang, &name).is_some(), "{name} has no about"),
                    Some(arg) => assert!(
                        argument_help(lang, &name, &arg).is_some(),
                        "{name} {arg} has no help"
                    ),
                }
            }
        }
    }

    #[test]
    fn the_help_has_no_english_of_clap_or_of_the_derive_in_french() {
        let mut command = localized(crate::cli::Cli::command(), Language::Fr);
        command.build();
        let mut texts = vec![command.render_long_help().to_string()];
        for sub in command.get_subcommands_mut() {
            texts.push(sub.render_long_help().to_string());
        }
        for text in texts {
            for english in [
                "Usage", "Commands", "Print", "default:", "possible", "Include", "The ",
            ] {
                assert!(!text.contains(english), "« {english} » in:\n{text}");
            }
        }
    }
}
