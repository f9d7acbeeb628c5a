"""framing.plot: every figure from fixed synthetic result tables.

The tables below imitate the outputs of framing.stats and doc_features with
hand-chosen numbers (no pipeline, no lexicon, no random draws), so the
reference images only change when the plotting code does.

Reference images live in tests/data/baseline/ (PNG, 80 dpi). Regenerate them
after an intended change of the figures with::

    python tests/test_plot.py --regenerate
    # or: FRAMING_REGENERATE_BASELINE=1 python -m pytest tests/test_plot.py

and look at them before committing.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import LineCollection, QuadMesh  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.testing.compare import compare_images  # noqa: E402
from matplotlib.text import Text  # noqa: E402

import framing.plot as fp  # noqa: E402
from framing._warnings import FramingError  # noqa: E402
from framing.plot.style import TOL_LIGHT, TOL_MUTED  # noqa: E402

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "data" / "baseline"
BASELINE_DPI = 80
#: RMS difference (0-255 levels) allowed against the reference PNGs: 2.
#: Measured on these figures: the same software reproduces them exactly (RMS 0);
#: plausible regressions give RMS 9-30 (bands dropped from the trend plot 9.8,
#: two labels fewer in the word plot 8.9, a variant missing from the naming bars
#: 22, the interval texts gone from the forest 30), so the usual tol=10 would
#: let some of them pass. Another FreeType changes glyph widths, the layout
#: engine then moves every Axes, and the RMS jumps to 15-50 (hinting off: 30-50),
#: which no tolerance can tell from a regression. So the comparison runs only
#: with the matplotlib version and FreeType build the references were made with
#: (tests/data/baseline/versions.json) and is skipped, saying why, elsewhere;
#: the structural and byte-determinism tests run everywhere.
BASELINE_TOL = 2.0
VERSIONS_FILE = BASELINE / "versions.json"
LONG_NAME = "Beta Broadcasting Corporation International Service"
OUTLETS = ["Alpha Daily", LONG_NAME, "Gamma"]


@pytest.fixture(autouse=True)
def _clean_state():
    """Each test starts with no colours handed out and closes its figures."""
    fp.reset_colors()
    yield
    plt.close("all")


# --------------------------------------------------------------------------- synthetic tables


def shares_table(voice="own") -> pd.DataFrame:
    """naming_shares-like: Gamma has no mentions (NaN shares), one interval is NaN."""
    variants = ["ISIS", "Daesh", "ISIL"]
    rows = {
        "own": {"Alpha Daily": ([30, 6, 4], [(0.6, 0.86), (0.05, 0.28), (0.02, 0.2)]),
                LONG_NAME: ([3, 12, 0], [(0.05, 0.45), (0.55, 0.95), (0.0, 0.0)]),
                "Gamma": ([0, 0, 0], [(np.nan, np.nan)] * 3)},
        "quoted": {"Alpha Daily": ([2, 1, 0], [(np.nan, np.nan), (np.nan, np.nan), (0, 0)]),
                   LONG_NAME: ([1, 1, 2], [(0.0, 0.6), (0.0, 0.6), (0.1, 0.9)]),
                   "Gamma": ([0, 0, 0], [(np.nan, np.nan)] * 3)},
    }[voice]
    records = []
    for outlet, (counts, cis) in rows.items():
        total = sum(counts)
        for variant, count, (low, high) in zip(variants, counts, cis):
            records.append({"source": outlet, "group": outlet, "variant": variant, "count": count,
                            "share": count / total if total else np.nan, "ci_low": low,
                            "ci_high": high, "n_mentions": total, "n_docs": 10,
                            "n_docs_with_family": 4 if total else 0})
    table = pd.DataFrame(records)
    table.attrs = {"family": "isis", "voice": voice, "ci": 0.95, "by": ["source"]}
    return table


TOKENS = np.array([1000.0, 3000.0, 6000.0])
HEDGES = np.array([4.0, 18.0, 21.0])


def rates_table() -> pd.DataFrame:
    """compare_rates-like for stance:hedge, three outlets, numbers consistent with TOKENS/HEDGES."""
    rates = HEDGES / TOKENS * 1000
    rest = (HEDGES.sum() - HEDGES) / (TOKENS.sum() - TOKENS) * 1000
    rows = []
    cis = [(2.1, 6.3), (4.5, 7.6), (np.nan, np.nan)]          # Gamma: no interval
    for name, rate, (low, high) in zip(OUTLETS, rates, cis):
        rows.append({"comparison": "group", "group_a": name, "estimate": rate, "ci_low": low,
                     "ci_high": high, "rate_a": rate, "n_docs": 10, "source": name})
    rows.append({"comparison": "omnibus", "statistic": 4.2, "p": 0.04})
    for name, rate, other, p in zip(OUTLETS, rates, rest, (0.3, 0.01, 0.02)):
        rows.append({"comparison": "vs_rest", "group_a": name, "group_b": "rest",
                     "estimate": rate / other, "ci_low": rate / other * 0.8,
                     "ci_high": rate / other * 1.25, "rate_a": rate, "rate_b": other, "p": p})
    for (a, b), p in zip([(0, 1), (0, 2), (1, 2)], (0.5, 0.2, 0.001)):
        rows.append({"comparison": "pair", "group_a": OUTLETS[a], "group_b": OUTLETS[b],
                     "estimate": rates[a] / rates[b], "ci_low": rates[a] / rates[b] * 0.7,
                     "ci_high": rates[a] / rates[b] * 1.4, "rate_a": rates[a], "rate_b": rates[b],
                     "p": p})
    table = pd.DataFrame(rows)
    table.insert(1, "feature", "stance")
    table.insert(2, "category", "hedge")
    table["q"] = np.minimum(table["p"] * 2, 1.0)
    table.attrs = {"ci": 0.95, "by": ["source"]}
    return table


def docs_table() -> pd.DataFrame:
    """doc features-like: four articles per outlet, Gamma without attributions."""
    rows = []
    counts = {"Alpha Daily": [(12, 2, 1, 3, 9, 2), (8, 1, 0, 1, 7, 1), (10, 0, 2, 2, 8, 2),
                              (9, 3, 1, 4, 8, 1)],
              LONG_NAME: [(15, 0, 3, 0, 16, 2), (11, 1, 2, 1, 12, 1), (14, 0, 4, 1, 15, 2),
                          (9, 0, 1, 0, 9, 1)],
              "Gamma": [(0, 0, 0, 0, 0, 0)] * 4}
    i = 0
    for outlet, articles in counts.items():
        for neutral, distancing, endorsing, anonymous, named, none in articles:
            rows.append({"doc_id": f"d{i}", "source": outlet, "n_tokens": 800 + 50 * i,
                         "count:attribution:neutral": neutral,
                         "count:attribution:distancing": distancing,
                         "count:attribution:endorsing": endorsing,
                         "count:attribution:refusal": 0,
                         "count:stance:hedge": (i * 7) % 5,
                         "count:speaker_type:anonymous": anonymous,
                         "count:speaker_type:named": named,
                         "count:speaker_type:none": none})
            i += 1
    return pd.DataFrame(rows)


def log_odds_table(n_terms: int = 150) -> pd.DataFrame:
    """log_odds-like for one target: Zipf-like frequencies, z from a fixed formula."""
    rank = np.arange(1, n_terms + 1)
    total = np.round(4000 / rank ** 0.9).astype(int) + 1
    z = 7.0 * np.sin(rank * 1.3) * np.exp(-rank / 90) + 0.8 * np.cos(rank * 0.7)
    n_target = np.round(total * (0.5 + np.tanh(z / 8) / 2.2)).astype(int)
    table = pd.DataFrame({"source": "Alpha Daily", "reference": "all other groups",
                          "term": [f"word{r}" for r in rank], "n_target": n_target,
                          "n_reference": total - n_target, "delta": z / 6, "z": z,
                          "q": np.minimum(1.0, np.exp(-np.abs(z)))})
    table.attrs = {"by": ["source"]}
    return table.sort_values("z", ascending=False, kind="mergesort").reset_index(drop=True)


def sim_table(names=("Alpha Daily", LONG_NAME, "Gamma", "Delta")) -> pd.DataFrame:
    base = {("Alpha Daily", LONG_NAME): 0.012, ("Alpha Daily", "Gamma"): 0.004,
            ("Alpha Daily", "Delta"): 0.02, (LONG_NAME, "Gamma"): 0.015,
            (LONG_NAME, "Delta"): 0.006, ("Gamma", "Delta"): 0.018}
    rows = []
    for a in names:
        for b in names:
            if a != b:
                value = base.get((a, b), base.get((b, a)))
                rows.append({"group_a": a, "group_b": b, "jsd": value, "ci_low": value * 0.5,
                             "ci_high": value * 1.5})
    table = pd.DataFrame(rows)
    table.attrs = {"categories": ["attribution:neutral", "attribution:distancing"]}
    return table


def trend_table() -> pd.DataFrame:
    """compare_rates-like with by=["source", quarter]: Beta misses one quarter; one NaN interval."""
    quarters = pd.to_datetime(["2019-01-01", "2019-04-01", "2019-07-01", "2019-10-01"])
    rows = []
    for name, values in (("Alpha Daily", [4.0, 4.5, 3.8, 5.1]),
                         (LONG_NAME, [6.0, np.nan, 5.2, 5.8])):
        for quarter, value in zip(quarters, values):
            if np.isnan(value):
                continue                  # no articles that quarter: no row, as compare_rates does
            low, high = (np.nan, np.nan) if quarter == quarters[-1] and name == "Alpha Daily" \
                else (value * 0.8, value * 1.2)
            rows.append({"comparison": "group", "feature": "stance", "category": "hedge",
                         "group_a": f"{name} | {quarter:%Y-%m-%d}", "estimate": value,
                         "ci_low": low, "ci_high": high, "source": name, "date": quarter})
    table = pd.DataFrame(rows)
    table.attrs = {"by": ["source", "date"], "ci": 0.95}
    return table


def kwic_table() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["d1", "d2"], "source": ["Alpha Daily", "Evil <Outlet>"],
        "left": ["Officials ", "<script>alert('x')</script> he "], "match": ["claimed", "said"],
        "right": [" the strike & more", " \"nothing\""], "label": ["claim", "say"]})


# --------------------------------------------------------------------------- the figures


def figures() -> dict:
    """name -> function drawing one figure from the synthetic tables (for determinism/baselines)."""
    return {
        "naming_shares": lambda: fp.naming_shares(shares_table(), shares_table("quoted")),
        "naming_dots": lambda: fp.naming_shares(shares_table(), kind="dots"),
        "verb_classes": lambda: fp.verb_classes(docs_table()),
        "speaker_types": lambda: fp.speaker_types(docs_table(), n_boot=200),
        "forest": lambda: fp.forest(rates_table(), "stance:hedge"),
        "rate_ratios": lambda: fp.rate_ratios(rates_table(), "stance:hedge"),
        "rate_ratio_matrix": lambda: fp.rate_ratios(rates_table(), "hedge", kind="matrix"),
        "distinctive_words": lambda: fp.distinctive_words(log_odds_table(), n_labels=8),
        "similarity_heatmap": lambda: fp.similarity_heatmap(sim_table()),
        "dendrogram": lambda: fp.dendrogram(sim_table()),
        "trend": lambda: fp.trend(trend_table()),
    }


def render(name: str, stem, formats=("png",), dpi=BASELINE_DPI) -> list:
    """Draw one figure in the one-column style from a clean colour registry and save it."""
    fp.reset_colors()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with fp.style("one_column"):
            drawn = figures()[name]()
            fig = getattr(drawn, "figure", drawn)
            paths = fp.save_figure(fig, stem, formats=formats, dpi=dpi)
    plt.close(fig)
    return paths


def digests(directory: Path, formats=("png", "svg", "pdf")) -> dict:
    out = {}
    for name in figures():
        for path in render(name, directory / name, formats=formats):
            out[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def texts_of(ax) -> list:
    """The Axes' texts except the footnote under it."""
    notes = getattr(ax, "_framing_note_artists", ())
    return [t.get_text() for t in ax.texts if t not in notes]


