"""CVs as documents (.md, .txt, .docx): one person per file, personal data dropped, prose searched."""

import zipfile

from assistant.domain.identity import SYSTEM
from ingest.loader import load
from ingest.report import REJECTED, WARNING

CV_MD = """# Curriculum Vitae

**Nama:** Ir. Budi Santoso, M.Si.
**NIP:** 19850312 201001 1 001
**Jabatan:** Penyuluh Perikanan Ahli Muda
**Unit Kerja:** Dinas Kelautan dan Perikanan
**Golongan:** III/c
**Agama:** Islam
**Alamat:** Jl. Melati No. 5, Kendari
**No. HP:** 0812-3456-7890
Tempat, tanggal lahir: Kendari, 12 Maret 1985
Status Perkawinan: Kawin

## Pengalaman
Sejak 2016 mendampingi kelompok pembudidaya rumput laut dan ikan kerapu di tiga kecamatan pesisir.
Jabatan: Staf Seksi Produksi (2010-2016)
Surel budi.santoso@example.com, telepon +62 812 3456 7890, NIK 7471011203850001.
"""

PERSONAL = ("Islam", "Melati", "0812", "3456", "Kendari, 12", "Kawin", "budi.santoso", "7471011203850001")


def _docx(path, paragraphs, table_rows=()):
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    if table_rows:
        rows = "".join(
            "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in row) + "</w:tr>"
            for row in table_rows
        )
        body += f"<w:tbl>{rows}</w:tbl>"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {w}><w:body>{body}</w:body></w:document>")


def test_a_markdown_cv_is_one_person_without_personal_data(tmp_path):
    (tmp_path / "budi.md").write_text(CV_MD, encoding="utf-8")
    result = load(tmp_path)
    [budi] = result.employees
    assert (budi.nip, budi.nama, budi.gelar_depan, budi.gelar_belakang) == ("198503122010011001", "Budi Santoso", "Ir.",
                                                                          "M.Si.")  # fmt: skip
    assert (budi.jabatan, budi.unit_kerja, budi.golongan) == (
        "Penyuluh Perikanan Ahli Muda", "Dinas Kelautan dan Perikanan", "III/c",
    )  # fmt: skip
    assert "rumput laut" in budi.ringkasan and "Staf Seksi Produksi (2010-2016)" in budi.ringkasan
    stored = budi.model_dump_json()
    for value in PERSONAL:
        assert value not in stored, value
    [note] = [i for i in result.report.issues if "pribadi" in i.reason]
    assert note.severity == WARNING and note.file == "budi.md" and note.nip == "198503122010011001"
    assert "Agama" in note.reason and "Tempat, tanggal lahir" in note.reason and "Status Perkawinan" in note.reason


def test_a_prose_txt_is_a_cv_and_a_tabular_txt_is_still_a_table(tmp_path):
    (tmp_path / "sri.txt").write_text(
        "Sri Wahyuni, S.Kep.\nNIP 199001012015032001\nPerawat di RSUD sejak 2015, menangani ruang isolasi.\n",
        encoding="utf-8",
    )
    (tmp_path / "pegawai.txt").write_text("nip;nama;jabatan\n198003152005011002;Siti Rahmawati;Analis\n",
                                          encoding="utf-8")  # fmt: skip
    people = {e.nip: e for e in load(tmp_path).employees}
    assert people["199001012015032001"].nama == "Sri Wahyuni" and people["199001012015032001"].gelar_belakang == "S.Kep."
    assert "ruang isolasi" in people["199001012015032001"].ringkasan
    assert people["198003152005011002"].jabatan == "Analis" and people["198003152005011002"].ringkasan is None


def test_a_word_cv_with_a_label_table(tmp_path):
    _docx(
        tmp_path / "cv-andi.docx",
        ["Daftar Riwayat Hidup", "Berpengalaman memetakan lahan dengan drone dan mengolah ortofoto untuk tata ruang."],
        [("Nama", "Andi Pratama, S.T."), ("NIP", "199203152018011002"), ("NIK", "7471011203920001"),
         ("Unit Kerja", "Dinas PUPR")],
    )  # fmt: skip
    [andi] = load(tmp_path).employees
    assert (andi.nip, andi.nama, andi.unit_kerja) == ("199203152018011002", "Andi Pratama", "Dinas PUPR")
    assert "ortofoto" in andi.ringkasan and "7471011203920001" not in andi.model_dump_json()


def test_a_document_without_a_nip_is_reported_never_guessed(tmp_path):
    (tmp_path / "catatan.txt").write_text("Catatan rapat.\nTidak ada data pegawai di sini.\n", encoding="utf-8")
    (tmp_path / "cv-tanpa-nip.md").write_text("Nama: Rina Lestari\nAhli gizi di puskesmas.\n", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = load(tmp_path)
    assert result.employees == []
    by_file = {i.file: i for i in result.report.issues}
    assert by_file["catatan.txt"].severity == WARNING  # notes, not a CV
    rejected = by_file["cv-tanpa-nip.md"]
    assert (rejected.severity, rejected.row, rejected.column) == (REJECTED, 1, "nip") and "NIP" in rejected.reason
    assert result.report.rejected_rows == 1
    assert "PDF belum didukung" in by_file["scan.pdf"].reason


def test_cv_documents_are_searched_by_their_prose(tmp_path, make_container):
    (tmp_path / "budi.md").write_text(CV_MD, encoding="utf-8")
    _docx(tmp_path / "andi.docx", ["Nama: Andi Pratama", "NIP: 199203152018011002",
                                   "Memetakan lahan dengan drone dan mengolah ortofoto untuk tata ruang."])  # fmt: skip
    container = make_container(load(tmp_path).employees)
    assert container.service.search(SYSTEM, "budidaya rumput laut").candidates[0].nama == "Budi Santoso"
    assert container.service.search(SYSTEM, "pemetaan drone").candidates[0].nama == "Andi Pratama"
