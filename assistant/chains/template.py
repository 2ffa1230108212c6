"""The grounded answer writer with no model: every sentence is built from the ranked result."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.chains.insight import insight_text
from assistant.domain.labels import data_label, evidence_text
from assistant.services.schemas import CandidateOut, SearchResult

_T = {
    "id": {
        "title": "**Kandidat untuk bidang {field}** ({n} teratas dari {total} ASN; keputusan tetap pada PPK)",
        "title_post": "**Kandidat untuk {post}** ({n} teratas dari {total} ASN; keputusan tetap pada PPK)",
        "none": "Tidak ditemukan ASN yang relevan untuk bidang **{field}** pada data yang dapat Anda akses.",
        "weak": (
            "Tidak ada rekaman yang jelas memuat **{field}**. Berikut {n} ASN yang paling mendekati menurut makna "
            "(kecocokan lemah: periksa buktinya sebelum dipakai; keputusan tetap pada PPK)."
        ),
        "weak_words": (
            "Tidak ada rekaman yang memuat kata {words}. Berikut {n} ASN yang paling mendekati menurut makna "
            "(kecocokan lemah: periksa buktinya sebelum dipakai; keputusan tetap pada PPK)."
        ),
        "or": "atau",
        "cell": "kotak {cell}",
        "years": "{years:.0f} tahun pada jabatan terkait",
        "score": "skor {score:.2f} (relevansi bidang {rel:.2f}, merit {merit:.2f})",
        "source": "sumber",
        "closing": (
            "Urutan disusun oleh aturan Talenta (relevansi bidang, lalu kinerja SKP, kotak talenta, asesmen, diklat terkait dan disiplin); "
            "setiap klaim dapat ditelusuri ke rekamannya. Keputusan penempatan tetap pada PPK."
        ),
    },
    "en": {
        "title": "**Candidates for {field}** (top {n} of {total} civil servants; the decision stays with the PPK)",
        "title_post": "**Candidates for {post}** (top {n} of {total} civil servants; the decision stays with the PPK)",
        "none": "No civil servant relevant to **{field}** was found in the data you may access.",
        "weak": (
            "No record clearly mentions **{field}**. These {n} civil servants are only the closest in meaning "
            "(a weak match: check their evidence before relying on it; the decision stays with the PPK)."
        ),
        "weak_words": (
            "No record contains the word(s) {words}. These {n} civil servants are only the closest in meaning "
            "(a weak match: check their evidence before relying on it; the decision stays with the PPK)."
        ),
        "or": "or",
        "cell": "9-box cell {cell}",
        "years": "{years:.0f} years in related posts",
        "score": "score {score:.2f} (field relevance {rel:.2f}, merit {merit:.2f})",
        "source": "source",
        "closing": (
            "Ranked by Talenta's rules (field relevance, then SKP performance, 9-box cell, assessment, related training and discipline); "
            "every claim traces to its record. The placement decision stays with the appointing official (PPK)."
        ),
    },
}


_NOTE = {
    "id": {
        "heading": "**Catatan asisten** (dengan model bahasa; hanya kalimat yang didukung rekaman yang ditampilkan):",
        "dropped": "{n} kalimat catatan asisten tidak ditampilkan karena tidak didukung rekaman.",
        "unavailable": "Catatan asisten tidak tersedia saat ini (model bahasa tidak menjawab); daftar di atas tetap berlaku.",
    },
    "en": {
        "heading": "**Assistant's note** (with a language model; only sentences the records support are shown):",
        "dropped": "{n} sentence(s) of the assistant's note were not shown: not supported by the records.",
        "unavailable": "The assistant's note is not available now (the language model did not answer); the list above stands.",
    },
}


def note_heading(lang: str) -> str:
    return _NOTE[lang]["heading"]


def note_dropped(lang: str, n: int, status: str) -> str:
    """What the answer says when sentences of the model's note were held back, or it failed."""
    parts = [_NOTE[lang]["dropped"].format(n=n)] if n else []
    if status == "unavailable":
        parts.append(_NOTE[lang]["unavailable"])
    return "_" + " ".join(parts) + "_"


