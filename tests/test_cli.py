"""The ``kg`` command end to end, through click's CliRunner.

Every test works on its own store under ``tmp_path``. The sample corpus (``data/articles/``) is
ingested once per session into a template store; a test that needs it gets a copy. Small articles
are written inline into ``tmp_path``. The state of a store is compared through the CLI itself:
``kg export --format nquads`` gives every quad, ``kg stats --format json`` the counts.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph

from kg.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROOT = Path(__file__).parents[1]
ARTICLES = ROOT / "data" / "articles"
ARTICLE_FILES = sorted(p for p in ARTICLES.rglob("*") if p.suffix in (".txt", ".md", ".html", ".htm"))
CORPUS_SIZE = len(ARTICLE_FILES)

EN_ARTICLE = (
    "Mongolia and Japan agree on closer cooperation\n\n"
    "Ulaanbaatar, 3 June 2025. The Foreign Minister of Mongolia, Battsetseg Batmunkh, received the "
    "Japanese Ambassador on Tuesday. The two sides discussed trade, mining and a direct flight between "
    "the capitals.\n"
)
DE_ARTICLE = (
    "Georgien und Armenien vereinbaren engere Zusammenarbeit\n\n"
    "Tiflis, 4. Juni 2025. Der Außenminister Georgiens empfing am Dienstag seinen armenischen "
    "Amtskollegen. Die beiden Seiten sprachen über den Handel, den Verkehr und die Energie.\n"
)

DIP = "https://w3id.org/dipkg/ontology#"
ARTICLE_GRAPH = "https://w3id.org/dipkg/graph/article/"
XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld")
SUFFIX = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "ntriples": ".nt", "jsonld": ".jsonld"}
RDFLIB_FORMAT = {
    "turtle": "turtle",
    "trig": "trig",
    "nquads": "nquads",
    "ntriples": "nt",
    "jsonld": "json-ld",
}
KEEPS_GRAPHS = {"trig", "nquads", "jsonld"}

CENTRAL_ASIA_CHINA = "<https://w3id.org/dipkg/id/format/central-asia-china>"
MEMBERS_QUERY = (
    f"SELECT ?iso WHERE {{ {CENTRAL_ASIA_CHINA} dip:member ?c . ?c dip:isoCode ?iso }} ORDER BY ?iso"
)
MEMBERS = ["CN", "KG", "KZ", "TJ", "TM", "UZ"]


# ---------------------------------------------------------------- helpers


def kg(*args: object, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
    """Run ``kg ARGS`` in this process; an exception is kept in the result (as its type and text).

    The traceback is dropped at once: its frames hold the command's open store, and pyoxigraph
    releases a database only when the object is collected (see
    ``test_a_failed_command_leaves_the_store_usable_in_the_same_process``).
    """
    result = CliRunner().invoke(main, [str(a) for a in args], input=input, env=env, prog_name="kg")
    if result.exc_info is not None:
        result.traceback_text = "".join(traceback.format_exception(*result.exc_info))
        error = result.exception
        while error is not None:
            following = error.__context__ or error.__cause__
            traceback.clear_frames(error.__traceback__)
            error.__traceback__ = error.__context__ = error.__cause__ = None
            error = following
        result.exc_info = None
    return result


def ok(result: Result) -> Result:
    details = getattr(result, "traceback_text", "") if not isinstance(result.exception, SystemExit) else ""
    assert result.exit_code == 0, f"exit {result.exit_code}\n{result.output}\n{details}"
    return result


def assert_clean_exit(result: Result, code: int | None = None) -> None:
    """A deliberate exit: no exception escaped the command and no traceback was printed."""
    assert isinstance(result.exception, SystemExit) or result.exception is None, repr(result.exception)
    assert "Traceback" not in result.output
    if code is None:
        assert result.exit_code != 0, result.output
    else:
        assert result.exit_code == code, result.output


def error_line(result: Result) -> str:
    """The one line ``kg: <message>`` a failed command prints on stderr."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: "), lines[0]
    return lines[0]


