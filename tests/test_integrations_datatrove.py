"""newsnorm's datatrove formatter and filter: unit checks and real LocalPipelineExecutor runs."""

from __future__ import annotations

import gzip
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

pytest.importorskip("datatrove")

import cloudpickle
import dill
from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from newsnorm import Normalizer, normalize
from newsnorm.integrations.datatrove import (
    DROP_REASONS,
    NewsnormFilter,
    NewsnormFormatter,
    removed_share,
    report_of,
)
from tests.strategies import newsy_text

# id -> (text, why the filter drops it with its default thresholds, or None to keep it)
DOCS: dict[str, tuple[str, str | None]] = {
    "clean": (
        "Der Bundestag hat am Freitag ein neues Gesetz zur Förderung erneuerbarer Energien "
        "beschlossen.\nDie Opposition kritisierte den Entwurf, die Regierung verteidigte ihn.",
        None,
    ),
    "mojibake": (
        "FÃ¼r die Regierung war die Abstimmung im Bundestag ein wichtiger Erfolg, sagte der "
        "Minister am Montag.\nDie Opposition kÃ¼ndigte Widerstand im Bundesrat an.",
        None,
    ),
    "skiplink": (
        "zum Inhalt\nDer Stadtrat hat am Dienstag den Haushalt für das kommende Jahr "
        "verabschiedet. Die Ausgaben für Schulen und Kitas steigen deutlich.\nNach langer "
        "Debatte stimmte eine breite Mehrheit der Ratsmitglieder für den Entwurf.",
        None,
    ),
    "untranslated": (
        "Die Firma hatte den Plan initially im Frühjahr vorgestellt, sagte ein Sprecher am "
        "Montag.\nDie Behörden prüfen den Antrag noch.",
        "untranslated",
    ),
    "menu": (
        "Impressum\nDatenschutz\nKontakt\nNewsletter abonnieren\nTeilen\nDrucken\nKommentare\n"
        "Lesen Sie auch:\nAktuelles\nKurz notiert.",
        "boilerplate",
    ),
    "blank": (" \u00a0\n\t \n", "empty"),
}


def _expected_report(text: str) -> dict[str, Any]:
    return report_of(normalize(text, lang="de"))


# ---------------------------------------------------------------- unit checks


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_filter_verdict_and_report(doc_id: str) -> None:
    text, reason = DOCS[doc_id]
    doc = Document(text=text, id=doc_id)
    verdict = NewsnormFilter(lang="de").filter(doc)
    assert verdict == (True if reason is None else (False, reason))
    result = normalize(text, lang="de")
    assert doc.text == result.text
    report = doc.metadata["newsnorm"]
    assert report["drop_reason"] == reason
    assert report["removed_share"] == round(removed_share(report), 4)
    assert {k: v for k, v in report.items() if k not in ("drop_reason", "removed_share")} == (
        report_of(result)
    )
    json.dumps(report)  # JSON-able for every writer


@pytest.mark.parametrize(
    ("kwargs", "doc_id", "expected"),
    [
        ({"max_flags": 1}, "untranslated", True),
        ({"max_flags": None}, "untranslated", True),
        ({"max_removed_share": None}, "menu", (False, "empty")),
        ({"max_removed_share": None, "drop_empty": False}, "menu", True),
        ({"max_removed_share": 1.0}, "menu", (False, "empty")),
        ({"max_removed_share": 0.01}, "skiplink", (False, "boilerplate")),
        ({"max_removed_share": 0.2}, "skiplink", True),
        ({"drop_empty": False}, "blank", True),
        ({"label_only": True}, "menu", True),
        ({"label_only": True}, "untranslated", True),
    ],
)
def test_filter_thresholds(kwargs: dict[str, Any], doc_id: str, expected: object) -> None:
    doc = Document(text=DOCS[doc_id][0], id=doc_id)
    assert NewsnormFilter(lang="de", **kwargs).filter(doc) == expected


