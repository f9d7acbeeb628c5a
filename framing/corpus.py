"""Loading a corpus: files, folders or a DataFrame in, the corpus table out.

The **corpus** table has one row per article:

========== ==============================================================
doc_id     str, unique
source     str, the publisher of the page ("unknown" when not given)
origin     str or NA, who wrote the story ("AP", "Reuters", the outlet)
date       datetime64, NaT when unknown or unparseable
date_precision  "day", "month", "year" or NA: how much of ``date`` was given
title      str or NA
author     str or NA
url        str or NA
text       str, the cleaned text that every offset in framing refers to
raw_text   str, the text as read, before cleaning
========== ==============================================================

plus ``origin_evidence`` (the credit line the origin was read from, or None;
present unless ``detect_origin=False``), and every other input column as is. ``corpus.attrs["warnings"]`` lists what was worked
around while loading and ``corpus.attrs["column_map"]`` which input column
became which corpus column.
"""

from __future__ import annotations

import io
import json
import logging
import re
from pathlib import Path

import numpy as np
import pandas as pd

from framing._io import decode_bytes, describe_decoding, read_text_file
from framing._warnings import CorpusError, warn

log = logging.getLogger("framing")

# Column names tried, in order, when a keyword argument does not name the column.
CANDIDATES = {
    "text": ["text", "body", "content", "article", "full_text", "fulltext", "content_original",
             "story", "article_text", "maintext"],
    "source": ["source", "outlet", "publisher", "media", "medium", "publication", "site",
               "newspaper", "media_outlet", "sitename", "domain"],
    "doc_id": ["doc_id", "id", "article_id", "docid", "uid", "uuid"],
    "date": ["date", "published", "publish_date", "published_at", "pub_date", "date_publish",
             "datetime", "timestamp", "time"],
    "title": ["title", "headline", "heading"],
    "author": ["author", "authors", "byline"],
    "url": ["url", "link", "href"],
    "origin": ["origin", "wire", "credit", "agency"],
}
META_COLUMNS = ["origin", "date", "title", "author", "url"]
TABLE_EXTENSIONS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".json": "json",
                    ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
PAGE_EXTENSIONS = {".txt": "txt", ".html": "html", ".htm": "html"}
COMPRESSIONS = {".gz", ".bz2", ".xz", ".zip", ".zst"}
MANIFEST_NAMES = ("manifest.csv", "MANIFEST.csv")


# --------------------------------------------------------------------------- public API


