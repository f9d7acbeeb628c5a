"""Deterministic placement of point labels without overlaps (a greedy search, no randomness).

Labels are placed one at a time, most important first. Each tries a fixed
list of positions around its point, nearest first, and takes the first whose
box stays inside the Axes and overlaps neither a label already placed nor a
labelled point; among those, a position clear of all other points is
preferred. A label with no free position is left out: a hidden label is
better than an unreadable one. Labels get a thin white halo, so the few that
must sit on a cloud of points stay legible. Positions are offsets in points
from the data point, so they survive saving at another dpi.

Occupied space is kept in two coarse pixel grids (labels and labelled points
that must not be covered; every other point, better not covered), so each
test is one array slice whatever the number of points.
"""

from __future__ import annotations

import matplotlib.patheffects as pe
import numpy as np

#: Distances (points) from the point to the nearest edge of the label, tried in order.
RADII = (1.5, 5.0, 10.0, 16.0, 24.0, 34.0)
#: Directions (degrees), tried in order at each distance: right, left, up, down, then diagonals.
ANGLES = (0, 180, 90, 270, 30, 150, 330, 210, 60, 120, 300, 240)
PAD = 1.0            # points of air kept around each label
LEADER_FROM = 8.0    # labels further than this from their point get a thin leader line
CELL = 2.0           # pixels per cell of the occupancy grids
SOFT_REACH = 16.0    # points: how far a label may move to find space clear of other points


class _Grid:
    """A boolean raster over the Axes: which cells are taken."""

    def __init__(self, frame):
        self.x0, self.y0 = frame.x0, frame.y0
        self.cells = np.zeros((int(frame.height // CELL) + 2, int(frame.width // CELL) + 2), bool)

    def _slice(self, box):
        i0 = max(int((box[1] - self.y0) // CELL), 0)
        i1 = max(int((box[3] - self.y0) // CELL) + 1, 0)
        j0 = max(int((box[0] - self.x0) // CELL), 0)
        j1 = max(int((box[2] - self.x0) // CELL) + 1, 0)
        return slice(i0, i1), slice(j0, j1)

    def free(self, box) -> bool:
        return not self.cells[self._slice(box)].any()

    def take(self, box) -> None:
        self.cells[self._slice(box)] = True

    def take_points(self, pixels: np.ndarray, radius: float) -> None:
        """Mark many points at once (a square of cells around each)."""
        reach = int(np.ceil(radius / CELL))
        rows = ((pixels[:, 1] - self.y0) // CELL).astype(np.int64)
        cols = ((pixels[:, 0] - self.x0) // CELL).astype(np.int64)
        high_i, high_j = self.cells.shape
        for di in range(-reach, reach + 1):
            for dj in range(-reach, reach + 1):
                i, j = rows + di, cols + dj
                ok = (i >= 0) & (i < high_i) & (j >= 0) & (j < high_j)
                self.cells[i[ok], j[ok]] = True


def place_labels(ax, x, y, texts, *, colors=None, fontsize=None, point_size: float = 2.5,
                 others=None) -> list:
    """Annotate points with labels that do not overlap one another; return the placed annotations.

    Parameters
    ----------
    ax : matplotlib Axes
        Its limits must be final: positions are computed in display space.
    x, y : array-like
        Data coordinates of the points to label, most important first.
    texts : list of str
    colors : list, optional
        Text colour per label.
    fontsize : float, optional
    point_size : float, default 2.5
        Radius (points) of the markers, kept free of labels.
    others : array-like of shape (n, 2), optional
        Every other point drawn (data coordinates): labels avoid them when they can.

    Returns
    -------
    list of matplotlib.text.Annotation
        One per label placed (unplaceable labels are not drawn).
    """
    fig = ax.figure
    fig.draw_without_rendering()           # run the layout, so display positions are final
    renderer = fig.canvas.get_renderer()
    scale = fig.dpi / 72.0                 # points -> pixels
    frame = ax.get_window_extent(renderer)
    points = ax.transData.transform(np.column_stack([x, y]).astype(float))
    hard, soft = _Grid(frame), _Grid(frame)
    radius = point_size * scale
    for p in points:
        hard.take(_point_box(p, radius))
    if others is not None and len(others):
        pixels = ax.transData.transform(np.asarray(others, dtype=float))
        soft.take_points(pixels[np.isfinite(pixels).all(axis=1)], radius * 0.6)
    halo = [pe.withStroke(linewidth=2.0, foreground="white", alpha=0.85)]
    placed = []
    for i, (point, text) in enumerate(zip(points, texts)):
        style = {"fontsize": fontsize, "color": None if colors is None else colors[i],
                 "zorder": 5, "path_effects": halo}
        width, height = _size(ax, text, fontsize, renderer)
        spot = _free_spot(point, width, height, scale, frame, hard, soft)
        if spot is None:
            continue
        (dx, dy), box, ha, va = spot
        leader = None
        if np.hypot(dx, dy) / scale > LEADER_FROM:
            leader = {"arrowstyle": "-", "color": "#8C8C8C", "linewidth": 0.4, "shrinkA": 0.5,
                      "shrinkB": point_size}
        placed.append(ax.annotate(text, xy=(x[i], y[i]), xytext=(dx / scale, dy / scale),
                                  textcoords="offset points", ha=ha, va=va, arrowprops=leader,
                                  **style))
        hard.take(box)
    return placed


def _size(ax, text, fontsize, renderer) -> tuple[float, float]:
    """Width and height (pixels) of a label, measured on a throw-away text."""
    probe = ax.text(0, 0, text, fontsize=fontsize)
    box = probe.get_window_extent(renderer)
    probe.remove()
    return box.width, box.height


def _point_box(p, radius: float) -> tuple:
    return (p[0] - radius, p[1] - radius, p[0] + radius, p[1] + radius)


def _candidates(point, width, height, scale):
    """Label boxes around a point, nearest first: (offset px, box, ha, va)."""
    pad = PAD * scale
    for radius in RADII:
        gap = radius * scale
        for angle in ANGLES:
            cos, sin = np.cos(np.radians(angle)), np.sin(np.radians(angle))
            # anchor the label's near side (or corner) at the gap, so it never covers the point
            dx, dy = gap * cos, gap * sin
            ha = "left" if cos > 0.3 else "right" if cos < -0.3 else "center"
            va = "bottom" if sin > 0.3 else "top" if sin < -0.3 else "center"
            left = point[0] + dx - {"left": 0.0, "center": width / 2, "right": width}[ha]
            bottom = point[1] + dy - {"bottom": 0.0, "center": height / 2, "top": height}[va]
            box = (left - pad, bottom - pad, left + width + pad, bottom + height + pad)
            yield radius, ((dx, dy), box, ha, va)


def _free_spot(point, width, height, scale, frame, hard, soft):
    """A nearby candidate clear of all points, else the nearest one clear of labels; or None.

    Clear space further than SOFT_REACH is not worth a long leader line: a
    label close to its point over a few others (with its halo) reads better.
    """
    fallback = None
    for radius, candidate in _candidates(point, width, height, scale):
        box = candidate[1]
        if not _inside(box, frame) or not hard.free(box):
            continue
        if radius <= SOFT_REACH and soft.free(box):
            return candidate
        if fallback is None:
            fallback = candidate
    return fallback


def _inside(box, frame) -> bool:
    return box[0] >= frame.x0 and box[1] >= frame.y0 and box[2] <= frame.x1 and box[3] <= frame.y1
