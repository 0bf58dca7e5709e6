"""Build: render content/ into output/, whole into a fresh folder swapped in, or only what an edit affects."""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import re
import shutil
import signal
import time
import dataclasses
from dataclasses import dataclass, fields
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

import jinja2

from site_builder import cache as parse_cache
from site_builder import config as site_config
from site_builder import content as ct
from site_builder import knowledge as kb
from site_builder import exports, i18n, progress, render, search, snapshot
from site_builder.errors import Problem, UserError, problem
from site_builder.files import replace_dir, write_bytes
from site_builder.pages import FAMILY, ROWS_PER_PAGE, TITLE_ORDERED, Page, PageSpec, Site, page_count
from site_builder.staging import Staging, die_with_parent

MARKER = ".site-builder"
SEED_NAME = re.compile(r"^[\w][\w.\-]*$")
# Below this many pages a pool of processes costs more than it saves.
POOL_MIN_PAGES = 48
CHUNK_PAGES = 12
# Document fields that only the document's own pages and the data exports show: a change to
# nothing else leaves every list, index, hub and related page as it was. doc_summary() is
# compared as well, so a field these pages start showing is noticed (see affected()).
BODY_FIELDS = frozenset({"paragraphs", "leftovers", "date_evidence", "outlet_cites", "seed", "seed_sha256",
                         "path", "extra"})
LIST_FIELDS = frozenset({"title", "title_translations", "summary"})
"""The fields of a document lists show, on which no list, index or count depends."""


@dataclass(frozen=True)
class Project:
    """Where a site's sources are, and where it is built."""

    content: Path
    output: Path
    config: Path = Path("site.yaml")
    templates: Path = Path("templates")
    static: Path = Path("static")
    seeds: Path = Path("seeds")
    base_url: str | None = None
    """Overrides base_url of the configuration."""

    def whole_site_inputs(self) -> tuple[Path, ...]:
        """Files and folders whose change re-renders every page."""
        return (self.config, self.templates, self.static,
                *(self.content / name for name in ("topics.yaml", "entities.yaml", "calendar.yaml")))


@dataclass(frozen=True)
class BuildResult:
    pages: int
    files: int
    output: Path
    warnings: tuple[str, ...]
    bytes: int = 0
    remade: int | None = None
    """Pages written from the last build's output (site_builder.snapshot); None: the whole site was built."""


@dataclass(frozen=True)
class Affected:
    """What a change of content shows on: the pages and files to make again."""

    everything: bool = False
    """The knowledge, the configuration or the set of entity pages changed: all pages."""
    lists: bool = False
    """Pages that are not about one document, topic or entity (home, indexes, timeline …)."""
    documents: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()
    changed: frozenset[str] = frozenset()
    """Documents whose entry changed (their own pages come first) or whose seed did."""
    removed: frozenset[str] = frozenset()
    """Documents that are gone: their pages and files are deleted."""
    exports: bool = False
    """Feeds, sitemap and data files."""
    shown: frozenset[str] = frozenset()
    """Documents and events that changed as lists show them: a page of a list that shows none of
    them, and shows the same items as before, stays as it is (PageSpec.items)."""

    def wants(self, spec: PageSpec) -> bool:
        if self.everything:
            return True
        family = FAMILY.get(spec.kind)
        if family == "document":
            return spec.about in self.documents
        if family == "topic":
            return spec.about in self.topics
        if family == "entity":
            return spec.about in self.entities
        # Any other page (and any kind added later) is treated as a list of everything.
        return self.lists


@dataclass(frozen=True)
class Update:
    """What one rebuild after an edit did."""

    full: bool
    """Everything was built again (into a fresh folder swapped in)."""
    pages: tuple[str, ...]
    """Site paths of the pages written, the edited documents' own pages first."""
    removed: tuple[str, ...]
    warnings: tuple[str, ...]
    timings: tuple[tuple[str, float], ...]
    """(phase, seconds since the update began) at the end of each phase: load, own pages, pages, files."""

    def seconds(self, phase: str) -> float | None:
        return dict(self.timings).get(phase)


@dataclass(frozen=True)
class _Inputs:
    """Everything one build renders from."""

    site: Site
    env: jinja2.Environment
    templates: Path
    static: Path
    seeds: Path
    unpublished: frozenset[str]
    """Documents whose raw seed cannot be published: their page does not link it."""


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _meta(page: Page, site: Site, s: dict[str, str]) -> dict:
    """Title, description, Open Graph type and JSON-LD of one page."""
    c, cfg, lang = page.context, site.config, page.lang
    url = exports.permalink(cfg, lang, page.route)
    # A page's address is its canonical link and og:url; only the home page's JSON-LD repeats it (a WebSite's url).
    base = {"@context": "https://schema.org", "inLanguage": lang}
    name = page.template.removesuffix(".html")
    if name == "home":
        return {"title": cfg.title[lang], "description": s["about"], "og_type": "website",
                "ld": {**base, "url": url, "@type": "WebSite", "name": cfg.title[lang], "description": s["about"],
                       "publisher": {"@type": "Organization", "name": cfg.publisher}}}
    if name == "document":
        d = c["doc"]
        desc = f'{d["date"]["text"]} · {d["language_name"]}' + (f' · {d["outlet"]}' if d["outlet"] else "")
        original = d["original_title"] or d["title"]
        ld = {**base, "@type": "NewsArticle" if d["outlet"] else "CreativeWork", "headline": original[:110],
              "inLanguage": d["language"], "about": [t["name"] for t in d["topics"]]}
        if d["date"]["iso"]:
            ld["datePublished"] = d["date"]["iso"]
        if d["outlet"]:
            ld["publisher"] = {"@type": "Organization", "name": d["outlet"]}
        if len(original) > 110:
            ld["name"] = original  # the whole title, where the headline is cut
        if d["original_title"]:
            ld["alternativeHeadline"] = d["title"]
        if d["summary"]:
            desc = d["summary"]
            ld["abstract"] = d["summary"]
        return {"title": d["title"], "description": desc, "og_type": "article", "ld": ld, "title_lang": d["language"]}
    if name == "topic":
        t = c["topic"]
        return {"title": _page_title(t["name"], c, s), "description": t["intro"]["text"], "og_type": "website",
                "ld": {**base, "@type": "CollectionPage", "name": t["name"], "description": t["intro"]["text"]}}
    if name == "entity":
        e = c["entity"]
        ld_type = {"person": "Person", "place": "Place"}.get(e["type"], "Organization")
        return {"title": e["name"], "description": e["description"]["text"], "og_type": "profile" if e["type"] == "person" else "website",
                "ld": {**base, "@type": "ProfilePage", "mainEntity": {"@type": ld_type, "name": e["name"],
                                                                     "description": e["description"]["text"]}}}
    titles = {"timeline": (s["timeline"], s["timeline_intro"]), "documents": (s["all_documents"], s["documents_intro"]),
              "topics": (s["all_topics"], s["topics_intro"]), "entities": (s["entities"], s["entities_intro"]),
              "search": (s["search"], s["search_intro"]), "outlets": (s["outlets"], s["outlets_intro"])}
    if name == "timeline_year":
        title = s["events_of_year"].replace("{year}", c["year"]) if c["year"] else f'{s["timeline"]}: {c["year_label"]}'
        titles[name] = (title, f'{title}: {c["pager"]["total"]} {i18n.counted(c["pager"]["total"], "events", lang)}')
    if name == "list":
        title = c["heading"] + (f': {c["subject"]["text"]}' if c.get("subject") else "")
        total = c["pager"]["total"]
        titles[name] = (title, f"{title}: {total} {i18n.counted(total, c['what'], lang)}")
    title, desc = titles[name]
    return {"title": _page_title(title, c, s), "description": desc, "og_type": "website",
            "ld": {**base, "@type": "CollectionPage", "name": title, "description": desc}}


