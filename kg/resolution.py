"""Resolution (per corpus): provisional keys merged into canonical entities.

kg/entities.py reads each mention with a provisional key: a gazetteer id, or ``"Type:name"`` for a name
the gazetteer lacks. Here keys are merged by conservative, explainable rules: the gazetteer's names, a
surname or an acronym within the same article, a fuzzy match of a full name above a threshold (never a
chain of weak matches), the adjective of a group.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from .entities import ARTICLE_SCOPED, _key_type
from .gazetteer import Gazetteer, body_type, is_ministry_name, norm, slug
from .model import Entity, Mention
from .peoples import is_phrase

FUZZY_THRESHOLD = 92


def _names_of(key: str, gaz: Gazetteer) -> list[str]:
    if ":" in key:
        return [key.split(":", 1)[1]]
    if key in gaz.entries:
        return [norm(n) for n in gaz.entries[key].names]
    return []


def names_within_articles(mentions: list[Mention], gaz: Gazetteer,
                          dates: dict[str, str] | None = None) -> dict[tuple[str, str], str]:
    """``(article, key) -> key``: the names an article resolves within itself, from its own mentions alone.

    An unknown organization named by the end of a longer name in the same article ("the Defense Ministry"
    after "the Russian Defense Ministry") is that organization: the nearest such name before it, else after;
    an acronym spelling an organization named there (:func:`_acronym_map`); a family name put first
    (:func:`_family_names`); a ministry named without its state that is none of these is the article's own, and
    so is a legislature of a state the article never names (:func:`_other_legislatures`); a surname several
    known people share, none of them named there, is the one in office on the article's date (``dates``:
    article id -> date; :func:`_in_office`).
    Each article's part depends on that article alone, so it is worked out as the
    article is read and kept with its reading (kg/cache.py), not again for every article at each build.
    """
    by_source: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_source[m.source].append(m)
    mapping: dict[tuple[str, str], str] = {}
    names: dict[str, list[str]] = {}  # an organization's names, worked out once
    for source, ms in by_source.items():
        mapping.update(_other_legislatures(source, ms, gaz, mapping))  # first: "the House" may be short for one
        orgs = None
        for m in ms:
            if not m.entity.startswith("Organization:") or (source, m.entity) in mapping:
                continue
            short = m.entity.split(":", 1)[1]
            if len(short) < 4:
                continue
            if orgs is None:  # the article's organization mentions, once
                orgs = [o for o in ms if _key_type(o.entity, gaz) == "Organization"]
                for o in orgs:
                    if o.entity not in names:
                        names[o.entity] = _names_of(o.entity, gaz)
            longer = [o for o in orgs if o.entity != m.entity  # "the House" after "the House of Representatives"
                      and any(n.endswith(" " + short) or n.startswith(short + " of ") for n in names[o.entity])]
            if longer:
                before = [o for o in longer if o.start < m.start]
                best = max(before, key=lambda o: o.start) if before else min(longer, key=lambda o: o.start)
                mapping[(source, m.entity)] = mapping.get((source, best.entity), best.entity)
        mapping.update(_place_kind_names(source, ms, mapping))
        mapping.update(_acronym_map(source, ms, gaz, mapping))
        mapping.update(_family_names(source, ms, gaz, mapping, names))
        mapping.update(_given_names(source, ms, gaz, mapping, names))
        if dates and dates.get(source):
            mapping.update(_in_office(source, ms, gaz, dates[source]))
        for m in ms:  # "the Foreign Ministry" that nothing above resolved: this article's own, not every article's
            if (source, m.entity) not in mapping and m.entity.startswith("Organization:") and is_ministry_name(m.entity.split(":", 1)[1]):
                mapping[(source, m.entity)] = f"{m.entity}{ARTICLE_SCOPED}{source}"
    return mapping


#: nouns a place's name is also given with ("Rakhine State", "Imrali island"), the name alone standing for the
#: same place (unlike "district" or "province", which a town's name often has without being it)
PLACE_KIND_WORDS = ("state", "island")


def _place_kind_names(source: str, ms: list[Mention], taken) -> dict[tuple[str, str], str]:
    """"Rakhine" in an article that names "Rakhine State", "Imrali" (which the NER may take for an organization)
    where it names "Imrali island": an unknown name is the unknown place its name and a kind of place make there,
    when exactly one does."""
    places = {m.entity for m in ms if m.entity.startswith("Place:")}
    out = {}
    for key in sorted({m.entity for m in ms if m.entity.startswith(("Place:", "Organization:"))}):
        name = key.split(":", 1)[1]
        if (source, key) in taken:
            continue
        longer = [p for p in (f"Place:{name} {w}" for w in PLACE_KIND_WORDS) if p in places]
        if len(longer) == 1:
            out[(source, key)] = longer[0]
    return out


def _in_office(source: str, ms: list[Mention], gaz: Gazetteer, on: str) -> dict[tuple[str, str], str]:
    """"Aliyev" in a 2024 article that names neither Ilham nor Heydar Aliyev in full: the one of them who held an
    office on that date (only when exactly one did)."""
    named = {m.entity for m in ms}
    out = {}
    for surname, ids in gaz.surnames().items():
        key = f"Person:{norm(surname)}"
        if len(ids) < 2 or key not in named or named & set(ids):
            continue
        holders = [i for i in ids if any(r.since and r.since[:len(on)] <= on  # an undated role says nothing
                                         and (not r.until or on[:len(r.until)] <= r.until) for r in gaz.entries[i].roles)]
        if len(holders) == 1:
            out[(source, key)] = holders[0]
    return out


def _family_names(source: str, ms: list[Mention], gaz: Gazetteer, taken,
                  names: dict[str, list[str]] | None = None) -> dict[tuple[str, str], str]:
    """"Lai" after "Lai Ching-te" in the same article: a name with a hyphenated given name ("Ching-te",
    "Jong-un") puts the family name first. Only within the article, and only when no one there has it last.
    ``names``: each key's names (:func:`_names_of`), filled as they are worked out."""
    names = {} if names is None else names
    people = {m.entity for m in ms if _key_type(m.entity, gaz) == "Person"}
    for k in people:
        if k not in names:
            names[k] = _names_of(k, gaz)
    full = {k: names[k][0].split() for k in people if names[k]}
    out = {}
    for key in sorted(people):
        if (source, key) in taken or not key.startswith("Person:") or len(full.get(key, [])) != 1:
            continue
        name = full[key][0]
        if any(len(p) >= 2 and p[-1] == name for p in full.values()):
            continue
        family = sorted(k for k, p in full.items() if len(p) >= 2 and p[0] == name and "-" in p[-1])
        if len(family) == 1:
            out[(source, key)] = family[0]
    return out


