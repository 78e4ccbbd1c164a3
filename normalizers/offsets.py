"""Text paired with a map back to the text it was made from.

Every normalization step returns a `Mapped`: the new text and, for each of its characters,
the index of the input character it came from. Steps compose by looking each index up in
the previous map, so after any number of steps every character still points into the
original reader text, which is what provenance needs.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mapped:
    text: str
    # offsets[i] = index in the step's input of the character text[i] came from;
    # offsets[len(text)] = where the input ends, so text[a:b] maps to input[offsets[a]:offsets[b]].
    offsets: list[int]

    def then(self, step: "Mapped") -> "Mapped":
        """`step` was computed on `self.text`; the result maps straight into our input."""
        return Mapped(step.text, [self.offsets[i] for i in step.offsets])


class TextBuilder:
    """Builds a `Mapped` from pieces of a source string: kept spans and replacements."""

    __slots__ = ("source", "_parts", "_offsets", "_cursor")

    def __init__(self, source: str):
        self.source = source
        self._parts: list[str] = []
        self._offsets: list[int] = []
        self._cursor = 0

    def keep_until(self, end: int) -> None:
        """Copy source[cursor:end] unchanged."""
        if end > self._cursor:
            self._parts.append(self.source[self._cursor:end])
            self._offsets.extend(range(self._cursor, end))
            self._cursor = end

    def replace(self, start: int, end: int, text: str) -> None:
        """Put `text` in place of source[start:end]; its characters point into that span."""
        self.keep_until(start)
        self._parts.append(text)
        span = end - start
        if len(text) == span:
            self._offsets.extend(range(start, end))
        elif span == 0:
            # Inserted characters (a space between rejoined Latin words) point at the gap.
            self._offsets.extend([start] * len(text))
        else:
            last = end - 1
            self._offsets.extend(min(start + k, last) for k in range(len(text)))
        self._cursor = max(self._cursor, end)

    def delete(self, start: int, end: int) -> None:
        self.replace(start, end, "")

    def build(self) -> Mapped:
        self.keep_until(len(self.source))
        return Mapped("".join(self._parts), [*self._offsets, len(self.source)])
