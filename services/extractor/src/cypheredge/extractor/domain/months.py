"""Month and weekday names in the languages statements are printed in (accents stripped)."""

from __future__ import annotations

_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("jan", "january", "janv", "janvier", "januar", "jaenner", "ene", "enero", "gen", "gennaio",
     "januari", "janeiro"),
    ("feb", "february", "fev", "fevr", "fevrier", "februar", "febrero", "febbraio", "februari",
     "fevereiro", "febr"),
    ("mar", "march", "mars", "marz", "maerz", "mrz", "marzo", "maart", "mrt", "marco"),
    ("apr", "april", "avr", "avril", "abr", "abril", "aprile"),
    ("may", "mai", "mayo", "mag", "maggio", "mei", "maio"),
    ("jun", "june", "juin", "juni", "junio", "giu", "giugno", "junho"),
    ("jul", "july", "juil", "juillet", "juli", "julio", "lug", "luglio", "julho"),
    ("aug", "august", "aout", "ago", "agosto", "augustus"),
    ("sep", "sept", "september", "septembre", "septiembre", "set", "settembre", "setembro"),
    ("oct", "october", "octobre", "okt", "oktober", "octubre", "ott", "ottobre", "out", "outubro"),
    ("nov", "november", "novembre", "noviembre", "novembro"),
    ("dec", "december", "decembre", "dez", "dezember", "dic", "diciembre", "dicembre",
     "desember", "dezembro"),
)  # fmt: skip

# More languages, month by month (accents stripped as `vocabulary.fold` strips them): Polish,
# Czech, Turkish, Finnish, Hungarian, Romanian, Swedish/Norwegian/Danish, Indonesian, Malay.
_MORE_MONTHS: tuple[tuple[str, ...], ...] = (
    ("styczen", "stycznia", "leden", "ledna", "ocak", "tammikuu", "tammikuuta", "januar",
     "ianuarie"),
    ("luty", "lutego", "unor", "unora", "subat", "helmikuu", "helmikuuta", "februarie"),
    ("marzec", "marca", "brezen", "brezna", "mart", "maaliskuu", "maaliskuuta", "marcius",
     "martie", "maret", "mac"),
    ("kwiecien", "kwietnia", "duben", "dubna", "nisan", "huhtikuu", "huhtikuuta", "aprilis",
     "aprilie"),
    ("maj", "maja", "kveten", "kvetna", "mayis", "mayıs", "toukokuu", "toukokuuta", "majus"),
    ("czerwiec", "czerwca", "cerven", "cervna", "haziran", "kesakuu", "kesakuuta", "junius",
     "iunie"),
    ("lipiec", "lipca", "cervenec", "cervence", "temmuz", "heinakuu", "heinakuuta", "julius",
     "iulie", "julai"),
    ("sierpien", "sierpnia", "srpen", "srpna", "agustos", "elokuu", "elokuuta", "augusztus",
     "augusti", "agustus", "ogos"),
    ("wrzesien", "wrzesnia", "zari", "eylul", "syyskuu", "syyskuuta", "szeptember",
     "septembrie"),
    ("pazdziernik", "pazdziernika", "rijen", "rijna", "ekim", "lokakuu", "lokakuuta", "oktober",
     "octombrie"),
    ("listopad", "listopada", "listopadu", "kasim", "kasım", "marraskuu", "marraskuuta",
     "noiembrie"),
    ("grudzien", "grudnia", "prosinec", "prosince", "aralik", "aralık", "joulukuu",
     "joulukuuta", "decembrie", "disember"),
)  # fmt: skip

MONTHS: dict[str, int] = {
    name: number
    for table in (_MONTH_NAMES, _MORE_MONTHS)
    for number, names in enumerate(table, start=1)
    for name in names
}

WEEKDAYS = frozenset((
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
))  # fmt: skip

# Tokens that may sit inside a printed date without changing it: ordinals, Spanish `de`.
FILLERS = frozenset({"st", "nd", "rd", "th", "er", "de", "of"})
