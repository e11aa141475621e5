//! The programmatic service interface for integrating Pagefind into another Rust project.
//!
//! # Examples
//!
//! ```
//! use pagefind::api::{PagefindIndex};
//! use pagefind::options::{PagefindServiceConfig};
//!
//! #[tokio::main]
//! async fn main() {
//!     let options = PagefindServiceConfig::builder()
//!         .keep_index_url(true)
//!         .force_language("en".to_string())
//!         .build();
//!     let mut index = PagefindIndex::new(Some(options)).expect("Options should be valid");
//!     let indexing_response = index
//!         .add_html_file(
//!             Some("test/index.html".into()),
//!             None,
//!             "<html><body><h1>Test content</h1></body></html>".into(),
//!         )
//!         .await;
//!
//!     if let Ok(file) = indexing_response {
//!         println!("Page word count: {}", file.page_word_count);
//!         println!("Page URL: {}", file.page_url);
//!     }
//!
//!     let files_response = index.get_files().await;
//!     if let Ok(files) = files_response {
//!         println!("Have {} files to write to disk", files.len());
//!     }
//! }
//! ```

pub use crate::output::SyntheticFile;
use anyhow::{bail, Result};
use rust_patch::Patch;
use std::{collections::BTreeMap, path::PathBuf, sync::Arc};

use crate::{
    fossick::{parser::DomParserResult, Fossicker},
    options::PagefindServiceConfig,
    PagefindInboundConfig, SearchOptions, SearchState,
};

#[derive(Debug)]
pub struct IndexedFileResponse {
    pub page_word_count: u32,
    pub page_url: String,
    pub page_meta: BTreeMap<String, String>,
}

pub struct PagefindIndex {
    search_index: Arc<tokio::sync::Mutex<SearchState>>,
}

impl PagefindIndex {
    /// Create a new PagefindIndex instance that files can be added to.
    ///
    /// # Arguments
    /// * `config` - An optional PagefindServiceConfig to override default options for the service.
    ///
    /// # Returns
    /// A PagefindIndex instance if search options are valid, otherwise an Error.
    pub fn new(config: Option<PagefindServiceConfig>) -> Result<Self> {
        let mut service_options: PagefindInboundConfig =
            serde_json::from_str("{}").expect("All fields have serde defaults");

        service_options.service = true;
        if let Some(config) = config {
            service_options = config.apply(service_options);
        }

        let options = SearchOptions::load(service_options)?;
        Ok(Self {
            search_index: Arc::new(tokio::sync::Mutex::new(SearchState::new(options))),
        })
    }

    /// Add an HTML file that isn't on disk into this search index.
    /// Either a filepath or a URL must be provided.
    ///
    /// # Arguments
    /// * `source_path` - The source path of the HTML file if it were to exist on disk.
    /// * `url` - An explicit URL to use, instead of having Pagefind compute the URL based on the `source_path`.
    /// * `content` - The source HTML content of the file to be parsed.
    ///
    /// # Returns
    /// Metadata about the added file if successful, otherwise an Error.
    pub async fn add_html_file(
        &mut self,
        source_path: Option<String>,
        url: Option<String>,
        content: String,
    ) -> Result<IndexedFileResponse> {
        if source_path.is_none() && url.is_none() {
            bail!("Either source_path or url must be provided");
        }

        let file = Fossicker::new_synthetic(source_path.map(PathBuf::from), url, content);
        let state = Arc::clone(&self.search_index);
        tokio::task::spawn_blocking(move || {
            let mut state = state.blocking_lock();
            let data = state.fossick_one(file)?;
            Ok(IndexedFileResponse {
                page_word_count: data.fragment.data.word_count as u32,
                page_url: data.fragment.data.url.clone(),
                page_meta: data.fragment.data.meta.clone(),
            })
        })
        .await
        .map_err(|e| anyhow::anyhow!("Task join error: {e}"))?
    }

    /// Patched for Gazette (PATCHES.md, change 6): adds many HTML pages
    /// that aren't on disk at once, read side by side on rayon's threads.
    ///
    /// # Arguments
    /// * `pages` - Each page's URL and its HTML.
    ///
    /// # Returns
    /// The number of pages read, or the first error met (then none is kept).
    pub async fn add_html_files(&mut self, pages: Vec<(String, String)>) -> Result<usize> {
        let files = pages
            .into_iter()
            .map(|(url, content)| Fossicker::new_synthetic(None, Some(url), content))
            .collect();
        let state = Arc::clone(&self.search_index);
        tokio::task::spawn_blocking(move || state.blocking_lock().fossick_synthetic_many(files))
            .await
            .map_err(|e| anyhow::anyhow!("Task join error: {e}"))?
    }

