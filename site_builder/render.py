"""Templates: a strict Jinja2 environment over templates/, and errors that name the template line."""

from __future__ import annotations

import hashlib
import json
import operator
import posixpath
import re
import sys
from pathlib import Path
from typing import Any, Callable, Iterable

import jinja2
import jinja2.ext
from markupsafe import Markup, escape

from site_builder import i18n
from site_builder.errors import UserError, problem


def relative_url(from_path: str, to_route: str, index: str = "index.html") -> str:
    """Link from the page at `from_path` (e.g. 'en/documents/x/index.html') to `to_route`.

    `to_route` is a site path: 'en/timeline/' links to that folder, as '…/timeline/' when
    `index` is '' (as servers serve it) or to its index.html (so the site also works opened
    from disk); 'static/style.css' to the file, '#x' stays in the page.
    """
    if to_route.startswith("#"):
        return to_route
    target, _, fragment = to_route.partition("#")
    folder = target == "" or target.endswith("/")
    if folder:
        target += index or "."
    rel = posixpath.relpath(target, posixpath.dirname(from_path) or ".")
    if folder and not index:
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")


# The site's Content-Security-Policy, carried by a <meta http-equiv> on every page (GitHub Pages
# sends no headers of its own). Everything comes from the site itself; nothing inline runs or
# styles (JSON-LD is data, not a script: browsers do not run it). frame-ancestors and
# report-uri are not honoured in a <meta>, so they are left out.
CSP = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
# Pages whose scripts compile WebAssembly (Pagefind's search, in its worker or the page):
# 'wasm-unsafe-eval' allows that and nothing else that 'unsafe-eval' would.
WASM_TEMPLATES = frozenset({"search.html"})


def content_security_policy(template: str) -> Markup:
    """The policy of a page made from `template`, for a content="…" attribute (it needs no escaping)."""
    directives = dict(CSP)
    if template in WASM_TEMPLATES:
        directives["script-src"] += " 'wasm-unsafe-eval'"
        directives["worker-src"] = "'self'"
    return Markup("; ".join(f"{name} {sources}" for name, sources in directives.items()))


def each(macro: Callable[..., Any], items: Iterable[Any], *args: Any, end: str = "", **kwargs: Any) -> Markup:
    """{{ each(m.doc_item, items) }}: `macro` called for each item (and `args`, `kwargs`), their outputs
    one after another, each followed by `end`. The same as a template's loop over them, without its
    cost per item (a table page of 200 rows: 2.42 ms instead of 2.65 at 1,000 documents)."""
    tail = escape(end)
    return Markup("".join([f"{escape(macro(x, *args, **kwargs))}{tail}" for x in items]))


def json_ld(data: Any) -> Markup:
    """JSON for a <script type="application/ld+json">, safe against '</script>'."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


EXCERPT = 200


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """A quote's opening words for a list: the whole of a short one, else its words up to `limit`
    characters and "…". The list links to the quote's paragraph, where all of it is."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut and not text[limit].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–—-") + "…"


class Dedent(jinja2.ext.Extension):
    """Drops the indentation at the start of each line of an HTML or XML template before it is compiled.

    Indentation makes a template readable and a page heavier (a few hundred bytes a page, tens of
    megabytes over a large record); in HTML it renders as nothing (none of these templates has a
    <pre> or <textarea>). The line breaks stay, so an error names the template's own line, and what
    the templates insert (the texts) is not touched.
    """

    _INDENT = re.compile(r"^[ \t]+", re.MULTILINE)

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name and name.endswith((".html", ".xml")) and "<pre" not in source and "<textarea" not in source:
            return self._INDENT.sub("", source)
        return source


