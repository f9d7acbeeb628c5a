"""Shared fixtures: the bundled sample and, when present, the real corpora in ../shared."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "sample"


def shared_dir() -> Path | None:
    """``../shared`` beside the checkout (or $FRAMING_SHARED), when it holds the corpora."""
    candidate = Path(os.environ.get("FRAMING_SHARED", REPO.parent / "shared"))
    return candidate if (candidate / "data").is_dir() else None


def shared_file(*parts: str) -> Path:
    """A file under ../shared/data, or skip the test with a message saying why."""
    base = shared_dir()
    if base is None:
        pytest.skip("../shared/data is absent (set FRAMING_SHARED to run the real-corpus tests)")
    path = base.joinpath("data", *parts)
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="session")
def sample_corpus():
    import framing

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return framing.load_sample()


@pytest.fixture(scope="session")
def sample_matches(sample_corpus):
    import framing

    return framing.extract(sample_corpus)


def doc_of(corpus, prefix: str):
    """The row of the sample article whose doc_id starts with ``prefix`` ("000" ... "004")."""
    rows = corpus[corpus["doc_id"].str.startswith(prefix)]
    assert len(rows) == 1, f"expected one article starting {prefix!r}"
    return rows.iloc[0]
