"""Warning and error types shared by every stage.

Warnings are also collected on the tables they concern (``DataFrame.attrs["warnings"]``)
so that ``framing info`` and the report can list them after the fact.
"""

from __future__ import annotations

import warnings


class FramingWarning(UserWarning):
    """A problem in the input that framing worked around (and counted)."""


class FramingError(ValueError):
    """Input framing cannot use; the message says what to do about it."""


class CorpusError(FramingError):
    """A corpus file, folder or table that cannot be loaded."""


class LexiconError(FramingError):
    """A lexicon file or dict that does not follow the lexicon format."""


def warn(message: str, sink: list | None = None) -> None:
    """Emit a :class:`FramingWarning` and remember it in ``sink`` when given."""
    if sink is not None:
        sink.append(message)
    warnings.warn(message, FramingWarning, stacklevel=3)


def require_table(table, columns, *, what: str, hint: str):
    """Check that ``table`` is a DataFrame with ``columns``; the error says what to pass."""
    import pandas as pd

    if not isinstance(table, pd.DataFrame):
        raise FramingError(f"expected {what} as a pandas DataFrame, got {type(table).__name__}. "
                           f"{hint}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise FramingError(f"{what} has no {', '.join(missing)} column(s); columns present: "
                           f"{', '.join(map(str, table.columns))}. {hint}")
    return table
