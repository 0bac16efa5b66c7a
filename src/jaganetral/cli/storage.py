"""Options shared by the commands that use the store: --db and --data-dir."""

from __future__ import annotations

import argparse

from jaganetral.cli.common import error
from jaganetral.config import load_store_settings
from jaganetral.service.store import Store, StoreError, open_store


def add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL",
                        help="basis data: sqlite:///BERKAS atau postgresql://HOST/NAMA; "
                             "bawaan: $JN_DATABASE_URL, atau berkas SQLite di folder data")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder data (brankas bukti dan basis data bawaan); "
                             "bawaan: $JN_DATA_DIR, atau ~/.local/share/jaganetral")


def store_from(args: argparse.Namespace) -> Store | None:
    """Open the store named by --db/--data-dir (or the environment); None after printing why not."""
    settings = load_store_settings(database_url=args.db, data_dir=args.data_dir)
    try:
        return open_store(settings)
    except StoreError as exc:
        error(str(exc))
        return None
    except OSError as exc:
        error(f"folder data tidak bisa dipakai ({settings.data_dir}): {exc.strerror or exc}")
        return None
