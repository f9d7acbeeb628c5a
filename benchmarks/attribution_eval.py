"""Score framing's attribution cues, speakers and contents against PolNeAR.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attributions in 1,008
US political news articles from seven publishers: a **cue** ("said",
"according to", ":"), a **source** (the speaker) and a **content**. This script
runs ``framing.extract(..., features=["attribution"])`` on the raw article
texts and compares its cue spans (``start``/``end`` of each attribution row),
speaker spans (``speaker_start``/``speaker_end``, where found) and content
spans (``content_start``/``content_end``, where found) with the gold cue,
source and content spans. For contents, overlap matching is lenient (one
shared character); exact matching is the telling figure.

Data
----
``articles.jsonl`` and ``attributions.jsonl`` of the converted corpus (see
``../shared/data/README.md``, section 2). Texts are used verbatim (no
cleaning), so the gold offsets stay valid. One annotator per article: the
first one listed in ``annotators``; the other annotators' rows are ignored.

Matching
--------
Each gold attribution gives one gold **cue** span (its cue fragments) and, if
it has a source, one gold **speaker** span (its source fragments), and, if it
has a content, one gold **content** span (its content fragments). Each
prediction and each gold span is used at most once (one-to-one).

* **exact**: a prediction is a true positive when its span equals the span
  of an unmatched gold item of the same role. Spans are compared after
  trimming whitespace and punctuation at both ends; a gold item with several
  fragments is compared by its hull (first fragment's start to last
  fragment's end).
* **overlap**: a prediction is a true positive when it shares at least one
  character with a fragment of an unmatched gold item of the same role;
  when several qualify, the one with the largest overlap is taken.
  Predictions are matched in text order.

Precision = true positives / predictions, recall = matched gold items / gold
items, F1 = their harmonic mean. Counts are summed over articles (micro
average), overall and per publisher.

Two views are printed: all attribution rows, and only rows outside quotations
(``in_quote`` False). PolNeAR gives each token one role in at most one
attribution, so attributions nested inside a quotation ("“I don't think
so,” he said": "think") are never annotated; framing keeps them (they are the
quoted speaker's own attributions), and the second view leaves them out of
the comparison. The second view is the headline figure.

Known differences between the schemes (they lower the figures; the
extractor is not bent to them):

* framing's speaker is the name without its appositive ("Omar Abu Laila");
  PolNeAR's source often includes it ("Omar Abu Laila, a Europe-based
  activist,"): exact matching suffers, overlap does not;
* for "X, who said", framing gives the antecedent X, PolNeAR the word "who"
  (634 of the 20,841 train sources, 3.0%, are "who", "which" or "that"), so
  such speakers count as misses in both modes;
* PolNeAR's content keeps the complementiser ("that the electorate is …",
  12% of train contents) and runs a quotation on across its speech tag;
  framing's content leaves "that" out and stops a quotation at the tag, so
  exact content matches are low where overlap is not;
* PolNeAR also annotates intentions, perceptions and evaluations ("wants",
  "plans", "seemed", "is expected", "support", "mocked … for") and colons
  before quotations; the reporting-verb lexicon leaves most of them out;

Usage
-----
::

    python benchmarks/attribution_eval.py --split dev
    python benchmarks/attribution_eval.py --split train --errors 30   # tuning aid

The corpus authors ask that dev (and test, which is not distributed here) not
be used for development: tune on train, and run dev only to report.
``--errors`` (missed and spurious cues with context) therefore refuses to run
on dev.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

import pandas as pd

ROLES = ("cue", "speaker", "content")
MODES = ("exact", "overlap")
_TRIM = " \t\r\n\u00a0\ufeff.,;:!?\"'“”‘’()[]—–-"


def default_path() -> Path:
    """``../shared/data/polnear`` beside the checkout, or under $FRAMING_SHARED."""
    repo = Path(__file__).resolve().parents[1]
    base = Path(os.environ.get("FRAMING_SHARED", repo.parent / "shared"))
    return base / "data" / "polnear"


def load_polnear(path: Path, split: str) -> tuple[pd.DataFrame, dict]:
    """Articles of one split as a corpus table, and their gold spans.

    Parameters
    ----------
    path : Path
        Folder holding ``articles.jsonl`` and ``attributions.jsonl``.
    split : str
        ``"train"`` or ``"dev"`` (or ``"annotator-training"``).

    Returns
    -------
    (pandas.DataFrame, dict)
        The corpus (``doc_id``, ``source`` = publisher, ``text`` verbatim) and
        ``{doc_id: {"cue": [fragments, ...], "speaker": [...], "content": [...]}}``
        where each item is a list of ``(start, end)`` fragments.
    """
    articles = [json.loads(line) for line in (path / "articles.jsonl").open(encoding="utf-8")]
    articles = [a for a in articles if a["split"] == split]
    if not articles:
        raise SystemExit(f"no articles of split {split!r} in {path}")
    annotator = {a["doc_id"]: a["annotators"][0] for a in articles}
    gold = {a["doc_id"]: {role: [] for role in ROLES} for a in articles}
    with (path / "attributions.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if annotator.get(row["doc_id"]) != row["annotator"]:
                continue
            if row["cue"]:
                gold[row["doc_id"]]["cue"].append([tuple(f) for f in row["cue"]])
            if row["source"]:
                gold[row["doc_id"]]["speaker"].append([tuple(f) for f in row["source"]])
            if row["content"]:
                gold[row["doc_id"]]["content"].append([tuple(f) for f in row["content"]])
    corpus = pd.DataFrame({"doc_id": [a["doc_id"] for a in articles],
                           "source": [a["publisher"] for a in articles],
                           "text": [a["text"] for a in articles]})
    return corpus, gold


def predictions(matches: pd.DataFrame, *, outside_quotes: bool = False) -> dict:
    """Predicted spans per article and role from a matches table.

    Parameters
    ----------
    matches : pandas.DataFrame
        The matches table of ``framing.extract``.
    outside_quotes : bool, default False
        Keep only cues in the outlet's own voice (``in_quote`` False). PolNeAR
        gives each token one role in one attribution, so an attribution nested
        inside a quotation ("“I don't think so,” he said") is never annotated;
        this view compares like with like.

    Returns
    -------
    dict
        ``{doc_id: {"cue": [(start, end), ...], "speaker": [...], "content": [...]}}``
    """
    rows = matches[matches["feature"] == "attribution"]
    if outside_quotes:
        rows = rows[~rows["in_quote"].astype(bool)]
    result: dict = {}
    for doc_id, start, end, s_start, s_end, c_start, c_end in zip(
            rows["doc_id"], rows["start"], rows["end"], rows["speaker_start"], rows["speaker_end"],
            rows["content_start"], rows["content_end"]):
        entry = result.setdefault(doc_id, {role: [] for role in ROLES})
        entry["cue"].append((int(start), int(end)))
        if not pd.isna(s_start):
            entry["speaker"].append((int(s_start), int(s_end)))
        if not pd.isna(c_start):
            entry["content"].append((int(c_start), int(c_end)))
    return result


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without whitespace and punctuation at either end."""
    start, end = max(0, start), min(end, len(text))
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def match_spans(text: str, predicted: list, gold: list, mode: str) -> int:
    """Number of true positives between predicted spans and gold items (one-to-one).

    Parameters
    ----------
    text : str
        The article, for trimming in exact mode.
    predicted : list of (int, int)
        Predicted spans.
    gold : list of list of (int, int)
        Gold items, each a list of fragments.
    mode : {"exact", "overlap"}
        See the module docstring.

    Returns
    -------
    int
        True positives (= matched gold items).

    Examples
    --------
    >>> match_spans("he said it", [(3, 7)], [[(3, 7)]], "exact")
    1
    >>> match_spans("he said it", [(0, 7)], [[(3, 7)]], "exact"), match_spans("he said it", [(0, 7)], [[(3, 7)]], "overlap")
    (0, 1)
    """
    used = [False] * len(gold)
    tp = 0
    if mode == "exact":
        index: dict = {}
        for k, fragments in enumerate(gold):
            hull = trimmed(text, fragments[0][0], fragments[-1][1])
            index.setdefault(hull, []).append(k)
        for start, end in sorted(predicted):
            for k in index.get(trimmed(text, start, end), []):
                if not used[k]:
                    used[k] = True
                    tp += 1
                    break
        return tp
    if mode != "overlap":
        raise ValueError(f"mode must be 'exact' or 'overlap', got {mode!r}")
    for start, end in sorted(predicted):
        best, best_size = -1, 0
        for k, fragments in enumerate(gold):
            if used[k]:
                continue
            size = sum(max(0, min(end, b) - max(start, a)) for a, b in fragments)
            if size > best_size:
                best, best_size = k, size
        if best >= 0:
            used[best] = True
            tp += 1
    return tp


