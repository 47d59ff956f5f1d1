"""Data tables flattened to one cell a line (all tables written for these tests).

A text converter writes every cell of an HTML table on a line of its own. Alone, a
cell ("63", "85%", "Punkte") looks like a counter or a menu link; together, a header
of column names and rows in which every column keeps its shape, they are the
article's data and stay with it.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsnorm.boilerplate import (
    _analyse,
    _cell_tables,
    _lexicon,
    find_boilerplate,
    strip_boilerplate,
)

INTRO = [
    "The league published its final standings on Sunday, after the last race of a season "
    "that was decided by a handful of points.",
    "Here is how the top of the table looks after twelve races:",
]
STANDINGS = [
    "Pos.",
    "Driver",
    "Points",
    "Wins",
    "1",
    "Ada Lindqvist",
    "412",
    "5",
    "2",
    "Marco Peretti",
    "398",
    "3",
    "3",
    "Jonas Berg",
    "377",
    "4",
    "4",
    "Lea Hoffmann",
    "301",
    "0",
]
OUTRO = [
    "Lindqvist, who crashed out of the opening race, said after the final that she had never "
    "expected to come back from so far behind.",
    "The new season starts in March with a race on a street circuit that has not been used "
    "for more than twenty years.",
]
MENU = ["Skip to main content", "Home", "News", "Sports", "Search", "Menu"]
FOOTER = ["Imprint", "Privacy Policy", "Contact", "Terms of Use", "© 2024 Example Media"]


def page(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(b) for b in blocks)


def test_a_table_inside_the_article_stays_whole() -> None:
    text = page(MENU, INTRO[:1], INTRO[1:], STANDINGS, OUTRO, FOOTER)
    out = strip_boilerplate(text, lang="en")
    assert "\n".join(STANDINGS) in out
    for line in (*INTRO, *OUTRO):
        assert line in out
    for line in ("Skip to main content", "Privacy Policy"):
        assert line not in out


def test_a_repeated_header_and_repeated_values_stay() -> None:
    # a second block of the same table repeats its header; a row repeats a value line
    rows = [
        "Player",
        "Games",
        "Goals",
        "Note",
        "Kim Adler",
        "12",
        "4",
        "Left the club in May.",
        "Kim Adler",
        "3",
        "1",
        "Left the club in May.",
        "Player",
        "Games",
        "Goals",
        "Note",
        "Tom Brandt",
        "30",
        "11",
        "Top scorer.",
    ]
    text = page(MENU, INTRO[:1], rows, OUTRO, FOOTER)
    assert "\n".join(rows) in strip_boilerplate(text, lang="en")


def test_numbers_with_units_make_a_column_of_numbers() -> None:
    rows = [
        "Input",
        "Parser A",
        "Parser B",
        "small file",
        "2.3 GB/s",
        "0.1 GB/s",
        "large file",
        "2.5 GB/s",
        "0.09 GB/s",
        "many numbers",
        "1.9 GB/s",
        "0.12 GB/s",
    ]
    text = page(MENU, INTRO[:1], rows, OUTRO, FOOTER)
    assert "\n".join(rows) in strip_boilerplate(text, lang="en")


def test_table_cells_carry_no_counter_or_menu_evidence() -> None:
    lines = _analyse(page(STANDINGS), _lexicon("en"), {})
    _cell_tables(lines)
    assert all(ln.cell and not ln.linky and ln.weight >= 0.0 for ln in lines)


def test_lists_of_links_and_counters_are_no_tables() -> None:
    lex = _lexicon("en")
    cases = [
        # a menu: no column of numbers
        ["Home", "News", "Sports", "Culture", "Travel", "Video", "Podcasts", "Weather", "Jobs"],
        # a ranking of teasers has no header of column names
        ["1", "A first headline here", "2", "A second headline here", "3", "A third one"],
        # a table needs three rows (two with four columns or more)
        ["Team", "Played", "Points", "Alpha", "3", "9", "Beta", "3", "6"],
        # comment counters under teaser headlines: the "header" holds a number
        ["Most read", "5 comments", "Storm hits the coast", "12", "Mayor resigns", "3"],
    ]
    for rows in cases:
        lines = _analyse("\n".join(rows), lex, {})
        _cell_tables(lines)
        assert not any(ln.cell for ln in lines), rows


def test_a_table_in_the_footer_still_goes() -> None:
    # where the table stands decides: after the comments and the footer it is no article data
    footer = ["Comments", "Leave a reply", *STANDINGS, *FOOTER]
    text = page(MENU, INTRO[:1], OUTRO, footer)
    removed = {r.text for r in find_boilerplate(text, lang="en")}
    assert "Ada Lindqvist" in removed
    assert "412" in removed


@given(st.lists(st.sampled_from(["Name", "Points", "12", "7%", "–", "", "Ada Lindqvist"])))
def test_table_detection_is_idempotent_and_never_crashes(cells: list[str]) -> None:
    text = page(OUTRO, cells, INTRO)
    once = strip_boilerplate(text, lang="en")
    assert strip_boilerplate(once, lang="en") == once
