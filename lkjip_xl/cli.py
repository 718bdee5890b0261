"""The `lkjip` command. It parses arguments, calls the public API and prints; it holds no logic."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Protocol

from lkjip_xl import api
from lkjip_xl.base.errors import ExitCode, LkjipError, UsageProblem, WorkbookUnreadable
from lkjip_xl.base.files import refuse_existing
from lkjip_xl.base.names import copy_name_note, workbook_copy_name
from lkjip_xl.contract.findings import Finding
from lkjip_xl.pipeline import can_mark
from lkjip_xl.write.findings_text import (
    findings_json,
    findings_table,
    headline_text,
    summary_line,
)

if TYPE_CHECKING:
    from lkjip_xl.kabupaten.outcome import BatchItem

EXIT_OK, EXIT_FINDINGS = ExitCode.OK, ExitCode.FINDINGS
_PDF_HELP = (
    "tulis juga PDF di samping draf .docx, daftar isi/tabel/grafik terisi (perlu LibreOffice)"
)


class _HasFindings(Protocol):
    """What a command's result shows: its findings, and whether its output was written."""

    @property
    def findings(self) -> list[Finding]: ...

    @property
    def ok(self) -> bool: ...


class _Parser(argparse.ArgumentParser):
    """argparse, but a wrong command line exits 64 (EX_USAGE), not 2 (which means unreadable)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return ExitCode.USAGE
    _utf8_stdout()
    try:
        return int(args.func(args))
    except WorkbookUnreadable as exc:
        print(f"Tidak dapat membaca: {exc}", file=sys.stderr)
        return exc.exit_code
    except LkjipError as exc:
        print(str(exc), file=sys.stderr)
        _forget_cause(exc)
        return exc.exit_code
    except OSError as exc:  # a folder without permission, a full disk: a sentence, not a traceback
        where = f" '{exc.filename}'" if exc.filename else ""
        print(
            f"Berkas atau folder{where} tidak dapat dipakai: {exc.strerror or exc}.",
            file=sys.stderr,
        )
        return ExitCode.OUTPUT_REFUSED


def _forget_cause(exc: BaseException) -> None:
    """Free what a failed writer left (a full disk stops openpyxl mid-sheet) without letting its
    half-closed generators print "Exception ignored" tracebacks: the sentence said it all."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        exc.__cause__ = exc.__context__ = exc.__traceback__ = None
        gc.collect()  # the writer's objects hold each other: freed only by a collection
    finally:
        sys.unraisablehook = hook


