"""The report's charts, declared once (`CHARTS`), each as a function from the figures to ChartSpecs.

A chart is data and style (chart_spec.py), not a drawing: the draft gets a native Word chart
with its data workbook (native_chart.py, placed by chart_placeholder.py), the web page an inline
SVG (web/svg_charts.py), both from the same spec.

Adding a chart to the draft: write its build function (Results -> ChartSpecs; none when there is
nothing to show), add it to `CHARTS`, and place it in the template builder with `b.chart(name)`.
The caption, the template tag and the web page all read `CHARTS`. A *repeated* chart (one per
SKM unsur) gives one spec per item; the template loops over `grafik.<name>`, whose items carry
the chart (`g.grafik`) and its caption (`g.keterangan`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.calc import Results
from lkjip_xl.calc.staff import CountRow
from lkjip_xl.contract.ranks import GROUPS
from lkjip_xl.report.chart_spec import (
    ANSWER_COLOURS,
    BLUE,
    DECIMAL_2,
    GREY,
    LIGHT_RED,
    PALETTE,
    PERCENT,
    PERCENT_AXIS,
    RED,
    WHOLE,
    ChartSpec,
    Kind,
    Series,
)
from lkjip_xl.report.markers import CHART_NUMBER

if TYPE_CHECKING:  # the drawing modules import python-docx and python-pptx: only when drawing
    from lkjip_xl.report.chart_placeholder import DrawnChart

ANSWER_NAMES = ("Tidak baik", "Kurang baik", "Baik", "Sangat baik")  # SKM answers 1 … 4


def capaian_chart(results: Results) -> list[ChartSpec]:
    """Capaian per indicator against 100 %: blue at or above target, red below."""
    measured = [(r.source.indikator, r.capaian.value) for r in results.indicators]
    rows = [(name, value) for name, value in measured if value is not None]
    if not rows:
        return []
    values = tuple(value for _, value in rows)
    top = max((*values, 100.0))
    series = Series(
        "Capaian (%)",
        values,
        BLUE,
        point_colours=tuple(BLUE if v >= 100 else RED for v in values),
    )
    return [
        ChartSpec(
            Kind.BAR,
            tuple(name for name, _ in rows),
            (series,),
            number_format=PERCENT,
            axis_format=PERCENT_AXIS,
            axis_min=0,
            axis_max=_nice_ceiling(top * 1.2, 20),
            major_unit=100,  # the only gridline inside is at 100 %: the target
            gridlines=True,
            alt_text="Capaian tiap indikator kinerja dibanding target 100%",
        )
    ]


def serapan_chart(results: Results) -> list[ChartSpec]:
    programs = [
        (_program_name(b.uraian), b.serapan)
        for b in results.budget
        if b.level == "program" and b.serapan is not None
    ]
    if not programs:
        return []
    values = tuple(s for _, s in programs)
    return [
        ChartSpec(
            Kind.BAR,
            tuple(name for name, _ in programs),
            (Series("Serapan (%)", values, BLUE),),
            number_format=PERCENT,
            axis_format=PERCENT_AXIS,
            axis_min=0,
            axis_max=_nice_ceiling(max((*values, 100.0)) * 1.2, 20),
            major_unit=20,
            alt_text="Serapan anggaran tiap program",
        )
    ]


def _program_name(uraian: str) -> str:
    """Programs are often typed in capitals; a chart reads better in title case."""
    return uraian.title() if uraian.isupper() else uraian


def ikm_chart(results: Results) -> list[ChartSpec]:
    skm = results.skm
    if skm is None or skm.ikm is None:
        return []
    elements = [(e.code, e.nrr) for e in skm.elements if e.nrr is not None]
    return [
        ChartSpec(
            Kind.COLUMN,
            tuple(code for code, _ in elements),
            (Series("Nilai rata-rata (NRR)", tuple(nrr for _, nrr in elements), BLUE),),
            title=f"IKM {fmt_number(skm.ikm)} (mutu {skm.mutu}, {skm.kinerja})",
            number_format=DECIMAL_2,
            axis_format="0.0",
            value_title="Nilai rata-rata (NRR)",
            axis_min=1,
            axis_max=4,
            major_unit=0.5,
            gridlines=True,
            alt_text="Nilai rata-rata tiap unsur pelayanan",
        )
    ]


def answer_share_chart(results: Results) -> list[ChartSpec]:
    """The share of each answer (1–4) per unsur, each bar adding up to 100 %."""
    skm = results.skm
    if skm is None or not skm.elements:
        return []
    series = tuple(
        Series(
            f"{answer} {ANSWER_NAMES[answer - 1]}",
            tuple(e.shares[answer] for e in skm.elements),
            ANSWER_COLOURS[answer - 1],
        )
        for answer in (1, 2, 3, 4)
    )
    return [
        ChartSpec(
            Kind.STACKED_BAR_100,
            tuple(f"{e.code} {e.name}" for e in skm.elements),
            series,
            number_format='0"%"',
            axis_format="0%",
            hide_labels_below=5,
            alt_text="Persentase jawaban responden tiap unsur",
        )
    ]


def element_charts(results: Results) -> list[ChartSpec]:
    """One small pie per unsur: how its respondents answered (counts; labels show shares)."""
    skm = results.skm
    if skm is None or not skm.elements:
        return []
    return [
        ChartSpec(
            Kind.PIE,
            ANSWER_NAMES,
            (
                Series(
                    "Jumlah responden",
                    tuple(float(e.counts[a]) for a in (1, 2, 3, 4)),
                    point_colours=ANSWER_COLOURS,
                ),
            ),
            number_format=WHOLE,
            pie_percent=True,
            hide_labels_below=e.answers * 0.02,  # no label on a slice under 2 %
            width_mm=110,
            label=e.name,
            alt_text=f"Penilaian responden untuk unsur {e.name}",
        )
        for e in skm.elements
        if e.answers
    ]


def perubahan_chart(results: Results) -> list[ChartSpec]:
    programs = [
        (_program_name(b.uraian), b.pagu_sebelum, b.pagu)
        for b in results.budget
        if b.level == "program" and b.pagu_sebelum is not None
    ]
    if not programs:
        return []
    return [
        ChartSpec(
            Kind.BAR,
            tuple(name for name, _, _ in programs),
            (
                Series("Sebelum perubahan", tuple(p[1] for p in programs), GREY),
                # a program dropped in the perubahan has no pagu after it
                Series("Setelah perubahan", tuple(p[2] or 0.0 for p in programs), BLUE),
            ),
            number_format=WHOLE,
            value_title="Pagu (Rp)",
            data_labels=False,
            gridlines=True,
            alt_text="Pagu tiap program sebelum dan setelah perubahan",
        )
    ]


def population_sex_chart(results: Results) -> list[ChartSpec]:
    """The kecamatan's people by sex, as shares of a pie."""
    pop = results.population
    total = pop.total if pop else None
    if total is None or total.laki_laki is None or total.perempuan is None:
        return []
    return [
        ChartSpec(
            Kind.PIE,
            ("Laki-laki", "Perempuan"),
            (
                Series(
                    "Jumlah penduduk",
                    (float(total.laki_laki), float(total.perempuan)),
                    point_colours=(BLUE, LIGHT_RED),
                ),
            ),
            number_format=WHOLE,
            pie_percent=True,
            width_mm=110,
            alt_text="Persentase penduduk menurut jenis kelamin",
        )
    ]


