"""Coverage-guided fuzzing of the CLI's JSONL reader with atheris.

Every input is one raw line of bytes as the CLI reads it; ``process_line`` must never
raise, must return exactly one line (or nothing with ``--errors skip``) that ends in a
newline, and a line without an error must be a JSON object whose field is a string.

Usage::

    python benchmarks/fuzz/fuzz_jsonl.py -max_total_time=600 \
        benchmarks/out/fuzz_jsonl benchmarks/fuzz/seeds_jsonl
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports(include=["newsnorm"]):
    # every module inside this block: newsnorm loads its steps lazily, and only
    # modules imported here are instrumented for coverage
    import newsnorm.pipeline  # noqa: F401
    from newsnorm.cli import JsonlJob, process_line

JOBS = [
    JsonlJob(
        options=(("lang", None),),
        field="text",
        errors=errors,
        encoding="utf-8",
        decode_errors=decode,
        report=report,
    )
    for errors in ("pass", "skip")
    for decode in ("strict", "replace")
    for report in (True, False)
]


def _line(fdp: atheris.FuzzedDataProvider) -> bytes:
    """Raw bytes half the time; otherwise a JSON object built from the input, with a
    string, a wrong type or no value in the field, so that normalize() is reached."""
    mode = fdp.ConsumeIntInRange(0, 3)
    if mode == 0:
        return fdp.ConsumeBytes(fdp.remaining_bytes()).split(b"\n", 1)[0]
    record: dict[str, object] = {"id": fdp.ConsumeInt(4)}
    if mode == 1:
        record["text"] = fdp.ConsumeUnicode(fdp.remaining_bytes())
    elif mode == 2:
        record["text"] = [fdp.ConsumeUnicode(8), fdp.ConsumeFloat()]
    else:
        record["other"] = fdp.ConsumeUnicode(fdp.remaining_bytes())
    ascii_only = fdp.ConsumeBool()
    return json.dumps(record, ensure_ascii=ascii_only).encode("utf-8", errors="surrogatepass")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    job = JOBS[fdp.ConsumeIntInRange(0, len(JOBS) - 1)]
    raw = _line(fdp) + b"\n"
    result = process_line(raw, job)
    if result.output is None:
        assert job.errors == "skip"
        assert result.error is not None
        return
    assert result.output.endswith(b"\n")
    assert result.output.count(b"\n") == 1, "one input line must give one output line"
    if result.error is None:
        record = json.loads(result.output)
        assert isinstance(record, dict)
        assert isinstance(record[job.field], str)
        if job.report:
            assert "newsnorm" in record
    else:
        assert result.output == raw


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
