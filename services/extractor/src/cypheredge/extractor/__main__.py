"""``python -m cypheredge.extractor``: run the extractor worker."""

from cypheredge.extractor.bootstrap import SERVICE, build
from cypheredge.kit.stream import run_worker

if __name__ == "__main__":
    run_worker(SERVICE, build)
