"""The held-out split: families generated and scored only at the end, never tuned on.

Issue 7 asks for "families (not only seeds) that are generated and scored only at the end,
reported on their own line", because tuning to what is scored defeats the point. Every layout here
has `held_out=True`. Whoever tunes the extractor works from the other families and the real
samples; they do not look at these families' PDFs or at how the extractor does on them until the
end of a round, when the benchmark reports them on their own line (`--held-out`). Their code lives
in held_out_*.py so that nobody reads it by accident while working on a tuned family.

The first split (it_estratto, nl_ing, pl_wyciag, mx_estado, ae_bank, ph_bank), the second
(id_rekening, tr_hesap, nordic_konto, jp_yen, cl_cartola, vn_saoke, kr_won), the third (th_baht,
pk_statement, sa_kashf, hk_statement, cz_vypis, hu_kivonat, co_extracto), the fourth
(eg_statement, gr_kinisi, gh_statement, ua_vypyska, kz_vypiska, pe_estado, pt_extrato), the fifth
(ma_releve, lk_statement, ar_resumen, tz_statement, lt_israsas, bg_izvlechenie, jo_statement) and
the sixth (ro_extras, hr_izvod, rs_izvod, ee_valjavote, bd_statement, ec_estado, ug_statement)
were scored and are tuned on now, from modules named for their countries.

This is the seventh split. The seven families here model real prints from countries that no other
family covers (each module's docstring says which banks and which public parsers, fixtures or
rules it follows, and where public sources are thin):

- sk_vypis: Slovak výpisy z účtu (Tatra banka, Slovenská sporiteľňa, ČSOB)
- kw_statement: Kuwaiti statements in three-decimal dinars (NBK, Kuwait Finance House, Gulf Bank)
- tn_releve: Tunisian relevés in three-decimal dinars (BIAT, Attijari bank, STB)
- np_statement: Nepali statements with Bikram Sambat dates (Nabil, NIC Asia, Global IME)
- uy_estado: Uruguayan estados de cuenta (BROU, Itaú, Santander)
- mn_statement: Mongolian дансны хуулга in Cyrillic (Khan Bank, Golomt, TDB)
- et_statement: Ethiopian statements in birr (Commercial Bank of Ethiopia, Awash, Dashen)

Georgia and Armenia were considered and left out: the embedded DejaVu subset has neither
Georgian nor Armenian glyphs, and this split did not extend it.
"""

from __future__ import annotations

from cypheredge.synth.layouts import (
    held_out_et,
    held_out_kw,
    held_out_mn,
    held_out_np,
    held_out_sk,
    held_out_tn,
    held_out_uy,
)
from cypheredge.synth.layouts.common import Layout

LAYOUTS: tuple[Layout, ...] = (
    *held_out_sk.LAYOUTS,
    *held_out_kw.LAYOUTS,
    *held_out_tn.LAYOUTS,
    *held_out_np.LAYOUTS,
    *held_out_uy.LAYOUTS,
    *held_out_mn.LAYOUTS,
    *held_out_et.LAYOUTS,
)
assert all(layout.held_out for layout in LAYOUTS), "every family here is held out"
