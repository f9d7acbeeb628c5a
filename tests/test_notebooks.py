"""The notebooks run from top to bottom in a real kernel and show what they promise.

Each notebook is executed with nbclient and an ipykernel ("python3") in
``notebooks/`` as working directory, with the repository on the kernel's
PYTHONPATH (so a checkout works without installing) and figures written to a
temporary folder (``FRAMING_FIGURES_DIR``), so the repository stays clean.
Notebook 03 runs twice when ../shared is present: on the ABP corpus, and with
``FRAMING_SHARED`` pointing nowhere, where every data cell must say it skipped.
"""

from __future__ import annotations

import importlib.util
import os
import time

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

from conftest import REPO, shared_dir  # noqa: E402

NOTEBOOKS = REPO / "notebooks"
NAMES = ["01_quickstart.ipynb", "02_classroom_naming.ipynb", "03_paper_figures.ipynb"]
CELL_TIMEOUT = 600                       # seconds; a hung cell fails instead of blocking CI
BUDGET = float(os.environ.get("FRAMING_NOTEBOOK_BUDGET", 120))  # seconds per notebook
FIGURES = [f"fig{i}_{name}" for i, name in enumerate(
    ["naming_by_bias", "naming_by_outlet", "verb_classes", "anonymous_speakers", "stance_forest",
     "distancing_ratios", "distinctive_words", "similarity_heatmap", "dendrogram", "trend"],
    start=1)]
SAMPLE_SOURCES = ["Arab News", "Syndicated News", "Al Bawaba", "Washington Times (blog repost)",
                  "Arabs Today"]
TIMES: dict[str, float] = {}


def execute(nb, tmp_path, **env):
    """Run ``nb`` in a fresh kernel; return (executed notebook, seconds)."""
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    kernel_env = {**os.environ, "PYTHONPATH": path,
                  "FRAMING_FIGURES_DIR": str(tmp_path / "figures"), **env}
    client = nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    start = time.perf_counter()
    client.execute(env=kernel_env)      # raises CellExecutionError when a cell raises
    return nb, time.perf_counter() - start


def run(name, tmp_path, label=None, **env):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nb, seconds = execute(nb, tmp_path, **env)
    TIMES[label or name] = seconds
    print(f"{label or name}: {seconds:.1f} s")
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors[0]
    assert seconds < BUDGET, f"{name} took {seconds:.0f} s (budget {BUDGET:.0f} s on two cores)"
    return nb