# --------------------------------------------------------------------------- naming shares


def test_naming_shares_bars_one_per_outlet_and_variant():
    ax = fp.naming_shares(shares_table())
    assert isinstance(ax, plt.Axes)
    assert len(ax.patches) == 3 * 3                          # outlets x variants
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Alpha Daily"
    assert any("Beta" in label for label in labels)
    assert "no mentions" in texts_of(ax)                     # Gamma: NaN shares, no crash
    assert {"n = 40", "n = 15", "n = 0"} <= set(texts_of(ax))
    assert "isis" in ax.get_title()


def test_naming_shares_intervals_drawn_only_where_defined():
    ax = fp.naming_shares(shares_table())
    horizontal = [c for c in ax.collections if isinstance(c, LineCollection) and c.get_segments()
                  and c.get_segments()[0][0][1] == c.get_segments()[0][1][1]]
    n_segments = sum(len(c.get_segments()) for c in horizontal)
    # Alpha: 3 intervals, Beta: 2 (ISIL is [0, 0]), Gamma: none
    assert n_segments == 5


def test_naming_shares_long_name_is_shortened_and_spelled_out():
    ax = fp.naming_shares(shares_table())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert LONG_NAME not in labels
    assert any(LONG_NAME in note for note in ax._framing_notes)


