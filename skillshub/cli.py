"""`skillshub` command line: a thin layer that parses arguments and calls one function each."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    from skillshub.commands import COMMANDS

    parser = argparse.ArgumentParser(
        prog="skillshub",
        description="Skills Hub: find higher technical training that meets an employer's need.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(commands)
    return parser


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skillshub.web.settings")
    import django

    django.setup()


def main(argv: Sequence[str] | None = None) -> int:
    setup_django()  # before the command modules import models
    parser = build_parser()
    args = parser.parse_args(argv)
    result: int = args.handler(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
