use std::{cmp::Ordering, path::PathBuf};

use anyhow::{bail, Result};
use either::Either;
use fossick::{Fossicker, WordMemo};
use futures::future::join_all;
use hashbrown::HashMap;
use index::PagefindIndexes;
use options::{PagefindInboundConfig, SearchOptions};
use output::SyntheticFile;
use rayon::prelude::*;
pub use service::api;
/// Patched for Gazette (PATCHES.md, change 9): a page as read, which a
/// caller may keep (`to_record`) and give back (`add_read_pages`).
pub use fossick::FossickedData;
use wax::walk::Entry;
use wax::Glob;

use crate::index::build_indexes;

mod fossick;
mod fragments;
mod index;
#[macro_use]
mod logging;
pub mod options;
mod output;
mod playground;
pub mod runner;
#[cfg(feature = "serve")]
mod serve;
mod service;
mod utils;

const PAGEFIND_VERSION: &str = env!("CARGO_PKG_VERSION");

struct SearchState {
    options: SearchOptions,
    fossicked_pages: Vec<FossickedData>,
    built_indexes: Vec<PagefindIndexes>,
    /// Patched for Gazette (PATCHES.md, change 5): where each URL's page
    /// is in `fossicked_pages` (the first, as a search of the list finds),
    /// and the words worked out for the pages added one at a time.
    page_positions: HashMap<String, usize>,
    word_memo: WordMemo,
    /// Patched for Gazette (PATCHES.md, change 7): the memos of the pages
    /// read side by side, kept for the next call.
    memo_pool: Vec<WordMemo>,
}

/// A memo taken from a pool, given back when dropped (PATCHES.md, change 7).
struct PooledMemo<'a> {
    memo: Option<WordMemo>,
    pool: &'a std::sync::Mutex<Vec<WordMemo>>,
}

impl<'a> PooledMemo<'a> {
    fn take(pool: &'a std::sync::Mutex<Vec<WordMemo>>) -> Self {
        let memo = pool.lock().ok().and_then(|mut p| p.pop()).unwrap_or_default();
        Self {
            memo: Some(memo),
            pool,
        }
    }

    fn get(&mut self) -> &mut WordMemo {
        self.memo.get_or_insert_with(WordMemo::default)
    }
}

impl Drop for PooledMemo<'_> {
    fn drop(&mut self) {
        if let (Some(memo), Ok(mut pool)) = (self.memo.take(), self.pool.lock()) {
            pool.push(memo);
        }
    }
}

impl SearchState {
    pub fn new(options: SearchOptions) -> Self {
        Self {
            options,
            fossicked_pages: vec![],
            built_indexes: vec![],
            page_positions: HashMap::new(),
            word_memo: WordMemo::default(),
            memo_pool: Vec::new(),
        }
    }

    pub fn walk_for_files(&self, dir: PathBuf, glob: String) -> Result<Vec<Fossicker>> {
        let log = &self.options.logger;

        log.status("[Walking source directory]");
        if let Ok(glob) = Glob::new(&glob) {
            Ok(glob
                .walk(&dir)
                .filter_map(Result::ok)
                .map(|e| e.into_path())
                .map(|file_path| Fossicker::new_relative_to(file_path, dir.clone()))
                .collect())
        } else {
            log.error(format!(
                "Error: Provided glob \"{}\" did not parse as a valid glob.",
                self.options.glob
            ));
            bail!(
                "Error: Provided glob \"{}\" did not parse as a valid glob.",
                self.options.glob
            );
        }
    }

    /// Fossick files in parallel using rayon
    pub fn fossick_many(&mut self, dir: PathBuf, glob: String) -> Result<usize> {
        let files = self.walk_for_files(dir.clone(), glob)?;
        let log = &self.options.logger;

        log.info(format!(
            "Found {} file{} matching {}",
            files.len(),
            plural!(files.len()),
            self.options.glob
        ));
        log.status("[Parsing files]");

        // Use rayon for parallel HTML parsing - this is the main performance win
        // Partition results into successes and failures to report errors
        let (results, errors): (Vec<_>, Vec<_>) = files
            .into_par_iter()
            .map(|f| f.fossick_sync(&self.options))
            .partition_map(|r| match r {
                Ok(data) => Either::Left(data),
                Err(e) => Either::Right(e),
            });

        // Report any errors that occurred during parallel processing
        if !errors.is_empty() {
            log.warn(format!(
                "{} file{} failed to index",
                errors.len(),
                plural!(errors.len())
            ));
            for err in errors.iter().take(5) {
                log.warn(format!("  - {}", err));
            }
            if errors.len() > 5 {
                log.warn(format!("  ... and {} more", errors.len() - 5));
            }
        }

        let existing_page_count = self.fossicked_pages.len();
        for (position, page) in results.iter().enumerate() {
            self.page_positions
                .entry(page.url.clone())
                .or_insert(existing_page_count + position);
        }
        self.fossicked_pages.extend(results);

        Ok(self.fossicked_pages.len() - existing_page_count)
    }

