"""Perceptual hashes of page images, and an index that finds near-equal ones without all pairs.

A rescanned page moves, tilts and gathers noise, so the hash is taken from the inked area only,
binarized (paper tone, noise and JPEG ringing drop out) and reduced to its lowest frequencies,
where a half-degree tilt moves nothing. Near-equal hashes are found by multi-index hashing: the
64 bits are cut into 4 bands of 16; two hashes at most 7 bits apart have a band that differs in
at most one bit (pigeonhole), so a lookup probes each band's value and its 16 one-bit neighbours
(most pairs up to 12 bits apart meet too). Each probe hits a bucket of about N/65536 pages, so a lookup costs
a few dict hits plus N/1000 comparisons: near-linear, never a comparison with every other page.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

import numpy as np
from PIL import Image

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
    gray = image.convert("L")
    # Averaging down to ≈500 px wide first: noise and JPEG ringing average out, and it is fast.
    factor = max(1, gray.width // 500)
    gray = _trim(gray.reduce(factor) if factor > 1 else gray)
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


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


class HashIndex:
    """Hashes by band; `add` returns the earlier items within `max_distance` bits.

    Found for certain within 7 bits, usually within 12 (`max_distance` verifies what a probe
    brings up). Measured on rendered text pages (tests/checks/test_phash.py): a rescan (±0.5–1°,
    shift, noise, JPEG q50) moved a hash by at most 10 bits; different pages differed by 18 or more.
    """

    BANDS = 4

    def __init__(self, bits: int = HASH_SIDE * HASH_SIDE, max_distance: int = 12):
        if max_distance >= bits // 4:
            raise ValueError("a verification bound that loose would join different pages")
        self.bits, self.max_distance = bits, max_distance
        self.width = bits // self.BANDS
        ones = [1 << i for i in range(self.width)]
        self._flips = [0, *ones]
        self._buckets: list[dict[int, list[tuple[int, Hashable]]]] = [{} for _ in range(self.BANDS)]

    def add(self, value: int, item: Hashable) -> list[Hashable]:
        matches: dict[Hashable, None] = {}
        mask = (1 << self.width) - 1
        entry = (value, item)
        for i, buckets in enumerate(self._buckets):
            band = (value >> (i * self.width)) & mask
            for flip in self._flips:
                for other_value, other in buckets.get(band ^ flip, ()):
                    if other not in matches and hamming(value, other_value) <= self.max_distance:
                        matches[other] = None
            buckets.setdefault(band, []).append(entry)
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
