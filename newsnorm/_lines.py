"""Line spans: how :class:`~newsnorm.types.Removal` line numbers count the lines of a text.

Shared by :mod:`newsnorm.boilerplate`, which numbers the lines it removes, and
:mod:`newsnorm.pipeline`, which carries removals from one view of a text to another.
"""

from __future__ import annotations

import re

#: every character that :meth:`str.splitlines` breaks a line at ("\r\n" is one break)
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_OTHER_BREAK = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def split_lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, next_start) of every line; a final line break opens no empty line.

    >>> split_lines("a\\nbc\\n")
    [(0, 1, 2), (2, 4, 5)]
    >>> split_lines("a\\r\\nb")
    [(0, 1, 3), (3, 4, 4)]
    """
    spans: list[tuple[int, int, int]] = []
    pos = 0
    if _OTHER_BREAK.search(text) is None:
        # only "\n" breaks the lines (the usual case): no per-line break test
        for line in text.split("\n"):
            end = pos + len(line)
            spans.append((pos, end, end + 1))
            pos = end + 1
        if text.endswith("\n"):
            spans.pop()  # the empty piece after the final break is no line
        else:
            spans[-1] = (spans[-1][0], spans[-1][1], spans[-1][1])
        if not spans:
            spans.append((0, 0, 0))
        return spans
    for line in text.splitlines(keepends=True):
        nxt = pos + len(line)
        end = nxt - 2 if line.endswith("\r\n") else (nxt - 1 if line[-1] in LINE_BREAKS else nxt)
        spans.append((pos, end, nxt))
        pos = nxt
    if not spans:
        spans.append((0, 0, 0))
    return spans
