"""Training the neural half of the NER model (`ner_neural`) with PyTorch.

Only `pantau train ner` imports this module; PyTorch is the optional ``train`` extra
(``pip install 'pantau[train]'``). Tagging reads the weights file with numpy alone.

The settings were chosen on a held-out tenth of the training files (docs/ner.md,
"Seventh follow-up"): the model overfits after about six epochs (F1 on the held-out
tenths and the dev files falls from there), and dropout 0.55 was steadier than 0.4.
Training runs on one thread with a fixed seed, so a rebuild on the same machine and
PyTorch version writes the same weights.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from pantau.errors import InputError
from pantau.extract.entities.ner_neural import GENRE_INDEX, LABELS

SETTINGS = {
    "epochs": 6,
    "dim": 100,  # attribute embeddings
    "genre_dim": 8,
    "hidden": 128,  # per LSTM direction
    "dropout": 0.55,
    "learning_rate": 2e-3,
    "batch": 16,
    "min_count": 2,  # attributes seen fewer times in training are left out
}


def _torch():
    try:
        import torch
    except ImportError:
        raise InputError(
            "training the neural NER model needs PyTorch: pip install 'pantau[train]'"
        ) from None
    return torch


def train(
    sentences: Sequence[tuple[Sequence[str], Sequence[str], str]],
    attributes: Callable[[Sequence[str]], list[list[str]]],
    out: Path,
    seed: int = 13,
    **overrides: float,
) -> dict:
    """Train on (tokens, BIO tags, genre) sentences, write the weights to ``out``.

    ``attributes`` gives a sentence's per-token attribute lists
    (`Featurizer.token_attributes`). Returns the settings and the attribute count."""
    torch = _torch()
    nn = torch.nn
    settings = {**SETTINGS, **overrides}
    torch.manual_seed(seed)
    rng = random.Random(seed)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # one thread: the same sums in the same order, every run
    label_index = {tag: i for i, tag in enumerate(LABELS)}

    per_sentence = [attributes(tokens) for tokens, _, _ in sentences]
    counts = Counter(a for sent in per_sentence for token in sent for a in token)
    kept = sorted(a for a, n in counts.items() if n >= settings["min_count"])
    vocab = {a: i + 1 for i, a in enumerate(kept)}  # row 0: no attribute

    class Model(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            dim, hidden = int(settings["dim"]), int(settings["hidden"])
            self.embedding = nn.EmbeddingBag(len(vocab) + 1, dim, mode="sum", padding_idx=0)
            nn.init.normal_(self.embedding.weight, std=0.1)
            with torch.no_grad():
                self.embedding.weight[0].zero_()
            self.genre = nn.Embedding(len(GENRE_INDEX), int(settings["genre_dim"]))
            self.dropout = nn.Dropout(settings["dropout"])
            self.lstm = nn.LSTM(dim + int(settings["genre_dim"]), hidden, batch_first=True,
                                bidirectional=True)
            self.out = nn.Linear(2 * hidden, len(LABELS))
            self.transitions = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))

        def emissions(self, ids: list[list[list[int]]], genres: list[int]):
            lengths = [len(s) for s in ids]
            steps = max(lengths)
            flat: list[int] = []
            offsets: list[int] = []
            for sent in ids:
                for token in sent + [[0]] * (steps - len(sent)):
                    offsets.append(len(flat))
                    flat += token
            x = self.embedding(torch.tensor(flat), torch.tensor(offsets))
            x = x.view(len(ids), steps, -1)
            g = self.genre(torch.tensor(genres)).unsqueeze(1).expand(-1, steps, -1)
            h = self.dropout(torch.cat([x, g], 2))
            packed = nn.utils.rnn.pack_padded_sequence(
                h, lengths, batch_first=True, enforce_sorted=False
            )
            o, _ = self.lstm(packed)
            o, _ = nn.utils.rnn.pad_packed_sequence(o, batch_first=True, total_length=steps)
            mask = torch.arange(steps).unsqueeze(0) < torch.tensor(lengths).unsqueeze(1)
            return self.out(self.dropout(o)), mask

        def loss(self, em, tags, mask):
            """Negative log-likelihood of the tag sequences under the CRF layer."""
            score = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
            alpha = self.start + em[:, 0]
            for t in range(1, em.shape[1]):
                on, e = mask[:, t], em[:, t]
                step = self.transitions[tags[:, t - 1], tags[:, t]]
                step = step + e.gather(1, tags[:, t : t + 1]).squeeze(1)
                score = score + torch.where(on, step, torch.zeros_like(score))
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.transitions, dim=1) + e
                alpha = torch.where(on.unsqueeze(1), nxt, alpha)
            last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
            log_z = torch.logsumexp(alpha + self.end, dim=1)
            return (log_z - score - self.end[last]).sum()

    model = Model()
    optimiser = torch.optim.Adam(model.parameters(), lr=settings["learning_rate"])
    data = [
        ([[vocab[a] for a in token if a in vocab] or [0] for token in attrs],
         [label_index[t] for t in tags], GENRE_INDEX[genre])
        for attrs, (_, tags, genre) in zip(per_sentence, sentences, strict=True)
        if tags
    ]
    order = list(range(len(data)))
    batch = int(settings["batch"])
    try:
        for _ in range(int(settings["epochs"])):
            model.train()
            rng.shuffle(order)
            for b in range(0, len(order), batch):
                chosen = [data[i] for i in order[b : b + batch]]
                em, mask = model.emissions([c[0] for c in chosen], [c[2] for c in chosen])
                steps = em.shape[1]
                tags = torch.tensor([c[1] + [0] * (steps - len(c[1])) for c in chosen])
                optimiser.zero_grad()
                (model.loss(em, tags, mask) / len(chosen)).backward()
                nn.utils.clip_grad_norm_(model.parameters(), 5.0)
                optimiser.step()
    finally:
        torch.set_num_threads(threads)

    def array(t) -> np.ndarray:
        return t.detach().numpy().astype(np.float32)

    lstm = model.lstm
    weights = {
        "attributes": np.array([""] + kept),
        # float16 halves the file; the sums are taken in float32 when tagging
        "embedding": model.embedding.weight.detach().numpy().astype(np.float16),
        "genre": array(model.genre.weight),
        "fw_ih": array(lstm.weight_ih_l0),
        "fw_hh": array(lstm.weight_hh_l0),
        "fw_b": array(lstm.bias_ih_l0 + lstm.bias_hh_l0),
        "bw_ih": array(lstm.weight_ih_l0_reverse),
        "bw_hh": array(lstm.weight_hh_l0_reverse),
        "bw_b": array(lstm.bias_ih_l0_reverse + lstm.bias_hh_l0_reverse),
        "out_w": array(model.out.weight),
        "out_b": array(model.out.bias),
        "transitions": array(model.transitions),
        "start": array(model.start),
        "end": array(model.end),
    }
    write_weights(out, weights)
    return {"settings": settings, "attributes": len(kept), "sentences": len(data)}


def write_weights(path: Path, weights: dict[str, np.ndarray]) -> None:
    """An ``.npz`` file numpy reads, written with fixed entry times (np.savez stamps the
    clock), so that a rebuild is byte-identical."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, value in weights.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, value, allow_pickle=False)
            entry = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, buffer.getvalue())
