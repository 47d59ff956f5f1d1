"""Language detection: data-driven cases written for this project, plus properties."""

from __future__ import annotations

import pytest
from hypothesis import given

from newsnorm import LanguageGuess, detect_language
from newsnorm.langid import supported_languages
from tests.strategies import any_text, newsy_text

CASES = [
    (
        "de",
        "Der Bundestag hat am Freitag ein neues Gesetz beschlossen. Die Opposition "
        "kritisierte, dass die Regierung die Länder nicht gefragt habe.",
    ),
    (
        "en",
        "The city council voted on Tuesday to close the old bridge. Residents said "
        "they had not been told about the plan before the meeting.",
    ),
    (
        "fr",
        "Le conseil municipal a voté mardi la fermeture du vieux pont. Les habitants "
        "ont dit qu'ils n'avaient pas été informés avant la réunion.",
    ),
    (
        "es",
        "El ayuntamiento votó el martes el cierre del viejo puente. Los vecinos dijeron "
        "que no habían sido informados antes de la reunión.",
    ),
    (
        "it",
        "Il consiglio comunale ha votato martedì la chiusura del vecchio ponte. I residenti "
        "hanno detto che non erano stati informati prima della riunione.",
    ),
    (
        "nl",
        "De gemeenteraad heeft dinsdag gestemd om de oude brug te sluiten. Bewoners zeiden "
        "dat ze niet voor de vergadering over het plan waren geïnformeerd.",
    ),
    (
        "pl",
        "Rada miasta zagłosowała we wtorek za zamknięciem starego mostu. Mieszkańcy "
        "powiedzieli, że nie zostali o tym poinformowani przed posiedzeniem.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), CASES)
def test_detects_the_language(lang: str, text: str) -> None:
    guess = detect_language(text)
    assert guess.lang == lang
    assert 0.0 < guess.score <= 1.0


@pytest.mark.parametrize("text", ["", "12345 678", "OK", "Foto: dpa", "👍👍"])
def test_too_little_evidence_gives_none(text: str) -> None:
    assert detect_language(text) == LanguageGuess(None, 0.0)


def test_other_scripts_with_a_few_latin_words_give_none() -> None:
    text = (
        "Москва сообщила в понедельник, что переговоры продолжатся. " * 20
        + "Read more on the website of the agency."
    )
    assert detect_language(text).lang is None


def test_restricting_the_candidates() -> None:
    text = CASES[0][1]
    assert detect_language(text, languages=["en", "fr"]).lang in {"en", "fr", None}
    assert detect_language(text, languages=["de"]).lang == "de"


def test_supported_languages() -> None:
    assert {"de", "en", "fr", "es", "it", "nl"} <= set(supported_languages())


def test_rejects_non_str() -> None:
    with pytest.raises(TypeError, match="bytes"):
        detect_language(b"Der Bundestag")  # type: ignore[arg-type]


@given(newsy_text)
def test_never_crashes_and_score_in_range(text: str) -> None:
    guess = detect_language(text)
    assert guess.lang is None or guess.lang in supported_languages()
    assert 0.0 <= guess.score <= 1.0


@given(any_text)
def test_deterministic(text: str) -> None:
    assert detect_language(text) == detect_language(text)
