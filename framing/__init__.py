"""framing: measure how news outlets frame a story.

The pipeline is a chain of plain pandas DataFrames::

    corpus  = framing.load_corpus("articles.csv")      # or framing.load_sample()
    matches = framing.extract(corpus)                  # one row per piece of evidence
    docs    = framing.doc_features(corpus, matches)    # one row per article
    framing.stats.naming_shares(matches, corpus, family="isis")

See ``README.md`` and the notebooks for worked examples.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

from framing._warnings import CorpusError, FramingError, FramingWarning, LexiconError

# The core pipeline is imported eagerly: ``framing.extract`` must be the
# function even after something imports the module of the same name.
from framing.corpus import load_corpus, load_sample  # noqa: E402
from framing.extract import extract  # noqa: E402
from framing.aggregate import doc_features  # noqa: E402
from framing.evidence import kwic  # noqa: E402

# Other public names and the module that defines each, imported on first use
# so that optional extras are only needed when used.
_LAZY = {
    "clean_text": "framing.clean",
    "segment": "framing.text",
    "sentences": "framing.text",
    "load_lexicons": "framing.lexicon",
    "FramingVectorizer": "framing.vectorizer",
    "find_duplicates": "framing.dedupe",
    "extract_to_parquet": "framing.stream",
}
_SUBMODULES = {"stats", "plot", "report", "text", "corpus", "clean", "lexicon"}

__all__ = sorted(
    [*_LAZY, *_SUBMODULES, "CorpusError", "FramingError", "FramingWarning", "LexiconError",
     "load_corpus", "load_sample", "extract", "doc_features", "kwic"]
)


def __getattr__(name):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _SUBMODULES:
        return importlib.import_module(f"framing.{name}")
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__():
    return __all__
