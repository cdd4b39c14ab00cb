package io.nightshift.examples.drugdiscovery.docking;

import com.actelion.research.chem.Coordinates;
import com.actelion.research.chem.Molecule;
import com.actelion.research.chem.SSSearcher;
import com.actelion.research.chem.StereoMolecule;

/**
 * Heavy-atom RMSD between two poses of the same molecule in the same frame (no superposition: a docked pose is
 * judged where it lies in the pocket). Symmetry-aware: the graph isomorphisms between the two molecules are
 * enumerated and the smallest RMSD is taken, so a flipped phenyl or piperazine ring is not counted as an error.
 */
public final class PoseRmsd {
  private PoseRmsd() {}

  public static double heavyAtomRmsd(StereoMolecule pose, StereoMolecule reference) {
    StereoMolecule a = heavyAtoms(pose);
    StereoMolecule b = heavyAtoms(reference);
    if (a.getAllAtoms() != b.getAllAtoms()) {
      throw new IllegalArgumentException("poses of different molecules: " + a.getAllAtoms() + " vs "
          + b.getAllAtoms() + " heavy atoms");
    }
    b.setFragment(true); // SSSearcher only matches query structures flagged as fragments
    SSSearcher searcher = new SSSearcher();
    searcher.setMol(b, a);
    // bond orders of a perceived structure and a parsed one can differ in delocalised groups; match graphs
    int count = searcher.findFragmentInMolecule(SSSearcher.cCountModeRigorous,
        SSSearcher.cMatchAromDBondToDelocalized | SSSearcher.cMatchDBondToDelocalized);
    if (count == 0) {
      throw new IllegalArgumentException("the two poses are not the same molecule");
    }
    double best = Double.POSITIVE_INFINITY;
    for (int[] match : searcher.getMatchList()) {
      double sum = 0;
      for (int i = 0; i < match.length; i++) {
        Coordinates ref = b.getCoordinates(i);
        Coordinates p = a.getCoordinates(match[i]);
        sum += ref.distanceSquared(p);
      }
      best = Math.min(best, Math.sqrt(sum / match.length));
    }
    return best;
  }

  private static StereoMolecule heavyAtoms(StereoMolecule mol) {
    StereoMolecule copy = new StereoMolecule(mol);
    copy.removeExplicitHydrogens(false);
    copy.ensureHelperArrays(Molecule.cHelperRings);
    return copy;
  }
}