def _utf8_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="lkjip", description="Buku kerja Excel kecamatan → draf LKjIP (Word).")
    sub = p.add_subparsers(title="perintah", parser_class=_Parser)

    t = sub.add_parser(
        "template",
        help="tulis buku kerja kosong standar (satu, satu per kecamatan, atau tahun berikutnya)",
    )
    t.add_argument(
        "-o", "--output", required=True, help="berkas .xlsx keluaran (folder bila --daftar)"
    )
    source = t.add_mutually_exclusive_group()
    source.add_argument(
        "--daftar",
        metavar="DAFTAR.xlsx",
        help="satu buku kerja per baris daftar kecamatan (judul kolom = label sheet Identitas)",
    )
    source.add_argument(
        "--dari",
        metavar="BUKU_LALU.xlsx",
        help="buku kerja tahun berikutnya dari buku kerja tahun ini",
    )
    t.add_argument(
        "--timpa",
        action="store_true",
        help="ganti berkas -o yang sudah ada (bawaan: berkas yang ada tidak pernah ditimpa)",
    )
    t.add_argument("--kecamatan")
    t.add_argument("--kabupaten")
    t.add_argument("--provinsi")
    t.add_argument("--tahun", type=int)
    t.set_defaults(func=_cmd_template)

    v = sub.add_parser("validate", help="periksa buku kerja dan tampilkan setiap masalah")
    v.add_argument("workbook")
    v.add_argument("--format", choices=["table", "json"], default="table")
    v.add_argument(
        "--tandai", metavar="SALINAN.xlsx", help="tulis salinan dengan sel bermasalah ditandai"
    )
    v.add_argument(
        "--untuk",
        choices=["laporan", "pk", "tw1", "tw2", "tw3", "tw4"],
        help="periksa untuk satu dokumen: laporan (realisasi wajib), pk (Januari: realisasi "
        "belum perlu), tw1–tw4 (realisasi Rencana Aksi sampai triwulan itu)",
    )
    v.set_defaults(func=_cmd_validate)

    f = sub.add_parser("fill", help="tulis salinan buku kerja dengan kolom hitungan terisi")
    f.add_argument("workbook")
    f.add_argument("-o", "--output", required=True, help="berkas .xlsx keluaran")
    f.set_defaults(func=_cmd_fill)

    c = sub.add_parser("compute", help="hitung semua angka dan cetak sebagai JSON atau ringkasan")
    c.add_argument("workbook")
    c.add_argument("--format", choices=["json", "table"], default="json")
    c.set_defaults(func=_cmd_compute)

    b = sub.add_parser(
        "batch", help="periksa dan olah semua buku kerja di satu folder, lalu tulis rekap"
    )
    b.add_argument("folder", help="folder berisi buku kerja .xlsx kecamatan")
    b.add_argument("-o", "--output", required=True, help="folder keluaran")
    b.add_argument("--template", help="templat Word sendiri")
    b.add_argument(
        "--proses", type=int, metavar="N", help="jumlah proses paralel (bawaan: jumlah inti CPU)"
    )
    b.add_argument("--pdf", action="store_true", help=_PDF_HELP)
    b.add_argument(
        "--batas-detik",
        type=float,
        default=300.0,
        metavar="DETIK",
        help="batas waktu per buku kerja; yang melewatinya gagal sendiri (bawaan: 300)",
    )
    b.add_argument(
        "--pk",
        action="store_true",
        help="tulis Perjanjian Kinerja tiap kecamatan (folder PK/), bukan draf LKjIP",
    )
    b.add_argument(
        "--tw",
        type=int,
        choices=[1, 2, 3, 4],
        help="tulis laporan pemantauan triwulan ini tiap kecamatan, bukan draf LKjIP",
    )
    b.set_defaults(func=_cmd_batch)

    s = sub.add_parser(
        "serve", help="jalankan halaman web untuk staf (unggah, periksa, unduh draf)"
    )
    s.add_argument(
        "--host",
        default="127.0.0.1",
        help="alamat dengar (bawaan 127.0.0.1: hanya komputer ini; 0.0.0.0: seluruh jaringan kantor)",
    )
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--batas-mb", type=int, default=20, help="ukuran unggahan terbesar (MB)")
    s.add_argument(
        "--simpan-unggahan",
        metavar="FOLDER",
        help="simpan salinan setiap unggahan di folder ini (bawaan: tidak disimpan)",
    )
    s.add_argument(
        "--thread", type=int, default=32, help="jumlah permintaan yang dilayani bersamaan"
    )
    s.add_argument(
        "--sandi-berkas",
        metavar="BERKAS",
        help="minta kata sandi kantor (baris pertama BERKAS; atau variabel LKJIP_SANDI) sebelum "
        "halaman dapat dipakai; tanpa ini tidak ada kata sandi",
    )
    s.set_defaults(func=_cmd_serve)

    r = sub.add_parser("report", help="tulis draf Word LKjIP")
    r.add_argument("workbook")
    r.add_argument("-o", "--output", required=True, help="berkas .docx keluaran")
    r.add_argument(
        "--template", help="templat Word sendiri (bawaan: docx_templates/lkjip_standar.docx)"
    )
    r.add_argument("--pdf", action="store_true", help=_PDF_HELP)
    r.set_defaults(func=_cmd_report)

    k = sub.add_parser(
        "pk",
        help="tulis Perjanjian Kinerja camat dan setiap pejabat (bisa Januari, tanpa realisasi)",
    )
    k.add_argument("workbook")
    k.add_argument("-o", "--output", required=True, help="folder keluaran (.docx per pejabat)")
    k.add_argument("--pdf", action="store_true", help="tulis juga PDF tiap dokumen")
    k.set_defaults(func=_cmd_pk)

    w = sub.add_parser("triwulan", help="tulis laporan pemantauan Rencana Aksi satu triwulan")
    w.add_argument("workbook")
    w.add_argument("--tw", type=int, choices=[1, 2, 3, 4], required=True, help="triwulan 1–4")
    w.add_argument("-o", "--output", required=True, help="berkas .docx keluaran")
    w.add_argument("--pdf", action="store_true", help="tulis juga PDF laporan")
    w.set_defaults(func=_cmd_triwulan)
    return p


def _print_findings(findings: list[Finding], fmt: str, **extra: object) -> None:
    if fmt == "json":
        print(findings_json(findings, **extra))
        return
    table = findings_table(findings)
    if table:
        print(table)
        print()
    print(summary_line(findings))


