#!/usr/bin/python3
"""Draws the default theme's page icon, themes/default/static/favicon.ico.

The masthead's brand mark in small: a gold five-pointed star on a deep red
rounded square (shared/design.md palette: red #B5121B, gold #C9A23F, the
star in the mark's #FFD75E). Pure Python, no imaging library: each pixel is
sampled 8×8 times for smooth edges, and the sizes 16, 32 and 48 px are
written as 32-bit BMP images in one ICO file. The output is the same bytes
on every run; run it again only to change the picture:

    /usr/bin/python3 themes/make_favicon.py
"""
import math
import os
import struct

RED = (0xB5, 0x12, 0x1B)
GOLD = (0xC9, 0xA2, 0x3F)
STAR = (0xFF, 0xD7, 0x5E)
SIZES = (16, 32)
SUBSAMPLES = 8
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "default", "static", "favicon.ico")


def star_polygon(cx, cy, outer, inner):
    """The ten corners of a star with one point up, in unit-square coordinates."""
    points = []
    for k in range(10):
        radius = outer if k % 2 == 0 else inner
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def inside_polygon(x, y, polygon):
    inside = False
    j = len(polygon) - 1
    for i, (xi, yi) in enumerate(polygon):
        xj, yj = polygon[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def inside_rounded_square(x, y, radius):
    """The unit square with corners rounded by `radius`."""
    dx = max(radius - x, 0, x - (1 - radius))
    dy = max(radius - y, 0, y - (1 - radius))
    return dx * dx + dy * dy <= radius * radius


def sample(x, y, star, ring_width):
    """Colour at a point of the unit square, or None outside the icon."""
    if not inside_rounded_square(x, y, 0.22):
        return None
    if inside_polygon(x, y, star):
        return STAR
    if ring_width and not inside_inner_square(x, y, ring_width):
        return GOLD
    return RED


def inside_inner_square(x, y, inset):
    """The rounded square shrunk by `inset` on every side: inside the gold edge."""
    scale = 1 - 2 * inset
    return inside_rounded_square((x - inset) / scale, (y - inset) / scale, 0.2)


def render(size):
    """Rows of (r, g, b, a), top row first."""
    star = star_polygon(0.5, 0.54, 0.40, 0.16)
    ring = 0 if size < 32 else 1.5 / size  # a thin gold edge where it can show
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            totals = [0, 0, 0]
            covered = 0
            for sy in range(SUBSAMPLES):
                for sx in range(SUBSAMPLES):
                    x = (px + (sx + 0.5) / SUBSAMPLES) / size
                    y = (py + (sy + 0.5) / SUBSAMPLES) / size
                    colour = sample(x, y, star, ring)
                    if colour:
                        covered += 1
                        for c in range(3):
                            totals[c] += colour[c]
            if covered == 0:
                row.append((0, 0, 0, 0))
            else:
                rgb = tuple(round(t / covered) for t in totals)
                row.append(rgb + (round(255 * covered / SUBSAMPLES ** 2),))
        rows.append(row)
    return rows


def bmp_entry(size, rows):
    """An ICO image: BITMAPINFOHEADER (height doubled for the mask), BGRA
    pixels bottom row first, then the 1-bit AND mask (all 0: alpha rules)."""
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = bytearray()
    for row in reversed(rows):
        for r, g, b, a in row:
            pixels += bytes((b, g, r, a))
    mask_row = ((size + 31) // 32) * 4
    return header + bytes(pixels) + bytes(mask_row * size)


def ico(images):
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = len(head) + 16 * len(images)
    directory = b""
    for size, data in images:
        directory += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return head + directory + b"".join(data for _, data in images)


def main():
    images = [(size, bmp_entry(size, render(size))) for size in SIZES]
    with open(OUT, "wb") as f:
        f.write(ico(images))
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
