package io.nightshift.examples.drugdiscovery.chem;

import java.util.List;

/**
 * The drug-likeness profile of one molecule.
 *
 * @param molecularWeight    average molecular weight (g/mol)
 * @param xlogp              CDK's XLogP (Wang et al. 1997 atom-additive logP)
 * @param tpsa               topological polar surface area over N and O (Ertl 2000), Å²
 * @param hbd                hydrogen-bond donors as Lipinski counted them: hydrogens on N and O
 * @param hba                hydrogen-bond acceptors as Lipinski counted them: N and O atoms
 * @param rotatableBonds     rotatable bonds (RDKit's strict definition: no amide C-N, no terminal groups)
 * @param aromaticRings      smallest-set rings whose atoms are all aromatic
 * @param lipinskiViolations how many of MW > 500, XLogP > 5, HBD > 5, HBA > 10 hold (Lipinski 1997)
 * @param veber              rotatable bonds <= 10 and TPSA <= 140 (Veber 2002)
 * @param pains              names of the PAINS filters matched; empty when clean
 * @param qed                quantitative estimate of drug-likeness, 0..1 (Bickerton 2012)
 */
public record Descriptors(
    double molecularWeight,
    double xlogp,
    double tpsa,
    int hbd,
    int hba,
    int rotatableBonds,
    int aromaticRings,
    int lipinskiViolations,
    boolean veber,
    List<String> pains,
    double qed) {
  public Descriptors {
    pains = List.copyOf(pains);
  }

  /** The rule-of-five allows one violation, as Lipinski's paper does ("poor absorption is more likely when..."). */
  public boolean lipinski() {
    return lipinskiViolations <= 1;
  }

  public boolean painsFree() {
    return pains.isEmpty();
  }
}
