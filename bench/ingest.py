"""Benchmark extraction, ingest, re-ingest, the saved queries and export on a synthetic corpus.

    .venv/bin/python bench/ingest.py                     # 2,000 articles, Markdown report on stdout
    .venv/bin/python bench/ingest.py --quick             # 100 articles (a smoke run)
    .venv/bin/python bench/ingest.py --profile --write docs/benchmarks.md

The corpus is made from the sample articles in data/articles/: each synthetic article takes the
title and lead paragraph of one sample article, then paragraphs of it and of three other sample
articles in the same language, shuffled, until it is about 3 KB (the last paragraph cut at a
sentence end when a whole one would overshoot). German and English are never mixed. Every
article gets a random day of 2024-2025 as its date. The random generator is seeded, so the same
arguments always give the same corpus.

Measured, in one process: (a) extraction alone after a warm-up that builds the lexicons;
(b) ingest into a fresh on-disk store in a temporary folder, with the quads stored and the peak
RSS; (c) ingesting the same corpus again (every article unchanged); (d) each query in queries/,
median and p95 of several runs; (e) export as Turtle and N-Quads. ``--profile`` adds a cProfile
of extraction.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import math
import multiprocessing
import os
import platform
import pstats
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
from multiprocessing.connection import Connection
from pathlib import Path

from kg.model import Article, Extraction

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"
DEFAULT_ARTICLES = 2000
QUICK_ARTICLES = 100
TARGET_BYTES = 3000
OVERSHOOT_BYTES = 400  # a whole paragraph may pass the target by this much; a longer one is cut
SOURCES_PER_ARTICLE = 4  # the title's article and three others
FIRST_DAY = date(2024, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days + 1
TARGET_RATE = 100  # articles per second per core, for 3 KB articles (the extraction issue)
EXPORT_FORMATS = ("turtle", "nquads")
NOTES_MARKER = "<!-- Notes below this line are written by hand; bench/ingest.py keeps them. -->"
PUBLISHER = "dipkg benchmark corpus (synthetic, recombined from data/articles)"

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"„“«»']?[A-ZÄÖÜ])")


# ---------------------------------------------------------------- the corpus


@dataclass(frozen=True)
class Sample:
    """One sample article cut into its parts."""

    name: str
    lang: str
    title: str
    lead: str
    paragraphs: tuple[str, ...]


def load_samples(folder: Path) -> dict[str, list[Sample]]:
    """The sample articles of ``folder`` by language (de and en only), each split into paragraphs."""
    from kg.ingest import SUPPORTED_LANGUAGES
    from kg.sources import iter_articles

    by_lang: dict[str, list[Sample]] = {}
    for item in iter_articles([folder]):
        if not isinstance(item, Article) or item.lang not in SUPPORTED_LANGUAGES:
            continue
        parts = [" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(item.text) if p.strip()]
        title = item.title or parts[0]
        if parts and parts[0] == " ".join(title.split()):
            parts = parts[1:]
        if len(parts) < 2:
            continue
        sample = Sample(Path(item.source).name, item.lang, title, parts[0], tuple(parts[1:]))
        by_lang.setdefault(item.lang, []).append(sample)
    if not by_lang:
        raise SystemExit(f"no German or English sample articles in {folder}")
    return {lang: sorted(samples, key=lambda s: s.name) for lang, samples in sorted(by_lang.items())}


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _body(base: Sample, others: Sequence[Sample], rng: random.Random, *, target: int) -> list[str]:
    """The lead of ``base``, then shuffled paragraphs of ``base`` and ``others`` up to ``target`` bytes."""
    pool = [p for sample in (base, *others) for p in sample.paragraphs]
    rng.shuffle(pool)
    body = [base.lead]
    size = _size(base.title) + _size(base.lead)
    for paragraph in pool:
        if size >= target:
            break
        if size + _size(paragraph) <= target + OVERSHOOT_BYTES:
            body.append(paragraph)
            size += _size(paragraph) + 2
            continue
        sentences = []
        for sentence in _SENTENCE_BREAK.split(paragraph):
            if size >= target:
                break
            sentences.append(sentence)
            size += _size(sentence) + 1
        body.append(" ".join(sentences))
    return body


def build_corpus(
    samples: dict[str, list[Sample]], *, count: int, seed: int, target: int = TARGET_BYTES
) -> list[Article]:
    """``count`` distinct synthetic articles, the same ones for the same ``seed``."""
    rng = random.Random(seed)
    langs = sorted(samples)
    weights = [len(samples[lang]) for lang in langs]
    corpus: list[Article] = []
    seen: set[str] = set()
    attempts = 0
    while len(corpus) < count:
        attempts += 1
        if attempts > 10 * count + 100:
            raise SystemExit(f"could not make {count} distinct articles from {sum(weights)} samples")
        lang = rng.choices(langs, weights=weights)[0]
        pool = samples[lang]
        base = rng.choice(pool)
        others = rng.sample([s for s in pool if s is not base], k=min(SOURCES_PER_ARTICLE - 1, len(pool) - 1))
        text = base.title + "\n\n" + "\n\n".join(_body(base, others, rng, target=target)) + "\n"
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if sha256 in seen:
            continue
        seen.add(sha256)
        number = len(corpus) + 1
        corpus.append(
            Article(
                text=text,
                sha256=sha256,
                source=f"synthetic/{number:05d}.{lang}.txt",
                title=base.title,
                lang=lang,
                date=day.isoformat(),
                publisher=PUBLISHER,
            )
        )
    return corpus


# ---------------------------------------------------------------- measurements


def peak_rss_bytes() -> int:
    """The peak resident set size of this process so far (``ru_maxrss`` is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


@dataclass
class ExtractionRun:
    articles: int
    seconds: float
    warmup_seconds: float
    failed: int
    facts: Counter[str]
    peak_rss: int

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def measure_extraction(
    corpus: Sequence[Article], *, warmup: Sequence[Article], extractor: Callable[[Article], Extraction]
) -> ExtractionRun:
    """Extraction alone, in this process, after extracting ``warmup`` once (which builds the lexicons)."""
    start = time.perf_counter()
    for article in warmup:
        extractor(article)
    warmup_seconds = time.perf_counter() - start
    failed = 0
    facts: Counter[str] = Counter()
    start = time.perf_counter()
    for article in corpus:
        try:
            facts.update(extractor(article).counts())
        except Exception:  # noqa: BLE001 - counted and reported, as ingest does
            failed += 1
    seconds = time.perf_counter() - start
    return ExtractionRun(len(corpus), seconds, warmup_seconds, failed, facts, peak_rss_bytes())


@dataclass
class IngestRun:
    articles: int
    seconds: float
    extraction_seconds: float
    new: int
    unchanged: int
    replaced: int
    failed: list[tuple[str, str]]
    quads: int
    peak_rss: int

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def _timed(extractor: Callable[[Article], Extraction], spent: list[float]) -> Callable[[Article], Extraction]:
    """``extractor``, adding the seconds each call takes to ``spent[0]``."""

    def run(article: Article) -> Extraction:
        start = time.perf_counter()
        try:
            return extractor(article)
        finally:
            spent[0] += time.perf_counter() - start

    return run


def measure_ingest(
    corpus: Sequence[Article], *, store_path: Path, extractor: Callable[[Article], Extraction]
) -> IngestRun:
    """One ``ingest_articles`` call into the on-disk store at ``store_path`` (the reference graph written)."""
    from kg.ingest import ingest_articles
    from kg.store import Store

    spent = [0.0]
    with Store.open(store_path) as store:
        start = time.perf_counter()
        report = ingest_articles(corpus, store=store, extractor=_timed(extractor, spent))
        seconds = time.perf_counter() - start
        quads = store.quad_count()
    return IngestRun(
        len(corpus),
        seconds,
        spent[0],
        report.new,
        report.unchanged,
        report.replaced,
        list(report.failed),
        quads,
        peak_rss_bytes(),
    )


def write_reference(store_path: Path) -> tuple[float, int]:
    """Create the store and write its reference graph; the seconds it took and the quads it holds."""
    from kg.store import Store

    with Store.open(store_path) as store:
        start = time.perf_counter()
        store.ensure_reference()
        seconds = time.perf_counter() - start
        return seconds, store.quad_count()


@dataclass
class QueryTiming:
    name: str
    rows: int | None
    times_ms: list[float]
    problem: str = ""  # why fewer runs than asked were timed ("stopped after 120 s", an error)

    @property
    def median(self) -> float | None:
        return statistics.median(self.times_ms) if self.times_ms else None

    @property
    def p95(self) -> float | None:
        """Nearest-rank 95th percentile (with 5 runs: the slowest)."""
        if not self.times_ms:
            return None
        ordered = sorted(self.times_ms)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def query_files() -> list[Path]:
    from kg.resources import queries_dir

    return sorted(queries_dir().glob("*.rq"))


def _query_worker(store_path: str, sparql: str, runs: int, sender: Connection) -> None:
    """In a child process: run one query ``runs`` times, sending ``("run", ms, rows)`` after each."""
    from kg.query import run_query
    from kg.store import Store

    try:
        with Store.open(store_path, read_only=True) as store:
            for _ in range(runs):
                start = time.perf_counter()
                rows = len(run_query(store, sparql))
                sender.send(("run", (time.perf_counter() - start) * 1000, rows))
    except Exception as error:  # noqa: BLE001 - reported in the table
        sender.send(("error", " ".join(f"{type(error).__name__}: {error}".split())))
    finally:
        sender.close()


def time_query(store_path: Path, sparql: str, *, name: str, runs: int, timeout: float) -> QueryTiming:
    """Time one query in a child process, which is killed when all its runs together pass ``timeout``.

    A query that Oxigraph is evaluating cannot be interrupted from Python, hence the process.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_query_worker, args=(str(store_path), sparql, runs, sender), daemon=True)
    child.start()
    sender.close()
    deadline = time.monotonic() + timeout
    timing = QueryTiming(name, None, [])
    try:
        while len(timing.times_ms) < runs:
            left = deadline - time.monotonic()
            if left <= 0 or not receiver.poll(left):
                timing.problem = f"stopped after {timeout:g} s"
                break
            try:
                kind, *data = receiver.recv()
            except EOFError:
                timing.problem = "the query process died"
                break
            if kind == "error":
                timing.problem = data[0]
                break
            timing.times_ms.append(data[0])
            timing.rows = data[1]
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    return timing


def bound_query_text(path: Path) -> str:
    """The text ``kg query --name`` runs for a saved query: its parameters bound to its first
    ``# example:`` (else their defaults), every row."""
    from kg.saved_queries import parse_saved_query

    text = path.read_text(encoding="utf-8")
    saved = parse_saved_query(path, text=text)
    if not saved.params:
        return text
    return saved.bind(dict(saved.examples[0]) if saved.examples else None)


def measure_queries(store_path: Path, *, runs: int, timeout: float) -> list[QueryTiming]:
    """Every saved query, ``runs`` times each, on the store opened read-only (as ``kg query`` does),
    with the example values of its parameters."""
    return [
        time_query(store_path, bound_query_text(path), name=path.stem, runs=runs, timeout=timeout)
        for path in query_files()
    ]


def most_restated(store_path: Path) -> tuple[str, int] | None:
    """The entity whose label the most article graphs restate, and in how many graphs."""
    from kg.query import run_query
    from kg.store import Store
    from kg.vocab import GRAPH, shorten

    sparql = f"""
    SELECT ?s (COUNT(DISTINCT ?g) AS ?graphs) WHERE {{
      GRAPH ?g {{ ?s rdfs:label ?label }}
      FILTER(STRSTARTS(STR(?g), "{GRAPH}article/"))
    }}
    GROUP BY ?s ORDER BY DESC(?graphs) ?s LIMIT 1
    """
    with Store.open(store_path, read_only=True) as store:
        rows = run_query(store, sparql).rows
    if not rows or rows[0][0] is None:
        return None
    return shorten(rows[0][0].value), int(rows[0][1].value)


@dataclass
class ExportTiming:
    fmt: str
    seconds: float
    size: int


def measure_exports(store_path: Path, *, folder: Path) -> list[ExportTiming]:
    from kg.export import SUFFIXES, export
    from kg.store import Store

    timings = []
    with Store.open(store_path, read_only=True) as store:
        for fmt in EXPORT_FORMATS:
            target = folder / f"graph{SUFFIXES[fmt]}"
            start = time.perf_counter()
            export(store, fmt=fmt, output=target)
            timings.append(ExportTiming(fmt, time.perf_counter() - start, target.stat().st_size))
    return timings


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


@dataclass
class ProfileLine:
    function: str
    calls: int
    own: float
    cumulative: float


@dataclass
class Profile:
    articles: int
    seconds: float
    by_cumulative: list[ProfileLine] = field(default_factory=list)
    by_own: list[ProfileLine] = field(default_factory=list)


def _where(filename: str, line: int, name: str) -> str:
    """``kg/extract/people.py:42 find_people`` (paths inside the repo or site-packages shortened)."""
    if filename == "~":
        return name.strip("<>")
    path = Path(filename)
    for base in (ROOT, *(Path(p) for p in sys.path if p.endswith("site-packages"))):
        try:
            return f"{path.relative_to(base)}:{line} {name}"
        except ValueError:
            continue
    return f"{path.name}:{line} {name}"


def profile_extraction(
    corpus: Sequence[Article], *, extractor: Callable[[Article], Extraction], top: int = 5
) -> Profile:
    """cProfile of ``extractor`` over ``corpus``; the top functions below ``extract`` itself."""
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for article in corpus:
        try:
            extractor(article)
        except Exception:  # noqa: BLE001, S112 - failures are counted by the other measurements
            continue
    profiler.disable()
    seconds = time.perf_counter() - start
    raw = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    here = str(Path(__file__).resolve())
    code = getattr(extractor, "__code__", None)
    itself = (code.co_filename, code.co_firstlineno, code.co_name) if code else None
    lines = [
        ProfileLine(_where(*key), calls, own, cumulative)
        for key, (_, calls, own, cumulative, _) in raw.items()
        if key[0] != here and "_lsprof" not in key[2] and key != itself
    ]
    return Profile(
        len(corpus),
        seconds,
        sorted(lines, key=lambda p: -p.cumulative)[:top],
        sorted(lines, key=lambda p: -p.own)[:top],
    )


# ---------------------------------------------------------------- the machine


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return "unknown"


def _package(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _commit() -> str:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}  # read-only: never refresh the index
    try:
        done = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip() or "unknown"


def machine() -> list[tuple[str, str]]:
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    return [
        ("date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", _cpu_model()),
        ("cores", f"{cores} ({usable} usable by this process; the benchmark uses one)"),
        ("RAM", _memory()),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("pyoxigraph", _package("pyoxigraph")),
        ("rdflib", _package("rdflib")),
        ("dipkg", f"{_package('dipkg')}, git {_commit()}"),
    ]


# ---------------------------------------------------------------- the report


@dataclass
class Results:
    args: argparse.Namespace
    corpus: list[Article]
    samples: dict[str, list[Sample]]
    extraction: ExtractionRun
    reference: tuple[float, int]
    ingest: IngestRun
    reingest: IngestRun
    store_bytes: int
    restated: tuple[str, int] | None
    queries: list[QueryTiming]
    exports: list[ExportTiming]
    profile: Profile | None


def _mb(size: float) -> str:
    return f"{size / 1e6:,.1f} MB"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], *, align: str = "") -> list[str]:
    align = align or "l" + "r" * (len(header) - 1)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def _corpus_section(r: Results) -> list[str]:
    sizes = [_size(a.text) for a in r.corpus]
    langs = Counter(a.lang for a in r.corpus)
    samples = ", ".join(f"{len(s)} {lang}" for lang, s in r.samples.items())
    mix = ", ".join(f"{langs[lang]:,} {lang}" for lang in sorted(langs))
    return [
        "## Corpus",
        "",
        f"{len(r.corpus):,} synthetic articles ({mix}), seed {r.args.seed}, built by recombining the "
        f"paragraphs of the sample articles in `data/articles/` ({samples}): the title and lead of one "
        f"sample, then paragraphs of it and of {SOURCES_PER_ARTICLE - 1} other samples in the same "
        "language, shuffled, up to about 3 KB. Dates are random days of 2024-2025. "
        f"Mean size {statistics.mean(sizes) / 1000:.2f} KB (min {min(sizes) / 1000:.2f}, "
        f"max {max(sizes) / 1000:.2f}), {_mb(sum(sizes))} in all.",
        "",
    ]