def _page_title(title: str, context: dict, s: dict[str, str]) -> str:
    """A list's title, with its page number from the second page on (each page's title is its own)."""
    pager = context.get("pager")
    return f'{title} — {s["page"]} {pager["n"]}' if pager and pager["n"] > 1 else title


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
          base_url: str | None = None, seeds: Path = Path("seeds"), jobs: int | None = None,
          phases: progress.Phases | None = None, cache: bool = True) -> BuildResult:
    """Render the whole site into a staging folder, then swap it in place of `output`."""
    project = Project(content, output, config_path, templates, static, seeds, base_url)
    return Builder(project, jobs=jobs, phases=phases, cache=cache).full()


class Builder:
    """Builds a project, and keeps what it built from, so that after an edit only what it affects is made again.

    `full()` is the build of `site-builder build`; `update(paths)` is what `serve` runs after
    files change, and writes exactly the bytes a full build would (each file replaced in one step).
    """

    def __init__(self, project: Project, jobs: int | None = None, index_search: bool = True,
                 phases: progress.Phases | None = None, cache: bool = True):
        self.project = project
        self.jobs = jobs or available_cpus()
        self.index_search = index_search
        """Run the search indexer in the build (serve indexes in the background instead)."""
        self.serving = not index_search
        """Serve's builder, which renders again after each edit: it keeps the lines of lists and the key
        quotes that a full build's render processes make (render.LineCache, Site.take_carry), and keeps
        what a full build made out of the garbage collector's walks (gc.freeze)."""
        self.phases = phases
        """Where full builds report their phases (none: silent, as serve's rebuilds are)."""
        # The parse cache lives beside the output (site_builder.cache): a rebuild reads only changed files.
        self._cache = ct.LoadCache(parse_cache.folder_for(project.output) if cache else None)
        self._snapshots = cache and index_search
        """Keep what each full build made beside the cache, and start from it (site_builder.snapshot).
        Not in serve, which writes into the output after its first build."""
        self._last: _Inputs | None = None
        self._paths: dict[tuple[str, str | None, str], str] = {}
        """Site path of every page of the last build, by (kind, key, lang)."""
        self._records: dict = {}
        """The data files' records an update made, for the next one (exports.data_files)."""
        self._plan: list[PageSpec] | None = None
        """The plan of the last build or update, if it made one (the next update compares its lists with it)."""
        self._record_failed = False
        """The last update's load of the record failed (the next one loads it whole)."""

    @property
    def config(self) -> site_config.Config | None:
        """The configuration of the last good build."""
        return self._last.site.config if self._last else None

    @property
    def site(self) -> Site | None:
        """What the last good build rendered (serve indexes it for search)."""
        return self._last.site if self._last else None

    def _inputs(self, site: Site, env: jinja2.Environment, previous: _Inputs | None = None) -> _Inputs:
        """With `previous` (the last build's, no seed changed since), only the documents that changed are
        looked for in the seeds folder."""
        p = self.project

        def unpublished(d: ct.Document) -> bool:
            if previous is not None and previous.site.docs.get(d.id) is d:
                return d.id in previous.unpublished
            return not (SEED_NAME.match(d.seed) and (p.seeds / d.seed).is_file())

        return _Inputs(site, env, p.templates, p.static, p.seeds,
                       frozenset(d.id for d in site.corpus.documents if unpublished(d)))

    def full(self) -> BuildResult:
        """Render the whole site into a staging folder, then swap it in place of the output."""
        p = self.project
        phases = self.phases or progress.silent()
        # Until this build succeeds, nothing on disk can be trusted to be up to date.
        self._last = None
        if self.serving:
            # What the last full build froze may be garbage now (the templates' environment, its lines).
            gc.unfreeze()
        with phases.phase("load", unit="documents") as bar:
            cfg = site_config.load(p.config, p.base_url)
            self._cache.prefetch(p.content, self.jobs)
            try:
                corpus = ct.load(p.content, self._cache)
            finally:
                self._cache.save()
            env = render.environment(p.templates)
            bar.update(len(corpus.documents))
        _check_output(p.output)
        inputs = self._inputs(Site(corpus, cfg), env)
        snap_key = None
        if self._snapshots:
            snap_key = snapshot.key(output=p.output, config=p.config, base_url=p.base_url, templates=p.templates,
                                    static=p.static, seeds=p.seeds,
                                    knowledge=tuple(p.content / name for name in kb.KNOWLEDGE_FILES))
            snap = snapshot.load(p.output, snap_key)
            if snap is not None:
                done = self._from_snapshot(inputs, snap, snap_key, phases)
                if done is not None:
                    return done
        else:
            # This output will change without a snapshot of it: none may describe it.
            snapshot.forget(p.output)
        try:
            p.output.parent.mkdir(parents=True, exist_ok=True)
            # Also removes the staging folders of builds that were killed.
            stage = Staging.create(p.output)
        except OSError as e:
            raise UserError(problem(p.output, f"cannot write the site there ({e.strerror or e})")) from None
        staging = stage.site
        try:
            plan = inputs.site.plan()
            with phases.phase("render", total=len(plan) + 2, unit="pages") as bar:
                paths, warnings = _render_all(inputs, plan, staging, self.jobs, bar.update, self.serving,
                                              self._records)
            if self.index_search:
                with phases.phase("search index"):
                    search.index(inputs.site, staging)
            elif (p.output / search.BUNDLE).is_dir():
                # Serve indexes in the background: keep the last index until the next one is ready.
                os.replace(p.output / search.BUNDLE, staging / search.BUNDLE)
            with phases.phase("swap"):
                files, size = _tree_size(staging)
                replace_dir(staging, p.output)
        except OSError as e:
            # A full disk, a folder made read-only: the previous output stays as it was.
            where = Path(e.filename) if e.filename else p.output
            raise UserError(problem(where, f"cannot write the site ({e.strerror or e})")) from None
        finally:
            stage.close()
        self._last, self._paths, self._plan = inputs, paths, plan
        self._record_failed = False
        if snap_key is not None:
            self._save_snapshot(snap_key, inputs, tuple(warnings))
        if self.serving:
            _warm_lines(inputs)
            # Serve keeps this record, its views and lines for as long as it runs: a collection of the
            # oldest generation, which an update's new objects set off, would walk them all (1.2 s at
            # 10,000 documents, in every update). Frozen, it walks only what updates made since.
            gc.collect()
            gc.freeze()
        phases.count(pages=len(paths) + 2, files=files, bytes=size)
        return BuildResult(len(paths) + 2, files, p.output, tuple(warnings), size)

    def _save_snapshot(self, key: str, inputs: _Inputs, warnings: tuple[str, ...]) -> None:
        p, corpus = self.project, inputs.site.corpus
        try:
            found = snapshot.manifest(p.output)
        except OSError:
            snapshot.forget(p.output)
            return
        snapshot.save(p.output, snapshot.Snapshot(
            key, corpus, dict(self._paths), snapshot.seed_stamps(p.seeds, {d.seed for d in corpus.documents}),
            found, warnings))

    def _from_snapshot(self, inputs: _Inputs, snap: snapshot.Snapshot, key: str,
                       phases: progress.Phases) -> BuildResult | None:
        """Build from the last build's output what changed since (None: everything did)."""
        p, site = self.project, inputs.site
        old = self._inputs(Site(snap.corpus, site.config), inputs.env)
        names = {d.seed for d in site.corpus.documents} | set(snap.seeds)
        now = snapshot.seed_stamps(p.seeds, names)
        seeds = {n for n in names if now.get(n) != snap.seeds.get(n)}
        affected = affected_by(old.site, site, seeds)
        if affected.everything:
            return None
        if not (affected.lists or affected.documents or affected.topics or affected.entities or affected.changed
                or affected.removed or affected.exports or seeds):
            # Nothing changed: the output is what this build would make, byte for byte.
            self._last, self._paths, self._plan = inputs, dict(snap.paths), None
            size = sum(v[0] for v in snap.output.values())
            phases.count(pages=len(snap.paths) + 2, files=len(snap.output), bytes=size)
            return BuildResult(len(snap.paths) + 2, len(snap.output), p.output, snap.warnings, size, 0)
        try:
            stage = Staging.create(p.output)
        except OSError as e:
            raise UserError(problem(p.output, f"cannot write the site there ({e.strerror or e})")) from None
        try:
            with phases.phase("reuse"):
                try:
                    snapshot.link_tree(p.output, stage.site)
                except OSError:
                    # No hard links here (another file system, a limit): build it all.
                    return None
            self._last, self._paths, self._plan = old, dict(snap.paths), None
            try:
                with phases.phase("render", unit="pages") as bar:
                    update = self._write_update(inputs, affected, seeds, [], [], time.perf_counter(), out=stage.site)
                    bar.update(len(update.pages))
                if affected.changed or affected.removed or affected.shown:
                    with phases.phase("search index"):
                        shutil.rmtree(stage.site / search.BUNDLE, ignore_errors=True)
                        search.index(site, stage.site)
                warnings = [w for d in site.corpus.documents for w in _seed_warnings(d, p.seeds)]
                with phases.phase("swap"):
                    files, size = _tree_size(stage.site)
                    replace_dir(stage.site, p.output)
            except OSError as e:
                self._last = None
                where = Path(e.filename) if e.filename else p.output
                raise UserError(problem(where, f"cannot write the site ({e.strerror or e})")) from None
            except BaseException:
                self._last = None
                raise
        finally:
            stage.close()
        self._save_snapshot(key, inputs, tuple(warnings))
        phases.count(pages=len(self._paths) + 2, files=files, bytes=size)
        return BuildResult(len(self._paths) + 2, files, p.output, tuple(warnings), size, len(update.pages))

    def update(self, changed: Iterable[Path]) -> Update:
        """Make again what the changed files affect; a UserError leaves the output as it was.

        A changed seed is ingested first (new seeds become entries; an entry is never overwritten).
        Templates, static files, the configuration or the knowledge files rebuild everything.
        """
        start = time.perf_counter()
        p = self.project
        changed = [Path(c) for c in changed]
        self._cache.forget(changed)
        if self._last is None or not p.output.is_dir() or any(_within(c, w) for c in changed
                                                                for w in p.whole_site_inputs()):
            result = self.full()
            return Update(True, (), (), result.warnings, (("pages", time.perf_counter() - start),))
        warnings: list[str] = []
        seeds = {c.name for c in changed if _within(c, p.seeds)}
        if seeds:
            from site_builder.ingest import ingest

            report = ingest(p.seeds, p.content)
            warnings.extend(str(w) for w in report.warnings)
            if report.problems:
                raise UserError(report.problems)
        old = self._last
        timings: list[tuple[str, float]] = []
        before, patched = ({}, None) if seeds else self._preview(changed)
        if before:
            timings.append(("own pages", time.perf_counter() - start))
        # The edit alone is read (not the whole record) only when the record read whole at the last
        # update: after one that failed, the next loads it all, to report what is still wrong.
        if patched is not None and not self._record_failed and self._body_only(patched):
            try:
                return self._body_update(patched, warnings, timings, start)
            except BaseException:
                self._last = None
                raise
        listed = patched is not None and not self._record_failed and self._body_only(patched, LIST_FIELDS)
        if listed:
            # Changed only in what lists show of them (a title): the last site, with the documents in
            # its lists, is the new one; nothing else is read.
            site = old.site.with_listed_documents([patched.docs[i] for i in sorted(patched.docs)
                                                   if patched.docs[i] is not old.site.docs[i]])
        else:
            try:
                corpus = ct.load(p.content, self._cache)
            except UserError:
                self._record_failed = True
                _restore(p.output, before)
                raise
            self._record_failed = False
            site = Site(corpus, old.site.config)
            site.carry_over(old.site)
        inputs = self._inputs(site, old.env, None if seeds else old)
        affected = affected_by(old.site, site, seeds)
        timings.append(("load", time.perf_counter() - start))
        if affected.everything:
            result = self.full()
            return Update(True, (), (), tuple(warnings) + result.warnings,
                          (*timings, ("pages", time.perf_counter() - start)))
        try:
            return self._write_update(inputs, affected, seeds, warnings, timings, start, previewed=bool(before),
                                      listed=listed)
        except BaseException:
            # Some files may be written already: the next update cannot trust what is on disk.
            self._last = None
            raise

    def _body_only(self, site: Site, also: frozenset[str] = frozenset()) -> bool:
        """Whether the documents `site` has in place of the last build's changed only where their own
        pages and the data files show it (BODY_FIELDS), their raw texts and the events citing them
        still agree: then the last build's site, with them in place, is the new site. With `also`,
        whether they changed only there and in the fields `also` names."""
        old = self._last.site if self._last else None
        if old is None:
            return False
        changed = [d for i, d in site.docs.items() if old.docs.get(i) is not d]
        for d in changed:
            before = old.docs[d.id]
            if d.seed != before.seed:
                return False
            if also:
                if any(getattr(d, f.name) != getattr(before, f.name) for f in fields(d)
                       if f.name not in BODY_FIELDS and f.name not in also):
                    return False
            elif _shown_elsewhere(old, site, d.id):
                return False
            for ev in old.events_of_doc.get(d.id, ()):
                if any(s.document == d.id and any(n > len(d.paragraphs) for n in s.paragraphs) for s in ev.sources):
                    return False  # the full load says which event
        return True

    def _body_update(self, site: Site, warnings: list[str], timings: list[tuple[str, float]], start: float) -> Update:
        """The rest of an update whose documents changed only on their own pages (their pages are written)."""
        old = self._last
        assert old is not None
        inputs = dataclasses.replace(old, site=site)
        affected = affected_by(old.site, site)
        timings.append(("pages", time.perf_counter() - start))
        docs = [site.docs[i] for i in sorted(affected.changed)]
        parts = export_parts(old.site, site, affected, False)
        warnings.extend(_write_exports(inputs, self.project.output, sorted(self._paths.values()), docs,
                                       _put_if_changed, parts, self._records))
        timings.append(("files", time.perf_counter() - start))
        self._last = inputs
        order = [self._paths[("document", i, lang)] for i in sorted(affected.changed) for lang in site.config.languages]
        return Update(False, tuple(order), (), tuple(warnings), tuple(timings))

    def _preview(self, changed: list[Path]) -> tuple[dict[str, bytes | None], Site | None]:
        """Write the own pages of edited documents before anything else is read: {site path: its bytes before}.

        Only for an edit of existing entries (nothing added, removed or renamed): each is read alone
        and its pages rendered from the last build's site with the entry put in its place, so the
        editor's page is on disk in tens of milliseconds, not after the whole record is loaded and
        planned. The update then makes these pages again from the new site and writes what a full
        build would; if the edit does not build, the pages are put back as they were. Nothing
        (an empty dict) when the edit is not of that kind or the entry itself does not read. With the
        pages, the site they were rendered from.
        """
        old, p = self._last, self.project
        assert old is not None
        doc_dir = p.content / ct.DOCUMENTS
        # The entries as the load names them (serve may name them otherwise: resolved, absolute).
        entries = [doc_dir / c.name for c in changed]
        try:
            if not changed or any(c.suffix != ".md" or c.stem not in old.site.docs or not e.is_file()
                                  or c.resolve() != e.resolve() for c, e in zip(changed, entries)):
                return {}, None
        except OSError:
            return {}, None
        problems: list[Problem] = []
        try:
            docs = [self._cache.document(e, old.site.k, problems) for e in entries]
        except (UserError, OSError):
            return {}, None
        if problems or any(d.id not in old.site.docs or old.site.docs[d.id].path != d.path for d in docs):
            return {}, None
        site = old.site.with_documents(docs)
        inputs = dataclasses.replace(old, site=site)
        own = [site.document_spec(d, lang) for d in docs for lang in site.config.languages]
        before: dict[str, bytes | None] = {}
        for spec in own:
            rel = self._paths.get((spec.kind, spec.key, spec.lang))
            if rel is None:
                return {}, None
            path = p.output / rel
            before[rel] = path.read_bytes() if path.is_file() else None
        try:
            _render_pages(inputs, own, p.output, 1, atomic=True)
        except UserError:
            _restore(p.output, before)
            return {}, None
        return before, site

    def _write_update(self, inputs: _Inputs, affected: Affected, seeds: set[str], warnings: list[str],
                      timings: list[tuple[str, float]], start: float, out: Path | None = None,
                      previewed: bool = False, listed: bool = False) -> Update:
        """Write what `affected` names into `out` (the output), each file replaced in one step. `listed`:
        the site is the last one with documents changed only in what lists show (with_listed_documents)."""
        old, site, corpus = self._last, inputs.site, inputs.site.corpus
        assert old is not None
        out = out or self.project.output
        # The edited documents' own pages first, before the plan of every page is made.
        own = [site.document_spec(site.docs[i], lang) for i in sorted(affected.changed) for lang in site.config.languages]
        written = _render_pages(inputs, own, out, 1, atomic=True)
        # After a preview (Builder._preview) these are made again from the whole new site.
        timings.append(("own pages again" if previewed else "own pages", time.perf_counter() - start))
        last = self._plan if self._plan is not None else old.site.plan()
        # (What a page of `last` showed is made once: where the update that planned it looked, it is known.)
        before = {(s.kind, s.key, s.lang): s.items for s in last if s.items}
        if listed:
            # Every list holds what it held: the pages of the topics and entities the edit is not about
            # are planned as they were (and are not made again).
            def subject(family: str, about: str) -> bool:
                return about in (affected.topics if family == "topic" else affected.entities)

            plan = site.plan(documents=affected.documents.__contains__, subjects=subject, lists=False)
            # What each page shows is known from the last: it is the same (but where titles order a list).
            plan = [s if s.items is None or s.kind in TITLE_ORDERED else s._replace(
                items=before.get((s.kind, s.key, s.lang), s.items)) for s in plan]
            # The other pages are the last plan's (those made again are made from the new site, below).
            planned_now = {(s.kind, s.key, s.lang) for s in plan}
            plan.extend(s for s in last if s.kind != "document" and (s.kind, s.key, s.lang) not in planned_now)
        else:
            plan = site.plan(documents=affected.documents.__contains__)
        specs = [s for s in plan if affected.wants(s)]
        if not affected.everything:
            # A page of a list that shows what it showed, none of it changed, is left as it is.
            def needed(spec: PageSpec) -> bool:
                was = before.get((spec.kind, spec.key, spec.lang))
                if spec.items is None or was is None:
                    return True
                if listed and spec.kind not in TITLE_ORDERED:
                    # What it shows is what it showed (no index changed): is any of it the edit's?
                    return not affected.shown.isdisjoint(was())
                now = spec.items()
                return now != was() or not affected.shown.isdisjoint(now)

            specs = [s for s in specs if needed(s)]
        if listed:
            specs = [s if s.make.func.__self__ is site else s._replace(make=partial(getattr(site, s.kind), *s.make.args))
                     for s in specs]
        rest = [s for s in specs if not (s.kind == "document" and s.key in affected.changed)]
        # Chosen here, not in the render workers, so that the next update can take them over (Site.carry_over).
        for tid in sorted({s.about for s in rest if s.kind == "topic" and s.about}):
            site.key_quotes(tid)
        # Serve renders in this process, where the lines of lists are (render.LineCache): at 10,000
        # documents, two forked processes took 4.7–5.5 s for the pages of a title edit, this one 1.8–3.7 s
        # (each fork copies the memory it touches, and what it renders is lost with it).
        jobs = 1 if self.serving else self.jobs
        written.update(_render_pages(inputs, rest, out, jobs, atomic=True, keep_lines=self.serving))
        # Pages no longer planned (a removed document's, the last page of a list that got shorter) go.
        # (Every document has its pages: those of the documents the plan left out are all still there.)
        planned = {(s.kind, s.key, s.lang) for s in plan}
        paths = {k: v for k, v in self._paths.items() if k in planned or (k[0] == "document" and k[1] in site.docs)}
        paths.update(written)
        removed = sorted(set(self._paths.values()) - set(paths.values()))
        for rel in removed:
            (out / rel).unlink(missing_ok=True)
            _remove_empty_dirs(out, (out / rel).parent)
        if affected.lists:
            _render_root(inputs, out, _put)
        timings.append(("pages", time.perf_counter() - start))
        if affected.exports or affected.changed:
            docs = [site.docs[i] for i in sorted(affected.changed) if i in site.docs]
            parts = export_parts(old.site, site, affected, set(paths.values()) != set(self._paths.values()))
            warnings.extend(_write_exports(inputs, out, sorted(paths.values()), docs, _put_if_changed, parts,
                                           self._records))
            for i in sorted(affected.removed):
                for rel in (f"data/cite/{i}.json", f"data/cite/{i}.bib"):
                    (out / rel).unlink(missing_ok=True)
            used = {d.seed for d in corpus.documents if d.id not in inputs.unpublished}
            for name in sorted({old.site.docs[i].seed for i in affected.removed} | seeds):
                if name not in used and SEED_NAME.match(name):
                    (out / "seeds" / name).unlink(missing_ok=True)
        timings.append(("files", time.perf_counter() - start))
        self._last, self._paths, self._plan = inputs, paths, plan
        order = [written[(s.kind, s.key, s.lang)] for s in own + rest]
        return Update(False, tuple(order), tuple(removed), tuple(warnings), tuple(timings))


