"""Perceptual hashes of page images, and an index that finds near-equal ones without all pairs.

A rescanned page moves, tilts and gathers noise, so the hash is taken from the inked area only,
binarized (paper tone, noise and JPEG ringing drop out) and reduced to its lowest frequencies,
where a half-degree tilt moves nothing. Near-equal hashes are found by multi-index hashing: the
64 bits are cut into 4 bands; two hashes at most 7 bits apart have a band that differs in at most
one bit (pigeonhole), so a lookup probes each band's value and its 16 one-bit neighbours —
a few dozen dict hits per page, never a comparison with every other page.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

import numpy as np
from PIL import Image, ImageFilter

HASH_SIDE = 8                        # 8 × 8 = 64-bit hashes
_DCT_SIDE = 64
INK_LEVEL = 128                      # grey below this counts as ink (paper tone and noise stay above)


def _trim(gray: Image.Image) -> Image.Image:
    """Crop to the inked area, so margins and the scanner's offset do not move the hash."""
    arr = np.asarray(gray)
    ys, xs = np.nonzero(arr < INK_LEVEL)
    if len(xs) < 16:
        return gray
    return gray.crop((int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1))


def _prepared(image: Image.Image, side: int) -> np.ndarray:
    # Binarized ink, then ink density per cell: paper tone, noise and JPEG ringing drop out.
    gray = _trim(image.convert("L").filter(ImageFilter.MedianFilter(3)))
    ink = gray.point(lambda v: 255 if v < INK_LEVEL else 0)
    small = ink.resize((side, side), Image.Resampling.BOX)
    return np.asarray(small, dtype=np.float64)


def _dct_matrix(n: int) -> np.ndarray:
    k = np.arange(n)[:, None]
    m = np.cos(np.pi * (2 * np.arange(n)[None, :] + 1) * k / (2 * n))
    m[0] /= np.sqrt(2)
    return m * np.sqrt(2 / n)


_DCT = _dct_matrix(_DCT_SIDE)


def phash(image: Image.Image, side: int = HASH_SIDE) -> int:
    """DCT hash: the lowest side×side frequencies, each above or below their median."""
    pixels = _prepared(image, _DCT_SIDE)
    freq = (_DCT @ pixels @ _DCT.T)[:side, :side].flatten()
    bits = freq > np.median(freq[1:])
    return int("".join("1" if b else "0" for b in bits), 2)


def dhash(image: Image.Image, side: int = HASH_SIDE) -> int:
    """Gradient hash: is each cell brighter than its right neighbour."""
    pixels = _prepared(image, side + 1)[:side, :]
    bits = (pixels[:, 1:] > pixels[:, :-1]).flatten()
    return int("".join("1" if b else "0" for b in bits), 2)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def ink_share(image: Image.Image) -> float:
    """Share of inked pixels: a blank page has no content to compare."""
    small = image.convert("L").resize((128, 128), Image.Resampling.BOX)
    return float((np.asarray(small) < INK_LEVEL).mean())


class HashIndex:
    """Hashes by band; `add` returns the earlier items within `max_distance` (≤ 7) bits."""

    BANDS = 4

    def __init__(self, bits: int = HASH_SIDE * HASH_SIDE, max_distance: int = 7):
        if max_distance > 2 * self.BANDS - 1:
            raise ValueError(f"multi-index lookup finds distances up to {2 * self.BANDS - 1} only")
        self.bits, self.max_distance = bits, max_distance
        self.width = bits // self.BANDS
        self._buckets: dict[tuple[int, int], list[tuple[int, Hashable]]] = defaultdict(list)

    def _band(self, value: int, i: int) -> int:
        return (value >> (i * self.width)) & ((1 << self.width) - 1)

    def add(self, value: int, item: Hashable) -> list[Hashable]:
        matches: dict[Hashable, None] = {}
        for i in range(self.BANDS):
            band = self._band(value, i)
            for probe in [band] + [band ^ (1 << b) for b in range(self.width)]:
                for other_value, other in self._buckets.get((i, probe), ()):
                    if other not in matches and hamming(value, other_value) <= self.max_distance:
                        matches[other] = None
        for i in range(self.BANDS):
            self._buckets[(i, self._band(value, i))].append((value, item))
        return list(matches)


def near_duplicate_groups(hashes: Iterable[tuple[int, Hashable]], index: HashIndex | None = None) -> list[set[Hashable]]:
    """Connected groups of items whose hashes are near-equal (union-find over index hits)."""
    index = index or HashIndex()
    parent: dict[Hashable, Hashable] = {}

    def root(x: Hashable) -> Hashable:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for value, item in hashes:
        parent.setdefault(item, item)
        for other in index.add(value, item):
            parent[root(other)] = root(item)
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item in parent:
        groups[root(item)].add(item)
    return [g for g in groups.values() if len(g) > 1]
