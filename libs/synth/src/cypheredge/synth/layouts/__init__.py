"""The layout registry: one module per family of real-world statement conventions."""

from cypheredge.synth.layouts import (
    americas,
    asia_cards,
    ausnz,
    bundle,
    chile,
    continental,
    emirates_philippines,
    europe,
    germany,
    held_out,
    highstreet,
    india,
    india_savings,
    indonesia,
    italy_netherlands,
    japan,
    kenya,
    korea,
    landscape,
    legacy,
    loaninvest,
    mexico,
    nigeria,
    nordic,
    poland,
    southern,
    turkey,
    uk,
    us,
    vietnam,
    wordtyped,
)
from cypheredge.synth.layouts.common import Built, Layout

# Scored on their own line and never tuned on (see held_out.py); in ALL so every test covers them.
HELD_OUT: tuple[Layout, ...] = held_out.LAYOUTS

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
    *asia_cards.LAYOUTS,
    *india_savings.LAYOUTS,
    *highstreet.LAYOUTS,
    *ausnz.LAYOUTS,
    *wordtyped.LAYOUTS,
    *americas.LAYOUTS,
    *bundle.LAYOUTS,
    *loaninvest.LAYOUTS,
    *landscape.LAYOUTS,
    # The first held-out split, tuned on since it was scored.
    *italy_netherlands.LAYOUTS,
    *poland.LAYOUTS,
    *mexico.LAYOUTS,
    *emirates_philippines.LAYOUTS,
    # The second held-out split, tuned on since it was scored.
    *indonesia.LAYOUTS,
    *turkey.LAYOUTS,
    *nordic.LAYOUTS,
    *japan.LAYOUTS,
    *chile.LAYOUTS,
    *vietnam.LAYOUTS,
    *korea.LAYOUTS,
    *HELD_OUT,
)

__all__ = ["ALL", "HELD_OUT", "Built", "Layout"]
