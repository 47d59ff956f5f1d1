"""flag_untranslated: own sentences, options, the seeds, properties, hostile inputs."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import flag_untranslated
from newsnorm.types import Flag
from newsnorm.untranslated import DEFAULT_MIN_SCORE
from tests._linear import assert_linear_unit
from tests.conftest import SEEDS
from tests.strategies import WORDS, any_text, newsy_text


def tokens(text: str, **opts: object) -> list[str]:
    return [f.token for f in flag_untranslated(text, **opts)]  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Own sentences: (text, lang, source, expected flagged tokens)
# --------------------------------------------------------------------------
FLAGGED = [
    # German with English leftovers: single words, lower-case and capitalised
    ("Viele Nutzer konnten initially den Stream nicht erreichen.", "de", "en", ["initially"]),
    ("Die Regierung hat das Gesetz however noch nicht beschlossen.", "de", "en", ["however"]),
    ("Der Minister sagte, die Reform sei meanwhile beschlossen worden.", "de", "en", ["meanwhile"]),
    ("Die Polizei konnte den Täter nach kurzer Zeit arrest.", "de", "en", ["arrest"]),
    ("Auslöser der Disagreement war ein Streit in der Partei.", "de", "en", ["Disagreement"]),
    ("Der Sprecher lobte die Cooperation mit den Behörden.", "de", "en", ["Cooperation"]),
    # phrases become one flag, function words included
    ("Die Koalition soll in the meantime weiterregieren.", "de", "en", ["in the meantime"]),
    (
        "Der Vertrag wurde for the first time öffentlich gemacht.",
        "de",
        "en",
        ["for the first time"],
    ),
    ("Die Preise sind so far nicht gestiegen.", "de", "en", ["far"]),
    ("Er stellte den Plan in einer press conference vor.", "de", "en", ["press conference"]),
    # two leftovers in one text
    (
        "Die Abstimmung wurde initially verschoben und später eventually abgesagt.",
        "de",
        "en",
        ["initially", "eventually"],
    ),
    # a capitalised English noun right after a German determiner is a noun of the sentence
    ("Die Aktie erlebte einen Surge nach der Ankündigung.", "de", "en", ["Surge"]),
    # ... and after a determiner of polite address inside the sentence
    ("Sie können Ihre Surge jederzeit ändern.", "de", "en", ["Surge"]),
    # listed with German nouns (capitalised, often too rare for the table) rather than names
    (
        "Das Programm besteht aus Privatisation, Steuersenkung und Deregulierung.",
        "de",
        "en",
        ["Privatisation"],
    ),
    ("Das Gerät überzeugt bei Kontrast und Brightness.", "de", "en", ["Brightness"]),
    # an English title of office before a name
    ("Am Abend traf sich Governor Newsom mit den Bürgermeistern.", "de", "en", ["Governor"]),
    ("Sie sprach mit Secretary Blinken über die Lage.", "de", "en", ["Secretary"]),
    # a lower-case English phrase before a name or a capitalised noun: the phrase alone
    ("Er traf den famous singer Frank Ocean in Berlin.", "de", "en", ["famous singer"]),
    ("Die Firma verlangt clear Standards von ihren Lieferanten.", "de", "en", ["clear"]),
    ("Il a rencontré le famous singer Frank Ocean à Paris.", "fr", "en", ["famous singer"]),
    # English with German leftovers
    ("The coalition would continue, allerdings only under conditions.", "en", "de", ["allerdings"]),
    ("The minister said the plan was nevertheless sinnvoll and fair.", "en", "de", ["sinnvoll"]),
    ("He said the project had gone well und everything was fine.", "en", "de", ["und"]),
    ("The talks on the Verhandlungen stalled again on Monday.", "en", "de", ["Verhandlungen"]),
    # French, Spanish, Italian, Dutch with English leftovers
    (
        "Le gouvernement a annoncé une loi, however les syndicats protestent.",
        "fr",
        "en",
        ["however"],
    ),
    (
        "El gobierno anunció una nueva ley, however los sindicatos protestan.",
        "es",
        "en",
        ["however"],
    ),
    (
        "Il governo ha annunciato una legge, however i sindacati protestano.",
        "it",
        "en",
        ["however"],
    ),
    (
        "De regering kondigde een nieuwe wet aan, however de bonden protesteren.",
        "nl",
        "en",
        ["however"],
    ),
    # a regional code counts as its language
    ("Viele Nutzer konnten initially den Stream nicht erreichen.", "de-CH", "en", ["initially"]),
    ("Viele Nutzer konnten initially den Stream nicht erreichen.", "de_AT", "en", ["initially"]),
    # rare English plurals the frequency table does not hold (from rare_en_s_forms.txt)
    ("Im Sommer summen Blowflies über dem Kompost.", "de", "en", ["Blowflies"]),
    ("Am Strand bauten die Kinder Sandcastles und spielten.", "de", "en", ["Sandcastles"]),
]

NOT_FLAGGED = [
    # established loanwords and German homographs of English words
    "Das Team gab ein Interview über den Live-Stream und den Chat.",
    "Das Start-up arbeitet im Homeoffice, die Stimmung ist cool und fair.",
    "Die Show wird online und live übertragen, der Song ist ein Hit.",
    "Das All ist still, die These ist alt, und die Seen sind tief.",
    "Er half dem Mann, der eine Billion Euro verwalten will.",
    "Es handelt sich um eine legale und liberale Lösung, die ich gern handle.",
    # names and titles, acronyms, camelCase
    "Die New York Times berichtet über den Supreme Court.",
    "Team MAGA und SpaceX melden einen DDoS-Angriff auf X Spaces.",
    "Der Bassist der Queens of the Stone Age spielte in Washington.",
    # English titles with lower-case function words (the same shape as "Gallant to the
    # Republicans" in real MT output, which is therefore not flagged either)
    "Der Klassiker Back to the Future läuft heute im Fernsehen.",
    "Die Musik von Back to the Future stammt von Alan Silvestri.",
    "Er setzt ganz auf Back to the Roots und kocht nur mit Naturprodukten.",
    "Das Bündnis Stand Up to Racism rief zur Demonstration auf.",
    "Die letzte Ausgabe von The Independent on Sunday erschien im März.",
    "House of Cards läuft wieder.",
    "Die Zeitung USA Today berichtete darüber am Montag.",
    "Seither schläft Mr. President schlecht.",
    'Ihr Album "Rumours" verkaufte sich weltweit.',
    # hyphenated compounds with a German part, URLs, handles, hashtags, numbers
    "Der Tech-Milliardär lud zum Live-Stream, die Server-Überlastung folgte.",
    "Mehr unter https://example.com/breaking-news-today oder www.example.org/update.",
    "Er schrieb an @breakingnews und nutzte den Hashtag #breakingnews dafür.",
    "Die Datei heißt report_final.pdf und liegt auf example.com.",
    "Das Modell schafft 5G und 300km pro Stunde.",
    "Die Fremdenfeindlichkeit nimmt inner- und außerhalb des Landes zu.",
    "Das Wort wurde am Zeilenende getrennt: die meis- ten Fälle.",
    # lists of names and titles, place names with a lower-case connector
    "Kunden speichern ihre Dateien in Word oder Excel.",
    "Die Magazine Wired und Reviewed testeten die Geräte.",
    "Die Sendung lief auf Netflix, Weather und Kitchen.",
    "Das Heimspiel in Stoke-on-Trent endete torlos.",
    # a title of office inside a longer name
    "Die Rede von Vice President Harris war kurz.",
    "Der Speaker of the House trat zurück.",
    # a rare English -s form as the genitive of a name, and rare words that are no -s forms
    "Wir hörten Sandcastles Debütalbum am Abend.",
    "Die Unruhen in Knowsley begannen am Freitagabend.",
    # German inflection of a word that looks English
    "Beteiligt an der Ausarbeitung des Plans waren viele.",
    # a whole English sentence is a quotation, not a leftover
    'Er schrieb auf X: "I would like to share the sad news with all of you today."',
    # established English phrases in German
    "Die Produkte sind state of the art, sagte er.",
    # plain German and plain English text
    "Die Regierung hat am Montag beschlossen, dass die Steuern steigen.",
    "",
]


NOT_FLAGGED_OTHER = [
    # English homographs of German words, German loanwords and place names in English
    ("The soldiers were ready to die for their country, the general said.", "en", "de"),
    ("It was a kind gesture, and the bank will also hold a meeting.", "en", "de"),
    ("The band played in Berlin, where the Bundestag meets, and in Hamburg.", "en", "de"),
    ("The kindergarten teacher said the angst was overblown.", "en", "de"),
    # English loanwords and names in French, Spanish, Italian and Dutch
    ("Le match de football a été diffusé en live, les fans étaient au stade.", "fr", "en"),
    ("Selon le New York Times, la Maison Blanche prépare un nouveau plan.", "fr", "en"),
    ("La empresa lanzó una nueva app para smartphones y tablets.", "es", "en"),
    ("Il nuovo smartphone sarà presentato a Milano durante un evento live.", "it", "en"),
    ("Het team won de wedstrijd door een doelpunt in de laatste minuut.", "nl", "en"),
]


@pytest.mark.parametrize(("text", "lang", "source"), NOT_FLAGGED_OTHER)
def test_not_flagged_other_languages(text: str, lang: str, source: str) -> None:
    assert flag_untranslated(text, lang=lang, source=source) == []


@pytest.mark.parametrize(("text", "lang", "source", "expected"), FLAGGED)
def test_flags(text: str, lang: str, source: str, expected: list[str]) -> None:
    assert tokens(text, lang=lang, source=source) == expected


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_not_flagged(text: str) -> None:
    assert flag_untranslated(text, lang="de") == []


@pytest.mark.parametrize(
    "text",
    [
        "İstanbul: Die Regierung hat initially nichts gesagt.",
        "Die Straße war initially gesperrt, sagte der Beamte aus Gießen.",
        "ﬁnden wir initially ﬂott, sagte sie.",
    ],
)
def test_offsets_with_case_changing_letters(text: str) -> None:
    flags = flag_untranslated(text, lang="de")
    assert [f.token for f in flags] == ["initially"]
    assert all(text[f.start : f.end] == f.token for f in flags)


def test_rare_form_reason_and_source() -> None:
    text = "Im Sommer summen Blowflies über dem Kompost."
    (flag,) = flag_untranslated(text, lang="de")
    assert flag.reason == "en word: rare -s form of an English-only word"
    assert 0.5 <= flag.score < 0.9  # capitalised: a noun slot, but could be a name
    # the rare forms are English: no other source language uses them
    assert flag_untranslated("Sie sagte, die blowflies seien schuld.", lang="en", source="de") == []


def test_flag_fields() -> None:
    text = "Viele Nutzer konnten initially den Stream nicht erreichen."
    (flag,) = flag_untranslated(text, lang="de")
    assert isinstance(flag, Flag)
    assert text[flag.start : flag.end] == flag.token == "initially"
    assert flag.lang == "en"
    assert 0.5 <= flag.score <= 1.0
    assert flag.reason.startswith("en word")
    assert "zipf" in flag.reason


def test_phrase_reason_and_score_order() -> None:
    (phrase,) = flag_untranslated("Die Koalition soll in the meantime weiterregieren.", lang="de")
    assert phrase.reason == "en phrase of 3 words"
    # a common English word that German also uses scores lower than a clear leftover
    (weak,) = flag_untranslated(
        "Die Frage ist, ob sie wirklich very gut war.", lang="de", min_score=0
    )
    (strong,) = flag_untranslated(
        "Die Frage ist, ob sie initially gut war.", lang="de", min_score=0
    )
    assert weak.score < strong.score


def test_quotation_reported_below_default_threshold() -> None:
    text = 'Er schrieb auf X: "I would like to share the sad news with all of you today."'
    flags = flag_untranslated(text, lang="de", min_score=0.0)
    assert flags
    assert all(f.score < DEFAULT_MIN_SCORE for f in flags)


def test_determiner_raises_score() -> None:
    after_determiner = flag_untranslated(
        "Die Aktie erlebte einen Surge nach der Ankündigung.", lang="de", min_score=0.0
    )
    after_preposition = flag_untranslated(
        "Die Aktie erlebte nach Surge eine Pause.", lang="de", min_score=0.0
    )
    assert [f.token for f in after_determiner] == [f.token for f in after_preposition] == ["Surge"]
    assert after_determiner[0].score >= DEFAULT_MIN_SCORE > after_preposition[0].score


def test_quoted_sentence_is_a_quotation() -> None:
    sentence = 'Seine Antwort "without any doubt." überraschte.'
    (flag,) = flag_untranslated(sentence, lang="de", min_score=0.0)
    assert flag.token == "without any doubt"
    assert flag.reason == "en quotation of 3 words"
    assert flag.score < DEFAULT_MIN_SCORE
    # the same words quoted as a phrase, not a sentence, are a leftover
    assert tokens('Seine Antwort "without any doubt" überraschte.', lang="de") == [
        "without any doubt"
    ]


def test_quoted_word_after_a_determiner_is_a_noun_not_a_title() -> None:
    """After a determiner the quotation marks set off a word, they do not make a title:
    it scores as it would without them."""
    quoted = flag_untranslated('Nach dem "Surge" wurde es ruhig.', lang="de", min_score=0.0)
    plain = flag_untranslated("Nach dem Surge wurde es ruhig.", lang="de", min_score=0.0)
    assert [f.token for f in quoted] == ["Surge"]
    assert [(f.token, f.score) for f in quoted] == [(f.token, f.score) for f in plain]
    surge = flag_untranslated("Die Aktie erlebte einen „Surge“ im Mai.", lang="de")
    assert [f.token for f in surge] == ["Surge"]
    # a title in quotation marks follows the noun naming its kind
    assert flag_untranslated("Sie hörten das Album „Surge“ im Mai.", lang="de") == []


def test_long_quoted_phrase_inside_a_sentence_is_a_leftover() -> None:
    """A lower-case phrase in quotation marks that the sentence runs on around is part of
    the sentence, however long: not a quotation of its own."""
    text = 'Die Gemeinde will den Spielplatz "right behind the old church" bauen.'
    (flag,) = flag_untranslated(text, lang="de")
    assert flag.token == "right behind the old church"
    assert flag.reason == "en phrase of 5 words"
    # also when a target-language word ends the quoted phrase ("Station" is German too)
    text = 'Die Gemeinde will den Spielplatz "right behind the old railway station" bauen.'
    assert tokens(text, lang="de") == ["right behind the old railway"]
    # a quoted sentence, a quotation after a colon, or one in an English sentence stays one
    for quotation in (
        'Die Gemeinde schrieb "Right behind the old church." und mehr nicht.',
        'Die Gemeinde schrieb: "right behind the old church" und mehr nicht.',
        'They said they would build it "right behind the old church" soon.',
    ):
        flags = flag_untranslated(quotation, lang="de", min_score=0.0)
        assert not any("church" in f.token and f.score >= DEFAULT_MIN_SCORE for f in flags)


@pytest.mark.parametrize(
    "text", ["This was never meant to happen.", "  This was never meant to happen!  "]
)
def test_whole_text_in_source_language(text: str) -> None:
    """A text that is nothing but source words was not translated at all."""
    (flag,) = flag_untranslated(text, lang="de")
    assert flag.token == "This was never meant to happen"
    assert flag.reason == "en text of 6 words"
    # the same sentence inside a German text is a quotation
    (quoted,) = flag_untranslated(
        "Er sagte: This was never meant to happen.", lang="de", min_score=0.0
    )
    assert quoted.reason.startswith("en quotation")
    assert quoted.score < DEFAULT_MIN_SCORE


def test_rounded_score_at_threshold_is_kept() -> None:
    """A flag whose rounded score equals min_score is reported at that threshold too."""
    text = "und Crisis"
    flags = flag_untranslated(text, lang="de", min_score=0.0)
    expected = [f for f in flags if f.score >= DEFAULT_MIN_SCORE]
    assert flag_untranslated(text, lang="de") == expected


# --------------------------------------------------------------------------
# Options
# --------------------------------------------------------------------------
def test_skip_quoted() -> None:
    text = "Der Sprecher nannte das „unbelievable“ und ging."
    assert tokens(text, lang="de") == ["unbelievable"]
    assert tokens(text, lang="de", skip_quoted=True) == []
    text = 'Der Sprecher nannte das "unbelievable" und ging initially weg.'
    assert tokens(text, lang="de", skip_quoted=True) == ["initially"]


def test_min_score() -> None:
    text = "Die Frage ist, ob sie wirklich very gut war."
    (flag,) = flag_untranslated(text, lang="de", min_score=0.0)
    assert flag_untranslated(text, lang="de", min_score=flag.score) == [flag]
    assert flag_untranslated(text, lang="de", min_score=min(1.0, flag.score + 0.001)) == []
    assert flag_untranslated("Sie war initially da.", lang="de", min_score=1.0) == []


def test_lang_detection() -> None:
    text = (
        "Viele Nutzer konnten initially den Stream auf der Plattform nicht erreichen, "
        "und das war ein Problem."
    )
    assert tokens(text) == ["initially"]
    # detected language equals the source: nothing to flag
    assert flag_untranslated("The government said on Monday that taxes will rise.") == []
    # too little evidence to detect a language
    assert flag_untranslated("initially") == []
    # lang equal to source
    assert flag_untranslated("Viele Nutzer konnten initially nichts.", lang="en") == []


@pytest.mark.parametrize(
    ("opts", "error"),
    [
        ({"lang": "xx"}, ValueError),
        ({"lang": "pl"}, ValueError),
        ({"source": "klingon"}, ValueError),
        ({"lang": "de", "min_score": 1.5}, ValueError),
        ({"lang": "de", "min_score": -0.1}, ValueError),
        ({"lang": "de", "min_score": "high"}, TypeError),
        ({"lang": 7}, ValueError),
    ],
)
def test_bad_options(opts: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        flag_untranslated("Ein Text.", **opts)  # type: ignore[arg-type]


def test_bad_option_lists_valid_values() -> None:
    with pytest.raises(ValueError, match=r"'de'.*'nl'"):
        flag_untranslated("Ein Text.", lang="xx")


@pytest.mark.parametrize("value", [None, b"bytes", 3, ["a"]])
def test_non_str(value: object) -> None:
    with pytest.raises(TypeError, match="flag_untranslated"):
        flag_untranslated(value, lang="de")  # type: ignore[arg-type]


def test_keyword_only() -> None:
    with pytest.raises(TypeError):
        flag_untranslated("Ein Text.", "de")  # type: ignore[misc]


def test_picklable() -> None:
    func = pickle.loads(pickle.dumps(flag_untranslated))
    text = "Viele Nutzer konnten initially den Stream nicht erreichen."
    assert func(text, lang="de") == flag_untranslated(text, lang="de")
    flags = flag_untranslated(text, lang="de")
    assert pickle.loads(pickle.dumps(flags)) == flags


# --------------------------------------------------------------------------
# The seeds
# --------------------------------------------------------------------------
def test_seed_000_only_initially() -> None:
    text = (SEEDS / "000_af01204604cdb2da.txt").read_text(encoding="utf-8")
    assert tokens(text) == ["initially"]
    assert tokens(text, lang="de") == ["initially"]


def test_seed_003_nothing() -> None:
    text = (SEEDS / "003_e12b06f26a82ec37.txt").read_text(encoding="utf-8")
    assert flag_untranslated(text) == []
    assert flag_untranslated(text, lang="de") == []


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------
LEFTOVERS = ["initially", "however", "in the meantime", "so far", "Crisis", "allerdings"]
#: Words and marks that the context rules look at: determiners, lists, titles of office, quotes.
CONTEXT = ["einen", "Ihre", "Surge", "oder", "Excel", "Governor", "Newsom", "Stoke-on-Trent"]
CONTEXT += ['"without any doubt?"', "„so far.“", "Vice"]
mixed_text = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(LEFTOVERS),
        st.sampled_from(CONTEXT),
        st.sampled_from([" ", ". ", ", ", '"', "?", "„", "“"]),
    ),
    max_size=40,
).map(" ".join)


#: Capitalised, ALL CAPS and one-letter words next to leftovers: what _candidates filters.
caps_text = st.lists(
    st.one_of(
        st.sampled_from(
            ["A", "I", "US", "IT", "NEW", "iOS", "SpaceX", "The", "World", "Blowflies"]
        ),
        st.sampled_from(LEFTOVERS),
        st.sampled_from(WORDS),
        st.sampled_from([" ", "-", ". ", '"']),
    ),
    max_size=30,
).map(" ".join)


def _check_flags(text: str, flags: list[Flag]) -> None:
    last_end = -1
    for f in flags:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.token
        assert 0.0 <= f.score <= 1.0
        assert f.start >= last_end  # sorted, not overlapping
        assert f.reason
        last_end = f.end


@given(st.one_of(any_text, newsy_text, mixed_text), st.sampled_from(["de", "en", "fr", None]))
def test_properties(text: str, lang: str | None) -> None:
    flags = flag_untranslated(text, lang=lang, min_score=0.0)
    _check_flags(text, flags)
    assert flag_untranslated(text, lang=lang, min_score=0.0) == flags  # deterministic
    above = flag_untranslated(text, lang=lang)
    assert above == [f for f in flags if f.score >= DEFAULT_MIN_SCORE]


@pytest.mark.parametrize(
    "text",
    [
        # a low-scoring run first, then a run from a later word that reaches back over it
        # (found by the thorough hypothesis profile)
        "initially initially initially Surge",
        "Er sagte initially initially Surge und ging.",
    ],
)
def test_min_score_only_filters(text: str) -> None:
    every = flag_untranslated(text, lang="de", min_score=0.0)
    assert flag_untranslated(text, lang="de") == [f for f in every if f.score >= DEFAULT_MIN_SCORE]


@given(
    st.one_of(any_text, newsy_text, mixed_text, caps_text),
    st.sampled_from(["de", "fr"]),
    st.sampled_from([0.0, DEFAULT_MIN_SCORE]),
    st.booleans(),
)
def test_candidates_give_the_flags_of_all_anchor_hits(
    text: str, lang: str, min_score: float, skip_quoted: bool
) -> None:
    """The early filter of _candidates changes no flag (the slow path looks at every hit)."""
    from newsnorm.untranslated import _anchor_hits, _candidates, _flag, _pair, _split_lower, _Tokens

    pair = _pair("en", lang)
    parts, lows = _split_lower(text)
    tokens = _Tokens(text, parts, lows)
    fast = _flag(text, tokens, pair, _candidates(tokens, pair), min_score, skip_quoted)
    tokens = _Tokens(text, parts, lows)
    slow = _flag(text, tokens, pair, _anchor_hits(tokens, pair), min_score, skip_quoted)
    assert fast == slow
    if min_score == DEFAULT_MIN_SCORE and not skip_quoted:
        assert flag_untranslated(text, lang=lang) == fast


@given(mixed_text)
def test_properties_skip_quoted(text: str) -> None:
    flags = flag_untranslated(text, lang="de", skip_quoted=True, min_score=0.0)
    _check_flags(text, flags)


@given(st.text(alphabet="ab \ud800-'’", max_size=50))
def test_lone_surrogates_and_apostrophes(text: str) -> None:
    _check_flags(text, flag_untranslated(text, lang="de", min_score=0.0))


# --------------------------------------------------------------------------
# Cost: linear on hostile inputs, cheap import
# --------------------------------------------------------------------------
HOSTILE = [
    "in the ",
    "Initially Trump ",
    "hard-coded-",
    "„initially“ ",
    "@initially #however ",
    "einen Surge oder Excel, Governor Newsom ",
    '"without any doubt?" ',
    "in the meantime. ",
]


def _flag_all(text: str) -> object:
    return flag_untranslated(text, lang="de", min_score=0.0, skip_quoted=True)


@pytest.mark.slow
@pytest.mark.parametrize("unit", HOSTILE)
def test_linear_time(unit: str) -> None:
    """Time per character of 1 MB of a hostile pattern is not much above that of 100 KB."""
    flag_untranslated("Sie war initially da.", lang="de")  # load the data first
    assert_linear_unit(_flag_all, unit)


def test_import_does_not_load_data() -> None:
    code = (
        "import sys, newsnorm; "
        "assert 'newsnorm.untranslated' not in sys.modules; "
        "assert 'newsnorm._freq' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --------------------------------------------------------------------------
# German noun forms (data/german_nouns/noun_forms.txt, from German Wiktionary)
# --------------------------------------------------------------------------
def test_compound_with_a_german_noun_part_is_not_flagged() -> None:
    # "Cross" is a German noun (a cross-country race): the compound is German usage
    text = "Mit dem Album gelang der Band der Cross-over zwischen Jazz und Rock."
    assert tokens(text, lang="de") == []
    # neither part is a German noun: still an English compound
    assert tokens("Der Plan war Ill-Advised und teuer.", lang="de") == ["Ill-Advised"]


def test_compound_rule_needs_the_noun_list() -> None:
    import dataclasses

    from newsnorm import untranslated

    text = "Mit dem Album gelang der Band der Cross-over zwischen Jazz und Rock."
    pair = dataclasses.replace(untranslated._pair("en", "de"), german_nouns=frozenset())
    parts, lows = untranslated._split_lower(text)
    toks = untranslated._Tokens(text, parts, lows)
    hits = untranslated._candidates(toks, pair)
    flags = untranslated._flag(text, toks, pair, hits, DEFAULT_MIN_SCORE, False)
    assert [f.token for f in flags] == ["Cross-over"]


def test_german_noun_list() -> None:
    from newsnorm._freq import load_german_nouns

    nouns = load_german_nouns()
    assert 1000 < len(nouns) < 20000
    assert {"release", "posting", "department", "drink"} <= nouns  # loan nouns of German
    assert not {"dad", "council", "however", "initially"} & nouns  # not German nouns
    assert all(word == word.lower() and " " not in word for word in nouns)


def test_sentence_start_word_before_a_german_word_needs_less_case_margin() -> None:
    # a capitalised first word that is no German noun, followed by a lower-case German word
    flags = flag_untranslated("Grandpa sagt, der Zug komme heute nicht mehr.", lang="de")
    assert [f.token for f in flags] == ["Grandpa"]
    # not when a second capitalised word or an English word follows: a name or a title
    assert flag_untranslated("Grandpa Joe sagt, der Zug komme heute nicht.", lang="de") == []
    assert flag_untranslated("Grandpa in Berlin sagt, der Zug komme nicht.", lang="de") == []


@pytest.mark.parametrize(
    "first",
    [
        "Die Ärztin Maria Young leitet die Klinik.",  # after a first name
        "Der Trainer Young lobt das Team.",  # after a title
        "Das Tor erzielte Will Young.",  # after a first name German writes in lower case
        "Der Sänger heißt Ashley Young Smith.",  # inside a run of names
    ],
)
def test_name_memory_keeps_a_known_name_at_a_sentence_start(first: str) -> None:
    second = "Young sagt, der Zug komme heute nicht mehr."
    assert [f.token for f in flag_untranslated(second, lang="de")] == ["Young"]
    assert flag_untranslated(f"{first} {second}", lang="de") == []
    # the memory is used only for that one word
    flags = flag_untranslated(f"{first} {second} Grandpa sagt das auch.", lang="de")
    assert [f.token for f in flags] == ["Grandpa"]