def _throughput_section(r: Results) -> list[str]:
    e, i, again = r.extraction, r.ingest, r.reingest
    kb = statistics.mean(_size(a.text) for a in r.corpus) / 1000
    facts = sum(e.facts.values())
    rows = [
        (
            "(a) extraction alone",
            f"{e.rate:,.1f}",
            f"{e.rate * kb:,.0f}",
            f"{e.seconds:,.1f}",
            f"{facts:,} facts, {e.failed} failed; warm-up (lexicons) {e.warmup_seconds:.1f} s",
        ),
        (
            "(b) ingest, fresh on-disk store",
            f"{i.rate:,.1f}",
            f"{i.rate * kb:,.0f}",
            f"{i.seconds:,.1f}",
            f"{i.new:,} new, {len(i.failed)} failed; {i.quads:,} quads; "
            f"{i.extraction_seconds / i.seconds:.0%} of the time in extraction",
        ),
        (
            "(c) re-ingest, same corpus",
            f"{again.rate:,.1f}",
            f"{again.rate * kb:,.0f}",
            f"{again.seconds:,.1f}",
            f"{again.unchanged:,} unchanged, {again.new + again.replaced} written, {len(again.failed)} failed; "
            f"{again.quads:,} quads; {again.extraction_seconds / again.seconds:.0%} in extraction",
        ),
    ]
    store_rate = i.articles / max(i.seconds - i.extraction_seconds, 1e-9)
    return [
        "## Throughput (one process)",
        "",
        *_table(["measurement", "articles/s", "KB/s", "seconds", "notes"], rows, align="lrrrl"),
        "",
        f"- Ingest without its extraction (mapping to RDF and the store's transactions): "
        f"{store_rate:,.0f} articles/s.",
        f"- Writing the reference graph into the new store, once, before (b): {r.reference[0]:.2f} s, "
        f"{r.reference[1]:,} quads (included in the quad counts above).",
        f"- Store on disk after ingest: {_mb(r.store_bytes)}.",
        f"- Peak RSS of the process: {_mb(e.peak_rss)} after (a), {_mb(i.peak_rss)} after (b), "
        f"{_mb(again.peak_rss)} after (c).",
        "",
    ]


