"""Saving figures so that the same data give the same files, byte for byte."""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl

from framing._warnings import FramingError
from framing.plot.style import SAVE_PARAMS

FORMATS = ("png", "svg", "pdf")


def _metadata(fmt: str, creator: str) -> dict:
    """Fixed metadata per format: no creation dates, no host or version drift beyond ours."""
    if fmt == "png":
        return {"Software": creator}
    if fmt == "svg":
        return {"Date": None, "Creator": creator}
    if fmt == "pdf":
        return {"CreationDate": None, "ModDate": None, "Creator": creator, "Producer": creator}
    return {}


def save_figure(fig, path_stem, formats=FORMATS, *, dpi: float | None = None,
                creator: str | None = None, bbox_inches=None) -> list:
    """Write a figure as PNG, SVG and PDF files that are identical for identical input.

    Parameters
    ----------
    fig : matplotlib.figure.Figure or matplotlib.axes.Axes
        The figure (an Axes stands for its figure).
    path_stem : str or pathlib.Path
        Path without extension; ``"figures/naming"`` writes
        ``figures/naming.png`` etc. Missing folders are created.
    formats : sequence of str, default ("png", "svg", "pdf")
    dpi : float, optional
        Resolution of the PNG (default: ``rcParams["savefig.dpi"]``, 300 in
        the framing style).
    creator : str, optional
        Creator/Producer/Software written into the files (default
        ``"framing <version> (matplotlib <version>)"``).
    bbox_inches : None or "tight", default None
        None keeps the figure's exact size (3.5 in wide stays 3.5 in, as a
        journal column needs); "tight" crops to the drawn content.

    Returns
    -------
    list of pathlib.Path
        The files written, in the order of ``formats``.

    Notes
    -----
    What would otherwise change between runs is fixed: SVG element ids derive
    from ``svg.hashsalt`` (set here), the SVG/PDF creation dates are left out,
    and the PNG carries only a fixed "Software" text chunk. Fonts are DejaVu
    Sans, embedded in PDFs as TrueType subsets and drawn as paths in SVGs.
    Identical bytes need identical software: another matplotlib or FreeType
    version may place a glyph one pixel differently.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, tempfile, os
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([0, 1], [0, 1])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     paths = save_figure(fig, os.path.join(d, "line"))
    ...     [p.suffix for p in paths]
    ['.png', '.svg', '.pdf']
    >>> plt.close(fig)
    """
    if not hasattr(fig, "savefig") and hasattr(fig, "figure"):
        fig = fig.figure          # an Axes
    if not hasattr(fig, "savefig"):
        raise FramingError(f"save_figure needs a matplotlib Figure or Axes, got "
                           f"{type(fig).__name__}.")
    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise FramingError(f"unsupported format(s) {', '.join(unknown)}; choose from "
                           f"{', '.join(FORMATS)}.")
    if creator is None:
        import framing

        creator = f"framing {framing.__version__} (matplotlib {mpl.__version__})"
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    written = []
    # the save-time parameters are read when the file is written, so set them
    # here: a figure drawn inside framing.plot.style() may be saved outside it
    with mpl.rc_context(SAVE_PARAMS):
        for fmt in formats:
            path = stem.with_name(stem.name + "." + fmt)
            fig.savefig(path, format=fmt, dpi=dpi, metadata=_metadata(fmt, creator),
                        bbox_inches=bbox_inches)
            written.append(path)
    return written