def load_corpus(obj, *, text=None, source=None, doc_id=None, date=None, title=None,
                origin=None, author=None, url=None, clean=True, encoding=None,
                format=None, manifest=None, detect_origin=True, on_bad_line="raise"):
    """Load articles into the corpus table.

    Parameters
    ----------
    obj : str, Path, pandas.DataFrame or list of paths
        A DataFrame; a CSV/TSV, JSON/JSONL or Parquet file (optionally
        compressed); a single ``.txt`` or ``.html`` page; or a folder of
        ``.txt``/``.html`` pages with an optional ``manifest.csv`` beside them
        (columns ``file`` and any of ``doc_id, source, origin, date, title,
        author, url``).
    text, source, doc_id, date, title, origin, author, url : str, optional
        Input column holding each corpus column. When omitted, common names
        are tried (``body``/``content`` for text, ``outlet``/``publisher``/
        ``media`` for source, ...) and the guess is logged. ``doc_id=False``
        ignores any id column and numbers the rows.
    clean : bool, default True
        Remove page furniture with :func:`framing.clean_text`; the text as
        read is kept in ``raw_text``.
    encoding : str, optional
        Encoding of text files. By default UTF-8 (or the byte-order mark's
        encoding), with undecodable bytes read as cp1252 and counted in a
        warning.
    format : str, optional
        Force a reader: ``csv``, ``tsv``, ``json``, ``jsonl``, ``parquet``,
        ``txt`` or ``html``, when the file extension does not say.
    manifest : str or Path, optional
        Metadata table for a folder of pages, when not ``manifest.csv`` inside it.
    detect_origin : bool, default True
        Fill ``origin`` from credit lines in the text ("(AP)", "told Reuters",
        "[L5N...]", "Source: ...") where no column or manifest gives it.
    on_bad_line : {"raise", "skip"}, default "raise"
        What to do with a JSONL line that is not valid JSON: stop with an error
        naming the line, or skip it with a warning that names it.

    Returns
    -------
    pandas.DataFrame
        The corpus table described in the module docstring.

    Raises
    ------
    framing.CorpusError
        For a missing path, unknown extension, empty folder, absent text
        column, duplicate ids or a malformed line; the message names the file
        (and row or line) and what to do.

    Examples
    --------
    >>> import pandas as pd, framing
    >>> df = pd.DataFrame({"body": ["Officials said the regime fell."], "outlet": ["A"]})
    >>> corpus = framing.load_corpus(df)
    >>> corpus[["doc_id", "source", "text"]].iloc[0].tolist()
    ['doc0', 'A', 'Officials said the regime fell.']
    """
    columns = dict(text=text, source=source, doc_id=doc_id, date=date, title=title,
                   origin=origin, author=author, url=url)
    warnings_seen: list[str] = []
    if isinstance(obj, pd.DataFrame):
        table, label = obj.copy(), "DataFrame"
        kind = "table"
    elif isinstance(obj, (list, tuple)):
        return _load_many(obj, columns, clean=clean, encoding=encoding, format=format,
                          detect_origin=detect_origin, on_bad_line=on_bad_line)
    else:
        path = Path(obj)
        label = str(path)
        if not path.exists():
            raise CorpusError(f"{path}: no such file or folder. Check the path (relative paths "
                              f"are resolved from {Path.cwd()}).")
        if path.is_dir():
            table, kind = _read_folder(path, manifest, encoding, warnings_seen), "pages"
        else:
            fmt = format or _format_from_extension(path)
            if fmt in ("txt", "html"):
                table, kind = _read_pages([path], encoding, warnings_seen), "pages"
            else:
                table, kind = _read_table(path, fmt, encoding, on_bad_line, warnings_seen), "table"
    corpus = _build_corpus(table, columns, label=label, kind=kind, clean=clean,
                           detect_origin=detect_origin, sink=warnings_seen)
    corpus.attrs["input"] = label
    return corpus


def load_sample(*, clean=True):
    """The bundled sample: one story (Islamic State after its territorial defeat) in five outlets.

    Returns
    -------
    pandas.DataFrame
        Five rows with ``source`` (publisher of the page), ``origin`` (who wrote
        the story), ``date``, ``title`` and cleaned ``text``; the pasted page is
        in ``raw_text``.

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_sample()
    >>> len(corpus), corpus.loc[0, "source"], corpus.loc[0, "origin"]
    (5, 'Arab News', 'AP')
    """
    return load_corpus(sample_path(), clean=clean)


def sample_path() -> Path:
    """Folder holding the bundled sample articles and their ``manifest.csv``.

    In a source checkout this is ``data/sample``; in an installed package the
    same files ship as the package data ``framing.sampledata``.
    """
    checkout = Path(__file__).resolve().parents[1] / "data" / "sample"
    if (checkout / "manifest.csv").is_file():
        return checkout
    # A folder beside this module, not importlib.resources: ``sampledata`` has no
    # __init__.py, and resources.files() of a namespace package is a MultiplexedPath
    # whose str() is not a path.
    return Path(__file__).resolve().parent / "sampledata"


# --------------------------------------------------------------------------- readers


