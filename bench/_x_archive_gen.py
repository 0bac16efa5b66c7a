"""A synthetic X/Twitter archive folder (``data/*.js``, 2022+ generation), written streaming.

Shapes follow ``docs/export_formats.md`` section 3 and the real samples: every data file is
``window.YTD.<name>.part0 = [ ... ]`` pretty-printed with ``"key" : value`` spacing, tweets are
full objects (``edit_info``, ``entities`` with hashtags/user_mentions/urls/media, ``source`` HTML,
counts as strings, ``created_at`` like ``"Wed Oct 10 20:19:24 +0000 2018"``, not in date order),
retweets are own items whose ``full_text`` starts with ``"RT @user: "``, replies carry
``in_reply_to_*``, quote tweets a status URL in ``entities.urls``, some texts are HTML-escaped.
The text is Indonesian-ish, drawn from a small built-in vocabulary with a fixed seed, so the same
arguments always give the same bytes. Nothing is held in memory beyond one item.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENCODE: Callable[[str], str] = json.encoder.encode_basestring

WORDS = ("saya", "kita", "kami", "warga", "desa", "kota", "jalan", "pasar", "harga", "beras", "minyak", "naik",
         "turun", "hari", "ini", "besok", "kemarin", "pagi", "siang", "sore", "malam", "hujan", "banjir", "panas",
         "macet", "sekali", "banget", "nih", "dong", "sih", "yuk", "ayo", "mari", "semoga", "lancar", "terima",
         "kasih", "bapak", "ibu", "kakak", "adik", "teman", "kantor", "pelayanan", "publik", "rapat", "kegiatan",
         "gotong", "royong", "kerja", "bakti", "sekolah", "anak", "guru", "puskesmas", "posyandu", "jembatan",
         "sawah", "kebun", "ikan", "laut", "pantai", "timah", "lada", "pulau", "bangka", "belitung",
         "pangkalpinang", "sungailiat", "toboali", "muntok", "tanjungpandan", "manggar", "koba", "mentok", "kopi",
         "teh", "nasi", "goreng", "mie", "otak-otak", "lempah", "kuning", "enak", "mantap", "keren", "baru",
         "lama", "sudah", "belum", "akan", "sedang", "bisa", "tidak", "jangan", "harus", "boleh", "mau", "ingin",
         "perlu", "cepat", "lambat", "jauh", "dekat", "ramai", "sepi", "bersih", "kotor", "indah", "bagus",
         "jelek", "senang", "sedih", "capek", "libur", "cuti", "lembur", "gaji")
TAGS = ("BangkaBelitung", "Pangkalpinang", "InfoBabel", "KerjaBakti", "PelayananPublik", "Kuliner", "Banjir",
        "HariIni", "Wisata", "Belitung", "Timah", "Lada", "Pasar", "Cuaca", "Sekolah")
NAMES = ("Budi", "Siti", "Agus", "Dewi", "Rina", "Andi", "Yanti", "Hendra", "Wati", "Joko", "Fitri", "Rudi",
         "Lina", "Dedi", "Nur", "Eko", "Sri", "Bayu", "Indah", "Taufik")
SOURCES = ('<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>',
           '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
           '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>')
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EPOCH = dt.datetime(2019, 1, 1, tzinfo=dt.UTC)
SPAN = 6 * 365 * 86400
SHARES = {"tweets": 0.82, "like": 0.15, "following": 0.03}  # of the target size, by data file
OWNER = ("pegawai_babel", "1308602301154811905", "Pegawai Babel")


def twitter_time(when: dt.datetime) -> str:
    return f"{DAYS[when.weekday()]} {MONTHS[when.month - 1]} {when.day:02d} {when:%H:%M:%S} +0000 {when.year}"


def pretty(value: Any, indent: str = "  ") -> str:
    """JSON as the archives print it: two-space indent, ``"key" : value``, ``[ ]`` (json.dumps with
    ``indent`` is pure Python and three times slower)."""
    if isinstance(value, str):
        return ENCODE(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{ }"
        body = ",\n".join(f"{inner}{ENCODE(k)} : {pretty(v, inner)}" for k, v in value.items())
        return "{\n" + body + "\n" + indent + "}"
    if isinstance(value, list):
        if not value:
            return "[ ]"
        return "[\n" + ",\n".join(inner + pretty(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value)


@dataclass
class Counts:
    items: dict[str, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)  # expected activity kinds
    bytes: int = 0


class Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.next_id = 1_100_000_000_000_000_000
        self.follows = 0
        self.users = [(f"{n.lower()}_{self.rng.randrange(10, 9999)}", f"{n} {self.rng.choice(NAMES)}",
                       str(self.rng.randrange(10**8, 10**19))) for n in NAMES for _ in range(10)]

    def tweet_id(self) -> str:
        self.next_id += self.rng.randrange(1, 10**9)
        return str(self.next_id)

    def sentence(self, lo: int = 6, hi: int = 24) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(lo, hi))
        words[0] = words[0].capitalize()
        if self.rng.random() < 0.04:
            words.insert(self.rng.randrange(len(words)), "&amp;")  # archives HTML-escape full_text
        return " ".join(words) + self.rng.choice((".", "!", "", " 🙏", " 😂"))

    def when(self) -> dt.datetime:
        return EPOCH + dt.timedelta(seconds=self.rng.randrange(SPAN))

    def tweet(self, counts: Counts) -> dict[str, Any]:
        r, tid, when = self.rng.random(), self.tweet_id(), self.when()
        mentions: list[dict[str, Any]] = []
        urls: list[dict[str, Any]] = []
        extra: dict[str, Any] = {}
        text = self.sentence()
        kind = "post"
        if r < 0.35:  # retweet: own item, "RT @user: ", truncated with "…"
            screen, name, uid = self.rng.choice(self.users)
            text = f"RT @{screen}: {text}"[:139] + ("…" if len(text) > 120 else "")
            mentions.append({"name": name, "screen_name": screen, "indices": ["3", str(3 + len(screen) + 1)],
                             "id_str": uid, "id": uid})
            kind = "share"
        elif r < 0.58:  # reply
            screen, name, uid = self.rng.choice(self.users)
            text = f"@{screen} {text}"
            mentions.append({"name": name, "screen_name": screen, "indices": ["0", str(len(screen) + 1)],
                             "id_str": uid, "id": uid})
            reply_to = str(int(tid) - self.rng.randrange(10**12, 10**15))
            extra = {"in_reply_to_status_id_str": reply_to, "in_reply_to_status_id": reply_to,
                     "in_reply_to_user_id": uid, "in_reply_to_user_id_str": uid, "in_reply_to_screen_name": screen}
            kind = "comment"
        elif r < 0.63:  # quote tweet
            screen, _, _ = self.rng.choice(self.users)
            short = f"https://t.co/{self.rng.randrange(36**9):09x}"[:23]
            urls.append({"url": short, "expanded_url": f"https://twitter.com/{screen}/status/{self.tweet_id()}",
                         "display_url": f"twitter.com/{screen}/status/…", "indices": [str(len(text) + 1),
                                                                                      str(len(text) + 24)]})
            text = f"{text} {short}"
            kind = "share"
        elif r < 0.80:  # link
            short = f"https://t.co/{self.rng.randrange(36**9):09x}"[:23]
            page = self.rng.choice(("bangka.tribunnews.com", "babelprov.go.id", "kompas.com", "detik.com"))
            urls.append({"url": short, "expanded_url": f"https://{page}/berita/{self.rng.randrange(10**6)}",
                         "display_url": f"{page}/berita/…", "indices": [str(len(text) + 1), str(len(text) + 24)]})
            text = f"{text} {short}"
        hashtags = []
        if self.rng.random() < 0.3:
            tag = self.rng.choice(TAGS)
            hashtags.append({"text": tag, "indices": [str(len(text) + 1), str(len(text) + 2 + len(tag))]})
            text = f"{text} #{tag}"
        entities: dict[str, Any] = {"hashtags": hashtags, "symbols": [], "user_mentions": mentions, "urls": urls}
        t: dict[str, Any] = {
            "edit_info": {"initial": {"editTweetIds": [tid], "editsRemaining": "5", "isEditEligible": True,
                                      "editableUntil": (when + dt.timedelta(minutes=30)).strftime(
                                          "%Y-%m-%dT%H:%M:%S.000Z")}},
            "retweeted": False, "source": self.rng.choice(SOURCES), "entities": entities,
            "display_text_range": ["0", str(len(text))], "favorite_count": str(self.rng.randrange(40)),
            "id_str": tid, "truncated": False, "retweet_count": str(self.rng.randrange(10)), "id": tid,
        }
        if kind == "post" and self.rng.random() < 0.12:
            media_id = self.tweet_id()
            short = f"https://t.co/{self.rng.randrange(36**9):09x}"[:23]
            media = [{"expanded_url": f"https://twitter.com/{OWNER[0]}/status/{tid}/photo/1",
                      "indices": [str(len(text) + 1), str(len(text) + 24)], "url": short,
                      "media_url": f"http://pbs.twimg.com/media/F{media_id[-10:]}.jpg",
                      "id_str": media_id, "id": media_id,
                      "media_url_https": f"https://pbs.twimg.com/media/F{media_id[-10:]}.jpg",
                      "sizes": {"small": {"w": "680", "h": "510", "resize": "fit"},
                                "thumb": {"w": "150", "h": "150", "resize": "crop"}},
                      "type": "photo", "display_url": "pic.twitter.com/" + short[-10:]}]
            entities["media"] = media
            t["extended_entities"] = {"media": media}
            t["possibly_sensitive"] = False
            text = f"{text} {short}"
        t.update(extra)
        t.update({"created_at": twitter_time(when), "favorited": False, "full_text": text,
                  "lang": self.rng.choice(("in", "in", "in", "und"))})
        counts.kinds[kind] = counts.kinds.get(kind, 0) + 1
        return {"tweet": t}

    def like(self, counts: Counts) -> dict[str, Any]:
        tid = self.tweet_id()
        counts.kinds["like"] = counts.kinds.get("like", 0) + 1
        text = self.sentence(8, 40)
        if self.rng.random() < 0.4:
            text = f"@{self.rng.choice(self.users)[0]} {text}"
        return {"like": {"tweetId": tid, "fullText": text, "expandedUrl": f"https://twitter.com/i/web/status/{tid}"}}

    def following(self, counts: Counts) -> dict[str, Any]:
        self.follows += 1  # three id lengths, each strictly increasing: no repeats
        uid = (str(123_456_789 + 3 * self.follows), str(2_000_000_000_000 + 7 * self.follows),
               self.tweet_id())[self.follows % 3]
        counts.kinds["follow"] = counts.kinds.get("follow", 0) + 1
        return {"following": {"accountId": uid, "userLink": f"https://twitter.com/intent/user?user_id={uid}"}}


def write_ytd(path: Path, name: str, budget: int, make: Callable[[], dict[str, Any]], limit: int | None) -> tuple[
        int, int]:
    """Write ``window.YTD.<name>.part0 = [ ... ]`` until ``budget`` bytes (or ``limit`` items); (items, bytes)."""
    n = size = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        size += out.write(f"window.YTD.{name}.part0 = [\n")
        while size < budget and (limit is None or n < limit):
            chunk = (",\n  " if n else "  ") + pretty(make())
            size += len(chunk.encode("utf-8"))
            out.write(chunk)
            n += 1
        size += out.write("\n]")
    return n, path.stat().st_size


def generate(root: Path, target_bytes: int, seed: int = 20240214, limit: int | None = None) -> Counts:
    """Write ``root/data/{account,tweets,like,following}.js``; ``limit`` caps items per file (samples)."""
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    gen = Gen(seed)
    counts = Counts()
    account = {"account": {"email": "pegawai@example.invalid", "createdVia": "web", "username": OWNER[0],
                           "accountId": OWNER[1], "createdAt": "2019-01-02T03:04:05.678Z",
                           "accountDisplayName": OWNER[2]}}
    write_ytd(data / "account.js", "account", 1 << 20, lambda: account, 1)
    makers = {"tweets": gen.tweet, "like": gen.like, "following": gen.following}
    for name, share in SHARES.items():
        make = makers[name]

        def item(make: Callable[[Counts], dict[str, Any]] = make) -> dict[str, Any]:
            return make(counts)

        n, size = write_ytd(data / f"{name}.js", name, int(target_bytes * share), item, limit)
        counts.items[name] = n
        counts.bytes += size
    counts.bytes += (data / "account.js").stat().st_size
    return counts
