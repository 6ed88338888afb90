"""The documentation keeps up with the code: the CLI reference is generated, every command is explained,
and every command line the guide shows uses commands and options that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from types import ModuleType

import click
import pytest
from bench_scripts import load_bench_script

from kg.cli import main

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
COMMANDS = sorted(main.commands)


def load_generator() -> ModuleType:
    return load_bench_script("make_cli_docs")


def test_cli_reference_is_up_to_date():
    generator = load_generator()
    expected = generator.render()
    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert current == expected, "docs/cli.md is out of date: run .venv/bin/python bench/make_cli_docs.py"


def test_cli_reference_has_every_command_in_order():
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (kg(?: \S+)?)$", page, re.MULTILINE)
    assert headings == ["kg", *(f"kg {name}" for name in COMMANDS)]
    for name in COMMANDS:
        first_line = (main.commands[name].help or "").strip().split("\n")[0]
        assert first_line.split()[0] in page
        assert f"$ kg {name} --help\nUsage: kg {name} " in page


def test_the_generator_follows_a_changed_command():
    """The page is made from the command tree, not written by hand."""
    generator = load_generator()

    @click.group()
    def tool() -> None:
        """A tool."""

    @tool.command()
    @click.option("--colour", help="Paint it.")
    def paint(colour: str) -> None:
        """Paint the fence."""

    page = generator.render(tool, prog_name="tool")
    assert "## tool paint" in page and "Paint the fence." in page and "--colour TEXT  Paint it." in page
    assert "kg ingest" not in page


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_explained_in_the_readme_or_the_guide(name: str):
    text = "\n".join((path.read_text(encoding="utf-8")) for path in (ROOT / "README.md", DOCS / "guide.md"))
    assert re.search(rf"\bkg {name}\b", text), f"`kg {name}` is in neither README.md nor docs/guide.md"


def _argv(command: str) -> list[str]:
    """Shell words of a command line, up to a pipe or a redirection; ValueError while a quote is open."""
    lexer = shlex.shlex(command.replace("\\\n", " "), posix=True, punctuation_chars="|>;&")
    lexer.whitespace_split = True
    words = list(lexer)
    for i, word in enumerate(words):
        if set(word) <= set("|>;&"):
            return words[:i]
    return words


def shown_command_lines(path: Path) -> list[list[str]]:
    """The ``$ kg …`` commands in the fenced blocks of a Markdown file, as argv (quoted text may span lines)."""
    commands: list[list[str]] = []
    in_block, pending = False, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_block, pending = not in_block, None
            continue
        if not in_block:
            continue
        if pending is None:
            if not line.startswith("$ kg"):
                continue
            pending = line[2:]
        else:
            pending += "\n" + line
        try:
            argv = _argv(pending)
        except ValueError:  # a quote is still open: the command goes on
            continue
        commands.append(argv)
        pending = None
    return commands


@pytest.mark.parametrize("doc", ["guide.md", "glossary.md"])
def test_command_lines_in_the_docs_use_real_commands_and_options(doc: str):
    lines = shown_command_lines(DOCS / doc)
    if doc == "guide.md":
        assert {argv[1] for argv in lines if len(argv) > 1} >= {"ingest", "query", "export", "viz", "stats"}
    for argv in lines:
        assert argv[0] == "kg"
        if len(argv) == 1 or argv[1].startswith("-"):
            continue
        command = main.commands.get(argv[1])
        assert command is not None, f"{doc}: unknown command in {' '.join(argv)}"
        known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
        known |= {"-h", "--help"}
        for word in argv[2:]:
            if word.startswith("-") and word != "-":
                option = word.split("=", 1)[0]
                assert option in known, f"{doc}: `{' '.join(argv)}` uses {option}, which kg {argv[1]} lacks"


@pytest.mark.parametrize("doc", ["guide.md", "glossary.md", "cli.md"])
def test_links_between_the_docs_resolve(doc: str):
    text = (DOCS / doc).read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        assert (DOCS / target).exists(), f"{doc} links to {target}, which does not exist"


def test_decision_records_are_dated_and_complete():
    records = sorted((DOCS / "decisions").glob("*.md"))
    assert len(records) >= 3
    for record in records:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md", record.name), record.name
        text = record.read_text(encoding="utf-8")
        assert text.startswith("# "), record.name
        for section in ("## Context", "## Decision", "## Consequences"):
            assert section in text, f"{record.name} lacks {section}"


def test_the_queries_in_the_guide_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Each ``kg query`` the guide shows parses and runs (an update is refused, as the guide says)."""
    from click.testing import CliRunner

    from kg.query import is_update

    monkeypatch.chdir(ROOT)  # the guide's paths are relative to the project folder
    store = tmp_path / "store"
    runner = CliRunner()
    ingested = runner.invoke(
        main, ["ingest", "--store", str(store), "data/articles/fidan-nurtleu-phone.en.txt"]
    )
    assert ingested.exit_code == 0, ingested.output
    queries = [argv for argv in shown_command_lines(DOCS / "guide.md") if argv[1:2] == ["query"]]
    assert len(queries) >= 4
    for argv in queries:
        result = runner.invoke(main, [*argv[1:], "--store", str(store)], prog_name="kg")
        text = next((w for w in argv[2:] if not w.startswith("-") and " " in w), "")
        expected = 2 if is_update(text) else 0
        assert result.exit_code == expected, f"{' '.join(argv)}\n{result.output}"
        assert "Traceback" not in result.output