def text_of(nb) -> str:
    """Everything the notebook printed or displayed as text."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out["text"])
            elif "data" in out:
                parts.append(out["data"].get("text/plain", ""))
                parts.append(out["data"].get("text/html", ""))
    return "\n".join(parts)


def stdout_of(cell) -> str:
    return "".join(o["text"] for o in cell.get("outputs", []) if o.get("output_type") == "stream"
                   and o.get("name") == "stdout")


# --------------------------------------------------------------------------- stored files


def _build_module():
    spec = importlib.util.spec_from_file_location("build_notebooks",
                                                  NOTEBOOKS / "build_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", NAMES)
def test_stored_without_outputs_and_in_sync_with_the_build_script(name):
    stored = (NOTEBOOKS / name).read_text(encoding="utf-8")
    nb = nbformat.reads(stored, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "store without outputs"
    built = _build_module().build()[name]
    assert stored == nbformat.writes(built) + "\n", (
        f"{name} differs from notebooks/build_notebooks.py: edit the script and run it")


# --------------------------------------------------------------------------- execution


def test_quickstart(tmp_path):
    nb = run("01_quickstart.ipynb", tmp_path)
    text = text_of(nb)
    for source in SAMPLE_SOURCES:
        assert source in text
    assert "removals" in text                                  # clean_with_report shown
    assert "article-level permutation p = 1.000" in text
    chi2_line = next(line for line in text.splitlines() if line.startswith("token-level chi-square"))
    assert float(chi2_line.rsplit("p = ", 1)[1]) < 1e-6
    assert "<mark" in text                                     # a KWIC table was rendered
    assert sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", [])) >= 4


def test_classroom_key_checks_pass_with_unanswered_questions(tmp_path):
    nb = run("02_classroom_naming.ipynb", tmp_path)
    text = text_of(nb)
    assert "answer key: all checks passed" in text
    assert ": not yet" not in text                             # no wrong answers flagged
    assert "0 correct, 0 not yet" in text                      # every question skipped


def test_classroom_gives_feedback_on_answers(tmp_path):
    nb = nbformat.read(NOTEBOOKS / "02_classroom_naming.ipynb", as_version=4)
    answers = {"ANSWER_Q1 = None": 'ANSWER_Q1 = ["al bawaba", "Arab News"]',
               "ANSWER_Q2 = None": 'ANSWER_Q2 = "Washington Times (blog repost)"',
               "ANSWER_Q3 = None": 'ANSWER_Q3 = "ISIS"',
               "ANSWER_Q4 = None": 'ANSWER_Q4 = "down"',                      # wrong on purpose
               "ANSWER_Q6 = None": 'ANSWER_Q6 = "military officials"',
               "my_names = copy.deepcopy(SHIPPED_NAMES)":
                   'my_names = copy.deepcopy(SHIPPED_NAMES)\ndel my_names["Islamic State"]'}
    teacher = [c for c in nb.cells if "teacher-key" in c.metadata.get("tags", [])]
    nb.cells = [c for c in nb.cells if c not in teacher]         # the student version
    for cell in nb.cells:
        for old, new in answers.items():
            cell.source = cell.source.replace(old, new)
    nb, seconds = execute(nb, tmp_path)
    TIMES["02 (student version, answers filled in)"] = seconds
    text = text_of(nb)
    for question in ("Q1", "Q2", "Q3", "Q6"):
        assert f"{question}: correct" in text
    assert "Q4: not yet" in text
    assert "Exercise 5: shares moved" in text
    assert "answer key: not included in this copy" in text


@pytest.mark.skipif(shared_dir() is None, reason="../shared/data is absent (set FRAMING_SHARED)")
def test_paper_figures_on_abp(tmp_path):
    if not (shared_dir() / "data" / "abp" / "articles.parquet").is_file():
        pytest.skip("../shared/data/abp/articles.parquet is absent")
    # the kernel inherits FRAMING_SHARED when set; else the notebook finds ../../shared itself
    nb = run("03_paper_figures.ipynb", tmp_path, label="03_paper_figures.ipynb (ABP)")
    assert "skipped:" not in text_of(nb)
    out = tmp_path / "figures"
    for stem in FIGURES:
        for ext in ("png", "svg", "pdf"):
            path = out / f"{stem}.{ext}"
            assert path.is_file() and path.stat().st_size > 1000, path
    assert {p.name for p in (out / "tables").glob("*.csv")} >= {
        "naming_shares_own_by_bias.csv", "naming_test_by_bias.csv", "rates_by_bias.csv",
        "log_odds_right_vs_left_top300.csv", "similarity_outlets.csv"}
    methods = (out / "methods.txt").read_text(encoding="utf-8")
    assert "immigration" in methods and "Input SHA-256:" in methods and "5,000 permutations" in methods


def test_paper_figures_skip_visibly_without_data(tmp_path):
    nb = run("03_paper_figures.ipynb", tmp_path, label="03_paper_figures.ipynb (no data)",
             FRAMING_SHARED=str(tmp_path / "nonexistent"))
    data_cells = [c for c in nb.cells if c.cell_type == "code" and "if not HAVE_DATA" in c.source]
    assert len(data_cells) >= 8
    for cell in data_cells:
        assert stdout_of(cell).startswith("skipped: "), cell.source[:80]
    assert not (tmp_path / "figures").exists()


def teardown_module(module):
    if TIMES:
        print("\nnotebook run times: " + ", ".join(f"{k} {v:.1f} s" for k, v in TIMES.items()))
