"""The held-out split: families generated and scored only at the end, never tuned on.

Issue 7 asks for "families (not only seeds) that are generated and scored only at the end,
reported on their own line", because tuning to what is scored defeats the point. Every layout here
has `held_out=True`. Whoever tunes the extractor works from the other families and the real
samples; they do not look at these families' PDFs or at how the extractor does on them until the
end of a round, when the benchmark reports them on their own line (`--held-out`). Their code lives
in held_out_*.py so that nobody reads it by accident while working on a tuned family.

This is the sixth split. The first (it_estratto, nl_ing, pl_wyciag, mx_estado, ae_bank, ph_bank),
the second (id_rekening, tr_hesap, nordic_konto, jp_yen, cl_cartola, vn_saoke, kr_won), the third
(th_baht, pk_statement, sa_kashf, hk_statement, cz_vypis, hu_kivonat, co_extracto), the fourth
(eg_statement, gr_kinisi, gh_statement, ua_vypyska, kz_vypiska, pe_estado, pt_extrato) and the
fifth (ma_releve, lk_statement, ar_resumen, tz_statement, lt_israsas, bg_izvlechenie,
jo_statement) were scored and are tuned on now, from modules named for their countries. The seven
families here model real prints from countries that no other family covers (each module's
docstring says which banks and which public parsers, fixtures or rules it follows, and where
public sources are thin):

- ro_extras: Romanian extrase de cont (Banca Transilvania, BCR, BRD)
- hr_izvod: Croatian izvodi (Zagrebačka banka, PBZ, Erste)
- rs_izvod: Serbian izvodi in Latin or Cyrillic (Banca Intesa, UniCredit, Raiffeisen)
- ee_valjavote: Estonian kontoväljavõtted (Swedbank, SEB, LHV)
- bd_statement: Bangladeshi statements in lakh grouping (Dutch-Bangla, BRAC, Islami Bank)
- ec_estado: Ecuadorian estados de cuenta in US dollars (Pichincha, Guayaquil, Produbanco)
- ug_statement: Ugandan statements in whole shillings (Stanbic, Centenary, dfcu)

Israel was considered and left out: the embedded DejaVu subset has no Hebrew glyphs, and this
split did not extend it (as the fourth did for Greek and Cyrillic) for one family.
"""

from __future__ import annotations

from cypheredge.synth.layouts import (
    held_out_bd,
    held_out_ec,
    held_out_ee,
    held_out_hr,
    held_out_ro,
    held_out_rs,
    held_out_ug,
)
from cypheredge.synth.layouts.common import Layout

LAYOUTS: tuple[Layout, ...] = (
    *held_out_ro.LAYOUTS,
    *held_out_hr.LAYOUTS,
    *held_out_rs.LAYOUTS,
    *held_out_ee.LAYOUTS,
    *held_out_bd.LAYOUTS,
    *held_out_ec.LAYOUTS,
    *held_out_ug.LAYOUTS,
)
assert all(layout.held_out for layout in LAYOUTS), "every family here is held out"
