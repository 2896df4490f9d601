from cypheredge.extractor.infra.models import metadata
from cypheredge.kit.migrations import run_env

run_env(metadata)
