"""Rebuild the shipped tone lexicons, src/pantau/lang/{id,en}/tone.tsv.

    python scripts/build_tone_lexicons.py                  # Indonesian, from ../shared/data
    python scripts/build_tone_lexicons.py --vader PATH     # also English, from VADER

Indonesian: NusaX train (../shared/data/tone/id/nusax-train.csv) plus the hand-written
src/pantau/lang/id/tone-curated.tsv. English: vader_lexicon.txt from the vaderSentiment
wheel (MIT), e.g. `pip download vaderSentiment==3.3.2 --no-deps` and unzip it;
PATH is vaderSentiment/vader_lexicon.txt.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pantau.extract.tone.build import build_en, build_id
from pantau.extract.tone.lexicon import build_lexicon, read_rules

REPO = Path(__file__).resolve().parents[1]
LANG = REPO / "src" / "pantau" / "lang"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--vader", type=Path, help="vader_lexicon.txt (English)")
    args = parser.parse_args()
    rules = build_lexicon({}, read_rules((LANG / "id" / "tone.toml").read_text("utf-8")))
    words = build_id(
        args.data / "tone" / "id" / "nusax-train.csv",
        LANG / "id" / "tone-curated.tsv",
        rules,
        LANG / "id" / "tone.tsv",
    )
    print(f"lang/id/tone.tsv: {len(words)} entries")
    if args.vader:
        words = build_en(args.vader, LANG / "en" / "tone.tsv")
        print(f"lang/en/tone.tsv: {len(words)} entries")


if __name__ == "__main__":
    main()
