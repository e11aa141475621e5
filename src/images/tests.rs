//! Photos made by the tests themselves (no downloaded fixtures): their
//! variants' widths, pixels, orientation and metadata, and the errors of
//! bad files.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder, RgbImage, RgbaImage};

use super::cache::Cache;
use super::*;

/// A `w`×`h` JPEG, its top half red and its bottom half blue.
pub(crate) fn two_tone_jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |_, y| {
        if y < h / 2 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 95)
        .write_image(img.as_raw(), w, h, ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// A TIFF (big-endian) of an EXIF block: the orientation tag, a camera
/// make, and a GPS block with a latitude reference.
fn exif_block(orientation: u16) -> Vec<u8> {
    let mut t = b"MM\0\x2a\0\0\0\x08".to_vec();
    // IFD0 at 8: 3 entries (orientation, make, GPS pointer), then next = 0.
    t.extend([0, 3]);
    t.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    t.extend(orientation.to_be_bytes());
    t.extend([0, 0]);
    // Make, ASCII, 4 bytes inline.
    t.extend([0x01, 0x0f, 0, 2, 0, 0, 0, 4]);
    t.extend(b"Cam\0");
    // GPSInfo pointer to the GPS IFD right after IFD0 (8 + 2 + 36 + 4 = 50).
    t.extend([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 50]);
    t.extend([0, 0, 0, 0]);
    // GPS IFD: GPSLatitudeRef "N".
    t.extend([0, 1]);
    t.extend([0, 1, 0, 2, 0, 0, 0, 2]);
    t.extend(b"N\0\0\0");
    t.extend([0, 0, 0, 0]);
    t
}

/// `jpeg` with an EXIF segment (orientation, make, GPS) and an XMP one
/// after its start marker, as a phone writes them.
pub(crate) fn with_phone_metadata(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(exif_block(orientation));
    let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'><exif:GPSLatitude>48,51N</exif:GPSLatitude></x:xmpmeta>".to_vec();
    let mut out = jpeg[..2].to_vec();
    for payload in [exif, xmp] {
        out.extend([0xFF, 0xE1]);
        out.extend(u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        out.extend(payload);
    }
    out.extend(&jpeg[2..]);
    out
}

/// The JPEG segments' markers before the image data.
fn jpeg_markers(bytes: &[u8]) -> Vec<u8> {
    let mut markers = Vec::new();
    let mut at = 2;
    while at + 4 <= bytes.len() && bytes[at] == 0xFF {
        let marker = bytes[at + 1];
        markers.push(marker);
        if marker == 0xDA {
            break;
        }
        at += 2 + usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
    }
    markers
}

/// The chunk types of a PNG or of a WebP (RIFF) file.
fn chunks(bytes: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let (mut at, png) = if bytes.starts_with(b"\x89PNG") {
        (8, true)
    } else {
        (12, false)
    };
    while at + 8 <= bytes.len() {
        let (len, name) = if png {
            let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
            (len as usize + 12, &bytes[at + 4..at + 8])
        } else {
            let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap());
            (len as usize + 8 + (len as usize & 1), &bytes[at..at + 4])
        };
        out.push(String::from_utf8_lossy(name).into_owned());
        at += len;
    }
    out
}

/// The top-level boxes of an AVIF (ISO-BMFF) file, and its `ftyp`'s major
/// brand.
fn boxes(bytes: &[u8]) -> (Vec<String>, String) {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        out.push(String::from_utf8_lossy(&bytes[at + 4..at + 8]).into_owned());
        if len < 8 {
            break;
        }
        at += len;
    }
    let brand = String::from_utf8_lossy(bytes.get(8..12).unwrap_or_default()).into_owned();
    (out, brand)
}

/// The pixels of a variant: `image` decodes JPEG, PNG and WebP, libavif
/// (with libaom's decoder) AVIF.
fn rgb_of(v: &Variant) -> RgbImage {
    if v.format == Format::Avif {
        let px = libavif::decode_rgb(&v.bytes).unwrap();
        RgbImage::from_fn(px.width(), px.height(), |x, y| {
            let (r, g, b, _) = px.pixel(x, y);
            image::Rgb([r, g, b])
        })
    } else {
        image::load_from_memory(&v.bytes).unwrap().into_rgb8()
    }
}

