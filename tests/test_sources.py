"""kg.sources: reading articles from files, folders, JSONL and stdin, and refusing bad input in one line."""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

import pytest

from kg import sources
from kg.errors import InputError
from kg.langid import detect_language
from kg.model import Article
from kg.sources import SourceFailure, count_inputs, iter_articles

INPUTS = Path(__file__).parent / "data" / "inputs"
FOLDER = INPUTS / "folder"


def read_all(*paths: str | Path, stdin: io.TextIOBase | None = None) -> list[Article | SourceFailure]:
    return list(iter_articles(list(paths), stdin=stdin))


def only(*paths: str | Path, stdin: io.TextIOBase | None = None) -> Article | SourceFailure:
    (result,) = read_all(*paths, stdin=stdin)
    return result


def article(*paths: str | Path, stdin: io.TextIOBase | None = None) -> Article:
    result = only(*paths, stdin=stdin)
    assert isinstance(result, Article), result
    return result


def failure(*paths: str | Path, stdin: io.TextIOBase | None = None) -> str:
    result = only(*paths, stdin=stdin)
    assert isinstance(result, SourceFailure), result
    assert "\n" not in result.message
    return result.message


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- formats


def test_txt_keeps_text_and_takes_first_nonempty_line_as_title(tmp_path):
    text = "\n\n  Talks in Astana  \n\nThe ministers met on Monday.\n"
    path = write(tmp_path / "a.txt", text)
    got = article(path)
    assert got.text == text
    assert got.title == "Talks in Astana"
    assert got.source == str(path)
    assert got.sha256 == sha(text)
    assert (got.date, got.url, got.publisher) == (None, None, None)


def test_txt_normalises_newlines_and_strips_bom_only(tmp_path):
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbfTitle\r\nLine one.\rLine  two.\r\n")
    got = article(path)
    assert got.text == "Title\nLine one.\nLine  two.\n"
    assert got.sha256 == sha("Title\nLine one.\nLine  two.\n")


def test_markdown_title_drops_hashes_but_text_is_kept(tmp_path):
    path = write(tmp_path / "a.md", "## Ministers meet ##\n\nBody text here.\n")
    got = article(path)
    assert got.title == "Ministers meet"
    assert got.text.startswith("## Ministers meet ##\n")


def test_fixture_markdown_is_german():
    got = article(FOLDER / "a-treffen.md")
    assert got.title == "Außenminister beraten in Astana über den Handel"
    assert got.lang == "de"


def test_html_main_text_without_page_chrome():
    got = article(FOLDER / "sub" / "c-page.html")
    assert "a consulate general will open in Almaty" in got.text
    assert "visa applications" in got.text
    for chrome in ("Cookie settings", "All rights reserved", "Contact"):
        assert chrome not in got.text
    assert got.title is not None and got.title.startswith("Consulate general to open in Almaty")
    assert got.lang == "en"
    assert got.sha256 == sha(got.text)


def test_html_in_declared_charset_is_decoded(tmp_path):
    page = (
        '<html><head><meta charset="windows-1252"><title>Gespräche</title></head><body><article>'
        "<p>Die Außenminister beider Länder führten am Montag in Astana ausführliche Gespräche über den "
        "Handel, die Energieversorgung und die Verkehrswege der Region.</p></article></body></html>"
    )
    path = write(tmp_path / "p.html", page.encode("cp1252"))
    got = article(path)
    assert "Die Außenminister beider Länder" in got.text


def test_htm_extension_is_html(tmp_path):
    page = (
        "<html><head><title>Visit</title></head><body><p>The president arrived in Bishkek on Tuesday for a "
        "two-day state visit, the press service said.</p></body></html>"
    )
    got = article(write(tmp_path / "p.htm", page))
    assert got.text.startswith("The president arrived in Bishkek")
    assert "<p>" not in got.text


def test_broken_html_with_text_still_gives_text(tmp_path):
    page = (
        "<div><p>Unclosed <div><span>The ministers agreed to open a consulate general in Almaty "
        "next year, the ministry said.</div>"
    )
    got = article(write(tmp_path / "broken.html", page))
    assert "consulate general in Almaty" in got.text


# ---------------------------------------------------------------- folders and order


def test_folder_is_read_recursively_in_sorted_order_skipping_other_types():
    got = read_all(FOLDER)
    assert all(isinstance(item, Article) for item in got)
    assert [item.source for item in got] == [
        str(FOLDER / "a-treffen.md"),
        str(FOLDER / "b-talks.txt"),
        str(FOLDER / "sub" / "c-page.html"),
    ]


