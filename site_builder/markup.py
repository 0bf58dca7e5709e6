"""Text to HTML: inline Markdown of document paragraphs (no raw HTML), quotations marked."""

from __future__ import annotations

import re
import unicodedata

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

# CommonMark with raw HTML off: whatever a seed or an editor writes is escaped.
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_MD.validateLink = lambda url: bool(re.match(r"^(https?:|mailto:|#|\.{0,2}/)", url.strip(), re.I))
_MARKUP_CHARS = re.compile(r"[\\`*_\[\]<>&!]")


def collation_key(text: str) -> str:
    """A locale-neutral sort key: accents apart, case folded."""
    return unicodedata.normalize("NFKD", text).casefold()


def inline(source: str) -> Markup:
    """Inline Markdown as safe HTML."""
    return Markup(_MD.renderInline(source))


def paragraph_html(source: str, quotes: list[tuple[str, str]]) -> Markup:
    """A paragraph's HTML with each (quote text, speaker name) wrapped in <q>.

    A paragraph without Markdown is cut at the quotes' places and escaped piece by piece;
    one with Markdown is rendered first and the quotes found in the rendered text.
    """
    if not _MARKUP_CHARS.search(source):
        html = str(escape(source))
    else:
        html = str(inline(source))
    for quote, speaker in quotes:
        needle = str(escape(quote))
        at = html.find(needle)
        if at < 0 or not needle:
            continue
        label = f' data-speaker="{escape(speaker)}"' if speaker else ""
        html = f'{html[:at]}<q class="quote"{label}>{needle}</q>{html[at + len(needle):]}'
    return Markup(html)