/// Whether `needle` occurs in `bytes`.
fn contains(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// Every variant carries pixels only: no EXIF, XMP or GPS bytes, and no
/// segment or chunk but those of the image itself.
fn assert_no_metadata(made: &Variants) {
    for v in &made.files {
        for needle in [
            &b"Exif"[..],
            b"http://ns.adobe.com/xap",
            b"rdf+xml",
            b"GPS",
            b"Cam\0",
        ] {
            assert!(
                !contains(&v.bytes, needle),
                "{:?} {} has {needle:?}",
                v.format,
                v.width
            );
        }
        match v.format {
            Format::Jpeg => {
                let markers = jpeg_markers(&v.bytes);
                assert!(
                    markers
                        .iter()
                        .all(|m| matches!(m, 0xE0 | 0xDB | 0xC0..=0xC4 | 0xDA | 0xDD)),
                    "JPEG segments {markers:x?}"
                );
            }
            Format::Png => assert!(
                chunks(&v.bytes)
                    .iter()
                    .all(|c| ["IHDR", "PLTE", "tRNS", "IDAT", "IEND"].contains(&c.as_str())),
                "PNG chunks {:?}",
                chunks(&v.bytes)
            ),
            Format::WebP => assert!(
                chunks(&v.bytes)
                    .iter()
                    .all(|c| ["VP8 ", "VP8L", "VP8X", "ALPH"].contains(&c.as_str())),
                "WebP chunks {:?}",
                chunks(&v.bytes)
            ),
            // An AVIF's metadata would be an `Exif` or `mime` (XMP) item
            // in `meta`, or a box of its own: only the picture's boxes.
            Format::Avif => {
                assert_eq!(
                    boxes(&v.bytes),
                    (
                        vec!["ftyp".into(), "meta".into(), "mdat".into()],
                        "avif".into()
                    )
                );
                assert!(!contains(&v.bytes, b"mime"), "AVIF with an XMP item");
            }
        }
    }
}

fn settings(widths: &[u32]) -> Settings {
    Settings {
        widths: widths.to_vec(),
        quality: 80,
        keep_credit: false,
    }
}

#[test]
fn widths_are_never_upscaled_and_include_a_smaller_source() {
    assert_eq!(widths_for(4000, &[1600, 480, 800]), vec![480, 800, 1600]);
    assert_eq!(
        widths_for(1000, &[480, 800, 1200, 1600]),
        vec![480, 800, 1000]
    );
    assert_eq!(widths_for(800, &[480, 800, 1200]), vec![480, 800]);
    assert_eq!(widths_for(300, &[480, 800]), vec![300]);
    assert_eq!(widths_for(1600, &[1600, 1600]), vec![1600]);
}

#[test]
fn a_jpeg_gets_avif_webp_and_jpeg_at_each_width_with_proportional_heights() {
    let made = make(&two_tone_jpeg(1000, 500), &settings(&[400, 800, 1600])).unwrap();
    assert_eq!(made.fallback, Format::Jpeg);
    let sizes: Vec<(u32, u32, Format)> = made
        .files
        .iter()
        .map(|v| (v.width, v.height, v.format))
        .collect();
    assert_eq!(
        sizes,
        vec![
            (400, 200, Format::Avif),
            (400, 200, Format::WebP),
            (400, 200, Format::Jpeg),
            (800, 400, Format::Avif),
            (800, 400, Format::WebP),
            (800, 400, Format::Jpeg),
            (1000, 500, Format::Avif),
            (1000, 500, Format::WebP),
            (1000, 500, Format::Jpeg),
        ]
    );
    // The pixels each file holds are the size it is listed with.
    for v in &made.files {
        let decoded = rgb_of(v);
        assert_eq!((decoded.width(), decoded.height()), (v.width, v.height));
    }
    assert_eq!(boxes(&made.files[0].bytes).1, "avif");
    assert!(
        made.files[1].bytes.starts_with(b"RIFF") && contains(&made.files[1].bytes[..16], b"WEBP")
    );
    assert!(made.files[2].bytes.starts_with(&[0xFF, 0xD8]));
    assert_no_metadata(&made);
    assert_eq!(
        made.largest().map(|v| (v.width, v.height)),
        Some((1000, 500))
    );
}

#[test]
fn orientation_6_comes_out_upright_with_no_metadata() {
    // Stored 40×20, top red, bottom blue; orientation 6 turns it a quarter
    // clockwise: 20×40, the red on the right, the blue on the left.
    let source = with_phone_metadata(&two_tone_jpeg(40, 20), 6);
    let made = make(&source, &settings(&[10, 100])).unwrap();
    let largest = made.largest().unwrap();
    assert_eq!((largest.width, largest.height), (20, 40));
    assert!(made.files.iter().any(|v| v.format == Format::Avif));
    for v in made.files.iter().filter(|v| v.width == 20) {
        let px = rgb_of(v);
        let (left, right) = (px.get_pixel(2, 20), px.get_pixel(17, 20));
        assert!(
            left[2] > 150 && left[0] < 100,
            "{:?} left {left:?}",
            v.format
        );
        assert!(
            right[0] > 150 && right[2] < 100,
            "{:?} right {right:?}",
            v.format
        );
    }
    assert_no_metadata(&made);
}

#[test]
fn a_transparent_png_stays_png_with_its_alpha_and_no_metadata() {
    let img = RgbaImage::from_fn(64, 32, |x, _| {
        image::Rgba([0, 128, 0, if x < 32 { 0 } else { 255 }])
    });
    let mut png = Vec::new();
    PngEncoder::new(&mut png)
        .write_image(img.as_raw(), 64, 32, ExtendedColorType::Rgba8)
        .unwrap();
    let made = make(&png, &settings(&[32, 64])).unwrap();
    assert_eq!(made.fallback, Format::Png);
    let largest = image::load_from_memory(&made.largest().unwrap().bytes)
        .unwrap()
        .into_rgba8();
    assert_eq!(largest.get_pixel(2, 2)[3], 0);
    assert_eq!(largest.get_pixel(60, 2)[3], 255);
    // No AVIF: the encoder would drop the alpha channel.
    assert_eq!(made.of(Format::Avif).count(), 0);
    assert_no_metadata(&made);
}

#[test]
fn a_truncated_jpeg_is_corrupt() {
    let jpeg = two_tone_jpeg(64, 64);
    let cut = &jpeg[..jpeg.len() / 2];
    assert_eq!(make(cut, &settings(&[32])), Err(ImageError::Corrupt));
    assert_eq!(
        make(&jpeg[..40], &settings(&[32])),
        Err(ImageError::Corrupt)
    );
}

#[test]
fn text_named_as_a_photo_is_unsupported() {
    assert_eq!(
        make(b"<html>not a photo</html>", &settings(&[32])),
        Err(ImageError::Unsupported)
    );
    assert_eq!(
        make(b"GIF89a\x01\0\x01\0", &settings(&[32])),
        Err(ImageError::Unsupported)
    );
}

/// A JPEG whose header claims `w`×`h` pixels (its data is a 16×16 photo's).
pub(crate) fn bomb_jpeg(w: u16, h: u16) -> Vec<u8> {
    let mut jpeg = two_tone_jpeg(16, 16);
    let sof = jpeg.windows(2).position(|m| m == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    jpeg
}

#[test]
fn the_pixel_limit_refuses_a_bomb_before_decoding_it() {
    let started = std::time::Instant::now();
    assert_eq!(
        make(&bomb_jpeg(60_000, 60_000), &settings(&[800])),
        Err(ImageError::TooManyPixels {
            width: 60_000,
            height: 60_000
        })
    );
    assert!(started.elapsed().as_secs() < 2);
    assert!(u64::from(60_000u32) * 60_000 > MAX_PIXELS);
}

#[test]
fn svg_and_gif_pass_through() {
    assert_eq!(Kind::of_path("logo.svg"), Kind::PassThrough);
    assert_eq!(Kind::of_path("anim.GIF"), Kind::PassThrough);
    assert_eq!(Kind::of_path("photo.JPG"), Kind::Raster);
    assert_eq!(Kind::of_path("a/b.jpeg"), Kind::Raster);
    assert_eq!(Kind::of_path("c.png"), Kind::Raster);
}

#[test]
fn a_second_use_of_the_cache_encodes_nothing_and_a_damaged_entry_is_encoded_again() {
    let site = tempfile::tempdir().unwrap();
    let photo = two_tone_jpeg(300, 200);
    let wanted = settings(&[100, 200]);
    let first = Cache::open(site.path());
    let made = first.variants(&photo, &wanted).unwrap();
    assert_eq!(first.encoded(), 1);

    let second = Cache::open(site.path());
    assert_eq!(second.variants(&photo, &wanted).unwrap(), made);
    assert_eq!(second.encoded(), 0);

    // Truncate one variant: the entry is damaged, the photo encoded again.
    let entry = std::fs::read_dir(site.path().join(cache::CACHE_DIR))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let file = entry.join("200.jpg");
    let len = std::fs::metadata(&file).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let third = Cache::open(site.path());
    assert_eq!(third.variants(&photo, &wanted).unwrap(), made);
    assert_eq!(third.encoded(), 1);
    assert_eq!(std::fs::metadata(&file).unwrap().len(), len);
}

#[test]
fn other_settings_miss_the_cache_and_prune_removes_unused_entries() {
    let site = tempfile::tempdir().unwrap();
    let photo = two_tone_jpeg(300, 200);
    let first = Cache::open(site.path());
    first.variants(&photo, &settings(&[100])).unwrap();
    let second = Cache::open(site.path());
    second.variants(&photo, &settings(&[100, 200])).unwrap();
    assert_eq!(second.encoded(), 1);
    let entries = || {
        std::fs::read_dir(site.path().join(cache::CACHE_DIR))
            .unwrap()
            .count()
    };
    assert_eq!(entries(), 2);
    assert_eq!(second.prune(), 1);
    assert_eq!(entries(), 1);
    let third = Cache::open(site.path());
    third.variants(&photo, &settings(&[100, 200])).unwrap();
    assert_eq!(third.encoded(), 0);
}

/// A `w`×`h` palette PNG of three flat stripes, with a text chunk naming a
/// GPS position and a gamma chunk, as a drawing tool may write it.
fn flat_palette_png(w: u32, h: u32) -> Vec<u8> {
    palette_png(w, h, |x, _| u8::try_from(x * 3 / w).unwrap())
}

/// A `w`×`h` palette PNG whose pixel `(x, y)` is colour `index(x, y)` of
/// three, with a GPS text chunk and a gamma chunk.
fn palette_png(w: u32, h: u32, index: impl Fn(u32, u32) -> u8) -> Vec<u8> {
    use std::io::Write as _;
    fn chunk(out: &mut Vec<u8>, name: &[u8; 4], data: &[u8]) {
        out.extend(u32::try_from(data.len()).unwrap().to_be_bytes());
        let start = out.len();
        out.extend(name);
        out.extend(data);
        let mut crc = flate2::Crc::new();
        crc.update(&out[start..]);
        out.extend(crc.sum().to_be_bytes());
    }
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0);
        raw.extend((0..w).map(|x| index(x, y)));
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&raw).unwrap();
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 3, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"gAMA", &45455u32.to_be_bytes());
    chunk(&mut out, b"tEXt", b"Comment\0GPS 48.85N 2.35E");
    chunk(&mut out, b"PLTE", &[0, 85, 164, 255, 255, 255, 239, 65, 53]);
    chunk(&mut out, b"IDAT", &z.finish().unwrap());
    chunk(&mut out, b"IEND", &[]);
    out
}

