package io.nightshift.examples.drugdiscovery.docking;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.examples.drugdiscovery.chem.DescriptorCalculator;
import io.nightshift.examples.drugdiscovery.chem.Descriptors;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSetCsv;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Docking sanity on the shipped ABL1 pocket. An integration test (Failsafe): docking imatinib and eight decoys
 * takes one to three minutes on two cores.
 */
class RedockingIT {
  private static final String IMATINIB = "Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1";
  /** The usual success criterion for re-docking (e.g. the CASF and PDBbind benchmarks): within 2 Å. */
  private static final double RMSD_THRESHOLD = 2.0;
  private static final int DECOYS = 8;

  private static PocketDocker docker;
  private static DockedPose imatinib;

  @BeforeAll
  static void dockTheNativeLigand() throws Exception {
    long start = System.nanoTime();
    docker = new PocketDocker(DockingTarget.abl1Imatinib());
    System.out.printf("docking set-up: %.1f s%n", (System.nanoTime() - start) / 1e9);
    imatinib = docker.dock(IMATINIB);
  }

  @Test
  void shouldReproduceThePocketLigandPoseWhenRedockingImatinibFromSmiles() {
    double rmsd = PoseRmsd.heavyAtomRmsd(imatinib.pose(), docker.target().ligand());

    System.out.printf("re-docked imatinib: ChemPLP %.1f in %.1f s, heavy-atom RMSD %.2f Å to the pocket pose%n",
        imatinib.score(), imatinib.seconds(), rmsd);
    assertThat(rmsd).isLessThan(RMSD_THRESHOLD);
  }

  @Test
  void shouldScoreImatinibBetterThanMostPropertyMatchedDecoys() throws Exception {
    Descriptors reference = DescriptorCalculator.compute(MoleculeParser.parse(IMATINIB));
    List<Candidate> pool;
    try (InputStream in = getClass().getResourceAsStream("decoy_pool.csv")) {
      pool = new ArrayList<>(MoleculeSetCsv.read(in.readAllBytes()).candidates());
    }
    for (Candidate c : pool) {
      assertThat(c.smiles()).isNotEqualTo(IMATINIB);
    }
    pool.sort(Comparator.comparingDouble((Candidate c) -> propertyDistance(reference, c)).thenComparing(Candidate::id));
    List<Candidate> decoys = pool.subList(0, DECOYS);

    int beaten = 0;
    for (Candidate decoy : decoys) {
      DockedPose pose = docker.dock(decoy.smiles());
      System.out.printf("decoy %-14s ChemPLP %7.1f  (%.1f s)%n", decoy.id(), pose.score(), pose.seconds());
      beaten += imatinib.score() < pose.score() ? 1 : 0;
    }
    System.out.printf("imatinib (%.1f) scores better than %d of %d property-matched decoys%n", imatinib.score(),
        beaten, decoys.size());
    assertThat(beaten).isGreaterThan(decoys.size() / 2);
  }

  @Test
  void shouldStillFindThePocketPoseWithTheFastSearch() throws Exception {
    PocketDocker fast = new PocketDocker(docker.target(), DockingSettings.fast());

    DockedPose pose = fast.dock(IMATINIB);

    double rmsd = PoseRmsd.heavyAtomRmsd(pose.pose(), docker.target().ligand());
    System.out.printf("fast search: imatinib ChemPLP %.1f in %.1f s (standard: %.1f s), RMSD %.2f Å%n",
        pose.score(), pose.seconds(), imatinib.seconds(), rmsd);
    assertThat(rmsd).isLessThan(RMSD_THRESHOLD);
    assertThat(pose.seconds()).isLessThan(imatinib.seconds());
  }

  @Test
  void shouldScoreAMoleculeTheSameWhateverWasDockedBefore() throws Exception {
    double first = docker.dock("CC(=O)Oc1ccccc1C(=O)O").score();
    docker.dock("CC(C)Cc1ccc(C(C)C(=O)O)cc1");
    double again = docker.dock("CC(=O)Oc1ccccc1C(=O)O").score();

    assertThat(again).isEqualTo(first);
  }

  /** Distance in property space, each property scaled by a typical spread (DUD-E's matching properties). */
  private static double propertyDistance(Descriptors ref, Candidate c) {
    try {
      Descriptors d = DescriptorCalculator.compute(MoleculeParser.parse(c.smiles()));
      return Math.pow((d.molecularWeight() - ref.molecularWeight()) / 50, 2)
          + Math.pow(d.xlogp() - ref.xlogp(), 2)
          + Math.pow(d.hbd() - ref.hbd(), 2)
          + Math.pow((d.hba() - ref.hba()) / 2.0, 2)
          + Math.pow((d.rotatableBonds() - ref.rotatableBonds()) / 2.0, 2);
    } catch (Exception e) {
      throw new AssertionError("decoy " + c.id() + " is invalid", e);
    }
  }
}
