"""From a question (Indonesian or English) to a query plan, deterministically.

Each recogniser takes its phrase out of the question and says, in both languages, what it
understood. Words no recogniser used are either a field to rank by (when the question asks who
fits, knows or has experience in something, or names a known field) or reported as not understood.
A question that filters, sorts or counts by a protected attribute is declined with the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from assistant.domain.filters import (
    DOING_TRAINING,
    JENIS_AFTER,
    JENIS_WORDS,
    UNIT_AS_OBJECT,
    WORK_OF,
    context_spans,
    given_training,
    names_others,
)
from assistant.domain.golongan import PNS_ORDER
from assistant.domain.identity import unit_key
from assistant.domain.models import JenisJabatan, Jenjang, Predikat
from assistant.domain.plan import (
    Aggregate,
    Lookup,
    ParsedPlan,
    QueryPlan,
    RetirementFilter,
    SkpFilter,
    Sort,
    TrainingFilter,
)
from assistant.domain.plan_text import describe
from assistant.domain.posts import target_post_span
from assistant.domain.query import acronym_glossary, detect_language, normalize_concepts
from assistant.domain.text import plain_spelling

_NUM_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    "sepuluh": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip
_NUM = r"(\d+(?:[.,]\d+)?|" + "|".join(_NUM_WORDS) + r")"

# ---- protected attributes ------------------------------------------------------------------------

_PROTECTED: tuple[tuple[str, str, str], ...] = (
    (r"\b(?:agama|agamanya|beragama|religion|religious|islam|muslim|muslimah|kristen|katolik|katholik|protestan|"
     r"hindu|buddha|budha|konghucu|khonghucu|christians?|catholics?|buddhists?|confucian|muslims|hindus|protestants?|"
     r"non-?muslim|seiman|seagama|(?:satu|sama|se)\s*keyakinan|berhijab|berjilbab|jilbab\w*|hijab\w*|kerudung|headscarf|jemaat|churchgoers?|"
     r"(?:rajin|sering)\s+(?:ke\s+)?(?:gereja|masjid|pura|vihara|klenteng|sholat|salat|ibadah)|"
     r"(?:share|shares|sharing|same)\s+(?:[\w']+\s+){0,2}(?:faith|religion|beliefs?))\b", "agama", "religion"),
    (r"\b(?:perempuan|wanita|laki[- ]?laki|pria|female|male|women|woman|men|gender|jenis kelamin|ibu-ibu|bapak-bapak|ladies|lady|gentlemen|cewek|cowok|gadis|mas-mas|mbak-mbak)\b",
     "jenis kelamin", "gender"),
    (r"\b(?:suku|etnis|etnik|ethnic|ethnicity|ras|race|keturunan|tionghoa|batak|minang(?:kabau)?|bugis|dayak|betawi|toraja|"
     r"minahasa|sasak|banjar|nias|chinese[- ]indonesians?|(?:orang|wong|urang)\s+(?:jawa|sunda|batak|minang|padang|bugis|makassar|"
     r"dayak|madura|bali|betawi|cina|china|tionghoa|arab|papua|ambon|flores|timor|aceh|melayu|banjar|manado|toraja|sasak|nias)|"
     r"(?:javanese|sundanese|balinese|madurese|bataks?|buginese|acehnese)\b(?!\s+(?:language|bahasa)))\b|"
     r"\bof\s+\w+(?:[- ]\w+)?\s+(?:descent|ancestry|origin)\b",
     "suku / etnis", "ethnicity"),
    (r"\b(?:asal daerah|daerah asal|putra daerah|putri daerah|tempat lahir|(?:tempat|daerah|kota|kabupaten)\s+kelahiran(?:nya)?|"
     r"(?<!tanggal )(?<!tahun )lahir di|born in|born (?:outside|here|locally)|place of origin|bukan pendatang|orang asli|asli (?:daerah|sini)|"
     r"kelahiran (?:sini|daerah ini|asli)|hometown|originally from|local[- ]born|(?:orang|anak|putra|putri) asli|"
     r"lahir dan besar|(?:only|staff|employees|people|officials|ones|those|someone)(?: \w+){0,2} native to|outsiders?|orang luar|orang seberang|(?:yang|orang|pegawai|staf) dari luar(?: daerah| kabupaten| kota| provinsi)?|"
     r"(?:yang|bukan|orang|pegawai|asn|staf) pendatang|(?:yang|pegawai|asn|staf|staff) kelahiran)\b", "asal daerah", "place of origin"),
    (r"\b(?:menikah|kawin|lajang|nikah|berkeluarga|bujangan|bujang|jomblo|family (?:man|men|person)|"
     r"(?:sudah|udah) (?:nikah dan )?punya anak|(?:staf|pegawai|asn) yang punya anak|"
     r"belum punya tanggungan|janda|duda|status perkawinan|married|unmarried|single|divorced|widow(?:ed)?|"
     r"marital)\b", "status perkawinan", "marital status"),
    (r"\b(?:usia|usianya|umur|umurnya|berumur|berusia|age|aged|elderly\s+(?:employees?|staff|officials?|candidates?|civil\s+servants?|officers?|colleagues?|asn|pns)|oldest|youngest|tertua|termuda|paling tua|paling muda|"
     r"(?:masih|yang|lebih)\s+muda|(?:anak|orang)\s+muda\s+(?:yang|untuk|saja)|young\s+(?:guys?|man|woman|lady|ladies|"
     r"staff|staffers?|employees?|officials?|officers?|candidates?|ones?|blood)|"
     r"(?:find|cari|want|need|prefer|only|give\s+me|show|list|hire|pick|choose|select)\s+(?:\w+\s+){0,2}young\s+(?:people|persons|men|women)|"
     r"(?:yang|pegawai|asn|staf|anak-anak|orang)\s+kelahiran\s+(?:tahun\s+)?(?:19|20)\d{2}(?:-an)?|"
     r"born\s+(?:after|before|in|around)\s+(?:the\s+)?(?:19|20)\d{2}s?|"
     r"(?:berdasarkan|menurut|by|urut(?:kan)?|sort(?:ed)?\s+by|ranking|rank|per|dengan|yang)\s+(?:tahun|tanggal)\s+lahir(?:nya)?|"
     r"year\s+of\s+birth|birth\s*years?|"
     r"kepala\s+(?:tiga|empat|lima|enam)|(?:yang|masih)\s+fresh\s+graduate|(?:usia|umur|yang)\s+\d0-an|twenties|thirties|forties|"
     r"fifties|sixties|(?:generasi|anak|pegawai|asn|staf|yang)\s+(?:milenial|gen\s*z)|millennials|gen[- ]z|boomers|digital\s+natives)\b"
     r"(?!\s+pensiun)|\b(?:older|younger)\s+(?:than|employees?|staff|civil|officials?|people|ones|workers?|asn|pns|"
     r"candidates?|colleagues?|generation)\b|\b(?:is|are|be)\s+(?:older|younger)\b|\bthe\s+(?:older|younger)\s*(?:ones?)?\s*[?.!]?$|\b(?:di (?:atas|bawah)|lebih dari|kurang dari|over|under)\s+\d{2}\s+(?:tahun|years?)\b(?!\s+(?:di|in|menjabat))|"
     r"\b(?:someone|somebody|anyone|staff|employees?|people|persons?|candidates?|officials?|officers?|workers?|those|ones|"
     r"applicants?|asn|pns)\s+(?:who\s+(?:is|are)\s+)?(?:under|over|below|above)\s+(?:the\s+age\s+of\s+)?\d{2}\b|"
     r"\b(?:under|over|below|above)\s+(?:the\s+age\s+of\s+\d{2}|\d{2}\s*(?:years?\s+old|y/?o)\b)",
     "usia", "age"),
)  # fmt: skip
_PROTECTED_RE = [(re.compile(p, re.I), id_, en) for p, id_, en in _PROTECTED]
# A protected word that names the work, those it serves or a thing, not the people asked for (the word
# is searched like any other): retirement age, 'anak usia dini', 'pemberdayaan perempuan', 'kelompok wanita
# tani', 'kerukunan umat beragama', 'perbankan syariah', 'budaya Batak', 'Kabupaten Minahasa', 'ayam ras',
# 'kawin suntik', 'single window', 'umur ekonomis', 'over 20 years of experience'. A protected word that
# describes the people ('ASN perempuan', 'female staff', 'wanita yang paham', 'pegawai beragama') is
# declined first (_PERSON_ATTRIBUTE), whatever else the question says.
_ETHNIC_NAMES = r"(?:tionghoa|batak|minang(?:kabau)?|bugis|dayak|betawi|toraja|minahasa|sasak|banjar|nias)"
_NOT_AN_ATTRIBUTE = re.compile(
    "|".join((
        # age
        r"\b(?:usia|batas usia|umur)\s+pensiun\b|\bretirement age\b|\blanjut\s+usia\b|\blansia\b|\bearly\s+childhood\b",
        r"\b(?:di\s*bawah|belum\s+cukup)\s+umur\b(?!\s*\d)|\bunder[- ]?age\b(?!\s*(?:of\s+)?\d)",  # minors, the people served
        r"\b(?:anak\s+)?usia\s+(?:dini|sekolah|kerja|produktif|subur|lanjut|balita|remaja)\b",
        r"\b(?:penduduk|angkatan\s+kerja|pasangan|wanita|perempuan)\s+usia\b",
        r"\bumur\s+(?:ekonomis|simpan|panen|tanaman|bangunan|rencana|teknis|layanan|layan|manfaat|pakai|konstruksi|"
        r"jembatan|gedung|jalan|aset|kendaraan|mesin|peralatan)(?:nya)?\b",
        r"\b(?:gedung|bangunan|jembatan|jalan|kendaraan|mesin|aset|pohon|tanaman|kapal|pasar|kantor|rumah|pipa|bendungan)"
        r"(?:\s+\w+){0,6}\s+(?:sudah\s+|telah\s+)?(?:berumur|berusia|usianya|umurnya)"
        r"(?:\s+(?:sudah|telah))?(?:\s+(?:lebih\s+dari|di\s+atas|hampir|sekitar|kurang\s+dari))?(?:\s+\d+\s+tahun)?\b",
        r"\b(?:working|school|old|retirement)[- ]age\b|\bage[- ]friendly\b|\bage\s+of\s+(?:the|our|its|their)\s+"
        r"(?!(?:staff|employees?|people|candidates?|officials?|workers?|civil|asn|pns)\b)[a-z]+",
        r"\b(?:lebih\s+dari|di\s+atas|over|more\s+than)\s+\d{1,2}\s+(?:tahun|years?)\s+(?:of\s+)?"
        r"(?:pengalaman|experience|service|masa\s+kerja|kerja|bekerja|working|work|menjabat|bertugas)\b",
        r"\b(?:pengalaman|masa\s+kerja|bekerja|experience|worked|served|serving|menjabat|bertugas)(?:\s+\w+){0,2}\s+"
        r"(?:lebih\s+dari|di\s+atas|over|more\s+than)\s+\d{1,2}\s+(?:tahun|years?)\b",
        # gender
        r"\b(?:pemberdayaan|perlindungan|pembinaan|membina|mendampingi|pendampingan|kelompok|organisasi|kesehatan|"
        r"kesejahteraan|hak|isu|data|kekerasan\s+terhadap|terhadap|pelecehan\s+terhadap|korban|layanan|pelayanan|"
        r"melayani|pengusaha|usaha|program|bantuan|santunan)\s+(?:\w+\s+)?(?:kaum\s+)?(?:perempuan|wanita|ibu-ibu|janda|duda)"
        r"(?:\s+(?:dan|atau|serta)\s+(?:perempuan|wanita|janda|duda))?\b",
        r"\bterpilah\s+(?:(?:menurut|berdasarkan)\s+)?(?:jenis\s+kelamin|gender)\b|\b(?:sex|gender)[- ]disaggregated\b|"
        r"\b(?:disaggregated|broken\s+down|split)\s+by\s+(?:sex|gender)\b",
        # both sexes as the people a programme serves: 'adil bagi laki-laki dan perempuan', 'treat women and men fairly'
        r"\b(?:bagi|untuk|antara|terhadap|kepada)\s+(?:kaum\s+)?(?:laki[- ]?laki|pria|perempuan|wanita)\s+(?:dan|maupun|serta)\s+"
        r"(?:kaum\s+)?(?:laki[- ]?laki|pria|perempuan|wanita)\b|"
        r"\b(?:treats?|treating|for|between|both)\s+(?:women|men)\s+and\s+(?:men|women)\b",
        r"\b(?:perempuan|wanita)\s+(?:dan\s+anak|tani|nelayan|pengusaha|hamil|korban|kepala\s+keluarga|rawan)\b|"
        r"\bibu-ibu\s+(?:pkk|rumah\s+tangga|hamil|menyusui|nelayan|tani)\b",
        r"\b(?:pengarusutamaan|kesetaraan|keadilan|adil|responsif|ramah|peka|berbasis|berperspektif|analisis|data|statistik)\s+gender\b|"
        r"\bgender[- ](?:fair|just|equal|equitable|sensitive|inclusive|neutral|transformative)\b|"
        r"\bgender\s+(?:dan\s+anak|mainstreaming|equality|budget\w*|responsive|data|statistics|analysis|issues?|profile|"
        r"statement|audit|gap|focal)\b|\bgender[- ]based\b|\bprofil\s+gender\b",
        r"\bpregnant\s+women\b|\bexpectant\s+mothers\b|\bfor\s+(?:rural|poor|local|vulnerable|pregnant|young|older)\s+women\b|"
        r"\bwomen(?:'s)?\s+(?:\w+\s+)?(?:and\s+(?:children|girls)|empowerment|protection|entrepreneurs?|groups?|cooperatives?|farmers?|"
        r"rights|health|affairs|issues|organi[sz]ations?|shelters?)\b|\b(?:violence|crimes?)\s+against\s+women\b|"
        r"\bfemale[- ]headed\b|\b(?:support(?:ing)?|empower(?:ing)?|protect(?:ing)?|help(?:ing)?|serv(?:e|ing)|assist(?:ing)?|"
        r"train(?:ing)?|advis(?:e|ing)|programmes?\s+for|programs?\s+for|services?\s+for)\s+(?:rural\s+|poor\s+|local\s+|"
        r"vulnerable\s+|pregnant\s+|young\s+)?(?:women|mothers|girls|widows)\b",
        # religion
        r"\b(?:kerukunan|toleransi|moderasi|kehidupan|kementerian|urusan|bidang|pendidikan|penyuluh|lembaga|organisasi|"
        r"tokoh|pembinaan|hari\s+besar)\s+(?:umat\s+)?(?:beragama|agama|keagamaan)(?:\s+(?:islam|kristen|katolik|hindu|buddha|konghucu))?\b|"
        r"\bumat\s+beragama\b|\bpengadilan\s+agama\b|\breligious\s+courts?\b|\bkantor\s+urusan\s+agama\b|"
        r"\bkementerian\s+agama\b|\b(?:isbat|itsbat|pencatatan|buku|akta|bimbingan|kursus)\s+(?:pra)?nikah\b|\bnikah\s+massal\b|\bpranikah\b|"
        r"\b(?:pencatatan|perubahan|data|dokumen|akta)\s+(?:\w+\s+)?(?:status\s+)?perkawinan\b|\bpenduduk\s+pendatang\b|"
        r"\bnative\s+speakers?\b|\b(?:lintas|antar|antarumat)\s*(?:umat\s+)?(?:agama|iman|beragama)\b",
        r"\b(?:ekonomi|perbankan|bank|keuangan|hukum|studi|sejarah|kebudayaan|sastra|filsafat|seni|pendidikan|sekolah)\s+"
        r"(?:agama\s+)?(?:islam|syariah|kristen|katolik|hindu|buddha)\b",
        r"\b(?:islamic|christian|catholic|hindu|buddhist|religious)\s+(?:banking|finance|economics|law|studies|education|"
        r"schools?|boarding|history|art|culture|harmony|affairs|leaders?|tolerance|events?|holidays?|festivals?|"
        r"organi[sz]ations?|institutions?|freedom|moderation|sites?|buildings?|courts?|instruction)\b|\binter[- ]?(?:faith|religious)\b",
        # ethnicity: a culture, a language, a place or a breed
        rf"\b(?:adat|budaya|kebudayaan|bahasa|seni|kesenian|tari(?:an)?|musik|sejarah|tradisi|warisan|rumah\s+adat|"
        rf"hukum\s+adat|lembaga\s+adat|masyarakat(?:\s+adat)?|komunitas(?:\s+adat)?|kampung|pelestarian)(?:\s+\w+){{0,2}}\s+"
        rf"(?:suku\s+)?{_ETHNIC_NAMES}\b",
        rf"\b(?:ke|di|to|in|at|visit(?:ed|ing)?)\s+(?:tana\s+)?{_ETHNIC_NAMES}\b",
        rf"\b(?:kabupaten|kab\.?|kota|tana|provinsi|kepulauan|pulau|pemkab|pemkot|pemprov|pemda)\s+{_ETHNIC_NAMES}\b|"
        rf"\b{_ETHNIC_NAMES}\s+(?:utara|selatan|barat|timur|tengah|regency|district|city|island|islands|province|municipality)\b",
        rf"\b(?:chinese[- ]indonesian|javanese|sundanese|balinese|{_ETHNIC_NAMES})\s+(?:heritage|culture|cultural|arts?|"
        r"language|dance|music|history|customs?|customary|traditions?|traditional|community|communities|district|quarter|adat)\b",
        r"\b(?:ayam|sapi|kambing|domba|babi|kucing|anjing|ikan|ternak|hewan|kuda|itik|bebek|bibit|unggas)\s+(?:\w+\s+)?"
        r"(?:ras|keturunan)\b|\b(?:ras|keturunan)\s+(?:unggul|murni|petelur|pedaging|ayam|sapi|kambing|domba|babi|kuda|"
        r"itik|bebek|ternak|hewan|ikan|unggas)\b",
        # marital status
        r"\bsingle[- ]handed(?:ly)?\b|\bkawin\s+(?:suntik|silang|alami)\b|\bmusim\s+kawin\b|\bsingle[- ](?:window|sign[- ]on|submission|data|entry|"
        r"source|point|use|stop|family)\b|\bwidows?\s+and\s+orphans\b|\b(?:janda|duda)\s+(?:lansia|miskin|penerima)\b",
    )),
    re.I,
)
_PERSONS = (
    r"(?:asn|pns|pppk|pegawai|karyawan|staf|staff|pejabat|calon|kandidat|orang|sosok|employees?|officials?|officers?|"
    r"civil\s+servants?|candidates?|people|persons?|workers?|staffers?|applicants?|engineers?|doctors?|nurses?|teachers?)"
)
# 'ASN perempuan', 'pegawai yang beragama', 'female staff', 'wanita yang paham', 'women who know'
_PERSON_ATTRIBUTE = re.compile(
    rf"\b{_PERSONS}\s+(?:yang\s+)?(?:berjenis\s+kelamin\s+)?(?:perempuan|wanita|laki[- ]?laki|pria|beragama|bersuku|"
    rf"keturunan|muslim|muslimah|kristen|katolik|hindu|buddha|menikah|lajang|janda|duda|(?:masih\s+)?muda)\b|"
    rf"\b(?:female|male|women|woman|men|muslim|christian|catholic|hindu|buddhist|married|unmarried|chinese|javanese|"
    rf"sundanese|balinese|batak)\s+{_PERSONS}\b|"
    r"\b(?:young|elderly)\s+(?:asn|pns|pegawai|staf|staff|staffers?|employees?|officials?|officers?|candidates?|applicants?|"
    r"civil\s+servants?|colleagues?)\b|"
    r"\b(?:perempuan|wanita|pria|laki[- ]?laki)\s+(?:yang|saja)\b|\b(?:women|woman|men|a\s+man)\s+(?:who|that|only)\b|"
    r"\bonly\s+(?:women|men)\b",
    re.I,
)
# Those the work serves, named by their age: 'programmes for young people', 'care for elderly people',
# 'mendampingi orang muda'. Read before _PERSON_ATTRIBUTE, whose 'young people' is otherwise the people asked for.
_BENEFICIARIES = re.compile(
    r"\b(?:for|with|to|among|serve|serving|care\s+for|caring\s+for|look(?:ing)?\s+after|help(?:ing)?|support(?:ing)?|"
    r"engag(?:e|ing)|reach(?:ing)?|train(?:ing)?|coach(?:ing)?|mentor(?:ing)?|protect(?:ing)?)\s+(?:the\s+|our\s+)?(?:\w+\s+)?"
    r"(?:young|elderly|older|old|aged)\s+(?:people|persons|residents|citizens|adults|farmers|entrepreneurs|women|men|"
    r"mothers|generation|villagers|workers|jobseekers)\b|"
    r"\b(?:mendampingi|membina|melayani|merawat|untuk|bagi|pembinaan|pemberdayaan|pelatihan)\s+(?:para\s+)?(?:orang|petani|warga|"
    r"pengusaha|generasi|wirausaha|pemuda)\s+(?:muda|tua|lansia|lanjut\s+usia)\b",
    re.I,
)
# An equality report's aggregate ("rekap ASN per jenis kelamin"): allowed to BKPSDM only, never a filter.
_GROUP_GENDER = re.compile(
    r"\b(?:(?:per|menurut|berdasarkan|by)\s+(?:jenis\s+kelamin|gender|sex)|(?:sebaran|komposisi|rasio|rekap(?:itulasi)?|distribusi|"
    r"breakdown|distribution|balance)\s+(?:(?:of|menurut|berdasarkan)\s+)?(?:jenis\s+kelamin|gender)|gender\s+(?:breakdown|distribution|"
    r"balance|ratio|split))\b",
    re.I,
)

# ---- counts and groups ---------------------------------------------------------------------------

_COUNT = re.compile(
    r"\b(?:berapa(?:\s+(?:banyak|jumlah|orang))?|(?<!dalam\s)jumlah(?!\s+(?:besar|banyak|kecil|sedikit|massal)\b)|banyaknya|"
    r"hitung|how\s+many|number\s+of|count(?:\s+of)?|total)\b",  # 'memasak dalam jumlah besar' (in large amounts) is no count
    re.I,
)
_GROUP_WORDS = r"(?:per|setiap|tiap|menurut|berdasarkan|by|across|for each|each|(?:di\s+)?masing-masing)"
_GROUPS: tuple[tuple[str, str], ...] = (
    (
        r"(?:unit(?:\s+kerja)?|opd|perangkat daerah|instansi|satuan kerja|office|unit|agency|department)s?",
        "unit",
    ),
    (r"(?:golongan|pangkat|grade|rank)s?", "golongan"),
    (r"(?:eselon|echelon)s?", "eselon"),
    (r"(?:kotak(?:\s+talenta)?|9-?box(?:\s+cell)?|nine-?box(?:\s+cell)?|cell|box)(?:es|s)?", "kotak"),
    (r"(?:(?:jenjang\s+)?pendidikan(?:\s+terakhir)?|education(?:\s+level)?|degree)s?", "pendidikan"),
    (r"(?:predikat\s+)?(?:skp|kinerja|predikat|performance rating)s?", "skp"),
    (
        r"(?:jenis\s+jabatan|(?:post|position|job)\s+types?|types?\s+of\s+(?:post|position|job)s?)",
        "jenis_jabatan",
    ),
    (r"nilai|score", "training_score"),
    (r"keterangan|remarks?", "training_remark"),
)
_GROUP_RE = [(re.compile(rf"\b{_GROUP_WORDS}\s+{p}\b", re.I), key) for p, key in _GROUPS]
_SPREAD = re.compile(
    r"\b(?:sebaran|distribusi|rekap(?:itulasi)?|komposisi|breakdown|break\s+down|distribution|spread|count|hitung|tally)(?:\s+(?:of|dari|the|jumlah))*"
    r"(?:\s+(\d{4}))?\s+(\w+(?:\s+\w+)?)",
    re.I,
)
# "per kecamatan", "tiap puskesmas": grouped by unit, among the units of that kind
_GROUP_UNIT_KIND = re.compile(rf"\b{_GROUP_WORDS}\s+(kecamatan|kelurahan|puskesmas|dinas|badan|rsud)\b", re.I)
# "Which units have ..., and how many each?", "Unit mana saja ... berapa masing-masing?"
_WHICH_UNITS = re.compile(
    r"\b(?:(?:which|what)\s+(?:units?|offices?|opds?|departments?|agencies)|(?:unit(?:\s+kerja)?|opd|dinas|instansi)\s+mana(?:\s+saja)?)\b",
    re.I,
)
_EACH = re.compile(
    r"\b(?:how\s+many\s+(?:in\s+)?each|(?:berapa\s+)?masing-masing(?:\s+berapa)?|berapa\s+(?:orang\s+)?(?:per|tiap)\s+unit)\b",
    re.I,
)
_SPREAD_KEYS = {
    "nilai": "training_score", "score": "training_score", "scores": "training_score", "golongan": "golongan",
    "pangkat": "golongan", "kotak": "kotak", "9-box": "kotak", "pendidikan": "pendidikan", "education": "pendidikan",
    "skp": "skp", "kinerja": "skp", "predikat": "skp", "unit": "unit", "opd": "unit", "asn": "unit", "pegawai": "unit", "talenta": "kotak",
    "eselon": "eselon", "echelon": "eselon",
    "units": "unit", "predicate": "skp", "predicates": "skp", "cells": "kotak", "boxes": "kotak", "grades": "golongan", "ratings": "skp", "jenis": "jenis_jabatan",
}  # fmt: skip
_SPREAD_NEEDS_GROUP = frozenset(
    {"count", "hitung", "tally"}
)  # "count the X" is a group only when X names one

# ---- 9-box, SKP, golongan, eselon, posts, education ---------------------------------------------------

_KOTAK = re.compile(
    r"\b(?:kotak(?:\s+talenta)?|kuadran|9-?box(?:\s+cells?)?|nine-?box(?:\s+cells?)?|talent\s+box(?:es)?|cells?|box(?:es)?)"
    r"(?:-?nya)?\s*(?:(?:adalah|ada\s+di|di|=|:)\s*)?(?:nomor\s*|no\.?\s*|number\s*)?(\d(?:\s*(?:,\s*(?:dan|atau|and|or)?|-|–|sampai|hingga|s/d|to|dan|atau|and|or)\s*\d)*)\b",
    re.I,
)
_PREDIKAT = (
    (r"sangat\s+baik|very\s+good|excellent|outstanding", Predikat.SANGAT_BAIK),
    (r"butuh\s+perbaikan|needs?\s+improvement", Predikat.BUTUH_PERBAIKAN),
    (r"sangat\s+kurang|very\s+poor", Predikat.SANGAT_KURANG),
    (r"kurang|poor", Predikat.KURANG),
    (r"baik|good", Predikat.BAIK),
)
_PRED_ALT = "|".join(p for p, _ in _PREDIKAT)
_LAST_YEARS = re.compile(
    rf"\b(?:(?:selama|dalam|in\s+(?:each\s+of\s+)?(?:the\s+)?|for\s+(?:each\s+of\s+)?(?:the\s+)?)?(?:(?:last|past)\s+)?"
    rf"{_NUM}\s+(?:tahun|years?)\s+(?:terakhir|berturut[- ]turut|in\s+a\s+row|running|consecutive(?:ly)?))|"
    rf"\b(?:(?:the\s+)?(?:last|past)\s+{_NUM}\s+years?)",
    re.I,
)
_GOL = r"(IV|III|II|I)\s*/\s*([a-eA-E])"
_GOL_RANGE = re.compile(
    rf"\b(?:golongan|gol\.?|grade|rank)?\s*{_GOL}\s*(?:-|–|sampai|hingga|s/d|to)\s*{_GOL}\b", re.I
)
_GOL_MIN = re.compile(
    rf"\b(?:(?:golongan|gol\.?|grade|rank)\s+)?(?:minimal|min\.?|paling rendah|sekurang-kurangnya|at least)\s+"
    rf"(?:(?:golongan|gol\.?|grade|rank)\s+)?{_GOL}|\b(?:(?:golongan|gol\.?|grade|rank)\s+)?{_GOL}\s*(?:ke\s*atas|keatas|"
    r"atau lebih tinggi|or above|and above|or higher|\+)",
    re.I,
)
_GOL_MAX = re.compile(
    rf"\b(?:(?:golongan|gol\.?|grade|rank)\s+)?(?:maksimal|maks\.?|paling tinggi|at most)\s+(?:(?:golongan|gol\.?)\s+)?{_GOL}|"
    rf"\b(?:(?:golongan|gol\.?|grade|rank)\s+)?{_GOL}\s*(?:ke\s*bawah|kebawah|or below|and below|or lower)",
    re.I,
)
_GOL_ONE = re.compile(rf"\b(?:(?:golongan(?:nya)?|gol\.?|grade|rank|pangkat(?:nya)?)\s+)?{_GOL}\b", re.I)
_GOL_ROOM = re.compile(r"\b(?:golongan(?:nya)?|gol\.?|grade)\s+(?:(?:adalah|=)\s+)?(IV|III|II|I)\b(?!\s*/)", re.I)
_ESELON = re.compile(r"\b(?:eselon|echelon)\s*(IV|III|II|I|[1-4])(?:\s*[./-]?\s*([ab]))?(?![a-z0-9])", re.I)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_JENIS: tuple[tuple[str, tuple[JenisJabatan, ...]], ...] = (
    (r"(?:pejabat|jabatan)\s+(?:pimpinan\s+tinggi|jpt)(?:\s+pratama)?|\bjpt\b(?:\s+pratama)?|senior\s+executives?",
     (JenisJabatan.JPT,)),
    (r"(?:pejabat|jabatan)\s+administrator|\badministrators\b|\badministrator(?:-level|\s+level)(?:\s+(?:officials?|posts?|staff))?|"
     rf"\badministrator\b(?={JENIS_AFTER})", (JenisJabatan.ADMINISTRATOR,)),
    (r"(?:pejabat|jabatan)\s+pengawas|\bsupervisors\b|\bpengawas(?:-level|\s+level)(?:\s+(?:officials?|posts?|staff))?|"
     rf"(?<!tim )(?<!panitia )(?<!pihak )\bpengawas\b(?={JENIS_AFTER})", (JenisJabatan.PENGAWAS,)),
    (JENIS_WORDS["fungsional"], (JenisJabatan.FUNGSIONAL,)),
    (JENIS_WORDS["pelaksana"], (JenisJabatan.PELAKSANA,)),
    (JENIS_WORDS["struktural"], (JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS)),
)  # fmt: skip
_JENIS_RE = [(re.compile(rf"(?:{p})(?:\s+saja|\s+only)?", re.I), kinds) for p, kinds in _JENIS]
_EDU_WORD = (
    r"(S-?3|S-?2|S-?1|D-?IV|D-?4|D-?III|D-?3|SMA|SMK|SLTA|doktor(?:al)?|doctoral|doctorates?|ph\.?d|magister|master'?s?|"
    r"pascasarjana|postgraduate|sarjana|bachelor'?s?|undergraduate|diploma\s+(?:iii|3|iv|4)|high\s+school)(?!\w)"
)  # a whole word: 'a small airport' holds no SMA
_EDU_MAP = {
    "s3": Jenjang.S3, "doktor": Jenjang.S3, "doktoral": Jenjang.S3, "doctoral": Jenjang.S3, "doctorate": Jenjang.S3,
    "doctorates": Jenjang.S3, "phd": Jenjang.S3, "ph.d": Jenjang.S3, "s2": Jenjang.S2, "magister": Jenjang.S2,
    "master": Jenjang.S2, "masters": Jenjang.S2, "master's": Jenjang.S2, "pascasarjana": Jenjang.S2,
    "postgraduate": Jenjang.S2, "s1": Jenjang.S1, "sarjana": Jenjang.S1, "bachelor": Jenjang.S1,
    "bachelors": Jenjang.S1, "bachelor's": Jenjang.S1, "undergraduate": Jenjang.S1, "div": Jenjang.D4,
    "d4": Jenjang.D4, "diploma iv": Jenjang.D4, "diploma 4": Jenjang.D4, "d3": Jenjang.D3, "diii": Jenjang.D3,
    "diploma iii": Jenjang.D3, "diploma 3": Jenjang.D3, "sma": Jenjang.SMA, "smk": Jenjang.SMA, "slta": Jenjang.SMA,
    "high school": Jenjang.SMA,
}  # fmt: skip
_EDU_HIGHEST = re.compile(
    rf"\b(?:(?:pendidikan|jenjang)\s+(?:terakhir(?:nya)?|tertinggi(?:nya)?)\s*(?:adalah\s+|nya\s+|masih\s+|hanya\s+|baru\s+|=\s*)?"
    rf"{_EDU_WORD}(?:\s*/?\s*(?:sederajat|setara|equivalent))?|"
    rf"{_EDU_WORD}(?:\s+degree)?\s+(?:as\s+(?:their|the|his|her)\s+highest(?:\s+(?:education|degree|qualification))?|"
    rf"sebagai\s+pendidikan\s+(?:terakhir|tertinggi))|highest\s+(?:education|degree|qualification)\s+(?:is\s+|of\s+|=\s*)?(?:an?\s+)?{_EDU_WORD}|"
    rf"(?:berpendidikan|lulusan)\s+terakhir\s+{_EDU_WORD})",
    re.I,
)
_EDU_MIN = re.compile(
    rf"\b(?:(?:pendidikan\s+)?(?:minimal|min\.?|paling rendah|sekurang-kurangnya|at least)\s+(?:an?\s+)?{_EDU_WORD}|"
    rf"{_EDU_WORD}\s*(?:ke\s*atas|keatas|or above|and above|or higher|\+)|"
    rf"(?:lulusan|berpendidikan|bergelar|pendidikan|berijazah|with\s+an?|holding\s+an?|holds?\s+an?|has\s+an?|have\s+an?|"
    rf"having\s+an?|an?)\s+{_EDU_WORD}(?:\s+(?:degree|degrees|graduates?|holders?))?|{_EDU_WORD}\s+(?:degree|graduates?|holders?))",
    re.I,
)
# 'lulusan muda', 'lulusan baru', 'lulusan terbaik', 'lulusan luar negeri': graduates of a kind, not a major
_NOT_A_MAJOR = re.compile(r"(?:muda|baru|terbaik|terbaru|fresh|luar|dalam|perguruan|sekolah|sma|smk|smp|sd|s[123]|d[1-4])\b", re.I)
# 'membantu lulusan ... dapat kerja', 'training graduates': the graduates are those the work serves
_SERVING = re.compile(r"\b(?:membantu|melatih|membina|mendampingi|menyalurkan|merekrut|menempatkan|bagi|untuk|help(?:ing)?|"
                      r"train(?:ing)?|place|placing|for)\s+(?:para\s+|the\s+)?$", re.I)
_JURUSAN = re.compile(
    r"\b(?:jurusan|program\s+studi|prodi|major(?:ed|ing)?\s+in|majoring\s+in|degree\s+in|studied|lulusan(?:\s+jurusan)?)"
    r"\s+([a-z][\w\s-]{2,40}?)(?=\s+(?:di|yang|dan|dengan|who|with|in|at|and|saja|only)\b|[?.,!]|$)",
    re.I,
)

# ---- training ------------------------------------------------------------------------------------

_LEADERSHIP = re.compile(
    r"\b(?:(?:diklat\s*)?(?:pim|diklatpim)\s*(?:tingkat\s*)?(IV|III|II|[234])?|pkp|pka|pkn(?:\s*(?:tingkat\s*)?(?:II|2))?|"
    r"(?:diklat|pelatihan)\s+kepemimpinan(?:\s+(?:tingkat\s+)?(IV|III|II|pengawas|administrator|nasional))?|leadership\s+training)\b",
    re.I,
)
_NOT_TAKEN = re.compile(
    r"\b(?:belum\s+(?:pernah\s+)?(?:ikut\s+|mengikuti\s+)?|tidak\s+(?:pernah\s+)?(?:ikut\s+|mengikuti\s+)?|tanpa\s+|"
    r"(?:have|has)\s+not\s+(?:yet\s+)?(?:taken|attended|done)\s+(?:the\s+|a\s+|any\s+)?|(?:have|has)n't\s+(?:yet\s+)?(?:taken|attended|done)\s+"
    r"(?:the\s+|a\s+|any\s+)?|without\s+(?:the\s+|a\s+|any\s+)?|not\s+yet\s+(?:taken|attended)\s+(?:the\s+|a\s+)?|never\s+(?:took|attended)\s+(?:the\s+|a\s+)?)$",
    re.I,
)
_TRAINING_STOP = (
    r"dengan|yang|dan|di|pada|tahun|nilai(?:nya)?|skor|score[sd]?|scoring|who|with|in|at|and|that|scored|got|get|mendapat|"
    r"memperoleh|lanjut|ke|sebaran|distribution|saja|only|participants?|peserta|trainees?|siapa|berapa|apa|which|what|how|"
    r"keterangan(?:nya)?|dengan|of|for|the|a|an|is|are|was|were|has|have|had|did|do|does|yg|tidak|not|sudah|belum|telah|"
    r"tertinggi|terendah|terbaik|paling|highest|lowest|best|top"
)
_TRAINING_BEFORE = re.compile(
    rf"(?:\b(?:{_TRAINING_STOP}|from|took|take|taken|attended|completed)\s+|^\s*|\s\s)((?:(?!(?:{_TRAINING_STOP})\b)[\w/&+-]+\s+){{1,4}}?)"
    r"(?:training|course|workshop)s?\b",
    re.I,
)
_TRAINING_NAME = re.compile(
    r"\b(?:peserta\s+)?(?:pelatihan|diklat|training|bimtek|bimbingan\s+teknis|kursus|course|workshop)\s+"
    rf"(?!(?:{_TRAINING_STOP})\b)((?:[\w/&+-]+\s*){{1,6}}?)(?=\s*(?:\b(?:dengan|yang|dan|dengan|di|pada|tahun|nilai(?:nya)?|nilai\s+akhir|skor|score[sd]?|"
    r"who|with|in|at|and|that|scored|got|mendapat|memperoleh|lanjut|ke|sebaran|distribution|saja|only)\b|[?.,!()]|$))",
    re.I,
)
# A training the person took: words that say so. Without them, a field question's 'X training' is its topic.
_TAKEN = re.compile(
    r"\b(?:ikut|mengikuti|diikuti|pernah|sudah|telah|belum|peserta|lulus|attended|attend|attending|completed|complete|"
    r"took|taken|take|taking|participants?|trainees?|passed|nilai(?:nya)?|skor|scored?|scores)\b",
    re.I,
)
# A request this long that names no training taken is a description of work, not a training filter.
LONG_REQUEST_WORDS = 14
_SCORE = re.compile(
    r"\b(?:nilai(?:\s+akhir)?(?:nya)?|skor|score[sd]?|scoring|mendapat(?:kan)?\s+nilai|memperoleh\s+nilai|got|get|received|"
    r"with\s+a\s+score\s+of|a\s+score\s+of)\s*(?:=\s*)?(?:(?:tepat|persis|exactly|of\s+exactly)\s+)?(?:(\d+(?:[.,]\d+)?)\s*"
    r"(?:sampai(?:\s+dengan)?|hingga|s/d|-|–|to|through|and)\s*(?=\d))?(?:(minimal|min\.?|paling\s+rendah|sekurang-kurangnya|at\s+least|di\s+atas|lebih\s+dari|"
    r"above|more\s+than|over|di\s+bawah|kurang\s+dari|below|under|less\s+than|maksimal|paling\s+tinggi|at\s+most)\s+)?"
    r"(\d+(?:[.,]\d+)?)(?:\s*(?:/\s*10{1,2}))?(?:\s*(ke\s*atas|keatas|atau\s+lebih|or\s+(?:above|more|higher)|and\s+above|\+|"
    r"ke\s*bawah|kebawah|atau\s+kurang|or\s+(?:below|less|lower)|and\s+below))?",
    re.I,
)
_REMARK = re.compile(r"\b(?:keterangan(?:nya)?|remarks?|notes?|marked(?:\s+as)?)\s*(?:(?:adalah|is|=|:)\s*)?[\"'“‘]([^\"'”’]{2,40})[\"'”’]", re.I)
_PASSED_ON = re.compile(
    r"\b(?:yang\s+)?(?:lanjut|lolos|maju|melaju)\s+ke\s+(?:tahap|babak|sesi)\s+(?:berikut(?:nya)?|selanjutnya)|"
    r"\b(?:go(?:es|ing)?|move[sd]?|moving|advance[sd]?|advancing|proceed(?:s|ing)?)\s+(?:on\s+)?to\s+the\s+next\s+(?:stage|round|phase)",
    re.I,
)
_STOPPED = re.compile(
    r"\b(?:tidak\s+lanjut|tidak\s+lolos|dihentikan|berhenti|stopped|(?:do|does|did)\s+not\s+(?:go\s+on|advance|proceed))\b",
    re.I,
)
# Short training names as pemda write them, with the words a record may use instead.
_TRAINING_SYNONYMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "ai": (("ai",), ("artificial", "intelligence"), ("kecerdasan", "artifisial"), ("kecerdasan", "buatan")),
    "artificial intelligence": (("ai",), ("artificial", "intelligence"), ("kecerdasan", "artifisial")),
    "kecerdasan buatan": (("ai",), ("artificial", "intelligence"), ("kecerdasan", "buatan")),
}

# ---- discipline, JPM, years in post, retirement ----------------------------------------------------

_DISCIPLINE_ON = re.compile(
    r"\b(?:(?:sedang|masih)\s+(?:menjalani|dalam\s+masa|terkena|kena)\s+hukuman(?:\s+disiplin)?|"
    r"(?:menjalani|dalam\s+masa|terkena|kena)\s+hukuman(?:\s+disiplin)?|hukuman\s+disiplin(?:nya)?\s+(?:yang\s+)?(?:masih\s+)?"
    r"(?:berlaku|aktif|berjalan)|(?:currently\s+)?under\s+(?:a\s+)?disciplinary\s+(?:sanction|penalty)|"
    r"(?:with|having|serving|under(?:going)?)\s+(?:a\s+|an\s+)?(?:active\s+|ongoing\s+)?disciplinary\s+(?:sanctions?|penalt(?:y|ies)|punishments?)(?:\s+in\s+force)?|"
    r"hukuman\s+disiplin(?:nya)?\s+(?:yang\s+)?masih\s+berlaku|"
    r"disciplinary\s+(?:sanctions?|penalt(?:y|ies))\s+in\s+force)",
    re.I,
)
_DISCIPLINE_OFF = re.compile(
    r"\b(?:(?:tidak|tanpa|bebas(?:\s+dari)?)\s+(?:sedang\s+)?(?:menjalani\s+)?hukuman(?:\s+disiplin)?|"
    r"(?:no|without(?:\s+any)?|free\s+of)\s+(?:active\s+|ongoing\s+)?disciplinary\s+(?:sanctions?|penalt(?:y|ies)|record))",
    re.I,
)
_JPM = re.compile(
    r"\b(?:(?:nilai|skor)\s+)?(?:jpm|job\s+person\s+match|nilai\s+asesmen|skor\s+asesmen|assessment\s+score)(?:\s*-?nya)?"
    r"(?:\s+(?:asesmen|assessment|kompetensi|competency))?(?:\s+(?:terakhir|terbaru|latest|last))?(?:\s*-?nya)?\s*(?:(?:of|is|adalah|=|:)\s*)?"
    r"(?:(minimal|min\.?|paling\s+rendah|at\s+least|di\s+atas|lebih\s+dari|above|over|more\s+than|di\s+bawah|kurang\s+dari|"
    r"below|under|less\s+than|maksimal|at\s+most)\s+)?(\d+(?:[.,]\d+)?)\s*%?(?:\s*(ke\s*atas|keatas|atau\s+lebih|or\s+(?:above|more|higher)|\+|"
    r"ke\s*bawah|or\s+(?:below|less)))?",
    re.I,
)
_YEARS_IN_POST = re.compile(
    rf"\b(?:(?:sudah|telah)\s+)?(?:(lebih\s+dari|minimal|sekurang-kurangnya|paling\s+sedikit|at\s+least|more\s+than|over|"
    rf"kurang\s+dari|less\s+than|under|paling\s+lama|at\s+most)\s+)?{_NUM}\s+(?:tahun|years?)\s*(?:(?:atau|or)\s+(?:lebih|more))?\s+"
    r"(?:(?:di|pada|dalam|menjabat(?:\s+di)?|in)\s+)(?:(?:the\s+)?(?:same\s+)?(?:jabatan|posisi|post|position|role)(?:nya)?"
    r"(?:\s+(?:sekarang|saat\s+ini|yang\s+sama|current))?|(?:their|his|her|the)\s+(?:current\s+)?(?:post|position|role|job))",
    re.I,
)
_ASSESSMENT_TAIL = re.compile(
    r"\b(?:(?:in|on|from|dari|pada|di)\s+)?(?:(?:their|the|his|her)\s+)?(?:(?:latest|last|most\s+recent)\s+)?(?:competency\s+)?"
    r"(?:assessment|asesmen)(?:\s+(?:kompetensi|terakhir(?:nya)?|terbaru(?:nya)?))*\b",
    re.I,
)
# Years of experience in the field asked about ('berpengalaman lebih dari 5 tahun di bidang kehutanan', 'at
# least 5 years of experience in fisheries'): the years, and the word that makes them experience.
_EXPERIENCE_WORD = re.compile(r"\b(?:(?:ber)?pengalaman(?:nya)?|experienced?|(?:years?|tahun)\s+(?:of\s+)?experience)\b", re.I)
_FIELD_YEARS = re.compile(
    r"\b(?:(?:dengan|with|punya|memiliki|have|has|having)\s+)?(?:(lebih\s+dari|minimal|min\.?|sekurang-kurangnya|paling\s+sedikit|"
    rf"di\s+atas|at\s+least|more\s+than|over|above)\s+)?{_NUM}\s*\+?\s*(?:tahun|thn|years?|yrs?)"
    r"(?:\s+(ke\s*atas|atau\s+lebih|or\s+more|and\s+above|lebih))?",
    re.I,
)


def _field_years(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    """'berpengalaman lebih dari 5 tahun di bidang kehutanan': years in posts related to the field, applied
    to the field search's candidates (a number of years beside an experience word, within a few words)."""
    for word in _EXPERIENCE_WORD.finditer(s.rest):
        for m in _FIELD_YEARS.finditer(s.rest):
            overlap = m.start() < word.end() and m.end() > word.start()  # '5 years of experience': the word's own
            before = not overlap and m.end() <= word.start()
            gap = "" if overlap else s.rest[m.end() : word.start()] if before else s.rest[word.end() : m.start()]
            if len(gap.split()) > 6 or re.search(r"[.?!;]", gap):
                continue
            if before and gap.strip().lower() not in ("", "of"):
                continue  # years before the word only as '8 tahun pengalaman' ('RPJMD 5 tahun dan berpengalaman' is no)
            op, years = (m.group(1) or "").lower(), _number(m.group(2))
            f = s.plan.filters
            f.field_years_min = years
            # 'lebih dari 5 tahun', 'over 20 years', '5 tahun lebih': more than; '5 tahun atau lebih': at least
            f.field_years_strict = bool(re.search(r"lebih|more|over|di\s+atas|above", op)) or (m.group(3) or "").strip().lower() == "lebih"
            s.take(m)
            if not overlap:
                s.take(word)
            return


