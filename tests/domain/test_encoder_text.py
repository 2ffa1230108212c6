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
    english = EvidenceText("diklat", a.embed_text, a.display, 2020, encoded=for_the_encoder(a.embed_text))
    assert english.encoded_text != a.encoded_text and english.key != a.key


def test_titles_as_written_when_english_titles_is_off():
    person = Employee(nip="199001012015011001", nama="Sari Dewi", jabatan="Arsiparis Ahli Pertama",
                      unit_kerja="Sekretariat Daerah")  # fmt: skip
    [plain] = evidence_texts(person, english_titles=False)
    [english] = evidence_texts(person)
    assert plain.encoded_text == plain.embed_text == english.embed_text != english.encoded_text


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


def test_a_store_embedded_the_other_way_is_embedded_again_at_the_next_ingest(make_container, embeddings, people):
    """EmbeddingSettings.english_titles: every person written the other way counts as changed (their titles'
    vectors are not reused), and a second ingest the same way changes nothing."""
    import copy

    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    c = make_container(people[:3])
    plain = copy.copy(embeddings)
    plain.english_titles = False
    again = build_container(Settings(data_dir=c.settings.data_dir), embeddings=plain)
    stats = ingest_employees(again.store, again.embeddings, people[:3])
    assert stats.changed == 3 and stats.texts_embedded > 0
    assert ingest_employees(again.store, again.embeddings, people[:3]).unchanged == 3
    assert ingest_employees(c.store, c.embeddings, people[:3]).changed == 3  # and back
