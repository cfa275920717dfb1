#!/usr/bin/env python3
"""Draws the Teams app icons (a speech bubble with three dots) as PNGs, with no imaging library.

color.png   192x192, white bubble on the accent red (full bleed, as Teams asks)
outline.png  32x32,  white bubble on transparent, dots cut out
Run from anywhere: python3 appPackage/make-icons.py  (writes next to this script).
"""
import math, os, struct, zlib

ACCENT = (0xC8, 0x10, 0x2E)  # keep in sync with accentColor in manifest.json
HERE = os.path.dirname(os.path.abspath(__file__))


def rounded_rect(x, y, left, top, right, bottom, radius):
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return math.hypot(x - cx, y - cy) <= radius and left <= x <= right and top <= y <= bottom


def triangle(x, y, a, b, c):
    def side(p, q):
        return (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1])
    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))


def bubble(u, v):
    """Coverage of the glyph at unit coordinates (0..1): bubble body plus tail, minus three dots."""
    inside = rounded_rect(u, v, 0.16, 0.20, 0.84, 0.68, 0.12) or triangle(u, v, (0.28, 0.64), (0.46, 0.64), (0.26, 0.84))
    for dx in (0.34, 0.50, 0.66):
        if math.hypot(u - dx, v - 0.44) <= 0.055:
            return False
    return inside


def render(size, background):
    samples = 4
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            hits = sum(bubble((x + (i + 0.5) / samples) / size, (y + (j + 0.5) / samples) / size)
                       for i in range(samples) for j in range(samples))
            coverage = hits / (samples * samples)
            if background is None:
                row += bytes((255, 255, 255, round(255 * coverage)))
            else:
                row += bytes(round(c + (255 - c) * coverage) for c in background) + b"\xff"
        rows.append(bytes(row))
    return rows


def write_png(path, size, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


write_png(os.path.join(HERE, "color.png"), 192, render(192, ACCENT))
write_png(os.path.join(HERE, "outline.png"), 32, render(32, None))
