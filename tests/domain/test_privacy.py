from planner.domain.privacy import describe_hints, find_identifiers, is_valid_nhs_number


def test_nhs_number_check_digit():
    assert is_valid_nhs_number("9434765919")
    assert not is_valid_nhs_number("9434765918")  # wrong check digit
    assert not is_valid_nhs_number("943476591")  # too short
    # A check digit that would be 10 makes the number invalid whatever the last digit.
    assert not any(is_valid_nhs_number(f"100000001{d}") for d in "0123456789")


def test_finds_nhs_number_with_spaces_but_not_random_ten_digits():
    kinds = {h.kind for h in find_identifiers("Patient 943 476 5919 seen today")}
    assert kinds == {"NHS number"}
    assert find_identifiers("Phone 0123456788 for the bed bureau") == []


def test_finds_date_of_birth_postcode_and_hospital_number():
    text = "DOB: 03/04/1951, lives at LS1 4AP, hospital number RX123456"
    kinds = {h.kind for h in find_identifiers(text)}
    assert kinds == {"date of birth", "postcode", "hospital number"}


def test_plain_reflection_has_no_hints():
    text = "At handover I noticed the team was anxious about staffing on the late shift."
    assert find_identifiers(text) == []
    assert describe_hints([]) == ""


def test_message_names_kinds_without_repeating_text():
    message = describe_hints(find_identifiers("NHS no 9434765919"))
    assert "NHS number" in message
    assert "9434765919" not in message
    assert "anonymise" in message
