//! The syntax errors of a body: what can be wrong with a shortcode line,
//! where, and how to say it to a writer, in French or English.
//!
//! An error is data first ([`ShortcodeError`]: a span and a kind, with the
//! reason a line does not parse as a [`Malformed`] value), so the parser
//! decides *what* is wrong and this module alone decides how it reads: the
//! stable code `check` and the docs use, a one-line message, and a help
//! written for a writer rather than a developer. A line that breaks off
//! before its name or parenthesis may not be meant as a shortcode at all,
//! so its help also says how to write literal braces.
//!
//! Spans are byte ranges into the body, always on character boundaries; a
//! span is empty only when something is missing at the end of a line (it
//! then sits just after the last non-blank character). The caller shifts
//! them to the file.

use crate::diagnostics::Code;
use std::ops::Range;

use crate::language::Language;

/// A syntax error in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortcodeError {
    /// Byte range of the offending text in the body (empty only for
    /// something missing at the end of a line).
    pub span: Range<usize>,
    /// What is wrong.
    pub kind: ShortcodeErrorKind,
}

/// What is wrong with a shortcode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShortcodeErrorKind {
    /// A `{{`/`{%` line that does not parse; the span points at the
    /// offending character.
    Malformed(Malformed),
    /// An argument given twice; the span is its second name.
    DuplicateArgument {
        /// The argument's name.
        name: String,
    },
    /// A block without its `{% end %}`; the span is the opening tag.
    Unterminated {
        /// The block's name.
        name: String,
    },
    /// A `{% end %}` with no block open; the span is that tag.
    UnexpectedEnd,
    /// A block opened inside another one; the span is the inner opening tag.
    Nested {
        /// The inner block's name.
        name: String,
        /// The enclosing block's name.
        outer: String,
    },
}

/// Why a shortcode line does not parse: what was expected where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// No shortcode name after `{{`/`{%`.
    ExpectedName,
    /// A character not allowed in a shortcode name (upper case, accent…).
    InvalidName,
    /// No `(` after the shortcode name.
    ExpectedOpenParen,
    /// Something other than an argument name or `)` inside the parentheses.
    ExpectedArgumentName,
    /// A character not allowed in an argument name.
    InvalidArgumentName,
    /// A value given without a name: `("volontaires")`.
    PositionalArgument,
    /// No `=` after an argument name.
    ExpectedEquals,
    /// Nothing after `=`.
    ExpectedValue,
    /// A text value without quotes: `id=volontaires`.
    UnquotedText {
        /// The argument's name.
        arg: String,
        /// The text as written.
        text: String,
    },
    /// A quote never closed on the line; the span is the opening quote.
    UnclosedQuote,
    /// A typographic quote (`“`, `«`, `’`…) where a straight one is needed.
    TypographicQuote,
    /// An integer too large for 64 bits, or an infinite decimal.
    NumberOutOfRange,
    /// Two arguments not separated by a comma.
    ExpectedComma,
    /// The argument list not closed by `)`.
    ExpectedCloseParen,
    /// The tag not closed by its delimiter.
    ExpectedClose {
        /// `}}` for an inline shortcode, `%}` for a block tag.
        delimiter: &'static str,
    },
    /// Parentheses on `{% end %}`.
    EndWithArguments,
    /// Text after the closing delimiter, on the same line.
    TrailingText,
}

impl ShortcodeError {
    /// An error of this kind at `span`.
    pub(super) fn new(span: Range<usize>, kind: ShortcodeErrorKind) -> Self {
        ShortcodeError { span, kind }
    }

    /// A line that does not parse, for this reason, at `span`.
    pub(super) fn malformed(span: Range<usize>, why: Malformed) -> Self {
        ShortcodeError::new(span, ShortcodeErrorKind::Malformed(why))
    }