def test_label_only_records_the_reason() -> None:
    step = NewsnormFilter(lang="de", label_only=True)
    doc = Document(text=DOCS["untranslated"][0], id="u")
    assert step.filter(doc) is True
    assert doc.metadata["newsnorm"]["drop_reason"] == "untranslated"
    assert step.stats["labelled_untranslated"].total == 1


def test_normalize_text_false_keeps_the_original() -> None:
    text = DOCS["mojibake"][0]
    doc = Document(text=text, id="m")
    assert NewsnormFilter(lang="de", normalize_text=False).filter(doc) is True
    assert doc.text == text
    assert doc.metadata["newsnorm"]["changed"] == ["encoding"]


def test_filter_reuses_an_existing_report_unless_told_not_to() -> None:
    # a report saying "nothing removed, no flags" on a text that would be flagged
    report = _expected_report(DOCS["clean"][0])
    doc = Document(text=DOCS["untranslated"][0], id="r", metadata={"newsnorm": dict(report)})
    assert NewsnormFilter(lang="de").filter(doc) is True
    assert doc.text == DOCS["untranslated"][0]  # not normalized again
    doc = Document(text=DOCS["untranslated"][0], id="r", metadata={"newsnorm": dict(report)})
    assert NewsnormFilter(lang="de", reuse_report=False).filter(doc) == (False, "untranslated")
    # something that is not a report under the key is replaced, not trusted
    doc = Document(text=DOCS["untranslated"][0], id="r", metadata={"newsnorm": "x"})
    assert NewsnormFilter(lang="de").filter(doc) == (False, "untranslated")


def test_formatter_writes_text_report_and_stats() -> None:
    step = NewsnormFormatter(lang="de")
    docs = [Document(text=DOCS[i][0], id=i) for i in ("clean", "mojibake", "skiplink")]
    out = list(step.run(iter(docs)))
    assert [d.text for d in out] == [normalize(DOCS[d.id][0], lang="de").text for d in out]
    assert all(d.metadata["newsnorm"] == _expected_report(DOCS[d.id][0]) for d in out)
    assert step.stats["total"].total == 3
    assert step.stats["changed"].total == 2
    assert step.stats["boilerplate_removed"].total == 1
    assert step.format(DOCS["mojibake"][0]) == out[1].text
    bare = list(NewsnormFormatter(lang="de", metadata_key=None).run(iter([Document("x y", "1")])))
    assert bare[0].metadata == {}


def test_normalizer_or_options() -> None:
    norm = Normalizer(lang="de", quotes="de")
    assert NewsnormFormatter(norm).normalizer is norm
    assert NewsnormFilter(lang="de", quotes="de").normalizer == norm
    with pytest.raises(TypeError, match="not both"):
        NewsnormFilter(norm, lang="de")
    with pytest.raises(TypeError, match=r"must be a newsnorm\.Normalizer"):
        NewsnormFormatter("de")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown boilerplate_level"):
        NewsnormFormatter(boilerplate_level="max")
    with pytest.raises(TypeError, match="unexpected keyword"):
        NewsnormFilter(max_flag=1)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_flags": -1},
        {"max_flags": 1.5},
        {"max_flags": True},
        {"max_removed_share": 1.5},
        {"max_removed_share": float("nan")},
        {"max_removed_share": "0.5"},
    ],
)
def test_bad_thresholds_raise(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="NewsnormFilter"):
        NewsnormFilter(**kwargs)


@pytest.mark.parametrize("dumps", [pickle.dumps, cloudpickle.dumps, dill.dumps])
def test_steps_pickle(dumps: Any) -> None:
    for step in (NewsnormFormatter(lang="de", quotes="de"), NewsnormFilter(lang="de", max_flags=2)):
        clone = pickle.loads(dumps(step))
        assert clone.normalizer == step.normalizer
        assert type(clone) is type(step)
    clone = pickle.loads(dumps(NewsnormFilter(lang="de")))
    doc = Document(text=DOCS["untranslated"][0], id="p")
    assert clone.filter(doc) == (False, "untranslated")


ANY_FILTER = NewsnormFilter(lang="de")


