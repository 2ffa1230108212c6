"""CVs written as documents: one person per .txt, .md or .docx file.

HR offices keep CVs and profiles as Word files or plain text. Such a file is read as one person:

- the NIP: a labelled line ("NIP: 19850312 201001 1 001"), else the first NIP-shaped number in the
  text, else one in the file name;
- labelled lines ("Nama: ...", "Jabatan: ...", "Unit Kerja: ...", "Golongan: III/c") fill the
  pegawai columns of the same name or alias, exactly as a CSV header would; a table of two columns
  in a Word file counts as labelled lines;
- personal lines ("NIK: ...", "Alamat: ...", "Agama: ...", "Status Perkawinan: ...", "No. HP: ...",
  "Tempat, tanggal lahir: ...") are dropped whole, like a personal column, and e-mail addresses,
  phone numbers and 16-digit NIKs are cut from the prose;
- everything else is the person's ``ringkasan`` (profile summary): searched by words and by
  meaning, in passages, in Indonesian or English.

A file with no NIP is not read: reported as a rejected row when it names a person ("Nama: ..."),
else as a skipped file (notes that are not CVs).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

from assistant.domain.text import scrub_contacts
from ingest.report import REJECTED, WARNING, RowIssue, Severity
from ingest.schema import PEGAWAI, is_sensitive

DOCUMENT_SUFFIXES = {".txt", ".md", ".docx"}

_LABELLED = re.compile(r"^\s*(?:[-*•]\s*)?([A-Za-z][A-Za-z0-9 ,./()&_-]{0,40}?)\s*[:：]\s*(.*)$")
_NIP = re.compile(r"(?<!\d)(\d{8})[ .-]?(\d{6})[ .-]?(\d)[ .-]?(\d{3})(?!\d)")
_MARKUP = re.compile(r"\*\*|__|`|^#+\s*")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def document_lines(path: Path, text: str | None = None) -> list[str]:
    """The lines of a document: a Word file's paragraphs (a two-column table row as 'label: value'),
    a text or Markdown file's lines without emphasis marks."""
    if path.suffix.lower() == ".docx":
        return _docx_lines(path)
    raw = text if text is not None else path.read_text(encoding="utf-8-sig", errors="replace")
    return [_MARKUP.sub("", line).rstrip() for line in raw.splitlines()]


def _docx_lines(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    body = root.find(f"{_W}body")
    lines: list[str] = []
    for block in list(body) if body is not None else []:
        if block.tag == f"{_W}p":
            lines.append(_paragraph(block))
        elif block.tag == f"{_W}tbl":
            for row in block.iter(f"{_W}tr"):
                cells = [" ".join(_paragraph(p) for p in cell.iter(f"{_W}p")).strip() for cell in row.iter(f"{_W}tc")]
                cells = [c for c in cells if c]
                if len(cells) == 2 and ":" not in cells[0]:
                    lines.append(f"{cells[0]}: {cells[1]}")
                elif cells:
                    lines.append(" | ".join(cells))
    return lines


def _paragraph(p: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in p.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def read_document(
    path: Path, display: str, text: str | None = None
) -> tuple[dict[str, object] | None, list[RowIssue]]:
    """One person from a CV document: (pegawai values with ``ringkasan``, issues); None when the
    file holds no NIP."""
    from ingest.readers import resolve_column

    values: dict[str, object] = {}
    prose: list[str] = []
    dropped: list[str] = []
    any_labelled = False
    for line in document_lines(path, text):
        labelled = _LABELLED.match(line)
        if labelled:
            any_labelled = True
            label, value = labelled.group(1).strip(), labelled.group(2).strip()
            key = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
            if is_sensitive(key) or _personal_label(key):
                dropped.append(label)
                continue
            column = resolve_column(PEGAWAI, label)
            if column is not None and column != "ringkasan" and value and column not in values:
                values[column] = value  # the first of each; later ones ("Jabatan: ..." in a career list) stay prose
                continue
        prose.append(line)
    issues: list[RowIssue] = []
    if dropped:
        issues.append(_issue(display, f"data pribadi tidak dibaca: {', '.join(dict.fromkeys(dropped))}", WARNING))
    if "nama" not in values:
        first = next((line.strip() for line in prose if line.strip()), "")
        if first and len(first.split()) <= 8 and not re.search(r"\d", first):
            values["nama"] = first
            prose.remove(next(line for line in prose if line.strip() == first))
    nip = _find_nip(str(values.get("nip") or "")) or _find_nip("\n".join(prose)) or _find_nip(path.stem)
    if nip is None:
        named = "nama" in values and any_labelled  # a CV naming a person, not notes
        reason = "NIP tidak ditemukan di dokumen (tulis baris 'NIP: 18 digit'), tidak dibaca"
        return None, [*issues, _issue(display, reason, REJECTED if named else WARNING, row=1 if named else None)]
    values["nip"] = nip
    issues = [replace(issue, nip=nip) for issue in issues]
    summary = _scrub("\n".join(prose))
    if summary:
        values["ringkasan"] = summary
    return values, issues


def _personal_label(key: str) -> bool:
    """Labels a CV uses for personal data that a table header rarely does."""
    return key in {"ttl", "tempat_tanggal_lahir", "tempat_tgl_lahir", "tempat_dan_tanggal_lahir", "no_hp_wa",
                   "whatsapp", "wa", "kontak", "contact", "phone", "address"}  # fmt: skip


def _find_nip(text: str) -> str | None:
    m = _NIP.search(text)
    return "".join(m.groups()) if m else None


def _scrub(text: str) -> str:
    """The prose without contact data or NIKs, blank runs collapsed."""
    text = scrub_contacts(text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def _issue(display: str, reason: str, severity: Severity, row: int | None = None) -> RowIssue:
    return RowIssue(file=display, sheet=None, row=row, column="nip" if severity == REJECTED else None,
                    value=None, reason=reason, nip=None, severity=severity)  # fmt: skip