def _format_from_extension(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in COMPRESSIONS:
        suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    fmt = TABLE_EXTENSIONS.get(ext) or PAGE_EXTENSIONS.get(ext)
    if fmt is None:
        known = ", ".join(sorted({*TABLE_EXTENSIONS, *PAGE_EXTENSIONS}))
        raise CorpusError(f"{path}: unknown file type {ext or '(no extension)'!r}. framing reads "
                          f"{known} (optionally .gz/.bz2/.xz/.zip); pass format='csv' (or another "
                          "reader) if the extension is misleading.")
    return fmt


def _read_table(path: Path, fmt: str, encoding, on_bad_line, sink) -> pd.DataFrame:
    if fmt == "parquet":
        try:
            return pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several types for corrupt files
            raise CorpusError(f"{path}: could not read as Parquet ({exc}). Is it a Parquet "
                              "file? Pass format='csv' or 'jsonl' if not.") from exc
    content = _decoded_content(path, encoding, sink)
    if fmt in ("csv", "tsv"):
        return _parse_csv(content, path, sep="\t" if fmt == "tsv" else ",")
    if fmt == "jsonl":
        return _parse_jsonl(content, path, on_bad_line, sink)
    return _parse_json(content, path, on_bad_line, sink)


def _decoded_content(path: Path, encoding, sink) -> str:
    data = path.read_bytes()
    compression = path.suffix.lower()
    if compression in COMPRESSIONS:
        data = _decompress(data, compression, path)
    decoded = decode_bytes(data, encoding)
    message = describe_decoding(path, decoded)
    if message:
        warn(message, sink)
    return decoded.text


def _decompress(data: bytes, compression: str, path: Path) -> bytes:
    import bz2
    import gzip
    import lzma
    import zipfile

    try:
        if compression == ".gz":
            return gzip.decompress(data)
        if compression == ".bz2":
            return bz2.decompress(data)
        if compression == ".xz":
            return lzma.decompress(data)
        if compression == ".zip":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = [n for n in archive.namelist() if not n.endswith("/")]
                if len(names) != 1:
                    raise CorpusError(f"{path}: a zip corpus must hold exactly one file, it holds "
                                      f"{len(names)}. Unzip it and load the file or folder.")
                return archive.read(names[0])
        import zstandard  # optional: only for .zst

        return zstandard.ZstdDecompressor().decompressobj().decompress(data)
    except (OSError, EOFError, lzma.LZMAError, zipfile.BadZipFile) as exc:
        raise CorpusError(f"{path}: could not decompress ({exc}).") from exc


def _parse_csv(content: str, path: Path, sep: str) -> pd.DataFrame:
    try:
        return pd.read_csv(io.StringIO(content), sep=sep, dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        line = re.search(r"line (\d+)", str(exc))
        where = f" at line {line.group(1)}" if line else ""
        raise CorpusError(f"{path}: malformed {'TSV' if sep == chr(9) else 'CSV'}{where}: {exc}. "
                          "A field that contains the delimiter or a line break must be quoted "
                          "with double quotes; fix the row, or pass format='tsv' if the file "
                          "is tab-separated.") from exc
    except pd.errors.EmptyDataError as exc:
        raise CorpusError(f"{path}: the file is empty; there are no articles to load.") from exc


def _parse_jsonl(content: str, path: Path, on_bad_line, sink) -> pd.DataFrame:
    records = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            message = (f"{path}, line {number}: not valid JSON ({exc.msg} at column {exc.colno}): "
                       f"{line[:80]!r}")
            if on_bad_line == "skip":
                warn(message + " — line skipped (on_bad_line='skip').", sink)
                continue
            raise CorpusError(message + ". Fix or remove the line, or pass on_bad_line='skip' "
                              "to load the other lines with a warning.") from exc
        if not isinstance(record, dict):
            raise CorpusError(f"{path}, line {number}: expected one JSON object per line, found "
                              f"{type(record).__name__}.")
        records.append(record)
    if not records:
        raise CorpusError(f"{path}: no JSON objects found; the file is empty.")
    return pd.DataFrame.from_records(records)


def _parse_json(content: str, path: Path, on_bad_line, sink) -> pd.DataFrame:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        if content.lstrip().startswith("{") and "\n{" in content:
            return _parse_jsonl(content, path, on_bad_line, sink)  # JSON Lines named .json
        raise CorpusError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column "
                          f"{exc.colno}). Expected a list of article objects, or JSON Lines.") from exc
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) == 1:
            data = lists[0]  # {"articles": [...]} wrappers are common
        else:
            data = [data]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise CorpusError(f"{path}: expected a JSON list of objects (one per article).")
    if not data:
        raise CorpusError(f"{path}: the JSON list is empty; there are no articles to load.")
    return pd.DataFrame.from_records(data)


