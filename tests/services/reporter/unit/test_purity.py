"""The reporter's domain is pure: importing it loads nothing outside the standard library."""

from __future__ import annotations

import subprocess
import sys

MODULES = ["categories", "counterparty", "dedupe", "model", "recurring", "report", "transfers",
           "validation"]  # fmt: skip


def test_domain_imports_only_the_standard_library() -> None:
    imports = "; ".join(f"import cypheredge.reporter.domain.{m}" for m in MODULES)
    probe = (
        f"{imports}; import sys; "
        "print(sorted({m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names)"
        " - {'cypheredge', '__main__'}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
