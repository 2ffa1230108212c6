import json
from importlib import resources

import pytest

from assistant.domain.query import _terms_of, expand, parse_query, thesaurus
from assistant.domain.text import text_language, tokenize


@pytest.mark.parametrize(
    "question, field, lang",
    [
        ("Siapa ASN yang paling cocok untuk bidang perikanan?", "perikanan", "id"),
        ("Who is best suited for fisheries?", "fisheries", "en"),
        ("Siapa yang cocok untuk bidang kesehatan masyarakat?", "kesehatan masyarakat", "id"),
        ("Siapa yang paling cocok untuk pengelolaan keuangan daerah?", "pengelolaan keuangan daerah", "id"),
        ("cari pegawai yang ahli teknologi informasi", "teknologi informasi", "id"),
        ("find employees experienced in public works", "public works", "en"),
        ("perikanan", "perikanan", "id"),
    ],
)
def test_template_stripped_and_language_detected(question, field, lang):
    parsed = parse_query(question)
    assert (parsed.field, parsed.language) == (field, lang)


def test_thesaurus_bridges_english_to_indonesian_records():
    assert {"perikanan", "budidaya"} <= set(expand("fisheries"))
    assert "ikan" in tokenize(" ".join(expand("aquaculture")))
    assert expand("IT") and not expand("submit") and not expand("is it")  # whole words; acronyms in capitals


@pytest.mark.parametrize(
    "indonesian, english",
    [
        ("Siapa ASN yang paling cocok untuk bidang perikanan?", "Who is best suited for fisheries?"),
        ("Siapa yang cocok untuk bidang kesehatan masyarakat?", "Who is best suited for public health?"),
        ("Siapa yang paling cocok untuk pengelolaan keuangan daerah?", "Who is best suited for regional finance?"),
        ("cari pegawai yang ahli teknologi informasi", "find employees experienced in IT"),
    ],
)
def test_both_languages_search_the_same_concept(indonesian, english):
    a, b = parse_query(indonesian), parse_query(english)
    assert a.search_text == b.search_text and a.expansions == b.expansions
    assert a.meaning_text == b.meaning_text == a.search_text
    assert (a.language, b.language) == ("id", "en")


def test_tokens_are_stems_without_stopwords():
    assert tokenize("Siapa yang cocok untuk bidang Perikanan") == ["ikan"]


@pytest.mark.parametrize(
    "question, concepts",
    [
        ("vehicle inspection experts", ["pengujian kendaraan"]),  # not audit: 'inspection' alone is no alias
        ("Siapa ASN yang paling cocok untuk pengujian kendaraan bermotor?", ["pengujian kendaraan"]),
        ("find employees experienced in livestock and animal health", ["peternakan"]),
        ("peternakan dan kesehatan hewan", ["peternakan"]),  # 'kesehatan hewan' is not 'kesehatan'
        ("archives management experts", ["kearsipan"]),
        ("mutasi dan promosi pegawai", ["mutasi dan promosi"]),
        ("find employees experienced in staff transfers and promotions", ["mutasi dan promosi"]),
        ("talent management experts", ["manajemen talenta"]),
        ("Siapa ASN yang paling cocok untuk jabatan camat?", ["camat"]),
        ("Who is best suited to be a sub-district head (camat)?", ["camat"]),  # hyphenated alias
        ("midwives", ["kebidanan"]),  # English plural -> the thesaurus' singular
        ("auditors", ["pengawasan"]),
        ("perundang-undangan", ["hukum"]),
        # 'government' alone is no field: the phrase is procurement, not pemerintahan
        ("Who is best suited for government procurement?", ["pengadaan barang dan jasa"]),
        ("ASN yang cocok untuk pengembangan pariwisata", ["pariwisata"]),
        ("library services experts", ["perpustakaan"]),
        ("pemberdayaan koperasi dan UMKM", ["koperasi dan usaha mikro"]),
        ("penanganan kekerasan terhadap perempuan dan anak", ["perlindungan perempuan dan penanganan kekerasan"]),
        ("find employees with firefighting and rescue experience", ["pemadam kebakaran"]),
        ("general government administration experts", ["pemerintahan"]),
        # the field's own plain names, not only its acronyms (blind SIASN, SIASN 2, SIASN 4: 0.30, 0.45, 0.07)
        ("Saya butuh orang yang bisa menyusun rencana pembangunan lima tahunan daerah", ["perencanaan pembangunan"]),
        ("Saya butuh orang yang bisa mempercepat layanan izin usaha", ["penanaman modal"]),
        ("mencegah kebakaran hutan dan lahan", ["kehutanan"]),  # karhutla, not the fire brigade
        ("Siapa yang cocok untuk urusan kebakaran dan penyelamatan?", ["pemadam kebakaran"]),
        ("pembinaan izin usaha industri kecil", ["perindustrian"]),  # an industry permit, not investment
        ("Siapa yang bisa mendampingi korban kekerasan dalam rumah tangga?", ["perlindungan perempuan dan anak"]),  # KDRT
        ("Siapa yang paham penanganan korban perdagangan orang?", ["perlindungan perempuan dan anak"]),  # not trade
        # a bidang named in English is that bidang, as its Indonesian name is (SIASN 5 and 6: 'plantation crops'
        # searched all agriculture, 0.34; 'teacher and education personnel management' education and staffing, 0.26)
        ("Who is best suited for plantation crops?", ["perkebunan"]),
        ("Who is best suited for teacher and education personnel management?", ["guru dan tenaga kependidikan"]),
        ("Who is best suited for pollution and environmental damage control?", ["pengendalian pencemaran dan kerusakan lingkungan"]),
        # buying medicines is the pharmacy's work (instalasi farmasi), not the procurement unit's
        ("Siapa yang paham pengadaan obat dan vaksin di puskesmas?", ["farmasi"]),
        ("Who knows drug procurement?", ["farmasi"]),
        ("Siapa yang paham pengadaan barang dan jasa?", ["pengadaan barang dan jasa"]),
        # fishermen are fisheries' people, fish farmers its aquaculture bidang's; a fishing village is a place
        ("Siapa yang bisa membina nelayan?", ["perikanan"]),
        ("Who can help our fishermen?", ["perikanan"]),
        ("Who can support our fish farmers?", ["perikanan budidaya"]),
        ("Siapa yang berpengalaman menahan erosi pantai di desa nelayan?", []),
    ],
)
def test_concepts(question, concepts):
    assert parse_query(question).concepts == concepts


