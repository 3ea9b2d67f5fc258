"""Ingest: bytes to text, files/folders/JSONL to raw documents, publication dates, HTML."""

from __future__ import annotations

import codecs
import json
import random
from pathlib import Path

import pytest

from pantau.errors import InputError, NoContentError
from pantau.ingest import RawDocument, ReadError, iter_documents, read_path
from pantau.ingest.decode import decode_bytes
from pantau.ingest.html import extract_html, looks_like_html
from pantau.ingest.published import infer_order, normalize_published
from pantau.ingest.readers import read_jsonl

LIMIT = 1_000_000
ARTICLE = (
    "Pemerintah Indonesia mengumumkan kenaikan harga bahan bakar minyak pada Sabtu. "
    "Café à São Paulo, kata menteri — “kami siap.”"
)


def _docs(paths: list[Path], max_bytes: int = LIMIT, **kwargs: str) -> list:
    return list(iter_documents(paths, max_bytes, **kwargs))


def _jsonl(path: Path, records: list[object]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- decode_bytes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(ARTICLE.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), id="utf-16-be-bom"),
    ],
)
def test_unicode_encodings_decode_exactly_without_warnings(data: bytes) -> None:
    text, warnings = decode_bytes(data)
    assert text == ARTICLE  # no BOM left at the start, every accent intact
    assert warnings == []


FRENCH = (
    "Le gouvernement français a annoncé mercredi une série de réformes économiques. "
    "Le ministre a déclaré que les dépenses publiques seront réduites. Les syndicats ont "
    "critiqué la décision, estimant qu'elle pénalisera les salariés les plus modestes. "
    "Une grève générale est prévue la semaine prochaine à Paris et à Marseille."
)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoding_decodes_with_a_warning(encoding: str) -> None:
    text, warnings = decode_bytes(FRENCH.encode(encoding))
    assert text == FRENCH
    assert len(warnings) == 1 and warnings[0].startswith("decoded as")


@pytest.mark.parametrize(
    ("original", "encoding"),
    [
        ("Café à São Paulo", "cp1252"),
        (
            "Die Regierung erklärte am Montag, dass die Preise für Brot und Milch steigen würden.",
            "cp1252",
        ),
        (
            "Pemerintah Indonesia mengumumkan kerja sama baru di São Paulo, Brasil, pada Senin. "
            "“Kami senang,” kata menteri — dan itu benar.",
            "cp1252",
        ),
        ("Die Regierung in São Paulo erklärte, dass die Preise steigen.", "latin-1"),
        (
            "El gobierno español anunció el miércoles una reforma económica. El ministro "
            "declaró que la inflación bajará y que los salarios subirán el próximo año.",
            "latin-1",
        ),
    ],
)
def test_western_legacy_text_decodes_correctly(original: str, encoding: str) -> None:
    text, warnings = decode_bytes(original.encode(encoding))
    assert text == original
    assert any(w.startswith("decoded as") for w in warnings)


def test_utf8_with_a_few_invalid_bytes_keeps_text_and_warns() -> None:
    good = "Pemerintah menaikkan harga BBM pada Senin, kata menteri di São Paulo.".encode()
    data = good[:20] + b"\xff" + good[20:40] + b"\xfe" + good[40:]
    text, warnings = decode_bytes(data)
    assert text.count("\ufffd") == 2
    assert text.replace("\ufffd", "") == good.decode()
    assert any("invalid UTF-8" in w for w in warnings)


@pytest.mark.parametrize(
    "data", [b"", b"   ", b" \n\t\r\n  \n"], ids=["empty", "spaces", "whitespace"]
)
def test_empty_input_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        decode_bytes(data, "x.txt")


@pytest.mark.parametrize(
    "data",
    [codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n ", "  \n ".encode("utf-16")],
    ids=["utf-8-bom-only", "utf-8-bom-whitespace", "utf-16-whitespace"],
)
def test_bom_with_nothing_after_it_is_empty(data: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        decode_bytes(data)


def _png() -> bytes:
    rng = random.Random(7)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4000))


@pytest.mark.parametrize(
    "data",
    [_png(), b"\x00" * 512, b"Halo\x00dunia\x00" * 20, bytes(range(32)) * 10],
    ids=["png", "nuls", "text-with-nuls", "control-chars"],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data, "image.png")


