"""Which entity a token stands for, in one doc: a mention, "the Armenian government", "Lavrov's proposals",
"the region", relative and personal pronouns, "its troops". :class:`Context` is what the relation and event
readers ask."""
from __future__ import annotations

from .model import Mention
from .nlp import text_of
from .syntax import (ARMED_NOUNS, AUTHORED_NOUNS, CUE_VERBS, GOVERNING_NOUNS, MOVING_VERBS, NAMING_VERBS,
                     PERSON_PRONOUNS, PERSON_STANDINS, PLACE_STANDINS, REGION_NOUNS, RELATIVES, RULERS, STANDIN_NOUNS,
                     STATE_NOUNS, THING_PRONOUNS, conjuncts, is_verb, subjects_of)


class Context:
    """Token -> entity lookups for one doc: mentions, state nouns, relative and personal pronouns."""

    def __init__(self, doc, mentions: list[Mention], is_person, state_of, government_of=None):
        self.doc = doc
        self.key_at: dict[int, str] = {}
        self.is_person = is_person
        self.state_of = state_of
        self.government_of = government_of or (lambda key: None)
        self.is_event = lambda key: key.startswith("Trig:")
        self.is_region = lambda key: False  # a territory (not a city, not a state) that "the region" can be
        self.is_organization = lambda key: key.startswith("Organization:")  # an alliance, a party, not a state's body
        self.party = state_of  # the state a key acts for (kg.relations knows more: role holders)
        self.voice = lambda tok: None  # who says the words ``tok`` is in (kg.relations reads it with kg.speech)
        for m in mentions:
            if m.reading == "dateline":
                continue  # where the story was filed from takes no part in what it reports
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    self.key_at[tok.i] = m.entity
        self.accusations: list[tuple[str, str]] = []  # (accuser, accused) in reading order
        self.claims: list[tuple[int, str, str]] = []  # (cue index, speaker, agent) of what was said someone did
        self.bonds: list[tuple[str, str, str]] = []  # (subject, predicate, object) of alliances and backing read so far
        self.subjects: list[tuple[int, str]] = []  # (token index, key) of mentions that are grammatical subjects
        for i, key in sorted(self.key_at.items()):
            if doc[i].dep_ in ("nsubj", "nsubjpass") and (i + 1 >= len(doc) or self.key_at.get(i + 1) != key):
                self.subjects.append((i, key))

    def _paragraph_start(self, tok) -> int:
        return text_of(self.doc).rfind("\n\n", 0, tok.idx)

    def antecedent(self, tok) -> str | None:
        """'he'/'she' -> the last person named before; 'it' -> the last non-person subject before."""
        start = self._paragraph_start(tok)
        if tok.lower_ in PERSON_PRONOUNS:
            return self._delegate_before(tok) or self.person_before(tok)
        if tok.lower_ in THING_PRONOUNS:
            singular = tok.lower_ in ("it", "its", "itself")
            thing = self._thing_before(tok) if singular else None
            if thing is not None:
                return self.entity(thing, pronouns=False)
            first = tok.sent.start
            previous = self.doc[first - 1].sent.start if first > 0 else first
            start = max(start, self.doc[previous].idx - 1)  # this sentence or the last
            for i, key in reversed(self.subjects):
                if singular and any(c.dep_ == "conj" for c in self.doc[i].children):
                    continue  # "Iran and Turkey share ... its exclave": "its" is neither of them
                if i < tok.i and self.doc[i].idx > start and not self.is_person(key):
                    return key
            for i in range(tok.i - 1, -1, -1):  # a subject named by a stand-in: "The Congolese government said it"
                t = self.doc[i]
                if t.idx <= start:
                    break
                if t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in STATE_NOUNS and i not in self.key_at:
                    key = self.entity(t, pronouns=False)
                    if key is not None and not self.is_person(key):
                        return key
        return None

    @staticmethod
    def _thing_before(tok):
        """"Beijing wants the fighting to stop before it reaches X": "it", the subject of an adverbial clause, is the
        subject of the clause that clause hangs on when that is a singular noun (an act, an event) and no stand-in
        for a party (not "the army withdrew after it lost the town"); else None."""
        clause = tok.head
        if tok.dep_ != "nsubj" or clause.dep_ != "advcl":
            return None
        return next((c for c in clause.head.children if c.dep_ == "nsubj" and c.tag_ == "NN" and c.pos_ == "NOUN"
                     and c.lemma_.lower() not in STANDIN_NOUNS), None)

    def _delegate_before(self, tok) -> str | None:
        """The state (or body) whose representative "he" or "she" refers back to, in turn-by-turn statements: "The
        representative of China said the Council must act. He recalled that ..." is China's; when a delegate that
        names no person ("the representative of X", "X's delegate") is the last speaker before ``tok`` in its
        paragraph, and no person is named after it."""
        if tok.lower_ not in ("he", "she", "his", "her", "him"):
            return None
        start = self._paragraph_start(tok)
        for i in range(tok.i - 1, -1, -1):
            t = self.doc[i]
            if t.idx <= start:
                return None
            key = self.key_at.get(i)
            if key is not None and self.is_person(key):
                return None
            if (key is None and t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in DELEGATES and t.tag_ == "NN"
                    and is_verb(t.head)):
                key = self.entity(t, pronouns=False)
                return key if key is not None and not self.is_person(key) else None
        return None

    def person_before(self, tok) -> str | None:
        """The person "he", "she" or "the diplomat" at ``tok`` refers back to. A subject continues the person the
        text last had as a subject ("Vucic rejected the claims of Kurti's ... He said ..." is Vucic), else the
        last person named, in the same paragraph; a subject in a paragraph that names no person before it (a
        quotation opening it: '"...," she said') continues the person of the paragraph before."""
        start = self._paragraph_start(tok)
        subject = tok.dep_ in ("nsubj", "nsubjpass")
        for _ in range(2 if subject else 1):
            if subject:
                for i, key in reversed(self.subjects):
                    if self.doc[i].idx <= start:
                        break
                    if i < tok.i and self.is_person(key):
                        return key
            for i in range(tok.i - 1, -1, -1):
                if self.doc[i].idx <= start:
                    break
                key = self.key_at.get(i)
                if key is not None and self.is_person(key):
                    return key
            if start < 0 or self._unknown_subject(start, tok):
                break  # "Radoičić later admitted that he ...": a subject kg did not know may be the one
            start = text_of(self.doc).rfind("\n\n", 0, start)
        return None

    def _unknown_subject(self, start: int, tok) -> bool:
        """Is there a proper-noun subject kg did not read as an entity (a person's name the NER missed) between
        character ``start`` and ``tok``?"""
        first = self.doc.char_span(start + 1, tok.idx, alignment_mode="expand") if start + 1 < tok.idx else None
        return first is not None and any(
            t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON")
            and t.i not in self.key_at for t in first)

    def entity(self, tok, *, pronouns: bool = True) -> str | None:
        if tok.i in self.key_at:
            return self.key_at[tok.i]
        low = tok.lower_
        if low in RELATIVES and tok.i >= 2 and self.doc[tok.i - 1].text in ("—", "–"):
            # "the Lachin Corridor—the only road to Armenia—which has been blocked": the name before the aside
            for j in range(tok.i - 2, tok.sent.start, -1):
                if self.doc[j].text in ("—", "–"):
                    if j - 1 in self.key_at:
                        return self.key_at[j - 1]
                    break
        if low in RELATIVES and tok.head.dep_ in ("relcl", "acl"):
            return self.entity(tok.head.head, pronouns=pronouns)
        lemma = tok.lemma_.lower()
        if tok.dep_ == "appos" and tok.head.i in self.key_at:  # "the Lachin Corridor, the only road ..."
            return self.key_at[tok.head.i]
        for child in tok.children:  # "his Azerbaijani counterpart, Ilham Aliyev,"
            if (child.dep_ == "appos" and child.i in self.key_at
                    and (lemma in PERSON_STANDINS or self.is_person(self.key_at[child.i]))):
                return self.key_at[child.i]
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "npadvmod", "conj"):
            key = self._misparsed_apposition(tok)  # "... in the CSTO, the Russian-led military alliance, accusing"
            if key is not None:
                return key
        if tok.pos_ == "NOUN":  # "the province, which Albanians call Kosova" is Kosova
            for clause in (c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in NAMING_VERBS):
                named = [g for g in clause.children if g.dep_ in ("oprd", "dobj") and g.i in self.key_at]
                if named and any(c.dep_ == "dobj" and c.lower_ in RELATIVES for c in clause.children):
                    return self.key_at[named[0].i]
        if lemma in PLACE_STANDINS and tok.pos_ == "NOUN":  # "the Russian-held town of Horlivka" is Horlivka
            named = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                     if g.dep_ == "pobj" and g.i in self.key_at]
            if named:
                return self.key_at[named[0].i]
        if lemma in STANDIN_NOUNS and tok.pos_ == "NOUN":  # "the Armenian government", "Lavrov's proposals"
            for child in sorted(tok.children, key=lambda c: c.dep_ == "poss"):  # "his Armenian counterpart": Armenia
                if child.dep_ in ("amod", "compound", "poss", "nmod"):
                    key = self.key_at.get(child.i)
                    if key is None and child.dep_ == "poss" and pronouns and child.lower_ in ("its", "their"):
                        key = self._own_subject(tok)  # "urged Russia to withdraw its troops": Russia's
                    if key is None and child.dep_ == "poss" and pronouns and child.lower_ in PERSON_PRONOUNS | THING_PRONOUNS:
                        key = self.antecedent(child)
                    if key is None and child.dep_ == "poss" and pronouns and child.lower_ == "our":
                        speaker = self.voice(tok)  # '"Our armed forces have seized Kidal," Goita said': Mali's
                        key = self.party(speaker) if speaker is not None else None
                    if key is None and child.lower_ == "whose" and tok.head.dep_ == "relcl":
                        key = self.entity(tok.head.head, pronouns=pronouns)  # "Eritrea, whose troops fought"
                    if key is not None:
                        key = self._for_owner(key, lemma)
                    if key is not None:
                        return key
            for child in tok.children:  # "US-mediated efforts", "Moscow-backed proposals": the hyphenated name
                if (child.dep_ == "amod" and child.tag_ == "VBN" and child.i >= 2 and child.nbor(-1).text in ("-", "–")
                        and lemma not in PLACE_STANDINS):
                    key = self.key_at.get(child.i - 2)
                    if key is not None:
                        return key
            if any(c.lower_ in ("opposition", "rebel", "dissident", "exiled") for c in tok.children
                   if c.dep_ in ("amod", "compound")):
                return None  # "opposition leaders in Yerevan" do not speak for Armenia
            for prep in (c for c in tok.children if c.dep_ == "prep" and (c.lower_ in ("of", "among", "from") or (
                    c.lower_ in ("in", "within") and lemma in GOVERNING_NOUNS | INSIDER_NOUNS) or (
                    c.lower_ == "by" and lemma in AUTHORED_NOUNS) or (c.lower_ == "for" and lemma in FOR_SPEAKERS))):
                for pobj in prep.children:
                    key = self.key_at.get(pobj.i)
                    if key is None and pobj.dep_ == "pobj" and pobj.lemma_.lower() in STANDIN_NOUNS:
                        key = self.entity(pobj, pronouns=False)  # "the presence of NATO troops": NATO's
                    if (key is not None and prep.lower_ in ("in", "within") and lemma not in GOVERNING_NOUNS
                            and not self._body(key)):
                        continue  # "sources in the Malian army" are the army's; "sources in Gao" speak for no one
                    if key is not None:
                        key = self._for_owner(key, lemma)
                    if key is not None:
                        return key
            if lemma in ("delegation", "mission"):  # "a delegation led by US envoy X": X and those with X
                for led in (c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head")):
                    key = next((self.key_at[g.i] for a in led.children if a.dep_ == "agent" for g in a.children
                                if g.dep_ == "pobj" and g.i in self.key_at), None)
                    if key is not None:
                        return key
            if pronouns and lemma in RULERS and _bare_definite(tok) and tok.tag_ != "NNS":
                # "the junta", "the regime": the state named last (a subject first); "the juntas" are not one state
                return self.last_state(tok)
        if lemma in ARMED_NOUNS and tok.pos_ == "NOUN":  # "Hamas-led gunmen attacked": the group that leads them
            for child in tok.children:
                if (child.dep_ == "amod" and child.lower_ == "led" and child.i >= 2
                        and child.nbor(-1).text in ("-", "–") and child.i - 2 in self.key_at):
                    return self.key_at[child.i - 2]
        if lemma in PARTNER_NOUNS and tok.pos_ == "NOUN":
            key = self._named_partner(tok)  # "urged its Western allies": the West
            if key is None and pronouns:
                key = self.partner(tok)  # "Russia had abandoned its ally": the one ally the text gave Russia
            if key is not None:
                return key
        if pronouns and lemma in TITLE_ANAPHORS and tok.pos_ == "NOUN":
            key = self.titled_before(tok)  # "Kenyan President William Ruto ... the president said"
            if key is not None:
                return key
        if pronouns and (low in PERSON_PRONOUNS or low in THING_PRONOUNS) and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss"):
            return self.antecedent(tok)
        if (pronouns and lemma in DESCRIBED_PERSONS and tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass")
                and _bare_definite(tok)):
            return self.person_before(tok)  # "Maria Zakharova ... the diplomat stressed"
        if (pronouns and lemma in ("country", "state", "kingdom", "nation") and tok.tag_ != "NNS"
                and any(c.lower_ == "the" for c in tok.children)):
            return self.last_state(tok)  # "the country": the state named last before, in the paragraph
        if pronouns and lemma in REGION_NOUNS and tok.pos_ == "NOUN" and tok.tag_ == "NN" and _bare_definite(tok, "prep"):
            return self.last_region(tok)  # "the region": the territory named last before
        return None

    def _named_partner(self, tok) -> str | None:
        """The party a partner noun's modifier names as the partner: "its Western allies", "Iran's Houthi allies",
        "Western partners" (but "Russian allies" are Russia's allies: a state's adjective without a possessive
        says whose they are)."""
        owned = any(c.dep_ == "poss" for c in tok.children)
        for child in tok.children:
            key = self.key_at.get(child.i) if child.dep_ in ("amod", "compound") else None
            if key is not None and (owned or self.state_of(key) != key):
                return key
        return None

    def partner(self, tok) -> str | None:
        """Who "its ally", "their patron", "its proxy" is: the one party the text has already said is the owner's
        ally (backer, client) before ``tok``; none when it said no such thing, or named more than one."""
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or any(c.dep_ in ("amod", "compound") and c.i in self.key_at for c in tok.children):
            return None  # "its Western allies", "its Iranian patron" name whose they are
        key = self.key_at.get(owner.i) or (self.antecedent(owner) if owner.lower_ in THING_PRONOUNS | {"their"} else None)
        if key is None:
            return None
        wanted = PARTNER_NOUNS[tok.lemma_.lower()]
        found = {b if a == key else a for a, pred, b in self.bonds
                 if (pred, a == key, b == key) in wanted}
        return found.pop() if len(found) == 1 else None

    def _body(self, key: str) -> bool:
        """Is ``key`` a body people serve in (an army, a ministry, an organization), not a place?"""
        return "__" in key or key.startswith(("Organization:", "Group:")) or self.is_organization(key)

    def titled_before(self, tok) -> str | None:
        """The person a bare definite title refers back to: the nearest person named before with that title
        ("Kenyan President William Ruto ... The president said", "Foreign Minister X ... the foreign minister",
        "President X ... the head of state"). Not a title with a state or name of its own ("the Russian president",
        "the president of Kenya": kg.roles reads those)."""
        mods = [c for c in tok.children if c.dep_ not in ("punct", "prep", "relcl", "acl")]
        if [c.lower_ for c in mods if c.dep_ == "det"] != ["the"] or any(
                c.dep_ not in ("det", "amod", "compound") or c.i in self.key_at or (c.dep_ != "det" and not c.is_lower)
                for c in mods):
            return None
        wanted = {c.lower_ for c in mods if c.dep_ != "det"} | {tok.lemma_.lower()}
        heads: set[str] = set()
        if tok.lemma_.lower() == "head":  # "the head of state", "the head of government"
            of = [g.lower_ for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
            heads = HEADS_OF.get(of[0], set()) if len(of) == 1 else set()
            if not heads:
                return None
            wanted = set()
        elif any(c.dep_ == "prep" for c in tok.children):
            return None
        i = tok.i - 1
        while i >= 0:
            key = self.key_at.get(i)
            if key is None or not self.is_person(key):
                i -= 1
                continue
            first = i
            while first > 0 and self.key_at.get(first - 1) == key:
                first -= 1
            words = self._title_words(first, i)
            if (wanted and wanted <= words) or heads & words:
                return key
            i = first - 1
        return None

    def _title_words(self, first: int, last: int) -> set[str]:
        """Words of the title around a person's name (tokens ``first``..``last``): before it ("Kenyan President
        X", "the Kenyan president, X") and in an apposition after it ("X, the Kenyan president,")."""
        doc = self.doc
        words = {t.lower_ for t in doc[first:last + 1]}  # "the Russian president" read as its holder
        sent = doc[first].sent
        for k in range(first - 1, max(sent.start, first - 9) - 1, -1):
            t = doc[k]
            if t.pos_ in ("VERB", "AUX", "CCONJ") or t.text in STOPS or (k in self.key_at and self.is_person(self.key_at[k])):
                break
            words.add(t.lower_)
        if last + 1 < sent.end and doc[last + 1].text == ",":
            for k in range(last + 2, min(sent.end, last + 10)):
                t = doc[k]
                if t.pos_ in ("VERB", "AUX", "CCONJ") or t.text in STOPS or t.text == ",":
                    break
                words.add(t.lower_)
        return words

    def _own_subject(self, tok) -> str | None:
        """The one "its"/"their" on a verb's object refers to: the verb's own subject, inherited where the verb
        has none ("urged Russia to withdraw its troops": Russia's troops, not the one urging)."""
        if tok.dep_ != "dobj" or not is_verb(tok.head) or tok.head.lemma_.lower() not in MOVING_VERBS:
            return None
        agents = [a for a in subjects_of(tok.head)[0] if a.i != tok.i and a.lower_ not in THING_PRONOUNS]
        keys = [k for k in self.entities([a for a in agents if a.lower_ not in PERSON_PRONOUNS]) if k is not None]
        return keys[0] if len(keys) == 1 and not self.is_person(keys[0]) else None  # "A and B ... their": both

    def _for_owner(self, key: str, lemma: str) -> str | None:
        """Who a stand-in noun owned by ``key`` stands for: "the authorities in Nagorno-Karabakh" are its (de
        facto) government while it had one; "the Armenian government" is Armenia."""
        if lemma in GOVERNING_NOUNS:
            government = self.government_of(key)
            if government is not None:
                return government
        if lemma in STATE_NOUNS and lemma in GOVERNING_NOUNS and self.is_person(key):
            return self.party(key)  # "Abiy's government", "Trump's administration": the state its head leads
        if lemma in STATE_NOUNS and lemma in GOVERNING_NOUNS:  # "the authorities in Transnistria", a land of no
            return self.state_of(key) or key  # state kg knows: the land's own
        return self.state_of(key) if lemma in STATE_NOUNS else key

    def last_state(self, tok) -> str | None:
        """The state "the country" refers to: the last state named before it in the paragraph that is the topic
        of its clause (a subject, or the owner of one: "Mali's government ... ties with Moscow ... the
        country" is Mali), else the last state named before it in the paragraph, else the state the text has
        named most so far."""
        start = self._paragraph_start(tok)
        last = None
        for i in range(tok.i - 1, -1, -1):
            if self.doc[i].idx <= start:
                break
            key = self.key_at.get(i)
            if key is not None and self.state_of(key) == key:
                if self._topic(self.doc[i]):
                    return key
                last = last or key
        if last is None and tok.lemma_.lower() in RULERS:
            last = self._last_named_ruler(tok)  # "the new Syrian government ... the government": Syria's
        if last is None:  # none in the paragraph: the state the text has named most so far
            counts: dict[str, int] = {}
            latest: dict[str, int] = {}
            for i, key in self.key_at.items():  # a state's bodies count for it ("Myanmar's army")
                state = self.state_of(key)
                if i < tok.i and state is not None and (i + 1 >= len(self.doc) or self.key_at.get(i + 1) != key):
                    counts[state] = counts.get(state, 0) + 1
                    latest[state] = max(latest.get(state, -1), i)
            last = max(counts, key=lambda k: (counts[k], latest[k]), default=None)
        return last

    def _last_named_ruler(self, tok) -> str | None:
        """The state of the last "<state> government" (or "X's government", "the government of X") the text
        named before ``tok``, a bare "the government" with the same noun."""
        lemma = tok.lemma_.lower()
        for i in range(tok.i - 1, -1, -1):
            t = self.doc[i]
            if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or _bare_definite(t):
                continue
            owners = [c for c in t.children if c.dep_ in ("amod", "compound", "poss")]
            owners += [g for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                       if g.dep_ == "pobj"]
            for owner in owners:
                key = self.key_at.get(owner.i)
                if key is not None and self.state_of(key) == key:
                    return key
        return None

    def _misparsed_apposition(self, tok) -> str | None:
        """The name a "the ..." phrase set off by commas right after it renames, where the parser made the phrase
        an object of its own: "froze its participation in the CSTO (CSTO), the Russian-led alliance, ..."."""
        doc = self.doc
        first, last = tok.left_edge.i, tok.i
        if doc[first].lower_ != "the" or first < 2 or doc[first - 1].text != ",":
            return None
        if last + 1 < len(doc) and doc[last + 1].text not in (",", ".", ";"):
            return None
        i = first - 2
        if doc[i].text == ")":  # "the Collective Security Treaty Organization (CSTO), the ..."
            while i > tok.sent.start and doc[i].text != "(":
                i -= 1
            i -= 1
        return self.key_at.get(i) if i >= tok.sent.start else None

    def last_region(self, tok) -> str | None:
        """The territory "the region" refers to: the last one named before it in its sentence or the two before
        (a state or city named since does not count); none that near, and "the region" is something wider."""
        first = tok.sent.start
        for _ in range(2):  # back two sentences
            first = self.doc[first - 1].sent.start if first > 0 else first
        for i in range(tok.i - 1, first - 1, -1):
            key = self.key_at.get(i)
            if key is not None and self.is_region(key):
                return key
        return None

    @staticmethod
    def _topic(tok) -> bool:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        return tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass")

    @staticmethod
    def _shared_relative(tok) -> list:
        """"Saudi Arabia and the US, which have brokered talks": a plural relative clause after coordinated
        names is about all of them (not under "between A and B", not with a verb that may be singular)."""
        verb = tok.head
        if tok.lower_ not in RELATIVES or verb.dep_ != "relcl":
            return []
        if not (verb.tag_ == "VBP" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("were", "are", "have")
                                          for c in verb.children)):
            return []
        first = verb.head
        while first.dep_ == "conj":
            first = first.head
        if verb.head not in conjuncts(first)[1:] or (first.dep_ == "pobj" and first.head.lower_ == "between"):
            return []
        return conjuncts(first)

    def _plural_speakers(self, tok) -> list:
        """"Burkina Faso and Niger announced that they were leaving ECOWAS": "they", the subject of what a cue verb
        reports, are those who say it when they are several (coordinated names, "the governments of A and B")."""
        if tok.lower_ != "they" or tok.dep_ not in ("nsubj", "nsubjpass"):
            return []
        clause = tok.head
        while clause.dep_ == "conj" and is_verb(clause.head):
            clause = clause.head
        cue = clause.head
        if clause.dep_ != "ccomp" or not is_verb(cue) or cue.lemma_.lower() not in CUE_VERBS:
            return []
        speakers = [t for c in cue.children if c.dep_ == "nsubj" for t in conjuncts(c)]
        keys = {k for t in speakers for key in [self.entity(t, pronouns=False)]
                for k in [key, *self._other_owners(t, key)] if k is not None}
        return speakers if len(keys) > 1 else []

    def _counted_parties(self, tok) -> list[str]:
        """The states (or, for "sides" and "parties", the states and groups) a counted plural stand-in refers back
        to: "Mali, Burkina Faso and Niger left ECOWAS. The three juntas ..." are the three; "both countries", "the
        two sides" the two. Only when the nearest sentence of the paragraph (this one up to ``tok``, but not its
        clause's own subject, or one of the two before) that names any names exactly that many, not counting names
        that only modify a noun ("a US company", "Armenian law")."""
        lemma = tok.lemma_.lower()
        if tok.tag_ != "NNS" or tok.pos_ != "NOUN" or lemma not in COUNTED_STANDINS or tok.i in self.key_at:
            return []
        count = None
        for child in tok.children:
            if child.dep_ in ("det", "predet", "preconj") and child.lower_ == "both" and count is None:
                count = 2
            elif child.dep_ == "nummod" and child.lower_ in NUMBER_WORDS and count is None:
                count = NUMBER_WORDS[child.lower_]
            elif not (child.dep_ == "det" and child.lower_ == "the") and (
                    child.dep_ not in ("amod", "punct", "prep", "relcl", "acl", "conj", "cc") or child.i in self.key_at
                    or child.dep_ in ("prep", "conj") and child.i < tok.i):
                return []  # "the two Russian regions", "their two countries", "the two countries' leaders" ...
        if count is None or any(c.dep_ == "poss" for c in tok.children) or tok.dep_ == "poss":
            return []
        states_only = lemma not in ("side", "party", "belligerent", "rival", "foe", "adversary")
        verb = tok.head
        while verb.dep_ in ("prep", "pobj", "dobj", "dative", "conj") and not is_verb(verb) and verb.head.i != verb.i:
            verb = verb.head  # "called on the two countries": the caller is not one of them
        own_subjects = {t.i for s in subjects_of(verb)[0] for c in conjuncts(s) for t in c.subtree} if (
            tok.dep_ not in ("nsubj", "nsubjpass") and is_verb(verb)) else set()
        start, sent = self._paragraph_start(tok), tok.sent
        for _ in range(3):
            named: list[str] = []
            for t in sent:
                key = self.key_at.get(t.i)
                if (t.i >= tok.i or t.i in own_subjects or key is None or key in named or self.is_person(key)
                        or self.is_event(key) or t.dep_ in ("amod", "compound", "nmod")):  # "a US company"
                    continue
                if self.state_of(key) == key or (not states_only and self._body(key) and self.state_of(key) != key):
                    named.append(key)
            if named:
                return named if len(named) == count else []
            if sent.start == 0 or self.doc[sent.start - 1].idx <= start or self.doc[sent.start].idx <= start:
                return []
            sent = self.doc[sent.start - 1].sent
        return []

    def entities(self, toks) -> list[str]:
        out: list[str] = []
        for tok in toks:
            for t in self._shared_relative(tok) or self._plural_speakers(tok) or conjuncts(tok):
                counted = self._counted_parties(t)
                out += [k for k in counted if k not in out]
                key = None if counted else self.entity(t)
                for k in [key, *self._other_owners(t, key)]:
                    if k is not None and k not in out:
                        out.append(k)
        return out

    def _other_owners(self, tok, key: str | None) -> list[str]:
        """The further owners of a plural stand-in after the one :meth:`entity` read: "the foreign ministers of
        Serbia and Kosovo", "Serbian and Kosovar ministers", "Serbian, Kosovar ministers" stand for both states."""
        lemma = tok.lemma_.lower()
        if key is None or tok.tag_ != "NNS" or lemma not in STANDIN_NOUNS or lemma in PLACE_STANDINS:
            return []
        owners = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i in self.key_at]
        for first in owners + mods[:1]:
            if first.i not in self.key_at or self._for_owner(self.key_at[first.i], lemma) != key:
                continue
            more = conjuncts(first)[1:]
            if first in mods:  # "Serbian, Kosovar ministers": modifiers a comma sets apart
                more += [m for m in mods[1:] if self.doc[m.i - 1].text == ","]
            return [k for k in (self._for_owner(self.key_at[m.i], lemma) for m in more if m.i in self.key_at)
                    if k is not None]
        return []


