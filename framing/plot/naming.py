"""Naming-variant shares per outlet: stacked bars with intervals, own and quoted voice."""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from framing._warnings import FramingError
from framing.plot import _common as cm
from framing.plot.style import MISSING_COLOR, category_colors, outlet_colors

SHARES_HINT = "Pass the result of framing.stats.naming_shares(matches, corpus, family=...)."
VOICE_TITLES = {"own": "Own voice", "quoted": "Quoted speech", "all": "All mentions"}
KINDS = ("bars", "dots")


@dataclass
class _Shares:
    """One naming_shares table as outlet x variant arrays."""

    outlets: list
    variants: list
    share: np.ndarray        # (outlets, variants); NaN where an outlet has no mentions
    low: np.ndarray
    high: np.ndarray
    n_mentions: np.ndarray   # (outlets,)
    voice: str


def naming_shares(shares: pd.DataFrame, quoted: pd.DataFrame | None = None, *, family=None,
                  kind: str = "bars", outlets=None, variants=None, show_counts: bool = True,
                  title: str | None = None, ax=None, fig=None):
    """Share of each naming variant per outlet, with cluster-bootstrap intervals.

    Parameters
    ----------
    shares : pandas.DataFrame
        :func:`framing.stats.naming_shares` output: one row per group and
        variant with ``group``, ``variant``, ``share``, ``ci_low``,
        ``ci_high`` and ``n_mentions`` (usually ``voice="own"``).
    quoted : pandas.DataFrame, optional
        The same for quoted speech (``voice="quoted"``); drawn as a second
        panel sharing the outlet axis, so the outlet's own choice of name can be
        read against the names its sources use.
    family : str, optional
        Naming family for the title (default: ``shares.attrs["family"]``); when
        the table has a ``family`` column, the rows of this family.
    kind : {"bars", "dots"}, default "bars"
        ``"bars"``: one 100% stacked bar per outlet, each segment's interval
        drawn as a thin whisker around the segment's end, in its own lane so
        the whiskers of neighbouring segments do not hide each other.
        ``"dots"``: a dot and interval per outlet and variant on a common 0-100%
        axis, which compares one variant across outlets more precisely (a
        stacked segment's position depends on the segments before it).
    outlets, variants : list, optional
        Which groups / variants to show, in this order (default: table order).
    show_counts : bool, default True
        Write the number of mentions behind each bar ("n = 438") at its right.
    title : str, optional
    ax : matplotlib Axes, optional
        Draw into this Axes (one table), or a pair of Axes (with ``quoted``).
    fig : matplotlib Figure, optional
        With ``quoted``: the figure to draw the two panels into.

    Returns
    -------
    matplotlib.axes.Axes or matplotlib.figure.Figure
        The Axes; the Figure when ``quoted`` is given (two panels).

    Notes
    -----
    An outlet without mentions shows an empty row marked "no mentions" and
    ``n = 0``; an interval that could not be computed (NaN, e.g. one article)
    is simply not drawn. Shares are of the listed variants' mentions.

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_sample()
    >>> matches = framing.extract(corpus)
    >>> own = framing.stats.naming_shares(matches, corpus, "isis", n_boot=200)
    >>> quoted = framing.stats.naming_shares(matches, corpus, "isis", voice="quoted", n_boot=200)
    >>> fig = framing.plot.naming_shares(own, quoted)
    >>> len(fig.axes) >= 2
    True
    """
    if kind not in KINDS:
        raise FramingError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}.")
    if family is None and isinstance(shares, pd.DataFrame):
        family = shares.attrs.get("family")
    tables = [_as_arrays(shares, family, outlets, variants, default_voice="own")]
    if quoted is not None:
        first = tables[0]
        tables.append(_as_arrays(quoted, family, first.outlets, first.variants,
                                 default_voice="quoted"))
    all_variants = list(dict.fromkeys(v for t in tables for v in t.variants))
    colors = category_colors(all_variants, namespace=str(family or ""))
    outlet_colors(tables[0].outlets)          # fixes the outlets' colours in first-seen order
    if quoted is None:
        ax, owned = cm.new_axes(ax, _rows(tables[0], kind), base_lines=8)
        _panel(ax, tables[0], colors, kind, show_counts, labels=True)
        cm.set_title(ax, title or _title(family, tables[0].voice))
        _legend(ax, all_variants, colors, owned)
        return ax
    axes, owned = _two_axes(ax, fig, _rows(tables[0], kind))
    for i, (panel_ax, table) in enumerate(zip(axes, tables)):
        _panel(panel_ax, table, colors, kind, show_counts, labels=i == 0)
        panel_ax.set_title(VOICE_TITLES.get(table.voice, table.voice))
    figure = axes[0].figure
    if owned:
        figure.suptitle(title or _title(family, None), x=0.02, ha="left")
    _legend(axes[-1], all_variants, colors, owned)
    return figure


