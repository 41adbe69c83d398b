#!/usr/bin/env python3
"""usage: tools/deps.py [--edges] [OBJ...]

Which source file uses which, read from the objects with nm: file A depends
on file B when A.o uses a symbol B.o defines. Prints the cycles between
files (strongly connected components of more than one file), one per line,
then 'N cycles'; exits 1 when there is one. With --edges, prints every
edge 'A -> B (symbols)' first. Default objects: src/*.o (the library,
main.o, reader.o and tty.o; not the tests')."""
import glob, os, subprocess, sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
objs = args or sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "src", "*.o")))
defs, uses = {}, {}
for o in objs:
    name = os.path.basename(o)[:-2] + ".c"
    out = subprocess.run(["nm", o], capture_output=True, text=True, check=True).stdout
    uses[name] = set()
    for line in out.splitlines():
        f = line.split()
        if len(f) == 2 and f[0] == "U":
            uses[name].add(f[1])
        elif len(f) == 3 and f[1] in "TDBRC":
            defs.setdefault(f[2], name)
edges = {}
for a, syms in uses.items():
    for s in syms:
        b = defs.get(s)
        if b and b != a:
            edges.setdefault(a, {}).setdefault(b, []).append(s)
if "--edges" in sys.argv:
    for a in sorted(edges):
        for b in sorted(edges[a]):
            print(f"{a} -> {b} ({', '.join(sorted(edges[a][b]))})")
# Tarjan's strongly connected components.
index, low, stack, on, sccs, n = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, {}):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = []
        while True:
            w = stack.pop(); on.discard(w); c.append(w)
            if w == v: break
        if len(c) > 1: sccs.append(sorted(c))
sys.setrecursionlimit(10000)
for v in sorted(uses):
    if v not in index: visit(v)
for c in sccs:
    inner = [f"{a}->{b}" for a in c for b in sorted(edges.get(a, {})) if b in c]
    print("cycle:", " ".join(c), "|", " ".join(inner))
print(f"{len(sccs)} cycles")
sys.exit(1 if sccs else 0)
