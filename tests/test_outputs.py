"""Writing outputs: atomic renames, stale temporary files cleaned, and the same bytes with two writer processes."""
from __future__ import annotations

import pytest

from kg.errors import OutputError
from kg.outputs import remove_stale_temps, write_atomically
from kg.pipeline import OUTPUT_NAMES, write_outputs
from tests.fixtures.small import small_extraction


def _files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_writer_processes_write_the_same_bytes(tmp_path):
    write_outputs(small_extraction(), tmp_path / "one", jobs=1)
    write_outputs(small_extraction(), tmp_path / "two", jobs=2)
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert sorted(one) == sorted(OUTPUT_NAMES)
    assert one == two


def _boom(fh):
    fh.write(b"half written")
    raise RuntimeError("disk on fire")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_writer_leaves_the_old_files_and_no_temporary_files(tmp_path, jobs):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("old good")
    bad.write_text("old bad")
    expected = OutputError if jobs > 1 else RuntimeError  # the forked writer's failure comes back as its exit code
    with pytest.raises(expected):
        write_atomically({good: lambda fh: fh.write(b"new good"), bad: _boom}, jobs=jobs, forked=[bad])
    assert good.read_text() == "old good" and bad.read_text() == "old bad"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "good.txt"]


def test_only_kgs_own_temporary_files_are_removed(tmp_path):
    (tmp_path / "csv").mkdir()
    stale = [tmp_path / ".kg.trig.x1y2.tmp", tmp_path / "csv" / ".nodes.csv.abcd.tmp"]
    kept = [tmp_path / "notes.tmp", tmp_path / ".other.abcd.tmp", tmp_path / "kg.trig"]
    for path in stale + kept:
        path.write_text("x")
    assert sorted(remove_stale_temps(tmp_path, OUTPUT_NAMES)) == sorted(stale)
    assert all(p.exists() for p in kept) and not any(p.exists() for p in stale)


def test_a_second_build_into_the_same_folder_waits_for_the_first(tmp_path):
    """Two builds into one folder: the second says it waits, and writes only once the first lets go."""
    import fcntl
    import subprocess
    import sys

    from kg.outputs import LOCK_NAME

    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("Kosovo's prime minister met Serbia's president in Brussels on Monday.\n")
    out.mkdir()
    with (out / LOCK_NAME).open("a+b") as held:  # the first build, as far as the second can tell
        fcntl.flock(held, fcntl.LOCK_EX)
        proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(src), "-o", str(out)],
                                stderr=subprocess.PIPE, text=True)
        try:
            first = proc.stderr.readline()
            assert "another kg build is writing" in first and "waiting" in first, first
            assert proc.poll() is None and not (out / "kg.json").exists()
        finally:
            fcntl.flock(held, fcntl.LOCK_UN)
        rest = proc.stderr.read()
        assert proc.wait(timeout=600) == 0, rest
    assert (out / "kg.json").stat().st_size > 0
