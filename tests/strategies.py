"""Hypothesis strategies shared by the property tests.

``any_text`` is arbitrary Unicode including lone surrogates and control
characters; ``newsy_text`` builds realistic news-like text from words,
punctuation, every quote and space character, mojibake and boilerplate lines.
"""

from __future__ import annotations

from hypothesis import strategies as st

QUOTE_CHARS = "\"'`´‘’‚‛“”„‟«»‹›′″"
SPACE_CHARS = " \t\u00a0\u202f\u2000\u2003\u2009\u200a\u205f\u3000"
BREAK_CHARS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\n\n", "\n\n\n"]
INVISIBLE = ["\u00ad", "\u200b", "\ufeff", "\u200d", "\x07", "\x9d"]
WORDS = [
    "Der",
    "die",
    "und",
    "Regierung",
    "sagte",
    "am",
    "Montag",
    "geht's",
    "Harris'",
    "'90er",
    "rock",
    "'n'",
    "roll",
    "don't",
    "L'entretien",
    "zo'n",
    "initially",
    "Stream",
    "Live-Stream",
    "SpaceX",
    "New",
    "York",
    "Times",
    "FÃ¼r",
    "GrÃ¼ÃŸe",
    "FÃƒÂ¼r",
    "&amp;",
    "&quot;",
    '27"',
    "6'",
    "47°11′12″",
    "Cookies",
    "Kommentare",
    "Lesen",
    "Sie",
    "auch:",
    "Teilen",
    "Foto:",
    "dpa",
    "©",
    "The",
    "government",
    "said",
    "le",
    "gouvernement",
    "ﬁnden",
    "ＡＢＣ",
    "👩\u200d💻",
    "e\u0301",
    "שלום",
]
#: Short German news texts for the engine tests (batch, Dask, Ray, Spark): plain prose,
#: mojibake, a skip link, a stray English word, straight quotes.
ARTICLES = [
    "Der Bundestag hat am Freitag ein neues Gesetz zur Förderung erneuerbarer Energien "
    "beschlossen.\nDie Opposition kritisierte den Entwurf, die Regierung verteidigte ihn.",
    "FÃ¼r die Regierung war die Abstimmung im Bundestag ein wichtiger Erfolg, sagte der "
    "Minister am Montag.",
    "zum Inhalt\nDer Stadtrat hat am Dienstag den Haushalt für das kommende Jahr verabschiedet. "
    "Die Ausgaben für Schulen und Kitas steigen deutlich.",
    "Die Firma hatte den Plan initially im Frühjahr vorgestellt, sagte ein Sprecher am Montag.",
    'Er sagte: "Wir werden das Gesetz im Herbst noch einmal gründlich prüfen", und ging.',
]

BOILERPLATE_LINES = [
    "zum Inhalt",
    "Lesen Sie auch:",
    "Kommentare",
    "Aktuelles",
    "Teilen",
    "Drucken",
    "Newsletter abonnieren",
    "Impressum",
    "Datenschutz",
    "0",
    "3",
    "Foto: dpa",
]

any_text = st.text(alphabet=st.characters(codec=None, blacklist_categories=()), max_size=300)

_chunk = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(list(QUOTE_CHARS)),
    st.sampled_from(list(SPACE_CHARS)),
    st.sampled_from(BREAK_CHARS),
    st.sampled_from(INVISIBLE),
    st.sampled_from([".", ",", ":", "!", "?", "-", "–", "(", ")"]),
)
_line = st.lists(_chunk, max_size=25).map("".join)
newsy_text = st.one_of(
    st.lists(st.one_of(_line, st.sampled_from(BOILERPLATE_LINES)), max_size=12).map("\n".join),
    any_text,
)
