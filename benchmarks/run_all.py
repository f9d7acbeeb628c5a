"""Every speed and memory figure of framing in one run, as a markdown table.

Usage::

    python benchmarks/run_all.py [--n 10000] [--scale] [--skip-stats] [--only SECTION ...] [PARQUET]

PARQUET defaults to the ABP corpus ($FRAMING_SHARED/data/abp/articles.parquet,
FRAMING_SHARED defaulting to the ``shared`` folder next to the repository).
Each measurement runs in a fresh Python process (so that peak memory is that
step's own, and no step warms another's caches); within a process every
framing time is set against a reference computed in the same process on the
same texts, because the machines this runs on are shared and noisy: the
ratios are the figures to quote, the seconds are context.

Rows
----
* **extract vs CountVectorizer** on the first ``--n`` articles (loaded with
  the default cleaning): ``CountVectorizer().fit_transform`` is timed before
  and after ``framing.extract`` (mean of the two is the reference);
* **n_jobs=2 vs n_jobs=1**: throughput ratio of ``framing.extract`` with two
  processes, and whether the tables are identical;
* **doc_features**, **compare_rates**, **naming_test** on the same slice, as
  multiples of the CountVectorizer time;
* **nela-features** on 1,000 articles, when the package and the NLTK data it
  needs (punkt, averaged_perceptron_tagger, maxent_ne_chunker, words) are
  installed; framing never downloads them, so the row says so when missing;
* **streaming memory**: ``framing.extract_to_parquet`` on 1,000 / 10,000 /
  all articles (and, with ``--scale``, a 10x corpus made by repeating the
  input with new ids): seconds, peak RSS, and growth against the 10,000 run;
* **Dask**: ``framing.dask.doc_features`` on a ``LocalCluster`` with two
  single-threaded worker processes vs ``framing.doc_features`` in one
  process, on 4,000 articles (cluster start-up reported separately);
* **statistics at scale**: ``benchmarks/stats_vocab_speed.py`` (log-odds over
  the full vocabulary for every outlet, keyness, document-level term tests).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def default_parquet() -> Path:
    shared = os.environ.get("FRAMING_SHARED") or HERE.parents[1] / "shared"
    return Path(shared) / "data" / "abp" / "articles.parquet"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(func):
    start = time.perf_counter()
    value = func()
    return value, time.perf_counter() - start


def read_slice(parquet: str, n: int | None):
    import pandas as pd

    frame = pd.read_parquet(parquet)
    return frame if n is None else frame.head(n)


# ---------------------------------------------------------------------------
# Steps, each run in its own process by ``run_step``; each returns a dict.


def step_extract(parquet: str, n: int) -> dict:
    """framing.extract vs CountVectorizer, n_jobs, doc features and rate statistics."""
    import re

    from sklearn.feature_extraction.text import CountVectorizer

    import framing

    frame = read_slice(parquet, n)
    corpus, load_seconds = timed(lambda: framing.load_corpus(frame, source="source"))
    texts = corpus["text"].tolist()
    words = re.compile(r"\w+")
    _, regex_seconds = timed(lambda: sum(len(words.findall(t)) for t in texts))
    _, cv_before = timed(lambda: CountVectorizer().fit_transform(texts))
    matches, extract_seconds = timed(lambda: framing.extract(corpus))
    _, cv_after = timed(lambda: CountVectorizer().fit_transform(texts))
    reference = (cv_before + cv_after) / 2
    parallel, parallel_seconds = timed(lambda: framing.extract(corpus, n_jobs=2))
    identical = bool(parallel.reset_index(drop=True).equals(matches.reset_index(drop=True)))
    docs, docs_seconds = timed(lambda: framing.doc_features(corpus, matches))
    _, rates_seconds = timed(lambda: framing.stats.compare_rates(docs, by="bias_label", random_state=0))
    _, naming_seconds = timed(lambda: framing.stats.naming_test(matches, corpus, "immigration",
                                                                by="bias_label", random_state=0))
    return {
        "articles": len(corpus), "characters": int(corpus["text"].str.len().sum()),
        "sources": int(corpus["source"].nunique()), "matches": len(matches),
        "load_seconds": load_seconds, "regex_seconds": regex_seconds,
        "cv_seconds": reference, "cv_spread": abs(cv_before - cv_after),
        "extract_seconds": extract_seconds, "extract_ratio": extract_seconds / reference,
        "parallel_seconds": parallel_seconds, "parallel_speedup": extract_seconds / parallel_seconds,
        "parallel_identical": identical,
        "docs_seconds": docs_seconds, "rates_seconds": rates_seconds, "naming_seconds": naming_seconds,
        "rates_shape": f"by bias label, {len(docs.filter(like='count:').columns)} counts, "
                       "2,000 resamples, 5,000 permutations",
        "peak_rss_mb": peak_rss_mb(),
    }


def step_nela(parquet: str, n: int) -> dict:
    """nela-features on n articles vs framing extract + doc_features on the same texts."""
    try:
        from nela_features.nela_features import NELAFeatureExtractor
        import nltk

        for resource_name in ("tokenizers/punkt", "taggers/averaged_perceptron_tagger",
                              "chunkers/maxent_ne_chunker", "corpora/words"):
            nltk.data.find(resource_name)
    except (ImportError, LookupError) as exc:
        return {"skipped": f"{type(exc).__name__}: {str(exc).strip().splitlines()[0][:120]}"}
    import framing

    frame = read_slice(parquet, n)
    corpus = framing.load_corpus(frame, source="source")
    nela = NELAFeatureExtractor()
    _, nela_seconds = timed(lambda: [nela.extract_all(t) for t in corpus["text"]])
    _, framing_seconds = timed(lambda: framing.doc_features(corpus, framing.extract(corpus)))
    return {"articles": len(corpus), "nela_seconds": nela_seconds, "framing_seconds": framing_seconds,
            "ratio": framing_seconds / nela_seconds}


def step_slice(parquet: str, n: int, out: str) -> dict:
    """Write the first n articles to their own Parquet file (in its own process, so that
    reading the whole corpus does not count in the streaming run's peak memory)."""
    read_slice(parquet, n).to_parquet(out)
    return {"articles": n}


def step_stream(path: str) -> dict:
    """extract_to_parquet on one file: seconds and peak RSS of this process."""
    import framing

    with tempfile.TemporaryDirectory() as tmp:
        baseline = peak_rss_mb()
        summary, seconds = timed(lambda: framing.extract_to_parquet(
            path, Path(tmp) / "out", source="source", doc_id="doc_id", progress=False))
    return {"articles": summary["articles"], "matches": summary["matches"], "seconds": seconds,
            "peak_rss_mb": peak_rss_mb(), "rss_before_mb": baseline, "failed": summary["failed"]}


def step_dask(parquet: str, n: int) -> dict:
    """framing.dask.doc_features on a 2-worker LocalCluster vs framing.doc_features in one process."""
    import pandas as pd
    from dask.distributed import Client, LocalCluster

    import framing
    import framing.dask as fdask

    import dask.dataframe as dd

    raw = read_slice(parquet, n)
    columns = dict(source="source", doc_id="doc_id", date="date", title="title")

    def one_process():
        corpus = framing.load_corpus(raw, **columns)
        return framing.doc_features(corpus, framing.extract(corpus), sentiment=False)

    single, single_seconds = timed(one_process)
    (cluster, client), startup = timed(lambda: _start_cluster(LocalCluster, Client))
    try:
        ddf = dd.from_pandas(raw, npartitions=8)
        distributed, dask_seconds = timed(lambda: fdask.doc_features(ddf, **columns).compute())
    finally:
        client.close()
        cluster.close()
    distributed = distributed.set_index("doc_id").loc[single["doc_id"]].reset_index()
    same = bool(pd.testing.assert_frame_equal(
        distributed[single.columns], single, check_dtype=False, check_exact=False, atol=1e-9) is None)
    return {"articles": len(single), "single_seconds": single_seconds, "dask_seconds": dask_seconds,
            "startup_seconds": startup, "speedup": single_seconds / dask_seconds, "identical": same}


def _start_cluster(LocalCluster, Client):
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    return cluster, Client(cluster)


def step_repeat(parquet: str, times: int, out: str) -> dict:
    """Write ``times`` copies of the corpus (new ids) to one Parquet file, row group by row group."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    ids = table.column("doc_id").to_pylist()
    with pq.ParquetWriter(out, table.schema) as writer:
        for copy in range(times):
            new_ids = pa.array([f"{value}~{copy}" for value in ids], type=table.schema.field("doc_id").type)
            # Row groups of 10,000 articles, as a corpus would be written in practice: the
            # streaming reader holds one row group in memory at a time.
            writer.write_table(table.set_column(table.schema.get_field_index("doc_id"), "doc_id", new_ids),
                               row_group_size=10_000)
    return {"articles": table.num_rows * times}


STEPS = {"extract": step_extract, "nela": step_nela, "slice": step_slice, "stream": step_stream,
         "dask": step_dask, "repeat": step_repeat}


def run_step(name: str, *args) -> dict:
    """Run one step in a fresh interpreter and return its dict (or the error it raised)."""
    command = [sys.executable, __file__, "--step", name, "--args", json.dumps(args)]
    print(f"  running {name}{tuple(args)} ...", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------
# The table.


SECTIONS = ("extract", "nela", "stream", "dask", "stats")


def report(parquet: str, n: int, scale: bool, skip_stats: bool, sections=SECTIONS) -> str:
    import pandas as pd

    total = len(pd.read_parquet(parquet, columns=["doc_id"]))
    lines = [f"Corpus: {parquet} ({total:,} articles); {os.cpu_count()} CPUs, Python "
             f"{platform.python_version()}, {platform.machine()}.", ""]
    lines += ["| measurement | articles | framing | reference | ratio | target |",
              "|---|---:|---|---|---:|---|"]
    rows = {"extract": lambda: _extract_rows(parquet, n), "nela": lambda: _nela_rows(parquet),
            "stream": lambda: _stream_rows(parquet, scale), "dask": lambda: _dask_rows(parquet),
            "stats": lambda: [] if skip_stats else _stats_rows(parquet)}
    for section in SECTIONS:
        if section in sections:
            lines += rows[section]()
    return "\n".join(lines)


def _extract_rows(parquet: str, n: int) -> list:
    ext = run_step("extract", parquet, n)
    if "error" in ext:
        return [f"| extract | {n:,} | failed: {ext['error']} | | | |"]
    cv = ext["cv_seconds"]
    return [
        f"| `extract` vs `CountVectorizer().fit_transform` | {ext['articles']:,} | "
        f"{ext['extract_seconds']:.1f} s ({ext['matches']:,} matches) | {cv:.1f} s (±{ext['cv_spread']:.1f}) | "
        f"{ext['extract_ratio']:.2f}x | <= 2x |",
        f"| one `\\w+` regex pass (context) | {ext['articles']:,} | | {ext['regex_seconds']:.1f} s | "
        f"{ext['regex_seconds'] / cv:.2f}x of CV | |",
        f"| `load_corpus` with cleaning and origin detection (context) | {ext['articles']:,} | "
        f"{ext['load_seconds']:.1f} s | CV {cv:.1f} s | {ext['load_seconds'] / cv:.2f}x | |",
        f"| `extract(n_jobs=2)` vs `n_jobs=1` | {ext['articles']:,} | {ext['parallel_seconds']:.1f} s | "
        f"{ext['extract_seconds']:.1f} s | {ext['parallel_speedup']:.2f}x faster, identical: "
        f"{ext['parallel_identical']} | >= 1.7x |",
        f"| `doc_features` (from matches, with VADER sentiment) | {ext['articles']:,} | {ext['docs_seconds']:.1f} s | CV {cv:.1f} s | "
        f"{ext['docs_seconds'] / cv:.2f}x | |",
        f"| `stats.compare_rates` ({ext['rates_shape']}) | {ext['articles']:,} | {ext['rates_seconds']:.1f} s | "
        f"CV {cv:.1f} s | {ext['rates_seconds'] / cv:.2f}x | |",
        f"| `stats.naming_test` (immigration family by bias label, 5,000 permutations, 2,000 resamples) | {ext['articles']:,} | "
        f"{ext['naming_seconds']:.1f} s | CV {cv:.1f} s | {ext['naming_seconds'] / cv:.2f}x | |",
    ]


def _nela_rows(parquet: str) -> list:
    nela = run_step("nela", parquet, 1000)
    if "ratio" in nela:
        return [f"| extract + doc_features vs nela-features | {nela['articles']:,} | "
                f"{nela['framing_seconds']:.1f} s | {nela['nela_seconds']:.1f} s | {nela['ratio']:.2f}x | |"]
    return [f"| vs nela-features | 1,000 | not run: {nela.get('skipped') or nela.get('error')} "
            "(needs NLTK data that framing never downloads) | | | |"]


def _stream_rows(parquet: str, scale: bool) -> list:
    stream = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, size in (("1k", 1000), ("10k", 10_000)):
            path = str(Path(tmp) / f"{label}.parquet")
            run_step("slice", parquet, size, path)
            stream[label] = run_step("stream", path)
        stream["full"] = run_step("stream", parquet)
        if scale:
            big = str(Path(tmp) / "x10.parquet")
            run_step("repeat", parquet, 10, big)
            stream["10x"] = run_step("stream", big)
    base = stream["10k"].get("peak_rss_mb")
    lines = []
    for label, result in stream.items():
        if "error" in result:
            lines.append(f"| streaming `extract_to_parquet`, {label} | | failed: {result['error']} | | | |")
            continue
        growth = f"{result['peak_rss_mb'] / base:.2f}x of 10k" if base else "n/a"
        lines.append(f"| streaming `extract_to_parquet`, {label} | {result['articles']:,} | "
                     f"{result['seconds']:.1f} s, peak RSS {result['peak_rss_mb']:.0f} MB "
                     f"({result['rss_before_mb']:.0f} MB after imports) | "
                     f"{result['articles'] / result['seconds']:.0f} articles/s | {growth} | "
                     f"peak RSS within +20% of 10k |")
    return lines


def _dask_rows(parquet: str) -> list:
    dask = run_step("dask", parquet, 4000)
    if "error" in dask:
        return [f"| Dask LocalCluster | 4,000 | failed: {dask['error']} | | | |"]
    return [f"| `framing.dask.doc_features`, LocalCluster 2 workers vs one process | "
            f"{dask['articles']:,} | {dask['dask_seconds']:.1f} s (+{dask['startup_seconds']:.1f} s "
            f"start-up) | {dask['single_seconds']:.1f} s | {dask['speedup']:.2f}x faster, "
            f"identical: {dask['identical']} | |"]


def _stats_rows(parquet: str) -> list:
    print("  running stats_vocab_speed.py ...", file=sys.stderr, flush=True)
    done = subprocess.run([sys.executable, str(HERE / "stats_vocab_speed.py"), parquet,
                           "--permutations", "2000", "--bootstrap", "500"],
                          capture_output=True, text=True)
    return ["", "Statistics at scale (`benchmarks/stats_vocab_speed.py --permutations 2000 "
                "--bootstrap 500`):", "", done.stdout.strip() or f"failed: {done.stderr[-300:]}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parquet", nargs="?", default=str(default_parquet()))
    parser.add_argument("--n", type=int, default=10_000, help="articles for the extract rows")
    parser.add_argument("--scale", action="store_true",
                        help="also stream a 10x corpus (the input repeated with new ids; slow)")
    parser.add_argument("--skip-stats", action="store_true", help="leave out stats_vocab_speed.py")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=SECTIONS,
                        help="run only these sections of the table (default: all)")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--args", help=argparse.SUPPRESS)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if args.step:
        print(json.dumps(STEPS[args.step](*json.loads(args.args))))
        return
    if not Path(args.parquet).is_file():
        sys.exit(f"{args.parquet}: not found. Pass the ABP articles.parquet (or set FRAMING_SHARED).")
    print(report(args.parquet, args.n, args.scale, args.skip_stats, tuple(args.only)))


if __name__ == "__main__":
    main()
