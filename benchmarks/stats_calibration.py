"""Calibration and speed of framing.stats, as markdown tables.

Usage::

    python benchmarks/stats_calibration.py [--runs 1000] [--seed 1] [--timing] [--only-timing]

Calibration: the simulations of ``tests/test_stats_calibration.py`` (same
generators, same experiments) with more runs. Every outlet shares one
generating process unless an effect is planted:

- rates: 3 outlets of 30, 50 and 80 articles whose median lengths differ
  (400, 700, 1,000 tokens) and whose articles' hedge rates are gamma
  distributed around 3 per 1,000 tokens (shape 1.5), counts Poisson given the
  rate: negative binomial, clustered by article;
- naming: 3 outlets of 40 articles; each article mentions the family 1 +
  Poisson(3) times and says "x" with its own Beta(0.15, 0.35) probability
  (mean 0.3): articles stick to one name.

Reported: the share of p < 0.05 per kind of row (nominal 0.05), the share of
runs with any q < 0.05 and of rows with q < 0.05, a Kolmogorov-Smirnov test of
uniformity of the omnibus p, the power to find a doubled rate in one outlet,
the coverage of 95% intervals by outlet size, and the rejection rate of a
token-level test (pooled Poisson chi-square for rates, Pearson chi-square of
mentions for naming) next to framing's article-level permutation test.

Timing (``--timing``): compare_rates on a synthetic corpus of 37,000 articles
in 20 outlets with 16 features (0.2 to 20 per 1,000 tokens), split into the
bootstrap, the omnibus/group-vs-rest permutations and the pairwise
permutations, plus naming_test on 37,000 articles.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.stats import naming_test  # noqa: E402
from framing.stats.rates import compare_rates  # noqa: E402


def load_simulations():
    """The experiments defined (and run small) in tests/test_stats_calibration.py."""
    spec = importlib.util.spec_from_file_location("stats_calibration_sims",
                                                  ROOT / "tests" / "test_stats_calibration.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rejection(p) -> str:
    p = np.asarray(p, dtype=float)
    share = float((p < 0.05).mean())
    se = np.sqrt(share * (1 - share) / len(p))
    return f"{share:.3f} ± {1.96 * se:.3f}"


def calibration_tables(runs: int, seed: int) -> str:
    sims = load_simulations()
    out = []
    started = time.perf_counter()
    null = sims.rate_null_experiment(runs, seed)
    rows = [("rates, omnibus (sum of squared group-vs-rest z)", rejection(null["omnibus_p"]))]
    for kind in ("vs_rest", "pair"):
        rows.append((f"rates, {kind} (studentized z, permutation)",
                     rejection(null["p"].loc[null["p"]["comparison"] == kind, "p"])))
    rows.append(("rates, token-level Poisson chi-square (pooled counts)",
                 rejection(null["token_p"])))
    naming = sims.naming_null_experiment(runs, seed + 1)
    rows.append(("naming, permutation over articles (p_perm)", rejection(naming["perm_p"])))
    rows.append(("naming, token-level Pearson chi-square (p)", rejection(naming["chi2_p"])))
    out.append(f"### Null calibration ({runs} simulated corpora per line)\n")
    out.append("| test | share of p < 0.05 (nominal 0.05; ± 95% MC) |\n|---|---|")
    out += [f"| {name} | {value} |" for name, value in rows]
    out.append("")
    ks = stats.kstest(null["omnibus_p"], "uniform").pvalue
    ks_naming = stats.kstest(naming["perm_p"], "uniform").pvalue
    out.append(f"- rates: runs with any q < 0.05: {null['any_q']:.3f}; rows with q < 0.05: "
               f"{null['share_q']:.4f}; KS test of uniform omnibus p: p = {ks:.2f}")
    out.append(f"- naming: runs with any pairwise q < 0.05: {naming['any_pair_q']:.3f}; KS test of "
               f"uniform p_perm: p = {ks_naming:.2f}\n")

    power_runs = max(runs // 4, 50)
    power = sims.rate_power_experiment(power_runs, seed + 2)
    out.append(f"### Planted difference (one outlet at twice the rate; {power_runs} runs)\n")
    out.append(f"- the outlet's vs-rest row has q < 0.05 in {power['found']:.3f} of runs")
    out.append(f"- the pair of the two null outlets: p < 0.05 in {power['null_pair_p']:.3f} of "
               f"runs, q < 0.05 in {power['null_pair_q']:.3f} (BH controls the false discovery "
               "rate over the table, not each row's error rate)\n")

    coverage = sims.rate_coverage_experiment(runs, seed + 3, sizes=(20, 50, 120))
    naming_cov = sims.naming_coverage_experiment(runs // 2, seed + 4)
    out.append("### Coverage of 95% cluster-bootstrap intervals (expanded percentile)\n")
    out.append("| interval | articles per outlet | coverage |\n|---|---|---|")
    out += [f"| rate per 1,000 tokens | {n} | {coverage[n]:.3f} |" for n in (20, 50, 120)]
    out.append(f"| share of a naming variant | 60 | {naming_cov:.3f} |")
    out.append(f"\n_{time.perf_counter() - started:.0f} s_\n")
    return "\n".join(out)


def synthetic_docs(n=37_000, k=20, p=16, seed=0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    docs = pd.DataFrame({"doc_id": np.arange(n).astype(str),
                         "source": np.char.add("outlet", rng.integers(0, k, n).astype(str)),
                         "n_tokens": rng.integers(100, 2000, n)})
    for j in range(p):
        mean = [0.2, 1.0, 5.0, 20.0][j % 4]
        docs[f"count:f{j}:c"] = rng.poisson(rng.gamma(2, mean / 2, n) * docs["n_tokens"] / 1000)
    return docs


def timed(function, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(**kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def timing_table() -> str:
    docs = synthetic_docs()
    lines = ["### Speed: 37,000 articles, 20 outlets, 16 features\n",
             "| step | resamples | wall s | CPU s |", "|---|---|---|---|"]
    for label, kwargs in [
        ("bootstrap intervals (groups, vs rest, pairs)", dict(n_boot=2000, n_perm=0)),
        ("omnibus + 20 group-vs-rest permutation tests", dict(n_boot=0, n_perm=2000, pairs=False)),
        ("  same, default 5,000 permutations", dict(n_boot=0, n_perm=5000, pairs=False)),
        ("omnibus + vs rest + 190 pairwise permutation tests", dict(n_boot=0, n_perm=2000)),
        ("everything, defaults", dict()),
    ]:
        _, wall, cpu = timed(compare_rates, docs=docs, **kwargs)
        resamples = f"{kwargs.get('n_boot', 2000)} boot / {kwargs.get('n_perm', 5000)} perm"
        lines.append(f"| compare_rates: {label} | {resamples} | {wall:.1f} | {cpu:.1f} |")
    rng = np.random.default_rng(1)
    n = 37_000
    corpus = pd.DataFrame({"doc_id": np.arange(n).astype(str),
                           "source": np.char.add("outlet", rng.integers(0, 20, n).astype(str))})
    per_doc = rng.poisson(0.5, n)
    matches = pd.DataFrame({"doc_id": np.repeat(corpus["doc_id"].to_numpy(), per_doc),
                            "feature": "naming", "category": "fam",
                            "label": rng.choice(["a", "b", "c", "d"], per_doc.sum()),
                            "in_quote": False})
    _, wall, cpu = timed(naming_test, matches=matches, corpus=corpus, family="fam")
    lines.append(f"| naming_test: 20 outlets, {per_doc.sum():,} mentions, omnibus + 190 pairs | "
                 f"2000 boot / 5000 perm | {wall:.1f} | {cpu:.1f} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000, help="simulated corpora per experiment")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timing", action="store_true", help="also time the 37,000-article case")
    parser.add_argument("--only-timing", action="store_true")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    if not args.only_timing:
        print(calibration_tables(args.runs, args.seed))
    if args.timing or args.only_timing:
        print(timing_table())


if __name__ == "__main__":
    main()
