"""``python -m cypheredge.reporter``: run the reporter worker."""

from cypheredge.kit.stream import run_worker
from cypheredge.reporter.bootstrap import SERVICE, build

if __name__ == "__main__":
    run_worker(SERVICE, build)
