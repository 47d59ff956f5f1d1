"""The boilerplate engine settles in few passes (each pass runs over the whole text)."""

from __future__ import annotations

import pytest

from newsnorm import boilerplate as bp

BODY = (
    "Der Winzer aus der Pfalz stellte am Montag seinen neuen Jahrgang vor, "
    "und die Kritiker lobten die frische Säure des Weins.\n\n"
    "Nach dem trockenen Sommer war die Ernte kleiner als im Vorjahr, "
    "sagte der Winzer, doch die Trauben seien gesund gewesen.\n\n"
    "Im Herbst will der Betrieb eine zweite Lage mit alten Reben bepflanzen, "
    "die er von einem Nachbarn übernommen hat.\n"
)


def _single_pass(text: str) -> list[bp.Removal]:
    return bp._find(text, "de", "balanced", True, True, {})


ROWS = [
    ("Rebsorte:", "Riesling"),
    ("Alkohol:", "zwölf Prozent"),
    ("Restzucker:", "trocken"),
    ("Verschluss:", "Naturkorken"),
    ("Ausbau:", "Holzfass"),
    ("Lage:", "Steillage am Fluss"),
    ("Boden:", "Schiefer"),
    ("Trinktemperatur:", "kühl"),
]


@pytest.mark.parametrize("pairs", [2, 4, 8])
def test_spec_rows_above_the_article_go_in_one_pass(pairs: int) -> None:
    # "Label:" / value rows of a fact box above the article: a list whose
    # announcing line goes is no list, so the rows go together, not one per pass
    rows = "".join(f"{label}\n{value}\n" for label, value in ROWS[:pairs])
    text = "Startseite\nWein\n\n" + rows + "\n" + BODY
    first = _single_pass(text)
    stripped = bp.apply_removals(text, first)
    assert _single_pass(stripped) == []
    assert stripped == bp.strip_boilerplate(text, lang="de")


def test_a_kept_announcing_line_keeps_its_list() -> None:
    text = (
        BODY
        + "\nDie Werte des Weins im Überblick, wie sie der Winzer angegeben hat:\n"
        + "Alkohol 12 Prozent\nRestzucker 3 Gramm\n\n"
        + BODY.replace("Montag", "Dienstag")
    )
    kept = bp.strip_boilerplate(text, lang="de")
    assert "Alkohol 12 Prozent\nRestzucker 3 Gramm" in kept
