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

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from neckguide.paths import FACTS as FACTS_DIR

_chosen: Path | None = None  # the registry the build chose (use)


class RegistryError(ValueError):
    """A problem in the facts registry, naming the file and the entry."""


@dataclass(frozen=True)
class Source:
    """A document the guide cites: organisation, title, year and address."""

    id: str
    organisation: str
    title: str
    year: int | str
    url: str
    note: str = ""

    @property
    def citation(self) -> str:
        """Organisation, title, year, as shown on the references page.

        >>> Source("x", "CDC", "Facts About Falls", 2024, "https://www.cdc.gov/falls").citation
        'CDC. Facts About Falls. 2024.'
        """
        return f"{self.organisation}. {self.title}. {self.year}."


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
        return sorted(
            (s for s in self.sources.values() if s.id in used),
            key=lambda s: (s.organisation.lower(), str(s.year), s.title),
        )


def unknown_message(kind: str, name: str, known: dict[str, object]) -> str:
    """An error message for an unknown name, with the closest names the registry does have.

    >>> unknown_message("figure", "calcium.daily.woman_51_70", {"calcium.daily.women_51_70": 1})
    "unknown figure 'calcium.daily.woman_51_70'; did you mean 'calcium.daily.women_51_70'? ..."
    """
    import difflib

    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return f"unknown {kind} {name!r}{hint} (figures live in facts/*.toml; add it there with its source)"


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
    sources = {
        sid: Source(id=sid, **entry)
        for sid, entry in tomllib.loads(source_file.read_text(encoding="utf-8")).items()
    }
    facts: dict[str, Fact] = {}
    foods: dict[str, Food] = {}
    for path in files:
        if path == source_file:
            continue
        where = f"facts/{path.name}"
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as err:
            raise RegistryError(f"{where}: not valid TOML: {err}") from None
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
    return Registry(sources=sources, facts=facts, foods=foods, files=files)
