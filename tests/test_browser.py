"""Browser tests: the built site, served as GitHub Pages serves it, in Debian's headless Chromium."""

from __future__ import annotations

import re
from collections import defaultdict, deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from axe_playwright_python.sync_playwright import Axe
from pages_server import PagesServer
from playwright.sync_api import sync_playwright

from site_builder import content as ct
from site_builder import i18n, markup

CHROMIUM = "/usr/bin/chromium"
# No browser download: Playwright drives the system's Chromium with these flags.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SITE_URL = "https://example.github.io/REPO/"
BASE = "/REPO/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
AXE_CONTRAST = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
                "resultTypes": ["violations"]}
PHONE_WIDTH = 390

# Every URL a page refers to (links, stylesheets, icons, images, srcset, og: URLs), resolved
# against the document's base, and every id a #fragment may point to.
COLLECT = """() => {
  const refs = [];
  const add = (el, attr, value) => {
    if (!value || !value.trim()) return;
    let url;
    try { url = new URL(value.trim(), document.baseURI).href; } catch (e) { url = 'invalid:' + value; }
    refs.push({tag: el.localName, attr, url, raw: value});
  };
  for (const el of document.querySelectorAll('[href], [src], [poster], [data], [action]')) {
    for (const attr of ['href', 'src', 'poster', 'action']) add(el, attr, el.getAttribute(attr));
    if (el.localName === 'object') add(el, 'data', el.getAttribute('data'));
  }
  for (const el of document.querySelectorAll('[*|href]:not([href])')) {
    add(el, 'xlink:href', el.getAttributeNS('http://www.w3.org/1999/xlink', 'href'));
  }
  for (const el of document.querySelectorAll('[srcset]')) {
    for (const part of el.getAttribute('srcset').split(',')) add(el, 'srcset', part.trim().split(/\\s+/)[0]);
  }
  for (const el of document.querySelectorAll('meta[content]')) {
    const c = el.getAttribute('content');
    if (/^https?:\\/\\//.test(c)) add(el, 'content', c);
  }
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id)
    .concat([...document.querySelectorAll('a[name]')].map(e => e.getAttribute('name')));
  return {refs, ids};
}"""

# The elements that stick out past the right edge of the viewport (the innermost ones).
OVERFLOWING = """(width) => {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 0.5 && ![...el.children].some(c => c.getBoundingClientRect().right > width + 0.5)) {
      out.push(el.localName + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
        + (el.getAttribute('href') ? `[href=${el.getAttribute('href')}]` : '') + ` right=${Math.round(r.right)}`);
    }
  }
  return out.slice(0, 8);
}"""


# -- fixtures --

@pytest.fixture(scope="module")
def site(tmp_path_factory, run_cli, repo_root) -> Path:
    """The site built once for this module, for https://example.github.io/REPO/."""
    out = tmp_path_factory.mktemp("browser") / "output"
    code, stdout, stderr = run_cli(["build", "--base-url", SITE_URL, "--output", out], cwd=repo_root)
    assert code == 0, f"build failed:\n{stdout}\n{stderr}"
    return out


@pytest.fixture(scope="module")
def server(site):
    with PagesServer(site, BASE) as s:
        yield s


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def corpus(repo_root) -> ct.Corpus:
    return ct.load(repo_root / "content")


@pytest.fixture(scope="module")
def doc003(corpus) -> ct.Document:
    return next(d for d in corpus.documents if d.seed.startswith("003_"))


def doc_path(lang: str, doc: ct.Document) -> str:
    return f"{lang}/documents/{doc.id}/"


# Every Content-Security-Policy violation of a page, as the browser reports it to the page, kept
# in window.__csp and logged as a console error (which Watch reports). Runs before the page's own
# content, so it sees violations while the document is parsed.
CSP_LISTENER = """(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', e => {
    const v = {directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, line: e.lineNumber};
    window.__csp.push(v);
    console.error('CSP violation: ' + JSON.stringify(v));
  });
})()"""


class Watch:
    """Console errors, uncaught page errors, failed requests and CSP violations of one page object."""

    def __init__(self, page) -> None:
        self.where = ""
        self.errors: list[str] = []
        self._bad: set[str] = set()
        page.add_init_script(CSP_LISTENER)
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.errors.append(f"{self.where}: page error: {e}"))
        page.on("response", self._response)
        page.on("requestfailed", self._failed)

    def _console(self, message) -> None:
        # Chromium logs each 4xx/5xx subresource too; the response itself is reported below.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(f"{self.where}: console error: {message.text}")

    def _response(self, response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            self._bad.add(response.url)
            self.errors.append(f"{self.where}: {response.status} for {response.url}")

    def _failed(self, request) -> None:
        if request.url not in self._bad:
            self.errors.append(f"{self.where}: request failed: {request.url} ({request.failure})")


def axe_report(violations: list[dict]) -> list[str]:
    """One line per rule: id, impact, node count and up to three example selectors."""
    lines = []
    for v in violations:
        examples = "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes) e.g. {examples}")
    return lines


def luminance(css_colour: str) -> float:
    """WCAG relative luminance of a computed 'rgb(r, g, b)' / 'rgba(…)' colour."""
    r, g, b = (int(x) / 255 for x in re.findall(r"[\d.]+", css_colour)[:3])

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id" or (tag == "a" and k == "name"):
                self.ids.add(v or "")