def environment(templates: Path) -> jinja2.Environment:
    if not templates.is_dir():
        raise UserError(problem(templates, "templates folder does not exist"))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[Dedent],
    )
    env.template_class = _Template
    env.line_cache = LineCache(env)
    env.globals["each"] = each
    env.filters["json_ld"] = json_ld
    env.filters["excerpt"] = excerpt
    # {{ n | counted('documents', lang) }}: "1 document", "5 documents", «2 документа».
    env.filters["counted"] = lambda n, key, lang: f"{n} {i18n.counted(n, key, lang)}"
    env.filters["word_for"] = lambda n, key, lang: i18n.counted(n, key, lang)
    return env


def template_error(e: Exception, templates: Path) -> UserError:
    """A UserError at the template file and line where rendering failed."""
    if isinstance(e, jinja2.TemplateSyntaxError):
        name = e.filename or e.name or "?"
        return UserError(problem(Path(name), f"template syntax: {e.message}", e.lineno))
    if isinstance(e, jinja2.TemplateNotFound):
        return UserError(problem(templates / str(e.name), "template not found"))
    tb = e.__traceback__
    where, line = None, None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".svg", ".txt")) and Path(filename).resolve().is_relative_to(templates.resolve()):
            where, line = filename, tb.tb_lineno
        tb = tb.tb_next
    message = str(e) if isinstance(e, jinja2.UndefinedError) else f"{type(e).__name__}: {e}"
    return UserError(problem(Path(where) if where else templates, f"template: {message}", line))


def _in_template(e: BaseException, templates: Path) -> bool:
    tb = e.__traceback__
    while tb is not None:
        if Path(tb.tb_frame.f_code.co_filename).resolve().is_relative_to(templates.resolve()):
            return True
        tb = tb.tb_next
    return False


def render(env: jinja2.Environment, name: str, context: dict, templates: Path) -> str:
    try:
        return env.get_template(name).render(context)
    except Exception as e:
        # Whatever a template's own expression raises ({{ 1 // 0 }}, a bad filter argument …) is
        # the template's mistake; an exception that never passed through a template is a bug.
        if not (isinstance(e, jinja2.TemplateError) or _in_template(e, templates)):
            raise
        raise template_error(e, templates).with_traceback(None) from (e if "--verbose" in sys.argv else None)


# ---------------------------------------------------------------- lines rendered once

LINES = "_line_cache"
"""The context key under which a page's render finds the environment's LineCache."""
# What a cached macro may read of the page's context: the language, its words, and links. A link
# is rendered as a placeholder and made relative to each page when a line is put in it.
_LINE_CONTEXT = frozenset({"lang", "t", "url", "lurl"})
_LINK = re.compile("\x1e(\\d+)\x1f")
_PLAIN = frozenset({str, int, float, bool, type(None), dict, list, tuple})
MAX_KEYS = 300_000
"""Calls whose key is remembered by their arguments' identity; beyond, it starts again."""


def _free_names(macro: jinja2.nodes.Macro) -> set[str] | None:
    """The names a macro reads from outside itself; None when it cannot be cached whatever they are
    (it takes a caller, imports or includes)."""
    n = jinja2.nodes
    if any(True for _ in macro.find_all((n.Import, n.FromImport, n.Include, n.Extends, n.CallBlock))):
        return None
    loads = {x.name for x in macro.find_all(n.Name) if x.ctx == "load"}
    local = {x.name for x in macro.find_all(n.Name) if x.ctx in ("store", "param")}
    local |= {a.name for a in macro.args}
    if any(True for _ in macro.find_all(n.For)):
        local.add("loop")
    if "caller" in loads or "varargs" in loads or "kwargs" in loads:
        return None
    return loads - local


def _source(env: jinja2.Environment, template: jinja2.Template) -> str | None:
    """The template's text (None: it cannot be read now)."""
    try:
        return env.loader.get_source(env, template.name)[0] if env.loader and template.name else None
    except (jinja2.TemplateNotFound, OSError):
        return None


def _source_digest(env: jinja2.Environment, template: jinja2.Template) -> str | None:
    """A digest of the template's text (None: it cannot be read now)."""
    source = _source(env, template)
    return hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest() if source else None


