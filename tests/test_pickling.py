"""Every public callable and a configured Normalizer pickle (pickle, cloudpickle, dill)
and give the same result in a fresh process."""

from __future__ import annotations

import base64
import pickle
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import cloudpickle
import dill
import pytest

import newsnorm
from tests.conftest import ROOT

TEXT = (
    'zum Inhalt\nFÃ¼r die Regierung war das "initially" ein Erfolg, sagte der Minister '
    "am Montag in Berlin.\nLesen Sie auch:\n"
)

CALLS: list[tuple[str, Callable[..., Any], dict[str, Any]]] = [
    ("fix_encoding", newsnorm.fix_encoding, {}),
    ("normalize_whitespace", newsnorm.normalize_whitespace, {}),
    ("normalize_quotes", newsnorm.normalize_quotes, {"style": "de"}),
    ("to_ascii", newsnorm.to_ascii, {}),
    ("strip_boilerplate", newsnorm.strip_boilerplate, {"lang": "de"}),
    ("find_boilerplate", newsnorm.find_boilerplate, {"lang": "de"}),
    ("flag_untranslated", newsnorm.flag_untranslated, {"lang": "de"}),
    ("detect_language", newsnorm.detect_language, {}),
    ("normalize", newsnorm.normalize, {"lang": "de", "quotes": "de"}),
    ("Normalizer", newsnorm.Normalizer(lang="de", quotes="de"), {}),
]
DUMPERS: dict[str, Callable[[Any], bytes]] = {
    "pickle": pickle.dumps,
    "cloudpickle": cloudpickle.dumps,
    "dill": dill.dumps,
}


@pytest.mark.parametrize("dumper", sorted(DUMPERS))
@pytest.mark.parametrize(("name", "func", "kwargs"), CALLS, ids=[c[0] for c in CALLS])
def test_round_trip_in_process(
    dumper: str, name: str, func: Callable[..., Any], kwargs: dict[str, Any]
) -> None:
    clone = pickle.loads(DUMPERS[dumper](func))
    assert clone(TEXT, **kwargs) == func(TEXT, **kwargs)


def test_same_result_in_a_fresh_process() -> None:
    payload = {
        name: (DUMPERS[dumper](func), kwargs)
        for name, func, kwargs in CALLS
        for dumper in ("pickle",)
    }
    payload["Normalizer/cloudpickle"] = (cloudpickle.dumps(CALLS[-1][1]), {})
    payload["Normalizer/dill"] = (dill.dumps(CALLS[-1][1]), {})
    expected = {name: repr(pickle.loads(blob)(TEXT, **kw)) for name, (blob, kw) in payload.items()}
    script = (
        "import base64, pickle, sys\n"
        "import dill, cloudpickle  # noqa: F401 (their pickles need them importable)\n"
        "payload, text = pickle.loads(base64.b64decode(sys.stdin.read()))\n"
        "out = {n: repr(pickle.loads(b)(text, **kw)) for n, (b, kw) in payload.items()}\n"
        "sys.stdout.write(base64.b64encode(pickle.dumps(out)).decode())\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        input=base64.b64encode(pickle.dumps((payload, TEXT))).decode(),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert pickle.loads(base64.b64decode(proc.stdout)) == expected
