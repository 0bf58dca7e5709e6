"""Charts as static SVG made at build time, each with a table giving the same figures."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup, escape

# One colour per topic, in topic order; readable on light and dark backgrounds alike.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#e377c2", "#8c564b", "#bcbd22", "#17becf")


def stacked_years(items: list[tuple[str, tuple[str, ...]]], keys: list[str], names: dict[str, str],
                  title: str, strings: dict[str, str]) -> dict:
    """Bars per year stacked by key; `items` are (year, keys of one item). Returns svg, table, legend."""
    counts: Counter = Counter()
    years = sorted({y for y, _ in items if y})
    for year, item_keys in items:
        if year:
            for k in item_keys:
                counts[(year, k)] += 1
    used = [k for k in keys if any(counts[(y, k)] for y in years)]
    colours = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}
    table = {"headers": [strings["year"], *(names[k] for k in used), strings["total"]],
             "rows": [[y, *(counts[(y, k)] for k in used), sum(counts[(y, k)] for k in used)] for y in years]}
    if not years:
        return {"svg": Markup(""), "table": table, "legend": [], "title": title}
    totals = [sum(counts[(y, k)] for k in used) for y in years]
    top = max(totals) or 1
    bar, gap, height, left, bottom = 36, 16, 160, 32, 24
    width = left + len(years) * (bar + gap) + gap
    parts = [f'<svg class="chart" role="img" aria-labelledby="{{id}}-t" viewBox="0 0 {width} {height + bottom + 8}" '
             f'width="{width}" height="{height + bottom + 8}" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{{id}}-t">{escape(title)}</title>']
    for tick in sorted({0, top // 2, top}):
        y = height - tick * height / top + 4
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">{tick}</text>')
        parts.append(f'<line x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
    for i, year in enumerate(years):
        x = left + gap + i * (bar + gap)
        base = height + 4
        for k in used:
            n = counts[(year, k)]
            if not n:
                continue
            h = n * height / top
            base -= h
            parts.append(f'<rect x="{x}" y="{base:.1f}" width="{bar}" height="{h:.1f}" fill="{colours[k]}">'
                         f'<title>{escape(year)}: {escape(names[k])} {n}</title></rect>')
        parts.append(f'<text x="{x + bar / 2}" y="{height + bottom}" text-anchor="middle" class="axis">{escape(year)}</text>')
    parts.append("</svg>")
    legend = [{"name": names[k], "colour": colours[k]} for k in used]
    return {"svg": Markup("".join(parts)), "table": table, "legend": legend, "title": title}


def bars(items: list[tuple[str, int]], title: str) -> dict:
    """Horizontal bars, one per (label, count), largest first."""
    if not items:
        return {"svg": Markup(""), "title": title, "items": []}
    top = max(n for _, n in items) or 1
    row, label_w, bar_w = 24, 220, 240
    width, height = label_w + bar_w + 40, row * len(items) + 8
    parts = [f'<svg class="chart" role="img" aria-labelledby="{{id}}-t" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{{id}}-t">{escape(title)}</title>']
    for i, (label, n) in enumerate(items):
        y = 4 + i * row
        w = n * bar_w / top
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" class="label">{escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" fill="{PALETTE[0]}"/>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 16}" class="axis">{n}</text>')
    parts.append("</svg>")
    return {"svg": Markup("".join(parts)), "title": title, "items": items}