def affected_by(old: Site, new: Site, seeds: Iterable[str] = ()) -> Affected:
    """The pages and files a change from `old` to `new` content shows on.

    A document's pages show its related documents and the events it shares (with their
    sources); a topic's or entity's page shows its documents and the events they report
    (Site.showing); the other pages list everything. A document whose change shows nowhere
    but on its own pages (BODY_FIELDS) re-renders only those and the data exports.
    """
    if old.k != new.k or old.config != new.config or old.entity_ids != new.entity_ids:
        return Affected(everything=True)
    ids = old.docs.keys() | new.docs.keys()
    changed = {i for i in ids if old.docs.get(i) is not new.docs.get(i) and old.docs.get(i) != new.docs.get(i)}
    listed = {i for i in changed if _shown_elsewhere(old, new, i)}
    old_events = {ev.id: ev for ev in old.corpus.events}
    new_events = {ev.id: ev for ev in new.corpus.events}
    events = {i for i in old_events.keys() | new_events.keys() if old_events.get(i) != new_events.get(i)}
    seeds = set(seeds)
    changed |= {d.id for d in new.corpus.documents if d.seed in seeds}
    docs, topics, entities = set(changed), set(), set()

    def event_changed(site: Site, ev) -> None:
        docs.update(ev.documents)
        docs.update(s.document for s in ev.sources)
        shown_topics, shown_entities = site.showing(ev)
        topics.update(shown_topics)
        entities.update(shown_entities)

    for i in listed:
        for site in (old, new):
            d = site.docs.get(i)
            if d is None:
                continue
            docs.update(site.same_event.get(i, ()))
            topics.update(d.topics)
            entities.update(d.entities + tuple(q.speaker for q in d.quotes if q.speaker))
            for ev in site.events_of_doc.get(i, ()):
                event_changed(site, ev)
    for i in events:
        for site, by_id in ((old, old_events), (new, new_events)):
            if i in by_id:
                event_changed(site, by_id[i])
    return Affected(
        lists=bool(listed or events), documents=frozenset(docs & new.docs.keys()),
        topics=frozenset(topics & new.topics.keys()), entities=frozenset(entities & new.entity_ids),
        changed=frozenset(changed & new.docs.keys()), removed=frozenset(old.docs.keys() - new.docs.keys()),
        exports=bool(changed or events), shown=frozenset(listed | events))


