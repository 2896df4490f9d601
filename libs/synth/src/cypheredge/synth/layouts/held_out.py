"""The held-out split: families generated and scored only at the end, never tuned on.

Issue 7 asks for "families (not only seeds) that are generated and scored only at the end,
reported on their own line", because tuning to what is scored defeats the point. Every layout here
has `held_out=True`.

The second split (id_rekening, tr_hesap, nordic_konto, jp_yen, cl_cartola, vn_saoke, kr_won) was
scored and is tuned on now, from indonesia.py, turkey.py, nordic.py, japan.py, chile.py,
vietnam.py and korea.py. A fresh split replaces it.
"""

from __future__ import annotations

from cypheredge.synth.layouts.common import Layout

LAYOUTS: tuple[Layout, ...] = ()
assert all(layout.held_out for layout in LAYOUTS), "every family here is held out"