@given(newsy_text)
def test_filter_on_any_text(text: str) -> None:
    doc = Document(text=text, id="h")
    verdict = ANY_FILTER.filter(doc)
    report = doc.metadata["newsnorm"]
    json.dumps(report)
    reason = report["drop_reason"]
    assert reason is None or reason in DROP_REASONS
    assert verdict == (True if reason is None else (False, reason))
    assert doc.text == normalize(text, lang="de").text
    assert 0.0 <= report["removed_share"] <= 1.0
    assert (reason == "empty") == (not doc.text.strip() and report["removed_share"] <= 0.5)


# ---------------------------------------------------------------- real executor runs


def _write_input(folder: Path) -> None:
    folder.mkdir(parents=True)
    ids = sorted(DOCS)
    for part, chunk in enumerate((ids[::2], ids[1::2])):
        lines = [json.dumps({"id": i, "text": DOCS[i][0], "source": "test"}) for i in chunk]
        (folder / f"part{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read_output(folder: Path) -> dict[str, dict[str, Any]]:
    docs: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                assert record["id"] not in docs
                docs[record["id"]] = record
    return docs


def _filter_stats(logs: Path) -> dict[str, Any]:
    steps = json.loads((logs / "stats.json").read_text(encoding="utf-8"))
    (step,) = [s for s in steps if "newsnorm filter" in s["name"]]
    return {k: v for k, v in step["stats"].items() if not isinstance(v, dict)}


def _run(tmp_path: Path, steps: list[Any]) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    _write_input(tmp_path / "in")
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            *steps,
            JsonlWriter(str(tmp_path / "out")),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    assert sorted(p.name for p in (tmp_path / "logs" / "completions").iterdir()) == [
        "00000",
        "00001",
    ]
    return _read_output(tmp_path / "out"), _filter_stats(tmp_path / "logs")


@pytest.mark.slow
def test_local_executor_drops_and_counts(tmp_path: Path) -> None:
    dropped_writer = JsonlWriter(str(tmp_path / "dropped"))
    out, stats = _run(tmp_path, [NewsnormFilter(lang="de", exclusion_writer=dropped_writer)])
    kept = sorted(i for i, (_, reason) in DOCS.items() if reason is None)
    assert sorted(out) == kept
    dropped = _read_output(tmp_path / "dropped")
    assert {i: d["metadata"]["filter_reason"] for i, d in dropped.items()} == {
        i: reason for i, (_, reason) in DOCS.items() if reason is not None
    }
    assert all(d["metadata"]["newsnorm"]["drop_reason"] for d in dropped.values())
    for doc_id, record in out.items():
        text = DOCS[doc_id][0]
        assert record["text"] == normalize(text, lang="de").text
        assert record["metadata"]["source"] == "test"
        report = record["metadata"]["newsnorm"]
        assert report.pop("drop_reason") is None
        assert report.pop("removed_share") == round(removed_share(report), 4)
        assert report == json.loads(json.dumps(_expected_report(text)))
    reasons = [reason for _, reason in DOCS.values() if reason is not None]
    assert stats["total"] == len(DOCS)
    assert stats["forwarded"] == len(kept)
    assert stats["dropped"] == len(reasons)
    for reason in set(reasons):
        assert stats[f"dropped_{reason}"] == reasons.count(reason)


@pytest.mark.slow
def test_local_executor_formatter_then_label_only_filter(tmp_path: Path) -> None:
    steps = [NewsnormFormatter(lang="de"), NewsnormFilter(lang="de", label_only=True)]
    out, stats = _run(tmp_path, steps)
    # the reader skips documents whose text is empty; the formatter emptied none of ours
    assert sorted(out) == sorted(DOCS)
    for doc_id, record in out.items():
        text, reason = DOCS[doc_id]
        assert record.get("text", "") == normalize(text, lang="de").text
        assert record["metadata"]["newsnorm"]["drop_reason"] == reason
    assert stats["total"] == stats["forwarded"] == len(DOCS)
    assert "dropped" not in stats
    reasons = [reason for _, reason in DOCS.values() if reason is not None]
    for reason in set(reasons):
        assert stats[f"labelled_{reason}"] == reasons.count(reason)