def score(corpus: pd.DataFrame, gold: dict, predicted: dict) -> pd.DataFrame:
    """Precision, recall and F1 per publisher, role and matching mode, plus an ``all`` row.

    Returns
    -------
    pandas.DataFrame
        Columns ``publisher, role, mode, n_gold, n_pred, tp, precision, recall, f1``.
    """
    counts: dict = {}
    for doc_id, publisher, text in zip(corpus["doc_id"], corpus["source"], corpus["text"]):
        for role in ROLES:
            gold_items = gold.get(doc_id, {}).get(role, [])
            pred_items = predicted.get(doc_id, {}).get(role, [])
            for mode in MODES:
                tp = match_spans(text, pred_items, gold_items, mode)
                for group in (publisher, "all"):
                    c = counts.setdefault((group, role, mode), [0, 0, 0])
                    c[0] += len(gold_items)
                    c[1] += len(pred_items)
                    c[2] += tp
    rows = []
    for (group, role, mode), (n_gold, n_pred, tp) in counts.items():
        precision = tp / n_pred if n_pred else float("nan")
        recall = tp / n_gold if n_gold else float("nan")
        f1 = (2 * precision * recall / (precision + recall)) if precision + recall > 0 else 0.0
        rows.append({"publisher": group, "role": role, "mode": mode, "n_gold": n_gold, "n_pred": n_pred,
                     "tp": tp, "precision": precision, "recall": recall, "f1": f1})
    table = pd.DataFrame(rows)
    order = {name: k for k, name in enumerate(sorted(set(table["publisher"]) - {"all"}) + ["all"])}
    return table.sort_values(["role", "mode", "publisher"], key=lambda s: s.map(order) if s.name == "publisher"
                             else s).reset_index(drop=True)


