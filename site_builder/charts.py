"""Charts as static SVG made at build time, each with a table giving the same figures."""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from typing import Callable

from markupsafe import Markup, escape

# One colour per topic, in topic order; readable on light and dark backgrounds alike.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#e377c2", "#8c564b", "#bcbd22", "#17becf")
# Up to this many years, every year is labelled and every bar carries its figure.
FEW_YEARS = 12


def colours(keys: list[str]) -> dict[str, str]:
    """The colour of each key (topic), by its place in `keys`."""
    return {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}


def swatch(colour: str) -> Markup:
    """A small square of `colour` (an SVG: the page's style rules forbid style attributes)."""
    return Markup('<svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" '
                  f'focusable="false"><rect width="12" height="12" rx="2" fill="{escape(colour)}"/></svg>')


def small_multiples(items: list[tuple[str, tuple[str, ...]]], keys: list[str], names: dict[str, str],
                    title: str, strings: dict[str, str], unit: str) -> dict:
    """How many items there are per year: one panel for all of them, then one panel per key.

    `items` are (year, keys of one item); an item with three keys (a document on three topics)
    is one item in the first panel and in the table's last column, and counts once in each of
    its keys' panels. `unit` names what is counted ("Documents"). Returns panels (name, total,
    svg), a table and the title.
    """
    dated = [(y, ks) for y, ks in items if y]
    per_key: Counter = Counter()
    per_year: Counter = Counter()
    for year, item_keys in dated:
        per_year[year] += 1
        for k in dict.fromkeys(item_keys):
            per_key[(year, k)] += 1
    if not dated:
        return {"title": title, "panels": [], "table": {"headers": [], "rows": []}, "unit": unit, "few": True}
    first, last = int(min(per_year)), int(max(per_year))
    years = [str(y) for y in range(first, last + 1)]
    used = [k for k in keys if any(per_key[(y, k)] for y in years)]
    colour = colours(keys)
    table = {"headers": [strings["year"], *(names[k] for k in used), unit],
             "rows": [[y, *(per_key[(y, k)] for k in used), per_year[y]] for y in years if per_year[y]]}
    top = max(per_key.values(), default=1)
    panels = [{"key": "all", "name": unit, "colour": "", "swatch": "", "total": len(dated),
               "svg": _year_bars([per_year[y] for y in years], years, max(per_year.values()), None,
                                 "{id}-all", f"{unit}: {len(dated)}", 72)}]
    for k in used:
        counts = [per_key[(y, k)] for y in years]
        panels.append({"key": k, "name": names[k], "colour": colour[k], "swatch": swatch(colour[k]), "total": sum(counts),
                       "svg": _year_bars(counts, years, top, colour[k], f"{{id}}-{k}",
                                         f"{names[k]}: {sum(counts)}", 40)})
    return {"title": title, "panels": panels, "table": table, "unit": unit, "few": len(years) <= FEW_YEARS}


