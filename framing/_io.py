"""Reading bytes from disk without crashing on the encodings real scrapes have.

News scrapes mix encodings: a UTF-8 file with a few cp1252 bytes pasted in, a
Latin-1 export, UTF-16 from a Windows tool. We decode UTF-8 (or the BOM's
encoding) strictly where possible and fall back byte by byte to cp1252, counting
every fallback so that the caller can warn with a number instead of guessing.
"""

from __future__ import annotations

import codecs
import threading
from dataclasses import dataclass
from pathlib import Path

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass
class Decoded:
    """Text decoded from bytes, with what it took to decode it."""

    text: str
    encoding: str
    n_fallback: int = 0  # bytes that were not valid in ``encoding`` and were decoded as cp1252
    first_bad_offset: int | None = None
    n_nul: int = 0  # NUL characters removed


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        # Five bytes are undefined in cp1252; Latin-1 maps them to C1 controls.
        return bytes([byte]).decode("latin-1")


_fallback_state = threading.local()
_HANDLER = "framing-cp1252-fallback"


def _record_and_fallback(err: UnicodeDecodeError):
    # One handler registered once; the offsets go to a thread-local list so that
    # concurrent decodes in threads do not mix their counts.
    getattr(_fallback_state, "bad", []).append(err.start)
    chunk = err.object[err.start : err.end]
    return "".join(_cp1252_char(b) for b in chunk), err.end


codecs.register_error(_HANDLER, _record_and_fallback)


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``: the BOM's encoding, else ``encoding``, else UTF-8 with cp1252 fallback.

    Parameters
    ----------
    data : bytes
        Raw file content.
    encoding : str, optional
        Encoding to use. When given, it is applied strictly except that bytes it
        cannot decode fall back to cp1252 and are counted.

    Returns
    -------
    Decoded
        The text (NUL characters removed), the encoding used and the number of
        bytes decoded by the fallback.

    Examples
    --------
    >>> decode_bytes("café".encode("utf-8")).text
    'café'
    >>> d = decode_bytes("café".encode("cp1252"))
    >>> d.text, d.n_fallback
    ('café', 1)
    """
    chosen = encoding
    if chosen is None:
        for bom, name in _BOMS:
            if data.startswith(bom):
                chosen = name
                break
    chosen = chosen or "utf-8"
    _fallback_state.bad = bad = []
    try:
        text = data.decode(chosen, errors=_HANDLER)
    except LookupError as exc:
        raise LookupError(
            f"unknown encoding {chosen!r}; pass an encoding Python knows, such as "
            "'utf-8', 'cp1252' or 'latin-1'"
        ) from exc
    n_nul = text.count("\x00")
    if n_nul:
        text = text.replace("\x00", "")
    return Decoded(text, chosen, len(bad), bad[0] if bad else None, n_nul)


def read_text_file(path: Path, encoding: str | None = None) -> Decoded:
    """Read and decode a file with :func:`decode_bytes`; the file is only read."""
    return decode_bytes(Path(path).read_bytes(), encoding)


def describe_decoding(path: Path | str, decoded: Decoded) -> str | None:
    """A warning sentence for what decoding had to work around, or None."""
    parts = []
    if decoded.n_fallback:
        parts.append(
            f"{decoded.n_fallback} byte sequence(s) were not valid {decoded.encoding} "
            f"(first at byte {decoded.first_bad_offset}) and were decoded as cp1252; "
            "pass encoding=... if the file uses another encoding"
        )
    if decoded.n_nul:
        parts.append(f"{decoded.n_nul} NUL character(s) were removed")
    if not parts:
        return None
    return f"{path}: " + "; ".join(parts)


def safe_yaml(text):
    """Parse YAML with a safe loader, the C one when PyYAML was built with libyaml.

    The shipped lexicons are a few thousand lines; the pure-Python safe loader
    spends most of a second on them, the C loader a tenth of that. Both build
    only plain Python types (no tags, no object construction).
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader is passed