def _query_section(r: Results) -> list[str]:
    def ms(value: float | None) -> str:
        return "—" if value is None else f"{value:,.1f}"

    rows = [
        (
            f"`{q.name}`",
            "—" if q.rows is None else f"{q.rows:,}",
            f"{len(q.times_ms)} of {r.args.runs}",
            ms(q.median),
            ms(q.p95),
            ms(min(q.times_ms, default=None)),
            q.problem,
        )
        for q in r.queries
    ]
    exports = [(e.fmt, f"{e.seconds:,.2f}", _mb(e.size)) for e in r.exports]
    return [
        f"## Queries (d): `queries/*.rq` on the ingested store, {r.args.runs} runs each, ms",
        "",
        "Run through `kg.query.run_query` on the store opened read-only, as `kg query` does, with the "
        "parameters bound to each query's first `# example:` (every row, no page; an example that names "
        "something the synthetic corpus lacks gives 0 rows; `bench/queries.py` times them on 1 million "
        "triples with values from the corpus), in a child "
        f"process that is killed when the runs of one query together take more than {r.args.query_timeout:g} s.",
        "",
        *_table(["query", "rows", "runs", "median", "p95", "fastest", "note"], rows, align="lrrrrrl"),
        "",
        "## Export (e)",
        "",
        *_table(["format", "seconds", "size"], exports),
        "",
    ]


