"""The meeting brief of a talent pool (bahan rapat) as a print-ready A4 PDF (fpdf2, pure Python).

The content is ``brief_rows`` (the same rows as the XLSX, audited there once per brief); this module
only lays it out: the target post and its vacancy, a table of the main successor then the backups,
and the line that the decision stays with the PPK on the page and in every page's footer.

The PDF uses the core Helvetica font (no font files, no network), which holds Latin-1 only: every
string is passed through ``latin1`` first, so a character outside it is transliterated ("Đ" -> "D",
"“" -> '"') or replaced by "?" instead of failing the whole brief. Names and notes are printed as
plain text (no markdown, no page-number alias a name could trigger).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING

from fpdf import FPDF
from fpdf.enums import TableCellFillMode, XPos, YPos
from fpdf.fonts import FontFace

from assistant.domain.eligibility import STATUS_EN
from assistant.domain.posts import level_label
from assistant.services.succession import PoolOut, brief_rows

if TYPE_CHECKING:
    from assistant.domain.identity import Caller
    from assistant.services.succession import SuccessionService

PDF_MIME = "application/pdf"

_FONT = "Helvetica"
_MARGIN = 12.0  # mm on every side
_FOOTER = 14.0  # mm kept free at the bottom for the footer
# The total page count's placeholder: control characters, which ``latin1`` strips from every text,
# so no name or note can ever contain it (fpdf2 replaces the alias wherever it occurs).
_PAGES_ALIAS = "\x1enb\x1e"
# Relative widths of the table's columns; landscape A4 less the margins is 273 mm.
_WIDTHS = (7, 18, 40, 48, 16, 11, 12, 14, 23, 18, 21, 45)
_HEADINGS = FontFace(emphasis="BOLD", fill_color=(225, 230, 238))
_MAIN_ROW = FontFace(emphasis="BOLD", fill_color=(240, 246, 236))

_TEXT = {
    "id": {
        "title": "Bahan rapat suksesi",
        "post": "Jabatan target", "unit": "Unit kerja", "level": "Tingkat jabatan", "critical": "jabatan kritis",
        "vacant": "Perkiraan lowong", "holder": "Pemegang jabatan", "note": "Catatan",
        "made": "Disusun", "by": "oleh", "no": "No.", "none": "Belum ada calon dalam kelompok ini.",
        "page": "Halaman {n} dari {total}",
    },
    "en": {
        "title": "Succession meeting brief",
        "post": "Target post", "unit": "Unit", "level": "Post level", "critical": "critical post",
        "vacant": "Expected vacancy", "holder": "Current holder", "note": "Note", "made": "Prepared", "by": "by",
        "no": "No.", "none": "No nominees in this pool yet.", "page": "Page {n} of {total}",
    },
}  # fmt: skip
_MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}  # fmt: skip

# Characters outside Latin-1 that NFKD does not reduce to Latin-1 letters.
_TRANSLITERATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
    "\u201e": '"', "\u2033": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\u2022": "-", "\u2026": "...", "\u20ac": "EUR", "\u2122": "TM",
    "\u0110": "D", "\u0111": "d", "\u0141": "L", "\u0142": "l", "\u0152": "OE", "\u0153": "oe", "\u0131": "i",
    "\u0126": "H", "\u0127": "h", "\u0166": "T", "\u0167": "t", "\u014a": "N", "\u014b": "n", "\u0138": "k",
    "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u200b": "", "\u200c": "",
    "\u200d": "", "\u2060": "", "\ufeff": "",
})  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def latin1(text: object) -> str:
    """``text`` as the core PDF fonts can print it: Latin-1 kept, other letters transliterated
    (accents dropped), anything else "?", tabs as spaces, other control characters removed."""
    out: list[str] = []
    for ch in str(text).replace("\r\n", "\n").replace("\t", " ").translate(_TRANSLITERATE):
        if ord(ch) < 256:
            out.append(ch)
            continue
        plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(plain if plain and all(ord(c) < 256 for c in plain) else "?")
    return _CONTROL.sub("", "".join(out))


def brief_pdf(
    svc: SuccessionService, caller: Caller, pool_id: int, lang: str = "id", *, compress: bool = True
) -> bytes:
    """The meeting brief of a pool as an A4 PDF: the main successor first, then the backups by merit,
    each with state, readiness, merit, the gap to the main successor, the post's rules and what they
    still lack. Audited once (by ``brief_rows``). ``compress=False`` leaves the page text readable in
    the file (for tests)."""
    pool, columns, rows = brief_rows(svc, caller, pool_id, lang)
    return _render(svc, caller, pool, columns, rows, lang, compress=compress)


def brief_files(svc: SuccessionService, caller: Caller, pool_id: int, lang: str = "id") -> tuple[bytes, bytes]:
    """The brief as XLSX and as PDF from one reading of the pool: one brief, audited once."""
    from assistant.services.xlsx import people_xlsx

    pool, columns, rows = brief_rows(svc, caller, pool_id, lang)
    return people_xlsx(rows, columns), _render(svc, caller, pool, columns, rows, lang)


class _BriefPDF(FPDF):
    def __init__(self, running_head: str, footer: tuple[str, str], page_label: str) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.running_head, self.page_label = running_head, page_label
        self.footer_head, self.footer_tail = footer  # the post's title (shortened if need be), the PPK sentence

    def header(self) -> None:  # pages after the first: what this is, above the repeated table headings
        if self.page_no() > 1:
            self.set_font(_FONT, "", 7.5)
            self.set_text_color(90)
            self.cell(0, 5, _fit(self, self.running_head, self.epw), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(1)
            self.set_text_color(0)

    def footer(self) -> None:
        self.set_y(-_FOOTER + 3)
        self.set_draw_color(150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_font(_FONT, "", 7.5)
        self.set_text_color(60)
        page = self.page_label.format(n=self.page_no(), total=_PAGES_ALIAS)
        page_w = self.get_string_width(page.replace(_PAGES_ALIAS, "000")) + 4
        room = self.epw - page_w - 2
        head = _fit(self, self.footer_head, room - self.get_string_width(self.footer_tail)) if self.footer_head else ""
        self.cell(self.epw - page_w, 6, _fit(self, head + self.footer_tail, room))
        self.cell(page_w, 6, page, align="R")
        self.set_text_color(0)


def _render(
    svc: SuccessionService, caller: Caller, pool: PoolOut, columns: list[str], rows: list[dict[str, object]], lang: str,
    compress: bool = True,
) -> bytes:  # fmt: skip
    lang = "en" if lang == "en" else "id"
    text = _TEXT[lang]
    role, nip, name, post, unit, golongan, box, merit, gap, state, readiness, rules, lacking = columns
    people = [r for r in rows if len(r) > 1]
    ppk = latin1(rows[-1][role]) if rows and len(rows[-1]) == 1 else ""  # brief_rows' closing line

    title = latin1(pool.post_title)
    footer = (title, ppk[len(title):]) if ppk.startswith(title) else ("", ppk)
    pdf = _BriefPDF(f"{latin1(text['title'])} - {title}", footer, text["page"])
    pdf.set_compression(compress)
    pdf.alias_nb_pages(_PAGES_ALIAS)
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=_FOOTER + 2)
    pdf.set_title(latin1(f"{text['title']}: {pool.post_title}"))
    pdf.set_author("Talenta")
    pdf.set_lang(lang)
    pdf.add_page()

    pdf.set_font(_FONT, "B", 15)
    pdf.cell(0, 8, latin1(text["title"]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    facts: list[tuple[str, str]] = [(text["post"], pool.post_title)]
    if pool.unit_kerja:
        facts.append((text["unit"], pool.unit_kerja))
    if pool.level:
        critical = f"; {text['critical']}" if pool.critical else ""
        facts.append((text["level"], level_label(pool.level, lang) + critical))
    if pool.vacant_on:
        facts.append((text["vacant"], _date(pool.vacant_on, lang)))
    if pool.holder_nip:
        holder = svc.people.get([pool.holder_nip]).get(pool.holder_nip)
        who = f"{holder.nama_lengkap} (NIP {pool.holder_nip})" if holder else f"NIP {pool.holder_nip}"
        facts.append((text["holder"], who))
    if pool.note:
        facts.append((text["note"], pool.note))
    now = dt.datetime.now()
    facts.append((text["made"], f"{_date(now.date(), lang)}, {now:%H:%M} {text['by']} {caller.user} ({caller.role})"))
    label_w = 38.0
    for label, value in facts:
        pdf.set_font(_FONT, "B", 9.5)
        pdf.cell(label_w, 5, latin1(label))
        pdf.set_font(_FONT, "", 9.5)
        pdf.multi_cell(pdf.epw - label_w, 5, latin1(value), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)

    pdf.set_font(_FONT, "", 8)
    if people:
        has_main = any(m.main for m in pool.members)  # brief_rows puts the main successor first
        headings = [text["no"], role, f"{name}\n{nip}", f"{post}\n{unit}", golongan, box, merit, gap, state, readiness,
                    rules, lacking]  # fmt: skip
        with pdf.table(col_widths=_WIDTHS, width=pdf.epw, text_align="LEFT", v_align="TOP", line_height=3.8,
                       padding=(1, 1.2, 1, 1.2), headings_style=_HEADINGS, repeat_headings=1,
                       cell_fill_mode=TableCellFillMode.NONE, markdown=False) as table:  # fmt: skip
            table.row([latin1(h) for h in headings])
            for i, r in enumerate(people, start=1):
                check = r.get(rules)
                if lang == "en" and isinstance(check, str):
                    check = STATUS_EN.get(check, check)
                cells = [str(i), r.get(role), _lines(r.get(name), r.get(nip)), _lines(r.get(post), r.get(unit)),
                         r.get(golongan), r.get(box), _number(r.get(merit)), _number(r.get(gap)), r.get(state),
                         r.get(readiness), check, r.get(lacking)]  # fmt: skip
                row = table.row(style=_MAIN_ROW if i == 1 and has_main else None)
                for cell in cells:
                    row.cell(latin1("" if cell is None else cell))
    else:
        pdf.set_font(_FONT, "I", 9.5)
        pdf.cell(0, 6, latin1(text["none"]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf.ln(4)
    pdf.set_font(_FONT, "B", 10)
    pdf.set_fill_color(245, 245, 245)
    pdf.multi_cell(0, 6, ppk, border=1, align="L", fill=True, padding=(2, 3),
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
    return bytes(pdf.output())


def _lines(*values: object) -> str:
    return "\n".join(str(v) for v in values if v not in (None, ""))


def _number(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, int | float) and not isinstance(value, bool) else ""


def _date(day: dt.date, lang: str) -> str:
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """``text`` cut to one line of ``width`` mm in the current font, with "..." when cut."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text.rstrip() + "...") > width:
        text = text[:-1]
    return text.rstrip() + "..."
