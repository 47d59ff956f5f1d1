"""Article text that opens like page furniture stays (sentences written for these tests).

Each case is a line of an article that begins with a word the phrase data knows as
furniture: the name field of a comment form, a picture credit, an agency. A lone
article line, a one-paragraph text and the same line inside a page all keep it.
"""

from __future__ import annotations

import pytest

from newsnorm.boilerplate import _is_credit_line, _lexicon, find_boilerplate, strip_boilerplate

BODY = (
    "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die alte "
    "Schule am Marktplatz zu sanieren.\n\n"
    "Die Kosten werden auf rund zwei Millionen Euro geschätzt, ein Teil soll aus "
    "Fördermitteln des Landes kommen.\n"
)

LOOKALIKES = [
    # a comment form's "Name *" field is the line "Name", not every line opening with it
    ("de", "Name und Herkunft des neuen Trainers will der Verein erst am Montag nennen."),
    (
        "de",
        "Name des Nachfolgers wird noch nicht verraten, auch zu den Inhalten schweigt der Sender.",
    ),
    ("en", "Name recognition helped the mayor more than any of her campaign promises did."),
    ("fr", "Nom de code de l'opération, la date de son lancement reste secrète pour l'instant."),
    ("it", "Nome e cognome del nuovo allenatore saranno comunicati dalla società lunedì."),
    ("nl", "Naam en woonplaats van de winnaar worden volgende week bekendgemaakt door de loterij."),
    ("es", "Nombre y apellidos del nuevo entrenador serán anunciados por el club el lunes."),
    # a headline that opens with "Fotos:" or "Video:" and goes on as a sentence
    ("de", "Fotos: Nach dem Sturm räumt die Stadt die Uferpromenade wieder auf"),
    ("de", "Fotos: Die Feuerwehr übt den Ernstfall am alten Bahnhof"),
    ("de", "Fotos: Gemeinde weiht nach langer Bauzeit die neue Brücke über den Fluss ein"),
]


@pytest.mark.parametrize(("lang", "line"), LOOKALIKES)
def test_a_lone_article_line_stays(lang: str, line: str) -> None:
    assert find_boilerplate(line, lang=lang) == []
    assert find_boilerplate(line) == []


@pytest.mark.parametrize(("lang", "line"), [c for c in LOOKALIKES if c[0] == "de"])
def test_the_line_stays_on_a_page(lang: str, line: str) -> None:
    text = line + "\n\n" + BODY
    assert strip_boilerplate(text, lang=lang) == text


@pytest.mark.parametrize(
    "line",
    [
        "Foto: Max Muster/dpa",
        "Foto: Archiv der Stadt",
        "Fotos: Anna Beispiel, Max Muster",
        "Bild: Mit freundlicher Genehmigung von Agentur/Max Muster",
        "© 2024 Die Beispielzeitung. Alle Rechte vorbehalten.",
    ],
)
def test_credit_lines_are_still_credit_lines(line: str) -> None:
    assert _is_credit_line(line, _lexicon("de"))


def test_the_comment_form_name_field_still_goes() -> None:
    form = "Schreibe einen Kommentar\nName *\nE-Mail *\nKommentar abschicken\n"
    text = BODY + "\n" + form
    assert strip_boilerplate(text, lang="de") == BODY


@pytest.mark.parametrize("tail", ["(APA/dpa, 8.8.2015)", "(AFP/Reuters)", "(dpa/lnw)"])
def test_agency_source_in_brackets_is_not_cut_in_half(tail: str) -> None:
    # an agency after a slash ends a caption ("… am Fluss / Reuters"); inside brackets
    # the slash joins the text's sources: the bracket is kept whole, never cut at "/"
    text = BODY.rstrip("\n") + "  " + tail + "\n"
    out = strip_boilerplate(text, lang="de")
    assert out.count("(") == out.count(")")
    assert out == text


def test_agency_after_a_slash_still_ends_a_caption() -> None:
    caption = "Die neue Brücke über den Fluss am Abend ihrer Eröffnung / Reuters"
    more = (
        "Die Bauarbeiten sollen im Frühjahr beginnen und gut zwei Jahre dauern, sagte der "
        "Bürgermeister am Rande der Sitzung.\n"
    )
    text = BODY + "\n" + caption + "\n\n" + more
    removed = find_boilerplate(text, lang="de")
    assert [(r.kind, r.text.strip()) for r in removed] == [("tail", "/ Reuters")]


def test_an_english_comment_form_with_required_marks_goes() -> None:
    body = (
        "The city council approved the new budget on Tuesday evening after a long and at "
        "times heated debate about the cost of repairing local schools.\n\n"
        "Officials said the repairs would cost far more than planned, and the treasurer "
        "warned that the city could not meet its obligations without new loans.\n"
    )
    form = "Leave a Reply\nName (required)\nEmail (required)\nWebsite\nPost Comment\n"
    assert strip_boilerplate(body + "\n" + form, lang="en") == body
    # an article sentence that opens with "Email" stays
    line = "Email records show that the treasurer warned the council twice before the vote."
    assert strip_boilerplate(body + "\n" + line + "\n", lang="en") == body + "\n" + line + "\n"