def _read_folder(folder: Path, manifest, encoding, sink) -> pd.DataFrame:
    files = sorted(p for p in folder.rglob("*")
                   if p.is_file() and p.suffix.lower() in PAGE_EXTENSIONS)
    manifest_path = Path(manifest) if manifest else _find_manifest(folder)
    if not files:
        raise CorpusError(f"{folder}: no .txt or .html files in this folder. Put one article per "
                          "file here, or load a CSV/JSONL/Parquet table instead.")
    pages = _read_pages(files, encoding, sink, root=folder)
    if manifest_path is None:
        return pages
    return _merge_manifest(pages, manifest_path, folder, sink)


def _find_manifest(folder: Path) -> Path | None:
    for name in MANIFEST_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def _merge_manifest(pages: pd.DataFrame, manifest_path: Path, folder: Path, sink) -> pd.DataFrame:
    meta = _parse_csv(_decoded_content(manifest_path, None, sink), manifest_path, sep=",")
    if "file" not in meta.columns:
        raise CorpusError(f"{manifest_path}: a manifest needs a 'file' column naming each page "
                          f"(columns present: {', '.join(meta.columns)}).")
    meta = meta.replace("", np.nan)
    known = set(pages["file"])
    missing = [f for f in meta["file"] if f not in known]
    if missing:
        raise CorpusError(f"{manifest_path}: lists file(s) not found in {folder}: "
                          f"{', '.join(missing[:5])}. Fix the names or add the files.")
    dup = meta["file"][meta["file"].duplicated()].tolist()
    if dup:
        raise CorpusError(f"{manifest_path}: file(s) listed twice: {', '.join(dup[:5])}.")
    unlisted = sorted(known - set(meta["file"]))
    if unlisted:
        warn(f"{manifest_path}: {len(unlisted)} file(s) in the folder are not in the manifest "
             f"(e.g. {unlisted[0]}); their metadata is read from the page.", sink)
    merged = pages.merge(meta, on="file", how="left", suffixes=("_page", ""))
    for column in [c for c in merged.columns if c.endswith("_page")]:
        base = column[: -len("_page")]
        merged[base] = merged[base].fillna(merged[column])  # the manifest wins where it speaks
        merged = merged.drop(columns=column)
    return merged


def _read_pages(files, encoding, sink, root: Path | None = None) -> pd.DataFrame:
    from framing.origin import page_metadata

    rows = []
    for path in files:
        decoded = read_text_file(path, encoding)
        message = describe_decoding(path, decoded)
        if message:
            warn(message, sink)
        name = str(path.relative_to(root)) if root else path.name
        if path.suffix.lower() in (".html", ".htm"):
            raw, meta = _html_to_text(decoded.text, path, sink)
        else:
            raw = decoded.text
            meta = {k: v for k, v in page_metadata(raw).items() if v}
        rows.append({"file": name, "doc_id": _id_from_filename(name), "text": raw, **meta})
    table = pd.DataFrame(rows)
    return table


def _id_from_filename(name: str) -> str:
    stem = name.rsplit(".", 1)[0]
    return stem.replace("\\", "/")


def _html_to_text(html: str, path: Path, sink) -> tuple[str, dict]:
    try:
        import trafilatura
    except ImportError:
        warn(f"{path}: trafilatura is not installed, so the page text is extracted with a "
             "simple tag stripper that keeps menus and footers. Install the html extra "
             "(pip install 'framing[html]') for main-text extraction.", sink)
        from framing.clean import strip_html

        return strip_html(html), {}
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      favor_recall=True)
    if doc is None:
        warn(f"{path}: trafilatura found no main text; the page's text is kept after "
             "removing tags.", sink)
        from framing.clean import strip_html

        return strip_html(html), {}
    if not isinstance(doc, dict):
        doc = doc.as_dict()
    meta = {"title": doc.get("title"), "author": doc.get("author"), "date": doc.get("date"),
            "url": doc.get("url"), "sitename": doc.get("sitename")}
    return doc.get("text") or "", {k: v for k, v in meta.items() if v}