def population_village_chart(results: Results) -> list[ChartSpec]:
    """People per desa, laki-laki beside perempuan."""
    pop = results.population
    rows = [v for v in (pop.villages if pop else ()) if v.jumlah is not None]
    if not rows:
        return []
    return [
        ChartSpec(
            Kind.BAR,
            tuple(v.nama for v in rows),
            (
                Series("Laki-laki", tuple(float(v.laki_laki or 0) for v in rows), BLUE),
                Series("Perempuan", tuple(float(v.perempuan or 0) for v in rows), LIGHT_RED),
            ),
            number_format=WHOLE,
            value_title="Jiwa",
            gridlines=True,
            alt_text="Penduduk tiap desa/kelurahan menurut jenis kelamin",
        )
    ]


def _staff_rows(rows: Sequence[CountRow]) -> list[CountRow]:
    """The rows a chart shows: the details, except the golongan table's ruang (I/a …), which
    the chart shows by group (its subtotals) as the reports do."""
    return [
        r
        for r in rows
        if r.kind == "subtotal"
        or (r.kind == "detail" and r.label.split(" ")[0].split("/")[0] not in GROUPS)
    ]


def _staff_chart(table: str, kind: Kind, alt: str) -> Callable[[Results], list[ChartSpec]]:
    """A chart of one staff table (calc/staff.py): its detail rows, people per row."""

    def build(results: Results) -> list[ChartSpec]:
        staff = results.staff
        rows = _staff_rows(getattr(staff, table, ())) if staff else []
        if len(rows) < 2:  # one bar or one slice says nothing a table does not
            return []
        values = tuple(float(r.jumlah) for r in rows)
        if kind is Kind.PIE:
            series = Series("Jumlah pegawai", values, point_colours=PALETTE[: len(rows)])
            return [
                ChartSpec(
                    kind,
                    tuple(r.label for r in rows),
                    (series,),
                    number_format=WHOLE,
                    pie_percent=True,
                    width_mm=110,
                    alt_text=alt,
                )
            ]
        return [
            ChartSpec(
                kind,
                tuple(r.label for r in rows),
                (Series("Jumlah pegawai", values, BLUE),),
                number_format=WHOLE,
                value_title="Orang",
                axis_min=0,
                gridlines=True,
                alt_text=alt,
            )
        ]

    return build


