"""The ``kg`` command: thin click commands over the library.

Each command reads its options, calls one library function and prints what it
returns. Every :class:`~kg.errors.KgError` becomes one line on stderr
(``kg: <message>``) and a non-zero exit code; no traceback reaches the user.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError

__all__ = ["main"]

EXIT_FAILED = 1  # some input failed, validation found violations
EXIT_ERROR = 2  # the command could not run (bad argument, unreadable store …)

STORE_HELP = "Store folder (default: $KG_STORE, else ./.dipkg/store)."


class _Group(click.Group):
    """Turns library errors and Ctrl-C into one line and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as error:
            click.echo(f"kg: {error}", err=True)
            ctx.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("kg: interrupted; every article finished before the interrupt is stored", err=True)
            ctx.exit(130)


def _store_option(func):
    return click.option("--store", "store_path", metavar="PATH", envvar=None, help=STORE_HELP)(func)


def _open_store(store_path: str | None, *, read_only: bool = False):
    from kg.store import Store, resolve_store_path

    return Store.open(resolve_store_path(store_path), read_only=read_only)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """dipkg: a knowledge graph of diplomatic relations built from news."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_store_option
def ingest(paths: tuple[str, ...], store_path: str | None) -> None:
    """Read articles (files, folders, .jsonl, '-' for stdin) and store their facts.

    One named graph per article; ingesting the same article again changes nothing.
    """
    from kg.ingest import ingest as run_ingest
    from kg.sources import count_inputs

    total = count_inputs(list(paths))  # raises InputError for a missing path before anything is written
    with _open_store(store_path) as store:
        if total >= 10:
            with click.progressbar(length=total, label="ingesting", file=sys.stderr) as bar:
                report = run_ingest(list(paths), store=store, stdin=sys.stdin, progress=bar.update)
        else:
            report = run_ingest(list(paths), store=store, stdin=sys.stdin)
    click.echo(_ingest_summary(report))
    for _, message in report.skipped:
        click.echo(f"skipped: {message}", err=True)
    for _, message in report.failed:
        click.echo(f"failed: {message}", err=True)
    if not report.ok:
        sys.exit(EXIT_FAILED)


def _ingest_summary(report) -> str:
    lines = [
        f"articles: {report.read + len(report.failed)} read, {report.new} new, {report.unchanged} unchanged, "
        f"{report.replaced} replaced, {len(report.failed)} failed, {len(report.skipped)} skipped"
    ]
    facts = ", ".join(f"{count} {kind}" for kind, count in sorted(report.facts.items()) if count)
    lines.append(f"facts: {facts or 'none'}")
    return "\n".join(lines)


@main.command()
@click.option(
    "--format",
    "fmt",
    default="turtle",
    show_default=True,
    metavar="FORMAT",
    help="turtle, trig, nquads, ntriples or jsonld.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout)."
)
@_store_option
def export(fmt: str, output: Path | None, store_path: str | None) -> None:
    """Write the graph: Turtle and N-Triples as one graph; TriG, N-Quads and JSON-LD keep the named graphs."""
    from kg.export import FORMATS
    from kg.export import export as run_export

    if fmt not in FORMATS:
        raise KgError(f"--format: unknown export format '{fmt}' (choose {', '.join(FORMATS)})")
    with _open_store(store_path, read_only=True) as store:
        if output is None:
            run_export(store, fmt=fmt, output=sys.stdout.buffer)
        else:
            run_export(store, fmt=fmt, output=output)
            click.echo(f"wrote {output}", err=True)


@main.command()
@click.argument("query_text", required=False, metavar="QUERY")
@click.option(
    "--file",
    "query_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read the query from a .rq file.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True
)
@_store_option
def query(query_text: str | None, query_file: Path | None, fmt: str, store_path: str | None) -> None:
    """Run a read-only SPARQL query over the union of all graphs ('-' reads it from stdin).

    SELECT and ASK print as a table (or CSV, TSV, JSON); CONSTRUCT and DESCRIBE as Turtle.
    """
    from kg.query import format_result, run_query

    if query_file is not None and query_text is not None:
        raise click.UsageError("give a QUERY or --file, not both")
    if query_file is not None:
        try:
            query_text = query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise KgError(f"{query_file}: cannot read query ({error.__class__.__name__})") from None
    elif query_text == "-":
        query_text = sys.stdin.read()
    if not query_text or not query_text.strip():
        raise click.UsageError("no query given (QUERY, --file F.rq or - for stdin)")
    with _open_store(store_path, read_only=True) as store:
        result = run_query(store, query_text)
        click.echo(format_result(result, fmt=fmt), nl=False)


@main.command()
@click.argument("article")
@_store_option
def remove(article: str, store_path: str | None) -> None:
    """Drop one article's graph (by path or sha256) and nothing else."""
    with _open_store(store_path) as store:
        removed = store.remove_article(article)
    for sha in removed:
        click.echo(f"removed article {sha}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_store_option
def stats(fmt: str, store_path: str | None) -> None:
    """Counts: articles, languages, quads, and instances by class."""
    import json

    from kg.stats import collect_stats, format_stats

    with _open_store(store_path, read_only=True) as store:
        numbers = collect_stats(store)
    click.echo(json.dumps(numbers, indent=2, ensure_ascii=False) if fmt == "json" else format_stats(numbers))


@main.command()
@_store_option
def validate(store_path: str | None) -> None:
    """Check the graph against the SHACL shapes; exit 1 with a list of violations."""
    from kg.validate import validate as run_validate

    with _open_store(store_path, read_only=True) as store:
        report = run_validate(store)
    if report.conforms:
        click.echo("valid: the graph conforms to ontology/shapes.ttl")
        return
    click.echo(f"invalid: {len(report.violations)} violation(s)")
    for line in report.violations:
        click.echo(f"  {line}")
    sys.exit(EXIT_FAILED)


def _view_options(func):
    """The view and filter options ``kg viz`` and ``kg analyze`` share (applied bottom-up)."""
    options = [
        click.option(
            "--view",
            type=click.Choice(["actors", "countries", "person", "format"]),
            default=None,
            help="actors: people, countries, formats, meetings, agreements; countries: country to "
            "country; person: one person's meetings and counterparts; format: a format, its members, "
            "its meetings.",
        ),
        click.option(
            "--focus", metavar="ENTITY", help="Only what lies near ENTITY (IRI, label or Wikidata id)."
        ),
        click.option(
            "--hops",
            type=int,
            metavar="N",
            help="Steps from --focus to keep (default: 2 in actors, 1 in countries).",
        ),
        click.option("--since", metavar="DATE", help="Facts on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", metavar="DATE", help="Facts on or before DATE."),
        click.option(
            "--type",
            "types",
            multiple=True,
            metavar="TYPE",
            help="Only these facts: meeting, agreement, mission, statistic or a type (summit, memorandum …). "
            "Repeatable.",
        ),
        click.option(
            "--country",
            "countries",
            multiple=True,
            metavar="COUNTRY",
            help="Only facts this country takes part in (ISO code, name or IRI). Repeatable.",
        ),
        click.option(
            "--min-weight",
            type=int,
            metavar="N",
            help="Countries view: pairs with at least N meetings and agreements; other views: entities "
            "in at least N facts.",
        ),
        click.option(
            "--max-nodes",
            type=int,
            metavar="N",
            help="Keep the N most central nodes; the caption says what was left out.",
        ),
        click.option(
            "--lang",
            type=click.Choice(["en", "de"]),
            default="en",
            show_default=True,
            help="Language of the labels.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _options_from(params: dict, *, default_view: str):
    from kg.viz import ViewOptions

    return ViewOptions(
        view=params["view"] or default_view,
        focus=params["focus"],
        hops=params["hops"],
        since=params["since"],
        until=params["until"],
        types=tuple(params["types"]),
        countries=tuple(params["countries"]),
        min_weight=params["min_weight"],
        max_nodes=params["max_nodes"],
        lang=params["lang"],
    )


@main.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("graph.html"),
    show_default=True,
    help="HTML file to write.",
)
@click.option("--title", help="Page title (default: the view's name).")
@_view_options
@_store_option
def viz(output: Path, title: str | None, store_path: str | None, **params) -> None:
    """Write an interactive network (HTML, works offline) of people, countries, formats, meetings, agreements.

    Default view: actors. The caption says what was drawn, from how many articles, and what the
    filters left out; so does stderr.
    """
    from kg.viz import draw

    options = _options_from(params, default_view="actors")
    with _open_store(store_path, read_only=True) as store:
        summary = draw(store, output, options=options, title=title)
    click.echo(f"wrote {output}: {summary.nodes} nodes, {summary.edges} edges")
    for note in (summary.empty, *summary.notes) if summary.empty else summary.notes:
        click.echo(f"note: {note}", err=True)


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True
)
@click.option(
    "--table",
    type=click.Choice(["all", "nodes", "communities", "pairs"]),
    default="all",
    show_default=True,
    help="Which table to print (CSV prints one at a time).",
)
@click.option("--top", type=int, default=20, show_default=True, metavar="N", help="Rows per table (0: all).")
@_view_options
@_store_option
def analyze(fmt: str, table: str, top: int, store_path: str | None, **params) -> None:
    """Network measures: most central nodes, communities, most active country pairs by year.

    Degree, betweenness centrality and Louvain communities with networkx, on the same views and
    filters as kg viz (default: --view countries); the same measures size the nodes there.
    """
    from kg.analyze import analyze as run_analysis
    from kg.analyze import format_analysis

    options = _options_from(params, default_view="countries")
    with _open_store(store_path, read_only=True) as store:
        result = run_analysis(store, options=options, top=top)
    click.echo(format_analysis(result, fmt=fmt, table=table), nl=False)


@main.command("eval")
@click.argument("articles", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of NAME.json gold files (default: NAME.gold.json beside each article).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--show", "per_article", is_flag=True, help="List what each article gets wrong.")
def eval_(articles: Path, gold_dir: Path | None, fmt: str, per_article: bool) -> None:
    """Score extraction against gold files: precision, recall and F1 per category."""
    from kg.evaluate import evaluate, format_report

    report = evaluate(articles, gold_dir=gold_dir)
    click.echo(format_report(report, as_json=fmt == "json", per_article=per_article))