@pytest.mark.parametrize(
    "question, field",
    [
        ("Siapa ASN yang paling cocok untuk jabatan camat?", "camat"),
        ("Siapa yang paling cocok menjadi kepala puskesmas?", "kepala puskesmas"),
        ("siapa yang paling paham pengelolaan irigasi?", "pengelolaan irigasi"),
        ("siapa yang menguasai perikanan?", "perikanan"),
        ("who has experience in fisheries?", "fisheries"),
        ("who knows about fisheries", "fisheries"),
    ],
)
def test_more_templates_stripped(question, field):
    assert parse_query(question).field == field


def test_plurals_stay_as_written_unless_the_singular_is_a_thesaurus_word():
    assert parse_query("teknis").search_text == "teknis"
    assert parse_query("kurs").concepts == []


def test_long_stems_are_cut_so_borrowed_word_endings_meet():
    assert tokenize("statistik") == tokenize("statistika") == tokenize("statistisi") == tokenize("statistics")
    assert tokenize("perikanan") == ["ikan"]  # Indonesian roots are short: untouched


def test_a_field_word_whose_root_is_another_words_meets_only_itself():
    """Sastrawi reads 'perhubungan' (transport) as 'hubung', the root of 'hubungan' (relations), so a question
    on transport ranked Mediator Hubungan Industrial and Pranata Hubungan Masyarakat among the Penguji
    Kendaraan Bermotor (blind SIASN 7: 0.48); 'pengadaan' (procurement) as 'ada', the root of 'keadaan',
    'mengadakan' and 'berada'."""
    assert set(tokenize("perhubungan")).isdisjoint(tokenize("Mediator Hubungan Industrial, berhubungan"))
    assert set(tokenize("pengadaan")).isdisjoint(tokenize("keadaan darurat, mengadakan rapat, berada di"))
    assert tokenize("Perhubungan") == tokenize("PERHUBUNGAN") == tokenize("perhubungan")
    assert tokenize("Pengelola Pengadaan Barang/Jasa")[1] == tokenize("pengadaan")[0]
    # 'penilaian kinerja' ranked Pengantar Kerja and Pekerja Sosial first (blind SIASN 7: 0.00)
    assert set(tokenize("kinerja")).isdisjoint(tokenize("Pengantar Kerja, Dinas Tenaga Kerja, pekerja, bekerja"))
    assert set(tokenize("kekerasan terhadap anak")).isdisjoint(tokenize("perkerasan jalan"))
    assert set(tokenize("relawan")).isdisjoint(tokenize("daerah rawan bencana"))
    assert set(tokenize("seni pertunjukan")).isdisjoint(tokenize("ditunjuk sebagai ketua, menunjukkan hasil"))
    assert set(tokenize("transmigrasi")).isdisjoint(tokenize("jaringan transmisi listrik, power transmission"))
    assert tokenize("transmigrasi") == tokenize("transmigran") == tokenize("ketransmigrasian") == tokenize("transmigration")


