"""``jaganetral serve``: the web application under uvicorn; ``--demo`` on a throwaway database."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
from pathlib import Path

from jaganetral.cli.common import EXIT_OK, EXIT_USAGE, Subparsers, error
from jaganetral.cli.storage import add_store_options
from jaganetral.config import load_settings
from jaganetral.service.demo import prepare_demo
from jaganetral.service.scanning import Detector, PackError, build_detector
from jaganetral.service.store import Store, StoreError, open_store
from jaganetral.web.settings import SettingsError, WebSettings

DESCRIPTION = """\
Menjalankan aplikasi web Jaga Netral. Kunci rahasia sesi dibaca dari $JN_SECRET_KEY (wajib, paling
sedikit 32 karakter acak). Buat pengguna pertama dengan `jaganetral users add NAMA --role admin`.
Di balik HTTPS, setel JN_COOKIE_SECURE=1.

--demo: basis data baru di folder sementara (dihapus saat berhenti), data sintetis dari folder demo/
diimpor dan dipindai, dan satu pengguna per peran dibuat; kata sandinya dicetak sekali."""


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("serve", help="jalankan aplikasi web", description=DESCRIPTION)
    parser.add_argument("--host", default="127.0.0.1", help="alamat yang didengarkan (bawaan: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="porta (bawaan: 8000)")
    parser.add_argument("--demo", action="store_true", help="mode demo: basis data sementara dan data sintetis")
    parser.add_argument("--demo-data", metavar="DIR", default="demo",
                        help="folder data demo (roster.csv, exports/); bawaan: demo")
    parser.add_argument("--region", metavar="R", help="kode wilayah untuk detektor (mode demo bawaan: basel)")
    add_store_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.demo:
        return _run_demo(args)
    try:
        settings = WebSettings.from_env(data_dir=args.data_dir, database_url=args.db)
        store = open_store(settings.store)
        detector = build_detector(load_settings(region=args.region))
    except (SettingsError, StoreError, PackError) as exc:
        error(str(exc))
        return EXIT_USAGE
    return _serve(settings, store, detector, args.host, args.port)


def _run_demo(args: argparse.Namespace) -> int:
    demo_dir = Path(args.demo_data)
    if not (demo_dir / "roster.csv").is_file() or not (demo_dir / "exports").is_dir():
        error(f"folder data demo tidak lengkap: {demo_dir} (perlu roster.csv dan exports/)")
        return EXIT_USAGE
    with tempfile.TemporaryDirectory(prefix="jaganetral-demo-") as folder:
        env = {k: v for k, v in os.environ.items() if k not in ("JN_DATABASE_URL", "JN_DATA_DIR")}
        settings = WebSettings.from_env(env, demo=True, data_dir=folder)
        store = open_store(settings.store)
        detector = build_detector(load_settings(region=args.region or "basel"))
        world = prepare_demo(store, demo_dir, detector, dt.date.today())
        print(f"Mode demo: basis data sementara di {folder} (dihapus saat berhenti).")
        print(f"Pegawai: {world.roster.rows} baris; impor: {world.imported.tally.findings} temuan.")
        print("Akun demo (kata sandi hanya dicetak sekali):")
        for login in world.logins:
            print(f"  {login.username:<12} {login.password}   ({login.role})")
        print(f"Buka http://{args.host}:{args.port}/")
        return _serve(settings, store, detector, args.host, args.port)


def _serve(settings: WebSettings, store: Store, detector: Detector, host: str, port: int) -> int:
    import uvicorn  # only when serving: the other commands never load the web stack

    from jaganetral.web.app import create_app

    try:
        app = create_app(settings, store, detector=detector)
        app.state.rules()  # loaded before listening: the first requests must not wait for the packs
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        store.close()
    return EXIT_OK
