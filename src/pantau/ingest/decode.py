"""Bytes to text: detect the encoding, refuse binary data, never lose a document to a
few bad bytes.

UTF-8 is tried first because it is what nearly all news is in, and a page that is
UTF-8 with a few broken bytes is far more common than a legacy encoding: decoding it
as cp1252 would garble every accented letter, so those bytes are replaced instead.
Only text with no valid multi-byte UTF-8 at all goes to charset-normalizer.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from pantau.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
WESTERN_MAX_ACCENTED_SHARE = 0.25
_CONTROL = {c for c in range(32) if chr(c) not in "\t\n\r\f\v"} | {127}


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, list[str]]:
    """Decode `data` to text; returns the text and any warnings about the decoding."""
    if not data.strip():
        raise InputError(f"{name}: empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            if not text.strip():
                raise InputError(f"{name}: empty input")
            bad = text.count("\ufffd")
            return check_text(text, name), [f"invalid {encoding} bytes replaced"] if bad else []

    try:
        return check_text(data.decode("utf-8"), name), []
    except UnicodeDecodeError:
        pass

    if b"\x00" not in data:
        replaced = data.decode("utf-8", errors="replace")
        bad = replaced.count("\ufffd")
        multibyte = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd")
        if multibyte and bad <= max(3, len(data) // 100):
            return check_text(replaced, name), [f"{bad} invalid UTF-8 byte sequence(s) replaced"]

    western = _western_legacy(data)
    if western is not None:
        return check_text(western, name), ["decoded as cp1252"]
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: binary data, not text")
    text = data.decode(best.encoding, errors="replace")
    return check_text(text, name), [f"decoded as {best.encoding}"]


def _western_legacy(data: bytes) -> str | None:
    """The text as cp1252 when it reads as Western or Indonesian text: mostly ASCII
    letters with a few accented ones. charset-normalizer guesses among dozens of code
    pages and, on short texts, picks cp1250 or cp852 for plain cp1252 ("São" -> "Săo");
    news in this project's languages is far more often cp1252. Text that is mostly
    accented letters (Cyrillic or Greek read as cp1252) goes to charset-normalizer."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) > 127)
    if not letters or accented > WESTERN_MAX_ACCENTED_SHARE * len(letters):
        return None
    return text


def check_text(text: str, name: str) -> str:
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        raise InputError(f"{name}: binary data, not text")
    return text
