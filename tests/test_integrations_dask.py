"""The Dask recipes of docs/engines.md, run with the processes scheduler."""

from __future__ import annotations

import os
from typing import Any

import pytest

pytest.importorskip("dask")
pytest.importorskip("pandas")

import dask
import dask.bag as db
import pandas as pd

from newsnorm import Normalizer, normalize, normalize_batch
from newsnorm.integrations.batch import BATCH_COLUMNS

TEXTS = [
    "FÃ¼r die Regierung war die Abstimmung im Bundestag ein wichtiger Erfolg, sagte der "
    "Minister am Montag.",
    "zum Inhalt\nDer Stadtrat hat am Dienstag den Haushalt für das kommende Jahr verabschiedet. "
    "Die Ausgaben für Schulen und Kitas steigen deutlich.",
    "Die Firma hatte den Plan initially im Frühjahr vorgestellt, sagte ein Sprecher am Montag.",
    'Er sagte: "Wir werden das Gesetz im Herbst noch einmal gründlich prüfen", und ging.',
    "Der Bundestag hat am Freitag ein neues Gesetz zur Förderung erneuerbarer Energien "
    "beschlossen.\nDie Opposition kritisierte den Entwurf, die Regierung verteidigte ihn.",
]


def normalize_partition(df: pd.DataFrame) -> pd.DataFrame:
    """The recipe's partition function: a module-level function, so it pickles by name."""
    return df.assign(**normalize_batch(df, lang="de", quotes="de"))


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
def test_dataframe_map_partitions_with_processes() -> None:
    dd = pytest.importorskip("dask.dataframe")
    pdf = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    ddf = dd.from_pandas(pdf, npartitions=2)
    meta = normalize_partition(pdf.head(0))
    assert list(meta.columns) == ["id", "text", *BATCH_COLUMNS]
    with dask.config.set(scheduler="processes", num_workers=2):
        out = ddf.map_partitions(normalize_partition, meta=meta).compute()
    assert out["id"].tolist() == list(range(len(TEXTS)))
    expected: list[dict[str, Any]] = [
        normalize(text, lang="de", quotes="de").to_dict() for text in TEXTS
    ]
    assert out["text"].tolist() == [e["text"] for e in expected]
    assert out["newsnorm_flags"].tolist() == [e["flags"] for e in expected]
    assert out["newsnorm_removed"].tolist() == [e["removed"] for e in expected]
    assert out["newsnorm_lang"].tolist() == ["de"] * len(TEXTS)
    assert out["newsnorm_flags"].tolist()[2][0]["token"] == "initially"
