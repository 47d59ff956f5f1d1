"""Encoding repair: mojibake, HTML entities, invisible characters, odd line breaks.

:func:`fix_encoding` is built on ftfy 6 (``ftfy.fix_and_explain``) with a
configuration that keeps typographic quotes, decodes HTML entities line by
line, and removes the invisible characters scraped text is full of. A cheap
check skips every line that ftfy would leave unchanged, so clean news text is
handled at a multiple of ftfy's speed and returned as the very same object.

>>> fix_encoding("FÃ¼r Ã„rzte: â€žEs geht um Leben &amp; Tod.â€œ")
'Für Ärzte: „Es geht um Leben & Tod.“'

:func:`decode_bytes` is the helper for people who hold bytes; it only decodes
(UTF-8 first, with a cp1252 fallback) and does not repair anything.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from itertools import chain

import ftfy
import ftfy.bad_codecs  # registers "sloppy-windows-1252" and "utf-8-variants"
import regex
from ftfy.badness import BADNESS_RE
from ftfy.chardata import CONTROL_CHARS, LIGATURES, WIDTH_MAP

from newsnorm._check import check_choice, ensure_str

__all__ = ["DECODE_ERRORS", "decode_bytes", "fix_encoding"]


def _char_class(codepoints: set[int]) -> str:
    """A regex character class for *codepoints*, written as ranges."""
    ordered = sorted(codepoints)
    parts: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        first, last = re.escape(chr(ordered[i])), re.escape(chr(ordered[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "[" + "".join(parts) + "]"


# --------------------------------------------------------------------------
# ftfy configuration
# --------------------------------------------------------------------------
# ``explain=False`` makes ``fix_and_explain`` call ``ftfy.fix_encoding(text)``
# without the config (ftfy 6.3.1); that is harmless here because every
# encoding option below keeps ftfy's default. ``uncurl_quotes=False`` keeps
# „…“ and ’ — mojibake of them (``â€œ``) is still repaired by the encoding step.
# ``fix_character_width=False``: widths are folded by :func:`_fold_width`, which
# leaves the full-width forms of Chinese, Japanese and Korean text alone.
_FTFY_TEXT = ftfy.TextFixerConfig(
    unescape_html=True, uncurl_quotes=False, fix_character_width=False, explain=False
)
_FTFY_MARKUP = _FTFY_TEXT._replace(unescape_html=False)

#: ftfy's own bound on the length of one segment (``fix_text`` uses the same).
_MAX_SEGMENT = _FTFY_TEXT.max_decode_length

# A line holds HTML markup when it has a complete tag (``<p>``, ``</div>``,
# ``<br/>``, ``<!DOCTYPE …>``) or a comment opener. ``[^<>\n]*+`` stops at the
# next ``<``, so the scan is linear. "Preis <50 Euro" or "a < b" is no markup.
_MARKUP_RE = re.compile(r"<[/!?]?[A-Za-z][^<>\n]*+>|<!--")

# ``&amp;amp;amp;lt;`` would cost ftfy one pass over the line per layer
# (quadratic on hostile input); all layers of an escaped ``&`` in front of an
# entity are collapsed at once instead, which gives the same result.
_AMP_CHAIN_RE = re.compile(r"&(?:amp;|AMP;|#0*38;|#[xX]0*26;)+(?=#?[0-9A-Za-z]{1,24};)")

# --------------------------------------------------------------------------
# What is removed or folded beyond ftfy
# --------------------------------------------------------------------------
_BREAK_CHARS = "\r\u2028\u2029\x0b\x0c"
_BREAKS_RE = re.compile(f"\r\n?|[{_BREAK_CHARS}]")
"""Line breaks that become ``\\n`` before the text is split into lines.

