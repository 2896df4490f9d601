"""The held-out split: families generated and scored only at the end, never tuned on.

Issue 7 asks for "families (not only seeds) that are generated and scored only at the end,
reported on their own line", because tuning to what is scored defeats the point. Every layout here
has `held_out=True`. Whoever tunes the extractor works from the other families and the real
samples; they do not look at these families' PDFs or at how the extractor does on them until the
end of a round, when the benchmark reports them on their own line. Their code lives in
held_out_*.py so that nobody reads it by accident while working on a tuned family.

This is the second split. The first (it_estratto, nl_ing, pl_wyciag, mx_estado, ae_bank, ph_bank)
was scored and is tuned on now, from italy_netherlands.py, poland.py, mexico.py and
emirates_philippines.py. The seven families here model real prints from countries that no other
family covers (each module's docstring says which banks and which public specimens or parser
fixtures it follows):

- id_rekening: Indonesian e-statements (BCA, Mandiri, BRI)
- tr_hesap: Turkish hesap hareketleri (Yapı Kredi, QNB Enpara)
- nordic_konto: Norwegian and Swedish statements (DNB, SEB, Swedbank)
- jp_yen: Japanese yen statements (SBI Shinsei, SMBC, Rakuten Bank)
- cl_cartola: Chilean cartolas (Banco de Chile, Santander Chile)
- vn_saoke: Vietnamese sao kê (Vietcombank, BIDV)
- kr_won: Korean transaction histories (Woori, KB Kookmin, Toss Bank)
"""

from __future__ import annotations

from cypheredge.synth.layouts import (
    held_out_cl,
    held_out_id,
    held_out_jp,
    held_out_kr,
    held_out_nordic,
    held_out_tr,
    held_out_vn,
)
from cypheredge.synth.layouts.common import Layout

LAYOUTS: tuple[Layout, ...] = (
    *held_out_id.LAYOUTS,
    *held_out_tr.LAYOUTS,
    *held_out_nordic.LAYOUTS,
    *held_out_jp.LAYOUTS,
    *held_out_cl.LAYOUTS,
    *held_out_vn.LAYOUTS,
    *held_out_kr.LAYOUTS,
)
assert all(layout.held_out for layout in LAYOUTS), "every family here is held out"
