"""Publication style: palettes, one colour per outlet, figure sizes, embedded fonts.

Two colour-blind-safe qualitative palettes are used for two different jobs,
so that an outlet is never mistaken for a naming variant:

* **outlets** get Paul Tol's *muted* scheme (9 colours; Tol 2021, "Colour
  Schemes", SRON/EPS/TN/09-002, https://personal.sron.nl/~pault/), which stays
  distinguishable under the common colour-vision deficiencies;
* **categories** (naming variants, verb classes, sides of a comparison) get
  the Okabe-Ito palette without its black (7 colours; Okabe & Ito 2008,
  "Color Universal Design", https://jfly.uni-koeln.de/color/).

Sequential values use matplotlib's ``cividis`` (Nuñez, Anderton & Renslow
2018, designed for colour-vision deficiency); signed values use ColorBrewer's
``RdBu`` (Brewer 2003; its red-blue endpoints survive deuteranopia).

Colours are handed out by registries in first-seen order: an outlet keeps its
colour in every figure of a session, and the same names seen in the same order
get the same colours in every session.
"""

from __future__ import annotations

import contextlib

import matplotlib as mpl
from cycler import cycler

from framing._warnings import FramingError, warn

#: Paul Tol's muted qualitative scheme, in his recommended order (outlets).
TOL_MUTED = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99",
             "#999933", "#AA4499")
#: Okabe-Ito palette without black (categories such as naming variants); its
#: yellow, faint on white, comes last so that families of up to six variants avoid it.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442")
#: Paul Tol's light scheme, used after the muted one when a figure has more
#: than nine outlets.
TOL_LIGHT = ("#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33",
             "#AAAA00")
#: Colours after Okabe-Ito's seven for families with more variants (Tol's dark
#: muted tones, which none of Okabe-Ito's resemble).
CATEGORY_EXTRA = ("#882255", "#332288", "#999933", "#44AA99", "#AA4499")
#: Tol's colour for missing data: cells and bars without a value.
MISSING_COLOR = "#DDDDDD"
#: Neutral colour for reference lines, "rest of the corpus", non-significant points.
NEUTRAL_COLOR = "#777777"
SEQUENTIAL_CMAP = "cividis"
DIVERGING_CMAP = "RdBu_r"

#: Figure widths (inches) and base font size (points). Widths follow Nature's
#: column widths (89 mm, 120 mm, 183 mm), which fit most journals' columns.
SIZES = {
    "one_column": (3.5, 8.0),
    "one_and_half": (4.7, 8.0),
    "two_column": (7.2, 8.0),
    "notebook": (6.4, 10.0),
    "slide": (10.0, 14.0),
}


def rc_params(size: str = "one_column", *, font_size: float | None = None,
              aspect: float = 0.62) -> dict:
    """The rcParams of the framing publication style.

    Parameters
    ----------
    size : str, default "one_column"
        One of :data:`SIZES`: ``"one_column"`` (3.5 in wide), ``"one_and_half"``
        (4.7 in), ``"two_column"`` (7.2 in), ``"notebook"`` (6.4 in, 10 pt) or
        ``"slide"`` (10 in, 14 pt).
    font_size : float, optional
        Base font size in points (default: the size's own, 8 pt for papers).
    aspect : float, default 0.62
        Height / width of the default figure size. framing's plot functions
        choose their own height from the number of rows; this is for the rest.

    Returns
    -------
    dict
        rcParams, for :func:`matplotlib.rc_context` or ``rcParams.update``.

    Examples
    --------
    >>> rc_params("two_column")["figure.figsize"]
    (7.2, 4.464)
    """
    if size not in SIZES:
        raise FramingError(f"size must be one of {', '.join(SIZES)}, got {size!r}.")
    width, base = SIZES[size]
    base = float(font_size or base)
    small = base - 1 if base <= 10 else base - 2
    return {
        # DejaVu Sans ships with matplotlib: the output never depends on system fonts
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans"],
        "font.size": base,
        "axes.titlesize": base,
        "axes.titlelocation": "left",
        "axes.labelsize": base,
        "xtick.labelsize": small,
        "ytick.labelsize": small,
        "legend.fontsize": small,
        "legend.title_fontsize": small,
        "legend.frameon": False,
        "figure.titlesize": base + 1,
        "figure.figsize": (width, round(width * aspect, 3)),
        "figure.dpi": 100,
        "figure.constrained_layout.use": True,
        "savefig.dpi": 300,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.linewidth": 0.6,
        "axes.edgecolor": "#333333",
        "axes.prop_cycle": cycler(color=list(TOL_MUTED)),
        "grid.color": "#E6E6E6",
        "grid.linewidth": 0.5,
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "xtick.major.size": 2.5,
        "ytick.major.size": 2.5,
        "lines.linewidth": 1.2,
        "lines.markersize": 4.0,
        "patch.linewidth": 0.5,
        "image.cmap": SEQUENTIAL_CMAP,
        **SAVE_PARAMS,
    }


