"""Write the three notebooks of this folder from the cell texts below.

The notebooks are stored without outputs (``execution_count`` None), so that
they stay small and their diffs show only what a person changed. Edit the
cells here, run ``python notebooks/build_notebooks.py`` and commit both files;
``tests/test_notebooks.py`` executes the notebooks and checks that the stored
files match this script.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
TEACHER = ["teacher-key"]


def md(text: str):
    return new_markdown_cell(textwrap.dedent(text).strip("\n"))


def code(text: str, tags=()):
    cell = new_code_cell(textwrap.dedent(text).strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def notebook(cells) -> nbformat.NotebookNode:
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{number:02d}"          # stable ids: no random churn in diffs
    return nb


# =========================================================================== 01 quickstart

QUICKSTART = [
    md("""
    # framing quickstart: five articles, end to end

    This notebook walks through the whole pipeline on the sample that ships with
    framing: five articles about one story (the Islamic State group after losing its
    territory, 2017-2018), each pasted from a different outlet's web page, clutter and
    all.

    `load` → `clean` → `extract` → **audit the evidence** → naming, attribution and
    stance → one row per article → statistics.

    Five articles, one per outlet, are enough to see every phenomenon framing
    measures, and **not enough to conclude anything about the outlets** (section 9
    shows why). For statistics on a real corpus, see `03_paper_figures.ipynb`.
    Runs in under a minute.
    """),
    code("""
    import matplotlib.pyplot as plt
    import pandas as pd

    import framing

    pd.set_option("display.max_colwidth", 80)
    pd.set_option("display.width", 160)
    framing.plot.use_style("notebook")      # colour-blind-safe palette, one colour per outlet
    """),
    md("""
    ## 1. Load

    `framing.load_sample()` reads `data/sample/` (five `.txt` pages and a
    `manifest.csv`); `framing.load_corpus(...)` reads your own CSV, JSON, Parquet,
    folder or DataFrame the same way. One row per article. Two columns matter for
    interpretation: **`source`** is the publisher of the page, **`origin`** is who
    wrote the story. Four of the five pages carry someone else's journalism (a news
    agency or another newspaper), so a difference between "outlets" may be a
    difference between agencies, or an editor's change to agency copy.
    """),
    code("""
    corpus = framing.load_sample()
    corpus[["doc_id", "source", "origin", "date", "title"]]
    """),
    code("""
    for row in corpus.itertuples():
        print(f"{row.source:32} origin: {row.origin}")
    """),
    md("""
    ## 2. Clean: what was removed?

    Pasted pages carry furniture: headlines repeated as the first line, bylines and
    timestamps, tag lists, "Related Articles", copyright lines. The loader removes
    them and keeps the page as read in `raw_text`; `text` (what every offset refers
    to) is the cleaned body. `framing.clean.clean_with_report` shows each removal,
    the rule that fired and its character offsets in the raw page, here for the Arab
    News article.
    """),
    code("""
    page = corpus.iloc[0]
    cleaned, removed = framing.clean.clean_with_report(page["raw_text"], title=page["title"])
    print(f"{page['source']}: {len(page['raw_text']):,} characters as pasted, "
          f"{len(cleaned):,} after cleaning, {len(removed)} removals")
    assert cleaned == page["text"]           # the loader ran the same cleaner
    removed
    """),
    md("""
    ## 3. Extract

    `framing.extract` finds naming choices, attributions and stance markers and
    returns one row per piece of evidence, with the character span (`start`, `end`)
    that produced it and whether it lies inside quoted speech (`in_quote`).
    """),
    code("""
    matches = framing.extract(corpus)
    print(f"{len(matches)} matches")
    matches.groupby(["feature", "category"]).size().rename("matches").to_frame().T
    """),
    code("""
    # names that are mentioned rather than used ("Tags: Daesh") are flagged metalinguistic
    isis = matches.query("feature == 'naming' and category == 'isis' and not metalinguistic")
    pd.crosstab(isis["source"], [isis["in_quote"].map({False: "own voice", True: "quoted"}),
                                 isis["label"]])
    """),
    md("""
    ## 4. Audit the evidence

    Every number below comes from rows like these. Read them before you trust a
    share or a rate: `framing.kwic` puts each match back into its sentence, and
    `framing.plot.kwic_html` renders it with the match highlighted (all text
    escaped). Here: the names of the group that occur *inside quotations*.
    """),
    code("""
    quoted_names = framing.kwic(corpus, isis.query("in_quote"), window=70)
    framing.plot.kwic_html(quoted_names, columns=("source", "label"),
                           caption="Names of the Islamic State group inside quotations")
    """),
    md("""
    Arab News runs an AP story but writes *Daesh* throughout, the name Arab
    governments use and the group rejects. When a US general says "ISIS", the
    quotation keeps his word and the paper adds "using an alternative name for the
    group". That is why framing separates the outlet's **own voice** from the
    **quoted voice**: quotations show whom an outlet quotes, not which name it
    chooses.

    Names that are mentioned rather than used ("Tags: Daesh", a book called *World
    of Daesh*) are flagged `metalinguistic` and left out of the shares by default.
    """),
    md("""
    ## 5. Naming shares: own voice and quoted voice

    `framing.stats.naming_shares` pools the mentions of a naming family per outlet.
    The intervals resample articles; with one article per outlet there is nothing
    to resample, so no interval is drawn.
    """),
    code("""
    own = framing.stats.naming_shares(matches, corpus, family="isis", by="source", voice="own")
    quoted = framing.stats.naming_shares(matches, corpus, family="isis", by="source",
                                         voice="quoted")
    own.pivot(index="group", columns="variant", values="share").round(2)
    """),
    code("""
    fig = framing.plot.naming_shares(own, quoted)
    """),
    md("""
    ## 6. Attribution: who speaks, and how they are introduced

    Attribution rows carry the reporting verb's class (`category`: neutral "said",
    distancing "claimed", endorsing "confirmed", alarm "warned"...), the cue
    (`label`), the speaker span and its type (named, anonymous, organization,
    pronoun...) and the quote type (direct, indirect, mixed, "according to").
    """),
    code("""
    attribution = matches.query("feature == 'attribution'")
    pd.crosstab(attribution["source"], attribution["category"])
    """),
    code("""
    pd.crosstab(attribution["source"], attribution["speaker_type"])
    """),
    code("""
    anonymous = framing.kwic(corpus, attribution.query("speaker_type == 'anonymous'"), window=50)
    framing.plot.kwic_html(anonymous, columns=("source", "speaker", "label"),
                           caption="Attributions to anonymous speakers")
    """),
    md("""
    `framing.doc_features` turns the matches into one row per article: token and
    sentence counts, counts and rates per 1,000 tokens of every category, the share
    of anonymous speakers and sentiment. The plots read this table.
    """),
    code("""
    docs = framing.doc_features(corpus, matches)
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.2), layout="constrained",
                             gridspec_kw={"width_ratios": [3, 2]})
    framing.plot.verb_classes(docs, orient="outlets", ax=axes[0])
    framing.plot.speaker_types(docs, ax=axes[1]);
    """),
    code("""
    quote_types = pd.crosstab(attribution["source"], attribution["quote_type"], normalize="index")
    ax = quote_types.iloc[::-1].plot.barh(stacked=True, figsize=(7, 2.6), width=0.7)
    ax.set_xlabel("share of attributions")
    ax.set_ylabel("")
    ax.legend(title="quote type", bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.set_title("Direct, indirect and 'according to' attributions");
    """),
    md("""
    ## 7. Stance: hedges and scare quotes

    Hedges ("may", "reportedly") soften a claim, boosters ("clearly") strengthen
    it, distancing modifiers ("so-called", "self-styled") and scare quotes
    (a short quotation that nobody is said to have spoken) hold a word at arm's
    length.
    """),
    code("""
    stance = matches.query("feature == 'stance'")
    pd.crosstab(stance["source"], stance["category"])
    """),
    code("""
    scare = framing.kwic(corpus, stance.query("category in ['scare_quote', 'distancing']"), window=50)
    framing.plot.kwic_html(scare, columns=("source", "category"),
                           caption="Scare quotes and distancing modifiers")
    """),
    code("""
    rates = framing.stats.compare_rates(docs, by="source", features=["stance", "attribution"])
    ax = framing.plot.forest(rates, "stance:hedge", docs=docs)
    """),
    md("""
    ## 8. One row per article

    The doc features table is where your own analysis starts (merge your codings,
    fit your models). A few of its columns:
    """),
    code("""
    docs[["source", "origin", "n_tokens", "n_sentences", "rate:naming:isis",
          "rate:attribution:neutral", "rate:stance:hedge", "share_anonymous",
          "sentiment"]].round(2)
    """),
    md("""
    ## 9. What five articles can and cannot show

    The tables above **describe these five texts** accurately: Arab News writes
    Daesh sixteen times and never ISIS; the Wall Street Journal story writes
    Islamic State. They do not tell us what the *outlets* do in general, and a
    statistical test cannot change that.
    """),
    code("""
    test = framing.stats.naming_test(matches, corpus, family="isis", by="source")
    omnibus = test.query("comparison == 'omnibus'").iloc[0]
    print(f"mentions counted: {omnibus['n_mentions']}, articles: {omnibus['n_docs']}")
    print(f"token-level chi-square: {omnibus['statistic']:.1f} on {omnibus['dof']} df, "
          f"p = {omnibus['p']:.1e}")
    print(f"article-level permutation p = {omnibus['p_perm']:.3f}")
    """),
    md("""
    The two p-values answer different questions.

    * The **chi-square** treats each of the 70 mentions as an independent draw. But
      the mentions are not independent: an article that has chosen "Daesh" (often by
      house style) uses it every time. Sixteen Daesh in one article are one choice
      repeated, not sixteen pieces of evidence, so the token-level p (about 1e-13)
      overstates the evidence by many orders of magnitude.
    * The **permutation p** (`p_perm`) treats the **article** as the unit: it
      shuffles outlet labels across articles, keeping each article's mentions
      together. With one article per outlet every shuffle produces the same table
      with the names swapped, so the statistic never changes and p = 1: these data
      cannot distinguish "outlets name the group differently" from "these five
      articles happen to differ".

    To say something about outlets you need several articles per outlet, ideally
    from different writers, dates and agencies (see `origin`). Notebook
    `03_paper_figures.ipynb` runs the same calls on 1,547 immigration articles of the
    ABP corpus, where the article-level tests have the data to answer.

    **Next:** `02_classroom_naming.ipynb` (an exercise for students) ·
    `03_paper_figures.ipynb` (figures, tables and a methods paragraph for a paper) ·
    `framing report` on the command line (all of this as one HTML page).
    """),
]


# =========================================================================== 02 classroom

CLASSROOM = [
    md("""
    # Classroom exercise: naming and attribution

    **For students.** News outlets covering the same events make choices: which
    *name* to give an actor, whom to *quote*, and which *verb* introduces what a
    source said ("said" or "claimed"?). In this exercise you measure these choices
    in five articles about the Islamic State group (2017-2018), with the `framing`
    toolkit, and you change the word list the measurement depends on.

    **How to work.** Run the cells from top to bottom (Shift+Enter). Cells marked
    `# YOUR ANSWER` are yours: replace `None` with your answer and run the cell and
    the one after it, which tells you whether the answer matches what the data show.
    Unanswered questions are skipped, so the notebook always runs to the end. Write
    your reasoning in the markdown cells marked *Discuss*.

    **For teachers.** Cells tagged `teacher-key` hold the answer key and check it
    with `assert`, so you know the exercise still works with the installed version
    of framing (the test suite runs this notebook). To hand the notebook out
    without the key, strip those cells:

        jupyter nbconvert --to notebook --TagRemovePreprocessor.remove_cell_tags teacher-key \\
            --output student_version.ipynb 02_classroom_naming.ipynb

    The exercise takes 45-60 minutes; the notebook itself runs in about 20 seconds.
    """),
    code("""
    import copy

    import pandas as pd

    import framing

    pd.set_option("display.max_colwidth", 90)
    framing.plot.use_style("notebook")

    corpus = framing.load_sample()
    matches = framing.extract(corpus)

    FEEDBACK = {}        # question -> "correct" / "not yet" / "skipped"
    KEY_CHECKS = []      # answer-key checks that ran (teacher cells)


    def normalise(answer):
        \"\"\"Compare answers without worrying about case, spaces or list vs set.\"\"\"
        if isinstance(answer, str):
            return answer.strip().casefold()
        if isinstance(answer, dict):
            return {normalise(k): normalise(v) for k, v in answer.items()}
        if isinstance(answer, (list, tuple, set, frozenset)):
            return frozenset(normalise(a) for a in answer)
        return answer


    def check(question, answer, expected):
        \"\"\"Feedback for a student answer; never stops the notebook.\"\"\"
        if answer is None:
            FEEDBACK[question] = "skipped"
            print(f"{question}: no answer yet (replace None in the cell marked # YOUR ANSWER)")
        elif normalise(answer) == normalise(expected):
            FEEDBACK[question] = "correct"
            print(f"{question}: correct")
        else:
            FEEDBACK[question] = "not yet"
            print(f"{question}: not yet: look at the table again (you answered {answer!r})")


    def key(question, ok, message=""):
        \"\"\"Teacher's key: the data must still give the answer the key expects.\"\"\"
        assert ok, f"answer key for {question} no longer holds. {message}"
        KEY_CHECKS.append(question)
        print(f"key {question}: ok")


    corpus[["source", "origin", "title"]]
    """),
    md("""
    ## Part 1. What do outlets call the Islamic State group?

    The group has many names: *Islamic State* (its own name), *ISIS* and *ISIL*
    (English acronyms of its earlier name), *IS*, and *Daesh* (the Arabic acronym,
    used by Arab governments and disliked by the group). framing counts every name
    and records whether it appears in the outlet's **own voice** or **inside a
    quotation** (someone else's words).
    """),
    code("""
    isis = matches.query("feature == 'naming' and category == 'isis' and not metalinguistic")
    voice = isis["in_quote"].map({False: "own voice", True: "quoted"})
    pd.crosstab(isis["source"], [voice, isis["label"]])
    """),
    md("""
    **Q1.** Which outlets call the group *Daesh* in their own voice? Answer with a
    list of outlet names, e.g. `["Outlet A", "Outlet B"]`.
    """),
    code("""
    # YOUR ANSWER (Q1)
    ANSWER_Q1 = None
    """),
    code("""
    own = isis[~isis["in_quote"]]
    daesh_outlets = sorted(set(own.loc[own["label"] == "Daesh", "source"]))
    check("Q1", ANSWER_Q1, daesh_outlets)
    """),
    code("""
    key("Q1", set(daesh_outlets) == {"Arab News", "Al Bawaba"}, f"found {daesh_outlets}")
    """, tags=TEACHER),
    md("""
    **Q2.** Only one outlet writes *ISIS* in its own voice. Which one?
    """),
    code("""
    # YOUR ANSWER (Q2)
    ANSWER_Q2 = None
    """),
    code("""
    isis_writers = sorted(set(own.loc[own["label"] == "ISIS", "source"]))
    check("Q2", ANSWER_Q2, isis_writers[0] if len(isis_writers) == 1 else isis_writers)
    """),
    code("""
    key("Q2", isis_writers == ["Washington Times (blog repost)"], f"found {isis_writers}")
    """, tags=TEACHER),
    md("""
    **Q3.** Arab News never writes *ISIS* itself, yet the name appears in its
    article. Which name does Arab News use *only* inside quotations? Then read the
    sentence below: who says it, and what does Arab News add right after the quote?
    """),
    code("""
    arab_news = isis[isis["source"] == "Arab News"]
    in_quotes = framing.kwic(corpus, arab_news[arab_news["in_quote"]], window=160)
    framing.plot.kwic_html(in_quotes, columns=("label",), caption="Arab News: names inside quotations")
    """),
    code("""
    # YOUR ANSWER (Q3)
    ANSWER_Q3 = None
    """),
    code("""
    only_quoted = sorted(set(arab_news.loc[arab_news["in_quote"], "label"])
                         - set(arab_news.loc[~arab_news["in_quote"], "label"]))
    check("Q3", ANSWER_Q3, only_quoted[0] if len(only_quoted) == 1 else only_quoted)
    """),
    code("""
    key("Q3", only_quoted == ["ISIS"], f"found {only_quoted}")
    """, tags=TEACHER),
    md("""
    *Discuss.* Arab News runs a story written by the AP (see `origin`), whose
    style guide says "Islamic State group". Who decided to write *Daesh*? Why does
    the quotation keep "ISIS"? What would a count that ignored quotation marks
    conclude about Arab News?
    """),
    md("""
    ## Part 2. The word list decides what is counted

    A share is always a share **of the names on the list**. framing's list (its
    *lexicon*) is a file you can read and change. Below, the list for this group is
    copied into a plain Python dict, `{name: [spellings]}`, and `shares_with(...)`
    recomputes the own-voice shares with any list you give it.
    """),
    code("""
    naming_lexicon = next(lex for lex in framing.load_lexicons() if lex.id == "naming")
    shipped_entries = {e["label"]: e for e in naming_lexicon.raw["categories"]["isis"]["entries"]}
    SHIPPED_NAMES = {label: list(e["patterns"]) for label, e in shipped_entries.items()}


    def as_lexicon(names):
        \"\"\"A one-family lexicon from {name: [spellings]}; shipped names keep their case rules.\"\"\"
        entries = []
        for label, patterns in names.items():
            options = {k: v for k, v in shipped_entries.get(label, {"case": "exact"}).items()
                       if k not in ("label", "patterns", "note")}
            entries.append({"label": label, "patterns": list(patterns), **options})
        return {"lexicon": "classroom_isis", "version": "1", "feature": "naming",
                "description": "A copy of framing's isis family, edited in class.",
                "categories": {"isis": {"description": "The Islamic State group.",
                                        "entries": entries}}}


    def shares_with(names):
        \"\"\"Own-voice share of each name per outlet (rows: outlets, columns: names).\"\"\"
        found = framing.extract(corpus, lexicons=[as_lexicon(names)], features=["naming"])
        table = framing.stats.naming_shares(found, corpus, family="isis", n_boot=0)
        return table.pivot(index="group", columns="variant", values="share")


    before = shares_with(SHIPPED_NAMES)
    SHIPPED_NAMES
    """),
    code("""
    before.round(2)
    """),
    md("""
    **Q4 (predict first).** Suppose framing's list forgot the name *Daesh*. Al
    Bawaba writes *Daesh* eight times and *IS* twice. What happens to Al Bawaba's
    share of *IS*: does it go `"up"`, `"down"` or stay the `"same"`? And what
    happens to Arab News?
    """),
    code("""
    # YOUR ANSWER (Q4)
    ANSWER_Q4 = None
    """),
    code("""
    without_daesh = {name: spellings for name, spellings in SHIPPED_NAMES.items() if name != "Daesh"}
    after_q4 = shares_with(without_daesh)
    change = after_q4.loc["Al Bawaba", "IS"] - before.loc["Al Bawaba", "IS"]
    direction = "up" if change > 0 else "down" if change < 0 else "same"
    print(f"Al Bawaba, share of IS: {before.loc['Al Bawaba', 'IS']:.0%} -> "
          f"{after_q4.loc['Al Bawaba', 'IS']:.0%}")
    check("Q4", ANSWER_Q4, direction)
    after_q4.round(2)
    """),
    code("""
    key("Q4", direction == "up", f"Al Bawaba's IS share went {direction}")
    key("Q4 Arab News", after_q4.loc["Arab News"].isna().all(),
        "without Daesh, Arab News should have no own-voice names left (shares NaN)")
    """, tags=TEACHER),
    md("""
    *Discuss.* Al Bawaba's article did not change, yet its "IS share" jumped, and
    Arab News vanished from the table (its shares are empty: nothing left to
    count). What does this tell you about reading a published share without
    seeing the list behind it?
    """),
    md("""
    **Exercise 5 (your turn).** Edit the list yourself and watch the shares move.
    Some ideas:

    * count the AP-style qualified form as its own name:
      `my_names["IS group"] = ["IS group"]` (Arabs Today writes "the leader of IS
      group");
    * merge the acronyms: `my_names["ISIS"] += my_names.pop("ISIL")`;
    * remove a name: `del my_names["Islamic State"]`.

    Edit `my_names` in the cell below, run it and the next one. With no edit, the
    shares stay as they were.
    """),
    code("""
    # YOUR ANSWER (Exercise 5): edit my_names, a copy of framing's list
    my_names = copy.deepcopy(SHIPPED_NAMES)

    """),
    code("""
    mine = shares_with(my_names)
    moved = mine.reindex_like(before).fillna(-1).ne(before.fillna(-1)).to_numpy().any() \\
        or list(mine.columns) != list(before.columns)
    if my_names == SHIPPED_NAMES:
        FEEDBACK["Exercise 5"] = "skipped"
        print("Exercise 5: my_names is unchanged: edit it in the cell above")
    else:
        FEEDBACK["Exercise 5"] = "correct" if moved else "not yet"
        print("Exercise 5: shares", "moved: compare with `before`" if moved else "did not move")
    mine.round(2)
    """),
    code("""
    # the teacher's version of Exercise 5: "IS group" as its own name
    with_is_group = {**SHIPPED_NAMES, "IS group": ["IS group"]}
    after_5 = shares_with(with_is_group)
    print(f"Arabs Today, share of IS: {before.loc['Arabs Today', 'IS']:.0%} -> "
          f"{after_5.loc['Arabs Today', 'IS']:.0%}; IS group: {after_5.loc['Arabs Today', 'IS group']:.0%}")
    key("Exercise 5", after_5.loc["Arabs Today", "IS"] < before.loc["Arabs Today", "IS"]
        and after_5.loc["Arabs Today", "IS group"] > 0,
        "splitting 'IS group' off should lower Arabs Today's share of plain IS")
    """, tags=TEACHER),
    md("""
    ## Part 3. Attribution: who is quoted, and how?

    Journalists attribute information to sources. The verb matters: "said" is
    neutral; "claimed" puts distance between the outlet and the claim; "confirmed"
    endorses it. And the source may be named ("Defense Secretary Jim Mattis") or
    anonymous ("U.S. officials", "experts").

    The table below lists every attribution to a speaker framing classified as
    **anonymous**, in its context.
    """),
    code("""
    attribution = matches.query("feature == 'attribution'")
    anonymous = attribution[attribution["speaker_type"] == "anonymous"]
    framing.plot.kwic_html(framing.kwic(corpus, anonymous, window=50),
                           columns=("source", "speaker", "label"),
                           caption="Attributions to anonymous speakers")
    """),
    code("""
    ax = framing.plot.speaker_types(framing.doc_features(corpus, matches, sentiment=False),
                                    n_boot=0)
    """),
    md("""
    **Q6.** Find one anonymous source in the article republished from *The Wall
    Street Journal* (source `"Syndicated News"`). Copy the words the article uses
    for it, e.g. `"local officials"`.
    """),
    code("""
    # YOUR ANSWER (Q6)
    ANSWER_Q6 = None
    """),
    code("""
    wsj_anonymous = sorted(set(anonymous.loc[anonymous["source"] == "Syndicated News", "speaker"]
                               .dropna()))
    matching = [s for s in wsj_anonymous if ANSWER_Q6 and normalise(ANSWER_Q6) in normalise(s)]
    check("Q6", ANSWER_Q6, ANSWER_Q6 if matching else wsj_anonymous)
    """),
    code("""
    key("Q6", any("officials" in s.lower() for s in wsj_anonymous),
        f"anonymous speakers found: {wsj_anonymous}")
    """, tags=TEACHER),
    md("""
    **Q7. "said" or "claimed"?** Below are four attributions from the articles,
    numbered 1 to 4. For each, decide whether the reporting verb is **neutral**
    (it just reports) or **distancing** (it signals doubt about what the source
    says). Answer with a dict such as `{1: "neutral", 2: "distancing", ...}`.
    """),
    code("""
    claims = attribution[attribution["label"] == "claim"]
    saids = attribution[(attribution["label"] == "say") & (attribution["speaker_type"] == "named")]
    saids = saids.drop_duplicates("source").head(4 - min(len(claims), 2))
    chosen = pd.concat([claims.head(2), saids]).sample(frac=1, random_state=3)
    items = framing.kwic(corpus, chosen, window=80).reset_index(drop=True)
    items.index = range(1, len(items) + 1)
    framing.plot.kwic_html(items.assign(number=items.index), columns=("number", "source"),
                           caption="Q7: neutral or distancing?")
    """),
    code("""
    # YOUR ANSWER (Q7)
    ANSWER_Q7 = None     # e.g. {1: "neutral", 2: "distancing", 3: "neutral", 4: "neutral"}
    """),
    code("""
    framing_says = {number: row.category for number, row in items.iterrows()}
    check("Q7", ANSWER_Q7, framing_says)
    """),
    code("""
    verbs = {row.label: row.category for row in items.itertuples()}
    key("Q7", verbs.get("claim") == "distancing" and verbs.get("say") == "neutral",
        f"framing classified the verbs as {verbs}")
    key("Q7 items", len(items) == 4, f"expected four sentences, found {len(items)}")
    """, tags=TEACHER),
    md("""
    *Discuss.* framing classes every "claim" as distancing. Read the two "claim"
    sentences again: in one, a militant group "claimed" an attack (the usual
    phrase for claiming responsibility); in the other, the SDF, a US-backed armed
    alliance, "claim" a death toll. Is "claimed" distancing in both? Where would you disagree with the
    tool, and how would you check your coding against a classmate's?
    """),
    md("""
    ## Summary
    """),
    code("""
    answered = {q: r for q, r in FEEDBACK.items() if r != "skipped"}
    print(f"student answers: {sum(r == 'correct' for r in answered.values())} correct, "
          f"{sum(r == 'not yet' for r in answered.values())} not yet, "
          f"{len(FEEDBACK) - len(answered)} skipped")
    if KEY_CHECKS:
        print(f"answer key: all checks passed ({len(KEY_CHECKS)} checks)")
    else:
        print("answer key: not included in this copy")
    """),
]


# =========================================================================== 03 paper figures

PAPER = [
    md("""
    # Paper figures and tables: naming, attribution and stance in ABP immigration news

    This notebook produces a complete, reproducible set of figures (PDF, SVG, PNG)
    and tables (CSV) for a paper, and ends with a methods paragraph written from the
    parameters actually used.

    **Data.** The Article Bias Prediction corpus (ABP; Baly et al. 2020): 37,554
    US news articles crawled from AllSides, each labelled with AllSides' rating of
    its outlet (left, center, right). The corpus is not shipped with framing; the
    notebook reads `../../shared/data/abp/articles.parquet` (the folder `shared`
    beside the repository checkout) or `$FRAMING_SHARED/data/abp/articles.parquet`.
    Without it, every data cell prints a message and does nothing, so the notebook
    still runs from top to bottom.

    **Subset.** All articles whose AllSides topic is `immigration` (1,547 articles,
    96 sources; the whole notebook runs in under a minute on two cores). Immigration
    is the topic where a naming choice, "illegal immigrant/alien" versus
    "undocumented" or "unauthorized immigrant", is a documented marker of political
    slant (Merolla et al. 2013; the AP dropped "illegal immigrant" in 2013), so
    the subset tests framing where the expected answer is known. Groups are the
    outlet bias labels (`bias_label`), and for the outlet-level figures the
    `N_OUTLETS` sources with the most immigration articles (`source`). Change the
    parameters below to run another topic or more outlets.
    """),
    code("""
    # Parameters: everything the figures and the methods paragraph depend on.
    import os
    from pathlib import Path

    TOPIC = "immigration"          # ABP topic defining the subset
    FAMILY = "immigration"         # naming family of framing's lexicon
    VARIANTS = {                   # naming variants merged for the shares and the test
        "illegal": ["illegal immigrant", "illegal alien", "illegals", "illegal worker"],
        "undocumented": ["undocumented immigrant", "undocumented worker"],
        "unauthorized / irregular": ["unauthorized immigrant", "unauthorized worker", "irregular migrant"],
    }
    TEST_VARIANT = "illegal"       # whose share difference the pairwise tests report
    BIAS_ORDER = ["left", "center", "right"]
    N_OUTLETS = 8                  # largest outlets of the subset, for outlet-level figures
    YEARS = (2012, 2020)           # trend figure: years with articles in every group
    N_BOOT = 2000                  # bootstrap resamples (intervals)
    N_PERM = 5000                  # permutations (p-values)
    SEED = 0
    CI = 0.95
    SENTIMENT = False              # VADER sentiment is not used by any figure; it costs ~30 s
    N_JOBS = 2

    FIGURES_DIR = Path(os.environ.get("FRAMING_FIGURES_DIR", "paper_figures"))
    SHARED = Path(os.environ.get("FRAMING_SHARED", Path("..", "..", "shared")))
    ABP = SHARED / "data" / "abp" / "articles.parquet"
    HAVE_DATA = ABP.is_file()
    SKIPPED = f"skipped: {ABP} is absent (set FRAMING_SHARED to the folder holding data/abp)"
    print(f"ABP corpus: {ABP.resolve() if HAVE_DATA else 'absent'}")
    print(f"figures and tables go to: {FIGURES_DIR.resolve()}")
    """, tags=["parameters"]),
    code("""
    import re
    import warnings

    import matplotlib.pyplot as plt
    import pandas as pd

    import framing
    from framing import plot
    from framing.methods import methods_paragraph
    from framing.provenance import corpus_hash, lexicon_records, package_versions

    pd.set_option("display.width", 160)
    # Colours are handed out in first-seen order and kept for the session: registering the
    # labels first gives the US convention in every figure (right red, left blue).
    plot.reset_colors()
    plot.outlet_colors(["right", "left", "center"])
    TABLES = FIGURES_DIR / "tables"
    WRITTEN = []


    def save(fig, name):
        \"\"\"Save a figure as PDF, SVG and PNG (byte-identical on every run), show it, close it.\"\"\"
        fig = getattr(fig, "figure", fig)          # plot functions return an Axes or a Figure
        WRITTEN.extend(plot.save_figure(fig, FIGURES_DIR / name))
        display(fig)
        plt.close(fig)


    def table(df, name):
        \"\"\"Write a result table as CSV and return it for display.\"\"\"
        TABLES.mkdir(parents=True, exist_ok=True)
        df.to_csv(TABLES / f"{name}.csv", index=False)
        WRITTEN.append(TABLES / f"{name}.csv")
        return df
    """),
    md("""
    ## 1. The subset

    `framing.load_corpus` keeps ABP's columns (`bias_label`, `topic`, `source_url`)
    next to framing's, cleans the bodies and parses the dates. Matches are
    extracted once; every later step reads these tables.
    """),
    code("""
    if not HAVE_DATA:
        print(SKIPPED)
    else:
        abp = pd.read_parquet(ABP)
        subset = abp[abp["topic"] == TOPIC].sort_values("doc_id").reset_index(drop=True)
        with warnings.catch_warnings(record=True) as load_warnings:
            warnings.simplefilter("always")
            corpus = framing.load_corpus(subset)
        for w in load_warnings:
            print("load:", w.message)
        matches = framing.extract(corpus, n_jobs=N_JOBS)
        docs = framing.doc_features(corpus, matches, sentiment=SENTIMENT)
        OUTLETS = corpus["source"].value_counts().head(N_OUTLETS).index.tolist()
        print(f"{len(corpus):,} {TOPIC} articles from {corpus['source'].nunique()} sources "
              f"({len(abp):,} in ABP); {len(matches):,} matches")
        duplicates = framing.find_duplicates(corpus)
        print(f"near-duplicate clusters (Jaccard >= 0.8 on word 5-grams): "
              f"{duplicates['cluster'].nunique() if len(duplicates) else 0}")
        display(table(corpus.groupby("bias_label").agg(articles=("doc_id", "size"),
                                                       sources=("source", "nunique"))
                      .reindex(BIAS_ORDER).reset_index(), "subset_by_bias"))
        display(table(corpus[corpus["source"].isin(OUTLETS)].groupby(["source", "bias_label"])
                      .size().rename("articles").sort_values(ascending=False).reset_index(),
                      "subset_outlets"))
    """),
    md("""
    ## 2. Naming: what do left, center and right outlets call immigrants?

    Own-voice shares (outside quotations) of the merged variants, with 95%
    cluster-bootstrap intervals over articles; quoted speech in the second panel.
    """),
    code("""
    if not HAVE_DATA:
        print(SKIPPED)
    else:
        share_args = dict(family=FAMILY, variants=VARIANTS, n_boot=N_BOOT, random_state=SEED, ci=CI)
        own = framing.stats.naming_shares(matches, corpus, by="bias_label", voice="own", **share_args)
        quoted = framing.stats.naming_shares(matches, corpus, by="bias_label", voice="quoted",
                                             **share_args)
        table(own, "naming_shares_own_by_bias")
        table(quoted, "naming_shares_quoted_by_bias")
        with plot.style("two_column"):
            save(plot.naming_shares(own, quoted, outlets=BIAS_ORDER), "fig1_naming_by_bias")
        display(own.pivot(index="group", columns="variant", values="share").reindex(BIAS_ORDER)
                .round(3))
    """),
    code("""
    if not HAVE_DATA:
        print(SKIPPED)
    else:
        # outlet level: the matches of the chosen outlets' articles only
        in_outlets = corpus["source"].isin(OUTLETS)
        corpus8 = corpus[in_outlets]
        matches8 = matches[matches["doc_id"].isin(corpus8["doc_id"])]
        own8 = framing.stats.naming_shares(matches8, corpus8, by="source", **share_args)
        table(own8, "naming_shares_own_by_outlet")
        with plot.style("one_column"):
            save(plot.naming_shares(own8), "fig2_naming_by_outlet")
    """),
    md("""
    **Test.** Is the choice of name independent of the bias label? `p_perm` shuffles
    labels across *articles*; the second table shuffles and resamples whole
    *outlets* (`cluster="source"`), the stricter question of whether the labels
    still differ when outlets, not articles, are the independent units.
    """),
    code("""
    if not HAVE_DATA:
        print(SKIPPED)
    else:
        test_args = dict(family=FAMILY, by="bias_label", variants=VARIANTS, variant=TEST_VARIANT,
                         n_perm=N_PERM, n_boot=N_BOOT, random_state=SEED, ci=CI)
        shown = ["comparison", "group_a", "group_b", "estimate", "ci_low", "ci_high", "p_perm",
                 "q", "cramers_v", "statistic", "p", "n_docs"]
        naming_test = framing.stats.naming_test(matches, corpus, **test_args)
        naming_test_outlets = framing.stats.naming_test(matches, corpus, cluster="source",
                                                        **test_args)
        table(naming_test, "naming_test_by_bias")
        table(naming_test_outlets, "naming_test_by_bias_outlet_clusters")
        display(naming_test[shown].round(4))
        display(naming_test_outlets[shown].round(4))
    """),
    md("""
    ## 3. Attribution and stance: rates per 1,000 tokens
    """),
    code("""
    if not HAVE_DATA:
        print(SKIPPED)
    else:
        rate_args = dict(features=["attribution", "stance"], n_boot=N_BOOT, n_perm=N_PERM,
                         random_state=SEED, ci=CI)
        rates = framing.stats.compare_rates(docs, by="bias_label", **rate_args)
        docs8 = docs[docs["source"].isin(OUTLETS)]
        rates8 = framing.stats.compare_rates(docs8, by="source", **rate_args)
        table(rates, "rates_by_bias")
        table(rates8, "rates_by_outlet")
        with plot.style("two_column"):
            fig, axes = plt.subplots(1, 2, layout="constrained", figsize=(7.2, 3.4),
                                     gridspec_kw={"width_ratios": [1, 1.5]})
            plot.verb_classes(rates, outlets=BIAS_ORDER, orient="classes", ax=axes[0],
                              title="By bias label")
            plot.verb_classes(rates8, orient="classes", ax=axes[1], title="By outlet")
            save(fig, "fig3_verb_classes")
        with plot.style("one_column"):
            save(plot.speaker_types(docs, by="bias_label", outlets=BIAS_ORDER, n_boot=N_BOOT,
                                    random_state=SEED,
                                    title="Anonymous speakers by bias label (95% CI)"),
                 "fig4_anonymous_speakers")
        omnibus = rates.query("comparison == 'omnibus'")
        display(omnibus[["feature", "category", "p", "q", "p_kruskal", "epsilon_squared",
                         "n_docs"]].round(4))
    """),
    code("""
    if not HAVE_DATA:
        print(SKIPPED)
    else:
        with plot.style("two_column"):
            fig, axes = plt.subplots(1, 2, layout="constrained", figsize=(7.2, 3.2))
            plot.forest(rates8, "stance:hedge", docs=docs8, ax=axes[0])
            plot.forest(rates8, "stance:scare_quote", docs=docs8, ax=axes[1])
            save(fig, "fig5_stance_forest")
        with plot.style("one_column"):
            save(plot.rate_ratios(rates, "attribution:distancing"), "fig6_distancing_ratios")
    """),
    md("""
    ## 4. Distinctive words: right against left

    Monroe et al. (2008) log-odds with an informative Dirichlet prior. z treats
    tokens as independent: check `docs_target` (articles using the term) before
    reading a word as characteristic; web furniture ("newsletters", "daily") shows
    up here too.
    """),
    code("""
    if not HAVE_DATA:
        print(SKIPPED)
    else:
        words = framing.stats.log_odds(corpus, by="bias_label", target="right", reference="left")
        table(words.head(300), "log_odds_right_vs_left_top300")
        with plot.style("one_column", aspect=0.9):
            save(plot.distinctive_words(words, n_labels=10), "fig7_distinctive_words")
        display(words.head(10)[["term", "n_target", "n_reference", "docs_target", "delta", "z",
                                "q"]].round(3))
    """),
    md("""
    ## 5. How similar are the outlets?

    Jensen-Shannon divergence between the outlets' pooled profiles of immigration
    naming variants, reporting-verb classes and stance markers.
    """),
    code("""
    if not HAVE_DATA:
        print(SKIPPED)
    else:
        sim = framing.stats.similarity(docs8, by="source",
                                       features=[f"naming:{FAMILY}", "attribution", "stance"],
                                       n_boot=N_BOOT, random_state=SEED, ci=CI)
        table(sim, "similarity_outlets")
        with plot.style("one_column"):
            save(plot.similarity_heatmap(sim), "fig8_similarity_heatmap")
            save(plot.dendrogram(sim), "fig9_dendrogram")
    """),
    md("""
    ## 6. Over time

    Share of "illegal" forms in each label's own voice per year, with 95%
    intervals (years from `YEARS`; a year with a single article has no interval).
    """),
    code("""
    if not HAVE_DATA:
        print(SKIPPED)
    else:
        dated = corpus[corpus["date"].dt.year.between(*YEARS)]
        trend = framing.stats.naming_shares(matches[matches["doc_id"].isin(dated["doc_id"])], dated,
                                            by="bias_label", period="Y", **share_args)
        table(trend, "naming_trend_by_year")
        with plot.style("one_column"):
            save(plot.trend(trend, variant=TEST_VARIANT, outlets=BIAS_ORDER, band=True),
                 "fig10_trend")
    """),
    md("""
    ## 7. Methods paragraph and provenance

    Written from the parameters above, the lexicons actually loaded (version and
    SHA-256) and the installed package versions. Paste it into the paper and keep
    `methods.txt` with the figures.
    """),
    code("""
    if not HAVE_DATA:
        print(SKIPPED)
    else:
        params = {"by": "bias_label", "n_boot": N_BOOT, "n_perm": N_PERM, "random_state": SEED,
                  "ci": CI, "dedupe": "keep"}
        subset_text = (
            f"The corpus was the {len(corpus):,} articles of the Article Bias Prediction corpus "
            f"(Baly et al. 2020) whose topic is '{TOPIC}' ({corpus['source'].nunique()} sources; "
            + ", ".join(f"{n:,} {label}" for label, n in
                        corpus["bias_label"].value_counts().reindex(BIAS_ORDER).items())
            + " by the AllSides rating of the outlet). Outlet-level figures use the "
            f"{N_OUTLETS} sources with the most articles ({', '.join(OUTLETS)}). Naming "
            f"variants of the '{FAMILY}' family were merged as "
            + "; ".join(f"{k}: {', '.join(v)}" for k, v in VARIANTS.items())
            + ". Naming shares count the outlet's own voice (outside quotations) and leave "
            "out metalinguistic mentions; pairwise tests report the difference in the share of "
            f"'{TEST_VARIANT}' forms, with a second test permuting and resampling whole outlets. "
            f"Input SHA-256: {corpus_hash(corpus)}.")
        methods = methods_paragraph(params, lexicon_records(), package_versions())
        if not SENTIMENT:   # the paragraph always describes sentiment; this run computed none
            methods = re.sub(r"\\s*[^.]*VADER[^.]*\\.", "", methods)
        text = subset_text + " " + methods
        FIGURES_DIR.mkdir(parents=True, exist_ok=True)
        (FIGURES_DIR / "methods.txt").write_text(text + "\\n", encoding="utf-8")
        WRITTEN.append(FIGURES_DIR / "methods.txt")
        print(text)
    """),
    code("""
    if not HAVE_DATA:
        print(SKIPPED)
    else:
        print(f"wrote {len(WRITTEN)} files to {FIGURES_DIR.resolve()}:")
        for path in WRITTEN:
            print("  ", Path(path).relative_to(FIGURES_DIR))
    """),
]


NOTEBOOKS = {
    "01_quickstart.ipynb": QUICKSTART,
    "02_classroom_naming.ipynb": CLASSROOM,
    "03_paper_figures.ipynb": PAPER,
}


def build() -> dict:
    """The notebooks as NotebookNodes, by file name."""
    return {name: notebook(cells) for name, cells in NOTEBOOKS.items()}


def main(argv=None) -> int:
    for name, nb in build().items():
        nbformat.validate(nb)
        path = HERE / name
        path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent)} ({len(nb.cells)} cells)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