    /// A stable identifier for the kind of error.
    pub fn code(&self) -> Code {
        match self.kind {
            ShortcodeErrorKind::Malformed(_) => Code::ShortcodeMalformed,
            ShortcodeErrorKind::DuplicateArgument { .. } => Code::ShortcodeDuplicateArgument,
            ShortcodeErrorKind::Unterminated { .. } => Code::ShortcodeUnterminated,
            ShortcodeErrorKind::UnexpectedEnd => Code::ShortcodeUnexpectedEnd,
            ShortcodeErrorKind::Nested { .. } => Code::ShortcodeNested,
        }
    }

    /// What is wrong, in one line.
    pub fn message(&self, lang: Language) -> String {
        match &self.kind {
            ShortcodeErrorKind::Malformed(why) => {
                let (fr, en) = malformed_message(why);
                lang.pick(
                    format!("shortcode mal formé : {fr}"),
                    format!("malformed shortcode: {en}"),
                )
            }
            ShortcodeErrorKind::DuplicateArgument { name } => lang.pick(
                format!("l’argument « {name} » est donné deux fois"),
                format!("the argument `{name}` is given twice"),
            ),
            ShortcodeErrorKind::Unterminated { name } => lang.pick(
                format!("le bloc « {name} » n’est jamais fermé"),
                format!("the block `{name}` is never closed"),
            ),
            ShortcodeErrorKind::UnexpectedEnd => lang.pick(
                "« {% end %} » sans bloc ouvert".to_string(),
                "`{% end %}` without an open block".to_string(),
            ),
            ShortcodeErrorKind::Nested { name, outer } => lang.pick(
                format!("bloc « {name} » ouvert à l’intérieur du bloc « {outer} »"),
                format!("block `{name}` opened inside the block `{outer}`"),
            ),
        }
    }

    /// How to fix it, for a writer rather than a developer.
    pub fn help(&self, lang: Language) -> String {
        match &self.kind {
            ShortcodeErrorKind::Malformed(why) => malformed_help(why, lang),
            ShortcodeErrorKind::DuplicateArgument { name } => lang.pick(
                format!("gardez un seul « {name}=… » dans ce shortcode"),
                format!("keep a single `{name}=…` in this shortcode"),
            ),
            ShortcodeErrorKind::Unterminated { name } => lang.pick(
                format!(
                    "ajoutez une ligne « {{% end %}} » après le contenu du bloc « {name} » \
                     (une ligne « {{% end %}} » dans un bloc de code ne compte pas)"
                ),
                format!(
                    "add a line `{{% end %}}` after the content of the block `{name}` \
                     (a `{{% end %}}` line inside a code block does not count)"
                ),
            ),
            ShortcodeErrorKind::UnexpectedEnd => lang.pick(
                "supprimez cette ligne, ou ouvrez le bloc avant, par exemple \
                 « {% aside(title=\"À savoir\") %} »"
                    .to_string(),
                "remove this line, or open the block before it, for example \
                 `{% aside(title=\"Good to know\") %}`"
                    .to_string(),
            ),
            ShortcodeErrorKind::Nested { name, outer } => lang.pick(
                format!(
                    "les blocs ne s’imbriquent pas : fermez « {outer} » par « {{% end %}} » \
                     avant d’ouvrir « {name} »"
                ),
                format!(
                    "blocks do not nest: close `{outer}` with `{{% end %}}` before opening `{name}`"
                ),
            ),
        }
    }
}