def test_binary_data_after_a_bom_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(codecs.BOM_UTF8 + b"\x00" * 200)


# --- readers: files and folders -----------------------------------------------------


def test_read_text_file(tmp_path: Path) -> None:
    path = tmp_path / "berita.txt"
    path.write_bytes(codecs.BOM_UTF8 + ARTICLE.encode())
    (doc,) = _docs([path])
    assert isinstance(doc, RawDocument)
    assert doc.text == ARTICLE
    assert doc.format == "text"
    assert doc.path == str(path) and doc.line is None and doc.source == str(path)


def test_read_file_warnings_travel_with_the_document(tmp_path: Path) -> None:
    path = tmp_path / "rusak.txt"
    path.write_bytes("Harga naik di São Paulo, kata menteri.".encode() + b"\xff")
    (doc,) = _docs([path])
    assert isinstance(doc, RawDocument)
    assert doc.text.endswith("\ufffd")
    assert any("invalid UTF-8" in w for w in doc.warnings)

    legacy = tmp_path / "lama.txt"
    legacy.write_bytes(FRENCH.encode("cp1252"))
    (doc,) = _docs([legacy])
    assert doc.text == FRENCH and doc.warnings == ["decoded as cp1252"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("kosong.txt", b"", "empty"),
        ("spasi.txt", b" \n \n\t", "empty"),
        ("gambar.txt", _png(), "binary"),
        ("nul.txt", b"\x00" * 64, "binary"),
    ],
)
def test_unreadable_files_become_read_errors(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (error,) = _docs([path])
    assert isinstance(error, ReadError)
    assert error.path == str(path) and error.line is None
    assert reason in error.reason


def test_file_over_the_size_limit_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "besar.txt"
    path.write_text("Berita. " * 100, encoding="utf-8")
    (error,) = _docs([path], max_bytes=100)
    assert isinstance(error, ReadError)
    assert "over the limit" in error.reason
    (doc,) = _docs([path], max_bytes=800)  # exactly at the limit is fine
    assert isinstance(doc, RawDocument)


def test_missing_path_is_a_read_error(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.txt"
    (error,) = _docs([missing])
    assert error == ReadError(str(missing), None, "no such file or folder")
    (error,) = list(read_path(missing, LIMIT))
    assert isinstance(error, ReadError) and "cannot read" in error.reason


def test_missing_path_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "ada.txt"
    good.write_text("Berita ada.", encoding="utf-8")
    docs = _docs([tmp_path / "hilang.txt", good])
    assert [type(d) for d in docs] == [ReadError, RawDocument]


def test_folder_recursion_suffixes_hidden_files_and_order(tmp_path: Path) -> None:
    root = tmp_path / "korpus"
    (root / "sub" / "dalam").mkdir(parents=True)
    (root / ".git").mkdir()
    files = {
        "b.txt": "Berita B.",
        "a.html": "<html><body><p>Berita A.</p></body></html>",
        "sub/c.txt": "Berita C.",
        "sub/dalam/d.md": "Berita D.",
        "e.jsonl": json.dumps({"text": "Berita E."}),
        "x.pdf": "%PDF-1.4 bukan berita",
        "y.csv": "a,b\n1,2",
        "z.json": '{"text": "bukan jsonl"}',
        ".tersembunyi.txt": "rahasia",
        ".git/f.txt": "rahasia juga",
        "sub/.cache.html": "<html></html>",
    }
    for name, content in files.items():
        (root / name).write_text(content, encoding="utf-8")

    docs = _docs([root])
    assert all(isinstance(d, RawDocument) for d in docs)
    rel = [str(Path(d.path).relative_to(root)) for d in docs]
    assert rel == ["a.html", "b.txt", "e.jsonl", "sub/c.txt", "sub/dalam/d.md"]
    assert [d.format for d in docs] == ["html", "text", "text", "text", "text"]
    assert [d.text for d in docs][1:] == ["Berita B.", "Berita E.", "Berita C.", "Berita D."]
    assert [d.path for d in _docs([root])] == [d.path for d in docs]  # stable


def test_text_file_holding_a_page_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "halaman.txt"
    path.write_text("<!DOCTYPE html><html><body><p>Berita.</p></body></html>", encoding="utf-8")
    (doc,) = _docs([path])
    assert doc.format == "html"


# --- JSONL ----------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "umpan.jsonl",
        [
            {
                "id": "a1",
                "text": "Satu berita.",
                "title": "Judul Satu",
                "url": "https://contoh.id/1",
                "published": "2025-10-20",
            },
            "ini bukan json",
            "[1, 2, 3]",
            {"title": "tanpa teks"},
            {"text": "   "},
            "",
            {"text": "Dua berita.", "id": 7, "published": "2025-10-20T20:43:00Z"},
            {"html": "<p>Tiga berita.</p>", "title": ""},
            {"text": 42},
        ],
    )
    items = _docs([path])
    assert [(type(i).__name__, i.line) for i in items] == [
        ("RawDocument", 1),
        ("ReadError", 2),
        ("ReadError", 3),
        ("ReadError", 4),
        ("ReadError", 5),
        ("RawDocument", 7),
        ("RawDocument", 8),
        ("ReadError", 9),
    ]
    first, bad_json, array, no_text, empty_text, second, third, number = items
    assert (first.id, first.title, first.url, first.published) == (
        "a1",
        "Judul Satu",
        "https://contoh.id/1",
        "2025-10-20",
    )
    assert first.text == "Satu berita." and first.format == "text"
    assert first.path == str(path) and first.source == f"{path}:1"
    assert "not valid JSON" in bad_json.reason
    assert "object" in array.reason
    assert "text" in no_text.reason and "text" in empty_text.reason and "text" in number.reason
    assert all(e.path == str(path) for e in (bad_json, array, no_text, empty_text, number))
    assert second.id == "7" and second.published == "2025-10-20T20:43:00+00:00"
    assert third.format == "html" and third.title is None and third.id is None


def test_jsonl_line_over_the_limit_is_skipped_alone(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "x.jsonl", [{"text": "a " * 200}, {"text": "kecil"}])
    first, second = _docs([path], max_bytes=100)
    assert isinstance(first, ReadError) and first.line == 1 and "over the limit" in first.reason
    assert isinstance(second, RawDocument) and second.text == "kecil"


def test_jsonl_invalid_utf8_line_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "rusak.jsonl"
    path.write_bytes(b'{"text": "Harga naik \xff hari ini."}\n')
    (doc,) = _docs([path])
    assert isinstance(doc, RawDocument)
    assert doc.text == "Harga naik \ufffd hari ini."
    assert doc.warnings == ["invalid UTF-8 bytes replaced"]


def test_jsonl_with_a_bom_keeps_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + b'{"text": "Satu."}\n{"text": "Dua."}\n')
    docs = _docs([path])
    assert [getattr(d, "text", None) for d in docs] == ["Satu.", "Dua."]


