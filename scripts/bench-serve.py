#!/usr/bin/env python3
"""Latency of `gazette serve`: from saving an article to the server
answering that page with the new text.

Generates (once) a site of N articles with ../shared/bench/gen_corpus.py
(target `plain`), adds a site.yaml and the gazette theme, starts
`target/release/gazette serve --port 0`, then edits one article EDITS times
(appends a unique word to its body, or with `--edit title` puts it in its
title, a front-matter edit; `--edit date` gives it a new date, which moves it;
`--edit new` writes a new article instead, dated the newest; `--edit bundle`
moves into `content/` a new bundle folder made beside it (its `index.md`
linking to a file it holds), as a file manager would; `--edit slug`
gives the article a new address) and, after each write, polls the
article's page (at its new address) until it contains the word. Prints the median, p90 and max. A title edit is
also looked for on the section's listing page that shows the article (the
page is shown first, the listings after): the time until it shows there is
printed too, and the next edit waits for it; for a move, the time until
the section's first page shows the article (moved to the top) or no
longer does (moved to the end); for a new article or bundle, until the section's
first page lists it; for a new slug, until the old address serves nothing. The new articles are removed at the end.

Usage: scripts/bench-serve.py [--articles 10000] [--edits 30] [--dir DIR]
[--edit body|title|date|move|new|bundle|slug]
(build first: cargo build --release). Standard library only.
"""

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")


def make_site(n, site):
    if not os.path.isfile(os.path.join(site, "site.yaml")):
        subprocess.run([sys.executable, GEN, str(n), site, "--target", "plain", "--force"],
                       check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(site, "site.yaml"), "w", encoding="utf-8") as f:
            f.write("title: Banc d’essai\nbase_url: https://intranet.example.org/\nlanguage: fr\n")
    themes = os.path.join(site, "themes")
    shutil.rmtree(themes, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "themes", "gazette"), os.path.join(themes, "gazette"))


