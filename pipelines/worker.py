"""Reading PDFs and page images in a child process.

A page that hangs the OCR engine or a PDF that crashes a native parser must cost that one file,
not the batch; and long runs must not grow memory (users of these engines report growth). So
the files that go to pdfplumber, pdfium and onnxruntime are read in a child process that

- is killed when one page takes longer than `Limits.ocr_seconds_per_page` (the readers beat
  once per page, `extractors.progress`), and the file gets a `timeout` error record;
- is replaced after `max_files` files, or as soon as its resident memory passes `max_rss_mb`;
- is started on the first such file only, so text, HTML and Word files never wait for it.

Everything else is read in the calling process, as before. AWARD_INTAKE_ISOLATE=0 reads all
files in-process (for debugging with a breakpoint in a reader).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from multiprocessing.connection import Connection
from pathlib import Path

from extractors.limits import Limits
from models import Document, ErrorCode, ErrorRecord, IntakeError

# The engine settles at 0.6-0.9 GB (bench/bench_ocr.py --soak); well past that is growth.
DEFAULT_MAX_RSS_MB = 1500
DEFAULT_MAX_FILES = 500
# A child that has not started its first page by then is stuck starting (imports, models).
START_SECONDS = 120


def isolation_enabled() -> bool:
    return os.environ.get("AWARD_INTAKE_ISOLATE", "1").strip().lower() not in {"0", "false", "no"}


def needs_isolation(path: Path) -> bool:
    """PDFs and images (by content, as the reader decides): the files native code parses."""
    from extractors.readers import sniff
    if not path.is_file():
        return False        # a folder, a pipe (opening one would block), a missing file: the
                            # reader refuses it with the right record
    try:
        kind = sniff.sniff_path(path)
    except OSError:
        return False
    return kind == sniff.PDF or kind in sniff.IMAGE_TYPES


class ReaderWorker:
    """`read_document(path)` through a supervised child process. Use as a context manager."""

    def __init__(self, limits: Limits | None = None, *, max_files: int = DEFAULT_MAX_FILES,
                 max_rss_mb: float = DEFAULT_MAX_RSS_MB):
        self.limits = limits or Limits.from_env()
        self.max_files = max_files
        self.max_rss_mb = max_rss_mb
        self.restarts = 0            # children replaced (recycled, killed or crashed)
        self.last_rss_mb = 0.0
        self._process: multiprocessing.Process | None = None
        self._conn: Connection | None = None
        self._files = 0

    def __enter__(self) -> "ReaderWorker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def read_document(self, path: str | Path) -> Document:
        path = Path(path)
        if not isolation_enabled() or not needs_isolation(path):
            from extractors.readers import read_document
            return read_document(path, self.limits)
        if self._process is None:
            self._start()
        assert self._conn is not None and self._process is not None
        self._conn.send(str(path))
        self._files += 1
        try:
            reply = self._await_reply(path)
        except IntakeError:
            self._stop(kill=True)
            raise
        kind, payload, rss = reply
        self.last_rss_mb = rss
        if self._files >= self.max_files or rss > self.max_rss_mb:
            self._stop()
        if kind == "ok":
            return payload
        raise IntakeError(payload.code, payload.file, payload.message)

    def close(self) -> None:
        self._stop()

    def _await_reply(self, path: Path) -> tuple:
        assert self._conn is not None and self._process is not None
        deadline = time.monotonic() + START_SECONDS + self.limits.ocr_seconds_per_page
        page = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                where = f"page {page}" if page else "the first page"
                raise IntakeError(ErrorCode.TIMEOUT, str(path),
                                  f"{where} took longer than {self.limits.ocr_seconds_per_page:g} s "
                                  f"(AWARD_INTAKE_OCR_SECONDS_PER_PAGE); reading stopped")
            try:
                ready = self._conn.poll(left)
                message = self._conn.recv() if ready else None
            except (EOFError, OSError):
                message = None
                ready = True
            if message is None and ready:      # the child died under us
                self._process.join(5)
                code = self._process.exitcode
                how = (f"signal {signal.Signals(-code).name}" if code is not None and code < 0
                       else f"exit status {code}")
                raise IntakeError(ErrorCode.CORRUPT, str(path),
                                  f"the reader crashed on this file ({how})")
            if message is None:
                continue
            if message[0] == "page":
                page = message[1]
                deadline = time.monotonic() + self.limits.ocr_seconds_per_page
                continue
            return message

    def _start(self) -> None:
        # spawn, not fork: the caller may hold threads (Dagster, onnxruntime) a fork would copy
        # mid-lock.
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self.limits),
                                        name="award-intake-reader", daemon=True)
        self._process.start()
        child.close()
        self._conn = parent
        self._files = 0

    def _stop(self, kill: bool = False) -> None:
        if self._process is None:
            return
        self.restarts += 1
        try:
            if kill:
                self._process.kill()
            else:
                assert self._conn is not None
                self._conn.send(None)
            self._process.join(10)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(5)
        except (OSError, ValueError):
            pass
        finally:
            if self._conn is not None:
                self._conn.close()
            self._process, self._conn = None, None


def _serve(conn: Connection, limits: Limits) -> None:
    """The child: read each path sent, beat per page, answer ("ok", Document | "error",
    ErrorRecord, RSS in MB); None ends it."""
    from extractors import progress
    from extractors.readers import read_document

    progress.set_listener(lambda number: conn.send(("page", number)))
    while True:
        path = conn.recv()
        if path is None:
            return
        try:
            reply = ("ok", read_document(path, limits))
        except IntakeError as exc:
            reply = ("error", exc.record)
        except Exception as exc:  # what read_document lets through is a bug: say so, go on
            reply = ("error", ErrorRecord(code=ErrorCode.INTERNAL, file=str(path),
                                          message=f"{type(exc).__name__}: {exc}"))
        conn.send((*reply, _rss_mb()))


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
