"""The benchmark script runs and prints every figure the README quotes (timings are not asserted)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.slow  # about 12 s: a dozen fresh Python processes; deselect with -m "not slow"
def test_bench_runs_quick_and_prints_every_figure():
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--cepat"],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    ).stdout
    for line in (
        "baca + periksa",
        "grafik",
        "render",
        "simpan",
        "memori puncak",
        "baca calamine",
        "render docxtpl polos",
        "lkjip report' pada contoh, dingin",
        "lantai",
        "'lkjip batch' atas 3 buku kerja",
        "tanpa buku terisi",
        "batch 30 lebih cepat dari 30 kali tunggal",
        "dingin / lantai",
        "besar: semua tahap",
        "besar: memori puncak",
        "ukuran draf",
        "baca / calamine",
        "render / docxtpl polos",
    ):
        assert line in out, line
