"""Infrastructure settings every service reads from the environment.

Unprefixed names (DATABASE_URL, KAFKA_BOOTSTRAP_SERVERS, S3_*, REDIS_URL) are the platform's
public configuration surface; service-specific settings use a prefix in their own class. The
broker's TLS and SASL settings (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*) are read by
``KafkaSecuritySettings`` and checked when these settings load.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from cypheredge.kit.kafka_security import KafkaSecurity, security_from_env


class InfraSettings(BaseSettings):
    """Where the database, broker, object storage and cache are."""

    model_config = SettingsConfigDict(env_file=None, extra="ignore")

    database_url: str = Field(
        default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
        description="Owner/admin connection: migrations and role provisioning use it; services "
        "derive their own non-owner role connection from it",
    )
    database_service_password: SecretStr | None = Field(
        default=None, description="Password of the per-service database roles (none: trust/peer)"
    )
    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    kafka_security: KafkaSecurity = Field(
        default_factory=security_from_env,
        description="TLS and SASL of every Kafka client (KAFKA_SECURITY_PROTOCOL, ...)",
    )
    storage_dir: Path = Path("var/storage")
    s3_endpoint: str | None = None
    s3_access_key: SecretStr | None = None
    s3_secret_key: SecretStr | None = None
    s3_bucket: str = "cypheredge"
    s3_secure: bool = False
    redis_url: str | None = None
    cypheredge_secret_key: SecretStr | None = Field(
        default=None, description="Fernet key sealing statement passwords in events"
    )
    log_level: str = "INFO"
    log_json: bool = True