def test_words_whose_first_letters_or_root_name_another_field_meet_only_themselves():
    """The seven-letter cut made labour and electricity one stem ('ketenag'), and Sastrawi reads 'kesatuan'
    (Kesbangpol) as 'satu' of Satpol PP; the acronyms of bodies are names, not words to cut."""
    assert set(tokenize("ketenagakerjaan")).isdisjoint(tokenize("Inspektur Ketenagalistrikan"))
    assert set(tokenize("kesatuan bangsa")).isdisjoint(tokenize("Satuan Polisi Pamong Praja, satuan kerja"))
    assert set(tokenize("ketahanan pangan")).isdisjoint(tokenize("tahanan, bertahan"))
    assert set(tokenize("organisme pengganggu tumbuhan")).isdisjoint(tokenize("organisasi, pertumbuhan ekonomi"))
    assert set(tokenize("mekanisasi pertanian")).isdisjoint(tokenize("mekanisme kerja"))
    assert set(tokenize("pengarusutamaan gender")).isdisjoint(tokenize("pengaruh"))
    assert set(tokenize("Kemenkes")).isdisjoint(tokenize("Kemenkeu"))
    assert set(tokenize("Disnakeswan")).isdisjoint(tokenize("Disnaker"))
    assert set(tokenize("Dispendukcapil")).isdisjoint(tokenize("Dispenda"))
    assert tokenize("KemenPANRB") == tokenize("Kemenpan") and tokenize("Kemenparekraf") == tokenize("Kemenpar")
    assert tokenize("Disnakertrans") == tokenize("Disnaker")  # one body's two spellings still meet
    assert set(tokenize("peliputan berita, liputan")).isdisjoint(tokenize("tugasnya meliputi"))
    assert tokenize("peliputan") == tokenize("liputan")
    assert set(tokenize("human trafficking, trafficked")).isdisjoint(tokenize("traffic management"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Child Protection Case Management", "en"),
        ("Ran the regency's tourism promotion campaign on social media", "en"),
        ("Penyuluh Perikanan Ahli Muda, Dinas Kelautan dan Perikanan", "id"),
        ("Pelatihan Fasilitator Pendamping UMKM", "id"),
        ("S1 Perikanan, Universitas Brawijaya (2009)", None),  # too little to tell
    ],
)
def test_the_language_of_a_record(text, language):
    assert text_language(text) == language


@pytest.mark.parametrize(
    "question, meaning",
    [
        # about a known field: embedded as the field, so both languages are one query
        ("Siapa yang paling cocok untuk bidang perikanan?", "perikanan"),
        ("Who is best suited for fisheries?", "perikanan"),
        ("cari pegawai yang ahli teknologi informasi", "teknologi informasi"),
        # no known field: the question's own words (as the lexical search reads them)
        ("Who can repair old clocks?", "who can repair old clocks"),
        # a field among several other words: the words as written, not the field's canonical name
        ("Who can monitor the air pollution?", "who can monitor air pollution"),
    ],
)
def test_what_is_embedded_for_a_field_question(question, meaning):
    assert parse_query(question).meaning_text == meaning


def test_a_long_question_that_mentions_a_field_keeps_its_own_meaning():
    """'food safety' names food security's field, but the question is about the snacks sold at street
    stalls: the embedded text keeps the question's words (the canonical phrase would pull it to the field)."""
    parsed = parse_query("Who could check whether the street vendors follow the food safety rules for the snacks they sell?")
    assert parsed.concepts == ["ketahanan pangan"]
    assert "ketahanan" in parsed.search_text  # words: the field's terms are still searched
    assert "ketahanan" not in parsed.meaning_text and "snacks" in parsed.meaning_text


def test_a_multi_word_field_is_matched_as_a_phrase_not_as_its_common_words():
    """Issue 15: 'pekerjaan umum' matched the 'umum' of 'Pengadministrasi Umum' and 'Pemilihan Umum'."""
    from assistant.domain.query import parse_query, phrase_tokens
    from assistant.retrieval.lexical import LexicalIndex
    from assistant.services.talent import _query_terms

    assert phrase_tokens("Teknik Jalan, Dinas Pekerjaan Umum dan Penataan Ruang") == ["§pekerjaan_umum"]
    assert phrase_tokens("Pengadministrasi Umum, Sekretariat Daerah - Bagian Umum") == []
    terms = _query_terms(parse_query("Siapa ASN yang paling cocok untuk bidang pekerjaan umum?"))
    assert "§pekerjaan_umum" in terms and "umum" not in terms and "jalan" in terms
    index = LexicalIndex([
        "Pengadministrasi Umum, Sekretariat Daerah - Bagian Umum",
        "Penata Kelola Pemilihan Umum, Sekretariat KPU",
        "Pengawas Bangunan, Dinas Pekerjaan Umum dan Penataan Ruang",
    ])  # fmt: skip
    assert [i for i, _ in index.search(terms, 3)] == [2]


def test_without_the_thesaurus_a_question_is_read_in_its_own_words():
    """The thesaurus ablation (bench.heldout 'no thesaurus'): no concept, no record words of a concept,
    no phrase token; the question's own words are still searched."""
    from assistant.services.talent import _query_terms

    question = "Siapa ASN yang paling cocok untuk bidang pekerjaan umum?"
    with_it = parse_query(question)
    without = parse_query(question, thesaurus=False)
    assert with_it.concepts == ["pekerjaan umum"] and with_it.expansions
    assert without.concepts == [] and without.expansions == []
    assert without.search_text == without.meaning_text == "pekerjaan umum"
    assert without.language == "id"
    terms = _query_terms(without)
    assert "umum" in terms and not any(t.startswith("§") for t in terms)


