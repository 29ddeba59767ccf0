"""The facts registry: every figure the guide states, with the source it comes from.

The registry is the TOML files in ``facts/`` at the top of the repository. ``sources.toml``
lists the documents we cite; every other file holds figures. A figure is any table with a
``value`` and a ``source``; its name is its path of table names, e.g.
``calcium.daily.women_51_70``. Foods are tables under ``[foods.<id>]``.

>>> reg = load()
>>> fact = reg.fact("calcium.daily.women_51_70")
>>> fact.value, fact.unit
(1200, 'mg')
>>> fact.display
'1,200 mg'
>>> reg.source(fact.source).organisation
'Institute of Medicine (National Academies)'
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from neckguide.paths import FACTS as FACTS_DIR

_chosen: Path | None = None  # the registry the build chose (use)


class RegistryError(ValueError):
    """A problem in the facts registry, naming the file and the entry."""


def _sentence(text: str) -> str:
    """``text`` ending in exactly one full stop (an organisation may end in "Inc.").

    >>> _sentence("Amgen Inc."), _sentence("CDC")
    ('Amgen Inc.', 'CDC.')
    """
    return text if text.endswith((".", "?", "!")) else f"{text}."


@dataclass(frozen=True)
class Source:
    """A document the guide cites: organisation, title, year and address.

    A drug label also has its DailyMed ``setid`` and the month it was ``revised``; a web page
    with no date of its own says when it was ``accessed``.
    """

    id: str
    organisation: str
    title: str
    year: int | str
    url: str
    note: str = ""
    setid: str = ""
    revised: str = ""
    accessed: str = ""

    @property
    def citation(self) -> str:
        """Organisation, title, year, as shown on the references page.

        >>> Source("x", "CDC", "Facts About Falls", 2024, "https://www.cdc.gov/falls").citation
        'CDC. Facts About Falls. 2024.'
        >>> Source("f", "Merck", "FOSAMAX prescribing information", 2026, "https://x",
        ...        setid="14e9", revised="February 2026").citation
        'Merck. FOSAMAX prescribing information. Revised February 2026; DailyMed set ID 14e9.'
        >>> Source("w", "CDC", "Facts About Falls", "undated", "https://x",
        ...        accessed="2026-12-01").citation
        'CDC. Facts About Falls. Web page, undated; accessed 2026-12-01.'
        >>> Source("a", "Amgen Inc.", "PROLIA label", 2026, "https://x", setid="4", revised="March 2026").citation
        'Amgen Inc. PROLIA label. Revised March 2026; DailyMed set ID 4.'
        """
        return f"{_sentence(self.organisation)} {_sentence(self.title)} {_sentence(self.when)}"

    @property
    def when(self) -> str:
        """The date part of the citation: year, label revision, or the day it was read."""
        if self.setid:
            return f"Revised {self.revised}; DailyMed set ID {self.setid}"
        if self.accessed and not isinstance(self.year, int):
            return f"Web page, undated; accessed {self.accessed}"
        return str(self.year)


# Addresses that are searches, not documents: cite the document itself.
SEARCH_ADDRESS = re.compile(
    r"[?&](?:term|query|q|search)=|/search(?:\.cfm)?(?:[/?]|$)|search\.cfm", re.I
)
SOURCE_KEYS = frozenset(
    {"organisation", "title", "year", "url", "note", "setid", "revised", "accessed"}
)


def source_problems(entry: dict) -> list[str]:
    """What is wrong with one source in sources.toml (empty when it is fine).

    >>> source_problems({"organisation": "NLM", "title": "T", "year": 2020,
    ...                  "url": "https://pubmed.ncbi.nlm.nih.gov/?term=alendronate"})
    ['its address is a search, not the document: cite the article (its doi.org or PubMed page)']
    >>> source_problems({"organisation": "CDC", "title": "T", "year": "web page, undated",
    ...                  "url": "https://www.cdc.gov/falls/"})
    ['it has no year: give the year it was published, or for an undated web page `accessed = "YYYY-MM-DD"`']
    >>> source_problems({"organisation": "Merck", "title": "FOSAMAX label", "year": 2026,
    ...                  "url": "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=abc"})
    ['a drug label needs its DailyMed `setid` and the month it was `revised` (e.g. "February 2026")']
    """
    found = []
    unknown = set(entry) - SOURCE_KEYS
    if unknown:
        found.append(f"unknown keys {sorted(unknown)} (allowed: {', '.join(sorted(SOURCE_KEYS))})")
    missing = [key for key in ("organisation", "title", "year", "url") if not entry.get(key)]
    if missing:
        found.append(f"it is missing {', '.join(missing)}")
    url = str(entry.get("url", ""))
    if SEARCH_ADDRESS.search(url):
        found.append(
            "its address is a search, not the document: cite the article (its doi.org or PubMed page)"
        )
    year = entry.get("year")
    if (
        year
        and not isinstance(year, int)
        and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(entry.get("accessed", "")))
    ):
        found.append(
            "it has no year: give the year it was published, or for an undated web page "
            '`accessed = "YYYY-MM-DD"`'
        )
    is_label = "dailymed" in url.lower() or entry.get("setid")
    if is_label and not (entry.get("setid") and entry.get("revised")):
        found.append(
            'a drug label needs its DailyMed `setid` and the month it was `revised` (e.g. "February 2026")'
        )
    elif entry.get("setid") and str(entry["setid"]) not in url:
        found.append(
            "its address must be the label's own DailyMed page (…/drugInfo.cfm?setid=<setid>)"
        )
    return found


def line_of_table(text: str, name: str) -> int:
    """The line of ``[name]`` in a TOML file, for messages (1 when it cannot be found)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == f"[{name}]":
            return number
    return 1


