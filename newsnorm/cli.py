"""The ``newsnorm`` command: normalize plain-text files, stdin or JSONL.

Plain text::

    newsnorm article.txt                    # normalized text on stdout
    newsnorm article.txt --report           # one JSON object: text and report
    cat article.txt | newsnorm - --lang de --quotes de -o clean.txt

JSONL (one JSON object per line; the field is normalized in place, every other
key kept, the report under a ``newsnorm`` key; exactly one output line per input
line, in order)::

    newsnorm --jsonl pages.jsonl --field text --jobs 2 -o clean.jsonl

Exit status: 0 when everything was normalized, 1 when some input could not be
(each such record or file is reported on stderr with its line number), 2 for
usage errors and aborted runs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsnorm._data import LANGUAGES
from newsnorm._version import __version__

log = logging.getLogger("newsnorm.cli")

EXIT_OK = 0
EXIT_RECORD_ERRORS = 1
EXIT_FATAL = 2

#: How many JSONL lines one worker task carries.
CHUNK_LINES = 64
#: How many chunks per worker may be in flight (bounds memory while streaming).
CHUNKS_IN_FLIGHT_PER_JOB = 4
#: A chunk is also cut when its lines reach this many bytes.
CHUNK_BYTES = 4 * 1024 * 1024


class FatalError(Exception):
    """An error that ends the run (exit status 2)."""


@dataclass(frozen=True)
class LineResult:
    """What became of one JSONL input line."""

    output: bytes | None  # None: the line is dropped (``--errors skip``)
    error: str | None = None


@dataclass(frozen=True)
class JsonlJob:
    """Everything a worker needs to process JSONL lines (picklable)."""

    options: tuple[tuple[str, Any], ...]
    field: str
    errors: str
    encoding: str
    decode_errors: str
    report: bool

    def normalizer(self) -> Any:
        from newsnorm.pipeline import Normalizer

        return _cached_normalizer(self.options, Normalizer)


_NORMALIZERS: dict[tuple[tuple[str, Any], ...], Any] = {}


def _cached_normalizer(options: tuple[tuple[str, Any], ...], factory: Any) -> Any:
    norm = _NORMALIZERS.get(options)
    if norm is None:
        norm = _NORMALIZERS[options] = factory(**dict(options))
    return norm


def _describe_decode_error(exc: UnicodeDecodeError) -> str:
    return f"invalid {exc.encoding} at byte {exc.start}: {exc.reason}"


def process_line(raw: bytes, job: JsonlJob) -> LineResult:
    """Normalize one JSONL line; never raises for bad input (the error is returned)."""
    body = raw.rstrip(b"\r\n")
    try:
        line = body.decode(job.encoding, errors=job.decode_errors)
    except UnicodeDecodeError as exc:
        return _bad_line(raw, job, _describe_decode_error(exc))
    if not line.strip():
        return _bad_line(raw, job, "empty line (no JSON object)")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _bad_line(raw, job, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return _bad_line(raw, job, "invalid JSON (nested too deeply)")
    if not isinstance(record, dict):
        return _bad_line(raw, job, f"expected a JSON object, got {type(record).__name__}")
    if job.field not in record:
        return _bad_line(raw, job, f"missing field {job.field!r}")
    value = record[job.field]
    if not isinstance(value, str):
        return _bad_line(raw, job, f"field {job.field!r} is {type(value).__name__}, not a string")
    result = job.normalizer()(value)
    record[job.field] = result.text
    if job.report:
        report = result.to_dict()
        del report["text"]
        record["newsnorm"] = report
    out = json.dumps(record, ensure_ascii=False) + "\n"
    return LineResult(out.encode("utf-8", errors="surrogatepass"))


def _bad_line(raw: bytes, job: JsonlJob, message: str) -> LineResult:
    if job.errors == "skip":
        return LineResult(None, message)
    passed = raw if raw.endswith(b"\n") else raw + b"\n"
    return LineResult(passed, message)


def process_chunk(lines: Sequence[bytes], job: JsonlJob) -> list[LineResult]:
    """Worker entry point: normalize a chunk of JSONL lines, in order."""
    return [process_line(raw, job) for raw in lines]


def _chunks(lines: Iterable[bytes]) -> Iterator[list[bytes]]:
    chunk: list[bytes] = []
    size = 0
    for raw in lines:
        chunk.append(raw)
        size += len(raw)
        if len(chunk) >= CHUNK_LINES or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _run_chunks(
    chunks: Iterable[list[bytes]], job: JsonlJob, jobs: int
) -> Iterator[list[LineResult]]:
    """Results of every chunk, in input order; with jobs > 1 through a bounded process pool."""
    if jobs <= 1:
        for chunk in chunks:
            yield process_chunk(chunk, job)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[list[LineResult]]] = deque()
        limit = jobs * CHUNKS_IN_FLIGHT_PER_JOB
        for chunk in chunks:
            pending.append(pool.submit(process_chunk, chunk, job))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


class _Progress:
    """A tqdm bar on stderr counting input bytes; silent when stderr is not a terminal."""

    def __init__(self, total: int | None, enabled: bool, desc: str) -> None:
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total, unit="B", unit_scale=True, desc=desc, file=sys.stderr, leave=False
            )

    def update(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


class _Output:
    """Binary output to stdout or, atomically, to a file (temporary file renamed on success)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._tmp: str | None = None
        self.stream: IO[bytes]
        if path is None or path == "-":
            self.stream = sys.stdout.buffer
        else:
            target = Path(path)
            directory = target.parent if str(target.parent) else Path(".")
            fd, self._tmp = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".part", dir=directory
            )
            # mkstemp makes the file private (0600); give it the mode a plain open() would
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self._tmp, 0o666 & ~umask)
            self.stream = os.fdopen(fd, "wb")

    def commit(self) -> None:
        self.stream.flush()
        if self._tmp is not None and self.path is not None:
            self.stream.close()
            os.replace(self._tmp, self.path)
            self._tmp = None

    def discard(self) -> None:
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                self.stream.close()
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)
            self._tmp = None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _open_input(name: str) -> IO[bytes]:
    if name == "-":
        return sys.stdin.buffer
    try:
        return open(name, "rb")
    except OSError as exc:
        raise FatalError(f"cannot read {name}: {exc.strerror}") from exc


