"""Indonesian social-media slang and abbreviations, mapped to their standard form.

Language data, not election facts. Every value is a fixed point: it is not itself a key, so
normalising twice changes nothing (a test checks this). A value with spaces expands one token
into several words that share the original span.
"""

SLANG: dict[str, str] = {
    # function words
    "yg": "yang", "yng": "yang", "dg": "dengan", "dgn": "dengan", "dng": "dengan", "utk": "untuk",
    "untk": "untuk", "tuk": "untuk", "dr": "dari", "dri": "dari", "pd": "pada", "krn": "karena",
    "karna": "karena", "krna": "karena", "kalo": "kalau", "klo": "kalau", "kl": "kalau", "klau": "kalau",
    "tp": "tapi", "tpi": "tapi", "trs": "terus", "trus": "terus", "jd": "jadi", "jdi": "jadi",
    "sm": "sama", "ama": "sama", "sma": "sama", "aja": "saja", "aj": "saja", "ajah": "saja", "doang": "saja",
    "lg": "lagi", "lgi": "lagi", "sdh": "sudah", "udh": "sudah", "udah": "sudah", "dah": "sudah",
    "blm": "belum", "blum": "belum", "bkn": "bukan", "bukn": "bukan", "tdk": "tidak", "gak": "tidak",
    "ga": "tidak", "gk": "tidak", "nggak": "tidak", "ngga": "tidak", "enggak": "tidak", "engga": "tidak",
    "ndak": "tidak", "nda": "tidak", "kagak": "tidak", "gaada": "tidak ada", "gada": "tidak ada",
    "jgn": "jangan", "jngn": "jangan", "jan": "jangan", "bgt": "banget", "bngt": "banget", "bgd": "banget",
    "sgt": "sangat", "bs": "bisa", "bsa": "bisa", "hrs": "harus", "msh": "masih", "masi": "masih",
    "sy": "saya", "sya": "saya", "aku": "saya", "aq": "saya", "ak": "saya", "gw": "saya", "gue": "saya",
    "gua": "saya", "w": "saya", "km": "kamu", "kmu": "kamu", "lu": "kamu", "lo": "kamu", "elu": "kamu",
    "loe": "kamu", "kt": "kita", "kta": "kita", "org": "orang", "orng": "orang", "sj": "saja",
    "dlm": "dalam", "thd": "terhadap", "spt": "seperti", "kyk": "kayak", "kek": "kayak", "gmn": "bagaimana",
    "gimana": "bagaimana", "gmna": "bagaimana", "knp": "kenapa", "np": "kenapa", "ap": "apa", "pa": "pak",
    "bpk": "bapak", "bp": "bapak", "bu": "ibu", "tsb": "tersebut", "skrg": "sekarang",
    "skrng": "sekarang", "skg": "sekarang", "sblm": "sebelum", "stlh": "setelah", "hr": "hari",
    "thn": "tahun", "th": "tahun", "bln": "bulan", "mgg": "minggu", "bnyk": "banyak", "byk": "banyak",
    "sdikit": "sedikit", "dikit": "sedikit", "emg": "memang", "emang": "memang", "mmg": "memang",
    "pdhl": "padahal", "smua": "semua", "smw": "semua", "sbg": "sebagai", "trhdp": "terhadap",
    "ttg": "tentang", "tntg": "tentang", "mrk": "mereka", "dy": "dia", "doi": "dia",
    "mo": "mau", "pengen": "ingin", "pgn": "ingin", "pingin": "ingin",
    "ayok": "ayo", "ayuk": "ayo", "yuk": "ayo", "yok": "ayo", "yuks": "ayo", "hayuk": "ayo", "mari": "ayo",
    "bnr": "benar", "bener": "benar", "btl": "betul", "bgs": "bagus", "bgus": "bagus",
    "mantab": "mantap", "mantul": "mantap", "mantep": "mantap", "mntp": "mantap", "mtp": "mantap",
    "sllu": "selalu", "slalu": "selalu", "sampe": "sampai", "ampe": "sampai",
    "tau": "tahu", "tw": "tahu", "liat": "lihat", "lht": "lihat", "denger": "dengar", "pake": "pakai",
    "pk": "pakai", "makasih": "terima kasih", "mksh": "terima kasih", "trims": "terima kasih",
    "thx": "terima kasih", "tq": "terima kasih", "gpp": "tidak apa apa", "gapapa": "tidak apa apa",
    "btw": "ngomong ngomong", "sbnrnya": "sebenarnya",
    # election vocabulary
    "nyoblos": "coblos", "nyoblosnya": "coblos", "dicoblos": "coblos",
    "coblosss": "coblos", "milih": "pilih", "mlh": "pilih", "pilihh": "pilih", "plh": "pilih",
    "ngedukung": "dukung", "dukungg": "dukung", "dkg": "dukung",
    "menangin": "menangkan", "menangkn": "menangkan", "mnangkan": "menangkan",
    "capresnya": "capres", "cawapresnya": "cawapres", "paslonnya": "paslon",
    "pilpresnya": "pilpres", "pemilunya": "pemilu", "nomer": "nomor", "nmr": "nomor",
    "nmor": "nomor", "presidennya": "presiden", "kampanyenya": "kampanye",
    "golputt": "golput", "relawannya": "relawan", "timsesnya": "timses", "partainya": "partai",
    "wkwk": "haha", "wkwkwk": "haha", "wkwkwkwk": "haha", "wk": "haha", "hehe": "haha", "hihi": "haha",
    "xixixi": "haha", "awokawok": "haha",
}