    /// Patched for Gazette (PATCHES.md, change 6): pages read side by side
    /// on rayon's threads, each thread with its own memo of words, then
    /// kept in the order given, as [`Self::fossick_one`] keeps each (a page
    /// added again under its URL replaces the first). The first page that
    /// fails to read fails the call, and none of the pages is kept.
    pub fn fossick_synthetic_many(&mut self, files: Vec<Fossicker>) -> Result<usize> {
        let read = self.read_synthetic_many(files)?;
        Ok(self.add_read_pages(read))
    }

    /// Patched for Gazette (PATCHES.md, change 9): the pages read side by
    /// side, as [`Self::fossick_synthetic_many`] reads them, returned
    /// rather than kept (in the order given; the first page that fails to
    /// read fails the call).
    pub fn read_synthetic_many(&mut self, files: Vec<Fossicker>) -> Result<Vec<FossickedData>> {
        let options = &self.options;
        // The memos go back to a pool when a thread's share of the pages is
        // done, for the next share to start from (change 7): a word is
        // worked out about once per thread, not once per share.
        let pool = std::sync::Mutex::new(std::mem::take(&mut self.memo_pool));
        let read: Vec<FossickedData> = files
            .into_par_iter()
            .map_init(
                || PooledMemo::take(&pool),
                |memo, file| file.fossick_sync_with(options, memo.get()),
            )
            .collect::<Result<_>>()?;
        self.memo_pool = pool.into_inner().unwrap_or_default();
        Ok(read)
    }

    /// Patched for Gazette (PATCHES.md, change 9): pages already read
    /// (by [`Self::read_synthetic_many`], or kept as records and read back)
    /// kept in the order given, a page added again under its URL replacing
    /// the first; returns how many.
    pub fn add_read_pages(&mut self, read: Vec<FossickedData>) -> usize {
        let count = read.len();
        for page in read {
            match self.page_positions.get(&page.url) {
                Some(&existing) => self.fossicked_pages[existing] = page,
                None => {
                    self.page_positions
                        .insert(page.url.clone(), self.fossicked_pages.len());
                    self.fossicked_pages.push(page);
                }
            }
        }
        count
    }

    /// Patched for Gazette (PATCHES.md, change 5): the page is kept, not
    /// copied, and found again by its URL without a search of every page;
    /// the caller reads what it needs of it through the reference.
    pub fn fossick_one(&mut self, file: Fossicker) -> Result<&FossickedData> {
        let result = file.fossick_sync_with(&self.options, &mut self.word_memo)?;
        let position = match self.page_positions.get(&result.url) {
            Some(&existing) => {
                self.fossicked_pages[existing] = result;
                existing
            }
            None => {
                self.page_positions
                    .insert(result.url.clone(), self.fossicked_pages.len());
                self.fossicked_pages.push(result);
                self.fossicked_pages.len() - 1
            }
        };
        Ok(&self.fossicked_pages[position])
    }