_YIP_OP = (
    r"(lebih\s+dari|minimal|sekurang-kurangnya|paling\s+sedikit|at\s+least|more\s+than|over|kurang\s+dari|less\s+than|"
    r"under|paling\s+lama|at\s+most)"
)
_YEARS_IN_POST_2 = re.compile(
    r"\b(?:(?:have|has)\s+(?:been\s+in|held|occupied|served\s+in)|(?:sudah|telah)\s+(?:menjabat|menduduki|memegang)|menjabat|"
    r"(?:dengan\s+)?(?:masa|lama)\s+(?:jabatan|menjabat)(?:nya)?(?:\s+(?:sekarang|saat\s+ini))?|"
    r"menduduki|(?:been|served)\s+in)\s+(?:(?:their|his|her|the|its)\s+)?(?:(?:current|present|same)\s+)?"
    r"(?:(?:post|position|role|job|jabatan(?:nya)?)\s+)?(?:(?:sekarang|saat\s+ini|yang\s+sama)\s+)?(?:(?:for|selama)\s+)?"
    rf"(?:{_YIP_OP}\s+)?{_NUM}\s+(?:tahun|years?)(?:\s+(?:atau|or)\s+(?:lebih|more))?",
    re.I,
)
_RETIRE = re.compile(
    rf"\b(?:(?:akan\s+|yang\s+akan\s+|segera\s+)?(?:memasuki\s+(?:masa\s+|usia\s+)?)?pensiun|(?:mencapai\s+)?(?:bup|batas\s+usia\s+pensiun)|"
    rf"retir(?:e|es|ing|ement)|will\s+retire|reach(?:es|ing)?\s+(?:the\s+)?retirement\s+age)\b"
    rf"(?:\s+(?:pada|di|in|dalam|within|the|on|at|between|antara|from|dari|rentang|periode|kurun)){{0,2}}\s*"
    rf"(?:(?:(?:tahun|years?)\s+)?(\d{{4}})(?:\s*(?:-|–|sampai(?:\s+dengan)?|hingga|s/d|to|until|through|and|dan|or|atau)\s*"
    rf"(?:(?:tahun|year)\s+)?(\d{{4}}))?|(tahun\s+(?:ini|depan)|this\s+year|next\s+year)|(?:(?:jangka\s+)?waktu\s+)?{_NUM}\s+(?:tahun|years?)"
    rf"(?:\s+(?:ke\s+depan|mendatang|terakhir|from\s+now|ahead))?)?",
    re.I,
)

