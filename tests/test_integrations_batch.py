"""normalize_batch: the batch function for datasets.map, Ray Data and pandas."""

from __future__ import annotations

import functools
import json
import pickle
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import cloudpickle
import dill
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import normalize, normalize_batch
from newsnorm.integrations.batch import (
    BATCH_COLUMNS,
    ERRORS,
    FLAG_FIELDS,
    REMOVAL_FIELDS,
    SPARK_DDL,
    arrow_schema,
    datasets_features,
    normalize_frame,
)
from newsnorm.types import Flag, Removal
from tests.conftest import ROOT
from tests.strategies import ARTICLES, newsy_text

ROWS: list[str] = [*ARTICLES, " \u00a0\n\t ", ""]


def _expected(text: str, **options: Any) -> dict[str, Any]:
    result = normalize(text, **options)
    return {
        "text": result.text,
        "newsnorm_flags": [f.to_dict() for f in result.flags],
        "newsnorm_removed": [r.to_dict() for r in result.removed],
        "newsnorm_lang": result.lang,
    }


def _rows(columns: dict[str, list[Any]], field: str = "text") -> list[dict[str, Any]]:
    assert sorted(columns) == sorted([field, *BATCH_COLUMNS])
    n = len(columns[field])
    assert all(len(values) == n for values in columns.values())
    return [
        {("text" if name == field else name): values[i] for name, values in columns.items()}
        for i in range(n)
    ]


# ---------------------------------------------------------------- the function itself


@pytest.mark.parametrize(
    "options",
    [
        {"lang": "de"},
        {},
        {"lang": "de", "quotes": "de"},
        {"lang": "de-CH", "boilerplate": False},
        {"lang": "de", "untranslated": False, "encoding": False},
        {"lang": "de", "boilerplate_level": "aggressive", "min_score": 0.9},
    ],
)
def test_rows_match_normalize(options: dict[str, Any]) -> None:
    out = normalize_batch({"id": list(range(len(ROWS))), "text": ROWS}, **options)
    assert _rows(out) == [_expected(text, **options) for text in ROWS]


def test_report_columns_are_filled() -> None:
    rows = _rows(normalize_batch({"text": ROWS}, lang="de"))
    assert rows[1]["text"].startswith("Für die Regierung")
    assert rows[2]["newsnorm_removed"][0]["text"] == "zum Inhalt"
    assert [f["token"] for f in rows[3]["newsnorm_flags"]] == ["initially"]
    assert [r["text"] for r in rows[5:]] == ["", ""]


def test_other_field_name_and_columns_left_alone() -> None:
    batch = {"body": ["FÃ¼r alle Menschen ist das eine gute Nachricht."], "text": ["FÃ¼r"]}
    out = normalize_batch(batch, field="body", lang="de", boilerplate=False)
    assert out["body"] == ["Für alle Menschen ist das eine gute Nachricht."]
    assert "text" not in out
    assert batch["body"] == ["FÃ¼r alle Menschen ist das eine gute Nachricht."]  # not mutated


def test_empty_batch() -> None:
    assert normalize_batch({"text": []}) == {
        "text": [],
        "newsnorm_flags": [],
        "newsnorm_removed": [],
        "newsnorm_lang": [],
    }


@pytest.mark.parametrize(
    ("value", "indices", "message"),
    [
        (None, None, "row 1 of column 'text' is NoneType"),
        (b"bytes", None, "row 1 of column 'text' is bytes"),
        (42, [100, 101], "row 101 of column 'text' is int"),
        (["a"], None, "row 1 of column 'text' is list"),
    ],
)
def test_non_str_rows_raise_naming_the_row(
    value: object, indices: list[int] | None, message: str
) -> None:
    with pytest.raises(TypeError, match=message) as info:
        normalize_batch({"text": ["ok", value]}, indices, lang="de")
    assert "errors='ignore'" in str(info.value)


def test_errors_ignore_passes_bad_rows_through() -> None:
    out = normalize_batch({"text": [None, ROWS[3], 7]}, errors="ignore", lang="de")
    assert out["text"][0] is None
    assert out["text"][2] == 7
    assert out["newsnorm_flags"][0] == out["newsnorm_removed"][2] == []
    assert out["newsnorm_lang"] == [None, "de", None]
    assert out["newsnorm_flags"][1][0]["token"] == "initially"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"errors": "skip"}, ValueError, "valid values are 'raise', 'ignore'"),
        ({"field": "body"}, ValueError, "no column 'body'; its columns are 'text', 'id'"),
        ({"field": 0}, TypeError, "field must be a str"),
        ({"lang": "xx"}, ValueError, "unknown lang 'xx'"),
        ({"quotes": "klingon"}, ValueError, "unknown quotes style"),
        ({"boilerplate_level": "max"}, ValueError, "unknown boilerplate_level"),
    ],
)
def test_bad_options(kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        normalize_batch({"text": ["a"], "id": [1]}, **kwargs)


def test_a_str_column_is_not_a_column_of_rows() -> None:
    with pytest.raises(TypeError, match="column 'text' is a single str, not a column"):
        normalize_batch({"text": "just one string"})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match=r"takes a batch of columns .* not list"):
        normalize_batch(["text"])  # type: ignore[arg-type]


