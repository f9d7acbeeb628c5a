"""``doc_features``: one row per article, the unit of analysis for every statistic.

Columns of the **doc features** table:

================================== =================================================
doc_id, source, metadata           every corpus column except ``text``/``raw_text``
n_tokens, n_sentences              word tokens and sentences of the cleaned text
``count:{feature}:{category}``     matches per (feature, category), e.g.
                                   ``count:attribution:distancing``
``rate:{feature}:{category}``      the same per 1,000 tokens (NaN for empty texts)
``count:naming:{family}:{variant}:{voice}``
                                   naming variants, voice ``own`` (the outlet's
                                   words) or ``quoted`` (inside quoted speech);
                                   names that are mentioned rather than used
                                   ("also known as ISIS") are left out here and
                                   counted in ``count:naming_mention:{family}``
``count:quote_type:{type}``        attributions by quote type (direct, indirect,
                                   according_to, mixed, none)
``count:speaker_type:{type}``      attributions by speaker type
share_anonymous                    anonymous speakers / attributions (NaN if none)
sentiment, sentiment_own, sentiment_quoted
                                   mean VADER compound over sentences: all text,
                                   the outlet's own words, quoted speech (NaN when
                                   an article has none); scare quotes, quoted
                                   titles and mentioned words are own voice
================================== =================================================

``docs.attrs["feature_columns"]`` lists the count columns as (column, feature,
category) so that :mod:`framing.stats` finds them without parsing names.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd

from framing._warnings import FramingError, require_table

TEXT_COLUMNS = ("text", "raw_text")
RATE_PER = 1000.0


def doc_features(corpus: pd.DataFrame, matches: pd.DataFrame, *, sentiment: bool = True,
                 n_jobs: int = 1, progress: bool = False, lexicons=None) -> pd.DataFrame:
    """Aggregate matches to one row per article: counts, rates per 1,000 tokens, sentiment.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table the matches were extracted from.
    matches : pandas.DataFrame
        The matches table from :func:`framing.extract`.
    sentiment : bool, default True
        Compute VADER sentence sentiment (the slowest part; turn off for
        large corpora when not needed).
    n_jobs : int, default 1
        Worker processes for the per-article text statistics.
    progress : bool, default False
        Show a progress bar.
    lexicons : list, optional
        The lexicons the matches were extracted with, when the matches table
        has lost its ``attrs``; they decide which all-zero columns appear.

    Returns
    -------
    pandas.DataFrame
        The doc features table described in the module docstring, in corpus
        order, with a column for every category and naming variant of the
        lexicons (zero where never matched).

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_sample()
    >>> docs = framing.doc_features(corpus, framing.extract(corpus), sentiment=False)
    >>> len(docs), int(docs["count:naming:isis"].sum()) > 0
    (5, True)
    """
    _check_inputs(corpus, matches)
    base = corpus[[c for c in corpus.columns if c not in TEXT_COLUMNS]].reset_index(drop=True)
    stats = _text_statistics(corpus, matches, sentiment, n_jobs, progress)
    docs = pd.concat([base, stats], axis=1)
    ids = docs["doc_id"].astype(str)
    count_parts = [_category_counts(matches, ids), _variant_counts(matches, ids),
                   _attribution_counts(matches, ids)]
    counts = _with_schema_columns(pd.concat(count_parts, axis=1), _schema(matches, lexicons))
    rates = _rates(counts[[c for c in counts.columns if c.count(":") == 2
                           and c.startswith("count:") and _is_feature_count(c)]],
                   docs["n_tokens"].to_numpy())
    docs = pd.concat([docs, counts.reset_index(drop=True), rates.reset_index(drop=True)], axis=1)
    docs["share_anonymous"] = _share_anonymous(docs)
    feature_columns = [(c, *c.split(":")[1:3]) for c in counts.columns
                       if c.count(":") == 2 and _is_feature_count(c)]
    docs.attrs = {"feature_columns": feature_columns, "rate_per": RATE_PER,
                  "sentiment": "VADER compound (Hutto & Gilbert 2014), mean over sentences"
                  if sentiment else "not computed"}
    return docs


def _attribution_types():
    # The attribution stage owns its vocabularies; "none" counts rows without a value.
    from framing.features import attribution

    quote_types = tuple(getattr(attribution, "QUOTE_TYPES", ("direct", "indirect", "according_to", "mixed")))
    speaker_types = tuple(getattr(attribution, "SPEAKER_TYPES",
                                  ("named", "anonymous", "organization", "pronoun", "unknown")))
    return quote_types + ("none",), speaker_types + ("none",)


def _schema(matches: pd.DataFrame, lexicons) -> dict:
    if lexicons is None and matches.attrs.get("schema"):
        return matches.attrs["schema"]
    from framing.extract import schema_of
    from framing.lexicon import load_lexicons

    lexs = load_lexicons(lexicons)
    return schema_of(lexs, {lex.feature for lex in lexs})


def _with_schema_columns(counts: pd.DataFrame, schema: dict) -> pd.DataFrame:
    expected = [f"count:{f}:{c}" for f, c in schema.get("categories", [])]
    expected += [f"count:naming:{f}:{v}:{voice}" for f, v in schema.get("variants", [])
                 for voice in ("own", "quoted")]
    expected += [f"count:naming_mention:{f}" for f in dict.fromkeys(f for f, _ in schema.get("variants", []))]
    if any(f == "attribution" for f, _ in schema.get("categories", [])):
        quote_types, speaker_types = _attribution_types()
        expected += [f"count:quote_type:{t}" for t in quote_types]
        expected += [f"count:speaker_type:{t}" for t in speaker_types]
    extra = sorted(c for c in counts.columns if c not in set(expected))
    return counts.reindex(columns=list(dict.fromkeys(expected)) + extra, fill_value=0).astype(np.int64)


def _check_inputs(corpus, matches) -> None:
    require_table(corpus, ("doc_id", "text"), what="the corpus table",
                  hint="doc_features() needs the corpus from framing.load_corpus().")
    require_table(matches, ("doc_id", "feature", "category", "label"), what="the matches table",
                  hint="doc_features() needs the matches from framing.extract(corpus).")
    unknown = set(matches["doc_id"].astype(str)) - set(corpus["doc_id"].astype(str))
    if unknown:
        raise FramingError(f"{len(unknown)} doc_id(s) in the matches are not in the corpus (e.g. "
                           f"{sorted(unknown)[0]!r}); pass the corpus the matches came from.")


def _is_feature_count(column: str) -> bool:
    return not column.startswith(("count:quote_type:", "count:speaker_type:", "count:naming_mention:"))


def _category_counts(matches: pd.DataFrame, ids: pd.Series) -> pd.DataFrame:
    if matches.empty:
        return pd.DataFrame(index=ids)
    grouped = matches.groupby(["doc_id", "feature", "category"], sort=True).size()
    table = grouped.unstack(["feature", "category"], fill_value=0)
    table.columns = [f"count:{f}:{c}" for f, c in table.columns]
    return table.reindex(ids, fill_value=0).astype(np.int64)


def _variant_counts(matches: pd.DataFrame, ids: pd.Series) -> pd.DataFrame:
    naming = matches[matches["feature"] == "naming"]
    if naming.empty:
        return pd.DataFrame(index=ids)
    mention = naming["metalinguistic"].fillna(False).astype(bool)
    used = naming[~mention]
    voice = np.where(used["in_quote"].to_numpy(dtype=bool), "quoted", "own")
    grouped = used.assign(voice=voice).groupby(["doc_id", "category", "label", "voice"]).size()
    table = grouped.unstack(["category", "label", "voice"], fill_value=0)
    table.columns = [f"count:naming:{f}:{v}:{voice}" for f, v, voice in table.columns]
    parts = [table.reindex(ids, fill_value=0)]
    if mention.any():
        mentions = naming[mention].groupby(["doc_id", "category"]).size().unstack(fill_value=0)
        mentions.columns = [f"count:naming_mention:{f}" for f in mentions.columns]
        parts.append(mentions.reindex(ids, fill_value=0))
    return pd.concat(parts, axis=1).sort_index(axis=1).astype(np.int64)


def _attribution_counts(matches: pd.DataFrame, ids: pd.Series) -> pd.DataFrame:
    attribution = matches[matches["feature"] == "attribution"]
    parts = []
    for column in ("quote_type", "speaker_type"):
        values = attribution[column].astype("object").where(attribution[column].notna(), "none")
        grouped = attribution.assign(_v=values).groupby(["doc_id", "_v"]).size()
        table = grouped.unstack(fill_value=0) if len(grouped) else pd.DataFrame(index=ids)
        table.columns = [f"count:{column}:{v}" for v in table.columns]
        parts.append(table.reindex(ids, fill_value=0))
    return pd.concat(parts, axis=1).astype(np.int64)


def _rates(counts: pd.DataFrame, n_tokens: np.ndarray) -> pd.DataFrame:
    with np.errstate(divide="ignore", invalid="ignore"):
        values = counts.to_numpy(dtype=float) / n_tokens[:, None] * RATE_PER
    values[n_tokens == 0, :] = np.nan
    return pd.DataFrame(values, columns=[c.replace("count:", "rate:", 1) for c in counts.columns],
                        index=counts.index)


def _share_anonymous(docs: pd.DataFrame) -> pd.Series:
    n_attr = docs[[c for c in docs.columns if c.startswith("count:speaker_type:")]].sum(axis=1)
    anonymous = docs.get("count:speaker_type:anonymous", pd.Series(0, index=docs.index))
    with np.errstate(divide="ignore", invalid="ignore"):
        share = anonymous.to_numpy(dtype=float) / n_attr.to_numpy(dtype=float)
    return pd.Series(np.where(n_attr.to_numpy() > 0, share, np.nan), index=docs.index)


# --------------------------------------------------------------------------- per-article text statistics


def _text_statistics(corpus, matches, sentiment, n_jobs, progress) -> pd.DataFrame:
    texts = corpus["text"].fillna("").astype(str).tolist()
    ids = corpus["doc_id"].astype(str).tolist()
    scare = _scare_spans(matches)
    tasks = [(text, scare.get(doc_id, ())) for text, doc_id in zip(texts, ids)]
    jobs = n_jobs if n_jobs and n_jobs > 0 else max(1, (os.cpu_count() or 1) + 1 + (n_jobs or 0))
    if jobs > 1 and len(tasks) > 1:
        size = max(1, min(500, -(-len(tasks) // (jobs * 4))))
        chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = [row for part in pool.map(_stats_chunk, chunks, [sentiment] * len(chunks))
                       for row in part]
    else:
        iterator = tasks
        if progress:
            from tqdm.auto import tqdm

            iterator = tqdm(tasks, desc="doc features", unit="article")
        results = [_stats_one(text, spans, sentiment) for text, spans in iterator]
    columns = ["n_tokens", "n_sentences", "sentiment", "sentiment_own", "sentiment_quoted"]
    table = pd.DataFrame(results, columns=columns)
    if not sentiment:
        table = table.drop(columns=["sentiment", "sentiment_own", "sentiment_quoted"])
    return table.astype({"n_tokens": np.int64, "n_sentences": np.int64})


def _scare_spans(matches: pd.DataFrame) -> dict:
    scare = matches[(matches["feature"] == "stance") & (matches["category"] == "scare_quote")]
    spans: dict = {}
    for doc_id, start, end in zip(scare["doc_id"].astype(str), scare["start"], scare["end"]):
        spans.setdefault(doc_id, []).append((int(start), int(end)))
    return spans


def _stats_chunk(tasks, sentiment):
    return [_stats_one(text, spans, sentiment) for text, spans in tasks]


def _stats_one(text: str, scare_spans, sentiment: bool):
    from framing.text import count_tokens, sentence_spans

    sentences = sentence_spans(text)
    n_tokens = count_tokens(text)
    if not sentiment:
        return (n_tokens, len(sentences), np.nan, np.nan, np.nan)
    from framing.features.sentiment import compound

    quoted = _speech_contents(text, scare_spans)
    all_scores, own_scores, quoted_scores = [], [], []
    for start, end in sentences:
        start, end = int(start), int(end)
        all_scores.append(compound(text[start:end]))
        inside = [(max(s, start), min(e, end)) for s, e in quoted if s < end and start < e]
        if inside:
            quoted_scores.append(compound(" ".join(text[s:e] for s, e in inside)))
            own = _outside(text, start, end, inside)
            if any(ch.isalpha() for ch in own):
                own_scores.append(compound(own))
        else:
            own_scores.append(all_scores[-1])
    return (n_tokens, len(sentences), _mean(all_scores), _mean(own_scores), _mean(quoted_scores))


def _speech_contents(text: str, scare_spans) -> list[tuple[int, int]]:
    """Content spans of the quotations that are someone's speech.

    Scare quotes (the stance rows of the matches table), quoted titles and
    mentioned words ("the book “World of Daesh”", "the word “veto”") are
    the outlet's own voice, as they are for ``in_quote`` in the matches
    table: extract decided their kinds, and the titles and mentions are
    settled by their own context, so they are told apart here the same way.
    """
    from framing.features.quotes import MAX_SCARE_WORDS, MENTION, TITLE, context_kind
    from framing.text import _quote_rows

    scare = set(scare_spans)
    return [(row[2], row[3]) for row in _quote_rows(text, nested=False, word_limit=MAX_SCARE_WORDS + 1)
            if (row[0], row[1]) not in scare
            and context_kind(text, row, bool(row[6]), row[7]) not in (TITLE, MENTION)]


def _outside(text: str, start: int, end: int, inside) -> str:
    pieces, cursor = [], start
    for s, e in sorted(inside):
        pieces.append(text[cursor:s])
        cursor = max(cursor, e)
    pieces.append(text[cursor:end])
    return " ".join(pieces)


def _mean(values) -> float:
    return float(np.mean(values)) if values else float("nan")
