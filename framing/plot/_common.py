"""Helpers shared by the plot functions: figure sizing, labels, legends, input checks."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from framing._warnings import FramingError, require_table  # noqa: F401 - used as cm.require_table

RATE_LABEL = "per 1,000 tokens"
ELLIPSIS = "\u2026"


# --------------------------------------------------------------------------- figures


def font_size() -> float:
    return float(plt.rcParams["font.size"])


def row_inches() -> float:
    """Height of one labelled row: two lines of tick labels fit in it."""
    return 2.3 * font_points(plt.rcParams["ytick.labelsize"]) / 72


def font_points(size) -> float:
    """A font size rcParam (number or name such as "small") in points."""
    if isinstance(size, (int, float)):
        return float(size)
    from matplotlib.font_manager import FontProperties

    return float(FontProperties(size=size).get_size_in_points())


def new_axes(ax, n_rows: int = 0, *, base_lines: float = 9.0, width: float | None = None,
             min_height: float = 1.6, max_height: float = 9.5):
    """The Axes to draw on and whether framing created its figure.

    A new figure is as wide as ``rcParams["figure.figsize"]`` (the style's
    column width) and as tall as its rows need: ``n_rows`` labelled rows plus
    ``base_lines`` lines of text for title, axis label and legend.
    """
    if ax is not None:
        return ax, False
    width = width or plt.rcParams["figure.figsize"][0]
    height = n_rows * row_inches() + base_lines * font_size() * 1.25 / 72
    fig, ax = plt.subplots(figsize=(width, float(np.clip(height, min_height, max_height))),
                           layout="constrained")
    return ax, True


def empty_note(ax, text: str) -> None:
    """Say in the plot why it is empty instead of drawing a blank frame."""
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center",
            color="#555555", wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])


def footnote(ax, text: str) -> None:
    """Small text under the x-axis label: never clipped, never squeezing the plot.

    The note starts at the left edge of the Axes' grid cell (the figure's
    edge for a lone Axes) and is wrapped to the cell's width by hand. It is
    left out of the layout, which would otherwise shrink the Axes to make a
    wide note fit beside it; an invisible spacer with as many lines takes its
    place in the layout, so the space below the Axes grows by the note's
    height only. Several notes on one Axes share one text.
    """
    notes = getattr(ax, "_framing_notes", [])
    ax._framing_notes = notes + [text]
    for artist in getattr(ax, "_framing_note_artists", ()):
        artist.remove()
    size = max(5.0, font_points(plt.rcParams["xtick.labelsize"]) - 1)
    fig = ax.figure
    chars = max(20, int(cell_width(ax) * 72 * 0.96 / (0.58 * size)))
    lines = [line for note in ax._framing_notes
             for line in textwrap.wrap(note, chars, break_on_hyphens=False)]
    where = {"xycoords": ("figure fraction", ax.xaxis.label), "textcoords": "offset points",
             "va": "top", "fontsize": size, "annotation_clip": False}
    left = _cell_left(ax) + 0.01 * cell_width(ax) / fig.get_figwidth()
    note = ax.annotate("\n".join(lines), xy=(left, 0), xytext=(0, -2), ha="left",
                       color="#555555", **where)
    note.set_in_layout(False)
    spacer = ax.annotate("\n".join(["."] * len(lines)), xy=(0.0, 0), xytext=(0, -2),
                         ha="left", color="none", **{**where, "xycoords": ("axes fraction",
                                                                          ax.xaxis.label)})
    ax._framing_note_artists = (note, spacer)


def group_noun(attrs: dict, default: str = "outlet") -> str:
    """What the groups of a result table are, for titles: "outlet", "bias label", "source × date"."""
    by = attrs.get("by") if attrs else None
    if by is None:
        return default
    keys = by if isinstance(by, (list, tuple)) else [by]
    names = [str(getattr(k, "key", k)) for k in keys]
    if names in (["source"], ["outlet"], ["publisher"]):
        return "outlet"
    return " × ".join(n.replace("_", " ") for n in names)


def ci_note(level, has_intervals: bool) -> str:
    """" (95% CI)" when the plot shows intervals, else nothing."""
    return f" ({level:.0%} CI)" if has_intervals else ""


def set_title(ax, text: str) -> None:
    """An Axes title that wraps at the figure's edge instead of running off it."""
    ax.set_title(text, wrap=True)


def legend_outside(ax, handles, labels, owned: bool, *, title: str | None = None,
                   ncols: int | None = None):
    """A legend outside the data: under the figure when framing made it, else right of the Axes."""
    if not handles:
        return None
    if owned:
        fig = ax.figure
        if ncols is None:
            ncols = _legend_columns(fig.get_figwidth(), labels)
        return fig.legend(handles, labels, loc="outside lower center", ncols=ncols, title=title,
                          handlelength=1.2, columnspacing=1.0)
    return ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.02, 1.0),
                     borderaxespad=0, title=title, handlelength=1.2)


