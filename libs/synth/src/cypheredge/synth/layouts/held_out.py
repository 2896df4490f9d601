"""The held-out split: families generated and scored only at the end, never tuned on.

Issue 7 asks for "families (not only seeds) that are generated and scored only at the end,
reported on their own line", because tuning to what is scored defeats the point. Every layout here
has `held_out=True`. Whoever tunes the extractor works from the other families and the real
samples; they do not look at these families' PDFs or at how the extractor does on them until the
end of a round, when the benchmark reports them on their own line (`--held-out`). Their code lives
in held_out_*.py so that nobody reads it by accident while working on a tuned family.

This is the fifth split. The first (it_estratto, nl_ing, pl_wyciag, mx_estado, ae_bank, ph_bank),
the second (id_rekening, tr_hesap, nordic_konto, jp_yen, cl_cartola, vn_saoke, kr_won), the third
(th_baht, pk_statement, sa_kashf, hk_statement, cz_vypis, hu_kivonat, co_extracto) and the fourth
(eg_statement, gr_kinisi, gh_statement, ua_vypyska, kz_vypiska, pe_estado, pt_extrato) were scored
and are tuned on now, from modules named for their countries. The seven families here model real
prints from countries that no other family covers (each module's docstring says which banks and
which public parsers, fixtures or rules it follows, and where public sources are thin):

- ma_releve: Moroccan relevés de compte in French (Attijariwafa bank, BMCE Bank of Africa, CIH)
- lk_statement: Sri Lankan statements (DFCC Bank, Nations Trust Bank, Bank of Ceylon)
- ar_resumen: Argentine resúmenes de cuenta (Banco Galicia, Banco Nación, BBVA Argentina)
- tz_statement: Tanzanian statements with Swahili labels (CRDB, NMB, NBC)
- lt_israsas: Lithuanian sąskaitos išrašai (Luminor, Šiaulių bankas, Citadele)
- bg_izvlechenie: Bulgarian извлечения по сметка (DSK Bank, UniCredit Bulbank, UBB)
- jo_statement: Jordanian statements with Arabic labels (Arab Bank and Reflect, Housing Bank)

Jordan's dinar has three decimals: its amounts, balances and truth are spelled with three
(formats.places), the first family whose truth is not in cents.
"""

from __future__ import annotations

from cypheredge.synth.layouts import (
    held_out_ar,
    held_out_bg,
    held_out_jo,
    held_out_lk,
    held_out_lt,
    held_out_ma,
    held_out_tz,
)
from cypheredge.synth.layouts.common import Layout

LAYOUTS: tuple[Layout, ...] = (
    *held_out_ma.LAYOUTS,
    *held_out_lk.LAYOUTS,
    *held_out_ar.LAYOUTS,
    *held_out_tz.LAYOUTS,
    *held_out_lt.LAYOUTS,
    *held_out_bg.LAYOUTS,
    *held_out_jo.LAYOUTS,
)
assert all(layout.held_out for layout in LAYOUTS), "every family here is held out"
