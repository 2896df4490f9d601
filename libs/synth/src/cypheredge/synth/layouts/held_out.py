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
(ma_releve, lk_statement, ar_resumen, tz_statement, lt_israsas, bg_izvlechenie, jo_statement), the
sixth (ro_extras, hr_izvod, rs_izvod, ee_valjavote, bd_statement, ec_estado, ug_statement) and the
seventh (sk_vypis, kw_statement, tn_releve, np_statement, uy_estado, mn_statement, et_statement)
were scored and are tuned on now, from modules named for their countries.

This is the eighth split. The seven families here model real prints from countries that no other
family covers (each module's docstring says which banks and which public parsers, fixtures,
standards or rules it follows, and where public sources are thin):

- tw_statement: Taiwanese statements with Republic of China calendar dates (Chunghwa Post,
  Cathay United, E.SUN), in English
- is_yfirlit: Icelandic reikningsyfirlit in whole krónur (Landsbankinn, Arion, Íslandsbanki)
- ci_releve: Ivorian relevés in whole francs CFA with TAF rows (SGBCI, Ecobank, SIB)
- be_extrait: Belgian numbered extraits / uittreksels with structured communications (BNP
  Paribas Fortis, KBC, Belfius)
- kh_statement: Cambodian statements in US dollars or riel (ABA, ACLEDA, Canadia)
- si_izpisek: Slovenian izpiski with UPN purpose codes and references (NLB, Nova KBM, OTP)
- om_statement: Omani statements in three-decimal rials with VAT rows (Bank Muscat, NBO, Sohar)

Israel and Georgia were considered and left out: the embedded DejaVu subset has no Hebrew or
Georgian glyphs (nor CJK, so Taiwan is printed in English), and this split did not extend it.
"""

from __future__ import annotations

from cypheredge.synth.layouts import (
    held_out_be,
    held_out_ci,
    held_out_is,
    held_out_kh,
    held_out_om,
    held_out_si,
    held_out_tw,
)
from cypheredge.synth.layouts.common import Layout

LAYOUTS: tuple[Layout, ...] = (
    *held_out_tw.LAYOUTS,
    *held_out_is.LAYOUTS,
    *held_out_ci.LAYOUTS,
    *held_out_be.LAYOUTS,
    *held_out_kh.LAYOUTS,
    *held_out_si.LAYOUTS,
    *held_out_om.LAYOUTS,
)
assert all(layout.held_out for layout in LAYOUTS), "every family here is held out"
