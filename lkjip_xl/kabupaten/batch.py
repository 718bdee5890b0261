"""Every workbook in a folder: check, draft, fill, or explain why not; then one recap.

Each workbook is processed on its own (in a worker process when there are several cores), and
nothing one workbook does, not even a bug in this tool, stops the others. Outputs go to
`<out>/<name>/`: the Word draft and the filled workbook for a good workbook; the findings
(`_temuan.txt`, `_temuan.json`) for any workbook that has some, and a `_ditandai.xlsx` copy
with the problem cells highlighted for one with errors.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from lkjip_xl.base.errors import BatchTimeLimit, LkjipError, OutputRefused, WorkbookUnreadable
from lkjip_xl.base.files import atomic_path
from lkjip_xl.base.names import file_stem
from lkjip_xl.calc.serialize import results_to_dict
from lkjip_xl.contract.findings import CODES, Finding
from lkjip_xl.kabupaten.outcome import FAILED, OK, UNREADABLE, BatchItem
from lkjip_xl.kabupaten.recap import write_recap
from lkjip_xl.pipeline import DEFAULT_STAGES, Stages, Wanted, process
from lkjip_xl.write.findings_text import findings_json, findings_table, summary_line

# what each output's name ends with, after the workbook's own name
DRAFT, FILLED, MARKED = "_draf_LKjIP.docx", "_terisi.xlsx", "_ditandai.xlsx"
PDF = "_draf_LKjIP.pdf"
FINDINGS_TXT, FINDINGS_JSON, CRASH = "_temuan.txt", "_temuan.json", "_galat.txt"
DEFAULT_SECONDS = 300.0  # per workbook; one of the large benchmark takes about 3 s
_OUTPUT_SUFFIXES = (DRAFT, PDF, FILLED, MARKED, FINDINGS_TXT, FINDINGS_JSON, CRASH)
PK_FOLDER = "PK"  # <out>/<name>/PK/: the Perjanjian Kinerja documents
QUARTERLY = "_triwulan_{quarter}.docx"  # the monitoring report of one quarter


@dataclass(frozen=True)
class Documents:
    """The documents of the year a batch writes instead of the draft: the Perjanjian Kinerja
    (January: no realisasi needed) and/or the monitoring report of one quarter."""

    pk: bool = False
    quarter: int | None = None

    @property
    def any(self) -> bool:
        return self.pk or self.quarter is not None


@dataclass
class BatchResult:
    items: list[BatchItem]
    recap: list[Path] = field(default_factory=list)
    documents: Documents | None = None  # what was written instead of the draft, if asked

    @property
    def failed(self) -> list[BatchItem]:
        return [i for i in self.items if not i.ok]

    @property
    def pdf_problems(self) -> list[BatchItem]:
        """Workbooks whose draft was written but whose PDF, asked for, was not."""
        return [i for i in self.items if i.pdf_problem]


WORKBOOK_SUFFIXES = (".xlsx", ".ods")  # LibreOffice's own format is read as it is


def find_workbooks(folder: str | Path) -> list[Path]:
    """The .xlsx and .ods files directly in `folder`, without lock files (Excel's ~$…,
    LibreOffice's .~lock…) and hidden files."""
    folder = Path(folder)
    if not folder.is_dir():
        raise WorkbookUnreadable(f"Folder '{folder}' tidak ditemukan. Periksa nama dan foldernya.")
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in WORKBOOK_SUFFIXES
        and not p.name.startswith(("~$", "."))
    )


def run_batch(
    folder: str | Path,
    out_dir: str | Path,
    template: str | Path | None = None,
    workers: int | None = None,
    on_done: Callable[[BatchItem], None] | None = None,
    worker: Callable[..., BatchItem] | None = None,
    stages: Stages = DEFAULT_STAGES,
    pdf: bool = False,
    seconds: float | None = DEFAULT_SECONDS,
    documents: Documents = Documents(),
) -> BatchResult:
    """Process every workbook of `folder` into `out_dir`, then write the recap there; with
    `pdf`, each draft as PDF too (through LibreOffice, each conversion in its own profile).

    `worker` replaces process_one (tests use it to simulate a worker that dies); `stages`
    replaces steps of the pipeline inside it (a compute that raises). A workbook that takes
    longer than `seconds` fails alone with that reason (None: no limit). `documents` asks for
    the PK documents and/or a quarterly report instead of the draft and the filled copy.
    """
    worker = worker or process_one
    folder, out_dir = Path(folder), Path(out_dir)
    if folder.resolve() == out_dir.resolve():
        raise OutputRefused(
            "Folder keluaran sama dengan folder buku kerja. Pilih folder keluaran lain, "
            "mis. -o keluaran/."
        )
    paths = find_workbooks(folder)
    jobs = list(zip(paths, _output_folders(paths), strict=True))
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    items: list[BatchItem] = []
    # the documents only when asked: a worker written for the draft alone keeps working
    extra = (documents,) if documents.any else ()
    tasks: list[Task] = [
        (str(path), str(out_dir / name), _str(template), stages, pdf, *extra) for path, name in jobs
    ]

    def done(item: BatchItem) -> None:
        items.append(item)
        if on_done:
            on_done(item)

    if workers == 1:
        for task in tasks:
            done(within_time(worker, seconds, *task))
    else:
        for task in _in_pool(worker, seconds, tasks, workers, done):
            # the pool broke (a worker killed by the system, e.g. out of memory): every
            # unfinished workbook runs again in a pool of its own, so only the culprit fails
            lost = _in_pool(worker, seconds, [task], 1, done)
            for path, out, *_ in lost:
                done(BatchItem(Path(path).name, Path(out).name, reason=_KILLED))
    order = {path.name: i for i, (path, _) in enumerate(jobs)}
    items.sort(key=lambda i: order[i.source])
    result = BatchResult(items, documents=documents if documents.any else None)
    if items:
        result.recap = write_recap(items, out_dir)
    return result