def _load_many(paths, columns, **kwargs) -> pd.DataFrame:
    if not paths:
        raise CorpusError("load_corpus got an empty list of paths; pass at least one file or folder.")
    parts = [load_corpus(p, **{k: v for k, v in columns.items()}, **kwargs) for p in paths]
    warnings_seen = [w for part in parts for w in part.attrs.get("warnings", [])]
    corpus = pd.concat(parts, ignore_index=True)
    _check_unique_ids(corpus["doc_id"], "the combined files")
    corpus.attrs = {"warnings": warnings_seen, "input": [str(p) for p in paths],
                    "column_map": parts[0].attrs.get("column_map", {})}
    return corpus


# --------------------------------------------------------------------------- building the table


def _build_corpus(table: pd.DataFrame, columns: dict, *, label: str, kind: str, clean: bool,
                  detect_origin: bool, sink: list) -> pd.DataFrame:
    table = table.reset_index(drop=True)
    column_map = _resolve_columns(table, columns, label)
    out = pd.DataFrame(index=table.index)
    out["doc_id"] = _doc_ids(table, column_map.get("doc_id"), label, kind)
    raw = _texts(table[column_map["text"]], out["doc_id"], label, sink)
    out["source"] = _sources(table, column_map.get("source"), label, sink)
    for name in META_COLUMNS:
        column = column_map.get(name)
        out[name] = table[column].replace("", np.nan) if column else pd.Series(pd.NA, index=table.index, dtype="object")
    out["date"], out["date_precision"] = parse_dates(out["date"], label, sink)
    out["text"] = _clean_all(raw, _titles(out["title"]), clean, label, sink)
    out["raw_text"] = raw
    if detect_origin:
        _fill_origin_from_text(out)
    for name in ("origin", "title", "author", "url"):
        out[name] = out[name].astype("object").where(out[name].notna(), None)
    used = {c for c in column_map.values() if c}
    extra = [c for c in table.columns if c not in used and c not in out.columns]
    for column in extra:
        out[column] = table[column]
    first = ["doc_id", "source", "origin", "origin_evidence", "date", "date_precision", "title",
             "author", "url", "text", "raw_text"]
    order = [c for c in first if c in out.columns] + [c for c in out.columns if c not in first]
    out = out[order]
    out.attrs = {"warnings": sink, "column_map": column_map}
    return out


def _resolve_columns(table: pd.DataFrame, columns: dict, label: str) -> dict:
    present = list(table.columns)
    resolved = {}
    for name, given in columns.items():
        if given is False:
            continue
        if given is not None:
            if given not in table.columns:
                raise CorpusError(f"{label}: no column {given!r} (asked for as {name}=). Columns "
                                  f"present: {', '.join(map(str, present))}.")
            resolved[name] = given
            continue
        guess = _guess_column(table, name)
        if guess is not None:
            resolved[name] = guess
            if guess != name:
                log.info("%s: using column %r as %s (pass %s=... to choose another)",
                         label, guess, name, name)
    if "text" not in resolved:
        raise CorpusError(f"{label}: no text column found. Columns present: "
                          f"{', '.join(map(str, present))}. Pass text='<column>' to say which "
                          "column holds the article text.")
    return resolved


def _guess_column(table: pd.DataFrame, name: str):
    lower = {str(c).lower(): c for c in table.columns}
    for candidate in CANDIDATES[name]:
        if candidate in lower:
            return lower[candidate]
    return None


