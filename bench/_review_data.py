"""Synthetic review data written straight into PostgreSQL (``INSERT … SELECT generate_series``).

Used by ``bench/review_load.py``. Nothing goes through the import pipeline: the store is migrated by
the project's own migrations first, then every table is filled by a few server-side statements.
Every agency, name, NIP, handle and post is invented; candidate and party names are fictional.

* ``agencies`` agencies, ``per_agency`` employees each (PNS/PPPK with an invented NIP that starts
  with 99, honorer with a staff number), one account per employee and a second for every third,
  plus 2 % unlinked accounts; a platform mix weighted towards Facebook and Instagram.
* ``activities`` activities spread over 2024 (WIB), texts from templates with a place suffix; the
  ``key`` values follow the type and length of ``activities.key`` in ``store/tables.py``.
* ``findings`` current findings (every ``activities // findings``-th activity, a campaign template),
  plus 5 % older, non-current ones they replaced; scores 0.35–1.0, KE-0x/DS-0x violations, evidence
  spans into the text. 20 % are dismissed (``finding_reviews``); 1 in 125 became a case.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Integer, LargeBinary, String, TypeDecorator, Uuid
from sqlalchemy.types import TypeEngine

from jaganetral.store.tables import activities

PLATFORMS = ["facebook"] * 4 + ["instagram"] * 3 + ["x"] * 2 + ["tiktok"] * 2 + ["telegram", "whatsapp"]
KINDS = ["post"] * 6 + ["comment"] * 3 + ["share", "like"]
VIOLATIONS = ["KE-01", "KE-02", "KE-02", "KE-04", "KE-05", "DS-02", "DS-05", "DS-06", "DS-08"]
STATES = ["temuan", "verifikasi", "verifikasi", "klarifikasi", "rekomendasi", "tindak_lanjut", "selesai"]
AGENCY_NAMES = [
    "Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum", "Dinas Sosial", "Dinas Perhubungan",
    "Dinas Pertanian", "Dinas Kependudukan dan Pencatatan Sipil", "Badan Kepegawaian Daerah",
    "Badan Perencanaan Pembangunan Daerah", "Dinas Lingkungan Hidup", "Dinas Pariwisata", "Sekretariat Daerah",
    "Inspektorat", "Dinas Koperasi dan UKM", "Dinas Perikanan", "Satuan Polisi Pamong Praja",
    "Dinas Komunikasi dan Informatika", "Dinas Perindustrian", "Badan Pendapatan Daerah", "RSUD",
]
FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hendra", "Indah", "Joko", "Kartika", "Lestari",
         "Made", "Nur", "Putu", "Rina", "Sri", "Taufik", "Wahyu", "Yuni", "Rahmat", "Siti", "Bayu", "Ratna"]
LAST = ["Contoh", "Percobaan", "Sampel", "Uji", "Sintetis", "Rekaan", "Fiktif", "Tiruan"]
POSITIONS = ["Analis Kebijakan", "Guru", "Perawat", "Pengelola Keuangan", "Staf Umum", "Kepala Seksi",
             "Penyuluh Pertanian", "Pranata Komputer", "Arsiparis", "Bidan"]
PLACES = ["Kecamatan Sukamaju", "Desa Mekarsari", "Kelurahan Sidorejo", "Kecamatan Tanjung Harapan",
          "Desa Suka Damai", "Kelurahan Bukit Indah", "Kecamatan Karya Bakti", "Desa Sumber Rejeki"]
REASONS = ["hanya membagikan berita resmi KPU", "akun bukan milik pegawai", "unggahan sebelum masa kampanye",
           "konteks satire, bukan dukungan", "duplikat laporan lain"]
# (text, [(span text, kind, note)]): campaign texts about fictional candidates
CAMPAIGN = [
    ("Ayo coblos nomor 2 tanggal 27 November! Bersama Paslon Harapan Baru kita menang #HarapanBaru2024",
     [("coblos nomor 2", "vote_call", "ajakan memilih"), ("#HarapanBaru2024", "hashtag", "tagar kampanye")]),
    ("Dukung terus Bapak Cahaya Purnama untuk bupati, pemimpin yang merakyat #CahayaUntukSemua",
     [("Dukung terus", "praise", "dukungan"), ("#CahayaUntukSemua", "hashtag", "tagar kampanye")]),
    ("Menangkan pasangan Bintang-Samudra, pilih nomor 1 demi daerah yang lebih maju",
     [("Menangkan pasangan", "vote_call", "ajakan memenangkan"), ("nomor 1", "number", "nomor urut")]),
    ("Hadir di kampanye akbar Partai Pelangi Nusantara hari ini, luar biasa semangatnya!",
     [("kampanye akbar", "team", "ikut kampanye"), ("Partai Pelangi Nusantara", "party", "partai")]),
    ("Jangan pilih calon nomor 3, programnya cuma janji kosong. Pilih yang pasti nomor 2!",
     [("Jangan pilih", "attack", "ajakan tidak memilih"), ("Pilih yang pasti nomor 2", "vote_call", "ajakan memilih")]),
    ("Salam dua jari! Relawan Harapan Baru siap door to door di kampung kita",
     [("Salam dua jari", "slogan", "salam kampanye"), ("Relawan Harapan Baru", "team", "tim relawan")]),
]
NEUTRAL = [
    "Rapat koordinasi kebersihan kantor hari ini berjalan lancar",
    "Selamat pagi rekan-rekan, semangat melayani masyarakat",
    "Jangan lupa gunakan hak pilih Anda pada hari pemungutan suara, pemilu damai",
    "Alhamdulillah kegiatan posyandu di kelurahan berjalan baik, terima kasih para kader",
    "Pelatihan aplikasi kepegawaian untuk seluruh staf dimulai pukul 09.00 WIB",
    "Selamat Hari Guru untuk semua pendidik, terima kasih atas pengabdiannya",
    "Jalan menuju balai desa sudah diperbaiki, hati-hati saat hujan",
    "Info lowongan PPPK bisa dilihat di laman resmi BKN, jangan percaya calo",
]


@dataclass(frozen=True)
class Sizes:
    agencies: int = 20
    per_agency: int = 5000
    activities: int = 1_000_000
    findings: int = 50_000


def _base_type(t: TypeEngine[Any]) -> TypeEngine[Any]:
    return t.impl_instance if isinstance(t, TypeDecorator) else t


def key_sql(g: str = "g") -> str:
    """SQL for a unique ``activities.key`` of row ``g``, shaped by that column's type and length."""
    t = _base_type(activities.c.key.type)
    if isinstance(t, Integer):
        return g
    if isinstance(t, Uuid):
        return f"md5({g}::text)::uuid"
    if isinstance(t, LargeBinary):
        n = t.length or 16
        return f"substring(sha256(({g})::text::bytea) || sha512(({g})::text::bytea) from 1 for {n})"
    if isinstance(t, String):
        n = t.length or 32
        if n < 16:  # too short for a hash prefix to stay unique: the row number in hex
            return f"lpad(to_hex({g}), {n}, '0')"
        return f"left(repeat(md5({g}::text) || md5({g}::text || '-'), {(n + 63) // 64}), {n})"
    raise SystemExit(f"error: activities.key has a type this generator does not know: {t!r}")