def _profile_section(p: Profile) -> list[str]:
    def rows(lines: list[ProfileLine]) -> list[tuple[str, ...]]:
        return [
            (
                f"`{x.function}`",
                f"{x.calls:,}",
                f"{x.own:,.2f}",
                f"{x.cumulative:,.2f}",
                f"{x.cumulative / p.seconds:.0%}",
            )
            for x in lines
        ]

    header = ["function", "calls", "own s", "cumulative s", "share"]
    return [
        f"## Where extraction time goes (cProfile, {p.articles:,} articles)",
        "",
        f"{p.seconds:.1f} s under the profiler (which slows Python calls down; shares matter, not seconds). "
        "Top functions by cumulative time, below `extract` itself:",
        "",
        *_table(header, rows(p.by_cumulative)),
        "",
        "Top functions by own time (excluding the functions they call):",
        "",
        *_table(header, rows(p.by_own)),
        "",
    ]


def _interpretation(r: Results) -> list[str]:
    e, i, again = r.extraction, r.ingest, r.reingest
    kb = statistics.mean(_size(a.text) for a in r.corpus) / 1000
    per_3kb = e.rate * kb / 3
    verdict = "meets" if per_3kb >= TARGET_RATE else "falls short of"
    finished = [q for q in r.queries if q.median is not None]
    stopped = [q for q in r.queries if q.median is None]
    lines = [
        "## Interpretation",
        "",
        f"- Extraction runs at {e.rate:,.1f} articles/s on one core ({per_3kb:,.1f} per second scaled to "
        f"3 KB articles), which {verdict} the target of {TARGET_RATE} articles/s/core of the extraction "
        f"issue ({per_3kb / TARGET_RATE:.2f}× the target). It is pure Python and single-threaded, so it "
        f"scales with processes, not threads: this machine's {os.cpu_count()} cores would give about "
        f"{e.rate * (os.cpu_count() or 1):,.0f} articles/s with one process per core.",
        f"- Ingest spends {i.extraction_seconds / i.seconds:.0%} of its time extracting and "
        f"{1 - i.extraction_seconds / i.seconds:.0%} mapping facts to RDF and writing one store "
        "transaction per article.",
        f"- Re-ingesting the unchanged corpus takes {again.seconds / i.seconds:.0%} of the time of the "
        f"first ingest ({again.seconds:,.1f} s against {i.seconds:,.1f} s): `ingest_articles` extracts "
        "every article again and compares the new quads with the stored graph, so only the write is saved.",
    ]
    if finished:
        slowest = max(finished, key=lambda q: q.median or 0.0)
        fast = [q for q in finished if (q.median or 0.0) < 100]
        lines.append(
            f"- Queries over {i.quads:,} quads: {len(fast)} of {len(r.queries)} answer in under 100 ms "
            f"(median); the slowest that finished is `{slowest.name}` at {slowest.median:,.1f} ms."
        )
    if stopped:
        names = ", ".join(f"`{q.name}`" for q in stopped)
        lines.append(
            f"- {names} did not finish: {'; '.join(sorted({q.problem for q in stopped}))}. "
            "The default graph of a query is the union of all article graphs, and that union is a "
            "multiset (BASELINES.md): every copy of a restated triple joins with every copy of the next."
        )
    if r.restated is not None and r.restated[1] > 1:
        name, graphs = r.restated
        lines.append(
            f"- Entities are restated per article: the label of `{name}` is in {graphs:,} of the "
            f"{i.new:,} article graphs. A query that joins such triples without collapsing the copies "
            "first (`SELECT DISTINCT` sub-selects) grows with the product of the copy counts."
        )
    lines += [
        f"- Export of the {i.quads:,} quads (Oxigraph's own serialisers): "
        + ", ".join(f"{x.fmt} in {x.seconds:,.2f} s" for x in r.exports)
        + ".",
        "",
    ]
    return lines


