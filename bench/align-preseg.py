#!/usr/bin/env python3
"""align-preseg.py: the aligner alone, on gold sentences.

usage: bench/align-preseg.py [--bin POLYREAD] [--verbose] CORPUS_DIR...

For each article of the corpora (a folder with gold.json, see
../shared/corpora/README.md) it writes the gold units of each language one
a line (en.txt fr.txt ru.txt, in a temporary folder), runs

    POLYREAD align --presegmented --format=tsv en.txt fr.txt ru.txt

and maps every piece of every bead back to its line by its text. A piece
that is not a whole line (the aligner cut it, or joined two) is counted
and reported: a presegmented line is the user's unit and must stay whole.
The links of each bead (every line of one version with every line of
another) are scored against gold.json's: precision, recall and F1 per
language pair, then 'lines cut N' and the micro-averaged F1 on the last
line. Exits 1 when a line was cut or a run failed.
"""
import argparse, json, os, re, subprocess, sys, tempfile, unicodedata
from itertools import combinations


def norm(s):
    s = unicodedata.normalize("NFC", s).replace("\u00ad", "")
    return re.sub(r"\s+", " ", s).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="polyread")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    docs = []
    for d in a.dirs:
        if os.path.exists(os.path.join(d, "gold.json")):
            docs.append(d)
        else:
            docs += sorted(os.path.join(d, x) for x in os.listdir(d)
                           if os.path.exists(os.path.join(d, x, "gold.json")))
    tp, npred, ngold = {}, {}, {}
    cut = failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            g = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
            langs = g["langs"]
            files, index = [], {}
            for l in langs:
                units = [norm(u) for u in g["units"][l]]
                f = os.path.join(tmp, f"{l}.txt")
                with open(f, "w", encoding="utf-8") as o:
                    o.write("".join(u + "\n" for u in units))
                files.append(f)
                index[l] = {}
                for i, u in enumerate(units):
                    index[l].setdefault(u, []).append(i)
            p = subprocess.run([a.bin, "align", "--presegmented",
                                "--format=tsv"] + files, capture_output=True)
            if p.returncode != 0:
                failures += 1
                print(f"FAIL {d}: exit {p.returncode}", file=sys.stderr)
                continue
            beads = [line.split("\t") for line in
                     p.stdout.decode("utf-8", "replace").splitlines()]
            per = {l: [] for l in langs}
            for k, l in enumerate(langs):
                nxt = 0		# lines are found in order
                for b in beads:
                    got = set()
                    field = b[k] if k < len(b) else ""
                    for s in (field.split(" ~~~ ") if field else []):
                        s = norm(s)
                        at = [i for i in index[l].get(s, []) if i >= nxt]
                        if not at:
                            cut += 1
                            if a.verbose:
                                print(f"{d} {l}: not a line: {s}")
                            continue
                        got.add(at[0])
                        nxt = at[0] + 1
                    per[l].append(got)
            for x, y in combinations(langs, 2):
                key = f"{x}-{y}"
                pred = set()
                for k in range(len(beads)):
                    pred |= {(i, j) for i in per[x][k] for j in per[y][k]}
                gold = {(lk[x], lk[y]) for lk in g["links"]
                        if x in lk and y in lk}
                tp[key] = tp.get(key, 0) + len(pred & gold)
                npred[key] = npred.get(key, 0) + len(pred)
                ngold[key] = ngold.get(key, 0) + len(gold)
                if a.verbose and pred != gold:
                    print(f"{d} {key}: {len(pred - gold)} wrong, "
                          f"{len(gold - pred)} missed")

    def prf(t, p, g):
        P = t / p if p else 0.0
        R = t / g if g else 0.0
        return P, R, (2 * P * R / (P + R) if P + R else 0.0)
    print(f"documents {len(docs)}  failures {failures}")
    for key in sorted(tp):
        P, R, F = prf(tp[key], npred[key], ngold[key])
        print(f"align  {key}  P {P:.4f}  R {R:.4f}  F1 {F:.4f}  "
              f"(gold links {ngold[key]})")
    print(f"lines cut {cut}")
    print(f"align F1 {prf(sum(tp.values()), sum(npred.values()), sum(ngold.values()))[2]:.4f}")
    return 1 if cut or failures else 0


if __name__ == "__main__":
    sys.exit(main())