def test_naming_shares_own_and_quoted_side_by_side():
    fig = fp.naming_shares(shares_table(), shares_table("quoted"))
    assert isinstance(fig, plt.Figure)
    own, quoted = fig.axes[:2]
    assert own.get_shared_y_axes().joined(own, quoted)
    assert own.get_title() == "Own voice" and quoted.get_title() == "Quoted speech"
    assert len(quoted.patches) == 9
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["ISIS", "Daesh", "ISIL"]


def test_naming_shares_dots_and_given_axes():
    fig, axes = plt.subplots(1, 2)
    out = fp.naming_shares(shares_table(), shares_table("quoted"), kind="dots", ax=axes)
    assert out is fig
    ax = fp.naming_shares(shares_table(), ax=axes[0])
    assert ax is axes[0]
    with pytest.raises(FramingError, match="kind"):
        fp.naming_shares(shares_table(), kind="pie")


def test_naming_shares_errors_name_the_expected_input():
    with pytest.raises(FramingError, match="naming_shares"):
        fp.naming_shares(pd.DataFrame({"x": [1]}))


# --------------------------------------------------------------------------- attribution


def test_verb_classes_heatmap_with_annotations():
    ax = fp.verb_classes(docs_table(), orient="outlets")
    mesh = [c for c in ax.collections if isinstance(c, QuadMesh)][0]
    assert mesh.get_array().shape == (3, 3)                  # the all-zero class is left out
    assert len(texts_of(ax)) == 9
    assert any("refusal" in note for note in ax._framing_notes)
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "neutral"   # most frequent first
    gamma = texts_of(ax)[6:]
    assert gamma == ["0", "0", "0"]