    pub async fn build_indexes(&mut self) -> Result<()> {
        let log = &self.options.logger;

        let used_custom_body = self.fossicked_pages.iter().any(|page| page.has_custom_body);
        if used_custom_body {
            log.info("Found a data-pagefind-body element on the site.\n↳ Ignoring pages without this tag.");
        } else {
            log.info(
                "Did not find a data-pagefind-body element on the site.\n↳ Indexing all <body> elements on the site."
            );
        }

        if self.options.root_selector == "html" {
            let pages_without_html = self
                .fossicked_pages
                .iter()
                .filter(|p| !p.has_html_element)
                .map(|p| format!("  * {:?} has no <html> element", p.fragment.data.url))
                .collect::<Vec<_>>();
            if !pages_without_html.is_empty() {
                log.warn(format!(
                    "{} page{} found without an <html> element. \n\
                    Pages without an outer <html> element will not be processed by default. \n\
                    If adding this element is not possible, use the root selector config to target a different root element. \n\
                    Run Pagefind with --verbose for more information.",
                    pages_without_html.len(),
                    plural!(pages_without_html.len())
                ));
                log.v_warn(pages_without_html.join("\n"));
            }
        }

        log.status("[Reading languages]");

        let pages_with_data = self.fossicked_pages.iter().filter(|d| {
            if used_custom_body && !d.has_custom_body && !d.force_inclusion {
                return false;
            }
            !d.word_data.is_empty()
        });

        // Patched for Gazette (PATCHES.md, change 5): the pages are read
        // where they are, not copied.
        let mut language_map: HashMap<String, Vec<&fossick::FossickedData>> = HashMap::new();
        for page in pages_with_data {
            let language = page.language.clone();
            if let Some(lang_pages) = language_map.get_mut(&language) {
                lang_pages.push(page);
            } else {
                language_map.insert(language, vec![page]);
            }
        }

        log.info(format!(
            "Discovered {} language{}: {}",
            language_map.len(),
            plural!(language_map.len()),
            language_map.keys().cloned().collect::<Vec<_>>().join(", ")
        ));
        log.v_info(
            language_map
                .iter()
                .map(|(k, v)| format!("  * {}: {} page{}", k, v.len(), plural!(v.len())))
                .collect::<Vec<_>>()
                .join("\n"),
        );

        let primary_language = language_map
            .iter()
            .filter(|(k, _)| k.as_str() != "unknown")
            .max_by(|(lang_a, pages_a), (lang_b, pages_b)| {
                let size = pages_a.len().cmp(&pages_b.len());
                if matches!(size, Ordering::Equal) {
                    return lang_b.cmp(lang_a);
                }
                size
            })
            .map(|(k, _)| k.clone())
            .unwrap_or_else(|| "unknown".into());

        if let Some(mut unknown_pages) = language_map.remove("unknown") {
            if !language_map.is_empty() {
                log.warn(format!(
                    "{} page{} found without an html lang attribute. \n\
                    Merging these pages with the {} language, as that is the main language on this site. \n\
                    Run Pagefind with --verbose for more information.",
                    unknown_pages.len(),
                    plural!(unknown_pages.len()),
                    primary_language
                ));

                log.v_warn(
                    unknown_pages
                        .iter()
                        .map(|p| {
                            format!("  * {:?} has no html lang attribute", p.fragment.data.url)
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                );

                if let Some(primary) = language_map.get_mut(&primary_language) {
                    primary.append(&mut unknown_pages);
                } else {
                    language_map.insert(primary_language, unknown_pages);
                }
            } else {
                language_map.insert(primary_language, unknown_pages);
            }
        }

        log.status("[Building search indexes]");

        let indexes: Vec<_> = language_map
            .into_iter()
            .map(|(language, pages)| async { build_indexes(pages, language, &self.options).await })
            .collect();
        let built_indexes = join_all(indexes).await;
        self.built_indexes = built_indexes.into_iter().flat_map(|i| i.ok()).collect();

        let stats = self.built_indexes.iter().fold((0, 0, 0, 0), |mut stats, index| {
            log.v_info(format!(
                "Language {}: \n  Indexed {} page{}\n  Indexed {} word{}\n  Indexed {} filter{}\n  Indexed {} sort{}\n",
                index.language,
                index.page_count,
                plural!(index.page_count),
                index.word_count,
                plural!(index.word_count),
                index.filter_indexes.len(),
                plural!(index.filter_indexes.len()),
                index.sorts.len(),
                plural!(index.sorts.len())
            ));

            #[cfg(not(feature = "extended"))]
            match index.language.split('-').next() {
                Some("zh") => log.warn("⚠ Indexing Chinese in non-extended mode. \n\
                                        In this mode, Pagefind will not segment words that are not whitespace separated. \n\
                                        Running the extended Pagefind binary will include this segmentation. \n\
                                        Either download the pagefind_extended binary, or run via npx pagefind."),
                Some("ja") => log.warn("⚠ Indexing Japanese in non-extended mode. \n\
                                        In this mode, Pagefind will not segment words that are not whitespace separated. \n\
                                        Running the extended Pagefind binary will include this segmentation. \n\
                                        Either download the pagefind_extended binary, or run via npx pagefind."),
                _ => {}
            };

            stats.0 += index.page_count;
            stats.1 += index.word_count;
            stats.2 += index.filter_indexes.len();
            stats.3 += index.sorts.len();
            stats
        });

        log.info(format!(
            "Total: \n  Indexed {} language{}\n  Indexed {} page{}\n  Indexed {} word{}\n  Indexed {} filter{}\n  Indexed {} sort{}",
            self.built_indexes.len(),
            plural!(self.built_indexes.len()),
            stats.0,
            plural!(stats.0),
            stats.1,
            plural!(stats.1),
            stats.2,
            plural!(stats.2),
            stats.3,
            plural!(stats.3)
        ));

        if stats.1 == 0 && !self.options.running_as_service {
            log.error(
                "Error: Pagefind was not able to build an index. \n\
                Most likely, the directory passed to Pagefind was empty \
                or did not contain any html files.",
            );
            bail!(
                "Error: Pagefind was not able to build an index. \n\
                Most likely, the directory passed to Pagefind was empty \
                or did not contain any html files."
            );
        }
        Ok(())
    }

    pub async fn write_files(&self, custom_outdir: Option<PathBuf>) -> PathBuf {
        let outdir = custom_outdir.unwrap_or(self.options.bundle_output.clone());

        let index_entries: Vec<_> = self
            .built_indexes
            .iter()
            .map(|indexes| indexes.get_lang_meta(&self.options))
            .collect();

        join_all(
            self.built_indexes
                .iter()
                .map(|indexes| async { indexes.write_files_to_disk(&self.options, &outdir).await }),
        )
        .await;

        output::write_common_to_disk(
            index_entries,
            self.options.write_playground,
            &outdir,
            &self.options,
        )
        .await;

        outdir
    }

    pub async fn get_files(&self) -> Vec<SyntheticFile> {
        self.get_files_reusing(&output::Made::new()).await
    }

    /// Patched for Gazette (PATCHES.md, change 11): [`Self::get_files`],
    /// taking the gzipped files found in `made` (an earlier run's, by path
    /// within the bundle) instead of compressing them again.
    pub async fn get_files_reusing(&self, made: &output::Made) -> Vec<SyntheticFile> {
        let outdir = &self.options.bundle_output;

        let index_entries: Vec<_> = self
            .built_indexes
            .iter()
            .map(|indexes| indexes.get_lang_meta(&self.options))
            .collect();

        let mut files: Vec<_> =
            join_all(self.built_indexes.iter().map(|indexes| async {
                indexes.write_files_to_memory(&self.options, outdir, made).await
            }))
            .await
            .into_iter()
            .flatten()
            .collect();

        files.extend(
            output::write_common_to_memory(
                index_entries,
                self.options.write_playground,
                outdir,
                &self.options,
            )
            .await
            .into_iter(),
        );

        // SyntheticFiles should only return the relative path to the file
        // _within_ the bundle directory — placing them in a final location
        // is left to the API consumer.
        for file in files.iter_mut() {
            if let Ok(relative_path) = file.filename.strip_prefix(outdir) {
                file.filename = relative_path.to_path_buf();
            }
        }

        files
    }

    pub fn log_start(&self) {
        let log = &self.options.logger;

        #[cfg(not(feature = "extended"))]
        log.status(&format!("Running Pagefind v{}", self.options.version));
        #[cfg(feature = "extended")]
        log.status(&format!(
            "Running Pagefind v{} (Extended)",
            self.options.version
        ));
        log.v_info("Running in verbose mode");

        log.info(format!(
            "Running from: {:?}",
            self.options.working_directory
        ));
        log.info(format!(
            "Source:       {:?}",
            self.options
                .site_source
                .strip_prefix(&self.options.working_directory)
                .unwrap_or(&self.options.site_source)
        ));
        log.info(format!(
            "Output:       {:?}",
            self.options
                .bundle_output
                .strip_prefix(&self.options.working_directory)
                .unwrap_or(&self.options.bundle_output)
        ));
    }
}

// Patched for Gazette (PATCHES.md, change 5): a page added again under its
// URL replaces the first, found through the URLs' positions.
#[cfg(test)]
mod gazette_tests {
    use super::*;
    use crate::options::PagefindServiceConfig;
    use rust_patch::Patch;

    fn state() -> SearchState {
        let mut config: PagefindInboundConfig = serde_json::from_str("{}").unwrap();
        config.service = true;
        let config = PagefindServiceConfig::builder()
            .force_language("fr".to_string())
            .build()
            .apply(config);
        SearchState::new(SearchOptions::load(config).unwrap())
    }

    fn page(url: &str, text: &str) -> Fossicker {
        Fossicker::new_synthetic(
            None,
            Some(url.into()),
            format!("<html><body><p>{text}</p></body></html>"),
        )
    }

    #[test]
    fn pages_read_side_by_side_are_kept_in_order_as_one_by_one() {
        let pages = || {
            (0..40)
                .map(|i| page(&format!("/p{}/", i % 30), &format!("Élèves {i}, écoles et lycées.")))
                .collect::<Vec<_>>()
        };
        let mut many = state();
        assert_eq!(many.fossick_synthetic_many(pages()).unwrap(), 40);
        let mut one = state();
        for file in pages() {
            one.fossick_one(file).unwrap();
        }
        assert_eq!(many.fossicked_pages.len(), 30);
        for (a, b) in many.fossicked_pages.iter().zip(&one.fossicked_pages) {
            assert_eq!(a.url, b.url);
            assert_eq!(a.fragment.data.content, b.fragment.data.content);
            assert_eq!(a.word_data, b.word_data);
        }
        assert_eq!(many.fossicked_pages[0].fragment.data.content, "Élèves 30, écoles et lycées.");
    }

    #[test]
    fn a_page_added_again_replaces_the_first() {
        let mut state = state();
        state.fossick_one(page("/a/", "Premier texte.")).unwrap();
        state.fossick_one(page("/b/", "Autre page.")).unwrap();
        let again = state.fossick_one(page("/a/", "Texte corrigé.")).unwrap();
        assert_eq!(again.fragment.data.content, "Texte corrigé.");
        let urls: Vec<_> = state.fossicked_pages.iter().map(|p| p.url.as_str()).collect();
        assert_eq!(urls, ["/a/", "/b/"]);
        assert!(state.fossicked_pages[0].word_data.contains_key("corrig"));
        assert!(!state.fossicked_pages[0].word_data.contains_key("premi"));
    }

    /// A page of each kind of content a record holds: meta and its words,
    /// filters, sort keys, anchors with and without a title, weights,
    /// accented spellings, a custom body.
    fn rich_page(i: usize) -> Fossicker {
        Fossicker::new_synthetic(
            None,
            Some(format!("/r{i}/")),
            format!(
                "<html lang=\"fr\"><head><title>Page {i}</title></head><body>\
                 <main data-pagefind-body data-pagefind-filter=\"rubrique:Métiers\" \
                 data-pagefind-sort=\"date:2026-0{}-01\">\
                 <h1 id=\"titre\">Élections {i} à l’école</h1>\
                 <img src=\"/i{i}.jpg\" alt=\"Une photo\" data-pagefind-meta=\"image[src], image_alt[alt]\">\
                 <p data-pagefind-weight=\"3\">Les élèves élisent leurs délégués.</p>\
                 <section id=\"suite\" data-pagefind-title=\"La suite\"><h2>Suite</h2>\
                 <p>Déléguées et délégués, {i}.</p></section>\
                 <span data-pagefind-meta=\"auteur\">Anne-Sophie Morel</span>\
                 </main></body></html>",
                1 + i % 9
            ),
        )
    }

    #[test]
    fn pages_kept_as_records_index_as_the_pages_read() {
        let pages = || (0..12).map(rich_page).collect::<Vec<_>>();
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let files = |state: &mut SearchState| {
            runtime.block_on(async {
                state.build_indexes().await.unwrap();
                state
                    .get_files()
                    .await
                    .into_iter()
                    .map(|f| (f.filename, f.contents))
                    .collect::<Vec<_>>()
            })
        };
        let mut read = state();
        read.fossick_synthetic_many(pages()).unwrap();
        let mut kept = state();
        let records: Vec<Vec<u8>> = kept
            .read_synthetic_many(pages())
            .unwrap()
            .iter()
            .map(FossickedData::to_record)
            .collect();
        let back: Vec<FossickedData> = records
            .iter()
            .map(|r| FossickedData::from_record(r).expect("a record reads back"))
            .collect();
        for (record, page) in records.iter().zip(&back) {
            assert_eq!(&page.to_record(), record, "the same bytes again");
        }
        assert!(back[0].meta_word_data.values().any(|w| !w.is_empty()));
        assert!(back[0].fragment.data.anchors.iter().any(|a| a.title.is_some()));
        assert!(!back[0].sort.is_empty() && !back[0].fragment.data.filters.is_empty());
        assert_eq!(kept.add_read_pages(back), 12);
        assert_eq!(files(&mut kept), files(&mut read));
        // A cut or changed record is refused, never misread.
        let record = &records[0];
        for len in 0..record.len() {
            assert!(FossickedData::from_record(&record[..len]).is_none(), "cut at {len}");
        }
        let mut longer = record.clone();
        longer.push(0);
        assert!(FossickedData::from_record(&longer).is_none());
        let mut other_format = record.clone();
        other_format[0] = 2;
        assert!(FossickedData::from_record(&other_format).is_none());
    }
}
