package io.nightshift.examples.drugdiscovery.chem;

import java.util.List;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.qsar.descriptors.molecular.TPSADescriptor;
import org.openscience.cdk.qsar.result.DoubleResult;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Quantitative estimate of drug-likeness (Bickerton, Paolini, Besnard, Muresan, Hopkins, "Quantifying the
 * chemical beauty of drugs", Nature Chemistry 4 (2012) 90-98): the weighted geometric mean of eight
 * asymmetric-double-sigmoid desirability functions, with the paper's fitted parameters and mean weights. The
 * property definitions follow RDKit's QED.py (2022.09) so results can be checked against it; see
 * {@code scripts/generate_qed_reference.py}.
 */
public final class Qed {
  /** ADS parameters per property (rows: MW, ALOGP, HBA, HBD, PSA, ROTB, AROM, ALERTS; columns: A..F, DMAX). */
  private static final double[][] ADS = {
    {2.817065973, 392.5754953, 290.7489764, 2.419764353, 49.22325677, 65.37051707, 104.9805561},
    {3.172690585, 137.8624751, 2.534937431, 4.581497897, 0.822739154, 0.576295591, 131.3186604},
    {2.948620388, 160.4605972, 3.615294657, 4.435986202, 0.290141953, 1.300669958, 148.7763046},
    {1.618662227, 1010.051101, 0.985094388, 0.000000001, 0.713820843, 0.920922555, 258.1632616},
    {1.876861559, 125.2232657, 62.90773554, 87.83366614, 12.01999824, 28.51324732, 104.5686167},
    {0.010000000, 272.4121427, 2.558379970, 1.565547684, 1.271567166, 2.758063707, 105.4420403},
    {3.217788970, 957.7374108, 2.274627939, 0.000000001, 1.317690384, 0.375760881, 312.3372610},
    {0.010000000, 1199.094025, -0.09002883, 0.000000001, 0.185904477, 0.875193782, 417.7253140},
  };

  /** The paper's "mean" weights, QED's default. */
  private static final double[] WEIGHTS = {0.66, 0.46, 0.05, 0.61, 0.06, 0.65, 0.48, 0.95};

  private static final SmartsPattern ALIPHATIC_RING_ATOMS = prepared(QedPatterns.ALIPHATIC_RING_ATOMS);
  private static final SmartsPattern DONOR = prepared(QedPatterns.DONOR);
  private static final SmartsPattern ROTATABLE_BOND = prepared(QedPatterns.ROTATABLE_BOND);
  private static final List<SmartsPattern> ACCEPTORS =
      QedPatterns.ACCEPTORS.stream().map(Qed::prepared).toList();
  private static final List<SmartsPattern> ALERTS = QedPatterns.ALERTS.stream().map(Qed::prepared).toList();

  private Qed() {}

  public static double of(Molecule molecule) {
    return fromProperties(properties(molecule));
  }

  public static double fromProperties(QedProperties properties) {
    double[] x = properties.asArray();
    double weighted = 0;
    double weightSum = 0;
    for (int i = 0; i < x.length; i++) {
      weighted += WEIGHTS[i] * Math.log(desirability(x[i], ADS[i]));
      weightSum += WEIGHTS[i];
    }
    return Math.exp(weighted / weightSum);
  }

  /** The asymmetric double sigmoid, normalised by its maximum. */
  static double desirability(double x, double[] p) {
    double a = p[0], b = p[1], c = p[2], d = p[3], e = p[4], f = p[5], dmax = p[6];
    double rising = 1 + Math.exp(-(x - c + d / 2) / e);
    double falling = 1 + Math.exp(-(x - c - d / 2) / f);
    return (a + b / rising * (1 - 1 / falling)) / dmax;
  }

  public static QedProperties properties(Molecule molecule) {
    IAtomContainer mol = CrippenLogP.cloneOf(molecule.structure());
    SmartsPattern.prepare(mol);
    int hba = 0;
    for (SmartsPattern acceptor : ACCEPTORS) {
      hba += Smarts.countUnique(acceptor, mol);
    }
    int alerts = 0;
    for (SmartsPattern alert : ALERTS) {
      if (alert.matches(mol)) {
        alerts++;
      }
    }
    return new QedProperties(
        AtomContainerManipulator.getMass(mol, AtomContainerManipulator.MolWeight),
        CrippenLogP.of(molecule.structure()),
        hba,
        Smarts.countUnique(DONOR, mol),
        tpsa(mol),
        Smarts.countUnique(ROTATABLE_BOND, mol),
        aromaticRings(mol),
        alerts);
  }

  /**
   * Ertl's TPSA over nitrogen and oxygen only. CDK's descriptor also adds Ertl's sulfur and phosphorus terms,
   * which neither QED's fit nor Veber's rule uses (RDKit's default excludes them too), so those atoms are
   * relabelled on a copy: an N/O contribution depends only on the N/O atom's own bonds, hydrogens and charge.
   */
  public static double tpsa(IAtomContainer structure) {
    IAtomContainer nitrogenAndOxygenOnly = CrippenLogP.cloneOf(structure);
    for (IAtom atom : nitrogenAndOxygenOnly.atoms()) {
      if ("S".equals(atom.getSymbol())) {
        atom.setSymbol("Se");
        atom.setAtomicNumber(34);
      } else if ("P".equals(atom.getSymbol())) {
        atom.setSymbol("As");
        atom.setAtomicNumber(33);
      }
    }
    return ((DoubleResult) new TPSADescriptor().calculate(nitrogenAndOxygenOnly).getValue()).doubleValue();
  }

  /** QED's AROM: rings left in the SSSR once aliphatic ring atoms next to non-aromatic atoms are deleted. */
  private static int aromaticRings(IAtomContainer prepared) {
    IAtomContainer remaining = CrippenLogP.cloneOf(prepared);
    boolean[] delete = new boolean[prepared.getAtomCount()];
    for (int[] mapping : ALIPHATIC_RING_ATOMS.matchAll(prepared)) {
      delete[mapping[0]] = true;
    }
    for (int i = delete.length - 1; i >= 0; i--) {
      if (delete[i]) {
        IAtom atom = remaining.getAtom(i);
        remaining.removeAtom(atom);
      }
    }
    return Cycles.sssr(remaining).numberOfCycles();
  }

  private static SmartsPattern prepared(String smarts) {
    // the target is prepared once per molecule (rings, Daylight aromaticity), not once per pattern
    return Smarts.compile(smarts).setPrepare(false);
  }
}
