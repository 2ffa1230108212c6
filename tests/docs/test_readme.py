"""The README says what the code does: settings table, commands, CI entry."""

import re
from pathlib import Path

from assistant.config import settings_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_settings_table_matches_the_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- settings-table:start -->\n(.*?)\n<!-- settings-table:end -->", readme, re.S)
    assert table, "README lost its settings table markers"
    assert table.group(1).strip() == settings_markdown().strip(), (
        "README settings table is stale: run `make docs`"
    )


def test_readme_commands_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    for target in ("demo", "test", "bench", "browser"):
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_cli_commands_in_readme_are_real():
    from typer.main import get_command

    from assistant.cli import app

    commands = set(get_command(app).commands)  # type: ignore[attr-defined]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    used = set(re.findall(r"\.venv/bin/talenta ([a-z-]+)", readme))
    assert used and used <= commands, used - commands
