"""Indonesian number text, percent-formatted cells, SAKIP values, and formatting half up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.base.formatting import fmt_number, fmt_percent, fmt_rupiah, terbilang
from lkjip_xl.read.numbers import NotANumber, cell_measure, cell_number, parse_number_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234.567", 1234567),
        ("82,17", 82.17),
        ("82,17%", 82.17),
        ("Rp 1.500.000,00", 1500000),
        ("Rp. 1.500.000", 1500000),
        ("Rp1.500.000,50", 1500000.5),
        ("  5.538.364.094 ", 5538364094),
        ("100", 100),
        ("-3", -3),
        ("(1.500)", -1500),
        ("82.17", 82.17),
        ("1,234,567", 1234567),
        ("0,5", 0.5),
        ("1.000", 1000),
        ("12\u00a0345", 12345),
    ],
)
def test_parse_indonesian_text(text, expected):
    assert parse_number_text(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["-", "N/A", "n/a", "—", "", "  ", "NA"])
def test_not_available_tokens(text):
    assert parse_number_text(text) is None


@pytest.mark.parametrize(
    "text", ["sejuta", "1.23.4", "12,3,4", "1.234.56", "Rp", "82,17 %x", "1e5"]
)
def test_not_numbers_raise(text):
    with pytest.raises(NotANumber):
        parse_number_text(text)


def test_percent_formatted_cell_means_percent():
    assert cell_number(0.8, "0%") == pytest.approx(80)
    assert cell_number(0.8, "0.00") == pytest.approx(0.8)


@pytest.mark.parametrize(
    ("value", "number", "letter"),
    [
        ("B (61)", 61, "B"),
        ("B (62,08)", 62.08, "B"),
        ("bb", None, "BB"),
        ("Baik (B) 60-70", 60, "B"),
        (84, 84, None),
    ],
)
def test_measures(value, number, letter):
    m = cell_measure(value)
    assert m.number == (pytest.approx(number) if number is not None else None)
    assert m.letter == letter


@given(
    st.decimals(
        min_value=Decimal("-1e12"),
        max_value=Decimal("1e12"),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    ),
    st.sampled_from(["{}", "Rp {}", "{}%", "Rp. {}"]),
)
def test_formatted_indonesian_numbers_parse_back(value, wrapper):
    text = wrapper.format(fmt_number(float(value), 2))
    assert parse_number_text(text) == pytest.approx(float(value), abs=0.005)


@given(st.integers(min_value=0, max_value=10**13))
def test_whole_numbers_with_thousand_dots_parse_back(n):
    assert parse_number_text(fmt_number(n, 0)) == n


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (0.125, 2, "0,13"),
        (2.675, 2, "2,68"),
        (5538364094, 0, "5.538.364.094"),
        (82.165, 2, "82,17"),
        (-0.001, 2, "0,00"),
        (100.0, None, "100"),
        (82.5, None, "82,5"),
    ],
)
def test_format_rounds_half_up(value, decimals, text):
    assert fmt_number(value, decimals) == text


def test_money_percent_and_terbilang():
    assert fmt_rupiah(5538364094) == "Rp 5.538.364.094,00"
    assert fmt_percent(82.17289) == "82,17%"
    assert terbilang(7310830014) == (
        "tujuh miliar tiga ratus sepuluh juta delapan ratus tiga puluh ribu empat belas rupiah"
    )


def test_figures_past_decimal_s_default_precision_are_shown_not_crashed():
    """Decimal's 28 digits failed to quantize 1e28 (a traceback in `pk` and `triwulan`); an
    overflowed sum (inf) shows as no figure."""
    assert fmt_number(1e28, 2) == "10.000.000.000.000.000.000.000.000.000,00"
    assert fmt_number(1e-300, 2) == "0,00"
    assert fmt_number(float("inf")) == fmt_percent(float("nan")).rstrip("%") == "-"
    assert terbilang(float("inf")) == "-"
    assert terbilang(1e40).endswith(" rupiah")  # past num2words' words: the figure itself