def _input_size(name: str) -> int | None:
    if name == "-":
        return None
    try:
        return os.path.getsize(name)
    except OSError:
        return None


def _normalizer_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "lang": args.lang,
        "quotes": args.quotes,
        "encoding": args.fix_encoding,
        "whitespace": args.whitespace,
        "boilerplate": args.boilerplate,
        "untranslated": args.untranslated,
        "boilerplate_level": args.boilerplate_level,
        "keep_headline": args.keep_headline,
        "keep_captions": args.keep_captions,
        "source": args.source,
        "min_score": args.min_score,
    }


def _run_jsonl(args: argparse.Namespace, out: _Output, progress_on: bool) -> int:
    job = JsonlJob(
        options=tuple(sorted(_normalizer_options(args).items())),
        field=args.field,
        errors=args.errors,
        encoding=args.encoding,
        decode_errors=args.decode_errors,
        report=not args.no_report,
    )
    job.normalizer()  # validate the options before reading anything
    failures = 0
    total = 0
    for name in args.inputs:
        size = _input_size(name)
        progress = _Progress(size, progress_on, Path(name).name if name != "-" else "stdin")
        stream = _open_input(name)
        lines = _counted(stream, progress)
        try:
            lineno = 0
            for results in _run_chunks(_chunks(lines), job, args.jobs):
                for result in results:
                    lineno += 1
                    total += 1
                    if result.error is not None:
                        failures += 1
                        label = "input" if name == "-" else name
                        message = f"{label}:{lineno}: {result.error}"
                        if args.errors == "raise":
                            raise FatalError(f"{message} (stopped: --errors raise)")
                        action = "skipped" if args.errors == "skip" else "passed through unchanged"
                        log.error("%s; %s", message, action)
                    if result.output is not None:
                        out.stream.write(result.output)
        finally:
            progress.close()
            if stream is not sys.stdin.buffer:
                stream.close()
    log.info("%d records, %d with errors", total, failures)
    if failures:
        log.warning("%d of %d records could not be normalized", failures, total)
    return EXIT_RECORD_ERRORS if failures else EXIT_OK


def _counted(stream: IO[bytes], progress: _Progress) -> Iterator[bytes]:
    for raw in stream:
        progress.update(len(raw))
        yield raw


def _run_text(args: argparse.Namespace, out: _Output) -> int:
    from newsnorm.pipeline import Normalizer

    norm = Normalizer(**_normalizer_options(args))
    failures = 0
    for name in args.inputs:
        stream = _open_input(name)
        try:
            data = stream.read()
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
        label = "stdin" if name == "-" else name
        try:
            text = data.decode(args.encoding, errors=args.decode_errors)
        except UnicodeDecodeError as exc:
            failures += 1
            log.error(
                "%s: %s; skipped (use --encoding or --decode-errors replace)",
                label,
                _describe_decode_error(exc),
            )
            continue
        result = norm(text)
        if args.no_report:
            payload = result.text + "\n" if result.text else ""
        else:
            report = result.to_dict()
            payload = json.dumps({"file": label, **report}, ensure_ascii=False) + "\n"
        out.stream.write(payload.encode("utf-8", errors="surrogatepass"))
    return EXIT_RECORD_ERRORS if failures else EXIT_OK


