"""Compare NER training variants on a held-out tenth of the training files ("internal").

Every tenth sentence of idner-news-2k train and NERGrit train is held out; the model is
trained on the rest with ``train()`` keyword overrides given as JSON, then scored on the
held-out tenths (for decisions) and on the dev/valid files (reported, never chosen on).

    .venv/bin/python scripts/ner_experiment.py NAME '{"features": ["gfine"]}'
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from pantau.eval import ner as E
from pantau.extract.entities import ner_train as T
from pantau.extract.entities.ner import NerModel

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def main() -> None:
    name = sys.argv[1]
    kwargs = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    full = kwargs.pop("_full", False)
    keep = kwargs.pop("_keep", None)  # a folder to copy the trained model files to
    fold = kwargs.pop("_fold", 9)  # which tenth is held out (9: the figures in docs/ner.md)
    original = T._labelled
    internal: dict[str, list] = {}

    def split(lang: str, root: Path):
        out = []
        for cname, sents in original(lang, root):
            if full:
                out.append((cname, sents))
                continue
            internal[cname] = [s for i, s in enumerate(sents) if i % 10 == fold]
            out.append((cname, [s for i, s in enumerate(sents) if i % 10 != fold]))
        return out

    T._labelled = split
    with tempfile.TemporaryDirectory() as tmp:
        figures = T.train("id", DATA, Path(tmp), seed=13, **kwargs)
        model = NerModel.load(Path(tmp) / "ner-id.crfsuite")
        if keep:
            shutil.copytree(tmp, keep, dirs_exist_ok=True)
        rows = {}
        for cname, sents in internal.items():
            rows["int:" + cname.split("/")[0]] = E.evaluate(sents, model)
        rows["dev:idner"] = E.evaluate(
            E.read(DATA / "ner/id/idner-news-2k/dev.txt", "idner"), model
        )
        rows["dev:nergrit"] = E.evaluate(E.read(DATA / "ner/id/nergrit/valid.tsv", "conll"), model)
    scores = {k: round(v.f1, 4) for k, v in rows.items()}
    per_type = {k: {t: round(s.f1, 3) for t, s in v.per_type.items()} for k, v in rows.items()}
    speed = round(rows["dev:idner"].tokens_per_second)
    result = {
        "name": name,
        "kwargs": kwargs,
        "full": full,
        "fold": fold,
        "f1": scores,
        "per_type": per_type,
        "tok_s": speed,
        "model_bytes": figures["model_bytes"],
        "seconds": figures["seconds"],
    }
    print(json.dumps(result))
    with open("/tmp/ner_experiments.jsonl", "a") as fh:
        fh.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
