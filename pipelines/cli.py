"""award-intake: read award notices and application packets, extract specs, check packets.

Exit codes:
  0  every input was processed
  1  some inputs could not be read; each has an error record (code, file, message) in the output
  2  usage error (bad arguments, missing --out)
  3  internal error (a bug: please report it with the traceback)
"""
from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path

from models import ErrorCode, ErrorRecord, IntakeError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
log = logging.getLogger("award_intake")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if not args.verbose else logging.INFO,
                        format="%(levelname)s %(message)s")
    try:
        return args.func(args)
    except IntakeError as exc:
        _say_error(exc.record)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception:
        traceback.print_exc()
        return EXIT_INTERNAL


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="award-intake", description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress at INFO")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("text", help="print a document's normalized text (Tibetan lines included)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_text)

    p = sub.add_parser("spec", help="print a notice's award spec as JSON")
    p.add_argument("file", type=Path)
    p.add_argument("--out", type=Path, help="write the JSON here instead of standard output")
    p.set_defaults(func=cmd_spec)

    p = sub.add_parser("fields", help="write the flat field view (FIELDS.md) of each notice")
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--out", type=Path, required=True, help="folder for <stem>.json files")
    p.set_defaults(func=cmd_fields)

    p = sub.add_parser("check", help="check application packets against a notice's award spec")
    p.add_argument("packets", type=Path, nargs="+", help="packet folders or envelope PDFs")
    p.add_argument("--spec", type=Path, required=True,
                   help="the notice (any supported format) or a spec JSON from `award-intake spec`")
    p.add_argument("--out", type=Path, required=True, help="folder for findings and reports")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("run", help="the main job: every notice and packet batch under a folder")
    p.add_argument("root", type=Path, nargs="?", default=Path("sample_docs"))
    p.add_argument("--out", type=Path, default=Path("var/out"))
    p.set_defaults(func=cmd_run)
    return parser


def cmd_text(args) -> int:
    from pipelines import stages
    from extractors.spec.secrets import redact
    ndoc = stages.normalize_document(stages.read_document(args.file))
    sys.stdout.write(redact(ndoc.display_text.rstrip("\n")) + "\n")
    return EXIT_OK


def cmd_spec(args) -> int:
    from pipelines import stages
    from pipelines.outputs import dumps, write_json_atomic
    spec = stages.spec_from_file(args.file)
    if args.out:
        write_json_atomic(args.out, spec)
    else:
        sys.stdout.write(dumps(spec) + "\n")
    return EXIT_OK


def cmd_fields(args) -> int:
    from pipelines.worker import ReaderWorker

    with ReaderWorker() as reader:
        failed = sum(not _fields_of(reader, path, args.out)
                     for path in _progress(args.files, "fields"))
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _fields_of(reader, path: Path, out: Path) -> bool:
    """Write `path`'s field view, or its error record; True when it worked."""
    from pipelines import stages
    from pipelines.outputs import write_json_atomic

    result, error = out / f"{path.stem}.json", out / f"{path.stem}.error.json"
    try:
        view = stages.field_view(stages.spec_from_file(path, reader))
        write_json_atomic(result, view)
        error.unlink(missing_ok=True)   # an earlier run's failure no longer stands
        return True
    except IntakeError as exc:
        record = exc.record
    except Exception as exc:  # one bad file never stops the batch
        log.debug("internal error on %s", path, exc_info=True)
        record = _internal(path, exc)
    result.unlink(missing_ok=True)      # never leave an earlier run's answer for a bad file
    _record_error(out, path, record)
    return False


def cmd_check(args) -> int:
    from pipelines.jobs import check_packets
    result = check_packets(args.packets, args.spec, args.out, progress=_progress)
    for record in result.errors:
        _say_error(record)
    print(f"findings and reports: {args.out.resolve()}")
    return EXIT_SOME_FAILED if result.errors else EXIT_OK


def cmd_run(args) -> int:
    from pipelines.jobs import run_all
    result = run_all(args.root, args.out, progress=_progress)
    for record in result.errors:
        _say_error(record)
    print(result.summary())
    return EXIT_SOME_FAILED if result.errors else EXIT_OK


def _progress(items, desc: str):
    from tqdm import tqdm
    items = list(items)
    # disable=None: a bar only on a terminal, and only for batches.
    return tqdm(items, desc=desc, unit="file", disable=None if len(items) > 1 else True,
                file=sys.stderr)


def _internal(path: Path, exc: Exception) -> ErrorRecord:
    return ErrorRecord(code=ErrorCode.INTERNAL, file=str(path), message=f"{type(exc).__name__}: {exc}")


def _record_error(out: Path, path: Path, record: ErrorRecord) -> None:
    from pipelines.outputs import write_json_atomic
    _say_error(record)
    write_json_atomic(out / f"{path.stem}.error.json", record)


def _say_error(record: ErrorRecord) -> None:
    from extractors.spec.secrets import redact
    print(redact(f"award-intake: error [{record.code.value}] {record.file}: {record.message}"),
          file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
