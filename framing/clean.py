"""Strip page furniture from news articles pasted from web pages.

A pasted page carries more than the article: the headline and byline, comment
forms, share buttons, "related articles" teasers, tag lists, copyright footers,
lists of other headlines. :func:`clean_text` keeps the article body and drops the
rest; :func:`clean_with_report` also says what it dropped, with offsets into the
raw text, so a reader can check every removal.

What counts as furniture is data: ``framing/rules/furniture.yaml`` lists pattern
rules (each with an id, a description and examples that are checked when the file
loads) and switches on a few line-level heuristics implemented here (a headline at
the top, a repeated caption, timestamped headline lists, run-together link lists,
navigation menus). :func:`load_rules` loads and validates such a file.

The cleaner works line by line and never rewrites what it keeps, apart from this
normalisation of the output:

* each kept line is stripped of surrounding white space, and no-break spaces
  (U+00A0, U+2007, U+202F) become plain spaces;
* paragraphs are separated by exactly one blank line. A line break counts as a
  paragraph break (web pastes put one paragraph per line), except where a line
  continues a hard-wrapped sentence (the previous line does not end like a
  sentence and the next starts in lower case): that line break is kept as is;
* no leading or trailing white space.

Quotes, dashes and every other character are kept as they are. Cleaning is linear
in the length of the text and does not raise on any string; cleaning its own
output again changes nothing.

What is kept when in doubt, because it is the outlet's or the writer's own text:
subheadings inside the body ("ISOLATED", "GAME IS UP"), the first copy of a photo
caption, a blogger's closing remarks under a reposted article ("There is much
more." and what follows it in the bundled sample 003), contributor notes ("The
Associated Press contributed to this report."), datelines ("BEIRUT:"), embedded
posts, and lines that only look like furniture inside the body (a bare date in a
timeline, "ATTACKER: Unknown" rows, a sentence mentioning "related articles").
The headline is removed when it matches the ``title`` given, or, only when no
title is given, when the first line reads as one.
"""

from __future__ import annotations

from framing._io import safe_yaml

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from framing._warnings import LexiconError

__all__ = ["clean_text", "clean_with_report", "load_rules", "strip_html", "FurnitureRule", "FurnitureRules"]

DEFAULT_RULES_PATH = Path(__file__).resolve().parent / "rules" / "furniture.yaml"

REPORT_COLUMNS = ["start", "end", "rule", "removed"]

_KINDS = ("line", "span", "marker")
_WHERE = ("anywhere", "head", "tail", "edges")
_THEN = ("teasers", "ticker")
_CHECKS = ("not_sentence", "name_list", "date_only")
_RULE_KEYS = {
    "id", "description", "kind", "pattern", "ignore_case", "max_words", "check",
    "where", "then", "metadata", "examples", "counterexamples", "requires",
}
# Heuristics and their parameters with defaults; the rule file switches them on.
_HEURISTIC_PARAMS = {
    "title_line": {},
    "headline": {"max_words": 25},
    "duplicate_line": {"min_words": 6, "window": 1},
    "timestamp_line": {"max_words": 14},
    "run_together_headlines": {"min_junctions": 2, "words_per_junction": 15},
    "nav_run": {"max_words": 4, "min_run": 3},
}
# Heuristics whose example is a single line that the heuristic must flag on its own.
_SELF_CHECKING_HEURISTICS = ("timestamp_line", "run_together_headlines")

# Word counts are only ever compared with small thresholds, so counting stops here:
# that keeps a 5 MB single-line page cheap.
_WORD_COUNT_CAP = 1000