def history_charts(results: Results) -> list[ChartSpec]:
    """One chart per indicator with several years: target and realisasi per year."""
    out = []
    for h in results.history:
        points = [p for p in h.points if p.realisasi.number is not None]
        if len(points) < 2 or not any(p.source == "riwayat" for p in points):
            continue  # without Riwayat, the sasaran's table already shows last year
        out.append(
            ChartSpec(
                Kind.COLUMN,
                tuple(str(p.year) for p in points),
                (
                    Series("Target", tuple(p.target.number for p in points), GREY),
                    Series("Realisasi", tuple(p.realisasi.number for p in points), BLUE),
                ),
                number_format=DECIMAL_2,
                gridlines=True,
                width_mm=120,
                label=h.indikator,
                alt_text=f"Target dan realisasi {h.indikator} beberapa tahun",
            )
        )
    return out


def budget_years_chart(results: Results) -> list[ChartSpec]:
    years = results.budget_history.unit if results.budget_history else ()
    if len(years) < 2:
        return []
    return [
        ChartSpec(
            Kind.COLUMN,
            tuple(str(y.year) for y in years),
            (
                Series("Pagu", tuple(y.pagu for y in years), GREY),
                Series("Realisasi", tuple(y.realisasi for y in years), BLUE),
            ),
            number_format=WHOLE,
            value_title="Rupiah",
            data_labels=False,
            gridlines=True,
            alt_text="Pagu dan realisasi anggaran beberapa tahun",
        )
    ]


