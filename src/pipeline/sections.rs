//! Loading the sections' `_index.md` files: a title, an introduction and
//! listing settings for each folder of `content/`. Few and small, they are
//! read on every assembly (never cached), in discovery's order.

use std::path::Path;
use std::sync::Arc;

use crate::content::article::LoadContext;
use crate::content::discover::Discovered;
use crate::content::front_matter;
use crate::content::markdown::{self, OffsetMap};
use crate::diagnostics::{Diagnostic, SourceText};
use crate::site::LoadedSection;

/// Loads every section's `_index.md`.
pub fn load_sections(
    root: &Path,
    discovered: &Discovered,
    cx: &LoadContext,
) -> (Vec<LoadedSection>, Vec<Diagnostic>) {
    let lang = cx.markdown.lang;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for s in &discovered.sections {
        let mut loaded = LoadedSection {
            dir: s.dir.clone(),
            source: None,
            meta: Default::default(),
            intro: Default::default(),
        };
        if let Some(path) = &s.index {
            match crate::sources::text(root, path, lang) {
                Ok(text) => {
                    let source = Arc::new(SourceText::new(
                        path,
                        markdown::scrub_markers(&text).into_owned(),
                    ));
                    match front_matter::split_section(&source, lang) {
                        Ok(split) => match front_matter::parse_section(&source, &split, lang) {
                            Ok(meta) => {
                                loaded.meta = meta;
                                loaded.intro = markdown::render(
                                    &source.text[split.body.clone()],
                                    &OffsetMap::contiguous(split.body.start),
                                    &cx.markdown,
                                );
                                errors.extend(crate::content::schemes::refused_links(
                                    &source,
                                    &split,
                                    [&loaded.intro],
                                    cx.markdown.urls,
                                    lang,
                                ));
                            }
                            Err(e) => errors.extend(e),
                        },
                        Err(d) => errors.push(d),
                    }
                    loaded.source = Some(source);
                }
                Err(e) => errors.extend(e),
            }
        }
        out.push(loaded);
    }
    (out, errors)
}
