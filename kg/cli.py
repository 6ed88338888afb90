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

STORE_HELP = "Store folder or SPARQL endpoint URL (default: $KG_STORE, else ./.dipkg/store)."


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
    from kg.store import open_store

    return open_store(store_path, read_only=read_only)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """dipkg: a knowledge graph of diplomatic relations built from news."""


def _merges_option(func):
    return click.option(
        "--merges",
        "merges_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Merge file of pins and forbids (default: merges.json beside the store, when there is one).",
    )(func)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_store_option
@_merges_option
def ingest(paths: tuple[str, ...], store_path: str | None, merges_path: Path | None) -> None:
    """Read articles (files, folders, .jsonl, '-' for stdin) and store their facts.

    One named graph per article; ingesting the same article again changes nothing.
    """
    from kg.derive import format_derive_report, refresh_derived
    from kg.ingest import ingest as run_ingest
    from kg.resolution import resolver_for
    from kg.sources import count_inputs

    total = count_inputs(list(paths))  # raises InputError for a missing path before anything is written
    with _open_store(store_path) as store:
        resolver = resolver_for(store, merges_path)  # a bad merge file stops here, nothing written
        if total >= 10:
            with click.progressbar(length=total, label="ingesting", file=sys.stderr) as bar:
                report = run_ingest(
                    list(paths), store=store, stdin=sys.stdin, progress=bar.update, resolver=resolver
                )
        else:
            report = run_ingest(list(paths), store=store, stdin=sys.stdin, resolver=resolver)
        derived = refresh_derived(store) if report.new or report.replaced else None
    click.echo(_ingest_summary(report))
    if derived is not None:
        click.echo(format_derive_report(derived))
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
    "--name",
    "query_name",
    metavar="NAME",
    help="Run the saved query queries/NAME.rq (or a prefix only it has); `kg queries` lists them.",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="Bind a parameter the query's header declares (# param:). Repeatable.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    metavar="N",
    help="Show N rows (0: every row); default: the page the query declares (# page:), else every row.",
)
@click.option("--offset", type=click.IntRange(min=0), default=0, metavar="M", help="Skip the first M rows.")
@click.option(
    "--all", "every_row", is_flag=True, help="Every row, streamed as it is read (the same as --limit 0)."
)
@click.option(
    "--profile", is_flag=True, help="Print to stderr where the time went (planning, evaluation, formatting)."
)
@_store_option
def query(
    query_text: str | None,
    query_file: Path | None,
    query_name: str | None,
    params: tuple[str, ...],
    fmt: str,
    limit: int | None,
    offset: int,
    every_row: bool,
    profile: bool,
    store_path: str | None,
) -> None:
    """Run a read-only SPARQL query over the union of all graphs ('-' reads it from stdin).

    SELECT and ASK print as a table (or CSV, TSV, JSON); CONSTRUCT and DESCRIBE as Turtle.
    --param values are bound as RDF terms (VALUES), never pasted into the query text.
    A query whose header says '# page: N' shows N rows; a line (on stderr for CSV, TSV and
    JSON) says when more follow and the --offset of the next page.
    """
    from kg.query import format_result, run_query, write_result
    from kg.saved_queries import (
        bind_query_text,
        find_saved_query,
        page_size,
        parse_param_args,
        parse_saved_query,
    )

    if sum(x is not None for x in (query_text, query_file, query_name)) > 1:
        raise click.UsageError("give one of QUERY, --file or --name")
    values = parse_param_args(params)
    source = "QUERY"
    if query_name is not None:
        saved = find_saved_query(query_name)
        query_text, source = saved.text, str(saved.path)
    elif query_file is not None:
        try:
            query_text = query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise KgError(f"{query_file}: cannot read query ({error.__class__.__name__})") from None
        source = str(query_file)
    elif query_text == "-":
        query_text = sys.stdin.read()
    if not query_text or not query_text.strip():
        raise click.UsageError("no query given (QUERY, --file F.rq, --name NAME or - for stdin)")
    size = page_size(
        limit, declared=parse_saved_query(Path(source), text=query_text).page, every_row=every_row
    )
    query_text = bind_query_text(query_text, values, source=source)
    with _open_store(store_path, read_only=True) as store:
        if not profile or not hasattr(store, "record"):
            result = run_query(store, query_text, limit=size, offset=offset, stream=size is None)
            note = result.page_note(count=write_result(result, sys.stdout, fmt=fmt))
            if note:
                click.echo(note, err=fmt != "table")
            return
        from time import perf_counter

        from kg.store import format_timings

        store.timings = []
        start = perf_counter()
        result = run_query(store, query_text, limit=size, offset=offset)
        store.record("run_query: store.query, then reading every row", start, len(result))
        start = perf_counter()
        text = format_result(result, fmt=fmt)
        store.record(f"format as {fmt}", start)
        click.echo(text, nl=False)
        if result.page_note():
            click.echo(result.page_note(), err=fmt != "table")
        click.echo(format_timings(store.timings), nl=False, err=True)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def queries(fmt: str) -> None:
    """List the saved queries: name, title and parameters (run one with kg query --name NAME)."""
    from kg.saved_queries import format_saved_queries, saved_queries

    click.echo(format_saved_queries(saved_queries(), fmt=fmt), nl=False)


