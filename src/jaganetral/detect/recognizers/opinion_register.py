"""The register of personal opinion: a reply, first and second person, particles, emoji, laughter.

A contestant named in one's own voice during an election ("@USER Pak X memang beda!") leans
partisan far more often than the same name in a headline; this evidence takes no side by itself
and only adds to a contestant named in the same text.
"""

from __future__ import annotations

from jaganetral.detect.model import Evidence
from jaganetral.detect.recognizers.base import Context, FieldDoc
from jaganetral.detect.recognizers.cues import CueRecognizer


class OpinionRegisterRecognizer(CueRecognizer):
    name = "opinion_register"
    WEIGHTS = {
        "person": (0.2, "lean", "sudut pandang pribadi"),
        "particle": (0.15, "lean", "partikel percakapan"),
        "laughter": (0.15, "lean", "tawa/ejekan"),
        "reply": (0.25, "lean", "balasan kepada akun lain"),
        "retweet": (0.2, "lean", "membagikan ulang (RT)"),
        "emoji": (0.12, "lean", "emoji"),
        "exclaim": (0.2, "lean", "seruan"),
    }
    TERMS = {
        "person": ["saya", "kita", "kami", "kamu", "anda", "ane", "ente", "gw", "aing", "beliau"],
        "particle": ["dong", "sih", "deh", "nih", "kok", "loh", "lho", "kan", "yaa", "mah", "kali", "banget",
                     "bener", "emang", "aja"],
        "laughter": ["haha", "hahaha", "xixi", "😂", "🤣", "😆", "😅"],
        "exclaim": ["!"],
    }

    def analyze(self, doc: FieldDoc, ctx: Context, found: list[Evidence]) -> list[Evidence]:
        out = super().analyze(doc, ctx, found)
        tokens = doc.norm.tokens
        if tokens and tokens[0].kind == "mention" and tokens[0].start <= 3:
            t = tokens[0]
            out.append(Evidence(doc.field, t.start, t.end, doc.norm.original[t.start : t.end], self.name,
                                "reply", self.WEIGHTS["reply"][0], "lean", (), self.WEIGHTS["reply"][2], 0))
        if tokens and tokens[0].raw == "RT" and tokens[0].start == 0:
            t = tokens[0]
            out.append(Evidence(doc.field, t.start, t.end, t.raw, self.name, "retweet", self.WEIGHTS["retweet"][0],
                                "lean", (), self.WEIGHTS["retweet"][2], 0))
        emoji = [t for t in tokens if t.kind == "emoji"]
        if emoji:
            t = emoji[0]
            out.append(Evidence(doc.field, t.start, t.end, t.raw, self.name, "emoji", self.WEIGHTS["emoji"][0],
                                "lean", (), self.WEIGHTS["emoji"][2], next(i for i, x in enumerate(tokens) if x is t)))
        return out
