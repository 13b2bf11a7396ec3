from newsledger.base.transliteration import latin_key


def test_names_meet_across_scripts():
    assert latin_key("ბერიძე") == latin_key("Beridze") == "beridze"
    assert latin_key("Երևան") == "erevan"
    assert latin_key("Ελλάδα") == "ellada"
    assert latin_key("Đoković") == latin_key("Ђоковић")


def test_spelling_folds_apply_after_transliteration():
    assert latin_key("Fyodor") == latin_key("Fiodor")
    assert latin_key("Khomelauri") == latin_key("Homelauri")