#: What makes saved files portable and byte-identical: TrueType fonts embedded
#: in PDF (Type 42, editable in Illustrator/Inkscape), text as paths in SVG (no
#: font needed to view it; SVG cannot embed fonts) and a fixed hash salt for
#: SVG element ids (otherwise random per run).
SAVE_PARAMS = {
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.fonttype": "path",
    "svg.hashsalt": "framing",
    "svg.id": "framing-figure",
}


@contextlib.contextmanager
def style(size: str = "one_column", *, font_size: float | None = None, aspect: float = 0.62,
          **overrides):
    """Use the framing publication style inside a ``with`` block.

    Parameters
    ----------
    size : str, default "one_column"
        Figure width and font size: see :func:`rc_params`.
    font_size : float, optional
        Base font size in points.
    aspect : float, default 0.62
        Height / width of figures not sized by framing.
    **overrides
        Further rcParams, with dots written as in matplotlib
        (pass them as ``**{"axes.grid": True}``).

    Examples
    --------
    >>> import framing.plot as fp
    >>> with fp.style("two_column"):
    ...     import matplotlib.pyplot as plt
    ...     plt.rcParams["figure.figsize"][0]
    7.2
    """
    with mpl.rc_context({**rc_params(size, font_size=font_size, aspect=aspect), **overrides}):
        yield


def use_style(size: str = "one_column", *, font_size: float | None = None, aspect: float = 0.62,
              **overrides) -> None:
    """Switch the framing publication style on for the rest of the session.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> import framing.plot as fp
    >>> with mpl.rc_context():
    ...     fp.use_style("notebook")
    ...     mpl.rcParams["font.size"]
    10.0
    """
    mpl.rcParams.update({**rc_params(size, font_size=font_size, aspect=aspect), **overrides})


# --------------------------------------------------------------------------- colour registries


class ColorRegistry:
    """Hands out palette colours to names in first-seen order and remembers them.

    Examples
    --------
    >>> reg = ColorRegistry(("#000000", "#FFFFFF"), what="things")
    >>> reg.colors(["b", "a"])
    {'b': '#000000', 'a': '#FFFFFF'}
    >>> reg.colors(["a"])
    {'a': '#FFFFFF'}
    """

    def __init__(self, palette, *, what: str):
        self.palette = tuple(palette)
        self.what = what
        self._assigned: dict[str, str] = {}

    def colors(self, names) -> dict:
        out = {}
        for name in names:
            key = str(name)
            if key not in self._assigned:
                self._assigned[key] = self.palette[len(self._assigned) % len(self.palette)]
            out[key] = self._assigned[key]
        if len(set(out.values())) < len(out):
            # only a figure in which two names share a colour is a problem worth a warning
            warn(f"{len(out)} {self.what} in one figure but {len(self.palette)} colours (and "
                 f"{len(self._assigned)} {self.what} seen this session): some share a colour; "
                 "labels still tell them apart. framing.plot.reset_colors() starts afresh.")
        return out

    def reset(self) -> None:
        self._assigned.clear()


_OUTLETS = ColorRegistry(TOL_MUTED + TOL_LIGHT, what="outlets")
_CATEGORIES: dict[str, ColorRegistry] = {}


def outlet_colors(names) -> dict:
    """One fixed colour per outlet for the whole session.

    New names get the next colour of Paul Tol's muted palette in the order
    they are first seen; known names keep theirs. The same names seen in the
    same order give the same colours in every session.

    Parameters
    ----------
    names : iterable of str

    Returns
    -------
    dict
        name -> hex colour, in the order given (duplicates once).

    Examples
    --------
    >>> reset_colors()
    >>> outlet_colors(["Fox", "CNN"])
    {'Fox': '#CC6677', 'CNN': '#332288'}
    >>> outlet_colors(["CNN", "NPR"])["CNN"]
    '#332288'
    """
    return _OUTLETS.colors(names)


def category_colors(names, namespace: str = "") -> dict:
    """One fixed colour per category (variant, class) within a namespace, e.g. a naming family.

    Okabe-Ito colours in first-seen order; each namespace starts from the first
    colour, so the variants of every family use the most distinct colours.

    Examples
    --------
    >>> reset_colors()
    >>> category_colors(["ISIS", "Daesh"], namespace="isis")
    {'ISIS': '#E69F00', 'Daesh': '#56B4E9'}
    """
    registry = _CATEGORIES.setdefault(str(namespace), ColorRegistry(
        OKABE_ITO + CATEGORY_EXTRA, what=f"categories of {namespace!r}" if namespace else "categories"))
    return registry.colors(names)


def reset_colors() -> None:
    """Forget every colour handed out (outlets and categories), e.g. before a new figure set.

    Examples
    --------
    >>> reset_colors()
    """
    _OUTLETS.reset()
    _CATEGORIES.clear()
