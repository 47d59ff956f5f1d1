"""One call that runs every step and reports what it did.

:func:`normalize` runs, in this order: ``encoding`` (:func:`~newsnorm.fix_encoding`),
``whitespace`` (:func:`~newsnorm.normalize_whitespace`), ``boilerplate``
(:func:`~newsnorm.strip_boilerplate`), ``quotes`` (:func:`~newsnorm.normalize_quotes`,
only when a style is asked for) and ``untranslated``
(:func:`~newsnorm.flag_untranslated`). Encoding is fixed before whitespace is
touched, because ftfy needs the original spacing.

:class:`Normalizer` is the same, configured once: a frozen, picklable dataclass
for repeated use in scrapers, process pools and cluster jobs.

>>> text = "zum Inhalt\\nDer Bundestag hat am Freitag ein Gesetz beschlossen."
>>> result = normalize(text, lang="de")
>>> result.text
'Der Bundestag hat am Freitag ein Gesetz beschlossen.'
>>> [(r.text, r.reason) for r in result.removed]
[('zum Inhalt', 'skip link')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsnorm._check import check_choice, ensure_str, replace_surrogates
from newsnorm._data import LANGUAGES
from newsnorm._lines import split_lines
from newsnorm.boilerplate import LEVELS, apply_removals, find_boilerplate
from newsnorm.encoding import fix_encoding
from newsnorm.langid import detect_language, supported_languages
from newsnorm.quotes import QUOTE_CHARS, QUOTE_STYLES, normalize_quotes, style_for_language
from newsnorm.types import Flag, Normalized, Removal, StepChange
from newsnorm.untranslated import DEFAULT_MIN_SCORE, flag_untranslated
from newsnorm.whitespace import normalize_whitespace

__all__ = ["STEPS", "Normalizer", "normalize", "normalize_lang_code"]

STEPS: tuple[str, ...] = ("encoding", "whitespace", "boilerplate", "quotes", "untranslated")
"""The pipeline's steps, in the order they run."""

_QUOTE_CHOICES: tuple[str, ...] = ("auto", *QUOTE_STYLES)


def normalize_lang_code(lang: object, *, func: str = "normalize") -> str | None:
    """Check a language option and bring it to canonical form (``"DE-ch"`` → ``"de-CH"``).

    ``None`` means "detect". A code must be one of the languages
    :func:`~newsnorm.detect_language` knows, optionally with a region
    (``de-CH``, ``en-GB``); anything else raises ``ValueError`` listing the
    valid codes.

    >>> normalize_lang_code("DE-ch")
    'de-CH'
    """
    if lang is None:
        return None
    if not isinstance(lang, str):
        raise TypeError(f"{func}(): lang must be a str or None, not {type(lang).__name__}")
    base, sep, region = lang.replace("_", "-").partition("-")
    base = base.lower()
    known = (*LANGUAGES, *(code for code in supported_languages() if code not in LANGUAGES))
    if base not in known or (sep and not (region.isalpha() and 2 <= len(region) <= 3)):
        listed = ", ".join(repr(code) for code in known)
        raise ValueError(
            f"{func}(): unknown lang {lang!r}; valid values are None (detect) or one of "
            f"{listed}, optionally with a region such as 'de-CH'"
        )
    return f"{base}-{region.upper()}" if sep else base