def file_ids(path: Path) -> set[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids


def local_path(url: str, server: PagesServer):
    """The URL split, if it is on the test server or on the production site (mapped to the server)."""
    if url.startswith(SITE_URL):
        url = server.origin + BASE + url[len(SITE_URL):]
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != server.origin:
        return None
    return parts


# -- 1. the whole site --

@pytest.mark.browser
def test_crawl_every_page(site, server, browser):
    """Breadth-first over every page: status, console, link and src targets, #fragments, axe-core."""
    context = browser.new_context()
    # axe.min.js goes into every page as an init script, which is compiled once and cached;
    # Axe.run's own injection then has nothing left to do.
    context.add_init_script(AXE_SCRIPT)
    axe = Axe(axe_script="void 0")
    page = context.new_page()
    watch = Watch(page)
    problems: dict[str, list[str]] = defaultdict(list)
    broken: dict[str, set[str]] = defaultdict(set)
    answers: dict[str, object] = {}
    ids_by_file: dict[Path, set[str]] = {}
    fragments: list[tuple[str, Path, str, str]] = []
    external: set[str] = set()
    stylesheets: dict[Path, str] = {}

    def check(path: str, url: str, where: str):
        if path not in answers:
            answers[path] = server.final(path)
        answer = answers[path]
        if answer.status != 200:
            broken[url].add(where)
        return answer

    start = server.url()
    queue = deque([start])
    seen = {server.final(start).file}
    visited = []
    while queue:
        url = queue.popleft()
        where = urlsplit(url).path
        watch.where = where
        response = page.goto(url, wait_until="load")
        if response is None or response.status != 200:
            problems["status"].append(f"{where}: {response and response.status}")
            continue
        this_file = server.final(urlsplit(page.url).path).file
        visited.append(this_file)
        data = page.evaluate(COLLECT)
        ids_by_file[this_file] = set(data["ids"])
        for ref in data["refs"]:
            parts = local_path(ref["url"], server)
            if parts is None:
                if not ref["url"].startswith(("mailto:", "tel:", "data:", "javascript:")):
                    external.add(ref["url"])  # no network here: not checkable
                continue
            answer = check(parts.path, ref["url"], where)
            if answer.status != 200:
                continue
            if ref["tag"] == "link" and answer.file.suffix == ".css":
                stylesheets[answer.file] = server.origin + parts.path
            if answer.file.suffix == ".html":
                if parts.fragment:
                    fragments.append((where, answer.file, unquote(parts.fragment), ref["raw"]))
                if ref["tag"] in ("a", "area") and ref["attr"] == "href" and answer.file not in seen:
                    seen.add(answer.file)
                    queue.append(server.origin + parts.path)
        result = axe.run(page, options=AXE_OPTIONS).response
        for line in axe_report(result["violations"]):
            problems["axe"].append(f"{where}: {line}")

    # url() and @import inside local stylesheets.
    for css_file, css_url in stylesheets.items():
        text = css_file.read_text(encoding="utf-8")
        for ref in re.findall(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""", text):
            target = urljoin(css_url, ref[0] or ref[1])
            parts = local_path(target, server)
            if parts is not None:
                check(parts.path, target, urlsplit(css_url).path)

    for where, target, fragment, raw in fragments:
        ids = ids_by_file.get(target)
        if ids is None:
            ids = ids_by_file[target] = file_ids(target)
        if fragment not in ids and fragment not in ("", "top"):
            problems["#fragment"].append(f"{where}: {raw} — no id {fragment!r} in {target.relative_to(site)}")

    for url, pages in sorted(broken.items()):
        problems["broken"].append(f"{url} (on {len(pages)} pages, e.g. {sorted(pages)[0]})")
    problems["console errors, failed requests"].extend(watch.errors)
    html_files = {p for p in site.rglob("*.html") if p.name != "404.html" or p.parent != site}
    for p in sorted(html_files - set(visited)):
        problems["not reached by links"].append(str(p.relative_to(site)))
    context.close()

    report = [f"{kind}: {len(items)}\n  " + "\n  ".join(items[:40]) for kind, items in problems.items() if items]
    assert len(visited) >= 150, f"only {len(visited)} pages crawled"
    assert not report, f"{len(visited)} pages crawled; problems:\n" + "\n".join(report)


# -- 2. the 404 page where GitHub Pages serves it --

@pytest.mark.browser
def test_404_page_at_nested_missing_url(server, browser):
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page)
    watch.where = "/REPO/a/b/c/"
    css = []
    page.on("response", lambda r: r.url.endswith(".css") and css.append((r.url, r.status)))
    response = page.goto(server.url("a/b/c/"), wait_until="load")
    assert response.status == 404
    assert css and all(status == 200 for _, status in css), f"stylesheet requests: {css}"
    # Values set by static/style.css, not by the browser's defaults.
    styles = page.evaluate("""() => ({margin: getComputedStyle(document.body).marginTop,
        headerMax: getComputedStyle(document.querySelector('.site-header')).maxWidth,
        mainMax: getComputedStyle(document.querySelector('main')).maxWidth})""")
    assert styles == {"margin": "0px", "headerMax": "960px", "mainMax": "960px"}, styles

    data = page.evaluate(COLLECT)
    links = [r for r in data["refs"] if r["tag"] == "a"]
    assert len(links) >= 3
    bad = []
    for ref in data["refs"]:
        parts = local_path(ref["url"], server)
        if parts is None or server.final(parts.path).status != 200:
            bad.append(f"{ref['raw']} -> {ref['url']}")
    assert not bad, "broken references on the 404 page:\n" + "\n".join(bad)
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, "axe on the 404 page:\n" + "\n".join(axe_report(violations))

    # Following a link from the nested URL lands on a real page.
    with page.expect_navigation():
        page.locator("main a").first.click()
    assert urlsplit(page.url).path.startswith(BASE + "en/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").count() == 1
    assert not watch.errors, "\n".join(watch.errors)
    context.close()


# -- 3. phone width --

@pytest.mark.browser
def test_no_horizontal_scrolling_on_a_phone(site, server, browser, corpus):
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 844}, device_scale_factor=3,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    topics = sorted(p.name for p in (site / "en" / "topics").iterdir() if p.is_dir())
    assert topics
    too_wide = []
    for lang in ("en", "ru", "kk", "az"):
        paths = [f"{lang}/", f"{lang}/timeline/", f"{lang}/documents/", f"{lang}/topics/{topics[0]}/",
                 *(doc_path(lang, d) for d in corpus.documents)]
        for path in paths:
            assert page.goto(server.url(path), wait_until="load").status == 200
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE_WIDTH:
                too_wide.append(f"/REPO/{path}: scrollWidth {width}; {page.evaluate(OVERFLOWING, PHONE_WIDTH)}")
    context.close()
    assert not too_wide, f"wider than {PHONE_WIDTH} px:\n" + "\n".join(too_wide)


# -- 4. dark mode --

@pytest.mark.browser
def test_dark_mode_is_dark_and_readable(server, browser, doc003):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    failures = []
    for path in ("en/", doc_path("en", doc003), doc_path("kk", doc003)):
        page.goto(server.url(path), wait_until="load")
        colours = page.evaluate("""() => ({bg: getComputedStyle(document.body).backgroundColor,
                                           fg: getComputedStyle(document.body).color})""")
        if luminance(colours["bg"]) > 0.05 or luminance(colours["fg"]) < 0.5:
            failures.append(f"/REPO/{path}: not dark: {colours}")
        violations = Axe().run(page, options=AXE_CONTRAST).response["violations"]
        failures.extend(f"/REPO/{path}: {line}" for line in axe_report(violations))
    context.close()
    assert not failures, "\n".join(failures)


# -- 5. without JavaScript --

def _paragraph_texts(page) -> list[str]:
    """The text of each paragraph of the document's text, without its number and notes."""
    return page.evaluate("""() => [...document.querySelectorAll('.text > p')].map(p => {
        const c = p.cloneNode(true);
        c.querySelectorAll('.pnum, .note').forEach(e => e.remove());
        return c.textContent.replace(/\\s+/g, ' ').trim();
    })""")


@pytest.mark.browser
def test_without_javascript_everything_is_there(server, browser, corpus):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(server.url("en/timeline/"), wait_until="load")
    events = page.locator("article.event")
    assert events.count() == len(corpus.events)
    for ev in corpus.events:
        assert page.locator(f"#event-{ev.id}").is_visible(), f"event {ev.id} not shown"

    for doc in corpus.documents:
        # The whole text is on the document's page in its own language (the others give its opening).
        page.goto(server.url(doc_path(doc.language, doc)), wait_until="load")
        expected = [" ".join(p.split()) for p in doc.plain_paragraphs()]
        assert _paragraph_texts(page) == expected, f"text of {doc.id} differs"
        for n in range(1, len(expected) + 1):
            assert page.locator(f"#p-{n}").is_visible(), f"{doc.id} ¶{n} not visible"

    # The table's sort links are plain pages: follow each and check the order of the rows.
    s = i18n.strings("en")
    by_id = {d.id: d for d in corpus.documents}
    orders = {
        "title": (s["title"], "documents/by-title/",
                  sorted(corpus.documents, key=lambda d: (markup.collation_key(d.title), d.id))),
        "language": (s["text_language"], "documents/by-language/",
                     sorted(corpus.documents, key=lambda d: (i18n.TEXT_LANGUAGE_NAMES["en"][d.language],
                                                             d.date or "", d.id))),
        "outlet": (s["outlet"], "documents/by-outlet/",
                   sorted(corpus.documents, key=lambda d: (not d.outlet, markup.collation_key(d.outlet or ""),
                                                           d.date or "", d.id))),
        "date": (s["date"], "documents/", list(corpus.documents)),
    }
    page.goto(server.url("en/documents/"), wait_until="load")
    for key, (label, route, expected_docs) in orders.items():
        with page.expect_navigation():
            page.locator("#documents-table thead a", has_text=label).click()
        assert server.final(urlsplit(page.url).path).file == server.root / "en" / route / "index.html", page.url
        hrefs = page.locator("#documents-table tbody tr td:nth-child(2) a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))")
        ids = [h.strip("/").split("/")[-2] if h.endswith("index.html") else h.strip("/").split("/")[-1] for h in hrefs]
        assert ids == [d.id for d in expected_docs], f"order of {route}"
        assert set(ids) == set(by_id)
        sorted_th = page.locator("#documents-table thead th[aria-sort='ascending']")
        assert sorted_th.count() == 1 and label in sorted_th.inner_text()
    context.close()


# -- 6. language switcher --

@pytest.mark.browser
def test_language_switcher_keeps_the_document(server, browser, doc003):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url(doc_path("en", doc003)), wait_until="load")
    with page.expect_navigation():
        page.locator("nav.languages").get_by_role("link", name="Қазақша", exact=True).click()
    assert server.final(urlsplit(page.url).path).file == server.root / "kk" / "documents" / doc003.id / "index.html"
    assert page.evaluate("document.documentElement.lang") == "kk"
    assert page.locator(".text").get_attribute("lang") == "kk"
    assert page.locator("h1").inner_text().strip() == doc003.title
    assert page.locator("nav.languages a[aria-current='true']").inner_text() == "Қазақша"
    context.close()


# -- 7. print --

@pytest.mark.browser
def test_print_hides_navigation_and_keeps_the_text(server, browser, doc003):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url(doc_path(doc003.language, doc003)), wait_until="load")
    page.emulate_media(media="print")
    display = page.evaluate("""() => Object.fromEntries(['.site-nav', '.languages', '.skip', '.text']
        .map(s => [s, getComputedStyle(document.querySelector(s)).display]))""")
    assert display[".site-nav"] == "none", display
    assert display[".languages"] == "none", display
    assert display[".text"] != "none", display
    assert page.locator(".text").is_visible()
    paragraphs = page.locator(".text > p")
    assert paragraphs.count() == len(doc003.paragraphs)
    for i in range(paragraphs.count()):
        assert paragraphs.nth(i).is_visible()
    context.close()


