#!/usr/bin/env python3
"""Counts the acknowledged turns of a load run in chat_sessions: GET /api/sessions/{id} for every session id wrk
saw in a 200 reply, and checks each holds its one turn. Prints acknowledged, found and missing."""
import concurrent.futures, glob, json, sys, urllib.request

base, load_dir = sys.argv[1], sys.argv[2]
ids = [line.strip() for f in glob.glob(load_dir + "/acked-*.txt") for line in open(f) if line.strip()]

def turns(session):
    try:
        with urllib.request.urlopen(f"{base}/api/sessions/{session}", timeout=30) as r:
            return len(json.load(r)["turns"])
    except Exception:
        return 0

with concurrent.futures.ThreadPoolExecutor(8) as pool:
    found = sum(pool.map(turns, ids))
print(f"acknowledged turns: {len(ids)}  found in chat_sessions: {found}  missing: {len(ids) - found}")
sys.exit(0 if found == len(ids) else 1)
