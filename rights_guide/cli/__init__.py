"""Command line: `python -m rights_guide <command>`; `python -m rights_guide --help` lists them."""

from __future__ import annotations

import argparse
from pathlib import Path

from rights_guide import checks as check_command
from rights_guide.model.project import Project, default_project
from rights_guide.problems import report


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m rights_guide", description=__doc__)
    parser.add_argument("--root", type=Path, default=None,
                        help="site checkout to work on (default: the one holding the working directory)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check content, translations and data; exit 1 on any error")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="text: 'path:line: code: message Fix: ...' (default); github: GitHub Actions "
                            "annotations, so each problem shows on its line in a pull request")
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
    offline = commands.add_parser("offline", help="the guide to keep, per language: one HTML file and a zip "
                                                   "in site/offline/, linked from the help and About pages")
    offline.add_argument("--site", type=Path, help="built site to work on (default: site/)")
    status = commands.add_parser("status", help="translation progress per language")
    status.add_argument("--markdown", action="store_true", help="print a Markdown table")
    diff = commands.add_parser("diff", help="what changed in English since a translation was made")
    mark = commands.add_parser("mark-translated", help="record that a translation matches English as it is now")
    for command in (diff, mark):
        command.add_argument("language", help="language code, e.g. fi")
        command.add_argument("page", help="page path inside docs/<lang>/, e.g. help.md")
    mark.add_argument("--reviewed", action="store_true", help="also set status: reviewed")
    new = commands.add_parser("new-language", help="add a language: config, strings, deploy rules, docs folder")
    new.add_argument("code", help="BCP 47 code with a row in data/languages.yml, e.g. so, ckb, zh-Hant")
    from rights_guide.cli import new_site
    new_site.add_arguments(commands.add_parser(
        "new-site", help="turn this clone into a blank site for another country (git keeps what it removes)"))
    remove = commands.add_parser("remove-language",
                                 help="remove a language: config, strings, deploy rules, docs folder (git keeps them)")
    remove.add_argument("code", help="the language's code, e.g. so")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    project = Project(args.root.resolve()) if args.root else default_project()

    if args.command == "check":
        return report(check_command.run(project), root=project.root, style=args.format)
    if args.command == "linkcheck":
        from rights_guide.cli import linkcheck
        return linkcheck.run(project)
    if args.command == "benchmark":
        from rights_guide.bench import benchmark
        return benchmark.run(project, args.write, args.site, args.runs, args.no_build)
    if args.command == "buildtime":
        from rights_guide.bench import buildtime as buildtime_command
        return buildtime_command.run(project, args.runs, tuple(args.languages), not args.no_serve, args.write)
    if args.command == "leaflets":
        from rights_guide.build import leaflets
        return leaflets.run(project)
    if args.command == "offline":
        from rights_guide.build import offline
        return offline.run(project, args.site)
    if args.command == "status":
        from rights_guide.model import status as status_command
        return status_command.run(project, args.markdown)
    if args.command == "diff":
        from rights_guide.cli import diff as diff_command
        return diff_command.run(project, args.language, args.page)
    if args.command == "mark-translated":
        from rights_guide.cli import mark_translated
        return mark_translated.run(project, args.language, args.page, args.reviewed)
    if args.command == "new-language":
        from rights_guide.cli import new_language
        return new_language.run(project, args.code)
    if args.command == "new-site":
        from rights_guide.cli import new_site
        return new_site.run(project, new_site.settings_from(args))
    if args.command == "remove-language":
        from rights_guide.cli import remove_language
        return remove_language.run(project, args.code)
    return 2