def _given_names(source: str, ms: list[Mention], gaz: Gazetteer, taken,
                 names: dict[str, list[str]]) -> dict[tuple[str, str], str]:
    """"Legesse" after "Legesse Tulu", "Anwar" after "Anwar Ibrahim": where people are called by their given
    name (Ethiopia, Eritrea, Thailand, Malaysia, Indonesia), a one-word name that opens exactly one full name in
    the article, and ends none, is that person, also when the NER took the word for an organization. ``names``:
    as in :func:`_family_names`, already filled for the article's people."""
    people = {m.entity for m in ms if _key_type(m.entity, gaz) == "Person"}
    full = [names[k][0].split() for k in people if names.get(k)]
    out = {}
    for key in sorted({m.entity for m in ms if m.entity.startswith(("Person:", "Organization:"))}):
        name = key.split(":", 1)[1]
        if (source, key) in taken or " " in name or len(name) < 3 or any(p[-1] == name for p in full if len(p) >= 2):
            continue
        opened = sorted(k for k in people if names.get(k) and len(names[k][0].split()) >= 2
                        and names[k][0].split()[0] == name)
        if len(opened) == 1:
            out[(source, key)] = opened[0]
    return out


def _other_legislatures(source: str, ms: list[Mention], gaz: Gazetteer, taken) -> dict[tuple[str, str], str]:
    """"The House of Representatives" in an article that names nothing of the United States is not the US House:
    a state's legislature, named by a name that does not name the state (legislatures of many states share
    theirs), in an article where no other mention is of that state, is the article's own unknown body."""
    out = {}
    for key in sorted({m.entity for m in ms}):
        entry = gaz.entries.get(key)
        state = gaz.state_of(key) if entry is not None and entry.kind == "Legislature" else None
        if state is None or (source, key) in taken:
            continue
        own = gaz.entries[state]
        words = {norm(n) for n in (*own.names, *own.demonyms)}
        mine = [m for m in ms if m.entity == key]
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", norm(m.text)) for m in mine for w in words):
            continue  # "the US House"
        if any(state in _states_of(m.entity, gaz) for m in ms if m.entity != key):
            continue  # the article names the United States, a body or an official of it: its House, most likely
        out[(source, key)] = f"Organization:{norm(mine[0].text)}{ARTICLE_SCOPED}{source}"
    return out