def test_verb_classes_from_rates_table_and_orientation():
    docs = docs_table()
    rates = pd.DataFrame([
        {"comparison": "group", "feature": "attribution", "category": c, "group_a": s,
         "estimate": v}
        for s, values in (("A", (10.0, 1.0)), ("B", (12.0, 0.5)))
        for c, v in zip(("neutral", "distancing"), values)])
    ax = fp.verb_classes(rates, orient="classes")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["neutral", "distancing"]
    assert fp.verb_classes(docs, color="rate").collections


def test_speaker_types_computes_seeded_intervals():
    docs = docs_table()
    first = fp.speaker_shares(docs, n_boot=300)
    again = fp.speaker_shares(docs, n_boot=300)
    pd.testing.assert_frame_equal(first, again)
    alpha = first.set_index("group").loc["Alpha Daily"]
    assert alpha["share"] == pytest.approx(10 / (10 + 32 + 6))
    assert alpha["ci_low"] <= alpha["share"] <= alpha["ci_high"]
    assert np.isnan(first.set_index("group").loc["Gamma", "share"])
    ax = fp.speaker_types(docs, n_boot=300)
    assert "no attributions" in texts_of(ax)
    assert ax.get_xlabel() == "Anonymous speakers (share of attributions)"


def test_speaker_types_accepts_a_shares_table():
    table = pd.DataFrame({"group": ["A"], "share": [0.2], "ci_low": [np.nan], "ci_high": [np.nan]})
    ax = fp.speaker_types(table)                              # one group, NaN interval
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A"]


