"""The layout registry: one module per family of real-world statement conventions."""

from cypheredge.synth.layouts import (
    continental,
    europe,
    germany,
    highstreet,
    india,
    kenya,
    legacy,
    nigeria,
    southern,
    uk,
    us,
)
from cypheredge.synth.layouts.common import Built, Layout

ALL: tuple[Layout, ...] = (
    *uk.LAYOUTS,
    *us.LAYOUTS,
    *india.LAYOUTS,
    *continental.LAYOUTS,
    *southern.LAYOUTS,
    *legacy.LAYOUTS,
    *europe.LAYOUTS,
    *germany.LAYOUTS,
    *nigeria.LAYOUTS,
    *kenya.LAYOUTS,
    *highstreet.LAYOUTS,
)

__all__ = ["ALL", "Built", "Layout"]
