import newsledger.errors as errors


def _all_error_classes():
    return [value for value in vars(errors).values()
            if isinstance(value, type) and issubclass(value, errors.NewsledgerError)]


def test_codes_are_unique_and_well_formed():
    codes = [cls.code for cls in _all_error_classes()]
    assert len(codes) == len(set(codes))
    assert all(code.startswith("NL") and code[2:].isdigit() for code in codes)


def test_message_names_the_input_on_one_line():
    error = errors.MalformedJSON("malformed JSON at line 3: Expecting value", source="a.jsonl")
    assert str(error) == "a.jsonl: NL104 malformed JSON at line 3: Expecting value"
    assert "\n" not in str(error)
    assert error.as_dict() == {"error": {"code": "NL104", "message": str(error)}}


def test_query_errors_map_to_client_statuses():
    assert errors.NotFound("x").status == 404
    assert errors.BadOption("x").status == 400