# --------------------------------------------------------------------------- forest and ratios


def test_forest_reference_line_at_the_corpus_rate():
    ax = fp.forest(rates_table(), "stance:hedge")
    corpus_rate = HEDGES.sum() / TOKENS.sum() * 1000
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert len(dashed) == 1
    assert dashed[0].get_xdata()[0] == pytest.approx(corpus_rate)
    assert any(t.startswith("all articles: 4.3") for t in texts_of(ax))
    assert "3.50 (no CI)" in texts_of(ax)                    # Gamma: no interval, no crash
    assert ax.get_xlabel() == "Hedges per 1,000 tokens"


def test_forest_reference_from_docs_or_mean():
    docs = pd.DataFrame({"n_tokens": TOKENS, "count:stance:hedge": HEDGES})
    ax = fp.forest(rates_table(), "hedge", docs=docs, order="estimate")
    assert any(t.startswith("all articles") for t in texts_of(ax))
    two = rates_table()
    two = two[two["group_a"] != "Gamma"]
    two = two[~two["group_b"].isin(["Gamma"])]
    ax = fp.forest(two.assign(rate_b=np.nan), "stance:hedge")
    assert any(t.startswith("mean of outlets") for t in texts_of(ax))


def test_pooled_rate_identity():
    rates, rest = HEDGES / TOKENS, (HEDGES.sum() - HEDGES) / (TOKENS.sum() - TOKENS)
    assert fp.pooled_rate(rates, rest) == pytest.approx(HEDGES.sum() / TOKENS.sum())
    assert np.isnan(fp.pooled_rate(rates[:2], rest[:2]))     # two groups: undetermined


def test_rate_ratios_log_scale_and_significance_marks():
    ax = fp.rate_ratios(rates_table(), "stance:hedge")
    assert ax.get_xscale() == "log"
    markers = [line for line in ax.get_lines() if line.get_marker() == "o"]
    filled = [to_hex(m.get_markerfacecolor()) != "#ffffff" for m in markers]
    assert filled == [False, False, True]                    # only q = 0.002 < 0.05
    assert any(line.get_xdata()[0] == 1.0 for line in ax.get_lines())   # reference at ratio 1
    assert len(ax.get_yticklabels()) == 3


def test_rate_ratios_vs_rest_and_matrix():
    ax = fp.rate_ratios(rates_table(), "stance:hedge", kind="vs_rest")
    assert len(ax.get_yticklabels()) == 3
    ax = fp.rate_ratios(rates_table(), "stance:hedge", kind="matrix")
    assert sum("*" in t for t in texts_of(ax)) == 2          # the q < 0.05 pair, both cells
    assert len(texts_of(ax)) == 6


def test_rate_ratios_infinite_and_empty():
    table = rates_table()
    pair = table["comparison"] == "pair"
    table.loc[pair, "estimate"] = [np.inf, 0.0, np.nan]
    ax = fp.rate_ratios(table, "stance:hedge")
    assert {line.get_marker() for line in ax.get_lines()} >= {">", "<"}
    assert " no occurrences" in texts_of(ax)
    ax = fp.rate_ratios(table[~pair], "stance:hedge")
    assert "no pairs" in texts_of(ax)[0]


