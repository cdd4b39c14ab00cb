package io.nightshift.examples.drugdiscovery.chem;

import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IRingSet;
import org.openscience.cdk.qsar.descriptors.molecular.XLogPDescriptor;
import org.openscience.cdk.qsar.result.DoubleResult;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/** Computes {@link Descriptors} with CDK: deterministic, and never modifies the molecule it is given. */
public final class DescriptorCalculator {
  private static final SmartsPattern ROTATABLE_BOND = Smarts.compile(QedPatterns.ROTATABLE_BOND).setPrepare(false);

  private DescriptorCalculator() {}

  public static Descriptors compute(Molecule molecule) {
    IAtomContainer mol = CrippenLogP.cloneOf(molecule.structure());
    SmartsPattern.prepare(mol);
    double mw = AtomContainerManipulator.getMass(mol, AtomContainerManipulator.MolWeight);
    double xlogp = xlogp(mol);
    double tpsa = Qed.tpsa(mol);
    LipinskiCounts lipinski = LipinskiCounts.of(mol);
    int hbd = lipinski.donors();
    int hba = lipinski.acceptors();
    int rotatable = Smarts.countUnique(ROTATABLE_BOND, mol);
    int violations = (mw > 500 ? 1 : 0) + (xlogp > 5 ? 1 : 0) + (hbd > 5 ? 1 : 0) + (hba > 10 ? 1 : 0);
    return new Descriptors(mw, xlogp, tpsa, hbd, hba, rotatable, aromaticRings(mol), violations,
        rotatable <= 10 && tpsa <= 140, PainsFilter.matches(molecule), Qed.of(molecule));
  }

  private static double xlogp(IAtomContainer prepared) {
    XLogPDescriptor descriptor = new XLogPDescriptor();
    return ((DoubleResult) descriptor.calculate(CrippenLogP.cloneOf(prepared)).getValue()).doubleValue();
  }

  private static int aromaticRings(IAtomContainer prepared) {
    IRingSet rings = Cycles.sssr(prepared).toRingSet();
    int aromatic = 0;
    for (var ring : rings.atomContainers()) {
      boolean allAromatic = true;
      for (IAtom atom : ring.atoms()) {
        allAromatic &= atom.isAromatic();
      }
      aromatic += allAromatic ? 1 : 0;
    }
    return aromatic;
  }
}
