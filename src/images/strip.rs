//! A source file's own bytes with its metadata taken out: the lossless
//! variant published at the source's width when re-encoding would make a
//! heavier file than the upload (a palette PNG, a JPEG saved at a lower
//! quality than the site's, an already small WebP).
//!
//! Only the chunks or segments that carry pixels, or are needed to read
//! them, are kept, byte for byte: PNG's `IHDR`, `PLTE`, `tRNS`, `IDAT` and
//! `IEND` (a palette PNG stays a palette PNG); JPEG's coding segments, the
//! `APP0` JFIF header and the `APP14` Adobe one (it says how the colours are
//! coded), every other `APPn` (EXIF, XMP, ICC, IPTC) and comment dropped;
//! WebP's image chunks, with the extended header's metadata flags cleared.
//! The result is never larger than the source and shows the same pixels,
//! but only when the source needs no turning: the caller asks for it only
//! when no EXIF orientation had to be applied, since the tag that said so
//! is gone. A file this does not understand gives `None` and its encoded
//! variant is kept.

use super::Format;

/// `bytes` (a file in `format`) without metadata, or `None` when its
/// structure is not as expected (an animated WebP, a damaged chunk).
pub(super) fn stripped(bytes: &[u8], format: Format) -> Option<Vec<u8>> {
    match format {
        Format::Png => png(bytes),
        Format::Jpeg => jpeg(bytes),
        Format::WebP => webp(bytes),
        // Never a source's format: Gazette does not decode AVIF.
        Format::Avif => None,
    }
}

/// PNG: the signature, then the chunks that make the picture.
fn png(bytes: &[u8]) -> Option<Vec<u8>> {
    const KEPT: [&[u8; 4]; 5] = [b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"];
    let mut out = bytes.get(..8)?.to_vec();
    let mut at = 8;
    while at < bytes.len() {
        let len =
            usize::try_from(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?)).ok()?;
        let end = at.checked_add(12)?.checked_add(len)?;
        let chunk = bytes.get(at..end)?;
        if KEPT.iter().any(|k| &chunk[4..8] == *k) {
            out.extend_from_slice(chunk);
        }
        if &chunk[4..8] == b"IEND" {
            return Some(out);
        }
        at = end;
    }
    None
}

/// JPEG: the segments up to the scan without the metadata ones, then the
/// scans as they are.
fn jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut out = vec![0xFF, 0xD8];
    let mut at = 2;
    loop {
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        if marker == 0xDA {
            out.extend_from_slice(&bytes[at..]);
            return Some(out);
        }
        let len = usize::from(u16::from_be_bytes([
            *bytes.get(at + 2)?,
            *bytes.get(at + 3)?,
        ]));
        let segment = bytes.get(at..at + 2 + len)?;
        let metadata = matches!(marker, 0xE1..=0xED | 0xEF | 0xFE);
        if !metadata {
            out.extend_from_slice(segment);
        }
        at += 2 + len;
    }
}

/// WebP: a simple file has no metadata; an extended one keeps its header
/// (metadata flags cleared) and its image chunks.
fn webp(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.get(..4)? != b"RIFF" || bytes.get(8..12)? != b"WEBP" {
        return None;
    }
    let mut chunks = Vec::new();
    let mut at = 12;
    while at < bytes.len() {
        let fourcc: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
        let size = u32::from_le_bytes(bytes.get(at + 4..at + 8)?.try_into().ok()?);
        let size = usize::try_from(size).ok()?;
        let end = at.checked_add(8)?.checked_add(size + size % 2)?;
        chunks.push((fourcc, bytes.get(at..end.min(bytes.len()))?));
        at = end;
    }
    match chunks.first()?.0 {
        [b'V', b'P', b'8', b' ' | b'L'] => return Some(bytes.to_vec()),
        [b'V', b'P', b'8', b'X'] => {}
        _ => return None,
    }
    let mut body = Vec::new();
    for (fourcc, chunk) in chunks {
        match &fourcc {
            b"VP8X" => {
                let mut header = chunk.to_vec();
                // Animation (0x02) is more than one picture: not ours.
                if header.get(8)? & 0x02 != 0 {
                    return None;
                }
                // ICC (0x20), EXIF (0x08) and XMP (0x04) no longer follow.
                header[8] &= !(0x20 | 0x08 | 0x04);
                body.extend(header);
            }
            b"ALPH" | b"VP8 " | b"VP8L" => body.extend_from_slice(chunk),
            _ => {}
        }
    }
    let mut out = b"RIFF".to_vec();
    out.extend(u32::try_from(body.len() + 4).ok()?.to_le_bytes());
    out.extend_from_slice(b"WEBP");
    out.extend(body);
    Some(out)
}
