"""The review page: one self-contained HTML file that shows what newsnorm did.

Before trusting newsnorm with a million documents, look at what it does to a
few hundred. :class:`Review` runs the pipeline over every document it is given
and keeps running totals (lines removed by reason, the most frequent flagged
tokens, languages detected, characters changed by step) plus a deterministic
sample of documents: a seeded random sample and the documents with the most
changes. :meth:`Review.html` renders one HTML page with no external assets
(inline CSS, inline SVG charts, a few lines of inline JavaScript): removed
lines are struck through and coloured by reason, repaired spans are marked,
flagged tokens are highlighted with their score on hover. Every piece of
document text is HTML-escaped.

>>> page = review_html(["zum Inhalt\\nDer Bundestag hat am Freitag ein Gesetz beschlossen."])
>>> page.startswith("<!DOCTYPE html>"), '<del class="rm r-skip-link"' in page
(True, True)

The command line: ``newsnorm review pages.jsonl --field text -o review.html``
(see :func:`main`).
"""

from __future__ import annotations

import argparse
import heapq
import html
import itertools
import json
import logging
import random
import re
import sys
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

from newsnorm._check import replace_surrogates
from newsnorm._version import __version__
from newsnorm.types import Normalized

if TYPE_CHECKING:
    from newsnorm.pipeline import Normalizer

__all__ = ["Review", "main", "review_html"]

log = logging.getLogger("newsnorm.review")

#: Characters of one document shown on the page (the rest is cut at a line end).
MAX_SHOWN_CHARS = 30_000
#: Lines longer than this are not diffed for repairs; the whole line is marked instead.
MAX_DIFF_LINE = 1_000
#: At most this many changed lines per document are diffed for repairs.
MAX_DIFF_LINES = 400
#: How far (in characters) a flag or repair may have moved between pipeline stages.
_SLACK = 512
#: Rows in the "most frequent" charts.
CHART_ROWS = 15

_PALETTE = (
    "#d6336c", "#1c7ed6", "#f76707", "#2b8a3e", "#7048e8", "#a0522d",
    "#862e9c", "#495057", "#94a01f", "#0c8599", "#5f3dc4", "#e8590c",
    "#364fc7", "#5c940d", "#e64980", "#087f5b", "#b08900", "#9c36b5",
)  # fmt: skip


# --------------------------------------------------------------------------
# Collecting
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Doc:
    index: int
    name: str
    original: str
    result: Normalized

    @property
    def weight(self) -> int:
        """How much newsnorm did to this document (used to pick the 'most changes' ones)."""
        fixed = 1 if "encoding" in self.result.changed else 0
        return len(self.result.removed) + len(self.result.flags) + fixed


@dataclass
class _StepTotal:
    docs_changed: int = 0
    chars_in: int = 0
    chars_out: int = 0


