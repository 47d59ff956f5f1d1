"""The review page: HTML structure, escaping, sampling, the CLI and a real browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given

from newsnorm.review import Review, review_html
from newsnorm.types import Flag, Normalized, Removal, StepChange
from tests.conftest import ROOT, run_newsnorm
from tests.strategies import newsy_text

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTICLE = "Der Bundestag hat am Freitag ein neues Gesetz beschlossen, sagte die Sprecherin."


class Element:
    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag, self.attrs, self.text = tag, attrs, ""

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class Collector(HTMLParser):
    """Every element with its attributes and the text inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag not in ("meta", "input", "br", "rect"):
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag not in [e.tag for e in self._open]:
            return
        while self._open:
            if self._open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data

    def find(self, tag: str, cls: str | None = None) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and (cls is None or cls in e.classes)]


def parse(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    collector.close()
    return collector


def handmade() -> tuple[str, Normalized]:
    """A result as the pipeline would give it, built by hand (independent of the steps)."""
    original = "zum Inhalt\nFÃ¼r die Regierung <script>alert(1)</script> initially gut.\nTeilen"
    base = "zum Inhalt\nFür die Regierung <script>alert(1)</script> initially gut.\nTeilen"
    final = "Für die Regierung <script>alert(1)</script> initially gut."
    flag_at = final.index("initially")
    return original, Normalized(
        text=final,
        lang="de",
        lang_score=0.9,
        flags=(Flag(flag_at, flag_at + 9, "initially", "en", 0.97, "English word"),),
        removed=(
            Removal(0, 10, "zum Inhalt", 1, "skip link"),
            Removal(len(base) - 6, len(base), "Teilen", 3, "share buttons"),
        ),
        changed=("encoding", "boilerplate"),
        steps=(
            StepChange("encoding", len(original), len(base)),
            StepChange("whitespace", len(base), len(base)),
            StepChange("boilerplate", len(base), len(final)),
        ),
        boilerplate_input=base,
    )


def handmade_page() -> str:
    review = Review(sample=5, top=5)
    original, result = handmade()
    review.add_result("<b>doc</b>.txt", original, result)
    return review.html(title="Review <of> things")


def test_summary_sections_and_charts() -> None:
    dom = parse(handmade_page())
    assert [e.attrs["id"] for e in dom.find("section") if "id" in e.attrs][:2] == [
        "summary",
        "documents",
    ]
    charts = {e.attrs["id"]: e for e in dom.find("figure", "chart")}
    assert set(charts) == {"chart-removed", "chart-flags", "chart-langs", "chart-steps"}
    assert "skip link" in charts["chart-removed"].text
    assert "share buttons" in charts["chart-removed"].text
    assert "initially" in charts["chart-flags"].text
    assert "de" in charts["chart-langs"].text
    assert "boilerplate" in charts["chart-steps"].text
    assert len(dom.find("svg")) == 4


def test_removed_lines_are_struck_through_with_reason_classes() -> None:
    dom = parse(handmade_page())
    removed = {e.text: e for e in dom.find("del", "rm")}
    assert set(removed) == {"zum Inhalt", "Teilen"}
    assert "r-skip-link" in removed["zum Inhalt"].classes
    assert removed["zum Inhalt"].attrs["data-reason"] == "skip link"
    assert "r-share-buttons" in removed["Teilen"].classes
    lines = dom.find("div", "rm-line")
    assert [line.attrs["data-reason"] for line in lines] == ["skip link", "share buttons"]
    page = handmade_page()
    assert ".r-skip-link{--c:" in page  # the reason has a colour


def test_flagged_tokens_have_score_on_hover() -> None:
    marks = parse(handmade_page()).find("mark", "flag")
    assert [m.text for m in marks if "title" in m.attrs] == ["initially"]
    title = next(m.attrs["title"] for m in marks if "title" in m.attrs)
    assert "0.97" in title
    assert "English word" in title


def test_repaired_spans_are_marked() -> None:
    fixes = [e for e in parse(handmade_page()).find("ins", "fix") if "title" in e.attrs]
    assert [f.text for f in fixes] == ["Für"]
    assert "Ã¼" in fixes[0].attrs["title"]


def test_document_text_and_names_are_escaped() -> None:
    page = handmade_page()
    assert page.count("<script>") == 1  # only the page's own script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;doc&lt;/b&gt;.txt" in page
    assert "<title>Review &lt;of&gt; things</title>" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page
    assert "<link" not in page
    assert " src=" not in page


def test_real_pipeline_marks_boilerplate_repairs_and_flags() -> None:
    text = (
        "zum Inhalt\nFÃ¼r die Regierung ist das ein wichtiger Schritt, sagte er am Montag.\n"
        "Viele Nutzer konnten initially den Stream auf der Plattform nicht sehen, "
        "was dazu führte, dass das Interview später begann.\nTeilen"
    )
    dom = parse(review_html([("seedlike", text)]))
    assert "zum Inhalt" in [e.text for e in dom.find("del", "rm")]
    assert "Für" in [e.text for e in dom.find("ins", "fix")]
    assert "initially" in [e.text for e in dom.find("mark", "flag") if "title" in e.attrs]


def test_sample_is_deterministic_and_bounded() -> None:
    texts = [f"{ARTICLE} Nummer {i}." for i in range(40)]
    texts[33] = "zum Inhalt\nTeilen\nDrucken\n" + ARTICLE
    one = review_html(texts, sample=3, top=1, seed=7)
    assert one == review_html(texts, sample=3, top=1, seed=7)
    docs = parse(one).find("section", "doc")
    assert 3 <= len(docs) <= 4
    assert "doc-34" in [d.attrs["id"] for d in docs]  # the one with the most removals
    other = review_html(texts, sample=3, top=0, seed=8)
    assert len(parse(other).find("section", "doc")) == 3


def test_review_counts_everything_but_keeps_a_sample() -> None:
    review = Review(sample=2, top=0)
    for i in range(10):
        review.add(f"d{i}", f"zum Inhalt\n{ARTICLE}")
    assert review.documents == 10
    assert review.removed_lines["skip link"] == 10
    assert len(review.shown()) == 2


def test_bad_options() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        Review(sample=-1)
    with pytest.raises(TypeError, match="sample"):
        Review(sample="3")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Review\.add\(\) takes str"):
        Review().add("x", b"bytes")  # type: ignore[arg-type]


@given(newsy_text)
def test_any_text_gives_a_well_formed_page(text: str) -> None:
    page = review_html([text], sample=1, top=1)
    page.encode("utf-8")  # no lone surrogates
    assert page.count("<script>") == 1
    dom = parse(page)
    assert len(dom.find("section", "doc")) == 1


def _render_seconds(size: int) -> float:
    unit = "initially zum Inhalt GrÃ¼ÃŸe "
    text = (unit * (size // len(unit) + 1))[:size]
    flags = tuple(Flag(i, i + 9, "initially", "en", 0.9) for i in range(0, size - 9, len(unit)))
    result = Normalized(text=text, lang="de", flags=flags, boilerplate_input=text)
    review = Review(sample=1, top=0)
    start = time.perf_counter()
    review.add_result("big", text, result)
    review.html()
    return time.perf_counter() - start


def test_rendering_time_is_linear_in_the_number_of_flags() -> None:
    small = min(_render_seconds(100_000) for _ in range(2)) / 0.1
    large = _render_seconds(1_000_000) / 1.0
    assert large < small * 4 + 0.05, (small, large)


def test_cli_jsonl(tmp_path: Path) -> None:
    src = tmp_path / "pages.jsonl"
    records = [
        {"url": "https://example.org/a", "body": "zum Inhalt\n" + ARTICLE},
        {"url": "https://example.org/b", "body": "FÃ¼r " + ARTICLE},
    ]
    lines = [json.dumps(r) for r in records] + ['{"url": "c"}', "not json"]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "review.html"
    proc = run_newsnorm("review", str(src), "--field", "body", "--id-field", "url", "-o", str(out))
    assert proc.returncode == 1, proc.stderr  # two bad lines, reported
    assert b"pages.jsonl:3: field 'body' is missing" in proc.stderr
    assert b"pages.jsonl:4: invalid JSON" in proc.stderr
    dom = parse(out.read_text(encoding="utf-8"))
    titles = [h.text for h in dom.find("h3")]
    assert any("https://example.org/a" in t for t in titles)
    assert len(dom.find("section", "doc")) == 2
    assert any("pages.jsonl:4" in e.text for e in dom.find("ul", "errors"))


def test_cli_plain_text_files_and_options(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("zum Inhalt\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "r.html"
    proc = run_newsnorm("review", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--lang", "de",
                   "--no-boilerplate", "--title", "Mein Test", "-o", str(out))  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert "<title>Mein Test</title>" in page
    assert "boilerplate=False" in page
    assert not parse(page).find("del", "rm")
    bad = run_newsnorm("review", str(tmp_path / "a.txt"), "--quotes", "nope")
    assert bad.returncode == 2
    assert (
        run_newsnorm("review", str(tmp_path / "a.txt"), "-o", str(tmp_path / "a.txt")).returncode
        == 2
    )
    assert run_newsnorm("review", "--help").stdout.startswith(b"usage: newsnorm review")


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_in_a_real_browser(tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    page.write_text(handmade_page(), encoding="utf-8")
    dom_proc = _chromium("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert dom_proc.returncode == 0, dom_proc.stderr[-2000:]
    dumped = dom_proc.stdout
    assert 'data-review-ready="true"' in dumped  # the page's script ran
    assert 'tabindex="0"' in dumped  # ... and made flagged tokens focusable
    dom = parse(dumped)
    assert len(dom.find("svg")) == 4
    assert {e.text for e in dom.find("del", "rm")} == {"zum Inhalt", "Teilen"}
    assert [e.text for e in dom.find("span") if e.attrs.get("id") == "shown-count"] == ["1"]
    assert "alert(1)" in dumped  # shown as text, never run
    shot = tmp_path / "review.png"
    shot_proc = _chromium(
        f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri(),
        profile=tmp_path / "profile",
    )  # fmt: skip
    assert shot_proc.returncode == 0, shot_proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000  # a rendered page, not an empty image


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Ã¼", "ü", "'Ã¼' → 'ü'"),
        ("u\u0308", "ü", "(U+0075 U+0308 → U+00FC)"),
        ("a\u200bb", "ab", "U+200B"),
    ],
)
def test_repairs_are_described_readably(old: str, new: str, expected: str) -> None:
    from newsnorm.review import _describe_change

    assert expected in _describe_change(old, new)


@given(newsy_text)
def test_every_removal_is_shown_struck_through(text: str) -> None:
    from newsnorm import normalize

    result = normalize(text, lang="de")
    review = Review(sample=1, top=0)
    review.add_result("doc", text, result)
    dom = parse(review.html())
    struck = "".join(e.text for e in dom.find("del", "rm"))
    removed = sorted(result.removed, key=lambda r: r.start)
    assert struck == "".join(r.text.replace("\n", "") for r in removed)
    shown = [m.text for m in dom.find("mark", "flag") if "title" in m.attrs]
    notes = " ".join(p.text for p in dom.find("p", "note"))
    placed = re.search(r"(\d+) flags and", notes)
    missing = int(placed.group(1)) if placed else 0
    assert len(shown) + missing == len(result.flags)
    if not missing:
        assert shown == [f.token for f in sorted(result.flags, key=lambda f: f.start)]


def test_cli_limit_and_stdin(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": ARTICLE}) + "\n" for _ in range(5)))
    out = tmp_path / "r.html"
    assert (
        run_newsnorm("review", str(src), "--limit", "2", "--sample", "5", "-o", str(out)).returncode
        == 0
    )
    assert len(parse(out.read_text(encoding="utf-8")).find("section", "doc")) == 2
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "newsnorm", "review", "-"],
        input=ARTICLE.encode(), capture_output=True, cwd=ROOT, env=env, check=False, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "stdin" in proc.stdout.decode("utf-8")
