"""Column titles and balance words of statements printed in languages other than English.

One table per language, written as printed (accents kept, so a reader can check them against a
real statement); `vocabulary` folds them the way it folds printed text. Whole-cell titles go in
`cells` (short words such as Polish `Ma` or Norwegian `Inn` are only safe as a whole cell);
`keywords` name a column wherever they appear in a short title (`Kwota operacji`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cypheredge.extractor.domain.roles import Role

D, V, T, R = Role.DATE, Role.VALUE_DATE, Role.DESCRIPTION, Role.REFERENCE
DR, CR, AMT, BAL, MK = Role.DEBIT, Role.CREDIT, Role.AMOUNT, Role.BALANCE, Role.MARKER


@dataclass(frozen=True)
class Language:
    cells: dict[str, Role] = field(default_factory=dict)
    keywords: dict[str, Role] = field(default_factory=dict)
    opening: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    totals: tuple[str, ...] = ()


LANGUAGES: dict[str, Language] = {
    "pl": Language(
        cells={
            "data waluty": V, "data księgowania": D, "data operacji": D, "data transakcji": D,
            "ma": CR, "wn": DR, "winien": DR, "typ transakcji": T, "typ operacji": T,
            "rodzaj operacji": T, "rodzaj transakcji": T, "nr ref": R, "saldo po operacji": BAL,
            "saldo po transakcji": BAL, "kwota operacji": AMT,
        },
        keywords={
            "opis": T, "tytuł": T, "szczegóły": T, "kontrahent": T, "odbiorca": T,
            "kwota": AMT, "obciążenia": DR, "obciążenie": DR, "wypłaty": DR, "uznania": CR,
            "uznanie": CR, "wpłaty": CR, "saldo": BAL,
        },
        opening=("saldo początkowe", "saldo otwarcia", "saldo poprzednie", "saldo z przeniesienia"),
        closing=("saldo końcowe", "saldo zamknięcia", "saldo do przeniesienia"),
        totals=("suma", "razem", "suma uznań", "suma obciążeń", "obroty"),
    ),
    "nl": Language(
        cells={
            "rentedatum": V, "valutadatum": V, "af bij": MK, "bij af": MK, "debet": DR,
            "tegenrekening": R, "code": R, "mutatiesoort": Role.OTHER,
        },
        keywords={
            "boekdatum": D, "boekingsdatum": D, "transactiedatum": D, "datum": D,
            "omschrijving": T, "mededelingen": T, "naam": T, "bedrag": AMT, "saldo": BAL,
        },
        opening=("vorig saldo", "oud saldo", "saldo vorig afschrift", "beginsaldo", "saldo begin"),
        closing=("nieuw saldo", "eindsaldo", "saldo einde"),
        totals=("totaal", "totaal af", "totaal bij"),
    ),
    "it": Language(
        cells={"data valuta": V, "valuta": V, "data contabile": D, "data operazione": D},
        keywords={
            "descrizione": T, "causale": T, "dettaglio": T, "operazioni": T, "movimenti": T,
            "importo": AMT, "uscite": DR,
            "entrate": CR, "addebiti": DR, "accrediti": CR, "dare": DR, "avere": CR,
        },
        opening=("saldo iniziale", "saldo precedente", "saldo contabile iniziale"),
        closing=("saldo finale", "saldo contabile finale", "saldo disponibile finale"),
        totals=("totale", "totale movimenti", "totali"),
    ),
    "es": Language(
        cells={"fecha valor": V, "f valor": V, "fecha operación": D, "día": D, "dia": D},
        keywords={
            "concepto": T, "descripción": T, "detalle": T, "movimiento": T, "referencia": R,
            "transacción": T, "docto": R, "comprobante": R, "sucursal": Role.OTHER,
            "importe": AMT, "monto": AMT, "cargo": DR, "cargos": DR, "retiros": DR,
            "abono": CR, "abonos": CR, "depósitos": CR, "saldo": BAL, "saldos": BAL,
            "documento": R, "lugar": T, "débito": DR, "débitos": DR, "crédito": CR,
            "créditos": CR,
        },
        opening=(
            "saldo anterior", "saldo inicial", "saldo final del periodo anterior",
            "saldo final anterior", "saldo del periodo anterior",
        ),
        closing=("saldo final", "saldo actual", "saldo al corte"),
        totals=("total", "totales"),
    ),
    "pt": Language(
        keywords={
            "histórico": T, "descrição": T, "lançamento": T, "valor": AMT, "débito": DR,
            "crédito": CR, "saldo": BAL, "documento": R,
        },
        opening=("saldo anterior", "saldo inicial"),
        closing=("saldo final", "saldo atual"),
    ),
    "cs": Language(
        cells={
            "datum splatnosti": V, "valuta": V, "zaúčtováno": D, "datum zaúčtování": D,
            "položka": T, "číslo protiúčtu": R, "název protiúčtu": T, "vs / ks / ss": R,
            "vs": R, "ks": R, "ss": R, "poplatky": DR, "provedení": V, "datum provedení": V,
            "detaily": T, "detail": T, "název": T,
        },
        keywords={
            "zaúčtování": D, "popis": T, "protiúčet": R, "protiúčtu": R, "částka": AMT,
            "zůstatek": BAL, "příjmy": CR, "výdaje": DR, "transakce": T,
        },
        opening=("počáteční zůstatek", "počáteční stav"),
        closing=("konečný zůstatek", "konečný stav"),
        totals=("celkem", "obraty", "obraty celkem"),
    ),
    "sk": Language(
        keywords={"dátum": D, "popis": T, "suma": AMT, "zostatok": BAL},
        opening=("počiatočný zostatok",),
        closing=("konečný zostatok",),
        totals=("spolu", "obraty", "obraty spolu"),
    ),
    "hu": Language(
        cells={"értéknap": V, "érték nap": V},
        keywords={
            "dátum": D, "dátuma": D, "könyvelés": D, "érték": V, "közlemény": T, "leírás": T,
            "megnevezés": T, "típusa": T, "azonosító": R, "összeg": AMT, "egyenleg": BAL,
            "terhelés": DR, "jóváírás": CR,
        },
        opening=("nyitó egyenleg", "nyitóegyenleg"),
        closing=("záró egyenleg", "záróegyenleg"),
        totals=("összesen",),
    ),
    # Banca Transilvania closes each day with `RULAJ ZI` (the day's debits and credits) and
    # `SOLD FINAL ZI` (its balance) under the day's rows.
    "ro": Language(
        cells={"data tranzacţiei": D, "data tranzacției": D, "data valutei": V},
        keywords={"descriere": T, "detalii": T, "explicații": T, "suma": AMT, "sold": BAL},
        opening=("sold inițial", "sold anterior", "sold precedent"),
        closing=("sold final", "sold final zi"),
        totals=("total rulaje", "rulaj total", "rulaj zi", "rulaj", "rulaje"),
    ),
    "sv": Language(
        cells={"valutadag": V, "uttag": DR, "insättning": CR, "valutadatum": V},
        keywords={
            "bokföringsdag": D, "bokföringsdatum": D, "transaktionsdag": D,
            "transaktionsdatum": D, "reskontradatum": D, "meddelande": T, "beskrivning": T,
            "belopp": AMT, "verifikationsnummer": R,
        },
        opening=("ingående saldo",),
        closing=("utgående saldo",),
        totals=("summa",),
    ),
    "no": Language(
        cells={
            "rentedato": V, "ut": DR, "inn": CR, "ut fra konto": DR, "inn på konto": CR,
            "bokført": D,
        },
        keywords={"dato": D, "forklaring": T, "beskrivelse": T, "tekst": T, "beløp": AMT},
        opening=("inngående saldo", "saldo fra kontoutskrift", "saldo fra forrige kontoutskrift"),
        closing=("utgående saldo", "saldo i deres favør", "saldo i din favør", "ny saldo"),
        totals=("sum",),
    ),
    "da": Language(
        cells={"bogført": D, "hævet": DR, "indsat": CR},
        keywords={"dato": D, "tekst": T, "beløb": AMT},
        opening=("saldo primo", "primosaldo"),
        closing=("saldo ultimo", "ultimosaldo"),
    ),
    "fi": Language(
        cells={"arvopäivä": V, "otto": DR, "pano": CR},
        keywords={
            "päivämäärä": D, "kirjauspäivä": D, "selite": T, "viesti": T, "määrä": AMT,
            "summa": AMT,
        },
        opening=("alkusaldo",),
        closing=("loppusaldo",),
    ),
    "tr": Language(
        cells={
            "işlem tarihi": D, "valör tarihi": V, "hareket tipi": Role.OTHER,
            "işlem tipi": Role.OTHER, "kanal": Role.OTHER, "saat": Role.OTHER,
        },
        keywords={
            "tarih": D, "açıklama": T, "açıklaması": T, "tutar": AMT, "tutarı": AMT,
            "bakiye": BAL, "bakiyesi": BAL, "borç": DR, "alacak": CR,
        },
        opening=(
            "devreden bakiye", "devir bakiye", "önceki bakiye", "açılış bakiyesi",
            "dönem başı bakiye", "dönem başı bakiyesi", "önceki dönem bakiyesi",
        ),
        closing=("kapanış bakiyesi", "son bakiye", "dönem sonu bakiye", "dönem sonu bakiyesi"),
        totals=("toplam",),
    ),
    "id": Language(
        keywords={"mutasi": AMT, "debet": DR, "kredit": CR, "saldo": BAL},
        opening=("saldo awal",),
        closing=("saldo akhir",),
    ),
    "hr": Language(
        keywords={
            "opis": T, "iznos": AMT, "stanje": BAL, "isplata": DR, "uplata": CR, "duguje": DR,
            "potražuje": CR,
        },
        opening=("početno stanje", "prethodno stanje"),
        closing=("završno stanje", "novo stanje"),
        totals=("ukupno",),
    ),
    "af": Language(
        keywords={"beskrywing": T, "bedrag": AMT, "debiet": DR, "krediet": CR},
        opening=("openingsaldo",),
        closing=("slotsaldo",),
    ),
    "uk": Language(
        cells={
            "дата та час операції": D, "дата операції": D, "дата проведення": V,
            "номер документа": R, "реквізити контрагента": R, "курс": Role.OTHER,
            "залишок після операції": BAL, "сума операції": AMT, "призначення платежу": T,
            "деталі операції": T, "дата опер": D, "сума в валюті картки": AMT,
        },
        keywords={
            "дата": D, "деталі": T, "призначення": T, "опис": T, "сума": AMT,
            "залишок": BAL, "дебет": DR, "кредит": CR, "надходження": CR, "списання": DR,
            "контрагент": R, "реквізити": R, "комісія": Role.OTHER, "еквівалент": Role.OTHER,
            "валюта": Role.OTHER,
        },
        opening=("вхідний залишок", "залишок на початок", "початковий залишок"),
        closing=("вихідний залишок", "залишок на кінець", "кінцевий залишок"),
        totals=("разом", "всього", "усього", "обороти", "оборот"),
    ),
    "el": Language(
        cells={
            "ημ/νία": D, "ημ/νία συναλλαγής": D, "ημερομηνία συναλλαγής": D, "ημ/νία αξίας": V,
            "ημερομηνία αξίας": V, "τοκισμός από": V, "αρ. συναλλαγής": R,
            "κωδικός αναφοράς": R, "πρόσημο ποσού": MK, "πρόσημο": MK, "κατηγορία": Role.OTHER,
            "κατάστημα": Role.OTHER, "προοδευτικό λογιστικό υπόλοιπο": BAL, "α/α": Role.OTHER,
        },
        keywords={
            "ημερομηνία": D, "περιγραφή": T, "αιτιολογία": T, "σχόλια": T, "ποσό": AMT,
            "υπόλοιπο": BAL,
            "χρέωση": DR, "χρεώσεις": DR, "πίστωση": CR, "πιστώσεις": CR,
        },
        opening=("προηγούμενο υπόλοιπο", "υπόλοιπο έναρξης", "αρχικό υπόλοιπο", "από μεταφορά"),
        closing=("νέο υπόλοιπο", "τελικό υπόλοιπο", "υπόλοιπο λήξης", "σε μεταφορά"),
        totals=("σύνολο", "σύνολα"),
    ),
    "ru": Language(
        keywords={
            "дата": D, "описание": T, "назначение": T, "сумма": AMT, "остаток": BAL,
            "приход": CR, "расход": DR, "дебет": DR, "кредит": CR, "детали": T, "операция": T,
            "операции": T, "поступление": CR, "списание": DR, "баланс": BAL,
        },
        opening=("входящий остаток", "остаток на начало"),
        closing=("исходящий остаток", "остаток на конец"),
        totals=("итого", "обороты", "оборот"),
    ),
    "vi": Language(
        cells={
            "ngày giao dịch": D, "ngày hiệu lực": V, "ghi nợ": DR, "ghi có": CR, "số dư": BAL,
            "phát sinh nợ": DR, "phát sinh có": CR, "mã giao dịch": R,
            "số chứng từ": R, "số tham chiếu": R, "stt": Role.OTHER,
        },
        keywords={"ngày": D, "diễn giải": T, "nội dung": T, "mô tả": T},
        opening=("số dư đầu kỳ",),
        closing=("số dư cuối kỳ",),
        totals=("tổng cộng", "cộng phát sinh", "tổng phát sinh", "cộng doanh số"),
    ),
    # Bulgarian banks (DSK, UniCredit Bulbank) title the kind of payment `Операция` beside its
    # `Описание`, and print the side as a word in a column of its own (`Дебит / Кредит`).
    "bg": Language(
        cells={
            "операция": Role.OTHER, "вид операция": Role.OTHER, "дебит / кредит": MK,
            "дебит/кредит": MK, "д/к": MK, "вальор": V, "дата вальор": V,
        },
        keywords={
            "дата": D, "описание": T, "сума": AMT, "салдо": BAL, "дебит": DR, "кредит": CR,
            "основание": T, "наредител": R, "получател": R,
        },
        opening=("начално салдо", "салдо в началото"),
        closing=("крайно салдо", "салдо в края"),
        totals=("обороти", "общо"),
    ),
    # Lithuanian banks keep the payee or payer (`Gavėjas / mokėtojas`) apart from the purpose,
    # as the Ukrainian ones keep `Реквізити контрагента`.
    "lt": Language(
        cells={
            "dok. nr.": R, "dok. nr": R, "dok nr": R, "gavėjas / mokėtojas": R,
            "mokėtojas / gavėjas": R, "gavėjas": R, "mokėtojas": R, "operacijos data": D,
        },
        keywords={
            "data": D, "paskirtis": T, "debetas": DR, "kreditas": CR, "likutis": BAL,
            "suma": AMT,
        },
        opening=("pradinis likutis", "likutis pradžioje"),
        closing=("galutinis likutis", "likutis pabaigoje"),
        totals=("apyvarta",),
    ),
    # Estonian banks keep the payee or payer (`Saaja/maksja`) and its account apart from the
    # explanation (`Selgitus`); Swedbank prints the side as `D` / `K` beside the sum.
    "et": Language(
        cells={
            "saaja/maksja": R, "saaja / maksja": R, "saaja/maksja nimi": R,
            "saaja / maksja nimi": R, "saaja/maksja konto": R, "saaja / maksja konto": R,
            "viitenumber": R, "arhiveerimistunnus": R, "dokumendi nr": R, "d/k": MK, "d / k": MK,
        },
        keywords={
            "kuupäev": D, "selgitus": T, "summa": AMT, "deebet": DR, "kreedit": CR,
            "saldo": BAL,
        },
        opening=("algsaldo", "algne saldo"),
        closing=("lõppsaldo", "lõpp saldo"),
        totals=("kokku", "käive"),
    ),
    "is": Language(
        cells={"vaxtad.": V, "vaxtad": V, "vaxtadagur": V, "dags.": D},
        keywords={
            "dags": D, "dagsetning": D, "tilvísun": R, "texti": T, "skýring": T,
            "upphæð": AMT, "staða": BAL, "úttekt": DR, "innlögn": CR, "innborgun": CR,
        },
        opening=("staða í upphafi tímabils", "upphafsstaða", "staða í byrjun"),
        closing=("staða í lok tímabils", "lokastaða"),
        totals=("samtals",),
    ),
    # Taiwanese banks' English titles translate 支出 as `Payout`.
    "zh": Language(keywords={"payout": DR, "payouts": DR}),
    # Slovenian banks print the purpose code (`Koda namena`: SALA, ELEC) and the payment
    # reference (SI12 ...) in columns of their own beside the payee and the purpose.
    "sl": Language(
        cells={
            "datum knjiženja": D, "datum valute": V, "prejemnik / plačnik": T,
            "plačnik / prejemnik": T, "koda namena": Role.OTHER, "referenca": R,
        },
        keywords={
            "datum": D, "namen": T, "breme": DR, "dobro": CR, "znesek": AMT, "stanje": BAL,
            "prejemnik": T, "plačnik": T, "opis": T,
        },
        opening=("začetno stanje", "prejšnje stanje"),
        closing=("končno stanje", "novo stanje"),
        totals=("skupaj", "promet"),
    ),
    # Nepali banks print the Bikram Sambat date (`Date (BS)`, `Miti`, 2081-05-29) beside the
    # Gregorian one (`Date (AD)`): the rows are dated by the second.
    "ne": Language(
        cells={
            "date (bs)": Role.OTHER, "date bs": Role.OTHER, "miti": Role.OTHER,
            "bs date": Role.OTHER, "date (ad)": D, "date ad": D, "ad date": D,
        },
    ),
    # Gulf banks print an Arabic line under the English titles; each word is a title.
    "ar": Language(
        keywords={
            "التاريخ": D, "تاريخ": D, "القيمة": V, "البيان": T, "التفاصيل": T, "الوصف": T,
            "مدين": DR, "دائن": CR, "الرصيد": BAL, "المبلغ": AMT, "المرجع": R,
        },
        opening=("الرصيد الافتتاحي",),
        closing=("الرصيد الختامي",),
    ),
}  # fmt: skip

# Small words inside column titles (`Saldo po operacji`, `Date de valeur`, `Data do movimento`).
JOINERS = (
    "po", "z", "na", "w", "de", "du", "des", "del", "la", "van", "der", "di", "da", "do", "und",
    "et", "y", "e", "i", "og", "och", "ja", "ve", "dan", "в", "и", "по", "della", "delle",
    "dei", "degli", "dello", "dos", "das", "die", "von", "ze", "o", "ou", "n", "mes",
    "та", "і", "з", "за", "після", "και", "από", "του", "της",
)  # fmt: skip
