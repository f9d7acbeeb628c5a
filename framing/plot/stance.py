"""Rates of any feature by outlet: forest plot against the corpus rate, and pairwise rate ratios."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import Normalize
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from framing._warnings import FramingError
from framing.plot import _common as cm
from framing.plot.style import DIVERGING_CMAP, NEUTRAL_COLOR, outlet_colors

RATIO_KINDS = ("pairs", "vs_rest", "matrix")
#: Ratios offered as tick marks on a log axis (readable fractions and multiples).
RATIO_TICKS = (0.1, 0.2, 0.25, 1 / 3, 0.5, 2 / 3, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 5.0, 10.0)


# --------------------------------------------------------------------------- forest


def forest(rates: pd.DataFrame, feature=None, *, corpus_rate: float | None = None, docs=None,
           order=None, annotate: bool = True, title: str | None = None, ax=None):
    """Rate of one feature per outlet with its interval, against the rate of the whole corpus.

    Parameters
    ----------
    rates : pandas.DataFrame
        :func:`framing.stats.compare_rates` output; its ``comparison ==
        "group"`` rows give each outlet's ``estimate`` (per 1,000 tokens),
        ``ci_low`` and ``ci_high``.
    feature : str or tuple, optional
        ``"stance:hedge"``, ``("stance", "hedge")``, or ``"hedge"`` when
        unambiguous; may be left out when the table holds one feature.
    corpus_rate : float, optional
        Where to draw the reference line. Default: the pooled rate of all
        articles, from ``docs`` when given, else recovered exactly from the
        table's outlet-vs-rest rows (see Notes); failing both, the mean of
        the outlets' rates, labelled as such.
    docs : pandas.DataFrame, optional
        The doc features table the rates came from.
    order : None, "estimate" or list, optional
        Row order: table order (default, the same in every figure), by rate
        (highest first), or the given outlets.
    annotate : bool, default True
        Write "rate (low-high)" at the right of each row.
    title : str, optional
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    The pooled rate R of all articles is not a column of ``compare_rates``,
    but each outlet-vs-rest row gives the outlet's rate R_g and the rest's
    R_-g, and R_-g = (R - w_g R_g) / (1 - w_g) with w_g the outlet's share of
    tokens. Solving for the w_g under sum(w_g) = 1 gives
    R = (1 + sum R_-g / d_g) / sum 1 / d_g with d_g = R_g - R_-g (three or more
    outlets; with d_g = 0 for an outlet, R = R_g).

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_sample()
    >>> docs = framing.doc_features(corpus, framing.extract(corpus), sentiment=False)
    >>> rates = framing.stats.compare_rates(docs, features="stance:hedge", n_boot=200, n_perm=0)
    >>> ax = framing.plot.forest(rates, "stance:hedge")
    >>> ax.get_xlabel()
    'Hedges per 1,000 tokens'
    """
    rows, feat, category = cm.feature_rows(rates, feature, "group")
    # colours follow the table's order, whatever order the rows are drawn in
    colors = outlet_colors(rows["group_a"].astype(str))
    rows = _order(rows, order)
    names = rows["group_a"].astype(str).tolist()
    colors = {**colors, **outlet_colors(names)}
    ax, owned = cm.new_axes(ax, len(names), base_lines=8)
    if not names:
        cm.empty_note(ax, f"no groups with a rate of {feat}:{category}")
        return ax
    y = np.arange(len(names), dtype=float)
    estimate, low, high = (cm.as_floats(rows[c]) for c in ("estimate", "ci_low", "ci_high"))
    cm.dot_interval(ax, y, estimate, low, high, [colors[n] for n in names], marker="s", size=20)
    reference, what = _reference(rates, feat, category, corpus_rate, docs, estimate)
    if annotate:
        _interval_texts(ax, y, estimate, low, high)
    _rows_axes(ax, y, names)
    top = np.nanmax(np.r_[estimate, high, reference, 0.0]) if \
        np.isfinite(np.r_[estimate, high]).any() else 1.0
    ax.set_xlim(0, top * 1.08 if top > 0 else 1.0)
    cm.reference_line(ax, reference, f"{what}: {cm.fmt_number(reference)}", len(y))
    ax.set_xlabel(f"{_feature_name(feat, category)} {cm.RATE_LABEL}")
    level = rates.attrs.get("ci", 0.95)
    noun = cm.group_noun(rates.attrs)
    intervals = bool(np.isfinite(low).any())
    cm.set_title(ax, title or f"{_feature_name(feat, category)} by {noun}{cm.ci_note(level, intervals)}")
    return ax


def _order(rows: pd.DataFrame, order) -> pd.DataFrame:
    if order is None:
        return rows
    if isinstance(order, str):
        if order != "estimate":
            raise FramingError(f"order must be None, 'estimate' or a list of groups, "
                               f"got {order!r}.")
        return rows.sort_values("estimate", ascending=False, kind="mergesort", na_position="last")
    return rows.set_index(rows["group_a"].astype(str)).reindex([str(o) for o in order]) \
        .reset_index(drop=True).assign(group_a=[str(o) for o in order])


def _feature_name(feature: str, category: str) -> str:
    """"stance", "hedge" -> "Hedges"; other features keep both names."""
    plural = {"hedge": "Hedges", "booster": "Boosters", "scare_quote": "Scare quotes",
              "distancing": "Distancing markers"}
    if feature == "stance" and category in plural:
        return plural[category]
    if feature == "attribution":
        return f"{cm.pretty(category).capitalize()} reporting verbs"
    return f"{cm.pretty(feature).capitalize()}: {cm.pretty(category)}"


def _reference(rates, feature, category, corpus_rate, docs, estimate) -> tuple[float, str]:
    if corpus_rate is not None:
        return float(corpus_rate), "all articles"
    if docs is not None:
        column = f"count:{feature}:{category}"
        cm.require_table(docs, ["n_tokens", column], what="the doc features table",
                         hint="Pass the doc features the rates came from.")
        tokens = pd.to_numeric(docs["n_tokens"], errors="coerce").fillna(0).sum()
        count = pd.to_numeric(docs[column], errors="coerce").fillna(0).sum()
        return (count / tokens * 1000.0 if tokens > 0 else np.nan), "all articles"
    vs_rest, _, _ = cm.feature_rows(rates, (feature, category), "vs_rest")
    pooled = pooled_rate(cm.as_floats(vs_rest["rate_a"]), cm.as_floats(vs_rest["rate_b"])) \
        if {"rate_a", "rate_b"} <= set(vs_rest.columns) else np.nan
    if np.isfinite(pooled):
        return pooled, "all articles"
    return (float(np.nanmean(estimate)) if np.isfinite(estimate).any() else np.nan), \
        "mean of outlets"


def pooled_rate(group_rates, rest_rates) -> float:
    """The pooled rate of all groups from each group's rate and the rate of the rest.

    See :func:`forest`, Notes. Returns NaN when the rows do not determine it
    (fewer than three groups, or implied token shares outside [0, 1]).

    Examples
    --------
    >>> tokens, counts = np.array([100.0, 300.0, 600.0]), np.array([1.0, 6.0, 6.0])
    >>> rates = counts / tokens
    >>> rest = (counts.sum() - counts) / (tokens.sum() - tokens)
    >>> round(pooled_rate(rates, rest), 6)
    0.013
    """
    r_g, r_rest = np.asarray(group_rates, float), np.asarray(rest_rates, float)
    ok = np.isfinite(r_g) & np.isfinite(r_rest)
    if ok.sum() != len(r_g) or len(r_g) < 3:
        return np.nan
    d = r_g - r_rest
    scale = max(np.abs(r_g).max(), 1e-300)
    equal = np.abs(d) <= 1e-12 * scale
    if equal.any():
        return float(r_g[equal][0])     # that group's rate equals the rest's, hence the total's
    pooled = (1.0 + np.sum(r_rest / d)) / np.sum(1.0 / d)
    weights = (pooled - r_rest) / d
    plausible = np.all(weights > -1e-9) and np.all(weights < 1 + 1e-9) and \
        abs(weights.sum() - 1.0) < 1e-6
    return float(pooled) if plausible and np.isfinite(pooled) else np.nan


def _interval_texts(ax, y, estimate, low, high) -> None:
    size = plt.rcParams["xtick.labelsize"]
    for row, e, lo, hi in zip(y, estimate, low, high):
        if not np.isfinite(e):
            text = "no tokens"
        elif np.isfinite(lo) and np.isfinite(hi):
            text = f"{cm.fmt_number(e)} ({cm.fmt_number(lo)}\u2013{cm.fmt_number(hi)})"
        else:
            text = f"{cm.fmt_number(e)} (no CI)"
        ax.text(1.02, row, text, transform=ax.get_yaxis_transform(), ha="left", va="center",
                fontsize=size, color="#444444", clip_on=False)


def _rows_axes(ax, y, names) -> None:
    ax.set_ylim(len(y) - 0.5, -0.5)
    ax.grid(axis="x")
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    if names is not None:
        cm.set_row_labels(ax, y, names)


# --------------------------------------------------------------------------- rate ratios


def rate_ratios(rates: pd.DataFrame, feature=None, *, kind: str = "pairs", alpha: float = 0.05,
                title: str | None = None, ax=None):
    """Pairwise rate ratios of one feature, on a log scale, with q < alpha marked.

    Parameters
    ----------
    rates : pandas.DataFrame
        :func:`framing.stats.compare_rates` output (``pairs=True`` for
        ``kind="pairs"`` or ``"matrix"``).
    feature : str or tuple, optional
        As in :func:`forest`.
    kind : {"pairs", "vs_rest", "matrix"}, default "pairs"
        ``"pairs"``: one row per pair "A vs. B" with ratio rate_A / rate_B and
        its interval; ``"vs_rest"``: each outlet against all other articles;
        ``"matrix"``: outlets x outlets heatmap of the ratio (row / column),
        compact for many outlets, without intervals.
    alpha : float, default 0.05
        Rows with Benjamini-Hochberg ``q < alpha`` are drawn filled (pairs,
        vs_rest) or starred (matrix).
    title : str, optional
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    A ratio with a zero denominator (infinite) or numerator (zero) cannot sit
    on a log axis: it is drawn as an arrow at the edge of the axis; 0/0 rows
    read "no occurrences".

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_sample()
    >>> docs = framing.doc_features(corpus, framing.extract(corpus), sentiment=False)
    >>> rates = framing.stats.compare_rates(docs, features="stance:hedge", n_boot=200, n_perm=200)
    >>> ax = framing.plot.rate_ratios(rates, "stance:hedge")
    >>> ax.get_xscale()
    'log'
    """
    if kind not in RATIO_KINDS:
        raise FramingError(f"kind must be one of {', '.join(RATIO_KINDS)}, got {kind!r}.")
    comparison = "vs_rest" if kind == "vs_rest" else "pair"
    rows, feat, category = cm.feature_rows(rates, feature, comparison)
    name = _feature_name(feat, category)
    if kind == "matrix":
        return _ratio_matrix(rates, rows, name, alpha, title, ax)
    ax, owned = cm.new_axes(ax, len(rows) * (1.0 if kind == "vs_rest" else 1.6), base_lines=9)
    if rows.empty:
        cm.empty_note(ax, f"no {'pairs' if kind == 'pairs' else 'groups'} to compare "
                          "(run compare_rates with at least two groups"
                          + (" and pairs=True)" if kind == "pairs" else ")"))
        return ax
    names = rows["group_a"].astype(str).tolist()
    colors = outlet_colors(names)
    y = np.arange(len(rows), dtype=float)
    estimate, low, high = (cm.as_floats(rows[c]) for c in ("estimate", "ci_low", "ci_high"))
    significant = cm.as_floats(rows["q"]) < alpha if "q" in rows else np.zeros(len(rows), bool)
    lo_lim, hi_lim = _ratio_limits(np.r_[estimate, low, high])
    color = [colors[n] if kind == "vs_rest" else "#333333" for n in names]
    _ratio_rows(ax, y, estimate, low, high, significant, color, (lo_lim, hi_lim))
    ax.axvline(1.0, color=NEUTRAL_COLOR, linewidth=0.8, zorder=1)
    ax.set_xscale("log")
    ax.set_xlim(lo_lim, hi_lim)
    # about two labels per inch of Axes ("1.25" next to "1.5" collides in a narrow panel)
    _ratio_ticks(ax.xaxis, lo_lim, hi_lim, most=max(3, int(cm.cell_width(ax) * 0.6 * 2.2)))
    if kind == "vs_rest":
        _rows_axes(ax, y, names)
    else:
        _rows_axes(ax, y, None)
        _pair_labels(ax, y, names, rows["group_b"].astype(str).tolist())
    ax.set_xlabel("Rate ratio, " + ("outlet / rest" if kind == "vs_rest" else "first / second")
                  + " (log scale)")
    cm.set_title(ax, title or f"{name}: rate ratios")
    handles = [Line2D([], [], marker="o", linestyle="none", color="#333333", markersize=4),
               Line2D([], [], marker="o", linestyle="none", markerfacecolor="white",
                      color="#333333", markersize=4)]
    cm.legend_outside(ax, handles, [f"q < {alpha:g}", f"q \u2265 {alpha:g} (BH)"], owned)
    return ax


def _pair_labels(ax, y, first, second) -> None:
    """"A" over "vs. B", each name on one line; cut names are spelled out under the plot."""
    width = cm.label_width(ax, share=0.42)     # no text column on the right: labels get more
    short_a, cut_a = cm.outlet_labels(first, width, 1)
    short_b, cut_b = cm.outlet_labels(second, max(6, width - 4), 1)
    ax.set_yticks(y, [f"{a}\nvs. {b}" for a, b in zip(short_a, short_b)])
    cm.note_shortened(ax, {**cut_a, **cut_b})


def _ratio_limits(values) -> tuple[float, float]:
    """Symmetric-ish log limits covering the finite, positive ratios and 1."""
    positive = values[np.isfinite(values) & (values > 0)]
    if positive.size == 0:
        return 0.5, 2.0
    span = max(abs(np.log(positive.min())), abs(np.log(positive.max())), np.log(1.25))
    return float(np.exp(-span * 1.1)), float(np.exp(span * 1.1))


def _ratio_rows(ax, y, estimate, low, high, significant, colors, limits) -> None:
    lo_lim, hi_lim = limits
    size = plt.rcParams["xtick.labelsize"]
    for i, row in enumerate(y):
        e, lo, hi, color = estimate[i], low[i], high[i], colors[i]
        if np.isfinite(lo) and np.isfinite(hi) and hi > 0:
            ax.hlines(row, max(lo, lo_lim), min(hi, hi_lim), color=color, linewidth=1.2, zorder=2)
        if np.isnan(e):
            ax.text(1.0, row, " no occurrences", ha="left", va="center", fontsize=size,
                    color="#666666", transform=ax.transData)
            continue
        # 0 and infinity cannot sit on a log axis: an arrow at the edge says "beyond"
        x, marker = (lo_lim, "<") if e <= 0 else (hi_lim, ">") if not np.isfinite(e) else (e, "o")
        ax.plot([x], [row], marker=marker, color=color, markersize=4.5, linestyle="none",
                markerfacecolor=color if significant[i] else "white", markeredgewidth=1.0,
                zorder=3, clip_on=False)


def _ratio_ticks(axis, low: float, high: float, most: int = 7) -> None:
    ticks = [t for t in RATIO_TICKS if low <= t <= high]
    while len(ticks) > most:                 # thin out, always keeping 1
        middle = ticks.index(1.0)
        ticks = [t for i, t in enumerate(ticks) if (i - middle) % 2 == 0]
    axis.set_major_locator(FixedLocator(ticks))
    axis.set_minor_locator(NullLocator())
    axis.set_major_formatter(FuncFormatter(_ratio_text))


def _ratio_text(value, _=None) -> str:
    if value >= 1:
        return f"{value:g}"
    inverse = 1.0 / value
    return f"1/{inverse:.0f}" if abs(inverse - round(inverse)) < 1e-6 else f"{value:.2g}"


def _ratio_matrix(rates, rows, name, alpha, title, ax):
    groups = rates[(rates["comparison"] == "group")]["group_a"].astype(str)
    names = list(dict.fromkeys(groups.tolist() + rows["group_a"].astype(str).tolist()
                               + rows["group_b"].astype(str).tolist()))
    outlet_colors(names)
    k = len(names)
    ratio = np.full((k, k), np.nan)
    q = np.full((k, k), np.nan)
    where = {n: i for i, n in enumerate(names)}
    for a, b, e, qq in zip(rows["group_a"].astype(str), rows["group_b"].astype(str),
                           cm.as_floats(rows["estimate"]), cm.as_floats(rows.get("q", np.nan))):
        i, j = where[a], where[b]
        ratio[i, j] = e
        with np.errstate(divide="ignore"):
            ratio[j, i] = 1.0 / e if np.isfinite(e) and e != 0 else (np.inf if e == 0 else 0.0)
        q[i, j] = q[j, i] = qq
    longest = min(max((len(n) for n in names), default=4), 22)    # slanted column labels
    ax, owned = cm.new_axes(ax, k, base_lines=9 + 0.4 * longest,
                            min_height=2.2)
    if k < 2:
        cm.empty_note(ax, "rate ratios need at least two groups")
        return ax
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.log2(ratio)
    # the colour scale spans the ratios present (at least 1/1.5-1.5, at most 1/8-8)
    finite_logs = np.abs(logs[np.isfinite(logs)])
    limit = float(np.clip(np.ceil((finite_logs.max() if finite_logs.size else 1.0) * 4) / 4,
                          np.log2(1.5), 3.0))
    shown = np.clip(logs, -limit, limit)
    cmap = cm.colormap(DIVERGING_CMAP)
    mesh = ax.pcolormesh(np.ma.masked_invalid(shown), cmap=cmap, norm=Normalize(-limit, limit),
                         edgecolors="white", linewidth=0.6)
    ticks = [np.log2(t) for t in RATIO_TICKS if abs(np.log2(t)) <= limit + 1e-9]
    while len(ticks) > 7:
        middle = ticks.index(0.0)
        ticks = [t for i, t in enumerate(ticks) if (i - middle) % 2 == 0]
    bar = ax.figure.colorbar(mesh, ax=ax, fraction=0.05, pad=0.02, aspect=25, ticks=ticks)
    bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _ratio_text(2.0 ** v)))
    bar.set_label("Rate ratio (row / column)")
    bar.outline.set_visible(False)
    size = max(5.0, cm.font_points(plt.rcParams["xtick.labelsize"]) - 1)
    for (i, j), value in np.ndenumerate(ratio):
        if i == j or np.isnan(value):
            continue
        star = "*" if q[i, j] < alpha else ""
        ax.text(j + 0.5, i + 0.5, f"{_short_ratio(value)}{star}", ha="center", va="center",
                fontsize=size, color=cm.text_color_on(mesh.cmap(mesh.norm(shown[i, j]))))
    ax.set_xlim(0, k)
    ax.set_ylim(k, 0)
    cm.set_column_labels(ax, np.arange(k) + 0.5, names)
    cm.set_row_labels(ax, np.arange(k) + 0.5, names, width=cm.label_width(ax, share=0.25))
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    cm.set_title(ax, title or f"{name}: rate ratios (* q < {alpha:g})")
    return ax


def _short_ratio(value: float) -> str:
    if value == 0:
        return "0"
    if not np.isfinite(value):
        return "\u221e"
    return f"{value:.2f}" if value < 10 else f"{value:.0f}"
