"""How every Kafka client of the platform authenticates and encrypts: TLS and SASL.

One value, :class:`KafkaSecurity`, read from the environment once (``KAFKA_SECURITY_PROTOCOL``,
``KAFKA_SASL_*``, ``KAFKA_SSL_*``: :class:`KafkaSecuritySettings`; ``InfraSettings.kafka_security``)
and turned into client options here only: :func:`client_kwargs` for aiokafka's producers,
consumers and admin clients, :func:`broker_security` for FastStream's ``KafkaBroker`` (which
maps its security object onto the same aiokafka options; a test holds the two equal). Nothing
set means ``PLAINTEXT``: no extra option at all, as before security existed.

Invalid combinations fail when the settings load, naming the variable to fix: a SASL protocol
without a username or password, SASL or TLS variables with a protocol that does not use them
(so a forgotten ``KAFKA_SECURITY_PROTOCOL`` never leaves credentials silently unused), a TLS
file that does not exist, a key without its certificate.
"""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Any, Literal

from aiokafka.helpers import create_ssl_context
from faststream.security import BaseSecurity, SASLPlaintext, SASLScram256, SASLScram512
from pydantic import BaseModel, ConfigDict, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = [
    "PLAINTEXT",
    "KafkaSecurity",
    "KafkaSecuritySettings",
    "SaslMechanism",
    "SecurityProtocol",
    "broker_security",
    "client_kwargs",
    "security_from_env",
]

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]

_SASL = ("SASL_PLAINTEXT", "SASL_SSL")
_TLS = ("SSL", "SASL_SSL")
_FASTSTREAM_SASL = {
    "PLAIN": SASLPlaintext,
    "SCRAM-SHA-256": SASLScram256,
    "SCRAM-SHA-512": SASLScram512,
}


class KafkaSecurity(BaseModel):
    """The security of a Kafka connection (a value: reads no environment).

    ``sasl_mechanism`` unset under a SASL protocol means ``PLAIN``. ``ssl_ca_file`` unset
    under a TLS protocol means the system's trusted CAs; ``ssl_cert_file`` (with
    ``ssl_key_file``, unless the certificate file holds the key) is a client certificate
    for brokers that require mutual TLS.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    security_protocol: SecurityProtocol = "PLAINTEXT"
    sasl_mechanism: SaslMechanism | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_ca_file: Path | None = None
    ssl_cert_file: Path | None = None
    ssl_key_file: Path | None = None

    @property
    def uses_sasl(self) -> bool:
        return self.security_protocol in _SASL

    @property
    def uses_tls(self) -> bool:
        return self.security_protocol in _TLS

    @property
    def mechanism(self) -> SaslMechanism | None:
        """The SASL mechanism in effect, or None when the protocol uses no SASL."""
        return (self.sasl_mechanism or "PLAIN") if self.uses_sasl else None

    @model_validator(mode="after")
    def _consistent(self) -> KafkaSecurity:
        protocol = f"KAFKA_SECURITY_PROTOCOL={self.security_protocol}"
        sasl = {
            "KAFKA_SASL_MECHANISM": self.sasl_mechanism,
            "KAFKA_SASL_USERNAME": self.sasl_username,
            "KAFKA_SASL_PASSWORD": self.sasl_password,
        }
        tls = {
            "KAFKA_SSL_CA_FILE": self.ssl_ca_file,
            "KAFKA_SSL_CERT_FILE": self.ssl_cert_file,
            "KAFKA_SSL_KEY_FILE": self.ssl_key_file,
        }
        if self.uses_sasl:
            missing = [n for n in ("KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD") if not sasl[n]]
            if missing:
                raise ValueError(f"{protocol} needs {' and '.join(missing)}")
        elif unused := [name for name, value in sasl.items() if value is not None]:
            raise ValueError(
                f"{', '.join(unused)} set, but {protocol} uses no SASL "
                "(set KAFKA_SECURITY_PROTOCOL=SASL_SSL or SASL_PLAINTEXT)"
            )
        if not self.uses_tls and (unused := [n for n, v in tls.items() if v is not None]):
            raise ValueError(
                f"{', '.join(unused)} set, but {protocol} uses no TLS "
                "(set KAFKA_SECURITY_PROTOCOL=SSL or SASL_SSL)"
            )
        if self.ssl_key_file is not None and self.ssl_cert_file is None:
            raise ValueError("KAFKA_SSL_KEY_FILE set without KAFKA_SSL_CERT_FILE")
        for name, path in tls.items():
            if isinstance(path, Path) and not path.is_file():
                raise ValueError(f"{name}={path}: no such file")
        return self


class KafkaSecuritySettings(BaseSettings, KafkaSecurity):
    """:class:`KafkaSecurity` read from ``KAFKA_*``; empty variables count as unset (compose
    passes ``${KAFKA_SASL_USERNAME:-}`` through)."""

    model_config = SettingsConfigDict(
        env_prefix="KAFKA_", env_file=None, extra="ignore", frozen=True, env_ignore_empty=True
    )


PLAINTEXT = KafkaSecurity()


def security_from_env() -> KafkaSecurity:
    """The security this process's environment configures, as a plain value."""
    return KafkaSecurity.model_validate(KafkaSecuritySettings().model_dump())


def ssl_context(security: KafkaSecurity) -> ssl.SSLContext | None:
    """The TLS context of ``security`` (verifying the broker's certificate and host name),
    or None when it uses no TLS. Files are read now: a client built later sees new ones."""
    if not security.uses_tls:
        return None
    context: ssl.SSLContext = create_ssl_context(
        cafile=security.ssl_ca_file,
        certfile=security.ssl_cert_file,
        keyfile=security.ssl_key_file,
    )
    return context


def client_kwargs(security: KafkaSecurity = PLAINTEXT) -> dict[str, Any]:
    """Keyword arguments for any aiokafka client (``AIOKafkaProducer``, ``AIOKafkaConsumer``,
    ``AIOKafkaAdminClient``, ``AIOKafkaClient``); empty for ``PLAINTEXT``."""
    if security.security_protocol == "PLAINTEXT":
        return {}
    kwargs: dict[str, Any] = {"security_protocol": security.security_protocol}
    if security.uses_tls:
        kwargs["ssl_context"] = ssl_context(security)
    if security.uses_sasl:
        username, password = _credentials(security)
        kwargs["sasl_mechanism"] = security.mechanism
        kwargs["sasl_plain_username"] = username
        kwargs["sasl_plain_password"] = password
    return kwargs


def broker_security(security: KafkaSecurity = PLAINTEXT) -> BaseSecurity | None:
    """The ``security=`` of FastStream's ``KafkaBroker``; None for ``PLAINTEXT``."""
    if security.security_protocol == "PLAINTEXT":
        return None
    context = ssl_context(security)
    mechanism = security.mechanism
    if mechanism is None:  # TLS only
        return BaseSecurity(ssl_context=context, use_ssl=True)
    username, password = _credentials(security)
    return _FASTSTREAM_SASL[mechanism](
        username, password, ssl_context=context, use_ssl=security.uses_tls
    )


def _credentials(security: KafkaSecurity) -> tuple[str, str]:
    if security.sasl_username is None or security.sasl_password is None:  # the validator's
        raise ValueError("SASL needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD")
    return security.sasl_username, security.sasl_password.get_secret_value()
