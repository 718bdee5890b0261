"""The formulas of DOMAIN_RULES, table-driven and as hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lkjip_xl.calc.budget import compute_budget
from lkjip_xl.calc.indicators import PERMENDAGRI_86, capaian, predikat, rating_bands
from lkjip_xl.calc.skm import compute_skm, mutu
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.records import BudgetRow, ScaleBand, Settings, SkmResponse
from lkjip_xl.contract.schema import DEFAULT_SKM_ELEMENTS
from lkjip_xl.read.hierarchy import link, orphans, rolled_up

DEFAULT = Settings()
N = Measure  # shorthand: N(number=…)


def cap(t, r, polarity="positive", settings=DEFAULT):
    return capaian(
        N(number=t) if not isinstance(t, Measure) else t,
        N(number=r) if not isinstance(r, Measure) else r,
        polarity,
        settings,
    ).value


@pytest.mark.parametrize(
    ("target", "real", "polarity", "settings", "expected"),
    [
        (75, 80, "positive", DEFAULT, 106.6667),
        (84, 86.29, "positive", DEFAULT, 102.7262),
        (3, 3, "negative", DEFAULT, 100),
        (3, 4, "negative", DEFAULT, 66.6667),
        (
            16.5,
            12,
            "negative",
            DEFAULT,
            127.2727,
        ),  # falling stunting rate is good (seed 004 got this wrong)
        (3, 7, "negative", DEFAULT, 0),  # floor at 0
        (3, 4, "negative", Settings(negative_formula="ratio"), 75),
        (0, 0, "negative", DEFAULT, 100),
        (0, 2, "negative", DEFAULT, 0),
        (100, 150, "positive", Settings(cap=120), 120),
    ],
)
def test_capaian_cases(target, real, polarity, settings, expected):
    assert cap(target, real, polarity, settings) == pytest.approx(expected, abs=1e-4)


def test_capaian_not_available():
    assert cap(N(), 80) is None
    assert cap(80, N(text="-")) is None
    assert cap(0, 5) is None  # target 0, positive


def test_sakip_values():
    assert cap(Measure(61, "B", "B (61)"), Measure(62.08, "B", "B (62,08)")) == pytest.approx(
        101.7705, abs=1e-4
    )
    assert cap(Measure(None, "BB", "BB"), Measure(None, "A", "A")) == 100
    assert cap(Measure(None, "BB", "BB"), Measure(None, "B", "B")) < 100


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (91, "Sangat Tinggi"),
        (90.999, "Sangat Tinggi"),
        (90.99, "Tinggi"),
        (76, "Tinggi"),
        (75.99, "Sedang"),
        (66, "Sedang"),
        (51, "Rendah"),
        (50.99, "Sangat Rendah"),
        (150, "Sangat Tinggi"),
        (None, "tidak dapat diukur"),
    ],
)
def test_permendagri_bands_closed_below(value, label):
    assert predikat(value, PERMENDAGRI_86) == label


def test_custom_scale_bands():
    bands = rating_bands(
        [
            ScaleBand(2, 85, 100, "Sangat Berhasil"),
            ScaleBand(3, 70, 85, "Berhasil"),
            ScaleBand(4, 0, 70, "Kurang"),
        ]
    )
    assert predikat(85, bands) == "Sangat Berhasil"
    assert predikat(84.99, bands) == "Berhasil"
    assert predikat(120, bands) == "Sangat Berhasil"
    assert predikat(10, bands) == "Kurang"


positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False)


@given(positive, positive, st.floats(min_value=0.1, max_value=10))
def test_positive_capaian_scales_with_realisasi(t, r, k):
    assume(r * k < 1e9)
    assert cap(t, r * k) == pytest.approx(cap(t, r) * k, rel=1e-9)


@given(positive, st.floats(min_value=0, max_value=1e7, allow_nan=False))
def test_negative_capaian_is_100_at_target_and_never_below_0(t, r):
    assert cap(t, t, "negative") == pytest.approx(100)
    assert cap(t, r, "negative") >= 0


def response(row, answers):
    return SkmResponse(row, {f"U{i + 1}": a for i, a in enumerate(answers)})


SEED_002_SUMS = (631, 664, 641, 772, 650, 658, 692, 654, 733)


def seed_002_responses():
    """196 respondents whose column sums equal seed 002's (the mix inside a column does not matter)."""
    rows = [[None] * 9 for _ in range(196)]
    for c, total in enumerate(SEED_002_SUMS):
        values = [3] * 196
        extra = total - 3 * 196  # > 0: some 4s
        for i in range(extra):
            values[i] = 4
        for n in range(196):
            rows[n][c] = values[n]
    return [response(n + 2, r) for n, r in enumerate(rows)]


