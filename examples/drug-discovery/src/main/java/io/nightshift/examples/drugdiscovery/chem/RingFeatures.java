package io.nightshift.examples.drugdiscovery.chem;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * The ring counts of the SA score's complexity penalty, as RDKit 2022.09 computes them over its ring info:
 * spiro atoms ({@code CalcNumSpiroAtoms}: two rings sharing exactly one atom), bridgehead atoms
 * ({@code CalcNumBridgeheadAtoms}: the ends of the bond path two rings share when they share more than one bond)
 * and macrocycles (rings of more than 8 atoms). RDKit's ring info is the symmetrised SSSR; CDK's relevant cycles
 * (the union of all SSSRs) are the same set on drug-like ring systems, and keep e.g. all three rings of
 * bicyclo[2.2.2]octane as RDKit does where one SSSR would keep two.
 */
final class RingFeatures {
  /** Per ring, its atoms and its bonds (indices into the structure). */
  final List<BitSet> ringAtoms = new ArrayList<>();
  final List<BitSet> ringBonds = new ArrayList<>();

  private RingFeatures(IAtomContainer structure) {
    int[][] paths = rings(structure);
    for (int[] path : paths) {
      BitSet atoms = new BitSet();
      BitSet bonds = new BitSet();
      // a path is closed: its first atom is repeated at the end
      for (int k = 0; k + 1 < path.length; k++) {
        atoms.set(path[k]);
        IBond bond = structure.getBond(structure.getAtom(path[k]), structure.getAtom(path[k + 1]));
        bonds.set(structure.indexOf(bond));
      }
      ringAtoms.add(atoms);
      ringBonds.add(bonds);
    }
  }

  static RingFeatures of(RdkitMolGraph graph) {
    return new RingFeatures(graph.structure);
  }

  int spiroAtoms() {
    BitSet spiro = new BitSet();
    for (int i = 0; i < ringAtoms.size(); i++) {
      for (int j = i + 1; j < ringAtoms.size(); j++) {
        BitSet shared = (BitSet) ringAtoms.get(i).clone();
        shared.and(ringAtoms.get(j));
        if (shared.cardinality() == 1) {
          spiro.or(shared);
        }
      }
    }
    return spiro.cardinality();
  }

  int bridgeheadAtoms(RdkitMolGraph graph) {
    BitSet bridgeheads = new BitSet();
    for (int i = 0; i < ringBonds.size(); i++) {
      for (int j = i + 1; j < ringBonds.size(); j++) {
        BitSet shared = (BitSet) ringBonds.get(i).clone();
        shared.and(ringBonds.get(j));
        if (shared.cardinality() > 1) {
          int[] endpoints = new int[graph.atomCount];
          shared.stream().forEach(b -> {
            endpoints[graph.bondBegin[b]]++;
            endpoints[graph.bondEnd[b]]++;
          });
          for (int a = 0; a < endpoints.length; a++) {
            if (endpoints[a] == 1) {
              bridgeheads.set(a);
            }
          }
        }
      }
    }
    return bridgeheads.cardinality();
  }

  int macrocycles() {
    return (int) ringAtoms.stream().filter(atoms -> atoms.cardinality() > 8).count();
  }

  boolean inRingOfSize(int atom, int size) {
    return ringAtoms.stream().anyMatch(r -> r.get(atom) && r.cardinality() == size);
  }

  /**
   * RDKit's queryIsAtomBridgehead, which decides whether a three-coordinate nitrogen can be a stereocentre: at
   * least three ring bonds, and two rings through the atom that share at least two bonds.
   */
  boolean isBridgehead(RdkitMolGraph graph, int atom) {
    BitSet atomRingBonds = new BitSet();
    for (int b : graph.atomBonds[atom]) {
      for (BitSet ring : ringBonds) {
        if (ring.get(b)) {
          atomRingBonds.set(b);
        }
      }
    }
    if (atomRingBonds.cardinality() < 3) {
      return false;
    }
    for (int i = 0; i < ringBonds.size(); i++) {
      if (!ringBonds.get(i).intersects(atomRingBonds)) {
        continue;
      }
      for (int j = i + 1; j < ringBonds.size(); j++) {
        BitSet shared = (BitSet) ringBonds.get(i).clone();
        shared.and(ringBonds.get(j));
        if (shared.cardinality() >= 2 && ringBonds.get(j).intersects(atomRingBonds)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int[][] rings(IAtomContainer structure) {
    // polynomial for any ring system a parsed molecule (at most 100 heavy atoms) can have in practice
    return Cycles.relevant(structure).paths();
  }
}