def test_the_question_s_own_words_are_carried_into_the_other_language():
    """Issue 15 §3: an Indonesian question meets an English CV by words too ('merawat pesawat' ->
    'maintain', 'aircraft'), and an English one meets Indonesian records."""
    parsed = parse_query("Saya butuh orang yang bisa merawat pesawat terbang dan mesinnya")
    assert {"aircraft", "maintain"} <= set(parsed.translations)
    english = parse_query("I need someone who can repair engines")
    assert "mesin" in english.translations
    # words of a named concept are not translated again (the concept carries both languages)
    assert parse_query("Siapa pegawai yang paling cocok untuk bidang perikanan?").translations == []
    assert parse_query("Saya butuh orang yang bisa merawat pesawat", translate=False).translations == []


def test_a_translation_is_searched_as_a_word():
    from assistant.retrieval.lexical import LexicalIndex
    from assistant.services.talent import _query_terms

    index = LexicalIndex(["Aircraft maintenance technician at a regional airline hangar", "Pengadministrasi Umum"])
    terms = _query_terms(parse_query("Saya butuh orang yang bisa merawat pesawat"))
    assert [i for i, _ in index.search(terms, 2)] == [0]
    assert index.search(_query_terms(parse_query("Saya butuh orang yang bisa merawat pesawat", translate=False)), 2) == []


def test_a_role_word_is_not_carried():
    from assistant.domain.query import translations

    assert translations(["ahli"], "id") == [] and {"machine", "engine"} <= set(translations(["mesinnya"], "id"))


def test_a_record_that_says_the_question_s_words_in_the_other_language_covers_them():
    """The weak-match judgement counts a question word as found when the record holds its translation:
    'merawat pesawat' is covered by an English CV about aircraft maintenance."""
    from assistant.domain.text import tokenize
    from assistant.retrieval.lexical import LexicalIndex
    from assistant.services.talent import _carried_stems, _idf_share, _question_terms

    index = LexicalIndex(["Aircraft maintenance technician, line maintenance of airline fleet", "Pengadministrasi Umum"])
    parsed = parse_query("Saya butuh orang yang bisa merawat pesawat")
    have = set(tokenize(index.texts[0]))
    terms = _question_terms(parsed)
    assert (_idf_share(index, terms, have) or 0.0) < 0.5 <= _idf_share(index, terms, have, _carried_stems(parsed))


def test_an_indonesian_question_is_rendered_in_english_word_by_word():
    from assistant.domain.query import rendered_in_other_language

    assert rendered_in_other_language(parse_query("Saya butuh orang yang bisa merawat pesawat terbang")) == "care aircraft"
    # a concept stays as its canonical phrase; a question with nothing carried has no rendering
    assert rendered_in_other_language(parse_query("Siapa yang paham soal perizinan bangunan?")) == "penanaman modal building"
    assert rendered_in_other_language(parse_query("Siapa pegawai yang paling cocok untuk bidang perikanan?")) == ""


def test_a_named_field_means_the_same_in_english_words_in_either_language():
    """Session 10: a named field is embedded with its English words too; the text is the same for the
    Indonesian and the English question, so a named field still ranks the same people."""
    from assistant.domain.query import meaning_in_english

    indonesian = meaning_in_english(parse_query("Siapa pegawai yang paling cocok untuk bidang pertanian?"))
    english = meaning_in_english(parse_query("Who is best suited for agriculture?", "en"))
    assert indonesian == english and "agriculture" in indonesian.split()
    # an Indonesian word beside the field is carried too; a question naming no field has none
    assert "building" in meaning_in_english(parse_query("Siapa pegawai yang cocok untuk bidang konstruksi bangunan?"))
    assert meaning_in_english(parse_query("Saya butuh orang yang bisa merawat pesawat terbang")) == ""


@pytest.mark.parametrize(
    "question, concepts",
    [
        ("Siapa yang paling cocok ditempatkan di Dispusip?", ["perpustakaan", "kearsipan"]),
        ("Siapa yang paling cocok memimpin urusan Disperindag?", ["perindustrian", "perdagangan"]),
        ("Who could run the Disnakertrans programmes?", ["ketenagakerjaan", "transmigrasi"]),
    ],
)
def test_the_acronym_of_a_unit_of_two_fields_names_both(question, concepts):
    """The glossary leaves 'dispusip' out of either field (it names both); read as the unit's name, it
    finds both (SIASN set 2: 0.30 -> 0.93 on that question)."""
    assert parse_query(question).concepts == concepts


def test_an_acronym_in_capitals_that_names_another_body_is_left_alone():
    assert "keuangan" not in parse_query("Saya butuh orang yang bisa merapikan laporan sebelum diperiksa BPK").concepts