def _templates() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for text, spans in CAMPAIGN:
        evidence = []
        for span, kind, note in spans:
            start = text.index(span)
            evidence.append({"field": "text", "start": start, "end": start + len(span), "text": span,
                             "recognizer": kind, "kind": kind, "weight": 0.5, "note": note})
        rows.append({"i": len(rows), "flagged": True, "text": text, "evidence": json.dumps(evidence)})
    first = len(rows)
    rows.extend({"i": first + k, "flagged": False, "text": t, "evidence": "[]"} for k, t in enumerate(NEUTRAL))
    return rows


def _run(conn: Connection, sql: str, **params: Any) -> None:
    conn.exec_driver_sql(sql, params)


def generate(conn: Connection, sizes: Sizes) -> dict[str, int]:
    """Fill the (migrated, empty) schema of ``conn``; returns the row count of each table."""
    _run(conn, "SET LOCAL synchronous_commit = off")
    _run(conn, "SET LOCAL maintenance_work_mem = '256MB'")
    n_emp, stride = sizes.agencies * sizes.per_agency, max(1, sizes.activities // sizes.findings)
    names = [AGENCY_NAMES[i % 20] + (f" {i // 20 + 1}" if i >= 20 else "") + " Kabupaten Contoh"
             for i in range(sizes.agencies)]
    _run(conn, "INSERT INTO agencies (id, code, name, created_at) SELECT a, 'OPD' || lpad(a::text, 2, '0'), "
               "(%(names)s::text[])[a], now() FROM generate_series(1, %(n)s) a", names=names, n=sizes.agencies)
    _run(conn, """INSERT INTO employees (id, nip, staff_number, name, status, position, agency_id, created_at,
                                        updated_at)
        SELECT e, CASE WHEN e %% 7 = 0 THEN NULL ELSE '99' || lpad(e::text, 16, '0') END,
               CASE WHEN e %% 7 = 0 THEN 'HON-' || lpad(e::text, 7, '0') END,
               (%(first)s::text[])[1 + e %% 24] || ' ' || (%(last)s::text[])[1 + (e / 24) %% 8] || ' ' || e,
               CASE WHEN e %% 7 = 0 THEN 'honorer' WHEN e %% 5 = 0 THEN 'PPPK' ELSE 'PNS' END,
               (%(pos)s::text[])[1 + e %% 10], 1 + (e - 1) %% %(na)s, now(), now()
        FROM generate_series(1, %(ne)s) e""",
         first=FIRST, last=LAST, pos=POSITIONS, na=sizes.agencies, ne=n_emp)
    _run(conn, """INSERT INTO accounts (id, platform, key, handle, numeric_id, display_name, profile_url, employee_id,
                                       created_at)
        SELECT row_number() OVER (ORDER BY e, k), p, 'id:' || (7000000 + e * 2 + k), h, (7000000 + e * 2 + k)::text,
               'Akun ' || h, 'https://contoh.invalid/' || p || '/' || h, CASE WHEN e <= %(ne)s THEN e END, now()
        FROM generate_series(1, %(ne)s + %(ne)s / 50) e, generate_series(1, 2) k,
             LATERAL (SELECT (%(pl)s::text[])[1 + (e * 7 + k * 3) %% 13] AS p,
                             'pegawai_' || e || '_' || k AS h) x
        WHERE k = 1 OR e %% 3 = 0""", ne=n_emp, pl=PLATFORMS)
    n_acc = conn.exec_driver_sql("SELECT count(*) FROM accounts").scalar_one()
    _run(conn, "INSERT INTO vault_objects (sha256, size, stored_path, stored_at) "
               "VALUES (repeat('ab', 32), 1073741824, 'ab/abab', now())")
    _run(conn, "INSERT INTO imports (id, started_at, finished_at, status, actor, options, counts) "
               "VALUES (1, now(), now(), 'selesai', 'bench', '{}', '{}')")
    _run(conn, "CREATE TEMP TABLE bench_tpl (i int PRIMARY KEY, flagged bool, text text, evidence text) "
               "ON COMMIT DROP")
    for row in _templates():
        _run(conn, "INSERT INTO bench_tpl VALUES (%(i)s, %(flagged)s, %(text)s, %(evidence)s)", **row)
    n_camp, n_neu = len(CAMPAIGN), len(NEUTRAL)
    _run(conn, f"""INSERT INTO activities (id, key, key64, platform, kind, account_id, created_at, text, url,
            native_id, source_sha256, source_path, locator, import_id, seen_import, judged_pack)
        SELECT g, {key_sql()}, ('x' || left(md5(g::text), 16))::bit(64)::bigint, a.platform,
               (%(kinds)s::text[])[1 + (g * 31) %% 11], a.id,
               timestamptz '2024-01-01 00:00+07'
                 + ((hashint8(g::bigint + 1000003) & 2147483647) %% 31622400) * interval '1 second',
               t.text || ' (' || (%(places)s::text[])[1 + (g / 7) %% 8] || ')',
               'https://contoh.invalid/' || a.platform || '/p/' || g, g::text, repeat('ab', 32),
               'ekspor/' || a.platform || '.json', '$[' || g || ']', 1, 1, 'bench'
        FROM generate_series(1, %(n)s) g
        JOIN accounts a ON a.id = 1 + (hashint8(g::bigint) & 2147483647) %% %(nacc)s
        JOIN bench_tpl t ON t.i = CASE WHEN g %% %(stride)s = 0 AND g / %(stride)s <= %(nf)s
                                       THEN (g / %(stride)s) %% {n_camp}
                                       ELSE {n_camp} + (g * 13) %% {n_neu} END""",
         kinds=KINDS, places=PLACES, n=sizes.activities, nacc=n_acc, stride=stride, nf=sizes.findings)
    finding_cols = """activity_id, current, score, violation, also, targets, stance, contest, stage, evidence,
            explanation, detector_version, pack_version, judged_at, replaces_id, retired_in"""
    common = f"""a.id, %(cur)s, round((0.35 + ((j * 7907) %% 6500) / 10000.0)::numeric, 3)::float,
               (%(viol)s::text[])[1 + (j * 5) %% {len(VIOLATIONS)}], '[]', '["paslon-fiktif-2"]', 'pro',
               'pilkada-contoh-2024', 'kampanye', t.evidence,
               'Ajakan memilih pasangan calon pada masa kampanye (temuan otomatis, wajib diverifikasi).',
               'bench-1', 'bench-pack', a.created_at + interval '1 day'"""
    source = """FROM generate_series(1, %(nf)s) j JOIN activities a ON a.id = j * %(stride)s
                JOIN bench_tpl t ON t.i = j %% """ + str(n_camp)
    # older judgements first (ids 1..), retired by a rescan; then the current ones that replaced them
    _run(conn, f"INSERT INTO findings ({finding_cols}) SELECT {common}, NULL, 1 {source} WHERE j %% 20 = 0",
         cur=False, viol=VIOLATIONS, nf=sizes.findings, stride=stride)
    _run(conn, f"""INSERT INTO findings ({finding_cols}) SELECT {common},
            (SELECT o.id FROM findings o WHERE o.activity_id = a.id AND NOT o.current), NULL {source}""",
         cur=True, viol=VIOLATIONS, nf=sizes.findings, stride=stride)
    _run(conn, """UPDATE findings f SET activity_account_id = a.account_id, activity_platform = a.platform,
                  activity_at = a.created_at FROM activities a WHERE a.id = f.activity_id""")
    seeder = conn.exec_driver_sql(
        "INSERT INTO users (username, full_name, role, password_hash, active, created_at) "
        "VALUES ('penyemai', 'Penyemai Data Bench', 'pengawas', '!', false, now()) RETURNING id").scalar_one()
    _run(conn, """INSERT INTO finding_reviews (finding_id, decision, reason, user_id, decided_at)
        SELECT f.id, CASE WHEN f.id %% 125 = 3 THEN 'kasus' ELSE 'ditolak' END,
               CASE WHEN f.id %% 125 = 3 THEN NULL ELSE (%(reasons)s::text[])[1 + f.id %% 5] END,
               %(u)s, f.judged_at + interval '3 days'
        FROM findings f WHERE f.current AND (f.id %% 5 = 1 OR f.id %% 125 = 3)""", reasons=REASONS, u=seeder)
    _run(conn, """INSERT INTO cases (number, finding_id, employee_id, agency_id, state, violation, opened_by,
                                    opened_at, state_since, due_on, updated_at)
        SELECT 'JN-2024-' || lpad((row_number() OVER (ORDER BY r.finding_id))::text, 6, '0'), r.finding_id,
               e.id, e.agency_id, (%(states)s::text[])[1 + (r.finding_id / 125) %% 7], f.violation, %(u)s,
               r.decided_at, r.decided_at, (r.decided_at + interval '14 days')::date, r.decided_at
        FROM finding_reviews r JOIN findings f ON f.id = r.finding_id JOIN activities a ON a.id = f.activity_id
        LEFT JOIN accounts ac ON ac.id = a.account_id LEFT JOIN employees e ON e.id = ac.employee_id
        WHERE r.decision = 'kasus'""", states=STATES, u=seeder)
    _run(conn, """INSERT INTO case_events (case_id, at, user_id, action, from_state, to_state, note)
        SELECT id, opened_at, opened_by, 'buka', NULL, 'temuan', 'dibuka dari temuan (data bench)' FROM cases""")
    for table in ("agencies", "employees", "accounts", "imports", "activities", "findings"):
        _run(conn, f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    tables = ("agencies", "employees", "accounts", "activities", "findings", "finding_reviews", "cases")
    counts = {t: int(conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()) for t in tables}
    counts["current findings"] = int(conn.exec_driver_sql(
        "SELECT count(*) FROM findings WHERE current").scalar_one())
    return counts
