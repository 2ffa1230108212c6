from assistant.domain.training import spelled_out


def test_an_acronym_is_found_in_the_initials_of_stored_names():
    names = ["diklat penyidik pegawai negeri sipil", "pendidikan profesi guru ppg dalam jabatan", "pelatihan dasar cpns"]
    assert spelled_out("ppns", names) == [["penyidik", "pegawai", "negeri", "sipil"]]
    assert spelled_out("pdc", names) == [["pelatihan", "dasar", "cpns"]]
    assert spelled_out("xyz", names) == [] and spelled_out("ai", names) == []  # too short to guess


def test_an_acronym_the_store_writes_itself_is_not_guessed_from_initials():
    names = ["pendidikan profesi guru ppg dalam jabatan", "program pendidikan guru penggerak"]
    assert spelled_out("ppg", names) == []
