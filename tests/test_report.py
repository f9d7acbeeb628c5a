"""framing report as a user sees it: the page parses, images exist, corpus text is escaped,
runs are reproducible, and (where Chromium is installed) the page renders."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.cli import main
from framing.report import build_report, safe_name

FAST = dict(n_boot=200, n_perm=200, progress=False)


class _Collector(HTMLParser):
    VOID = {"meta", "img", "br", "hr", "link", "input"}

    def __init__(self):
        super().__init__()
        self.stack, self.images, self.links, self.errors, self.text = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs.get("src"))
        if tag == "a" and attrs.get("href") and not attrs["href"].startswith("#"):
            self.links.append(attrs["href"])
        if tag == "script":
            self.errors.append("script tag")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page: Path) -> _Collector:
    collector = _Collector()
    collector.feed(page.read_text(encoding="utf-8"))
    collector.close()
    return collector


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return build_report(out=out, **FAST)


def test_page_parses_and_every_referenced_file_exists(sample_report):
    page = parse(sample_report)
    assert not page.errors and not page.stack
    assert len(page.images) >= 8
    for ref in page.images + page.links:
        assert (sample_report.parent / ref).is_file(), ref
    for png in (sample_report.parent / "figures").glob("*.png"):
        for ext in (".svg", ".pdf"):
            assert png.with_suffix(ext).is_file()
    text = " ".join(page.text)
    for needle in ("Naming: isis", "Attribution", "Stance markers", "Methods",
                   "not as evidence", "SHA-256", "Monroe"):
        assert needle in text, needle


def test_report_tables_and_matches(sample_report, sample_corpus, sample_matches):
    out = sample_report.parent
    matches = pd.read_csv(out / "matches.csv")
    assert len(matches) == len(sample_matches)
    for name in ("doc_features.csv", "rates.csv", "similarity.csv", "log_odds.csv",
                 "naming_shares_isis_own.csv", "naming_test_isis.csv"):
        assert (out / "tables" / name).is_file(), name
    provenance = (out / "provenance.json").read_text()
    assert framing.__version__ in provenance and "corpus_sha256" in provenance


def test_sample_report_warns_about_syndication_and_small_groups(sample_report):
    text = " ".join(parse(sample_report).text)
    assert "written by someone other than the outlet that published them" in text
    assert "Arabs Today runs 1 article(s) by Reuters" in text
    assert "fewer than 10 articles" in text


def test_hostile_corpus_is_escaped_and_stays_in_the_folder(tmp_path):
    body = ("Officials said the <script>alert('x')</script> regime fell. "
            "Rebels claimed the so-called \u201ccaliphate\u201d was over. ") * 3
    # Built directly (load_corpus would turn the markup into text): the report
    # itself must escape whatever the corpus holds.
    corpus = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "text": [body, body + " Daesh said so.", "ISIS said <b>bold</b>.", body],
        "source": ["../../etc/passwd", "CON", "<img src=x onerror=alert(1)>", "Fine & Co"],
    })
    out = tmp_path / "out"
    page = build_report(corpus, out, formats=("png",), **FAST)
    html_text = page.read_text(encoding="utf-8")
    assert "<script" not in html_text.lower()
    assert "&lt;script&gt;" in html_text
    assert "<img src=x" not in html_text and "&lt;img src=x onerror=alert(1)&gt;" in html_text
    assert not parse(page).errors
    written = [p.resolve() for p in out.rglob("*")]
    assert all(str(p).startswith(str(out.resolve())) for p in written)
    assert not (tmp_path / "etc").exists()
    assert safe_name("../../etc/passwd") == "etc_passwd" and safe_name("CON") == "con_"


def test_two_runs_give_identical_tables_and_figure_bytes(sample_report, tmp_path):
    again = build_report(out=tmp_path / "again", **FAST).parent
    first = sample_report.parent

    def digests(folder):
        return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in (".png", ".svg", ".pdf", ".csv")}

    assert digests(first) == digests(again)


def test_cli_report_runs(tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path / "r"), "--n-boot", "100", "--n-perm", "100",
                 "--formats", "png", "--quiet"]) == 0
    assert (tmp_path / "r" / "index.html").is_file()
    assert list((tmp_path / "r" / "figures").glob("*.png"))
    assert not list((tmp_path / "r" / "figures").glob("*.pdf"))
    assert "report written to" in capsys.readouterr().out


def test_cli_errors_are_clear(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing.csv"), "--out", str(tmp_path / "r")]) == 2
    assert "missing.csv: no such file" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_headless_chromium_screenshot_is_not_blank(sample_report, tmp_path):
    from PIL import Image

    shot = tmp_path / "shot.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,2400",
                    f"--screenshot={shot}", sample_report.resolve().as_uri()],
                   check=True, timeout=120, capture_output=True)
    image = Image.open(shot).convert("L")
    assert image.size == (1200, 2400)
    histogram = image.histogram()
    white = histogram[255] / sum(histogram)
    assert white < 0.97, f"page is {white:.0%} white"
    # the first figure is drawn: many mid-grey and dark pixels, not just text
    assert sum(histogram[:200]) / sum(histogram) > 0.02