def render(r: Results) -> str:
    command = "python bench/ingest.py " + " ".join(r.args.argv)
    lines = [
        "# Benchmarks",
        "",
        "Written by `bench/ingest.py`; rerun it rather than editing this file by hand. "
        "Absolute times depend on the machine; compare runs on the same machine.",
        "",
        "## Machine",
        "",
        *_table(["", ""], machine(), align="ll"),
        "",
        "## How to reproduce",
        "",
        "```sh",
        "make install                      # .venv with dipkg installed",
        f".venv/bin/{command.strip()}",
        "```",
        "",
        "The corpus is rebuilt from `data/articles/` with the same seed, so a rerun measures the same "
        "articles. The store and the exports go to a temporary folder that is removed afterwards.",
        "",
        *_corpus_section(r),
        *_throughput_section(r),
        *_query_section(r),
        *_interpretation(r),
    ]
    if r.profile is not None:
        lines += _profile_section(r.profile)
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, help=f"corpus size (default {DEFAULT_ARTICLES:,})")
    ap.add_argument("--quick", action="store_true", help=f"a {QUICK_ARTICLES}-article smoke run")
    ap.add_argument("--seed", type=int, default=2025, help="seed of the corpus (default 2025)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each query (default 5)")
    ap.add_argument(
        "--query-timeout", type=float, default=120, help="seconds for all runs of one query (default 120)"
    )
    ap.add_argument("--samples", type=Path, default=SAMPLES, help="folder of sample articles")
    ap.add_argument(
        "--workdir", type=Path, help="folder for the store and exports (default: a temporary one)"
    )
    ap.add_argument("--profile", action="store_true", help="add a cProfile of extraction")
    ap.add_argument("--profile-articles", type=int, default=200, help="articles profiled (default 200)")
    ap.add_argument("--write", type=Path, metavar="FILE", help="also write the report to FILE")
    args = ap.parse_args(argv)
    if args.articles is None:
        args.articles = QUICK_ARTICLES if args.quick else DEFAULT_ARTICLES
    if args.articles < 1 or args.runs < 1 or args.profile_articles < 1 or args.query_timeout <= 0:
        ap.error("--articles, --runs, --profile-articles and --query-timeout must be positive")
    args.argv = list(sys.argv[1:] if argv is None else argv)
    return args