    /// Patched for Gazette (PATCHES.md, change 9): reads pages as
    /// [`Self::add_html_files`] does, side by side, and returns them
    /// without adding them: the caller may keep each as a record
    /// (`FossickedData::to_record`) and add them with
    /// [`Self::add_read_pages`].
    ///
    /// # Returns
    /// The pages read, in the order given, or the first error met.
    pub async fn read_html_files(
        &mut self,
        pages: Vec<(String, String)>,
    ) -> Result<Vec<crate::FossickedData>> {
        let files = pages
            .into_iter()
            .map(|(url, content)| Fossicker::new_synthetic(None, Some(url), content))
            .collect();
        let state = Arc::clone(&self.search_index);
        tokio::task::spawn_blocking(move || state.blocking_lock().read_synthetic_many(files))
            .await
            .map_err(|e| anyhow::anyhow!("Task join error: {e}"))?
    }

    /// Patched for Gazette (PATCHES.md, change 9): adds pages already read
    /// ([`Self::read_html_files`], or records read back with
    /// `FossickedData::from_record`), in the order given, as
    /// [`Self::add_html_files`] would have added them.
    pub async fn add_read_pages(&mut self, pages: Vec<crate::FossickedData>) -> usize {
        self.search_index.lock().await.add_read_pages(pages)
    }

    /// Index a custom record that isn't backed by an HTML file.
    ///
    /// # Arguments
    /// * `url` - The output URL of this record. Pagefind will not alter this.
    /// * `content` - The raw content of this record.
    /// * `language` - What language is this record written in. Expects an ISO 639-1 code.
    /// * `meta` - The metadata to attach to this record. Supplying a `title` is highly recommended.
    /// * `filters` - The filters to attach to this record.
    /// * `sort` - The sort keys to attach to this record.
    ///
    /// # Returns
    /// Metadata about the added record if successful, otherwise an Error.
    pub async fn add_custom_record(
        &mut self,
        url: String,
        content: String,
        language: String,
        meta: Option<BTreeMap<String, String>>,
        filters: Option<BTreeMap<String, Vec<String>>>,
        sort: Option<BTreeMap<String, String>>,
    ) -> Result<IndexedFileResponse> {
        let force_language = self
            .search_index
            .lock()
            .await
            .options
            .force_language
            .clone();
        let data = DomParserResult {
            digest: content,
            filters: filters.unwrap_or_default(),
            sort: sort.unwrap_or_default(),
            meta: meta.unwrap_or_default(),
            anchor_content: BTreeMap::new(),
            anchor_titles: BTreeMap::new(),
            has_custom_body: false,
            force_inclusion: true,
            has_html_element: true,
            has_old_bundle_reference: false,
            has_default_ui_reference: false,
            language: force_language.unwrap_or(language),
        };
        let file = Fossicker::new_with_data(url, data);
        let state = Arc::clone(&self.search_index);
        tokio::task::spawn_blocking(move || {
            let mut state = state.blocking_lock();
            let data = state.fossick_one(file)?;
            Ok(IndexedFileResponse {
                page_word_count: data.fragment.data.word_count as u32,
                page_url: data.fragment.data.url.clone(),
                page_meta: data.fragment.data.meta.clone(),
            })
        })
        .await
        .map_err(|e| anyhow::anyhow!("Task join error: {e}"))?
    }

    /// Index a directory of HTML files from disk.
    ///
    /// # Arguments
    /// * `path` - The path to the directory to index.
    /// * `glob` - A glob pattern to match files in the directory. If not provided, the default glob pattern will be used.
    ///
    /// # Returns
    /// The number of pages indexed if successful, otherwise an Error.
    pub async fn add_directory(&mut self, path: String, glob: Option<String>) -> Result<usize> {
        let defaults: PagefindInboundConfig =
            serde_json::from_str("{}").expect("All fields have serde defaults");
        let glob = glob.unwrap_or(defaults.glob);

        let state = Arc::clone(&self.search_index);
        let page_count = tokio::task::spawn_blocking(move || {
            state.blocking_lock().fossick_many(PathBuf::from(path), glob)
        })
        .await
        .map_err(|e| anyhow::anyhow!("Task join error: {e}"))??;

        Ok(page_count)
    }

    /// Build the search index for this instance and hold it in memory.
    pub async fn build_indexes(&mut self) -> Result<()> {
        self.search_index.lock().await.build_indexes().await
    }

    /// Build the search index for this instance and write the files to disk.
    ///
    /// # Arguments
    /// * `output_path` - The path to write the files to. If not provided, the default output path will be used.
    ///
    /// # Returns
    /// The path files were written to if successful, otherwise an Error.
    pub async fn write_files(&mut self, output_path: Option<String>) -> Result<String> {
        let mut state = self.search_index.lock().await;
        state.build_indexes().await?;
        let resolved_output_path = state.write_files(output_path.map(Into::into)).await;

        Ok(resolved_output_path.to_string_lossy().into())
    }

    /// Build the search index for this instance and return the files as a list of
    /// SyntheticFileResponse.
    ///
    /// # Returns
    /// A list of SyntheticFiles containing the path and content of each file.
    pub async fn get_files(&mut self) -> Result<Vec<SyntheticFile>> {
        let mut state = self.search_index.lock().await;
        state.build_indexes().await?;
        Ok(state.get_files().await)
    }