def nquads(store: Path) -> set[str]:
    """Every quad of the store, one N-Quads line each."""
    return {
        line for line in ok(kg("export", "--store", store, "--format", "nquads")).stdout.splitlines() if line
    }


def stats(store: Path) -> dict:
    return json.loads(ok(kg("stats", "--store", store, "--format", "json")).stdout)


def article_sources(store: Path) -> dict[str, str]:
    """sha256 -> dip:source of every stored article."""
    query = (
        "SELECT ?sha ?source WHERE { GRAPH ?g { ?a a dip:Article ; dip:sha256 ?sha ; dip:source ?source } }"
    )
    rows = csv.DictReader(io.StringIO(ok(kg("query", "--store", store, "--format", "csv", query)).stdout))
    return {row["sha"]: row["source"] for row in rows}


def summary(result: Result) -> str:
    """The ``articles: …`` line of an ingest."""
    return next(line for line in result.stdout.splitlines() if line.startswith("articles: "))


def sha_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def corpus_shas() -> set[str]:
    return {sha_of(p.read_text(encoding="utf-8")) for p in ARTICLE_FILES}


def graph_of(sha: str) -> str:
    return f"<{ARTICLE_GRAPH}{sha}>"


# ---------------------------------------------------------------- stores


@pytest.fixture(scope="session")
def corpus_ingest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """The sample corpus ingested once; tests copy the store, never change it."""
    store = tmp_path_factory.mktemp("corpus") / "store"
    result = kg("ingest", "--store", store, ARTICLES)
    gc.collect()  # release the database before anyone copies it
    return store, result