def test_folder_skips_hidden_files_and_folders(tmp_path):
    write(tmp_path / "b.txt", "Visible B\nText.")
    write(tmp_path / ".hidden.txt", "Hidden\nText.")
    write(tmp_path / ".git" / "x.txt", "In a hidden folder\nText.")
    write(tmp_path / "a" / "z.txt", "Nested\nText.")
    write(tmp_path / "a.txt", "Visible A\nText.")
    assert [item.source for item in read_all(tmp_path)] == [
        str(tmp_path / "a" / "z.txt"),
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
    ]


def test_folder_skips_readme_and_licence_but_reads_them_when_named(tmp_path):
    write(tmp_path / "README.md", "About this corpus\nNotes.")
    write(tmp_path / "LICENSE.txt", "Licence\nTerms.")
    write(tmp_path / "readme-not.txt", "An article\nText.")
    assert [item.source for item in read_all(tmp_path)] == [str(tmp_path / "readme-not.txt")]
    assert article(tmp_path / "README.md").title == "About this corpus"


def test_explicit_hidden_file_is_read(tmp_path):
    assert article(write(tmp_path / ".note.txt", "Hidden\nbut named.")).title == "Hidden"


def test_paths_keep_their_given_order_and_duplicates_are_read_once(tmp_path):
    first = write(tmp_path / "z.txt", "Z\ntext")
    second = write(tmp_path / "a.txt", "A\ntext")
    got = read_all(first, second, first, tmp_path)
    assert [item.source for item in got] == [str(first), str(second)]


def test_symlink_loop_in_folder_terminates(tmp_path):
    write(tmp_path / "d" / "a.txt", "A\ntext")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    assert [item.source for item in read_all(tmp_path / "d")] == [str(tmp_path / "d" / "a.txt")]


def test_count_inputs_counts_files_and_stdin():
    assert count_inputs([FOLDER]) == 3
    assert count_inputs([INPUTS]) == 8  # folder (3) + articles.jsonl + lang/ (4)
    assert count_inputs([FOLDER / "b-talks.txt", "-"]) == 2


# ---------------------------------------------------------------- sidecar metadata


def test_meta_sidecar_fills_title_date_lang_url_publisher():
    got = article(FOLDER / "b-talks.txt")
    assert got.title == "Kazakh and Uzbek foreign ministers meet in Tashkent"
    assert got.date == "2025-03-03"
    assert got.lang == "en"
    assert got.url == "https://example.org/news/tashkent-talks"
    assert got.publisher == "Example Wire"
    assert got.source == str(FOLDER / "b-talks.txt")


def test_meta_nulls_are_fine_and_values_are_normalised(tmp_path):
    path = write(tmp_path / "n.txt", "First line\nThe body of the article.")
    meta = {"title": None, "date": "2025-04-26T09:30:00+05:00", "lang": "de-AT", "url": None, "source": None}
    write(tmp_path / "n.meta.json", json.dumps(meta))
    got = article(path)
    assert (got.title, got.date, got.lang, got.url, got.publisher) == (
        "First line",
        "2025-04-26",
        "de",
        None,
        None,
    )


def test_meta_three_letter_language_code_is_mapped(tmp_path):
    path = write(tmp_path / "n.txt", "Title\nBody.")
    write(tmp_path / "n.meta.json", '{"lang": "deu"}')
    assert article(path).lang == "de"


def test_meta_title_does_not_change_sha256(tmp_path):
    text = "Same text\nin two places.\n"
    plain = article(write(tmp_path / "one" / "a.txt", text))
    write(tmp_path / "two" / "b.meta.json", '{"title": "Other title", "date": "2025-01-02"}')
    with_meta = article(write(tmp_path / "two" / "b.txt", text.replace("\n", "\r\n")))
    assert plain.sha256 == with_meta.sha256 == sha(text)
    assert plain.source != with_meta.source


def test_malformed_meta_is_a_failure_naming_the_meta_file(tmp_path):
    path = write(tmp_path / "m.txt", "Title\nBody text.")
    meta = write(tmp_path / "m.meta.json", '{"title": "unterminated')
    message = failure(path)
    assert message.startswith(f"{meta}: invalid JSON")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"date": "26 April 2025"}', "'date' is not an ISO 8601 date"),
        ('{"date": "2025-02-30"}', "'date' is not an ISO 8601 date"),
        ('{"title": 42}', "'title' must be a string"),
        ('{"lang": "German language"}', "'lang' is not a language code"),
        ('["a list"]', "expected a JSON object"),
    ],
)
def test_bad_meta_values_are_failures(tmp_path, content, problem):
    path = write(tmp_path / "m.txt", "Title\nBody text.")
    meta = write(tmp_path / "m.meta.json", content)
    assert failure(path).startswith(f"{meta}: {problem}")


