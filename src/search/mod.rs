//! The site's search index, built by pagefind (`search: true`).
//!
//! Why it is shaped so:
//!
//! - **One pure function over rendered pages.** `index` takes the article
//!   pages already rendered in memory (URL and HTML) and returns the files to
//!   add to the output. It touches no disk, so `build`, `check` and `serve`
//!   share it, and the output stage stays the only writer. The caller decides
//!   which pages count (published articles only: no listings, no 404, no
//!   alias redirects); this module never sees the others.
//! - **pagefind's own Rust API, not a hand-made index.** `PagefindIndex`
//!   parses each page (`add_html_file`, honouring `data-pagefind-body`,
//!   `data-pagefind-ignore` and `data-pagefind-meta` in the theme, and
//!   leaving out the body's tables and note marks, [`NOT_TEXT`]), stems the
//!   words in the site's language (`fr` or `en`, forced, so a template that
//!   forgets `<html lang>` still gets French stemming) and returns its bundle
//!   (`get_files`): the index chunks, the fragments, the language's WebAssembly
//!   and `pagefind.js`, which the theme's search page loads.
//! - **Each page trimmed to what pagefind reads** (`trim`): its head and
//!   its `data-pagefind-body` element, without the header, menus, related
//!   articles and footer that pagefind would parse only to drop.
//!   The vendored pagefind reads such a page, regular as the theme writes
//!   it, with a plain tokenizer instead of lol_html, to the same result
//!   (its patch 10); a page that is not regular is parsed as before.
//! - **In parts on a large site.** pagefind keeps every word of the pages
//!   it indexes in memory until it writes. Above [`SPLIT_ABOVE`]
//!   pages the index is built in parts (two at least, one per
//!   [`PAGES_PER_PART`] pages), one after the other, each part's pages read
//!   side by side on rayon's threads (the vendored pagefind's
//!   `add_html_files`), so memory holds one part: the first at `pagefind/`, the others at
//!   `pagefind/parts/2/`…, listed in `pagefind/gazette-parts.json`, which
//!   the theme's script merges with pagefind's `mergeIndex` (which ranks
//!   the results of all parts together, by score). How many parts depends
//!   only on the number of pages, never on the machine; which part a page
//!   is in, only on its address (a hash), so that a new article, or one
//!   moved in the site's order, changes one part: the build cache keeps
//!   the others.
//! - **A current-thread tokio runtime.** The API is `async` and hands each
//!   page to `tokio::task::spawn_blocking`, so it needs a tokio runtime, and
//!   pagefind already depends on tokio: the smallest runtime that works is
//!   one built here, on this thread, for the duration of the call. It must
//!   not be called from inside another tokio runtime. Each part has its own.
//! - **Only what `pagefind.js` loads.** pagefind also returns its ready-made
//!   interfaces (`pagefind-ui.*`, `pagefind-modular-ui.*`,
//!   `pagefind-component-ui.*`, `pagefind-highlight.js`, about 450 kB). The
//!   theme uses the `pagefind.js` API behind its own accessible form, so
//!   those files are left out of the output.
//! - **gzip at level [`COMPRESSION_LEVEL`], not 9.** Compressing the index
//!   was a fifth of a build with search at level 9, pagefind's fixed level;
//!   the level is an option of the vendored pagefind
//!   (`vendor/pagefind/PATCHES.md`). Measured on the 1,000-article index
//!   (`docs/performance.md`), 9 costs 2.3 times the instructions of 3 for an
//!   index 2.5% smaller, and 7 and 8 are as small as 9.
//! - **Deterministic.** pagefind names its files by content hashes (of the
//!   uncompressed bytes), sorts its words and pages, and gzips with a zero
//!   timestamp; pages are fed in the
//!   caller's (stable) order and the result is sorted by path. The same
//!   sources give the same bytes (checked by `tests/integration/search.rs`).
//! - **Nothing silently dropped.** Once one page marks `data-pagefind-body`,
//!   pagefind skips every page that does not. A site's own article template
//!   may lack the mark; such a page is indexed whole (its `<body>`) rather than
//!   left out of the search.
//! - **A plain-script index beside it for a site opened from disk**
//!   (`relative_urls: true`), where pagefind cannot load: `offline`.

pub mod cache;
pub mod offline;
mod trim;

