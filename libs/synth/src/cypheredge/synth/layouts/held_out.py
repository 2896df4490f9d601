"""The held-out split: families generated and scored only at the end, never tuned on.

Issue 7 asks for "families (not only seeds) that are generated and scored only at the end,
reported on their own line", because tuning to what is scored defeats the point. Every layout here
has `held_out=True`. Whoever tunes the extractor works from the other families and the real
samples; they do not look at these families' PDFs or at how the extractor does on them until the
end of a round, when the benchmark reports them on their own line (`--held-out`). Their code lives
in held_out_*.py so that nobody reads it by accident while working on a tuned family.

This is the third split. The first (it_estratto, nl_ing, pl_wyciag, mx_estado, ae_bank, ph_bank)
and the second (id_rekening, tr_hesap, nordic_konto, jp_yen, cl_cartola, vn_saoke, kr_won) were
scored and are tuned on now, from modules named for their countries. The seven families here
model real prints from countries that no other family covers (each module's docstring says which
banks and which public parsers, fixtures or rules it follows):

- th_baht: Thai statements in English (KBank, Bangkok Bank, SCB)
- pk_statement: Pakistani statements (HBL, MCB, Meezan Bank)
- sa_kashf: Saudi statements in English (SNB, Al Rajhi, Alinma)
- hk_statement: Hong Kong statements (HSBC, BOCHK / Hang Seng)
- cz_vypis: Czech výpis z účtu (ČSOB, Česká spořitelna, Air Bank)
- hu_kivonat: Hungarian számlakivonat (OTP, K&H, Raiffeisen)
- co_extracto: Colombian savings extracts (Bancolombia, a savings cooperative)
"""

from __future__ import annotations

from cypheredge.synth.layouts import (
    held_out_co,
    held_out_cz,
    held_out_hk,
    held_out_hu,
    held_out_pk,
    held_out_sa,
    held_out_th,
)
from cypheredge.synth.layouts.common import Layout

LAYOUTS: tuple[Layout, ...] = (
    *held_out_th.LAYOUTS,
    *held_out_pk.LAYOUTS,
    *held_out_sa.LAYOUTS,
    *held_out_hk.LAYOUTS,
    *held_out_cz.LAYOUTS,
    *held_out_hu.LAYOUTS,
    *held_out_co.LAYOUTS,
)
assert all(layout.held_out for layout in LAYOUTS), "every family here is held out"