def test_meta_json_files_are_never_articles(tmp_path):
    path = write(tmp_path / "m.txt", "Title\nBody text.")
    meta = write(tmp_path / "m.meta.json", '{"title": "T"}')
    other = write(tmp_path / "data.json", '{"text": "not an article"}')
    # as from a shell glob: the sidecar is read with its article, not alone
    got = read_all(meta, path)
    assert len(got) == 1 and isinstance(got[0], Article) and got[0].title == "T"
    assert failure(other) == f"{other}: unsupported file type '.json' (use .txt, .md, .html, .jsonl)"


# ---------------------------------------------------------------- JSONL


def test_jsonl_good_and_bad_lines():
    path = INPUTS / "articles.jsonl"
    got = read_all(path)
    articles = [item for item in got if isinstance(item, Article)]
    failures = [item.message for item in got if isinstance(item, SourceFailure)]
    assert [item.source for item in articles] == [f"{path}#1", f"{path}#2", f"{path}#9"]
    first = articles[0]
    assert first.title == "Ministers meet in Bishkek"
    assert first.text.startswith("The foreign ministers met in Bishkek") and "\nThey will meet" in first.text
    assert (first.date, first.lang, first.url, first.publisher) == (
        "2025-05-16",
        "en",
        "https://example.org/bishkek",
        "Example Wire",
    )
    assert articles[1].lang == "de" and articles[1].title is None
    assert failures[0].startswith(f"{path}:3: invalid JSON")
    assert failures[1:] == [
        f"{path}:5: missing 'text'",
        f"{path}:6: empty article",
        f"{path}:7: expected a JSON object",
        f"{path}:8: 'date' is not an ISO 8601 date",
    ]


def test_jsonl_invalid_utf8_line_fails_alone(tmp_path):
    good = json.dumps({"text": "A good article about talks."}).encode()
    path = write(tmp_path / "x.jsonl", good + b"\n" + b'{"text": "caf\xe9"}\n' + good + b"\n")
    got = read_all(path)
    assert [type(item) for item in got] == [Article, SourceFailure, Article]
    offset = len(good) + 1 + len(b'{"text": "caf')
    assert got[1].message == f"{path}:2: not valid UTF-8 (byte 0xe9 at offset {offset})"


def test_jsonl_empty_and_binary_files(tmp_path):
    empty = write(tmp_path / "e.jsonl", "\n  \n")
    binary = write(tmp_path / "b.jsonl", b'{"text": "x"}\x00\x00\x01')
    assert failure(empty) == f"{empty}: empty file, no articles"
    assert failure(binary) == f"{binary}: binary file, not an article"


# ---------------------------------------------------------------- stdin


def test_stdin_plain_text():
    got = article("-", stdin=io.StringIO("Talks in Bishkek\r\nThe ministers met on Friday.\n"))
    assert got.source == "<stdin>"
    assert got.title == "Talks in Bishkek"
    assert got.text == "Talks in Bishkek\nThe ministers met on Friday.\n"


def test_stdin_jsonl_when_every_line_is_an_object():
    lines = [{"text": "First article text."}, {"text": "Second article text.", "title": "Two"}]
    stream = io.StringIO("\n".join(json.dumps(line) for line in lines) + "\n\n")
    got = read_all("-", stdin=stream)
    assert [(item.source, item.title) for item in got] == [("<stdin>#1", None), ("<stdin>#2", "Two")]


def test_stdin_with_one_non_object_line_is_plain_text():
    got = article("-", stdin=io.StringIO('{"text": "a"}\nThen prose follows.\n'))
    assert got.source == "<stdin>" and got.text == '{"text": "a"}\nThen prose follows.\n'


def test_stdin_bytes_are_checked_like_a_file():
    stream = io.TextIOWrapper(io.BytesIO(b"Gr\xfc\xdfe aus Astana\n"), encoding="utf-8")
    assert failure("-", stdin=stream) == "<stdin>: not valid UTF-8 (byte 0xfc at offset 2)"
    assert failure("-", stdin=io.StringIO("  \n\n")) == "<stdin>: empty article"


def test_stdin_is_read_once():
    got = read_all("-", "-", stdin=io.StringIO("Only\nonce."))
    assert len(got) == 1


# ---------------------------------------------------------------- bad input


def test_missing_path_raises_before_anything_is_read(tmp_path):
    good = write(tmp_path / "good.txt", "Good\ntext")
    missing = tmp_path / "missing.txt"
    with pytest.raises(InputError, match="missing.txt: no such file or directory$") as info:
        iter_articles([good, missing])
    assert str(info.value) == f"{missing}: no such file or directory"
    with pytest.raises(InputError):
        count_inputs([good, missing])


