"""The reporter's domain is pure: importing it loads nothing outside the standard library."""

from __future__ import annotations

import ast
import subprocess
import sys

MODULES = ["categories", "counterparty", "dedupe", "model", "recurring", "report", "transfers",
           "validation"]  # fmt: skip


def _outside_stdlib(imports: str) -> list[str]:
    probe = (
        f"{imports}; import sys; "
        "print(sorted({m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names)"
        " - {'cypheredge', '__main__'}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    found: list[str] = ast.literal_eval(out.stdout.strip())
    return found


def test_domain_imports_only_the_standard_library() -> None:
    imports = "; ".join(f"import cypheredge.reporter.domain.{m}" for m in MODULES)
    # What the interpreter loads before any import (site's .pth hooks, such as setuptools'
    # `_distutils_hack` where torch brought setuptools) is not the domain's doing.
    at_start = set(_outside_stdlib("pass"))
    assert sorted(set(_outside_stdlib(imports)) - at_start) == []