# --- publication dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    [
        ("2025-10-20", "DMY", "2025-10-20"),
        (" 2025-10-20 ", "DMY", "2025-10-20"),
        ("2025-10-20T20:43:00Z", "DMY", "2025-10-20T20:43:00+00:00"),
        ("2025-10-20T20:43:00+07:00", "DMY", "2025-10-20T20:43:00+07:00"),
        ("2025-10-20 20:43", "DMY", "2025-10-20T20:43:00"),
        ("20/10/2025", "DMY", "2025-10-20"),
        ("20.10.2025", "DMY", "2025-10-20"),
        ("03/04/2025", "DMY", "2025-04-03"),
        ("03/04/2025", "MDY", "2025-03-04"),
        ("10/21/2025 20:43", "DMY", "2025-10-21T20:43:00"),  # second above 12 settles it
        ("10/21/2025 20:43:05", "MDY", "2025-10-21T20:43:05"),
        (None, "DMY", None),
        ("  ", "DMY", None),
    ],
)
def test_normalize_published(value: str | None, order: str, expected: str | None) -> None:
    assert normalize_published(value, order) == expected


@pytest.mark.parametrize("value", ["kemarin", "2025-02-30", "32/13/2025", "13/13/2025", "2025"])
def test_normalize_published_rejects_non_dates(value: str) -> None:
    with pytest.raises(ValueError):
        normalize_published(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("21/10/2025", "2025-10-21"), ("20/10/2025 20:43", "2025-10-20T20:43:00")],
)
def test_normalize_published_mdy_with_day_first_value(value: str, expected: str) -> None:
    assert normalize_published(value, "MDY") == expected