#: nouns of someone's partner, with the relations (predicate, owner is its subject, owner is its object) that
#: say who it is: "its ally" is whoever the owner is allied with, "its patron" whoever supports the owner
_ALLY = {("allied_with", True, False), ("allied_with", False, True)}
_PATRON = {("supports", False, True), ("depends_on", True, False)}
_CLIENT = {("supports", True, False), ("depends_on", False, True)}
PARTNER_NOUNS = {"ally": _ALLY, "partner": _ALLY, "patron": _PATRON, "backer": _PATRON, "sponsor": _PATRON,
                 "protector": _PATRON, "client": _CLIENT, "proxy": _CLIENT}

#: people inside a body, who speak for it: "sources in the Malian army", "members within the RSF"
INSIDER_NOUNS = {"source", "member", "witness", "eyewitness", "soldier", "fighter", "commander"}
#: people who speak for whoever a "for" phrase names: "a spokesman for the foreign ministry"
FOR_SPEAKERS = {"spokesman", "spokeswoman", "spokesperson", "representative", "delegate"}
#: plural nouns that, counted ("the two countries", "both sides", "the three juntas"), stand for as many states (or
#: parties) named just before
COUNTED_STANDINS = {"country", "state", "nation", "government", "junta", "regime", "capital", "neighbour", "neighbor",
                    "side", "party", "belligerent", "rival", "foe", "adversary", "ally"}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}
