"""A record's Indonesian title is read by the encoder with its English words (issue 15, session 20)."""

import numpy as np

from assistant.domain.evidence import EvidenceText, evidence_texts, for_the_encoder
from assistant.domain.models import Diklat, Employee, Pendidikan
from assistant.domain.query import english_words


def test_an_indonesian_title_gets_the_english_words_of_its_glossary_words_once_each():
    words = english_words("Pengendali Hama dan Penyakit Ikan, Dinas Kelautan dan Perikanan").split()
    assert {"pest", "disease", "fish", "fisheries"} <= set(words)
    assert len(words) == len(set(words))
    assert not {"pengendali", "hama", "ikan", "dinas", "dan"} & set(words)


def test_an_english_title_or_one_the_glossary_does_not_know_is_read_as_written():
    assert english_words("Software Engineer, PT Maju Jaya") == ""
    assert for_the_encoder("Software Engineer, PT Maju Jaya") == "Software Engineer, PT Maju Jaya"
    assert for_the_encoder("Xyzqw Blorp") == "Xyzqw Blorp"


def test_the_title_comes_first_and_its_english_words_follow_in_brackets():
    text = for_the_encoder("Arsiparis Ahli Pertama")
    assert text.startswith("Arsiparis Ahli Pertama (") and text.endswith(")")
    assert "archivist" in text


def test_titles_are_encoded_with_their_english_words_and_free_text_as_written():
    person = Employee(nip="199001012015011001", nama="Sari Dewi", jabatan="Pranata Komputer Ahli Muda",
                      unit_kerja="Dinas Perikanan", pendidikan=[Pendidikan(jenjang="S1", jurusan="Teknik Informatika")],
                      diklat=[Diklat(nama="Pelatihan Budidaya Ikan Air Tawar", tahun=2020)],
                      ringkasan="Pengalaman di bidang perikanan budidaya.")  # fmt: skip
    by_kind = {e.kind: e for e in evidence_texts(person)}
    for kind in ("jabatan", "pendidikan", "diklat"):
        piece = by_kind[kind]
        assert piece.encoded_text.startswith(piece.embed_text + " (") and piece.encoded_text != piece.embed_text
    assert by_kind["ringkasan"].encoded_text == by_kind["ringkasan"].embed_text
    assert by_kind["jabatan"].display.startswith("Pranata Komputer Ahli Muda, Dinas Perikanan")  # shown as written


def test_the_content_address_follows_what_the_encoder_reads():
    a = EvidenceText("diklat", "Pelatihan Budidaya Ikan", "Pelatihan Budidaya Ikan (2020)", 2020)
    b = EvidenceText("diklat", "Pelatihan Budidaya Ikan", "Pelatihan Budidaya Ikan (2023)", 2023)
    assert a.key == b.key  # the same course held by two people: embedded once
    assert a.key != EvidenceText("ringkasan", "Pelatihan Budidaya Ikan", "", None).key


def test_with_its_english_words_a_title_is_nearer_its_field_asked_in_english(embeddings):
    """The real encoder: a fisheries post is nearer 'fisheries' (and further from an unrelated field)
    once its English words are read with it."""
    title = "Pengendali Hama dan Penyakit Ikan Ahli Muda, Dinas Kelautan dan Perikanan"
    plain, rendered = embeddings.encode_passages([title, for_the_encoder(title)])
    near, far = embeddings.encode_query("fisheries"), embeddings.encode_query("road construction")
    assert float(np.dot(rendered, near)) > float(np.dot(plain, near))
    assert float(np.dot(rendered, near) - np.dot(rendered, far)) > float(np.dot(plain, near) - np.dot(plain, far))


def test_the_ingest_embeds_titles_with_their_english_words(make_container, embeddings):
    from ingest.pipeline import ingest_employees

    class Recording:
        model_id, dim, batch_size = embeddings.model_id, embeddings.dim, 32

        def __init__(self):
            self.texts: list[str] = []

        def encode_passages(self, texts):
            self.texts.extend(texts)
            return embeddings.encode_passages(texts)

    c = make_container([])
    person = Employee(nip="199001012015011001", nama="Sari Dewi", jabatan="Arsiparis Ahli Pertama",
                      unit_kerja="Sekretariat Daerah")  # fmt: skip
    recording = Recording()
    ingest_employees(c.store, recording, [person])  # type: ignore[arg-type]
    assert recording.texts == [for_the_encoder("Arsiparis Ahli Pertama, Sekretariat Daerah")]
    assert "archivist" in recording.texts[0]