@dataclass(frozen=True)
class Normalizer:
    """A configured pipeline: ``Normalizer(lang="de", quotes="de")(text)`` returns a ``Normalized``.

    Options (all keyword-only):

    - ``lang``: the document language (``"de"``, ``"de-CH"``, …) or ``None`` to detect it.
    - ``quotes``: ``None`` leaves quotation marks alone; a style name
      (see :data:`newsnorm.QUOTE_STYLES`) normalizes them; ``"auto"`` uses the
      style of the document language.
    - ``encoding``, ``whitespace``, ``boilerplate``, ``untranslated``: switch a step off.
    - ``boilerplate_level``: ``"conservative"``, ``"balanced"`` or ``"aggressive"``.
    - ``keep_headline``, ``keep_captions``: passed to the boilerplate step.
    - ``source``: the language stray tokens come from (default English).
    - ``min_score``: the threshold for untranslated-token flags.

    >>> norm = Normalizer(lang="de", quotes="de")
    >>> norm('Er sagte: "Wir machen das wieder."').text
    'Er sagte: „Wir machen das wieder.“'
    """

    lang: str | None = None
    quotes: str | None = None
    encoding: bool = True
    whitespace: bool = True
    boilerplate: bool = True
    untranslated: bool = True
    boilerplate_level: str = "balanced"
    keep_headline: bool = True
    keep_captions: bool = True
    source: str = "en"
    min_score: float = DEFAULT_MIN_SCORE
    _lang: str | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lang", normalize_lang_code(self.lang, func="Normalizer"))
        if self.quotes is not None:
            check_choice(self.quotes, _QUOTE_CHOICES, "quotes style", "Normalizer")
        check_choice(self.boilerplate_level, LEVELS, "boilerplate_level", "Normalizer")
        check_choice(self.source, LANGUAGES, "source language", "Normalizer")
        for name in ("encoding", "whitespace", "boilerplate", "untranslated"):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise TypeError(f"Normalizer(): {name} must be True or False, not {value!r}")
        if isinstance(self.min_score, bool) or not isinstance(self.min_score, (int, float)):
            raise TypeError(f"Normalizer(): min_score must be a number, not {self.min_score!r}")
        if not 0.0 <= float(self.min_score) <= 1.0:
            raise ValueError(
                f"Normalizer(): min_score must be between 0 and 1, not {self.min_score}"
            )

    def options(self) -> dict[str, Any]:
        """The options as a plain dict (what ``Normalizer(**options)`` takes)."""
        return {
            "lang": self.lang,
            "quotes": self.quotes,
            "encoding": self.encoding,
            "whitespace": self.whitespace,
            "boilerplate": self.boilerplate,
            "untranslated": self.untranslated,
            "boilerplate_level": self.boilerplate_level,
            "keep_headline": self.keep_headline,
            "keep_captions": self.keep_captions,
            "source": self.source,
            "min_score": self.min_score,
        }

    def _quote_style(self, lang: str | None) -> str | None:
        """The quote style to apply for a document in *lang* (``None``: leave quotes)."""
        if self.quotes == "auto":
            return style_for_language(lang)
        return self.quotes

    def __call__(self, text: str) -> Normalized:
        """Normalize one document."""
        ensure_str(text, "normalize")
        steps: list[StepChange] = []
        changed: list[str] = []

        def record(step: str, before: str, after: str) -> None:
            steps.append(StepChange(step, len(before), len(after)))
            if after != before:
                changed.append(step)

        clean = replace_surrogates(text)
        if clean is not text:
            record("surrogates", text, clean)
        text = clean

        if self.encoding:
            fixed = fix_encoding(text)
            record("encoding", text, fixed)
            text = fixed
        if self.whitespace:
            spaced = normalize_whitespace(text)
            record("whitespace", text, spaced)
            text = spaced

        lang = self._lang
        lang_score = 1.0 if lang is not None else 0.0
        if lang is None:
            guess = detect_language(text)
            lang, lang_score = guess.lang, guess.score

        removed: tuple[Removal, ...] = ()
        boilerplate_input: str | None = None
        if self.boilerplate:
            boilerplate_input = text
            removed, stripped = self._strip(text, lang, lang)
            if removed and self._lang is None:
                # Decide the language on what is left: menus and footers in another
                # language must not pick the quote style, and a second run over the
                # output must see the same language (idempotence).
                guess = detect_language(stripped)
                if guess.lang != lang:
                    # The page was read with the phrases of its menus' language: settle
                    # it with the language detected anew on every pass, as a second run
                    # over the output would read it.
                    removed, stripped = self._strip(text, None, guess.lang)
                    guess = detect_language(stripped)
                lang, lang_score = guess.lang, guess.score
            record("boilerplate", text, stripped)
            text = stripped

        if self.quotes is not None:
            style = self._quote_style(lang)
            if style is not None:
                quoted = normalize_quotes(text, style=style)
                record("quotes", text, quoted)
                text = quoted

        flags: tuple[Flag, ...] = ()
        if self.untranslated and lang is not None:
            base = lang.partition("-")[0]
            # the detector knows a few languages the flagger has no data for (e.g. pl)
            if base != self.source and base in LANGUAGES:
                flags = tuple(
                    flag_untranslated(text, lang=base, source=self.source, min_score=self.min_score)
                )

        return Normalized(
            text=text,
            lang=lang,
            lang_score=lang_score,
            flags=flags,
            removed=removed,
            changed=tuple(changed),
            steps=tuple(steps),
            boilerplate_input=boilerplate_input,
        )

    def _strip(
        self, text: str, lang: str | None, quotes_lang: str | None
    ) -> tuple[tuple[Removal, ...], str]:
        """The boilerplate removals of *text* read as *lang* (``None``: detected on every
        pass), and the text without them; *quotes_lang* picks an ``"auto"`` quote style."""
        # Decide on the text as the quote step will leave it (same lines, other quote
        # marks), so that a second run over the output decides the same way.
        style = self._quote_style(quotes_lang)
        view = normalize_quotes(text, style=style) if style is not None else text
        found = find_boilerplate(
            view,
            lang=lang,
            level=self.boilerplate_level,
            keep_headline=self.keep_headline,
            keep_captions=self.keep_captions,
        )
        removed = tuple(found) if view == text else _map_removals(found, view, text)
        return removed, apply_removals(text, removed) if removed else text


