"""White-space normalization for news text.

>>> normalize_whitespace("  Berlin\\t –  Die Regierung hat\\u2003am \\r\\n\\n\\n\\nMontag  ")
'Berlin – Die Regierung hat am\\n\\nMontag'

Rules, in the order they are applied:

1. Line breaks ``\\r\\n``, ``\\r``, U+2028, U+2029, U+0085 and the vertical
   tab / form feed become ``\\n``.
2. Tabs and exotic spaces (U+1680, U+2000–U+200A except U+2007, U+205F,
   U+3000) become a space.
3. A run of spaces becomes one character: a no-break space (U+00A0, U+202F,
   U+2007) if the run holds one — the first of them, since it carries meaning
   (``5. November``, French ``« mot »``) — else one space.
4. Spaces (no-break ones included) at the start and end of every line go:
   news text has no meaningful indentation.
5. Lines holding only spaces are blank; two or more blank lines in a row
   become one (a paragraph break is ``\\n\\n``).
6. Blank lines at the start and end of the text go; the text never starts or
   ends with ``\\n``.
"""

from __future__ import annotations

import re

from newsnorm._check import ensure_str

__all__ = ["normalize_whitespace"]

_NO_BREAK = "\u00a0\u202f\u2007"
_SPACE = " " + _NO_BREAK  # horizontal space left after step 2

_BREAKS_RE = re.compile("\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_EXOTIC = "".join(
    ["\t", "\u1680", "\u205f", "\u3000"] + [chr(c) for c in range(0x2000, 0x200B) if c != 0x2007]
)
_EXOTIC_RE = re.compile(f"[{_EXOTIC}]")
_EXOTIC_TABLE = str.maketrans(dict.fromkeys(_EXOTIC, " "))

# Everything steps 3–4 change: a run of two or more spaces, or one space at a
# line edge. Runs are matched whole (possessive), so the scan is linear.
_SPACES_RE = re.compile(f"[{_SPACE}]{{2,}}+|(?:^|(?<=\\n))[{_SPACE}]|[{_SPACE}](?=\\n|\\Z)")
_BLANK_LINES_RE = re.compile("\n{3,}+")

# Anything at all that normalize_whitespace would change.
_ANYTHING_RE = re.compile(
    f"{_BREAKS_RE.pattern}|{_EXOTIC_RE.pattern}|{_SPACES_RE.pattern}|\n\n\n|\\A\n|\n\\Z"
)


def _collapse(match: re.Match[str]) -> str:
    start, end = match.span()
    text = match.string
    if start == 0 or text[start - 1] == "\n" or end == len(text) or text[end] == "\n":
        return ""
    run = match.group()
    for char in run:
        if char != " ":
            return char
    return " "


def normalize_whitespace(text: str) -> str:
    """Collapse spaces, keep no-break spaces, unify line breaks, at most one blank line.

    Clean text is returned unchanged (the same object).

    >>> normalize_whitespace("am 5.\\u00a0 November\\n \\n \\nin Paris ")
    'am 5.\\xa0November\\n\\nin Paris'
    """
    text = ensure_str(text, "normalize_whitespace")
    if _ANYTHING_RE.search(text) is None:
        return text
    if _BREAKS_RE.search(text) is not None:
        text = _BREAKS_RE.sub("\n", text)
    if _EXOTIC_RE.search(text) is not None:
        text = text.translate(_EXOTIC_TABLE)
    text = _SPACES_RE.sub(_collapse, text)
    text = _BLANK_LINES_RE.sub("\n\n", text)
    return text.strip("\n")