# ---- the date a question is about -----------------------------------------------------------------

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "maret": 3, "march": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10,
    "okt": 10, "oct": 10, "november": 11, "nopember": 11, "nov": 11, "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_LEAD = (
    r"(?:(?:per|pada|tanggal|tgl\.?|sampai|hingga|as\s+(?:of|at)|on|at)\s+(?:(?:tanggal|tgl\.?|the)\s+)?)?"
)
_AS_OF = re.compile(
    rf"\(?\b{_DATE_LEAD}(?:(\d{{1,2}})\s+({_MONTH_ALT})\.?,?\s+(\d{{4}})|({_MONTH_ALT})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})|"
    r"(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[/-](\d{1,2})[/-](\d{4}))\b\)?|"
    r"\(?\b(?:per|pada|as\s+(?:of|at)|at)\s+(?:(?:the\s+)?end\s+of|akhir)\s+(?:(?:tahun|year)\s+)?(\d{4})\b\)?",
    re.I,
)

# ---- sorts and scaffolding -------------------------------------------------------------------------

_SORTS: tuple[tuple[str, str, bool], ...] = (
    (r"(?:dengan\s+|yang\s+)?(?:nilai|skor)(?:\s+akhir)?(?:\s+(?:pelatihan|diklat))?(?:nya)?\s+(?:paling\s+tinggi|tertinggi|terbaik)|"
     r"(?:scored|scoring)\s+(?:the\s+)?(?:highest|best|top)|(?:the\s+)?(?:highest|best|top)\s+(?:training\s+)?scores?",
     "training_score", True),
    (r"(?:dengan\s+|yang\s+)?(?:nilai|skor)(?:\s+akhir)?(?:\s+(?:pelatihan|diklat))?(?:nya)?\s+(?:paling\s+rendah|terendah)|"
     r"(?:scored|scoring)\s+(?:the\s+)?lowest|(?:the\s+)?lowest\s+(?:training\s+)?scores?",
     "training_score", False),
    (r"(?:(?:dengan\s+)?jpm|asesmen|assessment(?:\s+score)?)\s+(?:paling\s+tinggi|tertinggi|terbaik)|(?:highest|best|top)\s+(?:jpm|assessment(?:\s+scores?)?)",
     "jpm", True),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:nilai\s+)?(?:jpm|asesmen|assessment)",
     "jpm", True),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:skp|kinerja|performance)",
     "skp", True),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:merit|prestasi|skor)",
     "merit", True),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:masa\s+jabatan|lama\s+menjabat|years\s+in\s+post)",
     "years_in_post", True),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:tanggal\s+)?(?:pensiun|retirement(?:\s+date)?)",
     "retirement", False),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:nama|name)",
     "name", False),
    (r"paling\s+lama\s+(?:menjabat|(?:di|menduduki|memegang)\s+jabatan(?:nya)?(?:\s+(?:sekarang|saat\s+ini))?)|"
     r"longest\s+in\s+(?:their\s+|the\s+)?(?:current\s+)?(?:post|position|role)|longest[-\s]serving|"
     r"(?:(?:has|have)\s+been\s+|served\s+)?in\s+(?:their|the|his|her)\s+(?:current\s+)?(?:post|position|role)\s+(?:the\s+)?longest|"
     r"(?:(?:has|have)\s+)?held\s+(?:their|the|his|her)\s+(?:current\s+)?(?:post|position|role)\s+(?:the\s+)?longest",
     "years_in_post", True),
    (r"(?:skp|kinerja)\s+(?:terbaik|tertinggi|paling\s+baik)|best\s+(?:skp|performance(?:\s+ratings?)?)",
     "skp", True),
    (r"berprestasi|(?:paling\s+)?(?:unggul|terbaik)|top\s+performers?|high[\s-]+performers?|best\s+performing|"
     r"outstanding\s+(?:employees|staff|civil\s+servants)|(?:the\s+)?best(?!\s+(?:suited|for|at|fit|fits|match|matched)\b)",
     "merit", True),
)  # fmt: skip
_SORT_RE = [(re.compile(rf"\b(?:{p})\b", re.I), k, d) for p, k, d in _SORTS]
# The plain "best" / "terbaik": a merit sort only where nothing says the question is about fitting a field.
_BEST_RE = _SORT_RE[-1][0]

