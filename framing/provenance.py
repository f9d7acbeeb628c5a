"""Reproducibility records: what produced a table, so a reader can produce it again.

Every report and result table can carry the framing version, the versions of
the packages that computed it, the lexicons used (version and content hash),
the parameters and seeds, and a hash of the input corpus.
"""

from __future__ import annotations

import hashlib
import platform
from importlib import metadata

import pandas as pd

PACKAGES = ("framing", "numpy", "pandas", "scipy", "scikit-learn", "statsmodels", "matplotlib",
            "nltk", "pyahocorasick", "vaderSentiment", "pyarrow", "PyYAML")


def corpus_hash(corpus: pd.DataFrame) -> str:
    """SHA-256 of the corpus ids, sources and texts, in order.

    Two corpora with the same hash give the same matches and statistics.

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"doc_id": ["1"], "source": ["X"], "text": ["Officials said so."]})
    >>> corpus_hash(a) == corpus_hash(a.copy()), len(corpus_hash(a))
    (True, 64)
    """
    digest = hashlib.sha256()
    sources = corpus["source"] if "source" in corpus.columns else [""] * len(corpus)
    for doc_id, source, text in zip(corpus["doc_id"], sources, corpus["text"]):
        for part in (doc_id, source, text):
            digest.update(str(part).encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
    return digest.hexdigest()


def package_versions() -> dict:
    """Installed versions of Python and the packages framing computes with."""
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            if name == "framing":
                import framing

                versions[name] = framing.__version__
            else:
                versions[name] = "not installed"
    return versions


def lexicon_records(lexicons=None) -> list[dict]:
    """Id, version, feature, entry count and SHA-256 of each lexicon used."""
    from framing.lexicon import load_lexicons

    return [{"lexicon": lex.id, "version": lex.version, "feature": lex.feature,
             "entries": len(lex.entries), "sha256": lex.sha256, "path": lex.path or "(dict)"}
            for lex in load_lexicons(lexicons)]


def record(corpus: pd.DataFrame | None = None, *, lexicons=None, **parameters) -> dict:
    """A JSON-serialisable reproducibility record for ``attrs`` or a report."""
    out = {"versions": package_versions(), "lexicons": lexicon_records(lexicons),
           "parameters": {k: _plain(v) for k, v in parameters.items()}}
    if corpus is not None:
        out["corpus_sha256"] = corpus_hash(corpus)
        out["n_articles"] = int(len(corpus))
    return out


def _plain(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return repr(value)
