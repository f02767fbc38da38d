"""Running command-line verbs in-process, the way a user's shell would see them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from planner.app import main


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


@pytest.fixture
def cli(capsys):
    """Runs ``leadership-planner ARGS...`` in-process; returns its exit code and output."""

    def run(*argv) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def demo_db(cli, tmp_path):
    """A database made by the ``demo`` verb."""
    path = tmp_path / "demo" / "plan.db"
    result = cli("demo", "--db", path)
    assert result.code == 0, result.err
    return path