# -- 8. keyboard --

@pytest.mark.browser
@pytest.mark.parametrize("which", ["home", "document"])
def test_skip_link_is_first_visible_and_moves_focus(server, browser, doc003, which):
    path = {"home": "en/", "document": doc_path("ru", doc003)}[which]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(server.url(path), wait_until="load")
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => { const a = document.activeElement;
        return {cls: a.className, href: a.getAttribute('href'), text: a.textContent.trim()}; }""")
    assert focused["cls"] == "skip" and focused["href"] == "#main", focused
    box = page.locator("a.skip").bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 1280 and box["y"] + box["height"] <= 800, box
    on_top = page.evaluate("""([x, y]) => document.elementFromPoint(x, y)?.closest('a.skip') !== null""",
                           [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top, "the focused skip link is covered by something else"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main'", timeout=2000)
    assert page.evaluate("document.activeElement.localName") == "main"
    assert urlsplit(page.url).fragment == "main"
    context.close()


# -- 9. search --

def run_search(page, server, lang: str, query: str) -> list[str]:
    """Type `query` into the search page of `lang`, press Enter; the result links' paths."""
    page.goto(server.url(f"{lang}/search/"), wait_until="load")
    page.locator("#q").focus()
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    return results_after(page, query)


def results_after(page, query: str) -> list[str]:
    page.wait_for_function("q => (document.getElementById('search-results').dataset.query || '')"
                           ".includes(encodeURIComponent(q).replace(/%20/g, '+'))", arg=query, timeout=15000)
    return page.locator("#search-results a").evaluate_all("links => links.map(a => new URL(a.href).pathname"
                                                          " + new URL(a.href).hash)")


