"""The small fixture site copied into a test's folder, with the real templates, and copies of one entry."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "site_small"


def small_site(root: Path) -> Path:
    """A copy of the small fixture site (content, seeds, static, site.yaml) and the real templates, in `root`."""
    for name in ("content", "seeds", "static"):
        shutil.copytree(SMALL / name, root / name)
    shutil.copyfile(SMALL / "site.yaml", root / "site.yaml")
    shutil.copytree(ROOT / "templates", root / "templates")
    return root


def add_copies(root: Path, count: int, width: int = 0) -> None:
    """`count` more documents in `root`'s content, copies of the cable entry with ids copy-<i> (i zero-padded
    to `width`) and titles "Power cable report number <i>"."""
    docs = root / "content" / "documents"
    entry = (docs / "en-cable-2024.md").read_text(encoding="utf-8")
    for i in range(count):
        text = entry.replace("id: en-cable-2024", f"id: copy-{i:0{width}d}").replace(
            "title: Power cable under the Caspian agreed", f"title: Power cable report number {i}")
        (docs / f"copy-{i:0{width}d}.md").write_text(text, encoding="utf-8")
