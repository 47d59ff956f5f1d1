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

_BREAK_CHARS = "\r\u2028\u2029\x85\x0b\x0c"
_BREAKS_RE = re.compile(f"\r\n?|[{_BREAK_CHARS}]")
_EXOTIC = "".join(
    ["\t", "\u1680", "\u205f", "\u3000"] + [chr(c) for c in range(0x2000, 0x200B) if c != 0x2007]
)
_EXOTIC_TABLE = str.maketrans(dict.fromkeys(_EXOTIC, " "))

# The fast path. Every character a rule touches apart from the ASCII space and
# ``\n`` (other breaks, tabs, exotic and no-break spaces) is rare in news text;
# text without any of them is checked with plain substring tests. The patterns
# below are greedy on purpose: a repeat of one character class cannot backtrack
# catastrophically, and ``re`` scans for a literal prefix only without ``{2,}+``.
_RARE_CHARS = _BREAK_CHARS + _EXOTIC + _NO_BREAK
_ASCII_RUN_RE = re.compile("  +")
_RUN_RE = re.compile(f"[{_SPACE}][{_SPACE}]+")
_BLANKS_RE = re.compile("\n\n\n+")


def _contains_any(text: str, chars: str) -> bool:
    """True if one of *chars* occurs in *text* (one C-level scan per character,
    faster than a regex character class)."""
    return any(char in text for char in chars)


def _is_clean(text: str) -> bool:
    """True when *text* is certainly left unchanged (a few C-level scans).

    Text with a rare space or break character is not decided here: it takes the
    full path, which returns the input object when nothing changed.
    """
    if _contains_any(text, _RARE_CHARS):
        return False
    return not (
        "  " in text
        or " \n" in text
        or "\n " in text
        or "\n\n\n" in text
        or text.startswith((" ", "\n"))
        or text.endswith((" ", "\n"))
    )


def _first_space(match: re.Match[str]) -> str:
    """A run of spaces becomes its first no-break space, else one space."""
    return match.group().lstrip(" ")[:1] or " "


def _collapse_runs(text: str) -> str:
    """Rule 3 for every run of two or more spaces (runs at a line edge go in rule 4)."""
    if _contains_any(text, _NO_BREAK):
        return _RUN_RE.sub(_first_space, text)
    if "  " in text:
        return _ASCII_RUN_RE.sub(" ", text)
    return text


def _strip_lines(text: str) -> str:
    """Rule 4: no spaces at the start or end of any line."""
    return "\n".join([line.strip(_SPACE) for line in text.split("\n")])


def normalize_whitespace(text: str) -> str:
    """Collapse spaces, keep no-break spaces, unify line breaks, at most one blank line.

    Clean text is returned unchanged (the same object).

    >>> normalize_whitespace("am 5.\\u00a0 November\\n \\n \\nin Paris ")
    'am 5.\\xa0November\\n\\nin Paris'
    """
    text = ensure_str(text, "normalize_whitespace")
    if _is_clean(text):
        return text
    result = text
    if _contains_any(result, _BREAK_CHARS):
        result = _BREAKS_RE.sub("\n", result)
    if _contains_any(result, _EXOTIC):
        result = result.translate(_EXOTIC_TABLE)
    result = _strip_lines(_collapse_runs(result))
    if "\n\n\n" in result:
        result = _BLANKS_RE.sub("\n\n", result)
    result = result.strip("\n")
    return text if result == text else result


# --------------------------------------------------------------------------
# Reference: the rules as one regex pass each (slower); the tests assert that
# normalize_whitespace returns exactly this.
# --------------------------------------------------------------------------
_EXOTIC_RE = re.compile(f"[{_EXOTIC}]")

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


def _normalize_whitespace_reference(text: str) -> str:
    if _ANYTHING_RE.search(text) is None:
        return text
    if _BREAKS_RE.search(text) is not None:
        text = _BREAKS_RE.sub("\n", text)
    if _EXOTIC_RE.search(text) is not None:
        text = text.translate(_EXOTIC_TABLE)
    text = _SPACES_RE.sub(_collapse, text)
    text = _BLANK_LINES_RE.sub("\n\n", text)
    return text.strip("\n")