def test_binary_file(tmp_path):
    png = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    controls = write(tmp_path / "controls.md", bytes(range(1, 32)) * 20)
    assert failure(png) == f"{png}: binary file, not an article"
    nul = write(tmp_path / "nul.txt", b"Mostly text " * 1000 + b"\x00" + b"more text")
    assert failure(nul) == f"{nul}: binary file, not an article"
    assert failure(controls) == f"{controls}: binary file, not an article"


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html"])
@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_file(tmp_path, name, content):
    path = write(tmp_path / name, content)
    assert failure(path) == f"{path}: empty article"


def test_invalid_utf8(tmp_path):
    path = write(tmp_path / "latin1.txt", "Außenminister\n".encode("latin-1"))
    assert failure(path) == f"{path}: not valid UTF-8 (byte 0xdf at offset 2)"


def test_utf16_is_refused_not_guessed(tmp_path):
    path = write(tmp_path / "wide.txt", "Talks\n".encode("utf-16"))
    assert failure(path).startswith(f"{path}: not valid UTF-8 (UTF-16")


def test_html_without_article_text(tmp_path):
    path = write(tmp_path / "nav.html", "<html><head><title>Only chrome</title></head><body><nav>")
    assert failure(path) == f"{path}: no article text found in HTML"


def test_deeply_nested_html_is_a_failure_or_text_never_a_crash(tmp_path):
    body = "Text deep inside a very nested page, with enough words to count as an article. " * 10
    page = "<html><body>" + "<div>" * 5000 + body + "</div>" * 5000 + "</body></html>"
    path = write(tmp_path / "deep.html", page)
    result = only(path)
    if isinstance(result, SourceFailure):
        assert result.message.startswith(f"{path}: ")
    else:
        assert "very nested page" in result.text


@pytest.mark.parametrize(
    ("error", "message"),
    [(RecursionError, "HTML nested too deeply to read"), (ValueError, "cannot parse HTML (ValueError)")],
)
def test_html_parser_exceptions_become_failures(tmp_path, monkeypatch, error, message):
    import trafilatura

    def explode(*args, **kwargs):
        raise error("boom")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    path = write(tmp_path / "p.html", "<html><body><p>Text</p></body></html>")
    assert failure(path) == f"{path}: {message}"


def test_unsupported_extension(tmp_path):
    path = write(tmp_path / "notes.xyz", "Some text")
    bare = write(tmp_path / "README", "Some text")
    assert failure(path) == f"{path}: unsupported file type '.xyz' (use .txt, .md, .html, .jsonl)"
    assert failure(bare).startswith(f"{bare}: unsupported file type (no extension")


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)
    path = write(tmp_path / "big.txt", "word " * 50)
    assert failure(path).startswith(f"{path}: file too large")


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    write(tmp_path / "a.txt", "A\ntext")
    write(tmp_path / "b.txt", b"\x00\x01binary")
    write(tmp_path / "c.txt", "C\ntext")
    got = read_all(tmp_path)
    assert [type(item) for item in got] == [Article, SourceFailure, Article]
    assert str(got[1]) == got[1].message == f"{tmp_path / 'b.txt'}: binary file, not an article"
    assert got[1].source == str(tmp_path / "b.txt")


# ---------------------------------------------------------------- language


@pytest.mark.parametrize("lang", ["de", "en", "fr", "ru"])
def test_language_of_samples(lang):
    path = INPUTS / "lang" / f"{lang}.txt"
    assert detect_language(path.read_text(encoding="utf-8")) == lang
    assert article(path).lang == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Los ministros se reunieron el viernes en la capital para hablar del comercio y de la energía.",
            "es",
        ),
        (
            "I ministri si sono incontrati venerdì nella capitale per parlare del commercio e dell'energia.",
            "it",
        ),
        (
            "De ministers kwamen vrijdag bijeen in de hoofdstad om te praten over de handel en de energie.",
            "nl",
        ),
        (
            "Ministrowie spotkali się w piątek w stolicy, aby rozmawiać o handlu i energii.",
            "pl",
        ),
        ("Bakanlar cuma günü başkentte bir araya geldi ve ticaret ile enerji konularını ele aldı.", "tr"),
    ],
)
def test_other_languages_are_named(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "Hello", "Almaty 2025", "Wang Yi, Almaty, Astana", "12 345 678"])
def test_too_little_text_has_no_language(text):
    assert detect_language(text) is None


def test_meta_language_wins_over_detection(tmp_path):
    path = write(tmp_path / "x.txt", (INPUTS / "lang" / "de.txt").read_text(encoding="utf-8"))
    write(tmp_path / "x.meta.json", '{"lang": "en"}')
    assert article(path).lang == "en"


def test_detection_only_looks_at_the_start():
    german = (INPUTS / "lang" / "de.txt").read_text(encoding="utf-8")
    english = (INPUTS / "lang" / "en.txt").read_text(encoding="utf-8")
    text = german * (6000 // len(german) + 1) + english * 50
    assert detect_language(text) == "de"
