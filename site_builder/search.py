"""Full-text search: index the built pages with Pagefind, with folded forms and aliases for Kazakh and Azerbaijani."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from site_builder.errors import UserError, problem

BUNDLE = "pagefind"
# Pagefind has no stemmer for Kazakh or Azerbaijani; a query typed without their letters
# (Алиев for Әлиев, Aliyev for Əliyev) still finds the text through these folded forms.
_FOLD = str.maketrans({
    "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
    "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И",
    "ə": "a", "ğ": "g", "ı": "i", "ş": "s", "ç": "c", "ö": "o", "ü": "u",
    "Ə": "A", "Ğ": "G", "İ": "I", "Ş": "S", "Ç": "C", "Ö": "O", "Ü": "U",
})


def folded_words(texts: list[str]) -> list[str]:
    """Words of `texts` that change when their Kazakh or Azerbaijani letters are folded, folded, in first-seen order."""
    out: dict[str, None] = {}
    for text in texts:
        for word in text.split():
            word = word.strip(".,;:!?«»\"“”„()[]–—-")
            folded = word.translate(_FOLD)
            if folded != word and folded:
                out[folded] = None
    return list(out)


def index(site: Path) -> None:
    """Write the Pagefind bundle into `site`/pagefind from the pages marked data-pagefind-body."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--silent"]
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError as e:  # pragma: no cover - the pagefind package is a dependency
        raise UserError(problem(site, f"cannot run Pagefind ({e})")) from None
    if result.returncode != 0 or not (site / BUNDLE / "pagefind.js").exists():
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise UserError(problem(site, "search index failed: " + (detail[-1] if detail else f"exit {result.returncode}")))
