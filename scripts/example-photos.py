#!/usr/bin/env python3
"""Draws the example site's two phone-sized photos (synthetic, made here).

  scripts/bench/.venv-hugo/bin/python scripts/example-photos.py OUT_DIR

(the benchmark's venv has Pillow and NumPy: `python3 scripts/bench/photos.py`
installs them). Writes:

- `toits.jpg`: roofs of a town at dawn, 3840×2880 upright but stored
  sideways with EXIF orientation 6, a camera make, a date and a GPS position,
  as a phone writes it: what Gazette must turn upright and strip;
- `atelier.jpg`: a room with tables and windows, 2400×1600, with a camera
  make and a date.

Drawn from a fixed seed, so the same files come out every time.
"""

import os
import sys

import numpy as np
from PIL import Image


def grain(rng, img, strength):
    h, w, _ = img.shape
    img += rng.normal(0, strength, (h, w, 1)).astype(np.float32)
    img += rng.normal(0, strength / 2, (h, w, 3)).astype(np.float32)
    return img


def roofs(w, h, rng):
    y = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    sky = np.array([70, 90, 150], np.float32) * (1 - y) + np.array([250, 180, 120], np.float32) * y
    img = np.broadcast_to(sky, (h, w, 3)).copy()
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    sun = np.exp(-((xx - w * 0.7) ** 2 + (yy - h * 0.55) ** 2) / (2 * (w * 0.06) ** 2))
    img += sun[..., None] * np.array([60, 50, 20], np.float32)
    # Rows of buildings, farther ones lighter and bluer.
    for row, (base, tint) in enumerate([(0.62, 120), (0.72, 80), (0.84, 45)]):
        x = 0
        while x < w:
            bw = int(rng.uniform(w * 0.03, w * 0.09))
            top = int(h * (base - rng.uniform(0.02, 0.12 + row * 0.03)))
            color = np.array([tint, tint * 0.8, tint * 0.75], np.float32) + rng.uniform(-12, 12, 3)
            img[top:, x:x + bw] = color
            # Roof: a darker band; windows: small lit rectangles.
            img[top:top + max(4, bw // 10), x:x + bw] *= 0.7
            for wy in range(top + bw // 6, h, max(12, bw // 5)):
                for wx in range(x + bw // 8, x + bw - bw // 8, max(10, bw // 4)):
                    if rng.random() < 0.35:
                        img[wy:wy + bw // 12, wx:wx + bw // 14] = [250, 210, 140]
            x += bw + int(rng.uniform(0, w * 0.01))
    return grain(rng, img, 6)


def workshop(w, h, rng):
    y = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    wall = np.array([225, 220, 205], np.float32) * (1 - y * 0.3)
    img = np.broadcast_to(wall, (h, w, 3)).copy()
    img[int(h * 0.62):] = np.array([150, 120, 95], np.float32)  # floor
    for k in range(4):  # windows
        x0 = int(w * (0.08 + k * 0.23))
        img[int(h * 0.12):int(h * 0.5), x0:x0 + int(w * 0.14)] = [235, 245, 255]
    for k in range(5):  # tables and people-like shapes
        x0 = int(w * (0.05 + k * 0.19))
        img[int(h * 0.66):int(h * 0.7), x0:x0 + int(w * 0.15)] = [110, 80, 60]
        for p in range(2):
            px = x0 + int(w * (0.03 + p * 0.07))
            color = rng.uniform(40, 200, 3)
            img[int(h * 0.5):int(h * 0.66), px:px + int(w * 0.035)] = color
            img[int(h * 0.44):int(h * 0.5), px + int(w * 0.006):px + int(w * 0.029)] = [200, 160, 130]
    small = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    soft = np.asarray(small.resize((w // 4, h // 4), Image.BILINEAR).resize((w, h), Image.BICUBIC),
                      dtype=np.float32)
    return grain(rng, soft.copy(), 5)


def save(pixels, path, orientation, gps):
    img = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    exif = Image.Exif()
    exif[0x010F] = "Phonemaker"
    exif[0x0110] = "Phone 12"
    exif[0x0132] = "2026:10:09 08:12:00"
    if orientation != 1:
        exif[0x0112] = orientation
        img = img.transpose(Image.Transpose.ROTATE_90)  # stored sideways
    if gps:
        g = exif.get_ifd(0x8825)
        g[1], g[2], g[3], g[4] = "N", (45.0, 45.0, 51.0), "E", (4.0, 50.0, 8.0)
    img.save(path, "JPEG", quality=90, exif=exif.tobytes())


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(2026)
    save(roofs(3840, 2880, rng), os.path.join(out, "toits.jpg"), 6, True)
    save(workshop(2400, 1600, rng), os.path.join(out, "atelier.jpg"), 1, False)


if __name__ == "__main__":
    main()