/// What is wrong with a line that does not parse: `(French, English)`.
fn malformed_message(why: &Malformed) -> (String, String) {
    let (fr, en) = match why {
        Malformed::ExpectedName => (
            "un nom de shortcode est attendu",
            "a shortcode name is expected",
        ),
        Malformed::InvalidName => (
            "caractère interdit dans un nom de shortcode",
            "character not allowed in a shortcode name",
        ),
        Malformed::ExpectedOpenParen => (
            "une parenthèse ouvrante est attendue",
            "an opening parenthesis is expected",
        ),
        Malformed::ExpectedArgumentName => (
            "un nom d’argument est attendu",
            "an argument name is expected",
        ),
        Malformed::InvalidArgumentName => (
            "caractère interdit dans un nom d’argument",
            "character not allowed in an argument name",
        ),
        Malformed::PositionalArgument => ("argument sans nom", "argument without a name"),
        Malformed::ExpectedEquals => (
            "un signe « = » est attendu après le nom de l’argument",
            "an `=` is expected after the argument name",
        ),
        Malformed::ExpectedValue => (
            "une valeur est attendue après « = »",
            "a value is expected after `=`",
        ),
        Malformed::UnquotedText { text, .. } => {
            return (
                format!("le texte « {text} » doit être entre guillemets"),
                format!("the text `{text}` must be in quotes"),
            );
        }
        Malformed::UnclosedQuote => ("guillemet jamais refermé", "quote never closed"),
        Malformed::TypographicQuote => (
            "guillemet typographique au lieu d’un guillemet droit",
            "typographic quote instead of a straight one",
        ),
        Malformed::NumberOutOfRange => ("nombre trop grand", "number too large"),
        Malformed::ExpectedComma => (
            "une virgule est attendue entre deux arguments",
            "a comma is expected between two arguments",
        ),
        Malformed::ExpectedCloseParen => (
            "une parenthèse fermante est attendue",
            "a closing parenthesis is expected",
        ),
        Malformed::ExpectedClose { delimiter } => {
            return (
                format!("« {delimiter} » est attendu pour fermer le shortcode"),
                format!("`{delimiter}` is expected to close the shortcode"),
            );
        }
        Malformed::EndWithArguments => (
            "« {% end %} » ne prend pas de parenthèses",
            "`{% end %}` takes no parentheses",
        ),
        Malformed::TrailingText => (
            "texte après la fin du shortcode",
            "text after the end of the shortcode",
        ),
    };
    (fr.to_string(), en.to_string())
}

/// How to fix a line that does not parse, for a writer.
fn malformed_help(why: &Malformed, lang: Language) -> String {
    const LITERAL_FR: &str = " ; pour écrire des accolades telles quelles, \
                              mettez-les dans du code : `{{ … }}`";
    const LITERAL_EN: &str = "; to write literal braces, put them in a code span: `{{ … }}`";
    const ARGS_FR: &str = "les arguments s’écrivent nom=valeur, séparés par des virgules : \
                           {{ interview(questions=\"2-3\") }}";
    const ARGS_EN: &str = "arguments are written name=value, separated by commas: \
                           {{ interview(questions=\"2-3\") }}";
    let (fr, en): (&str, &str) = match why {
        // A line that breaks off this early may not be meant as a
        // shortcode at all: the help also says how to write literal braces.
        Malformed::ExpectedName | Malformed::InvalidName | Malformed::ExpectedOpenParen => {
            let (fr, en) = name_help(why);
            return lang.pick(format!("{fr}{LITERAL_FR}"), format!("{en}{LITERAL_EN}"));
        }
        Malformed::UnquotedText { arg, text } => {
            let quoted = text.replace('\\', "\\\\").replace('"', "\\\"");
            return lang.pick(
                format!("mettez-le entre guillemets : {arg}=\"{quoted}\""),
                format!("put it in quotes: {arg}=\"{quoted}\""),
            );
        }
        Malformed::ExpectedArgumentName | Malformed::ExpectedEquals | Malformed::ExpectedComma => {
            (ARGS_FR, ARGS_EN)
        }
        Malformed::InvalidArgumentName
        | Malformed::PositionalArgument
        | Malformed::ExpectedValue
        | Malformed::UnclosedQuote
        | Malformed::TypographicQuote
        | Malformed::NumberOutOfRange => argument_help(why),
        Malformed::ExpectedCloseParen
        | Malformed::ExpectedClose { .. }
        | Malformed::EndWithArguments
        | Malformed::TrailingText => closing_help(why),
    };
    lang.pick(fr, en).to_string()
}

