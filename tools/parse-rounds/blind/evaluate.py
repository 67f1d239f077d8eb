#!/usr/bin/env python3
"""Runs every row of phrasings.tsv through `klingbot parse --json` and scores it.
Right = the expected mode (or a refusal where one is expected) and every expected word in the prompt."""
import csv, json, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
jar = sys.argv[1]
rows = list(csv.DictReader(open(sys.argv[2] if len(sys.argv) > 2 else 'tools/parse-rounds/blind/blind-1.tsv'), delimiter='\t'))
def run(row):
    cmd = ['java', '-jar', jar, 'parse', '--json', '--images', row['images'] or '0', row['instruction']]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
    try:
        data = json.loads(out.splitlines()[-1])
    except Exception:
        data = {'error': 'bad-output', 'message': out}
    exp = row['expected']
    if 'error' in data:
        got = 'refuse'
        ok = exp == 'refuse'
    else:
        got = data.get('edit_mode')
        prompt = (data.get('prompt') or '').lower()
        words = [w for w in row['words'].split(';') if w and w != '-']
        ok = got == exp and all(w.lower() in prompt for w in words)
    return row, got, ok, data
with ThreadPoolExecutor(2) as pool:
    results = list(pool.map(run, rows))
right = sum(1 for r in results if r[2])
for row, got, ok, data in results:
    if not ok:
        print(f"MISS [{row['expected']} -> {got}] {row['instruction']}  ||  {data.get('prompt') or data.get('message','')[:120]}")
print(f"{right} passed, {len(results)-right} failed")
