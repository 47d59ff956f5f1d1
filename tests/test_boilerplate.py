"""Tests for newsnorm.boilerplate: cases written for these tests, seeds, properties, speed."""

from __future__ import annotations

import pickle
import time
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsnorm.boilerplate import (
    LEVELS,
    _arrow_row,
    apply_removals,
    find_boilerplate,
    strip_boilerplate,
)
from newsnorm.types import Removal
from tests.conftest import SEEDS
from tests.strategies import any_text, newsy_text

# --- building blocks for test pages (all sentences written for these tests) ---------------

ARTICLE_DE = [
    "Der Stadtrat hat am Dienstagabend nach langer Debatte den neuen Haushalt für das kommende "
    "Jahr beschlossen.",
    "Die Fraktionen stritten vor allem über die Kosten für die Sanierung der Schulen, die nach "
    "Angaben der Verwaltung deutlich höher ausfallen als geplant.",
    "Der Kämmerer sagte, ohne zusätzliche Kredite werde die Stadt ihre Aufgaben nicht erfüllen "
    "können, und warb um Zustimmung für einen Kompromiss.",
    "Am Ende stimmten 31 Mitglieder für den Entwurf, zwölf dagegen, drei enthielten sich.",
]
ARTICLE_EN = [
    "The city council approved the new budget on Tuesday evening after a long and at times "
    "heated debate about the cost of repairing local schools.",
    "Officials said the repairs would cost far more than planned, and the treasurer warned that "
    "the city could not meet its obligations without new loans.",
    "In the end, thirty-one members voted in favour of the draft, twelve against, and three "
    "abstained from the vote.",
]
MENU_DE = ["Zum Inhalt springen", "Startseite", "Politik", "Wirtschaft", "Sport", "Suche", "Menü"]
FOOTER_DE = ["Impressum", "Datenschutz", "Kontakt", "AGB", "© 2024 Musterverlag"]


def page(*blocks: list[str] | str) -> str:
    """Join blocks (a list is one block of lines) with blank lines between them."""
    return "\n\n".join(b if isinstance(b, str) else "\n".join(b) for b in blocks)


def removed_texts(text: str, **kw: object) -> list[str]:
    return [r.text for r in find_boilerplate(text, **kw)]  # type: ignore[arg-type]


# --- the seeds --------------------------------------------------------------------------


def test_seed_000_removals_and_reasons() -> None:
    text = (SEEDS / "000_af01204604cdb2da.txt").read_text(encoding="utf-8")
    removals = find_boilerplate(text, lang="de")
    by_text = {r.text.strip(): r for r in removals}
    for junk in ("zum Inhalt", "Lesen Sie auch:", "Kommentare", "Aktuelles"):
        assert junk in by_text, junk
    assert by_text["zum Inhalt"].reason == "skip link"
    assert by_text["Lesen Sie auch:"].reason == "teaser heading"
    assert by_text["Kommentare"].reason == "comment widget"
    headline = "Trump und Musk: Zwei, die sich mögen."
    copies = [r for r in removals if r.text == headline]
    assert len(copies) == 1
    assert copies[0].line == 3
    assert copies[0].reason == "duplicate headline"
    out = strip_boilerplate(text, lang="de")
    assert out.count(headline) == 1
    assert out.startswith(headline + "\n")
    # every sentence of the article stays, the subtitle and the subheading included
    for line in text.splitlines():
        if line.strip() and line.strip() not in by_text:
            assert line in out, line
    assert "Musk lässt Trump zwei Stunden reden." in out
    assert "Trump lobt Musk, und Musk lobt Trump" in out


def test_seed_003_only_the_stray_colon_goes() -> None:
    text = (SEEDS / "003_e12b06f26a82ec37.txt").read_text(encoding="utf-8")
    removals = find_boilerplate(text, lang="de")
    assert [(r.text, r.kind) for r in removals] == [(":", "line")]
    assert removals[0].reason == "stray punctuation"
    out = strip_boilerplate(text, lang="de")
    lines = [ln for ln in text.splitlines() if ln.strip() and ln.strip() != ":"]
    assert out.splitlines() == lines
    assert out.splitlines()[0].startswith("Der Milliardär sprach die Einladung aus")


# --- data-driven cases ------------------------------------------------------------------

REMOVED_CASES = [
    # (language, boilerplate line, expected reason)
    ("de", "Zum Inhalt springen", "skip link"),
    ("de", "Impressum", "footer link"),
    ("de", "Datenschutzerklärung", "footer link"),
    ("de", "Newsletter abonnieren", "newsletter/login"),
    ("de", "E-Paper", "newsletter/login"),
    ("de", "Teilen", "share buttons"),
    ("de", "WhatsApp", "share buttons"),
    ("de", "Lesedauer: 3 Minuten", "date/reading time"),
    ("de", "Aktualisiert am 12.03.2024, 14:22 Uhr", "date/reading time"),
    ("de", "Schreibe einen Kommentar", "comment widget"),
    ("de", "Name *", "comment widget"),
    ("de", "Das könnte Sie auch interessieren", "teaser heading"),
    ("de", "Meistgelesen", "teaser heading"),
    ("de", "Anzeige", "ad label"),
    ("de", "Foto: Max Mustermann/dpa", "credit"),
    (None, "Getty Images", "credit"),
    ("de", "12.03.2024", "date"),
    ("de", "Kommentare (12)", "comment widget"),
    ("en", "Skip to main content", "skip link"),
    ("en", "Privacy Policy", "footer link"),
    ("en", "Sign up for our newsletter", "newsletter/login"),
    ("en", "Share this article", "share buttons"),
    ("en", "Leave a Reply", "comment widget"),
    ("en", "You may also like", "teaser heading"),
    ("en", "Advertisement", "ad label"),
    ("en", "Photo: Jane Doe/Reuters", "credit"),
    ("fr", "Mentions légales", "footer link"),
    ("fr", "Lire aussi", "teaser heading"),
    ("es", "Aviso legal", "footer link"),
    ("es", "Noticias relacionadas", "teaser heading"),
    ("it", "Leggi anche", "teaser heading"),
    ("nl", "Lees ook", "teaser heading"),
    ("pl", "Czytaj także", "teaser heading"),
    ("de", "Von Max Mustermann und Erika Musterfrau", "byline"),
    ("en", "By Jane Doe", "byline"),
    ("de", "Jetzt den Newsletter abonnieren und nichts mehr verpassen!", "subscription prompt"),
    ("en", "Download the app now and never miss a story.", "subscription prompt"),
    ("de", "Über den Autor", "author box"),
    ("en", "Photo by Jane Doe on Unsplash", "credit"),
    (
        "de",
        "Wir verwenden Cookies. Bitte stimmen Sie zu oder widerrufen Sie.",
        "cookie/javascript notice",
    ),
    (
        "en",
        "Please enable JavaScript in your browser to see this content.",
        "cookie/javascript notice",
    ),
    (None, "Facebook", "share buttons"),
    (None, "Impressum Datenschutz Kontakt", "navigation"),
    (None, "Start | Magazin | Tipps | Reisen", "navigation"),
    (None, "0", "counter"),
    (None, ":", "stray punctuation"),
    # a WordPress meta line is long, but its three-word opening says what it is
    (
        "de",
        "Dieser Beitrag wurde veröffentlicht in Allgemein, Garten, Haus und Hof, Reisen und "
        "gekennzeichnet mit Beete, Frühling, Gemüse, Obst, Sommer, Urlaub. Lesezeichen setzen.",
        "date/reading time",
    ),
    ("de", "Autoreninfo", "author box"),
    ("de", "Artikel und Videos zum Thema", "teaser heading"),
    ("en", "Proudly powered by WordPress", "footer link"),
    ("en", "House rules", "comment widget"),
    ("en", "PDF version", "share buttons"),
    (
        "en",
        "Stay informed with the latest headlines in our app.",
        "subscription prompt",
    ),
    ("en", "Subscribers can log in here for full access to this story.", "subscription prompt"),
    ("es", "Suscríbete ahora y recibe gratis nuestro boletín.", "subscription prompt"),
    (
        "fr",
        "Abonnez-vous maintenant et recevez gratuitement notre newsletter.",
        "subscription prompt",
    ),
]


@pytest.mark.parametrize(("lang", "line", "reason"), REMOVED_CASES)
def test_boilerplate_line_is_removed_with_reason(lang: str | None, line: str, reason: str) -> None:
    body = ARTICLE_EN if lang in ("en", None) else ARTICLE_DE
    closing = (
        "Zum Schluss noch ein Absatz, der nach der Zeile steht und zeigt, dass der Text weitergeht."
    )
    text = page(body, [line], [closing])
    # the same line after the article, inside a page that has a clear body
    removals = find_boilerplate(text, lang=lang)
    hits = [r for r in removals if r.text == line]
    assert hits, removals
    assert hits[0].reason == reason
    assert line not in strip_boilerplate(text, lang=lang).splitlines()


KEPT_CASES = [
    # an article about cookies stays
    (
        "de",
        "Cookies sind kleine Textdateien, die Websites im Browser speichern. Datenschützer "
        "kritisieren seit Jahren, dass viele Seiten sie ohne echte Wahl der Nutzer setzen.",
    ),
    # a sentence that starts like a comment widget
    (
        "de",
        "Kommentare von Politikern aller Parteien fielen am Mittwoch ungewöhnlich scharf aus, "
        "nachdem die Zahlen bekannt geworden waren.",
    ),
    # a quote that contains a teaser phrase
    ("de", "„Lesen Sie auch das Kleingedruckte“, riet die Verbraucherschützerin den Kunden."),
    ("de", "Er sagte: Lesen Sie auch die Begründung, bevor Sie urteilen, das lohnt sich immer."),
    ("en", "Comments from lawmakers of both parties were unusually sharp on Wednesday."),
    ("en", "Readers were told to share the article with friends, the study found in May."),
    # an article sentence about a newsletter, with one prompt word only
    (
        "en",
        "The council newsletter, printed weekly since 1998, will close in June for lack of funds.",
    ),
    # a subheading between paragraphs
    ("de", "Was der Beschluss für Familien bedeutet"),
    # a caption without a credit
    ("de", "Der Bürgermeister bei der Sitzung am Dienstag."),
    # a two-word meta opening does not take a long sentence with it
    (
        "de",
        "Veröffentlicht wurde die Studie erst nach langem Streit zwischen den beteiligten "
        "Instituten, die sich über die Deutung der Zahlen nicht einigen konnten.",
    ),
]


