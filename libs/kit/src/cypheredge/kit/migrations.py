"""Per-service Alembic migrations and the database roles services connect as.

Each service keeps its migrations inside its package (``<service>/infra/migrations``) with its
own version table in its own schema. Migrations run as the owner; services then get a role
that is neither owner nor superuser, with rights on their own schema only.
"""

from __future__ import annotations

from importlib import resources

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, create_engine, pool, text

from cypheredge.kit.db import service_role, sync_url
from cypheredge.kit.tables import notify_trigger_statements
from cypheredge.kit.tenancy import rls_statements


def alembic_config(package: str, schema: str, url: str) -> Config:
    """An Alembic config for ``package``'s migrations directory against ``url``."""
    location = resources.files(package).joinpath("migrations")
    config = Config()
    config.set_main_option("script_location", str(location))
    config.set_main_option("sqlalchemy.url", sync_url(url).replace("%", "%%"))
    config.attributes["schema"] = schema
    return config


def run_env(metadata: MetaData) -> None:
    """Body of every service's ``env.py``: online migrations in the service's schema."""
    config = context.config
    schema: str = config.attributes["schema"]
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "", poolclass=pool.NullPool)
    with engine.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
        connection.commit()
        context.configure(
            connection=connection,
            target_metadata=metadata,
            version_table_schema=schema,
            include_schemas=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def grant_statements(service: str, schema: str, database: str, password: str | None) -> list[str]:
    """Create the service role when missing and grant it DML on its own schema only."""
    role = service_role(service)
    create = (
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN "
        f"CREATE ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; "
        "END IF; END $$"
    )
    statements = [create]
    if password is not None:
        statements.append(f"ALTER ROLE {role} PASSWORD '{password.replace(chr(39), '')}'")
    statements += [
        f'GRANT CONNECT ON DATABASE "{database}" TO {role}',
        f"GRANT USAGE ON SCHEMA {schema} TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {schema} TO {role}",
    ]
    return statements


def migrate(package: str, service: str, schema: str, url: str, password: str | None = None) -> None:
    """Upgrade ``service``'s schema to head and (re)grant its role. Idempotent."""
    command.upgrade(alembic_config(package, schema, url), "head")
    engine = create_engine(sync_url(url), poolclass=pool.NullPool)
    with engine.begin() as connection:
        database = connection.execute(text("SELECT current_database()")).scalar_one()
        connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('cypheredge_roles'))"))
        for statement in grant_statements(service, schema, database, password):
            connection.execute(text(statement))
    engine.dispose()


def initial_schema_ddl(schema: str, tenant_tables: list[str]) -> list[str]:
    """RLS on the tenant tables and the outbox wake-up trigger, for a service's first migration.

    Migrations that already ran depend on this output: never change it, add a new helper.
    """
    statements: list[str] = []
    for table in tenant_tables:
        statements += rls_statements(schema, table)
    return statements + notify_trigger_statements(schema)