def cacheable_macros(env: jinja2.Environment, template: jinja2.Template) -> frozenset[str]:
    """The macros of `template` whose output is a function of their arguments and the page's language
    alone (with links left as placeholders): what they read of the context, themselves and the
    macros they call, is in _LINE_CONTEXT or the environment's globals."""
    source = _source(env, template)
    if source is None:
        return frozenset()
    tree = env.parse(source)
    macros = {m.name: m for m in tree.body if isinstance(m, jinja2.nodes.Macro)}
    free = {name: _free_names(m) for name, m in macros.items()}
    allowed = _LINE_CONTEXT | set(env.globals)
    ok: dict[str, bool] = {}

    def check(name: str, seen: frozenset[str]) -> bool:
        if name in ok:
            return ok[name]
        names = free[name]
        good = names is not None
        for x in names or ():
            if x in macros:
                good = good and (x in seen or check(x, seen | {x}))
            elif x not in allowed:
                good = False
        ok[name] = good
        return good

    return frozenset(name for name in macros if check(name, frozenset({name})))


class LineCache:
    """Each cacheable macro call (a line of a list: a document, an event, a quote) rendered once per
    language and arguments, then put in every page that makes the same call, its links made relative
    to that page. A list page of 200 lines is then mostly a string join, in a build and after an edit.

    A call is looked up by the macro, the language and the repr of its plain-data arguments: the same
    call always renders the same line, so nothing is ever invalidated; a new environment (templates
    changed) starts a new cache. Lines whose links cannot be told apart from their text (a text holding
    the placeholder's characters) are rendered each time, as are calls with other arguments.
    """

    def __init__(self, env: jinja2.Environment):
        self.env = env
        self.lines: dict[bytes, tuple[tuple[str, ...], tuple[tuple[str, str], ...]] | None] = {}
        self.added: dict[bytes, tuple[tuple[str, ...], tuple[tuple[str, str], ...]] | None] | None = None
        """Where a render process notes the lines it makes, to send them to the build (None: nowhere)."""
        self._macros: dict[int, tuple[jinja2.Template, frozenset[str], str | None]] = {}
        self._modules: dict[tuple[int, str], tuple[Any, dict]] = {}
        self._keys: dict[tuple, tuple[bytes, tuple]] = {}
        """The key of each call by the identity of its arguments (views shared by many pages)."""

    def _known(self, template: jinja2.Template) -> tuple[jinja2.Template, frozenset[str], str | None]:
        """(the template, its cacheable macros, the digest of its text), found once per template."""
        known = self._macros.get(id(template))
        if known is None or known[0] is not template:
            known = self._macros[id(template)] = (template, cacheable_macros(self.env, template),
                                                  _source_digest(self.env, template))
        return known

    @staticmethod
    def _prefix(template: jinja2.Template, source: str, name: str, lang: str) -> str:
        # The template's text is part of the key: a line is never taken from another version of it.
        return f"{template.name}\x00{source}\x00{name}\x00{lang}\x00"

    @staticmethod
    def _key(prefix: str, args: tuple, kwargs: dict) -> bytes:
        return hashlib.blake2b((prefix + repr((args, kwargs))).encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def wrap(self, template: jinja2.Template, module: Any, context: dict) -> None:
        """Put caching calls in place of the cacheable macros of `module` (made for a page's `context`)."""
        known = self._known(template)
        lang, words = context.get("lang"), context.get("t")
        if known[2] is None or not isinstance(lang, str) or not isinstance(words, dict) or "url" not in context or "lurl" not in context:
            return
        for name in known[1]:
            setattr(module, name, self._caller(template, known[2], name, getattr(module, name), context))

    def warm(self, template_name: str, name: str, lang: str, calls: Iterable[tuple]) -> int:
        """Know the key of each call of macro `name` of `template_name` in `lang` with these arguments
        (views that later pages will show), as the call would find it: a build's render processes
        made the lines, but the keys by identity are this process's. The number of calls known."""
        template = self.env.get_template(template_name)
        known = self._known(template)
        if known[2] is None or name not in known[1]:
            return 0
        prefix = self._prefix(template, known[2], name, lang)
        n = 0
        for args in calls:
            if len(self._keys) >= MAX_KEYS:
                break
            if any(type(a) not in _PLAIN for a in args):
                continue
            self._keys[(prefix, (), *map(id, args))] = (self._key(prefix, args, {}), args)
            n += 1
        return n

    def _line_module(self, template: jinja2.Template, lang: str, words: dict) -> tuple[Any, list]:
        """The macros of `template` made for `lang`, whose links are placeholders noted in the list returned."""
        key = (id(template), lang)
        found = self._modules.get(key)
        if found is None or found[1]["template"] is not template or found[1]["t"] is not words:
            links: list[tuple[str, str]] = []

            def placeholder(kind: str) -> Any:
                def link(target: str) -> Markup:
                    links.append((kind, target))
                    return Markup(f"\x1e{len(links) - 1}\x1f")
                return link

            ctx = {"lang": lang, "t": words, "url": placeholder("url"), "lurl": placeholder("lurl")}
            module = template.make_module(ctx)
            found = self._modules[key] = (module, {"template": template, "t": words, "links": links})
        return found[0], found[1]["links"]

    def _caller(self, template: jinja2.Template, source: str, name: str, macro: Any,
                context: dict) -> Callable[..., Any]:
        lang, words = context["lang"], context["t"]
        page_links = {"url": context["url"], "lurl": context["lurl"]}
        lines = self.lines
        prefix = self._prefix(template, source, name, lang)

        keys, make_key = self._keys, self._key

        def call(*args: Any, **kwargs: Any) -> Any:
            # (Run for every line of every list page: loops in C where it can.)
            values = (*args, *kwargs.values()) if kwargs else args
            for a in values:
                if type(a) not in _PLAIN:
                    return macro(*args, **kwargs)
            # The views a site shows are made once and never changed: the key of a call with the same
            # objects is known (the arguments are kept with it, so their ids are not reused).
            ident = (prefix, tuple(kwargs), *map(id, values))
            known = keys.get(ident)
            if known is not None and all(map(operator.is_, known[1], values)):
                key = known[0]
            else:
                key = make_key(prefix, args, kwargs)
                if len(keys) >= MAX_KEYS:
                    keys.clear()
                keys[ident] = (key, values)
            try:
                entry = lines[key]
            except KeyError:
                entry = lines[key] = self._line(template, name, lang, words, args, kwargs)
                if self.added is not None:
                    self.added[key] = entry
            if entry is None:
                return macro(*args, **kwargs)
            parts, links = entry
            if not links:
                return Markup(parts[0])
            out = [parts[0]]
            for (kind, target), part in zip(links, parts[1:]):
                out.append(escape(page_links[kind](target)))
                out.append(part)
            return Markup("".join(out))

        return call

    def _line(self, template: jinja2.Template, name: str, lang: str, words: dict, args: tuple,
              kwargs: dict) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]] | None:
        """A macro call rendered with its links as placeholders: (text between links, links); None when
        it cannot be (it fails — the page's own call then says where — or its text holds a placeholder)."""
        module, links = self._line_module(template, lang, words)
        links.clear()
        try:
            text = str(getattr(module, name)(*args, **kwargs))
        except Exception:
            return None
        pieces = _LINK.split(text)
        parts, order = tuple(pieces[0::2]), [int(i) for i in pieces[1::2]]
        if order != list(range(len(links))) or any("\x1e" in p or "\x1f" in p for p in parts):
            return None
        return parts, tuple(links)


class _Template(jinja2.Template):
    """A template whose imported macro modules, made for a page with a LineCache, use the cache."""

    def make_module(self, vars: dict | None = None, shared: bool = False, locals: Any = None) -> Any:
        module = super().make_module(vars, shared, locals)
        cache = (vars or {}).get(LINES)
        if isinstance(cache, LineCache):
            cache.wrap(self, module, vars)
        return module
