"""A rate or a naming share over time bins, one line per outlet, with interval bands."""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import PercentFormatter

from framing._warnings import FramingError
from framing.plot import _common as cm
from framing.plot.style import outlet_colors

TREND_HINT = ("Pass compare_rates(docs, by=['source', pd.Grouper(key='date', freq='QS')]) or "
              "naming_shares(..., by='source', period='Q').")
OTHERS = "#D0D0D0"


@dataclass
class _Series:
    """One value per (series, time bin); bins missing for a series are NaN, so lines break there."""

    times: pd.DatetimeIndex
    names: list
    value: np.ndarray        # (series, times)
    low: np.ndarray
    high: np.ndarray
    ylabel: str
    what: str
    share: bool


def trend(table: pd.DataFrame, *, feature=None, variant=None, time: str | None = None,
          series: str | None = None, outlets=None, band: bool | None = None, facets: bool = False,
          title: str | None = None, ax=None, fig=None):
    """A rate or share per time bin and outlet, with its interval as a band.

    Parameters
    ----------
    table : pandas.DataFrame
        Either :func:`framing.stats.compare_rates` run with a time bin
        (``by=["source", pd.Grouper(key="date", freq="QS")]`` or ``period="Q"``;
        the ``comparison == "group"`` rows are used), or
        :func:`framing.stats.naming_shares` with a time bin.
    feature : str or tuple, optional
        For a rates table: which feature (``"stance:hedge"``); optional when it
        holds one.
    variant : str, optional
        For a naming table: whose share to draw (default: the most frequent
        variant overall).
    time : str, optional
        The time column (default: the table's datetime column).
    series : str, optional
        The column whose values are the lines (default: the other grouping
        column, usually ``source``; none: a single line).
    outlets : list, optional
        Series to draw, in this order.
    band : bool, optional
        Draw the intervals (``ci_low``-``ci_high``) as shaded bands. Default:
        yes in facets and for up to three lines; more overlapping bands hide
        one another (use ``facets=True`` to see every outlet's interval).
    facets : bool, default False
        One small panel per outlet (its line in colour, the others in grey
        for comparison), returned as a Figure. Easier to read than one panel
        when there are more than about four outlets.
    title : str, optional
    ax : matplotlib Axes, optional
        For the single panel.
    fig : matplotlib Figure, optional
        For ``facets=True``.

    Returns
    -------
    matplotlib.axes.Axes or matplotlib.figure.Figure
        The Axes; the Figure with ``facets=True``.

    Notes
    -----
    Time bins a series has no value for (no articles, or no mentions) are
    gaps in its line, never bridged. A bin whose interval is undefined (one
    article) shows its point without a band.

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_sample()
    >>> docs = framing.doc_features(corpus, framing.extract(corpus), sentiment=False)
    >>> docs["date"] = pd.to_datetime(["2015-01-10", "2015-05-01", "2015-08-01",
    ...                                "2016-02-01", "2016-03-01"])
    >>> docs["bloc"] = ["x", "x", "y", "y", "y"]
    >>> rates = framing.stats.compare_rates(docs, by=["bloc", pd.Grouper(key="date", freq="YS")],
    ...                                     features="stance:hedge", n_boot=100, n_perm=0)
    >>> ax = framing.plot.trend(rates, feature="stance:hedge")
    >>> len(ax.get_lines()) >= 2
    True
    """
    data = _series(table, feature, variant, time, series, outlets)
    colors = outlet_colors(data.names)
    if facets:
        return _facets(data, colors, True if band is None else band, title, fig)
    band = len(data.names) <= 3 if band is None else band
    ax, owned = cm.new_axes(ax, 0, base_lines=0,
                            min_height=plt.rcParams["figure.figsize"][0] * 0.62 + 0.3)
    if not data.names or len(data.times) == 0:
        cm.empty_note(ax, "no time bins to show")
        return ax
    for i, name in enumerate(data.names):
        _line(ax, data, i, colors[name], band)
    _axes(ax, data)
    cm.set_title(ax, title or data.what)
    if len(data.names) > 1:
        handles = [Line2D([], [], color=colors[n], marker="o", markersize=3) for n in data.names]
        labels, _ = cm.outlet_labels(data.names, 28, 1)
        cm.legend_outside(ax, handles, labels, owned)
    return ax


# --------------------------------------------------------------------------- input


def _series(table, feature, variant, time, series, outlets) -> _Series:
    if not isinstance(table, pd.DataFrame):
        raise FramingError(f"expected a result table, got {type(table).__name__}. {TREND_HINT}")
    if "comparison" in table.columns:
        rows, feat, category = cm.feature_rows(table, feature, "group")
        from framing.plot.stance import _feature_name

        name = _feature_name(feat, category)
        value, ylabel, share = "estimate", f"{name} {cm.RATE_LABEL}", False
        what = f"{name} over time"
    elif {"variant", "share"} <= set(table.columns):
        rows, chosen = _variant_rows(table, variant)
        family = table.attrs.get("family")
        value, ylabel, share = "share", f"Share of mentions: {chosen}", True
        what = f"\u201c{chosen}\u201d" + (f" among {family} names" if family else "") + " over time"
    else:
        raise FramingError(f"not a compare_rates or naming_shares table (columns: "
                           f"{', '.join(map(str, table.columns))}). {TREND_HINT}")
    time = time or _time_column(rows, table)
    series = series if series is not None else _series_column(rows, table, time)
    return _grid(rows, time, series, value, outlets, ylabel, what, share)


