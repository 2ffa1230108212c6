"""Service errors with messages in Indonesian and English."""

from __future__ import annotations


class ServiceError(Exception):
    status = 400

    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.message_en = message_en

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id


class NotFound(ServiceError):
    status = 404


class Forbidden(ServiceError):
    status = 403


class Conflict(ServiceError):
    """A step the workflow's rules do not allow in the current state (or a missing note)."""

    status = 409


class IndexOutdated(ServiceError):
    """The store holds people written by an older version: they are searchable after a re-ingest."""

    status = 503
