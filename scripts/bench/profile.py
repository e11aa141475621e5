#!/usr/bin/env python3
"""Where a Gazette build spends its CPU: libraries, kernel, Gazette's own code.

Usage: python3 scripts/bench/profile.py SITE [BINARY] [--frequency HZ]

Builds SITE once, cold (into an empty /dev/shm/gazette-profile-out, with
the site's build cache, `.gazette-cache/`, removed first, as the
benchmark's cold builds do), under `perf record -g`, then sorts every
sample by what it was doing:

- the kernel creating, writing and reading files, or handling page faults
  (first touches of new memory);
- one of the libraries Gazette is built on: Tera 2 (rendering templates, or
  building the values templates read), pulldown-cmark, serde_yaml and the
  libyaml port under it, syntect (code highlighting), pagefind (search);
- Gazette's own code, by the nearest Gazette function on the stack.

A sample counts for the first of these it finds anywhere on its stack, in
that order, so a library called from Gazette counts for the library.
Call stacks need frame pointers: build the binary with

    RUSTFLAGS="-C force-frame-pointers=yes" \\
        CARGO_TARGET_DIR=/tmp/fp-target cargo build --release

and pass /tmp/fp-target/release/gazette as BINARY (the default is
target/release/gazette). Needs `perf` (linux-perf / linux-tools).
"""
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

OUT = "/dev/shm/gazette-profile-out"

# (name, pattern over one frame); checked in this order.
KINDS = [
    ("kernel: file calls", r"__x64_sys_(openat|mkdir|write|close|read|statx|newfstatat|rename|getdents64|unlink)|ksys_(write|read)"),
    ("kernel: page faults", r"exc_page_fault"),
    ("pagefind (search index)", r"pagefind|lol_html|zlib_rs|flate2"),
    ("Tera 2: rendering templates", None),  # tera under render_template (render_page before)
    ("Tera 2: building values", r"tera::"),
    ("pulldown-cmark", r"pulldown_cmark"),
    ("serde_yaml / libyaml", r"unsafe_libyaml|serde_yaml"),
    ("syntect (highlighting)", r"syntect|onig|match_at"),
    ("other kernel", r"entry_SYSCALL|asm_sysvec|asm_common_interrupt|irq"),
]
TERA = re.compile(r"tera::")
RENDER_PAGE = re.compile(r"gazette::render::render_(page|template)\b")
GAZETTE = re.compile(r"^<?gazette::")


def classify(frames):
    for name, pattern in KINDS:
        if pattern is None:
            if any(TERA.search(f) for f in frames) and any(RENDER_PAGE.search(f) for f in frames):
                return name, None
            continue
        pat = re.compile(pattern)
        if any(pat.search(f) for f in frames):
            return name, None
    own = next((f for f in frames if GAZETTE.search(f)), None)
    if own is None:
        return "other (std, allocator, rayon)", frames[0] if frames else "?"
    return "Gazette's own code", re.sub(r"::\{\{closure\}\}.*", "", own)[:90]


def samples(script_text):
    frames = []
    for line in script_text.splitlines():
        if not line.strip():
            if frames:
                yield frames
            frames = []
        elif line[0] in " \t":
            parts = line.strip().split(None, 1)
            frames.append(parts[1] if len(parts) > 1 else "")
    if frames:
        yield frames


def main():
    args = sys.argv[1:]
    frequency = "1000"
    if "--frequency" in args:
        i = args.index("--frequency")
        frequency = args[i + 1]
        del args[i:i + 2]
    if not args:
        sys.exit(__doc__)
    site = args[0]
    binary = os.path.abspath(args[1] if len(args) > 1 else "target/release/gazette")
    if shutil.which("perf") is None:
        sys.exit("perf is not installed (linux-perf / linux-tools)")
    shutil.rmtree(OUT, ignore_errors=True)
    shutil.rmtree(os.path.join(site, ".gazette-cache"), ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "perf.data")
        subprocess.run(["perf", "record", "-F", frequency, "-g", "-o", data,
                        binary, "build", "--output", OUT],
                       cwd=site, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        script = subprocess.run(["perf", "script", "-i", data, "-F", "comm,tid,ip,sym"],
                                check=True, capture_output=True, text=True).stdout
    shutil.rmtree(OUT, ignore_errors=True)
    kinds = collections.Counter()
    own = collections.Counter()
    total = 0
    for frames in samples(script):
        total += 1
        kind, detail = classify(frames)
        kinds[kind] += 1
        if kind == "Gazette's own code":
            own[detail] += 1
    if total == 0:
        sys.exit("perf recorded no samples")
    print(f"{total} samples of `gazette build` in {site}\n")
    print("| share of CPU samples | spent in |\n|---:|---|")
    for kind, n in kinds.most_common():
        print(f"| {100 * n / total:.1f}% | {kind} |")
    print("\nGazette's own code, by nearest Gazette function:\n")
    print("| share of CPU samples | function |\n|---:|---|")
    for name, n in own.most_common(15):
        print(f"| {100 * n / total:.1f}% | `{name}` |")


if __name__ == "__main__":
    main()
