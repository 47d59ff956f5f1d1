"""The newsnorm command, run as a subprocess: text, stdin, JSONL, bad input, exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsnorm import __version__
from tests.conftest import SEEDS, run_newsnorm

SEED = SEEDS / "000_af01204604cdb2da.txt"
GOOD = "Der Bundestag hat am Freitag ein neues Gesetz beschlossen, sagte die Sprecherin."


def jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def test_version() -> None:
    proc = run_newsnorm("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"newsnorm {__version__}"


def test_seed_document_plain_text() -> None:
    proc = run_newsnorm(str(SEED), "--lang", "de", "--quotes", "de")
    assert proc.returncode == 0, proc.stderr
    expected = (SEEDS / "000_af01204604cdb2da.expected.txt").read_text(encoding="utf-8")
    assert proc.stdout.decode() == expected + "\n"


def test_seed_document_report() -> None:
    proc = run_newsnorm(str(SEED), "--lang", "de", "--quotes", "de", "--report")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["file"] == str(SEED)
    assert [f["token"] for f in report["flags"]] == ["initially"]
    assert "zum Inhalt" in [r["text"] for r in report["removed"]]


def test_stdin_to_stdout() -> None:
    proc = run_newsnorm("-", "--lang", "de", stdin=("FÃ¼r " + GOOD).encode())
    assert proc.returncode == 0
    assert proc.stdout.decode() == "Für " + GOOD + "\n"


def test_output_file_and_refusal_to_overwrite_input(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("FÃ¼r " + GOOD, encoding="utf-8")
    out = tmp_path / "out.txt"
    assert run_newsnorm(str(src), "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == "Für " + GOOD + "\n"
    proc = run_newsnorm(str(src), "-o", str(src))
    assert proc.returncode == 2
    assert b"refusing to write over the input" in proc.stderr
    assert src.read_text(encoding="utf-8") == "FÃ¼r " + GOOD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.txt"]


def test_output_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert run_newsnorm("-", "-o", str(out), stdin=GOOD.encode()).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_invalid_utf8_is_reported_with_byte_offset(tmp_path: Path) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes(b"Gr\xfc\xdfe aus Berlin")
    proc = run_newsnorm(str(src))
    assert proc.returncode == 1
    assert b"byte 2" in proc.stderr
    assert b"Traceback" not in proc.stderr
    replaced = run_newsnorm(str(src), "--decode-errors", "replace")
    assert replaced.returncode == 0
    assert "\ufffd" in replaced.stdout.decode()
    latin = run_newsnorm(str(src), "--encoding", "latin-1")
    assert latin.stdout.decode() == "Grüße aus Berlin\n"


def test_empty_file(tmp_path: Path) -> None:
    src = tmp_path / "empty.txt"
    src.write_bytes(b"")
    proc = run_newsnorm(str(src))
    assert proc.returncode == 0
    assert proc.stdout == b""
    assert run_newsnorm("--jsonl", str(src)).stdout == b""


def test_jsonl_normalizes_the_field_and_keeps_other_keys() -> None:
    data = jsonl({"id": 1, "text": "zum Inhalt\nFÃ¼r " + GOOD, "url": "https://x.example/a"})
    proc = run_newsnorm("--jsonl", "--lang", "de", stdin=data)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["id"] == 1
    assert record["url"] == "https://x.example/a"
    assert record["text"] == "Für " + GOOD
    assert record["newsnorm"]["removed"][0]["text"] == "zum Inhalt"
    assert record["newsnorm"]["lang"] == "de"


def test_jsonl_other_field_and_no_report() -> None:
    data = jsonl({"body": "FÃ¼r " + GOOD})
    proc = run_newsnorm("--jsonl", "--field", "body", "--no-report", stdin=data)
    assert json.loads(proc.stdout) == {"body": "Für " + GOOD}


BAD_LINES = (
    jsonl({"text": GOOD})
    + b"{not json\n"
    + jsonl({"other": "x"})
    + jsonl([1, 2])
    + jsonl({"text": 5})
    + b"\xff\xfe binary garbage \x00\n"
    + b"\n"
    + jsonl({"text": "FÃ¼r " + GOOD}).rstrip(b"\n")  # truncated: no final newline
)


def test_jsonl_bad_lines_pass_through_by_default() -> None:
    proc = run_newsnorm("--jsonl", "--no-report", stdin=BAD_LINES)
    assert proc.returncode == 1
    lines = proc.stdout.split(b"\n")
    assert lines[-1] == b""
    lines = lines[:-1]
    assert len(lines) == 8  # exactly one output line per input line
    inputs = BAD_LINES.split(b"\n")
    for i in (1, 2, 3, 4, 5, 6):
        assert lines[i] == inputs[i]
    assert json.loads(lines[7]) == {"text": "Für " + GOOD}
    stderr = proc.stderr.decode()
    for lineno in (2, 3, 4, 5, 6, 7):
        assert f"input:{lineno}:" in stderr
    assert "invalid JSON" in stderr
    assert "missing field 'text'" in stderr
    assert "6 of 8 records" in stderr


def test_jsonl_skip_drops_but_reports() -> None:
    proc = run_newsnorm("--jsonl", "--errors", "skip", "--no-report", stdin=BAD_LINES)
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 2
    assert proc.stderr.decode().count("skipped") == 6


def test_jsonl_raise_stops_and_writes_no_output_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(BAD_LINES)
    out = tmp_path / "out.jsonl"
    proc = run_newsnorm("--jsonl", "--errors", "raise", str(src), "-o", str(out))
    assert proc.returncode == 2
    assert f"{src}:2: invalid JSON".encode() in proc.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_jsonl_jobs_give_identical_output(tmp_path: Path) -> None:
    records = [{"i": i, "text": f"zum Inhalt\nFÃ¼r Nummer {i}: {GOOD}"} for i in range(300)]
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl(*records) + b"broken\n")
    one = run_newsnorm("--jsonl", str(src), "--lang", "de")
    two = run_newsnorm("--jsonl", str(src), "--lang", "de", "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert [json.loads(line)["i"] for line in one.stdout.splitlines()[:-1]] == list(range(300))


def test_usage_errors() -> None:
    assert run_newsnorm("--lang", "xx", stdin=b"x").returncode == 2
    assert run_newsnorm("--quotes", "klingon", stdin=b"x").returncode == 2
    assert run_newsnorm("--jobs", "0", stdin=b"x").returncode == 2
    proc = run_newsnorm("/nonexistent/file.txt")
    assert proc.returncode == 2
    assert b"cannot read" in proc.stderr


@pytest.mark.parametrize("flag", ["--no-fix-encoding", "--no-whitespace", "--no-boilerplate"])
def test_step_switches(flag: str) -> None:
    text = "zum Inhalt\nFÃ¼r  " + GOOD
    proc = run_newsnorm(flag, "--lang", "de", stdin=text.encode())
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert ("FÃ¼r" in out) == (flag == "--no-fix-encoding")
    assert ("  " in out) == (flag == "--no-whitespace")
    assert ("zum Inhalt" in out) == (flag == "--no-boilerplate")
