"""A query plan said in words, in Indonesian or English: "Saya memahami: kotak talenta 9, unit ...".

One description for every plan, whoever made it: the parser, a follow-up that refined the previous
plan, an LLM's proposal or an integrator's ``POST /v1/query``. The parts come in a fixed order.
"""

from __future__ import annotations

import datetime as dt

from assistant.domain.models import Jenjang
from assistant.domain.plan import QueryPlan, TrainingFilter

GROUP_LABEL = {
    "unit": ("unit kerja", "unit"), "golongan": ("golongan", "golongan"), "kotak": ("kotak talenta", "9-box cell"),
    "pendidikan": ("pendidikan terakhir", "highest education"), "skp": ("predikat SKP", "SKP rating"),
    "training_score": ("nilai pelatihan", "training score"), "jenis_jabatan": ("jenis jabatan", "post type"), "eselon": ("eselon", "echelon"), "jenis_kelamin": ("jenis kelamin (laporan kesetaraan)", "gender (equality report)"),
    "training_remark": ("keterangan pelatihan", "training remark"),
}  # fmt: skip
SORT_LABEL = {
    "merit": ("diurutkan menurut merit", "sorted by merit"),
    "jpm": ("diurutkan menurut JPM", "sorted by JPM"),
    "skp": ("diurutkan menurut SKP", "sorted by SKP"),
    "years_in_post": ("diurutkan menurut lama menjabat", "sorted by years in post"),
    "retirement": ("diurutkan menurut tanggal pensiun", "sorted by retirement date"),
    "name": ("diurutkan menurut nama", "sorted by name"),
    "training_score": ("diurutkan menurut nilai pelatihan", "sorted by training score"),
    "relevance": ("diurutkan menurut kecocokan bidang", "sorted by fit to the field"),
}
_LEVEL_LABEL = {"pengawas": "pengawas", "administrator": "administrator", "jpt_pratama": "JPT pratama"}


