package io.nightshift.examples.drugdiscovery.chem;

/**
 * The eight molecular properties QED maps through its desirability functions, in the paper's order.
 *
 * @param mw     average molecular weight
 * @param alogp  Wildman-Crippen logP
 * @param hba    hydrogen-bond acceptors (QED's own SMARTS definition)
 * @param hbd    hydrogen-bond donors
 * @param psa    topological polar surface area (N and O, Ertl)
 * @param rotb   rotatable bonds (strict definition)
 * @param arom   aromatic rings (SSSR after removing aliphatic ring atoms)
 * @param alerts number of QED structural alerts present
 */
public record QedProperties(double mw, double alogp, int hba, int hbd, double psa, int rotb, int arom, int alerts) {
  double[] asArray() {
    return new double[] {mw, alogp, hba, hbd, psa, rotb, arom, alerts};
  }
}
