"""The one error a rejected upload raises (pure: the API maps it to problem+json)."""

from __future__ import annotations


class SubmissionError(ValueError):
    """The upload breaks a rule.

    ``status`` is the HTTP status to answer with, ``field`` the form field at fault (e.g.
    ``params`` or ``files[2].filename``) and ``code`` a stable machine-readable reason.
    """

    def __init__(
        self,
        title: str,
        detail: str,
        status: int = 422,
        *,
        field: str | None = None,
        code: str = "invalid_upload",
    ) -> None:
        super().__init__(detail)
        self.title = title
        self.detail = detail
        self.status = status
        self.field = field
        self.code = code
