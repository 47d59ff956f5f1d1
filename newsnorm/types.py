"""The result types of newsnorm, in one place.

Every report newsnorm gives is made of these frozen, picklable dataclasses;
``to_dict()`` turns each into plain JSON-able data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Flag", "LanguageGuess", "Normalized", "Removal", "StepChange"]


@dataclass(frozen=True, slots=True)
class Flag:
    """A token that looks like it was left untranslated.

    ``text[start:end] == token`` holds for the text the flag was computed on.

    >>> Flag(start=4, end=13, token="initially", lang="en", score=0.97).to_dict()["token"]
    'initially'
    """

    start: int
    end: int
    token: str
    lang: str
    score: float
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        return {
            "start": self.start,
            "end": self.end,
            "token": self.token,
            "lang": self.lang,
            "score": round(self.score, 4),
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of boilerplate that was removed: a whole line, or a clearly delimited line tail.

    ``start``/``end`` are offsets into the text the boilerplate step was given,
    ``line`` its 1-based line number there, ``text`` exactly what was removed
    (``source[start:end] == text``), ``reason`` a short label a person can read
    ("navigation", "teaser block", "credit", "duplicate headline", …).

    >>> Removal(start=0, end=10, text="zum Inhalt", line=1, reason="skip link").reason
    'skip link'
    """

    start: int
    end: int
    text: str
    line: int
    reason: str
    kind: str = "line"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        return {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "text": self.text,
            "reason": self.reason,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The language detected for a text: an ISO 639-1 code (or ``None``) and a confidence in 0..1.

    >>> LanguageGuess("de", 0.9).lang
    'de'
    """

    lang: str | None
    score: float

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        return {"lang": self.lang, "score": round(self.score, 4)}


@dataclass(frozen=True, slots=True)
class StepChange:
    """What one pipeline step did: how many characters it took in and gave out."""

    step: str
    chars_in: int
    chars_out: int

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        return {"step": self.step, "chars_in": self.chars_in, "chars_out": self.chars_out}


@dataclass(frozen=True, slots=True)
class Normalized:
    """The result of :func:`newsnorm.normalize`.

    ``text`` is the final text (``str(result)`` gives it too); ``flags`` hold
    offsets into that final text; ``removed`` lists the boilerplate with offsets
    into the text the boilerplate step saw (``boilerplate_input``); ``lang`` is
    the language used or detected; ``changed`` names the steps that changed
    something, in pipeline order.

    >>> r = Normalized(text="Hallo", lang="de")
    >>> str(r), r.to_dict()["lang"]
    ('Hallo', 'de')
    """

    text: str
    lang: str | None = None
    lang_score: float = 0.0
    flags: tuple[Flag, ...] = ()
    removed: tuple[Removal, ...] = ()
    changed: tuple[str, ...] = ()
    steps: tuple[StepChange, ...] = ()
    boilerplate_input: str | None = field(default=None, repr=False, compare=False)

    def __str__(self) -> str:
        return self.text

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (the report, without ``boilerplate_input``)."""
        return {
            "text": self.text,
            "lang": self.lang,
            "lang_score": round(self.lang_score, 4),
            "flags": [f.to_dict() for f in self.flags],
            "removed": [r.to_dict() for r in self.removed],
            "changed": list(self.changed),
            "steps": [s.to_dict() for s in self.steps],
        }