def paragraph_text(site: Path, lang: str, doc_id: str, n: int) -> str:
    """The text of paragraph n of a built document page, as a reader sees it."""
    html = (site / lang / "documents" / doc_id / "index.html").read_text(encoding="utf-8")
    m = re.search(rf'<p id="p-{n}"[^>]*>(.*?)</p>', html, re.S)
    assert m, f"no #p-{n} in {doc_id}"
    return re.sub(r"<[^>]+>", "", m.group(1))


@pytest.mark.browser
@pytest.mark.parametrize("lang, query, seed, word", [
    ("ru", "Сумгаит", "001_", "Сумгаит"),            # Cyrillic, found inflected (Сумгаита) by the Russian stemmer
    ("kk", "Әлиевпен", "003_", "Әлиев"),             # a Kazakh case form the text does not use
    ("kk", "Бакуде", "003_", "Баку"),                # Kazakh locative; the text has Бакуге, Бакуға
    ("en", "Aliyev", "001_", None),                   # a Latin spelling of a name the texts write in Cyrillic
    ("en", "Əliyev", "003_", None),                   # the Azerbaijani spelling
    ("az", "Алиев", "003_", None),                    # Russian spelling finds the Kazakh text (Әлиев)
], ids=["cyrillic", "kazakh-inflected", "kazakh-locative", "latin-alias", "azerbaijani-alias", "russian-finds-kazakh"])
def test_search_finds_the_document(site, server, browser, corpus, lang, query, seed, word):
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page)
    watch.where = f"{lang}/search {query}"
    doc = next(d for d in corpus.documents if d.seed.startswith(seed))
    found = run_search(page, server, lang, query)
    mine = [h for h in found if h.split("#")[0] == f"{BASE}{lang}/documents/{doc.id}/"]
    assert mine, f"{query!r} on {lang}: {doc.id} not among {found}"
    assert page.locator("#search-status").inner_text().startswith(str(len(found)))
    if word:
        # The result leads to the paragraph the word stands in, and the excerpt marks it.
        href = mine[0]
        assert re.fullmatch(r".*#p-\d+", href), f"no paragraph anchor in {href}"
        n = int(href.rsplit("-", 1)[1])
        assert word.lower() in paragraph_text(site, lang, doc.id, n).lower(), f"¶{n} of {doc.id} lacks {word}"
        item = page.locator("#search-results li").filter(has=page.locator(f"a[href$='/{doc.id}/#p-{n}']")).first
        assert word.lower() in item.locator("mark").first.inner_text().lower()
        with page.expect_navigation():
            item.locator("a").first.click()
        assert page.evaluate("location.hash") == f"#p-{n}"
        assert page.locator(f"#p-{n}").is_visible()
    assert not watch.errors, "\n".join(watch.errors)
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ru", "kk", "az"])
def test_every_language_searches_the_one_index(site, server, browser, corpus, lang):
    """Each language's search page loads the bundle at the site's root; a paragraph found leads to it on the
    document's page in its own language, which gives the whole text."""
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page)
    bundles = set()
    context.on("requestfinished", lambda r: bundles.add(urlsplit(r.url).path.split("pagefind/")[0])
               if "/pagefind/" in r.url else None)
    doc = next(d for d in corpus.documents if d.seed.startswith("001_"))
    found = run_search(page, server, lang, "Сумгаит")
    mine = [h for h in found if h.startswith(f"{BASE}{doc.language}/documents/{doc.id}/#p-")]
    assert mine, found
    assert all(h.startswith((f"{BASE}{lang}/", f"{BASE}{doc.language}/documents/")) for h in found), found
    assert bundles == {BASE}, bundles
    with page.expect_navigation():
        page.locator(f"#search-results a[href='{mine[0]}']").first.click()
    assert urlsplit(page.url).path == f"{BASE}{doc.language}/documents/{doc.id}/"
    assert page.locator(urlsplit(mine[0]).fragment and "#" + urlsplit(mine[0]).fragment).is_visible()
    assert not watch.errors, "\n".join(watch.errors)
    context.close()