def _legend_columns(width_in: float, labels) -> int:
    size = font_points(plt.rcParams["legend.fontsize"])
    longest = max(len(str(label)) for label in labels)
    per_entry = (longest * 0.6 * size + 2.8 * size) / 72     # text + handle and spacing
    return int(max(1, min(len(labels), width_in // per_entry)))


def text_color_on(rgba) -> str:
    """Black or white, whichever reads better on a cell of this colour (WCAG luminance)."""
    channels = np.asarray(rgba[:3], dtype=float)
    linear = np.where(channels <= 0.03928, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
    # 0.179: where white and black text have the same contrast ratio
    return "white" if float(linear @ [0.2126, 0.7152, 0.0722]) < 0.179 else "#1A1A1A"


def colormap(name: str):
    """A named colormap whose missing values (NaN) are drawn in the style's grey."""
    from framing.plot.style import MISSING_COLOR

    return plt.get_cmap(name).with_extremes(bad=MISSING_COLOR)


def dot_interval(ax, y, estimate, low, high, colors, *, marker="o", size=22.0) -> None:
    """A dot per row with its interval; rows without an interval (NaN) keep the dot."""
    colors = list(colors)
    ok = np.isfinite(low) & np.isfinite(high)
    ax.hlines(np.asarray(y)[ok], np.asarray(low)[ok], np.asarray(high)[ok],
              colors=[c for c, keep in zip(colors, ok) if keep], linewidth=1.4, zorder=2)
    # unclipped: a share of 0% or 100% sits on the frame and should show whole
    ax.scatter(estimate, y, c=colors, s=size, marker=marker, zorder=3, edgecolors="white",
               linewidths=0.5, clip_on=False)


def reference_line(ax, x: float, label: str, n_rows: int) -> None:
    """A dashed vertical reference line, labelled in a free strip under the last row.

    Call after the x limits are final: the label goes on the side of the line
    with more room. Rows are at y = 0 .. n_rows - 1 (first on top).
    """
    if x is None or not np.isfinite(x):
        ax.set_ylim(n_rows - 0.5, -0.5)
        return
    ax.axvline(x, color="#777777", linestyle="--", linewidth=0.8, zorder=1)
    ax.set_ylim(n_rows + 0.3, -0.5)
    low, high = ax.get_xlim()
    right = (x - low) < 0.6 * (high - low)
    ax.annotate(label, xy=(x, n_rows - 0.05), xytext=(2 if right else -2, 0),
                textcoords="offset points", ha="left" if right else "right", va="center",
                fontsize=plt.rcParams["xtick.labelsize"], color="#555555")


# --------------------------------------------------------------------------- labels


def cell_width(ax=None) -> float:
    """Inches of figure width that belong to ``ax``: its grid cell(s), or the whole figure.

    Known before the layout runs, so labels can be sized when they are set.
    """
    if ax is None:
        return float(plt.rcParams["figure.figsize"][0])
    width = ax.figure.get_figwidth()
    spec = ax.get_subplotspec() if hasattr(ax, "get_subplotspec") else None
    if spec is None:
        return width * ax.get_position().width
    return width * len(spec.colspan) / spec.get_gridspec().ncols


def _cell_left(ax) -> float:
    """Figure fraction where the Axes' grid cell starts (0 for a lone Axes)."""
    spec = ax.get_subplotspec() if hasattr(ax, "get_subplotspec") else None
    if spec is None:
        return max(0.0, ax.get_position().x0 - 0.1)
    return spec.colspan.start / spec.get_gridspec().ncols


def label_width(ax=None, share: float = 0.3) -> int:
    """Characters of a tick label that fit in ``share`` of the Axes' share of the figure."""
    width = cell_width(ax)
    size = font_points(plt.rcParams["ytick.labelsize"])
    return int(max(10, width * 72 * share / (0.58 * size)))


def shorten(name, width: int, max_lines: int = 2) -> str:
    """Wrap a name onto ``max_lines`` lines of ``width`` characters; cut the rest with an ellipsis.

    Examples
    --------
    >>> shorten("Washington Times (blog repost)", 18)
    'Washington Times\\n(blog repost)'
    >>> shorten("New York Times - News", 19)
    'New York Times\\n- News'
    >>> shorten("Agence France-Presse English Wire Service International", 12)
    'Agence\\nFrance-…'
    """
    text = " ".join(str(name).split())
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=True) or [""]
    for i in range(len(lines) - 1):
        # "New York Times -" / "News" reads better as "New York Times" / "- News"
        if lines[i].endswith((" -", " \u2013")):
            lines[i], lines[i + 1] = lines[i][:-2], lines[i][-1] + " " + lines[i + 1]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:max(1, width - 1)].rstrip() + ELLIPSIS
    return "\n".join(lines)


def outlet_labels(names, width: int, max_lines: int = 2) -> tuple[list, dict]:
    """Display labels for names, and {shortened label: full name} for those that were cut."""
    labels, cut = [], {}
    for name in names:
        label = shorten(name, width, max_lines)
        labels.append(label)
        if label.endswith(ELLIPSIS):
            cut[label.replace("\n", " ")] = str(name)
    return labels, cut


def note_shortened(ax, cut: dict) -> None:
    """Keep the full names of cut labels in the figure itself (a static figure has no tooltips)."""
    noted = getattr(ax, "_framing_cut", {})
    known = set(noted.values())
    new = {short: full for short, full in cut.items() if full not in known}
    if new:
        ax._framing_cut = {**noted, **new}
        footnote(ax, "Full names: " + "; ".join(f"{short} = {full}" for short, full in new.items()))


def set_row_labels(ax, positions, names, *, width: int | None = None) -> None:
    """Outlet names as y tick labels, wrapped or cut to fit, full names noted when cut."""
    labels, cut = outlet_labels(names, width or label_width(ax))
    ax.set_yticks(list(positions), labels)
    note_shortened(ax, cut)


def set_column_labels(ax, positions, names, *, width: int | None = None) -> None:
    """Names as x tick labels on one slanted line each (two slanted lines collide)."""
    labels, cut = outlet_labels(names, width or label_width(ax, share=0.28), max_lines=1)
    ax.set_xticks(list(positions), labels, rotation=45, ha="right", rotation_mode="anchor")
    note_shortened(ax, cut)


# --------------------------------------------------------------------------- input


RATES_HINT = "Pass the result of framing.stats.compare_rates(docs, by=...)."


def select_feature(rates: pd.DataFrame, feature) -> tuple[str, str]:
    """(feature, category) named by ``feature`` in a compare_rates table.

    Accepts ``"stance:hedge"``, ``"count:stance:hedge"``, ``("stance", "hedge")``,
    a category alone when unambiguous (``"hedge"``), or None when the table
    holds a single feature.
    """
    require_table(rates, ["feature", "category", "comparison"], what="the rates table",
                  hint=RATES_HINT)
    present = list(dict.fromkeys(zip(rates["feature"].astype(str), rates["category"].astype(str))))
    shown = ", ".join(f"{f}:{c}" for f, c in present[:20]) + (" ..." if len(present) > 20 else "")
    if feature is None:
        if len(present) == 1:
            return present[0]
        raise FramingError(f"the rates table holds {len(present)} features; choose one with "
                           f"feature=, e.g. {', '.join(f'{f}:{c}' for f, c in present[:3])}.")
    if isinstance(feature, tuple):
        wanted = [tuple(map(str, feature))]
    else:
        text = str(feature).removeprefix("count:").removeprefix("rate:")
        wanted = [tuple(text.split(":", 1))] if ":" in text else \
            [(f, c) for f, c in present if c == text]
    found = [w for w in wanted if w in present]
    if len(found) != 1:
        raise FramingError(f"feature {feature!r} is {'ambiguous' if len(found) > 1 else 'not'} "
                           f"in the rates table; available: {shown or 'none'}.")
    return found[0]


def feature_rows(rates: pd.DataFrame, feature, comparison: str) -> tuple[pd.DataFrame, str, str]:
    """Rows of one comparison kind for one feature, in table order, and the feature's names."""
    feat, category = select_feature(rates, feature)
    rows = rates[(rates["comparison"] == comparison) & (rates["feature"].astype(str) == feat)
                 & (rates["category"].astype(str) == category)]
    return rows.reset_index(drop=True), feat, category


def pretty(name) -> str:
    """A category id as words: "according_to" -> "according to"."""
    return str(name).replace("_", " ")


def as_floats(values) -> np.ndarray:
    """Numbers as a float array; anything that is not a number becomes NaN."""
    return np.asarray(pd.to_numeric(pd.Series(values), errors="coerce"), dtype=float)


def fmt_number(value: float, digits: int = 2) -> str:
    """A rate or share with a sensible number of significant digits; NaN as an en dash."""
    if value is None or not np.isfinite(value):
        return "\u2013"
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    return f"{value:.{digits}g}" if magnitude < 0.01 else f"{value:.{digits}f}"