def test_feature_must_be_named_when_ambiguous():
    table = pd.concat([rates_table(), rates_table().assign(category="booster")])
    with pytest.raises(FramingError, match="feature="):
        fp.forest(table)
    with pytest.raises(FramingError, match="available"):
        fp.forest(table, "stance:nothing")


# --------------------------------------------------------------------------- words, similarity


def _overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_distinctive_words_labels_do_not_overlap():
    ax = fp.distinctive_words(log_odds_table(), n_labels=10)
    assert ax.get_xscale() == "log"
    labels = [t for t in ax.texts if t.get_text().startswith("word")]
    assert 10 <= len(labels) <= 20
    ax.figure.canvas.draw()                                  # resolve annotation positions
    renderer = ax.figure.canvas.get_renderer()
    # the text's own box (an Annotation's extent also covers its leader line)
    boxes = [Text.get_window_extent(t, renderer) for t in labels]
    assert not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    frame = ax.get_window_extent(renderer)
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 for b in boxes)
    table = log_odds_table()
    top = table.loc[table["z"].idxmax(), "term"]
    assert top in [t.get_text() for t in labels]


def test_distinctive_words_needs_a_target_for_long_tables():
    table = pd.concat([log_odds_table(), log_odds_table().assign(source="Gamma")])
    with pytest.raises(FramingError, match="target="):
        fp.distinctive_words(table)
    ax = fp.distinctive_words(table, target="Gamma", y="delta")
    assert "Gamma" in ax.get_title()


def test_similarity_heatmap_orders_by_cluster_and_scales():
    ax = fp.similarity_heatmap(sim_table())
    names = [t.get_text() for t in ax.get_yticklabels()]
    # Alpha and Gamma (0.004) are nearest: neighbours after clustering
    assert abs(names.index("Alpha Daily") - names.index("Gamma")) == 1
    assert len(texts_of(ax)) == 4 * 3                        # diagonal left blank
    bar = ax.figure.axes[-1]
    assert "10\u207b\u00b3" in bar.get_ylabel()


def test_similarity_with_a_group_without_counts():
    table = sim_table()
    table.loc[(table["group_a"] == "Delta") | (table["group_b"] == "Delta"), "jsd"] = np.nan
    ax = fp.similarity_heatmap(table)
    assert "n/a" in texts_of(ax)
    ax = fp.dendrogram(table)
    assert any("No counts: Delta" in note for note in ax._framing_notes)
    only_one = table.assign(jsd=np.where(table["group_a"].isin(["Gamma", "Alpha Daily"])
                                         & table["group_b"].isin(["Gamma", "Alpha Daily"]),
                                         table["jsd"], np.nan))
    ax = fp.dendrogram(only_one)                             # one pair left: a tree of two leaves
    assert len(ax.get_yticklabels()) == 2
    ax = fp.dendrogram(table.assign(jsd=np.nan))
    assert "at least two" in texts_of(ax)[0]


def test_dendrogram_leaves_match_heatmap_order():
    heat = fp.similarity_heatmap(sim_table())
    tree = fp.dendrogram(sim_table())
    assert [t.get_text() for t in tree.get_yticklabels()] == \
        [t.get_text() for t in heat.get_yticklabels()]


# --------------------------------------------------------------------------- trends, kwic


def test_trend_lines_break_at_missing_bins():
    ax = fp.trend(trend_table())
    lines = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert len(lines) == 2
    beta = np.asarray(lines[1].get_ydata(), dtype=float)
    assert len(beta) == 4 and np.isnan(beta[1])              # a gap, not a bridge
    assert ax.get_ylabel() == "Hedges per 1,000 tokens"
    fig = fp.trend(trend_table(), facets=True)
    assert isinstance(fig, plt.Figure) and len([a for a in fig.axes if a.get_visible()]) == 2


