"""The README's worked example: "illegal" namings of immigrants by AllSides bias label in ABP.

Usage::

    python benchmarks/abp_known_answer.py [PARQUET]

Same subset and parameters as ``notebooks/03_paper_figures.ipynb``: every ABP
article whose topic is ``immigration``, the ``immigration`` naming family in
the outlets' own voice, variants merged into illegal / undocumented /
unauthorized-irregular, 2,000 bootstrap resamples, 5,000 permutations, seed 0.
Prints per bias label the count and share of "illegal" forms, the right - left
difference with its article-level and outlet-level 95% intervals and the
permutation p-value: the figures quoted in README.md ("Comparing outlets").
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import framing  # noqa: E402

VARIANTS = {
    "illegal": ["illegal immigrant", "illegal alien", "illegals", "illegal worker"],
    "undocumented": ["undocumented immigrant", "undocumented worker"],
    "unauthorized / irregular": ["unauthorized immigrant", "unauthorized worker", "irregular migrant"],
}


def default_parquet() -> Path:
    shared = os.environ.get("FRAMING_SHARED") or Path(__file__).resolve().parents[2] / "shared"
    return Path(shared) / "data" / "abp" / "articles.parquet"


def main() -> None:
    parquet = Path(sys.argv[1]) if len(sys.argv) > 1 else default_parquet()
    if not parquet.is_file():
        sys.exit(f"{parquet}: not found. Pass ABP's articles.parquet (or set FRAMING_SHARED).")
    articles = pd.read_parquet(parquet)
    articles = articles[articles["topic"] == "immigration"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = framing.load_corpus(articles, source="source", doc_id="doc_id", date="date",
                                     title="title")
        matches = framing.extract(corpus, n_jobs=2)
        args = dict(family="immigration", by="bias_label", variants=VARIANTS, n_boot=2000,
                    random_state=0)
        shares = framing.stats.naming_shares(matches, corpus, **args)
        test = framing.stats.naming_test(matches, corpus, variant="illegal", n_perm=5000, **args)
        outlets = framing.stats.naming_test(matches, corpus, variant="illegal", n_perm=5000,
                                            cluster="source", **args)
    print(f"ABP immigration articles: {len(corpus):,}")
    illegal = shares[shares["variant"] == "illegal"].set_index("group")
    for group in ("left", "center", "right"):
        row = illegal.loc[group]
        print(f"{group:>6}: illegal {int(row['count']):,} of {int(row['n_mentions']):,} "
              f"({row['share']:.1%}; 95% CI {row['ci_low']:.1%}-{row['ci_high']:.1%})")
    for name, table in (("articles", test), ("outlets", outlets)):
        pair = table[(table["group_a"] == "right") & (table["group_b"] == "left")]
        if pair.empty:
            pair = table[(table["group_a"] == "left") & (table["group_b"] == "right")]
            sign = -1
        else:
            sign = 1
        row = pair.iloc[0]
        low, high = sorted((sign * row["ci_low"], sign * row["ci_high"]))
        print(f"right - left, resampling {name}: {sign * row['estimate']:.1%} "
              f"(95% CI {low:.1%} to {high:.1%}), permutation p = {row['p_perm']:.4f}, "
              f"q = {row['q']:.4f}")
    omnibus = test[test["comparison"] != test["comparison"].iloc[-1]].head(1)
    print("omnibus:", omnibus[["comparison", "statistic", "p", "p_perm", "cramers_v", "n_docs"]]
          .to_dict("records"))


if __name__ == "__main__":
    main()