Number = int | float


@dataclass(frozen=True)
class Fact:
    """One figure: a number (or a low–high range) with its unit and its source."""

    name: str
    value: Number | tuple[Number, Number]
    source: str
    unit: str = ""
    prefix: str = ""
    says: str = ""
    file: str = ""

    @property
    def numbers(self) -> tuple[Number, ...]:
        """The figure's numbers, as a tuple (one for a value, two for a range)."""
        return self.value if isinstance(self.value, tuple) else (self.value,)

    @property
    def display(self) -> str:
        """The figure as a reader sees it.

        >>> Fact("a", 2000, "s", unit="mg").display
        '2,000 mg'
        >>> Fact("b", (1.0, 1.2), "s", unit="g per kg").display
        '1.0 to 1.2 g per kg'
        >>> Fact("c", 27.6, "s", unit="%").display
        '27.6%'
        >>> Fact("d", -2.5, "s").display
        '−2.5'
        >>> Fact("e", 4, "s", prefix="1 in ").display
        '1 in 4'
        >>> Fact("f", (10000, 100000), "s", prefix="1 in ").display
        '1 in 10,000 to 1 in 100,000'
        >>> Fact("g", 4, "s", prefix="up to 1 in ").display
        'up to 1 in 4'
        """
        # A ratio ("1 in ") belongs to each end of a range: "1 in 10 to 1 in 100".
        ratio = self.prefix if self.prefix.endswith(" in ") else ""
        text = " to ".join(ratio + format_number(n) for n in self.numbers)
        if self.unit:
            text += self.unit if self.unit in {"%", "×"} else f" {self.unit}"
        return text if ratio else self.prefix + text


def format_number(number: Number) -> str:
    """Format a number for readers: thousands commas, a real minus sign.

    >>> format_number(38742), format_number(-1.0), format_number(0.5)
    ('38,742', '−1.0', '0.5')
    """
    return f"{number:,}".replace("-", "−")


@dataclass(frozen=True)
class Food:
    """A food the guide names, with its portion and nutrients (each with its source)."""

    id: str
    name: str
    portion: str
    nutrients: dict[str, Fact] = field(default_factory=dict)

    @property
    def calcium_mg(self) -> Number:
        """Calcium in one portion, in milligrams (an error if the registry has none)."""
        if "calcium" not in self.nutrients:
            raise RegistryError(f"the registry has no calcium figure for {self.name!r}")
        return self.nutrients["calcium"].numbers[0]


@dataclass(frozen=True)
class Registry:
    """All sources, facts and foods, looked up by name."""

    sources: dict[str, Source]
    facts: dict[str, Fact]
    foods: dict[str, Food]
    files: tuple[Path, ...] = ()

    def fact(self, name: str) -> Fact:
        """The fact called ``name``; a clear error naming close matches if there is none."""
        try:
            return self.facts[name]
        except KeyError:
            raise RegistryError(unknown_message("figure", name, self.facts)) from None

    def source(self, source_id: str) -> Source:
        try:
            return self.sources[source_id]
        except KeyError:
            raise RegistryError(unknown_message("source", source_id, self.sources)) from None

    def food(self, food_id: str) -> Food:
        try:
            return self.foods[food_id]
        except KeyError:
            raise RegistryError(unknown_message("food", food_id, self.foods)) from None

    def __getitem__(self, name: str) -> Number | tuple[Number, Number]:
        """The bare value, for doctests: ``facts["calcium.daily.women_51_70"]``."""
        return self.fact(name).value

    def cited_sources(self) -> list[Source]:
        """Sources that at least one fact uses, in a stable order (by organisation, year)."""
        used = {f.source for f in self.facts.values()}
        return [s for s in self.sorted_sources() if s.id in used]

    def sorted_sources(self) -> list[Source]:
        """Every source, in a stable order (by organisation, year, title)."""
        return sorted(
            self.sources.values(), key=lambda s: (s.organisation.lower(), str(s.year), s.title)
        )


def unknown_message(kind: str, name: str, known: dict[str, object]) -> str:
    """An error message for an unknown name, with the closest names the registry does have.

    >>> unknown_message("figure", "calcium.daily.woman_51_70", {"calcium.daily.women_51_70": 1})
    "unknown figure 'calcium.daily.woman_51_70'; did you mean 'calcium.daily.women_51_70'? ..."
    """
    import difflib

    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    where = (
        "sources live in facts/sources.toml; add it there"
        if kind == "source"
        else "figures live in facts/*.toml; add it there with its source"
    )
    return f"unknown {kind} {name!r}{hint} ({where})"