U+0085 (NEXT LINE) is not among them: in scraped text it is nearly always
mojibake (the cp1252 byte of "…" or the second byte of "Å", "Ņ" …), so it is
left to ftfy, which repairs it.
"""

_REMOVE = dict.fromkeys(
    chain(
        range(0x09),  # C0 controls except \t and \n
        range(0x0B, 0x20),
        range(0x7F, 0xA0),  # DEL and the C1 controls ftfy could not map
        (0xAD, 0x200B, 0xFEFF),  # soft hyphen, zero-width space, BOM
    )
)
"""Characters deleted after ftfy has run (some of them are pieces of mojibake)."""

_INVISIBLE_RE = re.compile(_char_class(set(_REMOVE)))

# Zero-width joiner: kept between two characters that use it (emoji,
# modifiers, combining marks, letters of scripts other than Latin, Greek and
# Cyrillic — Indic half forms, Arabic joining forms); removed elsewhere.
_JOINS = (
    r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{M}"
    r"[\p{L}--[\p{Latin}\p{Greek}\p{Cyrillic}\p{Common}]]]"
)
_ZWJ_RUNS_RE = regex.compile("\u200d{2,}+")
_STRAY_ZWJ_RE = regex.compile(rf"\u200d(?!{_JOINS})|(?<!{_JOINS})\u200d", regex.V1)

# --------------------------------------------------------------------------
# The cheap check: which lines might ftfy (or the removals) change?
# --------------------------------------------------------------------------
_ENTITY_HINT = "&[#0-9A-Za-z]"
_ASCII_SUSPECT_RE = re.compile(_ENTITY_HINT + r"|[\x00-\x08\x0b-\x1f\x7f]")
_SUSPECT_CHARS = (
    set(CONTROL_CHARS)
    | set(LIGATURES)
    | set(WIDTH_MAP)
    | set(_REMOVE)
    | {0x200D}
    | set(range(0xD800, 0xE000))  # surrogates
    | {0x2028, 0x2029}
)
"""Characters one of the fixers would change (ftfy's tables plus our removals)."""


_SUSPECT_RE = re.compile(_ENTITY_HINT + "|" + _char_class(_SUSPECT_CHARS))

# Every alternative of ftfy's badness regex (``ftfy.badness.BADNESS_RE``)
# needs two adjacent non-ASCII characters, a C1 control (in the suspects
# above) or one of Œ œ Ã Â; a line without any of them is not "bad" and
# ftfy's encoding step leaves it alone (tests/test_encoding.py checks this
# claim against ftfy's regex). German "Größe" passes this filter and is then
# checked with ftfy's own regex.
_MAYBE_BAD_RE = re.compile("[^\x00-\x7f]{2}|[ŒœÃÂ]")

# Two scans find the candidate lines; each is the fastest form its engine
# offers (one character class for ``re``; ``regex`` finds pairs much faster).
_CANDIDATE_SCANS = (
    re.compile(_char_class(_SUSPECT_CHARS | {ord("&")} | {ord(c) for c in "ŒœÃÂ"})),
    regex.compile("[^\x00-\x7f]{2}"),
)


def _line_is_clean(line: str) -> bool:
    """True when ftfy and the removals would leave this line (no ``\\n``) unchanged."""
    if line.isascii():
        return _ASCII_SUSPECT_RE.search(line) is None
    return (
        _SUSPECT_RE.search(line) is None
        and unicodedata.is_normalized("NFC", line)
        and (_MAYBE_BAD_RE.search(line) is None or BADNESS_RE.search(line) is None)
    )


# --------------------------------------------------------------------------
# Fixing one line
# --------------------------------------------------------------------------
def _remove_invisibles(line: str) -> str:
    if _INVISIBLE_RE.search(line) is not None:
        line = line.translate(_REMOVE)
    if "\u200d" in line:
        line = _STRAY_ZWJ_RE.sub("", _ZWJ_RUNS_RE.sub("\u200d", line))
    return line


# Chinese, Japanese and Korean text writes its punctuation full width ("，", "（",
# "：") and often its digits and Latin letters too ("１２月３日"): on a line in
# such a script those are the text's own forms, not a width to repair.
# (Half-width katakana is legacy width, not such a script's own form: "Ｕﾀｰﾝ" → "Uターン".)
_HALF_FIRST, _HALF_LAST = 0xFF61, 0xFFEE  # the half-width forms of the width table
_CJK_RE = regex.compile(
    r"[[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]--" f"[{chr(_HALF_FIRST)}-{chr(_HALF_LAST)}]]",
    regex.V1,
)
_HALF_WIDTH = {k: v for k, v in WIDTH_MAP.items() if _HALF_FIRST <= k <= _HALF_LAST}


def _fold_width(line: str) -> str:
    """Full-width and half-width forms to their standard forms (``ＡＢＣ`` → ``ABC``,
    ``ｶﾀｶﾅ`` → ``カタカナ``), as ftfy does; on a line with CJK characters only the
    half-width forms are folded, and full-width punctuation, digits and the
    ideographic space stay."""
    if _CJK_RE.search(line) is None:
        return line.translate(WIDTH_MAP)
    return line.translate(_HALF_WIDTH)


def _fix_segment(segment: str) -> str:
    if _MARKUP_RE.search(segment) is None:
        config = _FTFY_TEXT
        if "&" in segment:
            segment = _AMP_CHAIN_RE.sub("&", segment)
    else:
        config = _FTFY_MARKUP
    fixed = ftfy.fix_and_explain(segment, config).text
    return _remove_invisibles(_fold_width(fixed))


def _fix_once(line: str) -> str:
    if len(line) <= _MAX_SEGMENT:
        fixed = _fix_segment(line)
    else:
        fixed = "".join(
            _fix_segment(line[i : i + _MAX_SEGMENT]) for i in range(0, len(line), _MAX_SEGMENT)
        )
    # an entity such as &#13; or &#x2028; may have become a line break
    return _BREAKS_RE.sub("\n", fixed)


#: Upper bound on fix rounds per line; two are the most seen in practice.
_MAX_ROUNDS = 6


def _fix_line(line: str) -> str:
    """Fix one line (without ``\\n``) until it no longer changes.

    Every round decides afresh whether the line is markup, so the result is a
    fixed point of the whole procedure — which makes :func:`fix_encoding`
    idempotent even where removing an invisible character or NFC brings two
    pieces of mojibake together. A line that an entity split (``&#10;``) is
    fixed part by part.
    """
    for _ in range(_MAX_ROUNDS):
        fixed = _fix_once(line)
        if "\n" in fixed:
            return "\n".join(_fix_line(part) for part in fixed.split("\n"))
        if fixed == line or _line_is_clean(fixed):
            return fixed
        line = fixed
    return line


def _unify_breaks(text: str) -> str:
    """Every line break becomes ``\\n``; a text without any other break is returned as is.

    The check is one substring scan per break character, several times faster than
    ``_BREAKS_RE.search`` (an alternation that ``re`` cannot scan for quickly).
    """
    if any(char in text for char in _BREAK_CHARS):
        return _BREAKS_RE.sub("\n", text)
    return text


def _split_lines(text: str) -> list[str]:
    text = _unify_breaks(text)
    return text.split("\n")


def _non_nfc_line_starts(text: str) -> list[int]:
    """Starts of the lines of *text* that are not NFC.

    A text is NFC exactly when each of its lines is (``\\n`` never composes with a
    neighbour), so one decomposed character costs one line, not every line.
    """
    starts: list[int] = []
    block = 0
    while block < len(text):
        # blocks of whole lines first: one decomposed character costs its block's lines
        cut = text.find("\n", block + _NFC_BLOCK)
        end = len(text) if cut < 0 else cut + 1
        if not unicodedata.is_normalized("NFC", text[block:end]):
            start = block
            for line in text[block:end].split("\n"):
                if not unicodedata.is_normalized("NFC", line):
                    starts.append(start)
                start += len(line) + 1
        block = end
    return starts


#: The lines of a text are checked for NFC in blocks of about this many characters.
_NFC_BLOCK = 1 << 14


def _candidate_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of *text* (``\\n`` only) that may need fixing.

    Clean text costs one regex scan; only lines with a suspicious character, and
    lines that are not NFC (rare), are looked at again.
    """
    starts: set[int] = set()
    if not text.isascii():
        # (block by block: one check of a whole long text costs several times more)
        starts.update(_non_nfc_line_starts(text))
    for scan in _CANDIDATE_SCANS:
        match = scan.search(text)
        while match is not None:
            starts.add(text.rfind("\n", 0, match.start()) + 1)
            end = text.find("\n", match.start())
            if end < 0:
                break
            match = scan.search(text, end + 1)
    spans = []
    for start in sorted(starts):
        end = text.find("\n", start)
        spans.append((start, len(text) if end < 0 else end))
    return spans


def fix_encoding(text: str) -> str:
    """Repair mojibake, decode HTML entities and remove invisible junk; keep curly quotes.

    Line breaks become ``\\n``; ligatures and full-width forms are folded (full-width
    punctuation and digits of Chinese, Japanese and Korean lines stay); the
    text is NFC-normalized. Clean text is returned unchanged (the same object).

    >>> fix_encoding("GrÃ¼ÃŸe aus KÃ¶ln â€“ â€šschÃ¶nâ€˜")
    'Grüße aus Köln – ‚schön‘'
    >>> fix_encoding("Tom &amp; Jerry\\r\\nFÃƒÂ¼r Sie")
    'Tom & Jerry\\nFür Sie'
    """
    text = _unify_breaks(ensure_str(text, "fix_encoding"))
    out: list[str] = []
    done = 0
    for start, end in _candidate_lines(text):
        line = text[start:end]
        if _line_is_clean(line):
            continue
        fixed = _fix_line(line)
        if fixed != line:
            out.append(text[done:start])
            out.append(fixed)
            done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _fix_encoding_reference(text: str) -> str:
    """Slow reference: the same ftfy configuration on every line, no cheap checks.

    The tests assert that :func:`fix_encoding` returns exactly this.
    """
    return "\n".join(_fix_line(line) for line in _split_lines(text))


# --------------------------------------------------------------------------
# Bytes
# --------------------------------------------------------------------------
#: The ``errors`` values :func:`decode_bytes` accepts.
DECODE_ERRORS: tuple[str, ...] = ("strict", "replace", "ignore", "backslashreplace")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes, encoding: str, errors: str) -> str:
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        raise UnicodeDecodeError(
            exc.encoding,
            exc.object,
            exc.start,
            exc.end,
            f"{exc.reason} (at byte offset {exc.start}; decode_bytes(data) without an encoding "
            "falls back to cp1252, errors='replace' keeps going)",
        ) from None


def _ensure_bytes(data: object) -> bytes:
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, str):
        raise TypeError(
            "decode_bytes() takes bytes, not str: the text is already decoded, "
            "pass it to newsnorm.fix_encoding() instead"
        )
    raise TypeError(f"decode_bytes() takes bytes, not {type(data).__name__}")


def _guess(data: bytes) -> str:
    """ftfy's ``guess_bytes`` without its UTF-16 step: never fails."""
    # Bytes 0xED/0xC0 hint at CESU-8 or Java's modified UTF-8, which
    # "utf-8-variants" decodes along with standard UTF-8.
    variant = "utf-8-variants" if (b"\xed" in data or b"\xc0" in data) else "utf-8"
    try:
        return data.decode(variant)
    except UnicodeDecodeError:
        pass
    if b"\r" in data and b"\n" not in data:
        return data.decode("macroman")  # classic Mac files: CR line ends only
    return data.decode("sloppy-windows-1252")


def decode_bytes(data: bytes, *, encoding: str | None = None, errors: str = "strict") -> str:
    """Decode bytes: a BOM if there is one, else UTF-8, else cp1252 (ftfy's ``guess_bytes``).

    Without ``encoding`` this never fails. With ``encoding`` given, exactly that
    codec is used (a UTF-8 BOM is dropped when it is UTF-8) and ``errors``
    applies. Nothing is repaired: pass the result to :func:`fix_encoding` for that.

    >>> decode_bytes("Grüße".encode("cp1252"))
    'Grüße'
    >>> decode_bytes(b"\\xef\\xbb\\xbfF\\xc3\\xbcr")
    'Für'
    """
    data = _ensure_bytes(data)
    errors = check_choice(errors, DECODE_ERRORS, "errors", "decode_bytes")
    if encoding is not None:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise ValueError(f"decode_bytes(): unknown encoding {encoding!r}") from None
        if name == "utf-8":
            name = "utf-8-sig"
        return _decode(data, name, errors)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                # not what the BOM promised: guess (a UTF-8 BOM itself is dropped)
                return _guess(data[len(bom) :] if bom == codecs.BOM_UTF8 else data)
    return _guess(data)
