"""Write docs/cli.md, the command reference, from the click command tree of ``kg``.

    .venv/bin/python bench/make_cli_docs.py            # rewrite docs/cli.md
    .venv/bin/python bench/make_cli_docs.py --check    # exit 1 when docs/cli.md is out of date

The page is ``kg --help`` followed by each command's ``--help``, in the order ``kg --help``
lists them, rendered at a fixed width so that the output does not depend on the terminal.
tests/test_docs.py regenerates it in memory and fails when the file differs: after changing a
command's options or help text, run this script and commit docs/cli.md with the change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import click

from kg.cli import main as kg_main

__all__ = ["CLI_DOCS", "WIDTH", "command_help", "render"]

ROOT = Path(__file__).resolve().parents[1]
CLI_DOCS = ROOT / "docs" / "cli.md"
WIDTH = 88

_HEADER = """\
# Command reference

Generated from the `--help` text of the `kg` command by `bench/make_cli_docs.py`;
do not edit by hand (`tests/test_docs.py` fails when this page is out of date).
Every command that reads or writes the graph takes `--store PATH`; without it,
`$KG_STORE`, else `./.dipkg/store`. Errors are one line on stderr, `kg: <message>`.
Exit codes: 0 done, 1 some input failed or validation found violations,
2 the command could not run (bad argument, missing file, unreadable store).
The user guide (`docs/guide.md`) shows the commands at work.
"""


def _context(command: click.Command, name: str, parent: click.Context | None = None) -> click.Context:
    settings = {**command.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    return click.Context(command, info_name=name, parent=parent, **settings)


def command_help(group: click.Group = kg_main, *, prog_name: str = "kg") -> list[tuple[str, str]]:
    """``(command line, help text)`` for the group and then each of its commands, as ``--help`` prints them."""
    root = _context(group, prog_name)
    pages = [(prog_name, group.get_help(root))]
    for name in group.list_commands(root):
        command = group.get_command(root, name)
        if command is None or command.hidden:
            continue
        pages.append((f"{prog_name} {name}", command.get_help(_context(command, name, parent=root))))
    return pages


def render(group: click.Group = kg_main, *, prog_name: str = "kg") -> str:
    """The whole Markdown page."""
    pages = command_help(group, prog_name=prog_name)
    parts = [_HEADER]
    parts.append("\n".join(f"- [`{line}`](#{line.replace(' ', '-')})" for line, _ in pages[1:]) + "\n")
    for line, text in pages:
        parts.append(f"## {line}\n\n```text\n$ {line} --help\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


def run(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that docs/cli.md is up to date")
    args = parser.parse_args(argv)
    page = render()
    current = CLI_DOCS.read_text(encoding="utf-8") if CLI_DOCS.is_file() else None
    if args.check:
        if current != page:
            print(f"{CLI_DOCS.relative_to(ROOT)} is out of date: run bench/make_cli_docs.py", file=sys.stderr)
            return 1
        print(f"{CLI_DOCS.relative_to(ROOT)} is up to date")
        return 0
    if current != page:
        CLI_DOCS.write_text(page, encoding="utf-8")
        print(f"wrote {CLI_DOCS.relative_to(ROOT)}")
    else:
        print(f"{CLI_DOCS.relative_to(ROOT)} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(run())
