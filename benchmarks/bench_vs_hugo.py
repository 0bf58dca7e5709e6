"""Benchmark: site_builder against Hugo on the same documents — wall time, CPU time, peak memory, output size.

    python benchmarks/bench_vs_hugo.py 1000                   # one and four languages, one run each
    python benchmarks/bench_vs_hugo.py 1000 --languages 4 --runs 3

The corpus is benchmarks/corpus.py's (N documents through the real ingest). From its content/ the
script writes a Hugo site of the same documents: each entry's Markdown and front matter, the
taxonomies topics, people, places and organizations (term pages titled with the knowledge files'
names), and minimal layouts (baseof, the document page, the home and section list, the taxonomy
and term lists). With four languages (en, ru, kk, az) every document is rendered in every
language, as site_builder renders every document page per interface language.

Both are then built one at a time, alternating: site_builder as `site-builder build --no-cache` does
(cold: every file parsed, search index included), with this checkout's templates/ and static/; Hugo as
`hugo --quiet -s DIR -d OUT`. Then site_builder's rebuild with nothing changed: one build that keeps
its parse cache and the snapshot of what it made (site_builder.snapshot), then the next, measured.
Each build runs under a small wrapper process that times it and reads its rusage: wall time, CPU
time (user + system of the whole process tree), peak memory of the largest process
(ru_maxrss of RUSAGE_CHILDREN) and of the whole tree (the sum of the tree's resident memory in
/proc, sampled every 50 ms), and the output's apparent size.

Hugo is Debian's package (`apt-get install hugo`, 0.111 on bookworm); without it the script says so
and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "benchmarks"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

LANGUAGES = ("en", "ru", "kk", "az")
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша", "az": "Azərbaycanca"}
# Taxonomy (plural, as in the front matter) -> singular, as Hugo's configuration wants them.
TAXONOMIES = {"topics": "topic", "people": "person", "places": "place", "organizations": "organization"}
SAMPLE_S = 0.05

try:
    _Loader = yaml.CSafeLoader
    _Dumper = yaml.CSafeDumper
except AttributeError:  # PyYAML without libyaml
    _Loader, _Dumper = yaml.SafeLoader, yaml.SafeDumper


# ---------------------------------------------------------------- the Hugo site

LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} — {{ end }}{{ .Site.Title }}</title>
</head>
<body>
<header>
<a href="{{ "" | relLangURL }}">{{ .Site.Title }}</a>
<nav>{{ range .AllTranslations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
<nav><a href="{{ "documents/" | relLangURL }}">documents</a>{{ range $plural, $_ := .Site.Taxonomies }} <a href="{{ $plural | relLangURL }}/">{{ $plural }}</a>{{ end }}</nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p>{{ with .Params.date_text }}<time>{{ . }}</time>{{ end }} {{ .Params.text_language }}</p>
{{ range $plural := slice "topics" "people" "places" "organizations" }}{{ with $.GetTerms $plural }}
<p>{{ $plural }}: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}{{ end }}
{{ .Content }}
{{ with .Params.quotes }}<h2>quotes</h2>{{ range . }}<blockquote>{{ .text }}<footer>{{ .speaker }}</footer></blockquote>{{ end }}{{ end }}
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>
{{ range .RegularPagesRecursive }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.date_text }}</li>
{{ end }}</ul>{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>
{{ end }}</ul>{{ end }}
""",
    "_default/term.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.date_text }}</li>
{{ end }}</ul>{{ end }}
""",
}


def split_entry(text: str) -> tuple[dict, str]:
    """(front matter, Markdown body) of a content entry."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.index("\n---\n", 3)
    return yaml.load(text[4:end + 1], Loader=_Loader) or {}, text[end + 5:]