/// No file heavier than the upload at its width, no fallback heavier than
/// a wider one, and no WebP or AVIF heavier than the fallback a screen of its width
/// gets (that width's, or the next wider one's).
fn assert_never_heavier(made: &Variants, source: &[u8], source_width: u32) {
    let sizes: Vec<usize> = made.of(made.fallback).map(|v| v.bytes.len()).collect();
    assert!(sizes.windows(2).all(|p| p[0] <= p[1]), "{sizes:?}");
    for v in made.of(made.fallback) {
        if v.width == source_width {
            assert!(
                v.bytes.len() <= source.len(),
                "{} > {}",
                v.bytes.len(),
                source.len()
            );
        }
    }
    let modern = if made.fallback == Format::WebP {
        &[Format::Avif][..]
    } else {
        &[Format::Avif, Format::WebP][..]
    };
    for &format in modern {
        for w in made.of(format) {
            let f = made.of(made.fallback).find(|f| f.width >= w.width).unwrap();
            assert!(
                w.bytes.len() <= f.bytes.len(),
                "{format:?} {} heavier",
                w.width
            );
        }
    }
}

#[test]
fn a_flat_palette_png_stays_a_palette_png_no_heavier_than_the_upload() {
    let source = flat_palette_png(300, 120);
    let made = make(&source, &settings(&[480, 800])).unwrap();
    assert_eq!(made.fallback, Format::Png);
    assert_no_metadata(&made);
    assert_never_heavier(&made, &source, 300);
    let png = made.largest().unwrap();
    assert_eq!((png.width, png.height), (300, 120));
    // Colour type 3 (indexed) in IHDR: still a palette.
    assert_eq!(png.bytes[25], 3, "not a palette PNG");
    let before = image::load_from_memory(&source).unwrap().into_rgb8();
    let after = image::load_from_memory(&png.bytes).unwrap().into_rgb8();
    assert_eq!(before, after, "the pixels changed");
    // Its WebP (232 bytes) is lighter than the PNG (265): offered.
    assert_eq!(made.of(Format::WebP).count(), 1);
    // A smaller one's WebP is heavier than its PNG: not offered at all.
    let small = flat_palette_png(120, 60);
    let made = make(&small, &settings(&[480, 800])).unwrap();
    assert_never_heavier(&made, &small, 120);
    assert_eq!(made.of(Format::WebP).count(), 0);
    assert_eq!(made.largest().unwrap().bytes[25], 3);
}

