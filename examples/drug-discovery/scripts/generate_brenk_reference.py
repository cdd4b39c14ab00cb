#!/usr/bin/python3
"""Writes which Brenk unwanted-group filters RDKit's FilterCatalog finds in a panel of molecules, for BrenkFilterTest.

Run ONCE with Debian's python (python3-rdkit), after writing the project's analogues with the Java helper:

    cd examples/drug-discovery
    java -cp "target/test-classes:target/classes:$CLASSPATH" \\
        io.nightshift.examples.drugdiscovery.chem.BrenkPanelAnalogues \\
        src/test/resources/io/nightshift/examples/drugdiscovery/brenk_panel_analogues.csv
    /usr/bin/python3 scripts/generate_brenk_reference.py \\
        > src/test/resources/io/nightshift/examples/drugdiscovery/brenk_reference.tsv

($CLASSPATH: the module's test classpath, e.g. from `mvn dependency:build-classpath -Dmdep.includeScope=test`.)

First it checks that the shipped chem/brenk.tsv is RDKit's BRENK catalogue, entry by entry: same order, same names
and, serialised by RDKit, the same compiled pattern, match counts and properties. Then the panel: the shipped seed
drugs, the project's own analogues (brenk_panel_analogues.csv) and textbook Brenk chemotypes, including the geminal
chlorohydrin of issue 18 that PAINS misses. Output: tab-separated name, SMILES and the matched filter names joined
by ';' in catalogue order (tabs because filter names hold commas).
"""
import csv
import sys

import rdkit
from rdkit import Chem
from rdkit.Chem.FilterCatalog import FilterCatalog, FilterCatalogEntry, FilterCatalogParams, SmartsMatcher

SHIPPED = "src/main/resources/io/nightshift/examples/drugdiscovery/chem/brenk.tsv"
SEEDS = "src/main/resources/io/nightshift/examples/drugdiscovery/data/seeds.csv"
ANALOGUES = "src/test/resources/io/nightshift/examples/drugdiscovery/brenk_panel_analogues.csv"
CHEMOTYPES = [
    ("geminal chlorohydrin (issue 18)", "CC(C)NCC(CC1=NCC(=O)N(C)C2=C1C=C(C=C2)Cl)(Cl)O"),
    ("acrylamide (Michael acceptor)", "C=CC(=O)Nc1ccccc1"),
    ("methyl vinyl ketone", "C=CC(C)=O"),
    ("chalcone", "O=C(C=Cc1ccccc1)c1ccccc1"),
    ("ynone", "CC#CC(=O)c1ccccc1"),
    ("benzaldehyde", "O=Cc1ccccc1"),
    ("phenethyl chloride", "ClCCc1ccccc1"),
    ("benzyl bromide", "BrCc1ccccc1"),
    ("iodobenzene", "Ic1ccccc1"),
    ("2-phenylethanethiol", "SCCc1ccccc1"),
    ("thiophenol", "Sc1ccccc1"),
    ("nitrobenzene", "O=[N+]([O-])c1ccccc1"),
    ("azobenzene", "c1ccc(N=Nc2ccccc2)cc1"),
    ("di-tert-butyl peroxide", "CC(C)(C)OOC(C)(C)C"),
    ("benzoyl chloride", "O=C(Cl)c1ccccc1"),
    ("styrene oxide", "C1OC1c1ccccc1"),
    ("2-phenylaziridine", "C1NC1c1ccccc1"),
    ("phenyl isocyanate", "O=C=Nc1ccccc1"),
    ("diphenyl disulfide", "c1ccc(SSc2ccccc2)cc1"),
    ("phenylhydrazine", "NNc1ccccc1"),
    ("N-nitrosodimethylamine", "CN(C)N=O"),
    ("phenylthiourea", "NC(=S)Nc1ccccc1"),
    ("phenylacetylene", "C#Cc1ccccc1"),
    ("trimethyl phosphate", "COP(=O)(OC)OC"),
    ("tetramethylammonium", "C[N+](C)(C)C"),
    ("pyridine N-oxide", "[O-][n+]1ccccc1"),
    ("phenyl azide", "[N-]=[N+]=Nc1ccccc1"),
    ("octanoic acid (long chain)", "CCCCCCCC(=O)O"),
    ("beta-propiolactone", "O=C1CCO1"),
    ("benzohydroxamic acid", "ONC(=O)c1ccccc1"),
    ("acetophenone oxime", "CC(=NO)c1ccccc1"),
    ("coumarin", "O=c1ccc2ccccc2o1"),
    ("anthracene", "c1ccc2cc3ccccc3cc2c1"),
    ("pyrene", "c1cc2ccc3cccc4ccc(c1)c2c34"),
    ("stilbene", "C(=Cc1ccccc1)c1ccccc1"),
    ("catechol", "Oc1ccccc1O"),
    ("hydroquinone", "Oc1ccc(O)cc1"),
    ("para-benzoquinone", "O=C1C=CC(=O)C=C1"),
    ("benzil (diketone)", "O=C(C(=O)c1ccccc1)c1ccccc1"),
    ("methanesulfonic acid", "CS(=O)(=O)O"),
    ("methyl benzenesulfonate", "COS(=O)(=O)c1ccccc1"),
    ("S-methyl thioacetate", "CC(=O)SC"),
    ("mandelonitrile (cyanohydrin)", "N#CC(O)c1ccccc1"),
    ("aminoacetonitrile", "NCC#N"),
    ("2-chloropyridine", "Clc1ccccn1"),
    ("perfluoropropane chain", "OCC(F)(F)C(F)(F)C(F)(F)F"),
    ("18-crown-6", "C1COCCOCCOCCOCCOCCO1"),
    ("azepane", "c1ccccc1CN1CCCCCC1"),
    ("cycloheptane", "C1CCCCCC1c1ccccc1"),
    ("triacetin (three esters)", "CC(=O)OCC(COC(C)=O)OC(C)=O"),
    ("hydantoin", "O=C1NC(=O)C(c2ccccc2)N1"),
    ("phenyl acetate (phenol ester)", "CC(=O)Oc1ccccc1"),
    ("N-benzylideneaniline (imine)", "C(=Nc1ccccc1)c1ccccc1"),
    ("1,2,4-trichlorobenzene", "Clc1ccc(Cl)c(Cl)c1"),
    ("phthalimide", "O=C1NC(=O)c2ccccc21"),
    ("ethyl vinyl ether", "C=COCC"),
    ("hexa-2,4-diene", "CC=CC=CC"),
    ("phenylboronic acid", "OB(O)c1ccccc1"),
    ("benzidine", "Nc1ccc(-c2ccc(N)cc2)cc1"),
]


