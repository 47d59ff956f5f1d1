"""normalize() and Normalizer: the seeds, the report, options, errors and properties."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsnorm
from newsnorm import Normalized, Normalizer, normalize
from newsnorm.pipeline import STEPS, normalize_lang_code
from tests.conftest import SEEDS
from tests.strategies import any_text, newsy_text

SEED_DE = "000_af01204604cdb2da"
SEED_DE2 = "003_e12b06f26a82ec37"
SEED_OPTIONS = {SEED_DE: {"lang": "de", "quotes": "de"}, SEED_DE2: {"lang": "de", "quotes": "de"}}


def _seed(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def _sentences(text: str) -> list[str]:
    """Article sentences: pieces of lines of at least six words that end in . ! or ?"""
    out = []
    for line in text.splitlines():
        for piece in re.split(r"(?<=[.!?])\s+", line):
            if len(piece.split()) >= 6:
                out.append(piece)
    return out


def _unquote(text: str) -> str:
    return re.sub("[\"„“”«»‚‘’']", "", text)


@pytest.mark.parametrize("name", sorted(SEED_OPTIONS))
def test_seed_matches_expected_output(name: str) -> None:
    result = normalize(_seed(name), **SEED_OPTIONS[name])
    expected_text = (SEEDS / f"{name}.expected.txt").read_text(encoding="utf-8")
    expected_report = json.loads((SEEDS / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert result.text == expected_text
    report = result.to_dict()
    del report["text"]
    assert report == expected_report


def test_seed_de_removes_exactly_the_boilerplate() -> None:
    source = _seed(SEED_DE)
    result = normalize(source, lang="de", quotes="de")
    removed = [r.text for r in result.removed]
    assert removed == [
        "zum Inhalt",
        "Trump und Musk: Zwei, die sich mögen.",
        "Lesen Sie auch:",
        "Kommentare",
        "Aktuelles",
    ]
    assert all(r.reason for r in result.removed)
    # the first copy of the headline stays, the second goes
    assert result.text.startswith("Trump und Musk: Zwei, die sich mögen.\n")
    assert result.text.count("Trump und Musk: Zwei, die sich mögen.") == 1
    # every article sentence stays (quotes aside)
    out = _unquote(result.text)
    for sentence in _sentences(source):
        assert _unquote(sentence) in out
    assert [f.token for f in result.flags] == ["initially"]
    assert '"' not in result.text
    assert "„klug“ und „schlau“" in result.text
    assert "„Wir machen das irgendwann wieder.“" in result.text
    assert result.lang == "de"


def test_seed_de2_removes_only_the_colon_line() -> None:
    source = _seed(SEED_DE2)
    result = normalize(source, lang="de", quotes="de")
    assert [r.text for r in result.removed] == [":"]
    assert result.flags == ()
    assert result.text == source.rstrip("\n").removesuffix("\n:")


def test_seed_language_is_detected() -> None:
    assert normalize(_seed(SEED_DE)).lang == "de"
    assert normalize(_seed(SEED_DE2)).lang == "de"


def test_flags_are_offsets_into_the_final_text() -> None:
    result = normalize(_seed(SEED_DE), lang="de", quotes="de")
    for flag in result.flags:
        assert result.text[flag.start : flag.end] == flag.token


def test_removals_point_into_the_boilerplate_input() -> None:
    result = normalize(_seed(SEED_DE), lang="de")
    assert result.boilerplate_input is not None
    for removal in result.removed:
        assert result.boilerplate_input[removal.start : removal.end] == removal.text


def test_report_is_json_and_str_is_the_text() -> None:
    result = normalize("FÃ¼r alle Bürger gilt das neue Gesetz ab dem ersten Januar.", lang="de")
    assert (
        str(result) == result.text == "Für alle Bürger gilt das neue Gesetz ab dem ersten Januar."
    )
    data = json.loads(json.dumps(result.to_dict()))
    assert data["changed"] == ["encoding"]
    assert data["lang"] == "de"
    assert {s["step"] for s in data["steps"]} <= {"surrogates", *STEPS}


def test_steps_can_be_switched_off() -> None:
    text = "zum Inhalt\nFÃ¼r alle  Bürger gilt das Gesetz, sagte er am Montag."
    untouched = normalize(
        text, encoding=False, whitespace=False, boilerplate=False, untranslated=False
    )
    assert untouched.text == text
    assert untouched.changed == ()
    assert untouched.removed == ()


def test_quotes_auto_uses_the_language_style() -> None:
    text = 'Er sagte: "Das ist gut." Dann ging er nach Hause und schlief sofort ein.'
    assert "„Das ist gut.“" in normalize(text, lang="de", quotes="auto").text
    assert "«Das ist gut.»" in normalize(text, lang="de-CH", quotes="auto").text
    assert normalize(text, lang="de").text == text  # quotes=None leaves them alone


def test_lone_surrogates_are_replaced_and_reported() -> None:
    result = normalize("Die Regierung \ud800 hat entschieden, das Gesetz zu ändern.", lang="de")
    assert "\ufffd" in result.text
    assert "surrogates" in result.changed


def test_detected_language_without_flag_data_is_not_an_error() -> None:
    # found by fuzzing: Polish is detected, but there is no untranslated-token data for it
    text = (
        "Rada miasta zagłosowała we wtorek za zamknięciem starego mostu. Mieszkańcy "
        "powiedzieli, że nie zostali o tym poinformowani przed posiedzeniem."
    )
    result = normalize(text, quotes="auto")
    assert result.lang == "pl"
    assert result.flags == ()
    assert result.text == text


@pytest.mark.parametrize("quotes", ["fr", "de", "ascii", "auto"])
def test_quote_style_does_not_change_boilerplate_decisions(quotes: str) -> None:
    # found by fuzzing: the boilerplate step decided on straight quotes, a second run on
    # the typographic ones of the output removed the last line
    text = 'um Ias wiehen das wieder." Geht\'s?\nLcs?\nau’agseh "Wir ehen das wieder." Geht\'s?\nLc'
    once = normalize(text, lang="en", quotes=quotes, boilerplate_level="aggressive")
    twice = normalize(once.text, lang="en", quotes=quotes, boilerplate_level="aggressive")
    assert twice.text == once.text
    assert twice.removed == ()


def test_removals_found_on_quoted_text_point_into_the_input() -> None:
    text = (
        'zum Inhalt\nEr sagte: "Das ist gut." Dann ging er nach Hause und schlief sofort ein, '
        'denn es war spät.\nLesen Sie auch:\n"Kommentare"'
    )
    result = normalize(text, lang="de", quotes="fr")
    assert result.boilerplate_input is not None
    for removal in result.removed:
        assert result.boilerplate_input[removal.start : removal.end] == removal.text
    assert "zum Inhalt" in [r.text for r in result.removed]


def test_credit_tail_after_changed_quote_marks_is_mapped_back() -> None:
    # found by fuzzing: `''` becomes one mark, so a tail is placed from the line's end
    text = (
        "Der Bundestag hat am Freitag nach langer Debatte ein neues Gesetz beschlossen.\n\n"
        "Der Minister ''gestern'' in Berlin. Foto: dpa\n\n"
        "Die Opposition kritisierte das Verfahren scharf und kündigte eine Klage an."
    )
    once = normalize(text, lang="de", quotes="de")
    assert once.boilerplate_input is not None
    assert [(r.text, r.kind) for r in once.removed] == [(" Foto: dpa", "tail")]
    (tail,) = once.removed
    assert once.boilerplate_input[tail.start : tail.end] == " Foto: dpa"
    assert "Der Minister „gestern“ in Berlin.\n" in once.text
    assert normalize(once.text, lang="de", quotes="de").text == once.text


# A German article on a page whose menus, comment form and cookie notice are English:
# the whole page reads as English, the article alone as German.
_ENGLISH_FRAME = [
    "Home",
    "News",
    "Sports",
    "About us",
    "Contact us",
    "Privacy Policy",
    "Terms of Use",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Name *",
    "Email *",
    "Website",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Post Comment",
    "Recent Posts",
    "Categories",
    "This website uses cookies to improve your experience while you navigate through the website.",
    "We will assume you are ok with this, but you can opt-out if you wish at any time.",
    "Copyright 2024 All rights reserved. Powered by a theme that is free to use for everyone.",
]
_GERMAN_ARTICLE = (
    "Schule wird saniert\n"
    "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die alte "
    "Schule am Marktplatz zu sanieren.\n\n"
    "Die Kosten werden auf rund zwei Millionen Euro geschätzt, ein Teil soll aus "
    "Fördermitteln des Landes kommen.\n\n"
    "Verwandte Artikel\n"
    "Neuer Radweg am Fluss eröffnet (3)\n"
    "Sommerfest im Stadtpark (5)\n"
    "Baustelle an der Hauptstraße (2)\n"
)


@pytest.mark.parametrize("quotes", [None, "auto"])
def test_page_in_another_language_than_its_article_settles_in_one_run(
    quotes: str | None,
) -> None:
    page = _GERMAN_ARTICLE + "\n".join(_ENGLISH_FRAME)
    assert newsnorm.detect_language(page).lang == "en"
    once = normalize(page, quotes=quotes)
    assert once.lang == "de"
    # the German teaser block is read with the German phrases in the first run already
    assert "Verwandte Artikel" not in once.text
    assert "Die Kosten werden" in once.text
    twice = normalize(once.text, quotes=quotes)
    assert twice.text == once.text
    assert twice.removed == ()


def test_empty_text() -> None:
    result = normalize("")
    assert result.text == ""
    assert result.flags == ()
    assert result.removed == ()
    assert result.lang is None


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["text"]])
def test_non_str_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        normalize(bad)  # type: ignore[arg-type]


def test_bytes_error_says_what_to_do() -> None:
    with pytest.raises(TypeError, match="decode"):
        normalize(b"Hallo")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"lang": "xx"}, "valid values"),
        ({"lang": "de-"}, "valid values"),
        ({"quotes": "klingon"}, "valid values"),
        ({"boilerplate_level": "extreme"}, "valid values"),
        ({"source": "zz"}, "valid values"),
        ({"min_score": 2.0}, "between 0 and 1"),
    ],
)
def test_bad_options_are_value_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Normalizer(**options)  # type: ignore[arg-type]


def test_lang_codes_are_canonical() -> None:
    assert normalize_lang_code("DE") == "de"
    assert normalize_lang_code("de_ch") == "de-CH"
    assert normalize_lang_code(None) is None


def test_normalizer_equals_normalize() -> None:
    text = _seed(SEED_DE)
    assert Normalizer(lang="de", quotes="de")(text) == normalize(text, lang="de", quotes="de")


def test_normalizer_is_frozen_and_reports_options() -> None:
    norm = Normalizer(lang="de")
    with pytest.raises(AttributeError):
        norm.lang = "en"  # type: ignore[misc]
    assert Normalizer(**norm.options()) == norm


def test_public_api_is_complete() -> None:
    assert sorted(newsnorm.__all__) == sorted(["__version__", *newsnorm._EXPORTS])
    for name in newsnorm.__all__:
        assert getattr(newsnorm, name) is not None
    with pytest.raises(AttributeError):
        _ = newsnorm.does_not_exist  # type: ignore[attr-defined]


def _visible(text: str) -> str:
    return "".join(text.split())


@given(newsy_text, st.sampled_from([None, "de", "en", "fr"]))
def test_idempotent(text: str, lang: str | None) -> None:
    once = normalize(text, lang=lang, quotes="auto")
    twice = normalize(once.text, lang=lang, quotes="auto")
    assert twice.text == once.text


@given(any_text)
def test_never_crashes_on_any_string(text: str) -> None:
    result = normalize(text)
    assert isinstance(result, Normalized)
    json.dumps(result.to_dict())


@given(newsy_text, st.sampled_from([None, "de", "en"]))
def test_every_removed_line_is_reported(text: str, lang: str | None) -> None:
    result = normalize(text, lang=lang, untranslated=False)
    source = result.boilerplate_input
    assert source is not None
    for removal in result.removed:
        assert source[removal.start : removal.end] == removal.text
    kept = list(source)
    for removal in sorted(result.removed, key=lambda r: r.start, reverse=True):
        del kept[removal.start : removal.end]
    assert _visible("".join(kept)) == _visible(result.text)


@given(newsy_text)
def test_flag_offsets_are_valid(text: str) -> None:
    result = normalize(text, lang="de", quotes="de")
    for flag in result.flags:
        assert 0 <= flag.start < flag.end <= len(result.text)
        assert result.text[flag.start : flag.end] == flag.token
        assert 0.0 <= flag.score <= 1.0


@pytest.mark.parametrize("quotes", ["auto", "de", "fr", "ascii"])
@pytest.mark.parametrize(
    "text",
    [
        'Ein Bild vom Hafen am Morgen. Foto: "dpa"',
        'Le maire a parlé devant la mairie. Photo: "AFP" / Reuters',
        'DerFoto:Der"auch:Der',
    ],
)
def test_a_credit_tail_with_quote_marks_goes_on_the_first_pass(text: str, quotes: str) -> None:
    # the boilerplate step decides on the text with its quotes normalized; a glued credit
    # whose own quote marks change must still be cut from the original text (it was kept
    # once, and cut by a second run over the output)
    once = normalize(text, quotes=quotes)
    assert [r.kind for r in once.removed] == ["tail"]
    assert normalize(once.text, quotes=quotes).text == once.text
