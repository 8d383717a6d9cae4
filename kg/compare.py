"""``kg compare A B``: what source A asserts that B does not, what both assert, where they conflict.

Works on a built ``kg.json`` (no re-reading of the articles).
"""
from __future__ import annotations

import json
from pathlib import Path

from .errors import KGError, OutputError


def load_export(out_dir: Path) -> dict:
    path = Path(out_dir) / "kg.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OutputError(f"{path}: no built graph here (run `kg build` first)") from None
    except (OSError, json.JSONDecodeError) as err:
        raise OutputError(f"{path}: cannot read: {err}") from None


def find_source(data: dict, name: str) -> dict:
    """A source by id, file name, or a unique prefix of either ("003")."""
    sources = data.get("sources", [])
    exact = [s for s in sources if name in (s["id"], s["file"])]
    if exact:
        return exact[0]
    prefix = [s for s in sources if s["id"].startswith(name) or s["file"].startswith(name)]
    if len(prefix) == 1:
        return prefix[0]
    known = ", ".join(s["id"] for s in sources)
    raise KGError(f"{'ambiguous' if prefix else 'unknown'} source {name!r} (known: {known})")


def _statement(rel: dict, labels: dict) -> dict:
    return {"subject": labels.get(rel["subject"], rel["subject"]), "predicate": rel["predicate"],
            "object": labels.get(rel["object"], rel["object"]), "negated": rel["negated"],
            "speaker": labels.get(rel["speaker"], rel["speaker"]) if rel.get("speaker") else None,
            "evidence": rel["evidence"]}


def compare(data: dict, a: str, b: str) -> dict:
    """``{"a", "b", "only_a", "only_b", "both", "conflicts"}`` for two sources of one export."""
    src_a, src_b = find_source(data, a), find_source(data, b)
    labels = {e["id"]: e["label"] for e in data.get("entities", [])}
    keyed: dict[str, dict[tuple, dict]] = {src_a["id"]: {}, src_b["id"]: {}}
    for rel in data.get("relations", []):
        if rel["source"] in keyed:
            keyed[rel["source"]].setdefault((rel["subject"], rel["predicate"], rel["object"], rel["negated"]), rel)
    ka, kb = keyed[src_a["id"]], keyed[src_b["id"]]
    conflicts = []
    for group in data.get("contested", []):
        sides = [s for s in group["sides"] if s["source"] in (src_a["id"], src_b["id"])]
        if {s["source"] for s in sides} == {src_a["id"], src_b["id"]}:
            conflicts.append({"topic": group["topic"], "kind": group["kind"],
                              "sides": [{"source": s["source"], "stance": s["stance"], "evidence": s["evidence"],
                                         "speaker": labels.get(s["speaker"], s["speaker"]) if s.get("speaker") else None}
                                        for s in sides]})
    return {
        "a": {"id": src_a["id"], "title": src_a["title"]},
        "b": {"id": src_b["id"], "title": src_b["title"]},
        "only_a": [_statement(ka[k], labels) for k in sorted(ka) if k not in kb],
        "only_b": [_statement(kb[k], labels) for k in sorted(kb) if k not in ka],
        "both": [{**_statement(ka[k], labels), "evidence_b": kb[k]["evidence"]} for k in sorted(ka) if k in kb],
        "conflicts": conflicts,
    }


def format_comparison(result: dict, *, width: int = 100) -> str:
    """A readable plain-text report of :func:`compare`."""
    def short(text: str, n: int) -> str:
        text = " ".join(text.split())
        return text if len(text) <= n else text[: n - 1] + "…"

    def line(st: dict) -> str:
        neg = "NOT " if st["negated"] else ""
        who = f"  [according to {st['speaker']}]" if st.get("speaker") else ""
        return f"  {st['subject']} {neg}{st['predicate']} {st['object']}{who}\n      “{short(st['evidence'], width - 8)}”"

    a, b = result["a"], result["b"]
    out = [f"A: {a['id']} — {a['title']}", f"B: {b['id']} — {b['title']}", ""]
    for title, key in ((f"Only A asserts ({len(result['only_a'])})", "only_a"),
                       (f"Only B asserts ({len(result['only_b'])})", "only_b"),
                       (f"Both assert ({len(result['both'])})", "both")):
        out.append(title)
        out.extend(line(st) for st in result[key])
        out.append("")
    out.append(f"Where they conflict ({len(result['conflicts'])})")
    for c in result["conflicts"]:
        out.append(f"  [{c['kind']}] {c['topic']}")
        for side in c["sides"]:
            out.append(f"    {side['source']}: {side['stance']}\n      “{short(side['evidence'], width - 8)}”")
    return "\n".join(out).rstrip() + "\n"
