//! The width and height of an image (an article's cover, the site's
//! `share_image`), read from its file's header, for the `og:image:width`
//! and `og:image:height` tags (a link preview draws its card at once when
//! it knows the image's size).
//!
//! Only the first bytes are read, and only the formats a newsroom's covers
//! come in (PNG, JPEG, GIF, WebP): a dependency that decodes images would
//! do far more than read two numbers. A file that cannot be read or whose
//! header is not understood has no known size, which is no error: the tags
//! are then left out.

use std::io::Read;
use std::path::Path;

/// How much of a file is read: a JPEG's size comes after its metadata
/// segments (EXIF, a colour profile), which may fill tens of kilobytes.
const HEAD: u64 = 256 * 1024;

/// The size of the image at `path`, when its header says it.
pub fn of_file(path: &Path) -> Option<(u32, u32)> {
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(HEAD)
        .read_to_end(&mut head)
        .ok()?;
    of_bytes(&head)
}

/// The size an image's first bytes give.
fn of_bytes(b: &[u8]) -> Option<(u32, u32)> {
    let size = if b.starts_with(b"\x89PNG\r\n\x1a\n") && b.get(12..16) == Some(b"IHDR") {
        (be32(b, 16)?, be32(b, 20)?)
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        (u32::from(le16(b, 6)?), u32::from(le16(b, 8)?))
    } else if b.starts_with(b"\xff\xd8") {
        jpeg(b)?
    } else if b.starts_with(b"RIFF") && b.get(8..12) == Some(b"WEBP") {
        webp(b)?
    } else {
        return None;
    };
    (size.0 > 0 && size.1 > 0).then_some(size)
}

/// A JPEG's size: the first start-of-frame segment's, after the others.
fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        while *b.get(at)? == 0xff && *b.get(at + 1)? == 0xff {
            at += 1;
        }
        if *b.get(at)? != 0xff {
            return None;
        }
        let marker = *b.get(at + 1)?;
        let length = usize::from(be16(b, at + 2)?);
        // Start of frame: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
        if (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
            let height = u32::from(be16(b, at + 5)?);
            let width = u32::from(be16(b, at + 7)?);
            return Some((width, height));
        }
        at += 2 + length;
    }
}

/// A WebP's size: lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`).
fn webp(b: &[u8]) -> Option<(u32, u32)> {
    match b.get(12..16)? {
        b"VP8 " => Some((
            u32::from(le16(b, 26)? & 0x3fff),
            u32::from(le16(b, 28)? & 0x3fff),
        )),
        b"VP8L" => {
            let bits = le32(b, 21)?;
            Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1))
        }
        b"VP8X" => Some((le24(b, 24)? + 1, le24(b, 27)? + 1)),
        _ => None,
    }
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 3)?;
    Some(u32::from(s[0]) | u32::from(s[1]) << 8 | u32::from(s[2]) << 16)
}

fn le32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_png_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(1200u32.to_be_bytes());
        png.extend(675u32.to_be_bytes());
        assert_eq!(of_bytes(&png), Some((1200, 675)));
    }

    #[test]
    fn reads_a_gif_header() {
        assert_eq!(of_bytes(b"GIF89a\x40\x01\xf0\x00"), Some((320, 240)));
    }

    #[test]
    fn reads_a_jpeg_after_its_metadata() {
        let mut jpeg = b"\xff\xd8".to_vec();
        // An APP1 segment of 6 bytes (its length counts itself), then SOF0.
        jpeg.extend(b"\xff\xe1\x00\x06abcd");
        jpeg.extend(b"\xff\xc0\x00\x11\x08");
        jpeg.extend(480u16.to_be_bytes());
        jpeg.extend(640u16.to_be_bytes());
        assert_eq!(of_bytes(&jpeg), Some((640, 480)));
    }

    #[test]
    fn reads_webp_headers() {
        let mut lossy = b"RIFF\0\0\0\0WEBPVP8 \0\0\0\0\0\0\0\x9d\x01\x2a".to_vec();
        lossy.extend(800u16.to_le_bytes());
        lossy.extend(600u16.to_le_bytes());
        assert_eq!(of_bytes(&lossy), Some((800, 600)));
        let mut extended = b"RIFF\0\0\0\0WEBPVP8X\0\0\0\0\0\0\0\0".to_vec();
        extended.extend(&1199u32.to_le_bytes()[..3]);
        extended.extend(&674u32.to_le_bytes()[..3]);
        assert_eq!(of_bytes(&extended), Some((1200, 675)));
    }

    #[test]
    fn anything_else_has_no_size() {
        assert_eq!(
            of_bytes(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            None
        );
        assert_eq!(of_bytes(b"\x89PNG\r\n\x1a\n"), None);
        assert_eq!(of_bytes(b"\xff\xd8\xff\xe1\xff\xff"), None);
    }
}