@pytest.mark.parametrize(
    ("question", "search_text"),
    [
        ("Siapa yang paling cocok untuk bidang koperasi dan UMKM?", "koperasi usaha mikro"),
        ("Who is best for government procurement?", "pengadaan barang jasa"),
        ("Siapa yang paling tepat untuk urusan ketenteraman dan ketertiban umum?", "ketertiban umum"),
        ("Siapa pegawai yang paling cocok untuk bidang akuntansi dan pembukuan?", "akuntansi"),
    ],
)
def test_a_field_named_twice_or_with_and_is_one_named_field(question, search_text):
    """Two names of one field are the field once ('akuntansi dan pembukuan' was 'akuntansi akuntansi'), and
    a field whose name has 'dan' is still the whole question ('koperasi dan usaha mikro' was counted as
    three other words, so the question was not read as the named field)."""
    parsed = parse_query(question)
    assert parsed.search_text == search_text and parsed.focused


def test_an_english_word_is_not_read_as_its_indonesian_look_alike():
    """'from the air' in an English question is not 'air' (water); in an Indonesian one it is."""
    assert "water" not in parse_query("Who can survey land from the air with a drone?").translations
    assert "water" in parse_query("Siapa yang paham pengolahan air dan irigasi sawah?").translations


def test_a_two_field_unit_named_as_the_place_of_named_work_adds_no_other_field():
    """'urusan RTLH ... di Disperkimtan': the question names housing, and the unit is where that work is
    done; its other field (land) is not added. Named alone, the unit still means its fields."""
    assert parse_query("Siapa yang paling paham urusan rumah tidak layak huni di Disperkimtan?").concepts == [
        "perumahan dan kawasan permukiman"
    ]
    from assistant.domain.query import with_broader

    alone = parse_query("Siapa yang cocok untuk Disperkimtan?").concepts  # its name's sub-fields count as housing
    assert {"perumahan dan kawasan permukiman", "pertanahan"} <= with_broader(alone)


@pytest.mark.parametrize(
    ("chat", "formal"),
    [
        ("Siapa yg paling cocok utk bidang perikanan?", "Siapa yang paling cocok untuk bidang perikanan?"),
        ("sy butuh org yg paham ttg pengadaan brg dan jasa", "saya butuh orang yang paham tentang pengadaan barang dan jasa"),
    ],
)
def test_chat_spellings_read_as_the_words_they_stand_for(chat, formal):
    """'yg', 'utk', 'org', 'brg' are the words of a question typed in a hurry: it is read as written out."""
    a, b = parse_query(chat), parse_query(formal)
    assert (a.search_text, a.meaning_text, a.concepts) == (b.search_text, b.meaning_text, b.concepts)


def test_an_acronym_in_capitals_is_not_a_chat_spelling():
    from assistant.domain.text import plain_spelling

    assert plain_spelling("Yg cocok utk SM dan BS?") == "yang cocok untuk SM dan BS?"


@pytest.mark.parametrize(
    "text, asks",
    [
        ("Siapa ASN yang paling cocok untuk bidang perikanan?", True),
        ("Who is best suited for agriculture?", True),
        ("tolong carikan yg ngerti soal irigasi sawah dong", True),
        ("ada yg paham penanganan rabies gak?", True),
        ("Which engineer has inspected old bridges?", True),
        ("nuclear physics", True),  # a bare topic typed into a search for people
        ("Bagaimana cuaca besok?", False),
        ("Tolong buatkan puisi tentang hujan", False),
        ("Berapa harga cabai hari ini?", False),
        ("What is the capital of France?", False),
        ("Siapa presiden Indonesia?", False),
        ("Who is the president of Indonesia?", False),
    ],
)
def test_does_a_question_ask_for_people(text, asks):
    from assistant.domain.filters import asks_for_people

    assert asks_for_people(text) is asks


def test_a_field_is_read_from_two_words_of_its_work():
    # blind SIASN 4 (session 13): forestry described without 'hutan' ranked firefighters first (0.07)
    forestry = "Saya butuh orang yang paham soal mencegah penebangan liar dan memulihkan lahan kritis lewat reboisasi."
    parsed = parse_query(forestry)
    assert "kehutanan" in parsed.concepts and parsed.cued == ["kehutanan"] and "hutan" in parsed.expansions
    assert not parsed.focused  # named by its work, not a field and little else
    assert "kehutanan" not in parse_query(forestry, cues=False).concepts
    assert "kehutanan" not in parse_query("Saya butuh orang yang paham penebangan liar.").concepts  # one cue is too weak
    assert parse_query("Siapa ASN yang paling cocok untuk bidang perikanan?").concepts == ["perikanan"]


@pytest.mark.parametrize(
    "question, field",
    [  # everyday wording of the work, no jargon and no name of the field (round 2 of the cues)
        ("Saya butuh orang yang bisa mencari berkas lama dan memindai dokumen lama kantor.", "kearsipan"),
        ("I need someone who can record transactions and balance the books.", "akuntansi"),
        ("Siapa yang bisa mencatat transaksi dan menghitung laba bersih?", "akuntansi"),
        ("Siapa yang paham kalau lele mati dan ada bibit lele yang jelek?", "perikanan"),
    ],
)
def test_a_field_is_read_from_its_work_in_everyday_words(question, field):
    assert parse_query(question).cued == [field]


