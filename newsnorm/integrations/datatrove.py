"""newsnorm as datatrove pipeline steps (``pip install "newsnorm[datatrove]"``).

- :class:`NewsnormFormatter` normalizes ``doc.text`` (like datatrove's own
  ``FTFYFormatter``) and writes newsnorm's report into ``doc.metadata["newsnorm"]``.
- :class:`NewsnormFilter` drops documents that are mostly boilerplate, empty,
  or hold untranslated tokens; with ``label_only=True`` it keeps every document
  and only records its verdict in the report.

Both take the options of :func:`newsnorm.normalize` as keywords, or a
configured :class:`newsnorm.Normalizer`; both pickle, so they run unchanged
under ``LocalPipelineExecutor``, ``SlurmPipelineExecutor`` and
``RayPipelineExecutor``.

>>> from datatrove.data import Document
>>> step = NewsnormFilter(lang="de", max_removed_share=0.5)
>>> doc = Document(text="zum Inhalt\\nDer Bundestag hat am Freitag ein Gesetz beschlossen.", id="1")
>>> step.filter(doc), doc.text
(True, 'Der Bundestag hat am Freitag ein Gesetz beschlossen.')
>>> doc.metadata["newsnorm"]["removed"][0]["reason"], doc.metadata["newsnorm"]["drop_reason"]
('skip link', None)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

try:
    from datatrove.data import Document
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.pipeline.formatters.base import BaseFormatter
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # pragma: no cover - exercised in a venv without the extra
    raise ImportError(
        "newsnorm.integrations.datatrove needs datatrove, which is not installed: "
        'pip install "newsnorm[datatrove]"'
    ) from exc

from newsnorm.pipeline import Normalizer
from newsnorm.types import Normalized

__all__ = [
    "DROP_REASONS",
    "NewsnormFilter",
    "NewsnormFormatter",
    "removed_share",
    "report_of",
]

DROP_REASONS: tuple[str, ...] = ("boilerplate", "empty", "untranslated")
"""Why :class:`NewsnormFilter` drops a document, in the order they are checked."""


def report_of(result: Normalized) -> dict[str, Any]:
    """The report stored in ``doc.metadata``: ``result.to_dict()`` without the text.

    It has the same keys as the ``newsnorm`` key the CLI writes to JSONL.

    >>> from newsnorm import normalize
    >>> sorted(report_of(normalize("Hallo Welt", lang="de")))
    ['changed', 'flags', 'lang', 'lang_score', 'removed', 'steps']
    """
    report = result.to_dict()
    del report["text"]
    return report


def removed_share(report: dict[str, Any]) -> float:
    """The share of characters the boilerplate step removed (0.0 when it did not run).

    >>> removed_share({"steps": [{"step": "boilerplate", "chars_in": 200, "chars_out": 50}]})
    0.75
    """
    for step in report.get("steps", ()):
        if step.get("step") == "boilerplate":
            chars_in = int(step["chars_in"])
            if chars_in <= 0:
                return 0.0
            return max(0.0, (chars_in - int(step["chars_out"])) / chars_in)
    return 0.0


def _is_report(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("flags"), list) and "steps" in value


def _make_normalizer(
    normalizer: Normalizer | None, options: dict[str, Any], cls: str
) -> Normalizer:
    if normalizer is None:
        return Normalizer(**options)
    if not isinstance(normalizer, Normalizer):
        raise TypeError(f"{cls}(): normalizer must be a newsnorm.Normalizer, not {normalizer!r}")
    if options:
        raise TypeError(
            f"{cls}(): pass either a Normalizer or normalize options, not both "
            f"(got {', '.join(sorted(options))} as well)"
        )
    return normalizer


class NewsnormFormatter(BaseFormatter):
    """Normalize ``doc.text`` and put the report into ``doc.metadata[metadata_key]``.

    ``NewsnormFormatter(lang="de", quotes="de")`` takes :func:`newsnorm.normalize`'s
    options; ``NewsnormFormatter(normalizer)`` a configured ``Normalizer``.
    ``metadata_key=None`` leaves the metadata alone. Stats: ``changed``
    (documents whose text changed), ``flagged`` (documents with untranslated-token
    flags) and ``boilerplate_removed`` (documents that lost boilerplate).

    >>> NewsnormFormatter(lang="de", boilerplate=False).format("FÃ¼r die Regierung ein Erfolg.")
    'Für die Regierung ein Erfolg.'
    """

    name = "📰 newsnorm"

    def __init__(
        self,
        normalizer: Normalizer | None = None,
        *,
        metadata_key: str | None = "newsnorm",
        **options: Any,
    ) -> None:
        super().__init__()
        self.normalizer = _make_normalizer(normalizer, options, "NewsnormFormatter")
        if metadata_key is not None and not isinstance(metadata_key, str):
            raise TypeError(
                f"NewsnormFormatter(): metadata_key must be a str or None, not {metadata_key!r}"
            )
        self.metadata_key = metadata_key

    def format(self, text: str) -> str:
        """The normalized text (without the report)."""
        return self.normalizer(text).text

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Document]:
        """Normalize every document of *data*, writing the report into its metadata."""
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                result = self.normalizer(doc.text)
                doc.text = result.text
                if self.metadata_key is not None:
                    doc.metadata[self.metadata_key] = report_of(result)
            if result.changed:
                self.stat_update("changed")
            if result.flags:
                self.stat_update("flagged")
            if result.removed:
                self.stat_update("boilerplate_removed")
            yield doc


class NewsnormFilter(BaseFilter):
    """Drop (or, with ``label_only=True``, only label) flagged or boilerplate-heavy documents.

    A document is dropped, checking in this order, when the boilerplate step
    removed more than ``max_removed_share`` of its characters (reason
    ``"boilerplate"``), when it is empty after normalization and ``drop_empty``
    is on (``"empty"``), or when it has more than ``max_flags`` untranslated-token
    flags (``"untranslated"``). ``None`` switches a threshold off. datatrove
    counts the drops per reason (``dropped_boilerplate``, …); with
    ``label_only=True`` nothing is dropped and the counts are ``labelled_<reason>``.

    The report goes into ``doc.metadata[metadata_key]`` with two more keys:
    ``removed_share`` and ``drop_reason`` (``None`` for a document that passes).
    ``normalize_text=True`` (the default) also replaces ``doc.text`` with the
    normalized text; ``False`` keeps the original text and only judges it.
    When the metadata already holds a newsnorm report (from a
    :class:`NewsnormFormatter` earlier in the pipeline, or from the CLI's JSONL
    output) it is judged as it is, without normalizing twice; pass
    ``reuse_report=False`` to always normalize.

    >>> from datatrove.data import Document
    >>> doc = Document(text="Impressum\\nDatenschutz\\nKontakt\\nKurz.", id="x")
    >>> NewsnormFilter(lang="de", max_removed_share=0.5).filter(doc)
    (False, 'boilerplate')
    """

    name = "📰 newsnorm filter"

    def __init__(
        self,
        normalizer: Normalizer | None = None,
        *,
        max_flags: int | None = 0,
        max_removed_share: float | None = 0.5,
        drop_empty: bool = True,
        label_only: bool = False,
        normalize_text: bool = True,
        reuse_report: bool = True,
        metadata_key: str = "newsnorm",
        exclusion_writer: Any = None,
        **options: Any,
    ) -> None:
        super().__init__(exclusion_writer)
        self.normalizer = _make_normalizer(normalizer, options, "NewsnormFilter")
        if max_flags is not None and (
            isinstance(max_flags, bool) or not isinstance(max_flags, int) or max_flags < 0
        ):
            raise ValueError(
                f"NewsnormFilter(): max_flags must be None or an int >= 0, not {max_flags!r}"
            )
        if max_removed_share is not None and (
            isinstance(max_removed_share, bool)
            or not isinstance(max_removed_share, (int, float))
            or not 0.0 <= float(max_removed_share) <= 1.0
        ):
            raise ValueError(
                "NewsnormFilter(): max_removed_share must be None or a number between 0 and 1, "
                f"not {max_removed_share!r}"
            )
        for flag_name, value in (
            ("drop_empty", drop_empty),
            ("label_only", label_only),
            ("normalize_text", normalize_text),
            ("reuse_report", reuse_report),
        ):
            if not isinstance(value, bool):
                raise TypeError(
                    f"NewsnormFilter(): {flag_name} must be True or False, not {value!r}"
                )
        if not isinstance(metadata_key, str):
            raise TypeError(f"NewsnormFilter(): metadata_key must be a str, not {metadata_key!r}")
        self.max_flags = max_flags
        self.max_removed_share = max_removed_share
        self.drop_empty = drop_empty
        self.label_only = label_only
        self.normalize_text = normalize_text
        self.reuse_report = reuse_report
        self.metadata_key = metadata_key

    def verdict(self, report: dict[str, Any], text: str) -> str | None:
        """Why a document with this report and (normalized) text is dropped; ``None`` to keep it."""
        if self.max_removed_share is not None and removed_share(report) > self.max_removed_share:
            return "boilerplate"
        if self.drop_empty and not text.strip():
            return "empty"
        if self.max_flags is not None and len(report["flags"]) > self.max_flags:
            return "untranslated"
        return None

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        """Judge one document: ``True`` keeps it, ``(False, reason)`` drops it."""
        report = doc.metadata.get(self.metadata_key) if self.reuse_report else None
        text = doc.text
        if not _is_report(report):
            result = self.normalizer(doc.text)
            report = report_of(result)
            text = result.text
            if self.normalize_text:
                doc.text = text
            doc.metadata[self.metadata_key] = report
        assert isinstance(report, dict)
        reason = self.verdict(report, text)
        report["removed_share"] = round(removed_share(report), 4)
        report["drop_reason"] = reason
        if reason is None:
            return True
        if self.label_only:
            self.stat_update(f"labelled_{reason}")
            return True
        return False, reason
