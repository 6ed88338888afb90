"""kg.store on a real on-disk Oxigraph database in tmp_path."""

from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.store import Store, resolve_store_path
from kg.vocab import DIP, DIPR, REFERENCE_GRAPH, article_graph

SHA_A = "a1" * 32
SHA_B = "b2" * 32


def article_quads(
    sha: str, *, source: str = "corpus/x.txt", title: str = "T", meeting: str = "m1"
) -> list[ox.Quad]:
    """A small article graph: the article, one meeting shared by every article, one evidence node."""
    g = ox.NamedNode(article_graph(sha))
    a = ox.NamedNode(f"{DIPR}article/{sha}")
    m = ox.NamedNode(f"{DIPR}meeting/{meeting}")
    ev = ox.NamedNode(f"{DIPR}evidence/{sha[:16]}")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    title_p = ox.NamedNode("http://purl.org/dc/terms/title")
    triples = [
        (a, rdf_type, DIP.Article),
        (a, DIP.sha256, ox.Literal(sha)),
        (a, DIP.source, ox.Literal(source)),
        (a, title_p, ox.Literal(title)),
        (m, rdf_type, DIP.Meeting),
        (m, DIP.evidence, ev),
        (ev, DIP.article, a),
        (ev, DIP.sentence, ox.Literal('Ein "Satz" mit \\ und\nZeilenumbruch\t.')),
    ]
    return [ox.Quad(s, p, o, g) for s, p, o in triples]


def reference(label: str = "Kazakhstan") -> list[ox.Quad]:
    g = ox.NamedNode(REFERENCE_GRAPH)
    kz = ox.NamedNode(f"{DIPR}country/KZ")
    label_p = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    return [
        ox.Quad(kz, DIP.isoCode, ox.Literal("KZ"), g),
        ox.Quad(kz, label_p, ox.Literal(label, language="en"), g),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "store")


def graph_size(store: Store, sha: str) -> int:
    return len(store.graph_quads(article_graph(sha)))


def test_resolve_store_path(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("KG_STORE", raising=False)
    assert resolve_store_path(None) == Path(".dipkg/store")
    monkeypatch.setenv("KG_STORE", "/tmp/kg-env")
    assert resolve_store_path(None) == Path("/tmp/kg-env")
    assert resolve_store_path("given") == Path("given")


def test_open_creates_the_folder(tmp_path: Path):
    Store.open(tmp_path / "deep" / "store")
    assert (tmp_path / "deep" / "store" / "CURRENT").is_file()


def test_put_twice_is_unchanged(store: Store):
    assert store.put_article(SHA_A, article_quads(SHA_A)) == "new"
    count = store.quad_count()
    assert store.article_state(SHA_A, article_quads(SHA_A)) == "unchanged"
    assert store.put_article(SHA_A, article_quads(SHA_A)) == "unchanged"
    assert store.quad_count() == count == len(article_quads(SHA_A))


def test_changed_article_is_replaced_whole(store: Store):
    store.put_article(SHA_A, article_quads(SHA_A, title="old"))
    assert store.article_state(SHA_A, article_quads(SHA_A, title="new")) == "changed"
    assert store.put_article(SHA_A, article_quads(SHA_A, title="new")) == "replaced"
    assert store.graph_quads(article_graph(SHA_A)) == set(article_quads(SHA_A, title="new"))


def test_quads_outside_the_article_graph_are_refused(store: Store):
    with pytest.raises(ValueError, match="graph"):
        store.put_article(SHA_A, article_quads(SHA_B))
    assert store.quad_count() == 0


def test_remove_one_of_two_articles_leaves_the_other_intact(store: Store):
    store.ensure_reference(reference())
    store.put_article(SHA_A, article_quads(SHA_A, source="corpus/a.txt"))
    store.put_article(SHA_B, article_quads(SHA_B, source="corpus/b.txt"))
    before_b = store.graph_quads(article_graph(SHA_B))
    assert store.remove_article(SHA_A) == [SHA_A]
    assert store.article_shas() == [SHA_B]
    assert store.graph_quads(article_graph(SHA_B)) == before_b
    assert len(store.graph_quads(REFERENCE_GRAPH)) == len(reference()) + 2  # + hash and title
    # the shared meeting is still there, stated by B only
    shared = store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{DIPR}meeting/m1> a ?c }} }}")
    assert [row["g"].value for row in shared] == [article_graph(SHA_B)]


