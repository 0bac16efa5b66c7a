"""The adapters Jaga Netral knows, in the order they are asked (specific formats before general ones)."""

from __future__ import annotations

from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.adapters.crowdtangle_csv import CrowdTangleCsvAdapter
from jaganetral.ingest.adapters.facebook_dyi import FacebookDyiAdapter
from jaganetral.ingest.adapters.facebook_scraper import FacebookScraperAdapter
from jaganetral.ingest.adapters.generic_table import GenericTableAdapter
from jaganetral.ingest.adapters.instagram_dyi import InstagramDyiAdapter
from jaganetral.ingest.adapters.telegram_json import TelegramJsonAdapter
from jaganetral.ingest.adapters.tiktok_json import TikTokJsonAdapter
from jaganetral.ingest.adapters.whatsapp_txt import WhatsAppTxtAdapter
from jaganetral.ingest.adapters.x_archive import XArchiveAdapter
from jaganetral.ingest.adapters.zeeschuimer_ndjson import FourCatCsvAdapter, ZeeschuimerNdjsonAdapter


def default_adapters() -> list[Adapter]:
    return [
        XArchiveAdapter(),
        FacebookDyiAdapter(),
        InstagramDyiAdapter(),
        TikTokJsonAdapter(),
        TelegramJsonAdapter(),
        WhatsAppTxtAdapter(),
        ZeeschuimerNdjsonAdapter(),
        CrowdTangleCsvAdapter(),
        FacebookScraperAdapter(),
        FourCatCsvAdapter(),
        GenericTableAdapter(),  # last: any table with a text column
    ]
