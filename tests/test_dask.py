"""framing.dask on a LocalCluster with two workers gives the single-process result."""

from __future__ import annotations

import pandas as pd
import pytest

import framing

dd = pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
distributed = pytest.importorskip("dask.distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_local_cluster_equals_single_process(client, sample_corpus):
    import framing.dask as fdask  # noqa: F401 - the module, not a name clash with dask

    frame = pd.DataFrame({"doc_id": sample_corpus["doc_id"], "body": sample_corpus["raw_text"],
                          "outlet": sample_corpus["source"]})
    ddf = dd.from_pandas(frame, npartitions=3, sort=False)
    matches = framing.dask.extract(ddf, text="body", source="outlet", doc_id="doc_id").compute()
    docs = framing.dask.doc_features(ddf, text="body", source="outlet", doc_id="doc_id").compute()

    corpus = framing.load_corpus(frame, text="body", source="outlet", doc_id="doc_id")
    expected = framing.extract(corpus)
    key = ["doc_id", "start", "end", "feature", "category"]
    pd.testing.assert_frame_equal(matches.sort_values(key).reset_index(drop=True),
                                  expected.sort_values(key).reset_index(drop=True), check_like=True)
    expected_docs = framing.doc_features(corpus, expected, sentiment=False)
    got = docs.sort_values("doc_id").reset_index(drop=True)
    want = expected_docs.sort_values("doc_id").reset_index(drop=True)
    assert list(got.columns) == list(want.columns)
    count_columns = [c for c in want.columns if c.startswith(("count:", "n_"))]
    pd.testing.assert_frame_equal(got[count_columns], want[count_columns])
