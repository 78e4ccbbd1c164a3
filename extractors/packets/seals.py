"""Red seal impressions on page images: colour first, then shape and size.

A seal (公章) is a red ring or filled disc about 38–45 mm across (oval ones 40×30 mm). Red
pixels are found in HSV space (hue wraps around 0, so two bands), closed so a ring broken by
paper texture is whole again, and each connected blob is kept when its box is roughly square
or oval, its size plausible for the page, its outline round, its rim red all the way round and
the corners of its box empty (big red letterhead characters fail the last two). A typed
`（盖章）` is black text: it never passes the colour test, which is the point.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# Seal diameters accepted, in millimetres (small 财务章 up to large round 公章).
MIN_MM, MAX_MM = 15.0, 70.0
# When the physical size is unknown (an image inside a .docx), in pixels.
MIN_PX = 40


@dataclass(frozen=True)
class SealBox:
    bbox: tuple[float, float, float, float]   # in the image's pixels
    score: float


def red_mask(rgb: np.ndarray) -> np.ndarray:
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    red = ((h <= 10) | (h >= 160)) & (s >= 70) & (v >= 70)
    return red.astype(np.uint8) * 255


# Gaps a seal's ring may have, in mm: where the signature's black text is printed over it the
# red breaks; a second look closes gaps this wide, if the first found nothing.
GAP_MM, WIDE_GAP_MM = 1.5, 3.5


def find_seals(rgb: np.ndarray, *, px_per_mm: float | None = None) -> list[SealBox]:
    """Seal impressions in an RGB image (H×W×3, uint8)."""
    if rgb.ndim != 3 or rgb.shape[2] < 3:
        return []
    mask = red_mask(np.ascontiguousarray(rgb[..., :3]))
    if cv2.countNonZero(mask) == 0:
        return []
    return _seals_in(mask, rgb.shape, px_per_mm, GAP_MM) or _seals_in(mask, rgb.shape, px_per_mm, WIDE_GAP_MM)


def _seals_in(mask: np.ndarray, shape: tuple, px_per_mm: float | None, gap_mm: float) -> list[SealBox]:
    k = max(3, int(round((px_per_mm or 2.0) * gap_mm)) | 1)
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if px_per_mm:
        lo, hi = MIN_MM * px_per_mm, MAX_MM * px_per_mm
    else:
        lo, hi = MIN_PX, float(max(shape[:2])) * 1.05
    seals = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if not (lo <= max(w, h) <= hi) or min(w, h) < 0.55 * max(w, h):
            continue
        hull = cv2.convexHull(contour)
        area, perimeter = cv2.contourArea(hull), cv2.arcLength(hull, True)
        roundness = 4 * np.pi * area / (perimeter * perimeter) if perimeter else 0.0
        # a ring or disc fills a fair share of its box with red; a red table border does not
        ink = cv2.countNonZero(mask[y:y + h, x:x + w]) / float(w * h)
        if roundness < 0.6 or ink < 0.06:
            continue
        coverage, corners = ring_shape(closed[y:y + h, x:x + w])
        if coverage < RING_COVERAGE or corners > CORNER_INK:
            continue
        seals.append(SealBox((float(x), float(y), float(x + w), float(y + h)),
                             round(coverage * (1 - corners) * min(1.0, roundness), 3)))
    return seals


# A seal's border runs all the way round (share of 10° sectors with red at the rim) and
# leaves the corners of its box empty; big red letterhead characters do neither.
RING_COVERAGE = 0.8
CORNER_INK = 0.08


def ring_shape(crop: np.ndarray) -> tuple[float, float]:
    h, w = crop.shape
    yy, xx = np.mgrid[0:h, 0:w]
    dx, dy = (xx + 0.5 - w / 2) / (w / 2), (yy + 0.5 - h / 2) / (h / 2)
    radius = np.sqrt(dx * dx + dy * dy)
    red = crop > 0
    rim = red & (radius > 0.8) & (radius <= 1.05)
    sectors = ((np.arctan2(dy[rim], dx[rim]) + np.pi) / (2 * np.pi) * 36).astype(int) % 36
    coverage = len(np.unique(sectors)) / 36
    outside = radius > 1.15
    corners = float(red[outside].mean()) if outside.any() else 0.0
    return coverage, corners