#[test]
fn a_jpeg_saved_lighter_than_the_sites_quality_is_published_as_uploaded_without_metadata() {
    let noisy = RgbImage::from_fn(400, 300, |x, y| {
        let v = u8::try_from((x * 7 + y * 13 + x * y) % 251).unwrap();
        image::Rgb([v, v / 2, 255 - v])
    });
    let mut light = Vec::new();
    JpegEncoder::new_with_quality(&mut light, 30)
        .write_image(noisy.as_raw(), 400, 300, ExtendedColorType::Rgb8)
        .unwrap();
    let source = with_phone_metadata(&light, 1);
    let made = make(&source, &settings(&[200, 800])).unwrap();
    assert_no_metadata(&made);
    assert_never_heavier(&made, &source, 400);
    let largest = made.largest().unwrap();
    assert_eq!(largest.bytes, light, "not the upload's own scan");
    assert_eq!(made.of(Format::Jpeg).count(), 2);
}

#[test]
fn photos_are_never_heavier_than_their_upload() {
    let jpeg = with_phone_metadata(&two_tone_jpeg(640, 480), 1);
    let made = make(&jpeg, &settings(&[480, 800])).unwrap();
    assert_never_heavier(&made, &jpeg, 640);
    assert_eq!(
        made.of(Format::WebP).count(),
        2,
        "WebP is lighter for a photo"
    );
}