use crate::diagnostics::Code;
use std::collections::BTreeMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::diagnostics::{Diagnostic, Staged};
use crate::language::Language;
use crate::messages::t;
use crate::output::{Content, Files};
use crate::site::Site;

/// The output folder of the index, and the search page's folder (their
/// home is the list of every output path, `site::paths`).
pub use crate::site::paths::{SEARCH_INDEX_DIR as DIR, search_page as page_path};

/// pagefind's ready-made interfaces, which the theme does not use.
const UNUSED: &[&str] = &[
    "pagefind-ui.",
    "pagefind-modular-ui.",
    "pagefind-component-ui.",
    "pagefind-highlight.js",
];

/// Pages per part of the index. pagefind keeps every word of every page
/// in memory until it writes: a large site is indexed in parts, one after
/// the other, each with a fraction of the memory. The number of parts depends on the number of pages only, so the
/// output is the same on every machine. A thousand rather than 2,500
/// (measured at 10,000 articles, two runs each, `docs/performance.md`):
/// the cold build takes the same time, its peak memory is 0.77 GB instead
/// of 1.05, a one-article rebuild makes 1,000 pages' part again instead of
/// 2,500 (2.2 s instead of 2.6), and the index is 2% larger (common words
/// are in every part); a search asks each part for its words, ten
/// requests at 10,000 articles instead of four.
pub const PAGES_PER_PART: usize = 1_000;

/// The gzip level of the index files. Measured on the index of 1,000
/// generated articles (15.3 MB before compression): level 1 gives 9.91 MB
/// for 1.22 billion instructions, 2 gives 7.33 MB (1.86), 3 gives 7.17 MB
/// (2.18), 6 gives 7.05 MB (2.72), 9 gives 6.99 MB (4.99): from 3 to 6,
/// 0.2 MB saved per billion instructions, past 6 nothing.
pub const COMPRESSION_LEVEL: u32 = 3;

/// The folder of the parts after the first, inside [`DIR`]: `parts/2/`…
pub const PARTS_DIR: &str = "parts/";

/// The list of the parts after the first (a JSON array of folders relative
/// to [`DIR`]), which the theme's script merges into the first.
pub const PARTS_FILE: &str = "gazette-parts.json";

/// Indexes `pages` (URL path, the page as pagefind reads it: [`as_indexed`])
/// in `lang`; returns the files to add to the output (paths under [`DIR`],
/// in path order).
pub fn index(pages: &[(String, &str)], lang: Language) -> Result<Vec<(String, Vec<u8>)>, String> {
    index_in_parts(pages, lang, PAGES_PER_PART)
}

/// Above this many pages the index comes in two parts at least. It was so
/// that a site of a thousand articles was indexed on two cores, when parts
/// were built side by side; each part is now built on every core, and the
/// threshold is kept so that an index keeps its shape from one version to
/// the next (one part up to 1,000 pages would save readers a request).
pub const SPLIT_ABOVE: usize = 500;

/// How many parts an index of `pages` pages comes in: one per `per_part`
/// pages, and at least two above [`SPLIT_ABOVE`] pages. It depends on the
/// number of pages only, never on the machine.
fn part_count(pages: usize, per_part: usize) -> usize {
    let parts = pages.div_ceil(per_part.max(1)).max(1);
    if pages > SPLIT_ABOVE {
        parts.max(2)
    } else {
        parts
    }
}

/// [`index`], in one part per `per_part` pages ([`part_count`]), each page
/// in the part its address falls in ([`part_of`]).
fn index_in_parts(
    pages: &[(String, &str)],
    lang: Language,
    per_part: usize,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    // One part after the other, each read and built on every core: the
    // memory of one part at a time.
    let built = in_parts(pages, |(url, _)| url, per_part)
        .iter()
        .map(|chunk| {
            let chunk: Vec<(String, &str)> = chunk
                .iter()
                .map(|(url, html)| (url.clone(), *html))
                .collect();
            index_part(Input::Pages(&chunk), lang, COMPRESSION_LEVEL, &Made::new())
        })
        .collect();
    bundle_parts(built)
}

