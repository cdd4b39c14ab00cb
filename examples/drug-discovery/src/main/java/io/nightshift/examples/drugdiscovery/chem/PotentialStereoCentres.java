package io.nightshift.examples.drugdiscovery.chem;

import java.util.HashSet;
import java.util.Set;
import org.openscience.cdk.graph.GraphUtil;
import org.openscience.cdk.graph.invariant.Canon;

/**
 * The tetrahedral stereocentres the SA score penalises, assigned or not: RDKit's
 * {@code FindMolChiralCenters(mol, includeUnassigned=True)} with the legacy perception of RDKit 2022.09, i.e. the
 * atoms {@code isAtomPotentialChiralCenter} (Chirality.cpp) accepts whose neighbours all rank differently. A
 * centre counts whether or not the SMILES specifies it, so the count depends on the constitution alone.
 *
 * <p>RDKit ranks the neighbours by its legacy CIP ranking, an iterative refinement over element, isotope and the
 * neighbours' ranks; two neighbours tie there exactly when they are topologically equivalent, which CDK's
 * symmetry classes ({@link Canon#symmetry}) compute.
 */
final class PotentialStereoCentres {
  private PotentialStereoCentres() {}

  static int count(RdkitMolGraph graph, RingFeatures rings) {
    long[] symmetryClass = Canon.symmetry(graph.structure, GraphUtil.toAdjList(graph.structure));
    int count = 0;
    for (int atom = 0; atom < graph.atomCount; atom++) {
      if (isLegalCentre(graph, rings, atom) && neighboursAllDiffer(graph, symmetryClass, atom)) {
        count++;
      }
    }
    return count;
  }

  /** isAtomPotentialChiralCenter before it compares ranks: the atom's coordination alone. */
  private static boolean isLegalCentre(RdkitMolGraph graph, RingFeatures rings, int atom) {
    int heavy = graph.degree(atom);
    int hydrogens = graph.hydrogens[atom];
    int element = graph.atomicNumber[atom];
    boolean phosphorusOrArsenic = element == 15 || element == 33;
    if (heavy + hydrogens > 4 || heavy + hydrogens < 3) {
      return false;
    }
    if (heavy < 3) {
      // two neighbours and an H are stereogenic only for phosphines and arsines (from InChI)
      return phosphorusOrArsenic;
    }
    if (heavy == 3 && hydrogens != 1) {
      // really three-coordinate: only atoms with a lone pair that cannot invert
      if (element == 7) {
        return rings.inRingOfSize(atom, 3) || rings.isBridgehead(graph, atom);
      }
      if (phosphorusOrArsenic) {
        return true;
      }
      if (element == 16 || element == 34) {
        int valence = graph.explicitValence(atom);
        return valence == 4 || (valence == 3 && graph.formalCharge[atom] == 1);
      }
      return false;
    }
    return true;
  }

  private static boolean neighboursAllDiffer(RdkitMolGraph graph, long[] symmetryClass, int atom) {
    Set<Long> seen = new HashSet<>();
    for (int bond : graph.atomBonds[atom]) {
      if (!seen.add(symmetryClass[graph.otherAtom(bond, atom)])) {
        return false;
      }
    }
    return true;
  }
}