def _full_date(date: str) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as the YYYY-MM-DD Hugo can read (the first day of its span)."""
    parts = str(date).split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def _names(content: Path) -> dict[str, dict[str, dict[str, str]]]:
    """Taxonomy -> term id -> language -> name, from the knowledge files topics.yaml and entities.yaml."""
    names: dict[str, dict[str, dict[str, str]]] = {plural: {} for plural in TAXONOMIES}
    kinds = {"person": "people", "place": "places", "organization": "organizations"}
    topics = yaml.load((content / "topics.yaml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    for t in topics.get("topics") or []:
        names["topics"][t["id"]] = t.get("name") or {}
    entities = yaml.load((content / "entities.yaml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    for e in entities.get("entities") or []:
        if e.get("type") in kinds:
            names[kinds[e["type"]]][e["id"]] = e.get("name") or {}
    return names


def _dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1 << 20)


def write_hugo_site(content: Path, site: Path, languages: tuple[str, ...], title: dict[str, str] | None = None,
                    base_url: str = "https://example.github.io/kz-az-record/") -> dict:
    """Write a Hugo site of the entries in `content`/documents into `site` (emptied first); what it holds, as a dict.

    Each language has its own content folder, content/<lang>/, holding every document (its front
    matter and Markdown as in the entry; `date` made a full date, the entry's own in `date_text`;
    `language`, the text's language, as `text_language`) and an _index.md for every term used,
    titled with the term's name in that language.
    """
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    title = title or {}
    names = _names(content)
    entries = []
    used: dict[str, set[str]] = {plural: set() for plural in TAXONOMIES}
    for path in sorted((content / "documents").glob("*.md")):
        front, body = split_entry(path.read_text(encoding="utf-8"))
        out = {}
        for key, value in front.items():
            if key == "date":
                if value:
                    out["date"] = _full_date(value)
                    out["date_text"] = str(value)
            elif key == "language":
                out["text_language"] = value
            else:
                out[key] = value
        out["slug"] = str(front["id"])
        for plural in TAXONOMIES:
            used[plural].update(out.get(plural) or ())
        entries.append((str(front["id"]), f"---\n{_dump(out)}---\n{body}"))
    for lang in languages:
        root = site / "content" / lang
        (root / "documents").mkdir(parents=True)
        (root / "documents" / "_index.md").write_text(f"---\ntitle: documents\n---\n", encoding="utf-8")
        for doc_id, text in entries:
            (root / "documents" / f"{doc_id}.md").write_text(text, encoding="utf-8")
        for plural, terms in used.items():
            (root / plural).mkdir()
            (root / plural / "_index.md").write_text(f"---\ntitle: {plural}\n---\n", encoding="utf-8")
            for term in sorted(terms):
                name = names[plural].get(term, {})
                label = name.get(lang) or name.get("en") or term
                (root / plural / term).mkdir()
                (root / plural / term / "_index.md").write_text(f"---\n{_dump({'title': label})}---\n",
                                                                 encoding="utf-8")
    config = {
        "baseURL": base_url,
        "title": title.get(languages[0], "site"),
        "defaultContentLanguage": languages[0],
        "defaultContentLanguageInSubdir": len(languages) > 1,
        "enableRobotsTXT": False,
        "taxonomies": {singular: plural for plural, singular in TAXONOMIES.items()},
        "languages": {lang: {"languageName": LANGUAGE_NAMES[lang], "weight": i + 1, "contentDir": f"content/{lang}",
                             "title": title.get(lang, title.get(languages[0], "site"))}
                      for i, lang in enumerate(languages)},
    }
    (site / "config.yaml").write_text(_dump(config), encoding="utf-8")
    for rel, text in LAYOUTS.items():
        (site / "layouts" / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / "layouts" / rel).write_text(text, encoding="utf-8")
    return {"documents": len(entries), "languages": list(languages),
            "terms": {plural: len(terms) for plural, terms in used.items()}}


# ---------------------------------------------------------------- measuring one build

def _tree(root: int, page: int) -> tuple[int, int, dict[int, tuple[str, int]]]:
    """From /proc: (largest, sum) of the resident memory in bytes of `root`'s descendants, and each one's
    (name, CPU ticks)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, bytes] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        pid = int(entry.name)
        stats[pid] = stat
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(pid)
    largest = total = 0
    cpu: dict[int, tuple[str, int]] = {}
    todo = list(children.get(root, ()))
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        stat = stats[pid]
        fields = stat[stat.rindex(b")") + 2:].split()
        name = stat[stat.index(b"(") + 1:stat.rindex(b")")].decode(errors="replace")
        cpu[pid] = (name, int(fields[11]) + int(fields[12]))  # utime + stime
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                rss = int(f.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        largest, total = max(largest, rss), total + rss
    return largest, total, cpu


def run_measured(cmd: list[str], log: Path, env: dict | None = None, cwd: Path | None = None) -> dict:
    """Run `cmd` as this process' only child; wall, CPU and memory figures of it and its descendants.

    Besides: the wall and CPU time of its Pagefind processes (the search index), as sampled.
    """
    page, ticks = os.sysconf("SC_PAGE_SIZE"), os.sysconf("SC_CLK_TCK")
    peak = {"largest": 0, "sum": 0}
    seen: dict[int, list] = {}  # pid -> [name, CPU ticks, first seen, last seen]
    with open(log, "wb") as out:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                largest, total, cpu = _tree(os.getpid(), page)
                now = time.perf_counter()
                peak["largest"], peak["sum"] = max(peak["largest"], largest), max(peak["sum"], total)
                for pid, (name, used) in cpu.items():
                    entry = seen.setdefault(pid, [name, used, now, now])
                    entry[0], entry[1], entry[3] = name, used, now  # Pagefind starts as python, then execs
                done.wait(SAMPLE_S)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = proc.wait()
        wall = time.perf_counter() - t
        done.set()
        sampler.join()
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    pagefind = [v for v in seen.values() if v[0].startswith("pagefind")]
    return {"code": code, "wall_s": wall, "cpu_s": ru.ru_utime + ru.ru_stime,
            "peak_largest_mb": ru.ru_maxrss / 1024, "peak_largest_sampled_mb": peak["largest"] / 2 ** 20,
            "peak_tree_mb": peak["sum"] / 2 ** 20,
            "search_wall_s": (max(v[3] for v in pagefind) - min(v[2] for v in pagefind)) if pagefind else 0.0,
            "search_cpu_s": sum(v[1] for v in pagefind) / ticks}


def measure(cmd: list[str], out: Path, log: Path, env: dict | None = None) -> dict:
    """One build in a fresh wrapper process (so that its rusage is the build's alone), plus the output's size."""
    wrapper = [sys.executable, __file__, "--exec", str(log), json.dumps(cmd)]
    done = subprocess.run(wrapper, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"wrapper failed: {done.stderr}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    if figures["code"] != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{cmd[0]} exited with {figures['code']}:\n{tail}")
    files = [p for p in out.rglob("*") if p.is_file() and not p.is_symlink()]
    figures["output_mb"] = sum(p.stat().st_size for p in files) / 1e6
    figures["files"] = len(files)
    figures["pages"] = sum(1 for p in files if p.suffix == ".html")
    # site_builder's search index (Pagefind's bundle); Hugo has none.
    figures["search_index_mb"] = sum(p.stat().st_size for p in files if p.parts[len(out.parts)] == "pagefind") / 1e6
    return figures


# ---------------------------------------------------------------- the comparison

def site_builder_config(languages: tuple[str, ...], path: Path) -> Path:
    """This checkout's site.yaml with its interface languages set to `languages`."""
    text = (ROOT / "site.yaml").read_text(encoding="utf-8")
    text, n = re.subn(r"(?m)^languages:.*$", f"languages: [{', '.join(languages)}]", text)
    if n != 1:
        raise SystemExit("site.yaml: no single `languages:` line to set")
    path.write_text(text, encoding="utf-8")
    return path


def _row(name: str, f: dict) -> str:
    return (f"  {name:<12} wall {f['wall_s']:7.1f} s  cpu {f['cpu_s']:7.1f} s  "
            f"largest process {f['peak_largest_mb']:7.0f} MB  tree {f['peak_tree_mb']:7.0f} MB  "
            f"output {f['output_mb']:7.1f} MB  pages {f['pages']:6.0f}"
            + (f"\n  {'':<12} of which the search index (Pagefind): wall {f['search_wall_s']:.1f} s, "
               f"cpu {f['search_cpu_s']:.1f} s, {f['search_index_mb']:.1f} MB" if f["search_index_mb"] else ""))


def compare(n: int, language_sets: list[tuple[str, ...]], runs: int, hugo: str, work: Path) -> list[dict]:
    import corpus

    project = corpus.project(n)
    config = yaml.load((ROOT / "site.yaml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    title = config.get("title") if isinstance(config.get("title"), dict) else {}
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    print(f"corpus: {n} documents in {project}\nhugo: {version}", flush=True)
    results = []
    for languages in language_sets:
        tag = f"{len(languages)}lang"
        hugo_site = work / f"hugo-{tag}"
        shape = write_hugo_site(project / "content", hugo_site, languages, title)
        cfg = site_builder_config(languages, work / f"site-{tag}.yaml")
        print(f"\n{len(languages)} language(s) {', '.join(languages)}: hugo site of {shape['documents']} documents, "
              f"terms {shape['terms']}", flush=True)
        sb_out, hugo_out = work / f"out-sb-{tag}", work / f"out-hugo-{tag}"
        # `site-builder build`, with this checkout's templates and static files (not the corpus' copies).
        sb_cmd = [sys.executable, "-m", "site_builder", "build", "--content", str(project / "content"),
                  "--seeds", str(project / "seeds"), "--config", str(cfg), "--templates", str(ROOT / "templates"),
                  "--static", str(ROOT / "static"), "--output", str(sb_out)]
        hugo_cmd = [hugo, "--quiet", "-s", str(hugo_site), "-d", str(hugo_out)]
        figures: dict[str, list[dict]] = {"site_builder": [], "hugo": []}
        for run in range(runs):
            # Cold: every content file parsed, no snapshot of a last build (--no-cache).
            for name, cmd, out in (("site_builder", [*sb_cmd, "--no-cache"], sb_out), ("hugo", hugo_cmd, hugo_out)):
                shutil.rmtree(out, ignore_errors=True)
                f = measure(cmd, out, work / f"{name}-{tag}.log", env)
                shutil.rmtree(out, ignore_errors=True)
                figures[name].append(f)
                print(f"run {run + 1}/{runs}" + _row(name, f), flush=True)
        med = {name: {k: statistics.median(f[k] for f in fs) for k in fs[0] if isinstance(fs[0][k], (int, float))}
               for name, fs in figures.items()}
        print(f"median of {runs} run(s), {len(languages)} language(s):")
        for name in ("site_builder", "hugo"):
            print(_row(name, med[name]))
        ratio = {k: med["site_builder"][k] / med["hugo"][k] if med["hugo"][k] else float("nan")
                 for k in ("wall_s", "cpu_s", "peak_largest_mb", "peak_tree_mb", "output_mb", "pages")}
        print("  site_builder / hugo: " + "  ".join(f"{k} {v:.1f}x" for k, v in ratio.items()), flush=True)
        sb, hu = med["site_builder"], med["hugo"]
        if sb["search_cpu_s"]:
            ratio["wall_s_without_search"] = (sb["wall_s"] - sb["search_wall_s"]) / hu["wall_s"]
            ratio["cpu_s_without_search"] = (sb["cpu_s"] - sb["search_cpu_s"]) / hu["cpu_s"]
            print(f"  without the search index: wall {ratio['wall_s_without_search']:.1f}x  "
                  f"cpu {ratio['cpu_s_without_search']:.1f}x", flush=True)
        # A rebuild with nothing changed: one build that keeps its parse cache and snapshot, then the next.
        shutil.rmtree(sb_out, ignore_errors=True)
        measure(sb_cmd, sb_out, work / f"site_builder-{tag}.log", env)
        again = measure(sb_cmd, sb_out, work / f"site_builder-{tag}.log", env)
        shutil.rmtree(sb_out, ignore_errors=True)
        ratio["rebuild_wall_s"] = again["wall_s"] / hu["wall_s"]
        print(f"  site_builder rebuild, nothing changed: wall {again['wall_s']:.1f} s, cpu {again['cpu_s']:.1f} s, "
              f"largest process {again['peak_largest_mb']:.0f} MB ({ratio['rebuild_wall_s']:.2f}x hugo's cold build)",
              flush=True)
        med["site_builder_rebuild"] = {k: v for k, v in again.items() if isinstance(v, (int, float))}
        results.append({"documents": n, "languages": list(languages), "runs": runs, "median": med, "ratio": ratio})
    return results


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--exec":  # the wrapper of one measured build
        print(json.dumps(run_measured(json.loads(sys.argv[3]), Path(sys.argv[2]))))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("documents", nargs="?", type=int, default=1000, help="documents in the corpus (default 1000)")
    ap.add_argument("--languages", choices=("1", "4", "both"), default="both",
                    help="one language (en), four (en, ru, kk, az) or both in turn (default)")
    ap.add_argument("--runs", type=int, default=1, help="alternating runs of each (default 1)")
    ap.add_argument("--json", action="store_true", help="print the medians and ratios as JSON at the end")
    args = ap.parse_args()
    hugo = shutil.which("hugo")
    if not hugo:
        print("hugo not found: apt-get install hugo")
        return
    sets = {"1": [LANGUAGES[:1]], "4": [LANGUAGES], "both": [LANGUAGES[:1], LANGUAGES]}[args.languages]
    work = Path(tempfile.mkdtemp(prefix="bench-vs-hugo-"))
    try:
        results = compare(args.documents, sets, args.runs, hugo, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