@pytest.mark.parametrize(("lang", "line"), KEPT_CASES)
def test_article_lines_stay(lang: str, line: str) -> None:
    body = ARTICLE_EN if lang == "en" else ARTICLE_DE
    text = page(body[:2], [line], body[2:])
    assert strip_boilerplate(text, lang=lang) == text
    assert find_boilerplate(text, lang=lang) == []


@pytest.mark.parametrize("lang", ["de", "en", None, "xx"])
@pytest.mark.parametrize(
    "text",
    [
        page(ARTICLE_DE),
        page(ARTICLE_EN),
        ARTICLE_DE[0],
        "Kurz gemeldet: Die Brücke bleibt bis Freitag gesperrt.",
        page(["Haushalt beschlossen"], ARTICLE_DE),
        " ".join(ARTICLE_DE),
    ],
)
def test_clean_text_is_unchanged(text: str, lang: str | None) -> None:
    assert strip_boilerplate(text, lang=lang) == text
    assert find_boilerplate(text, lang=lang) == []


def test_full_page_de() -> None:
    text = page(
        MENU_DE,
        ["Haushalt beschlossen", "Haushalt beschlossen"],
        ["Lesedauer: 3 Minuten", "Teilen", "Drucken"],
        ARTICLE_DE[:2],
        ["Lesen Sie auch: Neue Brücke kostet doppelt so viel wie geplant"],
        ARTICLE_DE[2:],
        ["Mehr zum Thema", "Schulen: Sanierung verzögert sich", "Kita-Gebühren steigen 2025"],
        ["Kommentare", "Schreibe einen Kommentar", "Name *"],
        FOOTER_DE,
    )
    out = strip_boilerplate(text, lang="de")
    assert out == page(["Haushalt beschlossen"], ARTICLE_DE[:2], ARTICLE_DE[2:])
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons["Kita-Gebühren steigen 2025"] in ("teaser block", "page footer")
    assert reasons["Lesen Sie auch: Neue Brücke kostet doppelt so viel wie geplant"] == (
        "teaser link"
    )
    assert reasons["Haushalt beschlossen"] == "duplicate headline"


def test_headline_with_site_name_is_a_near_repeat() -> None:
    text = page(
        ["Haushalt beschlossen | Musterstadt Anzeiger"], ["Haushalt beschlossen"], ARTICLE_DE
    )
    removals = find_boilerplate(text, lang="de")
    assert [(r.line, r.reason) for r in removals] == [(1, "page title")]
    assert strip_boilerplate(text, lang="de") == page(["Haushalt beschlossen"], ARTICLE_DE)


def test_inline_teaser_link_does_not_eat_the_article() -> None:
    link = "Lesen Sie auch: Neue Brücke kostet doppelt so viel wie geplant"
    sub = "Was der Beschluss bedeutet"
    text = page(ARTICLE_DE[:2], [link], [sub], ARTICLE_DE[2:])
    removals = find_boilerplate(text, lang="de")
    assert [(r.text, r.reason) for r in removals] == [(link, "teaser link")]
    assert strip_boilerplate(text, lang="de") == page(ARTICLE_DE[:2], [sub], ARTICLE_DE[2:])


def test_announced_list_after_the_article_stays() -> None:
    items = ["12. Juni – Köln, Arena", "14. Juni – Hamburg, Stadtpark", "20. Juni – München"]
    text = page(ARTICLE_DE, ["Die Termine der Tour:", *items], FOOTER_DE)
    out = strip_boilerplate(text, lang="de")
    assert out == page(ARTICLE_DE, ["Die Termine der Tour:", *items])


def test_comments_after_the_article_go() -> None:
    comment = (
        "Ich finde die Entscheidung des Stadtrats völlig richtig, auch wenn die Kosten hoch sind "
        "und viele Bürger sich darüber ärgern werden."
    )
    text = page(ARTICLE_DE, ["3 Kommentare"], ["Anna M.", comment], ["Antworten"], FOOTER_DE)
    out = strip_boilerplate(text, lang="de")
    assert out == page(ARTICLE_DE)


def test_language_is_detected_and_unknown_languages_still_work() -> None:
    text = page(MENU_DE, ARTICLE_DE, FOOTER_DE)
    assert strip_boilerplate(text) == strip_boilerplate(text, lang="de") == page(ARTICLE_DE)
    # unknown language: the language-independent evidence still removes the menu blocks
    other = page(["Home", "Facebook", "Twitter", "|"], ARTICLE_DE, ["0", "RSS"])
    assert strip_boilerplate(other, lang="xx") == page(ARTICLE_DE)


def test_non_latin_article_survives_a_wrong_language() -> None:
    article = [
        "Городской совет во вторник вечером после долгих споров утвердил новый бюджет на "
        "следующий год.",
        "Больше всего депутаты спорили о расходах на ремонт школ, которые оказались выше, чем "
        "планировалось.",
    ]
    text = page(["Startseite", "Politik", "Facebook"], article, ["Impressum"])
    for lang in ("de", "pl", None):
        assert strip_boilerplate(text, lang=lang) == page(article)


@pytest.mark.parametrize("lang", ["DE", "de-CH", "de_AT", " de "])
def test_lang_codes_are_normalized(lang: str) -> None:
    text = page(ARTICLE_DE, ["Lesedauer: 3 Minuten"])
    assert strip_boilerplate(text, lang=lang) == page(ARTICLE_DE)


def test_glued_credit_is_cut_and_caption_kept() -> None:
    caption = "Der Kämmerer bei der Sitzung am Dienstag."
    for credit in (
        " Foto: Max Mustermann/dpa",
        " (Bild: Getty Images)",
        " © Reuters",
        " / Shutterstock",
        " | picture alliance",
    ):
        text = page(ARTICLE_DE[:2], [caption + credit], ARTICLE_DE[2:])
        removals = find_boilerplate(text, lang="de")
        assert len(removals) == 1
        r = removals[0]
        assert (r.kind, r.reason, r.text) == ("tail", "credit", credit)
        assert text[r.start : r.end] == credit
        assert strip_boilerplate(text, lang="de") == page(ARTICLE_DE[:2], [caption], ARTICLE_DE[2:])
        without = strip_boilerplate(text, lang="de", keep_captions=False)
        assert without == page(ARTICLE_DE[:2], ARTICLE_DE[2:])


def test_keep_headline_option() -> None:
    text = page(MENU_DE, ["Haushalt beschlossen"], ARTICLE_DE)
    assert strip_boilerplate(text, lang="de").startswith("Haushalt beschlossen\n")
    no_head = strip_boilerplate(text, lang="de", keep_headline=False)
    assert no_head == page(ARTICLE_DE)
    reasons = [r.reason for r in find_boilerplate(text, lang="de", keep_headline=False)]
    assert "headline" in reasons


def test_levels_order_removals() -> None:
    text = page(
        MENU_DE,
        ["Haushalt beschlossen"],
        ARTICLE_DE,
        ["Weitere Meldungen aus der Region", "Brücke gesperrt", "Neue Kita eröffnet"],
        ["Ein Blog über Politik und Verwaltung in unserer Stadt, geschrieben von Bürgern."],
        FOOTER_DE,
    )
    counts = [len(find_boilerplate(text, lang="de", level=level)) for level in LEVELS]
    assert counts == sorted(counts)
    for level in LEVELS:
        out = strip_boilerplate(text, lang="de", level=level)
        for sentence in ARTICLE_DE:
            assert sentence in out


def test_removal_records_match_the_text() -> None:
    text = page(MENU_DE, ["Titel der Meldung"], ARTICLE_DE, FOOTER_DE) + "\r\nDrucken\r\n"
    removals = find_boilerplate(text, lang="de")
    lines = text.splitlines()
    assert removals == sorted(removals, key=lambda r: r.start)
    for a, b in pairwise(removals):
        assert a.end <= b.start
    for r in removals:
        assert isinstance(r, Removal)
        assert text[r.start : r.end] == r.text
        if r.kind == "line":
            assert lines[r.line - 1] == r.text
        assert r.reason


def test_apply_removals_collapses_blank_lines() -> None:
    text = "\n\nMenü\n\nEin Satz, der bleibt.\n\n\nTeilen\n\n\nNoch ein Satz, der bleibt.\n\nAGB\n"
    removals = find_boilerplate(text, lang="de")
    assert [r.text for r in removals] == ["Menü", "Teilen", "AGB"]
    assert apply_removals(text, removals) == "Ein Satz, der bleibt.\n\nNoch ein Satz, der bleibt.\n"
    assert apply_removals(text, []) == text


@pytest.mark.parametrize(
    ("call", "exc"),
    [
        (lambda: strip_boilerplate(b"bytes"), TypeError),
        (lambda: strip_boilerplate(None), TypeError),
        (lambda: find_boilerplate(3), TypeError),
        (lambda: apply_removals(b"x", []), TypeError),
        (lambda: strip_boilerplate("x", lang=7), TypeError),
        (lambda: strip_boilerplate("x", level="extreme"), ValueError),
        (lambda: find_boilerplate("x", level=""), ValueError),
    ],
)
def test_bad_arguments(call: object, exc: type[Exception]) -> None:
    with pytest.raises(exc):
        call()  # type: ignore[operator]


def test_unsupported_language_is_not_an_error() -> None:
    assert strip_boilerplate("Menü\n\nEin Satz.", lang="tlh") == "Ein Satz."


def test_empty_and_whitespace() -> None:
    for text in ("", " ", "\n\n", "\t\r\n"):
        assert find_boilerplate(text) == []
        assert strip_boilerplate(text) == text


def test_functions_pickle() -> None:
    for func in (strip_boilerplate, find_boilerplate, apply_removals):
        assert pickle.loads(pickle.dumps(func)) is func
    r = find_boilerplate("Menü\nEin Satz.", lang="de")[0]
    assert pickle.loads(pickle.dumps(r)) == r


# --- properties -------------------------------------------------------------------------

