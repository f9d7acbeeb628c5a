"""Near-duplicates in the full ABP corpus: how many, how fast, and the known duplicate bodies found.

Usage::

    python benchmarks/dedupe_abp.py [--threshold 0.8] [PARQUET]

ABP's data README lists 7 bodies that occur twice and 13 URLs that occur
twice. The script runs :func:`framing.find_duplicates` on all articles and
prints the clusters found (within and across outlets), whether each known
duplicate body and each repeated URL landed in one cluster, and the run time.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.dedupe import find_duplicates  # noqa: E402


def default_parquet() -> Path:
    shared = os.environ.get("FRAMING_SHARED") or Path(__file__).resolve().parents[2] / "shared"
    return Path(shared) / "data" / "abp" / "articles.parquet"


def same_cluster(groups, cluster_of) -> tuple[int, int]:
    found = sum(len({cluster_of.get(d) for d in ids}) == 1 and cluster_of.get(ids[0]) is not None
                for ids in groups)
    return found, len(groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parquet", nargs="?", default=str(default_parquet()))
    parser.add_argument("--threshold", type=float, default=0.8)
    args = parser.parse_args()
    articles = pd.read_parquet(args.parquet, columns=["doc_id", "source", "date", "url", "text"])
    start = time.perf_counter()
    dups = find_duplicates(articles, threshold=args.threshold)
    seconds = time.perf_counter() - start
    cluster_of = dict(zip(dups["doc_id"], dups["cluster"]))
    bodies = [list(g["doc_id"]) for _, g in articles[articles["text"].duplicated(keep=False)].groupby("text")]
    urls = [list(g["doc_id"]) for _, g in articles[articles["url"].duplicated(keep=False)].groupby("url")]
    across = dups[dups["n_sources"] > 1]
    print("| articles | threshold | clusters | articles in clusters | clusters across outlets | "
          "known duplicate bodies found | repeated URLs found | seconds |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {len(articles):,} | {args.threshold} | {dups['cluster'].nunique()} | {len(dups)} | "
          f"{across['cluster'].nunique()} ({len(across)} articles) | "
          "{}/{} | {}/{} | {:.0f} |".format(*same_cluster(bodies, cluster_of),
                                            *same_cluster(urls, cluster_of), seconds))


if __name__ == "__main__":
    main()
