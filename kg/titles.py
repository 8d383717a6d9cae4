"""Titles and appositions that tie a person to a state, a body or another person: "Russian Foreign Minister
Sergey Lavrov", "Pashinyan's wife, Anna Hakobyan", "President of the Republic of X NAME", "his Armenian
counterpart X". A title is the writer's description, even inside a reported sentence.
"""
from __future__ import annotations

from .claims import make_relation, writers_voice
from .gazetteer import PORTFOLIOS
from .context import Context


TITLES = {
    "president": "leader_of", "prime minister": "leader_of", "premier": "leader_of", "leader": "leader_of",
    "head": "leader_of", "chairman": "leader_of", "chair": "leader_of", "king": "leader_of",
    "chancellor": "leader_of", "speaker": "leader_of", "commander": "leader_of", "minister": "affiliated_with",
    "foreign minister": "affiliated_with", "defense minister": "affiliated_with", "ambassador": "affiliated_with",
    "spokesperson": "spokesperson_of", "spokeswoman": "spokesperson_of", "spokesman": "spokesperson_of",
    "press secretary": "spokesperson_of", "wife": "spouse_of", "husband": "spouse_of", "spouse": "spouse_of",
    "secretary": "affiliated_with", "official": "affiliated_with", "envoy": "affiliated_with",
    "professor": "affiliated_with", "director": "leader_of", "founder": "leader_of", "administrator": "leader_of",
    "prosecutor": "affiliated_with", "judge": "affiliated_with", "adviser": "affiliated_with",
    "advisor": "affiliated_with", "analyst": "affiliated_with", "researcher": "affiliated_with",
    "editor": "affiliated_with", "correspondent": "affiliated_with", "journalist": "affiliated_with",
    "fellow": "affiliated_with", "chief": "leader_of", "chief of staff": "affiliated_with",
    "secretary general": "leader_of", "assistant": "affiliated_with", "aide": "affiliated_with",
    "human rights defender": "affiliated_with", "ombudsman": "affiliated_with",
    # "his Armenian counterpart X": X holds the same post for Armenia (never for the state "his" refers to)
    "counterpart": "affiliated_with",
}
#: titles of a state's leaders and ministers: before a name with no state named ("Prime Minister X"), the state
#: is the one the text or the gazetteer's dated roles tie the person to
STATE_TITLES = {"president", "prime minister", "premier", "king", "chancellor", "minister", "foreign minister",
                "defense minister"}
#: titles of one who speaks for a body
SPOKESPERSONS = {"spokesperson", "spokeswoman", "spokesman", "press secretary"}
#: titles that serve the one named after "to": "Assistant to the President of X", "adviser to the prime minister"
SERVING_TITLES = {"assistant", "aide", "adviser", "advisor", "envoy"}
#: words that put a title in the past or the future: "former President X" no longer leads
PAST_WORDS = {"former", "ex", "late", "then", "previous", "future", "incoming", "outgoing", "next"}

#: titles that, after a word naming a part ("army chief", "parliament speaker", "police commander"), head that
#: part, not the whole body or state named with them
PART_HEADS = {"chief", "head", "commander", "speaker"}
#: words before a title that make it the ruler's of a whole state: "junta leader X", "Myanmar's junta chief, X"
RULING_WORDS = {"junta", "regime"}
#: the last word of every title ("president", "minister", "staff"): what stands before "of" in "President of X"
TITLE_HEADS = {title.split()[-1] for title in TITLES}
#: every word of a title, and words that go with titles: never a first name
TITLE_WORDS = {w for title in TITLES for w in title.split()} | {"general", "deputy", "vice", "acting", "former",
                                                                  "assistant", "special", "senior"}
#: posts in a government: "his defence minister" serves the state of the one "his" refers to
GOVERNMENT_TITLES = {"minister", "foreign minister", "defense minister", "ambassador", "spokesperson", "spokeswoman",
                     "spokesman", "press secretary", "secretary", "official", "envoy", "adviser", "advisor"}


#: titles of those who study or report on a subject: a place named before them is their field, not their employer
FIELD_TITLES = {"analyst", "researcher", "correspondent", "editor", "journalist", "fellow", "professor"}


