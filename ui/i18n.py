"""UI strings of the chat page: Indonesian first, English available. Data text comes from the service;
the labels the service writes into it are said in a card's language by ``assistant.domain.labels``."""

from __future__ import annotations

from assistant.domain.labels import data_label, evidence_text  # noqa: F401 - the cards' labels, said in a language

LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}

# Shown as buttons in both languages: the service answers in the language the question is asked in.
EXAMPLES: tuple[str, ...] = (
    "Siapa ASN yang paling cocok untuk bidang perikanan?",
    "Siapa yang cocok untuk bidang kesehatan masyarakat?",
    "Who is best suited for financial management?",
    "Carikan pegawai yang berpengalaman di bidang teknologi informasi",
)

_STRINGS: dict[str, dict[str, str]] = {
    "id": {
        "page_title": "Talenta — Asisten Talenta ASN",
        "caption": "Urutan kandidat disusun dari data kepegawaian; keputusan penempatan tetap pada PPK.",
        "language": "Bahasa / Language",
        "logged_in_as": "Masuk sebagai **{user}** ({role})",
        "indexed": "**{n}** ASN terindeks",
        "embedding_model": "Model embedding: `{model}`",
        "examples": "Contoh pertanyaan",
        "clear": "Mulai percakapan baru",
        "placeholder": "Tanyakan ASN yang cocok untuk suatu bidang…",
        "thinking": "Mencari dan menyusun jawaban…",
        "note_writing": "Catatan asisten sedang ditulis… (daftar di atas sudah lengkap dan tidak bergantung pada catatan ini)",
        "candidates": "Kandidat ({n})",
        "golongan": "Golongan",
        "nip": "NIP",
        "cell": "Kotak talenta",
        "score": "Skor",
        "relevance": "relevansi {value:.2f}",
        "merit": "merit {value:.2f}",
        "factors": "Faktor penilaian",
        "evidence": "Bukti dari rekam data",
        "no_evidence": "Tidak ada bukti yang cocok.",
        "years_in_post": "{n} tahun",
        "col_factor": "Faktor",
        "col_value": "Nilai",
        "col_weight": "Bobot",
        "col_detail": "Keterangan",
        "col_source": "Sumber",
        "empty_index": "Indeks kosong: jalankan `make demo` atau `talenta ingest PATH`, lalu muat ulang halaman.",
        "store_mismatch": "Indeks dibuat dengan model embedding lain. Pakai model yang sama "
        "(`TALENTA_EMBEDDINGS__PROVIDER` / `__MODEL`) atau indeks ulang dengan `talenta ingest PATH` "
        "ke data_dir baru. Rincian: {detail}",
        "startup_failed": "Talenta tidak dapat dijalankan: {detail}. Periksa pengaturan `TALENTA_*` "
        "(data_dir, penyimpanan, model) lalu muat ulang halaman.",
        "answer_failed": "Jawaban tidak dapat disusun: {detail}. Coba lagi; bila berulang, periksa log server.",
    },
    "en": {
        "page_title": "Talenta — ASN Talent Assistant",
        "caption": "Candidates are ranked from HR data; the placement decision stays with the PPK.",
        "language": "Bahasa / Language",
        "logged_in_as": "Logged in as **{user}** ({role})",
        "indexed": "**{n}** civil servants indexed",
        "embedding_model": "Embedding model: `{model}`",
        "examples": "Example questions",
        "clear": "Start a new conversation",
        "placeholder": "Ask who fits a field…",
        "thinking": "Searching and writing the answer…",
        "note_writing": "The assistant's note is being written… (the list above is complete and does not depend on it)",
        "candidates": "Candidates ({n})",
        "golongan": "Grade (golongan)",
        "nip": "NIP",
        "cell": "9-box cell",
        "score": "Score",
        "relevance": "relevance {value:.2f}",
        "merit": "merit {value:.2f}",
        "factors": "Scoring factors",
        "evidence": "Evidence from the records",
        "no_evidence": "No matching evidence.",
        "years_in_post": "{n} yr",
        "col_factor": "Factor",
        "col_value": "Value",
        "col_weight": "Weight",
        "col_detail": "Detail",
        "col_source": "Source",
        "empty_index": "The index is empty: run `make demo` or `talenta ingest PATH`, then reload the page.",
        "store_mismatch": "The index was built with another embedding model. Use the same model "
        "(`TALENTA_EMBEDDINGS__PROVIDER` / `__MODEL`) or re-index with `talenta ingest PATH` into a new "
        "data_dir. Details: {detail}",
        "startup_failed": "Talenta could not start: {detail}. Check the `TALENTA_*` settings "
        "(data_dir, store, model) and reload the page.",
        "answer_failed": "The answer could not be written: {detail}. Try again; if it repeats, check the server log.",
    },
}

_FACTOR_NAMES: dict[str, tuple[str, str]] = {
    "relevansi_bidang": ("Relevansi bidang", "Field relevance"),
    "kinerja": ("Kinerja (SKP)", "Performance (SKP)"),
    "kotak_talenta": ("Kotak talenta", "9-box cell"),
    "asesmen": ("Asesmen kompetensi", "Competency assessment"),
    "diklat_terkait": ("Diklat terkait", "Related training"),
    "pengalaman_bidang": ("Pengalaman di bidang", "Years in the field"),
    "disiplin": ("Disiplin", "Discipline"),
}

_ROLES: dict[str, tuple[str, str]] = {
    "pimpinan": ("pimpinan daerah", "regional leadership"),
    "bkpsdm": ("BKPSDM", "BKPSDM (HR agency)"),
    "komite": ("komite talenta", "talent committee"),
    "opd": ("kepala OPD", "head of agency (OPD)"),
    "asn": ("ASN", "civil servant"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The UI string ``key`` in ``lang`` (Indonesian when the language is unknown)."""
    text = _STRINGS.get(lang, _STRINGS["id"])[key]
    return text.format(**values) if values else text


def both(key: str, **values: object) -> dict[str, str]:
    """The string in every language, for messages kept in the history and re-shown after a switch."""
    return {lang: t(key, lang, **values) for lang in _STRINGS}


def number(n: int, lang: str) -> str:
    """12.345 in Indonesian, 12,345 in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "id" else text


def factor_name(name: str, lang: str) -> str:
    pair = _FACTOR_NAMES.get(name)
    if pair is None:
        return name.replace("_", " ")
    return pair[1] if lang == "en" else pair[0]


def role_name(role: str, lang: str) -> str:
    pair = _ROLES.get(role)
    if pair is None:
        return role
    return pair[1] if lang == "en" else pair[0]