def _year_bars(counts: list[int], years: list[str], top: int, fill: str | None, svg_id: str, label: str,
               height: int) -> Markup:
    """One panel: a bar per year on a shared scale, years below; the figures above the bars when few."""
    few = len(years) <= FEW_YEARS
    col, bar = (36, 26) if few else (16, 12)
    # Room for a year label centred on the first or last column, and for the figures above the bars.
    pad, above, below = 16, 16 if few else 4, 18
    width = pad * 2 + col * len(years)
    total_h = above + height + below
    # The panel of all items is drawn in the text colour (a style rule: it differs in dark mode).
    fill_attr = f' fill="{escape(fill)}"' if fill else ' class="bar-all"'
    parts = [f'<svg class="chart" role="img" aria-labelledby="{svg_id}-t" viewBox="0 0 {width} {total_h}" '
             f'width="{width}" height="{total_h}" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{svg_id}-t">{escape(label)}</title>',
             f'<line x1="{pad}" x2="{width - pad}" y1="{above + height}" y2="{above + height}" class="grid"/>']
    for i, (year, n) in enumerate(zip(years, counts)):
        x = pad + i * col + (col - bar) / 2
        cx = pad + i * col + col / 2
        if n:
            h = max(n * height / top, 2)
            y = above + height - h
            parts.append(f'<rect x="{x:g}" y="{y:.1f}" width="{bar}" height="{h:.1f}"{fill_attr}>'
                         f'<title>{escape(year)}: {n}</title></rect>')
            if few:
                parts.append(f'<text x="{cx:g}" y="{y - 4:.1f}" text-anchor="middle" class="axis">{n}</text>')
        # Many years: every fifth is labelled, and the first and last (the ends of the record).
        ends = i in (0, len(years) - 1) and not any(int(y) % 5 == 0 for y in years[max(0, i - 2):i + 3])
        if few or int(year) % 5 == 0 or ends:
            parts.append(f'<text x="{cx:g}" y="{above + height + 14}" text-anchor="middle" class="axis">'
                         f'{escape(year)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def bars(items: list[tuple[str, int]], title: str) -> dict:
    """A bar per (label, count), largest first: rows whose labels are the page's own text (they wrap,
    never cut off) beside a bar drawn in SVG."""
    if not items:
        return {"title": title, "items": []}
    top = max(n for _, n in items) or 1
    rows = []
    for label, n in items:
        w = n * 100 / top
        rows.append({"label": label, "count": n, "svg": Markup(
            '<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" width="100" height="10" '
            f'aria-hidden="true" focusable="false"><rect width="{w:.1f}" height="10" fill="{PALETTE[0]}"/></svg>')})
    return {"title": title, "items": rows}


# The timeline strip: a row per decade; pixels per year, the decade label's column, the height of one
# lane of marks, a day-precise mark's width.
STRIP_YEAR = 80
STRIP_LABEL = 56
STRIP_LANE = 20
STRIP_DAY = 6
# A decade's marks take at most this height (lanes get thinner), each lane at least STRIP_MIN_LANE.
STRIP_ROW = 160
STRIP_MIN_LANE = 4


def timeline_strip(events: list[dict], colour: dict[str, str], label: str, lang: str,
                   mark_href: Callable[[dict], str] = lambda e: f"#event-{e['id']}",
                   year_href: Callable[[int], str] = lambda y: f"#y-{y}") -> dict:
    """The whole record as one SVG strip, a row per decade: years along the axis, each event a link to it.

    `events` are {id, date, precision, topics, title, title_lang, date_text} in date order (a title
    not in the interface language `lang` is marked with its own). A mark spans what
    its date's precision allows: a month for a month, the year for a year (a day is a narrow mark);
    marks that would overlap go on the next lane down. A mark on several topics is striped with
    each topic's colour. Years that have events link to their part of the list. Where a mark and a
    year lead is `mark_href` (of the event) and `year_href` (of the year).
    """
    dated = [e for e in events if e["date"]]
    if not dated:
        return {"svg": Markup(""), "count": 0, "first": "", "last": ""}
    first, last = int(dated[0]["date"][:4]), int(dated[-1]["date"][:4])
    decades = list(range(first - first % 10, last - last % 10 + 1, 10))
    width = STRIP_LABEL + 10 * STRIP_YEAR + 16
    rows: dict[int, list] = {d: [] for d in decades}
    for e in dated:
        year = int(e["date"][:4])
        x0, x1 = _span(e["date"], e["precision"], year % 10)
        rows[year - year % 10].append((x0, x1, e))
    years_with = {e["date"][:4] for e in dated}
    parts: list[str] = []
    y = 4
    for decade in decades:
        lanes: list[float] = []
        placed = []
        for x0, x1, e in sorted(rows[decade], key=lambda m: (m[0], m[1], m[2]["id"])):
            lane = next((i for i, end in enumerate(lanes) if end + 2 <= x0), None)
            if lane is None:
                lane = len(lanes)
                lanes.append(x1)
            lanes[lane] = x1
            placed.append((lane, x0, x1, e))
        # A crowded decade (hundreds of events a year) keeps every mark, on thinner lanes.
        lane_h = max(STRIP_MIN_LANE, min(STRIP_LANE, STRIP_ROW / max(len(lanes), 1)))
        top = y + 4
        axis_y = top + max(len(lanes), 1) * lane_h + 2
        parts.append(f'<text x="0" y="{axis_y + 4:g}" class="decade">{decade}–</text>')
        parts.append(f'<line x1="{STRIP_LABEL}" x2="{STRIP_LABEL + 10 * STRIP_YEAR}" y1="{axis_y:g}" y2="{axis_y:g}" '
                     'class="axis-line"/>')
        for i in range(11):
            x = STRIP_LABEL + i * STRIP_YEAR
            parts.append(f'<line x1="{x}" x2="{x}" y1="{top:g}" y2="{axis_y + 4:g}" class="tick"/>')
        for lane, x0, x1, e in placed:
            my = top + lane * lane_h
            h = lane_h * 0.8
            name = f'{e["title"]} — {e["date_text"]}'
            other = f' lang="{escape(e["title_lang"])}"' if e.get("title_lang", lang) != lang else ""
            parts.append(f'<a href="{escape(mark_href(e))}" aria-label="{escape(name)}" class="mark"{other}>'
                         f'<title>{escape(name)}</title>')
            topics = [t for t in e["topics"] if t in colour] or [""]
            for i, t in enumerate(topics):
                parts.append(f'<rect x="{x0:.1f}" y="{my + i * h / len(topics):.1f}" width="{x1 - x0:.1f}" '
                             f'height="{h / len(topics):.2f}" fill="{colour.get(t, "#777777")}"/>')
            parts.append("</a>")
        for i in range(10):
            year = decade + i
            cx = STRIP_LABEL + i * STRIP_YEAR + STRIP_YEAR / 2
            has = str(year) in years_with
            text = (f'<text x="{cx:g}" y="{axis_y + 18:g}" text-anchor="middle" class="{"year has" if has else "year"}">'
                    f'{year}</text>')
            parts.append(f'<a href="{escape(year_href(year))}" class="year-link">{text}</a>' if has else text)
        y = round(axis_y + 28, 1)
    height = y
    svg = (f'<svg class="strip" role="group" aria-label="{escape(label)}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>")
    return {"svg": Markup(svg), "count": len(dated), "first": str(first), "last": str(last)}


def _span(date: str, precision: str, column: int) -> tuple[float, float]:
    """Where a date of this precision lies in its decade's row (`column`: the year's place in it)."""
    year = int(date[:4])
    start = STRIP_LABEL + column * STRIP_YEAR
    if precision == "year" or len(date) == 4:
        return start + 1, start + STRIP_YEAR - 1
    month = int(date[5:7])
    if precision == "month" or len(date) == 7:
        return start + (month - 1) * STRIP_YEAR / 12 + 0.5, start + month * STRIP_YEAR / 12 - 0.5
    day = datetime.date(year, month, int(date[8:10])).timetuple().tm_yday
    days = 366 if calendar.isleap(year) else 365
    centre = start + (day - 0.5) / days * STRIP_YEAR
    return centre - STRIP_DAY / 2, centre + STRIP_DAY / 2