_FIELD_CUE = re.compile(
    r"\b(?:cocok|tepat|sesuai|paham|menguasai|mengerti|ahli|berpengalaman|pengalaman|kompeten|keahlian|bidang|latar\s+belakang|"
    r"suited|suitable|fit|fits|expert|experts|expertise|experienced|experience|background|knows?|skilled|skills?|specialists?|field|placed|candidates?|"
    # 'Who is best for fitness training?' (blind development set, session 11: read as a training filter)
    r"best\s+(?:for|at)|(?:terbaik|paling\s+(?:baik|bagus))\s+untuk|paling\s+pas)\b",
    re.I,
)
_SCAFFOLD = frozenset(
    """
    siapa siapakah saja berapa jumlah banyak orang ada adakah apakah tampilkan tunjukkan sebutkan daftar daftarkan cari carikan
    tolong mohon berikan beri lihat lihatkan list show me give find tell who which what how many are is was were the a an
    of in at on for to from with and or yang di ke dari dan atau dengan pada untuk dalam oleh sebagai para semua seluruh
    asn pns pegawai karyawan staf staff employee employees civil servant servants official officials people person orang
    pejabat kita kami saya ini itu tersebut nya mereka they them their there do does have has had be been punya memiliki
    yg sudah telah masih akan bisa dapat berada terdaftar termasuk bekerja work works working kah lah pun juga hanya cuma only all any every each its it this that those these
    kabupaten kab pemkab pemda regency government kota sekarang saat now currently current today hari
    ikut mengikuti pernah masuk keterangan keterangannya rekap rekapitulasi headcount dong ya aja sih nih tsb tolong coba
    personnel total jumlahnya totalnya please kindly got get received anggota level group grouped kelompokkan
    dikelompokkan break down we i need needs someone somebody anyone seseorang butuh perlu membutuhkan memerlukan looking
    """.split()
)
# Words of a field question that name no field ("paling cocok", "best suited to lead").
_NOT_A_FIELD = frozenset("paling most best top lead memimpin head kepala ideal terbaik cocok tepat".split())
_ABOUT = re.compile(r"\b(?:tentang|soal|mengenai|about|regarding|on)\b", re.I)


