"""The real-text evaluation set: labels and manifest in the repository, texts beside it.

CI always has ../shared (the pages and the seed, ``shared.yaml``); the VietNews texts of
``dev.yaml``/``heldout.yaml`` are read from $PRESSWATCH_REALTEXT_DIR or ../shared/realtext when
they are there (docs/ANALYSIS.md, "Evaluation and benchmark")."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from devtools.evaluate import evaluate
from devtools.realtext import (
    LABELS_DIR,
    RealTextError,
    detokenize,
    load_real_set,
    manifest,
    parse_vietnews,
)
from search.analysis.gazetteer import default_gazetteer
from search.analysis.profiles import default_profiles

SEG = (
    "Bản_án cho đối_tượng lừa_đảo\n\nNgày 25/2 , TAND TP. Đà_Nẵng tuyên_phạt Hồ_Văn_A ( SN 1994 ) , "
    'ngụ quận Hải_Châu .\n\nTheo lời khai , A “ nổ ” là sĩ_quan .\nNgười bị lừa nói : " tôi tin " .\n\n'
    "A tại phiên_toà .\n"
)


def _labels(name: str) -> list[dict]:
    return yaml.safe_load((LABELS_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


def test_the_labelled_set_is_large_split_and_uses_known_labels() -> None:
    rows = manifest()
    dev, heldout, shared = _labels("dev"), _labels("heldout"), _labels("shared")
    heldout2, heldout3 = _labels("heldout2"), _labels("heldout3") or []
    heldout4, heldout5 = _labels("heldout4") or [], _labels("heldout5") or []
    heldout6 = _labels("heldout6") or []
    ids = [
        item["id"] for item in dev + heldout + heldout2 + heldout3 + heldout4 + heldout5 + heldout6 + shared
    ]
    assert len(dev) + len(heldout) >= 300 and len(ids) == len(set(ids))
    # a third of each batch kept apart: batch 1 (r001-r330) in heldout.yaml, batch 2 in heldout2.yaml
    first = [x for x in dev if int(x["id"][1:]) <= 330]
    assert len(heldout) * 3 >= len(first + heldout) - 3
    second = [r for r in rows.values() if r["id"].startswith("r") and r["split"] in {"dev", "heldout2"}]
    second = [r for r in second if int(r["id"][1:]) > 330]
    held2 = [r for r in second if r["split"] == "heldout2"]
    assert {r["split"] for r in second} == {"dev", "heldout2"} and 0.25 <= len(held2) / len(second) <= 0.42
    assert {x["id"] for x in dev} & {r["id"] for r in held2} == set()
    assert {x["id"] for x in heldout2} == {r["id"] for r in held2}  # every batch-2 held-out text labelled
    assert {x["id"] for x in dev if int(x["id"][1:]) > 330} == {
        r["id"] for r in second if r["split"] == "dev"
    }
    assert {rows[i]["split"] for i in (x["id"] for x in heldout)} == {"heldout"}
    # batch 3: a fresh random sample (devtools/realtext_batch3.py), all of it held out and labelled
    third = [r for r in rows.values() if r["split"] == "heldout3"]
    assert len(third) >= 100 and {x["id"] for x in heldout3} == {r["id"] for r in third}
    assert all(r["path"].startswith("vietnews/data/test_tokenized/") for r in third)
    # batch 4: the same rule with a new salt (devtools/realtext_batch4.py), all held out, rows after
    # batch 3's, every one labelled (in the selection's order)
    fourth = [r for r in rows.values() if r["split"] == "heldout4"]
    assert len(fourth) == 120 and all(r["path"].startswith("vietnews/data/test_tokenized/") for r in fourth)
    assert min(int(r["id"][1:]) for r in fourth) > max(int(r["id"][1:]) for r in third)
    earlier = {r["path"] for r in rows.values() if r["split"] != "heldout4"}
    assert {r["path"] for r in fourth} & earlier == set()
    assert [x["id"] for x in heldout4] == [r["id"] for r in fourth]
    # batch 5 (session 6): the same rule with another salt (devtools/realtext_batch5.py), all held out,
    # rows after batch 4's, every one labelled (in the selection's order)
    fifth = [r for r in rows.values() if r["split"] == "heldout5"]
    assert len(fifth) == 120 and all(r["path"].startswith("vietnews/data/test_tokenized/") for r in fifth)
    assert min(int(r["id"][1:]) for r in fifth) > max(int(r["id"][1:]) for r in fourth)
    earlier = {r["path"] for r in rows.values() if r["split"] != "heldout5"}
    assert {r["path"] for r in fifth} & earlier == set()
    assert [x["id"] for x in heldout5] == [r["id"] for r in fifth]
    # batch 6 (session 6, after batch 5 was scored): the same rule with another salt
    # (devtools/realtext_batch6.py), all held out, rows after batch 5's, every one labelled (in the
    # selection's order)
    sixth = [r for r in rows.values() if r["split"] == "heldout6"]
    assert len(sixth) == 120 and all(r["path"].startswith("vietnews/data/test_tokenized/") for r in sixth)
    assert min(int(r["id"][1:]) for r in sixth) > max(int(r["id"][1:]) for r in fifth)
    earlier = {r["path"] for r in rows.values() if r["split"] != "heldout6"}
    assert {r["path"] for r in sixth} & earlier == set()
    assert [x["id"] for x in heldout6] == [r["id"] for r in sixth]
    labelled = dev + heldout + heldout2 + heldout3 + heldout4 + heldout5 + heldout6 + shared
    assert all(rows[x["id"]]["sha256"] and rows[x["id"]]["source"] for x in labelled)
    topics = {p.name for p in default_profiles()}
    units = set(default_gazetteer().units)
    for item in labelled:
        assert set(item["topics"]) <= topics, item
        assert set(item["provinces"]) <= units, item
        assert item["tone"] in {"negative", "neutral", "positive"}


def test_vietnews_text_is_put_back_as_printed() -> None:
    article = parse_vietnews(SEG)
    assert article["title"] == "Bản án cho đối tượng lừa đảo"
    assert article["sapo"] == "Ngày 25/2, TAND TP. Đà Nẵng tuyên phạt Hồ Văn A (SN 1994), ngụ quận Hải Châu."
    assert article["body"] == 'Theo lời khai, A “nổ” là sĩ quan.\nNgười bị lừa nói: "tôi tin".'
    assert detokenize("giá 30 % , tăng") == "giá 30%, tăng"


def test_a_text_that_changed_is_refused_and_a_missing_one_is_reported(tmp_path: Path) -> None:
    row = next(r for r in manifest().values() if r["split"] == "dev")
    target = tmp_path / row["path"]
    target.parent.mkdir(parents=True)
    target.write_text(SEG, encoding="utf-8")
    with pytest.raises(RealTextError, match="sha256"):
        load_real_set("dev", tmp_path)
    target.unlink()
    loaded = load_real_set("dev", tmp_path)
    assert loaded.items == [] and row["id"] in loaded.missing


def test_the_shared_pages_load_as_the_crawler_extracts_them() -> None:
    loaded = load_real_set("shared")
    assert loaded.missing == [] and len(loaded.items) == 8
    seed = next(item for item in loaded.items if item["id"] == "s008")
    assert seed["title"].startswith("Bắc Ninh: 90% kiến nghị")
    assert "Tin cùng chuyên mục" not in seed["body"] and "Thái Nguyên" not in seed["body"]
    assert evaluate(loaded.items).size == 8


# Floors a little below the figures measured when the analyser was last tuned (docs/ANALYSIS.md,
# "Evaluation and benchmark"): (topic macro-F1, province F1, tone accuracy).
# Measured after issue 17's second pass: dev 0.695 / 0.976 / 0.836, held-out 0.435 / 0.895 / 0.673,
# shared 0.083 / 0.571 / 0.625. Dev grew from 220 to 400 texts (batch 2, every topic >= 8 articles):
# measured 0.787 / 0.950 / 0.752 on the same analyser, so its floors moved (a new set, not a regression).
# Third rules session (rules helper): 0.788 / 0.951 / 0.767 on the 400 dev articles.
# Session 4 tone helper: dev tone 0.858 (halves A 0.867 / B 0.848, devtools/tone_split.py); only the
# tone floor moved (topic and province floors belong to the helpers who tune them).
# Session 4 topics helper: dev topic macro-F1 0.872, province F1 0.955 (halves A 0.894 / 0.936, B 0.849 /
# 0.974, devtools/realtext_halves.py); topic and province floors moved.
# Session 5 (tune5): batches 1-2's held-out parts were opened for tuning, batch 3 only scored; floors
# moved to a little below the figures after it (docs/ANALYSIS.md, /work/notes/tune5.md).
UNSCORED = (0.0, 0.0, 0.0)  # a placeholder floor: the set has not had its one scoring yet
FLOORS = {
    # session 5: 0.893 / 0.959 / 0.875
    # session 6 (tone7): tone 0.890
    "dev": (0.87, 0.95, 0.88),
    # scored after session 4's tuning (no held-out error looked at): 0.445 / 0.895 / 0.755; tuned on in
    # session 5 (labels r180, r225 brought under the batch-2 rules): 0.625 / 0.913 / 0.800
    # session 6 (tone7): tone 0.827; (places7): provinces 0.917; (tone8): tone 0.845
    "heldout": (0.60, 0.91, 0.83),
    # scored once at the end of the third session (0.641 / 0.930 / 0.670), again after session 4:
    # 0.711 / 0.934 / 0.709; tuned on in session 5: 0.730 / 0.943 / 0.767
    # session 6 (tone7): tone 0.796; (places7): topics 0.735
    "heldout2": (0.72, 0.93, 0.78),
    # batch 3 (a fresh random sample, all held out), scored once at the end of session 4:
    # 0.548 / 0.938 / 0.717; session 5 (scored, errors not read while tuning): 0.548 / 0.942 / 0.725;
    # read and tuned on after that (tune6, batch 3's error classes): 0.735 / 0.950 / 0.792
    # session 6 (tone7, all read parts grouped): tone 0.850; (places7): topics 0.747; (tone8): tone 0.858
    "heldout3": (0.73, 0.93, 0.84),
    # batch 4 (a fresh random sample, all held out, labelled blind in session 5), scored once at the
    # end of session 5, after all tuning: 0.785 / 0.927 / 0.783
    # read from session 6 (tone7, all read parts grouped): tone 0.817; (places7): provinces 0.931,
    # topics 0.805; (tone8): tone 0.825
    "heldout4": (0.79, 0.92, 0.81),
    # batch 5 (a fresh random sample, all held out, labelled blind in session 6), scored once by the
    # coordinator after session 6's tuning (tone7, places7), nothing read from it: 0.526 / 0.975 / 0.792
    # read from 21:25 (tone8, all read parts grouped): tone 0.867
    "heldout5": (0.50, 0.95, 0.85),
    # batch 6 (a fresh random sample, all held out, labelled blind in session 6 by labels7), scored
    # once by the coordinator after tone8 (main dcc3b79), nothing read from it: 0.468 / 0.953 / 0.842
    "heldout6": (0.44, 0.93, 0.82),
    "shared": (0.05, 0.5, 0.6),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_floors_on_real_text(name: str) -> None:
    if FLOORS[name] == UNSCORED:
        # the analyser must not see a held-out set before its one scoring, not even in a test run
        pytest.skip(f"realtext/{name}.yaml is held out until the coordinator's one scoring")
    loaded = load_real_set(name)
    if not loaded.items:
        pytest.skip(
            f"the texts of realtext/{name}.yaml are not in $PRESSWATCH_REALTEXT_DIR or "
            "../shared/realtext (only ../shared/pages is always beside the repository)"
        )
    assert not loaded.missing, f"{len(loaded.missing)} texts missing: {loaded.missing[:5]}"
    report = evaluate(loaded.items)
    macro_floor, province_floor, tone_floor = FLOORS[name]
    assert report.macro_f1 >= macro_floor, {t: round(c.f1, 2) for t, c in report.topics.items()}
    assert report.provinces.f1 >= province_floor
    assert report.tone_accuracy >= tone_floor, report.tone_confusion
