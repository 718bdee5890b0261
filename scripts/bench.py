"""Speed and memory of `lkjip report` and `lkjip batch`, against baselines, in one run.

    python scripts/bench.py           # the figures of the README's performance section (~3 min)
    python scripts/bench.py --cepat   # small sizes, to check that the benchmark itself works (~12 s)

Prints, for the bundled example and a large synthetic workbook (10,000 SKM respondents, 1,000
budget rows, 50 indicators): the stage times (read, compute, charts, render, save) beside the
baselines on the same input (python-calamine reading the same values; bare docxtpl rendering
the same template with the same context), peak memory, the draft's size, and the cold
command-line time against its floor (a new process that only opens the finished draft with
python-docx and saves it again); then a batch of 30 synthetic kecamatan against 30 single
`lkjip report` runs one after another. Every stage runs in a fresh process, so imports and
memory are counted as a user meets them. Each target of issue 12 is printed with its limit and
whether it is met; times are ratios on the same machine, so they hold on a slower one.
--cepat only checks that the script runs and prints every figure: both workbooks share one
child process and the cold command runs once, so its figures are not the README's.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "workbook_templates" / "contoh_paser_belengkong_2023.xlsx"
sys.path.insert(0, str(ROOT / "scripts"))

GOALS = {  # (label, limit, unit, at least): the targets of issue 12, on a 2-core machine
    "example_cli_ratio": ("contoh: 'lkjip report' dingin / lantai", 4.0, "×", False),
    "large_total": ("besar: semua tahap", 1.2, "s", False),
    "large_memory": ("besar: memori puncak", 250.0, "MB", False),
    "batch_speedup": ("batch 30 lebih cepat dari 30 kali tunggal", 4.0, "×", True),
    "draft_kb": ("contoh: ukuran draf", 150.0, "KB", False),
    "read_ratio": ("baca / calamine", 3.0, "×", False),
    "render_ratio": ("render / docxtpl polos", 1.2, "×", False),
}
STAGES = ("read", "compute", "charts", "render", "save")


# --- child: the stages of reports, in a fresh process -----------------------------------------


def stages(paths: list[str], repeats: int) -> list[dict]:
    """Stage times (medians of `repeats`), baselines and peak memory for each workbook."""
    started = time.perf_counter()
    for module in ("lkjip_xl", "lkjip_xl.report.render"):
        importlib.import_module(module)
    imported = time.perf_counter() - started
    return [_stages_of(path, repeats, imported) for path in paths]


def _stages_of(path: str, repeats: int, imported: float) -> dict:
    from lkjip_xl import compute, read_workbook
    from lkjip_xl.report.charts import draw_charts
    from lkjip_xl.report.render import render_document, save_document

    runs: dict[str, list[float]] = {}

    def timed(name, fn, *args):
        t = time.perf_counter()
        value = fn(*args)
        runs.setdefault(name, []).append(time.perf_counter() - t)
        return value

    for _ in range(repeats):
        result = timed("read", read_workbook, path)
        results = timed("compute", compute, result.workbook)
        charts = timed("charts", draw_charts, results)
        document = timed("render", render_document, result.workbook, results, None, charts)
        timed("save", save_document, document, result.workbook)
        timed("calamine", _calamine_read, path)
        timed("docxtpl", _bare_docxtpl, result.workbook, results, charts)
    out = {name: statistics.median(times) for name, times in runs.items()}
    out["import"] = imported
    out["peak_mb"] = _peak_mb()
    return out


def _calamine_read(path: str) -> None:
    """The raw baseline: every sheet's values, nothing else."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(path)
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python(skip_empty_area=False)


def _bare_docxtpl(workbook, results, charts) -> None:
    """The same template and context through docxtpl with its defaults (autoescape on)."""
    from docxtpl import DocxTemplate

    from lkjip_xl.report.context import build_context
    from lkjip_xl.report.render import chart_context, template_path

    tpl = DocxTemplate(str(template_path(None)))
    tpl.render(build_context(workbook, results, chart_context(tpl, charts)), autoescape=True)


