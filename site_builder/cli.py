"""The `site-builder` command line: one function per command; user errors print one line each."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from site_builder import __version__
from site_builder.errors import UserError

EXIT_OK, EXIT_USER, EXIT_USAGE = 0, 1, 2


def cmd_ingest(args: argparse.Namespace) -> int:
    """Annotate the texts in seeds/ into content entries and the timeline.

    New seeds become content/documents/<id>.md; entries that exist are never overwritten
    (a seed whose text changed is reported); built-in topics, entities and known events are
    written to content/ when absent.

    Example: site-builder ingest --seeds seeds --content content
    """
    from site_builder.ingest import ingest

    report = ingest(Path(args.seeds), Path(args.content))
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for p in report.problems:
        print(f"error: {p}", file=sys.stderr)
    print(f"ingest: {len(report.added)} added, {len(report.unchanged)} unchanged, "
          f"{len(report.changed)} changed and kept, {len(report.problems)} refused -> {args.content}/")
    return EXIT_USER if report.problems else EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    """Render the site from content/ into output/ (replaced only when the build succeeds).

    Example: site-builder build --base-url https://user.github.io/repo/
    """
    from site_builder.build import build

    result = build(Path(args.content), Path(args.output), config_path=Path(args.config),
                   templates=Path(args.templates), static=Path(args.static), base_url=args.base_url,
                   seeds=Path(args.seeds))
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
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


def _add_paths(p: argparse.ArgumentParser, seeds: bool = False, build: bool = False) -> None:
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


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="site-builder", description=__doc__.split("\n")[0] if __doc__ else None)
    top.add_argument("--version", action="version", version=f"site-builder {__version__}")
    top.add_argument("--verbose", action="store_true", help="show tracebacks and details")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands = [
        ("ingest", cmd_ingest, dict(seeds=True)),
        ("build", cmd_build, dict(seeds=True, build=True)),
        ("site", cmd_site, dict(seeds=True, build=True)),
    ]
    for name, func, paths in commands:
        doc = func.__doc__ or ""
        p = sub.add_parser(name, help=doc.split("\n")[0], description=doc,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        _add_paths(p, **paths)
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