@main.command()
@_store_option
@_merges_option
def resolve(store_path: str | None, merges_path: Path | None) -> None:
    """Re-run entity resolution over every stored article (after editing the merge file)."""
    from kg.derive import format_derive_report, refresh_derived
    from kg.resolution import resolve_store, resolver_for

    with _open_store(store_path) as store:
        result = resolve_store(store, resolver_for(store, merges_path))
        derived = refresh_derived(store)
    click.echo(
        f"people: {result.mentions} mentions in {result.articles} articles -> {result.people} people; "
        f"{result.rewritten} article graphs rewritten"
    )
    if derived is not None:
        click.echo(format_derive_report(derived))


@main.command()
@click.argument("entity")
@_store_option
def explain(entity: str, store_path: str | None) -> None:
    """Why a person is one node: names as written, articles, merge decisions with scores and reasons.

    ENTITY is a name, an IRI (dipr:person/...) or a Wikidata id (Q...).
    """
    from kg.explain import explain as run_explain
    from kg.explain import format_explanation

    with _open_store(store_path, read_only=True) as store:
        click.echo(format_explanation(run_explain(store, entity)))


@main.command()
@click.argument("article")
@_store_option
def remove(article: str, store_path: str | None) -> None:
    """Drop one article's graph (by path or sha256); the other articles are resolved again."""
    from kg.derive import format_derive_report, refresh_derived
    from kg.ingest import remove_articles

    with _open_store(store_path) as store:
        removed = remove_articles(store, article)
        derived = refresh_derived(store)
    for sha in removed:
        click.echo(f"removed article {sha}")
    if derived is not None:
        click.echo(format_derive_report(derived))


@main.command()
@_store_option
def derive(store_path: str | None) -> None:
    """Recompute the derived graph: meetings, agreements and figures per country pair and year.

    Written into the named graph https://w3id.org/dipkg/graph/derived (queries/derive/*.rq);
    `kg query --name derive-country-pairs` reads it. Once it exists, ingest, remove and resolve
    refresh it.
    """
    from kg.derive import derive as run_derive
    from kg.derive import format_derive_report

    with _open_store(store_path) as store:
        report = run_derive(store)
    click.echo(format_derive_report(report))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_store_option
def stats(fmt: str, store_path: str | None) -> None:
    """Counts: articles, languages, quads, and instances by class."""
    import json

    from kg.derive import derived_status, format_derived_status
    from kg.stats import collect_stats, format_stats

    with _open_store(store_path, read_only=True) as store:
        numbers = collect_stats(store)
        derived = derived_status(store)
    if fmt == "json":
        numbers["derived"] = {"exists": derived.exists, "pairs": derived.pairs, "current": derived.current}
        click.echo(json.dumps(numbers, indent=2, ensure_ascii=False))
    else:
        click.echo(f"{format_stats(numbers)}\n{format_derived_status(derived)}")


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


@main.command()
@click.option(
    "--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="Port (0: any free one)."
)
@click.option("--bind", "host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--store", "store_path", metavar="PATH", help="Store folder (default: $KG_STORE or ./.dipkg/store)."
)
@click.option(
    "--timeout", "timeout_s", type=float, default=30.0, show_default=True, metavar="S", help="Query timeout."
)
@click.option(
    "--max-rows", type=int, default=10_000, show_default=True, metavar="N", help="Row cap (0: stream)."
)
@click.option("--writable", is_flag=True, help="Accept SPARQL Update and Graph Store writes (needs --token).")
@click.option("--token", envvar="KG_SERVE_TOKEN", metavar="TOKEN", help="Update token ($KG_SERVE_TOKEN).")
def serve(
    port: int,
    host: str,
    store_path: str | None,
    timeout_s: float,
    max_rows: int,
    writable: bool,
    token: str | None,
) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint (Oxigraph's server); Ctrl-C stops it."""
    from kg.serve import Endpoint, EndpointConfig, serve_until_stopped
    from kg.store import resolve_store_path

    if store_path and store_path.lower().startswith(("http://", "https://")):
        raise KgError(f"--store {store_path}: kg serve serves a store folder, not a URL")
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    config = EndpointConfig(
        store=resolve_store_path(store_path),
        bind=bind,
        timeout_s=timeout_s,
        max_rows=max_rows,
        writable=writable,
        token=token if writable else None,
    )

    def ready(endpoint: Endpoint) -> None:
        mode = "writable with a token" if writable else "read-only"
        cap = f"at most {max_rows} rows" if max_rows else "no row cap"
        click.echo(f"serving {config.store} at {endpoint.url}/ ({mode}, timeout {timeout_s:g} s, {cap})")
        click.echo(f"SPARQL endpoint {endpoint.query_url}; Ctrl-C stops")
        if not endpoint.loopback:
            click.echo(f"kg: warning: {host} is reachable from other machines", err=True)

    serve_until_stopped(Endpoint(config), ready=ready)
    click.echo("stopped")


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
    """Score extraction against gold files: precision, recall and F1 per category.

    A folder with clusters.json (a resolution test set) also gets pairwise precision and recall
    of merges (people, meetings, agreements).
    """
    from kg.evaluate import evaluate, format_report
    from kg.resolution_eval import evaluate_resolution, find_clusters, format_resolution

    clusters = find_clusters(articles, gold_dir)
    try:
        report = evaluate(articles, gold_dir=gold_dir)
    except KgError:
        if clusters is None:
            raise
        report = None
    if report is not None:
        click.echo(format_report(report, as_json=fmt == "json", per_article=per_article))
    if clusters is not None:
        resolution = evaluate_resolution(articles, clusters)
        if fmt == "json":
            import json

            click.echo(json.dumps(resolution.to_dict(), indent=1, ensure_ascii=False))
        else:
            click.echo(format_resolution(resolution, details=per_article))
