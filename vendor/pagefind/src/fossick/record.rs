//! Patched for Gazette (PATCHES.md, change 9): a page as pagefind read it
//! (`FossickedData`), written to bytes and read back, so that a build cache
//! can keep the pages it read and a rebuild reads again only the pages that
//! changed.
//!
//! A format of its own rather than serde: the page's types are serialized
//! to the index's JSON with fields skipped when empty, which a binary
//! serde format cannot read back. Lengths and numbers are LEB128 varints,
//! strings their bytes; maps are written in key order, so a page always
//! gives the same bytes. Reading checks every length against what is left
//! and the record's format version, and gives `None` for anything else.

use hashbrown::HashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::{FossickedData, FossickedWord, MetaFossickedWord};
use crate::fragments::{PageAnchorData, PageFragment, PageFragmentData};

/// The first byte of every record: bumped when the layout changes.
const FORMAT: u8 = 1;

impl FossickedData {
    /// The page as bytes that [`FossickedData::from_record`] reads back.
    pub fn to_record(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(4096));
        w.0.push(FORMAT);
        w.str(&self.url);
        let data = &self.fragment.data;
        w.str(&data.url);
        w.str(&data.content);
        w.num(data.word_count as u64);
        w.num(data.filters.len() as u64);
        for (name, values) in &data.filters {
            w.str(name);
            w.num(values.len() as u64);
            for v in values {
                w.str(v);
            }
        }
        w.str_map(&data.meta);
        w.num(data.anchors.len() as u64);
        for a in &data.anchors {
            w.str(&a.element);
            w.str(&a.id);
            w.str(&a.text);
            w.opt(a.title.as_deref());
            w.num(u64::from(a.location));
        }
        let mut words: Vec<_> = self.word_data.iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        w.num(words.len() as u64);
        for (word, places) in words {
            w.str(word);
            w.num(places.len() as u64);
            for p in places {
                w.num(u64::from(p.position));
                w.0.push(p.weight);
                w.opt(p.original_word.as_deref());
            }
        }
        let mut meta_words: Vec<_> = self.meta_word_data.iter().collect();
        meta_words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        w.num(meta_words.len() as u64);
        for (word, places) in meta_words {
            w.str(word);
            w.num(places.len() as u64);
            for p in places {
                w.num(u64::from(p.field_id));
                w.num(u64::from(p.position));
                w.opt(p.original_word.as_deref());
            }
        }
        w.str_map(&self.sort);
        let flags = [
            self.has_custom_body,
            self.force_inclusion,
            self.has_html_element,
            self.has_old_bundle_reference,
            self.has_default_ui_reference,
        ];
        w.0.push(
            flags
                .iter()
                .enumerate()
                .fold(0u8, |acc, (i, &f)| acc | (u8::from(f) << i)),
        );
        w.str(&self.language);
        w.0
    }

    /// The page `bytes` hold, if they are a whole record of this format.
    pub fn from_record(bytes: &[u8]) -> Option<FossickedData> {
        let mut r = Reader(bytes);
        if r.byte()? != FORMAT {
            return None;
        }
        let url = r.string()?;
        let data_url = r.string()?;
        let content = r.string()?;
        let word_count = r.len()?;
        let mut filters = BTreeMap::new();
        for _ in 0..r.len()? {
            let name = r.string()?;
            let count = r.len()?;
            let mut values = Vec::with_capacity(count.min(r.0.len()));
            for _ in 0..count {
                values.push(r.string()?);
            }
            filters.insert(name, values);
        }
        let meta = r.str_map()?;
        let count = r.len()?;
        let mut anchors = Vec::with_capacity(count.min(r.0.len()));
        for _ in 0..count {
            anchors.push(PageAnchorData {
                element: r.string()?,
                id: r.string()?,
                text: r.string()?,
                title: r.opt()?.map(str::to_string),
                location: r.u32()?,
            });
        }
        let count = r.len()?;
        let mut word_data = HashMap::with_capacity(count.min(r.0.len()));
        for _ in 0..count {
            let word = r.string()?;
            let places = r.len()?;
            let mut list = Vec::with_capacity(places.min(r.0.len()));
            // The spellings are shared by every place of the word, as the
            // reading of the page shares them.
            let mut spellings: Vec<Arc<str>> = Vec::new();
            for _ in 0..places {
                let position = r.u32()?;
                let weight = r.byte()?;
                let original_word = match r.opt()? {
                    None => None,
                    Some(s) => Some(match spellings.iter().find(|k| k.as_ref() == s) {
                        Some(known) => Arc::clone(known),
                        None => {
                            let new: Arc<str> = Arc::from(s);
                            spellings.push(Arc::clone(&new));
                            new
                        }
                    }),
                };
                list.push(FossickedWord {
                    position,
                    weight,
                    original_word,
                });
            }
            word_data.insert(word, list);
        }
        let count = r.len()?;
        let mut meta_word_data = HashMap::with_capacity(count.min(r.0.len()));
        for _ in 0..count {
            let word = r.string()?;
            let places = r.len()?;
            let mut list = Vec::with_capacity(places.min(r.0.len()));
            for _ in 0..places {
                list.push(MetaFossickedWord {
                    field_id: u16::try_from(r.num()?).ok()?,
                    position: r.u32()?,
                    original_word: r.opt()?.map(str::to_string),
                });
            }
            meta_word_data.insert(word, list);
        }
        let sort = r.str_map()?;
        let flags = r.byte()?;
        if flags >> 5 != 0 {
            return None;
        }
        let flag = |i: u8| flags & (1 << i) != 0;
        let language = r.string()?;
        if !r.0.is_empty() {
            return None;
        }
        Some(FossickedData {
            url,
            fragment: PageFragment {
                data: PageFragmentData {
                    url: data_url,
                    content,
                    word_count,
                    filters,
                    meta,
                    anchors,
                },
            },
            word_data,
            meta_word_data,
            sort,
            has_custom_body: flag(0),
            force_inclusion: flag(1),
            has_html_element: flag(2),
            has_old_bundle_reference: flag(3),
            has_default_ui_reference: flag(4),
            language,
        })
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn num(&mut self, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }

    fn str(&mut self, s: &str) {
        self.num(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.0.push(0),
            Some(s) => {
                self.0.push(1);
                self.str(s);
            }
        }
    }

    fn str_map(&mut self, map: &BTreeMap<String, String>) {
        self.num(map.len() as u64);
        for (k, v) in map {
            self.str(k);
            self.str(v);
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    fn num(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.num()?).ok()
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.num()?).ok()
    }

    fn str(&mut self) -> Option<&'a str> {
        let len = self.len()?;
        if len > self.0.len() {
            return None;
        }
        let (s, rest) = self.0.split_at(len);
        self.0 = rest;
        std::str::from_utf8(s).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    fn opt(&mut self) -> Option<Option<&'a str>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.str().map(Some),
            _ => None,
        }
    }

    fn str_map(&mut self) -> Option<BTreeMap<String, String>> {
        let mut map = BTreeMap::new();
        for _ in 0..self.len()? {
            let k = self.string()?;
            map.insert(k, self.string()?);
        }
        Some(map)
    }
}