def _map_removals(found: list[Removal], view: str, text: str) -> tuple[Removal, ...]:
    """Carry removals found on *view* (the text with normalized quotes) over to *text*.

    Both have the same lines; only quote marks (and, for ``fr``, the no-break spaces
    inside guillemets) differ. A removal keeps its distance from its line's start and
    end. A line tail (a credit) that is not the very same text in both is kept, not
    removed (conservative).
    """
    view_lines = split_lines(view)
    text_lines = split_lines(text)
    mapped: list[Removal] = []
    for removal in found:
        v_start, v_end, _ = view_lines[removal.line - 1]
        t_start, t_end, _ = text_lines[removal.line - 1]
        end = t_end - (v_end - removal.end)
        if removal.kind == "line":
            start = t_start + (removal.start - v_start)
        else:  # a tail is measured from the line's end: quote marks before it may differ
            start = _tail_start(text, t_start, end, removal.text)
        if not t_start <= start <= end <= t_end:
            continue
        piece = text[start:end]
        if removal.kind != "line" and _core(piece) != _core(removal.text):
            # not the same piece but for its quote marks: keep it (conservative)
            continue
        mapped.append(Removal(start, end, piece, removal.line, removal.reason, removal.kind))
    return tuple(mapped)


# what the quote step may change: the marks, and the (no-break) spaces beside guillemets
_QUOTE_VIEW_CHARS = QUOTE_CHARS + "\u00a0\u202f "
_QUOTE_VIEW = frozenset(_QUOTE_VIEW_CHARS)


def _core(piece: str) -> str:
    """*piece* without the characters the quote step may change."""
    return "".join(c for c in piece if c not in _QUOTE_VIEW)


def _tail_start(text: str, line_start: int, end: int, tail: str) -> int:
    """Where the line tail *tail* (found on the quote view) starts in *text*, which ends at *end*.

    The tail holds the same other characters in both; walking back from its end
    over as many of them, then over as many marks and spaces as it opens with.
    """
    need = len(_core(tail))
    lead = len(tail) - len(tail.lstrip(_QUOTE_VIEW_CHARS))
    start = end
    while need and start > line_start:
        start -= 1
        if text[start] not in _QUOTE_VIEW:
            need -= 1
    while lead and start > line_start and text[start - 1] in _QUOTE_VIEW:
        start -= 1
        lead -= 1
    return start


def normalize(
    text: str,
    *,
    lang: str | None = None,
    quotes: str | None = None,
    encoding: bool = True,
    whitespace: bool = True,
    boilerplate: bool = True,
    untranslated: bool = True,
    boilerplate_level: str = "balanced",
    keep_headline: bool = True,
    keep_captions: bool = True,
    source: str = "en",
    min_score: float = DEFAULT_MIN_SCORE,
) -> Normalized:
    """Run every step on *text* and report what changed, what was removed and what was flagged.

    The options are those of :class:`Normalizer`.

    >>> r = normalize("FÃ¼r die Regierung ist das ein wichtiger Schritt, sagte er am Montag.")
    >>> r.text, r.lang, r.changed
    ('Für die Regierung ist das ein wichtiger Schritt, sagte er am Montag.', 'de', ('encoding',))
    """
    return Normalizer(
        lang=lang,
        quotes=quotes,
        encoding=encoding,
        whitespace=whitespace,
        boilerplate=boilerplate,
        untranslated=untranslated,
        boilerplate_level=boilerplate_level,
        keep_headline=keep_headline,
        keep_captions=keep_captions,
        source=source,
        min_score=min_score,
    )(text)
