"""The Ray Data recipes of docs/engines.md on a local two-CPU Ray instance.

Skipped unless ray[data] and pandas are installed (CI does not install Ray: it
is large and starts a cluster of its own).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("ray.data")
pytest.importorskip("pandas")

import ray

from newsnorm import normalize, normalize_batch
from newsnorm.integrations.batch import BATCH_COLUMNS, normalize_frame
from tests.strategies import ARTICLES

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context")

TEXTS = ARTICLES * 3


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


@pytest.mark.slow
@pytest.mark.usefixtures("local_ray")
def test_map_batches_pandas_keeps_every_column() -> None:
    ds = ray.data.from_items([{"id": i, "text": t} for i, t in enumerate(TEXTS)])
    out = ds.map_batches(
        normalize_frame, fn_kwargs={"lang": "de"}, batch_format="pandas", batch_size=4
    )
    rows = out.take_all()
    rows.sort(key=lambda row: row["id"])
    assert [row["id"] for row in rows] == list(range(len(TEXTS)))
    for row in rows:
        expected: dict[str, Any] = normalize(TEXTS[row["id"]], lang="de").to_dict()
        assert sorted(row) == sorted(["id", "text", *BATCH_COLUMNS])
        assert row["text"] == expected["text"]
        assert list(row["newsnorm_flags"]) == expected["flags"]
        assert list(row["newsnorm_removed"]) == expected["removed"]
        assert row["newsnorm_lang"] == "de"


@pytest.mark.slow
@pytest.mark.usefixtures("local_ray")
def test_map_batches_numpy_returns_the_new_columns() -> None:
    ds = ray.data.from_items([{"id": i, "text": t} for i, t in enumerate(TEXTS)])
    out = ds.map_batches(normalize_batch, fn_kwargs={"lang": "de"}, batch_size=4)
    texts = sorted(row["text"] for row in out.take_all())
    assert texts == sorted(normalize(t, lang="de").text for t in TEXTS)
    assert sorted(out.columns()) == sorted(["text", *BATCH_COLUMNS])