def run(args: argparse.Namespace, *, workdir: Path) -> Results:
    from kg.extract import extract

    def say(message: str) -> None:
        print(f"[bench] {message}", file=sys.stderr, flush=True)

    samples = load_samples(args.samples)
    corpus = build_corpus(samples, count=args.articles, seed=args.seed)
    say(f"corpus: {len(corpus):,} articles; (a) extraction alone")
    warmup = _warmup_articles(args.samples)
    extraction = measure_extraction(corpus, warmup=warmup, extractor=extract)
    store_path = workdir / "store"
    reference = write_reference(store_path)
    say(f"(b) ingest into {store_path}")
    ingest = measure_ingest(corpus, store_path=store_path, extractor=extract)
    say("(c) re-ingest")
    reingest = measure_ingest(corpus, store_path=store_path, extractor=extract)
    store_bytes = folder_size(store_path)
    say("(d) queries")
    restated = most_restated(store_path)
    queries = measure_queries(store_path, runs=args.runs, timeout=args.query_timeout)
    say("(e) export")
    exports = measure_exports(store_path, folder=workdir)
    profile = None
    if args.profile:
        say("profiling extraction")
        profile = profile_extraction(corpus[: args.profile_articles], extractor=extract)
    return Results(
        args,
        corpus,
        samples,
        extraction,
        reference,
        ingest,
        reingest,
        store_bytes,
        restated,
        queries,
        exports,
        profile,
    )


