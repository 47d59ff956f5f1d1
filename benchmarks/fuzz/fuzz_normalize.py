"""Coverage-guided fuzzing of ``normalize()`` and of every step with atheris.

Each input becomes a string (any Unicode, lone surrogates included) and a set of
options; the harness checks the library's promises and crashes on a broken one:
no exception, idempotence, valid flag and removal offsets, removals that account for
every vanished visible character, quotes that change nothing but quote characters.

Usage (atheris is on PyPI: ``pip install atheris``)::

    python benchmarks/fuzz/fuzz_normalize.py -max_total_time=1800 \
        benchmarks/out/fuzz_text benchmarks/fuzz/seeds_text
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsnorm"]):
    # import every module here: newsnorm loads its steps lazily, and only modules
    # imported inside this block are instrumented for coverage
    import newsnorm
    import newsnorm.ascii
    import newsnorm.encoding
    import newsnorm.langid
    import newsnorm.pipeline
    import newsnorm.untranslated
    import newsnorm.whitespace
    from newsnorm.boilerplate import apply_removals
    from newsnorm.quotes import QUOTE_STYLES

LANGS = [None, "de", "en", "fr", "es", "it", "nl", "de-CH"]
QUOTES = [None, "auto", *QUOTE_STYLES]
QUOTE_CHARS = set("\"'`´‘’‚‛“”„‟«»‹›′″\u00a0\u202f")


def _visible(text: str) -> str:
    return "".join(text.split())


def check(text: str, lang: str | None, quotes: str | None, level: str) -> None:
    result = newsnorm.normalize(text, lang=lang, quotes=quotes, boilerplate_level=level)
    again = newsnorm.normalize(result.text, lang=lang, quotes=quotes, boilerplate_level=level)
    assert again.text == result.text, ("not idempotent", text, result.text, again.text)
    for flag in result.flags:
        assert result.text[flag.start : flag.end] == flag.token, ("bad flag", flag)
        assert 0.0 <= flag.score <= 1.0
    source = result.boilerplate_input
    if source is not None:
        for removal in result.removed:
            assert source[removal.start : removal.end] == removal.text, ("bad removal", removal)
        stripped = apply_removals(source, result.removed)
        kept = list(source)
        for removal in sorted(result.removed, key=lambda r: r.start, reverse=True):
            del kept[removal.start : removal.end]
        assert _visible("".join(kept)) == _visible(stripped), "unreported removal"
    for style in QUOTE_STYLES:
        quoted = newsnorm.normalize_quotes(result.text, style=style)
        assert newsnorm.normalize_quotes(quoted, style=style) == quoted, ("quotes", style)
        # only quote characters change (fr also puts no-break spaces inside « »)
        before = [c for c in result.text if c not in QUOTE_CHARS]
        after = [c for c in quoted if c not in QUOTE_CHARS]
        if style == "fr":
            before = [c for c in before if not c.isspace()]
            after = [c for c in after if not c.isspace()]
        assert before == after, ("quotes changed text", style)
    fixed = newsnorm.fix_encoding(text)
    assert newsnorm.fix_encoding(fixed) == fixed, "fix_encoding not idempotent"
    spaced = newsnorm.normalize_whitespace(text)
    assert newsnorm.normalize_whitespace(spaced) == spaced, "whitespace not idempotent"
    newsnorm.to_ascii(text)
    newsnorm.detect_language(text)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = LANGS[fdp.ConsumeIntInRange(0, len(LANGS) - 1)]
    quotes = QUOTES[fdp.ConsumeIntInRange(0, len(QUOTES) - 1)]
    level = ("conservative", "balanced", "aggressive")[fdp.ConsumeIntInRange(0, 2)]
    if fdp.ConsumeBool():
        text = fdp.ConsumeUnicode(fdp.remaining_bytes())
    else:
        text = fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", errors="replace")
    check(text, lang, quotes, level)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
