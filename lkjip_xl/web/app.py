"""The staff page: upload a workbook, see every finding, download the draft. Flask, on the public API.

Safe by default: each upload goes into its own temporary folder under a fixed name (nothing the
user sends reaches the file system as a path) and the folder is removed before the response;
only .xlsx content is accepted, whatever the file is called; the size is capped; a broken or
hostile file gets the same findings as the command line, and no page ever shows a traceback.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import tempfile
import threading
import time
import zipfile
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, Response, abort, render_template, request, send_file
from flask.typing import ResponseReturnValue
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from lkjip_xl import __version__, api
from lkjip_xl.base.errors import (
    ConverterMissing,
    LkjipError,
    PdfNotMade,
    ServerBusy,
    UploadRefused,
    WorkbookUnreadable,
)
from lkjip_xl.base.formatting import fmt_number, fmt_percent, fmt_rupiah
from lkjip_xl.base.names import file_stem
from lkjip_xl.calc.action_plan import quarter_name
from lkjip_xl.contract.findings import Finding
from lkjip_xl.contract.schema import ALL_SHEETS, normalize
from lkjip_xl.pipeline import DEFAULT_STAGES, Stages, Wanted
from lkjip_xl.read.validate import ReadResult
from lkjip_xl.report.charts import CHARTS, PAGE_CHARTS
from lkjip_xl.web.access import install as install_password
from lkjip_xl.web.isolated import DEFAULT_LIMITS, ChildLimits, run_isolated
from lkjip_xl.web.isolated import warm_up as warm_up_children
from lkjip_xl.web.result_store import DOCX, PDF, XLSX, ZIP, Download, ResultStore
from lkjip_xl.web.svg_charts import svg

log = logging.getLogger(__name__)
UPLOAD_FIELD = "berkas"
DEFAULT_LIMIT_MB = 20
DEFAULT_UPLOAD_SLOTS = 24  # uploads in progress at once (the rest get a 'busy' page)


def create_app(
    limit_mb: int = DEFAULT_LIMIT_MB,
    keep_uploads: str | Path | None = None,
    store: ResultStore | None = None,
    stages: Stages = DEFAULT_STAGES,
    pdf: bool | None = None,
    password: str | None = None,
    limits: ChildLimits = DEFAULT_LIMITS,
    upload_slots: int = DEFAULT_UPLOAD_SLOTS,
) -> Flask:
    """The staff page's Flask app. `stages` replaces steps of the pipeline (tests); `pdf`
    offers the PDF download (None: when LibreOffice is installed); `password` is the office
    password (None: none asked); each upload runs in a child process under `limits`, at most
    `upload_slots` at a time (keep it below the server's threads: the page must stay served)."""
    app = Flask(__name__)
    install_password(app, password)
    warm_up_children()
    uploads = threading.BoundedSemaphore(max(1, upload_slots))
    offer_pdf = api.find_converter() is not None if pdf is None else pdf
    app.config["MAX_CONTENT_LENGTH"] = limit_mb * 2**20
    app.config["LIMIT_MB"] = limit_mb
    app.jinja_env.filters.update(angka=fmt_number, persen=fmt_percent, rupiah=fmt_rupiah)
    results = store or ResultStore()
    busy = threading.BoundedSemaphore(os.cpu_count() or 2)  # heavy work, one per core
    examples: dict[str, bytes] = {}

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "frame-ancestors 'none'; form-action 'self'"
        )
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/")
    def index() -> ResponseReturnValue:
        return render_template("index.html")

    @app.get("/unduh/kosong")
    def blank() -> ResponseReturnValue:
        if "kosong" not in examples:
            with _workspace() as folder:
                examples["kosong"] = api.write_template(folder / "kosong.xlsx").read_bytes()
        return _send(Download("LKjIP_buku_kerja_kosong.xlsx", examples["kosong"], XLSX))

    @app.get("/unduh/contoh")
    def example() -> ResponseReturnValue:
        path = Path(__file__).resolve().parent.parent / "data" / "contoh_paser_belengkong_2023.xlsx"
        return _send(Download(path.name, path.read_bytes(), XLSX))

    @app.post("/periksa")
    def check() -> ResponseReturnValue:
        with _admitted(uploads), busy, _received(keep_uploads) as (path, original):
            draft, filled = path.with_name("draf.docx"), path.with_name("terisi.xlsx")
            marked = path.with_name("ditandai.xlsx")
            wanted = Wanted(draft=draft, filled=filled, marked=marked, pk=path.with_name("pk"))
            try:
                done = run_isolated(api.process, path, wanted, stages, limits=limits)
            except WorkbookUnreadable as exc:
                return _unreadable(exc, original)
            result = done.read
            stem = _stem(result, original)
            downloads: dict[str, Download] = {}
            if done.results is None or result.workbook is None:
                if marked in done.written:
                    downloads["ditandai"] = Download(
                        f"{stem}_ditandai.xlsx", marked.read_bytes(), XLSX
                    )
                token = results.put(downloads) if downloads else None
                return _findings_page(original, result.findings, result, token)
            downloads["draf"] = Download(f"{stem}_draf_LKjIP.docx", draft.read_bytes(), DOCX)
            downloads["terisi"] = Download(f"{stem}_terisi.xlsx", filled.read_bytes(), XLSX)
            downloads["pk"] = pk_zip(path.with_name("pk"), stem)
            for q in api.reported_quarters(result.workbook):
                report = stages.triwulan(
                    result.workbook, done.results, q, path.with_name("tw.docx")
                )
                name = f"{stem}_pemantauan_triwulan_{q}.docx"
                downloads[f"tw{q}"] = Download(name, report.read_bytes(), DOCX)
                report.unlink()
            return render_template(
                "hasil.html",
                original=original,
                result=result,
                data=api.results_to_dict(result.workbook, done.results),
                charts=page_charts(done.results),
                groups=group_by_sheet(result.findings),
                warnings=len(result.warnings),
                token=results.put(downloads),
                minutes=int(results.ttl // 60),
                pdf=offer_pdf,
                quarters=[(k, quarter_name(int(k[2:]))) for k in downloads if k.startswith("tw")],
            )

    @app.post("/dokumen")
    def documents() -> ResponseReturnValue:
        """The Perjanjian Kinerja (a .zip: the combined one and one per pejabat) or the
        quarterly report of the chosen quarter; neither needs the year's realisasi."""
        kind = request.form.get("dokumen", "pk")
        if kind not in ("pk", "1", "2", "3", "4"):
            abort(400)
        with _admitted(uploads), busy, _received(keep_uploads) as (path, original):
            out = path.with_name("dokumen")
            try:
                if kind == "pk":
                    done = run_isolated(api.pk_workbook, path, out, False, stages, limits=limits)
                else:
                    tw = out / "tw.docx"
                    done = run_isolated(
                        api.triwulan_workbook, path, int(kind), tw, False, stages, limits=limits
                    )
            except WorkbookUnreadable as exc:
                return _unreadable(exc, original)
            result = done.read
            if not done.ok:
                return _findings_page(original, result.findings, result, dokumen=True)
            stem = _stem(result, original)
            if kind == "pk":
                return _send(pk_zip(out, stem))
            name = f"{stem}_pemantauan_triwulan_{kind}.docx"
            return _send(Download(name, (out / "tw.docx").read_bytes(), DOCX))

    @app.post("/tahun-berikutnya")
    def next_year() -> ResponseReturnValue:
        with _admitted(uploads), busy, _received(keep_uploads) as (path, original):
            out = path.with_name("tahun_berikutnya.xlsx")
            try:
                carried = run_isolated(api.carry_forward, path, out, limits=limits)
            except WorkbookUnreadable as exc:
                return _unreadable(exc, original)
            if not carried.ok:
                return _findings_page(original, carried.findings, None, carry=True)
            stem = file_stem(carried.kecamatan or Path(original).stem, "buku_kerja")
            name = f"LKjIP_{stem}_{carried.year}.xlsx"
            return _send(Download(name, out.read_bytes(), XLSX))

    @app.get("/hasil/<token>/pdf")
    def download_pdf(token: str) -> ResponseReturnValue:
        """The draft as PDF, made on the first request (a few seconds in LibreOffice)."""
        made = results.get(token, "pdf")
        if made is None:
            draft = results.get(token, "draf")
            if draft is None:
                abort(404)
            with busy, _workspace() as folder:
                docx = folder / "draf.docx"
                docx.write_bytes(draft.data)
                pdf_path = stages.convert(docx, folder / "draf.pdf")
                name = draft.filename.removesuffix(".docx") + ".pdf"
                made = Download(name, pdf_path.read_bytes(), PDF)
            results.add(token, "pdf", made)
        return _send(made)

    @app.get("/hasil/<token>/<kind>")
    def download(token: str, kind: str) -> ResponseReturnValue:
        found = results.get(token, kind)
        if found is None:
            abort(404)
        return _send(found)

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(_exc: Exception) -> ResponseReturnValue:
        text = (
            f"Berkas lebih besar dari batas {app.config['LIMIT_MB']} MB. Buku kerja LKjIP biasanya "
            "di bawah 2 MB: hapus gambar atau sheet yang tidak diperlukan, simpan, lalu unggah lagi."
        )
        return render_template("pesan.html", title="Berkas terlalu besar", text=text), 413

    @app.errorhandler(ServerBusy)
    def server_busy(exc: Exception) -> ResponseReturnValue:
        page = render_template("pesan.html", title="Server sibuk", text=str(exc))
        return page, 503, {"Retry-After": "10"}

    @app.errorhandler(UploadRefused)
    def refused(exc: Exception) -> ResponseReturnValue:
        return render_template(
            "pesan.html", title="Berkas belum dapat diperiksa", text=str(exc)
        ), 400

    @app.errorhandler(404)
    def not_found(_exc: Exception) -> ResponseReturnValue:
        text = (
            "Halaman atau hasil ini tidak ada. Hasil unduhan hanya disimpan sebentar; "
            "unggah buku kerja sekali lagi."
        )
        return render_template("pesan.html", title="Tidak ditemukan", text=text), 404

    @app.errorhandler(PdfNotMade)
    def no_pdf(exc: Exception) -> ResponseReturnValue:
        text = (
            "Komputer server ini belum memasang LibreOffice. Unduh draf Word lalu simpan sebagai "
            "PDF dari Word, atau minta koordinator memasang LibreOffice di server."
            if isinstance(exc, ConverterMissing)
            else str(exc)
        )
        return render_template("pesan.html", title="PDF belum dapat dibuat", text=text), 503

    @app.errorhandler(LkjipError)
    def lkjip_error(exc: Exception) -> ResponseReturnValue:
        return render_template("pesan.html", title="Tidak dapat diproses", text=str(exc)), 400

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> ResponseReturnValue:
        if isinstance(exc, HTTPException):
            return exc
        log.exception("unexpected error")
        text = (
            "Terjadi kesalahan di dalam alat ini, bukan di buku kerja Anda. Coba sekali lagi; bila "
            "terulang, kirim buku kerja ke koordinator kabupaten."
        )
        return render_template("pesan.html", title="Kesalahan alat", text=text), 500

    @app.context_processor
    def globals_for_pages() -> dict[str, object]:
        return {"version": __version__, "limit_mb": app.config["LIMIT_MB"]}

    return app


# --- uploads ---------------------------------------------------------------------------------


@contextmanager
def _admitted(uploads: threading.BoundedSemaphore) -> Iterator[None]:
    """A slot for one upload, or a 'busy' page at once: a waiting upload would hold one of the
    server's threads, and enough of them would leave none for the page itself."""
    if not uploads.acquire(blocking=False):
        raise ServerBusy(
            "Server sedang memeriksa banyak buku kerja sekaligus. Tunggu sebentar lalu unggah lagi."
        )
    try:
        yield
    finally:
        uploads.release()


@contextmanager
def _workspace() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="lkjip-web-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _received(keep_uploads: str | Path | None) -> Iterator[tuple[Path, str]]:
    """The uploaded file saved as `buku.xlsx` in a fresh folder, removed when the block ends."""
    upload = request.files.get(UPLOAD_FIELD)
    if upload is None or not upload.filename:
        raise UploadRefused("Pilih berkas buku kerja (.xlsx) terlebih dulu, lalu tekan tombolnya.")
    original = (
        Path(upload.filename.replace("\\", "/")).name[:120] or "buku.xlsx"
    )  # shown, never used as a path
    with _workspace() as folder:
        path = folder / "buku.xlsx"
        upload.save(path)
        if keep_uploads:
            _keep(path, Path(keep_uploads), original)
        yield path, original


def _keep(path: Path, folder: Path, original: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    shutil.copyfile(
        path,
        folder
        / f"{stamp}_{os.getpid()}_{threading.get_ident()}_{file_stem(Path(original).stem)}.xlsx",
    )


def _findings_page(
    original: str,
    findings: list[Finding],
    result: ReadResult | None,
    token: str | None = None,
    **page: bool,
) -> ResponseReturnValue:
    """The findings by sheet, with the counts of errors and warnings (notes are neither);
    `page` says which form sent them (dokumen=True, carry=True)."""
    return render_template(
        "temuan.html",
        original=original,
        result=result,
        groups=group_by_sheet(findings),
        errors=sum(f.is_error for f in findings),
        warnings=sum(not (f.is_error or f.is_info) for f in findings),
        token=token,
        **page,
    )


def _unreadable(exc: WorkbookUnreadable, original: str) -> ResponseReturnValue:
    """The CLI's sentence for a file that is no workbook, naming the file as the user knows it."""
    text = str(exc).replace("'buku.xlsx'", f"'{original}'")
    return render_template("pesan.html", title="Berkas belum dapat diperiksa", text=text), 400


def _send(download: Download) -> Response:
    return send_file(
        io.BytesIO(download.data),
        mimetype=download.mimetype,
        as_attachment=True,
        download_name=download.filename,
        max_age=0,
    )


def _stem(result: ReadResult, original: str) -> str:
    kecamatan = result.workbook.identity.kecamatan if result.workbook else ""
    return file_stem(kecamatan or Path(original).stem, "buku_kerja")


def pk_zip(folder: Path, stem: str) -> Download:
    """Every Perjanjian Kinerja document of `folder` in one .zip."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for doc in sorted(folder.glob("PK_*.docx")):
            archive.write(doc, doc.name)
    return Download(f"{stem}_Perjanjian_Kinerja.zip", buf.getvalue(), ZIP)


def page_charts(results: api.Results) -> list[tuple[str, Markup]]:
    """(caption, inline SVG) of each chart the page shows, from the draft's own chart specs."""
    specs = api.chart_specs(results)
    return [(CHARTS[name].title, svg(spec)) for name in PAGE_CHARTS for spec in specs.get(name, [])]


def group_by_sheet(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings per sheet in the contract's sheet order (others after), errors before warnings."""
    order = {normalize(s.name): i for i, s in enumerate(ALL_SHEETS)}
    groups: OrderedDict[str, list[Finding]] = OrderedDict()
    for f in findings:
        groups.setdefault(f.sheet or "Umum", []).append(f)
    ordered = sorted(
        groups.items(), key=lambda kv: (order.get(normalize(kv[0]), len(order)), kv[0])
    )
    return [(sheet, sorted(items, key=lambda f: not f.is_error)) for sheet, items in ordered]
