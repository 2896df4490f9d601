"""``python -m cypheredge.billing``: run the billing worker."""

from cypheredge.billing.bootstrap import SERVICE, build
from cypheredge.kit.stream import run_worker

if __name__ == "__main__":
    run_worker(SERVICE, build)
