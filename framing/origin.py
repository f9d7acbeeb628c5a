"""Page metadata and story origin, read from the raw text of a pasted page.

The *source* of a page is who published it; the *origin* of a story is who wrote
it. They differ whenever a story travels: Arabs Today reposts Ahram Online, which
ran a Reuters story; a blog reposts The Washington Times. The raw page usually
says so somewhere: a wire story code, a dateline credit "(AP)", a quote someone
"told Reuters", a "Source:" line, a byline.

:func:`detect_origin` weighs that evidence, :func:`find_credits` lists all of it,
and :func:`page_metadata` adds the headline, byline and date found by the
furniture rules of :mod:`framing.clean`. The credit patterns are data, in
``framing/rules/origin.yaml``; its header documents the format and the ranking of
evidence, strongest first:

1. wire story codes ("[L5N1GD7JK]") and dateline credits ("WASHINGTON (AP) —");
2. "told the AP", "told Reuters" (the wire's reporter did the interview);
3. credit lines: "Source: Ahram online", "Washington Times:" above the story, a
   closing "— AP", a wire copyright line; then "... contributed to this report";
4. bylines naming a wire ("By JOHN SMITH, Associated Press").

Photo credits ("(AFP/File)" after a caption) are recognised and listed by
:func:`find_credits`, but never set the origin: the agency took the picture, not
necessarily the story. Read the raw text: cleaning removes most of this evidence.
"""

from __future__ import annotations

from framing._io import safe_yaml

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from framing._warnings import LexiconError

__all__ = ["detect_origin", "find_credits", "page_metadata", "load_credit_rules", "CreditRule", "CreditRules"]

DEFAULT_CREDITS_PATH = Path(__file__).resolve().parent / "rules" / "origin.yaml"

CREDIT_COLUMNS = ["start", "end", "evidence", "origin", "rule", "strength", "kind"]
METADATA_KEYS = ("title", "author", "date", "origin", "origin_evidence")

_RULE_KEYS = {
    "id", "description", "pattern", "origin", "strength", "kind", "where", "requires",
    "needs_one_of", "examples", "counterexamples",
}
_KINDS = ("story", "photo")
_WHERE = ("anywhere", "top")
_REQUIRES = (None, "outlet")
_TEMPLATE_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class CreditRule:
    """One kind of credit from ``origin.yaml``."""

    id: str
    description: str
    regex: re.Pattern
    origin: str
    strength: int
    kind: str = "story"
    where: str = "anywhere"
    requires: str | None = None
    needs_one_of: tuple[str, ...] = ()  # literals one of which every match holds (a fast pre-check)
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()


@dataclass(frozen=True)
class CreditRules:
    """A validated credit file: rules, origin-name aliases and outlet words."""

    rules: tuple[CreditRule, ...]
    aliases: dict = field(default_factory=dict)
    outlet_words: frozenset = frozenset()
    top_lines: int = 5
    source: str = "<dict>"

    def canonical(self, name: str) -> str:
        """The origin name for ``name``: its alias when it has one, else ``name`` tidied."""
        tidy = " ".join(name.split())
        return self.aliases.get(tidy.casefold(), tidy)

    def is_outlet(self, name: str) -> bool:
        """True when ``name`` is a known outlet or contains an outlet word ("Times")."""
        tidy = " ".join(name.split()).casefold()
        words = {word.casefold() for word in re.findall(r"[\w'’-]+", name)}
        return tidy in self.aliases or bool(words & self.outlet_words)


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def load_credit_rules(path: str | os.PathLike | None = None) -> CreditRules:
    """Load and validate a credit rule file.

    Parameters
    ----------
    path : str or path-like, optional
        A YAML file in the format of ``framing/rules/origin.yaml``. Default: that
        bundled file.

    Returns
    -------
    CreditRules

    Raises
    ------
    LexiconError
        When the file cannot be read or a rule is malformed; the message names the
        file, the rule id and the problem.

    Examples
    --------
    >>> rules = load_credit_rules()
    >>> [rule.id for rule in rules.rules][:2]
    ['reuters_story_code', 'wire_dateline']
    """
    if path is None:
        return _default_credit_rules()
    return _load_credit_file(Path(path))


@lru_cache(maxsize=1)
def _default_credit_rules() -> CreditRules:
    return _load_credit_file(DEFAULT_CREDITS_PATH)