# --------------------------------------------------------------------------- input


def _as_arrays(table, family, outlets, variants, *, default_voice: str) -> _Shares:
    cm.require_table(table, ["variant", "share"], what="the naming shares table", hint=SHARES_HINT)
    if "family" in table.columns and family is not None:
        table = table[table["family"].astype(str) == str(family)]
    group = "group" if "group" in table.columns else "source"
    cm.require_table(table, [group], what="the naming shares table", hint=SHARES_HINT)
    names = [str(g) for g in dict.fromkeys(table[group].astype(str))]
    kinds = [str(v) for v in dict.fromkeys(table["variant"].astype(str))]
    outlets = names if outlets is None else [str(o) for o in outlets]
    variants = kinds if variants is None else [str(v) for v in variants]
    unknown = [v for v in variants if v not in kinds]
    if unknown:
        raise FramingError(f"variant(s) {', '.join(map(repr, unknown))} not in the table; "
                           f"variants: {', '.join(kinds)}.")
    keyed = table.assign(_g=table[group].astype(str), _v=table["variant"].astype(str))
    keyed = keyed.drop_duplicates(["_g", "_v"]).set_index(["_g", "_v"])
    index = pd.MultiIndex.from_product([outlets, variants])

    def grid(column):
        if column not in keyed.columns:
            return np.full((len(outlets), len(variants)), np.nan)
        values = pd.to_numeric(keyed[column], errors="coerce").reindex(index)
        return values.to_numpy(dtype=float).reshape(len(outlets), len(variants))

    n = _mentions(keyed, outlets, group)
    return _Shares(outlets, variants, grid("share"), grid("ci_low"), grid("ci_high"), n,
                   str(table.attrs.get("voice", default_voice)))


def _mentions(keyed: pd.DataFrame, outlets: list, group: str) -> np.ndarray:
    """Mentions per outlet: the ``n_mentions`` column, else the sum of ``count``."""
    by_outlet = keyed.reset_index()
    for column, how in (("n_mentions", "first"), ("count", "sum")):
        if column in by_outlet.columns:
            values = pd.to_numeric(by_outlet[column], errors="coerce")
            per = values.groupby(by_outlet["_g"]).agg(how).reindex(outlets)
            return per.fillna(0).to_numpy(dtype=float)
    return np.full(len(outlets), np.nan)


# --------------------------------------------------------------------------- drawing


def _rows(table: _Shares, kind: str) -> float:
    per_row = 1.0 if kind == "bars" else max(1.0, 0.45 * len(table.variants))
    return len(table.outlets) * per_row


def _two_axes(ax, fig, n_rows):
    if ax is not None:
        axes = list(np.ravel(np.asarray(ax, dtype=object)))
        if len(axes) != 2:
            raise FramingError("with quoted=, pass ax= as a pair of Axes (or fig=).")
        return axes, False
    owned = fig is None
    if owned:
        width = plt.rcParams["figure.figsize"][0]
        height = n_rows * cm.row_inches() + 10 * cm.font_size() * 1.25 / 72
        fig = plt.figure(figsize=(width, float(np.clip(height, 1.8, 9.5))), layout="constrained")
    axes = fig.subplots(1, 2, sharey=True, sharex=True)
    return list(axes), owned