    /// Patched for Gazette (PATCHES.md, change 11): [`Self::get_files`],
    /// with the gzipped files of an earlier run (`made`, by their path
    /// within the bundle, as `get_files` returned them) taken instead of
    /// compressed again when a file of the same name is written: names are
    /// hashes of the uncompressed content, so the bytes are the same when
    /// the earlier run used the same compression level and version.
    pub async fn get_files_reusing(
        &mut self,
        made: &crate::output::Made,
    ) -> Result<Vec<SyntheticFile>> {
        let mut state = self.search_index.lock().await;
        state.build_indexes().await?;
        Ok(state.get_files_reusing(made).await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn test_add_file() {
        let options = PagefindServiceConfig::builder()
            .keep_index_url(true)
            .force_language("en".to_string())
            .build();
        let mut index = PagefindIndex::new(Some(options)).unwrap();
        let file_response = index
            .add_html_file(
                Some("test/index.html".into()),
                None,
                "<html><body><h1>Test content</h1></body></html>".into(),
            )
            .await;

        let file = file_response.expect("Adding a file should succeed");
        assert_eq!(file.page_word_count, 2);
        assert_eq!(file.page_url, "/test/index.html");

        let files_response = index.get_files().await;

        let files = files_response.expect("Getting files should succeed");
        let filenames: Vec<_> = files.into_iter().map(|f| f.filename).collect();
        assert!(filenames.contains(&PathBuf::from("pagefind.js")));
        assert!(filenames.contains(&PathBuf::from("pagefind-ui.js")));
        assert!(filenames.contains(&PathBuf::from("pagefind-ui.css")));
        assert!(filenames.contains(&PathBuf::from("wasm.en.pagefind")));
        assert!(filenames.contains(&PathBuf::from("pagefind-entry.json")));
        assert!(filenames
            .iter()
            .any(|f| f.to_string_lossy().ends_with(".pf_meta")));
        assert!(filenames
            .iter()
            .any(|f| f.to_string_lossy().ends_with(".pf_fragment")));
        assert!(filenames
            .iter()
            .any(|f| f.to_string_lossy().ends_with(".pf_index")));
    }

    // Patched for Gazette (PATCHES.md, change 11).
    async fn files_of(pages: &[(&str, &str)], made: Option<&crate::output::Made>) -> Vec<SyntheticFile> {
        let options = PagefindServiceConfig::builder()
            .force_language("fr".to_string())
            .compression_level(3)
            .build();
        let mut index = PagefindIndex::new(Some(options)).unwrap();
        for (url, text) in pages {
            index
                .add_html_file(
                    None,
                    Some(url.to_string()),
                    format!("<html lang=fr><body><h1>{url}</h1><p>{text}</p></body></html>"),
                )
                .await
                .unwrap();
        }
        let mut files = match made {
            Some(made) => index.get_files_reusing(made).await.unwrap(),
            None => index.get_files().await.unwrap(),
        };
        files.sort_by(|a, b| a.filename.cmp(&b.filename));
        files
    }

    const PAGES: &[(&str, &str)] = &[
        ("/un/", "Les agents de l'accueil reçoivent les assurés."),
        ("/deux/", "Le télétravail est ouvert à tous les services."),
        ("/trois/", "La formation des nouveaux arrivants commence lundi."),
    ];

    #[tokio::test]
    async fn files_made_before_are_taken_and_the_bundle_is_the_same() {
        let before = files_of(PAGES, None).await;
        let made: crate::output::Made = before
            .iter()
            .map(|f| (f.filename.clone(), f.contents.clone()))
            .collect();
        // One page changed: its fragment and some word chunks are new.
        let mut edited = PAGES.to_vec();
        edited[1] = ("/deux/", "Le télétravail est ouvert à tous les services, dès mars.");
        let fresh = files_of(&edited, None).await;
        let reusing = files_of(&edited, Some(&made)).await;
        let names = |files: &[SyntheticFile]| files.iter().map(|f| f.filename.clone()).collect::<Vec<_>>();
        assert_eq!(names(&reusing), names(&fresh));
        for (a, b) in reusing.iter().zip(&fresh) {
            assert!(a.contents == b.contents, "{}", a.filename.display());
        }
        let kept = fresh.iter().filter(|f| made.contains_key(&f.filename)).count();
        let fragments = fresh
            .iter()
            .filter(|f| f.filename.to_string_lossy().ends_with(".pf_fragment"))
            .count();
        assert!(kept >= 2 && fragments == 3, "{kept} files kept, {fragments} fragments");
    }

    #[tokio::test]
    async fn a_gzipped_file_found_is_taken_as_it_is() {
        let before = files_of(PAGES, None).await;
        let fragment = before
            .iter()
            .find(|f| f.filename.to_string_lossy().ends_with(".pf_fragment"))
            .unwrap();
        let marked: crate::output::Made =
            [(fragment.filename.clone(), b"made before".to_vec())].into_iter().collect();
        let after = files_of(PAGES, Some(&marked)).await;
        for file in &after {
            let taken = file.contents == b"made before";
            assert_eq!(taken, file.filename == fragment.filename, "{}", file.filename.display());
        }
    }
}