# ---------------------------------------------------------------------------
# Character-level tests
# ---------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x85\x0b\x0c]")
_NO_BREAK_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " "})
# Built once: translating with a table made per call cost a fifth of cleaning.
_TITLE_CHARS = {**_NO_BREAK_SPACES, **str.maketrans("‘’“”", "''\"\"")}
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)[\"'”’»)\]]*$")
_PERIOD_END = re.compile(r"(?<!\.\.)\.[\"'”’»)\]]*$")
# "Iraq. (AFP/File)", "2016. (Reuters)": two lower-case letters or digits, a sentence
# stop and more text. Abbreviations such as "U.S. Campaign" or "Mr. Smith" do not
# qualify, so such headlines are still recognised.
_INNER_SENTENCE_BREAK = re.compile(r"[a-z0-9]{2}[.!?][\"'”’»)\]]*\s+\S")
# A capitalised word glued to the lower-case word before it: "ousterDaesh shores",
# "blastGMT 15:45". Brand names such as "FiveThirtyEight" have at most one.
_GLUE_JUNCTION = re.compile(r"(?<=[a-z]{3})[A-Z](?:[a-z]+|[A-Z]+)(?=[\s,;:.!?'’\"]|$)")
# Handles, hashtags and links glue words by design ("@realDonaldTrump"); embedded
# posts carry them and are content, so they are set aside before counting junctions.
_LINK_TOKEN = re.compile(r"(?:https?://|www\.|pic\.twitter\.com|[@#])\S*")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
)
_CLOCK = re.compile(r"\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?\b")
# Zones are upper case only ("ET", not "et"); they may be glued to the word before
# ("blastGMT") but not be the end of an upper-case word ("MARKET").
_ZONE = r"(?<![A-Z])(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|AST|ET|PT)(?![A-Za-z])"
_ZONE_RE = re.compile(_ZONE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CALENDAR_WORD = re.compile(rf"\b(?:{_MONTH}|{_WEEKDAY})\b", re.IGNORECASE)
_DATE_SIGNAL = re.compile(
    rf"\b(?:[01]?\d|2[0-3]):[0-5]\d\b|\b(?:19|20)\d\d\b|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|\b(?:{_MONTH}|{_WEEKDAY})\b|\bago\b",
    re.IGNORECASE,
)
_DATE_TOKEN = re.compile(
    rf"\d{{4}}-\d\d-\d\d(?:T[\d:.]+Z?)?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"
    rf"|\b[ap]\.?m\b\.?|(?-i:{_ZONE})"
    rf"|\b(?:{_MONTH}|{_WEEKDAY})\b\.?|\b\d+(?:st|nd|rd|th)?\b"
    rf"|\b(?:ago|at|on|of|years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?"
    rf"|seconds?|secs?|today|yesterday|tonight|noon|midnight)\b",
    re.IGNORECASE,
)
# A menu entry: words only, no digits and no punctuation that would make it a data
# row ("KARAK, JORDAN", "ATTACKER: Unknown", "October, 2016") or a sentence.
_MENU_ITEM = re.compile(r"[^\d,:;.!?]+$")
_LETTER_WORD = re.compile(r"[^\W\d_]+")
_NAME_PARTICLES = frozenset(
    "and & | / - – — for de da del della der den di du dos van von la le al el bin ibn ben y e".split()
)


def _count_words(text: str) -> int:
    """Number of white-space separated words (``\\S+`` runs), counted up to ``_WORD_COUNT_CAP``.

    ``str.split`` and ``\\S`` share Python's definition of white space, and
    splitting in C is four times faster than counting regex matches.
    """
    count = len(text.split())
    return count if count < _WORD_COUNT_CAP else _WORD_COUNT_CAP


def _ends_like_sentence(text: str) -> bool:
    # Only the tail matters; slicing keeps the end-anchored search short.
    return bool(_SENTENCE_END.search(text[-12:]))


def _ends_with_ellipsis(text: str) -> bool:
    return bool(_ELLIPSIS_END.search(text[-12:]))


def _ends_with_period(text: str) -> bool:
    return bool(_PERIOD_END.search(text[-12:]))


def _words_besides_dates(text: str) -> int:
    """Words left in ``text`` once dates, times, zones and numbers are taken out."""
    return len(_LETTER_WORD.findall(_DATE_TOKEN.sub(" ", text)))


def _is_date_only(text: str) -> bool:
    """A date or time ("7 years ago", "February 4th, 2017 - 12:00 GMT") and at most one other word."""
    if len(text) > 200 or not any(ch.isdigit() for ch in text):
        return False
    return bool(_DATE_SIGNAL.search(text)) and _words_besides_dates(text) <= 1


def _is_name_list(text: str) -> bool:
    """Names only: every word capitalised, apart from particles such as "and", "de", "al"."""
    text = text.strip()
    words = text.replace(",", " ").replace(";", " ").split()
    if not words or not words[0][:1].isupper() or text[-1] in "?!:":
        return False
    # A final period is an initial or a suffix ("Nancy A.", "Jr."), never a sentence.
    if text.endswith(".") and len(words[-1]) > 3:
        return False
    for word in words:
        core = word.strip("()[]\"'“”‘’")
        if not core or core.lower() in _NAME_PARTICLES or core[0].isupper():
            continue
        if core.startswith(("al-", "el-", "bin-", "ibn-", "d'", "d’")):
            continue
        return False
    return True


_CHECK_FUNCTIONS = {
    "not_sentence": lambda text: not _ends_like_sentence(text),
    "name_list": _is_name_list,
    "date_only": _is_date_only,
}
_CHECKED_GROUP = {"name_list": "author", "date_only": "date"}

# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FurnitureRule:
    """One pattern rule from a furniture file (see ``framing/rules/furniture.yaml``)."""

    id: str
    description: str
    kind: str
    regex: re.Pattern
    max_words: int | None = None
    check: str | None = None
    where: str = "anywhere"
    then: str | None = None
    metadata: bool = False
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    requires: str | None = None  # a literal the line must hold for the pattern to be tried

    def match_line(self, text: str, n_words: int) -> re.Match | None:
        """The match that makes ``text`` (one stripped line) furniture, or None."""
        if self.max_words is not None and (n_words > self.max_words or len(text) > 80 * self.max_words):
            return None  # the length test spares a regex search of a huge one-"word" line
        if self.requires is not None and self.requires not in text:
            return None
        match = self.regex.search(text)
        if match is None or self.check is None:
            return match
        # A check looks at the part of the line it is about (the names after "By",
        # the date after "Published") when the pattern captures it.
        checked = match.groupdict().get(_CHECKED_GROUP.get(self.check, "")) or text
        return match if _CHECK_FUNCTIONS[self.check](checked) else None


@dataclass(frozen=True)
class FurnitureRules:
    """A validated furniture file: pattern rules plus the heuristics it switches on."""

    rules: tuple[FurnitureRule, ...]
    heuristics: dict = field(default_factory=dict)
    prose_min_words: int = 30
    source: str = "<dict>"

    @property
    def ids(self) -> list[str]:
        """Ids of every rule and heuristic, in file order."""
        return [rule.id for rule in self.rules] + list(self.heuristics)


def load_rules(path: str | os.PathLike | None = None) -> FurnitureRules:
    """Load and validate a furniture rule file.

    Parameters
    ----------
    path : str or path-like, optional
        A YAML file in the format of ``framing/rules/furniture.yaml`` (its header
        documents the fields). Default: that bundled file.

    Returns
    -------
    FurnitureRules
        The compiled rules; pass them to :func:`clean_text` as ``rules=``.

    Raises
    ------
    LexiconError
        When the file cannot be read or parsed, or a rule is malformed: the message
        names the file, the rule id and the problem (an unknown field, a pattern
        that does not compile, an example the rule fails to remove...).

    Examples
    --------
    >>> rules = load_rules()
    >>> "story_code" in rules.ids and "headline" in rules.ids
    True
    """
    if path is None:
        return _default_rules()
    return _load_rules_file(Path(path))


@lru_cache(maxsize=1)
def _default_rules() -> FurnitureRules:
    return _load_rules_file(DEFAULT_RULES_PATH)


def _load_rules_file(path: Path) -> FurnitureRules:
    try:
        with open(path, encoding="utf-8") as handle:
            data = safe_yaml(handle)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the furniture rule file ({exc})") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML ({exc})") from exc
    return rules_from_mapping(data, source=str(path))