_sentences = st.sampled_from(ARTICLE_DE + ARTICLE_EN)
_junk = st.sampled_from(
    MENU_DE
    + FOOTER_DE
    + ["Teilen", "Facebook", "0", "3", "Lesen Sie auch:", "Mehr zum Thema", "Kommentare"]
    + ["Foto: dpa", "Anzeige", "Brücke gesperrt", "Neue Kita eröffnet", "Haushalt beschlossen"]
)
_block = st.lists(st.one_of(_sentences, _junk), min_size=1, max_size=6).map("\n".join)
pages = st.lists(st.one_of(_block, newsy_text), min_size=1, max_size=8).map("\n\n".join)
_heads = st.lists(
    st.sampled_from(
        [
            "Haushalt beschlossen",
            "Stadtrat",
            "Was der Beschluss bedeutet",
            "Von Max Muster",
            "12.03.2024",
            "Lesedauer: 3 Minuten",
            "Teilen",
            "Der Kämmerer warnt vor Krediten.",
        ]
    ),
    max_size=5,
)
# realistic pages: menu, headline block, article (with inline junk), teasers, footer
full_pages = st.builds(
    lambda menu, head, body, tail: page(menu, head, body, tail),
    st.lists(st.sampled_from([*MENU_DE, "Facebook", "RSS", "|"]), min_size=1, max_size=8),
    _heads.filter(bool),
    st.lists(st.one_of(_sentences, _junk), min_size=1, max_size=8),
    st.lists(st.one_of(_junk, _sentences), max_size=8).map(lambda x: x or ["Impressum"]),
)
texts = st.one_of(any_text, newsy_text, pages, full_pages)
options = st.fixed_dictionaries(
    {
        "lang": st.sampled_from([None, "de", "en", "fr", "xx"]),
        "level": st.sampled_from(LEVELS),
        "keep_headline": st.booleans(),
        "keep_captions": st.booleans(),
    }
)


@given(texts, options)
def test_never_raises_and_reports_consistently(text: str, kw: dict[str, object]) -> None:
    removals = find_boilerplate(text, **kw)  # type: ignore[arg-type]
    last_end = -1
    for r in removals:
        assert r.start >= last_end
        assert text[r.start : r.end] == r.text
        last_end = r.end
    out = strip_boilerplate(text, **kw)  # type: ignore[arg-type]
    assert out == apply_removals(text, removals)


@given(texts, options)
def test_every_vanished_character_is_reported(text: str, kw: dict[str, object]) -> None:
    removals = find_boilerplate(text, **kw)  # type: ignore[arg-type]
    out = strip_boilerplate(text, **kw)  # type: ignore[arg-type]
    covered = [False] * len(text)
    for r in removals:
        for k in range(r.start, r.end):
            covered[k] = True
    kept_chars = "".join(ch for ch, cov in zip(text, covered, strict=True) if not cov)
    # what is left is the text minus the removals, up to white space
    assert "".join(out.split()) == "".join(kept_chars.split())


@given(texts, options)
def test_idempotent(text: str, kw: dict[str, object]) -> None:
    once = strip_boilerplate(text, **kw)  # type: ignore[arg-type]
    assert strip_boilerplate(once, **kw) == once  # type: ignore[arg-type]


@given(st.lists(_sentences, min_size=1, max_size=6))
def test_clean_paragraphs_unchanged(paragraphs: list[str]) -> None:
    # distinct paragraphs: a repeated paragraph is boilerplate by design
    text = "\n\n".join(dict.fromkeys(paragraphs))
    assert strip_boilerplate(text) == text


# --- speed ------------------------------------------------------------------------------


