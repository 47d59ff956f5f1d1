"""Normalize a column of a batch: for ``datasets.map``, Ray Data, pandas, Dask and Spark.

:func:`normalize_batch` takes a batch of rows as columns (a dict of lists, a
Hugging Face ``LazyBatch`` or a pandas ``DataFrame``) and returns the columns
to add or replace: the normalized text under the same name, and the report as
three plain, Arrow-friendly columns.

>>> text = "zum Inhalt\\nDer Bundestag hat am Freitag ein Gesetz beschlossen."
>>> out = normalize_batch({"id": [1], "text": [text]}, lang="de")
>>> out["text"], out["newsnorm_lang"], out["newsnorm_removed"][0][0]["reason"]
(['Der Bundestag hat am Freitag ein Gesetz beschlossen.'], ['de'], 'skip link')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from newsnorm._check import check_choice
from newsnorm.pipeline import Normalizer
from newsnorm.untranslated import DEFAULT_MIN_SCORE

__all__ = [
    "BATCH_COLUMNS",
    "ERRORS",
    "FLAG_FIELDS",
    "REMOVAL_FIELDS",
    "SPARK_DDL",
    "arrow_schema",
    "datasets_features",
    "normalize_batch",
    "normalize_frame",
]

BATCH_COLUMNS: tuple[str, ...] = ("newsnorm_flags", "newsnorm_removed", "newsnorm_lang")
"""The report columns :func:`normalize_batch` adds (besides the text column it replaces)."""

ERRORS: tuple[str, ...] = ("raise", "ignore")
"""What :func:`normalize_batch` does with a value that is not a ``str``."""

FLAG_FIELDS: tuple[tuple[str, str], ...] = (
    ("start", "int64"),
    ("end", "int64"),
    ("token", "string"),
    ("lang", "string"),
    ("score", "float64"),
    ("reason", "string"),
)
"""The keys (and Arrow types) of each dict in the ``newsnorm_flags`` column."""

REMOVAL_FIELDS: tuple[tuple[str, str], ...] = (
    ("start", "int64"),
    ("end", "int64"),
    ("line", "int64"),
    ("text", "string"),
    ("reason", "string"),
    ("kind", "string"),
)
"""The keys (and Arrow types) of each dict in the ``newsnorm_removed`` column."""

_SPARK_TYPES = {"int64": "bigint", "float64": "double", "string": "string"}


def _spark_struct(fields: tuple[tuple[str, str], ...]) -> str:
    return ",".join(f"{name}:{_SPARK_TYPES[kind]}" for name, kind in fields)


SPARK_DDL: str = (
    f"newsnorm_flags array<struct<{_spark_struct(FLAG_FIELDS)}>>, "
    f"newsnorm_removed array<struct<{_spark_struct(REMOVAL_FIELDS)}>>, "
    "newsnorm_lang string"
)
"""The report columns as a Spark DDL fragment, for the schema of ``mapInPandas``."""


def arrow_schema(frame: Any = None) -> Any:
    """The pyarrow schema of the report columns, or of a pandas frame that holds them.

    Writers that fix a schema up front (Parquet) need it: left to itself,
    Arrow types a batch without any flag (or removal) as a list of nulls, and
    the batches after it no longer fit. ``arrow_schema()`` covers the three
    report columns; ``arrow_schema(frame)`` infers the other columns from the
    pandas *frame* (say ``normalize_frame(ddf._meta)``) and sets the report
    columns' types, for ``dask.dataframe.to_parquet(..., schema=...)``.
    Needs ``pyarrow``.
    """
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise ImportError("arrow_schema() needs pyarrow: pip install pyarrow") from exc
    kinds = {"int64": pa.int64(), "float64": pa.float64(), "string": pa.string()}

    def struct_list(fields: tuple[tuple[str, str], ...]) -> Any:
        return pa.list_(pa.struct([(name, kinds[kind]) for name, kind in fields]))

    report = [
        pa.field("newsnorm_flags", struct_list(FLAG_FIELDS)),
        pa.field("newsnorm_removed", struct_list(REMOVAL_FIELDS)),
        pa.field("newsnorm_lang", pa.string()),
    ]
    if frame is None:
        return pa.schema(report)
    schema = pa.Schema.from_pandas(frame.head(0), preserve_index=False).remove_metadata()
    for column in report:
        index = schema.get_field_index(column.name)
        if index < 0:
            raise ValueError(
                f"arrow_schema(): the frame has no column {column.name!r}; pass the frame "
                "after normalize_frame()"
            )
        schema = schema.set(index, column)
    return schema


def datasets_features(features: Any, *, field: str = "text") -> Any:
    """The Hugging Face ``Features`` of a dataset after ``map(normalize_batch, batched=True)``.

    Pass it as ``features=`` to ``Dataset.map``: without it, ``datasets`` infers
    the report columns' types from the first batch it writes, and a batch
    without any flag types ``newsnorm_flags`` as a list of nulls, which later
    batches cannot be cast to. Needs ``datasets`` (``pip install "newsnorm[datasets]"``).
    """
    try:
        from datasets import Features, Value
    except ImportError as exc:
        raise ImportError(
            'datasets_features() needs Hugging Face datasets: pip install "newsnorm[datasets]"'
        ) from exc
    columns = dict(features)
    columns[field] = Value("string")
    columns["newsnorm_flags"] = [{name: Value(kind) for name, kind in FLAG_FIELDS}]
    columns["newsnorm_removed"] = [{name: Value(kind) for name, kind in REMOVAL_FIELDS}]
    columns["newsnorm_lang"] = Value("string")
    return Features(columns)


def normalize_batch(
    batch: Mapping[str, Sequence[Any]],
    indices: Sequence[int] | None = None,
    *,
    field: str = "text",
    errors: str = "raise",
    lang: str | None = None,
    quotes: str | None = None,
    encoding: bool = True,
    whitespace: bool = True,
    boilerplate: bool = True,
    untranslated: bool = True,
    boilerplate_level: str = "balanced",
    keep_headline: bool = True,
    keep_captions: bool = True,
    source: str = "en",
    min_score: float = DEFAULT_MIN_SCORE,
) -> dict[str, list[Any]]:
    """Normalize ``batch[field]`` row by row; return the columns to add or replace.

    The result has one list per column, each as long as the batch:

    - ``field``: the normalized text;
    - ``newsnorm_flags``: per row a list of dicts with the keys
      ``start, end, token, lang, score, reason`` (offsets into the new text);
    - ``newsnorm_removed``: per row a list of dicts with the keys
      ``start, end, line, text, reason, kind``;
    - ``newsnorm_lang``: per row the language used or detected (or ``None``).

    ``indices`` (what ``datasets.map(..., with_indices=True)`` passes) only
    serves error messages. A value that is not a ``str`` raises ``TypeError``
    naming its row; with ``errors="ignore"`` it is passed through unchanged
    (``None`` stays ``None``) with an empty report. The other options are those
    of :func:`newsnorm.normalize`.

    >>> out = normalize_batch(
    ...     {"body": ["FÃ¼r alle", None]}, field="body", errors="ignore", boilerplate=False
    ... )
    >>> out["body"], out["newsnorm_flags"]
    (['Für alle', None], [[], []])
    """
    check_choice(errors, ERRORS, "errors mode", "normalize_batch")
    if not isinstance(field, str):
        raise TypeError(f"normalize_batch(): field must be a str, not {type(field).__name__}")
    if not hasattr(batch, "keys") or not hasattr(batch, "__getitem__"):
        raise TypeError(
            "normalize_batch() takes a batch of columns (a dict of lists, a datasets batch "
            f"or a pandas DataFrame), not {type(batch).__name__}"
        )
    if field not in batch:
        names = ", ".join(repr(name) for name in batch)
        raise ValueError(
            f"normalize_batch(): the batch has no column {field!r}; its columns are {names} "
            "(pass field=... to name the text column)"
        )
    column = batch[field]
    if isinstance(column, (str, bytes)):
        raise TypeError(
            f"normalize_batch(): column {field!r} is a single {type(column).__name__}, not a "
            "column with one value per row; for one document call newsnorm.normalize()"
        )
    norm = Normalizer(
        lang=lang,
        quotes=quotes,
        encoding=encoding,
        whitespace=whitespace,
        boilerplate=boilerplate,
        untranslated=untranslated,
        boilerplate_level=boilerplate_level,
        keep_headline=keep_headline,
        keep_captions=keep_captions,
        source=source,
        min_score=min_score,
    )
    texts: list[Any] = []
    flags: list[list[dict[str, Any]]] = []
    removed: list[list[dict[str, Any]]] = []
    langs: list[str | None] = []
    for position, value in enumerate(column):
        if not isinstance(value, str):
            if errors == "raise":
                row = indices[position] if indices is not None else position
                raise TypeError(
                    f"normalize_batch(): row {row} of column {field!r} is "
                    f"{type(value).__name__}, not str; clean or drop such rows first, "
                    "or pass errors='ignore' to pass them through unchanged"
                )
            texts.append(value)
            flags.append([])
            removed.append([])
            langs.append(None)
            continue
        result = norm(value)
        texts.append(result.text)
        flags.append([flag.to_dict() for flag in result.flags])
        removed.append([removal.to_dict() for removal in result.removed])
        langs.append(result.lang)
    return {
        field: texts,
        "newsnorm_flags": flags,
        "newsnorm_removed": removed,
        "newsnorm_lang": langs,
    }


def normalize_frame(df: Any, *, field: str = "text", **options: Any) -> Any:
    """A copy of the pandas ``DataFrame`` *df* with ``df[field]`` normalized and the report added.

    The same as ``df.assign(**normalize_batch(df, ...))``, except that the
    column types do not depend on the rows: the text column keeps its dtype and
    the report columns are ``object`` columns, also for an empty frame. That
    makes ``normalize_frame(ddf._meta)`` the right ``meta`` for Dask's
    ``map_partitions``. The options (``errors``, ``lang``, ``quotes``, …) are those
    of :func:`normalize_batch`. Needs ``pandas``.
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError("normalize_frame() needs pandas: pip install pandas") from exc
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"normalize_frame() takes a pandas DataFrame, not {type(df).__name__}")
    columns = normalize_batch(df, field=field, **options)
    text = pd.Series(columns.pop(field), index=df.index, dtype=df[field].dtype)
    report = {
        name: pd.Series(values, index=df.index, dtype=object) for name, values in columns.items()
    }
    return df.assign(**{field: text}, **report)