def _warmup_articles(folder: Path) -> list[Article]:
    """The sample articles themselves: one extraction of each loads every lexicon and compiles the matchers."""
    from kg.ingest import SUPPORTED_LANGUAGES
    from kg.sources import iter_articles

    return [a for a in iter_articles([folder]) if isinstance(a, Article) and a.lang in SUPPORTED_LANGUAGES]


def write_report(path: Path, report: str) -> None:
    """Write ``report`` to ``path``, keeping the hand-written notes after :data:`NOTES_MARKER`."""
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    notes = old[old.index(NOTES_MARKER) :] if NOTES_MARKER in old else NOTES_MARKER + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report + "\n" + notes, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        results = run(args, workdir=Path(tempfile.mkdtemp(prefix="bench-", dir=args.workdir)))
    else:
        with tempfile.TemporaryDirectory(prefix="dipkg-bench-") as folder:
            results = run(args, workdir=Path(folder))
    report = render(results)
    print(report, end="")
    if args.write is not None:
        write_report(args.write, report)
        print(f"[bench] wrote {args.write}", file=sys.stderr)
    failed = results.extraction.failed + len(results.ingest.failed) + len(results.reingest.failed)
    if failed:
        for source, message in results.ingest.failed[:10]:
            print(f"[bench] failed: {source}: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
