"""The neural half of the Indonesian NER model: numpy tagging, its files, its training."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import copy_model, shared_path
from pantau.extract.entities.ner import ModelError, NerModel, load_model, spans
from pantau.extract.entities.ner_neural import LABELS, NeuralTagger, decode

SENTENCES = [
    ["Menteri", "Luar", "Negeri", "Sugiono", "bertemu", "Sergei", "Lavrov", "di", "Moskow", "."],
    ["KPK", "memeriksa", "saksi", "."],
    ["Hujan", "turun", "sejak", "pagi", "di", "Bandung", "dan", "sekitarnya", "."],
]


def _valid_bio(tags: list[str]) -> bool:
    return all(
        not tag.startswith("I-") or (i > 0 and tags[i - 1][2:] == tag[2:])
        for i, tag in enumerate(tags)
    )


def test_the_shipped_indonesian_model_mixes_a_neural_half() -> None:
    model = load_model("id")
    assert model.neural is not None
    attributes = [model.featurize.token_attributes(s) for s in SENTENCES]
    marginals = model.neural.marginals(attributes, "n")
    assert marginals.shape == (len(SENTENCES), max(map(len, SENTENCES)), len(LABELS))
    for m, sentence in zip(marginals, SENTENCES, strict=True):  # each token sums to one
        assert np.all(m >= 0) and np.allclose(m[: len(sentence)].sum(axis=1), 1.0)
    tags = model.tag_many(SENTENCES)
    assert all(_valid_bio(t) for t in tags)
    # a batch gives each sentence the tags it gets alone, whatever the padding
    assert tags == [model.tag(s) for s in SENTENCES]
    assert (3, 4, "PER") in spans(tags[0]) and (5, 7, "PER") in spans(tags[0])


def test_decoding_takes_the_best_bio_valid_sequence() -> None:
    o, b_per, i_per, i_org = (LABELS.index(t) for t in ("O", "B-PER", "I-PER", "I-ORG"))
    probs = np.full((2, 3, len(LABELS)), 0.01)
    probs[0, 0, b_per] = probs[0, 1, i_per] = probs[0, 2, o] = 0.9
    # an inside tag with no beginning before it is never chosen, however likely
    probs[1, 0, i_org] = 0.9
    probs[1, 0, o] = 0.05
    probs[1, 1, o] = 0.9  # the second sentence has two tokens: its third row is padding
    assert decode(probs, [3, 2]) == [["B-PER", "I-PER", "O"], ["O", "O"]]


def test_missing_or_corrupt_neural_file_is_a_model_error(tmp_path: Path) -> None:
    path = copy_model(tmp_path)
    neural = tmp_path / "ner-id.neural.npz"
    neural.write_bytes(neural.read_bytes()[:1000])
    with pytest.raises(ModelError, match="corrupt") as err:
        NerModel.load(path)
    assert str(neural) in str(err.value) and "pantau train ner --lang id" in str(err.value)
    neural.unlink()
    with pytest.raises(ModelError, match="not found") as err:
        NerModel.load(path)
    assert str(neural) in str(err.value)


def test_numpy_lstm_computes_what_torch_computes(tmp_path: Path) -> None:
    """The numpy tagger against torch's own bidirectional LSTM, on weights a training
    run wrote: the same hidden states, sentence by sentence, padding ignored."""
    torch = pytest.importorskip("torch", reason="PyTorch (pantau[train]) is not installed")
    from pantau.extract.entities.ner_train import train

    train("id", shared_path(), tmp_path, seed=3, limit=40, params={"max_iterations": 5},
          neural_settings={"epochs": 1, "hidden": 16, "dim": 12})
    tagger = NeuralTagger.load(tmp_path / "ner-id.neural.npz")
    featurize = NerModel.load(tmp_path / "ner-id.crfsuite").featurize
    attributes = [featurize.token_attributes(s) for s in SENTENCES]

    def inputs(sentence: list[list[str]]) -> np.ndarray:  # [attribute sum, genre "n"]
        return np.stack([
            np.concatenate([
                tagger.embedding[[tagger.vocab[a] for a in token if a in tagger.vocab]].sum(0),
                tagger.genre[0],
            ])
            for token in sentence
        ])

    width = tagger.embedding.shape[1] + tagger.genre.shape[1]
    lstm = torch.nn.LSTM(width, tagger.hidden, batch_first=True, bidirectional=True)
    with torch.no_grad():
        for name, prefix in (("l0", "fw"), ("l0_reverse", "bw")):
            getattr(lstm, f"weight_ih_{name}").copy_(torch.tensor(tagger.w[prefix + "_ih"]))
            getattr(lstm, f"weight_hh_{name}").copy_(torch.tensor(tagger.w[prefix + "_hh"]))
            getattr(lstm, f"bias_ih_{name}").copy_(torch.tensor(tagger.w[prefix + "_b"]))
            getattr(lstm, f"bias_hh_{name}").zero_()
        scores = tagger.emissions(attributes, "n")
        for b, sentence in enumerate(SENTENCES):
            hidden, _ = lstm(torch.tensor(inputs(attributes[b])[None], dtype=torch.float32))
            expected = hidden[0].numpy() @ tagger.w["out_w"].T + tagger.w["out_b"]
            assert np.allclose(scores[b, : len(sentence)], expected, atol=1e-4)


def test_neural_training_is_reproducible(tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="PyTorch (pantau[train]) is not installed")
    from pantau.extract.entities.ner_train import train

    kwargs = dict(limit=40, params={"max_iterations": 5}, neural_settings={"epochs": 2})
    first = train("id", shared_path(), tmp_path / "a", seed=5, **kwargs)
    train("id", shared_path(), tmp_path / "b", seed=5, **kwargs)
    assert first["neural"]["sentences"] == first["sentences"]
    for name in ("ner-id.neural.npz", "ner-id.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    model = NerModel.load(tmp_path / "a" / "ner-id.crfsuite")
    assert model.neural is not None and len(model.tag(SENTENCES[0])) == len(SENTENCES[0])