def candidate_line(c: CandidateOut, lang: str) -> str:
    t = _T[lang]
    head_bits = [b for b in (c.golongan, t["cell"].format(cell=c.kotak_talenta) if c.kotak_talenta else None) if b]
    post = ", ".join(b for b in (c.jabatan, c.unit_kerja) if b)
    head = f"{c.rank}. **{c.nama_lengkap}** (NIP {c.nip})" + (f" — {post}" if post else "")
    if head_bits:
        head += f" ({', '.join(head_bits)})"
    facts: list[str] = []
    by_kind: dict[str, list[str]] = {}
    for ev in c.evidence:
        by_kind.setdefault(ev.kind, []).append(evidence_text(ev.kind, ev.text, lang))
    for kind in ("pendidikan", "jabatan", "diklat", "ringkasan"):
        for text in by_kind.get(kind, [])[:2 if kind != "ringkasan" else 1]:
            facts.append(text if kind != "ringkasan" else f"“{clip(text, 160)}”")
    years = c.tahun_bidang_terkait
    if years >= 1:
        facts.append(t["years"].format(years=years))
    merit = [
        data_label("factor_detail", f.detail, lang)
        for f in c.factors
        if f.name in ("kinerja", "asesmen", "disiplin") or (f.name == "diklat_terkait" and f.value > 0)
    ]
    facts.extend(merit)
    facts.append(t["score"].format(score=c.score, rel=c.relevance, merit=c.merit))
    sources = sorted(
        {data_label("evidence_source", ev.source, lang) for ev in c.evidence}
        | {data_label("factor_source", f.source, lang).split(" (")[0] for f in c.factors if f.name != "relevansi_bidang" and f.source}
    )
    line = f"{head}  \n   " + "; ".join(facts) + f". [{t['source']}: {', '.join(sources)}]"
    if c.eligibility is not None:
        line += f"  \n   {c.eligibility.summary[:1].upper()}{c.eligibility.summary[1:]}."
    return line




def clip(text: str, n: int) -> str:
    """``text`` cut to at most ``n`` characters at a word, with an ellipsis."""
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


def compose(result: SearchResult) -> str:
    return "".join(stream_compose(result))


def stream_compose(result: SearchResult) -> Iterator[str]:
    lang = result.language
    t = _T[lang]
    if result.understood_text:  # the filters read in the question's words, said back first
        yield result.understood_text + "\n\n"
    if not result.candidates:
        yield t["none"].format(field=result.field)
        return
    total = _num(result.total_people, lang)
    if result.weak_match:
        yield weak_sentence(result) + "\n\n"
    elif result.target_title:
        yield t["title_post"].format(post=result.target_title, n=len(result.candidates), total=total) + "\n\n"
    else:
        yield t["title"].format(field=result.field, n=len(result.candidates), total=total) + "\n\n"
    note = insight_text(result)
    if note:
        yield note + "\n\n"
    yield from stream_list(result)


def weak_sentence(result: SearchResult) -> str:
    """What a weak match says first: the question's words no record holds, when there are such words
    ('Tidak ada rekaman yang memuat kata **kucing**.'); else that no record clearly holds the question."""
    t = _T[result.language]
    if not result.words_not_found:
        return t["weak"].format(field=result.field, n=len(result.candidates))
    words = [f"**{w}**" for w in result.words_not_found]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {t['or']} " + words[-1]
    return t["weak_words"].format(words=listed, n=len(result.candidates))


def stream_list(result: SearchResult) -> Iterator[str]:
    """The ranked list and the closing line: built by code, whoever writes the prose around it."""
    for c in result.candidates:
        yield candidate_line(c, result.language) + "\n"
    yield "\n" + _T[result.language]["closing"]


def _num(n: int, lang: str) -> str:
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "id" else text
