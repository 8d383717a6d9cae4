"""The CLI: help with examples, one-line errors, exit codes, queries."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["query", "--help"]])
def test_help_has_examples(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "Examples:" in result.output


def test_missing_folder_is_one_line_error_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["-q", "build", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "nope" in lines[0] and lines[0].startswith("kg: error:")


def test_missing_model_names_the_install_command(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("Headline words here\n\nArmenia met Georgia.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["-q", "build", str(tmp_path / "src"), "-o", str(tmp_path / "out"),
                                       "--model", "no_such_model_xyz"])
    assert result.exit_code == 2
    assert "no_such_model_xyz" in result.output and "not installed" in result.output


def test_query_on_missing_output_is_clear(tmp_path):
    result = CliRunner().invoke(main, ["query", str(tmp_path), "--name", "actors"])
    assert result.exit_code == 2 and "kg build" in result.output


def test_named_queries_run_on_the_seed_build(seed_output):
    runner = CliRunner()
    listing = runner.invoke(main, ["query", str(seed_output), "--list"])
    names = [line.split()[0] for line in listing.output.splitlines()]
    assert {"actors", "accusations", "events", "single_source", "about"} <= set(names)
    actors = json.loads(runner.invoke(main, ["query", str(seed_output), "--name", "actors", "--format", "json"]).output)
    russia = next(row for row in actors if row["label"] == "Russia")
    assert int(russia["sources"]) == 5


def test_bound_values_are_terms_not_query_text(seed_output):
    runner = CliRunner()
    ok = runner.invoke(main, ["query", str(seed_output), "--name", "about", "--bind", "label=Russia", "--format", "json"])
    rows = json.loads(ok.output)
    assert rows and all("Russia" in (r["subject"], r["object"]) for r in rows)
    evil = runner.invoke(main, ["query", str(seed_output), "--name", "about", "--bind",
                                'label=Russia" } UNION { ?s ?p ?o } #', "--format", "json"])
    assert evil.exit_code == 0 and json.loads(evil.output) == []


def test_query_output_formats(seed_output):
    runner = CliRunner()
    q = "SELECT ?s WHERE { ?s a <https://schema.org/NewsArticle> } ORDER BY ?s"
    table = runner.invoke(main, ["query", str(seed_output), q])
    assert table.exit_code == 0 and "(5 rows)" in table.output
    csv_out = runner.invoke(main, ["query", str(seed_output), q, "--format", "csv"]).output.splitlines()
    assert csv_out[0] == "s" and len(csv_out) == 6
    bad = runner.invoke(main, ["query", str(seed_output), "SELECT WHERE {"])
    assert bad.exit_code == 2 and "syntax" in bad.output.lower()