@pytest.mark.browser
def test_list_pages_are_not_search_results(site, server, browser, corpus):
    """Words every page shows (the site's title, the footer) find documents and events, never a list page."""
    context = browser.new_context()
    page = context.new_page()
    found = run_search(page, server, "en", "Kazakhstan")
    assert found
    # An event is found on its year's page of the timeline.
    events = {f"{BASE}en/timeline/{ev.date[:4]}/#event-{ev.id}" for ev in corpus.events}
    pages = {f"{BASE}en/documents/{d.id}/" for d in corpus.documents}
    assert [h for h in found if h not in events and h.split("#")[0] not in pages] == [], found
    context.close()


@pytest.mark.browser
def test_search_filters_narrow_and_live_in_the_url(site, server, browser, corpus):
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page)
    found = run_search(page, server, "en", "Aliyev")
    docs = {f"{BASE}en/documents/{d.id}/": d for d in corpus.documents}
    assert {h.split("#")[0] for h in found} >= set(docs), found
    year_select = page.get_by_label("Year", exact=True)
    year_select.select_option("2022")
    page.wait_for_function("() => document.getElementById('search-results').dataset.query.includes('year=2022')")
    hrefs = page.locator("#search-results a").evaluate_all("links => links.map(a => new URL(a.href).pathname"
                                                           " + new URL(a.href).hash)")
    narrowed = {h.split("#")[0] for h in hrefs}
    # The documents of 2022, and the events of 2022 (each a record of its own, with the same filters).
    assert {h for h in narrowed if "/documents/" in h} == {u for u, d in docs.items()
                                                          if (d.date or "").startswith("2022")}, narrowed
    events = {h.split("#event-")[1] for h in hrefs if "#event-" in h}
    assert events <= {ev.id for ev in corpus.events if ev.date.startswith("2022")}, events
    assert narrowed <= set(docs) | {f"{BASE}en/timeline/2022/"}, narrowed
    assert "q=Aliyev" in page.url and "year=2022" in page.url
    # The URL alone gives the same view: a shared link.
    other = context.new_page()
    other.goto(page.url, wait_until="load")
    again = results_after(other, "Aliyev")
    assert {h.split("#")[0] for h in again} == narrowed
    assert other.locator("#q").input_value() == "Aliyev"
    assert other.get_by_label("Year", exact=True).input_value() == "2022"
    # axe-core with the filters shown and results listed.
    violations = Axe().run(other, options=AXE_OPTIONS).response["violations"]
    assert not violations, "\n".join(axe_report(violations))
    # Back returns to the unfiltered results.
    page.go_back()
    page.wait_for_function("() => !document.getElementById('search-results').dataset.query.includes('year=')")
    assert page.get_by_label("Year", exact=True).input_value() == ""
    assert not watch.errors, "\n".join(watch.errors)
    context.close()


@pytest.fixture(scope="module")
def parted_server(site, tmp_path_factory, repo_root):
    """The same site, its search index made in parts: a record a part, two Pagefind processes, the bundles merged."""
    import shutil

    from site_builder import config as site_config
    from site_builder import search
    from site_builder.pages import Site

    out = tmp_path_factory.mktemp("parted") / "output"
    shutil.copytree(site, out)
    shutil.rmtree(out / search.BUNDLE)
    found = search.records(Site(ct.load(repo_root / "content"), site_config.load(repo_root / "site.yaml")))
    assert len(search.parts(found, 1)) == len(found) > 2
    search.write_bundle(found, out / search.BUNDLE, size=1)
    with PagesServer(out, BASE) as s:
        yield s