@dataclass
class _State:
    rest: str
    introduced: bool = False  # a unit was named as where people work, not as a bare topic
    plan: QueryPlan = field(default_factory=QueryPlan)
    today: dt.date = field(default_factory=dt.date.today)

    def take(self, m: re.Match[str]) -> None:
        self.rest = self.rest[: m.start()] + " " * (m.end() - m.start()) + self.rest[m.end() :]


@lru_cache(maxsize=1)
def unit_aliases() -> list[tuple[str, str]]:
    """(alias, unit name or its start) from data/unit_aliases.csv, then the acronyms of regional units
    the glossary is sure of ('dpmd' -> 'dinas pemberdayaan masyarakat dan desa', 'disperkimtan'),
    longest alias first."""
    text = resources.files("assistant.domain").joinpath("data/unit_aliases.csv").read_text("utf-8")
    rows = [(unit_key(r["alias"]), unit_key(r["unit"])) for r in csv.DictReader(text.splitlines())]
    known = {alias for alias, _ in rows}
    for entries in (v for k, v in acronym_glossary().items() if not k.startswith("_")):
        for e in entries:
            alias, name = unit_key(e["alias"]), e["expansion"]
            if (e["confidence"] == "high" and alias not in known and "(" not in name
                    and name.split(" ")[0] in ("Dinas", "Badan", "Satuan", "Sekretariat", "Inspektorat")):  # fmt: skip
                rows.append((alias, unit_key(name)))
                known.add(alias)
    return sorted(rows, key=lambda r: -len(r[0]))


def _number(text: str) -> float:
    low = text.lower()
    return float(_NUM_WORDS[low]) if low in _NUM_WORDS else float(low.replace(",", "."))


def parse_plan(
    question: str,
    units: Sequence[tuple[str, str]] = (),
    today: dt.date | None = None,
    default_language: str = "id",
    trainings: Collection[str] = frozenset(),
    titles: Collection[str] = frozenset(),
) -> ParsedPlan:
    """The plan of a question. ``units``: (unit_key, name) of the units in the store; ``trainings``: the
    words of the store's training names (an acronym taken, 'yang sudah ikut PPG', is a training);
    ``titles``: the store's current post titles (name keys: 'guru ahli muda'), for a post named in a
    question with other conditions ('guru di Disdik yang sudah ikut PPG')."""
    today = today or dt.date.today()
    text = " ".join(plain_spelling(question).strip().split())
    lang = detect_language(text, default_language)
    en = lang == "en"
    # a sentence that asks for nothing, beside one that does, is the context of the work: its words are
    # read for the field only (put back before _finish), never as a unit, a count or a filter
    context = context_spans(text)
    masked = text
    for a, b in context:
        masked = masked[:a] + " " * (b - a) + masked[b:]
    state = _State(masked, today=today)
    probe = text
    # data about residents broken down by sex ('data terpilah menurut jenis kelamin') is work, not a grouping
    residents = _NOT_AN_ATTRIBUTE.sub(lambda m: " " * len(m.group(0)), text)
    if gender := _GROUP_GENDER.search(residents):
        probe = text[: gender.start()] + " " * (gender.end() - gender.start()) + text[gender.end() :]
        if gender := _GROUP_GENDER.search(masked):
            state.take(gender)
            state.plan.aggregate = Aggregate(kind="group", by="jenis_kelamin")
    declined = _protected(probe)  # the whole question: an attribute is never context
    if declined:
        reason_id = f"Talenta tidak menyaring, mengurutkan atau menghitung ASN menurut {declined[0]}."
        reason_en = f"Talenta does not filter, sort or count civil servants by {declined[1]}."
        return ParsedPlan(plan=QueryPlan(), status="declined", declined_reason=reason_en if en else reason_id,
                          language=lang)  # type: ignore[arg-type]  # fmt: skip
    if m := re.search(r"(?<!\d)(\d{8}\s?\d{6}\s?\d\s?\d{3})(?!\d)", text):
        nip = re.sub(r"\s", "", m.group(1))
        state.take(m)
        state.plan.lookup = Lookup(nip=nip)
        return _finish(state, lang, text)
    _target_post(state, masked)
    for step in _STEPS:
        step(state, units, today)
    _trainings_by_acronym(state, trainings)
    for a, b in context:
        state.rest = state.rest[:a] + text[a:b] + state.rest[b:]
    parsed = _finish(state, lang, text, titles)
    if parsed.status == "ok" and parsed.plan.filters.field_years_min is not None and not parsed.plan.relevance:
        # years of experience in no field named ('Siapa yang berpengalaman lebih dari 5 tahun?'): not understood
        years = "pengalaman di bidang apa?" if not en else "experience in which field?"
        return ParsedPlan(plan=QueryPlan(), status="not_understood", unused=[years], language=lang)  # type: ignore[arg-type]
    return parsed


def _protected(text: str) -> tuple[str, str] | None:
    text = _BENEFICIARIES.sub(" ", text)
    probe = text if _PERSON_ATTRIBUTE.search(text) else _NOT_AN_ATTRIBUTE.sub(" ", text)
    for pattern, id_, en in _PROTECTED_RE:
        if pattern.search(probe):
            return id_, en
    return None


# A request for someone who can do something: 'Saya butuh orang yang bisa ...', 'We need someone who can ...'.
_WHO_CAN = re.compile(
    r"\b(?:butuh|perlu|cari(?:kan)?|need|looking\s+for)\s+(?:\w+\s+){0,2}(?:orang|seseorang|pegawai|staf|someone|somebody|"
    r"a\s+person|people)\b|\b(?:yang|who)\s+(?:bisa|dapat|mampu|can|could)\b",
    re.I,
)