def test_a_broad_field_searches_the_words_of_its_narrower_fields():
    # 'Who is best suited for IT?' missed system administrators and developers: the broad field's own
    # words were generic (teknologi, informasi, data, sistem); blind private CVs 2: 0.31
    from assistant.domain.query import thesaurus

    assert {"server", "programming", "python"} <= set(expand("Who is best suited for IT?"))
    assert {"mechanical", "electrical"} & set(expand("Siapa yang paling cocok untuk bidang teknik?"))
    raw = json.loads(resources.files("assistant.domain").joinpath("data", "field_thesaurus.json").read_text("utf-8"))
    for key, concept in raw.items():
        for narrower in [] if key.startswith("_") else concept.get("narrower", []):
            assert narrower in thesaurus() and narrower != key
    # 'digital' alone names no field ('digital copies' of old files are archives' work, read from its cues
    # 'old files' and 'paper files'); the phrase does
    assert parse_query("Who could turn the old paper files into digital copies?").concepts == ["kearsipan"]
    assert "teknologi informasi" in parse_query("Siapa yang bisa memimpin transformasi digital?").concepts


def test_a_sub_field_named_is_searched_as_itself_not_as_its_whole_urusan():
    """'bidang perkebunan' was read as agriculture, so every agricultural extension worker ranked with the
    plantation staff (blind SIASN 5: 0.34 against plain BM25's 0.91). A sub-field is its own concept; the broad
    field is still itself and keeps the glossary's record words of its sub-fields."""
    from assistant.domain.query import thesaurus, with_broader

    assert parse_query("Siapa pegawai yang paling cocok untuk bidang perkebunan?").concepts == ["perkebunan"]
    assert parse_query("Siapa pegawai yang paling cocok untuk bidang pengelolaan sampah?").concepts == ["pengelolaan sampah"]
    assert parse_query("Siapa pegawai yang paling cocok untuk bidang pertanian?").concepts == ["pertanian"]
    assert "penyuluh" not in expand("Siapa pegawai yang paling cocok untuk bidang perkebunan?")
    assert "popt" in thesaurus()["pertanian"].terms
    # vehicle testing (UPTD PKB) is a bidang of the transport office, so it is transport too
    assert with_broader(["pengujian kendaraan"]) == {"pengujian kendaraan", "perhubungan"}
    raw = json.loads(resources.files("assistant.domain").joinpath("data", "field_thesaurus.json").read_text("utf-8"))
    for key, concept in raw.items():
        for sub in [] if key.startswith("_") else concept.get("subfields", []):
            assert sub in thesaurus() and sub != key


def test_a_sub_field_is_no_phrase_token_in_the_records():
    """A record naming many sub-field phrases would only grow longer with a token for each (BM25 reads it as
    less about each word): broad-field questions moved by up to 0.1 on the CV sets. Urusan phrases stay tokens."""
    from assistant.domain.query import phrase_tokens

    assert phrase_tokens("Seksi Pengelolaan Sampah, Dinas Lingkungan Hidup") == ["§lingkungan_hidup"]
    assert phrase_tokens("Dinas Pekerjaan Umum") == ["§pekerjaan_umum"]


def test_an_idiom_that_holds_a_fields_word_names_no_field():
    """'menanamkan cinta tanah air' (love of the homeland) is no land affairs, and 'tanah longsor' is a
    landslide (blind SIASN 5: a national-unity question searched the land office)."""
    assert parse_query("Siapa yang bisa menanamkan cinta tanah air kepada pelajar?").concepts == []
    assert parse_query("Siapa yang paham penanganan tanah longsor?").concepts == ["penanggulangan bencana"]
    assert parse_query("Siapa yang paham sengketa tanah?").concepts  # land itself is still land


def test_cues_of_two_sub_fields_name_their_broad_field():
    """'konflik sosial' is a cue of national vigilance, 'membina ormas' one of mass organisations: one cue of
    each sub-field is two cues of national unity and politics (blind SIASN 5: read as social affairs only)."""
    assert parse_query("Siapa yang bisa meredam konflik sosial antarwarga dan membina ormas?").cued == [
        "kesatuan bangsa dan politik"
    ]
    assert parse_query("Siapa yang bisa meredam konflik sosial antarwarga?").cued == []  # one cue is too weak


def test_a_field_word_naming_only_the_place_of_other_work_is_no_field():
    """'melayani KB di puskesmas sampai ke desa-desa': the villages are where the midwife works, not village
    governance (blind SIASN 5); 'pelecehan anak di sekolah' is child protection, not education. A place that is
    all the question names is still its field."""
    asked = parse_query("Siapa yang bisa menolong persalinan dan melayani KB sampai ke desa-desa?").concepts
    assert "pemberdayaan masyarakat desa" not in asked and "pengendalian penduduk dan keluarga berencana" in asked
    assert "pendidikan" not in parse_query("Kasus pelecehan anak di sekolah meningkat, siapa yang paham perlindungan anak?").concepts
    assert parse_query("Siapa yang bekerja di sekolah?").concepts == ["pendidikan"]
    assert parse_query("Who has worked at the hospital?").concepts == ["rumah sakit"]