/// [`index_in_parts`] through `cache`: each part kept as published when
/// `keep` says so, else taken from the cache when it holds that part (by
/// the keys of its pages), else made and stored there; see
/// [`site_index_of_pages`]. Returns the files to publish (those of the
/// parts not kept) and every part as published.
fn index_with_cache(
    pages: &[Page],
    lang: Language,
    per_part: usize,
    cache: &cache::Cache,
    reread: &Reread,
    keep: &KeepPart,
) -> Result<(IndexFiles, Vec<PublishedPart>), String> {
    let chunks = in_parts(pages, |p| &p.url, per_part);
    let keys: Vec<String> = chunks
        .iter()
        .map(|chunk| cache::key(chunk, lang, COMPRESSION_LEVEL, NOT_TEXT))
        .collect();
    let kept: Vec<Option<Vec<String>>> = keys
        .iter()
        .enumerate()
        .map(|(k, key)| keep(key, &part_folder(k)))
        .collect();
    let found: Vec<Option<Bundle>> = keys
        .iter()
        .zip(&kept)
        .map(|(key, kept)| match kept {
            Some(_) => {
                cache.keep_part(key);
                Some(Bundle::new())
            }
            None => cache.part(key),
        })
        .collect();
    // A part to make again: the files of the entries this build does not
    // use (the parts as they were before the change) spare compressing the
    // files it has not changed.
    let made = if found.iter().any(Option::is_none) {
        // The records of the pages of the parts taken whole stay when the
        // others are pruned.
        let whole = chunks.iter().zip(&found).filter(|(_, f)| f.is_some());
        cache.keep_pages(whole.flat_map(|(chunk, _)| chunk.iter().map(|p| p.key.clone())));
        earlier_files(cache.others(&keys))
    } else {
        Made::new()
    };
    let built: Vec<Result<Bundle, String>> = chunks
        .iter()
        .zip(keys.iter().zip(found))
        .map(|(chunk, (key, found))| match found {
            Some(found) => Ok(found),
            None => {
                let input = Input::Cached {
                    pages: chunk,
                    cache,
                    reread,
                };
                let part = index_part(input, lang, COMPRESSION_LEVEL, &made)?;
                cache.store(key, &part);
                Ok(part)
            }
        })
        .collect();
    let mut parts = Vec::with_capacity(keys.len());
    for (k, ((key, kept), built)) in keys.into_iter().zip(kept).zip(&built).enumerate() {
        let folder = part_folder(k);
        let paths = match (kept, built) {
            (Some(paths), _) => paths,
            (None, Ok(files)) => files
                .iter()
                .map(|(name, _)| format!("{folder}{name}"))
                .collect(),
            (None, Err(_)) => Vec::new(),
        };
        parts.push(PublishedPart { key, folder, paths });
    }
    Ok((bundle_parts(built)?, parts))
}

/// The files of an index, by path in the output.
type IndexFiles = Vec<(String, Vec<u8>)>;

/// `items` in [`part_count`] parts, each in the part its address (`url`)
/// falls in ([`part_of`]), in their order.
fn in_parts<T>(items: &[T], url: impl Fn(&T) -> &String, per_part: usize) -> Vec<Vec<&T>> {
    let parts = part_count(items.len(), per_part);
    let mut chunks: Vec<Vec<&T>> = vec![Vec::new(); parts];
    for item in items {
        chunks[part_of(url(item), parts)].push(item);
    }
    chunks
}

/// The parts' files at their places in the output: the first at [`DIR`],
/// the others in [`PARTS_DIR`], listed in [`PARTS_FILE`].
fn bundle_parts(built: Vec<Result<Bundle, String>>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = BTreeMap::new();
    let mut others = Vec::new();
    for (k, files) in built.into_iter().enumerate() {
        let folder = part_folder(k);
        if k > 0 {
            others.push(folder[DIR.len()..].to_string());
        }
        for (name, bytes) in files? {
            out.insert(format!("{folder}{name}"), bytes);
        }
    }
    let list = serde_json::to_vec(&others).map_err(|e| e.to_string())?;
    out.insert(format!("{DIR}{PARTS_FILE}"), list);
    Ok(out.into_iter().collect())
}

/// The part of `parts` a page's address falls in: by a hash of the
/// address, not by the page's place in the site's order, so that a page
/// added, removed or moved in that order changes its own part only, and a
/// rebuild takes every other part from the cache. SipHash-1-3 with fixed
/// keys: the same part on every machine and with every Rust version.
fn part_of(url: &str, parts: usize) -> usize {
    use std::hash::Hasher;
    let mut hasher = siphasher::sip::SipHasher13::new_with_keys(0, 0);
    hasher.write(url.as_bytes());
    (hasher.finish() % parts.max(1) as u64) as usize
}

