//! The credit fields a site may keep in its photos: the author (EXIF
//! `Artist`) and the copyright notice (EXIF `Copyright`), nothing else.
//!
//! A variant is written with no metadata by default. A newsroom that must
//! keep a photographer's credit in the files (an agency's terms, say) sets
//! `images.keep_credit: true`; the variants then carry a new EXIF block
//! made here holding these two text fields as the source had them, never
//! a copy of the source's block, so GPS, camera, dates and thumbnails still
//! cannot pass. kamadak-exif reads the source's block and writes the new
//! one. JPEG and PNG take it through their encoders; libwebp's simple
//! encoder writes no metadata, so a WebP file is given an extended header
//! (`VP8X`) with its EXIF flag and an `EXIF` chunk after its image data,
//! as the WebP container specifies.

use exif::experimental::Writer;
use exif::{Field, In, Tag, Value};

/// The credit fields of a photo: at least one of them is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Credit {
    /// The EXIF block (a TIFF, without JPEG's `Exif\0\0`) that holds them.
    pub tiff: Vec<u8>,
}

/// The credit fields of the EXIF block `exif` (with or without JPEG's
/// `Exif\0\0`), if it has any.
pub(super) fn read(exif: &[u8]) -> Option<Credit> {
    let tiff = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    let parsed = exif::Reader::new().read_raw(tiff.to_vec()).ok()?;
    let fields: Vec<Field> = [Tag::Artist, Tag::Copyright]
        .into_iter()
        .filter_map(|tag| parsed.get_field(tag, In::PRIMARY))
        .filter(|f| matches!(&f.value, Value::Ascii(v) if v.iter().any(|s| !s.is_empty())))
        .map(|f| Field {
            tag: f.tag,
            ifd_num: In::PRIMARY,
            value: f.value.clone(),
        })
        .collect();
    if fields.is_empty() {
        return None;
    }
    let mut writer = Writer::new();
    for f in &fields {
        writer.push_field(f);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    writer.write(&mut out, false).ok()?;
    Some(Credit {
        tiff: out.into_inner(),
    })
}

/// The WebP file `file` (a simple `VP8 `/`VP8L` file or an extended one
/// of `width`×`height` pixels) with the EXIF block `tiff` added.
pub(super) fn into_webp(file: &[u8], tiff: &[u8], width: u32, height: u32) -> Option<Vec<u8>> {
    if file.len() < 20 || &file[..4] != b"RIFF" || &file[8..12] != b"WEBP" {
        return None;
    }
    let chunks = &file[12..];
    let mut out = Vec::with_capacity(file.len() + tiff.len() + 32);
    out.extend(b"RIFF\0\0\0\0WEBP");
    if chunks.starts_with(b"VP8X") && chunks.len() >= 18 {
        out.extend(&chunks[..8]);
        out.push(chunks[8] | 0x08);
        out.extend(&chunks[9..]);
    } else {
        out.extend(b"VP8X");
        out.extend(10u32.to_le_bytes());
        out.extend([0x08, 0, 0, 0]);
        out.extend(&(width - 1).to_le_bytes()[..3]);
        out.extend(&(height - 1).to_le_bytes()[..3]);
        out.extend(chunks);
    }
    out.extend(b"EXIF");
    out.extend(u32::try_from(tiff.len()).ok()?.to_le_bytes());
    out.extend(tiff);
    if tiff.len() % 2 == 1 {
        out.push(0);
    }
    let size = u32::try_from(out.len() - 8).ok()?;
    out[4..8].copy_from_slice(&size.to_le_bytes());
    Some(out)
}
