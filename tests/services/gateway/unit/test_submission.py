"""Upload validation: limits, file names, JSON fields and the idempotency fingerprint."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from cypheredge.gateway.domain.submission import (
    SubmissionError,
    UploadedFile,
    UploadLimits,
    check_files,
    parse_json_object,
    parse_passwords,
    request_fingerprint,
)

LIMITS = UploadLimits(max_files=3, max_file_bytes=10, max_total_bytes=20)


def pdf(name: str, size: int) -> UploadedFile:
    return UploadedFile.of(name, b"x" * size)


def rejected(files: list[UploadedFile]) -> SubmissionError:
    with pytest.raises(SubmissionError) as caught:
        check_files(files, LIMITS)
    return caught.value


def test_uploaded_file_carries_the_sha256_of_its_bytes() -> None:
    item = UploadedFile.of("a.pdf", b"%PDF-1.7")
    assert item.sha256 == hashlib.sha256(b"%PDF-1.7").hexdigest()
    assert item.size == 8


def test_files_at_every_limit_are_accepted() -> None:
    check_files([pdf("a.pdf", 10), pdf("b.pdf", 10), pdf("c.pdf", 0)], LIMITS)


def test_no_files_is_422() -> None:
    error = rejected([])
    assert (error.status, error.title) == (422, "No files")


def test_too_many_files_is_413() -> None:
    error = rejected([pdf(f"{i}.pdf", 1) for i in range(4)])
    assert (error.status, error.title, error.field) == (413, "Too many files", "files")
    assert "at most 3" in error.detail


def test_a_file_over_the_per_file_limit_is_413() -> None:
    error = rejected([pdf("a.pdf", 1), pdf("big.pdf", 11)])
    assert (error.status, error.title, error.field) == (413, "File too large", "files[1]")


def test_files_over_the_total_limit_are_413() -> None:
    error = rejected([pdf("a.pdf", 10), pdf("b.pdf", 10), pdf("c.pdf", 1)])
    assert (error.status, error.title, error.code) == (413, "Batch too large", "batch_too_large")
    assert "20 bytes" in error.detail


@pytest.mark.parametrize("name", ["", "a/b.pdf", "/etc/passwd", "..\\b.pdf", "dir\\b.pdf"])
def test_bad_file_names_are_422(name: str) -> None:
    error = rejected([pdf("ok.pdf", 1), pdf(name, 1)])
    assert (error.status, error.title, error.field) == (422, "Bad file name", "files[1].filename")


def test_submission_error_is_a_value_error_with_the_detail_as_message() -> None:
    error = SubmissionError("Title", "the detail")
    assert isinstance(error, ValueError)
    assert (str(error), error.status) == ("the detail", 422)


@pytest.mark.parametrize("raw", [None, ""])
def test_absent_json_field_is_an_empty_object(raw: str | None) -> None:
    assert parse_json_object(raw, "params") == {}


def test_json_object_is_parsed() -> None:
    assert parse_json_object('{"a": 1, "b": {"c": [2]}}', "params") == {"a": 1, "b": {"c": [2]}}


def test_invalid_json_is_422_naming_the_field() -> None:
    with pytest.raises(SubmissionError) as caught:
        parse_json_object("{not json", "params")
    assert (caught.value.status, caught.value.title) == (422, "Invalid params")
    assert "'params' is not JSON" in caught.value.detail


@pytest.mark.parametrize("raw", ["[1, 2]", '"text"', "3", "null", "true"])
def test_json_that_is_not_an_object_is_422(raw: str) -> None:
    with pytest.raises(SubmissionError) as caught:
        parse_json_object(raw, "params")
    assert (caught.value.status, caught.value.title) == (422, "Invalid params")
    assert "must be a JSON object" in caught.value.detail


def test_passwords_for_a_subset_of_files_are_returned() -> None:
    parsed = parse_passwords('{"b.pdf": "secret"}', ["a.pdf", "b.pdf"])
    assert parsed == {"b.pdf": "secret"}


def test_no_passwords_is_empty() -> None:
    assert parse_passwords(None, ["a.pdf"]) == {}


def test_password_for_an_unknown_file_is_422() -> None:
    with pytest.raises(SubmissionError) as caught:
        parse_passwords('{"a.pdf": "x", "zzz.pdf": "y"}', ["a.pdf"])
    assert (caught.value.status, caught.value.title) == (422, "Unknown file in passwords")
    assert "'zzz.pdf'" in caught.value.detail


@pytest.mark.parametrize("value", ["1234", "null", "[]", '{"p": 1}', "true"])
def test_password_that_is_not_a_string_is_422(value: str) -> None:
    with pytest.raises(SubmissionError) as caught:
        parse_passwords(f'{{"a.pdf": {value}}}', ["a.pdf"])
    assert (caught.value.status, caught.value.title) == (422, "Invalid passwords")


@pytest.mark.parametrize("raw", ["{oops", '["a.pdf"]'])
def test_passwords_that_are_not_a_json_object_are_422(raw: str) -> None:
    with pytest.raises(SubmissionError) as caught:
        parse_passwords(raw, ["a.pdf"])
    assert caught.value.title == "Invalid passwords"


FILES = [UploadedFile.of("a.pdf", b"%PDF-a"), UploadedFile.of("b.pdf", b"%PDF-b")]
PASSWORDS = {"a.pdf": "secret"}
PARAMS: dict[str, Any] = {"currency": "EUR", "options": {"ocr": True, "pages": [1, 2]}}


def fingerprint(
    files: list[UploadedFile] = FILES,
    passwords: dict[str, str] = PASSWORDS,
    params: Any = PARAMS,
) -> str:
    return request_fingerprint(files, passwords, params)


def test_fingerprint_is_stable_for_the_same_request() -> None:
    copies = [UploadedFile(f.filename, f.size, f.sha256) for f in FILES]
    again = request_fingerprint(copies, dict(PASSWORDS), {**PARAMS})
    assert fingerprint() == again
    assert len(again) == 64
    assert int(again, 16) >= 0


def test_fingerprint_ignores_key_order_in_params_and_passwords() -> None:
    reordered = {"options": {"pages": [1, 2], "ocr": True}, "currency": "EUR"}
    assert fingerprint(params=reordered) == fingerprint()
    two = {"a.pdf": "x", "b.pdf": "y"}
    assert fingerprint(passwords=two) == fingerprint(passwords=dict(reversed(two.items())))


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param({"files": [UploadedFile.of("a.pdf", b"%PDF-A"), FILES[1]]}, id="file-byte"),
        pytest.param({"files": [UploadedFile.of("c.pdf", b"%PDF-a"), FILES[1]]}, id="file-name"),
        pytest.param({"files": FILES[:1]}, id="file-dropped"),
        pytest.param({"passwords": {"a.pdf": "secreT"}}, id="password"),
        pytest.param({"passwords": {"b.pdf": "secret"}}, id="password-file"),
        pytest.param({"passwords": {}}, id="no-password"),
        pytest.param({"params": {**PARAMS, "currency": "USD"}}, id="param-value"),
        pytest.param({"params": {**PARAMS, "extra": None}}, id="param-added"),
        pytest.param({"params": {}}, id="no-params"),
    ],
)
def test_fingerprint_changes_with_any_part_of_the_request(changed: dict[str, Any]) -> None:
    assert fingerprint(**changed) != fingerprint()


def test_fingerprint_does_not_contain_the_password() -> None:
    assert "secret" not in fingerprint()
