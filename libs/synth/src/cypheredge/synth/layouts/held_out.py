"""The held-out split: families generated and scored only at the end, never tuned on.

Issue 7 asks for "families (not only seeds) that are generated and scored only at the end,
reported on their own line", because tuning to what is scored defeats the point. Every layout here
has `held_out=True`. Whoever tunes the extractor works from the other families and the real
samples; they do not look at these families' PDFs or at how the extractor does on them until the
end of a round, when the benchmark reports them on their own line. Their code lives in
held_out_*.py so that nobody reads it by accident while working on a tuned family.

The six families model real prints that no tuned family covers (each module's docstring says which
banks and what was taken from them):

- it_estratto: Italian estratto conto (Intesa Sanpaolo, UniCredit, BancoPosta)
- nl_ing: Dutch statements (ING, Rabobank, ABN AMRO)
- pl_wyciag: Polish wyciąg (PKO BP, mBank, Pekao)
- mx_estado: Mexican estado de cuenta (BBVA México, Banamex, Santander)
- ae_bank: UAE account statements (Emirates NBD, ADCB, FAB)
- ph_bank: Philippine savings statements (BPI, BDO, Metrobank)
"""

from __future__ import annotations

from cypheredge.synth.layouts import held_out_ae_ph, held_out_europe, held_out_mx, held_out_pl
from cypheredge.synth.layouts.common import Layout

LAYOUTS: tuple[Layout, ...] = (
    *held_out_europe.LAYOUTS,
    *held_out_pl.LAYOUTS,
    *held_out_mx.LAYOUTS,
    *held_out_ae_ph.LAYOUTS,
)
assert all(layout.held_out for layout in LAYOUTS), "every family here is held out"
