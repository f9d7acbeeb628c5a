"""The ``framing`` command line: ``framing info``, ``framing extract``, ``framing report``."""

from __future__ import annotations

import argparse
import logging
import sys
import warnings

from framing._warnings import FramingError, FramingWarning


def _add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", nargs="?", default=None,
                        help="file or folder of articles (default: the bundled five-outlet sample)")
    for name in ("text", "source", "doc-id", "date", "title", "origin"):
        parser.add_argument(f"--{name}", dest=name.replace("-", "_"), default=None,
                            help=f"input column holding the {name.replace('-', '_')}")
    parser.add_argument("--encoding", default=None, help="encoding of text files (default: UTF-8 "
                        "with cp1252 fallback, counted in a warning)")
    parser.add_argument("--no-clean", action="store_true", help="keep page furniture in the text")


def _load(args):
    import framing

    if args.corpus is None:
        return framing.load_sample(clean=not args.no_clean)
    return framing.load_corpus(args.corpus, text=args.text, source=args.source, doc_id=args.doc_id,
                               date=args.date, title=args.title, origin=args.origin,
                               encoding=args.encoding, clean=not args.no_clean)


def cmd_info(args) -> int:
    """Print what a corpus holds: articles per source and origin, dates, tokens, warnings."""
    from framing.info import corpus_summary

    corpus = _load(args)
    print(corpus_summary(corpus))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Measure how news outlets "
                                     "frame a story: naming, attribution, stance.")
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("-v", "--verbose", action="store_true", help="log what framing guesses")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    info = commands.add_parser("info", help="summarise a corpus")
    _add_corpus_arguments(info)
    info.set_defaults(func=cmd_info)
    _register_optional_commands(commands)
    return parser


def _register_optional_commands(commands) -> None:
    # Commands from later stages register themselves here when their modules exist.
    for module_name in ("framing.cli_extract", "framing.cli_report"):
        try:
            module = __import__(module_name, fromlist=["register"])
        except ImportError:
            continue
        module.register(commands, _add_corpus_arguments)


def _version() -> str:
    import framing

    return f"framing {framing.__version__}"


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s: %(message)s")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    # Warnings are printed once by the command's own summary; keep stderr readable.
    warnings.simplefilter("ignore", FramingWarning)
    try:
        return args.func(args)
    except FramingError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
