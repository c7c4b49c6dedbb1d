"""The `zine serve` command itself: where it runs, and a port already taken (issue 23)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from builder.cli import main, parser

from conftest import SAMPLE


def test_serve_is_a_command_with_its_options() -> None:
    args = parser().parse_args(["serve", "somewhere", "--port", "0", "--open"])
    assert (args.dir, args.port, args.open) == (Path("somewhere"), 0, True)
    assert parser().parse_args(["serve"]).port == 8023


def test_serve_outside_a_zine_says_where_to_run_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(tmp_path), "--port", "0"]) == 1
    assert "no zine here (no content/zine.toml): run zine serve in the folder zine new made" in capsys.readouterr().err


def test_a_port_already_taken_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", str(SAMPLE), "--port", str(port)]) == 1
    assert f"error: cannot listen on 127.0.0.1:{port}: Address already in use" in capsys.readouterr().err
