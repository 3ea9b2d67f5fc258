"""Why the events coder misses gold events: for each gold event with no predicted event
of its root in its sentence, where the coder stopped at the gold trigger's position.

    .venv/bin/python scripts/event_misses.py GOLD [--data DETIK_JSONL] [--show] [--by-root]
    .venv/bin/python scripts/event_misses.py --kind blind|tuning [--by-root] [--show]

Prints counts by reason (`--by-root`: by reason and CAMEO root); `--show` lists each miss
too (use it on tuning golds only: a blind gold's errors must stay unread; `--kind blind`,
every blind set of `pantau.eval.event_golds` with their halves, refuses it). Reasons, in the
coder's order: the position was never looked at (a trigger before it consumed it), no
lexicon key starts there, the key is blocked as no trigger or as a noun after a name, the
verb form does not fit, no pattern's context words are there, the pattern chosen has
another root, the event was dropped before its actors were known, or `_emit` dropped it
(no source, no target for a dyadic entry, a complement or content of another act, a
source of the wrong sector).
"""

from __future__ import annotations

import argparse
import functools
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pantau.eval import events as E
from pantau.eval.event_golds import BLIND, TUNING, select_half
from pantau.extract.events import coder as C
from pantau.extract.events.codebook import lookup
from pantau.nlp.tokens import tokenize
from pantau.pipeline import Pipeline

TRACED = ("_trigger_at", "_not_a_trigger", "_noun_after_name", "_verb_form_fits", "_choose",
          "_event", "_emit")


def trace(calls: list[tuple[int, str, Any, tuple[Any, ...], Any]]) -> None:
    """Record (sentence, method, first argument, arguments, result) of the coder's steps."""
    for name in TRACED:
        method: Callable[..., Any] = getattr(C._Coder, name)

        @functools.wraps(method)
        def traced(self: Any, sentence: Any, *args: Any, _m: Any = method, _n: str = name,
                   **kwargs: Any) -> Any:
            result = _m(self, sentence, *args, **kwargs)
            calls.append((sentence.index, _n, args[0] if args else None, args, result))
            return result

        setattr(C._Coder, name, traced)


def reason(steps: dict[str, tuple[Any, ...]], visited: bool, keyed: bool, root: str) -> str:
    if not visited:
        return "position skipped"
    if not keyed:
        return "no lexicon key at position"
    if steps.get("_not_a_trigger", (None,) * 5)[4] is True:
        return "blocked as no trigger"
    if steps.get("_noun_after_name", (None,) * 5)[4] is True:
        return "noun after a name"
    if steps.get("_verb_form_fits", (None,) * 5)[4] is False:
        return "verb form does not fit"
    if "_choose" in steps:
        pattern = steps["_choose"][4][0]
        if pattern is None:
            return "no pattern's context"
        if lookup(pattern.code or "000").root != root:
            return "pattern of another root"
    if "_emit" not in steps:
        return "dropped before its actors" if "_event" in steps else "other"
    if steps["_emit"][4] is not False:
        return "coded, other actors"
    sources, targets = steps["_emit"][3][4], steps["_emit"][3][5]
    if not sources:
        return "emit: no source"
    return "emit: no target" if not targets else "emit: complement, content or sector"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, nargs="?")
    parser.add_argument("--kind", choices=("tuning", "blind"),
                        help="every gold set of that kind (pantau.eval.event_golds)")
    parser.add_argument("--golds", type=Path, default=Path("tests/data/events"))
    parser.add_argument("--data", type=Path,
                        default=Path("../shared/data/news/id/detik-2025-dev.jsonl"))
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--by-root", action="store_true",
                        help="count by reason and CAMEO root (still no sentence shown)")
    options = parser.parse_args()
    if (options.gold is None) == (options.kind is None):
        parser.error("give a GOLD file or --kind")
    if options.kind == "blind" and options.show:
        parser.error("a blind gold's errors stay unread: no --show with --kind blind")
    with options.data.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    documents = {record["id"]: record for record in records}
    if options.kind:
        sets = TUNING if options.kind == "tuning" else BLIND
        gold = [s for g in sets
                for s in select_half(E.load_gold(options.golds / g.file), g.half)]
    else:
        gold = E.load_gold(options.gold)
    calls: list[tuple[int, str, Any, tuple[Any, ...], Any]] = []
    trace(calls)
    pipeline = Pipeline()
    by_doc: dict[str, list[E.GoldSentence]] = defaultdict(list)
    for sentence in gold:
        by_doc[sentence.doc].append(sentence)
    counts: Counter[str] = Counter()
    for doc_id, sentences in by_doc.items():
        doc = documents[doc_id]
        calls.clear()
        analysis = pipeline.analyze(doc["text"], published=doc.get("published"),
                                    title=doc.get("title"), id=doc_id)
        for sentence in sentences:
            coded = {e.root for e in analysis.events if e.sentence == sentence.sentence}
            span = analysis.sentences[sentence.sentence]
            words = [t.text.lower() for t in tokenize(analysis.text, span.start, span.end)]
            for event in sentence.events:
                root = str(event["code"])[:2]
                if root in coded:
                    continue
                trigger = str(event.get("trigger") or "")
                wanted = [t.text.lower() for t in tokenize(trigger, 0, len(trigger))]
                at = next((i for i in range(len(words))
                           if wanted and words[i:i + len(wanted)] == wanted), None)
                if at is None:
                    why = "trigger not in the sentence"
                else:
                    here = [c for c in calls if c[0] == sentence.sentence
                            and c[2] in range(at, at + len(wanted))]
                    steps = {c[1]: c for c in here}
                    keyed = any(c[1] == "_trigger_at" and c[4][1] is not None for c in here)
                    why = reason(steps, any(c[1] == "_trigger_at" for c in here), keyed, root)
                counts[f"{why} ({root})" if options.by_root else why] += 1
                if options.show:
                    print(f"{doc_id}#{sentence.sentence} {event['code']} '{trigger}': {why}")
    for why, n in counts.most_common():
        print(f"{n:4d}  {why}")


if __name__ == "__main__":
    main()
