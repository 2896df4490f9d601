"""``python -m cypheredge.ingest``: run the ingest worker."""

from cypheredge.ingest.bootstrap import SERVICE, build
from cypheredge.kit.stream import run_worker

if __name__ == "__main__":
    run_worker(SERVICE, build)