def _batch_without_filled_copies(folder: str, out: str) -> None:
    """`lkjip batch` as it is, except that no filled copy is written: what the drafts cost."""
    from lkjip_xl.kabupaten.batch import run_batch
    from lkjip_xl.pipeline import Stages

    run_batch(folder, out, stages=Stages(fill=_no_fill))


def _no_fill(workbook, results, source: Path, output: Path) -> Path:
    return output


def _peak_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows: no getrusage
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, KB on Linux


# --- parent ----------------------------------------------------------------------------------


def run_child(paths: list[Path], repeats: int) -> list[dict]:
    """The stages of `paths` in one fresh process (peak memory is then that of them all)."""
    out = subprocess.run(
        [sys.executable, __file__, "--ulang", str(repeats), "--tahap", *map(str, paths)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _compile_package() -> None:
    """Compile the package's bytecode first, as `pip install .` does. In a checkout run with
    PYTHONDONTWRITEBYTECODE (set on our build machines) every cold command would otherwise
    compile the package's ~130 modules again, ~0,1 s that no installed copy spends, while the
    floor's python-docx comes compiled from its wheel."""
    compileall.compile_dir(ROOT / "lkjip_xl", quiet=1)


def cli_seconds(*args: str, env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "lkjip_xl.cli", *args],
        check=True,
        capture_output=True,
        env={**os.environ, **(env or {})},
    )
    return time.perf_counter() - started


FLOOR = "import sys, docx; docx.Document(sys.argv[1]).save(sys.argv[2])"


def floor_seconds(draft: Path, out: Path) -> float:
    """A cold process that only opens the finished draft with python-docx and saves it again."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR, str(draft), str(out)], check=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--cepat", action="store_true", help="ukuran kecil, hanya memeriksa skrip")
    p.add_argument("--tahap", nargs="+", help=argparse.SUPPRESS)
    p.add_argument("--ulang", type=int, default=3, help=argparse.SUPPRESS)
    p.add_argument("--batch-tanpa-terisi", nargs=2, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.tahap:
        print(json.dumps(stages(args.tahap, args.ulang)))
        return 0
    if args.batch_tanpa_terisi:
        _batch_without_filled_copies(*args.batch_tanpa_terisi)
        return 0

    from synthetic import write_synthetic

    _compile_package()
    quick = args.cepat
    size = (200, 100, 10) if quick else (10_000, 1_000, 50)
    batch_n = 3 if quick else 30
    print(f"Mesin: {os.cpu_count()} inti, Python {sys.version.split()[0]}, {sys.platform}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        large = write_synthetic(
            tmp / "besar.xlsx",
            "Besar",
            indicators=size[2],
            respondents=size[0],
            budget_rows=size[1],
        )
        measured: dict[str, float | None] = {}
        if quick:  # one process for both: only the script is checked, not the figures
            example, big = run_child([EXAMPLE, large], 1)
        else:
            [example], [big] = run_child([EXAMPLE], 3), run_child([large], 1)
        _print_stages(
            {"contoh": example, f"besar ({size[0]} resp., {size[1]} angg., {size[2]} ind.)": big}
        )
        draft = tmp / "contoh.docx"
        # the first run of a new installation compiles the template (template_cache.py)
        first = cli_seconds(
            "report", str(EXAMPLE), "-o", str(draft), env={"LKJIP_CACHE_DIR": str(tmp / "c0")}
        )
        cold_runs = 1 if quick else 3
        runs = [
            cli_seconds("report", str(EXAMPLE), "-o", str(tmp / f"c{i}.docx"))
            for i in range(cold_runs)
        ]
        floor = statistics.median(
            floor_seconds(draft, tmp / f"f{i}.docx") for i in range(cold_runs)
        )
        measured["example_cli_ratio"] = statistics.median(runs) / floor
        measured["draft_kb"] = draft.stat().st_size / 1024
        measured["large_total"] = sum(big[k] for k in STAGES)
        measured["large_memory"] = big["peak_mb"]
        measured["read_ratio"] = max(
            example["read"] / example["calamine"], big["read"] / big["calamine"]
        )
        measured["render_ratio"] = max(
            example["render"] / example["docxtpl"], big["render"] / big["docxtpl"]
        )
        print(
            f"\nPerintah 'lkjip report' pada contoh, dingin (termasuk memulai Python; paket "
            f"sudah dikompilasi ke bytecode seperti sesudah pip install): "
            f"{_s(statistics.median(runs))} (median dari {cold_runs}; pertama kali sesudah "
            f"dipasang, templat belum terkompilasi: {_s(first)}); lantai (proses baru yang hanya "
            f"membuka draf jadi dengan python-docx lalu menyimpannya): {_s(floor)}, jadi "
            f"{measured['example_cli_ratio']:.2f}× lantai. Draf: {measured['draft_kb']:.0f} KB."
        )

        folder = tmp / "kabupaten"
        folder.mkdir()
        for i in range(batch_n):
            write_synthetic(folder / f"kec_{i:02d}.xlsx", f"Kecamatan {i + 1}", seed=i)
        started = time.perf_counter()
        for i in range(batch_n):
            cli_seconds("report", str(folder / f"kec_{i:02d}.xlsx"), "-o", str(tmp / f"s{i}.docx"))
        singles = time.perf_counter() - started
        batch = cli_seconds("batch", str(folder), "-o", str(tmp / "keluaran"))
        measured["batch_speedup"] = singles / batch
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, __file__, "--batch-tanpa-terisi", str(folder), str(tmp / "k2")],
            check=True,
        )
        drafts_only = time.perf_counter() - started
        print(
            f"\n{batch_n} kali 'lkjip report' berturut-turut: {_s(singles)}; 'lkjip batch' atas "
            f"{batch_n} buku kerja (juga menulis buku terisi dan rekap): {_s(batch)}; "
            f"{measured['batch_speedup']:.2f}× lebih cepat. Batch yang sama tanpa buku terisi "
            f"(hanya draf, temuan dan rekap): {_s(drafts_only)}, {singles / drafts_only:.2f}× "
            "lebih cepat; selisihnya menulis buku terisi (menambal XML buku kerja)."
        )
    _print_goals(measured)
    return 0


def _print_stages(columns: dict[str, dict]) -> None:
    names = list(columns)
    rows = [
        ("impor modul", "import"),
        ("baca + periksa", "read"),
        ("hitung", "compute"),
        ("grafik", "charts"),
        ("render", "render"),
        ("simpan", "save"),
    ]
    print(f"\n{'tahap':<28}" + "".join(f"{n[:34]:>36}" for n in names))
    for label, key in rows:
        print(f"{label:<28}" + "".join(f"{_s(columns[n][key]):>36}" for n in names))
    total = {n: sum(columns[n][k] for k in STAGES) for n in names}
    print(f"{'jumlah tahap (tanpa impor)':<28}" + "".join(f"{_s(total[n]):>36}" for n in names))
    print(f"{'memori puncak':<28}" + "".join(f"{_mb(columns[n]['peak_mb']):>36}" for n in names))
    print("pembanding:")
    for label, key, ours in (
        ("  baca calamine", "calamine", "read"),
        ("  render docxtpl polos", "docxtpl", "render"),
    ):
        print(
            f"{label:<28}"
            + "".join(
                f"{_s(columns[n][key]) + f' (kita {columns[n][ours] / columns[n][key]:.2f}×)':>36}"
                for n in names
            )
        )


def _print_goals(measured: dict[str, float | None]) -> None:
    print("\nSasaran (mesin 2 inti):")
    for key, (label, limit, unit, at_least) in GOALS.items():
        value = measured.get(key)
        if value is None:
            print(f"  {label}: tidak terukur di sistem ini")
            continue
        met = value >= limit if at_least else value <= limit
        bound = "minimal" if at_least else "batas"
        mark = "tercapai" if met else f"TIDAK tercapai ({value / limit:.2f}× dari {bound})"
        print(f"  {label}: {value:.2f} {unit} ({bound} {limit:g} {unit}) {mark}")


def _s(seconds: float) -> str:
    return f"{seconds:.3f} s"


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} MB"


if __name__ == "__main__":
    raise SystemExit(main())