def _nice_ceiling(value: float, step: float) -> float:
    """The axis end: `value` rounded up to a multiple of `step`."""
    return float(-(-value // step) * step)


@dataclass(frozen=True)
class Chart:
    """One chart of the draft: `{{ grafik.<name> }}` and its caption `{{ captions.g_<name> }}`;
    a repeated chart is a list `grafik.<name>` of `{grafik, keterangan, label}`."""

    name: str
    title: str  # the caption after "Grafik n.n"; a repeated chart's adds each item's label
    build: Callable[[Results], list[ChartSpec]]
    on_page: bool  # the web page's results show it too
    shown_if: str | None = None  # a context value that must hold too, as for a table (specs.py)
    repeated: bool = False

    @property
    def caption_key(self) -> str:
        return f"g_{self.name}"

    def caption_text(self, label: str = "") -> str:
        """'Grafik <marker> Title'; the marker is numbered after rendering (numbering.py)."""
        title = f"{self.title} {label}".strip() if self.repeated else self.title
        return f"Grafik {CHART_NUMBER} {title}"


CHARTS: dict[str, Chart] = {
    c.name: c
    for c in (
        Chart(
            "penduduk_jk",
            "Persentase Penduduk Menurut Jenis Kelamin",
            population_sex_chart,
            on_page=False,
        ),
        Chart(
            "penduduk_desa",
            "Penduduk Menurut Desa/Kelurahan dan Jenis Kelamin",
            population_village_chart,
            on_page=False,
        ),
        Chart(
            "pegawai_golongan",
            "Jumlah Pegawai Berdasarkan Golongan",
            _staff_chart("golongan", Kind.COLUMN, "Jumlah pegawai tiap golongan"),
            on_page=False,
        ),
        Chart(
            "pegawai_pendidikan",
            "Jumlah Pegawai Berdasarkan Tingkat Pendidikan",
            _staff_chart("pendidikan", Kind.COLUMN, "Jumlah pegawai tiap tingkat pendidikan"),
            on_page=False,
        ),
        Chart(
            "pegawai_jenis_kelamin",
            "Persentase Pegawai Berdasarkan Jenis Kelamin",
            _staff_chart("jenis_kelamin", Kind.PIE, "Pegawai menurut jenis kelamin"),
            on_page=False,
        ),
        Chart(
            "pegawai_status",
            "Persentase Pegawai Berdasarkan Status Kepegawaian",
            _staff_chart("status", Kind.PIE, "Pegawai menurut status kepegawaian"),
            on_page=False,
        ),
        Chart(
            "capaian", "Capaian Indikator Kinerja terhadap Target 100%", capaian_chart, on_page=True
        ),
        Chart("serapan", "Serapan Anggaran per Program", serapan_chart, on_page=True),
        Chart(
            "ikm",
            "Nilai Rata-rata per Unsur Pelayanan",
            ikm_chart,
            on_page=True,
            shown_if="ada_skm",
        ),
        Chart(
            "sebaran",
            "Sebaran Jawaban Responden per Unsur",
            answer_share_chart,
            on_page=True,
            shown_if="ada_skm",
        ),
        Chart(
            "unsur",
            "Penilaian Responden Berdasarkan",
            element_charts,
            on_page=False,
            shown_if="ada_skm",
            repeated=True,
        ),
        Chart(
            "riwayat",
            "Target dan Realisasi Beberapa Tahun:",
            history_charts,
            on_page=False,
            repeated=True,
        ),
        Chart(
            "anggaran_tahunan",
            "Pagu dan Realisasi Anggaran Beberapa Tahun",
            budget_years_chart,
            on_page=False,
        ),
        Chart(
            "perubahan",
            "Pagu Program Sebelum dan Sesudah Perubahan",
            perubahan_chart,
            on_page=False,
        ),
    )
}
PAGE_CHARTS = tuple(name for name, chart in CHARTS.items() if chart.on_page)


def chart_specs(results: Results) -> dict[str, list[ChartSpec]]:
    """Every chart's specs by name (an empty list where there is nothing to show)."""
    return {name: chart.build(results) for name, chart in CHARTS.items()}


def draw_charts(
    results: Results, specs: dict[str, list[ChartSpec]] | None = None
) -> dict[str, Sequence[DrawnChart]]:
    """Every chart drawn as native chart parts, by name (empty where there is nothing to show)."""
    from lkjip_xl.report.chart_placeholder import draw

    specs = chart_specs(results) if specs is None else specs
    return {name: [draw(spec) for spec in found] for name, found in specs.items()}