def test_a_field_named_in_passing_by_a_question_read_from_its_work_is_not_searched():
    """A question that names its field by its work may hold a word of another field in passing: 'sesuai perda'
    is how street vendors are cleared (public order), not law; 'desa' where a disaster drill is held is not
    village empowerment. Such a field is dropped when it is found by one word, not named as a field, holds no
    cue and is unrelated to the fields the work points to (held-out sets, session 19: 17 conversational
    questions rose, one fell). A field named as such, by a phrase, or a sub-field of the work's field stays."""
    vendors = parse_query("Saya butuh orang yang bisa menertibkan pedagang kaki lima dan bangunan liar sesuai perda")
    assert "ketertiban umum" in vendors.cued and "hukum" not in vendors.concepts
    assert "perancang" not in vendors.expansions  # nor its record words (Perancang Peraturan Perundang-undangan)
    named = parse_query("Saya butuh orang bidang hukum yang bisa menertibkan pedagang kaki lima dan bangunan liar")
    assert {"hukum", "ketertiban umum"} <= set(named.concepts)
    assert "pengelolaan pasar" in vendors.concepts  # by a phrase, 'pedagang kaki lima': stated, so kept
    water = parse_query("Saya butuh orang yang bisa mengatur irigasi, memperbaiki bendung dan pintu air serta mengeruk sungai")
    assert water.cued == ["sumber daya air"] and "irigasi" in water.concepts  # a sub-field of the work's field
    assert parse_query("Siapa yang paling cocok untuk bidang hukum?").concepts == ["hukum"]  # nothing read from work


def test_a_cue_inside_another_cue_is_the_same_words():
    """'gagal panen' holds the cue 'panen': one phrase, one cue (blind SIASN 4: a fish-farming question
    with 'tambak tidak gagal panen' was read as agriculture). Two different cues still name the field."""
    assert parse_query("Siapa yang bisa mencegah gagal panen di kampung?").cued == []
    assert parse_query("Siapa yang bisa mencegah gagal panen dan menangani serangan wereng?").cued == ["pertanian"]


def test_a_cue_may_hold_a_few_other_words_between_its_own():
    """A question writes its work with its own words inside a cue: 'keep track of the chairs, desks and
    equipment' holds 'track equipment', 'menyewakan gedung milik pemda' holds 'menyewakan gedung pemda' (SIASN 5
    en: the regency's assets question read no cue, 0.00). In the cue's order, at most CUE_GAP words between two of
    its words (stop words not counted)."""
    from assistant.domain.query import CUE_GAP

    assert CUE_GAP == 3
    assert parse_query("Who can keep track of the chairs, desks and equipment and auction old vehicles?").cued == ["aset daerah"]
    assert parse_query("Siapa yang bisa melelang mobil dinas dan menyewakan gedung milik pemda?").cued == ["aset daerah"]
    too_far = "Who can auction old vehicles and keep track of chairs, desks, laptops, printers and equipment?"
    assert parse_query(too_far).cued == []  # four words between 'track' and 'equipment'
    assert parse_query("Who can auction old vehicles and find the equipment we track?").cued == []  # not in its order


def test_a_cue_written_in_the_plural_is_the_same_cue():
    """'books' holds the cue 'book', 'rice stocks' the cue 'rice stock': an English question writes its work in the
    plural (SIASN 7: a libraries question read no cue, 0.62; 0.84 after). An Indonesian word ending in 's' still
    meets its own cue ('stok beras')."""
    plural = "I need someone who knows how to track rice stocks and spot food insecurity"
    assert parse_query(plural).cued == parse_query(plural.replace("stocks", "stock")).cued
    assert parse_query(plural).cued == ["ketahanan pangan"]
    assert "ketahanan pangan" in parse_query("Saya butuh orang yang paham stok beras dan cadangan beras pemerintah").concepts


def test_food_alone_names_no_field():
    """'food' is an everyday word (meals for an evacuation camp, a kitchen's food costs, food sold at a stall):
    alone it is not food security, which its own names still are (free text 2 and 3: aid logistics and food
    hygiene questions were searched at the food security office)."""
    assert parse_query("Who can get food and blankets to families in the evacuation shelter?").concepts != [
        "ketahanan pangan"
    ]
    assert parse_query("Who is best suited for food security?").concepts == ["ketahanan pangan"]
    assert parse_query("Siapa yang cocok untuk bidang pangan?").concepts == ["ketahanan pangan"]


