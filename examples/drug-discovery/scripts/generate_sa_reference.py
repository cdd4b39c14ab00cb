#!/usr/bin/python3
"""Writes the RDKit reference values the Java synthetic accessibility tests compare against.

Run ONCE, with Debian's python (it sees python3-rdkit and the Contrib sascorer; the pyenv python3 on PATH does not):

    apt-get install -y python3-rdkit rdkit-data
    cd examples/drug-discovery
    /usr/bin/python3 scripts/generate_sa_reference.py > src/test/resources/io/nightshift/examples/drugdiscovery/sa_reference.csv

Input: the shipped seed library (approved drugs), the analogues below (written by the project's AnalogueGenerator)
and a few ring systems and stereocentres the seeds lack (spiro, bridged, caged, macrocyclic). Output: one row per
molecule with RDKit's SA score (Contrib/SA_Score/sascorer.py, Ertl & Schuffenhauer 2009), the terms it is made of
(mean fragment contribution, distinct Morgan environments, heavy atoms, stereocentres including unassigned ones,
spiro atoms, bridgeheads, macrocycles) and the unfolded Morgan fingerprint (radius 2) as id:count pairs, so a
mismatch can be traced to the term or the environment id that differs.
"""
import csv
import math
import sys

import rdkit
from rdkit import Chem
from rdkit.Chem import rdMolDescriptors

sys.path.insert(0, "/usr/share/RDKit/Contrib/SA_Score")
import sascorer  # noqa: E402  (RDKit Contrib, Debian rdkit-data)

SEEDS = "src/main/resources/io/nightshift/examples/drugdiscovery/data/seeds.csv"

# AnalogueGenerator.generate(<the 32 shipped seeds, parsed>, 24, 18): CDK canonical SMILES as the Java code wrote
# them (operators: add-substituent, remove-substituent, atom-swap, fragment-swap, crossover)
ANALOGUES = """
CCOC(=O)N1CCC(=C2C3=C(CCC4=CC=CN=C42)C=C(C=C3)Cl)CC1OC
C[C@@H]1CCN(C[C@@H]1N(C)C2=C3C=CNC3=NC=N2)NC(=O)C4=CN=C(NC5=NC(=NC(=C5)N6CCN(CC6)CCO)C)S4
CNCCC(C1=CC=C(C=C1)CO)OC2=CC=C(C=C2)C(F)(F)F
CC1=CC=CC(=C1NC(=O)C2=CN=C(C3=C(C=CC=C3)SC4=CC5=C(C=C4)C(=NN5)/C=C/C6=NC=CC=C6)S2)Cl
CC(C(F)(F)F)OC1=CC(=CN=C1N)C2=CN(C3CCNCC3)N=C2
CC(C)CC1=CC=C(C=C1CO)C(C)C(=O)O
CC(C)C1=C(C(=C(C2=CC=C(C=C2)F)N1CCO[C@H](C)C3=C(C(=CC=C3Cl)F)Cl)C4=CC=CC=C4)C(=O)NC5=CC=CC=C5
C#CC1=CC=CC(=C1)NC2=NC=NC3=CC(=C(C=C32)OCCOC)CC(COC4=CC=CC5=C4C=CC=C5)O
CCNCC(COC1=CC=CC2=C1C=CC=C2)O
CC1=CC=C(C=C1NC2=NC(=CC=N2)C3=CN=CC=C3)N4CC[C@@H](C)[C@H](C4)N(C)C5=C6C=CNC6=NC=N5
CC(=O)OC1=C(C=CC=C1)C(=O)N2CCC(=C3C4=C(CCC5=CC=CN=C53)C=C(C=C4)Cl)CC2
CC1=CC=C(C=C1S(=O)(=O)N)NC2=NC(=CC=N2)N(C)C3=CC4=NNC(=C4C=C3)C
CC1=CC=C(C=C1)C2=CC(=NN2C(C)C(=O)O)C(F)(F)F
CC(=O)CC(C1=CC=CC(=C1)O)C2=C(C3=C(C=CC=C3)OC2=O)O
CC1=C(C(=C(CS(=O)C2=NC3=C(C=CC(=C3)OF)N2)N=C1)C)OC
C#CC1=CC(=CC=C1O)NC2=C3C=C(C(=CC3=NC=N2)OCCOC)OCCOC
CC1=CC=C(C=C1NC2=NC(=CC=N2)C3=CN=CC=C3)NC(=O)C4=CC=C(C=C4)NC5=CC=C(CN6CCN(C)CC6)C(=C5)C(F)(F)F
CN1CCC(CC1)COC2=CC3=NC=NC(=C3C=C2OC)NC=CC4=NC=CC=C4
CC1=CC=C(C=C1S(=O)(=O)N)NC2=NC(=CC=N2)N(C)NC3=CC=C(C(=C3)Cl)OCC4=CC=CC(=C4)F
CC1=CC=CC(=C1NC(=O)C2=CN=C(NC3=CC(=NC(=N3)C)CC(=O)O)S2)Cl
CC1=CC=C(C=C1NC2=NC(=CC=N2)C3=CC=CN=C3)C(=O)NC4=CC(=CC(=C4)C5=CC=CC6=C5C=CC=C6)N7C=C(C)N=C7
CC(=O)OC1=C(C=CC=C1)C(=O)ON
C1=CC(=C(C=C1)OC=O)C(=O)O
C[C@@H]1CCN(C[C@@H]1N(C)C2=C3C=CNC3=NC=N2)C(=O)CC4=C(C)NC(=C4C)/C=C\\5/C6=CC(=CC=C6NC5=O)F
""".split()

