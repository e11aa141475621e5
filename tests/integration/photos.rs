//! Photos as readers get them: a phone photo turned upright and stripped of
//! its metadata, published in widths that match the `srcset` and the
//! `width`/`height` the page gives; a second build encodes nothing; a
//! damaged cache entry is encoded again and unused entries are pruned.
//! The photos are made here (no downloaded fixture).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder, RgbImage};

use crate::support::{TestSite, attr, void_tags};

/// A `w`×`h` JPEG stored top half red, bottom half blue, with the EXIF
/// orientation `orientation`, a GPS latitude and an XMP packet, as a phone
/// writes them.
fn phone_photo(w: u32, h: u32, orientation: u16) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |_, y| {
        image::Rgb(if y < h / 2 {
            [220, 20, 20]
        } else {
            [20, 20, 220]
        })
    });
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 90)
        .write_image(img.as_raw(), w, h, ExtendedColorType::Rgb8)
        .expect("jpeg");
    // TIFF, big-endian: IFD0 with the orientation and a GPS pointer, then
    // the GPS IFD with GPSLatitudeRef "N".
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x02".to_vec();
    exif.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    exif.extend(orientation.to_be_bytes());
    exif.extend([0, 0, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38, 0, 0, 0, 0]);
    exif.extend([0, 1, 0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0, 0, 0, 0, 0]);
    let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>48,51N</exif:GPSLatitude></x:xmpmeta>".to_vec();
    let mut out = jpeg[..2].to_vec();
    for payload in [exif, xmp] {
        out.extend([0xFF, 0xE1]);
        out.extend(
            u16::try_from(payload.len() + 2)
                .expect("short")
                .to_be_bytes(),
        );
        out.extend(payload);
    }
    out.extend(&jpeg[2..]);
    out
}

/// A `w`×`h` PNG of a green gradient.
fn drawing(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, _| image::Rgb([0, (x % 256) as u8, 60]));
    let mut png = Vec::new();
    PngEncoder::new(&mut png)
        .write_image(img.as_raw(), w, h, ExtendedColorType::Rgb8)
        .expect("png");
    png
}

/// A 1×1 GIF (an animation would pass through the same way).
const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";

/// A site with an article whose cover is a phone photo (stored 2000×1000,
/// orientation 6: upright 1000×2000) and whose body shows a 900×600 PNG
/// and a GIF.
fn photo_site() -> TestSite {
    let site = TestSite::with_settings("");
    site.write(
        "content/actualites/forum/index.md",
        "---\ntitle: Forum des métiers\ndate: 2026-03-12\nimage:\n  src: affiche.jpg\n  alt: L’affiche\n---\nLe forum revient.\n\n![La salle](salle.png \"Le forum\")\n\n![Une animation](anim.gif)\n",
    );
    site.write(
        "content/actualites/forum/affiche.jpg",
        phone_photo(2000, 1000, 6),
    );
    site.write("content/actualites/forum/salle.png", drawing(900, 600));
    site.write("content/actualites/forum/anim.gif", GIF);
    site
}

/// The `url w` pairs of a `srcset`, as output paths and widths.
fn srcset(value: &str) -> Vec<(String, u32)> {
    value
        .split(", ")
        .map(|item| {
            let (url, w) = item.rsplit_once(' ').expect("url and width");
            let w = w.strip_suffix('w').expect("w").parse().expect("width");
            (url.trim_start_matches('/').to_string(), w)
        })
        .collect()
}