@dataclass
class Review:
    """Runs the pipeline over documents, keeps totals and a sample, renders the page.

    - ``normalizer``: the :class:`~newsnorm.Normalizer` to run (default options
      when ``None``).
    - ``sample``: how many documents to show, drawn at random (seeded, so the
      same input and seed give the same page).
    - ``top``: how many more to show: those with the most removals, flags and
      repairs.
    - ``seed``: the seed of the random sample.

    Memory is bounded by ``sample + top`` documents, whatever the input size.

    >>> review = Review(sample=1, top=0)
    >>> review.add("a.txt", "Der Bundestag hat am Freitag ein Gesetz beschlossen.").lang
    'de'
    >>> review.documents, review.languages["de"]
    (1, 1)
    """

    normalizer: Normalizer | None = None
    sample: int = 20
    top: int = 10
    seed: int = 0
    documents: int = 0
    errors: list[str] = field(default_factory=list)
    chars_in: int = 0
    chars_out: int = 0
    docs_changed: int = 0
    removed_lines: Counter[str] = field(default_factory=Counter)
    removed_chars: Counter[str] = field(default_factory=Counter)
    flagged_tokens: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    steps: dict[str, _StepTotal] = field(default_factory=dict)
    _rng: random.Random = field(init=False, repr=False)
    _reservoir: list[_Doc] = field(init=False, repr=False, default_factory=list)
    _heap: list[tuple[int, int, _Doc]] = field(init=False, repr=False, default_factory=list)

    def __post_init__(self) -> None:
        for name in ("sample", "top", "seed"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"Review(): {name} must be an int, not {value!r}")
        if self.sample < 0 or self.top < 0:
            raise ValueError("Review(): sample and top must be 0 or more")
        if self.normalizer is None:
            from newsnorm.pipeline import Normalizer

            self.normalizer = Normalizer()
        self._rng = random.Random(self.seed)

    def add(self, name: str, text: str) -> Normalized:
        """Normalize one document, count what happened and maybe keep it for the page."""
        from newsnorm._check import ensure_str

        ensure_str(text, "Review.add")
        assert self.normalizer is not None
        result = self.normalizer(text)
        self.add_result(name, text, result)
        return result

    def add_result(self, name: str, original: str, result: Normalized) -> None:
        """Count a document that was normalized elsewhere (``result`` of ``original``)."""
        doc = _Doc(self.documents, replace_surrogates(str(name)), original, result)
        self.documents += 1
        self.chars_in += len(original)
        self.chars_out += len(result.text)
        if result.changed:
            self.docs_changed += 1
        for removal in result.removed:
            self.removed_lines[removal.reason] += 1
            self.removed_chars[removal.reason] += removal.end - removal.start
        for flag in result.flags:
            self.flagged_tokens[flag.token] += 1
        self.languages[result.lang or "unknown"] += 1
        for step in result.steps:
            total = self.steps.setdefault(step.step, _StepTotal())
            total.chars_in += step.chars_in
            total.chars_out += step.chars_out
            if step.step in result.changed:
                total.docs_changed += 1
        self._keep(doc)

    def add_error(self, message: str) -> None:
        """Note an input that could not be read (listed on the page)."""
        self.errors.append(replace_surrogates(message))

    def _keep(self, doc: _Doc) -> None:
        # reservoir sampling (algorithm R): every document has the same chance
        if self.sample:
            if len(self._reservoir) < self.sample:
                self._reservoir.append(doc)
            else:
                slot = self._rng.randrange(doc.index + 1)
                if slot < self.sample:
                    self._reservoir[slot] = doc
        weight = doc.weight
        if self.top and weight > 0:
            item = (weight, -doc.index, doc)
            if len(self._heap) < self.top:
                heapq.heappush(self._heap, item)
            elif item[:2] > self._heap[0][:2]:
                heapq.heapreplace(self._heap, item)

    def shown(self) -> list[tuple[_Doc, tuple[str, ...]]]:
        """The documents the page shows, in input order, each with why it is shown."""
        why: dict[int, list[str]] = {}
        docs: dict[int, _Doc] = {}
        for doc in self._reservoir:
            docs[doc.index] = doc
            why.setdefault(doc.index, []).append("sample")
        for _, _, doc in self._heap:
            docs[doc.index] = doc
            why.setdefault(doc.index, []).append("most changes")
        return [(docs[i], tuple(why[i])) for i in sorted(docs)]

    def html(self, *, title: str = "newsnorm review") -> str:
        """The self-contained review page."""
        return _render_page(self, title=replace_surrogates(title))


def review_html(
    documents: Iterable[str | tuple[str, str]],
    *,
    normalizer: Normalizer | None = None,
    sample: int = 20,
    top: int = 10,
    seed: int = 0,
    title: str = "newsnorm review",
) -> str:
    """Normalize *documents* (texts, or ``(name, text)`` pairs) and return the review page.

    The options are those of :class:`Review`; the page is the same for the same
    input and options.

    >>> page = review_html([("a.txt", "Der Bundestag tagte am Freitag. <script>x</script>")])
    >>> "&lt;script&gt;x&lt;/script&gt;" in page, "<script>x" in page
    (True, False)
    """
    review = Review(normalizer=normalizer, sample=sample, top=top, seed=seed)
    for number, item in enumerate(documents, 1):
        if isinstance(item, tuple):
            name, text = item
        else:
            name, text = f"document {number}", item
        review.add(name, text)
    return review.html(title=title)


# --------------------------------------------------------------------------
# Locating flags and repairs in the text that is shown
# --------------------------------------------------------------------------
class _Locator:
    """Finds strings in *base* in document order near an estimated position.

    Positions estimated in another stage's coordinates drift as earlier stages
    add or remove characters; the drift is learnt from each hit. Every search
    looks only between the previous hit and a bounded distance past the
    estimate, so locating all items costs linear time in the text.
    """

    def __init__(self, base: str, blocked: Sequence[tuple[int, int]] = ()) -> None:
        self.base = base
        self.cursor = 0
        self.drift = 0
        self._blocked = sorted(blocked)
        self._block_starts = [s for s, _ in self._blocked]

    def _is_blocked(self, start: int, end: int) -> bool:
        i = bisect_right(self._block_starts, start) - 1
        if i >= 0 and self._blocked[i][1] > start:
            return True
        j = bisect_right(self._block_starts, end - 1) - 1
        return j >= 0 and self._blocked[j][1] > start and self._blocked[j][0] < end

    def find(self, needle: str, estimate: int) -> int | None:
        if not needle:
            return None
        guess = max(estimate + self.drift, self.cursor)
        hi = min(len(self.base), guess + len(needle) + _SLACK)
        lo = max(self.cursor, guess - _SLACK)
        best: int | None = None
        pos = self.base.find(needle, lo, hi)
        while pos >= 0:
            if not self._is_blocked(pos, pos + len(needle)) and (
                best is None or abs(pos - guess) < abs(best - guess)
            ):
                best = pos
            if pos > guess:
                break
            pos = self.base.find(needle, pos + 1, hi)
        if best is None:
            return None
        self.cursor = best + len(needle)
        self.drift = best - estimate
        return best


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str  # "rm", "fix" or "flag"
    label: str  # reason class (rm) or tooltip text
    reason: str = ""