def _doc_ids(table, column, label, kind) -> pd.Series:
    if column is None:
        width = len(str(max(len(table) - 1, 0)))
        if kind == "pages" and "doc_id" in table.columns:
            ids = table["doc_id"].astype(str)
        else:
            ids = pd.Series([f"doc{i:0{width}d}" if width > 1 else f"doc{i}" for i in range(len(table))],
                            index=table.index, dtype="object")
    else:
        values = table[column]
        blank = values.isna() | (values.astype(str).str.strip() == "")
        if blank.any():
            rows = np.flatnonzero(blank.to_numpy())[:5].tolist()
            raise CorpusError(f"{label}: id column {column!r} is empty at row(s) {rows}. Fill the "
                              "ids, or pass doc_id=False to number the rows instead.")
        ids = values.astype(str)
    _check_unique_ids(ids, label, column)
    return ids.astype("object")


def _check_unique_ids(ids: pd.Series, label: str, column=None) -> None:
    dup = ids[ids.duplicated(keep=False)]
    if dup.empty:
        return
    first = dup.iloc[0]
    rows = np.flatnonzero((ids == first).to_numpy()).tolist()
    hint = ("Make the ids unique, or pass doc_id=False to number the rows instead."
            if column else "Rename the files so that their names (without extension) differ.")
    raise CorpusError(f"{label}: {dup.nunique()} duplicate doc_id value(s), e.g. {first!r} at rows "
                      f"{rows[:5]}. {hint}")


def _texts(values: pd.Series, ids: pd.Series, label: str, sink) -> list[str]:
    texts = []
    empty = []
    for doc, value in zip(ids, values):
        if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
            value = ""
        elif not isinstance(value, str):
            value = str(value)
        if "\x00" in value:
            value = value.replace("\x00", "")
        if not value.strip():
            empty.append(doc)
        texts.append(value)
    if empty:
        warn(f"{label}: {len(empty)} article(s) have an empty text (e.g. doc_id {empty[0]!r}); "
             "they are kept with zero tokens.", sink)
    return texts


def _sources(table, column, label, sink) -> pd.Series:
    if column is None:
        warn(f"{label}: no source column; every article gets source 'unknown'. Pass "
             "source='<column>' or a manifest with a 'source' column to compare outlets.", sink)
        return pd.Series("unknown", index=table.index, dtype="object")
    values = table[column].astype("object")
    missing = values.isna() | (values.astype(str).str.strip() == "")
    if missing.any():
        warn(f"{label}: {int(missing.sum())} article(s) have no {column!r}; they get source "
             "'unknown'.", sink)
    return values.where(~missing, "unknown").astype(str).str.strip().astype("object")


def _titles(titles: pd.Series):
    return [t if isinstance(t, str) and t.strip() else None for t in titles]


# Tags and entities left in scraped text ("<p>", "&amp;", "&#8220;").
_MARKUP = re.compile(r"</?(?:p|br|div|span|a|b|i|em|strong|li|ul|ol|h[1-6]|img|figure|figcaption|"
                     r"blockquote|script|style|table|tr|td)\b[^<>]{0,500}>|&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,5});",
                     re.IGNORECASE)


def _clean_all(raw: list[str], titles, clean: bool, label: str, sink) -> list[str]:
    if not clean:
        return list(raw)
    from framing.clean import clean_text, strip_html

    texts, with_markup = [], 0
    for text, title in zip(raw, titles):
        if _MARKUP.search(text):
            text = strip_html(text)
            with_markup += 1
        texts.append(clean_text(text, title=title))
    if with_markup:
        warn(f"{label}: {with_markup} article(s) contained HTML tags or entities; they were "
             "converted to plain text (raw_text keeps the original).", sink)
    return texts


def _fill_origin_from_text(out: pd.DataFrame) -> None:
    from framing.origin import detect_origin

    missing = out["origin"].isna()
    if not missing.any():
        out["origin_evidence"] = pd.Series(None, index=out.index, dtype="object")
        return
    found = [detect_origin(raw) if miss else (None, None)
             for raw, miss in zip(out["raw_text"], missing)]
    detected = pd.Series([f[0] for f in found], index=out.index, dtype="object")
    evidence = pd.Series([f[1] for f in found], index=out.index, dtype="object")
    out["origin"] = out["origin"].astype("object").where(~missing, detected)
    out["origin_evidence"] = evidence.where(evidence.notna(), None)


