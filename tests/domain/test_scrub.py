"""Contact data in free text is dropped at ingest (non-negotiable 2); the rest of the text stays."""

from assistant.domain.models import Employee
from assistant.domain.text import scrub_contacts


def test_contacts_go_and_numbers_of_the_career_stay():
    text = ("Kecamatan Kota Barat | arif.wicak87@gmail.com | +62 812-3301-4471\n"
            "Alamat Jl. Merdeka Raya No. 12 RT 03/RW 05, Kota Barat. NIK 3201011503870001. Telp 0812 3456 7890.\n"
            "Email: a.b@c.id\n"
            "Penyuluh sejak 2010 (NIP 198703122010011003), 120 ha, Rp 1.500.000, 34 JP, SKP 2024.")  # fmt: skip
    out = scrub_contacts(text)
    for gone in ("@", "812", "3201011503870001", "0812", "Merdeka Raya No. 12", "Email", "Telp", "NIK"):
        assert gone not in out, gone
    assert out.splitlines()[0] == "Kecamatan Kota Barat"
    assert "Penyuluh sejak 2010 (NIP 198703122010011003), 120 ha, Rp 1.500.000, 34 JP, SKP 2024." in out


def test_an_employee_never_holds_contacts_in_its_profile_text():
    e = Employee(nip="198703122010011003", nama="Arif", ringkasan="Hubungi 081234567890 atau arif@x.id")
    assert e.ringkasan == "Hubungi atau"
    assert Employee(nip="198703122010011003", nama="Arif", ringkasan="arif@x.id").ringkasan is None