@pytest.mark.browser
@pytest.mark.parametrize("lang, query", [("ru", "Сумгаит"), ("kk", "Бакуде"), ("en", "Aliyev"), ("en", "Əliyev"),
                                         ("az", "Алиев"), ("en", "Kazakhstan"), ("en", "Aliyev&year=2022")])
def test_an_index_made_in_parts_finds_what_one_finds(server, parted_server, browser, lang, query):
    """The same results, excerpts and counts, filters too, from the merged bundle as from one Pagefind's."""
    shown = []
    for s in (server, parted_server):
        context = browser.new_context()
        page = context.new_page()
        watch = Watch(page)
        q, _, filters = query.partition("&")
        page.goto(s.url(f"{lang}/search/?q={q}" + (f"&{filters}" if filters else "")), wait_until="load")
        found = results_after(page, q)
        shown.append((found, page.locator("#search-status").inner_text(), page.locator("#search-results").inner_html()))
        assert found and not watch.errors, "\n".join(watch.errors)
        context.close()
    assert shown[0] == shown[1]


@pytest.mark.browser
def test_search_results_are_text_not_html(site, server, browser):
    """A query with markup is shown as typed, and nothing of it becomes an element."""
    context = browser.new_context()
    page = context.new_page()
    run_search(page, server, "en", '<img src=x onerror="window.__pwned=1">Baku')
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#search-results img").count() == 0
    context.close()


# -- 10. filters of the timeline and the document index --

def visible_ids(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all("els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


@pytest.mark.browser
def test_timeline_filter_narrows_and_its_url_restores_the_view(server, browser, corpus):
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page)
    page.goto(server.url("en/timeline/"), wait_until="load")
    everything = visible_ids(page, "article.event")
    assert len(everything) == len(corpus.events)
    page.get_by_label("Topic", exact=True).select_option("energy")
    expected = [f"event-{ev.id}" for ev in corpus.events if "energy" in ev.topics]
    assert 0 < len(expected) < len(corpus.events)
    assert visible_ids(page, "article.event") == expected
    status = page.locator("#filters .filter-status")
    assert status.inner_text() == f"{len(expected)} of {len(corpus.events)} shown"
    assert status.get_attribute("role") == "status"
    assert urlsplit(page.url).query == "topic=energy"
    # The strip dims the marks of the events hidden.
    dimmed = page.locator("svg.strip a.mark.out").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert dimmed == [f"#event-{ev.id}" for ev in corpus.events if "energy" not in ev.topics]
    # Years left empty are hidden with their heading.
    shown_years = page.locator("section.year").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('h2').textContent)")
    assert shown_years == list(dict.fromkeys(ev.date[:4] for ev in corpus.events if "energy" in ev.topics))
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, "\n".join(axe_report(violations))

    year = corpus.events[-1].date[:4]
    other = context.new_page()
    other.goto(server.url(f"en/timeline/?topic=energy&year={year}"), wait_until="load")
    assert visible_ids(other, "article.event") == [f"event-{ev.id}" for ev in corpus.events
                                                   if "energy" in ev.topics and ev.date.startswith(year)]
    assert other.get_by_label("Topic", exact=True).input_value() == "energy"
    assert other.get_by_label("Year", exact=True).input_value() == year
    # "Show all" clears the filters and the URL.
    other.get_by_role("button", name="Show all").click()
    other.wait_for_function("() => location.search === ''")
    assert len(visible_ids(other, "article.event")) == len(corpus.events)
    assert not watch.errors, "\n".join(watch.errors)
    context.close()


@pytest.mark.browser
def test_document_filter_keeps_its_view_across_sort_orders(server, browser, corpus):
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page)
    page.goto(server.url("en/documents/?language=kk"), wait_until="load")
    rows = page.locator("#documents-table tbody tr")
    shown = rows.evaluate_all("rs => rs.filter(r => r.offsetParent !== null).map(r => r.dataset.language)")
    assert shown == [d.language for d in corpus.documents if d.language == "kk"] and shown
    with page.expect_navigation():
        page.locator("#documents-table thead a", has_text="Title").click()
    assert server.final(urlsplit(page.url).path).file == server.root / "en" / "documents" / "by-title" / "index.html"
    assert urlsplit(page.url).query == "language=kk"
    assert rows.evaluate_all("rs => rs.filter(r => r.offsetParent !== null).length") == len(shown)
    # An entity filter: the rows that name the entity.
    eid = "ilham-aliyev"
    page.get_by_label("Person, place or organization").select_option(eid)
    page.get_by_label("Language of the text").select_option("")
    expected = sum(1 for d in corpus.documents if eid in d.entities)
    assert rows.evaluate_all("rs => rs.filter(r => r.offsetParent !== null).length") == expected
    assert f"entity={eid}" in page.url
    assert not watch.errors, "\n".join(watch.errors)
    context.close()


@pytest.mark.browser
def test_without_javascript_filters_and_search_step_aside(server, browser, corpus):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("en/timeline/?topic=energy"), wait_until="load")
    assert not page.locator("#filters").is_visible()
    assert len(visible_ids(page, "article.event")) == len(corpus.events)
    page.goto(server.url("en/documents/"), wait_until="load")
    assert not page.locator("#filters").is_visible()
    assert page.locator("#documents-table tbody tr").count() == len(corpus.documents)
    page.goto(server.url("en/search/"), wait_until="load")
    notice = page.locator("main .notice")
    assert notice.is_visible() and "JavaScript" in notice.inner_text()
    assert notice.get_by_role("link").count() == 3
    context.close()