def add_normalizer_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of :class:`~newsnorm.Normalizer` (shared with ``newsnorm review``).

    ``_normalizer_options(args)`` turns the parsed values back into ``Normalizer`` keywords.
    """
    from newsnorm.boilerplate import LEVELS
    from newsnorm.quotes import QUOTE_STYLES

    parser.add_argument(
        "--lang",
        default=None,
        help=f"document language ({', '.join(LANGUAGES)}, or e.g. de-CH); default: detect",
    )
    parser.add_argument(
        "--quotes",
        default=None,
        choices=("auto", *QUOTE_STYLES),
        metavar="STYLE",
        help="normalize quotation marks: auto (style of the language) or one of "
        + ", ".join(QUOTE_STYLES),
    )
    parser.add_argument(
        "--source",
        default="en",
        choices=LANGUAGES,
        help="language stray tokens come from (default: en)",
    )
    parser.add_argument(
        "--min-score",
        type=float,
        default=None,
        help="threshold for untranslated-token flags (0..1)",
    )
    parser.add_argument(
        "--boilerplate-level",
        choices=LEVELS,
        default="balanced",
        help="how much boilerplate evidence is enough (default: balanced)",
    )
    parser.add_argument(
        "--drop-headline",
        dest="keep_headline",
        action="store_false",
        help="remove the page headline too",
    )
    parser.add_argument(
        "--drop-captions",
        dest="keep_captions",
        action="store_false",
        help="remove image captions too, not just their credits",
    )
    for step, what in (
        ("fix-encoding", "encoding repair"),
        ("whitespace", "whitespace"),
        ("boilerplate", "boilerplate stripping"),
        ("untranslated", "untranslated-token flags"),
    ):
        dest = step.replace("-", "_")
        parser.add_argument(
            f"--no-{step}", dest=dest, action="store_false", help=f"switch off {what}"
        )


def build_parser() -> argparse.ArgumentParser:
    """The command-line parser (also used to document the CLI)."""
    parser = argparse.ArgumentParser(
        prog="newsnorm",
        description="Normalize scraped news text: fix encoding, whitespace and quotes, "
        "strip boilerplate, flag untranslated tokens.",
        epilog="Exit status: 0 ok, 1 some records or files could not be normalized "
        "(reported on stderr), 2 usage error or aborted run.",
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        default=["-"],
        metavar="FILE",
        help="input files; '-' or nothing reads stdin",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here instead of stdout (written atomically; never over an input)",
    )
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help="inputs are JSON Lines: normalize one field of every object",
    )
    parser.add_argument(
        "--field", default="text", help="the JSONL field to normalize (default: text)"
    )
    parser.add_argument(
        "--report",
        dest="no_report",
        action="store_false",
        default=None,
        help="plain text: print JSON with the text and the report "
        "(JSONL: the report is on by default)",
    )
    parser.add_argument(
        "--no-report",
        dest="no_report",
        action="store_true",
        help="JSONL: do not add the 'newsnorm' report key",
    )
    parser.add_argument(
        "--errors",
        choices=("raise", "skip", "pass"),
        default="pass",
        help="JSONL lines that are not valid JSON objects with the field: "
        "pass them through unchanged (default), skip them, or stop; "
        "all are reported on stderr and counted in the exit status",
    )
    parser.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    parser.add_argument(
        "--decode-errors",
        choices=("strict", "replace"),
        default="strict",
        help="invalid bytes in the input: report them (strict, default) "
        "or replace them with U+FFFD",
    )
    add_normalizer_options(parser)
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        help="JSONL: worker processes (output stays in input order)",
    )
    parser.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )
    parser.add_argument("--no-progress", dest="progress", action="store_false")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="-v info, -vv debug")
    parser.add_argument("--version", action="version", version=f"newsnorm {__version__}")
    return parser


def _configure_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("newsnorm: %(message)s"))
    root = logging.getLogger("newsnorm")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsnorm`` command; returns the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "review":
        from newsnorm import review

        return review.main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    if args.no_report is None:
        args.no_report = not args.jsonl
    if args.min_score is None:
        from newsnorm.untranslated import DEFAULT_MIN_SCORE

        args.min_score = DEFAULT_MIN_SCORE
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.inputs.count("-") > 1:
        parser.error("stdin ('-') can be read only once")
    if args.output not in (None, "-"):
        for name in args.inputs:
            if name != "-" and _same_file(name, args.output):
                parser.error(f"refusing to write over the input file {name}")
    try:
        from newsnorm.pipeline import Normalizer

        Normalizer(**_normalizer_options(args))
    except (TypeError, ValueError) as exc:
        parser.error(str(exc))
    progress_on = args.progress if args.progress is not None else sys.stderr.isatty()

    def work(out: _Output) -> int:
        return _run_jsonl(args, out, progress_on) if args.jsonl else _run_text(args, out)

    return write_atomically(args.output, work, "no output file was written")


def write_atomically(path: str | None, work: Callable[[_Output], int], nothing: str) -> int:
    """Run *work* with an output (stdout, or *path* written atomically) and turn the ways a
    run can end into exit statuses: *work*'s own status on success; 2 after a
    :class:`FatalError` or when the reader of stdout goes away; 130 on Ctrl-C. On every
    failure the temporary output file is removed, so no half-written output is left;
    *nothing* says so in the log ("no output file was written")."""
    out = _Output(path)
    try:
        status = work(out)
        out.commit()
    except FatalError as exc:
        out.discard()
        log.error("%s", exc)
        return EXIT_FATAL
    except KeyboardInterrupt:
        out.discard()
        log.error("interrupted; %s", nothing)
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `newsnorm big.jsonl | head`): stop quietly
        out.discard()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FATAL
    except BaseException:
        out.discard()
        raise
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