def _load_credit_file(path: Path) -> CreditRules:
    try:
        with open(path, encoding="utf-8") as handle:
            data = safe_yaml(handle)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the credit rule file ({exc})") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML ({exc})") from exc
    return credit_rules_from_mapping(data, source=str(path))


def credit_rules_from_mapping(data, source: str = "<dict>") -> CreditRules:
    """Validate an already parsed credit file (a dict) and compile its rules."""
    if not isinstance(data, dict) or not isinstance(data.get("credits"), list):
        raise LexiconError(f"{source}: expected a mapping with a 'credits' list, got {type(data).__name__}")
    aliases = data.get("aliases") or {}
    if not isinstance(aliases, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in aliases.items()
    ):
        raise LexiconError(f"{source}: aliases must map names to origin names (strings)")
    outlet_words = data.get("outlet_words") or []
    if not isinstance(outlet_words, list) or not all(isinstance(word, str) for word in outlet_words):
        raise LexiconError(f"{source}: outlet_words must be a list of strings")
    top_lines = data.get("top_lines", 5)
    if not isinstance(top_lines, int) or isinstance(top_lines, bool) or top_lines < 1:
        raise LexiconError(f"{source}: top_lines must be a positive integer, got {top_lines!r}")
    rules, seen = [], set()
    for position, entry in enumerate(data["credits"]):
        rule = _build_credit_rule(entry, position, source)
        if rule.id in seen:
            raise LexiconError(f"{source}: rule {rule.id!r}: duplicate id")
        seen.add(rule.id)
        rules.append(rule)
    credit_rules = CreditRules(
        rules=tuple(rules),
        aliases={" ".join(key.casefold().split()): value for key, value in aliases.items()},
        outlet_words=frozenset(word.casefold() for word in outlet_words),
        top_lines=top_lines,
        source=source,
    )
    for rule in rules:
        _check_credit_examples(rule, credit_rules)
    return credit_rules


def _rule_error(source: str, rule_id, problem: str) -> LexiconError:
    return LexiconError(f"{source}: rule {rule_id!r}: {problem}")


def _string_tuple(value, source, rule_id, key) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _rule_error(source, rule_id, f"{key} must be a string or a list of strings")
    return tuple(value)