def _shown_elsewhere(old: Site, new: Site, doc_id: str) -> bool:
    """Whether a changed document shows differently on pages other than its own."""
    a, b = old.docs.get(doc_id), new.docs.get(doc_id)
    if a is None or b is None:
        return True
    if any(getattr(a, f.name) != getattr(b, f.name) for f in fields(a) if f.name not in BODY_FIELDS):
        return True
    if a.extra.get("topic_evidence") != b.extra.get("topic_evidence"):
        return True  # its topics' hubs choose their key quotes by it (Site.key_quotes)
    return any(old.doc_summary(a, lang) != new.doc_summary(b, lang) for lang in new.config.languages)


def _within(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _tree_size(root: Path) -> tuple[int, int]:
    """(files, bytes) of a folder."""
    files = size = 0
    for folder, _, names in os.walk(root):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(folder, name)).st_size
    return files, size


def _remove_empty_dirs(root: Path, folder: Path) -> None:
    root = root.resolve()
    folder = folder.resolve()
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


# ---------------------------------------------------------------- writing

def _restore(root: Path, before: dict[str, bytes | None]) -> None:
    """Put back the files of `before` ({site path: bytes, or None where there was none}), each in one step."""
    for rel, data in before.items():
        if data is None:
            (root / rel).unlink(missing_ok=True)
        else:
            write_bytes(root / rel, data)


