"""``FramingVectorizer``: framing features as a scikit-learn transformer.

Use it where a ``CountVectorizer`` would go, e.g. to predict an outlet's bias
label from how it frames rather than from what it talks about::

    from sklearn.pipeline import make_pipeline
    from sklearn.linear_model import LogisticRegression
    model = make_pipeline(FramingVectorizer(), LogisticRegression(max_iter=1000))
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

MEASURES = ("rate", "count")


class FramingVectorizer(TransformerMixin, BaseEstimator):
    """Turn raw texts into a document × framing-feature matrix.

    One column per (feature, category) of the lexicons — naming families,
    reporting-verb classes, stance categories, scare quotes — and, with
    ``variants=True``, one per naming variant.

    Parameters
    ----------
    lexicons : list, optional
        Lexicon files or dicts (default: the shipped ones).
    features : list of str, optional
        Restrict to some features ("naming", "attribution", "stance").
    measure : {"rate", "count"}, default "rate"
        Matches per 1,000 word tokens, or raw counts.
    variants : bool, default True
        Add a column per naming variant (``naming:isis:Daesh``).
    n_jobs : int, default 1
        Worker processes for extraction.

    Attributes
    ----------
    feature_names_out_ : numpy.ndarray of str
        Column names, learned by ``fit`` from the lexicons alone: fitting
        learns nothing from the texts, so the matrix of a text does not depend
        on which other texts were seen.

    Examples
    --------
    >>> vec = FramingVectorizer(measure="count")
    >>> X = vec.fit_transform(["Rebels claimed the so-called caliphate fell.", "He said so."])
    >>> names = list(vec.get_feature_names_out())
    >>> int(X[0, names.index("attribution:distancing")]), int(X[1, names.index("attribution:neutral")])
    (1, 1)
    """

    def __init__(self, lexicons=None, features=None, measure="rate", variants=True, n_jobs=1):
        self.lexicons = lexicons
        self.features = features
        self.measure = measure
        self.variants = variants
        self.n_jobs = n_jobs

    def fit(self, X, y=None):
        """Learn the feature names from the lexicons (the texts are only validated)."""
        _as_texts(X)
        if self.measure not in MEASURES:
            raise ValueError(f"measure must be one of {MEASURES}, got {self.measure!r}.")
        from framing.lexicon import load_lexicons

        lexs = load_lexicons(self.lexicons)
        wanted = set(self.features) if self.features else {lex.feature for lex in lexs}
        names = []
        for lex in lexs:
            if lex.feature not in wanted:
                continue
            for category in lex.categories:
                names.append(f"{lex.feature}:{category}")
                if self.variants and lex.feature == "naming":
                    labels = [e.label for e in lex.entries if e.category == category]
                    names += [f"naming:{category}:{label}" for label in labels]
        if "stance" in wanted:
            names.append("stance:scare_quote")
        self.feature_names_out_ = np.array(list(dict.fromkeys(names)), dtype=object)
        self.n_features_out_ = len(self.feature_names_out_)
        return self

    def transform(self, X):
        """Count (or rate) every feature in each text; returns a sparse CSR matrix."""
        check_is_fitted(self, "feature_names_out_")
        texts = _as_texts(X)
        from framing.extract import extract
        from framing.text import count_tokens

        corpus = pd.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "text": texts,
                               "source": "x"})
        matches = extract(corpus, lexicons=self.lexicons, features=self.features, n_jobs=self.n_jobs)
        index = {name: j for j, name in enumerate(self.feature_names_out_)}
        rows, cols = [], []
        docs = matches["doc_id"].astype(int).to_numpy()
        keys = (matches["feature"] + ":" + matches["category"]).to_numpy()
        for doc, key in zip(docs, keys):
            if key in index:
                rows.append(doc)
                cols.append(index[key])
        if self.variants:
            naming = matches["feature"].to_numpy() == "naming"
            variant_keys = ("naming:" + matches["category"] + ":" + matches["label"]).to_numpy()
            for doc, key in zip(docs[naming], variant_keys[naming]):
                if key in index:
                    rows.append(doc)
                    cols.append(index[key])
        counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                                   shape=(len(texts), len(self.feature_names_out_)))
        if self.measure == "count":
            return counts
        n_tokens = np.array([count_tokens(t) for t in texts], dtype=float)
        scale = np.divide(1000.0, n_tokens, out=np.zeros_like(n_tokens), where=n_tokens > 0)
        return sparse.diags(scale) @ counts

    def get_feature_names_out(self, input_features=None):
        """Names of the output columns (``feature:category`` and ``naming:family:variant``)."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()


def _as_texts(X) -> list[str]:
    if isinstance(X, str):
        raise ValueError("FramingVectorizer expects an iterable of texts (one per document); "
                         "a single string was given. Wrap it in a list.")
    if isinstance(X, pd.DataFrame):
        if "text" not in X.columns:
            raise ValueError(f"a DataFrame passed to FramingVectorizer needs a 'text' column; "
                             f"columns present: {', '.join(map(str, X.columns))}.")
        X = X["text"]
    texts = []
    for i, value in enumerate(X):
        if value is None or (isinstance(value, float) and np.isnan(value)):
            value = ""
        if not isinstance(value, str):
            raise ValueError(f"document {i} is a {type(value).__name__}, not a string.")
        texts.append(value)
    return texts
