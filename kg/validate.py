"""``kg validate OUT``: the built RDF against ontology/shapes.ttl (pyshacl), plus the dataset checks SHACL
cannot express over one graph: a claim lives in the named graph it names, and a plain triple in a
source's graph is backed by a positive, unhedged claim of that source."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import OutputError
from .ontology import ontology_file

SH = "http://www.w3.org/ns/shacl#"
KGR = "https://example.org/kg/ontology/relation#"

#: (message, SPARQL SELECT ?focus ?graph) — each row is a problem
DATASET_CHECKS = (
    ("a claim must be in the named graph it names with kg:statedIn", """
        PREFIX kg: <https://example.org/kg/ontology#>
        SELECT ?focus ?graph WHERE { GRAPH ?graph { ?focus a kg:Claim ; kg:statedIn ?named } FILTER (?named != ?graph) }"""),
    ("claims belong in a source's named graph, not the default graph", """
        PREFIX kg: <https://example.org/kg/ontology#>
        SELECT ?focus ?graph WHERE { ?focus a kg:Claim }"""),
    ("a plain triple needs a positive, unhedged claim of the same source (negated or hedged claims are never plain triples)", f"""
        PREFIX kg: <https://example.org/kg/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?focus ?graph WHERE {{
          GRAPH ?graph {{ ?focus ?p ?o FILTER (STRSTARTS(STR(?p), "{KGR}")) }}
          FILTER NOT EXISTS {{ GRAPH ?graph {{ ?c rdf:subject ?focus ; rdf:predicate ?p ; rdf:object ?o ;
                                                 kg:negated false ; kg:hedged false }} }}
        }}"""),
    ("relation triples belong in a source's named graph, not the default graph", f"""
        SELECT ?focus ?graph WHERE {{ ?focus ?p ?o FILTER (STRSTARTS(STR(?p), "{KGR}")) }}"""),
)


@dataclass
class Problem:
    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"

    def line(self, short) -> str:
        where = f" {short(self.path)}" if self.path else ""
        value = f" (value: {short(self.value)})" if self.value else ""
        return f"  - {short(self.focus)}{where}: {self.message}{value}"


@dataclass
class Report:
    path: Path
    triples: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.problems

    def text(self, *, limit: int = 50) -> str:
        short = _shortener()
        if self.conforms:
            return f"{self.path}: conforms to ontology/shapes.ttl ({self.triples} triples)\n"
        lines = [f"{self.path}: does not conform: {len(self.problems)} problem(s)"]
        shown = sorted(self.problems, key=lambda p: (p.message, p.focus, p.path, p.value))
        lines += [p.line(short) for p in shown[:limit]]
        if len(shown) > limit:
            lines.append(f"  ... and {len(shown) - limit} more")
        return "\n".join(lines) + "\n"


def _shortener():
    prefixes = {
        "https://example.org/kg/ontology/relation#": "kgr:", "https://example.org/kg/ontology#": "kg:",
        "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem:", "http://www.w3.org/ns/prov#": "prov:",
        "http://purl.org/dc/terms/": "dcterms:", "http://www.w3.org/2004/02/skos/core#": "skos:",
        "https://schema.org/": "schema:", "http://www.w3.org/2006/time#": "time:",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:", "http://www.w3.org/2002/07/owl#": "owl:",
    }

    def short(iri: str) -> str:
        for ns, prefix in prefixes.items():
            if iri.startswith(ns):
                return prefix + iri[len(ns):]
        return f"<{iri}>" if "://" in iri else iri

    return short


def _load(path: Path):
    import pyoxigraph

    if not path.is_file():
        raise OutputError(f"{path}: no built graph here (run `kg build` first)")
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TRIG)
    except (SyntaxError, ValueError, OSError) as err:
        raise OutputError(f"{path}: cannot load: {err}") from None
    return store


def _union_graph(store):
    """Every triple of the dataset as one rdflib Graph (via N-Triples, which both libraries speak)."""
    import pyoxigraph
    from rdflib import Graph

    triples = (pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in store)
    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def _shacl_problems(data, shapes_path: Path, ontology_path: Path) -> list[Problem]:
    from pyshacl import validate as shacl_validate
    from rdflib import Graph, Namespace

    sh = Namespace(SH)
    shapes = Graph().parse(shapes_path, format="turtle")
    data.parse(ontology_path, format="turtle")  # the schemes and role types that sh:class checks look up
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes, inference="none", advanced=False,
                                          allow_warnings=False)
    if conforms:
        return []
    out = []
    for result in results.subjects(sh.resultSeverity, None):
        value = results.value(result, sh.value)
        out.append(Problem(
            focus=str(results.value(result, sh.focusNode)),
            path=str(results.value(result, sh.resultPath) or ""),
            message=str(results.value(result, sh.resultMessage) or "constraint not met"),
            value=str(value) if value is not None else "",
            severity=str(results.value(result, sh.resultSeverity)).rsplit("#", 1)[-1],
        ))
    return out


def _dataset_problems(store) -> list[Problem]:
    out = []
    for message, sparql in DATASET_CHECKS:
        for row in store.query(sparql):
            graph = row["graph"]
            out.append(Problem(focus=row["focus"].value, path="", message=message,
                               value=f"in graph {graph.value}" if graph is not None else "in the default graph"))
    return out


def validate_output(out_dir: Path, *, shapes: Path | None = None, ontology: Path | None = None) -> Report:
    """Check ``OUT/kg.trig`` against the SHACL shapes and the dataset checks; never raises on a violation."""
    path = Path(out_dir) / "kg.trig" if Path(out_dir).is_dir() else Path(out_dir)
    store = _load(path)
    data = _union_graph(store)
    problems = _shacl_problems(data, shapes or ontology_file("shapes.ttl"), ontology or ontology_file("kg.ttl"))
    problems += _dataset_problems(store)
    return Report(path=path, triples=len(store), problems=problems)
