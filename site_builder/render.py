"""Templates: a strict Jinja2 environment over templates/, and errors that name the template line."""

from __future__ import annotations

import json
import posixpath
import re
import sys
from pathlib import Path
from typing import Any

import jinja2
import jinja2.ext
from markupsafe import Markup

from site_builder import i18n
from site_builder.errors import UserError, problem


def relative_url(from_path: str, to_route: str) -> str:
    """Link from the page at `from_path` (e.g. 'en/documents/x/index.html') to `to_route`.

    `to_route` is a site path: 'en/timeline/' links to that folder's index.html (so the
    site also works opened from disk), 'static/style.css' to the file, '#x' stays in the page.
    """
    if to_route.startswith("#"):
        return to_route
    target, _, fragment = to_route.partition("#")
    if target == "" or target.endswith("/"):
        target += "index.html"
    rel = posixpath.relpath(target, posixpath.dirname(from_path) or ".")
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


def json_ld(data: Any) -> Markup:
    """JSON for a <script type="application/ld+json">, safe against '</script>'."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


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
    env.filters["json_ld"] = json_ld
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
