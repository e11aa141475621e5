//! The files a build copies rather than renders: the theme's and the site's
//! static files and the content's files, listed with their source paths
//! (read when written, never held in memory), plus the one file made from
//! copies (the main stylesheet with the code colours appended). Watch mode
//! lists them alone when only a static file changed. With `relative_urls`
//! the stylesheets are read and their `url()` made relative.

use std::path::Path;

use crate::render::theme::Theme;
use crate::render::{Content, Files};
use crate::site::Site;

/// The files copied rather than rendered: the theme's and the site's static
/// files, then the content's files. Watch mode calls it alone when only a
/// static file changed.
pub fn add(files: &mut Files, site: &Site, theme: &Theme, root: &Path) {
    for (path, src) in &theme.static_files {
        files.insert(path.clone(), Content::Copy(src.clone()));
    }
    bundle_code_colours(files, root);
    for (path, src) in &site.assets {
        files.insert(path.clone(), Content::Copy(src.clone()));
    }
    if site.config.relative_urls {
        relative_stylesheets(files, &site.config.root_path, root);
    }
}

/// With `relative_urls`, every stylesheet's `url()` relative to it (see
/// `relative`): the stylesheets are then written from memory, not copied.
fn relative_stylesheets(files: &mut Files, root_path: &str, root: &Path) {
    for (path, content) in files.iter_mut() {
        if !path.ends_with(".css") {
            continue;
        }
        let bytes = match content {
            Content::Copy(src) => match crate::sources::read(root, src) {
                Ok(bytes) => bytes,
                Err(_) => continue, // the copy reports it when written
            },
            Content::Bytes(bytes) => std::mem::take(bytes),
        };
        *content = Content::Bytes(super::relative::css(&bytes, path, root_path));
    }
}

/// The theme's code colours, `css/code-light.css` and `css/code-dark.css`
/// (the latter for `prefers-color-scheme: dark`), go at the end of its main
/// stylesheet `css/gazette.css` as well: every page then asks for no more
/// stylesheets than before (a theme without them is left as it is).
fn bundle_code_colours(files: &mut Files, root: &Path) {
    let read = |key: &str| -> Option<Vec<u8>> {
        match files.get(key)? {
            Content::Copy(src) => crate::sources::read(root, src).ok(),
            Content::Bytes(b) => Some(b.clone()),
        }
    };
    let (Some(mut css), Some(light), Some(dark)) = (
        read("css/gazette.css"),
        read("css/code-light.css"),
        read("css/code-dark.css"),
    ) else {
        return;
    };
    css.extend_from_slice(b"\n");
    css.extend_from_slice(&light);
    css.extend_from_slice(b"\n@media (prefers-color-scheme: dark) {\n");
    css.extend_from_slice(&dark);
    css.extend_from_slice(b"}\n");
    files.insert("css/gazette.css".to_string(), Content::Bytes(css));
}
