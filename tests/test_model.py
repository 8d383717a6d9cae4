import dataclasses

import pytest

from kg.model import Article, Entity, Mention, Provenance, Relation


def test_records_are_frozen_and_hashable():
    prov = Provenance(source="a", sentence="X attacked Y.", start=0, end=13, rule="svo", confidence=0.7)
    rel = Relation(subject="x", predicate="attacks", object="y", provenance=prov)
    assert hash(rel) == hash(Relation(subject="x", predicate="attacks", object="y", provenance=prov))
    assert rel.source == "a"
    with pytest.raises(dataclasses.FrozenInstanceError):
        rel.subject = "z"


def test_entity_sources_come_from_mentions():
    mentions = (Mention(entity="e", text="E", start=0, end=1, source="b"),
                Mention(entity="e", text="E", start=5, end=6, source="a"),
                Mention(entity="e", text="E", start=9, end=10, source="b"))
    ent = Entity(id="e", type="Person", label="E", mentions=mentions)
    assert ent.sources == ("a", "b")


def test_article_content_blanks_furniture_but_keeps_offsets():
    body = "Menu\nHome\n\nArmenia and Azerbaijan met in Prague.\n© 2023 Site"
    start = body.index("©")
    art = Article(id="a", file="a.txt", title="t", body=body, furniture=((0, 9), (start, len(body))))
    assert len(art.content) == len(body)
    assert "Menu" not in art.content and "©" not in art.content
    i = body.index("Armenia")
    assert art.content[i:i + 7] == "Armenia"