def _states_of(key: str, gaz: Gazetteer) -> set[str]:
    """The state a key is or belongs to, and those a known person holds or held an office of."""
    entry = gaz.entries.get(key)
    roles = entry.roles if entry is not None else ()
    return {s for s in (gaz.state_of(key), *(gaz.state_of(r.of) for r in roles)) if s}


_ACRONYM_SKIP = {"of", "the", "for", "and", "in", "on", "de", "du", "la", "le", "al"}


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in _ACRONYM_SKIP).upper()


def _corpus_acronyms(keys: dict[str, list[Mention]], gaz: Gazetteer, taken: dict[str, str]) -> dict[str, str]:
    """An all-capitals name that spells the initials of exactly one organization in the corpus is it."""
    orgs = [k for k in keys if _key_type(k, gaz) in ("Organization", "Group") and k not in taken]
    out = {}
    for key, ms in keys.items():
        if ":" not in key or key in taken or not all(m.text.isupper() and m.text.isalpha() and 2 <= len(m.text) <= 6 for m in ms):
            continue
        full = sorted({o for o in orgs if o != key and any(_initials(n) == ms[0].text for n in _names_of(o, gaz) if " " in n)})
        if len(full) == 1:
            out[key] = full[0]
    return out


def _acronym_map(source: str, ms: list[Mention], gaz: Gazetteer, taken) -> dict[tuple[str, str], str]:
    """An unknown all-capitals name that spells the initials of a longer organization named in the same
    article ("RSF" after "the Rapid Support Forces") is that organization; so is one put right after the
    organization's name ("the Coordination of Azawad Movements (CMA)": initials of a name in another language)."""
    out = {}
    bodies = [o for o in ms if _key_type(o.entity, gaz) in ("Organization", "Group")]
    for i, m in enumerate(ms):
        if (source, m.entity) in taken or ":" not in m.entity or (source, m.entity) in out:
            continue
        if not (m.text.isupper() and 2 <= len(m.text) <= 6 and m.text.isalpha()):
            continue
        before = ms[i - 1] if i else None
        if (before is not None and before.entity != m.entity and m.start - before.end == 2 and " " in before.text
                and before in bodies):
            out[(source, m.entity)] = before.entity  # "Name (ACR)", "Name, ACR"
            continue
        full = sorted({o.entity for o in bodies if o.entity != m.entity
                       and any(_initials(n) == m.text for n in _names_of(o.entity, gaz) if " " in n)})
        if len(full) == 1:
            out[(source, m.entity)] = full[0]
    return out


#: words that open a family name ("Al Thani", "bin Salman", "van der Bellen"): the name with them is a family name
FAMILY_PARTICLES = {"al", "el", "bin", "ibn", "bint", "ben", "abu", "van", "von", "der", "de", "da", "di", "du", "del",
                    "della", "dos", "das", "le", "la"}


#: what follows a family name to tell a son from his father: "Ferdinand Marcos Jr.", "Martin Luther King III"
GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}


def _family_forms(name: str) -> list[str]:
    """The forms of a full name's family name that may stand alone: "mohammed bin abdulrahman al thani" -> "thani",
    "al thani"; "abdel fattah al-burhan" -> "al-burhan", "burhan"; "ferdinand marcos jr." -> "marcos". A name
    that is only particles and a word ("al thani") is a family name itself: no forms."""
    parts = name.split()
    while len(parts) > 2 and parts[-1].rstrip(".,") in GENERATIONS:  # "ferdinand marcos jr." -> "marcos"
        parts.pop()
    if len(parts) < 2 or _is_family_name(name):
        return []
    forms = [parts[-1]]
    i = len(parts) - 2
    while i >= 1 and parts[i] in FAMILY_PARTICLES:  # "... van der bellen": "der bellen", "van der bellen"
        forms.append(" ".join(parts[i:]))
        i -= 1
    head, _, rest = parts[-1].partition("-")
    if rest and head in FAMILY_PARTICLES:  # "al-burhan" -> "burhan"
        forms.append(rest)
    return forms