# what the seeds and analogues lack: each term of the complexity penalty, and aromatic forms CDK must type as RDKit
SPECIAL = [
    ("spiro[4.5]decane", "C1CCC2(CC1)CCCC2"),
    ("dispiro compound", "C1CC2(C1)CC1(C2)CCC1"),
    ("norbornane", "C1CC2CCC1C2"),
    ("bicyclo[2.2.2]octane", "C1CC2CCC1CC2"),
    ("quinuclidine", "C1CN2CCC1CC2"),
    ("camphor", "CC1(C)C2CCC1(C)C(=O)C2"),
    ("hyoscyamine", "CN1C2CCC1CC(C2)OC(=O)C(CO)c1ccccc1"),
    ("cubane", "C12C3C4C1C5C2C3C45"),
    ("cyclododecane", "C1CCCCCCCCCCC1"),
    ("macrolactam", "O=C1CCCCCCCCCCCCCC(=O)N1"),
    ("androstenediol", "C[C@]12CC[C@H]3[C@@H](CC=C4C[C@@H](O)CC[C@@]34C)[C@@H]1CC[C@@H]2O"),
    ("trans-p-dimethylcyclohexane", "C[C@H]1CC[C@@H](C)CC1"),
    ("phloroglucitol", "OC1CC(O)CC(O)C1"),
    ("aziridine bicycle", "N1C2CC1C2"),
    ("methyl phenyl sulfoxide", "C[S@@](=O)c1ccccc1"),
    ("2-pyridone", "O=c1cccc[nH]1"),
    ("theophylline", "Cn1c2nc[nH]c2c(=O)n(C)c1=O"),
    ("pyridine N-oxide", "c1cc[n+]([O-])cc1"),
    ("azulene", "c1cc2cccccc2c1"),
    ("indolizine-like", "c1ccn2ccnc2c1"),
    ("geminal chlorohydrin (issue 18)", "CC(C)NCC(CC1=NCC(=O)N(C)C2=C1C=C(C=C2)Cl)(Cl)O"),
]


def row(name, smiles):
    if "," in name:
        sys.exit(f"{name!r}: a name must not hold a comma (the Java reader splits on commas)")
    mol = Chem.MolFromSmiles(smiles)
    if mol is None:
        sys.exit(f"RDKit cannot parse {name}: {smiles}")
    fingerprint = rdMolDescriptors.GetMorganFingerprint(mol, 2).GetNonzeroElements()
    occurrences = sum(fingerprint.values())
    fragment = sum(sascorer._fscores.get(i, -4) * c for i, c in fingerprint.items()) / occurrences
    ring_info = mol.GetRingInfo()
    return [name, smiles, f"{sascorer.calculateScore(mol):.6f}", f"{fragment:.6f}", len(fingerprint),
            mol.GetNumAtoms(), len(Chem.FindMolChiralCenters(mol, includeUnassigned=True)),
            rdMolDescriptors.CalcNumSpiroAtoms(mol), rdMolDescriptors.CalcNumBridgeheadAtoms(mol),
            sum(1 for ring in ring_info.AtomRings() if len(ring) > 8),
            ";".join(f"{i}:{c}" for i, c in sorted(fingerprint.items()))]


def main():
    sascorer.readFragmentScores()
    out = csv.writer(sys.stdout, lineterminator="\n")
    print(f"# generated by scripts/generate_sa_reference.py with RDKit {rdkit.__version__} and Contrib/SA_Score")
    out.writerow(["name", "smiles", "sa_score", "fragment_score", "distinct_environments", "atoms",
                  "stereocentres", "spiro", "bridgeheads", "macrocycles", "morgan_counts"])
    with open(SEEDS) as f:
        for seed in csv.DictReader(f):
            out.writerow(row(seed["name"], seed["smiles"]))
    for i, smiles in enumerate(ANALOGUES, 1):
        out.writerow(row(f"analogue {i}", smiles))
    for name, smiles in SPECIAL:
        out.writerow(row(name, smiles))


if __name__ == "__main__":
    main()
