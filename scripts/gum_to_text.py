#!/usr/bin/env python3
"""Rebuild the plain text of a GUM news document from its CoNLL-U file.

Usage::

    python scripts/gum_to_text.py SRC.conllu OUT.txt [--keep-captions]

The GUM corpus (https://github.com/amir-zeldes/gum) stores each sentence's
surface text in a ``# text = ...`` comment and marks the start of every block
of the original page with two comments::

    # newpar
    # newpar_block = head rend:::"bold" (1 s)

The ``newpar_block`` value is the path of elements opened at that point,
outermost first, each with the number of sentences it spans, e.g.
``p (6 s) | figure rend:::"..." (1 s) | caption (1 s)`` is a paragraph of six
sentences whose first sentence is a figure caption.

Output format (the same as the hand-written samples in ``examples/articles``)::

    Headline

    First paragraph.

    Second paragraph.

Rules:

* the first ``head`` block is the headline; later headings become paragraphs
  of their own;
* each other block is one paragraph, its sentences joined by single spaces;
* figure captions (and image credits inside figures) are dropped unless
  ``--keep-captions`` is given;
* sentences after the end of a block but before the next ``newpar`` (some
  documents lack paragraph markup there) form a paragraph of their own.

Standard library only; Python 3.11+.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

_ELEMENT = re.compile(r"^\s*(?P<name>[A-Za-z]+)\b.*\((?P<count>\d+) s\)\s*$")


@dataclass
class Block:
    """One block of the page: a heading, paragraph, figure, list item, ..."""

    path: list[tuple[str, int]]  # (element name, sentence count), outermost first
    sentences: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.path[0][0] if self.path else "p"

    @property
    def size(self) -> int | None:
        """Number of sentences the block spans, or None if unknown."""
        return self.path[0][1] if self.path else None

    def skipped(self, keep_captions: bool) -> int:
        """How many leading sentences are figure captions to drop."""
        if keep_captions:
            return 0
        for name, count in self.path:
            if name == "figure":
                return count
        return 0


def parse_block_path(value: str) -> list[tuple[str, int]]:
    """Parse a ``newpar_block`` value into [(element, sentence count), ...]."""
    path = []
    for part in value.split("|"):
        match = _ELEMENT.match(part)
        if match is None:
            raise ValueError(f"cannot parse newpar_block part: {part!r}")
        path.append((match["name"], int(match["count"])))
    return path


def read_blocks(lines: list[str]) -> list[Block]:
    """Group the ``# text`` sentences of a CoNLL-U file into blocks."""
    blocks: list[Block] = []
    current: Block | None = None
    for line in lines:
        if line.startswith("# newpar_block = "):
            current = Block(parse_block_path(line.removeprefix("# newpar_block = ")))
            blocks.append(current)
        elif line.startswith("# text = "):
            text = line.removeprefix("# text = ").strip()
            if current is None or (
                current.size is not None and len(current.sentences) >= current.size
            ):
                # Unmarked sentences: start an implicit paragraph.
                current = Block([])
                blocks.append(current)
            current.sentences.append(text)
    return blocks


def convert(conllu: str, keep_captions: bool = False) -> str:
    """Return the document text: headline, blank line, paragraphs."""
    title: str | None = None
    paragraphs: list[str] = []
    for block in read_blocks(conllu.splitlines()):
        sentences = block.sentences[block.skipped(keep_captions) :]
        if not sentences:
            continue
        text = " ".join(sentences)
        if block.kind == "head" and title is None:
            title = text
        else:
            paragraphs.append(text)
    if title is None:
        # No heading block: fall back to the document's meta title, if any.
        match = re.search(r"^# meta::title = (.+)$", conllu, re.MULTILINE)
        if match is None:
            raise ValueError("document has no heading and no meta::title")
        title = match[1].strip()
    return "\n\n".join([title, *paragraphs]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path, help="GUM CoNLL-U file")
    parser.add_argument("out", type=Path, help="plain-text file to write")
    parser.add_argument(
        "--keep-captions", action="store_true", help="keep figure captions as paragraphs"
    )
    args = parser.parse_args(argv)
    try:
        text = convert(args.src.read_text(encoding="utf-8"), keep_captions=args.keep_captions)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"gum_to_text: {args.src}: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
