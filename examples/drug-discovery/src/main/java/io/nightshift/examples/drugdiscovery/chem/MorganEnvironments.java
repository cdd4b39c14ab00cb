package io.nightshift.examples.drugdiscovery.chem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * RDKit's unfolded Morgan fingerprint with counts, {@code GetMorganFingerprint(mol, radius)} of RDKit 2022.09
 * (MorganFingerprints.cpp, with the connectivity invariants of getConnectivityInvariants and the 32-bit
 * boost-style hash_combine of RDKit's vendored gboost, Code/RDGeneral/hash/hash.hpp). The SA score's published
 * fragment contributions are keyed by these exact ids, so every step here, including which atom's id survives
 * when two atoms cover the same bonds, follows RDKit and not the ECFP paper. CDK's CircularFingerprinter hashes
 * differently and cannot be used.
 */
public final class MorganEnvironments {
  private MorganEnvironments() {}

  /** Environment id (an unsigned 32-bit value) to how often it occurs, as RDKit's GetNonzeroElements. */
  public static SortedMap<Long, Integer> counts(Molecule molecule, int radius) {
    return counts(RdkitMolGraph.of(molecule), radius);
  }

  static SortedMap<Long, Integer> counts(RdkitMolGraph graph, int radius) {
    if (radius < 0) {
      throw new IllegalArgumentException("radius must be >= 0, got " + radius);
    }
    SortedMap<Long, Integer> counts = new TreeMap<>();
    for (int id : ids(graph, radius)) {
      counts.merge(Integer.toUnsignedLong(id), 1, Integer::sum);
    }
    return counts;
  }

  /** Every environment id, once per occurrence (radius 0 ids first, then each layer's). */
  static List<Integer> ids(RdkitMolGraph graph, int radius) {
    int n = graph.atomCount;
    int[] invariants = new int[n];
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      invariants[i] = connectivityInvariant(graph, i);
      ids.add(invariants[i]);
    }
    int bondCount = graph.bondBegin.length;
    BitSet[] neighbourhoods = new BitSet[n];
    for (int i = 0; i < n; i++) {
      neighbourhoods[i] = new BitSet(bondCount);
    }
    boolean[] dead = new boolean[n];
    Set<BitSet> seen = new HashSet<>();
    for (int layer = 0; layer < radius; layer++) {
      // RDKit starts each round from zeros, so an atom that dropped out contributes 0 to its neighbours later on
      int[] roundInvariants = new int[n];
      BitSet[] roundNeighbourhoods = new BitSet[n];
      List<long[]> thisRound = new ArrayList<>();
      for (int atom = 0; atom < n; atom++) {
        roundNeighbourhoods[atom] = (BitSet) neighbourhoods[atom].clone();
        if (dead[atom]) {
          continue;
        }
        if (graph.degree(atom) == 0) {
          dead[atom] = true;
          continue;
        }
        int[] bonds = graph.atomBonds[atom];
        long[] neighbours = new long[bonds.length];
        for (int k = 0; k < bonds.length; k++) {
          int bond = bonds[k];
          int other = graph.otherAtom(bond, atom);
          roundNeighbourhoods[atom].set(bond);
          roundNeighbourhoods[atom].or(neighbourhoods[other]);
          // (bond type, neighbour invariant) as one long that sorts like RDKit's pair<int32, uint32>
          neighbours[k] = ((long) graph.bondType[bond] << 32) | Integer.toUnsignedLong(invariants[other]);
        }
        Arrays.sort(neighbours);
        int invariant = hashCombine(layer, invariants[atom]);
        for (long pair : neighbours) {
          invariant = hashCombine(invariant, hashPair((int) (pair >>> 32), (int) pair));
        }
        roundInvariants[atom] = invariant;
        thisRound.add(new long[] {Integer.toUnsignedLong(invariant), atom});
        if (seen.contains(roundNeighbourhoods[atom])) {
          dead[atom] = true;
        }
      }
      // RDKit sorts (neighbourhood, invariant, atom) tuples: among atoms covering the same bonds, the smallest
      // invariant is counted and the others drop out; the neighbourhood order itself changes nothing
      thisRound.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
      for (long[] entry : thisRound) {
        int atom = (int) entry[1];
        if (seen.add(roundNeighbourhoods[atom])) {
          ids.add((int) entry[0]);
        } else {
          dead[atom] = true;
        }
      }
      invariants = roundInvariants;
      neighbourhoods = roundNeighbourhoods;
    }
    return ids;
  }

  /**
   * getConnectivityInvariants: the gboost hash of (atomic number, total degree, total H, formal charge, delta
   * mass[, 1 if in a ring]), each component as a uint32.
   */
  static int connectivityInvariant(RdkitMolGraph graph, int atom) {
    int seed = 0;
    seed = hashCombine(seed, graph.atomicNumber[atom]);
    seed = hashCombine(seed, graph.totalDegree(atom));
    seed = hashCombine(seed, graph.hydrogens[atom]);
    seed = hashCombine(seed, graph.formalCharge[atom]);
    seed = hashCombine(seed, graph.deltaMass[atom]);
    if (graph.inRing[atom]) {
      seed = hashCombine(seed, 1);
    }
    return seed;
  }

  /** gboost::hash_combine on 32-bit values: seed ^= value + 0x9e3779b9 + (seed << 6) + (seed >> 2). */
  static int hashCombine(int seed, int value) {
    return seed ^ (value + 0x9e3779b9 + (seed << 6) + (seed >>> 2));
  }

  /** gboost's hash of a std::pair: both members combined into a zero seed. */
  static int hashPair(int first, int second) {
    return hashCombine(hashCombine(0, first), second);
  }
}
