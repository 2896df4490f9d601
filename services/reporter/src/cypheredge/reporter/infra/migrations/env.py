from cypheredge.kit.migrations import run_env
from cypheredge.reporter.infra.models import metadata

run_env(metadata)