def describe(plan: QueryPlan, lang: str = "id", today: dt.date | None = None) -> list[str]:
    """Each part of the plan, in the asker's language (``today``: the date a sanction is in force on,
    when the plan names none)."""
    en = lang == "en"
    out: list[str] = []

    def say(id_text: str, en_text: str) -> None:
        out.append(en_text if en else id_text)

    f = plan.filters
    if plan.lookup and plan.lookup.nip:
        say(f"NIP {plan.lookup.nip}", f"NIP {plan.lookup.nip}")
    elif plan.lookup and plan.lookup.name:
        say(f"nama '{plan.lookup.name}'", f"name '{plan.lookup.name}'")
    if plan.as_of:
        say(f"per {plan.as_of:%d-%m-%Y}", f"as of {plan.as_of:%Y-%m-%d}")
    if plan.aggregate is not None:
        if plan.aggregate.kind == "count":
            say("jumlah", "count")
        elif plan.aggregate.by:
            label = GROUP_LABEL[plan.aggregate.by]
            year = f" {plan.aggregate.year}" if plan.aggregate.year else ""
            say(f"dikelompokkan menurut {label[0]}{year}", f"grouped by {label[1]}{year}")
    if (r := f.retirement) is not None:
        if r.year and r.year_to and r.year_to >= 2100:
            say(f"mencapai batas usia pensiun pada {r.year} atau sesudahnya", f"reaching the retirement age in {r.year} or later")
        elif r.year and r.year_to and r.year_to != r.year:
            say(
                f"mencapai batas usia pensiun pada {r.year}-{r.year_to}",
                f"reaching the retirement age in {r.year}-{r.year_to}",
            )
        elif r.year:
            say(f"mencapai batas usia pensiun pada {r.year}", f"reaching the retirement age in {r.year}")
        if r.within_years is not None:
            say(f"mencapai batas usia pensiun dalam {r.within_years} tahun",
                f"reaching the retirement age within {r.within_years} years")  # fmt: skip
    if f.units:
        say("unit " + ", ".join(f.units), "unit " + ", ".join(f.units))
    if f.units_exclude:
        say("di luar unit " + ", ".join(f.units_exclude), "excluding " + ", ".join(f.units_exclude))
    if f.kotak:
        listing = ", ".join(map(str, f.kotak))
        say(f"kotak talenta {listing}", f"9-box cell {listing}")
    if (skp := f.skp) is not None:
        names = " / ".join(p.value for p in reversed(skp.predikat))
        names_en = " / ".join(f"'{p.value}'" for p in reversed(skp.predikat))
        years = sorted(set(skp.years)) or ([skp.year] if skp.year else [])
        if len(years) == 1:
            say(f"SKP {names} pada {years[0]}", f"SKP {names_en} in {years[0]}")
        elif years:
            listing = ", ".join(map(str, years))
            say(f"SKP {names} pada setiap tahun {listing}", f"SKP {names_en} in each of {listing}")
        elif skp.last_years:
            say(f"SKP {names} pada setiap {skp.last_years} tahun terakhir",
                f"SKP {names_en} in each of the last {skp.last_years} years")  # fmt: skip
        else:
            say(f"SKP {names} pada tahun terakhir", f"SKP {names_en} in the latest year")
    for t in f.training:
        say(*_training(t))
    if f.discipline_in_force is True:
        day = plan.as_of or today
        say("hukuman disiplin yang berlaku" + (f" pada {day:%d-%m-%Y}" if day else " hari ini"),
            "a disciplinary sanction in force" + (f" on {day:%Y-%m-%d}" if day else " today"))  # fmt: skip
    elif f.discipline_in_force is False:
        say("tanpa hukuman disiplin yang berlaku", "no disciplinary sanction in force")
    if f.jpm_min is not None:
        value = round(f.jpm_min, 2)
        say(f"JPM minimal {value:g}", f"JPM at least {value:g}")
    if f.jpm_max is not None:
        say(f"JPM paling tinggi {f.jpm_max:g}", f"JPM at most {f.jpm_max:g}")
    for n, strict, where_id, where_en in (
        (f.years_in_post_min, f.years_in_post_strict, "di jabatan sekarang", "in the current post"),
        (f.field_years_min, f.field_years_strict, "di jabatan terkait bidang", "in posts related to the field"),
    ):
        if n is not None:  # a least number of years: 'lebih dari' (more than) or 'minimal' (at least)
            bound_id, bound_en = ("lebih dari", "more than") if strict else ("minimal", "at least")
            say(f"{bound_id} {n:g} tahun {where_id}", f"{bound_en} {n:g} years {where_en}")
    if f.years_in_post_max is not None:
        n = f.years_in_post_max
        say(f"kurang dari {n:g} tahun di jabatan sekarang", f"under {n:g} years in the current post")
    if f.golongan_min and f.golongan_max:
        same = f.golongan_min == f.golongan_max
        say(f"golongan {f.golongan_min}" if same else f"golongan {f.golongan_min} sampai {f.golongan_max}",
            f"golongan {f.golongan_min}" if same else f"golongan {f.golongan_min} to {f.golongan_max}")  # fmt: skip
    elif f.golongan_min:
        say(f"golongan {f.golongan_min} ke atas", f"golongan {f.golongan_min} or above")
    elif f.golongan_max:
        say(f"golongan {f.golongan_max} ke bawah", f"golongan {f.golongan_max} or below")
    if f.eselon:
        say("eselon " + ", ".join(f.eselon), "echelon " + ", ".join(f.eselon))
    if f.post_title:
        say(f"jabatan '{f.post_title}'", f"post '{f.post_title}'")
    if f.post_level:
        say("jenjang " + " / ".join(f.post_level), "post level " + " / ".join(f.post_level))
    if f.jenis_jabatan:
        kinds = "/".join(k.value for k in f.jenis_jabatan)
        say("jabatan " + kinds, "post type " + kinds)
    if f.pendidikan:
        level = max(f.pendidikan, key=lambda j: j.rank)
        say(f"pendidikan terakhir {_jenjang(level)}", f"highest education {_jenjang(level)}")
    if f.pendidikan_min:
        say(
            f"pendidikan minimal {_jenjang(f.pendidikan_min)}",
            f"education {_jenjang(f.pendidikan_min)} or higher",
        )
    if f.jurusan:
        say(f"jurusan '{f.jurusan}'", f"major '{f.jurusan}'")
    if f.nips:
        say(f"{len(f.nips)} ASN yang ditentukan", f"{len(f.nips)} given people")
    if plan.sort is not None:
        label = SORT_LABEL[plan.sort.key]
        if plan.sort.key == "training_score":
            label = ("nilai pelatihan tertinggi", "highest training score") if plan.sort.descending else (
                "nilai pelatihan terendah", "lowest training score")  # fmt: skip
        elif plan.sort.key == "years_in_post" and plan.sort.descending:
            label = ("paling lama menjabat", "longest in post")
        elif plan.sort.key == "retirement" and not plan.sort.descending:
            label = ("paling dekat masa pensiun", "soonest to retire")
        say(*label)
    if plan.target_post:
        name = plan.target_title or _LEVEL_LABEL.get(plan.target_post, plan.target_post)
        say(f"calon untuk {name}", f"candidates for {name}")
    if plan.relevance:
        say(f"bidang '{plan.relevance}'", f"field '{plan.relevance}'")
    return out


