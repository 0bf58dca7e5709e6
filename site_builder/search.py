"""Full-text search: index the built pages with Pagefind, with folded forms and aliases for Kazakh and Azerbaijani."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

import cbor2

from site_builder.errors import UserError, problem
from site_builder.staging import die_with_parent

BUNDLE = "pagefind"
TIMEOUT_S = 3600
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


# Pagefind's data files: gzip of this signature followed by CBOR.
_SIGNATURE = b"pagefind_dcd"


def _read_data(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind data file")
    return cbor2.loads(raw[len(_SIGNATURE):])


def _data_file(raw_data: Any) -> tuple[str, bytes]:
    """(content hash, file bytes) of a Pagefind data file holding `raw_data`."""
    raw = _SIGNATURE + cbor2.dumps(raw_data)
    return hashlib.sha256(raw).hexdigest(), gzip.compress(raw, compresslevel=9, mtime=0)


def canonicalize(bundle: Path) -> bool:
    """Make a Pagefind bundle the same bytes for the same pages; False if it is not as expected (left as is).

    Pagefind writes each filter's values, and the list of filters, in the order of a Rust hash map,
    which changes from run to run (Pagefind issue #638), and names the files by their contents: the
    filter files, the metadata file naming them and pagefind-entry.json naming that differ between
    two builds of the same site. Here the values and filters are put in order and the files renamed
    by what they then hold. The rest of the bundle is already stable. Everything is read and checked
    before anything is written.
    """
    entry_path = bundle / "pagefind-entry.json"
    writes: dict[Path, bytes] = {}
    old: list[Path] = []
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        for lang, info in sorted(entry["languages"].items()):
            meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
            meta = _read_data(meta_path)
            filters = []
            for name, hash_ in meta[3]:
                path = bundle / "filter" / f"{hash_}.pf_filter"
                data = _read_data(path)
                data[1].sort(key=lambda value: value[0])
                digest, file = _data_file(data)
                writes[bundle / "filter" / f"{lang}_{digest[:7]}.pf_filter"] = file
                filters.append([name, f"{lang}_{digest[:7]}"])
                old.append(path)
            meta[3] = sorted(filters)
            digest, file = _data_file(meta)
            info["hash"] = f"{lang}_{digest[:10]}"
            writes[bundle / f"pagefind.{info['hash']}.pf_meta"] = file
            old.append(meta_path)
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError, cbor2.CBORDecodeError):
        return False  # another Pagefind version's layout: searchable all the same
    for path in old:
        path.unlink(missing_ok=True)
    for path, file in writes.items():
        path.write_bytes(file)
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    entry_path.write_text(text, encoding="utf-8")
    return True


def index(site: Path, tick: Callable[[], None] | None = None) -> None:
    """Write the Pagefind bundle into `site`/pagefind from the pages marked data-pagefind-body.

    `tick()` is called about twice a second while Pagefind runs (a progress display's clock).
    Pagefind dies with this process, even by kill -9: it must not go on writing into a staging
    folder the next build removes."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--silent"]
    parent = os.getpid()
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: die_with_parent(parent))
    except FileNotFoundError as e:  # pragma: no cover - the pagefind package is a dependency
        raise UserError(problem(site, f"cannot run Pagefind ({e})")) from None
    deadline = time.monotonic() + TIMEOUT_S
    with proc:
        try:
            while True:
                try:
                    stdout, stderr = proc.communicate(timeout=0.5)
                    break
                except subprocess.TimeoutExpired:
                    if time.monotonic() > deadline:
                        raise UserError(problem(site, f"search index failed: Pagefind took over {TIMEOUT_S} s")) from None
                    if tick:
                        tick()
        except BaseException:
            proc.kill()
            raise
    if proc.returncode != 0 or not (site / BUNDLE / "pagefind.js").exists():
        detail = (stderr or stdout).strip().splitlines()
        raise UserError(problem(site, "search index failed: " + (detail[-1] if detail else f"exit {proc.returncode}")))
    canonicalize(site / BUNDLE)
