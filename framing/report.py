"""``framing report``: the whole analysis of a corpus as one folder.

::

    DIR/index.html          one self-contained page (inline CSS, no scripts, no
                            external resources): summary, figures with captions,
                            main tables, evidence, methods, versions, input hash
    DIR/figures/*.png|svg|pdf   every figure, byte-identical across runs
    DIR/tables/*.csv        every result table in full
    DIR/matches.csv         every piece of evidence, with character offsets

Everything taken from the corpus (titles, outlet names, quoted text) is escaped
before it goes into the page, and every file name derived from data is
sanitised, so a hostile corpus can neither inject markup nor write outside DIR.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from framing._warnings import FramingError, FramingWarning

MAX_FAMILIES = 4
MAX_VOCAB_GROUPS = 6
KWIC_ROWS = 12
SMALL_GROUP = 10  # articles per group below which the report warns that inference is weak


@dataclass
class Section:
    """One part of the page: prose, figures and tables."""

    id: str
    title: str
    intro: str = ""
    figures: list = field(default_factory=list)  # (stem, caption)
    tables: list = field(default_factory=list)   # (title, DataFrame, csv name)
    html_blocks: list = field(default_factory=list)  # already-escaped HTML (KWIC)


def safe_name(text: str, fallback: str = "item") -> str:
    """A file-name-safe slug: letters, digits, ``-`` and ``_`` only, never a device name.

    Examples
    --------
    >>> safe_name("../../etc/passwd"), safe_name("CON"), safe_name("Fox News")
    ('etc_passwd', 'con_', 'fox_news')
    """
    slug = re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_")[:60] or fallback
    if slug.split("_")[0] in {"con", "prn", "aux", "nul", "com1", "com2", "com3", "lpt1", "lpt2"}:
        slug += "_"
    return slug


def build_report(corpus=None, out="framing-report", *, by: str = "source", lexicons=None,
                 families=None, n_boot: int = 2000, n_perm: int = 5000, random_state: int = 0,
                 dedupe: str = "keep", sentiment: bool = True, progress: bool = True,
                 formats=("png", "svg", "pdf")) -> Path:
    """Run the full analysis and write the report folder.

    Parameters
    ----------
    corpus : pandas.DataFrame, str or Path, optional
        A corpus table, or anything :func:`framing.load_corpus` reads.
        Default: the bundled five-outlet sample.
    out : str or Path, default "framing-report"
        Output folder (created; files written only inside it).
    by : str, default "source"
        Corpus column to compare (source, origin, a bias label, a topic...).
    lexicons : list, optional
        Lexicon files or dicts (default: the shipped ones).
    families : list of str, optional
        Naming families to report (default: up to four families that at
        least two groups use, most mentioned first).
    n_boot, n_perm : int
        Bootstrap resamples and permutations (defaults 2,000 and 5,000).
    random_state : int, default 0
        Seed for every resampling step.
    dedupe : {"keep", "drop", "origin"}, default "keep"
        Near-duplicate policy for the statistics (see :func:`framing.dedupe.apply_dedupe`).
    sentiment : bool, default True
        Compute VADER sentiment.
    progress : bool, default True
        Progress bars on the long steps.
    formats : tuple of str, default ("png", "svg", "pdf")
        Figure files to write; PNG is always written (the page shows it).

    Returns
    -------
    pathlib.Path
        The path of ``index.html``.

    Examples
    --------
    >>> import tempfile, framing.report
    >>> page = framing.report.build_report(out=tempfile.mkdtemp(), progress=False, n_boot=200, n_perm=200)
    >>> page.name
    'index.html'
    """
    import framing
    from framing.dedupe import apply_dedupe, find_duplicates, syndication_summary
    from framing.provenance import corpus_hash, lexicon_records, package_versions

    out = Path(out)
    formats = tuple(dict.fromkeys(("png", *formats)))
    for sub in ("figures", "tables"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    steps = _Progress(progress, total=6)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FramingWarning)
        steps.step("load")
        corpus = _as_corpus(corpus)
        steps.step("extract")
        matches = framing.extract(corpus, lexicons=lexicons, progress=progress)
        steps.step("doc features")
        docs = framing.doc_features(corpus, matches, sentiment=sentiment, lexicons=lexicons)
    load_warnings = list(dict.fromkeys([*corpus.attrs.get("warnings", []),
                                        *[str(w.message) for w in caught]]))
    if by not in corpus.columns:
        raise FramingError(f"cannot compare by {by!r}: no such corpus column. Columns present: "
                           f"{', '.join(map(str, corpus.columns))}.")
    duplicates = find_duplicates(corpus)
    notes = syndication_summary(corpus, duplicates)
    stats_docs = apply_dedupe(docs, corpus, dedupe, duplicates=duplicates)
    stats_matches = apply_dedupe(matches, corpus, dedupe, duplicates=duplicates)
    params = {"by": by, "n_boot": n_boot, "n_perm": n_perm, "random_state": random_state,
              "dedupe": dedupe, "ci": 0.95, "sentiment": sentiment}
    steps.step("statistics")
    results = _statistics(corpus, matches if dedupe == "keep" else stats_matches, stats_docs,
                          params, families, lexicons)
    steps.step("figures")
    sections = _sections(corpus, matches, docs, results, params, _Out(out, formats))
    steps.step("page")
    _write_tables(out, corpus, matches, docs, results, duplicates)
    context = {
        "corpus": corpus, "docs": docs, "matches": matches, "params": params,
        "warnings": load_warnings, "notes": notes + _inference_notes(corpus, by),
        "duplicates": duplicates, "versions": package_versions(),
        "lexicons": lexicon_records(lexicons), "input_hash": corpus_hash(corpus),
        "results": results, "formats": formats,
    }
    page = out / "index.html"
    page.write_text(render_page(sections, context), encoding="utf-8")
    (out / "provenance.json").write_text(json.dumps({
        "versions": context["versions"], "lexicons": context["lexicons"], "parameters": params,
        "corpus_sha256": context["input_hash"], "n_articles": int(len(corpus))}, indent=2),
        encoding="utf-8")
    steps.close()
    return page


class _Progress:
    def __init__(self, enabled: bool, total: int):
        self.bar = None
        self.started = False
        if enabled:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=total, desc="report", unit="step")

    def step(self, name: str) -> None:
        """Mark the step before as done and show the one starting."""
        if self.bar is not None:
            if self.started:
                self.bar.update(1)
            self.started = True
            self.bar.set_postfix_str(name)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.update(self.bar.total - self.bar.n)
            self.bar.close()


def _as_corpus(corpus) -> pd.DataFrame:
    import framing

    if corpus is None:
        return framing.load_sample()
    if isinstance(corpus, pd.DataFrame) and {"doc_id", "text", "source"} <= set(corpus.columns):
        return corpus
    return framing.load_corpus(corpus)


# --------------------------------------------------------------------------- statistics


def _statistics(corpus, matches, docs, params, families, lexicons) -> dict:
    from framing import stats

    by, seed = params["by"], params["random_state"]
    chosen = _choose_families(matches, corpus, by, families)
    results = {"families": chosen, "naming": {}}
    for family in chosen:
        entry = {}
        for voice in ("own", "quoted"):
            entry[voice] = stats.naming_shares(matches, corpus, family, by=by, voice=voice,
                                               n_boot=params["n_boot"], random_state=seed)
        try:
            entry["test"] = stats.naming_test(matches, corpus, family, by=by,
                                              n_perm=params["n_perm"], n_boot=params["n_boot"],
                                              random_state=seed)
        except FramingError as exc:
            entry["test_error"] = str(exc)
        results["naming"][family] = entry
    docs_by = docs.copy()
    results["rates"] = stats.compare_rates(docs_by, by=by, features=["attribution", "stance"],
                                           n_boot=params["n_boot"], n_perm=params["n_perm"],
                                           random_state=seed)
    profile = [f"naming:{f}" for f in chosen] + ["attribution", "stance"]
    results["similarity"] = stats.similarity(docs_by, by=by, features=profile,
                                             n_boot=params["n_boot"], random_state=seed)
    results["log_odds"] = stats.log_odds(corpus, by=by)
    return results


def _choose_families(matches, corpus, by, families) -> list[str]:
    naming = matches[matches["feature"] == "naming"]
    available = list(dict.fromkeys(naming["category"]))
    if families:
        unknown = [f for f in families if f not in available]
        if unknown:
            raise FramingError(f"naming family {unknown[0]!r} has no matches in this corpus; "
                               f"families found: {', '.join(available) or 'none'}.")
        return list(families)
    groups = corpus.set_index("doc_id")[by]
    used = naming.assign(group=naming["doc_id"].map(groups))
    spread = used.groupby("category")["group"].nunique()
    counts = used.groupby("category").size()
    eligible = [f for f in counts.sort_values(ascending=False).index if spread.get(f, 0) >= 2
                and f != "state_government" or f == "isis"]
    if "isis" in eligible:
        eligible = ["isis"] + [f for f in eligible if f != "isis"]
    return eligible[:MAX_FAMILIES]


def _inference_notes(corpus, by) -> list[str]:
    sizes = corpus.groupby(by).size()
    small = sizes[sizes < SMALL_GROUP]
    if small.empty:
        return []
    return [f"{len(small)} of {len(sizes)} groups have fewer than {SMALL_GROUP} articles "
            f"(smallest: {int(sizes.min())}). With so few articles per group the intervals are wide "
            "or undefined and the tests have little power: read the tables as a description of "
            "these texts, not as evidence about the outlets."]


# --------------------------------------------------------------------------- sections and figures


def _sections(corpus, matches, docs, results, params, out) -> list[Section]:
    from framing import plot

    sections = []
    by = params["by"]
    with plot.style("two_column"):
        for family in results["families"]:
            sections.append(_naming_section(corpus, matches, results["naming"][family], family, by, out))
        sections.append(_attribution_section(corpus, matches, docs, results, by, out))
        sections.append(_stance_section(corpus, matches, results, by, out))
        sections.append(_vocabulary_section(results, by, out))
        sections.append(_similarity_section(results, out))
    return sections


@dataclass
class _Out:
    """Where figures go, and in which formats."""

    path: Path
    formats: tuple


def _save(fig, out: _Out, stem: str) -> str:
    from framing import plot

    plot.save_figure(fig, out.path / "figures" / stem, formats=out.formats)
    import matplotlib.pyplot as plt

    plt.close(fig)
    return stem


def _figure_of(artist):
    return artist if hasattr(artist, "savefig") else artist.figure


def _naming_section(corpus, matches, entry, family, by, out) -> Section:
    from framing import plot

    own, quoted = entry["own"], entry["quoted"]
    section = Section(f"naming-{family}", f"Naming: {family.replace('_', ' ')}",
                      intro=("Share of each name per outlet, in the outlet's own words and inside "
                             "quoted speech. Bars are pooled shares of mentions; whiskers are 95% "
                             "intervals from resampling articles."))
    fig = _figure_of(plot.naming_shares(own, quoted))
    stem = _save(fig, out, f"naming_{safe_name(family)}")
    section.figures.append((stem, f"Naming variants of the {family} family by {by}: own voice "
                                  "(left) and quoted speech (right)."))
    section.tables.append((f"Shares, own voice ({family}): share (count) per variant",
                           _share_grid(own, by), f"naming_shares_{safe_name(family)}_own.csv"))
    if "test" in entry:
        test = entry["test"]
        shown = [c for c in ("comparison", "group_a", "group_b", "variant", "estimate", "ci_low",
                             "ci_high", "p_perm", "q", "cramers_v", "statistic", "p", "n_docs")
                 if c in test.columns]
        section.tables.append((f"Test of independence ({family}); p_perm permutes articles",
                               _round(test[shown]), f"naming_test_{safe_name(family)}.csv"))
    elif "test_error" in entry:
        section.intro += " No test: " + entry["test_error"]
    rows = matches[(matches["feature"] == "naming") & (matches["category"] == family)]
    section.html_blocks.append(_kwic_block(corpus, rows, f"Evidence: {family} namings"))
    return section


def _attribution_section(corpus, matches, docs, results, by, out) -> Section:
    from framing import plot

    section = Section("attribution", "Attribution",
                      intro=("How each outlet attributes what it reports: reporting-verb classes per "
                             "1,000 tokens (neutral \"said\", distancing \"claimed\", endorsing "
                             "\"confirmed\"...) and who is quoted."))
    rates = results["rates"]
    fig = _figure_of(plot.verb_classes(rates))
    section.figures.append((_save(fig, out, "attribution_verb_classes"),
                            f"Reporting-verb classes by {by}, per 1,000 tokens."))
    fig = _figure_of(plot.speaker_types(docs, by=by))
    section.figures.append((_save(fig, out, "attribution_speakers"),
                            f"Share of attributions to anonymous speakers by {by}, with 95% intervals."))
    section.tables.append(("Reporting-verb classes per 1,000 tokens, with 95% intervals",
                           _rate_grid(rates, "attribution", by), "rates.csv"))
    rows = matches[(matches["feature"] == "attribution") & (matches["category"] != "neutral")]
    section.html_blocks.append(_kwic_block(corpus, rows, "Evidence: loaded reporting verbs"))
    return section


def _stance_section(corpus, matches, results, by, out) -> Section:
    from framing import plot

    section = Section("stance", "Stance markers",
                      intro=("Hedges, boosters, distancing modifiers and scare quotes per 1,000 "
                             "tokens. The dashed line is the rate over the whole corpus."))
    rates = results["rates"]
    for category in ("hedge", "booster", "distancing", "scare_quote"):
        if not ((rates["feature"] == "stance") & (rates["category"] == category)).any():
            continue
        fig = _figure_of(plot.forest(rates, f"stance:{category}"))
        section.figures.append((_save(fig, out, f"stance_{category}"),
                                f"{category.replace('_', ' ').capitalize()} rate by {by} (95% intervals)."))
    section.tables.append(("Stance markers per 1,000 tokens, with 95% intervals",
                           _rate_grid(rates, "stance", by), "rates.csv"))
    omnibus = rates[(rates["feature"] == "stance") & (rates["comparison"] == "omnibus")]
    shown = [c for c in ("category", "statistic", "p", "q", "p_kruskal", "epsilon_squared", "n_docs")
             if c in omnibus.columns]
    section.tables.append(("Do the groups differ? Omnibus permutation tests", _round(omnibus[shown]),
                           "rates.csv"))
    rows = matches[(matches["feature"] == "stance") & (matches["category"].isin(["distancing", "scare_quote"]))]
    section.html_blocks.append(_kwic_block(corpus, rows, "Evidence: distancing and scare quotes"))
    return section


def _vocabulary_section(results, by, out) -> Section:
    from framing import plot

    section = Section("vocabulary", "Distinctive words",
                      intro=("Words each group uses more (or less) than the others: log-odds "
                             "ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn "
                             "2008); z above 1.96 is labelled."))
    table = results["log_odds"]
    key = by if by in table.columns else "group"
    groups = list(dict.fromkeys(table[key]))[:MAX_VOCAB_GROUPS]
    for number, group in enumerate(groups):
        subset = table[table[key] == group]
        fig = _figure_of(plot.distinctive_words(subset))
        section.figures.append((_save(fig, out, f"vocabulary_{number:02d}_{safe_name(group)}"),
                                f"Distinctive words: {group} against all other groups."))
    top = (table.sort_values("z", ascending=False).groupby(key, sort=False).head(10))
    section.tables.append(("Top distinctive words per group", _round(top), "log_odds.csv"))
    return section


def _similarity_section(results, out) -> Section:
    from framing import plot

    section = Section("similarity", "How similar are the outlets?",
                      intro=("Jensen-Shannon divergence between the groups' profiles of naming "
                             "variants, reporting-verb classes and stance markers (0 = identical)."))
    sim = results["similarity"]
    fig = _figure_of(plot.similarity_heatmap(sim))
    section.figures.append((_save(fig, out, "similarity_heatmap"), "Pairwise Jensen-Shannon divergence."))
    if sim["group_a"].nunique() >= 3:
        fig = _figure_of(plot.dendrogram(sim))
        section.figures.append((_save(fig, out, "similarity_dendrogram"),
                                "Average-linkage clustering of the divergences."))
    section.tables.append(("Jensen-Shannon divergence", _round(sim), "similarity.csv"))
    return section


def _rate_grid(rates: pd.DataFrame, feature: str, by: str) -> pd.DataFrame:
    """Group rates as one row per group and one column per category: "2.5 [1.1, 4.0]"."""
    rows = rates[(rates["feature"] == feature) & (rates["comparison"] == "group")]
    if rows.empty:
        return pd.DataFrame()

    def cell(r):
        if pd.isna(r.estimate):
            return ""
        if pd.isna(r.ci_low):
            return f"{r.estimate:.2f}"
        return f"{r.estimate:.2f} [{r.ci_low:.2f}, {r.ci_high:.2f}]"

    cells = rows.assign(cell=[cell(r) for r in rows.itertuples()])
    grid = cells.pivot_table(index="group_a", columns="category", values="cell", aggfunc="first",
                             sort=False)
    used = [c for c in dict.fromkeys(rows["category"])
            if rows.loc[rows["category"] == c, "estimate"].fillna(0).gt(0).any()]
    return grid[used].rename_axis(by).reset_index()


def _share_grid(shares: pd.DataFrame, by: str) -> pd.DataFrame:
    """Shares as one row per group and one column per variant: "80% (8)"."""
    key = by if by in shares.columns else "group"
    cells = shares.assign(cell=[("" if pd.isna(s) else f"{s:.0%} ({int(c)})")
                                for s, c in zip(shares["share"], shares["count"])])
    grid = cells.pivot_table(index=key, columns="variant", values="cell", aggfunc="first", sort=False)
    grid = grid[[v for v in dict.fromkeys(shares["variant"]) if v in grid.columns]]
    mentions = shares.groupby(key, sort=False)["n_mentions"].first()
    grid.insert(0, "mentions", mentions.reindex(grid.index).astype("Int64"))
    return grid.reset_index()


def _kwic_block(corpus, rows, title) -> str:
    import framing

    if rows.empty:
        return f"<h4>{html.escape(title)}</h4><p>No matches.</p>"
    # A few from every outlet, so that each one's usage can be read.
    per_source = max(1, KWIC_ROWS // max(1, rows["source"].nunique()))
    sample = rows.groupby("source", sort=False).head(per_source).head(KWIC_ROWS)
    table = framing.kwic(corpus, sample, window=70)
    body = []
    for row in table.itertuples(index=False):
        body.append("<tr><td>{}</td><td class='left'>{}</td><td class='hit'>{}</td>"
                    "<td>{}</td><td>{}</td></tr>".format(
                        html.escape(str(row.source)), html.escape(row.left), html.escape(row.match),
                        html.escape(row.right), html.escape(str(row.label))))
    more = f"<p class='note'>{len(rows) - len(sample)} more in matches.csv.</p>" if len(rows) > len(sample) else ""
    return (f"<h4>{html.escape(title)}</h4><table class='kwic'><thead><tr><th>source</th>"
            "<th></th><th>match</th><th></th><th>label</th></tr></thead><tbody>"
            + "".join(body) + "</tbody></table>" + more)


def _round(table: pd.DataFrame) -> pd.DataFrame:
    out = table.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].round(4)
    return out


# --------------------------------------------------------------------------- files


def _write_tables(out: Path, corpus, matches, docs, results, duplicates) -> None:
    matches.to_csv(out / "matches.csv", index=False)
    docs.to_csv(out / "tables" / "doc_features.csv", index=False)
    for family, entry in results["naming"].items():
        for voice in ("own", "quoted"):
            entry[voice].to_csv(out / "tables" / f"naming_shares_{safe_name(family)}_{voice}.csv", index=False)
        if "test" in entry:
            entry["test"].to_csv(out / "tables" / f"naming_test_{safe_name(family)}.csv", index=False)
    results["rates"].to_csv(out / "tables" / "rates.csv", index=False)
    results["similarity"].to_csv(out / "tables" / "similarity.csv", index=False)
    results["log_odds"].to_csv(out / "tables" / "log_odds.csv", index=False)
    duplicates.to_csv(out / "tables" / "duplicates.csv", index=False)


# --------------------------------------------------------------------------- the page

CSS = """
body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.7rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}
figure{margin:1.5rem 0}figure img{max-width:100%;border:1px solid #eee}figcaption{font-size:.9rem;color:#444}
table{border-collapse:collapse;font-size:.8rem;margin:.5rem 0 1.5rem;display:block;overflow-x:auto}
th,td{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}th{background:#f4f4f4}
.kwic td.left{text-align:right}.kwic td.hit{background:#fff3b0;font-weight:bold}
.warn{background:#fff4e5;border-left:4px solid #e69f00;padding:.5rem 1rem;margin:.5rem 0}
.note{color:#555;font-size:.85rem}code{background:#f4f4f4;padding:0 .2rem}
"""


def render_page(sections: list[Section], context: dict) -> str:
    """The report page as one HTML string (every corpus string escaped)."""
    corpus = context["corpus"]
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             "<title>framing report</title>", f"<style>{CSS}</style></head><body>",
             "<h1>framing report</h1>", _summary(corpus, context)]
    parts.append("<nav><p>" + " · ".join(f"<a href='#{s.id}'>{html.escape(s.title)}</a>"
                                         for s in sections) + " · <a href='#methods'>Methods</a></p></nav>")
    for section in sections:
        parts.append(_render_section(section, context.get("formats", ("png", "svg", "pdf"))))
    parts.append(_methods(context))
    parts.append("</body></html>")
    return "\n".join(parts)


def _summary(corpus, context) -> str:
    by = context["params"]["by"]
    docs = context["docs"]
    dates = corpus["date"].dropna() if "date" in corpus.columns else pd.Series([], dtype="datetime64[ns]")
    date_text = (f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "unknown")
    counts = corpus.groupby(by).size().rename("articles").to_frame()
    counts["tokens"] = docs.groupby(by)["n_tokens"].sum()
    if "origin" in corpus.columns:
        counts["origins"] = corpus.groupby(by)["origin"].agg(
            lambda s: ", ".join(sorted(set(map(str, s.dropna())))) or "unknown")
    lines = [f"<p>{len(corpus):,} articles from {corpus['source'].nunique():,} sources, dated "
             f"{html.escape(date_text)}; {int(docs['n_tokens'].sum()):,} word tokens; "
             f"{len(context['matches']):,} pieces of evidence (see <code>matches.csv</code>). "
             f"Groups compared: <code>{html.escape(by)}</code>.</p>",
             _html_table(counts.reset_index())]
    for note in context["notes"]:
        lines.append(f"<div class='warn'>{html.escape(note)}</div>")
    if context["warnings"]:
        lines.append("<details><summary>Warnings while loading and extracting "
                     f"({len(context['warnings'])})</summary><ul>"
                     + "".join(f"<li>{html.escape(w)}</li>" for w in context["warnings"])
                     + "</ul></details>")
    return "\n".join(lines)


def _render_section(section: Section, formats=("png", "svg", "pdf")) -> str:
    parts = [f"<section id='{html.escape(section.id)}'><h2>{html.escape(section.title)}</h2>"]
    if section.intro:
        parts.append(f"<p>{html.escape(section.intro)}</p>")
    for stem, caption in section.figures:
        links = " · ".join(f"<a href='figures/{html.escape(stem)}.{ext}'>{ext.upper()}</a>"
                           for ext in ("svg", "pdf") if ext in formats)
        links = f" ({links})" if links else ""
        parts.append(f"<figure><img src='figures/{html.escape(stem)}.png' alt='{html.escape(caption)}'>"
                     f"<figcaption>{html.escape(caption)}{links}</figcaption></figure>")
    for title, table, csv_name in section.tables:
        parts.append(f"<h4>{html.escape(title)}</h4>" + _html_table(table.head(40)) +
                     f"<p class='note'>Full table: <a href='tables/{html.escape(csv_name)}'>"
                     f"tables/{html.escape(csv_name)}</a></p>")
    parts.extend(section.html_blocks)
    parts.append("</section>")
    return "\n".join(parts)


def _html_table(table: pd.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in table.columns)
    rows = []
    for values in table.itertuples(index=False):
        rows.append("<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in values) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _methods(context) -> str:
    from framing.methods import methods_paragraph

    versions = context["versions"]
    lexicons = pd.DataFrame(context["lexicons"])[["lexicon", "version", "feature", "entries", "sha256"]]
    return ("<section id='methods'><h2>Methods</h2>"
            f"<p>{html.escape(methods_paragraph(context['params'], context['lexicons'], versions))}</p>"
            "<h4>Lexicons</h4>" + _html_table(lexicons) +
            "<h4>Software</h4>" + _html_table(pd.DataFrame(sorted(versions.items()),
                                                          columns=["package", "version"])) +
            f"<p>Input corpus SHA-256: <code>{html.escape(context['input_hash'])}</code> "
            f"({len(context['corpus']):,} articles). Parameters: <code>"
            f"{html.escape(json.dumps(context['params'], sort_keys=True))}</code>.</p>"
            "<h4>References</h4><ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in REFERENCES) +
            "</ul></section>")


REFERENCES = [
    "Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate. JRSS B 57(1), 289-300.",
    "Hutto, C. & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment analysis "
    "of social media text. ICWSM.",
    "Hyland, K. (2005). Metadiscourse: Exploring Interaction in Writing. Continuum.",
    "Lijffijt, J., Nevalainen, T., Säily, T., Papapetrou, P., Puolamäki, K. & Mannila, H. (2016). "
    "Significance testing of word frequencies in corpora. Digital Scholarship in the Humanities 31(2).",
    "Lin, J. (1991). Divergence measures based on the Shannon entropy. IEEE Trans. Inf. Theory 37(1).",
    "Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' words: Lexical feature selection "
    "and evaluation for identifying the content of political conflict. Political Analysis 16(4).",
    "Newell, E., Margolin, D. & Ruths, D. (2018). An attribution relations corpus for political news. LREC.",
]