def _field(tok, key: str, title: str | None, ctx: Context) -> bool:
    """Is ``tok`` (naming ``key``) before a title of study or reporting the place its holder is about, not where they
    work: "a Sahel researcher", "a Myanmar analyst"? Not a nationality ("a Russian analyst"), nor a body ("a
    Reuters correspondent")."""
    return (title in FIELD_TITLES and tok.pos_ == "PROPN" and tok.ent_type_ != "NORP" and "__" not in key
            and not (ctx.is_person(key) or ctx.is_organization(key) or ctx.is_event(key))
            and (ctx.state_of(key) is not None or ctx.is_region(key)))


def _title_word(words: list[str]) -> str | None:
    text = " ".join(words)
    for title in sorted(TITLES, key=len, reverse=True):
        if text == title or text.endswith(" " + title) or text.startswith(title + " ") or f" {title} " in f" {text} ":
            return title
    return None


def title_relations(tok, ctx: Context, source, section):
    """"Russian Foreign Minister Sergey Lavrov" -> (lavrov, affiliated_with, russia); appositions too."""
    person = ctx.key_at[tok.i]
    start = tok.i
    while start > tok.sent.start and ctx.key_at.get(start - 1) == person:
        start -= 1
    words, orgs = [], []
    i = start - 1
    if i > tok.sent.start and _first_name(ctx.doc[i], start):
        i -= 1  # "Hikmet [Hajiyev]": a first name the NER left out of the person's name
    walked = 0  # words of the title walked over (a state's or body's name does not count)
    while i >= tok.sent.start and walked < 6:
        t = ctx.doc[i]
        walked += i not in ctx.key_at
        if t.text == ")" and not orgs:
            acronym = _parenthesised_name(i, ctx)  # "the Collective Security Treaty Organization (CSTO) Secretary"
            if acronym is not None:
                orgs.append(acronym)
                break
        if (t.lower_ == "the" and words and i - 2 >= tok.sent.start and ctx.doc[i - 1].lower_ == "to"
                and ctx.doc[i - 2].lower_ in SERVING_TITLES):
            words = [ctx.doc[i - 2].lower_]  # "Assistant to the President of X": serves X, does not lead it
            break
        if (t.lower_ == "of" and i > tok.sent.start and ctx.doc[i - 1].lower_ in ("secretary", "minister")
                and " ".join(words) in PORTFOLIOS):
            words.insert(0, t.lower_)  # "Secretary of State", "Minister of Defence": one title
            i -= 1
            continue
        if t.lower_ == "of" and orgs and not words and i > tok.sent.start:
            # "President of the Republic of Azerbaijan Ilham Aliyev", "Prime Minister of Armenia X": the title
            # is before "of" (and "the Republic of" is part of the state's name)
            j = i - 1
            while j > tok.sent.start and ctx.doc[j].lower_ in ("republic", "kingdom", "federation", "the", "of"):
                j -= 1
            if ctx.doc[j].lower_ in TITLE_HEADS:
                i = j
                continue
        if (t.tag_ == "HYPH" or t.text in ("-", "–")) and words:  # "Secretary-General", "co-chair"
            i -= 1
            continue
        if t.is_punct or (t.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ") and t.lower_ != "acting"):
            break  # (the parser's verb "acting" in "Thailand's acting Prime Minister X" is part of the title)
        key = ctx.key_at.get(i)
        if key is not None and key != person:
            if key not in orgs and not _field(t, key, _title_word(words), ctx):  # "Sahel researcher X"
                orgs.append(key)
        elif key is None:
            words.insert(0, t.lower_)
        i -= 1
    title = _title_word(words)
    if title is not None and _community_modifiers(list(ctx.doc[i + 1:start]), ctx):
        return  # "Bosnian Serb leader X", "Iraqi Kurdish leader X": leads a people of a state, not the state
    root = ctx.doc[start:tok.i + 1].root
    if title is not None and not orgs and root.dep_ == "pobj" and root.head.lower_ in ("under", "by"):
        gov = ctx.entity(root.head.head, pronouns=False)  # "the Armenian government under Prime Minister X"
        if gov is not None:
            orgs.append(gov)
    if (title is not None and not orgs and not set(words) & PAST_WORDS
            and (title in STATE_TITLES or _portfolio_title(words) or set(words) & RULING_WORDS)):
        state = ctx.party(person)  # "Defence Minister Israel Katz": the state the text or the gazetteer ties him to
        if state is not None and state != person and ctx.state_of(state) == state:
            orgs.append(state)
    if title in SPOKESPERSONS and not orgs and len(words) == 1:
        body = _subject_before(tok, ctx)  # "The State Department welcomed it. '...,' spokesman X told reporters"
        if body is not None:
            orgs.append(body)
    held = [(title, orgs, words)] if title is not None and orgs else []
    office = _apposition(root, ctx)  # "Nigerian President X, the chairman of ECOWAS": a second office
    if office[0] is not None and not (held and office[1][-1] == orgs[-1]):
        held.append(office)
    for title, orgs, words in held:
        pred = TITLES[title]
        if (pred == "leader_of" and title in PART_HEADS and len(words) > 1 and words[-1] == title
                and words[-2] not in RULING_WORDS):
            pred = "affiliated_with"  # "the EU foreign policy chief", "Pakistan's army chief": heads a part
        if title == "speaker" and ctx.state_of(orgs[-1]) == orgs[-1]:
            pred = "affiliated_with"  # "Armenia's speaker X" presides over its parliament, not the state
        if pred == "leader_of" and set(words) & {"deputy", "vice"}:
            pred = "affiliated_with"  # "Kenya's deputy president", "the vice chairman": second, not the leader
        org = orgs[-1] if pred != "spouse_of" else orgs[0]
        if pred == "spouse_of" and not ctx.is_person(org):
            continue
        # a title is how the writer names someone, also inside reported words ("..., a White House official said")
        yield writers_voice(make_relation(person, pred, org, tok.sent, ctx, root, source, section, "title", 0.8,
                                          title))


def _community_modifiers(tokens, ctx: Context) -> bool:
    """Do two nationality words that name different peoples stand side by side before a title ("Bosnian Serb",
    "Iraqi Kurdish", "Kosovo Serb")? The title is then a community's (the Serbs of Bosnia), not a state's; one
    people's two-word name ("Turkish Cypriot", one entity) is not two."""
    for a, b in zip(tokens, tokens[1:]):
        if (b.i == a.i + 1 and a.ent_type_ in ("NORP", "GPE") and b.ent_type_ == "NORP" and a.text[:1].isupper()
                and b.text[:1].isupper() and (ctx.key_at.get(a.i) != ctx.key_at.get(b.i) or a.i not in ctx.key_at)):
            return True
    return False


def _subject_before(tok, ctx: Context) -> str | None:
    """The body (not a person) the sentence before ``tok``'s, in its paragraph, has as its subject."""
    first = tok.sent.start
    if first == 0 or "\n" in ctx.doc[first - 1].text_with_ws:
        return None
    previous = ctx.doc[first - 1].sent
    keys = [key for i, key in ctx.subjects if previous.start <= i < previous.end and not ctx.is_person(key)]
    return keys[0] if len(keys) == 1 else None


def _first_name(t, start: int) -> bool:
    """Is ``t``, right before a person's name at ``start``, a first name the NER left out of it (a capitalized
    compound of the name that is no title word)?"""
    return (t.pos_ == "PROPN" and t.dep_ == "compound" and t.head.i >= start and t.text[:1].isupper()
            and t.ent_type_ in ("", "PERSON") and t.lower_ not in TITLE_WORDS)


def _parenthesised_name(close: int, ctx: Context) -> str | None:
    """The body an acronym in parentheses ending at token ``close`` names, when the name before the parentheses
    is the same body: "the Collective Security Treaty Organization (CSTO)"."""
    doc = ctx.doc
    inner = close - 1
    if inner < 2 or doc[inner - 1].text != "(":
        return None
    key, named = ctx.key_at.get(inner), ctx.key_at.get(inner - 2)
    if named is not None and doc[inner].text.isupper() and doc[inner].is_alpha and not ctx.is_person(named):
        return named  # "the Nationalist Movement Party (MHP) leader": the acronym kg may not yet know as the name's
    return key if key is not None and named == key else None


def _portfolio_title(words: list[str]) -> bool:
    """"Secretary of State", "Minister of Defence": a state's office by its portfolio (the walk keeps "of" only
    before a portfolio)."""
    return any(w in ("secretary", "minister") and nxt == "of" for w, nxt in zip(words, words[1:]))


def _apposition(root, ctx: Context):
    """"Pashinyan's wife, Anna Hakobyan" / "Dmitry Peskov, the Kremlin's spokesman" -> (title, [org]); so does the
    office the subject takes or holds: "X was sworn in as Taiwan's president", "X became Britain's prime
    minister", "X was elected president of Senegal"."""
    candidates = []
    if root.dep_ == "appos":
        candidates.append(root.head)
    candidates.extend(c for c in root.children if c.dep_ == "appos")
    candidates.extend(_office_taken(root))
    for noun in candidates:
        words = [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod") and t.i not in ctx.key_at] + [noun.lower_]
        words += [w for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"  # "chief of staff"
                  for g in p.children if g.dep_ == "pobj" and g.i not in ctx.key_at and g.pos_ == "NOUN"
                  for w in ("of", g.lower_)]
        title = _title_word(words)
        if title is None or _community_modifiers([t for t in noun.lefts if t.dep_ in ("amod", "compound")], ctx):
            continue
        orgs = []
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i in ctx.key_at:
                if not _field(child, ctx.key_at[child.i], title, ctx):  # "X, a Sahel researcher": no employer
                    orgs.append(ctx.key_at[child.i])
            elif child.dep_ == "poss" and child.lower_ in ("its", "their"):
                body = ctx.antecedent(child)  # "The Arakan Army ... Its commander-in-chief, X": the army's
                if body is not None and not ctx.is_person(body):
                    orgs.append(body)
            elif child.dep_ == "poss" and child.pos_ == "NOUN" and _owner(child, ctx) is not None:
                orgs.append(_owner(child, ctx))  # "X, the Taliban government's chief spokesman"
            elif child.dep_ == "poss" and child.lower_ in ("his", "her") and title in GOVERNMENT_TITLES:
                boss = ctx.antecedent(child)  # "Sharif ... His defence minister, Khawaja Asif": Sharif's state
                state = boss and ctx.party(boss)
                if state is not None and state != boss:
                    orgs.append(state)
            elif child.dep_ == "prep" and child.lower_ in ("of", "to", "at"):
                served = [g for g in child.children if g.dep_ == "pobj"]
                orgs.extend(ctx.entities(served))
                if child.lower_ == "to" and not orgs:  # "assistant to the President of X": serves X
                    orgs.extend(ctx.entities([o for g in served if g.lower_ in TITLE_HEADS for p in g.children
                                              if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                                              if o.dep_ == "pobj"]))
        if orgs:
            return title, orgs, words
    return None, [], []


def _owner(noun, ctx: Context) -> str | None:
    """Whose office a possessive common noun names: the state or body it stands for ("the Armenian government's"),
    else the body that names it ("the Taliban government's", "the group's armed wing's")."""
    key = ctx.entity(noun, pronouns=False)
    if key is None:
        key = next((ctx.key_at[c.i] for c in noun.children if c.dep_ == "compound" and c.i in ctx.key_at
                    and not ctx.is_person(ctx.key_at[c.i])), None)
    return key


def _office_taken(subject) -> list:
    """The noun of the office a subject's verb gives it: its complement ("became [prime minister]", "was elected
    [president] of X") or what it is "as" ("was sworn in as [president]", "served as [foreign minister]")."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = subject.head
    return ([c for c in verb.children if c.dep_ in ("attr", "oprd") and c.pos_ == "NOUN"]
            + [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children
               if g.dep_ == "pobj" and g.pos_ == "NOUN"])
