//! Writer-facing messages, kept apart from the code that detects what they
//! report: one Fluent catalog per language under `locales/<lang>/`.
//!
//! Why Fluent and not a typed catalog of our own: the catalogs are plain
//! text files that a communication team can reword or a translator can
//! extend without reading Rust; Fluent is Mozilla's format for exactly this
//! (Firefox's messages), it selects plural forms by each language's CLDR
//! rules (« 1 article », « 2 articles »), and fluent-bundle parses and
//! formats it without any runtime file. What a typed catalog would give
//! (every message in every language, every variable passed) is proved by
//! the tests below instead, from the catalogs' syntax trees and from the
//! call sites in `src/`.
//!
//! Shape: a catalog is split into one file per top-level module that emits
//! messages (`locales/fr/site.ftl` holds what `src/site/` says), so a
//! message is found next to its siblings and two people editing two parts
//! do not touch one file. Code names a message by a literal id and passes
//! its variables by name through [`t!`]:
//!
//! ```ignore
//! t!(lang, "link-outside-content", dest = &link.dest)
//! ```
//!
//! The parsed catalogs are built once per process, on first use, and never
//! change after (immutable data, like a constant table; not mutable global
//! state). Bidi isolation marks are off: messages go to terminals, logs and
//! French HTML pages, where U+2068/U+2069 around every value would only be
//! noise. A message the catalog lacks (which the tests rule out) formats as
//! its id rather than failing: a wrong word must never stop a build.

use crate::language::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::LazyLock;

pub use fluent_bundle::FluentValue as Value;

/// The arguments of one message, by variable name.
pub type Args<'a> = FluentArgs<'a>;

/// Formats the message `id` of `lang`'s catalog with its named arguments.
///
/// ```ignore
/// let text = t!(lang, "link-outside-content", dest = &link.dest);
/// ```
macro_rules! t {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = $crate::messages::Args::new();
        $( args.set(stringify!($name), $crate::messages::value($value)); )*
        $crate::messages::format($lang, $id, &args)
    }};
}
pub(crate) use t;

/// The catalog files of each language, one per emitting module, in the
/// order they are loaded. A test checks that `locales/<lang>/` holds
/// exactly these files.
macro_rules! catalog {
    ($lang:literal: $($area:literal),* $(,)?) => {
        &[$(($area, include_str!(concat!("../../locales/", $lang, "/", $area, ".ftl")))),*]
    };
}

/// A catalog: its files' names (without `.ftl`) and texts.
type Files = &'static [(&'static str, &'static str)];

/// The French catalog.
const FRENCH: Files = catalog!("fr":
    "archetype", "check", "cli", "config", "content", "dates", "diagnostics", "images", "init", "os-errors", "output",
    "progress", "render", "search", "serve", "site", "sources", "studio", "url-schemes", "yaml",
);

/// The English catalog: the same files.
const ENGLISH: Files = catalog!("en":
    "archetype", "check", "cli", "config", "content", "dates", "diagnostics", "images", "init", "os-errors", "output",
    "progress", "render", "search", "serve", "site", "sources", "studio", "url-schemes", "yaml",
);

/// The files of `lang`'s catalog.
fn files(lang: Language) -> Files {
    match lang {
        Language::Fr => FRENCH,
        Language::En => ENGLISH,
    }
}

/// A parsed catalog, shareable between the build's threads.
type Bundle = FluentBundle<FluentResource>;

/// Parses `lang`'s catalog. Parse errors are left to the tests, which fail
/// on any; a message that did not parse formats as its id.
fn bundle(lang: Language) -> Bundle {
    let id = match lang {
        Language::Fr => unic_langid::langid!("fr"),
        Language::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    for (_, text) in files(lang) {
        let resource = match FluentResource::try_new((*text).to_string()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        // Duplicate ids keep their first text; the tests forbid them.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

static FRENCH_BUNDLE: LazyLock<Bundle> = LazyLock::new(|| bundle(Language::Fr));
static ENGLISH_BUNDLE: LazyLock<Bundle> = LazyLock::new(|| bundle(Language::En));

/// Formats message `id` of `lang`'s catalog; use [`t!`] rather than this.
pub fn format(lang: Language, id: &str, args: &Args) -> String {
    let bundle: &Bundle = match lang {
        Language::Fr => &FRENCH_BUNDLE,
        Language::En => &ENGLISH_BUNDLE,
    };
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    let args = args.iter().next().is_some().then_some(args);
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// A message argument: text as it is, numbers as numbers (so plural
/// selectors see them).
pub fn value<'a>(value: impl Into<Arg<'a>>) -> Value<'a> {
    value.into().0
}

/// What [`t!`] accepts as a variable's value.
pub struct Arg<'a>(Value<'a>);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg(Value::from(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg(Value::from(text.as_str()))
    }
}

impl<'a> From<&'a &'a str> for Arg<'a> {
    fn from(text: &'a &'a str) -> Self {
        Arg(Value::from(*text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg(Value::from(text))
    }
}

impl<'a> From<std::borrow::Cow<'a, str>> for Arg<'a> {
    fn from(text: std::borrow::Cow<'a, str>) -> Self {
        Arg(Value::from(text))
    }
}

macro_rules! numbers {
    ($($number:ty),*) => {$(
        impl From<$number> for Arg<'_> {
            fn from(number: $number) -> Self {
                Arg(Value::from(number))
            }
        }
        impl From<&$number> for Arg<'_> {
            fn from(number: &$number) -> Self {
                Arg(Value::from(*number))
            }
        }
    )*};
}
numbers!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

#[cfg(test)]
mod tests;