#[test]
fn a_narrower_file_heavier_than_a_wider_one_is_not_published() {
    // A one-pixel checkerboard: tiny as a palette; at 800 px a moiré of
    // greys, heavier than the whole upload (480 px averages to flat grey).
    let source = palette_png(1200, 300, |x, y| u8::try_from((x + y) % 2).unwrap());
    let made = make(&source, &settings(&[480, 800, 1200])).unwrap();
    assert_never_heavier(&made, &source, 1200);
    let widths: Vec<u32> = made.of(Format::Png).map(|v| v.width).collect();
    assert_eq!(widths, [480, 1200], "{widths:?}");
    // The WebPs left are no heavier than the 1200 px PNG.
    for w in made.of(Format::WebP) {
        assert!(w.bytes.len() <= made.largest().unwrap().bytes.len());
    }
}

/// A `w`×`h` PNG of one colour `rgb`, tagged with the ICC profile `icc`.
fn tagged_png(w: u32, h: u32, rgb: [u8; 3], icc: Vec<u8>) -> Vec<u8> {
    let img = RgbImage::from_pixel(w, h, image::Rgb(rgb));
    let mut out = Vec::new();
    let mut encoder = PngEncoder::new(&mut out);
    encoder.set_icc_profile(icc).expect("PNG takes a profile");
    encoder
        .write_image(img.as_raw(), w, h, ExtendedColorType::Rgb8)
        .unwrap();
    out
}

