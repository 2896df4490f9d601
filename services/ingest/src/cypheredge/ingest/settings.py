"""Ingest settings (env prefix ``INGEST_``): the guards applied to every uploaded PDF."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

from cypheredge.pdf import PdfLimits

MB = 1024 * 1024


class IngestSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INGEST_", extra="ignore")

    max_file_bytes: int = 50 * MB
    max_pages: int = 500
    max_parse_seconds: float = 30.0
    max_parse_memory_mb: int = 1024
    health_host: str = "127.0.0.1"
    health_port: int = 9001

    def limits(self) -> PdfLimits:
        return PdfLimits(
            max_bytes=self.max_file_bytes,
            max_pages=self.max_pages,
            max_seconds=self.max_parse_seconds,
            max_memory_bytes=self.max_parse_memory_mb * MB,
        )