def _walk(table: dict, prefix: str = "") -> Iterator[tuple[str, dict]]:
    """Yield (dotted name, table) for every table that holds a ``value``."""
    for key, item in table.items():
        if isinstance(item, dict):
            name = f"{prefix}{key}"
            if "value" in item:
                yield name, item
            else:
                yield from _walk(item, name + ".")


def _fact(name: str, entry: dict, where: str, sources: dict[str, Source]) -> Fact:
    unknown_keys = set(entry) - {"value", "source", "unit", "prefix", "says"}
    if unknown_keys:
        raise RegistryError(f"{where}: figure {name!r} has unknown keys {sorted(unknown_keys)}")
    if "source" not in entry:
        raise RegistryError(f"{where}: figure {name!r} has no source; every figure needs one")
    if entry["source"] not in sources:
        raise RegistryError(
            f"{where}: figure {name!r}: " + unknown_message("source", entry["source"], sources)
        )
    value = entry["value"]
    if isinstance(value, list):
        if len(value) != 2 or not all(isinstance(v, int | float) for v in value):
            raise RegistryError(f"{where}: figure {name!r}: a range is [low, high]")
        value = (value[0], value[1])
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise RegistryError(f"{where}: figure {name!r}: value must be a number or [low, high]")
    return Fact(
        name=name,
        value=value,
        source=entry["source"],
        unit=entry.get("unit", ""),
        prefix=entry.get("prefix", ""),
        says=entry.get("says", ""),
        file=where,
    )


def use(directory: Path) -> Registry:
    """Make the registry in ``directory`` the one :func:`load` returns from now on, and
    return it. The Sphinx extension calls this for the project being built (its
    ``neckguide_facts_dir``), so a copy of the project reads its own ``facts/``."""
    global _chosen
    _chosen = Path(directory).resolve()
    return _load(_chosen)


def load(directory: Path | None = None) -> Registry:
    """The registry in ``directory``, cached. By default: the one the build chose
    (:func:`use`), else this repository's ``facts/``."""
    if directory is None:
        directory = _chosen or FACTS_DIR
    return _load(directory.resolve())


@cache
def _load(directory: Path) -> Registry:
    """Read every TOML file in ``directory`` into a :class:`Registry`."""
    files = tuple(sorted(directory.glob("*.toml")))
    source_file = directory / "sources.toml"
    source_text = source_file.read_text(encoding="utf-8")
    try:
        source_tables = tomllib.loads(source_text)
    except tomllib.TOMLDecodeError as err:
        at = re.search(r"line (\d+)", str(err))
        raise RegistryError(
            f"facts/sources.toml:{at[1] if at else 1}: not valid TOML: {err}"
        ) from None
    sources = {}
    for sid, entry in source_tables.items():
        problems = source_problems(entry) if isinstance(entry, dict) else ["it is not a table"]
        if problems:
            line = line_of_table(source_text, sid)
            raise RegistryError(f"facts/sources.toml:{line}: source {sid!r}: {'; '.join(problems)}")
        sources[sid] = Source(id=sid, **entry)
    facts: dict[str, Fact] = {}
    foods: dict[str, Food] = {}
    for path in files:
        if path == source_file:
            continue
        where = f"facts/{path.name}"
        text = path.read_text(encoding="utf-8")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            at = re.search(r"line (\d+)", str(err))
            raise RegistryError(f"{where}:{at[1] if at else 1}: not valid TOML: {err}") from None
        try:
            _read_figures(data, where, sources, facts, foods)
        except RegistryError as err:
            raise RegistryError(_with_line(str(err), where, text)) from None
    return Registry(sources=sources, facts=facts, foods=foods, files=files)


def _with_line(message: str, where: str, text: str) -> str:
    """``facts/x.toml: figure 'a.b' ...`` with the line of ``[a.b]`` after the file name."""
    named = re.search(r"figure '([^']+)'", message)
    line = line_of_table(text, named[1]) if named else 1
    return message.replace(f"{where}:", f"{where}:{line}:", 1)


def _read_figures(
    data: dict,
    where: str,
    sources: dict[str, Source],
    facts: dict[str, Fact],
    foods: dict[str, Food],
) -> None:
    """Add one file's foods and figures to ``facts`` and ``foods``."""
    for food_id, entry in data.pop("foods", {}).items():
        nutrients = {
            nutrient: _fact(f"foods.{food_id}.{nutrient}", item, where, sources)
            for nutrient, item in entry.items()
            if isinstance(item, dict)
        }
        foods[food_id] = Food(food_id, entry["name"], entry["portion"], nutrients)
        for nutrient, fact in nutrients.items():
            facts[f"foods.{food_id}.{nutrient}"] = fact
    for name, entry in _walk(data):
        if name in facts:
            raise RegistryError(f"{where}: figure {name!r} is defined twice")
        facts[name] = _fact(name, entry, where, sources)