def test_remove_by_prefix_and_by_source_path(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store.put_article(SHA_A, article_quads(SHA_A, source="corpus/a.txt"))
    store.put_article(SHA_B, article_quads(SHA_B, source="corpus/data.jsonl#2"))
    assert store.remove_article(SHA_A[:8].upper()) == [SHA_A]
    monkeypatch.chdir(tmp_path)
    assert store.remove_article("./corpus/data.jsonl") == [SHA_B]
    assert store.article_shas() == []


def test_remove_by_file_content(store: Store, tmp_path: Path):
    from kg.model import Article
    from kg.sources import iter_articles

    path = tmp_path / "moved.txt"
    path.write_text("Titel\n\nDer Text eines Artikels, der woanders gelesen wurde.\n", encoding="utf-8")
    (item,) = iter_articles([path])
    assert isinstance(item, Article)
    store.put_article(item.sha256, article_quads(item.sha256, source="elsewhere/original.txt"))
    assert store.remove_article(str(path)) == [item.sha256]


def test_unknown_or_ambiguous_reference_removes_nothing(store: Store):
    store.put_article(SHA_A, article_quads(SHA_A))
    other = SHA_A[:8] + "c" * 56
    store.put_article(other, article_quads(other))
    count = store.quad_count()
    with pytest.raises(StoreError, match="nothing removed"):
        store.remove_article("no/such/article.txt")
    with pytest.raises(StoreError, match="matches 2 articles"):
        store.remove_article(SHA_A[:8])
    assert store.quad_count() == count


def test_reference_graph_is_written_once_and_replaced_when_it_changes(store: Store):
    assert store.ensure_reference(reference()) is True
    assert store.ensure_reference(reference()) is False
    assert [g.value for g in store.oxigraph.named_graphs()] == [REFERENCE_GRAPH]
    assert store.ensure_reference(reference("Republic of Kazakhstan")) is True
    labels = store.select(
        f"SELECT ?l WHERE {{ <{DIPR}country/KZ> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
    )
    assert [row["l"].value for row in labels] == ["Republic of Kazakhstan"]


def test_queries_read_the_merged_graph_where_each_triple_counts_once(store: Store):
    store.put_article(SHA_A, article_quads(SHA_A))
    store.put_article(SHA_B, article_quads(SHA_B))
    q = "SELECT (COUNT(?m) AS ?n) WHERE {{ ?m a <{c}> }}"
    assert store.select(q.format(c=DIP.Meeting.value))[0]["n"].value == "1"
    # Oxigraph's own union of all graphs is a multiset: the shared meeting counts once per graph there
    union = store.select(q.format(c=DIP.Meeting.value), use_default_graph_as_union=True)
    assert int(union[0]["n"].value) > 1


def _merged(store: Store) -> set:
    from pyoxigraph import DefaultGraph

    return {
        (q.subject, q.predicate, q.object)
        for q in store.oxigraph.quads_for_pattern(None, None, None, DefaultGraph())
    }


def _named(store: Store) -> set:
    from pyoxigraph import DefaultGraph

    return {
        (q.subject, q.predicate, q.object)
        for q in store.oxigraph
        if not isinstance(q.graph_name, DefaultGraph)
    }


def test_the_merged_graph_follows_every_put_replace_and_remove(store: Store):
    store.put_article(SHA_A, article_quads(SHA_A))
    store.put_article(SHA_B, article_quads(SHA_B))
    assert _merged(store) == _named(store)
    store.put_article(SHA_A, article_quads(SHA_A)[:-2])  # replaced by a smaller graph
    assert _merged(store) == _named(store)
    store.remove_article(SHA_B)
    assert _merged(store) == _named(store)
    store.remove_article(SHA_A)
    assert _merged(store) == _named(store) == set()


def test_a_store_written_before_the_merged_graph_is_brought_up_to_date(tmp_path):
    import pyoxigraph

    path = tmp_path / "old"
    old = pyoxigraph.Store(str(path))
    old.extend(article_quads(SHA_A))  # named graph only, as the first version wrote it
    old.flush()
    del old
    with Store.open(path, read_only=True) as reader:  # read-only: queried as a union
        assert bool(reader.query(f"ASK {{ ?m a <{DIP.Meeting.value}> }}"))
    with Store.open(path) as writer:
        assert _merged(writer) == _named(writer) != set()


def test_articles_lists_metadata(store: Store):
    store.put_article(SHA_B, article_quads(SHA_B, source="b.txt", title="Bee"))
    store.put_article(SHA_A, article_quads(SHA_A, source="a.txt", title="Ay"))
    assert store.articles() == [
        {"sha256": SHA_A, "source": "a.txt", "title": "Ay"},
        {"sha256": SHA_B, "source": "b.txt", "title": "Bee"},
    ]


def test_data_survives_reopening_and_read_only_refuses_writes(tmp_path: Path):
    path = tmp_path / "store"
    with Store.open(path) as store:
        store.put_article(SHA_A, article_quads(SHA_A))
    del store
    gc.collect()
    reader = Store.open(path, read_only=True)
    assert reader.article_shas() == [SHA_A]
    with pytest.raises(StoreError, match="read-only"):
        reader.put_article(SHA_B, article_quads(SHA_B))
    with pytest.raises(StoreError, match="read-only"):
        reader.remove_article(SHA_A)


def test_a_folder_that_is_not_a_store_is_refused(tmp_path: Path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="documents is not a dipkg store"):
        Store.open(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    with pytest.raises(StoreError, match="not a folder"):
        Store.open(folder / "notes.txt")


def test_a_missing_store_cannot_be_opened_read_only(tmp_path: Path):
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "nothing", read_only=True)
    assert not (tmp_path / "nothing").exists()


def test_a_store_in_use_is_refused_with_its_name(store: Store):
    with pytest.raises(StoreError, match="in use") as error:
        Store.open(store.path)
    assert str(store.path) in str(error.value)
    assert "\n" not in str(error.value)
