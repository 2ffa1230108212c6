"""The `talenta` command as a user runs it (a real subprocess for the JSON contract)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from tests.ingest.test_load import BROKEN  # the same broken CSV the loader is tested on

ROOT = Path(__file__).resolve().parents[1]


def _talenta(args: list[str], data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "TALENTA_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300
    )


def test_broken_csv_lands_good_rows_reports_bad_ones_and_search_json(tmp_path):
    csv = tmp_path / "broken.csv"
    csv.write_text(BROKEN, encoding="utf-8")
    store = tmp_path / "store"
    run = _talenta(["ingest", str(csv)], store)
    assert run.returncode == 0, run.stderr
    for row in ("baris 3", "baris 4", "baris 5"):
        assert row in run.stdout
    report = (store / "ingest-report.csv").read_text(encoding="utf-8-sig")
    assert "12345" in report and "tanggal-salah" in report and "199208172019031005" in report
    again = _talenta(["ingest", str(csv)], store)
    assert "0 teks di-embed" in again.stdout and "2 tidak berubah" in again.stdout
    out = _talenta(["search", "Siapa yang paling cocok untuk bidang perikanan?", "--json"], store)
    data = json.loads(out.stdout)
    found = {c["nip"] for c in data["candidates"]}
    assert found == {"198703122010011003", "198911302014022006"}
    assert all({"nip", "nama", "score", "reasons", "evidence"} <= set(c) for c in data["candidates"])


def test_strict_mode_and_dry_run(tmp_path):
    csv = tmp_path / "broken.csv"
    csv.write_text(BROKEN, encoding="utf-8")
    runner = CliRunner()
    env = {"TALENTA_DATA_DIR": str(tmp_path / "store")}
    dry = runner.invoke(app, ["ingest", str(csv), "--dry-run"], env=env)
    assert dry.exit_code == 0 and "baris 3" in dry.output
    assert not (tmp_path / "store" / "chroma").exists()  # a dry run writes nothing to the store
    strict = runner.invoke(app, ["ingest", str(csv), "--strict"], env=env)
    assert strict.exit_code == 1


def test_rules_command_checks_an_admins_table(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["rules"])
    assert ok.exit_code == 0 and "aturan valid" in ok.output
    bad = tmp_path / "aturan.csv"
    bad.write_text(
        "id,post_level,condition,operator,value,hard,source,description_id,description_en\n"
        "x1,pengawas,golongan,~~,III/b,ya,PP,desc,desc\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["rules", str(bad)])
    assert result.exit_code == 2 and "baris" in result.output


def test_users_add_list_disable_and_demo(tmp_path, fixture_store_dir):
    import shutil

    runner = CliRunner()
    store = tmp_path / "store"
    shutil.copytree(fixture_store_dir, store)
    env = {"TALENTA_DATA_DIR": str(store), "TALENTA_LLM__PROVIDER": "template"}
    added = runner.invoke(app, ["users", "add", "kadis.ikan", "--role", "opd", "--unit", "Dinas Perikanan",
                                "--password-stdin"], input="sandi-yang-panjang\n", env=env)  # fmt: skip
    assert added.exit_code == 0, added.output
    refused = runner.invoke(app, ["users", "add", "x1", "--role", "asn", "--password-stdin"], input="sandi-yang-panjang\n", env=env)
    assert refused.exit_code == 1 and "NIP" in refused.output
    demo = runner.invoke(app, ["users", "demo"], env=env)
    assert demo.exit_code == 0 and "talenta-demo-2026" in demo.output
    listed = json.loads(runner.invoke(app, ["users", "list", "--json"], env=env).output)
    assert {a["username"] for a in listed} >= {"kadis.ikan", "pimpinan-demo", "bkpsdm-demo", "komite-demo", "opd-demo", "asn-demo"}
    assert "sandi" not in json.dumps(listed)
    assert runner.invoke(app, ["users", "disable", "kadis.ikan"], env=env).exit_code == 0
    production = runner.invoke(app, ["users", "demo"], env={**env, "TALENTA_ENV": "production", "TALENTA_API__KEYS": '{"k": {"user": "u", "role": "bkpsdm"}}'})
    assert production.exit_code == 1


def test_kotak_remap_places_everyone_by_the_instansis_scheme_and_keeps_calibrations(tmp_path, fixture_store_dir):
    import shutil

    from assistant.config import Settings
    from assistant.container import build_container
    from assistant.domain.identity import Caller
    from assistant.domain.nine_box import DEFAULT_SCHEME_PATH

    store = tmp_path / "store"
    shutil.copytree(fixture_store_dir, store)
    siti, hendra = "198003152005011002", "197905122006041003"  # computed cell 9; the export's own cell 8
    calibrated = build_container(Settings(data_dir=store)).calibration
    calibrated.calibrate(Caller(user="komite-1", role="komite"), hendra, 5, "Kalibrasi sidang komite 2026.")
    own = tmp_path / "skema.toml"  # potential x performance numbered column by column: high/above is still 9
    own.write_text(DEFAULT_SCHEME_PATH.read_text(encoding="utf-8").replace(
        'tinggi = [6, 8, 9]\nmenengah = [3, 5, 7]\nrendah = [1, 2, 4]',
        'tinggi = [3, 6, 9]\nmenengah = [2, 5, 8]\nrendah = [1, 4, 7]').replace(
        'name = "KemenPANRB (default)"', 'name = "Skema uji"'), encoding="utf-8")  # fmt: skip
    env_scheme = {"TALENTA_NINE_BOX_PATH": str(own)}
    shown = subprocess.run([sys.executable, "-m", "assistant.cli", "kotak", "scheme"], capture_output=True, text=True,
                           env={**os.environ, **env_scheme}, cwd=ROOT, timeout=120)  # fmt: skip
    assert shown.returncode == 0 and "Skema uji" in shown.stdout
    run = subprocess.run([sys.executable, "-m", "assistant.cli", "kotak", "remap"], capture_output=True, text=True,
                         env={**os.environ, "TALENTA_DATA_DIR": str(store), **env_scheme}, cwd=ROOT, timeout=300)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "12 pegawai ditempatkan ulang menurut skema 'Skema uji'" in run.stdout
    people = build_container(Settings(data_dir=store, nine_box_path=own)).people.get([siti, hendra])
    assert people[siti].penempatan.skema == "Skema uji" and people[siti].penempatan.kotak == 9
    assert (people[hendra].penempatan.kotak, people[hendra].penempatan.sumber) == (5, "kalibrasi")
    broken = own.with_name("rusak.toml")
    broken.write_text("[grid]\ntinggi = [1]\n", encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "assistant.cli", "kotak", "remap"], capture_output=True, text=True,
                         env={**os.environ, "TALENTA_DATA_DIR": str(store), "TALENTA_NINE_BOX_PATH": str(broken)},
                         cwd=ROOT, timeout=120)  # fmt: skip
    assert bad.returncode == 2 and "rusak.toml" in bad.stderr


def test_a_weak_match_is_said_before_its_list(fixture_store_dir):
    # the closest in meaning are said to be only that, with the words no record holds, never listed as a fit
    out = _talenta(["search", "Siapa yang paham budidaya kucing anggora?"], fixture_store_dir)
    assert out.returncode == 0, out.stderr
    first, *rest = out.stdout.splitlines()
    assert first.startswith("Tidak ada rekaman yang memuat kata kucing atau anggora.") and "kecocokan lemah" in first
    assert rest and rest[0].lstrip().startswith("1. ")