/// What pagefind leaves out of an article's body besides the theme's
/// `data-pagefind-ignore` marks: the parts of the HTML Gazette itself
/// writes into the body that are not its text, and would make a result's
/// excerpt read as debris (« Indicateur20242025Évolution » for a table's
/// header row, a note's call number glued to its word, « ↩ »). A table's
/// words are the article's, but a table is read by rows and columns, never
/// as a sentence an excerpt could show.
pub const NOT_TEXT: &[&str] = &[".table-wrap", ".footnote-ref", ".footnote-back"];

/// Files of one part of the index: name in its folder, bytes.
type Bundle = Vec<(String, Vec<u8>)>;

/// Gzipped files an earlier build made, by name in their part's folder,
/// which pagefind takes instead of compressing a file of the same name
/// again (`vendor/pagefind/PATCHES.md`, change 11).
type Made = std::collections::HashMap<std::path::PathBuf, Vec<u8>>;

/// The files of `bundles` as [`Made`]: names are hashes of the
/// uncompressed bytes, and an entry was made at [`COMPRESSION_LEVEL`] by
/// this version (its key and its folder's stamp say so), so a file of the
/// same name is the same bytes.
fn earlier_files(bundles: Vec<Bundle>) -> Made {
    bundles
        .into_iter()
        .flatten()
        .map(|(name, bytes)| (std::path::PathBuf::from(name), bytes))
        .collect()
}

/// What a part of the index is made from.
enum Input<'a> {
    /// Pages as pagefind reads them (URL, page), all read.
    Pages(&'a [(String, &'a str)]),
    /// Pages by their keys in `cache`: those it holds are not read again,
    /// the others are read (from memory, or through `reread`) and stored.
    Cached {
        pages: &'a [&'a Page<'a>],
        cache: &'a cache::Cache,
        reread: &'a Reread<'a>,
    },
}

/// One part of the index: pagefind's bundle for its `input`, its files
/// gzipped at `level` (or taken from `made` when a file of the same name
/// is there), less the ready-made interfaces.
fn index_part(input: Input, lang: Language, level: u32, made: &Made) -> Result<Bundle, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    let files = runtime.block_on(async {
        let options = PagefindServiceConfig::builder()
            .force_language(lang.code().to_string())
            .exclude_selectors(NOT_TEXT.iter().map(|s| s.to_string()).collect())
            .compression_level(level)
            .build();
        let mut index = PagefindIndex::new(Some(options)).map_err(|e| e.to_string())?;
        match input {
            Input::Pages(pages) => {
                let pages = pages
                    .iter()
                    .map(|(url, html)| (url.clone(), html.to_string()))
                    .collect();
                index
                    .add_html_files(pages)
                    .await
                    .map_err(|e| e.to_string())?;
            }
            Input::Cached {
                pages,
                cache,
                reread,
            } => {
                let read = read_through(&mut index, pages, cache, reread).await?;
                index.add_read_pages(read).await;
            }
        }
        index
            .get_files_reusing(made)
            .await
            .map_err(|e| e.to_string())
    })?;
    Ok(files
        .into_iter()
        .map(|file| {
            (
                file.filename.to_string_lossy().replace('\\', "/"),
                file.contents,
            )
        })
        .filter(|(name, _)| !UNUSED.iter().any(|u| name.starts_with(u)))
        .collect())
}