def check_shipped_catalogue(catalog):
    rows = [line.rstrip("\n").split("\t") for line in open(SHIPPED) if not line.startswith("#")]
    assert len(rows) == catalog.GetNumEntries() == 105, (len(rows), catalog.GetNumEntries())
    for i, (name, smarts) in enumerate(rows):
        entry = catalog.GetEntryWithIdx(i)
        # The built-in entries match at least once with no upper bound (RDKit stores it as UINT_MAX).
        shipped = FilterCatalogEntry(name, SmartsMatcher(name, smarts, 1, 2**32 - 1))
        for key in entry.GetPropList():
            shipped.SetProp(key, entry.GetProp(key))
        assert entry.GetDescription() == name and entry.Serialize() == shipped.Serialize(), (i, name)


params = FilterCatalogParams()
params.AddCatalog(FilterCatalogParams.FilterCatalogs.BRENK)
catalog = FilterCatalog(params)
check_shipped_catalogue(catalog)
order = [catalog.GetEntryWithIdx(i).GetDescription() for i in range(catalog.GetNumEntries())]

panel = [(r["name"], r["smiles"]) for r in csv.DictReader(open(SEEDS))]
panel += [(r["name"], r["smiles"]) for r in csv.DictReader(open(ANALOGUES))]
panel += CHEMOTYPES
out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
print(f"# generated by scripts/generate_brenk_reference.py with RDKit {rdkit.__version__}")
out.writerow(["name", "smiles", "brenk"])
for name, smiles in panel:
    mol = Chem.MolFromSmiles(smiles)
    assert mol is not None, (name, smiles)
    hits = {e.GetDescription() for e in catalog.GetMatches(mol)}
    out.writerow([name, smiles, ";".join(n for n in order if n in hits)])
