"""to_ascii: own cases, both backends, the German spellings, properties."""

from __future__ import annotations

import sys

import pytest
from anyascii import anyascii
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import to_ascii
from newsnorm.ascii import BACKENDS, _anyascii_runs
from tests._linear import assert_linear_unit
from tests.strategies import any_text, newsy_text

try:
    import unidecode  # noqa: F401

    HAVE_UNIDECODE = True
except ImportError:
    HAVE_UNIDECODE = False

needs_unidecode = pytest.mark.skipif(not HAVE_UNIDECODE, reason="Unidecode is not installed")

# cases whose result is the same with either backend
CASES = [
    ("Café in Łódź", "Cafe in Lodz"),
    ("Müller & Söhne", "Muller & Sohne"),
    (
        "„Zitat“ und “quote” und «guillemets» und ‹single›",
        '"Zitat" und "quote" und "guillemets" und \'single\'',
    ),
    ("‚so‘ und ’so’ und it’s", "'so' und 'so' und it's"),
    ("a – b — c − d ‐ e ‑ f ― g", "a - b - c - d - e - f - g"),
    ("5.\u00a0November \u202f» \u2009x\u3000y", '5. November  "  x y'),
    ("27″ Bildschirm, 6′ groß", "27\" Bildschirm, 6' gross"),
    ("Straße", "Strasse"),
    ("ASCII bleibt", "ASCII bleibt"),
    ("", ""),
]


@pytest.mark.parametrize(
    "backend", [pytest.param("anyascii"), pytest.param("unidecode", marks=needs_unidecode)]
)
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cases(text: str, expected: str, backend: str) -> None:
    assert to_ascii(text, backend=backend) == expected


GERMAN = [
    ("Grüße aus Köln", "Gruesse aus Koeln"),
    ("Ärger über Öl", "Aerger ueber Oel"),
    ("MÜLLER", "MUELLER"),
    ("MÜNCHEN und Müller", "MUENCHEN und Mueller"),
    ("ÜBER", "UEBER"),
    ("Ü-Wagen", "Ue-Wagen"),
    ("AUSSTELLUNG IN KÖLN.", "AUSSTELLUNG IN KOELN."),
    ("GROẞ", "GROSS"),
    ("u\u0308ber", "ueber"),  # decomposed ü
    ("Café Zürich", "Cafe Zuerich"),
    ("„Bär“ – gut", '"Baer" - gut'),
]


@pytest.mark.parametrize(
    "backend", [pytest.param("anyascii"), pytest.param("unidecode", marks=needs_unidecode)]
)
@pytest.mark.parametrize(("text", "expected"), GERMAN)
def test_german_spellings(text: str, expected: str, backend: str) -> None:
    assert to_ascii(text, lang="de", backend=backend) == expected


def test_without_lang_umlauts_lose_their_dots() -> None:
    assert to_ascii("Grüße aus Köln") == "Grusse aus Koln"


def test_ascii_is_returned_as_is() -> None:
    text = "plain ASCII, \"quotes\" and 'apostrophes' - dashes"
    assert to_ascii(text) is text
    assert to_ascii(text, lang="de", backend="unidecode") is text


def test_bad_options() -> None:
    with pytest.raises(ValueError, match="'anyascii', 'unidecode'"):
        to_ascii("x", backend="icu")
    with pytest.raises(ValueError, match="'de'"):
        to_ascii("x", lang="xx")
    with pytest.raises(TypeError, match="to_ascii"):
        to_ascii(b"x")  # type: ignore[arg-type]


def test_unidecode_missing_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "unidecode", None)
    with pytest.raises(ImportError, match=r'pip install "newsnorm\[unidecode\]"'):
        to_ascii("Grüße", backend="unidecode")
    # the default backend does not need it, and ASCII text needs no backend at all
    assert to_ascii("Grüße") == "Grusse"
    assert to_ascii("ok", backend="unidecode") == "ok"


def test_importing_newsnorm_does_not_import_unidecode() -> None:
    import subprocess

    code = "import sys, newsnorm; newsnorm.to_ascii('Grüße'); print('unidecode' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert out.stderr == ""


@pytest.mark.parametrize(
    "backend", [pytest.param("anyascii"), pytest.param("unidecode", marks=needs_unidecode)]
)
@given(text=st.one_of(any_text, newsy_text), lang=st.sampled_from([None, "de"]))
def test_properties(backend: str, text: str, lang: str | None) -> None:
    out = to_ascii(text, backend=backend, lang=lang)
    assert out.isascii()
    assert to_ascii(out, backend=backend, lang=lang) == out


@given(st.one_of(any_text, newsy_text))
def test_anyascii_on_runs_equals_anyascii(text: str) -> None:
    # the fast path transliterates only the non-ASCII runs: the same result
    assert _anyascii_runs(text) == anyascii(text)


def test_backends_listed() -> None:
    assert BACKENDS == ("anyascii", "unidecode")


def _german(text: str) -> str:
    return to_ascii(text, lang="de")


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["Ü", "ä»ß–\u00a0"])
def test_linear_time_on_hostile_input(unit: str) -> None:
    assert_linear_unit(_german, unit)