/// `pages` as pagefind reads them, in their order: each from `cache` when
/// it holds the page, the others read by `index` side by side and stored.
async fn read_through(
    index: &mut PagefindIndex,
    pages: &[&Page<'_>],
    cache: &cache::Cache,
    reread: &Reread<'_>,
) -> Result<Vec<pagefind::FossickedData>, String> {
    use rayon::prelude::*;
    let found: Vec<Option<pagefind::FossickedData>> =
        pages.par_iter().map(|p| cache.page(&p.key)).collect();
    let missing: Vec<(String, String)> = pages
        .par_iter()
        .zip(&found)
        .filter(|(_, f)| f.is_none())
        .map(|(p, _)| {
            let html = match &p.html {
                Some(html) => html.to_string(),
                None => reread(&p.url).ok_or_else(|| format!("{}: page not found", p.url))?,
            };
            Ok((p.url.clone(), html))
        })
        .collect::<Result<_, String>>()?;
    let wanted = missing.len();
    let read = index
        .read_html_files(missing)
        .await
        .map_err(|e| e.to_string())?;
    if read.len() != wanted {
        return Err(format!("{} pages read of {wanted}", read.len()));
    }
    let missing_keys: Vec<&String> = pages
        .iter()
        .zip(&found)
        .filter(|(_, f)| f.is_none())
        .map(|(p, _)| &p.key)
        .collect();
    read.par_iter()
        .zip(missing_keys.par_iter())
        .for_each(|(page, key)| cache.store_page(key, page));
    let mut read = read.into_iter();
    Ok(found
        .into_iter()
        .filter_map(|f| f.or_else(|| read.next()))
        .collect())
}

/// The build's step: indexes every published article of `site`, read from
/// the rendered `files` (whole pages, each made what pagefind reads here,
/// `as_indexed`), and returns the index's output files. Listings, the 404
/// page and alias redirects are not articles, so they are never indexed.
///
/// With a `cache` (the preview's and `build --watch`'s index, remade after
/// each change), the parts and pages it holds are not indexed again, and
/// its warnings are reported.
pub fn site_index(site: &Site, files: &Files, cache: Option<&cache::Cache>) -> Staged<Files> {
    let lang = site.config.language;
    let pages: Vec<(String, std::borrow::Cow<'_, str>)> = article_pages(site, files)
        .into_iter()
        .map(|(url, html)| (url, as_indexed(html)))
        .collect();
    let pages: Vec<(String, &str)> = pages.iter().map(|(u, h)| (u.clone(), h.as_ref())).collect();
    let index = match cache {
        None => index_in_parts(&pages, lang, PAGES_PER_PART),
        Some(cache) => {
            let keyed: Vec<Page> = {
                use rayon::prelude::*;
                pages
                    .par_iter()
                    .map(|(url, html)| Page {
                        key: cache::page_key(url, html, lang, NOT_TEXT),
                        url: url.clone(),
                        html: Some(std::borrow::Cow::Borrowed(*html)),
                    })
                    .collect()
            };
            index_with_cache(&keyed, lang, PAGES_PER_PART, cache, &|_| None, &|_, _| None)
                .map(|(files, _)| files)
        }
    };
    let mut index = published(site, files, index);
    if let Some(cache) = cache {
        index.found.extend(cache.warnings(lang));
    }
    index
}

/// An article page as a build hands it to the index through the cache.
pub struct Page<'a> {
    /// Its address (URL path).
    pub url: String,
    /// The key of the page as pagefind reads it ([`cache::page_key`]):
    /// what its part's key is made from.
    pub key: String,
    /// The page as pagefind reads it ([`as_indexed`]), when the build has
    /// it in memory; a page the build took as published last time is read
    /// again only if the cache lacks its record.
    pub html: Option<std::borrow::Cow<'a, str>>,
}

/// Reads again a page the build did not render, by its address, as
/// pagefind reads it (from the published output).
pub type Reread<'a> = dyn Fn(&str) -> Option<String> + Sync + 'a;

/// Whether a build keeps the files of a part as published, given the
/// part's key in the cache and its folder in the output (`pagefind/`,
/// `pagefind/parts/2/`…): their paths if so, claimed by the build; the
/// part is then neither read from the cache nor made.
pub type KeepPart<'a> = dyn Fn(&str, &str) -> Option<Vec<String>> + Sync + 'a;

/// A part of the index as a build published it: its key in the cache and
/// its files' paths in the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedPart {
    /// Its key ([`cache::key`]).
    pub key: String,
    /// Its folder in the output.
    pub folder: String,
    /// Its files.
    pub paths: Vec<String>,
}

/// The output folder of part `k` (from 0) of the index.
fn part_folder(k: usize) -> String {
    if k == 0 {
        DIR.to_string()
    } else {
        format!("{DIR}{PARTS_DIR}{}/", k + 1)
    }
}