def _is_family_name(name: str) -> bool:
    parts = name.split()
    return len(parts) >= 2 and all(p in FAMILY_PARTICLES for p in parts[:-1])


def _surname_map(keys: dict[str, list[Mention]], gaz: Gazetteer) -> dict[str, str]:
    """Single-word person names, and family names with their particles ("Al Thani"), -> the full-name person they
    refer to (same article first, then unique)."""
    full_by_last: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if _key_type(key, gaz) != "Person":
            continue
        names = [key.split(":", 1)[1]] if ":" in key else [norm(n) for n in gaz.entries[key].names]
        for name in names:
            for form in _family_forms(name):
                full_by_last[form].add(key)
    for entry in gaz.entries.values():
        if entry.type == "Person":
            for name in entry.names:
                for form in _family_forms(norm(name)):
                    full_by_last[form].add(entry.id)
    articles_of = {key: {m.source for m in ms} for key, ms in keys.items()}
    mapping: dict[str, str] = {}
    for key, mentions in keys.items():
        if ":" not in key:
            continue
        name = key.split(":", 1)[1]
        if (" " in name and not _is_family_name(name)) or not full_by_last.get(name):
            continue
        candidates = full_by_last[name]
        here = {m.source for m in mentions}
        local = sorted(c for c in candidates if articles_of.get(c, set()) & here)
        if len(local) == 1:
            mapping[key] = local[0]
        elif len(candidates) == 1 and _bare_surname(next(iter(candidates)), gaz):
            mapping[key] = next(iter(candidates))
    return mapping


def _bare_surname(key: str, gaz: Gazetteer) -> bool:
    """May a last name alone, in an article that does not name them in full, be this person? Not a person of
    the world layer ("Johnson" in an article about Armenia is not Boris Johnson)."""
    entry = gaz.entries.get(key)
    return entry is None or entry.bare_surname


def _drop_initials(name: str) -> str:
    return " ".join(t for t in name.split() if len(t.rstrip(".")) > 1)


def _fuzzy_map(keys: dict[str, list[Mention]], gaz: Gazetteer, taken: dict[str, str]) -> dict[str, str]:
    """Unknown multi-word names that are near-identical to a known or more frequent name of the same type."""
    anchors: dict[str, list[tuple[str, str]]] = defaultdict(list)  # type -> [(normalized name, key)]
    for entry in gaz.entries.values():
        if entry.curated:
            anchors[entry.type].extend((norm(n), entry.id) for n in entry.names if len(n) >= 6)
    unknown = sorted((k for k in keys if ":" in k and k not in taken), key=lambda k: (-len(keys[k]), k))
    mapping: dict[str, str] = {}
    for key in unknown:
        etype, name = key.split(":", 1)
        if len(name) < 6 or ARTICLE_SCOPED in name:
            continue  # a generic group of one article ("protesters") is no one else's
        if etype == "Person":  # "M. Hakan Yavuz" = "Hakan Yavuz": compare without initials
            best = max(((100 if _drop_initials(name) == _drop_initials(a) else fuzz.ratio(name, a), k)
                        for a, k in anchors[etype]), default=(0, None))
        else:
            best = max(((fuzz.ratio(name, a), k) for a, k in anchors[etype]), default=(0, None))
        if best[0] >= FUZZY_THRESHOLD:
            mapping[key] = best[1]
        else:
            anchors[etype].append((name, key))  # later (rarer) names may merge into this one, never beyond it
    return mapping


def _adjective_of_group(keys: dict[str, list[Mention]], gaz: Gazetteer, taken: dict[str, str]) -> dict[str, str]:
    """"Houthi targets" next to "the Houthis": an unknown singular name whose plural is a group is that group."""
    groups = {k.split(":", 1)[1]: k for k in keys if k.startswith("Group:") and ARTICLE_SCOPED not in k}
    out = {}
    for key in keys:
        if ":" in key and key not in taken and not key.startswith("Group:"):
            name = key.split(":", 1)[1]
            plural = groups.get(name + "s")
            if plural is not None and " " not in name:
                out[key] = plural
    return out


