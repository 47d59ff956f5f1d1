"""The Spark recipes of docs/engines.md (mapInPandas and a pandas UDF) on a local[2] session.

Skipped unless pyspark, pandas, pyarrow and a Java runtime are there: pyspark is a
large download and needs Java 17, so CI does not install it.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime (17 or newer)", allow_module_level=True)

import pandas as pd
from pyspark.sql import SparkSession
from pyspark.sql.functions import col, pandas_udf

from newsnorm import normalize, normalize_batch
from newsnorm.integrations.batch import SPARK_DDL, normalize_frame
from tests.conftest import ROOT
from tests.strategies import ARTICLES

pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)

TEXTS = ARTICLES


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    with pytest.MonkeyPatch.context() as mp:
        # Spark's Python workers: this interpreter, and this checkout importable
        mp.setenv("PYSPARK_PYTHON", sys.executable)
        path = os.environ.get("PYTHONPATH", "")
        mp.setenv("PYTHONPATH", os.pathsep.join(p for p in (str(ROOT), path) if p))
        session = (
            SparkSession.builder.master("local[2]")
            .appName("newsnorm-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        yield session
        session.stop()


@pytest.mark.slow
def test_map_in_pandas(spark: Any) -> None:
    def normalize_partitions(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for df in frames:
            yield normalize_frame(df, lang="de", quotes="de")

    sdf = spark.createDataFrame(list(enumerate(TEXTS)), "id bigint, text string").repartition(2)
    out = sdf.mapInPandas(normalize_partitions, schema=f"id bigint, text string, {SPARK_DDL}")
    rows = {row["id"]: row.asDict(recursive=True) for row in out.collect()}
    assert sorted(rows) == list(range(len(TEXTS)))
    for i, text in enumerate(TEXTS):
        expected = normalize(text, lang="de", quotes="de").to_dict()
        assert rows[i]["text"] == expected["text"]
        assert rows[i]["newsnorm_flags"] == expected["flags"]
        assert rows[i]["newsnorm_removed"] == expected["removed"]
        assert rows[i]["newsnorm_lang"] == "de"
    stray = next(i for i, text in enumerate(TEXTS) if "initially" in text)
    assert rows[stray]["newsnorm_flags"][0]["token"] == "initially"


@pytest.mark.slow
def test_pandas_udf(spark: Any) -> None:
    @pandas_udf("string")  # type: ignore[call-overload, misc]
    def clean_text(texts: pd.Series) -> pd.Series:
        return pd.Series(normalize_batch({"text": texts}, lang="de")["text"], index=texts.index)

    sdf = spark.createDataFrame(list(enumerate(TEXTS)), "id bigint, text string").repartition(2)
    out = sdf.withColumn("clean", clean_text(col("text"))).orderBy("id").collect()
    assert [row["clean"] for row in out] == [normalize(t, lang="de").text for t in TEXTS]
