"""Build: render content/ through templates/ into a fresh output/, replacing it only on success."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from site_builder import config as site_config
from site_builder import content as ct
from site_builder import exports, i18n, render
from site_builder.errors import UserError, problem
from site_builder.files import replace_dir
from site_builder.pages import Page, Site, pick, route_path

MARKER = ".site-builder"
SEED_NAME = re.compile(r"^[\w][\w.\-]*$")


@dataclass(frozen=True)
class BuildResult:
    pages: int
    files: int
    output: Path
    warnings: tuple[str, ...]


def _meta(page: Page, site: Site, s: dict[str, str]) -> dict:
    """Title, description, Open Graph type and JSON-LD of one page."""
    c, cfg, lang = page.context, site.config, page.lang
    url = exports.permalink(cfg, lang, page.route)
    base = {"@context": "https://schema.org", "url": url, "inLanguage": lang}
    name = page.template.removesuffix(".html")
    if name == "home":
        return {"title": cfg.title[lang], "description": s["about"], "og_type": "website",
                "ld": {**base, "@type": "WebSite", "name": cfg.title[lang], "description": s["about"],
                       "publisher": {"@type": "Organization", "name": cfg.publisher}}}
    if name == "document":
        d = c["doc"]
        desc = f'{d["date"]["text"]} · {d["language_name"]}' + (f' · {d["outlet"]}' if d["outlet"] else "")
        ld = {**base, "@type": "NewsArticle" if d["outlet"] else "CreativeWork", "headline": d["title"][:110],
              "name": d["title"], "inLanguage": d["language"], "isPartOf": {"@type": "WebSite", "name": cfg.title[lang]},
              "about": [t["name"] for t in d["topics"]],
              "mentions": [{"@type": {"person": "Person", "place": "Place"}.get(k, "Organization"), "name": e["name"]}
                           for k, group in (("person", c["people"]), ("place", c["places"]), ("organization", c["organizations"]))
                           for e in group]}
        if d["date"]["iso"]:
            ld["datePublished"] = d["date"]["iso"]
        if d["outlet"]:
            ld["publisher"] = {"@type": "Organization", "name": d["outlet"]}
        return {"title": d["title"], "description": desc, "og_type": "article", "ld": ld, "title_lang": d["language"]}
    if name == "topic":
        t = c["topic"]
        return {"title": t["name"], "description": t["intro"]["text"], "og_type": "website",
                "ld": {**base, "@type": "CollectionPage", "name": t["name"], "description": t["intro"]["text"]}}
    if name == "entity":
        e = c["entity"]
        ld_type = {"person": "Person", "place": "Place"}.get(e["type"], "Organization")
        return {"title": e["name"], "description": e["description"]["text"], "og_type": "profile" if e["type"] == "person" else "website",
                "ld": {**base, "@type": "ProfilePage", "mainEntity": {"@type": ld_type, "name": e["name"],
                                                                     "description": e["description"]["text"]}}}
    titles = {"timeline": (s["timeline"], s["timeline_intro"]), "documents": (s["all_documents"], s["documents_intro"]),
              "topics": (s["all_topics"], s["topics_intro"]), "entities": (s["entities"], s["entities_intro"])}
    title, desc = titles[name]
    return {"title": title, "description": desc, "og_type": "website",
            "ld": {**base, "@type": "CollectionPage", "name": title, "description": desc}}


def _check_output(output: Path) -> None:
    """Refuse to replace a folder that is not a previous build (a typo must not delete content/)."""
    if output.exists() and not output.is_dir():
        raise UserError(problem(output, "output exists and is not a folder"))
    if output.is_dir():
        entries = {p.name for p in output.iterdir()} - {".gitkeep"}
        if entries and MARKER not in entries:
            raise UserError(problem(output, f"not a folder site-builder made (no {MARKER} in it); "
                                            "refusing to replace it — choose another --output or empty it"))


def build(content: Path, output: Path, config_path: Path, templates: Path, static: Path,
          base_url: str | None = None, seeds: Path = Path("seeds")) -> BuildResult:
    """Render the whole site into a staging folder, then swap it in place of `output`."""
    cfg = site_config.load(config_path, base_url)
    corpus = ct.load(content)
    env = render.environment(templates)
    _check_output(output)
    site = Site(corpus, cfg)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-staging-", dir=output.resolve().parent))
    try:
        pages, warnings = _render_all(site, env, templates, static, seeds, staging)
        files = sum(len(f) for _, _, f in os.walk(staging))
        replace_dir(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(pages, files, output, tuple(warnings))


def _write(root: Path, rel: str, text: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.write_bytes(data)


def _common(site: Site, page_path: str, lang: str, route: str | None) -> dict:
    """What every template gets: the language, its words, links relative to this page."""
    cfg = site.config
    s = i18n.strings(lang)

    def url(target: str) -> str:
        return render.relative_url(page_path, target)

    def lurl(route_: str) -> str:
        return url(f"{lang}/{route_}")

    alternates = []
    if route is not None:
        for other in cfg.languages:
            alternates.append({"lang": other, "name": i18n.LANGUAGE_NAMES[other], "href": url(route_path(other, route)),
                               "abs": exports.permalink(cfg, other, route), "current": other == lang})
    return {
        "lang": lang, "t": s, "url": url, "lurl": lurl, "alternates": alternates,
        "site": {"title": cfg.title[lang], "languages": cfg.languages, "default_language": cfg.default_language,
                 "base_url": cfg.base_url, "publisher": cfg.publisher},
        "og_locale": i18n.OG_LOCALES[lang],
        "og_alternates": [i18n.OG_LOCALES[o] for o in cfg.languages if o != lang],
        "language_names": i18n.LANGUAGE_NAMES,
        "text_language_names": i18n.TEXT_LANGUAGE_NAMES[lang],
        "page_path": page_path,
        "canonical": exports.permalink(cfg, lang, route) if route is not None else cfg.base_url,
        "feed": url(f"{lang}/feed.xml"),
    }


def _render_all(site: Site, env, templates: Path, static: Path, seeds: Path, out: Path) -> tuple[int, list[str]]:
    cfg, corpus = site.config, site.corpus
    warnings: list[str] = []
    html_paths: list[str] = []
    count = 0
    for page in site.pages():
        ctx = {**_common(site, page.path, page.lang, page.route), **page.context, "route": page.route,
               "template": page.template}
        ctx["meta"] = _meta(page, site, ctx["t"])
        _write(out, page.path, render.render(env, page.template, ctx, templates))
        html_paths.append(page.path)
        count += 1
    # The site root shows the default language's home page (its canonical URL is the language
    # folder), so the address people type works without a redirect or JavaScript.
    home = site.home(cfg.default_language)
    root_ctx = {**_common(site, "index.html", home.lang, home.route), **home.context, "route": "", "template": "home.html"}
    root_ctx["meta"] = _meta(home, site, root_ctx["t"])
    _write(out, "index.html", render.render(env, "home.html", root_ctx, templates))
    nf = {**_common(site, "404.html", cfg.default_language, None), "route": None, "template": "404.html",
          "base_path": cfg.base_path}
    nf["meta"] = {"title": nf["t"]["not_found"], "description": nf["t"]["not_found_text"], "og_type": "website",
                  "ld": {"@context": "https://schema.org", "@type": "WebPage", "name": nf["t"]["not_found"]}}
    _write(out, "404.html", render.render(env, "404.html", nf, templates))
    count += 2
    for lang in cfg.languages:
        _write(out, f"{lang}/feed.xml", exports.atom_feed(corpus, cfg, lang))
    _write(out, "sitemap.xml", exports.sitemap(cfg, html_paths))
    _write(out, "robots.txt", exports.robots(cfg))
    for rel, text in exports.data_files(corpus, cfg).items():
        _write(out, rel, text)
    for d in corpus.documents:
        _write(out, f"data/cite/{d.id}.json", exports.csl_json(corpus, cfg, d))
        _write(out, f"data/cite/{d.id}.bib", exports.bibtex(corpus, cfg, d))
        warnings.extend(_copy_seed(d, seeds, out))
    if static.is_dir():
        shutil.copytree(static, out / "static", dirs_exist_ok=True)
    _write(out, ".nojekyll", "")
    if cfg.cname:
        _write(out, "CNAME", cfg.cname + "\n")
    _write(out, MARKER, "This folder is generated by site-builder build; it is replaced on every build.\n")
    return count, warnings


def _copy_seed(d: ct.Document, seeds: Path, out: Path) -> list[str]:
    """Copy the document's raw seed into the site, byte for byte."""
    if not SEED_NAME.match(d.seed):
        return [f"{d.path}: seed {d.seed!r} is not a plain file name; raw text not published"]
    src = seeds / d.seed
    if not src.is_file():
        return [f"{d.path}: seed {src} not found; raw text not published"]
    data = src.read_bytes()
    warnings = []
    if d.seed_sha256 and hashlib.sha256(data).hexdigest() != d.seed_sha256:
        warnings.append(f"{src}: text changed since it was ingested (seed_sha256 differs)")
    _write(out, f"seeds/{d.seed}", data)
    return warnings
