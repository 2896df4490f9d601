from cypheredge.ingest.infra.models import metadata
from cypheredge.kit.migrations import run_env

run_env(metadata)
