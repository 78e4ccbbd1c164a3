"""Word 97-2003 (.doc, and WPS Office files saved in that format), RTF and OpenDocument text:
converted to .docx by LibreOffice, then read like any .docx.

Offices still mail 申报表 and notices as .doc. LibreOffice (Debian `libreoffice-writer-nogui`,
installed by scripts/setup.sh) reads them faithfully; no Python library does. It runs headless
with a throw-away profile (so runs in parallel do not share a lock), without network where a
network namespace can be made (a document's links are never fetched), and under a time limit.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from models import ErrorCode, IntakeError
from extractors.readers import sniff

# A .doc notice converts in 1-2 s here; a file that takes this long is stuck or hostile.
CONVERT_SECONDS = 120
_SUFFIX = {sniff.DOC: ".doc", sniff.RTF: ".rtf", sniff.ODT: ".odt"}


@lru_cache(maxsize=1)
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@lru_cache(maxsize=1)
def _offline_prefix() -> tuple[str, ...]:
    """`unshare -rn` (no network, no root needed) where the kernel allows it; else nothing."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    try:
        probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return (unshare, "-rn") if probe.returncode == 0 else ()


def to_docx(path: Path, media_type: str) -> bytes:
    """The bytes of a .docx with the content of `path` (a DOC, RTF or ODT file).

    A packet asks twice for the same file (its text, then its pictures for seals): the last
    few conversions are kept, keyed by the file's size and modification time."""
    stat = Path(path).stat()
    return _converted(str(path), stat.st_size, stat.st_mtime_ns, media_type)


@lru_cache(maxsize=8)
def _converted(path_name: str, size: int, mtime_ns: int, media_type: str) -> bytes:
    path = Path(path_name)
    exe = soffice()
    if exe is None:
        raise IntakeError(ErrorCode.UNSUPPORTED_TYPE, str(path),
                          f"{_SUFFIX[media_type]} files are read through LibreOffice, which is not "
                          "installed (apt-get install libreoffice-writer-nogui; scripts/setup.sh does)")
    with tempfile.TemporaryDirectory(prefix="award-intake-convert-") as tmp_name:
        tmp = Path(tmp_name)
        # LibreOffice picks its import filter partly by the name: give it the right one.
        source = tmp / f"in{_SUFFIX[media_type]}"
        shutil.copyfile(path, source)
        command = [*_offline_prefix(), exe, "--headless", "--norestore", "--nolockcheck",
                   f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp / "out"), str(source)]
        try:
            run = subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS,
                                 stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise IntakeError(ErrorCode.TIMEOUT, str(path),
                              f"LibreOffice did not convert it within {CONVERT_SECONDS} s")
        converted = tmp / "out" / "in.docx"
        if not converted.is_file():
            said = (run.stderr or run.stdout).decode("utf-8", "replace").strip().splitlines()
            raise IntakeError(ErrorCode.CORRUPT, str(path),
                              f"LibreOffice could not read this {_SUFFIX[media_type]} file"
                              + (f": {said[-1][:200]}" if said else ""))
        return converted.read_bytes()
