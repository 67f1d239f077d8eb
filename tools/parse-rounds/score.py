#!/usr/bin/env python3
"""Scores a round file: runs Runner.java (ParseCommand in one JVM) and compares mode, kept element words and (column 5) words the prompt must not contain."""
import json, subprocess, sys, os
here = os.path.dirname(os.path.abspath(__file__))
jar = os.path.join(here, '..', '..', 'app', 'target', 'klingbot.jar')
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8') if l.strip() and not l.startswith('#')]
p = subprocess.run(['java', '-cp', jar, os.path.join(here, 'Runner.java'), sys.argv[1]], capture_output=True, text=True)
outs = p.stdout.splitlines()
if len(outs) != len(rows):
    print(p.stderr); sys.exit(1)
right = 0
for cols, line in zip(rows, outs):
    text, images, mode = cols[0], cols[1].strip(), cols[2].strip()
    keep = [w.strip() for w in (cols[3] if len(cols) > 3 else '').split(';') if w.strip()]
    out = json.loads(line)
    if 'error' in out:
        got = 'REFUSED'
        shown = out.get('message', '') + ('  || suggestion: ' + out['suggestion'] if out.get('suggestion') else '')
    else:
        got = out['edit_mode'].upper()
        shown = out['prompt'] + ('  || notices: ' + '; '.join(out['notices']) if out.get('notices') else '')
    forbidden = [w.strip() for w in (cols[4] if len(cols) > 4 else '').split(';') if w.strip()]
    ok = got == mode and (mode == 'REFUSED' or (all(w.lower() in out['prompt'].lower() for w in keep)
                                                and not any(w.lower() in out['prompt'].lower() for w in forbidden)))
    right += ok
    print(('ok   ' if ok else 'MISS ') + f'[{mode}->{got}] {text}\n      {shown}')
print(f'{right}/{len(rows)}')
