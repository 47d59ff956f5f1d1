"""Bad input gets clear errors, odd input never crashes, nothing is lost, output is
deterministic: the library-wide promises, checked for every public function at once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import newsnorm
from tests.conftest import ROOT, run_newsnorm
from tests.strategies import any_text

# every public function that takes a document, with options that exercise it fully
TEXT_FUNCTIONS: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
    "fix_encoding": (newsnorm.fix_encoding, {}),
    "normalize_whitespace": (newsnorm.normalize_whitespace, {}),
    "normalize_quotes": (newsnorm.normalize_quotes, {"style": "de"}),
    "to_ascii": (newsnorm.to_ascii, {}),
    "strip_boilerplate": (newsnorm.strip_boilerplate, {"lang": "de"}),
    "find_boilerplate": (newsnorm.find_boilerplate, {"lang": "de"}),
    "flag_untranslated": (newsnorm.flag_untranslated, {"lang": "de"}),
    "detect_language": (newsnorm.detect_language, {}),
    "normalize": (newsnorm.normalize, {"quotes": "auto"}),
    "Normalizer": (newsnorm.Normalizer(lang="de"), {}),
}
NAMES = sorted(TEXT_FUNCTIONS)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("bad", [b"Hallo", bytearray(b"x"), None, 3, 2.5, ["a"], {"text": "a"}])
def test_non_str_raises_type_error_naming_the_type(name: str, bad: object) -> None:
    func, kwargs = TEXT_FUNCTIONS[name]
    with pytest.raises(TypeError, match=type(bad).__name__):
        func(bad, **kwargs)


@pytest.mark.parametrize("name", NAMES)
def test_bytes_error_says_how_to_decode(name: str) -> None:
    func, kwargs = TEXT_FUNCTIONS[name]
    with pytest.raises(TypeError, match="decode"):
        func(b"Gr\xc3\xbc\xc3\x9fe", **kwargs)


@pytest.mark.parametrize("name", NAMES)
def test_empty_text_gives_empty_results(name: str) -> None:
    func, kwargs = TEXT_FUNCTIONS[name]
    result = func("", **kwargs)
    if isinstance(result, str):
        assert result == ""
    elif isinstance(result, list):
        assert result == []
    elif isinstance(result, newsnorm.Normalized):
        assert (result.text, result.flags, result.removed) == ("", (), ())
    else:
        assert result == newsnorm.LanguageGuess(None, 0.0)


@pytest.mark.parametrize("name", NAMES)
def test_lone_surrogates_never_crash(name: str) -> None:
    func, kwargs = TEXT_FUNCTIONS[name]
    text = "Die Regierung \ud83d hat \udc00 am Montag beschlossen, das Gesetz zu ändern.\n\udfff"
    result = func(text, **kwargs)
    if name in ("fix_encoding", "to_ascii"):
        # the encoding step replaces them (other steps leave characters they do not own alone)
        assert isinstance(result, str)
        result.encode("utf-8")
    if isinstance(result, newsnorm.Normalized):
        assert "\ufffd" in result.text
        assert "surrogates" in result.changed
        result.text.encode("utf-8")  # no surrogate is left to break an encoder


@pytest.mark.parametrize(
    ("call", "valid"),
    [
        (lambda: newsnorm.normalize_quotes("x", style="xx"), "'de'"),
        (lambda: newsnorm.to_ascii("x", backend="xx"), "'anyascii'"),
        (lambda: newsnorm.strip_boilerplate("x", level="xx"), "'balanced'"),
        (lambda: newsnorm.flag_untranslated("x", lang="xx"), "'de'"),
        (lambda: newsnorm.flag_untranslated("x", lang="de", source="xx"), "'en'"),
        (lambda: newsnorm.normalize("x", lang="xx"), "'de'"),
        (lambda: newsnorm.normalize("x", quotes="xx"), "'de'"),
        (lambda: newsnorm.Normalizer(boilerplate_level="xx"), "'balanced'"),
    ],
)
def test_unknown_option_values_list_the_valid_ones(call: Callable[[], object], valid: str) -> None:
    with pytest.raises(ValueError, match="valid") as info:
        call()
    assert valid in str(info.value)


@given(any_text)
def test_normalize_output_always_encodes(text: str) -> None:
    result = newsnorm.normalize(text)
    result.text.encode("utf-8")
    json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")


def test_cli_a_100_mb_line_is_one_counted_error(tmp_path: Path) -> None:
    src = tmp_path / "huge.jsonl"
    with src.open("wb") as fh:
        fh.write(b'{"text": "Der Bundestag hat am Freitag beschlossen."}\n')
        fh.write(b'{"text": "' + b"x" * (100 * 1024 * 1024) + b"\n")  # unterminated string
        fh.write(b'{"text": "Die Sitzung dauerte bis in die Nacht."}\n')
    out = tmp_path / "out.jsonl"
    proc = run_newsnorm("--jsonl", str(src), "-o", str(out), "--no-report", timeout=300)
    assert proc.returncode == 1
    assert f"{src}:2: invalid JSON".encode() in proc.stderr
    with out.open("rb") as fh:
        lines = fh.read().split(b"\n")
    assert len(lines) == 4  # three lines and the empty rest after the last newline
    assert len(lines[1]) == len(b'{"text": "') + 100 * 1024 * 1024


def test_cli_interrupted_run_leaves_no_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    record = json.dumps({"text": "zum Inhalt\nDer Bundestag hat am Freitag beschlossen. " * 40})
    src.write_text((record + "\n") * 20_000, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsnorm", "--jsonl", str(src), "-o", str(out)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert b"interrupted" in stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_cli_output_is_byte_identical_across_runs_and_jobs(tmp_path: Path) -> None:
    records = [
        {"i": i, "text": f'zum Inhalt\nFÃ¼r Nummer {i} sagte er: "Das war initially gut."'}
        for i in range(200)
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    outputs = {
        run_newsnorm(
            "--jsonl", str(src), "--quotes", "auto", "--jobs", str(jobs), timeout=300
        ).stdout
        for jobs in (1, 2, 3, 1)
    }
    assert len(outputs) == 1
    (output,) = outputs
    assert len(output.splitlines()) == 200


def test_cli_missing_field_and_binary_garbage_are_counted(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(os.urandom(2000).replace(b"\n", b"") + b"\n" + b'{"title": "x"}\n')
    proc = run_newsnorm("--jsonl", str(src), timeout=300)
    assert proc.returncode == 1
    assert proc.stdout.count(b"\n") == 2
    assert b"in.jsonl:1:" in proc.stderr
    assert b"in.jsonl:2: missing field 'text'" in proc.stderr
