"""How alike outlets' framing profiles are: Jensen-Shannon heatmap and dendrogram."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator
from scipy.cluster import hierarchy
from scipy.spatial.distance import squareform

from framing._warnings import FramingError
from framing.plot import _common as cm
from framing.plot.style import SEQUENTIAL_CMAP, outlet_colors

SIM_HINT = "Pass the result of framing.stats.similarity(docs, by=..., features=...)."
ORDERS = ("cluster", "table")
LINKAGES = ("average", "complete", "single", "weighted")


def jsd_matrix(sim: pd.DataFrame) -> pd.DataFrame:
    """The symmetric groups x groups divergence matrix of a similarity table (diagonal 0).

    Examples
    --------
    >>> sim = pd.DataFrame({"group_a": ["A", "B"], "group_b": ["B", "A"], "jsd": [0.2, 0.2]})
    >>> jsd_matrix(sim)
         A    B
    A  0.0  0.2
    B  0.2  0.0
    """
    cm.require_table(sim, ["group_a", "group_b", "jsd"], what="the similarity table", hint=SIM_HINT)
    names = list(dict.fromkeys(sim["group_a"].astype(str).tolist()
                               + sim["group_b"].astype(str).tolist()))
    matrix = pd.DataFrame(np.nan, index=names, columns=names)
    for a, b, value in zip(sim["group_a"].astype(str), sim["group_b"].astype(str),
                           cm.as_floats(sim["jsd"])):
        matrix.loc[a, b] = value
        if np.isnan(matrix.loc[b, a]):      # one direction suffices: JSD is symmetric
            matrix.loc[b, a] = value
    for name in names:
        matrix.loc[name, name] = 0.0
    return matrix


def _complete(matrix: pd.DataFrame) -> list:
    """The largest set of groups whose divergences are all known, found greedily.

    A group without counts has NaN divergences to every other group; dropping
    it (the group with most NaNs first) leaves the others complete.
    """
    names = list(matrix.index)
    while names:
        missing = np.isnan(matrix.loc[names, names].to_numpy(float)).sum(axis=1)
        if missing.max() == 0:
            return names
        names.pop(int(np.flatnonzero(missing == missing.max())[-1]))
    return names


def _linkage(matrix: pd.DataFrame, names: list, method: str):
    values = matrix.loc[names, names].to_numpy(float)
    values = (values + values.T) / 2          # exact symmetry for squareform
    np.fill_diagonal(values, 0.0)
    return hierarchy.linkage(squareform(np.maximum(values, 0.0), checks=False), method=method,
                             optimal_ordering=len(names) > 2)


def similarity_heatmap(sim: pd.DataFrame, *, order: str = "cluster", method: str = "average",
                       annotate: bool = True, title: str | None = None, ax=None):
    """Jensen-Shannon divergence between every two outlets, as a heatmap.

    Parameters
    ----------
    sim : pandas.DataFrame
        :func:`framing.stats.similarity` output (``group_a``, ``group_b``, ``jsd``).
    order : {"cluster", "table"}, default "cluster"
        ``"cluster"`` orders outlets as the leaves of the dendrogram
        (hierarchical clustering with optimal leaf ordering), so similar outlets
        sit next to each other; ``"table"`` keeps the table's order.
    method : str, default "average"
        Linkage for ``order="cluster"`` (see :func:`dendrogram`).
    annotate : bool, default True
        Write the divergence in each cell. Values below 0.01 are shown in units
        of 10^-3 bits (noted in the colour bar) so that they stay legible.
    title : str, optional
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    The diagonal (an outlet with itself) is left blank. A group without
    counts has undefined divergences, shown as grey cells.

    Examples
    --------
    >>> sim = pd.DataFrame({"group_a": ["A", "B", "A", "C", "B", "C"],
    ...                     "group_b": ["B", "A", "C", "A", "C", "B"],
    ...                     "jsd": [0.1, 0.1, 0.3, 0.3, 0.2, 0.2]})
    >>> ax = similarity_heatmap(sim)
    >>> len(ax.texts)
    6
    """
    if order not in ORDERS:
        raise FramingError(f"order must be one of {', '.join(ORDERS)}, got {order!r}.")
    matrix = jsd_matrix(sim)
    names = list(matrix.index)
    outlet_colors(names)
    if order == "cluster":
        names = _leaf_order(matrix, method)
        matrix = matrix.loc[names, names]
    longest = max((len(n) for n in names), default=4)
    ax, owned = cm.new_axes(ax, len(names), base_lines=8 + 0.35 * min(longest, 30), min_height=2.2)
    if not names:
        cm.empty_note(ax, "no groups to compare")
        return ax
    values = matrix.to_numpy(float)
    shown = values.copy()
    np.fill_diagonal(shown, np.nan)
    top = np.nanmax(shown) if np.isfinite(shown).any() else 1.0
    factor, unit = _scale(top)
    cmap = cm.colormap(SEQUENTIAL_CMAP)
    mesh = ax.pcolormesh(np.ma.masked_invalid(shown * factor), cmap=cmap, vmin=0,
                         vmax=max(top * factor, 1e-12), edgecolors="white", linewidth=0.6)
    bar = ax.figure.colorbar(mesh, ax=ax, fraction=0.05, pad=0.02, aspect=25)
    bar.set_label("JS divergence" + unit)
    bar.outline.set_visible(False)
    if annotate:
        _annotate(ax, shown * factor, mesh, digits=1 if factor > 1 else 2)
    k = len(names)
    ax.set_xlim(0, k)
    ax.set_ylim(k, 0)
    cm.set_column_labels(ax, np.arange(k) + 0.5, names)
    cm.set_row_labels(ax, np.arange(k) + 0.5, names, width=cm.label_width(ax, share=0.25))
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    cm.set_title(ax, title or _title(sim, "Similarity of outlets"))
    return ax


def _scale(top: float) -> tuple[float, str]:
    """Show divergences below 0.1 bit in thousandths: "4.2" reads better than "0.0042"."""
    if 0 < top < 0.1:
        return 1000.0, " (\u00d710\u207b\u00b3 bits)"
    return 1.0, " (bits)"


def _leaf_order(matrix: pd.DataFrame, method: str) -> list:
    complete = _complete(matrix)
    rest = [n for n in matrix.index if n not in complete]
    if len(complete) < 3:
        return complete + rest
    leaves = hierarchy.leaves_list(_linkage(matrix, complete, method))
    return [complete[i] for i in leaves] + rest


def _annotate(ax, values, mesh, digits: int) -> None:
    size = max(5.0, cm.font_points(plt.rcParams["xtick.labelsize"]) - 1)
    for (i, j), value in np.ndenumerate(values):
        if i == j:
            continue
        if np.isnan(value):
            ax.text(j + 0.5, i + 0.5, "n/a", ha="center", va="center", fontsize=size,
                    color="#555555")
            continue
        text = f"{value:.{digits}f}" if value < 9.95 else f"{value:.0f}"
        ax.text(j + 0.5, i + 0.5, text, ha="center", va="center", fontsize=size,
                color=cm.text_color_on(mesh.cmap(mesh.norm(value))))


def _title(sim: pd.DataFrame, start: str) -> str:
    categories = sim.attrs.get("categories") or []
    families = list(dict.fromkeys(str(c).split(":")[0] for c in categories))
    return f"{start}: {', '.join(cm.pretty(f) for f in families)} profile" if families else start


def dendrogram(sim: pd.DataFrame, *, method: str = "average", title: str | None = None, ax=None):
    """Hierarchical clustering of outlets by the Jensen-Shannon divergence of their profiles.

    Parameters
    ----------
    sim : pandas.DataFrame
        :func:`framing.stats.similarity` output.
    method : {"average", "complete", "single", "weighted"}, default "average"
        Linkage of :func:`scipy.cluster.hierarchy.linkage`. Average linkage
        (UPGMA) needs no metric, which JSD is not (its square root is); Ward
        and centroid linkage assume Euclidean distances and are not offered.
    title : str, optional
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Groups without counts (undefined divergences) are left out and named
    under the plot. Leaves are in optimal order (Bar-Joseph et al. 2001), so
    the tree and :func:`similarity_heatmap` list outlets in the same order.

    Examples
    --------
    >>> sim = pd.DataFrame({"group_a": ["A", "B", "A", "C", "B", "C"],
    ...                     "group_b": ["B", "A", "C", "A", "C", "B"],
    ...                     "jsd": [0.1, 0.1, 0.3, 0.3, 0.2, 0.2]})
    >>> ax = dendrogram(sim)
    >>> ax.get_xlabel()
    'Jensen-Shannon divergence (bits)\\naverage linkage'
    """
    if method not in LINKAGES:
        raise FramingError(f"method must be one of {', '.join(LINKAGES)}, got {method!r}.")
    matrix = jsd_matrix(sim)
    names = _complete(matrix)
    left_out = [n for n in matrix.index if n not in names]
    outlet_colors(list(matrix.index))
    ax, owned = cm.new_axes(ax, max(len(names), 2), base_lines=6)
    if len(names) < 2:
        cm.empty_note(ax, "a dendrogram needs at least two groups with counts")
        return ax
    tree = _linkage(matrix, names, method)
    width = cm.label_width(ax)
    labels, cut = cm.outlet_labels(names, width)
    # leaves on the left with their names, root on the right: names read horizontally
    hierarchy.dendrogram(tree, labels=labels, orientation="right", ax=ax,
                         link_color_func=lambda _: "#333333",
                         leaf_font_size=cm.font_points(plt.rcParams["ytick.labelsize"]))
    # scipy draws the first leaf at the bottom; read top-down like the heatmap
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x")
    ax.set_axisbelow(True)
    factor, unit = _scale(float(tree[:, 2].max()))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v * factor:g}"))
    ax.set_xlabel(f"Jensen-Shannon divergence{unit}\n{method} linkage")
    cm.set_title(ax, title or _title(sim, "Clustering of outlets"))
    notes = [f"No counts: {', '.join(left_out)}"] if left_out else []
    if cut:
        notes.append("Full names: " + "; ".join(f"{s} = {f}" for s, f in cut.items()))
    if notes:
        cm.footnote(ax, ". ".join(notes))
    return ax