def test_a_sub_fields_name_in_english_names_the_sub_field():
    """'waste management' is the English of 'pengelolaan sampah', a bidang of the environment office, as
    'disease prevention and control' is the English of Dinkes' P2P: named in either language, the same
    narrower field (SIASN sets 5 and 6: 'Who is best suited for waste management?' searched the whole
    environment office, 0.08). 'civil registration' stays the whole Dukcapil, as English speakers name it."""
    assert parse_query("Who is best suited for waste management?").concepts == ["pengelolaan sampah"]
    assert parse_query("Siapa yang cocok untuk bidang pengelolaan sampah?").concepts == ["pengelolaan sampah"]
    for q in ("Who is best suited for disease prevention and control?", "Siapa yang cocok untuk bidang P2P?",
              "Siapa pegawai yang paling cocok untuk bidang pencegahan dan pengendalian penyakit?"):
        assert parse_query(q).concepts == ["pencegahan dan pengendalian penyakit"]
    assert parse_query("Siapa ahli pengendalian penyakit tidak menular?").concepts == [
        "penyakit tidak menular dan kesehatan jiwa"
    ]
    assert parse_query("Who is best suited for civil registration?").concepts == ["kependudukan dan pencatatan sipil"]
    # the English of a broad field's whole name is that field, not its sub-field plus itself
    assert parse_query("Who knows livestock and animal health?").concepts == ["peternakan"]
    assert parse_query("Who knows population control and family planning?").concepts == [
        "pengendalian penduduk dan keluarga berencana"
    ]


def test_an_english_plural_is_still_read_as_its_singular():
    """'salaries' is read as 'salary', the thesaurus' word, and carried as 'gaji'; an alias holding a plural would
    have made the plural a thesaurus word of its own and stopped that (a CV set lost 0.2 on one question)."""
    parsed = parse_query("I need someone who can sort out salaries and benefits for our staff.")
    assert ("salary", ["gaji"]) in parsed.carried


def test_mass_organisations_in_either_spelling_are_not_organisation_and_procedures():
    """'organisation' names organisation and procedures (ortala); 'mass organisations' are the ormas that
    national unity and politics registers, in either spelling (the alias is written in the thesaurus'
    singular, so the plural still reads as 'organisation' everywhere else)."""
    for spelling in ("organisations", "organizations"):
        parsed = parse_query(f"Who can work with mass {spelling} to keep the peace?")
        assert parsed.concepts == ["ketahanan ekonomi sosial budaya dan ormas"]
    assert parse_query("Who can redesign how our organisations are structured?").concepts == [
        "organisasi dan tata laksana"
    ]


def test_a_broad_field_written_after_another_concept_narrows_it():
    """'bidang akuntansi pemerintahan' is accounting in government, not every government post: the broad urusan
    written right after the head (Indonesian order) is searched by its own words, not by every record word of its
    field (SIASN 5: 0.66 with Kepala Bagian Tata Pemerintahan first; 0.99 after)."""
    lab = parse_query("Siapa pegawai yang paling cocok untuk bidang laboratorium kesehatan?")
    assert lab.concepts == ["laboratorium", "kesehatan"] and "kesehatan" in lab.search_text
    assert "laboratorium" in lab.expansions and "puskesmas" not in lab.expansions
    accounting = parse_query("Siapa pegawai yang paling cocok untuk bidang akuntansi pemerintahan?")
    assert "akuntansi" in accounting.expansions and not set(thesaurus()["pemerintahan"].terms) <= set(accounting.expansions)
    # not a narrower field ('perencanaan keuangan' is finance), not a list, not English (modifier first)
    assert set(thesaurus()["keuangan"].terms) <= set(parse_query("bidang perencanaan keuangan").expansions)
    assert "puskesmas" in parse_query("Siapa pegawai yang paling cocok untuk bidang laboratorium, kesehatan?").expansions
    assert "puskesmas" in parse_query("Who is best suited for health laboratories?").expansions
    # nor a long request, whose concepts are the work it names
    request = "Saya butuh orang yang paham soal uji KIR kendaraan angkutan, pengaturan lalu lintas dan parkir"
    assert _terms_of(parse_query(request).concepts) == parse_query(request).expansions


def test_a_negation_inside_a_cue_turns_it_round():
    """'penyakit tidak menular' (non-communicable disease) holds 'penyakit' and 'menular' three words apart at
    most, but is not 'penyakit menular': a negation between two of a cue's words breaks it."""
    from assistant.domain.query import _cue_hits

    communicable = " sakit tular "
    assert communicable in _cue_hits("Siapa yang paham penyakit menular dan wabah?").get("kesehatan masyarakat", {})
    assert communicable in _cue_hits("Siapa yang paham penyakit yang cepat menular dan wabah?").get("kesehatan masyarakat", {})
    assert communicable not in _cue_hits("Siapa yang paham penyakit tidak menular dan wabah?").get("kesehatan masyarakat", {})


def test_a_field_is_read_from_its_work_in_the_other_language_too():
    """The cue lists hold more Indonesian than English: an English question's work words are also read in their
    Indonesian rendering ('retirements' -> 'pensiun'), where the cues of staff administration meet them (SIASN 7
    en: a staff-management question read no field, 0.06; 0.81 after). Not without the question's translation."""
    asked = "Who can handle retirements and performance appraisals of our staff?"
    assert parse_query(asked).cued == ["kepegawaian"]
    assert parse_query(asked, translate=False).cued == []
