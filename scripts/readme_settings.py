"""Rewrite the settings table in README.md from assistant.config (run by `make docs`)."""

import re
from pathlib import Path

from assistant.config import settings_markdown

readme = Path(__file__).resolve().parents[1] / "README.md"
text = readme.read_text(encoding="utf-8")
text = re.sub(
    r"(<!-- settings-table:start -->\n).*?(\n<!-- settings-table:end -->)",
    lambda m: m.group(1) + settings_markdown() + m.group(2),
    text,
    flags=re.S,
)
readme.write_text(text, encoding="utf-8")
