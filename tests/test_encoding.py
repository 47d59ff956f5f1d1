"""fix_encoding and decode_bytes: own cases, ftfy's test cases, properties, the fast path."""

from __future__ import annotations

import json
import random
import re
import unicodedata

import ftfy
import pytest
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from ftfy.fixes import uncurl_quotes
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import decode_bytes, fix_encoding
from newsnorm.encoding import (
    _MAYBE_BAD_RE,
    _SUSPECT_CHARS,
    _candidate_lines,
    _fix_encoding_reference,
)
from tests._linear import assert_linear_unit
from tests.conftest import SHARED
from tests.strategies import any_text, newsy_text

# --------------------------------------------------------------------------
# Own cases
# --------------------------------------------------------------------------
CASES = [
    # mojibake: UTF-8 read as cp1252 / latin-1, once and twice
    ("FÃ¼r alle", "Für alle"),
    ("FÃƒÂ¼r alle", "Für alle"),
    ("GrÃ¼ÃŸe aus MÃ¼nchen", "Grüße aus München"),
    ("Der Zug fÃ\x83Â¼r KÃ\x83Â¶ln", "Der Zug für Köln"),
    ("StraÃ\x9fe", "Straße"),
    ("Ã„rger und Ã–l", "Ärger und Öl"),
    ("l'Ã©tÃ© Ã  Paris", "l'été à Paris"),
    # curly quotes: mojibake repaired to the curly quote, real ones kept
    ("â€žDas ist gutâ€œ, sagte sie.", "„Das ist gut“, sagte sie."),
    ("Itâ€™s â€œfineâ€\x9d", "It’s “fine”"),
    ("Preis: 5 â‚¬ â€“ heute", "Preis: 5 € – heute"),
    # HTML entities, per line
    ("Tom &amp; Jerry", "Tom & Jerry"),
    ("A &amp; B\nPreis <50 Euro\nC &amp; D", "A & B\nPreis <50 Euro\nC & D"),
    ("x < y &amp;&amp; y > z", "x < y && y > z"),
    ("<p>Tom &amp; Jerry</p>", "<p>Tom &amp; Jerry</p>"),
    ("<b>fett</b> &amp;\nTom &amp; Jerry", "<b>fett</b> &amp;\nTom & Jerry"),
    ("&quot;Zitat&quot; &ndash; &bdquo;so&ldquo;", '"Zitat" – „so“'),
    ("Caf&eacute; &#8222;Sonne&#8220;", "Café „Sonne“"),
    ("S&amp;amp;P 500", "S&P 500"),
    ("&amp;lt;br&amp;gt;", "<br>"),
    ("AT&T und M&M's", "AT&T und M&M's"),
    ("Zeile&#10;zwei", "Zeile\nzwei"),
    # control and invisible characters
    ("a\x00b\x07c\x1bd\x7fe", "abcde"),
    ("Ver\u00adtrags\u00adpartner", "Vertragspartner"),
    ("Zero\u200bwidth", "Zerowidth"),
    ("\ufeffAnfang und \ufeffMitte", "Anfang und Mitte"),
    ("Ende.\x81\x8d\x8f\x90\x9d", "Ende."),
    ("Er sagte\x85 nichts", "Er sagte… nichts"),
    ("\x1b[31mrot\x1b[0m", "rot"),
    ("Tab\tbleibt", "Tab\tbleibt"),
    # zero-width joiner and non-joiner
    ("Coder 👩\u200d💻 und 👨🏽\u200d🚀", "Coder 👩\u200d💻 und 👨🏽\u200d🚀"),
    ("Herz ❤\ufe0f\u200d🔥", "Herz ❤\ufe0f\u200d🔥"),
    ("Hindi क्\u200dष", "Hindi क्\u200dष"),
    ("Persisch می\u200cخواهم", "Persisch می\u200cخواهم"),
    ("Wo\u200drt\u200d und \u200dda", "Wort und da"),
    ("👩\u200d\u200d💻", "👩\u200d💻"),
    ("👩\u200d 💻", "👩 💻"),
    # line breaks
    ("a\r\nb\rc\u2028d\u2029e", "a\nb\nc\nd\ne"),
    ("Seite 1\x0cSeite 2\x0bZeile", "Seite 1\nSeite 2\nZeile"),
    # ligatures, full width, NFC, surrogates
    ("ﬁnden ﬂach Schiﬀ", "finden flach Schiff"),
    ("ＡＢＣ １２３！", "ABC 123!"),
    ("ＬＯＵＤ\u3000ＮＯＩＳＥＳ", "LOUD NOISES"),
    ("Ｕﾀｰﾝ", "Uターン"),  # half-width katakana is legacy width, folded as ftfy does
    ("日本語ﾃｷｽﾄ（ＡＢＣ）", "日本語テキスト（ＡＢＣ）"),  # half width folded, full width kept
    ("Cafe\u0301 und Mu\u0308ller", "Café und Müller"),
    ("\ud83d\udca9 und \ud800 und \udfff", "💩 und \ufffd und \ufffd"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cases(text: str, expected: str) -> None:
    assert fix_encoding(text) == expected
    assert fix_encoding(expected) == expected


CLEAN = [
    "",
    "Der Bundestag hat am Freitag ein Gesetz beschlossen.",
    "„Wir schaffen das“, sagte sie – und ging.\n\nGrüße aus Köln, Größe 42",
    "L’épisode 8 est « génial » ; l’été à Paris.",
    "It’s a ‘test’ — “really”… 5 € · 20 °C · ½ · ™",
    "Łódź, Kraków, Zürich, Øresund, İstanbul, Ελλάδα, Москва, 東京, שלום, مرحبا",
    # Chinese, Japanese and Korean write punctuation, digits and spaces full width
    "新华社北京１２月３日电（记者张三）：会议于周五举行，持续两天。",
    "東京都は２０２４年、新しい計画を発表した。\u3000詳細は後日。",
    "서울시는 오늘（３일） 새 정책을 발표했다：시민 반응은？",
    "Preis <50 Euro & mehr, AT&T, x&y",
    "Coder 👩\u200d💻 und 👍🏽 und ZWNJ می\u200cخواهم",
    "5.\u00a0November, « mot »\u202f!",
    "tab\tand\ttrailing tab\t",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_returned_as_is(text: str) -> None:
    assert fix_encoding(text) is text


def test_type_errors_are_helpful() -> None:
    with pytest.raises(TypeError, match="decode_bytes"):
        fix_encoding(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="None"):
        fix_encoding(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# ftfy's own test cases
# --------------------------------------------------------------------------
FTFY_CASES = SHARED / "data" / "encoding" / "ftfy_cases"

#: labels where newsnorm deliberately differs from ftfy.fix_text, and why
DELIBERATE = {
    # curly quotes are kept (ftfy's default flattens them); the rest is identical
    **dict.fromkeys(
        [
            "Latin-1 / Windows-1252 mixup in German",
            "UTF-8 / Windows-1252 mixed up twice in Malay",
            "Left quote is UTF-8, right quote is Latin-1, both encoded in Windows-1252",
            "UTF-8 / Windows-1252 mixed up three times",
            "UTF-8 / sloppy Windows-1250 mixup in English",
            "The same text as above, but as a UTF-8 / ISO-8859-2 mixup",
            "UTF-8 / Windows-1252 mixup in mixed French and Arabic",
            "Lossy decoding can have plain ASCII question marks, as well",
            "An absolutely hopeless garble",
            "Inconsistent UTF-8 / Latin-1 mojibake",
            "Inconsistent UTF-8 / Latin-1 mojibake with an ellipsis from the Windows-1252 "
            "character set",
            "Handle Afrikaans 'n character",
            "Handle Croatian single-codepoint digraphs",
            "Fix 'à' in inconsistent mojibake",
            "We can fix 'à' in windows-1251 sometimes as well",
            "UTF-8 / Windows-1251 mixup",
            "Negative: Don't fix a multiplication symbol in quotes",
            "Negative: 'É' followed by a curly apostrophe",
            "Negative: 'é' preceded by curly apostrophe",
            "Synthetic, negative: Brontë's name does not end with a Korean syllable",
            "Synthetic: curly quotes with mismatched encoding glitches in Latin-1",
            "Synthetic: curly quotes with mismatched encoding glitches in Windows-1252",
            "Synthetic: lossy decoding in sloppy-windows-1252",
            "Synthetic, negative: Be careful around curly apostrophes",
        ],
        "quotes",
    ),
    # every C1 control is removed; ftfy keeps the ones cp1252 leaves undefined
    "Synthetic, negative: don't leak our internal use of byte 0x1A": "c1",
}


def _ftfy_cases() -> list[object]:
    if not FTFY_CASES.is_dir():
        return [
            pytest.param(
                {},
                marks=pytest.mark.skip(reason=f"ftfy's test cases not found at {FTFY_CASES}"),
                id="ftfy-cases-missing",
            )
        ]
    params: list[object] = []
    for path in sorted(FTFY_CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = []
            if case["expect"] != "pass":
                marks.append(pytest.mark.xfail(strict=True, reason="a known failure of ftfy"))
            params.append(pytest.param(case, marks=marks, id=f"{path.stem}:{case['label']}"))
    return params


@pytest.mark.parametrize("case", _ftfy_cases())
def test_ftfy_cases(case: dict[str, str]) -> None:
    ours = fix_encoding(case["original"])
    why = DELIBERATE.get(case["label"])
    if why == "quotes":
        assert ours != case["fixed"]
        assert uncurl_quotes(ours) == case["fixed"]
    elif why == "c1":
        assert ours == re.sub("[\x80-\x9f]", "", case["fixed"])
    else:
        assert ours == case["fixed"]


def test_deliberate_differences_are_real_labels() -> None:
    if not FTFY_CASES.is_dir():
        pytest.skip(f"ftfy's test cases not found at {FTFY_CASES}")
    labels = {
        case["label"]
        for path in FTFY_CASES.glob("*.json")
        for case in json.loads(path.read_text(encoding="utf-8"))
    }
    assert set(DELIBERATE) <= labels


# --------------------------------------------------------------------------
# ftfy behaviours this module depends on or works around
# --------------------------------------------------------------------------
def test_ftfy_keeps_entities_after_a_line_with_less_than() -> None:
    # the behaviour fix_encoding deliberately does not copy
    assert ftfy.fix_text("A &amp; B\nPreis <50 Euro\nC &amp; D").endswith("C &amp; D")
    assert fix_encoding("A &amp; B\nPreis <50 Euro\nC &amp; D").endswith("C & D")


def test_ftfy_fix_text_ignores_encoding_options() -> None:
    # fix_text does not pass its config to fix_encoding: hence fix_and_explain is used
    text = "Ecuadorâ€™s â€˜purely political decision on Assangeâ€™"
    assert ftfy.fix_text(text, decode_inconsistent_utf8=False) == ftfy.fix_text(text)


def test_badness_prefilter_claim() -> None:
    """ftfy's badness regex never matches a line without two adjacent non-ASCII
    characters, a C1 control or one of Œ œ Ã Â (the fast path relies on it)."""
    chars = {chr(c) for c in range(0xA0, 0x3000)}
    for group in MOJIBAKE_CATEGORIES.values():
        chars.update(ch for ch in group if ord(ch) > 0x7F)
    chars -= {chr(c) for c in _SUSPECT_CHARS}
    contexts = ["{}", "a{}a", " {} ", "A{}.", "1{}1", ".{}\t", "a {}", "{} a", "a{}", "{}A"]
    for ch in sorted(chars):
        for context in contexts:
            line = context.format(ch)
            if _MAYBE_BAD_RE.search(line) is None:
                assert BADNESS_RE.search(line) is None, repr(line)


_MOJIBAKE_ALPHABET = "".join(
    sorted({ch for group in MOJIBAKE_CATEGORIES.values() for ch in group if ord(ch) > 0x9F})
)


@given(
    st.lists(
        st.one_of(st.sampled_from(list(_MOJIBAKE_ALPHABET)), st.sampled_from(list("aZ .,1 "))),
        max_size=12,
    ).map("".join)
)
def test_badness_prefilter_claim_on_sequences(line: str) -> None:
    if _MAYBE_BAD_RE.search(line) is None:
        assert BADNESS_RE.search(line) is None


# --------------------------------------------------------------------------
# The fast path gives exactly what the slow reference gives
# --------------------------------------------------------------------------
_POOL = [
    "Der Bundestag hat am Freitag ein neues Gesetz beschlossen.",
    "„Wir schaffen das“, sagte die Kanzlerin in Berlin.",
    "Grüße aus Köln, Größe 42, süße Füße.",
    "L’été à Paris : « génial ».",
    "The council voted on Tuesday — “finally”.",
    "",
    "   ",
    "Foto: dpa",
    "Preis <50 Euro",
    "<p>Tom &amp; Jerry</p>",
    "Łódź, Zürich, Ελλάδα, Москва, 東京",
    "Coder 👩\u200d💻",
]


def _damage(line: str, rng: random.Random) -> str:
    kind = rng.randrange(10)
    if kind == 0:
        return line.encode("utf-8").decode("sloppy-windows-1252")
    if kind == 1:
        return line.encode("utf-8").decode("latin-1")
    if kind == 2:
        once = line.encode("utf-8").decode("sloppy-windows-1252")
        return once.encode("utf-8").decode("sloppy-windows-1252")
    if kind == 3:
        return line.replace(" ", " &amp; ", 1).replace("a", "&auml;", 1)
    if kind == 4:
        return line.replace("e", "e\u00ad", 2).replace(" ", "\u200b ", 1)
    if kind == 5:
        return unicodedata.normalize("NFD", line)
    if kind == 6:
        return line.replace("i", "\ufb01", 1) + "\x07\r"
    return line


def test_fast_path_equals_reference_on_mixed_text() -> None:
    rng = random.Random(20240521)
    lines = [_damage(rng.choice(_POOL), rng) for _ in range(3000)]
    text = "\n".join(lines)
    assert fix_encoding(text) == _fix_encoding_reference(text)
    for i in range(0, 3000, 100):
        chunk = "\n".join(lines[i : i + 100])
        assert fix_encoding(chunk) == _fix_encoding_reference(chunk)


def test_one_decomposed_character_makes_one_candidate_line() -> None:
    # a long clean text with one NFD line: only that line is looked at again
    lines = ["Die Regierung hat am Montag beschlossen, dass die Steuern steigen."] * 500
    lines[321] = unicodedata.normalize("NFD", "Die Bürger in Köln wählen.")
    text = "\n".join(lines)
    start = sum(len(line) + 1 for line in lines[:321])
    assert _candidate_lines(text) == [(start, start + len(lines[321]))]
    assert fix_encoding(text) == _fix_encoding_reference(text)
    assert fix_encoding(text).split("\n")[321] == "Die Bürger in Köln wählen."


@given(newsy_text)
def test_fast_path_equals_reference(text: str) -> None:
    assert fix_encoding(text) == _fix_encoding_reference(text)


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------
_LEFTOVER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\ufeff\u2028\u2029\ud800-\udfff]")


@given(st.one_of(any_text, newsy_text))
def test_properties(text: str) -> None:
    fixed = fix_encoding(text)
    assert fix_encoding(fixed) == fixed
    assert _LEFTOVER.search(fixed) is None
    assert unicodedata.is_normalized("NFC", fixed)
    fixed.encode("utf-8")  # no lone surrogates


@given(st.one_of(newsy_text, st.text(alphabet="„“”‘’‚‛«»‹›\"' aé", max_size=30)))
def test_curly_quotes_are_never_flattened(text: str) -> None:
    # ftfy's uncurl_quotes would add straight quotes; mojibake repair and the
    # other fixes never create ASCII quotes (entities and full-width forms can)
    if "&" not in text and "\uff02" not in text and "\uff07" not in text:
        fixed = fix_encoding(text)
        assert fixed.count('"') == text.count('"')
        assert fixed.count("'") == text.count("'")


# --------------------------------------------------------------------------
# decode_bytes
# --------------------------------------------------------------------------
BYTES_CASES = [
    ("Grüße „aus“ Köln".encode(), "Grüße „aus“ Köln"),
    (b"\xef\xbb\xbfF\xc3\xbcr", "Für"),
    ("Für".encode("utf-16"), "Für"),
    ("Für".encode("utf-32"), "Für"),
    ("Grüße – „so“ 5 €".encode("cp1252"), "Grüße – „so“ 5 €"),
    ("Straße".encode("latin-1"), "Straße"),
    (b"", ""),
    (b"plain ascii", "plain ascii"),
    (b"a\x81b", "a\x81b"),  # undefined in cp1252: kept as latin-1 does
    (b"\xef\xbb\xbfGr\xfc\xdfe", "Grüße"),  # a UTF-8 BOM, then cp1252
    (b"\xff\xfe\x41", "ÿþA"),  # a UTF-16 BOM, then no UTF-16
    (b"Zeile 1\rZeile 2 \x8a", "Zeile 1\rZeile 2 ä"),  # CR only: MacRoman, as ftfy guesses
]


@pytest.mark.parametrize(("data", "expected"), BYTES_CASES)
def test_decode_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


def test_decode_bytes_does_not_repair() -> None:
    assert decode_bytes("FÃ¼r".encode()) == "FÃ¼r"


def test_decode_bytes_with_encoding() -> None:
    assert decode_bytes("Grüße".encode("cp1252"), encoding="cp1252") == "Grüße"
    assert decode_bytes(b"\xef\xbb\xbfok", encoding="utf-8") == "ok"
    assert decode_bytes(b"a\xffb", encoding="utf-8", errors="replace") == "a\ufffdb"
    assert decode_bytes(bytearray(b"x"), encoding="ascii") == "x"


def test_decode_bytes_strict_names_the_offset() -> None:
    with pytest.raises(UnicodeDecodeError, match="byte offset 6") as info:
        decode_bytes(b"Gr\xc3\xbc\xc3\xa4\xffe", encoding="utf-8")
    assert (info.value.start, info.value.end) == (6, 7)
    assert info.value.encoding == "utf-8"


def test_decode_bytes_rejects_bad_options() -> None:
    with pytest.raises(ValueError, match="'strict', 'replace'"):
        decode_bytes(b"x", errors="bogus")
    with pytest.raises(ValueError, match="unknown encoding"):
        decode_bytes(b"x", encoding="no-such-codec")
    with pytest.raises(TypeError, match="fix_encoding"):
        decode_bytes("already text")  # type: ignore[arg-type]


_BOM_PREFIXES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]


@given(st.sampled_from(_BOM_PREFIXES), st.binary(max_size=200))
def test_decode_bytes_never_fails_without_encoding(prefix: bytes, rest: bytes) -> None:
    data = prefix + rest
    text = decode_bytes(data)
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return
    try:
        expected = data.decode("utf-8")
    except UnicodeDecodeError:
        cr_only = b"\r" in data and b"\n" not in data
        expected = data.decode("macroman" if cr_only else "sloppy-windows-1252")
        if b"\xed" in data or b"\xc0" in data:  # CESU-8 / Java UTF-8 may decode instead
            return
    assert text == expected


# --------------------------------------------------------------------------
# Linear time on inputs that are hostile to this step in particular
# --------------------------------------------------------------------------
# (mojibake, combining marks and emoji joiners in general: tests/test_linear_time.py)
HOSTILE = {
    "stacked &amp;": ("&amp;", "lt;"),
    "stacked &#38;": ("&#38;", "lt;"),
    "entities in markup": ("<p>&amp; ", ""),
    "joiner runs": ("\u200d", ""),
}


@pytest.mark.slow
@pytest.mark.parametrize(("unit", "tail"), list(HOSTILE.values()), ids=list(HOSTILE))
def test_linear_time_on_hostile_input(unit: str, tail: str) -> None:
    assert_linear_unit(fix_encoding, unit, tail=tail)  # one long line each


_DECOMPOSABLE = st.lists(
    st.sampled_from(["a", "e", "\u0301", "\u0308", "\u0327", "\n", " ", "é", "Å", "\u212b", "x"]),
    max_size=40,
).map("".join)


@pytest.mark.parametrize("block", [1, 2, 7])
@given(text=st.one_of(_DECOMPOSABLE, any_text))
def test_non_nfc_lines_found_in_blocks(block: int, text: str) -> None:
    # the lines that are not NFC are looked for block by block (whole lines); any
    # block size finds exactly the lines a line-by-line check finds
    from newsnorm import encoding

    naive = []
    start = 0
    for line in text.split("\n"):
        if not unicodedata.is_normalized("NFC", line):
            naive.append(start)
        start += len(line) + 1
    saved = encoding._NFC_BLOCK
    encoding._NFC_BLOCK = block
    try:
        assert encoding._non_nfc_line_starts(text) == naive
    finally:
        encoding._NFC_BLOCK = saved