def _removal_spans(base: str, result: Normalized) -> list[_Span]:
    spans = []
    for removal in result.removed:
        if 0 <= removal.start < removal.end <= len(base):
            spans.append(_Span(removal.start, removal.end, "rm", removal.kind, removal.reason))
    return spans


def _kept_to_base(removals: Sequence[_Span]) -> list[tuple[int, int]]:
    """(offset in the stripped text, offset in base) at the start of every kept stretch."""
    table = [(0, 0)]
    removed = 0
    for span in sorted(removals, key=lambda s: s.start):
        removed += span.end - span.start
        table.append((span.end - removed, span.end))
    return table


def _flag_spans(
    base: str, result: Normalized, removals: Sequence[_Span]
) -> tuple[list[_Span], int]:
    if not result.flags:
        return [], 0
    table = _kept_to_base(removals) if result.boilerplate_input is not None else [(0, 0)]
    keys = [k for k, _ in table]
    locator = _Locator(base, [(s.start, s.end) for s in removals])
    spans, missing = [], 0
    for flag in sorted(result.flags, key=lambda f: f.start):
        i = bisect_right(keys, flag.start) - 1
        estimate = table[i][1] + (flag.start - table[i][0])
        pos = locator.find(flag.token, estimate)
        if pos is None:
            missing += 1
            continue
        tip = f"untranslated? {flag.lang} · score {flag.score:.2f}"
        if flag.reason:
            tip += f" · {flag.reason}"
        spans.append(_Span(pos, pos + len(flag.token), "flag", tip))
    return spans, missing


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to the surrounding run of non-space characters (at most 40 more)."""
    lo, hi = start, end
    while lo > 0 and start - lo < 40 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and hi - end < 40 and not text[hi].isspace():
        hi += 1
    return lo, hi


def _codepoints(text: str) -> str:
    shown = " ".join(f"U+{ord(ch):04X}" for ch in text[:8])
    return shown + (" …" if len(text) > 8 else "")


def _describe_change(old: str, new: str) -> str:
    """``'Ã¼' → 'ü'``; with code points when the change is invisible (NFC, spaces, controls)."""
    change = f"{old!r} → {new!r}"
    if any(unicodedata.category(ch)[0] in "CMZ" for ch in old + new):
        change += f" ({_codepoints(old)} → {_codepoints(new)})"
    return change


def _line_repairs(line: str, fixed: str) -> list[tuple[int, int, str]]:
    """Repaired spans of one line: (start, end) in *fixed* and what they were."""
    if len(line) > MAX_DIFF_LINE or len(fixed) > MAX_DIFF_LINE:
        return [(0, len(fixed), "line repaired (too long to show each change)")] if fixed else []
    found: list[tuple[int, int, list[str]]] = []
    matcher = SequenceMatcher(None, line, fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag not in ("replace", "insert"):
            continue
        lo, hi = _word_bounds(fixed, j1, j2)
        change = _describe_change(line[i1:i2], fixed[j1:j2])
        if found and lo < found[-1][1]:
            found[-1] = (found[-1][0], max(hi, found[-1][1]), [*found[-1][2], change])
        else:
            found.append((lo, hi, [change]))
    return [(lo, hi, "repaired: " + ", ".join(changes)) for lo, hi, changes in found]


def _repair_spans(base: str, doc: _Doc, limit: int) -> tuple[list[_Span], int]:
    """Spans of *base* that the encoding step changed, found by fixing the input line by line."""
    if "encoding" not in doc.result.changed:
        return [], 0
    from newsnorm.encoding import fix_encoding

    original = replace_surrogates(doc.original)
    locator = _Locator(base)
    spans: list[_Span] = []
    missing = diffed = offset = 0
    for line in original.splitlines():
        if offset > limit + _SLACK or diffed >= MAX_DIFF_LINES:
            break
        fixed = fix_encoding(line)
        if fixed != line:
            diffed += 1
            for lo, hi, tip in _line_repairs(line, fixed):
                pos = locator.find(fixed[lo:hi], offset + lo)
                if pos is None:
                    missing += 1
                else:
                    spans.append(_Span(pos, pos + hi - lo, "fix", tip))
        offset += len(fixed) + 1
    return spans, missing


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------
def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "other"


class _Reasons:
    """A CSS class and a colour for every removal reason (most frequent first)."""

    def __init__(self, counts: Counter[str]) -> None:
        self.cls: dict[str, str] = {}
        self.color: dict[str, str] = {}
        used: set[str] = set()
        for i, (reason, _) in enumerate(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))):
            self._add(reason, i, used)

    def _add(self, reason: str, i: int, used: set[str]) -> None:
        base = "r-" + _slug(reason)
        name, n = base, 2
        while name in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name)
        self.cls[reason] = name
        self.color[reason] = _PALETTE[i % len(_PALETTE)]

    def of(self, reason: str) -> str:
        if reason not in self.cls:  # a reason only seen in a document, not in the totals
            self._add(reason, len(self.cls), set(self.cls.values()))
        return self.cls[reason]

    def css(self) -> str:
        rules = []
        for reason, name in self.cls.items():
            color = self.color[reason]
            rules.append(f".{name}{{--c:{color};--bg:{_tint(color)}}}")
            rules.append(f"body.hide-{name} .line.{name}{{display:none}}")
        return "\n".join(rules)


def _tint(color: str, keep: float = 0.16) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * keep):02x}" for c in (r, g, b))


def _bar_chart(
    title: str, rows: Sequence[tuple[str, float, str, str]], *, empty: str, chart_id: str
) -> str:
    """An inline SVG horizontal bar chart; rows are (label, value, colour, tooltip)."""
    head = f'<figure class="chart" id="{chart_id}"><figcaption>{_esc(title)}</figcaption>'
    if not rows:
        return head + f'<p class="empty">{_esc(empty)}</p></figure>'
    label_w, bar_w, row_h = 190, 250, 22
    width, height = label_w + bar_w + 70, row_h * len(rows) + 4
    top = max((abs(v) for _, v, _, _ in rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{_esc(title)}">'
    ]
    for i, (label, value, color, tip) in enumerate(rows):
        y = 2 + i * row_h
        w = max(1.0, bar_w * abs(value) / top) if value else 0.0
        shown = label if len(label) <= 28 else label[:27] + "…"
        number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
        parts.append(
            f'<g class="bar"><title>{_esc(tip)}</title>'
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_esc(shown)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
            f'fill="{color}" rx="2"/>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + 15}" class="num">{number}</text></g>'
        )
    parts.append("</svg>")
    return head + "".join(parts) + "</figure>"


def _top(counter: Counter[str], n: int) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _charts(review: Review, reasons: _Reasons) -> str:
    removed = [
        (
            reason,
            count,
            reasons.color[reason],
            f"{reason}: {count:,} removals, {review.removed_chars[reason]:,} characters",
        )
        for reason, count in _top(review.removed_lines, 20)
    ]
    tokens = [
        (tok, n, "#e0a800", f"{tok!r} flagged {n:,} times")
        for tok, n in _top(review.flagged_tokens, CHART_ROWS)
    ]
    langs = [
        (lang, n, "#1c7ed6", f"{lang}: {n:,} documents ({n / max(review.documents, 1):.0%})")
        for lang, n in _top(review.languages, CHART_ROWS)
    ]
    steps = []
    for step, total in review.steps.items():
        delta = total.chars_in - total.chars_out
        tip = (
            f"{step}: changed {total.docs_changed:,} documents; "
            f"{total.chars_in:,} characters in, {total.chars_out:,} out"
        )
        steps.append((f"{step} ({total.docs_changed:,} docs)", delta, "#2b8a3e", tip))
    return "".join(
        [
            _bar_chart("Lines removed by reason", removed, empty="Nothing was removed.",
                       chart_id="chart-removed"),
            _bar_chart("Most frequent flagged tokens", tokens, empty="No token was flagged.",
                       chart_id="chart-flags"),
            _bar_chart("Languages detected", langs, empty="No documents.",
                       chart_id="chart-langs"),
            _bar_chart("Characters removed by step (in − out)", steps,
                       empty="No step ran.", chart_id="chart-steps"),
        ]
    )  # fmt: skip


def _render_line(text: str, start: int, spans: Sequence[_Span], reasons: _Reasons) -> str:
    """One line of the shown text, with nested <del>/<ins>/<mark> for the spans touching it."""
    end = start + len(text)
    cuts = {start, end}
    for span in spans:
        cuts.add(min(max(span.start, start), end))
        cuts.add(min(max(span.end, start), end))
    points = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(points):
        if a == b:
            continue
        piece = _esc(text[a - start : b - start])
        active = {s.kind: s for s in spans if s.start <= a and s.end >= b}
        if "flag" in active:
            piece = f'<mark class="flag" title="{_esc(active["flag"].label)}">{piece}</mark>'
        if "fix" in active:
            piece = f'<ins class="fix" title="{_esc(active["fix"].label)}">{piece}</ins>'
        if "rm" in active:
            rm = active["rm"]
            tip = f"removed ({rm.label}): {rm.reason}"
            piece = (
                f'<del class="rm {reasons.of(rm.reason)}" data-reason="{_esc(rm.reason)}" '
                f'title="{_esc(tip)}">{piece}</del>'
            )
        out.append(piece)
    return "".join(out)


def _render_text(base: str, spans: list[_Span], reasons: _Reasons) -> tuple[str, int]:
    """The shown text line by line; returns the HTML and how many lines were left out."""
    spans.sort(key=lambda s: (s.start, s.end))
    lines_html: list[str] = []
    lines = base.split("\n")
    pending = 0  # index of the first span that may touch the current line or a later one
    open_spans: list[_Span] = []
    offset = 0
    for number, line in enumerate(lines, 1):
        if offset >= MAX_SHOWN_CHARS and number > 1:
            return "".join(lines_html), len(lines) - number + 1
        if offset + len(line) > MAX_SHOWN_CHARS + 2_000:
            line = line[: max(0, MAX_SHOWN_CHARS + 2_000 - offset)]
        end = offset + len(line)
        open_spans = [s for s in open_spans if s.end > offset]
        while pending < len(spans) and spans[pending].start <= end:
            if spans[pending].end > offset or spans[pending].start == offset:
                open_spans.append(spans[pending])
            pending += 1
        touching = [s for s in open_spans if s.start < end or (s.start == end == offset)]
        classes = ["line"]
        attrs = ""
        whole = next(
            (s for s in touching if s.kind == "rm" and s.start <= offset and s.end >= end), None
        )
        why = ""
        if whole is not None and line:
            classes += ["rm-line", reasons.of(whole.reason)]
            attrs = f' data-reason="{_esc(whole.reason)}"'
            why = f'<span class="why">{_esc(whole.reason)}</span>'
        elif any(s.kind == "rm" for s in touching):
            tails = [s.reason for s in touching if s.kind == "rm"]
            classes += ["rm-part", *(reasons.of(r) for r in tails)]
            why = "".join(f'<span class="why">{_esc(r)}</span>' for r in tails)
        if not touching:
            classes.append("plain")
        body = _render_line(line, offset, touching, reasons) if touching else _esc(line)
        lines_html.append(
            f'<div class="{" ".join(classes)}"{attrs}><span class="no">{number}</span>'
            f'<span class="tx">{body}</span>{why}</div>'
        )
        offset += len(lines[number - 1]) + 1
    return "".join(lines_html), 0


def _render_doc(doc: _Doc, why: tuple[str, ...], reasons: _Reasons) -> str:
    result = doc.result
    base = result.boilerplate_input if result.boilerplate_input is not None else result.text
    removals = _removal_spans(base, result) if result.boilerplate_input is not None else []
    flags, flags_missing = _flag_spans(base, result, removals)
    repairs, repairs_missing = _repair_spans(base, doc, MAX_SHOWN_CHARS + 2_000)
    body, left_out = _render_text(base, [*removals, *flags, *repairs], reasons)
    lang = f"{result.lang} ({result.lang_score:.2f})" if result.lang else "unknown"
    facts = [
        f"language {lang}",
        f"{len(doc.original):,} → {len(result.text):,} characters",
        f"{len(result.removed)} removed",
        f"{len(result.flags)} flagged",
        "steps that changed it: " + (", ".join(result.changed) or "none"),
    ]
    notes = []
    if left_out:
        notes.append(
            f"{left_out:,} more lines not shown (page limit {MAX_SHOWN_CHARS:,} characters)."
        )
    if flags_missing or repairs_missing:
        notes.append(
            f"{flags_missing} flags and {repairs_missing} repairs could not be placed in the "
            "text shown (a later step changed them)."
        )
    tags = "".join(f'<span class="tag">{_esc(w)}</span>' for w in why)
    note_html = "".join(f'<p class="note">{_esc(n)}</p>' for n in notes)
    return (
        f'<section class="doc" id="doc-{doc.index + 1}" data-index="{doc.index + 1}">'
        f"<h3>#{doc.index + 1} {_esc(doc.name)} {tags}</h3>"
        f'<p class="facts">{_esc(" · ".join(facts))}</p>{note_html}'
        f'<div class="text">{body}</div></section>'
    )


_CSS = """
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212529;
background:#f8f9fa}
body{max-width:1180px;margin:0 auto;padding:16px 24px 64px}
h1{font-size:1.6rem;margin:.2em 0}
h2{font-size:1.25rem;margin-top:1.6em;border-bottom:1px solid #dee2e6}
h3{font-size:1rem;margin:.2em 0}
.meta,.facts,.note{color:#495057;font-size:.9rem;margin:.3em 0}.note{color:#a61e4d}
table.totals{border-collapse:collapse;margin:.5em 0}
table.totals td{padding:2px 14px 2px 0}
table.totals td.n{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:12px}
figure.chart{margin:0;background:#fff;border:1px solid #dee2e6;border-radius:6px;padding:8px 12px}
figcaption{font-weight:600;margin-bottom:4px}
svg text{font-size:12px;fill:#343a40}svg text.num{fill:#495057}
p.empty{color:#868e96;font-style:italic}
.controls{position:sticky;top:0;background:#f8f9fa;padding:8px 0;z-index:2;
border-bottom:1px solid #dee2e6;font-size:.9rem}
.controls label{margin-right:12px;white-space:nowrap}
.legend .sw{display:inline-block;width:.8em;height:.8em;border-radius:2px;background:var(--c);
vertical-align:-1px;margin-right:3px}
section.doc{background:#fff;border:1px solid #dee2e6;border-radius:6px;padding:10px 14px;
margin:14px 0}
.tag{font-size:.75rem;font-weight:500;background:#e7f5ff;color:#1864ab;border-radius:9px;
padding:1px 8px;margin-left:6px;vertical-align:1px}
.text{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:13px;
line-height:1.5;border-top:1px solid #f1f3f5;margin-top:6px;padding-top:6px}
.line{display:flex;gap:10px;min-height:1.5em}
.line .no{flex:0 0 3.2em;text-align:right;color:#adb5bd;user-select:none}
.line .tx{flex:1 1 auto;white-space:pre-wrap;overflow-wrap:anywhere}
.line .why{flex:0 0 auto;font-family:system-ui,sans-serif;font-size:11px;color:#fff;
background:var(--c,#868e96);border-radius:3px;padding:0 5px;height:1.5em;line-height:1.5em}
.line.rm-line{background:var(--bg)}
.line.rm-part .why{background:#868e96}
del.rm{color:var(--c);background:var(--bg);text-decoration:line-through;
text-decoration-color:var(--c);text-decoration-thickness:1.5px}
ins.fix{text-decoration:none;background:#d3f9d8;border-bottom:2px solid #2f9e44}
mark.flag{background:#ffe066;border-bottom:2px solid #e0a800;border-radius:2px;cursor:help}
body.changed-only .line.plain{display:none}
section.doc.hidden{display:none}
.errors{color:#a61e4d}
"""

_JS = """
(function () {
  "use strict";
  var body = document.body;
  document.querySelectorAll("input[data-hide]").forEach(function (box) {
    box.addEventListener("change", function () {
      body.classList.toggle("hide-" + box.getAttribute("data-hide"), !box.checked);
    });
  });
  var changed = document.getElementById("changed-only");
  if (changed) {
    changed.addEventListener("change", function () {
      body.classList.toggle("changed-only", changed.checked);
    });
  }
  var docs = Array.prototype.slice.call(document.querySelectorAll("section.doc"));
  var count = document.getElementById("shown-count");
  function update() {
    var shown = docs.filter(function (d) { return !d.classList.contains("hidden"); });
    if (count) { count.textContent = String(shown.length); }
  }
  var filter = document.getElementById("filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var q = filter.value.toLowerCase();
      docs.forEach(function (d) {
        d.classList.toggle("hidden", q !== "" && d.textContent.toLowerCase().indexOf(q) < 0);
      });
      update();
    });
  }
  document.querySelectorAll("mark.flag").forEach(function (m) {
    m.setAttribute("tabindex", "0");
    m.setAttribute("aria-label", m.textContent + ": " + m.getAttribute("title"));
  });
  update();
  document.documentElement.setAttribute("data-review-ready", "true");
})();
"""


def _render_page(review: Review, *, title: str) -> str:
    reasons = _Reasons(review.removed_lines)
    shown = review.shown()
    docs_html = "".join(_render_doc(doc, why, reasons) for doc, why in shown)
    opts = review.normalizer.options() if review.normalizer is not None else {}
    options = ", ".join(f"{k}={v!r}" for k, v in opts.items())
    removed_total = sum(review.removed_lines.values())
    flags_total = sum(review.flagged_tokens.values())
    totals = [
        ("documents", f"{review.documents:,}"),
        ("changed by newsnorm", f"{review.docs_changed:,}"),
        ("characters in → out", f"{review.chars_in:,} → {review.chars_out:,}"),
        ("pieces of boilerplate removed", f"{removed_total:,}"),
        ("tokens flagged", f"{flags_total:,}"),
        ("inputs that could not be read", f"{len(review.errors):,}"),
    ]
    rows = "".join(f'<tr><td>{_esc(k)}</td><td class="n">{_esc(v)}</td></tr>' for k, v in totals)
    errors = ""
    if review.errors:
        items = "".join(f"<li>{_esc(e)}</li>" for e in review.errors[:50])
        more = len(review.errors) - 50
        extra = f"<li>… and {more:,} more</li>" if more > 0 else ""
        errors = f'<ul class="errors">{items}{extra}</ul>'
    legend = "".join(
        f'<label class="legend {cls}"><input type="checkbox" checked data-hide="{cls}">'
        f'<span class="sw"></span>{_esc(reason)}</label>'
        for reason, cls in reasons.cls.items()
    )
    sample_note = (
        f"{len(shown)} of {review.documents:,} documents: a random sample of up to "
        f"{review.sample} (seed {review.seed}) and up to {review.top} with the most changes."
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{_CSS}{reasons.css()}</style></head>\n"
        f'<body><header><h1>{_esc(title)}</h1><p class="meta">newsnorm {_esc(__version__)} · '
        f"options: {_esc(options)}</p></header>\n"
        f'<section id="summary"><h2>Summary</h2><table class="totals">{rows}</table>{errors}'
        f'<div class="charts">{_charts(review, reasons)}</div></section>\n'
        f'<section id="documents"><h2>Documents</h2><p class="meta">{_esc(sample_note)} '
        "Removed lines are struck through and coloured by reason, "
        '<ins class="fix">repaired spans</ins> are underlined in green, '
        '<mark class="flag">flagged tokens</mark> show their score on hover.</p>'
        '<div class="controls"><label><input type="checkbox" id="changed-only"> '
        'only changed lines</label><label>find: <input type="search" id="filter" '
        'placeholder="text in a document"></label> showing <span id="shown-count">'
        f"{len(shown)}</span> documents<br>{legend}</div>\n"
        f"{docs_html}</section>\n"
        f"<script>{_JS}</script></body></html>\n"
    )


# --------------------------------------------------------------------------
# The command line: newsnorm review ...
# --------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    """The parser of ``newsnorm review`` (also used to document it)."""
    from newsnorm.cli import add_normalizer_options

    parser = argparse.ArgumentParser(
        prog="newsnorm review",
        description="Normalize documents and write one self-contained HTML page that shows "
        "what newsnorm did: summary charts and a sample of documents with removed lines, "
        "repairs and flagged tokens marked.",
        epilog="Exit status: 0 ok, 1 some records or files could not be read "
        "(reported on stderr and on the page), 2 usage error or aborted run.",
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        default=["-"],
        metavar="FILE",
        help="plain-text files or JSONL files (*.jsonl, *.ndjson or --jsonl); "
        "'-' or nothing reads stdin",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the HTML page here (default: stdout)"
    )
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help="every input is JSON Lines (default: only *.jsonl and *.ndjson)",
    )
    parser.add_argument(
        "--field", default="text", help="the JSONL field holding the text (default: text)"
    )
    parser.add_argument(
        "--id-field",
        default=None,
        metavar="FIELD",
        help="a JSONL field that names each document, e.g. url "
        "(default: file name and line number)",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=20,
        metavar="N",
        help="documents shown, drawn at random (default: 20)",
    )
    parser.add_argument(
        "--top",
        type=int,
        default=10,
        metavar="N",
        help="more documents shown: those with the most removals, flags and repairs (default: 10)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the random sample (default: 0)"
    )
    parser.add_argument(
        "--limit", type=int, default=None, metavar="N", help="read at most N documents"
    )
    parser.add_argument("--title", default="newsnorm review", help="the page title")
    parser.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    parser.add_argument(
        "--decode-errors",
        choices=("strict", "replace"),
        default="strict",
        help="invalid bytes in the input: report them (strict, default) "
        "or replace them with U+FFFD",
    )
    add_normalizer_options(parser)
    parser.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )
    parser.add_argument("--no-progress", dest="progress", action="store_false")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="-v info, -vv debug")
    return parser  # fmt: skip


def _is_jsonl(name: str, forced: bool) -> bool:
    return forced or name.lower().endswith((".jsonl", ".ndjson", ".jsonl.txt"))


def _read_inputs(args: argparse.Namespace, review: Review, progress_on: bool) -> None:
    from newsnorm.cli import _describe_decode_error, _input_size, _open_input, _Progress

    remaining = args.limit
    for name in args.inputs:
        if remaining is not None and remaining <= 0:
            return
        label = "stdin" if name == "-" else name
        progress = _Progress(_input_size(name), progress_on, Path(label).name)
        stream = _open_input(name)
        try:
            if not _is_jsonl(name, args.jsonl):
                data = stream.read()
                progress.update(len(data))
                try:
                    text = data.decode(args.encoding, errors=args.decode_errors)
                except UnicodeDecodeError as exc:
                    _error(review, f"{label}: {_describe_decode_error(exc)}; skipped")
                    continue
                review.add(label, text)
                remaining = None if remaining is None else remaining - 1
                continue
            for lineno, raw in enumerate(stream, 1):
                progress.update(len(raw))
                if remaining is not None and remaining <= 0:
                    return
                named = _read_record(raw, args, f"{label}:{lineno}")
                if isinstance(named, str):
                    _error(review, f"{label}:{lineno}: {named}; skipped")
                    continue
                review.add(*named)
                remaining = None if remaining is None else remaining - 1
        finally:
            progress.close()
            if stream is not sys.stdin.buffer:
                stream.close()


def _error(review: Review, message: str) -> None:
    log.error("%s", message)
    review.add_error(message)


def _read_record(raw: bytes, args: argparse.Namespace, where: str) -> tuple[str, str] | str:
    """(name, text) of one JSONL line, or what is wrong with it."""
    from newsnorm.cli import _describe_decode_error

    try:
        line = raw.rstrip(b"\r\n").decode(args.encoding, errors=args.decode_errors)
    except UnicodeDecodeError as exc:
        return _describe_decode_error(exc)
    if not line.strip():
        return "empty line (no JSON object)"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"invalid JSON ({exc.msg} at column {exc.colno})"
    except RecursionError:
        return "invalid JSON (nested too deeply)"
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    value = record.get(args.field)
    if not isinstance(value, str):
        what = "missing" if args.field not in record else f"{type(value).__name__}, not a string"
        return f"field {args.field!r} is {what}"
    name = where
    if args.id_field is not None and record.get(args.id_field) not in (None, ""):
        name = f"{record[args.id_field]} ({where})"
    return name, value


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``newsnorm review``; returns the exit status."""
    from newsnorm.cli import (
        EXIT_OK,
        EXIT_RECORD_ERRORS,
        _configure_logging,
        _normalizer_options,
        _Output,
        _same_file,
        write_atomically,
    )
    from newsnorm.pipeline import Normalizer

    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    if args.min_score is None:
        from newsnorm.untranslated import DEFAULT_MIN_SCORE

        args.min_score = DEFAULT_MIN_SCORE
    for option in ("sample", "top"):
        if getattr(args, option) < 0:
            parser.error(f"--{option} must be 0 or more")
    if args.limit is not None and args.limit < 0:
        parser.error("--limit must be 0 or more")
    if args.inputs.count("-") > 1:
        parser.error("stdin ('-') can be read only once")
    if args.output not in (None, "-"):
        for name in args.inputs:
            if name != "-" and _same_file(name, args.output):
                parser.error(f"refusing to write over the input file {name}")
    try:
        normalizer = Normalizer(**_normalizer_options(args))
    except (TypeError, ValueError) as exc:
        parser.error(str(exc))
    review = Review(normalizer=normalizer, sample=args.sample, top=args.top, seed=args.seed)
    progress_on = args.progress if args.progress is not None else sys.stderr.isatty()

    def work(out: _Output) -> int:
        _read_inputs(args, review, progress_on)
        out.stream.write(review.html(title=args.title).encode("utf-8"))
        return EXIT_OK

    status = write_atomically(args.output, work, "no review page was written")
    if status != EXIT_OK:
        return status
    log.info("%d documents reviewed, %d shown", review.documents, len(review.shown()))
    return EXIT_RECORD_ERRORS if review.errors else EXIT_OK
