"""Attribution: reporting-verb classes by outlet (heatmap) and the share of anonymous speakers."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import Normalize
from matplotlib.ticker import FuncFormatter, MaxNLocator

from framing._warnings import FramingError
from framing.plot import _common as cm
from framing.plot.style import DIVERGING_CMAP, SEQUENTIAL_CMAP, outlet_colors

COLOR_MODES = ("relative", "rate")
SPEAKER_PREFIX = "count:speaker_type:"


# --------------------------------------------------------------------------- verb classes


def verb_classes(docs_or_rates: pd.DataFrame, *, by: str = "source", classes=None,
                 color: str = "relative", drop_empty: bool = True, annotate: bool = True,
                 outlets=None, orient: str | None = None, title: str | None = None, ax=None):
    """Reporting-verb classes by outlet: a heatmap of rates per 1,000 tokens, values in the cells.

    Parameters
    ----------
    docs_or_rates : pandas.DataFrame
        Either the doc features table (:func:`framing.doc_features`; rates are
        pooled per group: sum of counts / sum of tokens x 1,000) or the output
        of :func:`framing.stats.compare_rates` with attribution features (its
        ``comparison == "group"`` rows are used).
    by : str, default "source"
        Grouping column, for a doc features table.
    classes : list of str, optional
        Verb classes to show, in this order (default: every class, most
        frequent first).
    color : {"relative", "rate"}, default "relative"
        ``"relative"`` colours each cell by the outlet's rate relative to the
        mean rate of the outlets for that class (log scale, 1/4x to 4x), so
        rare classes are as readable as "neutral", which is ten times more
        frequent than the rest; ``"rate"`` colours by the rate itself.
        The numbers in the cells are always rates per 1,000 tokens.
    drop_empty : bool, default True
        Leave out classes with no occurrence in any outlet (listed under the plot).
    annotate : bool, default True
    outlets : list, optional
        Outlets to show, in this order.
    orient : {None, "outlets", "classes"}, optional
        What the rows are. Default: outlets, unless the classes would get
        columns narrower than about 0.3 in (a one-column figure with a dozen
        classes), then classes are the rows and outlets the columns.
    title : str, optional
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_sample()
    >>> docs = framing.doc_features(corpus, framing.extract(corpus), sentiment=False)
    >>> ax = framing.plot.verb_classes(docs, orient="outlets")
    >>> ax.get_xlabel()
    'Reporting-verb class'
    """
    if color not in COLOR_MODES:
        raise FramingError(f"color must be one of {', '.join(COLOR_MODES)}, got {color!r}.")
    matrix = _class_rates(docs_or_rates, by)
    if outlets is not None:
        matrix = matrix.reindex([str(o) for o in outlets])
    if classes is not None:
        missing = [c for c in classes if c not in matrix.columns]
        if missing:
            raise FramingError(f"verb class(es) {', '.join(map(repr, missing))} not found; "
                               f"classes: {', '.join(matrix.columns)}.")
        matrix = matrix[list(classes)]
    else:
        matrix = matrix[matrix.mean().sort_values(ascending=False, kind="mergesort").index]
    dropped = []
    if drop_empty and classes is None:
        empty = (matrix.fillna(0) == 0).all(axis=0)
        dropped = list(matrix.columns[empty])
        matrix = matrix.loc[:, ~empty]
    outlet_colors(matrix.index)
    if orient not in (None, "outlets", "classes"):
        raise FramingError(f"orient must be None, 'outlets' or 'classes', got {orient!r}.")
    classes_as_rows = orient == "classes" or (orient is None and _too_narrow(ax, matrix))
    rows, columns = (matrix.shape[1], matrix.index) if classes_as_rows else \
        (matrix.shape[0], matrix.columns)
    longest = max((len(cm.pretty(c)) for c in columns), default=4)
    ax, owned = cm.new_axes(ax, rows, base_lines=9 + 0.5 * min(longest, 24))
    if matrix.empty:
        cm.empty_note(ax, "no attribution counts to show")
        return ax
    _heatmap(ax, matrix, color, annotate, classes_as_rows)
    cm.set_title(ax, title or "Reporting verbs per 1,000 tokens")
    (ax.set_ylabel if classes_as_rows else ax.set_xlabel)("Reporting-verb class")
    if dropped:
        cm.footnote(ax, "Never used: " + ", ".join(cm.pretty(c) for c in dropped))
    return ax


def _class_rates(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """Outlets x classes rates per 1,000 tokens, from doc features or a compare_rates table."""
    if not isinstance(table, pd.DataFrame):
        raise FramingError(f"expected doc features or a compare_rates table, got "
                           f"{type(table).__name__}.")
    if "comparison" in table.columns:
        rows = table[(table["comparison"] == "group")
                     & (table["feature"].astype(str) == "attribution")]
        if rows.empty:
            raise FramingError("the rates table has no attribution rows; run "
                               "framing.stats.compare_rates(docs, features='attribution').")
        matrix = rows.pivot_table(index="group_a", columns="category", values="estimate",
                                  sort=False, dropna=False)
        matrix.index = matrix.index.astype(str)
        return matrix.rename_axis(index=None, columns=None)
    cm.require_table(table, ["n_tokens", by], what="the doc features table",
                     hint="Pass framing.doc_features(corpus, matches) or a compare_rates table.")
    columns = [c for c in table.columns if str(c).startswith("count:attribution:")]
    if not columns:
        raise FramingError("the doc features table has no count:attribution:* columns; extract "
                           "with the attribution feature.")
    counts = table[columns].apply(pd.to_numeric, errors="coerce").fillna(0)
    grouped = counts.groupby(table[by].astype(str), sort=True).sum()
    tokens = pd.to_numeric(table["n_tokens"], errors="coerce").groupby(
        table[by].astype(str), sort=True).sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        rates = grouped.div(tokens.where(tokens > 0), axis=0) * 1000.0
    rates.columns = [c.split(":", 2)[2] for c in columns]
    return rates


def _too_narrow(ax, matrix: pd.DataFrame) -> bool:
    """Would one column per class be narrower than 0.3 in (too narrow for "12.3")?"""
    width = cm.cell_width(ax)
    classes, outlets = matrix.shape[1], matrix.shape[0]
    return classes > outlets and width * 0.62 / max(classes, 1) < 0.3


def _heatmap(ax, matrix: pd.DataFrame, color: str, annotate: bool, transpose: bool) -> None:
    values = matrix.to_numpy(dtype=float)
    if color == "relative":
        with np.errstate(invalid="ignore", divide="ignore"):
            shown = np.log2(values / np.nanmean(values, axis=0, keepdims=True))
        shown = np.clip(shown, -2.0, 2.0)                # zero rates: the lowest colour
        shown[np.isnan(values)] = np.nan
        cmap, norm = cm.colormap(DIVERGING_CMAP), Normalize(-2.0, 2.0)
        label = "Rate vs. mean of outlets"
        ticks, formatter = [-2, -1, 0, 1, 2], FuncFormatter(lambda v, _: f"\u00d7{2.0 ** v:g}")
    else:
        shown = values
        top = np.nanmax(values) if np.isfinite(values).any() else 1.0
        cmap, norm = cm.colormap(SEQUENTIAL_CMAP), Normalize(0.0, top if top > 0 else 1.0)
        label, ticks, formatter = "Rate per 1,000 tokens", None, None
    if transpose:
        values, shown, matrix = values.T, shown.T, matrix.T
    mesh = ax.pcolormesh(np.ma.masked_invalid(shown), cmap=cmap, norm=norm, edgecolors="white",
                         linewidth=0.6)
    bar = ax.figure.colorbar(mesh, ax=ax, fraction=0.05, pad=0.02, aspect=25, ticks=ticks)
    bar.set_label(label)
    bar.outline.set_visible(False)
    if formatter is not None:
        bar.ax.yaxis.set_major_formatter(formatter)
    if annotate:
        _annotate_cells(ax, values, cmap(norm(np.nan_to_num(shown, nan=0.0))), np.isnan(shown))
    _cell_axes(ax, matrix, transpose)


def _annotate_cells(ax, values, facecolors, missing) -> None:
    size = max(5.0, cm.font_points(plt.rcParams["xtick.labelsize"]) - 1)
    for (i, j), value in np.ndenumerate(values):
        color = "#1A1A1A" if missing[i, j] else cm.text_color_on(facecolors[i, j])
        ax.text(j + 0.5, i + 0.5, cell_text(value), ha="center", va="center", fontsize=size,
                color=color)


def cell_text(value: float) -> str:
    """A rate in as few characters as stay exact enough for a heatmap cell.

    Examples
    --------
    >>> [cell_text(v) for v in (16.73, 2.04, 0.243, 0.004, 0.0, float("nan"))]
    ['17', '2.0', '.24', '<.01', '0', '–']
    """
    if not np.isfinite(value):
        return "\u2013"
    if value == 0:
        return "0"
    if value >= 10:
        return f"{value:.0f}"
    if value >= 1:
        return f"{value:.1f}"
    if value < 0.01:
        return "<.01"
    return f"{value:.2f}".lstrip("0")


def _cell_axes(ax, matrix: pd.DataFrame, transposed: bool) -> None:
    rows, cols = matrix.shape
    ax.set_xlim(0, cols)
    ax.set_ylim(rows, 0)
    row_names = [cm.pretty(c) for c in matrix.index] if transposed else list(matrix.index)
    col_names = list(matrix.columns) if transposed else [cm.pretty(c) for c in matrix.columns]
    cm.set_column_labels(ax, np.arange(cols) + 0.5, col_names)
    cm.set_row_labels(ax, np.arange(rows) + 0.5, row_names)
    ax.tick_params(length=0)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)


# --------------------------------------------------------------------------- speaker types


def speaker_shares(docs: pd.DataFrame, *, by: str = "source", speaker_type: str = "anonymous",
                   n_boot: int = 1000, ci: float = 0.95, random_state=0) -> pd.DataFrame:
    """Share of attributions with a given speaker type per group, with a cluster-bootstrap interval.

    Parameters
    ----------
    docs : pandas.DataFrame
        The doc features table, with ``count:speaker_type:*`` columns.
    by : str, default "source"
    speaker_type : str, default "anonymous"
    n_boot : int, default 1000
        Resamples of articles within each group (0: no interval).
    ci : float, default 0.95
    random_state : int, default 0
        Seed: the same input gives the same interval.

    Returns
    -------
    pandas.DataFrame
        One row per group: ``group``, ``share`` (pooled: speakers of the type /
        all attributions, the denominator of ``share_anonymous``), ``ci_low``,
        ``ci_high``, ``count``, ``n_attributions``, ``n_docs``; ``attrs`` hold
        the method and the overall share (``overall``).

    Notes
    -----
    The interval is the expanded percentile cluster bootstrap of
    :mod:`framing.stats` (articles with at least one attribution resampled
    within each group), the same machinery as ``naming_shares``.

    Examples
    --------
    >>> docs = pd.DataFrame({"source": ["A", "A", "B"], "count:speaker_type:anonymous": [1, 0, 2],
    ...                      "count:speaker_type:named": [1, 2, 2]})
    >>> speaker_shares(docs, n_boot=100)[["group", "share", "n_attributions"]]
      group  share  n_attributions
    0     A   0.25               4
    1     B   0.50               4
    """
    from framing.stats import _resample as rs
    from framing.stats._common import rng_from

    cm.require_table(docs, [by], what="the doc features table",
                     hint="Pass framing.doc_features(corpus, matches).")
    columns = [c for c in docs.columns if str(c).startswith(SPEAKER_PREFIX)]
    wanted = SPEAKER_PREFIX + speaker_type
    if wanted not in columns:
        found = [c[len(SPEAKER_PREFIX):] for c in columns]
        raise FramingError(f"no {wanted!r} column in the doc features table; speaker types: "
                           f"{', '.join(found) or 'none (extract with the attribution feature)'}.")
    counts = docs[columns].apply(pd.to_numeric, errors="coerce").fillna(0)
    values = np.column_stack([counts[wanted].to_numpy(float), counts.sum(axis=1).to_numpy(float)])
    grouping = rs.group_articles(docs, by, None, what="doc features table")
    units = grouping.aggregate(values)
    k = grouping.n_groups
    totals = np.zeros((k, 2))
    np.add.at(totals, grouping.unit_codes, units)
    # articles without attributions add nothing to either sum: resample those with some
    contributing = np.where(units[:, 1] > 0, grouping.unit_codes, -1)
    boot = rs.bootstrap_sums(units, contributing, k, rs.check_resamples(n_boot, "n_boot"),
                             rng_from(random_state))
    with np.errstate(invalid="ignore", divide="ignore"):
        share = totals[:, 0] / totals[:, 1]
        draws = boot[..., 0] / boot[..., 1]
    n_units = np.bincount(contributing[contributing >= 0], minlength=k)
    low, high = rs.percentile_interval(draws, rs.check_level(ci), n_units)
    result = pd.DataFrame({"group": grouping.labels, "share": share, "ci_low": low,
                           "ci_high": high, "count": totals[:, 0].astype(np.int64),
                           "n_attributions": totals[:, 1].astype(np.int64),
                           "n_docs": grouping.sizes()})
    overall = totals[:, 0].sum() / totals[:, 1].sum() if totals[:, 1].sum() > 0 else np.nan
    result.attrs = {"method": "pooled share; expanded percentile interval from a cluster "
                              "bootstrap over articles with attributions, within groups",
                    "speaker_type": speaker_type, "n_boot": n_boot, "ci": ci,
                    "random_state": random_state, "overall": float(overall), "by": [by]}
    return result


def speaker_types(table: pd.DataFrame, *, by: str = "source", speaker_type: str = "anonymous",
                  n_boot: int = 1000, ci: float = 0.95, random_state=0, outlets=None,
                  title: str | None = None, ax=None):
    """Share of attributions whose speaker is anonymous (or another type) per outlet, with CIs.

    Parameters
    ----------
    table : pandas.DataFrame
        Either the doc features table (``count:speaker_type:*`` columns; the
        shares and their cluster-bootstrap intervals are computed with
        :func:`speaker_shares`), or a table already holding ``group`` (or
        ``by``), ``share``, ``ci_low``, ``ci_high`` (and optionally
        ``n_attributions``), e.g. the output of :func:`speaker_shares`.
    by : str, default "source"
    speaker_type : str, default "anonymous"
        Any speaker type of the attribution stage ("named", "organization" ...).
    n_boot, ci, random_state
        Bootstrap settings when the shares are computed here (seeded: the same
        input gives the same figure).
    outlets : list, optional
        Outlets to show, in this order.
    title : str, optional
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_sample()
    >>> docs = framing.doc_features(corpus, framing.extract(corpus), sentiment=False)
    >>> ax = framing.plot.speaker_types(docs, n_boot=200)
    >>> ax.get_xlabel()
    'Anonymous speakers (share of attributions)'
    """
    if not isinstance(table, pd.DataFrame):
        raise FramingError(f"expected doc features or a shares table, got {type(table).__name__}.")
    if {"share", "ci_low", "ci_high"} <= set(table.columns):
        shares = table.assign(group=table["group" if "group" in table.columns else by].astype(str))
    else:
        shares = speaker_shares(table, by=by, speaker_type=speaker_type, n_boot=n_boot, ci=ci,
                                random_state=random_state)
    if outlets is not None:
        shares = shares.set_index("group").reindex([str(o) for o in outlets]).reset_index()
    names = shares["group"].astype(str).tolist()
    colors = outlet_colors(names)
    ax, owned = cm.new_axes(ax, len(names), base_lines=8)
    if not names:
        cm.empty_note(ax, "no groups to show")
        return ax
    y = np.arange(len(names), dtype=float)
    share, low, high = (cm.as_floats(shares[c]) for c in ("share", "ci_low", "ci_high"))
    cm.dot_interval(ax, y, share, low, high, [colors[n] for n in names])
    n = cm.as_floats(shares["n_attributions"]) if "n_attributions" in shares \
        else np.full(len(y), np.nan)
    for row, value, count in zip(y, share, n):
        text = "no attributions" if not np.isfinite(value) else \
            (f"n = {int(count):,}" if np.isfinite(count) else "")
        ax.text(1.02, row, text, transform=ax.get_yaxis_transform(), ha="left", va="center",
                fontsize=plt.rcParams["xtick.labelsize"], color="#444444", clip_on=False)
    top = np.nanmax(np.r_[share, high, 0.0]) if np.isfinite(np.r_[share, high]).any() else 1.0
    ax.set_xlim(0, min(1.0, max(0.05, top * 1.12)))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v * 100:g}%"))
    overall = shares.attrs.get("overall")
    overall = np.nan if overall is None else float(overall)
    cm.reference_line(ax, overall, f"all articles: {overall:.1%}" if np.isfinite(overall) else "",
                      len(y))
    ax.grid(axis="x")
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    cm.set_row_labels(ax, y, names)
    kind = cm.pretty(shares.attrs.get("speaker_type", speaker_type))
    ax.set_xlabel(f"{kind.capitalize()} speakers (share of attributions)")
    level = shares.attrs.get("ci", ci)
    noun = cm.group_noun(shares.attrs if shares.attrs.get("by") else {"by": [by]})
    intervals = bool(np.isfinite(cm.as_floats(shares["ci_low"])).any()) if "ci_low" in shares else False
    cm.set_title(ax, title or f"{kind.capitalize()} speakers by {noun}{cm.ci_note(level, intervals)}")
    return ax

