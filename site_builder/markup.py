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


# Cyrillic (Russian and Kazakh) and the Azerbaijani letters Unicode does not decompose, in Latin
# letters; other accented letters lose their accents (é → e).
_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i", "ə": "e", "ı": "i", "ß": "ss",
})


def latin_lower(text: str) -> str:
    """`text` in lower case, its Cyrillic and Azerbaijani letters in Latin ones (accents kept)."""
    return unicodedata.normalize("NFC", text).lower().translate(_LATIN)


def slug(text: str, length: int = 80) -> str:
    """Lowercase Latin letters, digits and hyphens for an address ('' if nothing is left).

    The same text in any Unicode form or letter case gives the same slug (Café, café).
    """
    name = latin_lower(text)
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:length].strip("-")


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