def test_trend_of_naming_shares_and_errors():
    table = shares_table()
    table["date"] = pd.Timestamp("2020-01-01")
    table.attrs["by"] = ["source", "date"]
    ax = fp.trend(table, variant="Daesh")
    assert "Daesh" in ax.get_ylabel()
    with pytest.raises(FramingError, match="time bin"):
        fp.trend(rates_table())


def test_kwic_html_highlights_and_escapes():
    view = fp.kwic_html(kwic_table())
    html_text = view.data
    assert view._repr_html_() == html_text == str(view)
    assert "<script>" not in html_text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html_text
    assert "Evil &lt;Outlet&gt;" in html_text
    assert html_text.count("<mark") == 2 and ">claimed</mark>" in html_text
    assert "&amp; more" in html_text
    assert "first 1 of 2" in fp.kwic_html(kwic_table(), max_rows=1).data


# --------------------------------------------------------------------------- axes, degenerate input


def test_every_function_draws_into_a_given_axes():
    calls = {
        "naming_shares": lambda ax: fp.naming_shares(shares_table(), ax=ax),
        "verb_classes": lambda ax: fp.verb_classes(docs_table(), ax=ax),
        "speaker_types": lambda ax: fp.speaker_types(docs_table(), n_boot=50, ax=ax),
        "forest": lambda ax: fp.forest(rates_table(), ax=ax),
        "rate_ratios": lambda ax: fp.rate_ratios(rates_table(), ax=ax),
        "distinctive_words": lambda ax: fp.distinctive_words(log_odds_table(), ax=ax),
        "similarity_heatmap": lambda ax: fp.similarity_heatmap(sim_table(), ax=ax),
        "dendrogram": lambda ax: fp.dendrogram(sim_table(), ax=ax),
        "trend": lambda ax: fp.trend(trend_table(), ax=ax),
    }
    fig, axes = plt.subplots(3, 3, figsize=(12, 10), layout="constrained")
    for ax, (name, call) in zip(axes.ravel(), calls.items()):
        assert call(ax) is ax, name
    fig.canvas.draw()


def test_one_group_zero_counts_and_nan_intervals():
    one = shares_table()
    one = one[one["group"] == "Gamma"]                      # one group, no mentions at all
    assert fp.naming_shares(one).patches
    rates = rates_table()
    one_rate = rates[(rates["comparison"] == "group") & (rates["group_a"] == "Gamma")]
    ax = fp.forest(one_rate, "stance:hedge")
    assert len(ax.get_yticklabels()) == 1
    zero = docs_table()
    zero = zero[zero["source"] == "Gamma"]                  # only zero counts
    ax = fp.verb_classes(zero)
    assert "no attribution counts" in texts_of(ax)[0]
    assert fp.speaker_types(zero, n_boot=20).get_yticklabels()
    single = trend_table()
    single = single[single["source"] == "Alpha Daily"].head(1)
    assert fp.trend(single).get_lines()
    words = log_odds_table().head(3).assign(z=[0.5, 0.1, -0.2])   # nothing distinctive
    assert fp.distinctive_words(words) is not None


# --------------------------------------------------------------------------- style, colours


def test_outlet_keeps_its_colour_across_figures():
    forest = fp.forest(rates_table(), "stance:hedge")
    speakers = fp.speaker_types(docs_table(), n_boot=50)
    colors = fp.outlet_colors(OUTLETS)
    for ax in (forest, speakers):
        dots = [c for c in ax.collections if c.get_offsets().shape[0] == 3][0]
        assert [to_hex(c) for c in dots.get_facecolors()] == \
            [colors[n].lower() for n in OUTLETS]
    assert len(set(colors.values())) == 3


