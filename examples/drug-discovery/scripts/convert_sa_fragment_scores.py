#!/usr/bin/python3
"""Converts RDKit's SA-score fragment contributions into the compact resource chem.SyntheticAccessibility reads.

Run ONCE, with Debian's python (the input comes with the rdkit-data package; the pyenv python3 on PATH is fine
too, the script needs no RDKit):

    apt-get install -y rdkit-data
    cd examples/drug-discovery
    /usr/bin/python3 scripts/convert_sa_fragment_scores.py \
        /usr/share/RDKit/Contrib/SA_Score/fpscores.pkl.gz \
        src/main/resources/io/nightshift/examples/drugdiscovery/chem/sa_fragment_scores.bin.gz

Input: fpscores.pkl.gz (Ertl & Schuffenhauer, J. Cheminform. 1 (2009) 8; RDKit Contrib/SA_Score), a pickled list
of [score, morgan_id, morgan_id, ...] groups: 3,549 distinct contributions over 705,292 unfolded Morgan (radius 2)
environment ids. A pickle cannot be read from Java, and the ids do not need 8-byte Python ints.

Output (gzip, all integers big-endian or unsigned LEB128 varints), grouped as in the input because ids that share
a score compress best together (1,746,219 bytes against 1,759,237 for one id-sorted list with a score
index per id, and 3,848,384 for the pickle):

    4 bytes  magic "SAFC", 4 bytes format version (1)
    4 bytes  group count G
    G times: 4-byte signed contribution in ten-thousandths (every input score has at most four decimals; checked),
             varint id count n, then n varints: the ids in ascending order as differences (the first from 0)
Groups are in ascending score order. Every id is in exactly one group (checked).
"""
import gzip
import pickle
import struct
import sys

MAGIC = b"SAFC"
VERSION = 1


def varint(value, out):
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def main(source, target):
    with gzip.open(source) as f:
        groups = pickle.load(f)
    seen = set()
    out = bytearray(MAGIC + struct.pack(">ii", VERSION, len(groups)))
    for group in sorted(groups, key=lambda g: g[0]):
        score = float(group[0])
        tenThousandths = round(score * 10000)
        if tenThousandths / 10000 != score:
            sys.exit(f"score {score!r} has more than four decimals")
        ids = sorted(int(i) for i in group[1:])
        for i in ids:
            if not 0 <= i < 2**32:
                sys.exit(f"id {i} is not an unsigned 32-bit Morgan id")
            if i in seen:
                sys.exit(f"id {i} is in two groups")
            seen.add(i)
        out += struct.pack(">i", tenThousandths)
        varint(len(ids), out)
        previous = 0
        for i in ids:
            varint(i - previous, out)
            previous = i
    # mtime=0 so that a rerun writes byte-identical output
    with open(target, "wb") as f:
        f.write(gzip.compress(bytes(out), compresslevel=9, mtime=0))
    print(f"{len(groups)} contributions, {len(seen)} ids -> {target}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