def _build_credit_rule(entry, position: int, source: str) -> CreditRule:
    if not isinstance(entry, dict):
        raise LexiconError(f"{source}: credit #{position + 1}: expected a mapping, got {type(entry).__name__}")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", rule_id):
        raise LexiconError(f"{source}: credit #{position + 1}: id must be a lower-case identifier, got {rule_id!r}")
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise _rule_error(source, rule_id, f"unknown field(s) {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}")
    for key in ("description", "pattern", "origin"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise _rule_error(source, rule_id, f"{key} must be a non-empty string")
    strength = entry.get("strength")
    if not isinstance(strength, int) or isinstance(strength, bool) or strength < 0:
        raise _rule_error(source, rule_id, f"strength must be a non-negative integer, got {strength!r}")
    kind, where, requires = entry.get("kind", "story"), entry.get("where", "anywhere"), entry.get("requires")
    if kind not in _KINDS:
        raise _rule_error(source, rule_id, f"kind must be one of {_KINDS}, got {kind!r}")
    if where not in _WHERE:
        raise _rule_error(source, rule_id, f"where must be one of {_WHERE}, got {where!r}")
    if requires not in _REQUIRES:
        raise _rule_error(source, rule_id, f"requires must be 'outlet' or absent, got {requires!r}")
    try:
        regex = re.compile(entry["pattern"])
    except re.error as exc:
        raise _rule_error(source, rule_id, f"pattern does not compile ({exc})") from exc
    missing = set(_TEMPLATE_FIELD.findall(entry["origin"])) - set(regex.groupindex)
    if missing:
        raise _rule_error(source, rule_id, f"origin uses group(s) {sorted(missing)} that the pattern lacks")
    examples = _string_tuple(entry.get("examples"), source, rule_id, "examples")
    if not examples:
        raise _rule_error(source, rule_id, "needs at least one example")
    needs = _string_tuple(entry.get("needs_one_of"), source, rule_id, "needs_one_of")
    if any(not literal for literal in needs):
        raise _rule_error(source, rule_id, "needs_one_of holds an empty string")
    for example in examples if needs else ():
        if not any(literal in example for literal in needs):
            raise _rule_error(source, rule_id, f"example {example!r} holds none of needs_one_of {list(needs)}; "
                                               "a page without them is never searched with this rule")
    return CreditRule(
        id=rule_id,
        description=entry["description"].strip(),
        regex=regex,
        origin=entry["origin"],
        strength=strength,
        kind=kind,
        where=where,
        requires=requires,
        needs_one_of=needs,
        examples=examples,
        counterexamples=_string_tuple(entry.get("counterexamples"), source, rule_id, "counterexamples"),
    )


def _check_credit_examples(rule: CreditRule, rules: CreditRules) -> None:
    for example in rule.examples:
        if not _credits_of_rule(rule, example, rules, len(example)):
            raise _rule_error(rules.source, rule.id, f"finds no credit in its own example {example!r}")
    for counterexample in rule.counterexamples:
        if _credits_of_rule(rule, counterexample, rules, len(counterexample)):
            raise _rule_error(rules.source, rule.id, f"finds a credit in its counterexample {counterexample!r}")


def _resolve_credit_rules(rules) -> CreditRules:
    if rules is None:
        return _default_credit_rules()
    if isinstance(rules, CreditRules):
        return rules
    if isinstance(rules, (str, os.PathLike)):
        return load_credit_rules(rules)
    if isinstance(rules, dict):
        return credit_rules_from_mapping(rules)
    raise TypeError(f"rules must be None, a path, a dict or CreditRules; got {type(rules).__name__}")


# ---------------------------------------------------------------------------
# Finding credits
# ---------------------------------------------------------------------------


def _top_end(text: str, top_lines: int) -> int:
    """Offset where the first ``top_lines`` non-blank lines of ``text`` end."""
    seen = 0
    for match in re.finditer(r"[^\n]*\S[^\n]*", text):
        seen += 1
        if seen == top_lines:
            return match.end()
    return len(text)


def _origin_of(rule: CreditRule, match: re.Match, rules: CreditRules) -> str | None:
    groups = match.groupdict()
    if any(groups.get(name) is None for name in _TEMPLATE_FIELD.findall(rule.origin)):
        return None
    name = _TEMPLATE_FIELD.sub(lambda field_: groups[field_.group(1)], rule.origin).strip()
    if not name or (rule.requires == "outlet" and not rules.is_outlet(name)):
        return None
    return rules.canonical(name)


def _credits_of_rule(rule: CreditRule, text: str, rules: CreditRules, top_end: int) -> list:
    if rule.needs_one_of and not any(literal in text for literal in rule.needs_one_of):
        return []  # substring tests in C: most pages name no wire, and these patterns scan slowly
    found = []
    for match in rule.regex.finditer(text):
        span = match.span("evidence") if "evidence" in rule.regex.groupindex else match.span()
        if span[0] < 0 or (rule.where == "top" and span[0] >= top_end):
            continue
        origin = _origin_of(rule, match, rules)
        if origin is not None:
            found.append((span[0], span[1], text[span[0] : span[1]], origin, rule.id, rule.strength, rule.kind))
    return found


def _credit_rows(text: str, rules, caller: str) -> list:
    """Credits as tuples in the order of CREDIT_COLUMNS, sorted by position."""
    if not isinstance(text, str):
        raise TypeError(f"{caller} expects the page text as a str, got {type(text).__name__}")
    credit_rules = _resolve_credit_rules(rules)
    top_end = _top_end(text, credit_rules.top_lines)
    rows = []
    for rule in credit_rules.rules:
        rows.extend(_credits_of_rule(rule, text, credit_rules, top_end))
    rows.sort(key=lambda row: (row[0], -row[5]))
    return rows


def find_credits(text: str, *, rules=None) -> pd.DataFrame:
    """List every credit in a page: who it names, the exact evidence, how strong it is.

    Parameters
    ----------
    text : str
        The raw page text (before cleaning, which removes credit lines).
    rules : CreditRules, path, dict or None
        Credit rules; default ``framing/rules/origin.yaml``.

    Returns
    -------
    pandas.DataFrame
        One row per credit, in text order, with columns ``start``, ``end``
        (offsets of the evidence in ``text``), ``evidence`` (``text[start:end]``),
        ``origin``, ``rule``, ``strength`` and ``kind`` (``"story"`` or
        ``"photo"``; photo credits never decide the origin).

    Examples
    --------
    >>> page = "Fighters in Raqqa. (AFP/File)\\n\\nThe game is up, he told Reuters."
    >>> find_credits(page)[["evidence", "origin", "kind"]].values.tolist()
    [['(AFP/File)', 'AFP', 'photo'], ['told Reuters', 'Reuters', 'story']]
    """
    rows = _credit_rows(text, rules, caller="find_credits")
    columns = list(zip(*rows)) if rows else [()] * len(CREDIT_COLUMNS)
    return pd.DataFrame(
        {
            "start": np.array(columns[0], dtype=np.int64),
            "end": np.array(columns[1], dtype=np.int64),
            "evidence": pd.array(list(columns[2]), dtype="str"),
            "origin": pd.array(list(columns[3]), dtype="str"),
            "rule": pd.array(list(columns[4]), dtype="str"),
            "strength": np.array(columns[5], dtype=np.int64),
            "kind": pd.array(list(columns[6]), dtype="str"),
        },
        columns=CREDIT_COLUMNS,
    )


def detect_origin(text: str, *, rules=None) -> tuple[str | None, str | None]:
    """Who wrote the story on this page, and the string that shows it.

    The strongest story credit wins (see the module docstring for the ranking);
    among equally strong credits, the first in the text. Photo credits are
    ignored: "(AFP/File)" under a picture says who took the picture.

    Parameters
    ----------
    text : str
        The raw page text.
    rules : CreditRules, path, dict or None
        Credit rules; default ``framing/rules/origin.yaml``.

    Returns
    -------
    (origin, evidence) : tuple of str or None
        For example ``("Reuters", "[L5N1GD7JK]")``; ``(None, None)`` when the page
        credits no one.

    Examples
    --------
    >>> detect_origin("Officials spoke. [L5N1GD7JK]\\nSource: Ahram online")
    ('Reuters', '[L5N1GD7JK]')
    >>> detect_origin("A caption. (AFP/File)")
    (None, None)
    """
    stories = [row for row in _credit_rows(text, rules, caller="detect_origin") if row[6] == "story"]
    if not stories:
        return None, None
    # Rows are in text order and max() keeps the first of equals: earliest wins ties.
    best = max(stories, key=lambda row: row[5])
    return best[3], best[2]


def page_metadata(raw_text: str, *, rules=None, furniture_rules=None) -> dict:
    """Headline, author, date and story origin of a pasted page.

    Parameters
    ----------
    raw_text : str
        The page as pasted, before cleaning.
    rules : CreditRules, path, dict or None
        Credit rules for the origin; default ``framing/rules/origin.yaml``.
    furniture_rules : FurnitureRules, path, dict or None
        Furniture rules that find the headline, byline and date lines; default
        ``framing/rules/furniture.yaml``.

    Returns
    -------
    dict
        ``title`` (the headline line, when the page opens with one), ``author``
        (from a byline or an "Author:" line), ``date`` (the date string as found,
        e.g. ``"February 4th, 2017 - 12:00 GMT"``), ``origin`` and
        ``origin_evidence`` (see :func:`detect_origin`). Each is None when not
        found. Author and date are only taken from above or at the start of the
        article body, so a list of dated headlines after it is not read as the
        article's date.

    Examples
    --------
    >>> page = ("Militants melt into the desert\\n\\nBy Jane Doe, Associated Press\\n"
    ...         "Published March 3, 2017\\n\\nMilitants fled into the desert, officials said.")
    >>> meta = page_metadata(page)
    >>> meta["title"], meta["author"], meta["date"], meta["origin"]
    ('Militants melt into the desert', 'Jane Doe, Associated Press', 'March 3, 2017', 'AP')
    """
    from framing.clean import _scan_page  # the furniture scan knows where the body starts

    if not isinstance(raw_text, str):
        raise TypeError(f"page_metadata expects the raw page text as a str, got {type(raw_text).__name__}")
    page = _scan_page(raw_text, None, furniture_rules)
    metadata = dict.fromkeys(METADATA_KEYS)
    metadata["title"] = _headline_of(page)
    for removal in _removals_above_body(page):
        for key in ("author", "date"):
            value = (removal.groups.get(key) or "").strip()
            if value and metadata[key] is None:
                metadata[key] = value
    metadata["origin"], metadata["origin_evidence"] = detect_origin(raw_text, rules=rules)
    return metadata


def _headline_of(page) -> str | None:
    for line in page.lines:
        if line.removal is not None and line.removal.rule == "headline":
            return page.raw[line.removal.start : line.removal.end]
    return None


def _removals_above_body(page) -> list:
    """Removals in the lines up to and including the first body paragraph."""
    last = page.first_body_line if page.first_body_line is not None else len(page.lines) - 1
    found = []
    for line in page.lines[: last + 1]:
        found.extend([line.removal] if line.removal is not None else line.cuts)
    return found
