"""Keyword in context as an HTML table for notebooks and reports, every corpus string escaped."""

from __future__ import annotations

import html

import pandas as pd

from framing.plot import _common as cm

KWIC_HINT = "Pass the result of framing.kwic(corpus, matches)."
#: Metadata columns shown before the context when present.
DEFAULT_COLUMNS = ("source", "doc_id", "label")
HIGHLIGHT = "#FFE08A"          # light amber: legible black text, visible in greyscale print


class KwicHTML:
    """HTML that notebooks display (``_repr_html_``); ``.data`` and ``str()`` give the HTML.

    Examples
    --------
    >>> view = KwicHTML("<table></table>", n_rows=0, n_total=0)
    >>> str(view)
    '<table></table>'
    """

    def __init__(self, data: str, *, n_rows: int, n_total: int):
        self.data = data
        self.n_rows = n_rows
        self.n_total = n_total

    def _repr_html_(self) -> str:
        return self.data

    def __str__(self) -> str:
        return self.data

    def __repr__(self) -> str:
        return f"<KwicHTML: {self.n_rows} of {self.n_total} matches; .data holds the HTML>"

    def save(self, path) -> None:
        """Write a standalone HTML page (UTF-8)."""
        page = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>KWIC</title></head>"
                f"<body>\n{self.data}\n</body></html>\n")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(page)


def kwic_html(kwic_table: pd.DataFrame, *, columns=DEFAULT_COLUMNS, max_rows: int | None = 200,
              highlight: str = HIGHLIGHT, caption: str | None = None) -> KwicHTML:
    """Render a KWIC table as HTML: left context, the match highlighted, right context.

    Parameters
    ----------
    kwic_table : pandas.DataFrame
        :func:`framing.kwic` output (``left``, ``match``, ``right`` and metadata).
    columns : sequence of str, default ("source", "doc_id", "label")
        Metadata columns shown before the context, those present in the table.
    max_rows : int or None, default 200
        Rows rendered (None: all); the caption says how many were left out.
    highlight : str, default "#FFE08A"
        Background colour of the match (a CSS colour).
    caption : str, optional
        Table caption (escaped like everything else).

    Returns
    -------
    KwicHTML
        Displays as a table in Jupyter; ``.data`` and ``str()`` give the HTML.

    Notes
    -----
    Every string from the corpus (context, match, metadata, caption) passes
    through :func:`html.escape`, so an article containing ``<script>`` shows as
    text and cannot run in the notebook or report. Styles are inline, so the
    table looks the same in a notebook, a report page or an e-mail.

    Examples
    --------
    >>> table = pd.DataFrame({"source": ["X"], "doc_id": ["d1"], "left": ["a <b> "],
    ...                       "match": ["claimed"], "right": [" it"]})
    >>> view = kwic_html(table)
    >>> "&lt;b&gt;" in view.data and "<mark" in view.data
    True
    """
    cm.require_table(kwic_table, ["left", "match", "right"], what="the KWIC table",
                     hint=KWIC_HINT)
    shown = [c for c in columns if c in kwic_table.columns]
    total = len(kwic_table)
    rows = kwic_table if max_rows is None else kwic_table.head(max_rows)
    cell = "padding:2px 6px;border-bottom:1px solid #e5e5e5;vertical-align:top;"
    head = "".join(f'<th style="{cell}text-align:left">{_text(c)}</th>' for c in shown)
    head += (f'<th style="{cell}text-align:right">left</th>'
             f'<th style="{cell}text-align:center">match</th>'
             f'<th style="{cell}text-align:left">right</th>')
    body = []
    for values in rows[list(dict.fromkeys([*shown, "left", "match", "right"]))].to_dict("records"):
        meta = "".join(f'<td style="{cell}white-space:nowrap">{_text(values[c])}</td>'
                       for c in shown)
        body.append(
            f"<tr>{meta}"
            f'<td style="{cell}text-align:right;color:#444">{_text(values["left"])}</td>'
            f'<td style="{cell}text-align:center;white-space:nowrap">'
            f'<mark style="background:{_text(highlight)};padding:0 2px;font-weight:600">'
            f'{_text(values["match"])}</mark></td>'
            f'<td style="{cell}text-align:left;color:#444">{_text(values["right"])}</td></tr>')
    note = caption if caption is not None else "Keyword in context"
    if len(rows) < total:
        note += f" (first {len(rows):,} of {total:,} matches)"
    data = (f'<table class="framing-kwic" style="border-collapse:collapse;font-size:13px;'
            f'font-family:sans-serif">'
            f'<caption style="text-align:left;padding:2px 6px;color:#555">{_text(note)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
    return KwicHTML(data, n_rows=len(rows), n_total=total)


def _text(value) -> str:
    """Escape any value for HTML text or attributes; missing values are empty."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)
