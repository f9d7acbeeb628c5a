"""Lexicons: the word lists behind every feature, loaded from YAML and validated.

The format is documented in ``framing/lexicons/README.md``. One loader reads the
shipped lexicons and users' own files or dicts, so that a mistake in either gets
the same clear error naming the file, the entry and the problem.
"""

from __future__ import annotations

from framing._io import safe_yaml

import copy
import hashlib
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from framing._warnings import LexiconError

SHIPPED = ("naming.yaml", "reporting_verbs.yaml", "stance.yaml")
KNOWN_FEATURES = ("naming", "attribution", "stance")
TOP_KEYS = {"lexicon", "version", "feature", "description", "sources", "categories", "note"}
CATEGORY_KEYS = {"description", "sources", "entries", "note"}
ENTRY_KEYS = {"label", "patterns", "inflect", "forms", "case", "reject_in_caps",
              "exclude_before", "exclude_after", "homograph", "note"}
CASES = ("any", "exact", "lower", "upper")
# Word classes a lexicon form may also belong to, each checked by the stage that
# reads the entry: a reporting verb that can be a noun ("claims") or an
# adjective ("alleged"); a stance adjective that can be a reporting verb ("alleged").
HOMOGRAPHS = (None, "noun", "adjective", "verb")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_PATTERN_LENGTH = 200


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a label and every surface form that counts as it."""

    lexicon: str
    feature: str
    category: str
    label: str
    forms: tuple[str, ...]
    case: str = "any"
    reject_in_caps: bool = False
    exclude_before: tuple[str, ...] = ()
    exclude_after: tuple[str, ...] = ()
    homograph: str | None = None  # another word class the form can belong to (HOMOGRAPHS)


@dataclass
class Lexicon:
    """A validated lexicon: metadata, categories and the flattened entries."""

    id: str
    version: str
    feature: str
    description: str
    sources: list[str]
    categories: dict[str, dict]
    entries: list[Entry]
    path: str | None = None
    sha256: str = ""
    raw: dict = field(default_factory=dict, repr=False)

    def table(self) -> pd.DataFrame:
        """One row per entry: lexicon, feature, category, label, forms, case."""
        return pd.DataFrame([
            {"lexicon": e.lexicon, "feature": e.feature, "category": e.category,
             "label": e.label, "forms": ", ".join(e.forms), "case": e.case}
            for e in self.entries
        ])


def default_paths() -> list[Path]:
    """Paths of the lexicons shipped with framing (naming, reporting verbs, stance)."""
    folder = resources.files("framing.lexicons")
    return [Path(str(folder / name)) for name in SHIPPED]


def load_lexicons(lexicons=None) -> list[Lexicon]:
    """Load the shipped lexicons, or the given files/dicts, validating each.

    Parameters
    ----------
    lexicons : list of (str, Path, dict or Lexicon), optional
        Lexicons to use instead of the shipped ones. To add to the shipped
        lists, pass ``[*framing.lexicon.default_paths(), "mine.yaml"]``.

    Returns
    -------
    list of Lexicon

    Raises
    ------
    framing.LexiconError
        When a lexicon is invalid, or two lexicons share an id.

    Examples
    --------
    >>> [lex.feature for lex in load_lexicons()]
    ['naming', 'attribution', 'stance']
    """
    sources = default_paths() if lexicons is None else list(lexicons)
    if isinstance(lexicons, (str, Path, dict, Lexicon)):
        sources = [lexicons]
    loaded = [src if isinstance(src, Lexicon) else load_lexicon(src) for src in sources]
    seen = {}
    for lex in loaded:
        if lex.id in seen:
            raise LexiconError(f"{lex.path or 'dict'}: lexicon id {lex.id!r} is also used by "
                               f"{seen[lex.id] or 'another dict'}; give each lexicon its own id.")
        seen[lex.id] = lex.path
    return loaded


def load_lexicon(src) -> Lexicon:
    """Read and validate one lexicon from a YAML file or a dict.

    Parameters
    ----------
    src : str, Path or dict
        A YAML file in the lexicon format, or the same structure as a dict.

    Returns
    -------
    Lexicon

    Raises
    ------
    framing.LexiconError
        Naming the file, the category and entry, and the problem: unknown key,
        empty pattern, bad case rule, a pattern that cannot be matched.

    Examples
    --------
    >>> lex = load_lexicon({"lexicon": "demo", "feature": "stance", "categories": {
    ...     "hedge": {"entries": [{"label": "perhaps", "patterns": ["perhaps"]}]}}})
    >>> lex.entries[0].forms
    ('perhaps',)
    """
    if isinstance(src, dict):
        data, where = copy.deepcopy(src), "lexicon dict"
    else:
        path = Path(src)
        where = str(path)
        if not path.is_file():
            raise LexiconError(f"{path}: lexicon file not found.")
        try:
            data = safe_yaml(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise LexiconError(f"{path}: not valid YAML: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise LexiconError(f"{path}: lexicon files must be UTF-8 ({exc}).") from exc
    return _validate(data, where, None if isinstance(src, dict) else str(src))


def _validate(data, where: str, path: str | None) -> Lexicon:
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: a lexicon is a mapping with keys lexicon, feature, "
                           f"categories; got {type(data).__name__}.")
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(TOP_KEYS)}.")
    for key in ("lexicon", "feature", "categories"):
        if key not in data:
            raise LexiconError(f"{where}: missing required key {key!r}.")
    lex_id, feature = str(data["lexicon"]), str(data["feature"])
    for name, value in (("lexicon", lex_id), ("feature", feature)):
        if not ID_PATTERN.match(value):
            raise LexiconError(f"{where}: {name} {value!r} must be lower-case letters, digits "
                               "and underscores, starting with a letter.")
    categories = data["categories"]
    if not isinstance(categories, dict) or not categories:
        raise LexiconError(f"{where}: 'categories' must be a non-empty mapping of category id "
                           "to {description, entries}.")
    entries = []
    for cat_id, category in categories.items():
        entries += _validate_category(where, lex_id, feature, str(cat_id), category)
    sources = data.get("sources") or []
    if isinstance(sources, str):
        sources = [sources]
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return Lexicon(id=lex_id, version=str(data.get("version", "unversioned")), feature=feature,
                   description=str(data.get("description", "")).strip(), sources=list(sources),
                   categories={str(k): v for k, v in categories.items()}, entries=entries,
                   path=path, sha256=hashlib.sha256(canonical.encode()).hexdigest(), raw=data)


def _validate_category(where, lex_id, feature, cat_id, category) -> list[Entry]:
    here = f"{where}: category {cat_id!r}"
    if not ID_PATTERN.match(cat_id):
        raise LexiconError(f"{here}: category ids are lower-case letters, digits and underscores.")
    if not isinstance(category, dict):
        raise LexiconError(f"{here}: expected a mapping with 'entries', got {type(category).__name__}.")
    unknown = set(category) - CATEGORY_KEYS
    if unknown:
        raise LexiconError(f"{here}: unknown key(s) {sorted(unknown)}; allowed: {sorted(CATEGORY_KEYS)}.")
    raw_entries = category.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise LexiconError(f"{here}: 'entries' must be a non-empty list.")
    entries = []
    labels = set()
    for number, raw in enumerate(raw_entries, start=1):
        entry = _validate_entry(f"{here}, entry {number}", lex_id, feature, cat_id, raw)
        if entry.label in labels:
            raise LexiconError(f"{here}, entry {number}: label {entry.label!r} appears twice in this "
                               "category; merge the two entries' patterns.")
        labels.add(entry.label)
        entries.append(entry)
    return entries


def _validate_entry(here, lex_id, feature, cat_id, raw) -> Entry:
    if isinstance(raw, str):  # shorthand: a bare string is its own label and pattern
        raw = {"label": raw, "patterns": [raw]}
    if not isinstance(raw, dict):
        raise LexiconError(f"{here}: an entry is a mapping with label and patterns, got "
                           f"{type(raw).__name__}.")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise LexiconError(f"{here} ({raw.get('label', '?')!r}): unknown key(s) {sorted(unknown)}; "
                           f"allowed: {sorted(ENTRY_KEYS)}.")
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise LexiconError(f"{here}: 'label' must be a non-empty string.")
    here = f"{here} ({label!r})"
    patterns = _string_list(raw.get("patterns"), here, "patterns", required=True)
    forms = _string_list(raw.get("forms"), here, "forms")
    case = raw.get("case", "any")
    if case not in CASES:
        raise LexiconError(f"{here}: case {case!r} is not one of {CASES}.")
    inflect = raw.get("inflect")
    if inflect not in (None, "verb"):
        raise LexiconError(f"{here}: inflect {inflect!r} is not supported; use 'verb' or leave it out.")
    homograph = raw.get("homograph")
    if homograph not in HOMOGRAPHS:
        raise LexiconError(f"{here}: homograph {homograph!r} is not supported; use one of "
                           f"{', '.join(h for h in HOMOGRAPHS if h)} or leave it out.")
    reject = raw.get("reject_in_caps", False)
    if not isinstance(reject, bool):
        raise LexiconError(f"{here}: reject_in_caps must be true or false.")
    surface = list(patterns) + list(forms)
    if inflect == "verb":
        surface += [form for p in patterns for form in inflect_phrase(p)]
    for pattern in surface:
        _check_pattern(pattern, here)
    return Entry(lexicon=lex_id, feature=feature, category=cat_id, label=label.strip(),
                 forms=tuple(dict.fromkeys(p.strip() for p in surface)), case=case,
                 reject_in_caps=reject,
                 exclude_before=tuple(_string_list(raw.get("exclude_before"), here, "exclude_before")),
                 exclude_after=tuple(_string_list(raw.get("exclude_after"), here, "exclude_after")),
                 homograph=homograph)


def _string_list(value, here, key, required=False) -> list[str]:
    if value is None:
        if required:
            raise LexiconError(f"{here}: missing {key!r} (a list of phrases).")
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or (required and not value):
        raise LexiconError(f"{here}: {key!r} must be a non-empty list of strings.")
    out = []
    for item in value:
        if not isinstance(item, str):
            raise LexiconError(f"{here}: {key!r} holds {item!r} ({type(item).__name__}); "
                               "write every pattern as a string (quote it in YAML).")
        if not item.strip():
            raise LexiconError(f"{here}: {key!r} holds an empty pattern; remove it.")
        out.append(item)
    return out


def _check_pattern(pattern: str, here: str) -> None:
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise LexiconError(f"{here}: pattern {pattern[:40]!r}... is longer than "
                           f"{MAX_PATTERN_LENGTH} characters.")
    stripped = pattern.strip()
    if not any(ch.isalnum() for ch in stripped):
        raise LexiconError(f"{here}: pattern {pattern!r} has no letters or digits, so it cannot "
                           "be matched on word boundaries.")
    if re.search(r"[\\^$*+?{}\[\]|()]", stripped):
        raise LexiconError(f"{here}: pattern {pattern!r} contains regex syntax; patterns are "
                           "literal phrases (a space matches any whitespace, a hyphen matches a "
                           "dash, a space or nothing). List each variant as its own pattern.")
    if not (stripped[0].isalnum() and stripped[-1].isalnum()):
        raise LexiconError(f"{here}: pattern {pattern!r} must start and end with a letter or digit "
                           "(punctuation at the edges cannot sit on a word boundary).")


# --------------------------------------------------------------------------- inflection

_VOWELS = set("aeiou")


def inflect_phrase(phrase: str) -> list[str]:
    """Inflected forms of a verb phrase, inflecting its first word.

    Regular English morphology only; irregular forms (said, told, wrote) and
    consonant doubling in longer verbs (admitted) go in the entry's ``forms``.

    Examples
    --------
    >>> inflect_phrase("point out")
    ['points out', 'pointed out', 'pointing out']
    >>> inflect_phrase("deny")
    ['denies', 'denied', 'denying']
    """
    words = phrase.strip().split(" ", 1)
    head, rest = words[0], (" " + words[1] if len(words) > 1 else "")
    return [form + rest for form in verb_forms(head)]


def verb_forms(verb: str) -> list[str]:
    """Third-person singular, past and -ing forms of a regular verb."""
    v = verb
    lower = v.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = v + "es"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        third = v[:-1] + "ies"
    else:
        third = v + "s"
    double = _doubles_final_consonant(lower)
    if lower.endswith("e"):
        past = v + "d"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        past = v[:-1] + "ied"
    elif double:
        past = v + v[-1] + "ed"
    else:
        past = v + "ed"
    if lower.endswith("ie"):
        ing = v[:-2] + "ying"
    elif lower.endswith("e") and not lower.endswith(("ee", "ye", "oe")):
        ing = v[:-1] + "ing"
    elif double:
        ing = v + v[-1] + "ing"
    else:
        ing = v + "ing"
    return [third, past, ing]


def _doubles_final_consonant(verb: str) -> bool:
    # One-syllable consonant-vowel-consonant verbs double ("slam" -> "slammed");
    # longer ones depend on stress, which spelling does not show.
    groups = re.findall(r"[aeiou]+", verb)
    return (len(groups) == 1 and len(verb) >= 3 and verb[-1] not in "aeiouwxy"
            and verb[-2] in _VOWELS and verb[-3] not in _VOWELS)


def lexicon_summary(lexicons) -> pd.DataFrame:
    """One row per lexicon: id, version, feature, entries, sha256 (for the methods section)."""
    return pd.DataFrame([
        {"lexicon": lex.id, "version": lex.version, "feature": lex.feature,
         "categories": len(lex.categories), "entries": len(lex.entries),
         "sha256": lex.sha256[:12], "path": lex.path or "(dict)"}
        for lex in lexicons
    ])