# --------------------------------------------------------------------------- dates

_MONTH_ONLY = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$|^\s*(\d{1,2})/(\d{4})\s*$|^\s*[A-Za-z]{3,9}\.?\s+\d{4}\s*$|^\s*\d{4}\s+[A-Za-z]{3,9}\s*$")
_YEAR_ONLY = re.compile(r"^\s*\d{4}\s*$")


def parse_dates(values: pd.Series, label: str = "corpus", sink: list | None = None):
    """Parse dates to datetime64, allowing partial dates such as "2018-07" or "2017".

    Parameters
    ----------
    values : pandas.Series
        Strings, datetimes or missing values.
    label : str
        Name of the input, used in the warning.
    sink : list, optional
        Collects the warning text.

    Returns
    -------
    dates : pandas.Series of datetime64[ns]
        Partial dates become the first day of their month or year; unparseable
        values become NaT and are counted in one warning.
    precision : pandas.Series of str
        ``"day"``, ``"month"``, ``"year"`` or NA.

    Examples
    --------
    >>> d, p = parse_dates(pd.Series(["2018-07", "2017-02-04", "soon"]))
    >>> d.dt.strftime("%Y-%m-%d").tolist()[:2], p.tolist()
    (['2018-07-01', '2017-02-04'], ['month', 'day', <NA>])
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        dates = values.dt.tz_localize(None) if getattr(values.dt, "tz", None) else values
        precision = pd.Series(np.where(dates.notna(), "day", None), index=values.index).astype("object")
        return dates.astype("datetime64[ns]"), precision.where(dates.notna(), pd.NA)
    dates = []
    precision = []
    bad = []
    for index, value in values.items():
        parsed, level = _parse_one_date(value)
        if parsed is None and not _is_missing(value):
            bad.append((index, value))
        dates.append(parsed if parsed is not None else pd.NaT)
        precision.append(level)
    if bad:
        examples = ", ".join(f"row {i}: {v!r}" for i, v in bad[:3])
        warn(f"{label}: {len(bad)} date(s) could not be parsed and are left empty (NaT) "
             f"({examples}). Use ISO dates such as 2018-07-31 or 2018-07.", sink)
    return (pd.Series(dates, index=values.index, dtype="datetime64[ns]"),
            pd.Series(precision, index=values.index, dtype="object"))


def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _parse_one_date(value):
    if _is_missing(value):
        return None, pd.NA
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        return _naive(pd.Timestamp(value)), "day"
    text = str(value).strip()
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)  # "February 4th, 2017"
    if _YEAR_ONLY.match(text):
        level = "year"
    elif _MONTH_ONLY.match(text):
        level = "month"
    else:
        level = "day"
    try:
        if level == "month" and re.match(r"^\s*\d{1,2}/\d{4}\s*$", text):
            month, year = text.split("/")
            parsed = pd.Timestamp(year=int(year), month=int(month), day=1)
        else:
            parsed = pd.Timestamp(text)
    except (ValueError, OverflowError, TypeError):
        try:
            from dateutil import parser as dateutil_parser

            parsed = pd.Timestamp(dateutil_parser.parse(text, fuzzy=False))
        except (ValueError, OverflowError, TypeError, pd.errors.OutOfBoundsDatetime):
            return None, pd.NA
    except pd.errors.OutOfBoundsDatetime:
        return None, pd.NA
    parsed = _naive(parsed)
    if parsed is None or parsed is pd.NaT:
        return None, pd.NA
    if not (pd.Timestamp.min <= parsed <= pd.Timestamp.max):
        return None, pd.NA
    return parsed, level


def _naive(ts: pd.Timestamp):
    if ts is pd.NaT:
        return None
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    try:
        return ts.as_unit("ns")
    except (pd.errors.OutOfBoundsDatetime, OverflowError):
        return None