@pytest.mark.browser
def test_search_without_its_index_says_so(server, browser):
    """The index cannot be loaded (a failed download, the site opened from disk): the page says so."""
    context = browser.new_context()
    page = context.new_page()
    page.route("**/pagefind/**", lambda route: route.abort())
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    run_search(page, server, "en", "Baku")
    assert page.locator("#search-status").inner_text() == i18n.strings("en")["search_failed"]
    assert page.locator("#search-results li").count() == 0
    assert errors == []
    context.close()


# -- 11. the Content-Security-Policy --

class _Head(HTMLParser):
    """The tags of a page in order, with their attributes, and what breaks the policy's rules."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.inline: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        for name in a:
            if name.startswith("on") or name == "style":
                self.inline.append(f"<{tag} {name}=…>")
        if tag == "style":
            self.inline.append("<style>")
        if tag == "script":
            self._script = a

    def handle_data(self, data):
        if self._script is not None and "src" not in self._script and data.strip() \
                and self._script.get("type") != "application/ld+json":
            self.inline.append(f"<script> {data.strip()[:40]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


@pytest.mark.parametrize("nothing", [None])
def test_every_page_carries_the_policy_first(site, nothing):
    """Every HTML file: the policy right after the charset (before any base, link or script), and
    nothing inline it would refuse — so the browser tests' zero violations hold for every page."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 150
    bad = []
    for path in pages:
        head = _Head()
        head.feed(path.read_text(encoding="utf-8"))
        rel = str(path.relative_to(site))
        metas = [a for t, a in head.tags if t == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"]
        if len(metas) != 1:
            bad.append(f"{rel}: {len(metas)} policies")
            continue
        first = [t for t, a in head.tags[:5]]
        if first[:4] != ["html", "head", "meta", "meta"] or head.tags[3][1] is not metas[0]:
            bad.append(f"{rel}: the policy is not the first thing after the charset: {first}")
        policy = dict(part.strip().split(" ", 1) for part in metas[0]["content"].split(";"))
        wasm = "'wasm-unsafe-eval'" if rel.endswith("search/index.html") else None
        expected = {"default-src": "'none'", "script-src": " ".join(filter(None, ["'self'", wasm])),
                    "style-src": "'self'", "img-src": "'self'", "connect-src": "'self'", "object-src": "'none'",
                    "base-uri": "'self'", "form-action": "'self'"}
        if wasm:
            expected["worker-src"] = "'self'"
        if policy != expected:
            bad.append(f"{rel}: policy {policy}")
        bad.extend(f"{rel}: {what}" for what in head.inline)
    assert not bad, "\n".join(bad[:40])


@pytest.mark.browser
def test_policy_refuses_what_slips_into_a_page(site, server, browser):
    """A timeline page with inline script, an event handler, inline style and a foreign script
    injected into it: the browser refuses each and says so, and the site's own script still runs."""
    html = (site / "en" / "timeline" / "index.html").read_text(encoding="utf-8")
    payload = ('<script>window.__inline = 1</script>'
               '<button id="injected" onclick="window.__handler = 1">x</button>'
               '<p id="styled" style="color: rgb(255, 0, 0)">x</p>'
               '<script src="https://evil.example/x.js"></script>'
               '<object data="https://evil.example/x.swf"></object>')
    assert "<main" in html
    injected = html.replace("</main>", payload + "</main>", 1)
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(CSP_LISTENER)
    url = server.url("en/timeline/")
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=injected))
    page.goto(url, wait_until="load")
    page.locator("#injected").click()
    assert page.evaluate("[window.__inline, window.__handler]") == [None, None]
    assert page.evaluate("getComputedStyle(document.getElementById('styled')).color") != "rgb(255, 0, 0)"
    refused = {(v["directive"], v["blocked"]) for v in page.evaluate("window.__csp")}
    assert {("script-src-elem", "inline"), ("script-src-attr", "inline"), ("style-src-attr", "inline"),
            ("script-src-elem", "https://evil.example/x.js"), ("object-src", "https://evil.example")} <= refused, refused
    # static/filters.js, from the site itself, ran: its controls are there.
    assert page.locator("#filters select").count() > 0


# -- 12. charts and the timeline strip as a reader sees them --