def _cmd_template(args: argparse.Namespace) -> int:
    if args.daftar:
        return _cmd_distribute(args)
    if not args.timpa:  # it may be a filled workbook: replaced only when told
        refuse_existing(args.output)
    if args.dari:
        return _cmd_carry_forward(args)
    prefill = {
        k: getattr(args, k) for k in ("kecamatan", "kabupaten", "provinsi") if getattr(args, k)
    }
    if args.tahun:
        prefill["tahun"] = args.tahun
    out = api.write_template(args.output, prefill)
    print(f"Buku kerja kosong ditulis: {out}")
    return EXIT_OK


def _cmd_distribute(args: argparse.Namespace) -> int:
    result = api.distribute(args.daftar, args.output)
    written = [f"  {path}" for path in result.written]
    written.append(f"{len(result.written)} buku kerja kosong ditulis ke {args.output}")
    return _report_output(
        result,
        "Tidak ada buku kerja yang ditulis; perbaiki daftar lalu ulangi.",
        "\n".join(written),
    )


def _cmd_carry_forward(args: argparse.Namespace) -> int:
    result = api.carry_forward(args.dari, args.output)
    return _report_output(
        result,
        "Buku kerja tahun berikutnya tidak ditulis; perbaiki buku kerja asal lalu ulangi.",
        f"Buku kerja tahun {result.year} ditulis: {result.output}. Target dan realisasi tahun lalu "
        "sudah dipindahkan; isi target, realisasi, anggaran dan SKM tahun ini.",
    )


def _cmd_batch(args: argparse.Namespace) -> int:
    paths = api.find_workbooks(args.folder)
    if not paths:
        print(f"Tidak ada berkas .xlsx di folder {args.folder}.")
        return EXIT_FINDINGS
    from tqdm import tqdm

    from lkjip_xl.kabupaten.batch import batch_summary

    # the bar goes to stderr and only on a terminal; a log file gets the summary alone
    with tqdm(
        total=len(paths), unit="buku", desc="Memproses", disable=not sys.stderr.isatty()
    ) as bar:

        def done(item: BatchItem) -> None:
            bar.set_postfix_str(item.source[:30])
            bar.update(1)

        from lkjip_xl.kabupaten.batch import Documents

        result = api.run_batch(
            args.folder,
            args.output,
            args.template,
            args.proses,
            on_done=done,
            pdf=args.pdf,
            seconds=args.batas_detik,
            documents=Documents(pk=args.pk, quarter=args.tw),
        )
    print(batch_summary(result, args.output))
    if result.failed:
        return EXIT_FINDINGS
    return ExitCode.CONVERTER_MISSING if result.pdf_problems else EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    import waitress

    from lkjip_xl.web import create_app
    from lkjip_xl.web.serving import upload_slots, waitress_settings

    password = _office_password(args.sandi_berkas)
    app = create_app(
        limit_mb=args.batas_mb,
        keep_uploads=args.simpan_unggahan,
        password=password,
        upload_slots=upload_slots(args.thread),
    )
    local = args.host in ("127.0.0.1", "localhost", "::1")
    where = "hanya dari komputer ini" if local else "dari jaringan"
    print(
        f"Halaman LKjIP berjalan di http://{args.host}:{args.port}/ ({where}). Ctrl+C untuk berhenti.",
        flush=True,  # the banner must reach a log file before the server blocks
    )
    if not local:
        print(
            f"Staf membuka http://<alamat-IP-komputer-ini>:{args.port}/ di peramban mereka.",
            flush=True,
        )
        if password is None:
            print(
                "PERINGATAN: halaman ini terbuka untuk siapa pun di jaringan tanpa kata sandi. "
                f"Pasang kata sandi kantor dengan --sandi-berkas BERKAS atau variabel {PASSWORD_VARIABLE}, "
                "dan di jaringan yang tidak tepercaya jalankan di belakang reverse proxy (lihat README).",
                file=sys.stderr,
                flush=True,
            )
    waitress.serve(
        app, host=args.host, port=args.port, **waitress_settings(args.thread, args.batas_mb)
    )
    return EXIT_OK


PASSWORD_VARIABLE = "LKJIP_SANDI"


def _office_password(path: str | None) -> str | None:
    """The office password: the first line of `path`, else the environment variable, else none."""
    if path:
        try:
            lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageProblem(f"Berkas kata sandi '{path}' tidak dapat dibaca.") from exc
        password = lines[0].strip() if lines else ""
        if not password:
            raise UsageProblem(
                f"Berkas kata sandi '{path}' kosong; tulis kata sandinya di baris pertama."
            )
        return password
    return os.environ.get(PASSWORD_VARIABLE) or None


