"""Join our own labels (``data/labels/*.jsonl``: id, label, target; no texts) with the posts they label.

Usage::

    python bench/join_labels.py ../shared/data/corpus.jsonl data/labels/corpus-labels-2026-11.jsonl \\
        > corpus_labelled.jsonl

The repository keeps only the labels (our work, Apache-2.0); the posts stay in ``../shared`` (licence
unknown) and are joined here, outside the repository, into the labelled JSONL that
``jaganetral train`` and ``jaganetral eval --cv --train-extra`` read. The output is byte-for-byte
the file named in the shipped model's manifest (same order, same keys), so its SHA-256 matches.
"""

from __future__ import annotations

import json
import sys


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    corpus_path, labels_path = argv
    with open(labels_path, encoding="utf-8") as fh:
        labels = [json.loads(line) for line in fh if line.strip()]
    wanted = {row["id"] for row in labels}
    posts: dict[str, dict[str, object]] = {}
    with open(corpus_path, encoding="utf-8") as fh:
        for line in fh:
            post = json.loads(line)
            if post.get("id") in wanted:
                posts[post["id"]] = post
    missing = 0
    for row in labels:
        post = posts.get(row["id"])
        if post is None:
            missing += 1
            continue
        out = {"id": post["id"], "platform": "x", "kind": "post", "created_at": post.get("created_at"),
               "text": post["text"], "label": row["label"], "target": row["target"]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    if missing:
        print(f"{missing} labelled ids not found in {corpus_path}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
