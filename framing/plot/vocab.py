"""Distinctive words in the style of Monroe, Colaresi & Quinn (2008), "Fightin' Words", Fig. 3."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D

from framing._warnings import FramingError
from framing.plot import _common as cm
from framing.plot._repel import place_labels
from framing.plot.style import outlet_colors

LOG_ODDS_HINT = "Pass the result of framing.stats.log_odds(corpus, by=..., target=...)."
NOT_GROUP = {"reference", "term", "n_target", "n_reference", "docs_target", "docs_reference",
             "freq_target", "freq_reference", "delta", "se", "ci_low", "ci_high", "z", "p", "q",
             "n_docs", "n_docs_reference"}
FADED = "#C8C8C8"
REFERENCE_COLOR = "#555555"
Y_LABELS = {"z": "z-score of the log-odds ratio",
            "delta": "Log-odds ratio (\u03b4, informative Dirichlet prior)"}


def distinctive_words(log_odds_table: pd.DataFrame, *, target=None, y: str = "z",
                      n_labels: int = 12, threshold: float = 1.96, title: str | None = None,
                      ax=None):
    """Which words set a group apart: frequency against log-odds z, top terms labelled.

    Parameters
    ----------
    log_odds_table : pandas.DataFrame
        :func:`framing.stats.log_odds` output (``term``, ``n_target``,
        ``n_reference``, ``delta``, ``z``, ``reference`` and the grouping column).
    target : str, optional
        The group to show when the table holds several (``log_odds(target=None)``).
    y : {"z", "delta"}, default "z"
        The vertical axis: the z-score (evidence) or the log-odds ratio
        itself (effect size). Points are coloured by side when
        ``|z| >= threshold`` either way.
    n_labels : int, default 12
        Terms labelled on each side, most extreme first. Labels that cannot be
        placed without overlapping are left out rather than drawn over others.
    threshold : float, default 1.96
        |z| from which a term counts as distinctive (coloured; dotted lines).
        z treats tokens as independent, so check ``docs_target`` (or
        :func:`framing.stats.term_significance`) before claiming a word.
    title : str, optional
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    As in Monroe et al.'s figure, x is the term's total frequency (target and
    reference, log scale) and y its z-score; terms above the upper dotted line
    are used more by the target, below the lower one more by the reference.
    Label placement is a deterministic greedy search (see
    :mod:`framing.plot._repel`): the same table gives the same figure.

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_sample()
    >>> words = framing.stats.log_odds(corpus, target="Arab News")
    >>> ax = framing.plot.distinctive_words(words, n_labels=5)
    >>> ax.get_xscale()
    'log'
    """
    if y not in Y_LABELS:
        raise FramingError(f"y must be 'z' or 'delta', got {y!r}.")
    table, name, reference = _one_target(log_odds_table, target)
    total = cm.as_floats(table["n_target"]) + cm.as_floats(table["n_reference"])
    z = cm.as_floats(table["z"])
    values = z if y == "z" else cm.as_floats(table["delta"])
    terms = table["term"].astype(str).to_numpy()
    ok = np.isfinite(values) & (total > 0)
    total, z, values, terms = total[ok], z[ok], values[ok], terms[ok]
    colors = outlet_colors([name] + ([reference] if _is_outlet(reference) else []))
    side_colors = (colors[name], colors.get(reference, REFERENCE_COLOR))
    square = plt.rcParams["figure.figsize"][0] * 0.85        # a scatter wants a squarish panel
    ax, owned = cm.new_axes(ax, 0, base_lines=0, min_height=square)
    if not ok.any():
        cm.empty_note(ax, "no terms to show")
        return ax
    up, down = z >= threshold, z <= -threshold
    _scatter(ax, total, values, up, down, side_colors)
    _limits(ax, total, values)
    if y == "z":
        for level in (threshold, -threshold):
            ax.axhline(level, color="#999999", linestyle=":", linewidth=0.7, zorder=1)
    ax.axhline(0, color="#999999", linewidth=0.5, zorder=1)
    ax.set_xlabel("Frequency in target and reference (tokens, log scale)")
    ax.set_ylabel(Y_LABELS[y])
    cm.set_title(ax, title or f"Distinctive words: {cm.shorten(name, 40, 1)}\n"
                          f"vs. {cm.shorten(reference, 40, 1)}")
    handles = [Line2D([], [], marker="o", linestyle="none", color=c, markersize=4)
               for c in (*side_colors, FADED)]
    cm.legend_outside(ax, handles, [f"More in {cm.shorten(name, 24, 1)}",
                                    f"More in {cm.shorten(reference, 24, 1)}",
                                    f"|z| < {threshold:g}"], owned)
    # last: label positions are computed on the final layout (a legend added later would
    # shrink the Axes and move the points under their labels)
    _label_top(ax, total, values, terms, up, down, n_labels, side_colors)
    return ax


def _one_target(table, target) -> tuple[pd.DataFrame, str, str]:
    cm.require_table(table, ["term", "n_target", "n_reference", "z"], what="the log-odds table",
                     hint=LOG_ODDS_HINT)
    keys = [k for k in table.attrs.get("by", []) if k in table.columns] or \
        [c for c in table.columns if c not in NOT_GROUP]
    labels = table[keys].astype(str).agg(" | ".join, axis=1) if keys else \
        pd.Series("target", index=table.index)
    found = list(dict.fromkeys(labels))
    if target is None:
        if len(found) > 1:
            raise FramingError(f"the log-odds table describes {len(found)} groups; choose one with "
                               f"target=, e.g. {', '.join(map(repr, found[:4]))}.")
        chosen = found[0] if found else "target"
    else:
        chosen = str(target)
        if chosen not in found:
            raise FramingError(f"target {target!r} is not in the log-odds table; groups: "
                               f"{', '.join(found[:12])}.")
    rows = table[labels == chosen] if found else table
    reference = str(rows["reference"].iloc[0]) if "reference" in rows and len(rows) else "reference"
    return rows.reset_index(drop=True), chosen, reference


def _is_outlet(name: str) -> bool:
    return name not in ("all other groups", "reference", "rest")


def _scatter(ax, total, values, up, down, side_colors) -> None:
    rest = ~(up | down)
    # tens of thousands of faint points: raster in PDF/SVG keeps files small and fast
    many = rest.sum() > 3000
    ax.scatter(total[rest], values[rest], s=2.5, color=FADED, linewidths=0, rasterized=many,
               zorder=2)
    for mask, color in zip((up, down), side_colors):
        ax.scatter(total[mask], values[mask], s=7, color=color, linewidths=0,
                   rasterized=mask.sum() > 3000, zorder=3)


def _limits(ax, total, values) -> None:
    ax.set_xscale("log")
    low, high = total.min(), total.max()
    ax.set_xlim(low / 1.4, high * 1.4 if high > low else low * 2)
    # room for labels above the highest and below the lowest point, and the dotted lines
    low_y, high_y = min(values.min(), -2.5), max(values.max(), 2.5)
    span = high_y - low_y
    ax.set_ylim(low_y - 0.08 * span, high_y + 0.08 * span)
    ax.grid(axis="both", which="major")
    ax.set_axisbelow(True)


def _label_top(ax, total, values, terms, up, down, n_labels, side_colors) -> None:
    ups = np.flatnonzero(up)[np.argsort(-values[up], kind="mergesort")][:n_labels]
    downs = np.flatnonzero(down)[np.argsort(values[down], kind="mergesort")][:n_labels]
    # alternate sides so that neither side takes all the free space
    order = [i for pair in zip(ups, downs) for i in pair]
    order += list(ups[len(downs):]) + list(downs[len(ups):])
    if not order:
        return
    text_colors = [_darker(side_colors[0] if up[i] else side_colors[1]) for i in order]
    place_labels(ax, total[order], values[order], terms[order].tolist(), colors=text_colors,
                 fontsize=plt.rcParams["xtick.labelsize"],
                 others=np.column_stack([total, values]))


def _darker(color, amount: float = 0.35) -> tuple:
    """The colour mixed with black: pale palette colours stay legible as text."""
    return tuple(channel * (1 - amount) for channel in to_rgb(color))