def resolve_entities(mentions: list[Mention], gaz: Gazetteer,
                     local: dict[tuple[str, str], str] | None = None) -> tuple[dict[str, str], list[Entity]]:
    """Merge provisional keys into canonical entities.

    Returns (mapping, entities); the mapping takes ``"source\x1fkey"`` for article-scoped decisions and
    ``key`` for corpus-wide ones (see :func:`canonical`). ``local``: :func:`names_within_articles` of these
    mentions, if already worked out.
    """
    local = names_within_articles(mentions, gaz) if local is None else local
    mentions = [m.of(local[(m.source, m.entity)]) if (m.source, m.entity) in local else m for m in mentions]
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.entity].append(m)
    mapping = _surname_map(by_key, gaz)
    mapping.update(_fuzzy_map(by_key, gaz, mapping))
    mapping.update(_corpus_acronyms(by_key, gaz, mapping))
    mapping.update(_adjective_of_group(by_key, gaz, mapping))
    # a surname resolved to a full name that was itself merged into a known person follows it (one hop)
    mapping = {k: mapping.get(v, v) for k, v in mapping.items()}
    final: dict[str, str] = {}
    for key in by_key:
        target = mapping.get(key, key)
        final[key] = target if ":" not in target else slug(target.split(":", 1)[1])
    for (source, key), target in local.items():
        final[f"{source}\x1f{key}"] = final.get(target, target)
    # an unknown name whose slug collides with a gazetteer id of another type keeps a typed id
    for key, target in list(final.items()):
        if ":" in key and "\x1f" not in key and key not in mapping and target in gaz.entries and gaz.entries[target].type != key.split(":")[0]:
            final[key] = f"{target}_{key.split(':')[0].lower()}"
    grouped: dict[str, list[Mention]] = defaultdict(list)
    types: dict[str, Counter] = defaultdict(Counter)
    for key, ms in by_key.items():
        grouped[final[key]].extend(ms)
        types[final[key]][_key_type(mapping.get(key, key), gaz)] += len(ms)
    entities = []
    for ent_id in sorted(grouped):
        ms = sorted(grouped[ent_id], key=lambda m: (m.source, m.section, m.start))
        ms = [m if m.entity == ent_id else m.of(ent_id) for m in ms]
        entities.append(_make_entity(ent_id, ms, types[ent_id], gaz))
    return final, entities


def canonical(mapping: dict[str, str], source: str, key: str) -> str:
    """The entity id a provisional key of one article resolved to."""
    return mapping.get(f"{source}\x1f{key}") or mapping.get(key, key)


def _make_entity(ent_id: str, mentions: list[Mention], types: Counter, gaz: Gazetteer) -> Entity:
    surface = Counter(m.text for m in mentions)
    entry = gaz.entries.get(ent_id)
    if entry is not None:
        aliases = sorted(set(surface) | set(entry.aliases) - {entry.label})
        return Entity(id=ent_id, type=entry.type, label=entry.label, aliases=tuple(aliases), wikidata=entry.wikidata,
                      kind=entry.kind, mentions=tuple(mentions), part_of=entry.part_of)
    if "__" in ent_id:
        state, noun = ent_id.split("__", 1)
        named = Counter(m.text for m in mentions if m.reading != "anaphor") or surface  # "Sudanese army", not "army"
        label = max(named, key=lambda s: (named[s], s))
        owner = gaz.entries.get(state)
        if owner is not None and norm(label) == noun.replace("_", " "):  # only ever "troops" ("Eritrea, whose troops")
            label = f"{owner.demonyms[0]} {label}" if owner.demonyms else f"{owner.label}'s {label}"
        etype = body_type(noun)
        return Entity(id=ent_id, type=etype, label=label,
                      aliases=tuple(sorted(set(surface) - {label})), mentions=tuple(mentions), part_of=state)
    etype = types.most_common(1)[0][0]
    # a group's name over a phrase that describes it, a plural over an adjective: "Syrian Kurds", not "Kurds of
    # Syria" nor "Syrian Kurd"
    label = max(surface, key=lambda s: (etype != "Group" or not is_phrase(s), etype != "Group" or s.endswith("s"),
                                        len(s.split()), surface[s], s))
    part_of = gaz.owner_state(label) if etype in ("Organization", "Group") else None  # "Eritrean Defense Ministry"
    return Entity(id=ent_id, type=etype, label=label, aliases=tuple(sorted(set(surface) - {label})),
                  mentions=tuple(mentions), part_of=part_of)