/// Every file of the cache with its modification time.
fn cache_times(root: &Path) -> BTreeMap<String, SystemTime> {
    walk(&root.join(".gazette-cache/images"))
        .into_iter()
        .map(|p| {
            let t = std::fs::metadata(&p)
                .and_then(|m| m.modified())
                .expect("mtime");
            (p.display().to_string(), t)
        })
        .collect()
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().is_dir() {
            out.extend(walk(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

fn contains(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_phone_photo_is_published_upright_in_widths_with_no_metadata() {
    let site = photo_site();
    site.build_ok(&[]);
    let page = site.page("actualites/forum/index.html");
    let imgs = void_tags(&page, "img");
    let sources = void_tags(&page, "source");
    // The cover's AVIF and WebP; the drawing's AVIF only: its WebP would
    // be heavier than its PNG at every width.
    assert_eq!(sources.len(), 3, "{sources:?}");

    // The cover: upright 1000×2000, widths 480, 800 and its own 1000.
    let cover = imgs
        .iter()
        .find(|a| attr(a, "src").as_deref() == Some("/actualites/forum/affiche.jpg"))
        .expect("cover img");
    assert_eq!(attr(cover, "width").as_deref(), Some("1000"));
    assert_eq!(attr(cover, "height").as_deref(), Some("2000"));
    assert_eq!(
        attr(cover, "loading"),
        None,
        "the cover is the first image seen"
    );
    assert_eq!(attr(cover, "decoding").as_deref(), Some("async"));
    assert_eq!(attr(cover, "alt").as_deref(), Some("L’affiche"));
    let fallback = srcset(&attr(cover, "srcset").expect("srcset"));
    // AVIF first: a browser takes the first `<source>` whose type it reads.
    assert_eq!(attr(&sources[0], "type").as_deref(), Some("image/avif"));
    assert_eq!(attr(&sources[1], "type").as_deref(), Some("image/webp"));
    let avif = srcset(&attr(&sources[0], "srcset").expect("srcset"));
    let webp = srcset(&attr(&sources[1], "srcset").expect("srcset"));
    let widths = |s: &[(String, u32)]| s.iter().map(|(_, w)| *w).collect::<Vec<_>>();
    assert_eq!(widths(&fallback), vec![480, 800, 1000]);
    assert_eq!(widths(&webp), vec![480, 800, 1000]);
    assert_eq!(widths(&avif), vec![480, 800, 1000]);
    assert!(avif.iter().all(|(p, _)| p.ends_with(".avif")), "{avif:?}");

    // Every file of a srcset is written, at the width it is listed with,
    // with no EXIF, XMP or GPS.
    let output = site.output();
    for (path, width) in fallback.iter().chain(&webp).chain(&avif) {
        let bytes = output
            .get(path)
            .unwrap_or_else(|| panic!("{path} not written"));
        let size = if path.ends_with(".avif") {
            // An AVIF file (`ftyp` box, brand `avif`) of the picture's
            // boxes only: no `Exif` or XMP item could hide in its `meta`.
            assert_eq!(&bytes[4..12], b"ftypavif", "{path}");
            assert!(!contains(bytes, b"mime"), "{path} has an XMP item");
            let decoded = libavif::decode_rgb(bytes).expect("decodes");
            (decoded.width(), decoded.height())
        } else {
            let decoded = image::load_from_memory(bytes).expect("decodes");
            (decoded.width(), decoded.height())
        };
        assert_eq!(size, (*width, width * 2), "{path}");
        for needle in [&b"Exif"[..], b"http://ns.adobe.com/xap", b"GPS"] {
            assert!(!contains(bytes, needle), "{path} has {needle:?}");
        }
    }
    // Upright: the stored top (red) is on the right, the bottom (blue) on
    // the left, as orientation 6 asks.
    let largest = image::load_from_memory(&output["actualites/forum/affiche.1000w.jpg"])
        .expect("decodes")
        .into_rgb8();
    let (left, right) = (largest.get_pixel(100, 1000), largest.get_pixel(900, 1000));
    assert!(left[2] > 150 && left[0] < 100, "left {left:?}");
    assert!(right[0] > 150 && right[2] < 100, "right {right:?}");
    // The upload's own address serves the largest variant, not the upload.
    assert_eq!(
        output["actualites/forum/affiche.jpg"],
        output["actualites/forum/affiche.1000w.jpg"]
    );

    // The body's PNG: a lazy <picture> in the text column, PNG fallback.
    let body = imgs
        .iter()
        .find(|a| attr(a, "src").as_deref() == Some("/actualites/forum/salle.png"))
        .expect("body img");
    assert_eq!(attr(body, "width").as_deref(), Some("900"));
    assert_eq!(attr(body, "height").as_deref(), Some("600"));
    assert_eq!(attr(body, "loading").as_deref(), Some("lazy"));
    assert_eq!(attr(body, "decoding").as_deref(), Some("async"));
    assert_eq!(attr(body, "title").as_deref(), Some("Le forum"));
    assert_eq!(
        attr(body, "sizes").as_deref(),
        Some("(min-width: 44rem) 40rem, 100vw")
    );
    let png = srcset(&attr(body, "srcset").expect("srcset"));
    assert_eq!(widths(&png), vec![480, 800, 900]);
    // Its lossless PNG is lighter than lossy WebP at every width: no WebP
    // is offered, and none written.
    assert!(
        !output
            .keys()
            .any(|p| p.starts_with("actualites/forum/salle.") && p.ends_with(".webp"))
    );
    assert!(
        png.iter()
            .all(|(p, _)| p.ends_with(".png") && output.contains_key(p))
    );
    // Its AVIF `<source>` names, at each width, the AVIF file where it is
    // lighter than the PNG, and the PNG where it is not.
    assert_eq!(attr(&sources[2], "type").as_deref(), Some("image/avif"));
    let body_avif = srcset(&attr(&sources[2], "srcset").expect("srcset"));
    assert_eq!(widths(&body_avif), vec![480, 800, 900]);
    for ((avif, _), (png, _)) in body_avif.iter().zip(&png) {
        if avif.ends_with(".avif") {
            assert!(output[avif].len() <= output[png].len(), "{avif}");
        } else {
            assert_eq!(avif, png);
            let dropped = png.replace(".png", ".avif");
            assert!(!output.contains_key(&dropped), "{dropped} written");
        }
    }
    assert!(body_avif.iter().any(|(p, _)| p.ends_with(".avif")));

    // The GIF is copied as it is, in a plain <img>.
    assert_eq!(output["actualites/forum/anim.gif"], GIF);
    let gif = imgs
        .iter()
        .find(|a| attr(a, "src").as_deref() == Some("/actualites/forum/anim.gif"))
        .expect("gif img");
    assert_eq!(attr(gif, "srcset"), None);
    assert!(
        !output
            .keys()
            .any(|p| p.starts_with("actualites/forum/anim.") && p != "actualites/forum/anim.gif")
    );
}

#[test]
fn a_rebuild_encodes_nothing_repairs_a_damaged_entry_and_prunes_unused_ones() {
    let site = photo_site();
    site.build_ok(&[]);
    let first = cache_times(&site.root);
    assert_eq!(
        first.len(),
        16,
        "two manifests, 9 cover files (AVIF, WebP, JPEG), 3 PNG and 2 AVIF body files"
    );
    let output = site.output();

    std::thread::sleep(std::time::Duration::from_millis(20));
    site.build_ok(&[]);
    assert_eq!(
        cache_times(&site.root),
        first,
        "the second build wrote to the cache"
    );
    assert_eq!(site.output(), output);

    // A cut-short variant is noticed and encoded again.
    let damaged = first
        .keys()
        .find(|p| p.ends_with("800.jpg"))
        .expect("a cover variant")
        .clone();
    let len = std::fs::metadata(&damaged).expect("variant").len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&damaged)
        .and_then(|f| f.set_len(len / 2))
        .expect("truncate");
    site.build_ok(&[]);
    assert_eq!(std::fs::metadata(&damaged).expect("variant").len(), len);
    assert_eq!(site.output(), output);

    // The body image removed: its entry goes at the next build.
    site.write(
        "content/actualites/forum/index.md",
        "---\ntitle: Forum des métiers\ndate: 2026-03-12\nimage:\n  src: affiche.jpg\n  alt: L’affiche\n---\nLe forum revient.\n",
    );
    site.build_ok(&[]);
    let entries = std::fs::read_dir(site.path(".gazette-cache/images"))
        .expect("cache")
        .count();
    assert_eq!(entries, 1);
}

#[test]
fn the_site_chooses_the_widths() {
    let site = TestSite::with_settings("images:\n  widths: [600, 300]\n  quality: 60\n");
    site.write(
        "content/actualites/forum/index.md",
        "---\ntitle: Forum des métiers\ndate: 2026-03-12\nimage:\n  src: affiche.jpg\n  alt: L’affiche\n---\nLe forum revient.\n",
    );
    site.write(
        "content/actualites/forum/affiche.jpg",
        phone_photo(800, 400, 1),
    );
    site.build_ok(&[]);
    let page = site.page("actualites/forum/index.html");
    let cover = void_tags(&page, "img")
        .into_iter()
        .find(|a| attr(a, "src").as_deref() == Some("/actualites/forum/affiche.jpg"))
        .expect("cover img");
    let widths: Vec<u32> = srcset(&attr(&cover, "srcset").expect("srcset"))
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    assert_eq!(widths, vec![300, 600]);
    assert_eq!(attr(&cover, "width").as_deref(), Some("600"));
    assert_eq!(attr(&cover, "height").as_deref(), Some("300"));
}

#[test]
fn check_reports_what_build_reports_about_photos_and_writes_nothing() {
    // A good site: its variants are planned, not encoded, and no link to
    // them is reported.
    let site = photo_site();
    let run = site.gazette(&["check"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(!site.root.join(".gazette-cache").exists(), "check encoded");
    assert!(!site.root.join("output").exists());

    // A cut-short photo: the same error as build's, at the same place.
    let photo = phone_photo(400, 300, 1);
    site.write("content/actualites/forum/affiche.jpg", &photo[..200]);
    let checked = site.gazette(&["check"]);
    let built = site.gazette(&["build"]);
    assert_eq!((checked.code, built.code), (1, 1), "{}", checked.stderr);
    let error = "erreur : l’image « affiche.jpg » est endommagée ou incomplète : elle ne peut pas être lue\n --> content/actualites/forum/index.md:5:8\n";
    for run in [&checked, &built] {
        assert!(run.stderr.contains(error), "{}", run.stderr);
    }
}

/// What a progress bar is told, in order: `stage name/steps` and `step`.
#[derive(Default)]
struct Told(std::sync::Mutex<Vec<String>>);

impl gazette::progress::Progress for Told {
    fn stage(&self, stage: gazette::progress::Stage, steps: Option<u64>) {
        let steps = steps.map_or("?".to_string(), |n| n.to_string());
        self.0.lock().unwrap().push(format!("{stage:?}/{steps}"));
    }
    fn step(&self) {
        self.0.lock().unwrap().push("step".into());
    }
}

/// The build's bar shows the photos as a stage of their own: one step per
/// source photo (the GIF is copied, not encoded), before the pages.
#[test]
fn the_build_progress_counts_one_step_per_photo() {
    let site = photo_site();
    let told = Told::default();
    let opts = gazette::build::BuildOptions::of(site.path(""));
    let (diagnostics, summary, _) = gazette::build::build_with(&opts, &told);
    assert!(summary.is_some(), "{diagnostics:?}");
    let told = told.0.into_inner().unwrap();
    let at = told
        .iter()
        .position(|t| t.starts_with("Photos/"))
        .unwrap_or_else(|| panic!("no photo stage: {told:?}"));
    assert_eq!(told[at], "Photos/2", "{told:?}");
    assert_eq!(told[at + 1..at + 3], ["step", "step"], "{told:?}");
    assert!(told[at + 3].starts_with("Render/"), "{told:?}");
}

/// Every file of a `srcset` is written at the width it is listed with,
/// with no EXIF, XMP or GPS; the widths, smallest first.
fn written_at_their_widths(output: &BTreeMap<String, Vec<u8>>, value: &str) -> Vec<u32> {
    let mut widths = Vec::new();
    for (path, width) in srcset(value) {
        let bytes = output
            .get(&path)
            .unwrap_or_else(|| panic!("{path} not written"));
        let decoded_width = if path.ends_with(".avif") {
            libavif::decode_rgb(bytes).expect("decodes").width()
        } else {
            image::load_from_memory(bytes).expect("decodes").width()
        };
        assert_eq!(decoded_width, width, "{path}");
        for needle in [&b"Exif"[..], b"http://ns.adobe.com/xap", b"GPS"] {
            assert!(!contains(bytes, needle), "{path} has {needle:?}");
        }
        widths.push(width);
    }
    widths
}

/// The `<source>` of `sources` of media type `media_type`.
fn source_of<'a>(sources: &'a [String], media_type: &str) -> &'a String {
    sources
        .iter()
        .find(|s| attr(s, "type").as_deref() == Some(media_type))
        .unwrap_or_else(|| panic!("no {media_type} source in {sources:?}"))
}

/// The `<picture>` of the first `<img>` whose attributes hold `needle`
/// in `page`: its `<img>` and its `<source>`s.
fn picture_of(page: &str, needle: &str) -> (String, Vec<String>) {
    let at = page
        .match_indices(needle)
        .map(|(i, _)| i)
        .find(|&i| {
            page[..i]
                .rfind('<')
                .is_some_and(|o| page[o..].starts_with("<img "))
        })
        .unwrap_or_else(|| panic!("no <img> with {needle}"));
    let start = page[..at].rfind("<picture>").expect("in a <picture>");
    let end = at + page[at..].find("</picture>").expect("closed");
    let inner = &page[start..end];
    let img = void_tags(inner, "img").pop().expect("an img");
    (img, void_tags(inner, "source"))
}

/// The `<img>`'s `width` and `height` are the pixels of its largest file.
fn sized_as_largest(output: &BTreeMap<String, Vec<u8>>, img: &str) {
    let (largest, _) = srcset(&attr(img, "srcset").expect("srcset"))
        .into_iter()
        .max_by_key(|(_, w)| *w)
        .expect("a file");
    let decoded = image::load_from_memory(&output[&largest]).expect("decodes");
    assert_eq!(
        attr(img, "width"),
        Some(decoded.width().to_string()),
        "{img}"
    );
    assert_eq!(
        attr(img, "height"),
        Some(decoded.height().to_string()),
        "{img}"
    );
}

/// A site whose registry person has a phone photo (600×400, with EXIF and
/// GPS) and whose organisation has a 400×100 PNG logo, both content
/// files; an article by the organisation where she testifies, with a
/// 2000×1000 cover framed by `focus`, and a witness with a photo beside
/// the article.
fn people_site() -> TestSite {
    let site = TestSite::with_settings("");
    site.write(
        "content/_people.yaml",
        "helene-marchal:\n  name: Hélène Marchal\n  role: Directrice des ressources humaines\n  organisation: caf-rhone\n  photo: /equipe/helene.jpg\n",
    );
    site.write(
        "content/_organisations.yaml",
        "caf-rhone:\n  name: Caisse d'allocations familiales du Rhône\n  short: Caf du Rhône\n  logo: /logos/caf.png\n",
    );
    site.write("content/equipe/helene.jpg", phone_photo(600, 400, 1));
    site.write("content/logos/caf.png", drawing(400, 100));
    site.write(
        "content/actualites/accord/index.md",
        "---\ntitle: L'accord est signé\ndate: 2026-03-10\norganisations: [caf-rhone]\nimage:\n  src: salle.jpg\n  alt: La salle de signature\n  focus: \"20% 70%\"\npeople:\n  kb:\n    name: Karim B.\n    role: Conseiller d'accueil\n    photo: karim.jpg\ntestimonials:\n  - text: \"Un cadre clair pour tous.\"\n    by: helene-marchal\n  - text: \"On apprend chaque jour.\"\n    by: kb\n---\nLe texte.\n",
    );
    site.write(
        "content/actualites/accord/salle.jpg",
        phone_photo(2000, 1000, 1),
    );
    site.write(
        "content/actualites/accord/karim.jpg",
        phone_photo(300, 300, 1),
    );
    site
}

/// 1× to 3× of the theme's 56 and 96 px avatars.
const AVATAR: [u32; 6] = [56, 96, 112, 168, 192, 288];

#[test]
fn people_s_photos_are_published_in_avatar_widths() {
    let site = people_site();
    site.build_ok(&[]);
    let output = site.output();

    // Her card on the article: 1× to 3× of 56 and 96 px, for 56 px.
    let article = site.page("actualites/accord/index.html");
    let (img, sources) = picture_of(&article, "/equipe/helene.jpg\"");
    assert_eq!(attr(&img, "sizes").as_deref(), Some("56px"));
    assert_eq!(attr(&img, "loading").as_deref(), Some("lazy"));
    assert_eq!(attr(&img, "decoding").as_deref(), Some("async"));
    let widths = written_at_their_widths(&output, &attr(&img, "srcset").expect("srcset"));
    sized_as_largest(&output, &img);
    assert_eq!(attr(&img, "width").as_deref(), Some("288"));
    assert_eq!(
        attr(&img, "height").as_deref(),
        Some("192"),
        "600×400 at 288"
    );
    // AVIF first, then WebP.
    let types: Vec<_> = sources.iter().map(|s| attr(s, "type")).collect();
    assert_eq!(
        types,
        [
            Some("image/avif".to_string()),
            Some("image/webp".to_string())
        ]
    );
    assert_eq!(attr(&sources[1], "sizes").as_deref(), Some("56px"));
    // The AVIF files decode at their widths and carry no metadata.
    written_at_their_widths(
        &output,
        &attr(source_of(&sources, "image/avif"), "srcset").expect("srcset"),
    );
    // Every avatar width is offered by the WebP `<source>` (naming the
    // JPEG where it is lighter); the JPEGs are those widths, or fewer
    // (one heavier than a wider one is left out).
    let webp = written_at_their_widths(
        &output,
        &attr(source_of(&sources, "image/webp"), "srcset").expect("srcset"),
    );
    assert_eq!(webp, AVATAR);
    assert!(widths.iter().all(|w| AVATAR.contains(w)), "{widths:?}");
    // The upload's own address serves the largest, metadata-free.
    assert_eq!(
        output["equipe/helene.jpg"],
        output["equipe/helene.288w.jpg"]
    );

    // The witness's photo beside the article, 300 px: every avatar width
    // up to it, and its own.
    let (img, sources) = picture_of(&article, "/actualites/accord/karim.jpg\"");
    written_at_their_widths(&output, &attr(&img, "srcset").expect("srcset"));
    let webp = written_at_their_widths(
        &output,
        &attr(source_of(&sources, "image/webp"), "srcset").expect("srcset"),
    );
    assert_eq!(webp, AVATAR);
    sized_as_largest(&output, &img);

    // Her page: the same files, for 96 px, not lazy (the first image seen).
    let page = site.page("personnes/helene-marchal/index.html");
    let (img, _) = picture_of(&page, "class=\"person-photo\"");
    assert_eq!(attr(&img, "sizes").as_deref(), Some("96px"));
    assert_eq!(attr(&img, "loading"), None);
    assert_eq!(attr(&img, "decoding").as_deref(), Some("async"));
    assert_eq!(
        attr(&img, "srcset"),
        attr(&picture_of(&article, "/equipe/helene.jpg\"").0, "srcset")
    );
    sized_as_largest(&output, &img);
}

#[test]
fn a_raster_logo_is_published_at_one_to_three_times_its_height() {
    let site = people_site();
    site.build_ok(&[]);
    let output = site.output();
    let (path, page) = site
        .output_texts()
        .into_iter()
        .find(|(_, text)| text.contains("class=\"org-logo\""))
        .expect("the organisation's page");
    let (img, _) = picture_of(&page, "class=\"org-logo\"");
    // 400×100 at 64, 128 and 192 px high: 256 px, then its own 400
    // (never upscaled).
    let widths = written_at_their_widths(&output, &attr(&img, "srcset").expect("srcset"));
    assert_eq!(widths, [256, 400], "{path}");
    sized_as_largest(&output, &img);
    assert_eq!(attr(&img, "height").as_deref(), Some("100"));
    assert_eq!(
        attr(&img, "sizes").as_deref(),
        Some("256px"),
        "4 × 64 px wide"
    );
    assert_eq!(attr(&img, "loading"), None);
}

#[test]
fn a_card_shows_the_cover_s_narrower_variants_kept_on_its_focus() {
    let site = people_site();
    site.build_ok(&[]);
    let output = site.output();
    let listing = site.page("actualites/index.html");
    let (img, sources) = picture_of(&listing, "/actualites/accord/salle.jpg\"");
    // The cover's own variants that fit a card: 480 and 800, not 1200+.
    let widths = written_at_their_widths(&output, &attr(&img, "srcset").expect("srcset"));
    assert_eq!(widths, [480, 800]);
    let webp = written_at_their_widths(
        &output,
        &attr(source_of(&sources, "image/webp"), "srcset").expect("srcset"),
    );
    assert_eq!(webp, [480, 800]);
    sized_as_largest(&output, &img);
    assert_eq!(attr(&img, "height").as_deref(), Some("400"));
    // The listing's first card: its image is loaded at once.
    assert_eq!(attr(&img, "loading"), None);
    assert_eq!(attr(&img, "decoding").as_deref(), Some("async"));
    assert_eq!(attr(&img, "alt").as_deref(), Some("La salle de signature"));
    // Its focal point, as the writer set it.
    assert_eq!(
        attr(&img, "style").as_deref(),
        Some("object-position: 20% 70%")
    );
    // The article's own cover keeps every width.
    let article = site.page("actualites/accord/index.html");
    let (cover, _) = picture_of(&article, "/actualites/accord/salle.jpg\"");
    let all = written_at_their_widths(&output, &attr(&cover, "srcset").expect("srcset"));
    assert_eq!(all, [480, 800, 1200, 1600]);
}

#[test]
fn a_card_without_focus_has_no_style() {
    let site = photo_site();
    site.build_ok(&[]);
    let listing = site.page("actualites/index.html");
    let (img, _) = picture_of(&listing, "/actualites/forum/affiche.jpg\"");
    assert_eq!(attr(&img, "style"), None);
}

#[test]
fn an_svg_logo_and_a_gif_photo_pass_through_unchanged() {
    const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"10\"><rect width=\"40\" height=\"10\"/></svg>";
    let site = TestSite::with_settings("");
    site.write(
        "content/_people.yaml",
        "helene-marchal:\n  name: Hélène Marchal\n  photo: /equipe/helene.gif\n",
    );
    site.write(
        "content/_organisations.yaml",
        "caf-rhone:\n  name: Caf du Rhône\n  logo: /logos/caf.svg\n",
    );
    site.write("content/equipe/helene.gif", GIF);
    // An SVG is published from `static/` only (trustworthy output).
    site.write("static/logos/caf.svg", SVG);
    site.write(
        "content/actualites/accord.md",
        "---\ntitle: L'accord est signé\ndate: 2026-03-10\norganisations: [caf-rhone]\ntestimonials:\n  - text: \"Un cadre clair pour tous.\"\n    by: helene-marchal\n---\nLe texte.\n",
    );
    site.build_ok(&[]);
    let output = site.output();
    assert_eq!(output["equipe/helene.gif"], GIF);
    assert_eq!(output["logos/caf.svg"], SVG.as_bytes());
    let variants: Vec<&String> = output
        .keys()
        .filter(|p| p.starts_with("equipe/helene") || p.starts_with("logos/caf"))
        .collect();
    assert_eq!(variants, ["equipe/helene.gif", "logos/caf.svg"]);
    let article = site.page("actualites/accord/index.html");
    let photo = void_tags(&article, "img")
        .into_iter()
        .find(|a| attr(a, "src").as_deref() == Some("/equipe/helene.gif"))
        .expect("the photo");
    assert_eq!(attr(&photo, "srcset"), None);
    assert!(!article.contains("<picture>"), "{article}");
    let (_, page) = site
        .output_texts()
        .into_iter()
        .find(|(_, text)| text.contains("class=\"org-logo\""))
        .expect("the organisation's page");
    let logo = void_tags(&page, "img")
        .into_iter()
        .find(|a| attr(a, "class").as_deref() == Some("org-logo"))
        .expect("the logo");
    assert_eq!(attr(&logo, "src").as_deref(), Some("/logos/caf.svg"));
    assert_eq!(attr(&logo, "srcset"), None);
}

#[test]
fn a_photo_and_a_logo_of_static_are_published_in_variants_too() {
    let site = TestSite::with_settings("");
    site.write(
        "content/_people.yaml",
        "helene-marchal:\n  name: Hélène Marchal\n  organisation: caf-rhone\n  photo: /images/people/helene.jpg\n",
    );
    site.write(
        "content/_organisations.yaml",
        "caf-rhone:\n  name: Caf du Rhône\n  logo: /images/logos/caf.png\n",
    );
    site.write("static/images/people/helene.jpg", phone_photo(600, 400, 1));
    site.write("static/images/logos/caf.png", drawing(400, 100));
    site.write(
        "content/actualites/accord.md",
        "---\ntitle: L'accord est signé\ndate: 2026-03-10\norganisations: [caf-rhone]\ntestimonials:\n  - text: \"Un cadre clair pour tous.\"\n    by: helene-marchal\n---\nLe texte.\n",
    );
    site.build_ok(&[]);
    let output = site.output();
    let page = site.page("personnes/helene-marchal/index.html");
    let (img, sources) = picture_of(&page, "class=\"person-photo\"");
    written_at_their_widths(&output, &attr(&img, "srcset").expect("srcset"));
    let webp = written_at_their_widths(
        &output,
        &attr(source_of(&sources, "image/webp"), "srcset").expect("srcset"),
    );
    assert_eq!(webp, AVATAR);
    sized_as_largest(&output, &img);
    // The upload's own address serves the largest variant, with no EXIF.
    assert_eq!(
        output["images/people/helene.jpg"],
        output["images/people/helene.288w.jpg"]
    );
    let (_, org) = site
        .output_texts()
        .into_iter()
        .find(|(_, text)| text.contains("class=\"org-logo\""))
        .expect("the organisation's page");
    let (logo, _) = picture_of(&org, "class=\"org-logo\"");
    let widths = written_at_their_widths(&output, &attr(&logo, "srcset").expect("srcset"));
    assert_eq!(widths, [256, 400]);
    sized_as_largest(&output, &logo);
}

#[test]
fn a_static_photo_s_variant_that_would_overwrite_a_file_is_an_error() {
    let site = TestSite::with_settings("");
    site.write(
        "content/_people.yaml",
        "helene-marchal:\n  name: Hélène Marchal\n  photo: /images/people/helene.jpg\n",
    );
    site.write("static/images/people/helene.jpg", phone_photo(600, 400, 1));
    site.write("static/images/people/helene.96w.jpg", b"not a variant");
    site.write(
        "content/actualites/accord.md",
        "---\ntitle: L'accord est signé\ndate: 2026-03-10\ntestimonials:\n  - text: \"Un cadre clair pour tous.\"\n    by: helene-marchal\n---\nLe texte.\n",
    );
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        concat!(
            "erreur : deux sources écriraient le même fichier /images/people/helene.96w.jpg : ",
            "les variantes de la photo static/images/people/helene.jpg et le fichier ",
            "static/images/people/helene.96w.jpg\n",
            " --> static/images/people/helene.jpg\n",
            " = aide : renommez ou déplacez le fichier\n",
            "\n",
            "échec : 1 erreur ; le dossier de sortie n’a pas été modifié\n",
        )
    );
}

/// A section of three articles with covers, the newest one listing the
/// other two as related.
fn three_covers_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "site.yaml",
        "title: Le Fil RH\nbase_url: https://intranet.example.org/\nlanguage: fr\nsearch: false\n",
    );
    site.write("content/_index.md", "---\ntitle: Accueil\n---\n");
    site.write(
        "content/actualites/_index.md",
        "---\ntitle: Actualités\n---\n",
    );
    for (slug, day, related) in [
        ("un", 1, ""),
        ("deux", 2, ""),
        (
            "trois",
            3,
            "related: [actualites/un/index.md, actualites/deux/index.md]\n",
        ),
    ] {
        site.write(
            &format!("content/actualites/{slug}/index.md"),
            format!(
                "---\ntitle: Article {slug}\ndate: 2026-03-0{day}\n{related}\
                 image: {{src: photo.png, alt: Photo {slug}}}\n---\nTexte.\n"
            ),
        );
        site.write(
            &format!("content/actualites/{slug}/photo.png"),
            crate::support::png(900, 600),
        );
    }
    site
}

/// The `loading` of each card image of `page`, in order.
fn card_loading(page: &str) -> Vec<Option<String>> {
    page.split("class=\"card-media\"")
        .skip(1)
        .map(|card| {
            let img = void_tags(card, "img").into_iter().next().expect("an img");
            attr(&img, "loading")
        })
        .collect()
}

#[test]
fn a_listing_s_first_card_image_loads_at_once_and_the_others_lazily() {
    let site = three_covers_site();
    site.build_ok(&[]);
    let lazy = Some("lazy".to_string());
    // The newest first: its image is seen without scrolling.
    let listing = site.page("actualites/index.html");
    assert_eq!(card_loading(&listing), [None, lazy.clone(), lazy.clone()]);
    let home = site.page("index.html");
    assert_eq!(card_loading(&home), [None, lazy.clone(), lazy.clone()]);
    // Related articles sit at the bottom of an article: all lazy.
    let article = site.page("actualites/trois/index.html");
    assert_eq!(card_loading(&article), [lazy.clone(), lazy]);
}
