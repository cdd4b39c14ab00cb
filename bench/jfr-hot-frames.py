"""Where a JFR recording's CPU samples went, for bench/README.md's per-item profile (issue 16).

Usage: jfr print --json --stack-depth 64 --events jdk.ExecutionSample REC.jfr > samples.json
       python3 bench/jfr-hot-frames.py samples.json
Prints the share of samples per thread, per library (a sample counts for every library on its stack), the top
self frames, and the top inclusive frames of the engine (io.nightshift), logback and the SDK's worker internals.
Standard library only.
"""
import json, sys, collections
d = json.load(open(sys.argv[1]))
ev = d['recording']['events']
self_c = collections.Counter(); incl = collections.Counter(); threads = collections.Counter(); groups = collections.Counter()
def name(f):
    m = f['method']; return m['type']['name'].replace('/', '.') + '.' + m['name']
GROUPS = [('logback/slf4j logging', ('ch.qos.logback', 'org.slf4j')), ('nightshift engine', ('io.nightshift',)),
          ('temporal sdk', ('io.temporal',)), ('grpc/netty', ('io.grpc', 'io.netty')), ('protobuf', ('com.google.protobuf',)),
          ('jackson', ('com.fasterxml',))]
for e in ev:
    st = e['values'].get('stackTrace')
    if not st: continue
    frames = st['frames']
    if not frames: continue
    threads[(e['values'].get('sampledThread') or {}).get('javaName', '?')] += 1
    self_c[name(frames[0])] += 1
    seen = set()
    for f in frames:
        n = name(f)
        if n not in seen:
            seen.add(n); incl[n] += 1
    g = set()
    for f in frames:
        t = f['method']['type']['name'].replace('/', '.')
        for gname, prefixes in GROUPS:
            if t.startswith(prefixes): g.add(gname)
    for x in g: groups[x] += 1
N = sum(self_c.values())
print('samples', N)
print('\n-- by thread (top 12)'); [print(f'{c/N:6.1%} {c:6d} {t}') for t, c in threads.most_common(12)]
print('\n-- samples whose stack contains (inclusive)'); [print(f'{c/N:6.1%} {c:6d} {t}') for t, c in groups.most_common()]
print('\n-- top self frames'); [print(f'{c/N:6.1%} {c:6d} {t}') for t, c in self_c.most_common(25)]
print('\n-- top inclusive frames (io.nightshift, logback, SDK worker internals)')
k=0
for t, c in incl.most_common(100000):
    if t.startswith(('io.nightshift','ch.qos.logback.core.OutputStreamAppender','ch.qos.logback.classic.Logger','io.temporal.internal.worker.ActivityWorker','io.temporal.internal.replay','io.temporal.internal.statemachines')):
        print(f'{c/N:6.1%} {c:6d} {t}'); k+=1
        if k>=40: break