def _cmd_validate(args: argparse.Namespace) -> int:
    untuk = getattr(args, "untuk", None)
    result = api.check_for(args.workbook, untuk) if untuk else api.read_workbook(args.workbook)
    extra = {"workbook": str(args.workbook)}
    marked = args.tandai and can_mark(result.findings)
    if marked:
        api.write_marked_copy(args.workbook, args.tandai, result.findings)
        extra["tandai"] = str(args.tandai)
    _print_findings(result.findings, args.format, **extra)
    if args.tandai and args.format != "json":
        written = workbook_copy_name(args.tandai)
        print(
            f"Salinan bertanda ditulis: {written}{copy_name_note(args.tandai)}"
            if marked
            else "Salinan bertanda tidak ditulis: perbaiki dulu masalah di atas (sheet terlalu "
            "luas atau nama sheet tidak sah), lalu periksa lagi."
        )
    return EXIT_OK if result.ok else EXIT_FINDINGS


def _report_output(result: _HasFindings, refused: str, written: str) -> int:
    """Findings first (if any), then whether the output was written."""
    if result.findings:
        _print_findings(result.findings, "table")
    if not result.ok:
        print(refused)
        return EXIT_FINDINGS
    print(written)
    return EXIT_OK


def _cmd_fill(args: argparse.Namespace) -> int:
    result = api.fill_workbook(args.workbook, args.output)
    return _report_output(
        result,
        "Buku kerja tidak diisi karena masih ada kesalahan.",
        f"Buku kerja terisi ditulis: {workbook_copy_name(args.output)}"
        f"{copy_name_note(args.output)}",
    )


def _cmd_compute(args: argparse.Namespace) -> int:
    result, data = api.compute_dict(args.workbook)
    if data is None:
        _print_findings(
            result.findings,
            "json" if args.format == "json" else "table",
            workbook=str(args.workbook),
        )
        return EXIT_FINDINGS
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(headline_text(data))
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    pdf = Path(args.output).with_suffix(".pdf") if args.pdf else None
    wanted = api.Wanted(
        draft=Path(args.output),
        template=Path(args.template) if args.template else None,
        pdf=pdf,
    )
    done = api.process(args.workbook, wanted)
    written = f"Draf LKjIP ditulis: {args.output}"
    if pdf is not None and pdf in done.written:
        written += f"\nPDF ditulis: {pdf}"
    status = _report_output(
        done.read, "Draf tidak ditulis karena masih ada kesalahan di buku kerja.", written
    )
    if done.pdf_problem is not None:  # the draft is written; say what the PDF needs
        print(str(done.pdf_problem), file=sys.stderr)
        return done.pdf_problem.exit_code
    return status


def _cmd_pk(args: argparse.Namespace) -> int:
    done = api.pk_workbook(args.workbook, args.output, pdf=args.pdf)
    written = "\n".join(f"  {p}" for p in done.written)
    earlier = api.earlier_pk_files(args.output, done.written) if done.written else []
    if earlier:
        written += (
            "\nCatatan: berkas PK berikut di folder itu berasal dari pembuatan sebelumnya dan "
            "tidak diubah; hapuslah bila pejabatnya sudah tidak ada di buku kerja:\n"
            + "\n".join(f"  {p}" for p in earlier)
        )
    return _documents_output(
        done,
        "Perjanjian Kinerja tidak ditulis karena masih ada kesalahan di buku kerja.",
        f"Perjanjian Kinerja ditulis ke {args.output}:\n{written}",
    )


def _cmd_triwulan(args: argparse.Namespace) -> int:
    done = api.triwulan_workbook(args.workbook, args.tw, args.output, pdf=args.pdf)
    written = "\n".join(f"  {p}" for p in done.written)
    return _documents_output(
        done,
        f"Laporan triwulan {args.tw} tidak ditulis karena masih ada kesalahan di buku kerja.",
        f"Laporan pemantauan triwulan {args.tw} ditulis:\n{written}",
    )


def _documents_output(done: api.Processed, refused: str, written: str) -> int:
    status = _report_output(done.read, refused, written)
    if done.pdf_problem is not None:  # the .docx are written; say what the PDF needs
        print(str(done.pdf_problem), file=sys.stderr)
        return done.pdf_problem.exit_code
    return status


def run() -> None:
    """The `lkjip` command: main(), then leave at once.

    Everything is written and closed by then; what remains is the interpreter freeing the
    draft's objects one by one, about 0.08 s of a 0.5 s `lkjip report`. Skip that, as a
    process that is done may. An exception still ends the ordinary way, with its traceback.
    """
    status = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (| head)
            stream.flush()
    os._exit(status)


if __name__ == "__main__":
    run()
