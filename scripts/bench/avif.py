#!/usr/bin/env python3
"""What AVIF would cost beside WebP, for one photo (docs/performance.md).

  scripts/bench/.venv-hugo/bin/python scripts/bench/avif.py PHOTO.jpg

Encodes PHOTO (upright) at 800 and 1600 px wide with Pillow's codecs, C
libraries both (libwebp for WebP, libavif for AVIF), and prints the best of
three timings and the size of each: WebP at quality 80 (what Gazette
publishes), AVIF at quality 60 and speeds 6 and 8 on one thread (as each
Gazette photo is encoded on one core), JPEG at quality 80. The
benchmark's venv has Pillow (`python3 scripts/bench/photos.py` installs it).
"""

import io
import sys
import time

from PIL import Image, ImageOps, features


def main():
    if not features.check("avif"):
        sys.exit("this Pillow has no AVIF encoder")
    src = ImageOps.exif_transpose(Image.open(sys.argv[1])).convert("RGB")
    print("| width | format | settings | ms (best of 3) | kB |")
    print("|---|---|---|---|---|")
    for width in (800, 1600):
        im = src.resize((width, round(src.height * width / src.width)), Image.LANCZOS)
        for fmt, kw in [("WEBP", {"quality": 80, "method": 4}),
                        ("AVIF", {"quality": 60, "speed": 6, "max_threads": 1}),
                        ("AVIF", {"quality": 60, "speed": 8, "max_threads": 1}),
                        ("JPEG", {"quality": 80})]:
            best, size = None, 0
            for _ in range(3):
                out = io.BytesIO()
                t = time.perf_counter()
                im.save(out, fmt, **kw)
                dt = time.perf_counter() - t
                best, size = (dt if best is None else min(best, dt)), len(out.getvalue())
            settings = ", ".join(f"{k} {v}" for k, v in kw.items())
            print(f"| {width} | {fmt} | {settings} | {best * 1000:.0f} | {size / 1000:.1f} |")


if __name__ == "__main__":
    main()
