"""The `site-builder` command line: one function per command; user errors print one line each."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from site_builder import __version__
from site_builder.errors import UserError, problem

EXIT_OK, EXIT_USER, EXIT_USAGE = 0, 1, 2
# The commands that ingest or build and so show progress.
QUIET = ("ingest", "build", "site", "deploy")


def cmd_ingest(args: argparse.Namespace) -> int:
    """Annotate the texts in seeds/ into content entries and the timeline.

    New seeds become content/documents/<id>.md; entries that exist are never overwritten
    (a seed whose text changed is reported); built-in topics, entities and known events are
    written to content/ when absent.

    Progress goes to stderr (bars on a terminal, a line per phase elsewhere); --quiet silences it.

    Example: site-builder ingest --seeds seeds --content content
    """
    from site_builder.ingest import ingest

    phases = _phases("ingest", args)
    report = ingest(Path(args.seeds), Path(args.content), phases)
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for p in report.problems:
        print(f"error: {p}", file=sys.stderr)
    phases.finish()
    print(f"ingest: {len(report.added)} added, {len(report.unchanged)} unchanged, "
          f"{len(report.changed)} changed and kept, {len(report.problems)} refused -> {args.content}/")
    if report.suggested:
        print(f"ingest: {len(report.suggested)} people suggested in {args.content}/entities.yaml "
              "(confirm or delete them; `site-builder review` lists them)")
    return EXIT_USER if report.problems else EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    """Render the site from content/ into output/ (replaced only when the build succeeds).

    Progress goes to stderr (bars on a terminal, a line per phase elsewhere), then a summary of
    pages, files, bytes and the time of each phase; --quiet silences it (errors still show).
    A staging folder a killed build or serve left beside the output is removed.

    Example: site-builder build --base-url https://user.github.io/repo/
    """
    from site_builder.build import build

    phases = _phases("build", args)
    result = build(Path(args.content), Path(args.output), config_path=Path(args.config),
                   templates=Path(args.templates), static=Path(args.static), base_url=args.base_url,
                   seeds=Path(args.seeds), phases=phases, cache=not args.no_cache)
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    phases.finish()
    if result.remade == 0:
        print(f"build: nothing changed since the last build; {args.output}/ kept as it was "
              f"({result.pages} pages, {result.files} files; open {args.output}/index.html)")
    elif result.remade is not None:
        print(f"build: {result.remade} pages made again, the rest kept from the last build; {result.pages} pages, "
              f"{result.files} files -> {args.output}/ (open {args.output}/index.html)")
    else:
        print(f"build: {result.pages} pages, {result.files} files -> {args.output}/ (open {args.output}/index.html)")
    return EXIT_OK


def cmd_site(args: argparse.Namespace) -> int:
    """Ingest seeds/ and build the site: the one command from raw texts to output/.

    Example: site-builder site
    """
    code = cmd_ingest(args)
    if code != EXIT_OK:
        return code
    return cmd_build(args)


def cmd_check(args: argparse.Namespace) -> int:
    """Check content/ and the site configuration as a build would, without building.

    Every problem is printed as path:line: message (the schema of entries, unknown topics or
    entities, dangling references, duplicate ids, impossible dates, quotes not found verbatim
    in their document …), then a summary line; the exit status is 1 when there is any.

    Example: site-builder check --content content
    """
    from site_builder.check import check

    result = check(Path(args.content), Path(args.config))
    for p in result.problems:
        print(p)
    if result.problems:
        n = len(result.problems)
        print(f"check: {n} problem{'s' if n != 1 else ''} in {result.files} file{'s' if result.files != 1 else ''}")
        return EXIT_USER
    print(f"check: no problems ({result.documents} documents, {result.events} events, {args.config})")
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    """List everything that waits for the editor's decision, each at the file and line to edit.

    Undated texts (with the span their office holders allow), dates read at low confidence and
    why, titles taken from a first sentence, quotes without a speaker, suspected web leftovers,
    suggested entities not yet confirmed (with the texts they came from), seeds changed since
    ingest, and every problem `check` finds. Each item names the document's preview page in a
    running `serve` (also at /<lang>/_review/ there). An item goes once decided; `reviewed: true`
    on an entry settles all that ingest was unsure of in it.

    Exit status: 0 nothing waits, 1 something waits (or a check problem), 2 a usage error.
    --format json prints {"items": [...], "counts": {...}} for scripts.

    Example: site-builder review --format json
    """
    import json

    from site_builder import config as site_config
    from site_builder.review import review

    result = review(Path(args.content), Path(args.config), Path(args.seeds))
    try:
        lang = site_config.load(Path(args.config)).default_language
    except UserError:
        lang = "en"
    preview = args.preview_url if args.preview_url.endswith("/") else args.preview_url + "/"
    if args.format == "json":
        print(json.dumps({"items": [i.record(preview, lang) for i in result.items], "counts": result.counts(),
                          "documents": result.documents}, ensure_ascii=False, indent=1))
        return EXIT_USER if result.items else EXIT_OK
    for item in result.items:
        links = " ".join(f"{preview}{lang}/documents/{d}/" for d in item.documents)
        print(f"{item}" + (f" -> {links}" if links else ""))
    if result.items:
        counts = ", ".join(f"{n} {kind}" for kind, n in result.counts().items())
        n = len(result.items)
        print(f"review: {n} item{'s' if n != 1 else ''} waiting ({counts}); see them at {preview}{lang}/_review/ "
              "while serve runs")
        return EXIT_USER
    print(f"review: nothing waits for the editor ({result.documents} documents)")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """Build, serve output/ with live reload, and rebuild what each edit affects.

    Watches seeds/, content/, templates/, static/ and the site configuration: a new or changed
    seed is ingested, any change re-renders the pages it shows on, and the open page reloads by
    itself. An edit that does not build prints its error here and shows it on the page, over
    the last good build; the next good edit clears it. Listens on 127.0.0.1 unless --host is
    given. Ctrl-C stops.

    Example: site-builder serve --port 8000
    """
    from site_builder.serve import serve

    try:
        serve(_project(args), host=args.host, port=args.port)
    except KeyboardInterrupt:
        pass
    print("serve: stopped")
    return EXIT_OK


def cmd_deploy(args: argparse.Namespace) -> int:
    """Build the site and commit it to a branch for GitHub Pages (with .nojekyll), then push it.

    Like mkdocs gh-deploy: the commit is made with git plumbing in a temporary index, so the
    working tree and the current branch are never touched; its message names the source
    commit and branch. Refuses to run with uncommitted changes unless --force; --no-build
    publishes the existing --output as it is.

    Example: site-builder deploy --remote origin --branch gh-pages --base-url https://user.github.io/repo/
    """
    from site_builder.build import MARKER
    from site_builder.deploy import deploy, preflight

    repo, output = Path.cwd(), Path(args.output)
    # Refuse before spending time on the build.
    preflight(repo, args.remote, args.branch, args.force)
    if not args.no_build:
        cmd_build(args)
    elif not (output / MARKER).exists():
        raise UserError(problem(output, f"not a site-builder build (no {MARKER} in it); build it first"))
    result = deploy(repo, output, args.remote, args.branch, force=True)
    what = f"committed {result.commit[:12]}" if result.changed else f"unchanged at {result.commit[:12]}"
    print(f"deploy: {result.branch} {what} (from {result.source[:12]} on {result.source_branch}), "
          f"pushed to {result.remote}")
    return EXIT_OK


def _phases(command: str, args: argparse.Namespace):
    from site_builder.progress import Phases

    return Phases(command, quiet=getattr(args, "quiet", False))


def _project(args: argparse.Namespace):
    from site_builder.build import Project

    return Project(Path(args.content), Path(args.output), Path(args.config), Path(args.templates), Path(args.static),
                   Path(args.seeds), args.base_url)


def _add_paths(p: argparse.ArgumentParser, seeds: bool = False, build: bool = False, config: bool = False) -> None:
    if seeds:
        p.add_argument("--seeds", default="seeds", metavar="DIR", help="folder of raw texts (default: seeds)")
    p.add_argument("--content", default="content", metavar="DIR", help="content folder (default: content)")
    if build:
        p.add_argument("--output", default="output", metavar="DIR", help="where the site goes (default: output)")
        p.add_argument("--config", default="site.yaml", metavar="FILE", help="site configuration (default: site.yaml)")
        p.add_argument("--templates", default="templates", metavar="DIR", help="Jinja2 templates (default: templates)")
        p.add_argument("--static", default="static", metavar="DIR", help="assets copied as they are (default: static)")
        p.add_argument("--base-url", metavar="URL",
                       help="where the site will live, e.g. https://user.github.io/repo/ (default: base_url in site.yaml)")
    elif config:
        p.add_argument("--config", default="site.yaml", metavar="FILE", help="site configuration (default: site.yaml)")


def _serve_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")


def _review_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--preview-url", default="http://127.0.0.1:8000/", metavar="URL",
                   help="where serve runs, for the preview links (default: http://127.0.0.1:8000/)")


def _deploy_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--remote", default="origin", help="git remote to push to (default: origin)")
    p.add_argument("--branch", default="gh-pages", help="branch that holds the published site (default: gh-pages)")
    p.add_argument("--force", action="store_true", help="deploy even with uncommitted changes")
    p.add_argument("--no-build", action="store_true", help="publish the existing --output without building")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="site-builder", description=__doc__.split("\n")[0] if __doc__ else None)
    top.add_argument("--version", action="version", version=f"site-builder {__version__}")
    top.add_argument("--verbose", action="store_true", help="show tracebacks and details")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands = [
        ("ingest", cmd_ingest, dict(seeds=True), None),
        ("build", cmd_build, dict(seeds=True, build=True), None),
        ("site", cmd_site, dict(seeds=True, build=True), None),
        ("check", cmd_check, dict(config=True), None),
        ("review", cmd_review, dict(seeds=True, config=True), _review_options),
        ("serve", cmd_serve, dict(seeds=True, build=True), _serve_options),
        ("deploy", cmd_deploy, dict(seeds=True, build=True), _deploy_options),
    ]
    for name, func, paths, options in commands:
        doc = func.__doc__ or ""
        p = sub.add_parser(name, help=doc.split("\n")[0], description=doc,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        _add_paths(p, **paths)
        # Also after the command (site-builder build --verbose); SUPPRESS keeps the top one's value.
        p.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help="show tracebacks and details")
        if name in QUIET:
            p.add_argument("--quiet", action="store_true", help="no progress on stderr (errors and warnings still show)")
        if options:
            options(p)
        if func in (cmd_build, cmd_site, cmd_deploy):  # the commands that run cmd_build
            p.add_argument("--no-cache", action="store_true",
                           help="read every content file again, without the parse cache beside --output")
        p.set_defaults(func=func)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as e:
        for p in e.problems:
            print(f"error: {p}", file=sys.stderr)
        if args.verbose:
            traceback.print_exc()
        return EXIT_USER
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
