package io.nightshift.examples.drugdiscovery.chem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.config.Isotopes;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IIsotope;

/**
 * A molecule's heavy-atom graph with the atom and bond properties RDKit's fingerprint and stereo code read, as
 * RDKit 2022.09 sanitises a SMILES: aromatic bonds typed AROMATIC (CDK's Daylight model, which agrees with
 * RDKit's on the shipped seeds and their analogues; see SyntheticAccessibilityTest), hydrogens as counts,
 * ring membership over all rings. Immutable once built.
 */
final class RdkitMolGraph {
  /** RDKit's {@code Bond::BondType} enum values, which its Morgan hash combines. */
  static final int SINGLE = 1, DOUBLE = 2, TRIPLE = 3, AROMATIC = 12;

  private static final Aromaticity DAYLIGHT =
      new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.all(6)));

  final IAtomContainer structure;
  final int atomCount;
  final int[] atomicNumber;
  final int[] hydrogens;
  final int[] formalCharge;
  final int[] deltaMass;
  final boolean[] inRing;
  final int[] bondBegin;
  final int[] bondEnd;
  final int[] bondType;
  /** Per atom, the indices of its bonds. */
  final int[][] atomBonds;

  private RdkitMolGraph(IAtomContainer structure) {
    this.structure = structure;
    atomCount = structure.getAtomCount();
    atomicNumber = new int[atomCount];
    hydrogens = new int[atomCount];
    formalCharge = new int[atomCount];
    deltaMass = new int[atomCount];
    inRing = new boolean[atomCount];
    for (int i = 0; i < atomCount; i++) {
      IAtom atom = structure.getAtom(i);
      atomicNumber[i] = atom.getAtomicNumber();
      hydrogens[i] = atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
      formalCharge[i] = atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
      deltaMass[i] = deltaMass(atom);
      inRing[i] = atom.isInRing();
    }
    int bondCount = structure.getBondCount();
    bondBegin = new int[bondCount];
    bondEnd = new int[bondCount];
    bondType = new int[bondCount];
    List<List<Integer>> perAtom = new ArrayList<>();
    for (int i = 0; i < atomCount; i++) {
      perAtom.add(new ArrayList<>());
    }
    for (int b = 0; b < bondCount; b++) {
      IBond bond = structure.getBond(b);
      bondBegin[b] = structure.indexOf(bond.getBegin());
      bondEnd[b] = structure.indexOf(bond.getEnd());
      bondType[b] = bondType(bond);
      perAtom.get(bondBegin[b]).add(b);
      perAtom.get(bondEnd[b]).add(b);
    }
    atomBonds = new int[atomCount][];
    for (int i = 0; i < atomCount; i++) {
      atomBonds[i] = perAtom.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  static RdkitMolGraph of(Molecule molecule) {
    IAtomContainer copy = CrippenLogP.cloneOf(molecule.structure());
    Cycles.markRingAtomsAndBonds(copy);
    try {
      DAYLIGHT.apply(copy);
    } catch (CDKException e) {
      // a parsed Molecule always kekulised, so ring perception cannot meet anything it refuses
      throw new IllegalStateException("aromaticity perception failed for " + molecule.canonicalSmiles(), e);
    }
    return new RdkitMolGraph(copy);
  }

  int degree(int atom) {
    return atomBonds[atom].length;
  }

  /** RDKit's getTotalDegree: heavy neighbours plus hydrogens. */
  int totalDegree(int atom) {
    return degree(atom) + hydrogens[atom];
  }

  int otherAtom(int bond, int atom) {
    return bondBegin[bond] == atom ? bondEnd[bond] : bondBegin[bond];
  }

  /** RDKit's explicit valence: the bond orders to heavy atoms (aromatic 1.5, as RDKit rounds them). */
  int explicitValence(int atom) {
    double sum = 0;
    for (int b : atomBonds[atom]) {
      sum += bondType[b] == AROMATIC ? 1.5 : bondType[b];
    }
    return (int) Math.round(sum + 0.1);
  }

  private static int bondType(IBond bond) {
    if (bond.isAromatic()) {
      return AROMATIC;
    }
    return switch (bond.getOrder()) {
      case SINGLE -> SINGLE;
      case DOUBLE -> DOUBLE;
      case TRIPLE -> TRIPLE;
      default -> throw new IllegalStateException("bond order " + bond.getOrder() + " has no RDKit type here");
    };
  }

  /**
   * RDKit's Morgan invariant "delta mass": the isotope's mass minus the element's average atomic weight,
   * truncated to an int, so 0 for every atom without an isotope label (and for 13C: 13.003 - 12.011).
   */
  private static int deltaMass(IAtom atom) {
    Integer massNumber = atom.getMassNumber();
    if (massNumber == null) {
      return 0;
    }
    try {
      Isotopes isotopes = Isotopes.getInstance();
      IIsotope isotope = isotopes.getIsotope(atom.getSymbol(), massNumber);
      double exact = isotope == null || isotope.getExactMass() == null ? massNumber : isotope.getExactMass();
      return (int) (exact - isotopes.getNaturalMass(atom.getAtomicNumber()));
    } catch (IOException e) {
      throw new IllegalStateException("CDK's isotope table could not be read", e);
    }
  }
}