def test_infer_order() -> None:
    assert infer_order(["03/04/2025", "21/10/2025"]) == "DMY"
    assert infer_order(["03/04/2025", "10/21/2025 20:43"]) == "MDY"
    assert infer_order(["03/04/2025", "2025-10-21", "x"]) is None


def test_jsonl_date_order_is_inferred_from_the_file(tmp_path: Path) -> None:
    us = _jsonl(
        tmp_path / "us.jsonl",
        [{"text": "a", "published": "03/04/2025"}, {"text": "b", "published": "10/21/2025 20:43"}],
    )
    assert [d.published for d in _docs([us])] == ["2025-03-04", "2025-10-21T20:43:00"]
    eu = _jsonl(
        tmp_path / "eu.jsonl",
        [{"text": "a", "published": "03/04/2025"}, {"text": "b", "published": "21/10/2025"}],
    )
    assert [d.published for d in _docs([eu])] == ["2025-04-03", "2025-10-21"]
    # no evidence in the file: day first, the Indonesian convention
    plain = _jsonl(tmp_path / "p.jsonl", [{"text": "a", "published": "03/04/2025"}])
    assert [d.published for d in read_jsonl(plain, LIMIT)] == ["2025-04-03"]
    # an explicit order wins over the default
    assert [d.published for d in _docs([plain], date_order="MDY")] == ["2025-03-04"]


def test_jsonl_date_order_is_inferred_from_the_date_field(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "us.jsonl",
        [{"text": "a", "date": "10/21/2025"}, {"text": "b", "date": "03/04/2025"}],
    )
    assert [d.published for d in _docs([path])] == ["2025-10-21", "2025-03-04"]


def test_jsonl_invalid_published_is_a_warning_not_an_error(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "x.jsonl",
        [{"text": "Berita.", "published": "kemarin sore"}, {"text": "Dua.", "date": "20/10/2025"}],
    )
    first, second = _docs([path])
    assert isinstance(first, RawDocument)
    assert first.published is None
    assert len(first.warnings) == 1 and first.warnings[0].startswith("published ignored")
    assert second.published == "2025-10-20" and second.warnings == []


# --- HTML -------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Polisi Tangkap Bandar Judi di Medan - Contoh</title>
<meta property="article:published_time" content="2025-10-20T08:00:00+07:00">
<meta name="author" content="Budi Santoso"></head>
<body><nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a></nav>
<article><h1>Polisi Tangkap Bandar Judi di Medan</h1>
<p>Polisi menangkap seorang bandar judi di Medan pada Senin pagi setelah penyelidikan
selama tiga bulan, kata juru bicara kepolisian.</p>
<p>Tersangka ditangkap di rumahnya di kawasan Medan Baru bersama barang bukti berupa uang
tunai dan telepon genggam.</p>
<p>Kepala Kepolisian Daerah Sumatera Utara mengatakan kasus ini akan dikembangkan untuk
mencari jaringan yang lebih luas.</p>
</article><footer>Hak cipta 2025 Contoh Media</footer></body></html>"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PAGE, True),
        ("<!-- disimpan --> <html><body>x</body></html>", True),
        ("  <body><p>x</p></body>", True),
        ("<p>a</p><p>b</p><div>c</div><span>d</span><a href='#'>e</a>", True),
        ("Gunakan tag <p> untuk paragraf dan <div> untuk blok.", False),
        ("<p>Satu.</p> <p>Dua.</p>", False),
        (ARTICLE, False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_extract_html_main_text_and_metadata() -> None:
    page = extract_html(PAGE, "https://contoh.id/berita/1")
    assert "Polisi menangkap seorang bandar judi di Medan" in page.text
    assert "Kepala Kepolisian Daerah Sumatera Utara" in page.text
    assert "Beranda" not in page.text and "Hak cipta" not in page.text
    assert page.title == "Polisi Tangkap Bandar Judi di Medan"
    assert page.published == "2025-10-20"
    assert page.author == "Budi Santoso"
    assert page.url == "https://contoh.id/berita/1"


def test_extract_html_without_article_is_no_content() -> None:
    with pytest.raises(NoContentError):
        extract_html("<html><head><title>x</title></head><body></body></html>")