#[test]
fn a_wide_gamut_photo_is_published_in_srgb_without_its_profile() {
    // A strong green in Display P3 lies outside sRGB: as sRGB it needs
    // less red and blue and all the green there is. Left as stored and
    // shown as sRGB (no profile in a variant), it would look dull.
    let icc = moxcms::ColorProfile::new_display_p3().encode().unwrap();
    let source = tagged_png(64, 48, [40, 200, 60], icc);
    let made = make(&source, &settings(&[32, 64])).unwrap();
    assert_no_metadata(&made);
    for v in made.of(Format::Png) {
        assert!(!chunks(&v.bytes).contains(&"iCCP".to_string()));
        let px = image::load_from_memory(&v.bytes).unwrap().to_rgb8();
        let [r, g, b] = px.get_pixel(v.width / 2, v.height / 2).0;
        assert!(
            r < 20 && g >= 200 && b < 40,
            "{}w: ({r}, {g}, {b}) is not the sRGB of P3's (40, 200, 60)",
            v.width
        );
    }
    // Without a profile, the same pixels are taken as sRGB already.
    let plain = RgbImage::from_pixel(64, 48, image::Rgb([40, 200, 60]));
    let mut bytes = Vec::new();
    PngEncoder::new(&mut bytes)
        .write_image(plain.as_raw(), 64, 48, ExtendedColorType::Rgb8)
        .unwrap();
    let made = make(&bytes, &settings(&[64])).unwrap();
    let v = made.of(Format::Png).next().unwrap();
    let px = image::load_from_memory(&v.bytes).unwrap().to_rgb8();
    assert_eq!(px.get_pixel(10, 10).0, [40, 200, 60]);
}

/// `jpeg` with an EXIF segment holding an author, a copyright notice, a
/// camera make and a GPS latitude reference.
fn with_credit(jpeg: &[u8]) -> Vec<u8> {
    use exif::{Field, In, Tag, Value};
    let fields = [
        (Tag::Artist, "Agence Photo Nord"),
        (Tag::Copyright, "CPAM du Nord 2026"),
        (Tag::Make, "Cam"),
        (Tag::GPSLatitudeRef, "N"),
    ]
    .map(|(tag, text)| Field {
        tag,
        ifd_num: In::PRIMARY,
        value: Value::Ascii(vec![text.as_bytes().to_vec()]),
    });
    let mut writer = exif::experimental::Writer::new();
    for f in &fields {
        writer.push_field(f);
    }
    let mut tiff = std::io::Cursor::new(Vec::new());
    writer.write(&mut tiff, false).unwrap();
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend(tiff.into_inner());
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    out.extend(payload);
    out.extend(&jpeg[2..]);
    out
}

/// The EXIF text fields of a published file, read back by kamadak-exif.
fn exif_texts(bytes: &[u8]) -> Vec<(String, String)> {
    let Ok(parsed) = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(bytes))
    else {
        return Vec::new();
    };
    parsed
        .fields()
        .map(|f| (f.tag.to_string(), f.display_value().to_string()))
        .collect()
}

#[test]
fn a_site_that_keeps_credits_publishes_author_and_copyright_only() {
    let source = with_credit(&two_tone_jpeg(400, 300));
    let keep = Settings {
        keep_credit: true,
        ..settings(&[200, 400])
    };
    let made = make(&source, &keep).unwrap();
    let formats: Vec<_> = made.files.iter().map(|v| (v.width, v.format)).collect();
    // No AVIF: it could not carry the credit.
    assert_eq!(
        formats,
        [
            (200, Format::WebP),
            (200, Format::Jpeg),
            (400, Format::WebP),
            (400, Format::Jpeg)
        ]
    );
    for v in &made.files {
        assert_eq!(
            exif_texts(&v.bytes),
            [
                ("Artist".to_string(), "\"Agence Photo Nord\"".to_string()),
                ("Copyright".to_string(), "\"CPAM du Nord 2026\"".to_string()),
            ],
            "{:?} {}",
            v.format,
            v.width
        );
        assert!(!contains(&v.bytes, b"Cam\0"));
        image::load_from_memory(&v.bytes).expect("still a valid image");
    }
    // By default, nothing at all.
    let made = make(&source, &settings(&[200, 400])).unwrap();
    assert_no_metadata(&made);
    for v in &made.files {
        assert_eq!(exif_texts(&v.bytes), []);
    }
}