# Every text of the page's charts that is not wholly inside its SVG's drawing area, and every
# ranked-bar label cut short (a label clipped by its box, or wider than it).
CLIPPED = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg.chart, svg.strip')) {
    const vb = svg.viewBox.baseVal;
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox();
      if (b.width === 0 || b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5
          || b.y + b.height > vb.y + vb.height + 0.5) {
        out.push(`${t.textContent} at ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)}`
                 + ` outside 0,0 ${vb.width}x${vb.height}`);
      }
    }
  }
  for (const label of document.querySelectorAll('.bars .bar-label')) {
    const box = label.getBoundingClientRect(), li = label.closest('li').getBoundingClientRect();
    if (label.scrollWidth > label.clientWidth + 1 || box.left < li.left - 0.5 || box.right > li.right + 0.5) {
      out.push(`label ${label.textContent.trim()} cut: ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
  }
  return out;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [PHONE_WIDTH, 1280])
def test_chart_labels_are_never_cut_off(site, server, browser, width):
    """Today's defect: a long name in the most-mentioned chart lost its beginning past the SVG's left edge."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    topics = sorted(p.name for p in (site / "en" / "topics").iterdir() if p.is_dir())
    problems, labels = [], 0
    for lang in ("en", "ru", "kk", "az"):
        for path in [f"{lang}/", f"{lang}/timeline/", *(f"{lang}/topics/{t}/" for t in topics)]:
            page.goto(server.url(path), wait_until="load")
            problems.extend(f"/REPO/{path}: {p}" for p in page.evaluate(CLIPPED))
            labels += page.locator(".bars .bar-label").count()
    context.close()
    assert labels, "no ranked bars were looked at"
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_the_long_names_of_the_most_mentioned_chart_are_whole(site, server, browser):
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 900})
    page = context.new_page()
    page.goto(server.url("en/topics/politics/"), wait_until="load")
    names = page.locator(".bars .bar-label a").all_inner_texts()
    assert "Azerbaijan–Kazakhstan Supreme Interstate Council" in names
    label = page.locator(".bars .bar-label", has_text="Supreme Interstate Council")
    box = label.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH
    context.close()


@pytest.mark.browser
def test_policy_holds_on_the_404_page_at_depth_and_with_search(server, browser):
    """No violation where the policy meets <base> (the 404 page three folders down) or Pagefind's
    WebAssembly (a search); the same policy without 'wasm-unsafe-eval' would stop the search."""
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page)
    watch.where = "404"
    page.goto(server.url("x/y/z/"), wait_until="load")
    assert page.evaluate("getComputedStyle(document.body).marginTop") == "0px"
    assert page.evaluate("window.__csp") == []
    search = context.new_page()
    watch_search = Watch(search)
    watch_search.where = "search"
    assert run_search(search, server, "en", "Aliyev")
    assert search.evaluate("window.__csp") == []
    assert not watch.errors + watch_search.errors, "\n".join(watch.errors + watch_search.errors)


def test_timeline_strip_by_keyboard_and_at_phone_width(server, browser, corpus):
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server.url("en/timeline/"), wait_until="load")
    marks = page.locator("svg.strip a.mark")
    assert marks.count() == len(corpus.events)
    # Each mark's accessible name is its event's title (and date), as the list gives it.
    first = corpus.events[0]
    assert page.locator("svg.strip").get_by_role("link", name=first.title["en"]).count() == 1
    names = marks.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert sorted(n.split(" — ")[0] for n in names) == sorted(ev.title["en"] for ev in corpus.events)
    # The page does not scroll sideways; the strip does, in its own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    assert page.evaluate("(() => { const w = document.querySelector('.strip-wrap'); "
                         "return w.scrollWidth > w.clientWidth; })()")
    # Tab to the first mark, Enter: the event in the list.
    page.locator("svg.strip").evaluate("svg => svg.closest('figure').previousElementSibling.setAttribute('tabindex', '-1')")
    page.locator("svg.strip").evaluate("svg => svg.closest('figure').previousElementSibling.focus()")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.mark')"):
            break
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.startswith("#event-"), focused
    page.keyboard.press("Enter")
    page.wait_for_function("h => location.hash === h", arg=focused)
    assert page.locator(focused).is_visible()
    # A year jumps to its part of the list.
    year = corpus.events[-1].date[:4]
    page.locator(f"svg.strip a.year-link[href='#y-{year}']").click()
    page.wait_for_function("h => location.hash === h", arg=f"#y-{year}")
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, "\n".join(axe_report(violations))
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("wasm", [True, False], ids=["wasm-unsafe-eval", "without"])
def test_search_without_its_worker_needs_wasm_unsafe_eval(site, server, browser, wasm):
    """Pagefind searches in a worker, and in the page when the worker cannot start; there its
    WebAssembly needs 'wasm-unsafe-eval' — the one addition the search page's policy makes."""
    html = (site / "en" / "search" / "index.html").read_text(encoding="utf-8")
    assert "worker-src 'self'" in html and "'wasm-unsafe-eval'" in html
    html = html.replace("worker-src 'self'", "worker-src 'none'")
    if not wasm:
        html = html.replace(" 'wasm-unsafe-eval'", "")
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(CSP_LISTENER)
    url = server.url("en/search/")
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
    found = run_search(page, server, "en", "Aliyev")
    refused = {v["directive"] for v in page.evaluate("window.__csp")}
    assert "worker-src" in refused
    if wasm:
        assert found and refused == {"worker-src"}, (found, refused)
    else:
        assert not found and "script-src" in refused, (found, refused)
        assert page.locator("#search-status").inner_text() == i18n.strings("en")["search_failed"]


def test_timeline_strip_without_javascript(server, browser, corpus):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("kk/timeline/"), wait_until="load")
    assert page.locator("svg.strip a.mark").count() == len(corpus.events)
    ev = corpus.events[0]
    page.locator(f"svg.strip a.mark[href='#event-{ev.id}']").click()
    page.wait_for_function("h => location.hash === h", arg=f"#event-{ev.id}")
    assert page.locator(f"#event-{ev.id}").is_visible()
    context.close()
