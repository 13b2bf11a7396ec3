import pytest

from newsledger.errors import BadOption
from newsledger.settings import SETTINGS_TABLE, Settings


def test_every_setting_is_documented():
    assert set(SETTINGS_TABLE) == set(Settings.__dataclass_fields__)


def test_environment_overrides_default_and_flags_override_environment():
    environ = {"NEWSLEDGER_DB": "env.db", "NEWSLEDGER_MAX_INPUT_BYTES": "10"}
    assert Settings.from_env(environ).db == "env.db"
    assert Settings.from_env(environ).max_input_bytes == 10
    assert Settings.from_env(environ, db="flag.db").db == "flag.db"
    assert Settings.from_env(environ, db=None).db == "env.db"


def test_tuple_and_boolean_settings_parse_from_text():
    settings = Settings.from_env({"NEWSLEDGER_LANGUAGES": "en, ru", "NEWSLEDGER_ANALYZE": "off"})
    assert settings.languages == ("en", "ru")
    assert settings.analyze is False


@pytest.mark.parametrize("environ", [{"NEWSLEDGER_MAX_INPUT_BYTES": "lots"},
                                     {"NEWSLEDGER_ANALYZE": "perhaps"}])
def test_bad_values_raise_a_coded_error(environ):
    with pytest.raises(BadOption) as caught:
        Settings.from_env(environ)
    assert caught.value.code == "NL302"


def test_unknown_override_is_refused():
    with pytest.raises(BadOption):
        Settings.from_env({}, colour="red")
