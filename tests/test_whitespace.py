"""normalize_whitespace: own cases and properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import normalize_whitespace
from newsnorm.whitespace import _normalize_whitespace_reference
from tests._linear import assert_linear_unit
from tests.strategies import BREAK_CHARS, SPACE_CHARS, any_text, newsy_text

CASES = [
    ("Die  Regierung\t\that", "Die Regierung hat"),
    ("a\u2002b\u2003c\u2009d\u200ae\u205ff\u3000g\u1680h", "a b c d e f g h"),
    ("5.\u00a0November", "5.\u00a0November"),
    ("« mot\u202f»", "« mot\u202f»"),
    ("12\u2007345", "12\u2007345"),
    ("5. \u00a0November", "5.\u00a0November"),
    ("5.\u00a0 \tNovember", "5.\u00a0November"),
    ("mot \u202f\u00a0»", "mot\u202f»"),
    ("a\u00a0\u00a0b", "a\u00a0b"),
    ("Zeile  \nnächste\t\n", "Zeile\nnächste"),
    ("Ende\u00a0\nweiter", "Ende\nweiter"),
    ("  eingerückt\n\t\tauch", "eingerückt\nauch"),
    ("\u00a0Anfang", "Anfang"),
    ("a\n\n\nb", "a\n\nb"),
    ("a\n\n\n\n\n\nb", "a\n\nb"),
    ("a\n \n\t\n\u3000\n\u00a0\nb", "a\n\nb"),
    ("a\n\nb", "a\n\nb"),
    ("\n\n  \nText\n\n \n", "Text"),
    ("a\r\nb\rc\u2028d\u2029e\x85f", "a\nb\nc\nd\ne\nf"),
    ("a\r\n\r\n\r\nb", "a\n\nb"),
    ("Seite\x0cneu\x0bx", "Seite\nneu\nx"),
    ("", ""),
    ("   ", ""),
    ("\n\n\n", ""),
    ("ein Wort", "ein Wort"),
    ("Zero\u200bwidth bleibt", "Zero\u200bwidth bleibt"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cases(text: str, expected: str) -> None:
    assert normalize_whitespace(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Ein Satz.",
        "Absatz eins.\n\nAbsatz zwei,\nmit Zeile.",
        "5.\u00a0November « mot\u202f»",
        "Zeilen\nohne\nLeerzeilen",
    ],
)
def test_clean_text_is_returned_as_is(text: str) -> None:
    assert normalize_whitespace(text) is text


def test_type_error() -> None:
    with pytest.raises(TypeError, match="normalize_whitespace"):
        normalize_whitespace(42)  # type: ignore[arg-type]


_spacey = st.lists(
    st.one_of(
        st.sampled_from(list(SPACE_CHARS) + BREAK_CHARS + ["\u2000", "\u1680", "\x0c"]),
        st.sampled_from(["a", "Wort", "ß", "«", "5."]),
    ),
    max_size=40,
).map("".join)

_H = "[ \t\u00a0\u202f\u2007\u1680\u2000-\u200a\u205f\u3000]"


@given(st.one_of(any_text, newsy_text, _spacey))
def test_properties(text: str) -> None:
    out = normalize_whitespace(text)
    assert normalize_whitespace(out) == out
    assert not re.search(f"{_H}{{2}}|[\t\r\u2028\u2029\x85\x0b\x0c]|\n\n\n", out)
    assert not re.search(f"^{_H}|{_H}$", out, re.MULTILINE)
    assert not out.startswith("\n")
    assert not out.endswith("\n")
    # only white space changes: the other characters stay, in order
    assert re.sub(r"[\s\u00a0\u202f\u2007\x1c-\x1f]", "", out) == re.sub(
        r"[\s\u00a0\u202f\u2007\x1c-\x1f]", "", text
    )


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reference_gives_the_cases(text: str, expected: str) -> None:
    assert _normalize_whitespace_reference(text) == expected


@given(st.one_of(any_text, newsy_text, _spacey))
def test_fast_path_equals_reference(text: str) -> None:
    # the fast path (substring checks, line-wise stripping) gives exactly what the
    # rules as plain regex passes give, and clean text comes back as the same object
    out = normalize_whitespace(text)
    assert out == _normalize_whitespace_reference(text)
    if out == text:
        assert out is text


@given(_spacey)
def test_no_break_spaces_survive_inside_a_line(text: str) -> None:
    if re.search("[\n\r\u2028\u2029\x85\x0b\x0c]", text):
        return
    core = text.strip(" \t\u00a0\u202f\u2007\u2000\u1680\u2003\u2009\u200a\u205f\u3000")
    out = normalize_whitespace(text)
    for nbsp in "\u00a0\u202f\u2007":
        if nbsp in core:
            assert re.search("[\u00a0\u202f\u2007]", out)


# (spaces, tabs, newlines and blank-ish lines in general: tests/test_linear_time.py)
@pytest.mark.slow
@pytest.mark.parametrize("unit", [" \u00a0", "a\u2003\u202f \r\n"])
def test_linear_time_on_hostile_input(unit: str) -> None:
    assert_linear_unit(normalize_whitespace, unit)