def test_colour_registry_is_first_seen_and_reproducible():
    first = fp.outlet_colors(["B", "A"])
    fp.outlet_colors(["C", "A"])
    assert fp.outlet_colors(["A", "B", "C"]) == {"A": first["A"], "B": first["B"],
                                                 "C": TOL_MUTED[2]}
    fp.reset_colors()
    assert fp.outlet_colors(["B", "A"]) == first
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        n_palette = len(TOL_MUTED + TOL_LIGHT)
        names = [f"o{i}" for i in range(n_palette)]          # 2 + 17 so far, 17 in this figure: fine
        fp.outlet_colors(names)
        assert fp.outlet_colors([names[-2]])[names[-2]] == first["B"]  # the palette wraps around
    with pytest.warns(Warning, match="share a colour"):
        fp.outlet_colors(["B", names[-2]])                   # one figure, one colour for two


def test_style_sizes_and_fonts():
    with fp.style("two_column"):
        assert plt.rcParams["figure.figsize"][0] == 7.2
        assert plt.rcParams["pdf.fonttype"] == 42
        assert plt.rcParams["font.sans-serif"][0] == "DejaVu Sans"
    with pytest.raises(FramingError, match="size"):
        fp.rc_params("poster")


def test_saved_files_embed_fonts_and_carry_no_dates(tmp_path):
    pdf, svg, png = (render("forest", tmp_path / "forest", formats=(f,))[0]
                     for f in ("pdf", "svg", "png"))
    data = pdf.read_bytes()
    assert b"/FontFile2" in data and b"DejaVuSans" in data and b"CreationDate" not in data
    text = svg.read_text()
    assert "<dc:date>" not in text and "font-family" not in text    # glyphs as paths
    from PIL import Image

    assert set(Image.open(png).info) <= {"Software", "dpi"}


# --------------------------------------------------------------------------- determinism, baselines


def test_figures_are_byte_identical_within_and_across_processes(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE.parent),
                                                        os.environ.get("PYTHONPATH", "")])}
    # a fresh interpreter renders the same figures meanwhile (fresh font cache, registry, hashes)
    other = subprocess.Popen([sys.executable, str(Path(__file__)), "--digests",
                              str(tmp_path / "sub")], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    first = digests(tmp_path / "one")
    second = digests(tmp_path / "two")
    assert first == second
    out, err = other.communicate(timeout=180)
    assert other.returncode == 0, err
    assert dict(line.split() for line in out.strip().splitlines()) == first


def rendering_versions() -> dict:
    """What decides the pixels: matplotlib (major.minor) and its FreeType build."""
    from matplotlib import ft2font

    return {"matplotlib": ".".join(matplotlib.__version__.split(".")[:2]),
            "freetype": f"{ft2font.__freetype_version__} ({ft2font.__freetype_build_type__})",
            "dpi": BASELINE_DPI}


def regenerate() -> list:
    BASELINE.mkdir(parents=True, exist_ok=True)
    paths = [render(name, BASELINE / name)[0] for name in figures()]
    VERSIONS_FILE.write_text(json.dumps(rendering_versions(), indent=1) + "\n")
    return paths


@pytest.mark.parametrize("name", sorted(figures()))
def test_matches_reference_image(name, tmp_path):
    if os.environ.get("FRAMING_REGENERATE_BASELINE"):
        if name == sorted(figures())[0]:
            regenerate()
        pytest.skip("reference images regenerated")
    expected = BASELINE / f"{name}.png"
    if not expected.exists():
        pytest.fail(f"no reference image {expected}; run python tests/test_plot.py --regenerate")
    made_with = json.loads(VERSIONS_FILE.read_text())
    if made_with != rendering_versions():
        pytest.skip(f"reference images were made with {made_with}, this is "
                    f"{rendering_versions()}: glyph metrics differ, so pixels would too; "
                    "regenerate them with python tests/test_plot.py --regenerate")
    actual = render(name, tmp_path / name)[0]
    failure = compare_images(str(expected), str(actual), tol=BASELINE_TOL)
    assert failure is None, failure


if __name__ == "__main__":
    if "--regenerate" in sys.argv:
        for path in regenerate():
            print(path)
    elif "--digests" in sys.argv:
        target = Path(sys.argv[sys.argv.index("--digests") + 1])
        for file, digest in digests(target).items():
            print(file, digest)
    else:
        print(__doc__)
