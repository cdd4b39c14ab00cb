package io.nightshift.examples.drugdiscovery.chem;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Hydrogen-bond donors and acceptors as Lipinski's rule of five counts them (Lipinski et al., Adv. Drug Deliv. Rev.
 * 23 (1997) 3): acceptors are the N and O atoms, donors their hydrogens. Both the filter's descriptors and the
 * decoys' property matching use this one definition, so a decoy is matched on the numbers the campaign filters by.
 */
record LipinskiCounts(int donors, int acceptors) {
  static LipinskiCounts of(IAtomContainer mol) {
    int donors = 0;
    int acceptors = 0;
    for (IAtom atom : mol.atoms()) {
      int z = atom.getAtomicNumber();
      if (z == 7 || z == 8) {
        acceptors++;
        donors += atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
      }
    }
    return new LipinskiCounts(donors, acceptors);
  }
}
