"""The Dask recipes of docs/engines.md, run with the processes scheduler."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask")
pytest.importorskip("pandas")

import dask
import dask.bag as db
import pandas as pd

from newsnorm import Normalizer, normalize
from newsnorm.integrations.batch import BATCH_COLUMNS, arrow_schema, normalize_frame
from tests.strategies import ARTICLES

TEXTS = ARTICLES


def worker_pid(_: object) -> int:
    return os.getpid()


@pytest.mark.slow
def test_bag_map_with_processes() -> None:
    bag = db.from_sequence(TEXTS, npartitions=2)
    pids = set(bag.map(worker_pid).compute(scheduler="processes", num_workers=2))
    assert os.getpid() not in pids  # really in other processes
    norm = Normalizer(lang="de", quotes="de")
    results = bag.map(norm).compute(scheduler="processes", num_workers=2)
    assert results == [norm(text) for text in TEXTS]
    reports = (
        bag.map(normalize, lang="de").map(lambda r: r.to_dict()).compute(scheduler="processes")
    )
    assert reports == [normalize(text, lang="de").to_dict() for text in TEXTS]


@pytest.mark.slow
def test_dataframe_map_partitions_with_processes(tmp_path: Path) -> None:
    dd = pytest.importorskip("dask.dataframe")
    pytest.importorskip("pyarrow")
    pdf = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    (tmp_path / "in").mkdir()
    for part in range(2):
        pdf.iloc[part::2].to_json(tmp_path / "in" / f"{part}.jsonl", orient="records", lines=True)
    ddf = dd.read_json(str(tmp_path / "in" / "*.jsonl"), lines=True)
    meta = normalize_frame(ddf._meta)
    assert list(meta.columns) == ["id", "text", *BATCH_COLUMNS]
    clean = ddf.map_partitions(normalize_frame, lang="de", quotes="de", meta=meta)
    with dask.config.set(scheduler="processes", num_workers=2):
        # the first partition has no removals: the schema keeps the report columns typed
        clean.to_parquet(str(tmp_path / "out"), schema=arrow_schema(meta))
    out = pd.read_parquet(tmp_path / "out").sort_values("id")
    assert out["id"].tolist() == list(range(len(TEXTS)))
    out["newsnorm_flags"] = out["newsnorm_flags"].map(lambda v: [dict(x) for x in v])
    out["newsnorm_removed"] = out["newsnorm_removed"].map(lambda v: [dict(x) for x in v])
    assert out["id"].tolist() == list(range(len(TEXTS)))
    expected: list[dict[str, Any]] = [
        normalize(text, lang="de", quotes="de").to_dict() for text in TEXTS
    ]
    assert out["text"].tolist() == [e["text"] for e in expected]
    assert out["newsnorm_flags"].tolist() == [e["flags"] for e in expected]
    assert out["newsnorm_removed"].tolist() == [e["removed"] for e in expected]
    assert out["newsnorm_lang"].tolist() == ["de"] * len(TEXTS)
    stray = next(i for i, text in enumerate(TEXTS) if "initially" in text)
    assert out["newsnorm_flags"].tolist()[stray][0]["token"] == "initially"