def _write(root: Path, rel: str, text: str | bytes) -> None:
    """Write into a staging folder nobody reads yet."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.write_bytes(data)


def _put(root: Path, rel: str, text: str | bytes) -> None:
    """Write into a live output folder: each file is replaced in one step (not synced: like a full
    build's, the output is made again from the content whenever it is lost)."""
    write_bytes(root / rel, text.encode("utf-8") if isinstance(text, str) else text, sync=False)


def _put_if_changed(root: Path, rel: str, text: str | bytes) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    path = root / rel
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    write_bytes(path, data, sync=False)


# ---------------------------------------------------------------- rendering

_ODD = frozenset({"", ".", ".."})


def _folder_way(from_dir: tuple[str, ...], folder: str) -> str | None:
    """The link from a page in `from_dir` to the folder `folder` ('ru/documents'), ending in '/' ('../'
    or '' where it is the page's own), to which a name inside it is added; None if it is not plain."""
    parts = folder.split("/") if folder else []
    if _ODD.intersection(parts):
        return None
    i, n = 0, min(len(from_dir), len(parts))
    while i < n and from_dir[i] == parts[i]:
        i += 1
    return "".join(["../"] * (len(from_dir) - i) + [p + "/" for p in parts[i:]])


def _relative(from_dir: tuple[str, ...], from_path: str, to_route: str, index: str = "index.html") -> str:
    """render.relative_url, without its os.path work for the plain site paths templates link to.

    It runs for every link of every page; posixpath.relpath spent a third of the build in getcwd().
    """
    if to_route.startswith("#"):
        return to_route
    target, _, fragment = to_route.partition("#")
    folder = target == "" or target.endswith("/")
    if folder and not index:
        target = target[:-1]
    elif folder:
        target += index
    parts = target.split("/") if target else []
    if "" in parts or "." in parts or ".." in parts:
        return render.relative_url(from_path, to_route, index)
    i, n = 0, min(len(from_dir), len(parts))
    while i < n and from_dir[i] == parts[i]:
        i += 1
    rel = "/".join([".."] * (len(from_dir) - i) + parts[i:])
    if folder and not index:
        rel = rel + "/" if rel else "./"
    return (rel or ".") + (f"#{fragment}" if fragment else "")


def _common(site: Site, page_path: str, lang: str, route: str | None) -> dict:
    """What every template gets: the language, its words, links relative to this page."""
    cfg = site.config
    s = i18n.strings(lang)
    from_dir = tuple(p for p in page_path.split("/")[:-1])

    index = cfg.folder_page
    made: dict[str, str] = {}  # (a list page links each topic, place … once per line)
    # A list links the folders of many items in one folder ('ru/documents/<id>/'): the way to that
    # folder is found once, each item's link is it and the item's name.
    folders: dict[str, str | None] = {}
    end = f"/{index}" if index else "/"

    def url(target: str) -> str:
        try:
            return made[target]
        except KeyError:
            pass
        parent, _, leaf = target[:-1].rpartition("/")
        way = None
        if parent and target.endswith("/") and "#" not in target:
            way = folders.get(parent, _folder_way)
            if way is _folder_way:
                way = folders[parent] = _folder_way(from_dir, parent)
        if way is not None and leaf not in _ODD and not (len(from_dir) > (k := parent.count("/") + 1)
                                                         and from_dir[k] == leaf and "/".join(from_dir[:k]) == parent):
            link = made[target] = f"{way}{leaf}{end}"
        else:
            link = made[target] = _relative(from_dir, page_path, target, index)
        return link

    def lurl(route_: str) -> str:
        return url(f"{lang}/{route_}")

    alternates = []
    if route is not None:
        for other in cfg.languages:
            alternates.append({"lang": other, "name": i18n.LANGUAGE_NAMES[other], "href": url(f"{other}/{route}"),
                               "abs": exports.permalink(cfg, other, route), "current": other == lang})
    return {
        "lang": lang, "t": s, "url": url, "lurl": lurl, "alternates": alternates,
        "site": {"title": cfg.title[lang], "languages": cfg.languages, "default_language": cfg.default_language,
                 "base_url": cfg.base_url, "publisher": cfg.publisher},
        "og_locale": i18n.OG_LOCALES[lang],
        "language_names": i18n.LANGUAGE_NAMES,
        "text_language_names": i18n.TEXT_LANGUAGE_NAMES[lang],
        "page_path": page_path,
        "canonical": exports.permalink(cfg, lang, route) if route is not None else cfg.base_url,
        "feed": url(f"{lang}/feed.xml"),
    }


def _render_page(inputs: _Inputs, spec: PageSpec) -> tuple[str, str]:
    """(site path, HTML) of one page."""
    site = inputs.site
    page = spec.make()
    ctx = {**_common(site, page.path, page.lang, page.route), **page.context, "route": page.route,
           "template": page.template}
    # A document page links to its raw text only when _copy_seed can publish it.
    if page.template == "document.html" and page.context["doc"]["id"] in inputs.unpublished:
        ctx["seed"] = {"name": "", "sha256": ""}
    ctx["meta"] = _meta(page, site, ctx["t"])
    ctx["csp"] = render.content_security_policy(page.template)
    # Lines of lists are rendered once and reused on every page that shows them (render.LineCache).
    ctx[render.LINES] = getattr(inputs.env, "line_cache", None)
    return page.path, render.render(inputs.env, page.template, ctx, inputs.templates)


PageKey = tuple[str, "str | None", str]


@dataclass(frozen=True)
class _Job:
    """Pages for worker processes to render; they inherit it when forked (nothing is pickled)."""

    inputs: _Inputs
    specs: tuple[PageSpec, ...]
    out: Path
    atomic: bool
    lines: bool = False
    """Send back the list lines rendered (render.LineCache), for the parent to keep."""


_job: _Job | None = None
"""The job of a worker process (set in the worker only, by _start_worker)."""


def _start_worker(job: _Job, parent: int) -> None:
    global _job
    _job = job
    # What this process makes, not what its parent had, goes back (_render_chunk).
    cache = getattr(job.inputs.env, "line_cache", None)
    if cache is not None:
        cache.added = {} if job.lines else None
    job.inputs.site.take_carry()
    # A build killed with kill -9 takes its workers with it (they hold its staging folder's lock).
    die_with_parent(parent)
    # Ctrl-C reaches the whole process group: the parent stops the pool, workers need not speak.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _render_chunk(indexes: list[int]) -> tuple[list[tuple[int, str]], tuple[Problem, ...], dict]:
    assert _job is not None
    done = []
    cache = getattr(_job.inputs.env, "line_cache", None)
    try:
        for i in indexes:
            done.append((i, _render_one(_job, _job.specs[i])))
    except UserError as e:
        # UserError does not survive pickling back to the parent; its problems do.
        return done, e.problems, ({}, {})
    lines: dict = {}
    if cache is not None and cache.added is not None:
        lines, cache.added = cache.added, {}
    # What this process chose for the pages it rendered (the key quotes of a hub), for the next update.
    carry = _job.inputs.site.take_carry() if _job.lines else {}
    return done, (), (lines, carry)


def _render_one(job: _Job, spec: PageSpec) -> str:
    path, html = _render_page(job.inputs, spec)
    (_put if job.atomic else _write)(job.out, path, html)
    return path


def _render_pages(inputs: _Inputs, specs: list[PageSpec], out: Path, jobs: int, atomic: bool,
                  done_pages: Callable[[int], None] | None = None, keep_lines: bool = False) -> dict[PageKey, str]:
    """Render and write `specs`, over `jobs` forked processes when there are many; their site paths by key.

    `done_pages(n)` is told as pages get written (a progress bar). With `keep_lines`, the lines of lists
    the processes render are kept in this process's cache too (serve renders them again after an edit)."""
    cache = getattr(inputs.env, "line_cache", None)
    job = _Job(inputs, tuple(specs), out, atomic, keep_lines)
    keys = [(s.kind, s.key, s.lang) for s in specs]
    if jobs < 2 or len(specs) < POOL_MIN_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        out_paths = {}
        for key, spec in zip(keys, specs):
            out_paths[key] = _render_one(job, spec)
            if done_pages:
                done_pages(1)
        return out_paths
    chunks = [list(range(i, min(i + CHUNK_PAGES, len(specs)))) for i in range(0, len(specs), CHUNK_PAGES)]
    paths: dict[int, str] = {}
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(min(jobs, len(chunks)), initializer=_start_worker, initargs=(job, os.getpid())) as pool:
        for done, problems, (lines, carry) in pool.imap_unordered(_render_chunk, chunks):
            if problems:
                raise UserError(problems)
            paths.update(done)
            if cache is not None:
                cache.lines.update(lines)
            inputs.site.keep_carry(carry)
            if done_pages:
                done_pages(len(done))
    return {keys[i]: paths[i] for i in range(len(specs))}


def _warm_lines(inputs: _Inputs) -> None:
    """Serve, after a full build: the keys of the documents' lines (a row of the table, an item of a
    list), so that the first edits find them without working out each one's key from its text (the
    first title edit at 10,000 documents did so for 36,000 rows of the table pages it made again)."""
    cache = getattr(inputs.env, "line_cache", None)
    if cache is None:
        return
    site = inputs.site
    docs = site.corpus.documents
    one_page = page_count(len(docs), ROWS_PER_PAGE) == 1
    for lang in site.config.languages:
        rows = [site.doc_summary(d, lang) for d in docs]
        cache.warm("macros.html", "doc_row", lang, [(r, one_page) for r in rows])
        cache.warm("macros.html", "doc_item", lang, [(r,) for r in rows])


def _render_root(inputs: _Inputs, out: Path, put: Callable[[Path, str, str | bytes], None]) -> None:
    # The site root shows the default language's home page (its canonical URL is the language
    # folder), so the address people type works without a redirect or JavaScript.
    site, cfg = inputs.site, inputs.site.config
    home = site.home(cfg.default_language)
    root_ctx = {**_common(site, "index.html", home.lang, home.route), **home.context, "route": "", "template": "home.html"}
    root_ctx["meta"] = _meta(home, site, root_ctx["t"])
    root_ctx["csp"] = render.content_security_policy("home.html")
    put(out, "index.html", render.render(inputs.env, "home.html", root_ctx, inputs.templates))


def _render_404(inputs: _Inputs, out: Path, put: Callable[[Path, str, str | bytes], None]) -> None:
    site, cfg = inputs.site, inputs.site.config
    nf = {**_common(site, "404.html", cfg.default_language, None), "route": None, "template": "404.html",
          "base_path": cfg.base_path, "csp": render.content_security_policy("404.html")}
    nf["meta"] = {"title": nf["t"]["not_found"], "description": nf["t"]["not_found_text"], "og_type": "website",
                  "ld": {"@context": "https://schema.org", "@type": "WebPage", "name": nf["t"]["not_found"]}}
    put(out, "404.html", render.render(inputs.env, "404.html", nf, inputs.templates))


EXPORT_PARTS = frozenset({"feeds", "sitemaps", "data", "index"})
"""The site-wide files: Atom feeds, sitemaps and robots.txt, data/*.json|csv, the filters' data/index/."""
# Document fields the data files (exports.data_files) do not read: an edit of these alone leaves them as they were.
NOT_IN_DATA = frozenset({"paragraphs", "leftovers", "path", "extra"})


def _feed_ids(corpus: ct.Corpus) -> list[str]:
    return [d.id for d in corpus.documents if d.date][-exports.FEED_SIZE:]


def export_parts(old: Site, new: Site, affected: Affected, paths_changed: bool) -> frozenset[str]:
    """Which site-wide files a change shows in."""
    if affected.everything:
        return EXPORT_PARTS
    parts: set[str] = set()
    if paths_changed:
        parts.add("sitemaps")
    if affected.shown or affected.removed:
        parts.add("index")
    events_changed = old.corpus.events != new.corpus.events
    data_fields = [f.name for f in fields(ct.Document) if f.name not in NOT_IN_DATA]
    for i in affected.changed | affected.removed:
        a, b = old.docs.get(i), new.docs.get(i)
        if a is None or b is None or any(getattr(a, f) != getattr(b, f) for f in data_fields):
            parts.add("data")
            break
    if events_changed:
        parts.add("data")
    before, after = _feed_ids(old.corpus), _feed_ids(new.corpus)
    if before != after or not (affected.changed | affected.removed).isdisjoint(after):
        parts.add("feeds")
    return frozenset(parts)


def _write_exports(inputs: _Inputs, out: Path, html_paths: list[str], docs: Iterable[ct.Document],
                   put: Callable[[Path, str, str | bytes], None], parts: frozenset[str] = EXPORT_PARTS,
                   records: dict | None = None) -> list[str]:
    """The site-wide files of `parts` (EXPORT_PARTS); the citations and raw seeds of `docs`. `records`
    keeps the data files' records for the next call (exports.data_files)."""
    cfg, corpus = inputs.site.config, inputs.site.corpus
    if "feeds" in parts:
        for lang in cfg.languages:
            put(out, f"{lang}/feed.xml", exports.atom_feed(corpus, cfg, lang))
    if "sitemaps" in parts:
        maps = exports.sitemaps(cfg, html_paths)
        for rel, text in maps.items():
            put(out, rel, text)
        # A record that shrank lists its pages in fewer files (or in sitemap.xml alone): the rest go.
        for old in sorted(out.glob("sitemap-*.xml")):
            if old.name not in maps:
                old.unlink(missing_ok=True)
        put(out, "robots.txt", exports.robots(cfg))
    if "data" in parts:
        for rel, text in exports.data_files(corpus, cfg, records).items():
            put(out, rel, text)
    if "index" in parts:
        for what in ("documents", "events"):
            for rel, text in inputs.site.filter_index_files(what, exports.compact_json).items():
                put(out, rel, text)
    warnings: list[str] = []
    for d in docs:
        put(out, f"data/cite/{d.id}.json", exports.csl_json(corpus, cfg, d))
        put(out, f"data/cite/{d.id}.bib", exports.bibtex(corpus, cfg, d))
        warnings.extend(_copy_seed(d, inputs.seeds, out, put))
    return warnings


def _render_all(inputs: _Inputs, plan: list[PageSpec], out: Path, jobs: int,
                done_pages: Callable[[int], None] | None = None,
                keep_lines: bool = False, records: dict | None = None) -> tuple[dict[PageKey, str], list[str]]:
    """Every page of `plan` (the site's) and every file of the site into the empty folder `out`."""
    cfg, corpus = inputs.site.config, inputs.site.corpus
    paths = _render_pages(inputs, plan, out, jobs, atomic=False, done_pages=done_pages, keep_lines=keep_lines)
    _render_root(inputs, out, _write)
    _render_404(inputs, out, _write)
    if done_pages:
        done_pages(2)
    warnings = _write_exports(inputs, out, list(paths.values()), corpus.documents, _write, records=records)
    if inputs.static.is_dir():
        shutil.copytree(inputs.static, out / "static", dirs_exist_ok=True)
    _write(out, ".nojekyll", "")
    if cfg.cname:
        _write(out, "CNAME", cfg.cname + "\n")
    _write(out, MARKER, "This folder is generated by site-builder build; it is replaced on every build.\n")
    return paths, warnings


def _copy_seed(d: ct.Document, seeds: Path, out: Path,
               put: Callable[[Path, str, str | bytes], None] = _write) -> list[str]:
    """Copy the document's raw seed into the site, byte for byte."""
    warnings, data = _read_seed(d, seeds)
    if data is not None:
        put(out, f"seeds/{d.seed}", data)
    return warnings


def _seed_warnings(d: ct.Document, seeds: Path) -> list[str]:
    return _read_seed(d, seeds)[0]


def _read_seed(d: ct.Document, seeds: Path) -> tuple[list[str], bytes | None]:
    """What is wrong with a document's raw seed, and its bytes (None: not published)."""
    if not SEED_NAME.match(d.seed):
        return [f"{d.path}: seed {d.seed!r} is not a plain file name; raw text not published"], None
    src = seeds / d.seed
    if not src.is_file():
        return [f"{d.path}: seed {src} not found; raw text not published"], None
    data = src.read_bytes()
    warnings = []
    if d.seed_sha256 and hashlib.sha256(data).hexdigest() != d.seed_sha256:
        warnings.append(f"{src}: text changed since it was ingested (seed_sha256 differs)")
    return warnings, data
