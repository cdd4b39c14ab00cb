package io.nightshift.examples.drugdiscovery.chem;

import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * The six properties DUD-E matches decoys on (Mysinger et al., J. Med. Chem. 55 (2012) 6582): molecular weight,
 * logP (Wildman-Crippen, RDKit's table, as in QED), Lipinski donors and acceptors (N and O; NH and OH, as
 * {@link DescriptorCalculator}), strict rotatable bonds and the net charge at pH 7 ({@link NetCharge}). Computed
 * without {@link DescriptorCalculator}'s PAINS and QED, which cost 19 ms a molecule and a decoy library has
 * thousands.
 */
public record MatchingProperties(double mw, double logP, int hbd, int hba, int rotatableBonds, int netCharge) {
  private static final SmartsPattern ROTATABLE_BOND = Smarts.compile(QedPatterns.ROTATABLE_BOND).setPrepare(false);

  public static MatchingProperties of(Molecule molecule) {
    IAtomContainer mol = CrippenLogP.cloneOf(molecule.structure());
    SmartsPattern.prepare(mol);
    LipinskiCounts lipinski = LipinskiCounts.of(mol);
    int hbd = lipinski.donors();
    int hba = lipinski.acceptors();
    return new MatchingProperties(molecularWeight(molecule), CrippenLogP.of(molecule.structure()), hbd, hba,
        Smarts.countUnique(ROTATABLE_BOND, mol), NetCharge.atPh7(molecule));
  }

  /** Average molecular weight alone: cheap, so a library can be narrowed before the rest is computed. */
  public static double molecularWeight(Molecule molecule) {
    return AtomContainerManipulator.getMass(molecule.structure(), AtomContainerManipulator.MolWeight);
  }
}