def _count_and_groups(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    # 'Angka dari tiap dinas tidak pernah sama ... Saya butuh orang yang bisa membenahi keduanya': each unit
    # named in a request for someone, with no count before it, is no grouping ('I need someone who knows how to
    # work out how many staff each unit needs': the count and the units are the work)
    who, count = _WHO_CAN.search(s.rest), _COUNT.search(s.rest)
    grouping = who is None or (count is not None and count.start() < who.start())
    if s.plan.aggregate is None and grouping and (m := _GROUP_UNIT_KIND.search(s.rest)):
        kind = m.group(1).lower()
        kind_key = "rumah sakit umum daerah" if kind == "rsud" else kind
        named = [name for key, name in units if key.startswith(kind_key + " ")]
        if named:
            s.take(m)
            s.plan.aggregate = Aggregate(kind="group", by="unit")
            s.plan.filters.units = named
    for pattern, key in _GROUP_RE if s.plan.aggregate is None and grouping else ():
        if m := pattern.search(s.rest):
            s.take(m)
            s.plan.aggregate = Aggregate(kind="group", by=key)  # type: ignore[arg-type]
            break
    if s.plan.aggregate is None and (m := _SPREAD.search(s.rest)):
        words = m.group(2).split()
        if words[0].lower() in ("highest", "tertinggi", "terakhir", "latest") and len(words) > 1:
            words = words[1:]  # "distribution of highest education"
        spread = _SPREAD_KEYS.get(words[0].lower())
        if (
            spread
            and words[0].lower() in ("asn", "pegawai")
            and m.group(0).split()[0].lower() in _SPREAD_NEEDS_GROUP
        ):
            spread = None  # "hitung pegawai ..." is a count
        if spread:
            end = m.start(2) + m.group(2).lower().find(words[0].lower()) + len(words[0])
            # "predikat SKP", "SKP predicates", "9-box cells": the second word belongs to the key
            if len(words) > 1 and _SPREAD_KEYS.get(words[1].lower().rstrip("s")) == spread or (
                    len(words) > 1 and _SPREAD_KEYS.get(words[1].lower()) == spread):  # fmt: skip
                end = m.end(2)
            s.rest = s.rest[: m.start()] + " " * (end - m.start()) + s.rest[end:]
            s.plan.aggregate = Aggregate(
                kind="group", by=spread, year=int(m.group(1)) if m.group(1) else None
            )  # type: ignore[arg-type]
    if s.plan.aggregate is None and (m := _WHICH_UNITS.search(s.rest)) and (each := _EACH.search(s.rest)):
        s.take(m)
        s.take(each)
        s.plan.aggregate = Aggregate(kind="group", by="unit")
    if s.plan.aggregate is not None and s.plan.aggregate.kind == "group":
        # "(JPT, administrator, pengawas, ...)" after the key lists the groups, it is not a filter
        if (paren := re.search(r"\([^)]*\)", s.rest)) and s.plan.aggregate.by in (
            "jenis_jabatan",
            "golongan",
            "kotak",
            "pendidikan",
            "skp",
        ):
            s.take(paren)
        if (
            s.plan.aggregate.by == "skp"
            and s.plan.aggregate.year is None
            and (y := re.search(r"\b(?:(?:tahun|year|in|for|pada)\s+)?(\d{4})\b", s.rest, re.I))
        ):
            s.plan.aggregate.year = int(y.group(1))
            s.take(y)
    if m := _EACH.search(s.rest):
        s.take(m)
    who_can = _WHO_CAN.search(s.rest)
    if (m := _COUNT.search(s.rest)) and not (who_can and who_can.start() < m.start()):
        # 'siapa yang bisa menghitung berapa kebutuhan pupuk': the count is the work asked for, not the answer
        s.take(m)
        if s.plan.aggregate is None:
            s.plan.aggregate = Aggregate(kind="count")


_RETIRE_SORT = re.compile(
    r"\b(?:(?:paling\s+(?:cepat|dekat|segera|dulu|awal)|terdekat|lebih\s+dulu)\s+(?:masa\s+)?pensiun|"
    r"(?:soonest|first|next)\s+to\s+retire|retir(?:e|es|ing)\s+(?:the\s+)?(?:soonest|first|earliest))\b",
    re.I,
)
_FROM_YEAR = re.compile(
    r"\b(?:mulai|sejak|dari|from|starting(?:\s+in)?|in\s+or\s+after)\s+(?:(?:tahun|year)\s+)?(\d{4})(?:\s+(?:on(?:wards?)?|ke\s+atas|dan\s+seterusnya))?\b",
    re.I,
)


# Words that say someone retires ('akan pensiun', 'memasuki masa pensiun', 'will retire', 'BUP'), not the topic.
_RETIRING = re.compile(r"\b(?:akan|segera|memasuki|mencapai|bup|batas|will|retire|retires|retiring|reach(?:es|ing)?)\b", re.I)


def _retirement(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    if m := _RETIRE_SORT.search(s.rest):
        # "paling dulu pensiun": an order, not a filter; "mulai tahun 2026" bounds it
        s.take(m)
        s.plan.sort = Sort(key="retirement", descending=False)
        if start := _FROM_YEAR.search(s.rest):
            s.take(start)
            s.plan.filters.retirement = RetirementFilter(year=int(start.group(1)), year_to=2100)
        else:
            s.plan.filters.retirement = RetirementFilter(within_years=40)  # from today (or the date asked about) on
        return
    m = _RETIRE.search(s.rest)
    if not m:
        return
    year, year_to, relative, within = m.group(1), m.group(2), m.group(3), m.group(4)
    if not (year or relative or within) and not _RETIRING.search(m.group(0)) and not re.search(r"\b(?:yang|who)\s+$", s.rest[: m.start()], re.I):
        return  # 'berkas pensiun', 'iuran pensiun', 'retirement planning': the topic of the work, not who retires
    s.take(m)
    if year and year_to and 0 < int(year_to) - int(year) <= 40:
        f = RetirementFilter(year=int(year), year_to=int(year_to))
    elif year:
        f = RetirementFilter(year=int(year))
    elif relative:
        f = RetirementFilter(year=today.year + (1 if re.search(r"depan|next", relative, re.I) else 0))
    elif within:
        f = RetirementFilter(within_years=int(_number(within)))
    else:
        f = RetirementFilter(within_years=1)
    s.plan.filters.retirement = f


# A unit introduced as where people work ('di Bappeda', 'staff of BPKAD', 'ASN Dinkes'): a filter even alone.
_INTRO_BEFORE = re.compile(
    r"\b(?:di|pada|dari|dalam|in|at|from|of|within|per|unit|opd|pegawai|asn|pns|staf|staff|employees?|officials?|"
    r"people|kantor|instansi|anggota|members?|siapa|who|which|berapa|how\s+many|daftar|list|tampilkan|show)"
    r"\s+(?:(?:the|a|an|saja)\s+)?$",
    re.I,
)
_EXCLUDE_BEFORE = re.compile(
    r"(?:di\s+luar|kecuali|selain|tidak\s+termasuk|tanpa|excluding|except(?:\s+for)?|other\s+than|not\s+counting|outside(?:\s+of)?|"
    r"but\s+not)\s+(?:(?:the|di|unit|units)\s+)?$",
    re.I,
)
_DISTRICT_EN = re.compile(r"\b((?:[A-Z][\w]+\s+){1,3})(?:sub-?district|district)(?:\s+(?:office|government|staff))?\b")
_POST_LEVEL = re.compile(
    r"\b(?:(?:at\s+)?(?:the\s+)?(?:jenjang\s+)?)(ahli\s+(?:utama|madya|muda|pertama)|penyelia|mahir|terampil|pemula)(?:\s+level)?\b",
    re.I,
)
# 'yang mahir mengurus KTP-el', 'paling terampil soal ...': skilled, an everyday adjective, not the jenjang of a
# jabatan fungsional keterampilan ('Pranata Komputer Mahir', 'jenjang Terampil', 'JF yang Mahir'): a level
# written in lower case right after an intensifier or before what the skill is in
_SKILLED = re.compile(
    r"(?:\b(?:yang|paling|lebih|sangat|cukup|amat|kurang|agak|tidak|makin|semakin)\s+$)|"
    r"(?:^\s+(?:dalam|dengan|di\s+bidang|soal|tentang|untuk|(?!menurut\b)me\w+|(?!berapa\b|berdasarkan\b|beserta\b)ber\w+)\b)",
    re.I,
)
_WHOLE_GOVERNMENT = re.compile(
    r"\b(?:(?:di\s+)?(?:lingkungan|seluruh|semua)\s+(?:(?:instansi|opd|perangkat\s+daerah|unit\s+kerja)\s+)?"
    r"(?:pemerintah(?:an)?\s+(?:kabupaten|kota|daerah)|pemkab|pemkot|pemda|kabupaten|kota)|se-?(?:kabupaten|kota)|"
    r"(?:across|in|throughout)\s+the\s+(?:whole\s+|entire\s+)?(?:regency|city|local\s+government|government)(?:\s+government)?|"
    r"(?:di\s+)?(?:seluruh|semua)\s+(?:opd|perangkat\s+daerah|unit\s+kerja|instansi)|"
    r"(?:seluruh|semua)\s+(?:asn|pns|pegawai)(?:\s+(?:di\s+)?(?:pemkab|pemkot|pemda|kabupaten|kota))?|(?:across|in)\s+all\s+(?:units|offices|agencies))\b",
    re.I,
)


def _units(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    found: list[str] = []
    excluded: list[str] = []
    if m := _WHOLE_GOVERNMENT.search(s.rest):
        s.take(m)  # the whole regency: no unit filter
    for m in list(_DISTRICT_EN.finditer(s.rest)):  # "the Bukit Harapan sub-district office"
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            key = unit_key("kecamatan " + " ".join(words[-n:]))
            district = [name for k, name in units if k == key]
            if district:
                found.extend(x for x in district if x not in found)
                s.take(m)
                break
    low = s.rest.lower()

    def led(start: int) -> bool:
        """'lead a community health centre', 'head of the fisheries office': the unit is the object of
        the field, not a filter (left to the field search)."""
        return bool(UNIT_AS_OBJECT.search(s.rest[:start]))

    def note(names: list[str], start: int) -> None:
        if _INTRO_BEFORE.search(s.rest[:start]) or not s.rest[:start].strip():
            s.introduced = s.introduced or bool(_INTRO_BEFORE.search(s.rest[:start]))
        before = _EXCLUDE_BEFORE.search(s.rest[:start])
        target = excluded if before else found
        target.extend(n for n in names if n not in target)
        if before:
            s.rest = s.rest[: before.start()] + " " * (start - before.start()) + s.rest[start:]

    # A unit named in full as the store names it (longest first), then the aliases pemda use.
    for key, name in sorted(units, key=lambda u: -len(u[0])):
        pattern = re.compile(
            r"(?<![\w])" + r"[\s\W]*".join(re.escape(w) for w in key.split()) + r"(?![\w])", re.I
        )
        if (m := pattern.search(low)) and not led(m.start()):
            note([name], m.start())
            s.take(m)
            low = s.rest.lower()
    for alias, target in unit_aliases():
        pattern = re.compile(
            r"(?<![\w])" + r"[\s\W]*".join(re.escape(w) for w in alias.split()) + r"(?![\w])", re.I
        )
        m = pattern.search(low)
        if not m or led(m.start()):
            continue
        named = _resolve(target, units, s.rest[m.end() :])
        if named is None:
            continue
        matched, extra = named
        if target in _KINDS and not extra and len(matched) > 1 and not _STAFF_OF.search(s.rest[: m.start()]) \
                and not (_COUNT.search(s.rest) or _LISTING.search(s.rest)):  # fmt: skip
            continue  # 'memperbaiki pelayanan di kecamatan', 'kantor kecamatan masih amburadul': the place of the work
        s.rest = s.rest[: m.start()] + " " * (m.end() - m.start() + extra) + s.rest[m.end() + extra :]
        note(matched, m.start())
        low = s.rest.lower()
    found = _families(found, units)
    excluded = _families(excluded, units)
    found = [n for n in found if n not in excluded]
    if found:
        s.plan.filters.units = found
    if excluded:
        s.plan.filters.units_exclude = excluded


# What follows a unit's name in the name of one of its parts ('DPUPR - Bidang Bina Marga').
_SUBUNIT = frozenset("bidang bagian seksi subbagian subbidang uptd upt instalasi balai sekretariat unit".split())


@lru_cache(maxsize=1)
def _aliases_by_first_word() -> dict[str, list[tuple[list[str], list[str]]]]:
    out: dict[str, list[tuple[list[str], list[str]]]] = {}
    for alias, target in unit_aliases():  # longest first
        words = alias.split()
        out.setdefault(words[0], []).append((words, target.split()))
    return out


def _canonical(key: str) -> str:
    """A unit key with every alias written out, wherever it stands, and without 'dan' ('dpupr bidang bina
    marga' -> 'dinas pekerjaan umum penataan ruang bidang bina marga'; 'bagian hukum setda' and 'bagian
    hukum sekretariat daerah', 'diskominfo statistik dan persandian' and 'dinas komunikasi, informatika,
    statistik dan persandian' are one unit)."""
    words, i = key.split(), 0
    out: list[str] = []
    by_first = _aliases_by_first_word()
    while i < len(words):
        for alias, target in by_first.get(words[i], ()):
            if words[i : i + len(alias)] == alias:
                out.extend(target[1:] if out and out[-1] == target[0] else target)  # 'dinas pupr': one 'dinas'
                i += len(alias)
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(w for w in out if w != "dan")


# A unit named by its kind alone ('RSUD'): every unit of that kind in the store ('RSUD Sukamaju', 'Rumah
# Sakit Umum Daerah Sukamaju'), as the alias 'rsud' means when the store holds no unit named 'RSUD'.
_BARE_KINDS = frozenset({"rumah sakit umum daerah", "puskesmas"})


def _families(names: list[str], units: Sequence[tuple[str, str]]) -> list[str]:
    """The named units with their other spellings and their parts in the store: 'DPUPR' also means
    'Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas PU dan Penataan Ruang' and 'DPUPR - Bidang Bina
    Marga' (a part: its name goes on with 'bidang', 'seksi', 'UPTD', ...), not 'Dinas Pendidikan dan
    Kebudayaan' for 'Dinas Pendidikan'."""
    if not names:
        return names
    canon = {name: _canonical(key) for key, name in units}
    out = list(names)
    for name in names:
        root = canon.get(name) or _canonical(unit_key(name))
        for other, c in canon.items():
            rest = c[len(root) :].split()
            if other not in out and c.startswith(root) and (
                not rest or (c[len(root)] == " " and (rest[0] in _SUBUNIT or root in _BARE_KINDS))
            ):
                out.append(other)
    return out


# A kind of unit named without a name ('di kecamatan') is a filter only for its staff ('ASN di kecamatan')
# or in a count or a list; in a request for someone it is where the work is done.
_KINDS = frozenset({"kecamatan", "kelurahan", "puskesmas"})
_STAFF_OF = re.compile(r"\b(?:asn|pns|pegawai|staf|staff|employees?|officials?|people|petugas|pejabat)\s+(?:(?:di|pada|at|in|of)\s+)?(?:the\s+)?$", re.I)
_LISTING = re.compile(r"\b(?:tampilkan|daftar|list|show|rekap|sebutkan)\b", re.I)


def _resolve(target: str, units: Sequence[tuple[str, str]], after: str) -> tuple[list[str], int] | None:
    """The store's units an alias means: the one named exactly, else those whose name starts with it
    ('rsud' -> every RSUD; 'kecamatan' followed by a name -> that kecamatan). (names, extra characters
    of the question the name used)."""
    exact = [name for key, name in units if key == target]
    if exact:
        return exact, 0
    if target in ("kecamatan", "kelurahan", "puskesmas"):
        words = re.match(r"\s+([A-Za-z][\w]*(?:\s+[A-Za-z][\w]*){0,2})", after)
        if words:
            for n in (3, 2, 1):
                parts = words.group(1).split()[:n]
                if len(parts) < n:
                    continue
                key = unit_key(f"{target} {' '.join(parts)}")
                named = [name for k, name in units if k == key]
                if named:
                    return named, len(re.match(r"\s+" + r"\s+".join(map(re.escape, parts)), after).group(0))  # type: ignore[union-attr]
            if words.group(1)[0].isupper():
                return None  # 'Kecamatan Pagerwojo', which the store does not hold: not every kecamatan
    prefixed = [name for key, name in units if key.startswith(target + " ") or key == target]
    return (prefixed, 0) if prefixed else None


def _kotak(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    m = _KOTAK.search(s.rest)
    if not m:
        return
    spec = m.group(1)
    cells: set[int] = set()
    for a, b in re.findall(r"(\d)\s*(?:-|–|sampai|hingga|s/d|to)\s*(\d)", spec):
        cells.update(range(int(a), int(b) + 1))
    cells.update(
        int(d) for d in re.findall(r"\d", re.sub(r"(\d)\s*(?:-|–|sampai|hingga|s/d|to)\s*(\d)", "", spec))
    )
    cells = {c for c in cells if 1 <= c <= 9}
    if not cells:
        return
    s.take(m)
    s.plan.filters.kotak = sorted(cells)


_SKP_CUE = r"(?:skp(?:-?nya)?|predikat(?:\s+(?:skp|kinerja))?(?:-?nya)?|kinerja(?:nya)?|performance(?:\s+rating)?|rated|rating)"
_PRED_MIN = r"(?:minimal|min\.?|paling\s+rendah|sekurang-kurangnya|at\s+least)"
_PRED_UP = r"(?:ke\s*atas|keatas|atau\s+lebih(?:\s+baik)?|or\s+(?:better|above|higher)|and\s+above)"
_PRED_BELOW = r"(?:di\s+bawah|below|under|kurang\s+dari|lebih\s+rendah\s+dari|worse\s+than)"
_SKP2 = re.compile(
    rf"\b(?:(?:dengan|ber)\s*)?{_SKP_CUE}(?:\s+(?:tahun\s+)?(?P<y1>\d{{4}})(?:-?nya)?)?\s+(?:(?:nya|of|as|is|adalah|was|were)\s+|[=:]\s*)?"
    rf"(?:an?\s+)?(?:(?P<op1>{_PRED_MIN}|{_PRED_BELOW})\s+)?[\"'“]?(?P<p1>{_PRED_ALT})[\"'”]?(?:\s+(?P<up1>{_PRED_UP}))?"
    rf"|(?:(?P<op2>{_PRED_MIN}|{_PRED_BELOW})\s+)?[\"'“]?(?P<p2>{_PRED_ALT})[\"'”]?(?:\s+(?P<up2>{_PRED_UP}))?\s+"
    r"(?:(?:in|on|di|pada|for|untuk)\s+(?:(?:their|the|his|her)\s+)?)?(?:(?P<y2>\d{4})\s+)?"
    r"(?:skp(?:-?nya)?|performance(?:\s+ratings?)?|ratings?)\b(?:\s+(?:tahun\s+)?(?P<y3>\d{4}))?",
    re.I,
)
_PRED_ORDER = (
    Predikat.SANGAT_KURANG,
    Predikat.KURANG,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.BAIK,
    Predikat.SANGAT_BAIK,
)
_YEAR_RANGE = re.compile(
    r"^[\s,]*(?:(?:dari|from|between|antara|tahun|years?|in|pada|for)\s+)*(\d{4})\s*(?:-|–|sampai(?:\s+dengan)?|hingga|s/d|to|until|and|dan)\s*(\d{4})"
    r"(?!\s*(?:,|dan|and|&)\s*\d{4})",
    re.I,
)
_YEAR_LIST = re.compile(
    r"^[\s,]*(?:(?:in|pada|di|tahun|years?|both|each\s+of|every\s+one\s+of|masing-masing|baik|for)\s+)*(\d{4})((?:\s*(?:,\s*(?:dan|and)?|dan|and|&|maupun)\s*\d{4})+)",
    re.I,
)
_YEAR_ONE = re.compile(r"^[\s,]*(?:(?:in|pada|tahun|year|for|di)\s+)*(\d{4})(?:-?nya)?\b", re.I)


def _skp(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    m = _SKP2.search(s.rest)
    if not m:
        return
    g = m.groupdict()
    first = g["p1"] is not None
    year_text = g["y1"] if first else (g["y2"] or g["y3"])
    op, word, up = (g["op1"], g["p1"], g["up1"]) if first else (g["op2"], g["p2"], g["up2"])
    predikat = next(p for pattern, p in _PREDIKAT if re.fullmatch(pattern, " ".join(word.lower().split()), re.I))
    wanted = [predikat]
    rank = _PRED_ORDER.index(predikat)
    if op and re.fullmatch(_PRED_BELOW, op, re.I):
        wanted = [p for p in _PRED_ORDER if _PRED_ORDER.index(p) < rank] or [predikat]
    elif op or up:
        wanted = [p for p in _PRED_ORDER if _PRED_ORDER.index(p) >= rank]
    s.take(m)
    # Stray mentions of the SKP itself ("in their SKP", "SKP-nya") are part of the same filter.
    s.rest = re.sub(
        r"\b(?:(?:in|on|di|pada)\s+(?:(?:their|the|his|her)\s+)?)?skp(?:-?nya)?\b",
        lambda x: " " * len(x.group(0)),
        s.rest,
        flags=re.I,
    )
    years: list[int] = [int(year_text)] if year_text else []
    n: int | None = None
    after = s.rest[m.end() :]
    for _ in range(3):  # years and "N tahun terakhir" may come in any order after the predicate
        if r := _YEAR_RANGE.match(after):
            a, b = int(r.group(1)), int(r.group(2))
            years = list(range(min(a, b), max(a, b) + 1)) if 0 < abs(b - a) <= 10 else [a, b]
        elif r := _YEAR_LIST.match(after):
            years = [int(r.group(1)), *map(int, re.findall(r"\d{4}", r.group(2)))]
        elif (r := _LAST_YEARS.match(after.lstrip(" ,"))) is not None:
            n = int(_number(r.group(1) or r.group(2)))
            offset = len(after) - len(after.lstrip(" ,"))
            r_end = offset + r.end()
            s.rest = s.rest[: m.end()] + " " * r_end + s.rest[m.end() + r_end :]
            after = s.rest[m.end() :]
            continue
        elif not years and (r := _YEAR_ONE.match(after)):
            years = [int(r.group(1))]
        else:
            break
        s.rest = s.rest[: m.end()] + " " * r.end() + s.rest[m.end() + r.end() :]
        after = s.rest[m.end() :]
    if not years and n is None and (again := _LAST_YEARS.search(s.rest)):
        n = int(_number(again.group(1) or again.group(2)))
        s.take(again)
    if not years and n is None and (y := re.search(r"\b(?:tahun|year|in|pada)\s+(\d{4})\b", s.rest)):
        years = [int(y.group(1))]
        s.take(y)
    if (
        not years
        and n is None
        and (y2 := re.search(r"\btahun\s+(?:ini|lalu)\b|\blast\s+year\b", s.rest, re.I))
    ):
        years = [today.year - (0 if "ini" in y2.group(0) else 1)]
        s.take(y2)
    years = sorted(set(years))
    f = SkpFilter(predikat=wanted, year=years[0] if len(years) == 1 else None, years=years if len(years) > 1 else [],
                  last_years=n if not years else None)  # fmt: skip
    s.plan.filters.skp = f


def _training(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    for m in list(_LEADERSHIP.finditer(s.rest)):
        if given_training(s.rest, m.start(), m.end()):
            continue  # 'menyelenggarakan pelatihan kepemimpinan', 'design leadership training': the work asked about
        level = _leadership_level(m.group(0))
        before = s.rest[: m.start()]
        negation = _NOT_TAKEN.search(before)
        taken = negation is None
        start = negation.start() if negation else m.start()
        end = m.end()
        # "PKP atau Diklat PIM IV", "PKA or the older Diklat PIM III": other names of the same training
        while (more := re.match(r"\s*(?:,|/|atau|or|maupun)\s+(?:(?:the|an?)\s+)?(?:(?:older|old|lama|former|earlier|dulu)\s+)?",
                                s.rest[end:], re.I)) and (again := _LEADERSHIP.match(s.rest, end + more.end())):  # fmt: skip
            other = _leadership_level(again.group(0))
            level = level if other == level else None
            end = again.end()
        if (paren := re.match(r"\s*\(([^)]{1,60})\)", s.rest[end:])) and _LEADERSHIP.search(paren.group(1)):
            end += paren.end()  # "Pelatihan Kepemimpinan Pengawas (PKP)"
        year = None
        if when := re.match(r"\s*(?:(?:pada|di|in)\s+)?(?:(?:tahun|year)\s+)?(\d{4})\b", s.rest[end:], re.I):
            year = int(when.group(1))
            end += when.end()
        s.rest = s.rest[:start] + " " * (end - start) + s.rest[end:]
        s.plan.filters.training.append(TrainingFilter(leadership=True, level=level, taken=taken, year=year))  # type: ignore[arg-type]
        return
    name = _TRAINING_NAME.search(s.rest) or _TRAINING_BEFORE.search(s.rest)
    if name and (
        DOING_TRAINING.search(s.rest)
        or (
            not _TAKEN.search(s.rest[max(0, name.start() - 40) : name.end() + 30])  # 'who took the X course', near it
            and (_FIELD_CUE.search(s.rest) or len(s.rest.split()) > LONG_REQUEST_WORDS)
        )
    ):
        # "best suited for fitness training and sports coaching", "running creative workshops for
        # children", a long request that mentions 'stitching workshops': training as the work asked
        # about (or a place), not a training the person must have taken
        name = None
    spelled: list[str] = []
    if name and (paren := re.match(r"\s*\(([^)]{1,80})\)", s.rest[name.end():])):
        # "diklat PPNS (Penyidik Pegawai Negeri Sipil)": the name spelled out, another way to find it
        spelled = [w for w in re.findall(r"\w+", paren.group(1).lower()) if w not in _SCAFFOLD]
        s.rest = s.rest[: name.end()] + " " * paren.end() + s.rest[name.end() + paren.end():]
    score = _SCORE.search(s.rest)
    passed = _PASSED_ON.search(s.rest)
    talk = _TRAINING_TALK.search(s.rest)
    stopped = _STOPPED.search(s.rest) if talk or re.search(r"kursus|course", s.rest, re.I) else None
    if not (
        name
        or (score and talk)
        or passed
        or stopped
        or _REMARK.search(s.rest)
    ):
        if s.plan.aggregate is not None and s.plan.aggregate.by in ("training_score", "training_remark"):
            # "sebaran nilai pelatihan": every scored training
            s.rest = re.sub(r"\b(?:pelatihan|diklat|training|kursus|courses?)\b", lambda m: " " * len(m.group(0)), s.rest, flags=re.I)
        return
    f = TrainingFilter()
    if name:
        words = [w for w in re.findall(r"[\w]+", name.group(1).lower()) if w not in _SCAFFOLD and not _TAKEN.fullmatch(w)]
        if words:
            f.words = words
            f.also = [spelled] if spelled else []
            s.take(name)
    if score:
        op, value, tail = (score.group(2) or "").lower(), _number(score.group(3)), (score.group(4) or "").lower()
        value = value / 10 if value > 10 else value
        low = _number(score.group(1)) if score.group(1) else None
        if low is not None:
            f.score_min, f.score_max = (low / 10 if low > 10 else low), value
        elif re.search(r"atas|above|more|over|lebih\s+dari", op) and not re.search(r"bawah", op):
            f.score_min = value + (
                0.001 if op.startswith(("di atas", "above", "more", "over", "lebih")) else 0
            )
        elif op in ("minimal", "min", "min.", "paling rendah", "sekurang-kurangnya", "at least"):
            f.score_min = value
        elif re.search(r"bawah|below|under|less|kurang", op):
            f.score_below = value
        elif op in ("maksimal", "paling tinggi", "at most"):
            f.score_max = value
        elif re.search(r"atas|lebih|above|more|higher|\+", tail):
            f.score_min = value
        elif re.search(r"bawah|kurang|below|less|lower", tail):
            f.score_max = value
        else:
            f.score_min = f.score_max = value
        s.take(score)
    note = _REMARK.search(s.rest)
    if note and not (passed or stopped):
        f.remark = note.group(1).strip()
        s.take(note)
    if passed:
        f.passed_on = True
        s.take(passed)
    elif stopped:
        f.passed_on = False
        s.take(stopped)
    s.rest = re.sub(
        r"\b(?:peserta|participants?|trainees?|pelatihan|diklat|training)\b", " ", s.rest, flags=re.I
    )
    s.plan.filters.training.append(f)


def training_word_groups(words: Sequence[str]) -> list[list[str]]:
    """The alternatives a training named in these words may be written as ('ai' -> 'artificial
    intelligence' too); each alternative is a list of words that must all be in the name."""
    phrase = " ".join(words)
    for key, alternatives in _TRAINING_SYNONYMS.items():
        if re.search(rf"\b{re.escape(key)}\b", phrase):
            rest = [w for w in words if w not in key.split()]
            return [[*alt, *rest] for alt in alternatives]
    return [list(words)]


def _leadership_level(text: str) -> str | None:
    low = text.lower()
    if re.search(r"\b(?:iv|4|pkp|pengawas)\b", low):
        return "IV"
    if re.search(r"\b(?:iii|3|pka|administrator)\b", low):
        return "III"
    if re.search(r"\b(?:ii|2|pkn|nasional)\b", low):
        return "II"
    return None


def _discipline(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    if m := _DISCIPLINE_OFF.search(s.rest):
        s.take(m)
        s.plan.filters.discipline_in_force = False
    elif m := _DISCIPLINE_ON.search(s.rest):
        s.take(m)
        s.plan.filters.discipline_in_force = True


def _jpm(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    m = _JPM.search(s.rest)
    if not m:
        return
    op, value, tail = (m.group(1) or "").lower(), _number(m.group(2)), (m.group(3) or "").lower()
    s.take(m)
    s.rest = _ASSESSMENT_TAIL.sub(lambda x: " " * len(x.group(0)), s.rest)
    value = value * 100 if value <= 1 else value
    if re.search(r"bawah|below|under|less|kurang", op) or re.search(r"bawah|below|less", tail):
        s.plan.filters.jpm_max = value
    else:
        s.plan.filters.jpm_min = value + (0.001 if re.search(r"di atas|above|over|more|lebih", op) else 0)


def _years_in_post(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    m = _YEARS_IN_POST.search(s.rest) or _YEARS_IN_POST_2.search(s.rest)
    if not m:
        return
    op, years = (m.group(1) or "").lower(), _number(m.group(2))
    tail = m.group(0).lower()
    s.take(m)
    f = s.plan.filters
    if re.search(r"kurang|less|under|paling lama|at most", op):
        f.years_in_post_max = years
    elif re.search(r"lebih|more|over", op) and not re.search(r"\b(?:atau|or)\s+(?:lebih|more)\b", tail):
        f.years_in_post_min, f.years_in_post_strict = years, True
    else:
        f.years_in_post_min = years


def _golongan(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    f = s.plan.filters

    def gol(a: str, b: str) -> str:
        return f"{a.upper()}/{b.lower()}"

    if m := _GOL_RANGE.search(s.rest):
        f.golongan_min, f.golongan_max = gol(m.group(1), m.group(2)), gol(m.group(3), m.group(4))
        s.take(m)
    else:
        if m := _GOL_MIN.search(s.rest):
            f.golongan_min = gol(m.group(1) or m.group(3), m.group(2) or m.group(4))
            s.take(m)
        if m := _GOL_MAX.search(s.rest):
            f.golongan_max = gol(m.group(1) or m.group(3), m.group(2) or m.group(4))
            s.take(m)
        if not (f.golongan_min or f.golongan_max):
            if m := _GOL_ONE.search(s.rest):
                f.golongan_min = f.golongan_max = gol(m.group(1), m.group(2))
                s.take(m)
            elif m := _GOL_ROOM.search(s.rest):
                room = m.group(1).upper()
                rooms = [g for g in PNS_ORDER if g.split("/")[0] == room]
                f.golongan_min, f.golongan_max = rooms[0], rooms[-1]
                s.take(m)


def _eselon(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    found: list[str] = []
    for m in list(_ESELON.finditer(s.rest)):
        roman = _ROMAN.get(m.group(1), m.group(1).upper())
        found.append(f"{roman}.{m.group(2).lower()}" if m.group(2) else roman)
        s.take(m)
    if found:
        s.plan.filters.eselon = found


def _post_level(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    levels: list[str] = []
    for m in list(_POST_LEVEL.finditer(s.rest)):
        level = " ".join(m.group(1).split()).title()
        bare = m.group(0).strip() == m.group(1)  # not 'jenjang Terampil', 'at the Mahir level'
        if bare and m.group(1).islower() and level in ("Mahir", "Terampil", "Pemula") and (
            _SKILLED.search(s.rest[max(0, m.start() - 12) : m.start()]) or _SKILLED.match(s.rest[m.end() : m.end() + 20])
        ):
            continue
        if level not in levels:
            levels.append(level)
        s.take(m)
    if levels:
        s.plan.filters.post_level = levels


def _jenis(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    kinds: list[JenisJabatan] = []
    for pattern, values in _JENIS_RE:
        for m in list(pattern.finditer(s.rest)):
            if not m.group(0).strip() or names_others(s.rest, m.start()):
                continue  # 'complaints between staff and their supervisors': others, not the people asked for
            kinds.extend(v for v in values if v not in kinds)
            s.take(m)
    if kinds:
        s.plan.filters.jenis_jabatan = kinds


def _education(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    f = s.plan.filters
    if m := _EDU_HIGHEST.search(s.rest):
        level = _jenjang(next(g for g in m.groups() if g))
        if level:
            f.pendidikan = [Jenjang.S1, Jenjang.D4] if level.rank == Jenjang.S1.rank else [level]
            s.take(m)
    elif m := _EDU_MIN.search(s.rest):
        level = _jenjang(next(g for g in m.groups() if g))
        if level:
            f.pendidikan_min = level
            s.take(m)
    if (m := _JURUSAN.search(s.rest)) and not _NOT_A_MAJOR.match(m.group(1)) and not _SERVING.search(s.rest[: m.start()]):
        major = " ".join(w for w in m.group(1).split() if w.lower() not in _SCAFFOLD)
        if major:
            f.jurusan = major
            s.take(m)


def _jenjang(word: str) -> Jenjang | None:
    key = re.sub(r"[-\s]+", " ", word.lower()).replace("s ", "s").strip()
    key = key.replace("d iv", "div").replace("d iii", "diii").replace("ph.d", "phd").replace("s-", "s")
    key = re.sub(r"^([sd])\s?(\d)$", r"\1\2", key)
    return _EDU_MAP.get(key) or _EDU_MAP.get(key.replace(" ", ""))


def _jenjang_label(level: Jenjang) -> str:
    return "S1/D4" if level.rank == Jenjang.S1.rank else level.value


def _sort(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    for pattern, key, desc in _SORT_RE:
        if pattern is _BEST_RE and (_FIELD_CUE.search(s.rest) or _names_a_field(s.rest)):
            # "the best fit for banking", "our best accountant", "best person for engineering work": who
            # fits a field (ranked by relevance, merit included), not a merit sort
            continue
        if m := pattern.search(s.rest):
            s.take(m)
            s.plan.sort = Sort(key=key, descending=desc)  # type: ignore[arg-type]
            return


_TASK_WORDS = re.compile(rf"\b(?:(?:the|its|their)\s+work|{WORK_OF}|pekerjaan)\b", re.I)


def _names_a_field(rest: str) -> bool:
    """Some words of the question, besides 'best', name a field of the thesaurus ('accountant',
    'teaching', 'engineering work') or a body of work ('run the work of the Disnakkeswan')."""
    return bool(_TASK_WORDS.search(rest)) or bool(normalize_concepts(_BEST_RE.sub(" ", rest))[1])


def _as_of(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    m = _AS_OF.search(s.rest)
    if not m:
        return
    g = m.groups()
    try:
        if g[0]:
            day = dt.date(int(g[2]), _MONTHS[g[1].lower()], int(g[0]))
        elif g[3]:
            day = dt.date(int(g[5]), _MONTHS[g[3].lower()], int(g[4]))
        elif g[6]:
            day = dt.date(int(g[6]), int(g[7]), int(g[8]))
        elif g[9]:
            day = dt.date(int(g[11]), int(g[10]), int(g[9]))
        else:
            day = dt.date(int(g[12]), 12, 31)
    except ValueError:
        return
    s.take(m)
    s.plan.as_of = day


_STEPS: tuple[Callable[[_State, Sequence[tuple[str, str]], dt.date], None], ...] = (
    _as_of, _count_and_groups, _retirement, _units, _kotak, _skp, _training, _discipline, _jpm, _years_in_post, _field_years,
    _golongan, _eselon, _post_level, _jenis, _education, _sort,
)  # fmt: skip


# A training spoken of in the question: a score or a stop is about a training only beside one of these.
_TRAINING_TALK = re.compile(r"pelatihan|diklat|training|peserta|participant", re.I)
_TAKEN_CUE = re.compile(
    r"\b(?:ikut|mengikuti|pernah|lulus|punya|memiliki|bersertifikat|took|taken|attended|completed|passed|holds?|certified)\b", re.I
)
_INCLUDING = re.compile(
    r"\b(?:termasuk|including|inclusive\s+of)\s+(?:(?:yang|those)\s+)?(?:(?:di|in|at)\s+)?(?:the\s+)?"
    r"(?:kelurahan(?:nya)?|desa|villages?|sub-?units?|uptd|upt)\b",
    re.I,
)


_NOT_TRAININGS = frozenset({"asn", "pns", "cpns", "pppk", "opd", "ppk", "nip", "bkn", "bkd", "ri", "uptd", "upt"})


def _trainings_by_acronym(s: _State, trainings: Collection[str]) -> None:
    """'Guru yang sudah ikut PPG': an acronym the store's training names use, after a word of taking."""
    if m := _INCLUDING.search(s.rest):
        s.take(m)  # "termasuk yang di kelurahan": the unit already includes them
    if not trainings or not _TAKEN_CUE.search(s.rest):
        return
    for m in list(re.finditer(r"\b([A-Z]{2,8})\b", s.rest)):
        word = m.group(1).lower()
        if word in _SCAFFOLD or word in _NOT_TRAININGS or word not in trainings:
            continue
        if not any(word in t.words for t in s.plan.filters.training):
            s.plan.filters.training.append(TrainingFilter(words=[word]))
            s.take(m)
    if s.plan.filters.training and (cue := _TAKEN_CUE.search(s.rest)):
        s.take(cue)


def _post_title(words: list[str], titles: Collection[str]) -> tuple[int, int] | None:
    """The longest run of leftover words that begins a stored post title: (start, end) in ``words``."""
    if not titles:
        return None
    lows = [w.lower() for w in words]
    best: tuple[int, int] | None = None
    for i in range(len(lows)):
        for j in range(len(lows), i, -1):
            phrase = " ".join(lows[i:j])
            if phrase in titles or any(t.startswith(phrase + " ") for t in titles):
                if best is None or j - i > best[1] - best[0]:
                    best = (i, j)
                break
    return best


_TARGET_CUE = re.compile(
    r"\b(?:layak|cocok|pantas|siap|calon|kandidat|promosi|dipromosikan|menjadi|jadi|pengganti|suksesor|"
    r"eligible|suitable|suited|ready|candidates?|promot\w*|successors?|replace|become)\b",
    re.I,
)


def _target_post(s: _State, text: str) -> None:
    """A post the question asks candidates for ('layak menjadi Kepala Dinas Perikanan'): its words
    name the post, so none of them is read as a filter (the unit in its title, a title)."""
    found = target_post_span(text)
    if not found or not _TARGET_CUE.search(text):
        return
    target, start, end = found
    s.plan.target_post = target.level  # type: ignore[assignment]
    s.plan.target_title = target.title
    s.rest = s.rest[:start] + " " * (end - start) + s.rest[end:]
    s.rest = re.sub(r"\b(?:layak|pantas|siap|dipromosikan|promosi|menjadi|jadi|calon|kandidat|eligible|"
                    r"promoted?|ready|to\s+become|successors?|for|sebagai|untuk)\b", lambda m: " " * len(m.group(0)),
                    s.rest, flags=re.I)  # fmt: skip


def _finish(s: _State, lang: str, text: str, titles: Collection[str] = frozenset()) -> ParsedPlan:
    words = [
        w
        for w in re.findall(r"[\w/'-]+", s.rest)
        if w.lower() not in _SCAFFOLD and not w.isdigit() and re.search(r"\w", w)
    ]
    words = [w.strip("'") for w in words if w.strip("'").lower() not in _SCAFFOLD]
    only_units = set(s.plan.filters.model_dump(exclude_defaults=True)) == {"units"} and not (
        s.plan.sort or s.plan.aggregate or s.plan.lookup)  # fmt: skip
    if only_units and not s.introduced:
        # "satpol pp", "municipal police officers": a bare topic, left to the field search as asked
        return ParsedPlan(plan=QueryPlan(), language=lang)  # type: ignore[arg-type]
    if words and s.plan.structured() and not s.plan.target_post and (run := _post_title(words, titles)):
        # "guru di Disdik yang sudah ikut PPG": a post the store holds, named beside other conditions
        s.plan.filters.post_title = " ".join(w.lower() for w in words[run[0] : run[1]])
        words = words[: run[0]] + words[run[1] :]
    _, concepts = normalize_concepts(" ".join(words))
    field_like = bool(concepts) or bool(_FIELD_CUE.search(s.rest))
    if words and field_like and (s.plan.structured() or s.plan.target_post):
        cue_free = [w for w in words if not _FIELD_CUE.fullmatch(w) and not _ABOUT.fullmatch(w)
                    and w.lower() not in _NOT_A_FIELD]  # fmt: skip
        if cue_free:
            s.plan.relevance = " ".join(cue_free)
        words = []
    elif words and not field_like and not (s.plan.filters.any() or s.plan.sort or s.plan.target_post):
        # Nothing but scaffolding, or a count of something no part could name ("berapa harga beras?")
        return ParsedPlan(plan=s.plan, status="not_understood", unused=words, language=lang)  # type: ignore[arg-type]
    understood = describe(s.plan, lang, s.today)
    return ParsedPlan(plan=s.plan, understood=understood, unused=words if s.plan.structured() else [],
                      language=lang)  # type: ignore[arg-type]  # fmt: skip
