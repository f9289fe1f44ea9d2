"""Command line: `python -m scripts <command>`; `python -m scripts --help` lists them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts import check as check_command
from scripts.problems import report
from scripts.project import Project, default_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__)
    parser.add_argument("--root", type=Path, default=None,
                        help="site checkout to work on (default: this repository)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check content, translations and data; exit 1 on any error")
    commands.add_parser("linkcheck", help="run LinkChecker over the built site/ on 127.0.0.1")
    bench = commands.add_parser("benchmark", help="page weight, requests, build time; ours against stock")
    bench.add_argument("--write", type=Path, help="write the report as Markdown to this file")
    bench.add_argument("--site", type=Path, help="built site to measure (default: site/)")
    bench.add_argument("--runs", type=int, default=3, help="builds per timing; medians are reported (default: 3)")
    bench.add_argument("--no-build", action="store_true",
                       help="measure the built site only: no stock build, no timings")
    buildtime = commands.add_parser("buildtime", help="build time, ours against stock static-i18n, and its scaling")
    buildtime.add_argument("--runs", type=int, default=3, help="builds per timing; medians are reported (default: 3)")
    buildtime.add_argument("--languages", type=int, nargs="*", default=[3, 8, 16],
                           help="language counts for the scaling run (default: 3 8 16; none to skip it)")
    buildtime.add_argument("--no-serve", action="store_true", help="do not time `mkdocs serve` rebuilds")
    buildtime.add_argument("--write", type=Path, help="write the section as Markdown to this file")
    commands.add_parser("leaflets", help="render PDF leaflets of pages marked 'leaflet: true' into site/leaflets/")
    status = commands.add_parser("status", help="translation progress per language")
    status.add_argument("--markdown", action="store_true", help="print a Markdown table")
    diff = commands.add_parser("diff", help="what changed in English since a translation was made")
    mark = commands.add_parser("mark-translated", help="record that a translation matches English as it is now")
    for command in (diff, mark):
        command.add_argument("language", help="language code, e.g. fi")
        command.add_argument("page", help="page path inside docs/<lang>/, e.g. help.md")
    mark.add_argument("--reviewed", action="store_true", help="also set status: reviewed")
    new = commands.add_parser("new-language", help="add a language: config, strings, theme texts, docs folder")
    new.add_argument("code", help="two-letter ISO 639-1 code, e.g. so")
    new.add_argument("--name", help="the language's name in its own script")
    args = parser.parse_args(argv)
    project = Project(args.root.resolve()) if args.root else default_project()

    if args.command == "check":
        return report(check_command.run(project), root=project.root)
    if args.command == "linkcheck":
        from scripts import linkcheck
        return linkcheck.run(project)
    if args.command == "benchmark":
        from scripts import benchmark
        return benchmark.run(project, args.write, args.site, args.runs, args.no_build)
    if args.command == "buildtime":
        from scripts import buildtime as buildtime_command
        return buildtime_command.run(project, args.runs, tuple(args.languages), not args.no_serve, args.write)
    if args.command == "leaflets":
        from scripts import leaflets
        return leaflets.run(project)
    if args.command == "status":
        from scripts import status as status_command
        return status_command.run(project, args.markdown)
    if args.command == "diff":
        from scripts import diff as diff_command
        return diff_command.run(project, args.language, args.page)
    if args.command == "mark-translated":
        from scripts import mark_translated
        return mark_translated.run(project, args.language, args.page, args.reviewed)
    if args.command == "new-language":
        from scripts import new_language
        return new_language.run(project, args.code, args.name)
    return 2


if __name__ == "__main__":
    sys.exit(main())