def test_seed_002_skm_reproduces():
    responses = seed_002_responses()
    legacy = compute_skm(responses, list(DEFAULT_SKM_ELEMENTS), "0.111")
    assert [round(e.nrr, 2) for e in legacy.elements] == [
        3.22,
        3.39,
        3.27,
        3.94,
        3.32,
        3.36,
        3.53,
        3.34,
        3.74,
    ]
    assert round(legacy.ikm, 2) == 86.29
    assert (legacy.mutu, legacy.kinerja) == ("B", "Baik")
    exact = compute_skm(responses, list(DEFAULT_SKM_ELEMENTS), "exact")
    assert round(exact.ikm, 2) == 86.38
    assert exact.weight_label == "1/9"


@given(st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1, max_size=40))
def test_ikm_between_25_and_100_and_100_only_when_all_4(rows):
    result = compute_skm(
        [response(i, r) for i, r in enumerate(rows)], list(DEFAULT_SKM_ELEMENTS), "exact"
    )
    assert 25 - 1e-9 <= result.ikm <= 100 + 1e-9
    all_four = all(a == 4 for r in rows for a in r)
    assert (abs(result.ikm - 100) < 1e-9) == all_four


def test_blank_answers_left_out_of_nrr():
    rows = [SkmResponse(2, {"U1": 4, "U2": None}), SkmResponse(3, {"U1": 2, "U2": 3})]
    result = compute_skm(rows, [("U1", "a"), ("U2", "b")], "exact")
    assert (
        result.elements[0].nrr == 3
        and result.elements[1].nrr == 3
        and result.elements[1].answers == 1
    )
    assert result.elements[0].shares == {1: 0, 2: 50, 3: 0, 4: 50}


@pytest.mark.parametrize(
    ("ikm", "grade"),
    [(88.31, "A"), (88.305, "A"), (88.3, "B"), (76.61, "B"), (76.6, "C"), (65, "C"), (64.99, "D")],
)
def test_mutu_bands_on_value_rounded_half_up(ikm, grade):
    assert mutu(ikm)[0] == grade


@st.composite
def hierarchies(draw):
    rows = []
    for p in range(draw(st.integers(1, 4))):
        rows.append(BudgetRow(len(rows) + 2, "program", f"P{p}"))
        for k in range(draw(st.integers(0, 3))):
            level = draw(st.sampled_from(["kegiatan", "sub_kegiatan"]))
            if level == "kegiatan":
                rows.append(BudgetRow(len(rows) + 2, "kegiatan", f"K{p}{k}"))
                for s in range(draw(st.integers(1, 3))):
                    rows.append(
                        BudgetRow(
                            len(rows) + 2,
                            "sub_kegiatan",
                            f"S{p}{k}{s}",
                            pagu=draw(st.integers(0, 10**10)),
                            realisasi=0,
                        )
                    )
            else:
                rows.append(
                    BudgetRow(
                        len(rows) + 2,
                        "sub_kegiatan",
                        f"S{p}{k}",
                        pagu=draw(st.integers(0, 10**10)),
                        realisasi=0,
                    )
                )
    return rows


@given(hierarchies())
def test_rollup_equals_sum_of_leaves(rows):
    rows = link(rows)
    assert orphans(rows) == []
    totals = rolled_up(rows, "pagu")
    leaves = sum(r.pagu for r in rows if not r.children and r.pagu is not None)
    assert sum(totals[i] or 0 for i, r in enumerate(rows) if r.parent is None) == leaves
    for i, r in enumerate(rows):
        if r.children and any(rows[c].pagu is not None or rows[c].children for c in r.children):
            assert totals[i] == sum(totals[c] or 0 for c in r.children)


def test_budget_with_codes_links_by_prefix_and_skips_levels():
    rows = link(
        [
            BudgetRow(2, "program", "Program A", kode="7.01.01"),
            BudgetRow(
                3, "sub_kegiatan", "Sub langsung", kode="7.01.01.2.01.0001", pagu=10, realisasi=5
            ),
            BudgetRow(4, "kegiatan", "Kegiatan B", kode="7.01.01.2.02"),
            BudgetRow(5, "sub_kegiatan", "Sub B", kode="7.01.01.2.02.0001", pagu=30, realisasi=30),
            BudgetRow(6, "program", "Program C", kode="7.01.02", pagu_sebelum=5),
            BudgetRow(
                7,
                "sub_kegiatan",
                "Sub C",
                kode="7.01.02.2.01.0002",
                pagu=7,
                realisasi=7,
                pagu_sebelum=5,
            ),
        ]
    )
    lines, totals = compute_budget(rows, DEFAULT)
    assert rows[1].parent == 0 and rows[3].parent == 2 and rows[2].parent == 0
    assert (lines[0].pagu, lines[0].realisasi, lines[0].sisa) == (40, 35, 5)
    assert lines[0].serapan == pytest.approx(87.5)
    assert (totals.pagu, totals.realisasi) == (47, 42)
    assert lines[4].perubahan == 2
