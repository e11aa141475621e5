//! The crate's layers, lowest first, and the test that keeps imports
//! pointing down.
//!
//! A module may use the modules of lower layers only: data is read by
//! `content`, assembled by `site`, rendered by `render`, written by
//! `output`, and `pipeline` runs those stages for the drivers above it
//! (`build`, `check`, `serve`), with `cli` at the edge. A type lives in the
//! lowest layer that needs it (the output files in `output`, which
//! `render` fills; a generated page's folder in `site::paths`, which
//! `render` and `search` read). The table is data, not a convention: the
//! test below reads every source file and fails on an import that points
//! up or sideways, naming the file and both modules, and on a top-level
//! module missing from the table. `docs/architecture.md` explains the
//! layers.

/// The top-level modules by layer, lowest first. Modules of one layer do
/// not use each other.
pub const LAYERS: &[&[&str]] = &[
    &["language", "digest"],
    &["messages"],
    &["diagnostics", "dates", "os_errors", "outcome", "typography"],
    &["yaml", "url_schemes", "progress", "images"],
    &["sources"],
    &["content"],
    &["config"],
    &["site", "output"],
    &["search"],
    &["render"],
    &["pipeline"],
    &["build", "init"],
    &["archetype", "check", "serve"],
    &["studio"],
    &["cli"],
];

/// The layer of a top-level module, if the table has it.
pub fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The top-level modules `text` names as `crate::…`, outside comments
    /// and test modules.
    fn used(text: &str) -> Vec<String> {
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let mut out = Vec::new();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            let mut rest = line;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        }
        out
    }

    #[test]
    fn imports_point_down_the_layers() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut wrong = Vec::new();
        for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
            let entry = entry.expect("walk src");
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).expect("inside src");
            let first = rel.components().next().expect("a component");
            let module = first
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string();
            if module == "lib" || module == "main" || module == "layers" {
                continue;
            }
            let Some(own) = layer_of(&module) else {
                wrong.push(format!(
                    "{}: module `{module}` is in no layer of LAYERS",
                    rel.display()
                ));
                continue;
            };
            let text = std::fs::read_to_string(path).expect("read source");
            for target in used(&text) {
                if target == module {
                    continue;
                }
                match layer_of(&target) {
                    Some(l) if l < own => {}
                    _ => wrong.push(format!(
                        "{}: `{module}` (layer {own}) uses `{target}` ({})",
                        rel.display(),
                        layer_of(&target).map_or("no layer".into(), |l| format!("layer {l}"))
                    )),
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "imports against the layers:\n{}",
            wrong.join("\n")
        );
    }

    #[test]
    fn the_scan_sees_imports_and_skips_comments() {
        assert_eq!(
            used(
                "use crate::site::Site;\n// crate::serve::x\nlet a = crate::render::plan();\n#[cfg(test)]\nuse crate::cli;"
            ),
            ["site", "render"]
        );
    }
}
