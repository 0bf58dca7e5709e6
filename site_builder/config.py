"""The site configuration (site.yaml): titles, languages, base URL; unknown keys are errors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from site_builder import yamlio
from site_builder.errors import Problem, UserError, problem
from site_builder.i18n import UI_LANGUAGES

DEFAULT_TITLE = {
    "en": "Kazakhstan–Azerbaijan: a documentary record",
    "ru": "Казахстан — Азербайджан: документальная хроника",
    "kk": "Қазақстан — Әзербайжан: деректі шежіре",
    "az": "Qazaxıstan — Azərbaycan: sənədli salnamə",
}
KEYS = {
    "title": "Site title per interface language.",
    "languages": "Interface languages, in menu order (any of en, ru, kk, az).",
    "default_language": "The language the site root leads to.",
    "base_url": "Where the site is published, e.g. https://user.github.io/repo/ (ends with /).",
    "cname": "Custom domain written to CNAME for GitHub Pages, or null.",
    "publisher": "Who publishes the record (used in citations and feeds).",
    "directory_urls": "Links end at a page's folder (…/2024/), as web servers and GitHub Pages serve them "
                      "(true, the default); false spells out …/2024/index.html, for a copy read from disk.",
}


@dataclass(frozen=True)
class Config:
    title: dict[str, str]
    languages: tuple[str, ...]
    default_language: str
    base_url: str
    """Absolute, ending with a slash."""
    cname: str | None
    publisher: str
    directory_urls: bool = True
    """Whether links name a page's folder (…/x/) rather than its file (…/x/index.html)."""

    @property
    def folder_page(self) -> str:
        """What a link to a page's folder ends with: '' (…/x/) or, for a copy read from disk, 'index.html'."""
        return "" if self.directory_urls else "index.html"

    @property
    def base_path(self) -> str:
        """The path part of base_url: '/' or '/repo/'."""
        return urlsplit(self.base_url).path or "/"


def normalize_base_url(url: str, path: Path | str, line: int | None = None) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(problem(path, f"base_url must be an absolute http(s) URL, not {url!r}", line))
    return url if url.endswith("/") else url + "/"


def load(path: Path, base_url: str | None = None) -> Config:
    """Read `path` (defaults apply when it does not exist); `base_url` overrides the file's."""
    data = yamlio.load(path) if path.exists() else {}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UserError(problem(path, "the site configuration must be a YAML mapping", 1))
    problems: list[Problem] = []
    for key in data:
        if key not in KEYS:
            problems.append(problem(path, f"unknown key {key!r} (known: {', '.join(KEYS)})", yamlio.line_of(data, key)))
    title = dict(DEFAULT_TITLE)
    if "title" in data:
        if isinstance(data["title"], str):
            title = {lang: data["title"] for lang in UI_LANGUAGES}
        elif isinstance(data["title"], dict):
            title.update({k: str(v) for k, v in data["title"].items() if k in UI_LANGUAGES})
        else:
            problems.append(problem(path, "title must be text or a mapping of languages", yamlio.line_of(data, "title")))
    languages = data.get("languages", list(UI_LANGUAGES))
    if not isinstance(languages, list) or not languages or any(lang not in UI_LANGUAGES for lang in languages) \
            or len(set(languages)) != len(languages):
        problems.append(problem(path, f"languages must list some of {', '.join(UI_LANGUAGES)}, each once",
                                yamlio.line_of(data, "languages")))
        languages = list(UI_LANGUAGES)
    default = data.get("default_language", languages[0])
    if default not in languages:
        problems.append(problem(path, f"default_language {default!r} is not among languages",
                                yamlio.line_of(data, "default_language")))
        default = languages[0]
    cname = data.get("cname")
    if cname is not None and (not isinstance(cname, str) or not re.match(r"^[a-z0-9.-]+\.[a-z]{2,}$", cname, re.I)):
        problems.append(problem(path, f"cname must be a domain name such as example.org, not {cname!r}",
                                yamlio.line_of(data, "cname")))
        cname = None
    publisher = str(data.get("publisher") or "site_builder")
    directory_urls = data.get("directory_urls", True)
    if not isinstance(directory_urls, bool):
        problems.append(problem(path, f"directory_urls must be true or false, not {directory_urls!r}",
                                yamlio.line_of(data, "directory_urls")))
        directory_urls = True
    if problems:
        raise UserError(problems)
    url = base_url or data.get("base_url") or "http://localhost:8000/"
    if base_url:
        url = normalize_base_url(url, "--base-url")
    else:
        url = normalize_base_url(str(url), path, yamlio.line_of(data, "base_url"))
    return Config(title, tuple(languages), default, url, cname, publisher, directory_urls)