def test_errors_choices() -> None:
    assert ERRORS == ("raise", "ignore")


def test_report_keys_match_the_result_types() -> None:
    flag = Flag(start=0, end=1, token="a", lang="en", score=0.5, reason="r").to_dict()
    removal = Removal(start=0, end=1, text="a", line=1, reason="r").to_dict()
    assert tuple(flag) == tuple(name for name, _ in FLAG_FIELDS)
    assert tuple(removal) == tuple(name for name, _ in REMOVAL_FIELDS)
    for name, _ in (*FLAG_FIELDS, *REMOVAL_FIELDS):
        assert f"{name}:" in SPARK_DDL
    assert SPARK_DDL.count("array<struct<") == 2
    assert SPARK_DDL.endswith("newsnorm_lang string")


@given(st.lists(newsy_text, max_size=4), st.sampled_from([None, "de", "en"]))
def test_any_rows(texts: list[str], lang: str | None) -> None:
    out = normalize_batch({"text": texts}, lang=lang)
    assert _rows(out) == [_expected(text, lang=lang) for text in texts]
    json.dumps(out)  # plain, JSON-able data
    for row in _rows(out):
        assert all(tuple(f) == tuple(n for n, _ in FLAG_FIELDS) for f in row["newsnorm_flags"])
        for flag in row["newsnorm_flags"]:
            assert row["text"][flag["start"] : flag["end"]] == flag["token"]
    again = normalize_batch({"text": out["text"]}, lang=lang)
    assert again["text"] == out["text"]


def _seconds_per_row(rows: list[str]) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        normalize_batch({"text": rows}, lang="de")
        best = min(best, time.perf_counter() - start)
    return best / len(rows)


def test_time_per_row_does_not_grow_with_the_batch() -> None:
    row = ROWS[3]
    normalize_batch({"text": [row]}, lang="de")  # load the data first
    small = _seconds_per_row([row] * 200)
    large = _seconds_per_row([row] * 2000)
    assert large <= 3.0 * small + 0.002 / 2000, (small, large)


def test_pandas_dataframe_as_batch() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": [1, 2, 3], "text": ROWS[1:4]})
    out = df.assign(**normalize_batch(df, lang="de"))
    assert list(out.columns) == ["id", "text", *BATCH_COLUMNS]
    assert out["text"].tolist() == [normalize(t, lang="de").text for t in ROWS[1:4]]
    assert out["newsnorm_flags"].tolist()[2][0]["token"] == "initially"


def test_normalize_frame_keeps_index_dtypes_and_input() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": [1, 2, 3], "text": ROWS[1:4]}, index=[10, 20, 30])
    out = normalize_frame(df, lang="de")
    assert list(out.columns) == ["id", "text", *BATCH_COLUMNS]
    assert out.index.tolist() == [10, 20, 30]
    assert out["text"].dtype == df["text"].dtype
    assert out["text"].tolist() == [normalize(t, lang="de").text for t in ROWS[1:4]]
    assert out["newsnorm_flags"].tolist() == normalize_batch(df, lang="de")["newsnorm_flags"]
    assert df["text"].tolist() == ROWS[1:4]  # the input frame is not changed
    empty = normalize_frame(df.head(0), lang="de")
    assert empty.dtypes.to_dict() == out.dtypes.to_dict()  # usable as Dask meta
    body = normalize_frame(df.rename(columns={"text": "body"}), field="body", boilerplate=False)
    assert body["body"].tolist()[0].startswith("Für die Regierung")
    with pytest.raises(TypeError, match="takes a pandas DataFrame, not dict"):
        normalize_frame({"text": ["a"]})
    with pytest.raises(TypeError, match="row 1 of column 'text'"):
        normalize_frame(pd.DataFrame({"text": ["a", None]}, dtype=object))


def test_arrow_schema_types_report_columns_without_rows() -> None:
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    assert arrow_schema().names == list(BATCH_COLUMNS)
    # a frame without a single flag or removal would be typed as lists of nulls
    plain = normalize_frame(pd.DataFrame({"id": [1], "text": [ROWS[0]]}), lang="de")
    assert plain["newsnorm_flags"].tolist() == [[]]
    assert pa.Table.from_pandas(plain, preserve_index=False).schema.field(
        "newsnorm_flags"
    ).type == pa.list_(pa.null())
    schema = arrow_schema(plain)
    assert schema.names == ["id", "text", *BATCH_COLUMNS]
    flagged = normalize_frame(pd.DataFrame({"id": [2], "text": [ROWS[3]]}), lang="de")
    tables = [
        pa.Table.from_pandas(f, schema=schema, preserve_index=False) for f in (plain, flagged)
    ]
    joined = pa.concat_tables(tables)
    assert joined.column("newsnorm_flags").to_pylist()[1][0]["token"] == "initially"
    assert [f.name for f in schema.field("newsnorm_removed").type.value_type] == [
        name for name, _ in REMOVAL_FIELDS
    ]
    with pytest.raises(ValueError, match="no column 'newsnorm_flags'"):
        arrow_schema(pd.DataFrame({"text": ["a"]}))