def _training(t: TrainingFilter) -> tuple[str, str]:
    if t.leadership:
        level = f" tingkat {t.level}" if t.level else ""
        level_en = f" level {t.level}" if t.level else ""
        label = f"diklat kepemimpinan{level} (PIM/PKP/PKA/PKN)"
        label_en = f"leadership training{level_en} (PIM/PKP/PKA/PKN)"
        if t.year:
            label, label_en = f"{label} tahun {t.year}", f"{label_en} in {t.year}"
        return ("sudah " if t.taken else "belum ") + label, (
            "has taken " if t.taken else "has not taken "
        ) + label_en
    names = [" ".join(t.words)] * bool(t.words) + [" ".join(alt) for alt in t.also]
    parts_id = ["pelatihan " + " / ".join(f"'{n}'" for n in names) if names else "pelatihan apa pun"]
    parts_en = ["training " + " / ".join(f"'{n}'" for n in names) if names else "any training"]
    if not t.taken:
        parts_id[0], parts_en[0] = "belum " + parts_id[0], "not taken: " + parts_en[0]
    lo, hi, below = t.score_min, t.score_max, t.score_below
    if lo is not None and hi is not None and lo == hi:
        parts_id.append(f"nilai {lo:g}")
        parts_en.append(f"score {lo:g}")
    else:
        if lo is not None:
            parts_id.append(f"nilai ≥ {round(lo, 2):g}")
            parts_en.append(f"score ≥ {round(lo, 2):g}")
        if hi is not None:
            parts_id.append(f"nilai ≤ {hi:g}")
            parts_en.append(f"score ≤ {hi:g}")
        if below is not None:
            parts_id.append(f"nilai < {below:g}")
            parts_en.append(f"score < {below:g}")
    if t.passed_on is not None:
        parts_id.append("lanjut ke tahap berikutnya" if t.passed_on else "tidak lanjut")
        parts_en.append("going on to the next stage" if t.passed_on else "not going on")
    if t.remark:
        parts_id.append(f"keterangan '{t.remark}'")
        parts_en.append(f"remark '{t.remark}'")
    if t.year:
        parts_id.append(f"tahun {t.year}")
        parts_en.append(f"in {t.year}")
    scale = lo is not None or hi is not None or below is not None
    return ", ".join(parts_id) + " (skala 0-10)" * scale, ", ".join(parts_en) + " (0-10 scale)" * scale


def _jenjang(level: Jenjang) -> str:
    return "S1/D4" if level.rank == Jenjang.S1.rank else level.value