@pytest.fixture
def corpus(corpus_ingest: tuple[Path, Result], tmp_path: Path) -> Path:
    """This test's own copy of the corpus store, at ``tmp_path/"store"``."""
    template, result = corpus_ingest
    ok(result)
    store = tmp_path / "store"
    shutil.copytree(template, store)
    return store


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A store with two articles of the corpus (one English, one German)."""
    store = tmp_path / "store"
    ok(
        kg(
            "ingest",
            "--store",
            store,
            ARTICLES / "fidan-nurtleu-phone.en.txt",
            ARTICLES / "berlin-tashkent-talks.de.txt",
        )
    )
    return store


# ---------------------------------------------------------------- ingest


def test_ingest_a_folder_prints_the_summary(corpus_ingest: tuple[Path, Result]):
    store, result = corpus_ingest
    ok(result)
    n = CORPUS_SIZE
    assert summary(result) == f"articles: {n} read, {n} new, 0 unchanged, 0 replaced, 0 failed, 0 skipped"
    facts = result.stdout.splitlines()[1]
    assert re.fullmatch(r"facts: (\d+ [a-z]+)(, \d+ [a-z]+)*", facts), facts
    for kind in ("meetings", "positions", "agreements", "statistics"):
        assert re.search(rf"\b[1-9]\d* {kind}\b", facts), (kind, facts)
    assert "failed:" not in result.output
    numbers = stats(store)
    assert numbers["articles"] == n
    assert sum(numbers["languages"].values()) == n
    assert set(numbers["languages"]) == {"de", "en"}


def test_ingesting_again_changes_nothing(corpus: Path):
    before, quads_before = nquads(corpus), stats(corpus)["quads"]
    result = ok(kg("ingest", "--store", corpus, ARTICLES))
    n = CORPUS_SIZE
    assert summary(result) == f"articles: {n} read, 0 new, {n} unchanged, 0 replaced, 0 failed, 0 skipped"
    assert stats(corpus)["quads"] == quads_before
    assert nquads(corpus) == before


def test_ingesting_again_in_a_new_process_changes_nothing(tmp_path: Path):
    """Each ``kg`` run is a new interpreter with its own hash seed; the quads must not depend on it."""
    store = tmp_path / "store"

    def run(seed: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", "from kg.cli import main; main()", "ingest", "--store", str(store)]
        return subprocess.run([*command, str(ARTICLES)], env=env, capture_output=True, text=True, check=True)

    run("1")
    second = run("2")
    n = CORPUS_SIZE
    assert f"{n} read, 0 new, {n} unchanged, 0 replaced" in second.stdout


def test_remove_by_path_drops_exactly_that_article(corpus: Path):
    path = ARTICLES / "fidan-nurtleu-phone.en.txt"
    sha = sha_of(path.read_text(encoding="utf-8"))
    before = nquads(corpus)
    assert sha in article_sources(corpus)
    result = ok(kg("remove", "--store", corpus, path))
    assert result.stdout == f"removed article {sha}\n"
    after = nquads(corpus)
    assert after == {q for q in before if not q.endswith(f"{graph_of(sha)} .")}
    assert len(after) < len(before)
    assert stats(corpus)["articles"] == CORPUS_SIZE - 1
    assert sha not in article_sources(corpus)


def test_remove_by_sha_prefix_drops_exactly_that_article(corpus: Path):
    sha = sha_of((ARTICLES / "berlin-tashkent-talks.de.txt").read_text(encoding="utf-8"))
    before = nquads(corpus)
    result = ok(kg("remove", "--store", corpus, sha[:12]))
    assert result.stdout == f"removed article {sha}\n"
    assert nquads(corpus) == {q for q in before if not q.endswith(f"{graph_of(sha)} .")}
    assert set(article_sources(corpus)) == corpus_shas() - {sha}


def test_remove_of_an_unknown_article_removes_nothing(small: Path):
    before = nquads(small)
    result = kg("remove", "--store", small, "0123456789abcdef")
    assert_clean_exit(result)
    assert "0123456789abcdef" in error_line(result)
    assert nquads(small) == before


def test_ingest_from_stdin(tmp_path: Path):
    store = tmp_path / "store"
    result = ok(kg("ingest", "--store", store, "-", input=EN_ARTICLE))
    assert summary(result).startswith("articles: 1 read, 1 new, 0 unchanged")
    assert article_sources(store) == {sha_of(EN_ARTICLE): "<stdin>"}
    again = ok(kg("ingest", "--store", store, "-", input=EN_ARTICLE))
    assert summary(again).startswith("articles: 1 read, 0 new, 1 unchanged")


def test_ingest_a_jsonl_file_with_two_articles(tmp_path: Path):
    store, path = tmp_path / "store", tmp_path / "two.jsonl"
    lines = [
        {"text": EN_ARTICLE, "title": "Mongolia and Japan", "date": "2025-06-03", "lang": "en"},
        {"text": DE_ARTICLE, "lang": "de", "url": "https://example.org/tiflis"},
    ]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    result = ok(kg("ingest", "--store", store, path))
    assert summary(result) == "articles: 2 read, 2 new, 0 unchanged, 0 replaced, 0 failed, 0 skipped"
    assert article_sources(store) == {sha_of(EN_ARTICLE): f"{path}#1", sha_of(DE_ARTICLE): f"{path}#2"}
    assert stats(store)["languages"] == {"de": 1, "en": 1}
    removed = ok(kg("remove", "--store", store, path))  # a JSONL file names all its articles
    assert sorted(removed.stdout.split()[2::3]) == sorted([sha_of(EN_ARTICLE), sha_of(DE_ARTICLE)])
    assert stats(store)["articles"] == 0


def test_the_store_comes_from_kg_store_when_no_option_is_given(tmp_path: Path):
    store = tmp_path / "store"
    ok(kg("ingest", "-", input=EN_ARTICLE, env={"KG_STORE": str(store)}))
    assert stats(store)["articles"] == 1


# ---------------------------------------------------------------- export


def read_back(fmt: str, data: bytes) -> Graph | Dataset:
    graph: Graph | Dataset = Dataset() if fmt in KEEPS_GRAPHS else Graph()
    graph.parse(data=data.decode("utf-8"), format=RDFLIB_FORMAT[fmt])
    return graph


def size(graph: Graph | Dataset) -> int:
    if isinstance(graph, Dataset):
        return sum(1 for _ in graph.quads((None, None, None, None)))
    return len(graph)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_every_format_to_a_file_and_to_stdout(small: Path, tmp_path: Path, fmt: str):
    quads = nquads(small)
    distinct_triples = {q.rsplit(" ", 2)[0] for q in quads}
    expected = len(quads) if fmt in KEEPS_GRAPHS else len(distinct_triples)

    output = tmp_path / "out" / f"graph{SUFFIX[fmt]}"
    result = ok(kg("export", "--store", small, "--format", fmt, "--output", output))
    assert result.stdout == ""
    assert result.stderr == f"wrote {output}\n"
    from_file = read_back(fmt, output.read_bytes())
    assert size(from_file) == expected

    printed = ok(kg("export", "--store", small, "--format", fmt))
    from_stdout = read_back(fmt, printed.stdout_bytes)
    assert size(from_stdout) == expected
    if isinstance(from_file, Dataset):
        graphs = {str(g.identifier) for g in from_file.graphs() if len(g)}
        assert sum(1 for g in graphs if g.startswith(ARTICLE_GRAPH)) == 2
    else:
        assert from_file.isomorphic(from_stdout)


def test_export_of_an_unknown_format_is_refused(small: Path, tmp_path: Path):
    output = tmp_path / "graph.xml"
    result = kg("export", "--store", small, "--format", "rdfxml", "--output", output)
    assert_clean_exit(result)
    naming = [line for line in result.output.splitlines() if "rdfxml" in line]
    assert len(naming) == 1, result.output
    assert "unknown export format" in naming[0]
    assert not output.exists()


def test_export_of_a_missing_store_is_one_line(tmp_path: Path):
    result = kg("export", "--store", tmp_path / "nothing-here")
    assert_clean_exit(result)
    assert "nothing-here" in error_line(result)
    assert not (tmp_path / "nothing-here").exists()


# ---------------------------------------------------------------- query


def test_select_as_a_table(corpus: Path):
    out = ok(kg("query", "--store", corpus, MEMBERS_QUERY)).stdout.splitlines()
    assert out[0] == "iso"
    assert set(out[1]) == {"-"}
    assert out[2:] == MEMBERS


def test_select_as_csv_tsv_and_json(corpus: Path):
    as_csv = ok(kg("query", "--store", corpus, "--format", "csv", MEMBERS_QUERY)).stdout
    assert list(csv.reader(io.StringIO(as_csv))) == [["iso"], *([iso] for iso in MEMBERS)]

    as_tsv = ok(kg("query", "--store", corpus, "--format", "tsv", MEMBERS_QUERY)).stdout
    assert as_tsv.splitlines() == ["?iso", *(f'"{iso}"' for iso in MEMBERS)]

    as_json = json.loads(ok(kg("query", "--store", corpus, "--format", "json", MEMBERS_QUERY)).stdout)
    assert as_json["head"] == {"vars": ["iso"]}
    assert [b["iso"] for b in as_json["results"]["bindings"]] == [
        {"type": "literal", "value": iso} for iso in MEMBERS
    ]


def test_ask(corpus: Path):
    assert ok(kg("query", "--store", corpus, "ASK { ?m a dip:Meeting }")).stdout == "true\n"
    assert (
        ok(kg("query", "--store", corpus, "ASK { ?m a dip:Meeting ; dip:ordinal 999 }")).stdout == "false\n"
    )
    as_json = json.loads(
        ok(kg("query", "--store", corpus, "--format", "json", "ASK { ?m a dip:Meeting }")).stdout
    )
    assert as_json["boolean"] is True


def test_construct_prints_turtle(corpus: Path):
    query = (
        f"CONSTRUCT {{ {CENTRAL_ASIA_CHINA} dip:member ?c }} WHERE {{ {CENTRAL_ASIA_CHINA} dip:member ?c }}"
    )
    out = ok(kg("query", "--store", corpus, query)).stdout
    graph = Graph().parse(data=out, format="turtle")
    assert len(graph) == len(MEMBERS)
    assert {str(o).rsplit("/", 1)[-1] for o in graph.objects()} == set(MEMBERS)


def test_query_from_a_file_and_from_stdin(corpus: Path, tmp_path: Path):
    rq = tmp_path / "members.rq"
    rq.write_text(f"# members of Central Asia–China\n{MEMBERS_QUERY}\n", encoding="utf-8")
    from_file = ok(kg("query", "--store", corpus, "--format", "csv", "--file", rq)).stdout
    from_stdin = ok(
        kg("query", "--store", corpus, "--format", "csv", "-", input=rq.read_text("utf-8"))
    ).stdout
    assert from_file == from_stdin
    assert from_file.split() == ["iso", *MEMBERS]


def test_query_needs_exactly_one_query(small: Path, tmp_path: Path):
    rq = tmp_path / "q.rq"
    rq.write_text("ASK {}", encoding="utf-8")
    for args in ([], ["ASK {}", "--file", rq], ["-"]):
        result = kg("query", "--store", small, *args, input="")
        assert_clean_exit(result)
        assert "query" in result.output.lower()
    missing = kg("query", "--store", small, "--file", tmp_path / "missing.rq")
    assert_clean_exit(missing)
    assert "missing.rq" in error_line(missing)


UPDATES = [
    "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "LOAD <urn:x:elsewhere>",
    "CLEAR ALL",
    "PREFIX ex: <urn:x:>\n# a comment first\ninsert data { GRAPH ex:g { ex:a ex:b ex:c } }",
    "WITH <urn:x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("update", UPDATES, ids=lambda u: " ".join(u.split()[:2]))
def test_updates_are_refused_and_change_nothing(small: Path, update: str):
    before = nquads(small)
    result = kg("query", "--store", small, update)
    assert_clean_exit(result)
    assert "read-only" in error_line(result)
    from_stdin = kg("query", "--store", small, "-", input=update)
    assert_clean_exit(from_stdin)
    assert "read-only" in error_line(from_stdin)
    assert nquads(small) == before


def test_a_malformed_query_is_one_line(small: Path):
    result = kg("query", "--store", small, "SELEC ?x WHERE { ?x ?p ")
    assert_clean_exit(result)
    assert "malformed query" in error_line(result)
    assert result.stdout == ""


# ---------------------------------------------------------------- stats, validate, viz


def test_stats_as_a_table_and_as_json(corpus: Path):
    numbers = stats(corpus)
    assert numbers["articles"] == CORPUS_SIZE
    assert numbers["quads"] > 0 and numbers["graphs"] == CORPUS_SIZE + 1  # + the reference graph
    assert numbers["classes"]["Meeting"] > 0 and numbers["classes"]["Country"] > 100
    table = ok(kg("stats", "--store", corpus)).stdout
    languages = ", ".join(f"{lang} {n}" for lang, n in numbers["languages"].items())
    assert f"articles: {CORPUS_SIZE} ({languages})" in table
    assert f"quads: {numbers['quads']} in {numbers['graphs']} graphs" in table
    for name, count in numbers["classes"].items():
        assert re.search(rf"^\s+{name}\s+{count}$", table, re.MULTILINE), name


def test_validate_passes_on_the_sample_corpus(corpus: Path):
    result = ok(kg("validate", "--store", corpus))
    assert result.stdout.startswith("valid:")


def test_validate_lists_violations_and_exits_1(small: Path):
    sha = sha_of((ARTICLES / "fidan-nurtleu-phone.en.txt").read_text(encoding="utf-8"))
    gc.collect()
    database = ox.Store(str(small))
    meeting, graph = (
        ox.NamedNode("https://w3id.org/dipkg/id/meeting/00000000000bad01"),
        ox.NamedNode(ARTICLE_GRAPH + sha),
    )
    database.add(ox.Quad(meeting, ox.NamedNode(RDF_TYPE), ox.NamedNode(DIP + "Meeting"), graph))
    confidence = ox.Literal("1.5", datatype=ox.NamedNode(XSD_DECIMAL))
    database.add(ox.Quad(meeting, ox.NamedNode(DIP + "confidence"), confidence, graph))
    database.flush()
    del database
    gc.collect()

    result = kg("validate", "--store", small)
    assert_clean_exit(result, 1)
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"invalid: \d+ violation\(s\)", lines[0])
    assert int(lines[0].split()[1]) == len(lines) - 1
    about_it = [line.strip() for line in lines[1:] if "meeting/00000000000bad01" in line]
    assert any("dip:confidence" in line and "1.5" in line for line in about_it), lines
    assert any("dip:evidence" in line for line in about_it), lines


def test_viz_writes_an_offline_page(corpus: Path, tmp_path: Path):
    output = tmp_path / "graph.html"
    result = ok(kg("viz", "--store", corpus, "--output", output))
    match = re.fullmatch(rf"wrote {re.escape(str(output))}: (\d+) nodes, (\d+) edges\n", result.stdout)
    assert match, result.stdout
    assert int(match.group(1)) > 10 and int(match.group(2)) > 10
    page = output.read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page
    assert "vis.Network" in page


def test_viz_of_an_empty_store(tmp_path: Path):
    empty = tmp_path / "store"
    ox.Store(str(empty)).flush()  # a database with nothing in it
    gc.collect()
    output = tmp_path / "empty.html"
    result = ok(kg("viz", "--store", empty, "-o", output))
    assert result.stdout == f"wrote {output}: 0 nodes, 0 edges\n"
    page = output.read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page


def test_viz_when_every_article_was_removed(small: Path, tmp_path: Path):
    for path in ("fidan-nurtleu-phone.en.txt", "berlin-tashkent-talks.de.txt"):
        ok(kg("remove", "--store", small, ARTICLES / path))
    output = tmp_path / "graph.html"
    result = ok(kg("viz", "--store", small, "-o", output))
    assert result.stdout == f"wrote {output}: 0 nodes, 0 edges\n"  # reference data alone is not drawn


# ---------------------------------------------------------------- bad input


def _binary(folder: Path) -> Path:
    path = folder / "scan.txt"
    path.write_bytes(b"%PDF-1.7\x00\x01\x02\x03" + bytes(range(256)) * 4)
    return path


def _empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def _latin1(folder: Path) -> Path:
    path = folder / "latin1.txt"
    path.write_bytes(EN_ARTICLE.replace("Ulaanbaatar", "Ulaanbaatar caf\u00e9").encode("latin-1"))
    return path


def _broken_html(folder: Path) -> Path:
    path = folder / "broken.html"
    path.write_text("<html><head><title>Cut off</title></head><body><div><p", encoding="utf-8")
    return path


def _bad_meta(folder: Path) -> Path:
    path = folder / "story.txt"
    path.write_text(EN_ARTICLE, encoding="utf-8")
    (folder / "story.meta.json").write_text('{"title": "Mongolia and Japan", "date": ', encoding="utf-8")
    return path


def _bad_meta_date(folder: Path) -> Path:
    path = folder / "dated.txt"
    path.write_text(EN_ARTICLE, encoding="utf-8")
    (folder / "dated.meta.json").write_text('{"date": "3 June 2025"}', encoding="utf-8")
    return path


def _bad_jsonl(folder: Path) -> Path:
    path = folder / "lines.jsonl"
    path.write_text('{"text": "unterminated\n', encoding="utf-8")
    return path


def _empty_jsonl(folder: Path) -> Path:
    path = folder / "nothing.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    return path


def _unsupported(folder: Path) -> Path:
    path = folder / "figures.csv"
    path.write_text("country,trade\nKZ,43.8\n", encoding="utf-8")
    return path


# (make the bad input, the file the message must name, words the message must contain)
BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "binary": (_binary, "scan.txt", "binary"),
    "empty": (_empty, "empty.txt", "empty"),
    "invalid-utf8": (_latin1, "latin1.txt", "not valid UTF-8"),
    "broken-html": (_broken_html, "broken.html", "no article text"),
    "malformed-meta": (_bad_meta, "story.meta.json", "invalid JSON"),
    "meta-date": (_bad_meta_date, "dated.meta.json", "date"),
    "malformed-jsonl-line": (_bad_jsonl, "lines.jsonl:1", "invalid JSON"),
    "empty-jsonl": (_empty_jsonl, "nothing.jsonl", "empty"),
    "unsupported-extension": (_unsupported, "figures.csv", "unsupported file type '.csv'"),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_is_one_line_and_the_store_keeps_everything(small: Path, tmp_path: Path, kind: str):
    make, names, says = BAD_INPUTS[kind]
    folder = tmp_path / "in"
    folder.mkdir()
    path = make(folder)
    before = nquads(small)

    result = kg("ingest", "--store", small, path)
    assert_clean_exit(result, 1)
    assert summary(result).endswith(", 0 new, 0 unchanged, 0 replaced, 1 failed, 0 skipped")
    [line] = result.stderr.splitlines()
    assert line.startswith("failed: ") and names in line and says in line, line
    assert nquads(small) == before


def test_a_bad_file_among_good_ones(small: Path, tmp_path: Path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-mongolia.txt").write_text(EN_ARTICLE, encoding="utf-8")
    bad = _binary(folder)
    (folder / "c-georgien.txt").write_text(DE_ARTICLE, encoding="utf-8")
    before = nquads(small)

    result = kg("ingest", "--store", small, folder)
    assert_clean_exit(result, 1)
    assert summary(result) == "articles: 3 read, 2 new, 0 unchanged, 0 replaced, 1 failed, 0 skipped"
    assert result.stderr.splitlines() == [f"failed: {bad}: binary file, not an article"]
    assert before < nquads(small)
    sources = article_sources(small)
    assert sources[sha_of(EN_ARTICLE)] == str(folder / "a-mongolia.txt")
    assert sources[sha_of(DE_ARTICLE)] == str(folder / "c-georgien.txt")
    assert len(sources) == 4


def test_a_bad_jsonl_line_among_good_ones(small: Path, tmp_path: Path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": EN_ARTICLE, "lang": "en"})
    path.write_text(f"{good}\n{{not json}}\n", encoding="utf-8")
    result = kg("ingest", "--store", small, path)
    assert_clean_exit(result, 1)
    assert summary(result).startswith("articles: 2 read, 1 new")
    [line] = result.stderr.splitlines()
    assert line.startswith(f"failed: {path}:2: invalid JSON")
    assert article_sources(small)[sha_of(EN_ARTICLE)] == f"{path}#1"


def test_invalid_utf8_on_stdin(small: Path):
    before = nquads(small)
    result = kg(
        "ingest",
        "--store",
        small,
        "-",
        input=EN_ARTICLE.replace("Mongolia", "Mongol\u00e9").encode("latin-1"),
    )
    assert_clean_exit(result, 1)
    assert result.stderr.splitlines() == ["failed: <stdin>: not valid UTF-8 (byte 0xe9 at offset 6)"]
    assert nquads(small) == before


def test_a_missing_path_stops_before_anything_is_ingested(small: Path, tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(EN_ARTICLE, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    before = nquads(small)
    result = kg("ingest", "--store", small, good, missing)
    assert_clean_exit(result)
    assert result.stdout == ""
    line = error_line(result)
    assert str(missing) in line and "no such file" in line
    assert nquads(small) == before


def test_a_missing_path_creates_no_store(tmp_path: Path):
    store = tmp_path / "store"
    result = kg("ingest", "--store", store, tmp_path / "missing.txt")
    assert_clean_exit(result)
    assert "missing.txt" in error_line(result)
    assert not store.exists()


def test_html_that_is_nothing_but_broken_markup_fails(small: Path, tmp_path: Path):
    path = tmp_path / "garbage.html"
    path.write_text("<<<>>><//><html<<body", encoding="utf-8")
    before = nquads(small)
    result = kg("ingest", "--store", small, path)
    assert nquads(small) == before
    assert_clean_exit(result, 1)
    [line] = result.stderr.splitlines()
    assert line.startswith(f"failed: {path}: ")


def test_html_that_is_cut_off_after_its_text_is_still_read(tmp_path: Path):
    """Truncated markup is common in saved pages; the text before the cut is the article."""
    store, path = tmp_path / "store", tmp_path / "cut.html"
    body = "".join(f"<p>{para}</p>" for para in EN_ARTICLE.split("\n\n")[1:])
    path.write_text(
        f"<html><head><title>Mongolia and Japan</title></head><body><article>{body}<div><p", "utf-8"
    )
    result = ok(kg("ingest", "--store", store, path))
    assert summary(result).startswith("articles: 1 read, 1 new")


# ---------------------------------------------------------------- the store argument


def test_a_store_path_that_is_a_file(tmp_path: Path):
    store = tmp_path / "store"
    store.write_text("not a database\n", encoding="utf-8")
    for args in (["stats"], ["ingest", "-"], ["query", "ASK {}"], ["export"], ["validate"], ["remove", "x"]):
        result = kg(*args, "--store", store, input=EN_ARTICLE)
        assert_clean_exit(result)
        assert error_line(result) == f"kg: store {store} is not a folder"
    assert store.read_text(encoding="utf-8") == "not a database\n"


def test_a_store_that_changes_while_it_is_opened_is_one_line(small: Path, monkeypatch: pytest.MonkeyPatch):
    """pyoxigraph: "Opening as read-only while having an other process writing the database is undefined
    behavior"; seen as ``RuntimeError: Corruption: … No such file or directory … MANIFEST-… may be corrupted``
    from ``kg stats`` while ``kg ingest`` ran. Simulated here, since the race is not repeatable."""

    class RacingStore:
        @staticmethod
        def read_only(path: str) -> None:
            raise RuntimeError(f"Corruption: IO error: No such file or directory: {path}/000012.sst")

    monkeypatch.setattr("kg.store.pyoxigraph", SimpleNamespace(Store=RacingStore))
    result = kg("stats", "--store", small)
    assert_clean_exit(result)
    assert str(small) in error_line(result)


def test_a_failed_command_leaves_the_store_usable_in_the_same_process(small: Path, tmp_path: Path):
    """``main`` called from Python (a notebook, a test) keeps the SystemExit of a failed ingest; that
    must not keep the store locked."""
    runner = CliRunner()
    failed = runner.invoke(main, ["ingest", "--store", str(small), str(_binary(tmp_path))])
    assert failed.exit_code == 1
    good = tmp_path / "good.txt"
    good.write_text(EN_ARTICLE, encoding="utf-8")
    again = runner.invoke(main, ["ingest", "--store", str(small), str(good)])
    assert again.exit_code == 0, again.output
    assert failed.exc_info is not None  # the failed run's traceback was alive all along


def test_a_store_path_that_is_some_other_folder(tmp_path: Path):
    store = tmp_path / "documents"
    store.mkdir()
    (store / "letter.txt").write_text("Dear reader", encoding="utf-8")
    result = kg("ingest", "--store", store, "-", input=EN_ARTICLE)
    assert_clean_exit(result)
    assert "not a dipkg store" in error_line(result)
    assert sorted(p.name for p in store.iterdir()) == ["letter.txt"]


# ---------------------------------------------------------------- help


def test_kg_help_lists_every_command():
    result = ok(kg("--help"))
    assert result.stdout.startswith("Usage: kg [OPTIONS] COMMAND [ARGS]...")
    listed = re.findall(r"^  (\S+)\s", result.stdout.split("Commands:", 1)[1], re.MULTILINE)
    assert listed == sorted(main.commands)
    assert {"ingest", "export", "query", "remove", "stats", "validate", "viz"} <= set(listed)
    assert ok(kg("-h")).stdout == result.stdout
    assert ok(kg("--version")).stdout.startswith("kg, version ")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help(command: str):
    result = ok(kg(command, "--help"))
    assert result.stdout.startswith(f"Usage: kg {command} ")
    first_paragraph = (main.commands[command].help or "").split("\n\n")[0]
    assert first_paragraph and " ".join(first_paragraph.split()) in " ".join(result.stdout.split())
    if command not in ("eval", "queries"):  # neither reads a store
        assert "--store PATH" in result.stdout