def get(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read()


def get_or_empty(url):
    """The page, or nothing while the server has none (404)."""
    try:
        return get(url)
    except urllib.error.HTTPError:
        return b""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--dir", default=None)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "gazette"))
    ap.add_argument("--edit", choices=["body", "title", "date", "move", "new", "bundle", "slug"],
                    default="body",
                    help="what each edit changes: the body (appended), the title, or "
                         "the date (a day of 2011, which moves the article), or "
                         "the date back and forth between 2011 and 2026 (move), or "
                         "a new article each time (new), or a new slug (slug)")
    args = ap.parse_args()
    site = args.dir or f"/tmp/gazette-bench-serve-{args.articles}"
    make_site(args.articles, site)
    articles = os.path.join(site, "content", "articles")
    name = sorted(f for f in os.listdir(articles) if f.endswith(".md"))[len(os.listdir(articles)) // 2]
    path = os.path.join(articles, name)
    with open(path, encoding="utf-8") as f:
        original = f.read()
    slug = re.search(r"^slug:\s*(\S+)", original, re.M)
    slug = slug.group(1) if slug else name[:-3]

    started = time.monotonic()
    proc = subprocess.Popen([args.bin, "--root", site, "serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
    url = None
    for line in proc.stdout:
        print(line.rstrip())
        m = re.search(r"(http://\S+)", line)
        if m:
            url = m.group(1)
            break
    if not url:
        sys.exit("the server did not print its address")
    print(f"first build and start: {time.monotonic() - started:.1f} s")
    import threading
    threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
    page = f"{url}articles/{slug}/"
    get(page)  # the page exists
    listing = None
    if args.edit == "title":
        n = 1
        while listing is None:
            candidate = f"{url}articles/" + (f"page/{n}/" if n > 1 else "")
            try:
                if f"/articles/{slug}/".encode() in get(candidate):
                    listing = candidate
            except urllib.error.HTTPError:
                sys.exit("no listing page of the section shows the article")
            n += 1
        print(f"listed on {listing}")
    if args.edit in ("move", "new", "bundle"):
        listing = f"{url}articles/"
    if args.edit == "slug":
        # The rebuild is done when the old address serves nothing.
        listing = page
    created = []

    times = []
    listed = []
    try:
        for i in range(args.edits):
            word = f"motunique{os.getpid()}x{i}"
            if args.edit == "new":
                new_slug = f"nouveau-{os.getpid()}-{i}"
                new_path = os.path.join(articles, f"{new_slug}.md")
                with open(new_path, "w", encoding="utf-8") as f:
                    f.write(f"---\ntitle: Nouvel article {word}\ndate: 2026-12-0{1 + i % 3}\n"
                            f"---\nLe texte de l'article {word}.\n")
                created.append(new_path)
                page = f"{url}articles/{new_slug}/"
            elif args.edit == "bundle":
                new_slug = f"dossier-{os.getpid()}-{i}"
                made = os.path.join(site, f".{new_slug}")
                os.mkdir(made)
                with open(os.path.join(made, "programme.pdf"), "wb") as f:
                    f.write(b"%PDF-1.4 programme\n")
                with open(os.path.join(made, "index.md"), "w", encoding="utf-8") as f:
                    f.write(f"---\ntitle: Nouveau dossier {word}\ndate: 2026-12-0{1 + i % 3}\n"
                            f"---\nLe [programme](programme.pdf) du dossier {word}.\n")
                new_path = os.path.join(articles, new_slug)
                os.rename(made, new_path)
                created.append(new_path)
                page = f"{url}articles/{new_slug}/"
            elif args.edit == "slug":
                old_page = page
                new_slug = f"nouvelle-adresse-{os.getpid()}-{i}"
                text = re.sub(r"^title:", f"slug: {new_slug}\ntitle:", original, count=1,
                              flags=re.M)
                text = re.sub(r"^slug:\s*\S+\n(?=slug:)", "", text, flags=re.M)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                word = f"/articles/{new_slug}/"
                page = f"{url}articles/{new_slug}/"
            elif args.edit == "body":
                with open(path, "a", encoding="utf-8") as f:
                    f.write(f"\n{word}\n")
            elif args.edit == "title":
                # The whole file written again in place, the title changed.
                text = re.sub(r"^title:.*$", f"title: Titre {word}", original, count=1, flags=re.M)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
            else:
                # A new date: the page shows it as `datetime="2011-…"`.
                day = f"2011-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}"
                if args.edit == "move" and i % 2 == 1:
                    day = f"2026-11-{1 + i % 28:02d}"
                word = f'datetime="{day}"'
                text = re.sub(r"^date:.*$", f"date: {day}", original, count=1, flags=re.M)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
            t0 = time.monotonic()
            while True:
                if word.encode() in get_or_empty(page):
                    break
                if time.monotonic() - t0 > 60:
                    sys.exit(f"edit {i}: the page never showed {word}")
                time.sleep(0.001)
            times.append((time.monotonic() - t0) * 1000)
            def listed_now():
                if args.edit == "slug":
                    return get_or_empty(old_page) == b""
                if args.edit in ("new", "bundle"):
                    return f"/articles/{new_slug}/".encode() in get(listing)
                if args.edit != "move":
                    return word.encode() in get(listing)
                shown = f"/articles/{slug}/".encode() in get(listing)
                return shown == (i % 2 == 1)
            while listing and not listed_now():
                if time.monotonic() - t0 > 60:
                    sys.exit(f"edit {i}: the listing never showed {word}")
                time.sleep(0.001)
            if listing:
                listed.append((time.monotonic() - t0) * 1000)
            time.sleep(0.15)  # a writer does not save 30 times a second
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        for new_path in created:
            if os.path.isdir(new_path):
                shutil.rmtree(new_path)
            else:
                os.remove(new_path)
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    times.sort()
    p90 = times[min(len(times) - 1, int(round(0.9 * (len(times) - 1))))]
    what = {"new": "new articles", "bundle": "new bundles"}.get(
        args.edit, f"{args.edit} edits of {name}")
    print(f"{args.articles} articles, {len(times)} {what}: "
          f"median {statistics.median(times):.1f} ms, p90 {p90:.1f} ms, "
          f"min {times[0]:.1f} ms, max {times[-1]:.1f} ms")
    if listed:
        listed.sort()
        label = ("the old address serving nothing" if args.edit == "slug"
                 else "the listing showing it")
        print(f"{label}: median {statistics.median(listed):.1f} ms, "
              f"max {listed[-1]:.1f} ms")


if __name__ == "__main__":
    main()