def _panel(ax, table: _Shares, colors, kind, show_counts, *, labels: bool) -> None:
    y = np.arange(len(table.outlets), dtype=float)
    if kind == "bars":
        _stacked(ax, table, y, colors)
        ax.set_xlim(0, 1)
    else:
        _dots(ax, table, y, colors)
        ax.set_xlim(-0.03, 1.03)                   # dots at 0% and 100% stay whole
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    # five "100%"-wide tick labels need about 2 inches; narrower panels get three
    narrow = cm.cell_width(ax) < 2.6
    ax.set_xticks([0, 0.5, 1.0] if narrow else [0, 0.25, 0.5, 0.75, 1.0])
    ax.grid(axis="x")
    ax.set_axisbelow(True)
    ax.set_ylim(len(y) - 0.5, -0.5)                # first outlet on top
    ax.set_xlabel("Share of mentions")
    ax.tick_params(axis="y", length=0)
    if labels:
        # the labels of shared-axis panels have the whole figure's margin, not one panel's
        panels = len(ax.get_shared_y_axes().get_siblings(ax))
        cm.set_row_labels(ax, y, table.outlets, width=cm.label_width(ax, share=0.3 * panels))
    for i, n in enumerate(table.n_mentions):
        if n == 0 or np.isnan(table.share[i]).all():
            ax.text(0.02, y[i], "no mentions", va="center", ha="left", color="#666666",
                    fontstyle="italic", fontsize=plt.rcParams["xtick.labelsize"])
    if show_counts:
        _counts(ax, y, table.n_mentions)


def _stacked(ax, table: _Shares, y, colors) -> None:
    share = np.nan_to_num(table.share, nan=0.0)
    starts = np.zeros(len(y))
    k = len(table.variants)
    # one lane per variant inside the bar, so neighbouring whiskers stay apart
    lanes = np.linspace(-0.2, 0.2, k) if k > 1 else np.zeros(1)
    for j, variant in enumerate(table.variants):
        ax.barh(y, share[:, j], left=starts, height=0.72, color=colors[variant],
                edgecolor="white", linewidth=0.4, label=variant)
        ends = starts + share[:, j]
        low, high = starts + table.low[:, j], starts + table.high[:, j]
        shown = np.isfinite(low) & np.isfinite(high) & (table.high[:, j] > 0)
        if shown.any():
            ax.hlines(y[shown] + lanes[j], low[shown], high[shown], color="#1A1A1A",
                      linewidth=0.7, zorder=3)
            ax.vlines(np.r_[low[shown], high[shown]], np.r_[y[shown], y[shown]] + lanes[j] - 0.05,
                      np.r_[y[shown], y[shown]] + lanes[j] + 0.05, color="#1A1A1A",
                      linewidth=0.7, zorder=3)
        starts = ends


def _dots(ax, table: _Shares, y, colors) -> None:
    k = len(table.variants)
    offsets = np.linspace(-0.3, 0.3, k) if k > 1 else np.zeros(1)
    for j, variant in enumerate(table.variants):
        rows = y + offsets[j]
        ok = np.isfinite(table.low[:, j]) & np.isfinite(table.high[:, j])
        ax.hlines(rows[ok], table.low[ok, j], table.high[ok, j], color=colors[variant],
                  linewidth=1.0)
        ax.plot(table.share[:, j], rows, "o", color=colors[variant], markersize=3.5,
                markeredgecolor="white", markeredgewidth=0.3, linestyle="none", label=variant)
    for boundary in y[:-1] + 0.5:
        ax.axhline(boundary, color=MISSING_COLOR, linewidth=0.5)


def _counts(ax, y, n_mentions) -> None:
    size = plt.rcParams["xtick.labelsize"]
    for row, n in zip(y, n_mentions):
        text = "n = \u2013" if np.isnan(n) else f"n = {int(n):,}"
        ax.text(1.02, row, text, transform=ax.get_yaxis_transform(), ha="left", va="center",
                fontsize=size, color="#444444", clip_on=False)


def _legend(ax, variants, colors, owned) -> None:
    handles = [Patch(facecolor=colors[v], edgecolor="none") for v in variants]
    cm.legend_outside(ax, handles, variants, owned, title=None)


def _title(family, voice) -> str:
    name = f"Naming variants: {family}" if family else "Naming variants"
    return f"{name} ({VOICE_TITLES.get(voice, voice).lower()})" if voice else name
