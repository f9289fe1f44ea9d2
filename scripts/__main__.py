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
    args = parser.parse_args(argv)
    project = Project(args.root.resolve()) if args.root else default_project()

    if args.command == "check":
        return report(check_command.run(project), root=project.root)
    if args.command == "linkcheck":
        from scripts import linkcheck
        return linkcheck.run(project)
    return 2


if __name__ == "__main__":
    sys.exit(main())