/// [`site_index`], from the article pages a build kept ([`Page`]), in the
/// site's order: the parts whose pages `cache` already indexed are taken
/// from it, the pages it holds are not read again, and a page in neither
/// is read through `reread`; a part whose files `keep` keeps as published
/// is not read at all. `files` are the rendered files (the offline index of
/// a site that opens from disk reads them). Returns the files to publish
/// and every part as published.
pub fn site_index_of_pages(
    site: &Site,
    files: &Files,
    pages: &[Page],
    cache: &cache::Cache,
    reread: &Reread,
    keep: &KeepPart,
) -> (Staged<Files>, Vec<PublishedPart>) {
    let lang = site.config.language;
    let (index, parts) = match index_with_cache(pages, lang, PAGES_PER_PART, cache, reread, keep) {
        Ok((index, parts)) => (Ok(index), parts),
        Err(e) => (Err(e), Vec::new()),
    };
    let mut index = published(site, files, index);
    index.found.extend(cache.warnings(lang));
    (index, parts)
}

/// Each published article's URL and its page in `files`, in the site's
/// order (an article whose page is absent is left out).
fn article_pages<'a>(site: &Site, files: &'a Files) -> Vec<(String, &'a str)> {
    site.articles
        .iter()
        .filter_map(|a| match files.get(&a.rel_url.page_file()) {
            Some(Content::Bytes(html)) => {
                Some((a.url.clone(), simdutf8::basic::from_utf8(html).ok()?))
            }
            _ => None,
        })
        .collect()
}

/// The `index` made, as output files, with the offline one from `files`
/// when the site opens from disk; or the error that stopped it.
fn published(
    site: &Site,
    files: &Files,
    index: Result<Vec<(String, Vec<u8>)>, String>,
) -> Staged<Files> {
    let lang = site.config.language;
    match index {
        Ok(index) => {
            let mut out: Files = index
                .into_iter()
                .map(|(path, bytes)| (path, Content::Bytes(bytes)))
                .collect();
            if site.config.relative_urls {
                let records = offline::index(site, files);
                out.insert(offline::FILE.to_string(), Content::Bytes(records));
            }
            Staged::done(out)
        }
        Err(e) => Staged::failed(vec![
            Diagnostic::error(
                Code::SearchIndex,
                t!(lang, "search-index-failed", error = e.to_string()),
            )
            .with_help(t!(lang, "search-index-failed-help")),
        ]),
    }
}

/// The page as pagefind reads it: trimmed to its head and its
/// `data-pagefind-body` element (`trim`), or marked whole, on `<body>`,
/// where the template marked nothing. `build` keeps each article page so,
/// as it is rendered, until the index is built: the index's input in
/// memory is the trimmed pages, not the whole ones.
pub fn as_indexed(html: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memmem::find(html.as_bytes(), trim::BODY_MARK.as_bytes()).is_some() {
        trim::trimmed(html)
    } else {
        std::borrow::Cow::Owned(with_body(html))
    }
}