#: those who speak for a state at a meeting, whom "he" or "she" in the statement that goes on refers back to
DELEGATES = {"representative", "delegate"}

#: titles that, bare and definite, refer back to the person last named with them: "the president said"
TITLE_ANAPHORS = {"president", "minister", "premier", "chancellor", "king", "general", "commander", "spokesman",
                  "spokeswoman", "spokesperson", "envoy", "ambassador", "secretary", "governor", "mayor", "head",
                  "emir", "prince", "sheikh"}
#: nouns that, bare and definite as a subject, describe the person last named: "the diplomat stressed"
DESCRIBED_PERSONS = {"diplomat", "official", "politician", "lawmaker", "legislator", "statesman", "analyst", "expert",
                     "scholar", "researcher", "activist", "lawyer", "journalist"}
#: titles of a head of state and a head of government
HEADS_OF = {"state": {"president", "king", "emir", "monarch", "sultan", "queen"},
            "government": {"prime", "premier", "chancellor"}}
#: punctuation a title does not run across
STOPS = {".", ";", ":", "(", ")", "—", "–", '"', "“", "”"}


def _bare_definite(tok, *more: str) -> bool:
    """"the junta", "the region": only "the" before the noun (no name, adjective or owner; nor ``more`` deps)."""
    return [c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "compound", "poss", *more)] == ["the"]
