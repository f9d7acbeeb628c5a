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


def cmd_extract(args) -> int:
    """Extract matches: to one table file, or streamed in batches to a Parquet folder."""
    from pathlib import Path

    out = Path(args.out)
    if out.suffix.lower() in (".parquet", ".csv"):
        import framing

        corpus = _load(args)
        matches = framing.extract(corpus, lexicons=args.lexicon or None, n_jobs=args.jobs,
                                  progress=not args.quiet)
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix.lower() == ".parquet":
            matches.to_parquet(out, index=False)
        else:
            matches.to_csv(out, index=False)
        print(f"{len(matches):,} matches from {len(corpus):,} articles written to {out}")
        return 0
    if args.corpus is None:
        raise FramingError("streaming to a folder needs a corpus file (Parquet, JSONL or CSV); "
                           "for the sample, pass --out matches.parquet")
    from framing.stream import extract_to_parquet

    summary = extract_to_parquet(args.corpus, out, batch_size=args.batch_size, text=args.text,
                                 source=args.source, doc_id=args.doc_id, date=args.date,
                                 title=args.title, clean=not args.no_clean,
                                 lexicons=args.lexicon or None, n_jobs=args.jobs,
                                 progress=not args.quiet, sentiment=args.sentiment)
    print(f"{summary['articles']:,} articles in {summary['batches']} batches: {summary['written']} "
          f"written, {summary['skipped']} already done; {summary['matches']:,} matches; "
          f"{summary['failed']} articles failed" + (f" (see {out / 'errors.csv'})" if summary['failed'] else ""))
    return 0


def cmd_report(args) -> int:
    """Write the report folder (index.html, figures, tables, matches.csv)."""
    from framing.report import build_report

    corpus = _load(args)
    page = build_report(corpus, args.out, by=args.by, lexicons=args.lexicon or None,
                        families=args.family or None, n_boot=args.n_boot, n_perm=args.n_perm,
                        random_state=args.seed, dedupe=args.dedupe, progress=not args.quiet,
                        formats=tuple(args.formats.split(",")))
    print(f"report written to {page}")
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
    extract = commands.add_parser("extract", help="extract matches (a table file, or a folder "
                                  "of partitioned Parquet for large corpora)")
    _add_corpus_arguments(extract)
    extract.add_argument("--out", required=True, help="matches.parquet / matches.csv, or a folder "
                         "for streaming output (matches/ and docs/ partitions, resumable)")
    extract.add_argument("--lexicon", action="append", help="lexicon file to use instead of the "
                         "shipped ones (repeatable)")
    extract.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    extract.add_argument("--batch-size", type=int, default=2000, help="articles per batch when "
                         "streaming (default 2000)")
    extract.add_argument("--sentiment", action="store_true", help="compute sentiment in the "
                         "streamed doc features (slow)")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    extract.set_defaults(func=cmd_extract)
    report = commands.add_parser("report", help="the full analysis as a folder with index.html, "
                                 "figures, tables and matches.csv")
    _add_corpus_arguments(report)
    report.add_argument("--out", default="framing-report", help="output folder (default: framing-report)")
    report.add_argument("--by", default="source", help="corpus column to compare (default: source)")
    report.add_argument("--lexicon", action="append", help="lexicon file to use instead of the "
                        "shipped ones (repeatable)")
    report.add_argument("--family", action="append", help="naming family to report (repeatable; "
                        "default: the most used families)")
    report.add_argument("--n-boot", type=int, default=2000, help="bootstrap resamples (default 2000)")
    report.add_argument("--n-perm", type=int, default=5000, help="permutations (default 5000)")
    report.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    report.add_argument("--dedupe", choices=["keep", "drop", "origin"], default="keep",
                        help="near-duplicate articles: keep, drop copies, or attribute to origin")
    report.add_argument("--formats", default="png,svg,pdf", help="figure formats, comma-separated "
                        "(default png,svg,pdf; png alone is fastest)")
    report.add_argument("--quiet", action="store_true", help="no progress bars")
    report.set_defaults(func=cmd_report)
    return parser


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
