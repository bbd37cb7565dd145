"""Old and new ``annotate`` timed in ONE process, alternating per article, so that the load of
other work on a shared machine hits both alike (separate runs varied by ±30 % on the 2-core
development machine). Per article: the least time over R passes; the sums are printed.

    PRESSWATCH_REALTEXT_DIR=/work/realtext python devtools/analysis_ab.py [R] [--short] [--cpu] OLD NEW

OLD and NEW are checkouts (e.g. ``git archive <commit> | tar -x -C /tmp/old``). The articles are
NEW's real dev set, bodies repeated to ~600 words unless ``--short``. Loading NEW a second time
as OLD gives ~1.03: the bias of the harness.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any


def _load(root: str) -> tuple[Callable[..., Any], ModuleType, ModuleType]:
    for name in [m for m in sys.modules if m == "search" or m.startswith(("search.", "devtools"))]:
        del sys.modules[name]
    sys.path.insert(0, root)
    analysis = importlib.import_module("search.analysis")
    evaluate = importlib.import_module("devtools.evaluate")
    realtext = importlib.import_module("devtools.realtext")
    sys.path.remove(root)
    return analysis.annotate, evaluate, realtext


def main() -> int:
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        return 2
    old, new = args[-2], args[-1]
    rounds = int(args[0]) if args[0].isdigit() else 5
    old_annotate, _, _ = _load(old)
    new_annotate, evaluate, realtext = _load(new)
    items = realtext.load_real_set("dev", None).items
    if "--short" not in args:
        items = [evaluate.lengthen(item) for item in items]
    documents = [evaluate.to_document(item) for item in items]
    if not documents:
        print("no real dev texts found: set PRESSWATCH_REALTEXT_DIR (see devtools/realtext.py)")
        return 1
    old_annotate(documents[0])  # compile both outside the timing
    new_annotate(documents[0])
    clock = time.process_time if "--cpu" in args else time.perf_counter
    best_old, best_new = [1e9] * len(documents), [1e9] * len(documents)
    for _ in range(rounds):
        for n, document in enumerate(documents):
            a = clock()
            old_annotate(document)
            b = clock()
            new_annotate(document)
            c = clock()
            best_old[n], best_new[n] = min(best_old[n], b - a), min(best_new[n], c - b)
    ms_old, ms_new = sum(best_old) / len(documents) * 1e3, sum(best_new) / len(documents) * 1e3
    words = sum(len(f"{i['title']} {i['sapo']} {i['body']}".split()) for i in items) / len(items)
    print(
        f"{len(documents)} articles of ~{words:.0f} words: old {ms_old:.3f} ms ({1e3 / ms_old:.0f}/s), "
        f"new {ms_new:.3f} ms ({1e3 / ms_new:.0f}/s), {ms_old / ms_new:.2f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