def _variant_rows(table, variant):
    variants = list(dict.fromkeys(table["variant"].astype(str)))
    if variant is None:
        counts = pd.to_numeric(table.get("count", pd.Series(0, index=table.index)), errors="coerce")
        totals = counts.groupby(table["variant"].astype(str), sort=False).sum()
        variant = str(totals.idxmax()) if len(totals) else None
    if variant is None or str(variant) not in variants:
        raise FramingError(f"variant {variant!r} is not in the table; variants: "
                           f"{', '.join(variants) or 'none'}.")
    return table[table["variant"].astype(str) == str(variant)], str(variant)


def _time_column(rows, table) -> str:
    keys = [k for k in table.attrs.get("by", []) if k in rows.columns]
    candidates = keys + [c for c in rows.columns if c not in keys]
    for column in candidates:
        if pd.api.types.is_datetime64_any_dtype(rows[column]):
            return column
    raise FramingError(f"the table has no time bin (datetime) column. {TREND_HINT}")


def _series_column(rows, table, time) -> str | None:
    keys = [k for k in table.attrs.get("by", []) if k in rows.columns and k != time]
    if keys:
        return keys[0]
    return "source" if "source" in rows.columns and time != "source" else None


def _grid(rows, time, series, value, outlets, ylabel, what, share) -> _Series:
    times = pd.DatetimeIndex(sorted(pd.to_datetime(rows[time]).dropna().unique()))
    keys = rows[series].astype(str) if series else pd.Series("all", index=rows.index)
    names = list(dict.fromkeys(keys)) if outlets is None else [str(o) for o in outlets]
    frame = rows.assign(_s=keys.to_numpy(), _t=pd.to_datetime(rows[time]).to_numpy())
    frame = frame.drop_duplicates(["_s", "_t"]).set_index(["_s", "_t"])
    index = pd.MultiIndex.from_product([names, times])

    def grid(column):
        if column not in frame.columns:
            return np.full((len(names), len(times)), np.nan)
        values = pd.to_numeric(frame[column], errors="coerce").reindex(index)
        return values.to_numpy(dtype=float).reshape(len(names), len(times))

    return _Series(times, names, grid(value), grid("ci_low"), grid("ci_high"), ylabel, what, share)


# --------------------------------------------------------------------------- drawing


def _line(ax, data: _Series, i: int, color, band: bool, *, width: float = 1.2) -> None:
    x = data.times.to_pydatetime()
    if band:
        ok = np.isfinite(data.low[i]) & np.isfinite(data.high[i])
        ax.fill_between(x, data.low[i], data.high[i], where=ok, color=color, alpha=0.18,
                        linewidth=0, interpolate=False, zorder=2)
    ax.plot(x, data.value[i], color=color, marker="o", markersize=2.8, linewidth=width, zorder=3)


def _axes(ax, data: _Series) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if data.share:
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_ylim(-0.02, 1.02)
    else:
        # explicit limits: with shared axes (facets) autoscaling would freeze on the first panel
        top = np.nanmax(np.r_[data.value.ravel(), data.high.ravel(), 0.0]) \
            if np.isfinite(data.value).any() else 1.0
        ax.set_ylim(0, top * 1.05 if top > 0 else 1.0)
    ax.grid(axis="y")
    ax.set_axisbelow(True)
    ax.set_ylabel(data.ylabel)
    if len(data.times) == 1:                  # one bin: give the point some room
        day = data.times[0]
        ax.set_xlim(day - pd.Timedelta(days=200), day + pd.Timedelta(days=200))


def _facets(data: _Series, colors, band, title, fig):
    k = max(len(data.names), 1)
    owned = fig is None
    width = plt.rcParams["figure.figsize"][0] if owned else fig.get_figwidth()
    ncols = int(np.clip(width // 1.7, 1, 4)) if k > 1 else 1
    ncols = min(ncols, k)
    nrows = int(np.ceil(k / ncols))
    if owned:
        fig = plt.figure(figsize=(width, 0.3 + nrows * min(width / ncols * 0.75, 2.2)),
                         layout="constrained")
    axes = fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False).ravel()
    for i, ax in enumerate(axes):
        if i >= len(data.names):
            ax.set_visible(False)
            continue
        for j in range(len(data.names)):        # the others, faint, for comparison
            if j != i:
                ax.plot(data.times.to_pydatetime(), data.value[j], color=OTHERS, linewidth=0.7,
                        zorder=1)
        _line(ax, data, i, colors[data.names[i]], band)
        _axes(ax, data)
        ax.set_ylabel("")
        ax.set_title(cm.shorten(data.names[i], int(width / ncols * 72 / 5.5), 1),
                     fontsize=plt.rcParams["xtick.labelsize"])
    fig.supylabel(data.ylabel, fontsize=plt.rcParams["axes.labelsize"])
    if owned:
        fig.suptitle(title or data.what, x=0.02, ha="left")
    return fig