/// The page as pagefind should read it: marked with `data-pagefind-body`
/// where the template did not mark anything, on `<body>`.
fn with_body(html: &str) -> String {
    if html.contains("data-pagefind-body") {
        return html.to_string();
    }
    let at = html.match_indices("<body").find(|(i, _)| {
        matches!(
            html.as_bytes().get(i + 5),
            Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
        )
    });
    match at {
        Some((i, _)) => format!("{} data-pagefind-body{}", &html[..i + 5], &html[i + 5..]),
        None => html.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"fr\"><head><title>{title}</title></head><body>\
             <nav>Menu principal</nav><main><article data-pagefind-body><h1>{title}</h1>\
             <p>{body}</p></article></main></body></html>"
        )
    }

    #[test]
    fn writes_a_french_index_with_only_the_api_files() {
        let a = page("Accueil", "La formation des nouveaux agents.");
        let b = page("Télétravail", "Deux jours par semaine.");
        let pages = vec![
            ("/a/".to_string(), a.as_str()),
            ("/b/".to_string(), b.as_str()),
        ];
        let files = index(&pages, Language::Fr).unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"pagefind/pagefind.js"));
        assert!(names.contains(&"pagefind/pagefind-entry.json"));
        assert!(names.contains(&"pagefind/wasm.fr.pagefind"));
        assert!(names.iter().any(|n| n.ends_with(".pf_meta")));
        assert!(names.iter().any(|n| n.ends_with(".pf_index")));
        assert_eq!(
            names.iter().filter(|n| n.ends_with(".pf_fragment")).count(),
            2
        );
        assert!(
            !names
                .iter()
                .any(|n| n.contains("-ui.") || n.contains("highlight"))
        );
        let entry = &files
            .iter()
            .find(|(n, _)| n.ends_with("entry.json"))
            .unwrap()
            .1;
        let entry = String::from_utf8_lossy(entry);
        assert!(
            entry.contains("\"fr\"") && entry.contains("\"page_count\":2"),
            "{entry}"
        );
        let again = index(&pages, Language::Fr).unwrap();
        assert_eq!(files, again, "the index is deterministic");
    }

    #[test]
    fn parts_depend_on_the_number_of_pages_only() {
        let counts: Vec<usize> = [0, 1, 500, 501, 1_000, 2_500, 5_000, 5_001, 10_000, 30_000]
            .into_iter()
            .map(|n| part_count(n, PAGES_PER_PART))
            .collect();
        assert_eq!(counts, [1, 1, 1, 2, 2, 3, 5, 6, 10, 30]);
    }

    #[test]
    fn a_large_site_is_indexed_in_parts_listed_for_the_script() {
        let texts: Vec<String> = (1..=5)
            .map(|i| {
                page(
                    &format!("Page {i}"),
                    &format!("Le sujet numéro{i} du jour."),
                )
            })
            .collect();
        let pages: Vec<(String, &str)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("/p{}/", i + 1), t.as_str()))
            .collect();
        // Five pages, two per part: three parts, the first at pagefind/.
        let files = index_in_parts(&pages, Language::Fr, 2).unwrap();
        let file = |files: &[(String, Vec<u8>)], name: &str| {
            files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_else(|| panic!("{name} missing"))
        };
        assert_eq!(
            file(&files, "pagefind/gazette-parts.json"),
            r#"["parts/2/","parts/3/"]"#
        );
        // Each page in the part its address falls in.
        let mut counts = [0; 3];
        for (url, _) in &pages {
            counts[part_of(url, 3)] += 1;
        }
        for (k, part) in ["", "parts/2/", "parts/3/"].into_iter().enumerate() {
            let entry = file(&files, &format!("pagefind/{part}pagefind-entry.json"));
            assert!(
                entry.contains(&format!("\"page_count\":{}", counts[k])),
                "{part}: {entry}"
            );
            file(&files, &format!("pagefind/{part}wasm.fr.pagefind"));
        }
        assert_eq!(counts.iter().sum::<usize>(), 5);
        assert!(
            !files
                .iter()
                .any(|(n, _)| n.starts_with("pagefind/parts/4/"))
        );
        // A page added first in the site's order (as a new article is)
        // changes its own part only.
        let new = page("Nouvelle", "Un sujet tout neuf.");
        let mut more = vec![("/p0/".to_string(), new.as_str())];
        more.extend(pages.iter().cloned());
        let with_new = index_in_parts(&more, Language::Fr, 2).unwrap();
        let folder = |k: usize| match k {
            0 => "pagefind/".to_string(),
            k => format!("pagefind/parts/{}/", k + 1),
        };
        let part_files = |files: &[(String, Vec<u8>)], k: usize| -> Vec<(String, Vec<u8>)> {
            files
                .iter()
                .filter(|(n, _)| {
                    n.strip_prefix(&folder(k))
                        .is_some_and(|rest| !rest.starts_with("parts/") && rest != PARTS_FILE)
                })
                .cloned()
                .collect()
        };
        let changed = part_of("/p0/", 3);
        for k in 0..3 {
            assert_eq!(
                part_files(&files, k) == part_files(&with_new, k),
                k != changed,
                "part {k}"
            );
        }
        // One part below the threshold: an empty list.
        let one = index(&pages, Language::Fr).unwrap();
        let list = &one.iter().find(|(n, _)| n.ends_with(PARTS_FILE)).unwrap().1;
        assert_eq!(list, b"[]");
        assert_eq!(files, index_in_parts(&pages, Language::Fr, 2).unwrap());
    }

    /// The gzipped files of a bundle (all but pagefind's scripts, its
    /// entry and the WebAssembly), each decompressed.
    fn unpacked(bundle: &Bundle) -> Vec<(String, Vec<u8>)> {
        use std::io::Read;
        bundle
            .iter()
            .filter(|(name, _)| name.contains(".pf_"))
            .map(|(name, bytes)| {
                let mut data = Vec::new();
                flate2::read::GzDecoder::new(bytes.as_slice())
                    .read_to_end(&mut data)
                    .unwrap();
                (name.clone(), data)
            })
            .collect()
    }

    #[test]
    fn the_level_changes_the_bytes_not_the_index() {
        let texts: Vec<String> = (1..=40)
            .map(|i| {
                page(
                    &format!("Note de service {i}"),
                    &"Les agents de la caisse primaire accueillent les assurés. ".repeat(i),
                )
            })
            .collect();
        let pages: Vec<(String, &str)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("/n{i}/"), t.as_str()))
            .collect();
        let chosen = index_part(
            Input::Pages(&pages),
            Language::Fr,
            COMPRESSION_LEVEL,
            &Made::new(),
        )
        .unwrap();
        let best = index_part(Input::Pages(&pages), Language::Fr, 9, &Made::new()).unwrap();
        // The same files, named by the same hashes, holding the same data:
        // only their compressed bytes differ.
        assert_eq!(unpacked(&chosen), unpacked(&best));
        let size = |b: &Bundle| -> usize {
            b.iter()
                .filter(|(n, _)| n.contains(".pf_"))
                .map(|(_, v)| v.len())
                .sum()
        };
        assert_ne!(size(&chosen), size(&best), "the level reaches pagefind");
        assert_eq!(
            chosen,
            index_part(
                Input::Pages(&pages),
                Language::Fr,
                COMPRESSION_LEVEL,
                &Made::new()
            )
            .unwrap()
        );
    }

    #[test]
    fn a_page_without_a_cover_takes_no_photo_from_its_related_articles() {
        let related = "<section><h2>À lire aussi</h2><article class=\"card\">\
            <img src=\"/autre/cover.jpg\" alt=\"Une autre photo\"><a href=\"/autre/\">Autre</a>\
            </article></section>";
        let page = |cover: &str| {
            format!(
                "<!DOCTYPE html><html lang=\"fr\"><head><title>Accord</title></head><body>\
                 <header><nav>Menu</nav></header><main><article data-pagefind-body>\
                 <h1>Accord signé</h1>{cover}<p>Le texte de l’accord.</p></article>\
                 {related}</main><footer>Pied</footer></body></html>"
            )
        };
        let bare = page("");
        let covered = page(
            "<img src=\"/accord/cover.jpg\" alt=\"La signature\" \
             data-pagefind-meta=\"image[src], image_alt[alt]\">",
        );
        let (bare, covered) = (as_indexed(&bare), as_indexed(&covered));
        let pages = vec![
            ("/bare/".to_string(), bare.as_ref()),
            ("/covered/".to_string(), covered.as_ref()),
        ];
        let bundle = index_part(
            Input::Pages(&pages),
            Language::Fr,
            COMPRESSION_LEVEL,
            &Made::new(),
        )
        .unwrap();
        let fragments: Vec<String> = unpacked(&bundle)
            .into_iter()
            .filter(|(name, _)| name.ends_with(".pf_fragment"))
            .map(|(_, data)| String::from_utf8_lossy(&data).into_owned())
            .collect();
        let of = |url: &str| {
            fragments
                .iter()
                .find(|f| f.contains(&format!("\"url\":\"{url}\"")))
                .unwrap_or_else(|| panic!("{url} not indexed: {fragments:?}"))
        };
        assert!(!of("/bare/").contains("image"), "{}", of("/bare/"));
        assert!(of("/covered/").contains("\"image\":\"/accord/cover.jpg\""));
        assert!(!of("/covered/").contains("autre"));
    }

    #[test]
    fn marks_the_body_of_an_unmarked_page() {
        assert_eq!(
            with_body("<html><body class=\"x\"><p>a</p></body></html>"),
            "<html><body data-pagefind-body class=\"x\"><p>a</p></body></html>"
        );
        assert_eq!(with_body("<body>"), "<body data-pagefind-body>");
        let marked = "<body><main data-pagefind-body></main></body>";
        assert_eq!(with_body(marked), marked);
    }
}