/// The help for a missing or faulty shortcode name or opening parenthesis,
/// `(French, English)`; [`malformed_help`] sends no other mistake here.
fn name_help(why: &Malformed) -> (&'static str, &'static str) {
    match why {
        Malformed::ExpectedName => (
            "écrivez le nom juste après l’accolade, par exemple {{ quote(id=\"sens\") }}",
            "write the name right after the braces, for example {{ quote(id=\"sens\") }}",
        ),
        Malformed::InvalidName => (
            "un nom s’écrit en minuscules sans accents, chiffres, « _ » et « - », et commence par une lettre ou « _ »",
            "a name uses lowercase letters without accents, digits, `_` and `-`, and starts with a letter or `_`",
        ),
        Malformed::ExpectedOpenParen => (
            "les parenthèses sont obligatoires, même vides : {{ interview() }}",
            "parentheses are required, even empty: {{ interview() }}",
        ),
        other => unreachable!("{other:?} is not a name mistake"),
    }
}

/// The help for a faulty argument, `(French, English)`;
/// [`malformed_help`] sends no other mistake here.
fn argument_help(why: &Malformed) -> (&'static str, &'static str) {
    match why {
        Malformed::InvalidArgumentName => (
            "un nom d’argument s’écrit en minuscules sans accents, chiffres, « _ » et « - », \
             et commence par une lettre ou « _ »",
            "an argument name uses lowercase letters without accents, digits, `_` and `-`, \
             and starts with a letter or `_`",
        ),
        Malformed::PositionalArgument => (
            "nommez chaque argument, par exemple id=\"volontaires\" plutôt que \"volontaires\"",
            "name every argument, for example id=\"volontaires\" rather than \"volontaires\"",
        ),
        Malformed::ExpectedValue => (
            "donnez une valeur : un texte entre guillemets (\"…\"), un nombre, true ou false",
            "give a value: a text in quotes (\"…\"), a number, true or false",
        ),
        Malformed::UnclosedQuote => (
            "refermez le texte par le même guillemet, sur la même ligne ; pour un guillemet \
             dans le texte, écrivez \\\"",
            "close the text with the same quote, on the same line; for a quote inside the \
             text, write \\\"",
        ),
        Malformed::TypographicQuote => (
            "entourez les textes de guillemets droits \"…\" (le traitement de texte a pu les \
             remplacer par des guillemets typographiques)",
            "put texts between straight quotes \"…\" (a word processor may have replaced them \
             with typographic ones)",
        ),
        Malformed::NumberOutOfRange => (
            "s’il s’agit d’un texte, mettez-le entre guillemets",
            "if it is a text, put it in quotes",
        ),
        other => unreachable!("{other:?} is not an argument mistake"),
    }
}

/// The help for a tag not closed as it should be, `(French, English)`;
/// [`malformed_help`] sends no other mistake here.
fn closing_help(why: &Malformed) -> (&'static str, &'static str) {
    match why {
        Malformed::ExpectedCloseParen => (
            "fermez la liste des arguments par « ) », par exemple {{ quote(id=\"sens\") }}",
            "close the argument list with `)`, for example {{ quote(id=\"sens\") }}",
        ),
        Malformed::ExpectedClose { delimiter: "%}" } => (
            "une balise de bloc ouverte par « {% » se ferme par « %} », par exemple \
             {% aside(title=\"À savoir\") %}",
            "a block tag opened with `{%` closes with `%}`, for example \
             {% aside(title=\"Good to know\") %}",
        ),
        Malformed::ExpectedClose { .. } => (
            "un shortcode ouvert par « {{ » se ferme par « }} », par exemple \
             {{ quote(id=\"sens\") }}",
            "a shortcode opened with `{{` closes with `}}`, for example {{ quote(id=\"sens\") }}",
        ),
        Malformed::EndWithArguments => ("écrivez simplement {% end %}", "write just {% end %}"),
        Malformed::TrailingText => (
            "un shortcode doit être seul sur sa ligne : passez ce texte à la ligne",
            "a shortcode must be alone on its line: move this text to another line",
        ),
        other => unreachable!("{other:?} is not a closing mistake"),
    }
}
