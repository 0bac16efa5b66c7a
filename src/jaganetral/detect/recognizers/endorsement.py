"""Praise and endorsement ("pantas memimpin", "hebat", "terbukti", 👍)."""

from __future__ import annotations

from jaganetral.detect.recognizers.cues import CueRecognizer


class EndorsementRecognizer(CueRecognizer):
    name = "endorsement"
    WEIGHTS = {
        "praise_strong": (0.5, "support", "pujian/dukungan"),
        "praise": (0.3, "support", "kata pujian"),
        "emoji": (0.2, "support", "emoji dukungan"),
    }
    TERMS = {
        "praise_strong": [
            "pantas memimpin", "layak memimpin", "layak jadi presiden", "pantas jadi presiden", "presiden terbaik",
            "pemimpin terbaik", "calon terbaik", "satu satunya pilihan", "satunya pilihan", "idola", "idolaku",
            "luar biasa", "terbukti", "sudah terbukti", "berprestasi", "the best", "terbaik", "paling layak",
            "paling pantas", "paling pas", "paling cocok", "dekat dengan rakyat", "merakyat", "pro rakyat",
            "visioner", "amanah", "cinta rakyat", "peduli rakyat", "harapan rakyat", "harapan bangsa",
            "pemimpin masa depan", "pemimpin sejati", "pemimpin yang", "calon pemimpin", "sosok pemimpin",
            "jiwa pemimpin", "negarawan", "panutan", "teladan", "bangga", "salut", "respect",
            "lautan manusia", "dielu elukan", "histeris", "membludak", "antusiasme", "antusias",
            "pasangan ideal", "pemimpin ideal", "capres ideal", "jadi presiden", "presiden 2024",
            "presiden terpilih", "menuju kemenangan", "makin solid", "semakin solid",
        ],
        "praise": [
            "hebat", "mantap", "keren", "top", "juara", "cerdas", "tegas", "jujur", "santun", "bijak",
            "peduli", "cocok", "layak", "pantas", "sukses", "solusi", "prestasi", "pengalaman", "berpengalaman",
            "kerja nyata", "bukti", "programnya", "gagasan", "gagasannya", "semangat", "gas", "gaspol",
            "sehat selalu", "sehat", "berkah", "semoga menang", "semoga amanah", "maju terus", "sayang",
            "cinta", "love", "kagum", "bagus", "baik", "religius", "humble", "rendah hati", "tulus",
            "ikhlas", "sabar", "kuat", "berani", "hebatnya", "kerennya", "mantul", "menginspirasi", "inspiratif",
            "keberpihakan", "perhatian", "dekat", "kedekatan", "memperlihatkan", "menunjukkan", "komitmen",
            "berkomitmen", "kepedulian", "membuktikan", "berhasil", "keberhasilan", "kemajuan", "sejahtera",
            "kesejahteraan", "perubahan", "melanjutkan", "keberlanjutan", "optimis", "yakin",
            "siap", "inovasi", "maju", "lebih baik", "integritas", "kepemimpinan", "memimpin", "mengedepankan",
            "kepentingan rakyat", "dengan hati", "berjanji", "janji", "program", "visi", "misi", "akan membangun",
            "akan memperbaiki", "akan meningkatkan", "meningkatkan", "membangun", "memperjuangkan", "berjuang",
            "pejuang", "kreatif", "sederhana", "dicintai", "disukai", "dukungan mengalir", "doakan", "mendoakan",
            "semoga terpilih", "terpilih", "unggul", "menginspirasi", "kebanggaan", "kece", "oke", "ok",
            "ideal", "dahsyat", "wow", "sambutan", "disambut", "ribuan", "puluhan ribu", "ramai", "heboh",
            "berharap", "harapan", "penghargaan", "meraih penghargaan", "rekam jejak", "great", "best",
            "amazing", "proud", "strong", "solid", "kompak", "amanah", "pintar", "pinter", "canggih", "top markotop",
        ],
        "emoji": ["✅", "👍", "💪", "🔥", "❤", "😍", "🥰", "👏", "💯", "🫡", "🤩", "💙", "❤‍🔥", "♥", "😘"],
    }