DUMPERS = [pickle.dumps, cloudpickle.dumps, dill.dumps]


@pytest.mark.parametrize("dumps", DUMPERS, ids=["pickle", "cloudpickle", "dill"])
def test_pickles(dumps: Any) -> None:
    for func in (normalize_batch, functools.partial(normalize_batch, lang="de", quotes="de")):
        clone = pickle.loads(dumps(func))
        assert clone({"text": ROWS}) == func({"text": ROWS})


def test_same_result_in_a_fresh_process() -> None:
    func = functools.partial(normalize_batch, lang="de", quotes="de")
    script = (
        "import pickle, sys\n"
        "func, rows = pickle.loads(sys.stdin.buffer.read())\n"
        "sys.stdout.buffer.write(pickle.dumps(func({'text': rows})))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        input=pickle.dumps((func, ROWS)),
        capture_output=True,
        cwd=ROOT,
        check=True,
    )
    assert pickle.loads(proc.stdout) == func({"text": ROWS})


# ---------------------------------------------------------------- Hugging Face datasets


def _dataset_on_disk(tmp_path: Path, rows: list[Any]) -> Any:
    datasets = pytest.importorskip("datasets")
    datasets.disable_progress_bars()
    source = datasets.Dataset.from_dict({"id": list(range(len(rows))), "text": rows})
    source.save_to_disk(str(tmp_path / "source"))
    return datasets.load_from_disk(str(tmp_path / "source"))


@pytest.mark.slow
def test_datasets_map_with_two_processes_and_cache(tmp_path: Path) -> None:
    rows = ROWS * 3
    ds = _dataset_on_disk(tmp_path, rows)
    kwargs: dict[str, Any] = {
        "batched": True,
        "batch_size": 4,
        "num_proc": 2,
        "fn_kwargs": {"lang": "de"},
        "features": datasets_features(ds.features),
    }
    out = ds.map(normalize_batch, **kwargs)
    assert out.column_names == ["id", "text", *BATCH_COLUMNS]
    assert len(out) == len(rows)
    for record in out:
        assert {k: v for k, v in record.items() if k != "id"} == _expected(
            rows[record["id"]], lang="de"
        )
    files = [Path(f["filename"]) for f in out.cache_files]
    assert len(files) == 2  # one cache file per process
    stamps = [f.stat().st_mtime_ns for f in files]
    again = ds.map(normalize_batch, **kwargs)  # same function, same options: from the cache
    assert again._fingerprint == out._fingerprint
    assert [Path(f["filename"]) for f in again.cache_files] == files
    assert [f.stat().st_mtime_ns for f in files] == stamps
    other = ds.map(normalize_batch, **{**kwargs, "fn_kwargs": {"lang": "de", "quotes": "de"}})
    assert other._fingerprint != out._fingerprint


def test_datasets_map_names_the_bad_row(tmp_path: Path) -> None:
    ds = _dataset_on_disk(tmp_path, ["Ein Satz.", "Noch ein Satz.", None, "Der letzte."])
    with pytest.raises(TypeError, match="row 2 of column 'text' is NoneType"):
        ds.map(normalize_batch, batched=True, batch_size=2, with_indices=True)
    out = ds.map(
        normalize_batch,
        batched=True,
        batch_size=2,
        fn_kwargs={"errors": "ignore", "lang": "de"},
        features=datasets_features(ds.features),
    )
    assert out["text"][2] is None
    assert out["newsnorm_lang"] == ["de", "de", None, "de"]


def test_datasets_fingerprint_is_the_same_in_fresh_processes() -> None:
    pytest.importorskip("datasets")
    script = (
        "import functools\n"
        "from datasets.fingerprint import Hasher\n"
        "from newsnorm.integrations.batch import normalize_batch\n"
        "print(Hasher.hash(normalize_batch))\n"
        "print(Hasher.hash(functools.partial(normalize_batch, lang='de')))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert len(runs[0]) == 2
    assert runs[0][0] != runs[0][1]
    from datasets.fingerprint import Hasher

    assert runs[0][0] == Hasher.hash(normalize_batch)


def test_datasets_features_without_datasets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datasets", None)
    with pytest.raises(ImportError, match=r'pip install "newsnorm\[datasets\]"'):
        datasets_features({})
