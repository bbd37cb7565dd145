"""Does a small learned tone classifier beat the rules? Cross-validation on the real-text dev part.

Issue 17: "If a learned model beats the lexicon …, use it (CPU only, small, from a package made
for Vietnamese text); otherwise keep the rules and show the comparison." The held-out part is not
touched here: both sides are compared on the same stratified folds of ``realtext/dev.yaml``.

- rules: ``search.analysis`` as shipped (it does not train, so each fold is just scored);
- model: multinomial logistic regression (L2) over TF-IDF word uni+bigrams of the text segmented
  with underthesea (already a dependency; its segmenter ships in the wheel), title and sapo words
  marked apart from body words; fitted with scipy's L-BFGS, so no new dependency;
- hybrid: the same model with the rules' title / headline / article scores as three more features
  (a learned reading of the rules, to see whether the rules' evidence is better combined).

    PRESSWATCH_REALTEXT_DIR=/path python devtools/tone_model_cv.py [--folds 5] [--seed 17]

Not shipped (devtools/); prints accuracy per fold and overall, with the confusion matrices.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devtools.evaluate import to_document  # noqa: E402
from devtools.realtext import load_real_set  # noqa: E402
from search.analysis import analyze  # noqa: E402
from search.analysis.tone import LABELS  # noqa: E402

FIELDS = (("title", "T:"), ("sapo", "S:"), ("body", ""))


def segment(text: str) -> list[str]:
    from underthesea import word_tokenize

    return [w.lower() for w in word_tokenize(text) if any(ch.isalnum() for ch in w)]


def features(item: dict[str, Any]) -> Counter[str]:
    grams: Counter[str] = Counter()
    for name, mark in FIELDS:
        words = segment(item.get(name) or "")
        grams.update(mark + w for w in words)
        grams.update(f"{mark}{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return grams


def rule_scores(item: dict[str, Any]) -> tuple[str, list[float]]:
    tone = analyze(to_document(item)).tone
    by = {name: sum(c["score"] for c in tone.cues if c["field"] == name) for name, _ in FIELDS}
    return tone.label, [by["title"], by["title"] + by["sapo"], sum(by.values())]


class TfIdf:
    def __init__(self, docs: list[Counter[str]], min_df: int = 2) -> None:
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        kept = sorted(t for t, n in df.items() if n >= min_df)
        self.index = {t: i for i, t in enumerate(kept)}
        self.idf = np.array([math.log((1 + len(docs)) / (1 + df[t])) + 1 for t in kept])

    def transform(self, docs: list[Counter[str]]) -> sparse.csr_matrix:
        rows, cols, vals = [], [], []
        for r, d in enumerate(docs):
            for t, n in d.items():
                j = self.index.get(t)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
                    vals.append((1 + math.log(n)) * self.idf[j])
        m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(self.index)))
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1))).ravel()
        norms[norms == 0] = 1
        return sparse.csr_matrix(sparse.diags(1 / norms) @ m)


def fit_logreg(x: Any, y: np.ndarray, c: float) -> np.ndarray:
    """Multinomial logistic regression, L2 penalty 1/(2c)·|W|² (bias not penalised)."""
    n, d = x.shape
    k = len(LABELS)
    xb = sparse.hstack([x, np.ones((n, 1))]).tocsr()
    onehot = np.eye(k)[y]

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(d + 1, k)
        z = xb @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        value = -np.sum(onehot * np.log(p + 1e-12)) + np.sum(w[:-1] ** 2) / (2 * c)
        grad = xb.T @ (p - onehot)
        grad[:-1] += w[:-1] / c
        return float(value), np.asarray(grad).ravel()

    result = minimize(loss, np.zeros((d + 1) * k), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return np.asarray(result.x).reshape(d + 1, k)


def predict(w: np.ndarray, x: Any) -> np.ndarray:
    xb = sparse.hstack([x, np.ones((x.shape[0], 1))]).tocsr()
    return np.asarray(xb @ w).argmax(axis=1)


def folds_of(labels: list[str], k: int, seed: int) -> list[list[int]]:
    """Stratified folds: each label's items dealt round-robin after a seeded shuffle."""
    rng = random.Random(seed)
    folds: list[list[int]] = [[] for _ in range(k)]
    at = 0
    for label in LABELS:
        members = [i for i, y in enumerate(labels) if y == label]
        rng.shuffle(members)
        for i in members:
            folds[at % k].append(i)
            at += 1
    return folds


def main() -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--c", type=float, nargs="*", default=[1.0, 10.0, 100.0])
    args = parser.parse_args()
    loaded = load_real_set("dev")
    if loaded.missing:
        print(f"{len(loaded.missing)} dev texts missing: set PRESSWATCH_REALTEXT_DIR", file=sys.stderr)
        return 1
    items = loaded.items
    labels = [it["tone"] for it in items]
    y = np.array([LABELS.index(t) for t in labels])
    grams = [features(it) for it in items]
    rules = [rule_scores(it) for it in items]
    extra = np.array([r[1] for r in rules]) / 5.0  # the rules' scores, roughly unit scale
    folds = folds_of(labels, args.folds, args.seed)
    systems = ["rules"] + [f"model C={c:g}" for c in args.c] + [f"hybrid C={c:g}" for c in args.c]
    predicted = {s: np.zeros(len(items), dtype=int) for s in systems}
    per_fold: dict[str, list[float]] = {s: [] for s in systems}
    for f, test in enumerate(folds):
        train = [i for g, fold in enumerate(folds) if g != f for i in fold]
        vec = TfIdf([grams[i] for i in train])
        xtr, xte = vec.transform([grams[i] for i in train]), vec.transform([grams[i] for i in test])
        predicted["rules"][test] = [LABELS.index(rules[i][0]) for i in test]
        for c in args.c:
            w = fit_logreg(xtr, y[train], c)
            predicted[f"model C={c:g}"][test] = predict(w, xte)
            htr = sparse.hstack([xtr, extra[train]]).tocsr()
            hte = sparse.hstack([xte, extra[test]]).tocsr()
            predicted[f"hybrid C={c:g}"][test] = predict(fit_logreg(htr, y[train], c), hte)
        for s in systems:
            per_fold[s].append(float(np.mean(predicted[s][test] == y[test])))
    print(f"real dev: {len(items)} articles, {args.folds} stratified folds (seed {args.seed})\n")
    print("| system | accuracy | per fold | neg→ neg/neu/pos | neu→ | pos→ |")
    print("| --- | --- | --- | --- | --- | --- |")
    for s in systems:
        rows = [
            "/".join(str(int(np.sum((y == a) & (predicted[s] == b)))) for b in range(len(LABELS)))
            for a in range(len(LABELS))
        ]
        folds_text = " ".join(f"{v:.2f}" for v in per_fold[s])
        print(f"| {s} | {np.mean(predicted[s] == y):.3f} | {folds_text} | {' | '.join(rows)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