def rules_from_mapping(data, source: str = "<dict>") -> FurnitureRules:
    """Validate an already parsed furniture file (a dict) and compile its rules."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise LexiconError(f"{source}: expected a mapping with a 'rules' list, got {type(data).__name__}")
    prose_min_words = data.get("prose_min_words", 30)
    if not isinstance(prose_min_words, int) or isinstance(prose_min_words, bool) or prose_min_words < 1:
        raise LexiconError(f"{source}: prose_min_words must be a positive integer, got {prose_min_words!r}")
    rules, seen = [], set()
    for position, entry in enumerate(data["rules"]):
        rule = _build_rule(entry, position, source)
        if rule.id in seen:
            raise LexiconError(f"{source}: rule {rule.id!r}: duplicate id")
        seen.add(rule.id)
        rules.append(rule)
    heuristics = _build_heuristics(data.get("heuristics") or [], source, seen)
    for rule in rules:
        _check_rule_examples(rule, source)
    for heuristic_id, params in heuristics.items():
        _check_heuristic_example(heuristic_id, params, source)
    return FurnitureRules(tuple(rules), heuristics, prose_min_words, source)


def _rule_error(source: str, rule_id, problem: str) -> LexiconError:
    return LexiconError(f"{source}: rule {rule_id!r}: {problem}")


def _string_list(value, source, rule_id, key) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _rule_error(source, rule_id, f"{key} must be a string or a list of strings")
    return tuple(value)


def _build_rule(entry, position: int, source: str) -> FurnitureRule:
    if not isinstance(entry, dict):
        raise LexiconError(f"{source}: rule #{position + 1}: expected a mapping, got {type(entry).__name__}")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", rule_id):
        raise LexiconError(f"{source}: rule #{position + 1}: id must be a lower-case identifier, got {rule_id!r}")
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise _rule_error(source, rule_id, f"unknown field(s) {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}")
    for key in ("description", "pattern"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise _rule_error(source, rule_id, f"{key} must be a non-empty string")
    kind = entry.get("kind")
    if kind not in _KINDS:
        raise _rule_error(source, rule_id, f"kind must be one of {_KINDS}, got {kind!r}")
    where = entry.get("where", "anywhere")
    if where not in _WHERE:
        raise _rule_error(source, rule_id, f"where must be one of {_WHERE}, got {where!r}")
    if where != "anywhere" and kind != "line":
        raise _rule_error(source, rule_id, "only line rules can be limited to the head or tail")
    then = entry.get("then")
    if (kind == "marker") != (then is not None) or (then is not None and then not in _THEN):
        raise _rule_error(source, rule_id, f"markers need then: one of {_THEN}; other kinds take none")
    check = entry.get("check")
    if check is not None and check not in _CHECKS:
        raise _rule_error(source, rule_id, f"check must be one of {_CHECKS}, got {check!r}")
    max_words = entry.get("max_words")
    if max_words is not None and (not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 1):
        raise _rule_error(source, rule_id, f"max_words must be a positive integer, got {max_words!r}")
    for key in ("ignore_case", "metadata"):
        if not isinstance(entry.get(key, False), bool):
            raise _rule_error(source, rule_id, f"{key} must be true or false")
    try:
        regex = re.compile(entry["pattern"], re.IGNORECASE if entry.get("ignore_case") else 0)
    except re.error as exc:
        raise _rule_error(source, rule_id, f"pattern does not compile ({exc})") from exc
    requires = entry.get("requires")
    if requires is not None and (not isinstance(requires, str) or not requires):
        raise _rule_error(source, rule_id, f"requires must be a non-empty string, got {requires!r}")
    examples = _string_list(entry.get("examples"), source, rule_id, "examples")
    if requires is not None and any(requires not in example for example in examples):
        raise _rule_error(source, rule_id, f"an example lacks the required text {requires!r}")
    if not examples:
        raise _rule_error(source, rule_id, "needs at least one example of what it removes")
    return FurnitureRule(
        id=rule_id,
        description=entry["description"].strip(),
        kind=kind,
        regex=regex,
        max_words=max_words,
        check=check,
        where=where,
        then=then,
        metadata=entry.get("metadata", False),
        examples=examples,
        counterexamples=_string_list(entry.get("counterexamples"), source, rule_id, "counterexamples"),
        requires=requires,
    )


def _build_heuristics(entries, source: str, rule_ids: set) -> dict:
    if not isinstance(entries, list):
        raise LexiconError(f"{source}: heuristics must be a list")
    heuristics = {}
    for entry in entries:
        heuristic_id = entry.get("id") if isinstance(entry, dict) else None
        if heuristic_id not in _HEURISTIC_PARAMS:
            raise LexiconError(
                f"{source}: heuristic {heuristic_id!r}: unknown; known: {sorted(_HEURISTIC_PARAMS)}"
            )
        if heuristic_id in heuristics or heuristic_id in rule_ids:
            raise _rule_error(source, heuristic_id, "duplicate id")
        params = dict(_HEURISTIC_PARAMS[heuristic_id])
        for key, value in entry.items():
            if key in ("id", "description", "example"):
                continue
            if key not in params:
                raise _rule_error(source, heuristic_id, f"unknown parameter {key!r}; allowed: {sorted(params)}")
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise _rule_error(source, heuristic_id, f"{key} must be a positive integer, got {value!r}")
            params[key] = value
        if not isinstance(entry.get("description"), str) or not isinstance(entry.get("example"), str):
            raise _rule_error(source, heuristic_id, "needs a description and an example")
        params["example"] = entry["example"]
        heuristics[heuristic_id] = params
    return heuristics


def _check_rule_examples(rule: FurnitureRule, source: str) -> None:
    """Every example must be removed by the rule and no counterexample may be."""
    for example in rule.examples:
        if not _rule_fires_on(rule, example):
            raise _rule_error(source, rule.id, f"does not remove its own example {example!r}")
    for counterexample in rule.counterexamples:
        if _rule_fires_on(rule, counterexample):
            raise _rule_error(source, rule.id, f"removes its counterexample {counterexample!r}")


def _cut_of(match: re.Match) -> tuple[int, int]:
    """What a span rule's match removes: its group named ``cut`` when it has one, else all of it.

    The rest of the match is context that stays ("Sen. Brian Schatz" before
    The Hill's pasted profile card of him).
    """
    if "cut" in match.re.groupindex and match.group("cut") is not None:
        return match.span("cut")
    return match.span()


def _rule_fires_on(rule: FurnitureRule, text: str) -> bool:
    text = text.translate(_NO_BREAK_SPACES).strip()
    if rule.kind == "span":
        return rule.regex.search(text) is not None
    return rule.match_line(text, _count_words(text)) is not None


def _check_heuristic_example(heuristic_id: str, params: dict, source: str) -> None:
    if heuristic_id not in _SELF_CHECKING_HEURISTICS:
        return
    example = params["example"]
    flagged = {
        "timestamp_line": _is_timestamp_line,
        "run_together_headlines": _is_run_together_headlines,
    }[heuristic_id](example, _count_words(example), params)
    if not flagged:
        raise _rule_error(source, heuristic_id, f"does not flag its own example {example!r}")


def _resolve_rules(rules) -> FurnitureRules:
    if rules is None:
        return _default_rules()
    if isinstance(rules, FurnitureRules):
        return rules
    if isinstance(rules, (str, os.PathLike)):
        return load_rules(rules)
    if isinstance(rules, dict):
        return rules_from_mapping(rules)
    raise TypeError(
        f"rules must be None, a path to a furniture file, a dict or FurnitureRules; got {type(rules).__name__}"
    )


# ---------------------------------------------------------------------------
# Line-level heuristics
# ---------------------------------------------------------------------------


def _is_timestamp_line(text: str, n_words: int, params: dict) -> bool:
    """A headline (or nothing) with a clock time plus a date or zone, not a sentence."""
    limit = params["max_words"]
    if n_words > 3 * limit or len(text) > 1000 or _ends_like_sentence(text) or text.endswith(":"):
        return False  # a sentence, or a live-blog heading introducing what follows
    clocks = list(_CLOCK.finditer(text)) if not _is_embedded_post(text) else []
    if not clocks:
        return False
    # The stamp closes the line ("...blastGMT 15:45 2017 Tuesday ,29 August"). A time
    # at the start introduces content ("18:30 GMT - Working dinner", live-blog
    # headings such as "Update at 11:50 a.m. ET: Family's Attorney Speaks"), which stays.
    if _words_besides_dates(text[clocks[-1].start() :]) > 0:
        return False
    has_date = _ZONE_RE.search(text) or _CALENDAR_WORD.search(text) or _YEAR.search(text)
    return bool(has_date) and _words_besides_dates(text) <= limit


def _is_run_together_headlines(text: str, n_words: int, params: dict) -> bool:
    """Headlines glued into one line: several lower-case-to-capital junctions."""
    if n_words > 400 or len(text) > 20_000 or _ends_like_sentence(text):
        return False
    text = _LINK_TOKEN.sub(" ", text)
    # Distinct junctions: a brand name written twice ("SurveyMonkey") is still one.
    junctions = len({text[m.start() - 3 : m.end()] for m in _GLUE_JUNCTION.finditer(text)})
    return junctions >= params["min_junctions"] and junctions * params["words_per_junction"] >= n_words


def _is_embedded_post(text: str) -> bool:
    """An embedded tweet or post ("... — Name (@handle) July 22, 2019"): quoted content."""
    return "(@" in text or "pic.twitter.com" in text or "t.co/" in text


def _title_key(text: str) -> str:
    """Comparison key for titles: case, spacing, quote style and a final period ignored."""
    return " ".join(text.translate(_TITLE_CHARS).casefold().split()).rstrip(" .:")


# ---------------------------------------------------------------------------
# The scan: lines, removals, output
# ---------------------------------------------------------------------------


@dataclass
class _Removal:
    start: int
    end: int
    rule: str
    groups: dict = field(default_factory=dict)
    metadata: bool = False


@dataclass
class _Line:
    start: int  # raw offset of the first non-blank character
    end: int  # raw offset after the last non-blank character
    text: str  # what is kept of the line, stripped, no-break spaces made plain
    blank_before: bool  # a blank line (or the start of the text) comes right before
    n_words: int = 0
    cuts: list = field(default_factory=list)  # _Removal of spans inside the line
    removal: _Removal | None = None  # set when the whole line goes
    emptied: bool = False  # nothing left once the spans were cut

    @property
    def kept(self) -> bool:
        return self.removal is None and not self.emptied


@dataclass
class _Page:
    raw: str
    lines: list
    first_body_line: int | None  # index in ``lines`` of the first body paragraph

    def removals(self) -> list:
        found = []
        for line in self.lines:
            found.extend([line.removal] if line.removal else line.cuts)
        return sorted(found, key=lambda removal: removal.start)


def _split_lines(raw: str) -> list:
    """Non-blank lines with their raw offsets; blank lines only set ``blank_before``."""
    lines, position, blank_before = [], 0, True
    bounds = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(raw)] + [(len(raw), len(raw))]
    for line_end, next_start in bounds:
        segment = raw[position:line_end]
        stripped = segment.strip()
        if stripped:
            start = position + (len(segment) - len(segment.lstrip()))
            text = stripped.translate(_NO_BREAK_SPACES)
            lines.append(_Line(start, start + len(stripped), text, blank_before))
            blank_before = False
        else:
            blank_before = True
        position = next_start
    return lines


_SPAN_ROUNDS = 4


def _map_cuts(kept: list, cuts: list) -> list:
    """Map cuts made in the text joined from the ``kept`` pieces back to original offsets.

    ``kept`` and ``cuts`` are sorted lists of half-open intervals (cuts do not
    overlap); a cut may straddle pieces, so each maps to a list of intervals. One
    sweep, so a line with thousands of cuts stays linear.
    """
    mapped, first, first_offset = [], 0, 0
    for start, end in cuts:
        while first < len(kept) and first_offset + kept[first][1] - kept[first][0] <= start:
            first_offset += kept[first][1] - kept[first][0]
            first += 1
        intervals, index, offset = [], first, first_offset
        while index < len(kept) and offset < end:
            a, b = kept[index]
            low, high = max(start, offset), min(end, offset + b - a)
            if low < high:
                intervals.append((a + low - offset, a + high - offset))
            offset += b - a
            index += 1
        mapped.append(intervals)
    return mapped


def _subtract(kept: list, cuts: list) -> list:
    """The ``kept`` pieces minus the ``cuts`` (sorted, non-overlapping half-open intervals)."""
    result, first = [], 0
    for a, b in kept:
        while first < len(cuts) and cuts[first][1] <= a:
            first += 1
        index = first
        while index < len(cuts) and cuts[index][0] < b:
            c, d = cuts[index]
            if c > a:
                result.append((a, c))
            a = max(a, d)
            index += 1
        if a < b:
            result.append((a, b))
    return result


class _Scanner:
    """Runs the rules over the lines of one page; see :func:`clean_with_report`."""

    def __init__(self, raw: str, title: str | None, rules: FurnitureRules):
        self.raw = raw
        self.rules = rules
        self.heuristics = rules.heuristics
        self.has_title = isinstance(title, str) and bool(title.strip())
        self.title_key = _title_key(title) if self.has_title else None
        self.title_words = len(self.title_key.split()) if self.title_key else 0
        self.span_rules = [rule for rule in rules.rules if rule.kind == "span"]
        self.free_rules = [r for r in rules.rules if r.kind != "span" and r.where == "anywhere"]
        self.edge_rules = [r for r in rules.rules if r.kind == "line" and r.where != "anywhere"]

    # -- phase 1: rules that do not depend on where the body starts ------------

    def scan(self) -> _Page:
        lines = _split_lines(self.raw)
        self._apply_line_rules(lines)
        first_body = self._apply_position_rules(lines)
        # Repeats are judged last, among the lines that survived everything else, so
        # that cleaning the output again finds the same neighbours. Dropping one may
        # move the end of the body, hence the second pass of the position rules.
        if self._drop_duplicates(lines):
            first_body = self._apply_position_rules(lines)
        return _Page(self.raw, lines, first_body)

    def _apply_line_rules(self, lines: list) -> None:
        follow = None
        for line in lines:
            self._cut_spans(line)
            if line.emptied:
                continue
            removed = self._remove_by_free_rules(line)
            if removed is not None:
                rule = removed
                if rule.kind == "marker":
                    follow = (rule.id, rule.then)
                elif follow and follow[1] == "ticker":
                    follow = None
                continue
            if follow:
                follow = self._follow_marker(line, follow)

    def _cut_spans(self, line: _Line) -> None:
        """Cut span furniture out of the line, again on what is left when a cut exposes more.

        A cut can bring new furniture to the start of the line ("[CODE] Author: ...")
        that an anchored pattern only sees once the cut is made; cleaning the output
        again would find it. A few rounds settle any realistic line.
        """
        original = line.text
        kept = [(0, len(original))]  # pieces of ``original`` still in the line
        for _ in range(_SPAN_ROUNDS):
            current = "".join(original[a:b] for a, b in kept)
            stripped = current.strip()
            lead = len(current) - len(current.lstrip())
            cuts = self._find_span_cuts(stripped)
            if not cuts:
                break
            mapped = _map_cuts(kept, [(lead + start, lead + end) for start, end, _, _ in cuts])
            for (_, _, rule, groups), intervals in zip(cuts, mapped):
                for a, b in intervals:
                    line.cuts.append(_Removal(line.start + a, line.start + b, rule.id, groups, rule.metadata))
            kept = _subtract(kept, [interval for intervals in mapped for interval in intervals])
        line.text = "".join(original[a:b] for a, b in kept).strip()
        line.cuts.sort(key=lambda removal: removal.start)
        line.n_words = _count_words(line.text)
        line.emptied = not line.text

    def _find_span_cuts(self, text: str) -> list:
        """Non-overlapping span matches in ``text``, earliest (then longest) first."""
        found = [
            (*_cut_of(match), rule, match.groupdict())
            for rule in self.span_rules
            if rule.requires is None or rule.requires in text
            for match in rule.regex.finditer(text)
            if match.end() > match.start()
        ]
        found.sort(key=lambda cut: (cut[0], -cut[1]))
        cuts, position = [], 0
        for cut in found:
            if cut[0] >= position:
                cuts.append(cut)
                position = cut[1]
        return cuts

    def _remove(self, line: _Line, rule_id: str, groups=None, metadata=False) -> None:
        # The whole line goes: one record for it replaces the records of its cuts.
        line.removal = _Removal(line.start, line.end, rule_id, dict(groups or {}), metadata)

    def _remove_by_free_rules(self, line: _Line) -> FurnitureRule | None:
        """Try the title, the position-free rules and line heuristics; return the rule that fired."""
        if self.title_key and "title_line" in self.heuristics and self._may_be_title(line) \
                and _title_key(line.text) == self.title_key:
            self._remove(line, "title_line")
            return _TITLE_RULE
        for rule in self.free_rules:
            match = rule.match_line(line.text, line.n_words)
            if match is not None:
                self._remove(line, rule.id, match.groupdict(), rule.metadata)
                return rule
        for heuristic_id, test in (
            ("timestamp_line", _is_timestamp_line),
            ("run_together_headlines", _is_run_together_headlines),
        ):
            params = self.heuristics.get(heuristic_id)
            if params and test(line.text, line.n_words, params):
                self._remove(line, heuristic_id)
                return _HEURISTIC_RULE
        return None

    def _may_be_title(self, line: _Line) -> bool:
        """False only when the line's title key cannot equal the title's: a cheap test first.

        The key keeps the line's white-space separated words (``n_words``), less
        any trailing words made only of periods and colons, which it strips.
        Building the key of every long paragraph cost a tenth of cleaning.
        """
        n = line.n_words
        if n == self.title_words or self.title_words >= _WORD_COUNT_CAP:
            return True
        if n < self.title_words:
            return False
        text = line.text
        k = len(text)
        # The key joins words with single spaces before it strips " .:", so any white space counts.
        while k and (text[k - 1] in ".:" or text[k - 1].isspace()):
            k -= 1
        tail = text[k:]
        # Words wholly inside the stripped tail; the first is cut when the tail starts inside a word.
        removable = len(tail.split()) - (1 if k > 0 and tail[:1] in (".", ":") else 0)
        return n - removable <= self.title_words

    def _follow_marker(self, line: _Line, follow):
        """Remove what a marker drags in after it; return the follow state for the next line."""
        rule_id, mode = follow
        if mode == "ticker":
            if _ends_with_ellipsis(line.text):
                self._remove(line, rule_id)
            return None
        if self._is_teaser(line):
            self._remove(line, rule_id)
            return follow
        return None

    @staticmethod
    def _is_teaser(line: _Line) -> bool:
        """A headline of another story, or a snippet of one cut off with an ellipsis."""
        if _ends_with_ellipsis(line.text):
            return line.n_words <= 80
        return line.n_words <= 20 and not _ends_with_period(line.text)

    def _drop_duplicates(self, lines: list) -> bool:
        """Drop a line that repeats one of the ``window`` kept lines before it."""
        params = self.heuristics.get("duplicate_line")
        if not params:
            return False
        recent, dropped = [], False
        for line in lines:
            if not line.kept:
                continue
            key = " ".join(line.text.split())
            if key in recent and self._long_enough_to_dedupe(line, params["min_words"]):
                self._remove(line, "duplicate_line")
                dropped = True
                continue
            recent = (recent + [key])[-params["window"] :]
        return dropped

    @staticmethod
    def _long_enough_to_dedupe(line: _Line, min_words: int) -> bool:
        # Short label lines recur legitimately ("ATTACKER: Unidentified" in a timeline,
        # "Democrats: 44 percent" under each poll question); a sentence or a long
        # caption pasted twice does not.
        if line.n_words >= 2 * min_words:
            return True
        return line.n_words >= min_words and _ends_like_sentence(line.text)

    # -- phase 2: rules that depend on where the body starts and ends -----------

    def _is_prose(self, line: _Line) -> bool:
        return line.n_words >= self.rules.prose_min_words or (
            line.n_words >= 2 and _ends_like_sentence(line.text)
        )

    def _apply_position_rules(self, lines: list) -> int | None:
        kept = [index for index, line in enumerate(lines) if line.kept]
        body = [index for index in kept if self._is_prose(lines[index])]
        if body:
            head = [index for index in kept if index < body[0]]
            tail = [index for index in kept if index > body[-1]]
            self._apply_edge_rules(lines, head, "head")
            self._apply_edge_rules(lines, tail, "tail")
            self._remove_nav_runs(lines, head)
            self._remove_nav_runs(lines, tail)
        self._remove_headlines(lines)
        return body[0] if body else None

    def _apply_edge_rules(self, lines: list, indices: list, zone: str) -> None:
        for index in indices:
            line = lines[index]
            for rule in self.edge_rules:
                if rule.where not in (zone, "edges"):
                    continue
                match = rule.match_line(line.text, line.n_words)
                if match is not None:
                    self._remove(line, rule.id, match.groupdict(), rule.metadata)
                    break

    def _remove_nav_runs(self, lines: list, indices: list) -> None:
        params = self.heuristics.get("nav_run")
        if not params:
            return
        run = []
        for index in [i for i in indices if lines[i].kept] + [None]:
            line = lines[index] if index is not None else None
            if line is not None and line.n_words <= params["max_words"] and _MENU_ITEM.match(line.text):
                run.append(line)
                continue
            if len(run) >= params["min_run"]:
                for item in run:
                    self._remove(item, "nav_run")
            run = []

    def _looks_like_headline(self, line: _Line, max_words: int) -> bool:
        text = line.text
        if not 1 <= line.n_words <= max_words or len(text) > 300:
            return False
        first_letter = next((ch for ch in text if ch.isalpha()), "")
        return (
            first_letter.isupper()
            and not _ends_like_sentence(text)
            and text[-1] not in ":;,"
            and not _INNER_SENTENCE_BREAK.search(text)
        )

    def _remove_headlines(self, lines: list) -> None:
        """Drop the top line while it reads as a headline followed by metadata or body."""
        params = self.heuristics.get("headline")
        # A caller who gives the title has said what the headline is; guessing on top
        # of that would also remove kickers and section labels the title does not match.
        if not params or self.has_title:
            return
        kept = [index for index, line in enumerate(lines) if line.kept]
        for position, index in enumerate(kept):
            line = lines[index]
            if not self._looks_like_headline(line, params["max_words"]):
                return
            next_kept = lines[kept[position + 1]] if position + 1 < len(kept) else None
            if next_kept is not None and self._continues(lines, kept[position + 1]):
                return
            if not (self._metadata_follows(lines, index) or (next_kept and self._is_prose(next_kept))):
                return
            self._remove(line, "headline")

    @staticmethod
    def _metadata_follows(lines: list, index: int) -> bool:
        if index + 1 >= len(lines):
            return False
        after = lines[index + 1]
        if after.removal is not None:
            return after.removal.metadata
        return any(cut.metadata for cut in after.cuts)

    @staticmethod
    def _continues(lines: list, index: int) -> bool:
        """True when line ``index`` carries on a hard-wrapped sentence from the line before it."""
        line = lines[index]
        if index == 0 or line.blank_before or not lines[index - 1].kept:
            return False
        previous = lines[index - 1].text
        return line.text[:1].islower() and not _ends_like_sentence(previous) and previous[-1] not in ":;"


# Stand-ins returned by _remove_by_free_rules for removals that are not yaml rules.
_TITLE_RULE = FurnitureRule("title_line", "", "line", re.compile(""))
_HEURISTIC_RULE = FurnitureRule("heuristic", "", "line", re.compile(""))


def _assemble(page: _Page) -> str:
    """Join the kept lines: blank line between paragraphs, hard-wrapped lines kept together."""
    parts = []
    for index, line in enumerate(page.lines):
        if not line.kept:
            continue
        if parts:
            parts.append("\n" if _Scanner._continues(page.lines, index) else "\n\n")
        parts.append(line.text)
    return "".join(parts)


def _scan_page(text: str, title: str | None = None, rules=None) -> _Page:
    """Scan one page (used by :mod:`framing.origin` to read the metadata lines)."""
    if not isinstance(text, str):
        raise TypeError(f"expected the page text as a str, got {type(text).__name__}")
    return _Scanner(text, title, _resolve_rules(rules)).scan()


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_INVISIBLE_TAGS = frozenset("script style noscript template svg head".split())


class _TextExtractor(HTMLParser):
    """Collects the visible text of a page, one line per block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in _INVISIBLE_TAGS:
            self.hidden_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _INVISIBLE_TAGS:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden_depth:
            self.parts.append(data)


def strip_html(html: str) -> str:
    r"""Visible text of an HTML page, one line per block element (a fallback extractor).

    Scripts, styles and the head are dropped and entities decoded; menus and
    footers stay, for :func:`clean_text` to remove. framing.corpus uses this when
    trafilatura is not installed.

    Examples
    --------
    >>> strip_html("<p>Militants fled.</p><script>x()</script><p>Officials said so.</p>")
    'Militants fled.\n\nOfficials said so.'
    """
    if not isinstance(html, str):
        raise TypeError(f"strip_html expects a str, got {type(html).__name__}")
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    lines = [line.strip(" \t\r") for line in "".join(extractor.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def clean_with_report(text: str, *, title: str | None = None, rules=None) -> tuple[str, pd.DataFrame]:
    """Remove page furniture and report every removal.

    Parameters
    ----------
    text : str
        The page as pasted (raw text).
    title : str, optional
        The article's headline, when known: a line equal to it (ignoring case,
        spacing, quote style and a final period) is removed. Without it, a
        headline-like first line followed by a byline, a date, a credit line or the
        body is removed.
    rules : FurnitureRules, path, dict or None
        The furniture rules; default: ``framing/rules/furniture.yaml``.

    Returns
    -------
    cleaned : str
        The article body, normalised as described in the module docstring.
    report : pandas.DataFrame
        One row per removal, in text order, with columns ``start`` and ``end``
        (character offsets into the raw ``text``, so ``text[start:end] ==
        removed``), ``rule`` (the id of the rule or heuristic that fired) and
        ``removed`` (the removed string). White space between kept lines is not
        reported.

    Examples
    --------
    >>> page = "Show More\\n\\nThe army said 20 people died. [L5N1GD7JK]\\n\\nAll rights reserved."
    >>> cleaned, report = clean_with_report(page)
    >>> cleaned
    'The army said 20 people died.'
    >>> report[["rule", "removed"]].values.tolist()
    [['more_button', 'Show More'], ['story_code', ' [L5N1GD7JK]'], ['copyright', 'All rights reserved.']]
    """
    page = _scan_page(text, title, rules)
    return _assemble(page), _report_table(page)


def _report_table(page: _Page) -> pd.DataFrame:
    removals = page.removals()
    return pd.DataFrame(
        {
            "start": np.array([removal.start for removal in removals], dtype=np.int64),
            "end": np.array([removal.end for removal in removals], dtype=np.int64),
            "rule": pd.array([removal.rule for removal in removals], dtype="str"),
            "removed": pd.array([page.raw[removal.start : removal.end] for removal in removals], dtype="str"),
        },
        columns=REPORT_COLUMNS,
    )


def clean_text(text: str, *, title: str | None = None, rules=None) -> str:
    """Return the article body of a pasted web page, without the page furniture.

    Same as ``clean_with_report(text, title=title, rules=rules)[0]``; see
    :func:`clean_with_report` for the parameters.

    Examples
    --------
    >>> page = ("Syndicated News\\nMilitants melt into the desert\\nBy Jane Doe and John Roe\\n\\n"
    ...         "Militants fled into the desert, officials said.\\n\\nType your comment and click")
    >>> clean_text(page)
    'Militants fled into the desert, officials said.'
    """
    # The same scan as clean_with_report, without building the report table, which
    # would cost as much as the cleaning itself on a large corpus.
    return _assemble(_scan_page(text, title, rules))