def error_samples(corpus: pd.DataFrame, gold: dict, predicted: dict, n: int, seed: int = 0) -> str:
    """Missed gold cues and spurious predicted cues (overlap mode), with context, for tuning on train."""
    missed, spurious = [], []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        gold_items = gold.get(doc_id, {}).get("cue", [])
        preds = predicted.get(doc_id, {}).get("cue", [])
        for fragments in gold_items:
            if not any(s < b and a < e for s, e in preds for a, b in fragments):
                a, b = fragments[0][0], fragments[-1][1]
                missed.append(f"{text[max(0, a - 60):a]}[[{text[a:b]}]]{text[b:b + 40]}")
        for s, e in preds:
            if not any(s < b and a < e for fragments in gold_items for a, b in fragments):
                spurious.append(f"{text[max(0, s - 60):s]}[[{text[s:e]}]]{text[e:e + 40]}")
    rng = random.Random(seed)
    lines = ["MISSED"] + [" " + m.replace("\n", " ") for m in rng.sample(missed, min(n, len(missed)))]
    lines += ["SPURIOUS"] + [" " + m.replace("\n", " ") for m in rng.sample(spurious, min(n, len(spurious)))]
    return "\n".join(lines)


def main(argv=None) -> pd.DataFrame:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["train", "dev", "annotator-training"])
    parser.add_argument("--path", type=Path, default=default_path(), help="folder of the PolNeAR files")
    parser.add_argument("--errors", type=int, default=0, help="print N missed and N spurious cues (train only)")
    args = parser.parse_args(argv)
    if args.errors and args.split == "dev":
        parser.error("--errors is a tuning aid: run it on train only (dev is for reporting)")

    import framing

    corpus, gold = load_polnear(args.path, args.split)
    started = time.perf_counter()
    matches = framing.extract(corpus, features=["attribution"])
    elapsed = time.perf_counter() - started
    print(f"PolNeAR {args.split}: {len(corpus)} articles, one annotator each; "
          f"extraction {elapsed:.1f} s")
    tables = []
    for view, outside in (("all attribution rows", False), ("rows outside quotations (in_quote False)", True)):
        predicted = predictions(matches, outside_quotes=outside)
        table = score(corpus, gold, predicted).assign(view="outside_quotes" if outside else "all")
        tables.append(table)
        print(f"\n=== {view} ===")
        _print_table(table)
    if args.errors:
        print()
        print(error_samples(corpus, gold, predictions(matches, outside_quotes=True), args.errors))
    return pd.concat(tables, ignore_index=True)


def _print_table(table: pd.DataFrame) -> None:
    with pd.option_context("display.width", 120, "display.max_rows", 200):
        for role in ROLES:
            part = table[table["role"] == role].pivot(index="publisher", columns="mode",
                                                      values=["precision", "recall", "f1"])
            part = part.reindex(sorted(set(part.index) - {"all"}) + ["all"])
            n = table[(table["role"] == role) & (table["publisher"] == "all")].iloc[0]
            print(f"\n{role} spans (gold {n.n_gold}, predicted {n.n_pred})")
            print(part.round(3).to_string())


if __name__ == "__main__":
    sys.exit(0 if main() is not None else 1)