_KILLED = (
    "proses pengolahnya dihentikan sistem (mungkin kehabisan memori); buka dan simpan ulang "
    "buku kerja di Excel, hapus gambar/sheet yang tidak perlu, lalu coba lagi"
)


# (workbook, out folder, template, stages, pdf[, documents])
Task = (
    tuple[str, str, str | None, Stages, bool] | tuple[str, str, str | None, Stages, bool, Documents]
)


def _in_pool(
    worker: Callable[..., BatchItem],
    seconds: float | None,
    tasks: list[Task],
    workers: int,
    done: Callable[[BatchItem], None],
) -> list[Task]:
    """Run tasks in a process pool, reporting each finished item; return the tasks lost."""
    lost: list[Task] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(within_time, worker, seconds, *task): task for task in tasks}
        for future in as_completed(futures):
            try:
                done(future.result())
            except BrokenProcessPool:
                lost.append(futures[future])
    return lost


_HARD_GRACE = 30.0  # past the limit, a worker stuck where the alarm cannot reach it is ended


def within_time(
    worker: Callable[..., BatchItem], seconds: float | None, *task: object
) -> BatchItem:
    """`worker(*task)`, failed alone with a reason when it runs past `seconds`.

    An alarm interrupts the work between two Python steps (its temporary files are removed on
    the way out); a pool worker stuck inside a library past a further grace period ends itself,
    and the pool reruns only that workbook. Windows has no alarm: there, no limit.
    """
    if not seconds or not hasattr(signal, "setitimer"):
        return worker(*task)
    hard = None
    if multiprocessing.parent_process() is not None:  # a pool worker, never the command itself
        hard = threading.Timer(seconds + _HARD_GRACE, os._exit, (70,))
        hard.daemon = True
        hard.start()
    previous = signal.signal(signal.SIGALRM, _past_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return worker(*task)
    except BatchTimeLimit:
        path, out = Path(str(task[0])), Path(str(task[1]))
        reason = (
            f"dihentikan setelah {seconds:g} detik (batas per buku kerja, --batas-detik); buku "
            "kerja LKjIP biasa selesai dalam beberapa detik: hapus baris, sheet atau gambar yang "
            "tidak perlu lalu coba lagi"
        )
        return BatchItem(path.name, out.name, status=FAILED, reason=reason)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if hard is not None:
            hard.cancel()


def _past_time(_signum: int, _frame: object) -> None:
    raise BatchTimeLimit


def process_one(
    path: str,
    out_dir: str,
    template: str | None = None,
    stages: Stages = DEFAULT_STAGES,
    pdf: bool = False,
    documents: Documents = Documents(),
) -> BatchItem:
    """Check one workbook and write its outputs. Never raises: every failure becomes the item's reason."""
    started = time.perf_counter()
    source, out = Path(path), Path(out_dir)
    item = BatchItem(source.name, out.name)
    _remove_stale_outputs(out)
    try:
        _process(source, out, template, item, stages, pdf, documents)
    except WorkbookUnreadable as exc:
        item.status, item.reason = UNREADABLE, str(exc)
        _write_text(out / f"{out.name}{FINDINGS_TXT}", str(exc) + "\n", item)
    except LkjipError as exc:
        item.status, item.reason = FAILED, str(exc)
    except Exception as exc:  # a bug in this tool must not stop the other workbooks
        item.status = FAILED
        item.reason = (
            f"kesalahan internal alat ({type(exc).__name__}: {exc}); laporkan ke pengelola"
        )
        _write_text(out / f"{out.name}{CRASH}", traceback.format_exc(), item)
    item.seconds = time.perf_counter() - started
    return item


def _process(
    source: Path,
    out: Path,
    template: str | None,
    item: BatchItem,
    stages: Stages,
    pdf: bool,
    documents: Documents = Documents(),
) -> None:
    stem = out.name
    wanted = Wanted(
        draft=out / f"{stem}{DRAFT}",
        filled=out / f"{stem}{FILLED}",
        marked=out / f"{stem}{MARKED}",
        template=Path(template) if template else None,
        pdf=out / f"{stem}{PDF}" if pdf else None,
    )
    if documents.any:
        wanted = _documents_wanted(out, documents, pdf)
    done = process(source, wanted, stages)
    identity = done.read.identity
    if identity is not None:
        item.kecamatan, item.kabupaten, item.tahun = (
            identity.kecamatan,
            identity.kabupaten,
            identity.tahun,
        )
    if done.pdf_problem is not None:
        item.pdf_problem = str(done.pdf_problem)
    findings = done.read.findings
    item.errors, item.warnings = len(done.read.errors), len(done.read.warnings)
    if findings:
        report = findings_table(findings) + "\n\n" + summary_line(findings) + "\n"
        _write_text(out / f"{stem}{FINDINGS_TXT}", report, item)
        _write_text(
            out / f"{stem}{FINDINGS_JSON}", findings_json(findings, workbook=source.name), item
        )
    item.outputs += [
        str(path.relative_to(out)) if path.is_relative_to(out) else path.name
        for path in done.written
    ]
    if done.results is None or done.read.workbook is None:
        item.status, item.reason = FAILED, _reason(done.read.errors)
        return
    item.figures = results_to_dict(done.read.workbook, done.results)
    item.status = OK


def _documents_wanted(out: Path, documents: Documents, pdf: bool) -> Wanted:
    """The PK folder and/or the quarterly report, and the marked copy when there are errors."""
    quarter = documents.quarter
    return Wanted(
        marked=out / f"{out.name}{MARKED}",
        pk=out / PK_FOLDER if documents.pk else None,
        quarter=quarter,
        triwulan=out / f"{out.name}{QUARTERLY.format(quarter=quarter)}" if quarter else None,
        documents_pdf=pdf,
    )


def _remove_stale_outputs(out: Path) -> None:
    """A previous run's outputs would contradict this run's (a draft beside new errors)."""
    for suffix in _OUTPUT_SUFFIXES:
        (out / f"{out.name}{suffix}").unlink(missing_ok=True)
    stale = [*(out / PK_FOLDER).glob("PK_*.*"), *out.glob(f"{out.name}_triwulan_*.*")]
    for path in stale:
        path.unlink(missing_ok=True)


def _reason(errors: list[Finding]) -> str:
    """The most frequent kinds of error with where they start, e.g. 'Bukan angka (3×, dari Sasaran!I2)'."""
    counts = Counter(f.code for f in errors)
    first: dict[str, str] = {}
    for f in errors:
        first.setdefault(f.code, f"{f.sheet}!{f.cell}" if f.sheet and f.cell else "")
    parts = []
    for code, n in counts.most_common(3):
        where = first[code]
        detail = f"{n}×, dari {where}" if n > 1 and where else (f"{n}×" if n > 1 else where)
        parts.append(CODES[code].title + (f" ({detail})" if detail else ""))
    more = len(counts) - 3
    return ", ".join(parts) + (f", dan {more} jenis lain" if more > 0 else "")


def _write_text(path: Path, text: str, item: BatchItem) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    item.outputs.append(path.name)


def _output_folders(paths: list[Path]) -> list[str]:
    """One safe, distinct folder name per workbook."""
    names: list[str] = []
    used: set[str] = set()
    for p in paths:
        base = file_stem(p.stem, "buku_kerja")
        name, n = base, 2
        while name.lower() in used:
            name, n = f"{base}_{n}", n + 1
        used.add(name.lower())
        names.append(name)
    return names


def _str(path: str | Path | None) -> str | None:
    return None if path is None else str(path)


def _named(item: BatchItem) -> str:
    """'Kecamatan Long Ikis (Long Ikis.xlsx)', or the file name alone when no name was read."""
    return f"Kecamatan {item.kecamatan} ({item.source})" if item.kecamatan else item.source


def _written_label(documents: Documents | None) -> str:
    if documents is None:
        return "draf Word dan buku kerja terisi"
    parts = ["Perjanjian Kinerja"] if documents.pk else []
    if documents.quarter:
        parts.append(f"laporan pemantauan triwulan {documents.quarter}")
    return " dan ".join(parts)


def batch_summary(result: BatchResult, out_dir: object) -> str:
    """What a batch did, in counts and names: who passed, who failed and why, where to look."""
    items, failed = result.items, result.failed
    lines = [
        f"Selesai: {len(items)} buku kerja; {len(items) - len(failed)} lengkap, "
        f"{len(failed)} belum dapat diolah."
    ]
    done = [i for i in items if i.ok]
    if done:
        lines.append(f"Lengkap ({_written_label(result.documents)} ditulis):")
        lines += [
            f"  {_named(i)}" + (f" ({i.warnings} peringatan)" if i.warnings else "") for i in done
        ]
    if failed:
        lines.append("Belum dapat diolah:")
        for i in failed:
            count = f"{i.errors} kesalahan: " if i.errors else ""
            lines.append(f"  {_named(i)} [{i.status}] {count}{i.reason}")
            lines.append(f"    lihat {out_dir}/{i.folder}/")
    missing = result.pdf_problems
    if missing:
        lines.append(f"PDF belum dibuat untuk {len(missing)} draf: {missing[0].pdf_problem}")
    if result.recap:
        lines.append("Rekap: " + ", ".join(str(p) for p in result.recap))
    return "\n".join(lines)
