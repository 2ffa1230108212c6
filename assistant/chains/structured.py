"""Answers built only from structured records: comparisons, explanations, profiles.

No model writes these: a comparison or an explanation of a ranking must come from the records
and the ranking's own factors, never from a model's memory.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.domain.models import Employee
from assistant.services.schemas import CandidateOut

_T = {
    "id": {
        "compare_title": "**Perbandingan kandidat** (dari jawaban sebelumnya; keputusan tetap pada PPK)",
        "aspect": "Aspek", "rank": "Peringkat", "post": "Jabatan / unit", "gol": "Golongan", "edu": "Pendidikan tertinggi",
        "years": "Tahun di jabatan terkait", "skp": "SKP terakhir", "cell": "Kotak talenta", "jpm": "Asesmen (JPM)",
        "diklat": "Diklat kepemimpinan", "score": "Skor (relevansi / merit)", "none": "-",
        "explain_title": "**Mengapa {a} di atas {b}?**",
        "explain_score": "Skor {a}: {sa:.3f}; skor {b}: {sb:.3f}. Skor = relevansi bidang x (bobot relevansi + bobot merit x merit).",
        "higher": "lebih tinggi", "lower": "lebih rendah", "equal": "sama",
        "factor_line": "- {name}: {a} {va:.2f} vs {b} {vb:.2f} ({cmp} untuk {a}) — {da} / {db}",
        "explain_close": "Faktor dengan selisih terbesar: {name}. Semua nilai berasal dari rekam data yang dikutip.",
        "profile_title": "**Profil {name}** (NIP {nip}; akses ini dicatat di log audit)",
        "missing_rank": "Nomor {n} tidak ada di jawaban sebelumnya (ada {m} kandidat).",
        "no_history": "Belum ada jawaban sebelumnya untuk dirujuk. Ajukan pertanyaan tentang suatu bidang terlebih dahulu.",
    },
    "en": {
        "compare_title": "**Candidate comparison** (from the previous answer; the decision stays with the PPK)",
        "aspect": "Aspect", "rank": "Rank", "post": "Post / unit", "gol": "Golongan", "edu": "Highest education",
        "years": "Years in related posts", "skp": "Latest SKP", "cell": "9-box cell", "jpm": "Assessment (JPM)",
        "diklat": "Leadership training", "score": "Score (relevance / merit)", "none": "-",
        "explain_title": "**Why is {a} above {b}?**",
        "explain_score": "Score of {a}: {sa:.3f}; of {b}: {sb:.3f}. Score = field relevance x (relevance weight + merit weight x merit).",
        "higher": "higher", "lower": "lower", "equal": "equal",
        "factor_line": "- {name}: {a} {va:.2f} vs {b} {vb:.2f} ({cmp} for {a}) — {da} / {db}",
        "explain_close": "Largest difference: {name}. Every value comes from the cited records.",
        "profile_title": "**Profile of {name}** (NIP {nip}; this access is written to the audit log)",
        "missing_rank": "There is no number {n} in the previous answer ({m} candidates).",
        "no_history": "There is no previous answer to refer to. Ask about a field first.",
    },
}  # fmt: skip

_FACTOR_NAMES = {
    "relevansi_bidang": ("relevansi bidang", "field relevance"),
    "kinerja": ("kinerja (SKP)", "performance (SKP)"),
    "kotak_talenta": ("kotak talenta", "9-box cell"),
    "asesmen": ("asesmen", "assessment"),
    "diklat_terkait": ("diklat terkait", "related training"),
    "pengalaman_bidang": ("pengalaman di bidang", "years in the field"),
    "disiplin": ("disiplin", "discipline"),
}


def text(key: str, lang: str, **kwargs: object) -> str:
    return _T[lang][key].format(**kwargs)


def _leadership(e: Employee) -> str:
    names = [
        f"{d.nama} ({d.tahun})" if d.tahun else d.nama
        for d in e.diklat
        if any(k in d.nama.lower() for k in ("pim", "kepemimpinan", "pkp", "pka", "pkn"))
    ]
    return "; ".join(names)


def compare(cands: Sequence[CandidateOut], people: dict[str, Employee], lang: str) -> str:
    t = _T[lang]
    none = t["none"]
    header = f"| {t['aspect']} | " + " | ".join(f"{c.rank}. {c.nama_lengkap}" for c in cands) + " |"
    rows = [header, "|---|" + "---|" * len(cands)]

    def row(label: str, values: list[str]) -> None:
        rows.append(f"| {label} | " + " | ".join(v or none for v in values) + " |")

    def top_edu(e: Employee) -> str:
        p = e.pendidikan_tertinggi()
        if p is None:
            return ""
        return " ".join(str(x) for x in (p.jenjang.value if p.jenjang else None, p.jurusan, f"({p.tahun_lulus})" if p.tahun_lulus else None) if x)

    def last_skp(e: Employee) -> str:
        return ", ".join(f"{s.tahun}: {s.predikat.value}" for s in e.skp_terbaru(3) if s.predikat)

    def jpm(e: Employee) -> str:
        a = e.asesmen_terbaru()
        if a is None or a.jpm is None:
            return ""
        return f"{a.jpm:.0f}" + (f" ({a.tanggal.year})" if a.tanggal else "")

    emps = [people[c.nip] for c in cands]
    row(t["post"], [", ".join(x for x in (c.jabatan, c.unit_kerja) if x) for c in cands])
    row(t["gol"], [c.golongan or "" for c in cands])
    row(t["edu"], [top_edu(e) for e in emps])
    row(t["years"], [f"{c.tahun_bidang_terkait:.0f}" if c.tahun_bidang_terkait else "" for c in cands])
    row(t["skp"], [last_skp(e) for e in emps])
    row(t["cell"], [str(c.kotak_talenta) if c.kotak_talenta else "" for c in cands])
    row(t["jpm"], [jpm(e) for e in emps])
    row(t["diklat"], [_leadership(e) for e in emps])
    row(t["score"], [f"{c.score:.3f} ({c.relevance:.2f} / {c.merit:.2f})" for c in cands])
    return t["compare_title"] + "\n\n" + "\n".join(rows)


def explain(a: CandidateOut, b: CandidateOut, lang: str) -> str:
    t = _T[lang]
    en = lang == "en"
    la, lb = f"#{a.rank} {a.nama}", f"#{b.rank} {b.nama}"
    lines = [t["explain_title"].format(a=la, b=lb), "", t["explain_score"].format(a=la, b=lb, sa=a.score, sb=b.score), ""]
    fb = {f.name: f for f in b.factors}
    biggest = ("", 0.0)
    for fa in a.factors:
        other = fb.get(fa.name)
        if other is None:
            continue
        diff = fa.value - other.value
        cmp = t["higher"] if diff > 0.005 else t["lower"] if diff < -0.005 else t["equal"]
        name = _FACTOR_NAMES.get(fa.name, (fa.name, fa.name))[1 if en else 0]
        lines.append(
            t["factor_line"].format(name=name, a=la, b=lb, va=fa.value, vb=other.value, cmp=cmp, da=fa.detail, db=other.detail)
        )
        if abs(diff) * fa.weight > abs(biggest[1]):
            biggest = (name, diff * fa.weight)
    if biggest[0]:
        lines += ["", t["explain_close"].format(name=biggest[0])]
    return "\n".join(lines)


def explain_one(c: CandidateOut, lang: str) -> str:
    """Why a candidate holds their place: every factor with its value, weight and source."""
    en = lang == "en"
    title = f"**Why is #{c.rank} {c.nama} ranked here?**" if en else f"**Mengapa #{c.rank} {c.nama} di peringkat ini?**"
    lines = [title, "", (f"Score {c.score:.3f}" if en else f"Skor {c.score:.3f}") + f" ({c.relevance:.2f} / {c.merit:.2f})", ""]
    for f in c.factors:
        name = _FACTOR_NAMES.get(f.name, (f.name, f.name))[1 if en else 0]
        lines.append(f"- {name}: {f.value:.2f} ({'weight' if en else 'bobot'} {f.weight:.2f}) — {f.detail}" + (f" [{f.source}]" if f.source else ""))
    return "\n".join(lines)


def profile(e: Employee, nine_box: int | None, lang: str) -> str:
    en = lang == "en"
    t = _T[lang]
    out = [t["profile_title"].format(name=e.nama_lengkap, nip=e.nip), ""]
    post = ", ".join(x for x in (e.jabatan, e.unit_kerja) if x)
    out.append(f"- {'Post' if en else 'Jabatan'}: {post or '-'} ({e.golongan or '-'})")
    if nine_box:
        out.append(f"- {'9-box cell' if en else 'Kotak talenta'}: {nine_box}")
    if e.pendidikan:
        edu = "; ".join(
            " ".join(str(x) for x in (p.jenjang.value if p.jenjang else None, p.jurusan, p.institusi, p.tahun_lulus) if x)
            for p in e.pendidikan
        )
        out.append(f"- {'Education' if en else 'Pendidikan'}: {edu}")
    if e.riwayat_jabatan:
        hist = "; ".join(
            f"{r.jabatan}, {r.unit_kerja or '-'} ({r.tmt_mulai.year if r.tmt_mulai else '?'}-"
            f"{r.tmt_selesai.year if r.tmt_selesai else ('now' if en else 'sekarang')})"
            for r in e.riwayat_jabatan
        )
        out.append(f"- {'Positions' if en else 'Riwayat jabatan'}: {hist}")
    if e.diklat:
        out.append(f"- {'Training' if en else 'Diklat'}: " + "; ".join(f"{d.nama} ({d.tahun or '?'})" for d in e.diklat))
    if e.skp:
        out.append("- SKP: " + ", ".join(f"{s.tahun}: {s.predikat.value if s.predikat else '-'}" for s in sorted(e.skp, key=lambda s: s.tahun)))
    a = e.asesmen_terbaru()
    if a is not None:
        bits = [x for x in (a.kategori_potensi.value if a.kategori_potensi else None, f"JPM {a.jpm:.0f}" if a.jpm is not None else None) if x]
        out.append(f"- {'Assessment' if en else 'Asesmen'}: {', '.join(bits)}" + (f" ({a.tanggal.year})" if a.tanggal else ""))
    if e.penghargaan:
        out.append(f"- {'Awards' if en else 'Penghargaan'}: " + "; ".join(f"{p.nama} ({p.tahun or '?'})" for p in e.penghargaan))
    if e.hukuman_disiplin:
        out.append(f"- {'Discipline' if en else 'Hukuman disiplin'}: " + "; ".join(
            f"{h.tingkat.value} ({h.tmt_mulai.year if h.tmt_mulai else '?'})" for h in e.hukuman_disiplin))
    if e.ringkasan:
        out.append(f"- {'Summary (as recorded)' if en else 'Ringkasan (sesuai rekaman)'}: “{e.ringkasan}”")
    return "\n".join(out)
