"""Speed of framing.text, and agreement between its two sentence engines.

Usage::

    python benchmarks/segmentation_speed.py [--n 2000] [--show 10] [PARQUET]

PARQUET defaults to the ABP corpus in the shared data folder
($FRAMING_SHARED/data/abp/articles.parquet, FRAMING_SHARED defaulting to the
``shared`` folder next to the repository). The first ``--n`` articles (column
``text``) are segmented; the script prints, per step, the time, the throughput
and the time extrapolated to 60 million characters (10,000 news articles), then
the agreement of the "fast" and "punkt" sentence engines: the share of sentence
boundaries (sentence end offsets) both engines place, over the boundaries either
places.

It also times the ways of producing token spans that ``token_spans`` chose
between: ``re.split`` with one capturing group (used), ``re.finditer`` and
NLTK's ``RegexpTokenizer.span_tokenize`` with the same pattern.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing import text as ft  # noqa: E402

TARGET_CHARS = 60_000_000


def default_parquet() -> Path:
    shared = os.environ.get("FRAMING_SHARED") or Path(__file__).resolve().parents[2] / "shared"
    return Path(shared) / "data" / "abp" / "articles.parquet"


def report(label: str, seconds: float, n_chars: int) -> None:
    rate = n_chars / seconds / 1e6
    print(
        f"{label:<44} {seconds:8.3f} s  {rate:8.2f} M chars/s  "
        f"~{TARGET_CHARS / (rate * 1e6):7.2f} s per 60 M chars"
    )


def timed(label: str, func, texts: list[str], n_chars: int, repeat: int = 1):
    """Run func over all texts ``repeat`` times; print and return (best seconds, results)."""
    best = float("inf")
    results = None
    for _ in range(repeat):
        start = time.perf_counter()
        results = [func(text) for text in texts]
        best = min(best, time.perf_counter() - start)
    report(label, best, n_chars)
    return best, results


def compare_engines(texts: list[str], repeat: int):
    """Best-of-``repeat`` time of each sentence engine, runs interleaved so that a
    change in the machine's load hits both engines alike."""
    best = {"fast": float("inf"), "punkt": float("inf")}
    results = {}
    for _ in range(repeat):
        for engine in best:
            start = time.perf_counter()
            results[engine] = [ft.sentence_spans(text, engine=engine) for text in texts]
            best[engine] = min(best[engine], time.perf_counter() - start)
    return best["fast"], best["punkt"], results["fast"], results["punkt"]


def finditer_spans(text: str) -> np.ndarray:
    spans = [match.span() for match in ft._TOKEN_RE.finditer(text)]
    return np.array(spans, dtype=np.int64).reshape(-1, 2)


def make_regexp_tokenizer_spans():
    from nltk.tokenize import RegexpTokenizer

    tokenizer = RegexpTokenizer(ft.TOKEN_PATTERN)

    def spans(text: str) -> np.ndarray:
        return np.array(list(tokenizer.span_tokenize(text)), dtype=np.int64).reshape(-1, 2)

    return spans


def agreement(fast: list[np.ndarray], punkt: list[np.ndarray]) -> dict:
    both = only_fast = only_punkt = identical_docs = 0
    for a, b in zip(fast, punkt):
        ends_a, ends_b = set(a[:, 1].tolist()), set(b[:, 1].tolist())
        both += len(ends_a & ends_b)
        only_fast += len(ends_a - ends_b)
        only_punkt += len(ends_b - ends_a)
        identical_docs += ends_a == ends_b
    return {
        "boundaries_fast": both + only_fast,
        "boundaries_punkt": both + only_punkt,
        "identical": both,
        "only_fast": only_fast,
        "only_punkt": only_punkt,
        "share_identical": both / max(1, both + only_fast + only_punkt),
        "docs_identical": identical_docs / max(1, len(fast)),
    }


def show_disagreements(texts, fast, punkt, limit: int) -> None:
    shown = 0
    for text, a, b in zip(texts, fast, punkt):
        ends_a, ends_b = set(a[:, 1].tolist()), set(b[:, 1].tolist())
        for end in sorted(ends_a ^ ends_b):
            who = "fast only " if end in ends_a else "punkt only"
            context = text[max(0, end - 60) : end] + " ‖ " + text[end : end + 40]
            print(f"  {who}: …{context!r}")
            shown += 1
            if shown >= limit:
                return


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parquet", nargs="?", type=Path, default=default_parquet())
    parser.add_argument("--n", type=int, default=2000, help="articles to use (default 2000)")
    parser.add_argument("--show", type=int, default=0, help="print this many disagreements")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs (default 3)")
    args = parser.parse_args(argv)
    if not args.parquet.exists():
        sys.exit(f"no corpus at {args.parquet}; pass a Parquet file with a 'text' column")

    texts = pd.read_parquet(args.parquet, columns=["text"])["text"].head(args.n).fillna("").tolist()
    n_chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {n_chars / 1e6:.1f} M characters from {args.parquet}\n")

    ft.sentence_spans("Warm up. The word lists load once.", engine="punkt")
    t_fast, t_punkt, fast, punkt = compare_engines(texts, args.repeat)
    report("sentence_spans(engine='fast')", t_fast, n_chars)
    report("sentence_spans(engine='punkt')", t_punkt, n_chars)
    print(f"{'  fast / punkt speed-up':<44} {t_punkt / t_fast:8.1f} x\n")

    repeat = args.repeat
    timed("token_spans (re.split, used)", ft.token_spans, texts, n_chars, repeat)
    timed("  tokens by re.finditer", finditer_spans, texts, n_chars, repeat)
    timed("  tokens by RegexpTokenizer.span_tokenize", make_regexp_tokenizer_spans(), texts, n_chars, repeat)
    timed("count_tokens (findall, used)", ft.count_tokens, texts, n_chars, repeat)
    timed("  count by sum(1 for finditer)", lambda t: sum(1 for _ in ft._TOKEN_RE.finditer(t)), texts, n_chars, repeat)
    timed("quote_spans (a DataFrame per article)", ft.quote_spans, texts, n_chars, repeat)
    corpus = pd.DataFrame({"doc_id": range(len(texts)), "text": texts})
    timed("quotes(corpus) (one table)", lambda c: ft.quotes(c), [corpus], n_chars, repeat)
    timed("segment (all three)", ft.segment, texts, n_chars)

    stats = agreement(fast, punkt)
    print("\nsentence boundaries (sentence end offsets)")
    print(f"  fast engine:  {stats['boundaries_fast']:,}")
    print(f"  punkt engine: {stats['boundaries_punkt']:,}")
    print(f"  identical:    {stats['identical']:,}  ({stats['share_identical']:.1%} of all placed)")
    print(f"  fast only:    {stats['only_fast']:,}")
    print(f"  punkt only:   {stats['only_punkt']:,}")
    print(f"  articles segmented identically: {stats['docs_identical']:.1%}")
    if args.show:
        print(f"\nfirst {args.show} disagreements ('‖' marks the boundary):")
        show_disagreements(texts, fast, punkt, args.show)


if __name__ == "__main__":
    main()