def _seconds_per_mb(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        strip_boilerplate(text, lang="de")
        best = min(best, time.perf_counter() - t0)
    return best / (len(text) / 1e6)


def _scaled(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize(
    "unit",
    [
        page(MENU_DE, ["Haushalt beschlossen"], ARTICLE_DE, FOOTER_DE) + "\n\n",
        # hostile: one endless line, credit keywords and separators with no end
        "Bild: a/b " * 3 + "Foto: x | y · z © ",
        "....... !!!! ???? :::: " * 5,
        "Menü\nab cd\n" * 20,
        "Lesen Sie auch " * 20 + "\n",
    ],
)
def test_linear_time(unit: str) -> None:
    small = _scaled(unit, 100_000)
    large = _scaled(unit, 1_000_000)
    per_mb_small = _seconds_per_mb(small, runs=3)
    per_mb_large = _seconds_per_mb(large, runs=1)
    assert per_mb_large < 4 * per_mb_small + 0.05


def test_numbered_list_after_the_body_stays() -> None:
    items: list[str] = []
    for n, name in enumerate(["Ein Brettspiel", "Eine Kamera", "Ein Fahrrad", "Ein Zelt"], 1):
        items.extend([f"{n}) {name} für die ganze Familie", f"https://example.org/p{n}", ""])
    text = page(ARTICLE_DE, "\n".join(items).strip(), FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    # every item stays, and so do the links between the items
    for line in items[:-2]:
        if line:
            assert line in out
    assert "Impressum" not in out


def test_numbers_out_of_order_are_no_list() -> None:
    # "3) … 1) … 7)": no run of consecutive numbers, so no list protects these lines
    lines = ["3) Zum Sport", "1) Zur Politik", "7) Zum Wetter"]
    text = page(ARTICLE_DE, lines, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert not any(line in out for line in lines)


MORE_DE = [
    "Für den Teig die Butter mit dem Zucker schaumig rühren und die Eier nach und nach "
    "unterrühren.",
    "Mehl und Backpulver mischen, unter den Teig heben und alles auf dem Blech verteilen.",
    "Den Kuchen etwa 25 Minuten backen, bis er goldbraun ist, und danach gut auskühlen lassen.",
]


def test_prose_after_a_share_row_and_a_table_stays() -> None:
    table = ["Zutaten", "300 g Butter", "200 g Zucker", "6 Eier", "350 g Mehl"]
    text = page(ARTICLE_DE, ["Teilen", "Drucken"], table, MORE_DE, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    for line in MORE_DE:
        assert line in out
    assert "Impressum" not in out


def test_prose_after_a_teaser_heading_goes() -> None:
    text = page(ARTICLE_DE, ["Teilen", "Drucken"], ["Das könnte Sie auch interessieren"], MORE_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert not any(line in out for line in MORE_DE)


WRAPPED_EN = [
    "The council met on Tuesday to discuss the state of the old bridge over",
    "the river, which engineers say has been closed to lorries for three",
    "years because its steel frame is rusting faster than anyone expected.",
    "Repairs are planned for next spring.",
]


def test_hard_wrapped_paragraph_is_prose() -> None:
    # each line alone is short and has no final punctuation; together they are a paragraph
    text = page(ARTICLE_EN, ["Share this", "Tweet"], WRAPPED_EN, ["Privacy Policy", "Imprint"])
    out = strip_boilerplate(text, lang="en").splitlines()
    assert out == [*ARTICLE_EN, "", *WRAPPED_EN]


def test_block_of_headlines_is_not_a_wrapped_paragraph() -> None:
    headlines = [
        "Council Approves New Budget After Long Debate On Schools",
        "Storm Closes Three Roads In The North Of The County",
        "Local Team Wins Cup Final For The First Time In Years",
    ]
    text = page(ARTICLE_EN, ["You may also like"], headlines)
    out = strip_boilerplate(text, lang="en").splitlines()
    assert not any(h in out for h in headlines)


BIO_DE = (
    "Erika Muster leitet das Ressort Wirtschaft. Sie studierte Volkswirtschaft in Köln und "
    "schreibt seit zehn Jahren über Energie."
)


def test_author_box_heading_takes_the_bio_under_it() -> None:
    # the author box stands above the article, apart from it (a link row between)
    text = page(["Über die Autorin"], [BIO_DE], ["Zur Artikelübersicht", "Teilen"], ARTICLE_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons["Über die Autorin"] == "author box"
    assert reasons[BIO_DE] == "author box"
    assert strip_boilerplate(text, lang="de").splitlines() == ARTICLE_DE


def test_name_line_and_bio_above_the_body_go() -> None:
    text = page(["Erika Muster"], [BIO_DE], ["Zur Artikelübersicht", "Teilen"], ARTICLE_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons["Erika Muster"] == reasons[BIO_DE] == "author box"


def test_name_and_sentence_inside_the_body_stay() -> None:
    name = "Erika Muster"
    sentence = (
        "Erika Muster sagte, die Stadt müsse jetzt handeln, und forderte mehr Geld für die "
        "Schulen im Norden."
    )
    text = page(ARTICLE_DE[:2], [name], [sentence], ARTICLE_DE[2:])
    assert strip_boilerplate(text, lang="de") == text


def test_script_shortcuts_agree_with_the_patterns() -> None:
    from newsnorm import boilerplate as bp

    assert not any(bp._CJK.match(chr(c)) for c in range(ord(bp._CJK_FIRST)))
    assert bp._CJK.match(bp._CJK_FIRST)
    low = {chr(c) for c in range(ord(bp._LATIN_END)) if bp._NON_LATIN.match(chr(c))}
    assert low == set(bp._NON_LATIN_LOW)


def test_article_goes_on_after_a_small_see_also_box() -> None:
    box = ["Lesen Sie auch", "Schulen: Sanierung verzögert sich"]
    text = page(ARTICLE_DE, ["Teilen"], box, MORE_DE, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    for line in MORE_DE:
        assert line in out
    assert not any(line in out for line in box)
    assert "Impressum" not in out


ARTICLE_FR = [
    "Le conseil municipal a adopté mardi soir le nouveau budget après un long débat sur le coût "
    "de la rénovation des écoles.",
    "Selon la mairie, les travaux coûteront bien plus cher que prévu, et le trésorier a averti "
    "que la ville devrait emprunter.",
    "Au final, trente et un élus ont voté pour le projet, douze contre, et trois se sont "
    "abstenus lors du vote.",
    "Les travaux doivent commencer au printemps prochain et durer au moins deux ans, a précisé "
    "le maire.",
]


@pytest.mark.parametrize(("lang", "label"), [("fr", "Publicité"), ("es", "Publicidad")])
def test_ad_label_inside_the_article_does_not_end_it(lang: str, label: str) -> None:
    text = page(ARTICLE_FR[:2], [label], ARTICLE_FR[2:])
    removals = find_boilerplate(text, lang=lang)
    assert [(r.text, r.reason) for r in removals] == [(label, "ad label")]


def test_numbered_contents_without_spaces_stay() -> None:
    toc = ["1.Was der Rat beschlossen hat", "2.Was die Schulen bekommen", "3.Wie es weitergeht"]
    text = page(MENU_DE, ["Inhaltsverzeichnis"], toc, ARTICLE_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in toc)


def _spans_by_splitlines(text: str) -> list[tuple[int, int, int]]:
    from newsnorm._lines import LINE_BREAKS

    spans: list[tuple[int, int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        nxt = pos + len(line)
        end = nxt - 2 if line.endswith("\r\n") else (nxt - 1 if line[-1] in LINE_BREAKS else nxt)
        spans.append((pos, end, nxt))
        pos = nxt
    return spans or [(0, 0, 0)]


@given(st.text(alphabet="ab \n\r\u2028", max_size=12) | any_text)
def test_line_spans_match_splitlines(text: str) -> None:
    from newsnorm._lines import split_lines

    assert split_lines(text) == _spans_by_splitlines(text)


def test_video_placeholder_inside_the_article_does_not_end_it() -> None:
    notice = "Aktivieren Sie JavaScript, um das Video zu sehen."
    text = page(ARTICLE_DE, [notice], MORE_DE, FOOTER_DE)
    removals = find_boilerplate(text, lang="de")
    assert (notice, "cookie/javascript notice") in [(r.text, r.reason) for r in removals]
    out = strip_boilerplate(text, lang="de").splitlines()
    for line in [*ARTICLE_DE, *MORE_DE]:
        assert line in out


def test_closing_author_box_goes() -> None:
    byline = ["Von Erika Muster", "12.03.2024"]
    bio = "Leitet das Ressort Wirtschaft und schreibt seit zehn Jahren über Energie und Verkehr."
    text = page(MENU_DE, byline, ARTICLE_DE, MORE_DE, ["Erika Muster"], [bio], FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons["Erika Muster"] == reasons[bio] == "author box"
    out = strip_boilerplate(text, lang="de").splitlines()
    assert out[-1] == MORE_DE[-1]


def test_closing_subheading_and_paragraph_stay() -> None:
    # a last subheading is no name (and a name said nowhere else opens no author box)
    closing = "Die Arbeiten sollen im Frühjahr beginnen und mindestens zwei Jahre dauern."
    for heading in ("Wie es weitergeht", "Erika Muster"):
        text = page(ARTICLE_DE, MORE_DE, [heading], [closing], FOOTER_DE)
        out = strip_boilerplate(text, lang="de").splitlines()
        assert out[-3:] == [heading, "", closing]


@pytest.mark.parametrize(("lang", "word"), [("de", "Hilfe"), ("de", "Jobs"), ("en", "Help")])
def test_menu_word_that_is_also_a_footer_link_does_not_end_the_article(
    lang: str, word: str
) -> None:
    # a section name of the top menu as a subheading: neither removed nor an end of the article
    article = ARTICLE_DE if lang == "de" else ARTICLE_EN
    text = page(article[:2], [word], article[2:])
    assert strip_boilerplate(text, lang=lang) == text


LONG_DE = [
    "Nach der Abstimmung erklärte die Bürgermeisterin vor der Presse, dass die Stadt mit dem "
    "neuen Haushalt zum ersten Mal seit Jahren wieder in ihre Schulen investieren könne, und "
    "sie kündigte an, dass die ersten Aufträge für die Sanierung der Turnhallen und der "
    "Toiletten noch vor den Sommerferien vergeben werden sollen, damit die Arbeiten rechtzeitig "
    "beginnen.",
    "Die Opposition hielt dagegen, dass die Stadt sich mit den neuen Krediten für viele Jahre "
    "binde und dass die Zinsen schon bald einen großen Teil des Haushalts auffressen würden; "
    "ihr Sprecher verlangte deshalb, zuerst einen Plan vorzulegen, welche Schulen wann an die "
    "Reihe kommen und was die einzelnen Projekte am Ende wirklich kosten werden.",
]


def test_two_long_paragraphs_after_a_table_resume_the_article() -> None:
    table = ["Ergebnis", "Ja 31", "Nein 12", "Enthaltung 3"]
    text = page(ARTICLE_DE, ["Teilen", "Drucken"], table, LONG_DE, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    for line in LONG_DE:
        assert line in out
    assert "Impressum" not in out
    # two short paragraphs are not enough
    text = page(ARTICLE_DE, ["Teilen", "Drucken"], table, MORE_DE[:2], FOOTER_DE)
    assert not any(line in strip_boilerplate(text, lang="de") for line in MORE_DE[:2])


DISCLAIMER_EN = [
    "The content of this website is provided for informational purposes only and does not "
    "constitute medical advice; always ask your doctor before you change your diet or training.",
    "Individual results may vary with age, starting weight, effort and many other factors that "
    "nobody can control, and the stories shown here are not typical of every customer.",
    "These products are not intended to diagnose, treat, cure or prevent any disease, and their "
    "labels list every ingredient together with the amount in a single serving of the mix.",
    "© 2024 Example Fitness Company. All rights reserved. Example Fitness and the Example logo "
    "are registered trademarks of Example Fitness Company in the United States and elsewhere.",
    "Phone and tablet names are trademarks of their respective owners, who neither sponsor nor "
    "endorse this service, and the use of a name implies no relation between the companies.",
]


def test_legal_text_at_the_page_foot_is_not_the_body() -> None:
    # the disclaimer weighs more than the article, which comes first
    text = page(["Skip to content", "Home", "Blog"], ARTICLE_EN, ["Share", "Facebook"])
    text = page(text, DISCLAIMER_EN, ["Privacy Policy", "Terms of Use"])
    out = strip_boilerplate(text, lang="en").splitlines()
    for line in ARTICLE_EN:
        assert line in out
    for line in DISCLAIMER_EN:
        assert line not in out
    # alone on the page, the same text is what the page is: it stays
    assert strip_boilerplate(page(DISCLAIMER_EN), lang="en") == page(DISCLAIMER_EN)


def test_article_about_trademarks_is_unchanged() -> None:
    text = page(
        [
            "The court ruled on Monday that the brewery may keep its name, ending a dispute over "
            "a registered trademark that had dragged on for almost six years.",
            "The rival company had argued that customers would confuse the two beers, but the "
            "judges found that the labels, colours and bottles looked nothing alike.",
            *ARTICLE_EN,
        ]
    )
    assert strip_boilerplate(text, lang="en") == text


def test_plan_of_short_steps_after_a_short_intro_stays() -> None:
    intro = [
        "This week's plan keeps every meal simple, so you can cook most of it on Sunday and "
        "spend the rest of the week doing something more enjoyable than shopping.",
    ]
    plan: list[str] = []
    for day, dish in (
        ("Monday", "a bowl of oats with apple slices, cinnamon and a spoon of chopped walnuts"),
        ("Tuesday", "lentil soup with carrots and celery, served with a slice of rye bread"),
        ("Wednesday", "baked salmon with lemon, boiled potatoes and a large green salad"),
        ("Thursday", "a vegetable omelette with peppers, onions and a little grated cheese"),
    ):
        plan += [
            f"Breakfast on {day}",
            "Eat within an hour of waking",
            f"Cook {dish}, and keep the leftovers in the fridge for the next day.",
            "Snack",
            "One piece of fruit",
        ]
    text = page(
        ["Skip to content", "Home", "Recipes"], intro, *plan, ["Share", "Facebook", "Pinterest"]
    )
    text = page(text, ["Related Articles", "Five quick dinners", "Ten minute lunches"], FOOTER_DE)
    out = strip_boilerplate(text, lang="en").splitlines()
    for line in plan:
        assert line in out, line
    for junk in ("Skip to content", "Related Articles", "Five quick dinners", "Impressum"):
        assert junk not in out


def test_affiliate_disclosure_opening_a_long_line_goes() -> None:
    note = (
        "Für Links auf dieser Seite erhält die Redaktion unter Umständen eine kleine Provision "
        "vom Händler, der Preis für Sie bleibt gleich."
    )
    text = page(MENU_DE, [note], ARTICLE_DE, FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons[note] == "ad label"
    # the same words inside a sentence of the article are no label
    quoted = page(
        [
            "Der Verlag schreibt, für Links auf dieser Seite erhalte er eine Provision, und "
            "Verbraucherschützer halten diesen Hinweis für zu klein gedruckt.",
            *ARTICLE_DE,
        ]
    )
    assert strip_boilerplate(quoted, lang="de") == quoted


def test_credit_ending_in_a_full_stop_is_cut_from_the_caption() -> None:
    caption = "El alcalde durante la inauguración del puente. Foto: Archivo Diario Ejemplo."
    text = page(["Inicio", "Política"], [caption], ARTICLE_EN)
    out = strip_boilerplate(text, lang="es").splitlines()
    assert "El alcalde durante la inauguración del puente." in out
    assert caption not in out
    # lower-case words after the colon make a sentence, not a credit; and the
    # words after "Copyright" without a colon are no credit either
    for kept in (
        "The mayor held up the old print. On the back of the photo: a date and a name.",
        "She registered the song with the national Copyright Office.",
    ):
        one = page([kept], ARTICLE_EN)
        assert strip_boilerplate(one, lang="en") == one


def test_glued_recipe_buttons_and_search_box_go() -> None:
    text = page(["Jump to RecipePrint Recipe"], ARTICLE_EN, ["Search for articles and topics"])
    removed = removed_texts(text, lang="en")
    assert "Jump to RecipePrint Recipe" in removed
    assert "Search for articles and topics" in removed
    assert strip_boilerplate(text, lang="en") == "\n\n".join(["\n".join(ARTICLE_EN)])


def test_slash_separated_tag_row_goes_but_not_a_credit_or_a_date() -> None:
    row = "Gardening / Spring bulbs / Home and garden"
    text = page(ARTICLE_EN, [row])
    assert find_boilerplate(text, lang="en")[-1].text == row
    assert find_boilerplate(text, lang="en")[-1].reason == "navigation"
    # a credit with slashes keeps its reason; a date with slashes is no tag row;
    # a part of four words or a sentence makes it text
    assert {
        r.reason
        for r in find_boilerplate(
            page(ARTICLE_EN, ["© Max Muster / Agentur / Bildarchiv"]), lang="en"
        )
    } == {"credit"}
    for kept in (
        "Beach Lodge / perfect for the sunset / open daily",
        "Lisbon / Porto / Faro.",
    ):
        one = page([*ARTICLE_EN, kept])
        assert strip_boilerplate(one, lang="en") == one, kept


# German content kept


SPECS_DE = [
    "Leistung: 150 PS",
    "Verbrauch: 5,4 Liter",
    "Länge: 4,52 Meter",
    "Kofferraum: 480 Liter",
    "Preis: ab 32.900 Euro",
]


def test_a_data_table_after_the_article_stays() -> None:
    # "Label: value" rows, one a line, after a short heading: the article's data
    text = page(MENU_DE, ARTICLE_DE, ["Die Daten im Überblick"], SPECS_DE, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    for row in SPECS_DE:
        assert row in out, row
    for junk in ("Startseite", "Impressum", "Datenschutz"):
        assert junk not in out


def test_kicker_teasers_and_menu_entries_are_no_data_table() -> None:
    # a long value is a headline with its kicker; a few such entries in a menu are links
    teasers = [
        "Bundestag: Die Abgeordneten streiten weiter über das neue Heizungsgesetz",
        "Fußball: Der Trainer des Tabellenführers verlängert seinen Vertrag bis 2027",
        "Wetter: Nach dem Sturm kommt am Wochenende der erste Frost in die Region",
    ]
    text = page(ARTICLE_DE, ["Meistgelesen", *teasers], FOOTER_DE)
    out = strip_boilerplate(text, lang="de")
    for t in teasers:
        assert t not in out
    menu = ["Politik", "Serie: Alte Höfe", "Serie: Neue Wege", "Serie: Unser Dorf", *MENU_DE]
    text = page(ARTICLE_DE, menu, FOOTER_DE)
    out = strip_boilerplate(text, lang="de")
    assert "Serie: Neue Wege" not in out


def test_a_field_named_name_is_no_comment_form() -> None:
    # "Name *" in a data file is the required-field label of a comment form, not a prefix
    rows = ["Name: Erika Muster", "Verein: TSV Musterstadt", "Alter: 34 Jahre", "Ort: Musterstadt"]
    text = page(MENU_DE, ARTICLE_DE, ["Die Siegerin"], rows, FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert "Name: Erika Muster" not in reasons
    form = page(ARTICLE_DE, ["Schreibe einen Kommentar", "Name *", "E-Mail *", "Website"])
    reasons = {r.text: r.reason for r in find_boilerplate(form, lang="de")}
    assert reasons["Name *"] == "comment widget"


def test_a_temperature_or_a_model_name_is_no_copyright_line() -> None:
    # "(c)*" keys as the one letter "c": it must not open "C-Klasse" or end "8 °C"
    for line in ("8 °C", "C-Klasse"):
        text = page(ARTICLE_DE[:2], [line], ARTICLE_DE[2:])
        assert all(r.reason != "footer link" for r in find_boilerplate(text, lang="de")), line


def test_the_text_of_an_ad_under_its_label_goes() -> None:
    ad = [
        "Anzeige",
        "JETZT! Der neue Kombi im Leasing für 199 Euro im Monat [sofort verfügbar]",
        "NUR HEUTE! Der kleine Stadtflitzer im Abo für 249 Euro im Monat [inklusive]",
        "ANGEBOT! Der große Geländewagen im Leasing für 399 Euro im Monat [Vorführwagen]",
    ]
    share = ["Auf Facebook teilen", "Als E-Mail senden", "E-Mail senden"]
    text = page(MENU_DE, ARTICLE_DE, share, ad, FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons["E-Mail senden"] == reasons["Als E-Mail senden"] == "share buttons"
    for line in ad[1:]:
        assert reasons[line] == "ad", line
    # the label inside a menu row does not turn the menu links into ads
    menu = ["Anzeigen", "Immobilien", "Stellenmarkt", "Trauer"]
    text = page(ARTICLE_DE, menu, FOOTER_DE)
    assert all(r.reason != "ad" for r in find_boilerplate(text, lang="de"))


def test_a_data_table_with_an_empty_or_a_repeated_row_stays() -> None:
    rows = [
        "Objektiv: Tele",
        "Blende:",
        "Belichtung: 30 x 2 Minuten",
        "Filter: keiner",
        "Ort: Am See",
    ]
    text = page(
        MENU_DE,
        ["Filter: keiner"],
        ARTICLE_DE,
        ["Zur Aufnahme"],
        rows,
        ["Ähnliche Themen"],
        FOOTER_DE,
    )
    out = strip_boilerplate(text, lang="de").splitlines()
    for row in ("Objektiv: Tele", "Belichtung: 30 x 2 Minuten", "Ort: Am See"):
        assert row in out, row
    assert "Ähnliche Themen" not in out


# German content kept


def test_numbered_steps_after_an_ingredient_table_stay() -> None:
    steps = [
        "1.",
        "",
        "Die Kartoffeln schälen, in grobe Stücke schneiden und in reichlich Salzwasser etwa "
        "zwanzig Minuten weich kochen.",
        "",
        "2.",
        "",
        "Die Milch mit der Butter erwärmen, zu den abgegossenen Kartoffeln geben und alles mit "
        "einem Stampfer zu einem lockeren Püree verarbeiten.",
    ]
    text = page(
        MENU_DE,
        ARTICLE_DE,
        ["Teilen", "Drucken"],
        ["Zutaten", "800 g Kartoffeln", "200 ml Milch", "1 EL Butter", "Salz"],
        ["Zubereitung"],
        "\n".join(steps),
        ["Ähnliche Rezepte", "Kartoffelsalat mit Gurke", "Bratkartoffeln vom Blech"],
        FOOTER_DE,
    )
    out = strip_boilerplate(text, lang="de").splitlines()
    for line in ("1.", "2.", steps[2], steps[6]):
        assert line in out, line
    assert "Kartoffelsalat mit Gurke" not in out
    assert "Impressum" not in out
    # one bare number over a paragraph is no run of steps: a counter stays a counter
    single = page(ARTICLE_DE, ["Teilen"], "1.", ARTICLE_DE[0][:60] + " und mehr.", FOOTER_DE)
    assert "1." not in strip_boilerplate(single, lang="de").splitlines()


def test_a_sign_off_under_the_last_paragraph_stays() -> None:
    for signoff in ("Eure Lena", "Liebe Grüße, Lena", "Bis bald, Die Redaktion"):
        text = page(MENU_DE, ARTICLE_DE, signoff, ["Teilen", "Drucken"], FOOTER_DE)
        out = strip_boilerplate(text, lang="de").splitlines()
        assert signoff in out, signoff
        assert "Teilen" not in out
    # under an announcement it is the box it announces, not a sign-off
    box = ["Dein Wochenplan", "Dein Wochenplan als PDF", "Jetzt bestellen"]
    text = page(MENU_DE, [*ARTICLE_DE, "Unser Angebot für Sie:"], box, FOOTER_DE)
    assert "Dein Wochenplan" not in strip_boilerplate(text, lang="de").splitlines()


def test_the_sub_items_of_a_numbered_outline_stay_with_it() -> None:
    outline = [
        "Inhalt",
        "1. Warum der Garten Wasser braucht",
        "2. Regenwasser sammeln",
        "2.1 Die Tonne am Fallrohr",
        "2.2 Die Zisterne unter dem Rasen",
        "2.3 Der Teich als Speicher",
        "2.4 Der Filter vor der Pumpe",
        "3. Sparsam gießen",
        "3.1 Am Morgen statt am Mittag",
        "4. Fazit",
    ]
    text = page(MENU_DE, outline, ARTICLE_DE, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    for line in outline[1:]:
        assert line in out, line


# German boilerplate removed


def test_an_arrow_breadcrumb_goes_a_comparison_or_a_quotation_stays() -> None:
    crumbs = ["Musterblatt > Kultur > Kino >", "Start » Region » Neues Rathaus eröffnet"]
    assert _arrow_row(crumbs[0])
    assert _arrow_row(crumbs[1])
    text = page(MENU_DE, crumbs[0], crumbs[1], ARTICLE_DE, FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons[crumbs[0]] == reasons[crumbs[1]] == "navigation"
    # a comparison, a quotation in guillemets, a line with one arrow: no breadcrumb
    assert not _arrow_row("Der Wert stieg von 3 > 2 > 1 auf null.")
    assert not _arrow_row("Er sprach von « Kultur » und von « Kino » und « Theater »")
    assert not _arrow_row("Start > Politik")
    assert not _arrow_row("Im Jahr war der Preis hoch, sehr hoch. > Nachfrage > Angebot")
    quoted = "Sie nannte das » Erfolg « und » Wende « zugleich, wie sie später im Interview sagte."
    text = page(MENU_DE, ARTICLE_DE[:2], quoted, ARTICLE_DE[2:], FOOTER_DE)
    assert quoted in strip_boilerplate(text, lang="de").splitlines()


def test_a_paywall_or_donation_prompt_after_the_article_goes() -> None:
    prompts = [
        "Möchten Sie weiterlesen?",
        "Ja, ich bin Abonnent.",
        "Anmelden",
        "Ja, ich benötige ein Abo.",
        "Abo-Angebote",
    ]
    appeal = [
        "Ihr Beitrag hilft, dass wir weiter unabhängig und kostenlos aus der Stadt berichten.",
        "Anderer Betrag",
    ]
    text = page(MENU_DE, ARTICLE_DE, prompts, appeal, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    for line in ARTICLE_DE:
        assert line in out
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    for line in prompts + appeal:
        assert line not in out, line
        assert reasons[line] == "newsletter/login", line
    # the same words inside a sentence of the article stay
    sentence = "Die Stiftung sagte, jede kleine Spende sei willkommen, und dankte allen Helfern."
    text = page(MENU_DE, ARTICLE_DE[:2], sentence, ARTICLE_DE[2:], FOOTER_DE)
    assert sentence in strip_boilerplate(text, lang="de").splitlines()


def test_a_bio_that_says_since_when_the_author_writes_goes() -> None:
    bio = [
        "Erika Muster",
        "Redakteurin für Stadtpolitik",
        "Schreibt seit 2015 für das Musterblatt. Interessiert sich für Verkehr und Wohnen.",
    ]
    text = page(MENU_DE, ARTICLE_DE, bio, FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons[bio[2]] == "author box"
    assert all(line in strip_boilerplate(text, lang="de") for line in ARTICLE_DE)


# German content kept (round 8)


def test_a_sentence_broken_over_short_lines_above_the_article_stays() -> None:
    # a holiday flat's notes, one sentence broken over three short lines
    notes = [
        "Haustiere sind auf Anfrage",
        "gern gesehen, solange sie nicht",
        "auf die Sofas im Wohnzimmer springen.",
    ]
    text = page(MENU_DE, notes, ARTICLE_DE, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    for line in notes + ARTICLE_DE:
        assert line in out, line


def test_short_lines_that_end_no_sentence_are_no_sentence() -> None:
    # comment links and a truncated teaser go on in lower case but end no sentence
    links = [
        "Erika zu Herbst im Garten",
        "max zu Urlaub an der Küste…",
        "jana zu Brot backen mit Kindern",
    ]
    text = page(MENU_DE, links, ARTICLE_DE, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    for line in links:
        assert line not in out, line


# German boilerplate removed (round 7)


def test_a_licence_note_under_the_article_goes() -> None:
    note = (
        "Texte auf dieser Website stehen unter einer Creative Commons Lizenz, soweit nicht "
        "anders angegeben; für Fotos und Grafiken gelten die jeweils genannten Rechte."
    )
    text = page(MENU_DE, ARTICLE_DE, note, FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons[note] == "licence note"
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in ARTICLE_DE)
    # the same in English, one sentence
    note_en = "This work is licensed under a Creative Commons Attribution 4.0 License."
    text = page(["Skip to content", "Home"], ARTICLE_EN, note_en, ["Privacy policy"])
    assert note_en not in strip_boilerplate(text, lang="en")


def test_an_article_about_a_licence_and_a_source_note_stay() -> None:
    # a licence named inside a sentence, and a note that credits where the text first
    # appeared, are no licence notes
    about = (
        "Der Verlag erklärte, dieser Text stehe künftig unter einer freien Lizenz, damit "
        "Schulen ihn ohne Kosten im Unterricht verwenden können."
    )
    source = "Dieser Text erschien zuerst in der Wochenendausgabe des Musterblatts."
    text = page(MENU_DE, ARTICLE_DE[:2], about, ARTICLE_DE[2:], source, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert about in out
    assert source in out


def test_an_affiliate_update_line_goes() -> None:
    note = (
        "Letzte Aktualisierung am 3.04.2024 / Affiliate Links / Bilder von der "
        "Programmierschnittstelle des Händlers, täglich neu geladen"
    )
    text = page(MENU_DE, ARTICLE_DE[:2], note, ARTICLE_DE[2:], FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons[note] == "date/reading time"
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in ARTICLE_DE)


# German content kept (round 10)

EMBED_NOTICE_DE = (
    "Wir verwenden Cookies von Drittanbietern: Klicken Sie auf Akzeptieren, um den Beitrag "
    "zu laden, und stimmen Sie damit der Übertragung Ihrer Daten zu."
)
EMBED_BUTTON_DE = "Beiträge von Drittanbietern immer laden"


def test_a_consent_placeholder_between_paragraphs_does_not_end_the_article() -> None:
    # two embedded posts, each held back by the same consent text: the article goes on
    # under both, and the placeholder (both copies, with its button) goes
    placeholder = [EMBED_NOTICE_DE, EMBED_BUTTON_DE]
    text = page(
        MENU_DE, ARTICLE_DE[:2], placeholder, ARTICLE_DE[2:], placeholder, MORE_DE, FOOTER_DE
    )
    reasons = {r.line: r.reason for r in find_boilerplate(text, lang="de")}
    out = strip_boilerplate(text, lang="de").splitlines()
    for line in [*ARTICLE_DE, *MORE_DE]:
        assert line in out
    assert EMBED_NOTICE_DE not in out
    assert EMBED_BUTTON_DE not in out
    assert "cookie/javascript notice" in reasons.values()


def test_a_consent_banner_after_the_article_still_ends_it() -> None:
    # the same text with no article paragraph under it is a banner: the footer prose goes
    footer_prose = (
        "Unser Verlag veröffentlicht seit vielen Jahren Nachrichten aus der Region und "
        "freut sich über Ihre Hinweise an die Redaktion."
    )
    text = page(MENU_DE, ARTICLE_DE, [EMBED_NOTICE_DE, "Einstellungen"], footer_prose, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in ARTICLE_DE)
    assert EMBED_NOTICE_DE not in out
    assert footer_prose not in out


@pytest.mark.parametrize("smiley", ["=)", ":-)", ";)", ":("])
def test_an_emoticon_between_paragraphs_stays(smiley: str) -> None:
    # the author's smiley alone on its line is text; a lone bullet there is not
    text = page(MENU_DE, ARTICLE_DE[:2], [smiley], ARTICLE_DE[2:], ["•"], MORE_DE, FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert smiley not in reasons
    assert reasons["•"] == "stray punctuation"
    # and under a blog post's last sentence above a sidebar that outweighs it
    closing = "Bis bald, und danke fürs Lesen:"
    text = page(
        ["Startseite", "Impressum"], [ARTICLE_DE[0]], [closing], [smiley], MENU_DE, MORE_DE * 2
    )
    assert smiley in strip_boilerplate(text, lang="de").splitlines()


# German boilerplate removed (round 11)


def test_teasers_that_open_with_a_date_or_a_kicker_are_a_teaser_list() -> None:
    # long, prose-like teasers under a teaser heading: each opens with a date or with the
    # same kicker, so they are a list of other articles, not the article going on
    dated = [
        "04.03.2024 - Radsport - Titelverteidigerin stürzt auf der dritten Etappe schwer. Das "
        "Team hofft trotzdem auf einen Start am Wochenende, die Ärzte sind noch vorsichtig.",
        "28.02.2024 - Radsport - Neuer Rennkalender vorgestellt: Zwei Etappen führen durch die "
        "Berge im Süden, eine Schleife endet erstmals am Meer.",
        "21.02.2024 - Radsport - Sponsor steigt aus: Der Rennstall sucht bis zum Sommer einen "
        "neuen Geldgeber, sonst droht das Aus nach elf Jahren.",
        "14.02.2024 - Radsport - Die Mannschaft stellt in der Halle ihre neuen Trikots vor, die "
        "Fahrer zeigen sich zufrieden mit der Vorbereitung.",
    ]
    text = page(MENU_DE, ARTICLE_DE, ["Weitere Inhalte:", *dated], FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    for line in dated:
        assert reasons[line] == "teaser block", line
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in ARTICLE_DE)
    shared = [
        "Handball - Bundesliga Der Aufsteiger gewinnt überraschend beim Tabellenführer in Kiel "
        "und bleibt oben dran.",
        "Handball - Bundesliga Trainer verlängert seinen Vertrag vorzeitig um zwei Jahre, der "
        "Verein ist zufrieden.",
        "Handball - Pokal Das Halbfinale wird am Sonntag in der Hauptstadt ausgelost, die Fans "
        "hoffen auf ein Heimspiel.",
    ]
    for heading in ("Mehr zum Thema", "Weitere Videos"):
        text = page(MENU_DE, ARTICLE_DE[:2], heading, shared, ARTICLE_DE[2:], FOOTER_DE)
        out = strip_boilerplate(text, lang="de").splitlines()
        assert not any(line in out for line in shared), heading
        assert all(line in out for line in ARTICLE_DE), heading


def test_a_chronology_with_dates_in_the_article_stays() -> None:
    # dated lines under a paragraph of the article (no teaser heading above them) are content,
    # and so are datelines of different places under a heading
    chronology = [
        "12.03.2021 - Die Stadt beschließt die Sanierung der Brücke über den Kanal.",
        "04.06.2021 - Die Bauarbeiten beginnen mit zwei Monaten Verspätung.",
        "19.11.2022 - Die Brücke wird nach langer Sperrung wieder für den Verkehr geöffnet.",
    ]
    text = page(MENU_DE, ARTICLE_DE[:2], chronology, ARTICLE_DE[2:], FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in chronology + ARTICLE_DE)
    datelines = [
        "Berlin - Der Bundestag berät am Donnerstag erstmals über das neue Gesetz zur Rente.",
        "Wien - Die Regierung legt ihren Entwurf für den Haushalt im Herbst vor.",
        "Bern - Der Bundesrat will die Vorlage noch vor dem Sommer verabschieden.",
    ]
    assert _kicker_run_texts(datelines) == []
    assert _kicker_run_texts(chronology) == chronology


def _kicker_run_texts(block: list[str]) -> list[str]:
    from newsnorm.boilerplate import _analyse, _kicker_run, _lexicon

    lines = _analyse("\n".join(block), _lexicon("de"), {})
    return [lines[k].text for k in _kicker_run(lines, 0)[0]]


def test_a_teaser_list_above_the_article_that_stands_again_under_it_goes() -> None:
    series = [
        "Serie: Streit am Gartenzaun",
        "Die Hecke des Nachbarn darf nicht in den Himmel wachsen",
        "Laub im Pool ist kein Grund für eine Klage",
        "Wer den Grill anzündet, muss an den Rauch denken",
        "Ein Baumhaus braucht nicht immer eine Genehmigung",
    ]
    subtitle = "Der Stadtrat streitet über Geld für die Schulen"
    text = page(
        MENU_DE,
        series,
        subtitle,
        ARTICLE_DE,
        ["Mehr aus dieser Serie", *series[1:]],
        FOOTER_DE,
    )
    reasons = {(r.line, r.text): r.reason for r in find_boilerplate(text, lang="de")}
    first = {t: n for n, t in reversed(list(enumerate(text.splitlines(), 1)))}
    for line in series[3:]:
        assert reasons.get((first[line], line)) == "teaser block", line
    out = strip_boilerplate(text, lang="de").splitlines()
    assert subtitle in out
    assert all(line in out for line in ARTICLE_DE)


def test_a_headline_that_a_list_under_the_article_names_again_stays() -> None:
    # the menu comes again in the footer and the headline again in a list of the
    # site's articles: the headline is no teaser
    menu = ["Politik", "Wirtschaft", "Kultur", "Sport"]
    headline = "Stadtrat beschließt nach langer Debatte den neuen Haushalt"
    text = page(
        menu,
        headline,
        ARTICLE_DE,
        ["Meistgelesen", *menu, headline],
        FOOTER_DE,
    )
    assert headline in strip_boilerplate(text, lang="de").splitlines()


# A floor under the body (session 13)


def test_a_sliver_of_prose_does_not_make_a_long_table_page_header() -> None:
    # a results table, one cell a line, and one form note under it, in a language
    # without phrase data: the note is the only prose, but a body that small places
    # nothing, and the table rows stay
    first = ["Lena", "Mia", "Jana", "Emma", "Lisa", "Ida", "Nora", "Paula", "Greta", "Alma"]
    last = ["Berger", "Albrecht", "Krause", "Vogel", "Hahn", "Seidel", "Brandt", "Kuhn"]
    towns = ["Nordstadt", "Oberau", "Westheim", "Kirchberg", "Talbach", "Lindau", "Seefeld"]
    rows = []
    athletes = []
    for n in range(360):
        if n % 6 == 0:
            rows.append(f"Heat {n // 6 + 1}")
        name = f"{last[n % 8]}, {first[n // 8 % 10]} {1990 + n % 4}, {towns[n % 7]}"
        athletes.append(name)
        rows += [name, f"{11 + n * 7 % 5},{n * 37 % 100:02d}"]
    note = "Your e-mail address will not be published. Required fields are marked *."
    text = "\n".join(["Results", "Archive", "", *rows, "", note])
    out = strip_boilerplate(text, lang="xx").splitlines()
    assert all(name in out for name in athletes)
    assert note in out
    # a page whose article is a real share of it keeps placing the rest by it
    menu = "\n".join(rows[:40])
    article = "\n\n".join(ARTICLE_DE)
    out = strip_boilerplate(menu + "\n\n" + article, lang="xx").splitlines()
    assert athletes[0] not in out


# German content kept: body boundaries (round 13)


def test_a_long_paragraph_cut_short_with_an_ellipsis_under_the_article_stays() -> None:
    # a closing paragraph that the site cuts short ("…") is no teaser link: the
    # article goes on through it and its subheading
    subheading = "Was die Kämmerei jetzt plant"
    closing = (
        "In ihrem Bericht an den Rat beschreibt die Kämmerin, wie die Stadt in den kommenden "
        "Jahren ihre Schulden abbauen will, welche Ausgaben sie dafür zurückstellen muss und "
        "warum die Sanierung der Schulen trotzdem Vorrang hat: Sie sei eine Pflicht, die sich "
        "nicht aufschieben lasse, und jede Verzögerung mache die Arbeiten am Ende nur teurer…"
    )
    footer = ["Erika Muster", "Weitere Beiträge", "Diesen Artikel teilen", *FOOTER_DE]
    text = page(MENU_DE, ARTICLE_DE, subheading, [closing, footer[0]], footer[1:])
    out = strip_boilerplate(text, lang="de").splitlines()
    assert closing in out
    assert subheading in out
    assert all(line in out for line in ARTICLE_DE)
    assert "Weitere Beiträge" not in out
    assert "Impressum" not in out


# German boilerplate removed: teasers and promos (round 13)


def test_a_short_line_that_ends_in_a_suffix_phrase_goes() -> None:
    # "*Newsletter" and "*findest du hier" close a short line: a newsletter box
    # and a link to another article, after the article as well as inside it
    text = page(
        MENU_DE,
        ARTICLE_DE[:2],
        "Alles über den Haushalt findest du hier.",
        ARTICLE_DE[2:],
        "Der wöchentliche Rathaus Newsletter",
        FOOTER_DE,
    )
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons["Alles über den Haushalt findest du hier."] == "teaser link"
    assert reasons["Der wöchentliche Rathaus Newsletter"] == "newsletter/login"
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in ARTICLE_DE)


def test_a_suffix_phrase_leaves_long_lines_and_announcing_lines_alone() -> None:
    # a sentence of the article that ends in the phrase is longer than the phrase and
    # four words; a line ending in a colon announces a list of the text
    long_line = (
        "Wer die Beschlüsse des Stadtrats im Wortlaut lesen will, findet sie im "
        "wöchentlichen Newsletter"
    )
    announcing = "Das steht im nächsten Newsletter:"
    items = [
        "– die Sanierung der Turnhalle am Marktplatz im kommenden Sommer",
        "– die neuen Öffnungszeiten der Stadtbibliothek ab dem ersten März",
    ]
    text = page(ARTICLE_DE[:2], long_line, [announcing, *items], ARTICLE_DE[2:])
    out = strip_boilerplate(text, lang="de").splitlines()
    assert long_line in out
    assert announcing in out
    assert all(line in out for line in ARTICLE_DE)


def test_the_placeholder_of_a_blocked_embed_goes_inside_the_article() -> None:
    placeholders = {
        "de": "Klicken Sie auf den unteren Button, um den Inhalt von karten.example.org zu laden.",
        "en": "Click on the button below to load the content from maps.example.org.",
    }
    for lang, article in (("de", ARTICLE_DE), ("en", ARTICLE_EN)):
        text = page(article[:2], placeholders[lang], article[2:])
        reasons = {r.text: r.reason for r in find_boilerplate(text, lang=lang)}
        assert reasons == {placeholders[lang]: "cookie/javascript notice"}, lang


def test_a_sentence_about_a_button_stays() -> None:
    # the topic words alone, or with one action word, are no placeholder inside the article
    sentence = (
        "Wer im Aufzug den unteren Button drückt, landet im Keller, sagte der Hausmeister "
        "und bat die Mieter um Geduld."
    )
    text = page(ARTICLE_DE[:2], sentence, ARTICLE_DE[2:])
    assert strip_boilerplate(text, lang="de") == text


# German boilerplate removed: labels and notes (round 13)


def _reason_of(text: str, line: str, lang: str = "de") -> str | None:
    reasons = {r.text.strip(): r.reason for r in find_boilerplate(text, lang=lang)}
    return reasons.get(line)


def test_a_label_that_only_announces_a_citation_goes() -> None:
    citation = (
        "Muster, E.; Beispiel, M. (2021): Haushalte kleiner Städte. Zeitschrift für Kommunen 12."
    )
    text = page(MENU_DE, ARTICLE_DE, "Originalpublikation", citation, FOOTER_DE)
    assert _reason_of(text, "Originalpublikation") == "section label"
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in ARTICLE_DE)


def test_a_label_that_heads_paragraphs_of_prose_stays() -> None:
    # the same word heading a section of the article: two paragraphs follow it
    text = page(MENU_DE, ARTICLE_DE[:2], "Originalpublikation", ARTICLE_DE[2:], FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert "Originalpublikation" in out
    assert all(line in out for line in ARTICLE_DE)


def test_an_orphan_label_under_the_article_goes() -> None:
    # "Mitwirkende:" announces a line that goes (a comment widget): nothing is left to announce
    text = page(
        MENU_DE, ARTICLE_DE, "Mitwirkende:", ["Kommentare", "Schreibe einen Kommentar"], FOOTER_DE
    )
    assert _reason_of(text, "Mitwirkende:") == "section label"


def test_a_label_followed_by_kept_text_stays() -> None:
    text = page(MENU_DE, ARTICLE_DE[:2], "Der Kompromiss:", ARTICLE_DE[2:], FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert "Der Kompromiss:" in out
    assert all(line in out for line in ARTICLE_DE)


def test_a_long_filing_note_under_a_post_goes() -> None:
    note_de = (
        "Erstellt am Freitag 7. März 2025 um 10:15 und abgelegt unter Stadtrat, Haushalt, "
        "Schulen. Kommentare zu diesem Eintrag im RSS-Feed. Kommentare und Pings sind derzeit "
        "nicht erlaubt."
    )
    text = page(MENU_DE, ARTICLE_DE, note_de, FOOTER_DE)
    assert _reason_of(text, note_de) == "date/reading time"
    note_en = (
        "This entry was posted on Friday, March 7, 2025 at 10:15 am and is filed under City "
        "council, Budget, Schools. You can follow any responses to this entry through the RSS "
        "feed. Both comments and pings are currently closed."
    )
    text = page(ARTICLE_EN, note_en, "Privacy policy")
    assert _reason_of(text, note_en, lang="en") == "date/reading time"


def test_an_article_sentence_that_opens_like_a_filing_note_stays() -> None:
    # a date and "veröffentlicht in", but the filing phrase is the opening itself
    sentence = (
        "Veröffentlicht in der Fachzeitschrift für Kommunen wurde die Studie am 3. Mai 2024; "
        "sie zeigt, wie viel die Sanierung der Schulen kostet."
    )
    assert strip_boilerplate(sentence, lang="de") == sentence
    text = page(ARTICLE_DE[:2], sentence, ARTICLE_DE[2:])
    assert strip_boilerplate(text, lang="de") == text


def test_a_who_is_online_widget_goes() -> None:
    widget = "7 Besucher sind online (3 Besucher lesen gerade die Nachrichten.)"
    text = page(MENU_DE, ARTICLE_DE, ["Wer ist online", widget], FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert widget not in out
    assert all(line in out for line in ARTICLE_DE)


def test_a_contact_row_after_the_article_goes() -> None:
    row = "Pension Sonnenhang Familie Huber +43 512 998877 zimmer@pension.example"
    sentence = "Auskunft gibt das Rathaus unter 030 1234567 oder per Mail an info@rathaus.example."
    text = page(MENU_DE, ARTICLE_DE, sentence, ["Pension Sonnenhang", row], FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons[row] == "contact row"
    out = strip_boilerplate(text, lang="de").splitlines()
    assert sentence in out
    assert all(line in out for line in ARTICLE_DE)


def test_a_contact_row_inside_the_article_stays() -> None:
    row = "Kreiskasse Musterstadt 07531 445566 kasse@musterstadt.example"
    text = page(ARTICLE_DE[:2], row, ARTICLE_DE[2:])
    assert row not in removed_texts(text, lang="de")


# German content kept: product and recipe pages (round 13)

RECIPE_INTRO_DE = [
    "Dieser Apfelkuchen gelingt auch Anfängern, denn der Teig braucht nur wenige Zutaten und "
    "keine lange Ruhezeit im Kühlschrank.",
    "Am besten schmeckt er noch lauwarm mit einem Klecks geschlagener Sahne oder einer Kugel "
    "Vanilleeis, aber auch am nächsten Tag ist er saftig.",
]
RECIPE_METHOD_DE = [
    "Den Backofen auf 180 Grad vorheizen und eine Springform mit etwas Butter einfetten, dann "
    "den Boden mit Backpapier auslegen.",
    "Butter und Zucker schaumig schlagen, die Eier einzeln unterrühren und zuletzt das Mehl mit "
    "dem Backpulver und der Prise Salz unterheben.",
    "Die Äpfel schälen, in Spalten schneiden und auf dem Teig verteilen, dann den Kuchen etwa "
    "45 Minuten backen und in der Form abkühlen lassen.",
]
INGREDIENTS_DE = [
    "200 g Butter",
    "150 g Zucker",
    "3 Eier",
    "250 g Mehl",
    "2 TL Backpulver",
    "1 Prise Salz",
    "4 säuerliche Äpfel",
]


def test_an_ingredient_list_after_a_share_row_resumes_the_article() -> None:
    text = page(
        MENU_DE,
        "Apfelkuchen vom Blech",
        RECIPE_INTRO_DE,
        ["Teilen", "Drucken", "Pinnen"],
        "Zutaten",
        INGREDIENTS_DE,
        "Zubereitung",
        RECIPE_METHOD_DE,
        FOOTER_DE,
    )
    out = strip_boilerplate(text, lang="de").splitlines()
    for line in [*INGREDIENTS_DE, *RECIPE_METHOD_DE]:
        assert line in out, line
    assert "Drucken" not in out
    assert "Impressum" not in out


def test_an_ingredient_list_above_the_article_stays() -> None:
    text = page(MENU_DE, "Apfelkuchen vom Blech", INGREDIENTS_DE, RECIPE_METHOD_DE, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in INGREDIENTS_DE)
    assert "Startseite" not in out


def test_counted_links_without_units_are_no_ingredient_list() -> None:
    # a number before a word is no quantity of an ingredient: "3 Kommentare" stays furniture
    counted = ["3 Antworten", "12 Beiträge im Forum", "5 Fotos", "2 Videos"]
    text = page(MENU_DE, ARTICLE_DE, ["Teilen", "Drucken"], counted, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert not any(line in out for line in counted)


def test_recipe_times_with_their_labels_stay_and_are_no_repeats() -> None:
    # "25 Min." and "45 Min." share their words but not their numbers: no repeat
    facts = ["Vorbereitung", "25 Min.", "Backzeit", "45 Min.", "Gesamt", "70 Min."]
    text = page(
        MENU_DE, "Apfelkuchen vom Blech", facts, INGREDIENTS_DE, RECIPE_METHOD_DE, FOOTER_DE
    )
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in facts[1:]), out
    assert all(line in out for line in INGREDIENTS_DE)
    assert "Startseite" not in out


def test_a_disclosure_behind_a_footnote_mark_goes() -> None:
    disclosure = "*Werbung. Dieser Beitrag enthält Werbung für einen Fahrradladen."
    text = page(MENU_DE, "Neue Räder für die Stadt", disclosure, ARTICLE_DE, FOOTER_DE)
    assert _reason_of(text, disclosure) == "ad label"
    # a bullet ("* " and a space) is a list item: the phrase does not open it
    item = "* Werbung an Schulen soll nach dem Willen des Stadtrats verboten werden, sagte er."
    text = page(MENU_DE, ARTICLE_DE[:2], item, ARTICLE_DE[2:], FOOTER_DE)
    assert item in strip_boilerplate(text, lang="de").splitlines()


def test_a_licence_note_that_does_not_open_with_its_phrase_goes() -> None:
    note = "Sofern nicht anders angegeben: Dieser Text steht unter einer Creative-Commons-Lizenz"
    closing = "Diese Seite kommt ohne Werbung aus und wird mit freier Software gebaut."
    text = page(MENU_DE, ARTICLE_DE, "stadtrat, haushalt, schulen", note, closing)
    assert _reason_of(text, note) == "licence note"
    assert closing in strip_boilerplate(text, lang="de").splitlines()
    # an article sentence about a licence stays
    sentence = (
        "Die Stadt erklärte, dieser Text steht unter einer freien Lizenz, damit Schulen ihn "
        "im Unterricht verwenden dürfen."
    )
    text = page(MENU_DE, ARTICLE_DE[:2], sentence, ARTICLE_DE[2:], FOOTER_DE)
    assert sentence in strip_boilerplate(text, lang="de").splitlines()


# German boilerplate removed: prose teasers and about paragraphs (round 13)

ABOUT_DE = (
    "Der Musterverein setzt sich seit vielen Jahren dafür ein, dass Kinder und Jugendliche in "
    "ihren Gemeinden mitreden können, und unterstützt dazu Gruppen in mehreren Ländern mit "
    "Beratung, Material und kleinen Zuschüssen für ihre Arbeit vor Ort."
)


def test_an_about_paragraph_under_a_row_of_legal_links_goes() -> None:
    # the footer row names the legal pages: the site's paragraph about itself under it
    # is no part of the article, however long it is
    footer = ["Aktualisiert: 3.2.2024", "", "Impressum | Datenschutz", "", ABOUT_DE]
    text = page(MENU_DE, ARTICLE_DE, footer)
    removals = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert removals.get("Impressum | Datenschutz") == "footer link"
    assert ABOUT_DE in removals
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in ARTICLE_DE)


def test_a_row_of_links_without_a_legal_page_does_not_end_the_article() -> None:
    # a row of section links between two parts of the article is no footer
    text = page(MENU_DE, ARTICLE_DE[:2], "Politik | Wirtschaft | Sport", ARTICLE_DE[2:], FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in ARTICLE_DE)


def test_an_author_box_under_a_who_wrote_this_heading_goes() -> None:
    bio = (
        "Erika Muster schreibt seit zehn Jahren über Kommunalpolitik und lebt mit ihrer Familie "
        "am Stadtrand, wo sie jeden Sonntag mit dem Rad zum Markt fährt. (mehr über Erika)"
    )
    text = page(MENU_DE, ARTICLE_DE, "Wer hat das geschrieben?", bio, FOOTER_DE)
    removals = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert removals.get("Wer hat das geschrieben?") == "author box"
    assert removals.get(bio) == "author box"
    out = strip_boilerplate(text, lang="de").splitlines()
    assert all(line in out for line in ARTICLE_DE)


# German boilerplate removed: bios and teaser cards (round 13)

BIO_DE = "Erika Muster lehrt Stadtgeschichte an der Universität Kassel. Sie schreibt über Verkehr."


def test_a_bio_shown_above_and_under_the_article_goes() -> None:
    lead = "Die Stadt will den Verkehr in der Altstadt neu ordnen und die Radwege verbreitern."
    text = page(
        MENU_DE, lead, "Erika Muster", BIO_DE, ARTICLE_DE, "Erika Muster", BIO_DE, FOOTER_DE
    )
    removals = find_boilerplate(text, lang="de")
    first = min(r.line for r in removals if r.text == BIO_DE)
    assert [r.reason for r in removals if r.line == first] == ["author box"]
    out = strip_boilerplate(text, lang="de").splitlines()
    assert BIO_DE not in out
    assert "Erika Muster" not in out
    assert lead in out
    assert all(line in out for line in ARTICLE_DE)


def test_an_english_bio_beside_an_author_heading_goes_on_a_german_page() -> None:
    bio = "Erika Muster is a professor of urban history at the University of Kassel."
    text = page(
        MENU_DE, "Erika Muster", ARTICLE_DE, bio, ["Alle Beiträge von", "Erika Muster"], FOOTER_DE
    )
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons.get(bio) == "author box"
    assert all(line in strip_boilerplate(text, lang="de").splitlines() for line in ARTICLE_DE)


def test_a_portrait_that_opens_with_the_name_stays() -> None:
    # the name stands twice (headline and subheading), but the paragraph stands once and
    # no author-box heading is near: a portrait, not a bio
    portrait = "Erika Muster leitet seit zwanzig Jahren die Stadtbibliothek und kennt jedes Buch."
    text = page(MENU_DE, "Erika Muster", ARTICLE_DE[:2], "Erika Muster", portrait, ARTICLE_DE[2:])
    assert portrait not in removed_texts(text, lang="de")
    assert all(line in strip_boilerplate(text, lang="de").splitlines() for line in ARTICLE_DE)


COMMENTS_DE = [
    "2 Kommentare",
    "Lukas sagt:",
    "Danke für den Bericht, ich war selbst bei der Sitzung und fand die Debatte spannend.",
    "Marlene sagt:",
    "Schön zusammengefasst, auch wenn ich bei den Schulen anderer Meinung bin.",
]


def test_a_name_line_that_the_authors_reply_repeats_opens_an_author_box() -> None:
    bio = "Ich schreibe hier seit Jahren über Stadtpolitik. Mehr weiß ich über mich auch nicht."
    reply = ["Marlene sagt:", "Danke, Lukas, das sehe ich genauso."]
    text = page(MENU_DE, ARTICLE_DE, "Marlene", bio, COMMENTS_DE, reply, FOOTER_DE)
    reasons = {r.text: r.reason for r in find_boilerplate(text, lang="de")}
    assert reasons.get("Marlene") == "author box"
    assert reasons.get(bio) == "author box"
    assert all(line in strip_boilerplate(text, lang="de").splitlines() for line in ARTICLE_DE)


def test_a_closing_subheading_that_no_byline_opens_stays() -> None:
    closing = "Die Verwaltung will den Haushalt im Frühjahr noch einmal prüfen lassen."
    text = page(MENU_DE, ARTICLE_DE, "Ausblick", closing, COMMENTS_DE, FOOTER_DE)
    out = strip_boilerplate(text, lang="de").splitlines()
    assert "Ausblick" in out
    assert closing in out
