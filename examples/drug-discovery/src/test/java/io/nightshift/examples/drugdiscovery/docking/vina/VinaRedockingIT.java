package io.nightshift.examples.drugdiscovery.docking.vina;

import static org.assertj.core.api.Assertions.assertThat;

import com.actelion.research.chem.StereoMolecule;
import io.nightshift.examples.drugdiscovery.chem.DescriptorCalculator;
import io.nightshift.examples.drugdiscovery.chem.Descriptors;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSetCsv;
import io.nightshift.examples.drugdiscovery.docking.DockingTarget;
import io.nightshift.examples.drugdiscovery.docking.PoseRmsd;
import io.nightshift.examples.drugdiscovery.docking.ReceptorPdb;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docking sanity with AutoDock Vina on the shipped ABL1 pocket, mirroring the OpenChemLib {@code RedockingIT}.
 * Needs Debian's {@code autodock-vina} and {@code openbabel} (CI installs them): without them it fails and says
 * so, rather than skipping. Vina runs as an external program, two threads, fixed seed 1.
 */
class VinaRedockingIT {
  private static final String IMATINIB = "Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1";
  /** The usual re-docking success criterion (CASF, PDBbind): within 2 Å. */
  private static final double RMSD_THRESHOLD = 2.0;
  /**
   * One Monte Carlo run per molecule, for imatinib and every decoy alike (a fair ranking), which kept the test to
   * about two minutes on two cores with the decoys docked one after another (they now dock side by side).
   * Measured with seed 1: exhaustiveness 1 and 4 both reproduce the pocket pose from the OpenChemLib conformer (4:
   * RMSD 0.84 Å, -12.40 kcal/mol). With Open Babel's --gen3d conformer instead, 4, 8 and 16 all returned imatinib
   * flipped end to end (about -10 kcal/mol, 12.4 Å away).
   */
  private static final int EXHAUSTIVENESS = 1;
  private static final int DECOYS = 8;

  @TempDir static Path dir;
  private static VinaPrograms programs;
  private static VinaDocker docker;
  private static VinaPose imatinib;

  @BeforeAll
  static void dockTheNativeLigand() throws Exception {
    programs = VinaPrograms.locate("vina", "obabel", dir);
    docker = VinaDocker.abl1(programs, VinaSettings.standard().withExhaustiveness(EXHAUSTIVENESS),
        dir.resolve("cache"));
    System.out.println("Vina engine: " + docker.provenance());
    // every program goes through the caller's launcher, as a tool's ToolContext::processBuilder on leased cores
    imatinib = docker.dock(IMATINIB, dir.resolve("imatinib"), progress -> { }, command -> {
      LAUNCHED.add(Path.of(command.get(0)).getFileName().toString());
      return new ProcessBuilder(command);
    });
  }

  private static final List<String> LAUNCHED = new CopyOnWriteArrayList<>();

  @Test
  void shouldStartVinaAndOpenBabelThroughTheCallersLauncher() {
    assertThat(LAUNCHED).contains("vina", "obabel");
  }

  @Test
  void shouldReproduceThePocketPoseWhenRedockingImatinibFromSmiles() throws Exception {
    StereoMolecule pocket = DockingTarget.abl1Imatinib().ligand();
    VinaPose reference = docker.localOptimum(pocketPoseSdf(), dir.resolve("reference"));

    double rmsd = PoseRmsd.heavyAtomRmsd(imatinib.pose(), pocket);
    System.out.printf("Vina re-docked imatinib (exhaustiveness %d): %.2f kcal/mol in %.1f s, heavy-atom RMSD %.2f Å"
        + " to the pocket pose; the pocket pose locally optimised: %.2f kcal/mol (moved %.2f Å)%n", EXHAUSTIVENESS,
        imatinib.affinity(), imatinib.seconds(), rmsd, reference.affinity(),
        PoseRmsd.heavyAtomRmsd(reference.pose(), pocket));
    assertThat(rmsd).isLessThan(RMSD_THRESHOLD);
  }

  @Test
  void shouldScoreImatinibBetterThanMostPropertyMatchedDecoys() throws Exception {
    int beaten = 0;
    List<Candidate> decoys = propertyMatchedDecoys();
    List<VinaPose> poses = dockAll(decoys);
    for (int i = 0; i < decoys.size(); i++) {
      VinaPose pose = poses.get(i);
      System.out.printf("decoy %-14s %7.2f kcal/mol (%.1f s)%n", decoys.get(i).id(), pose.affinity(), pose.seconds());
      beaten += imatinib.affinity() < pose.affinity() ? 1 : 0;
    }
    System.out.printf("imatinib (%.2f kcal/mol) scores better than %d of %d property-matched decoys%n",
        imatinib.affinity(), beaten, decoys.size());
    assertThat(beaten).isGreaterThan(decoys.size() / 2);
  }

  @Test
  void shouldPrepareTheReceptorOnceAndReuseIt() throws Exception {
    Path cache = dir.resolve("cache");
    Path first = VinaReceptor.prepare(programs, "1iep", ReceptorPdb.abl1(), cache);
    long modified = Files.getLastModifiedTime(first).toMillis();

    Path again = VinaReceptor.prepare(programs, "1iep", ReceptorPdb.abl1(), cache);

    assertThat(again).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(again).toMillis()).isEqualTo(modified);
    assertThat(Files.readAllLines(first).stream().filter(l -> l.startsWith("ATOM")).count()).isGreaterThan(2229);
    try (var files = Files.list(first.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("receptor.pdbqt");
    }
  }

  /**
   * Docks the decoys side by side, one Vina run per core: at exhaustiveness 1 a run keeps one core busy (a single
   * thread computes the grid maps, then one Monte Carlo run), so one after another left the second core idle for
   * about half of this class's time. The docker is thread-safe and each run has its own directory; a fixed seed
   * makes each affinity the same in any order (each ligand is built without OpenChemLib's JVM-wide fragment cache,
   * see VinaDocker). Results come back in the decoys' order.
   */
  private static List<VinaPose> dockAll(List<Candidate> decoys) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<VinaPose>> poses = new ArrayList<>();
      for (Candidate decoy : decoys) {
        poses.add(pool.submit(() -> docker.dock(decoy.smiles(), dir.resolve("decoy-" + decoy.id()))));
      }
      List<VinaPose> out = new ArrayList<>();
      for (Future<VinaPose> pose : poses) {
        out.add(pose.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String pocketPoseSdf() throws Exception {
    try (InputStream in = DockingTarget.class.getResourceAsStream(
        "/io/nightshift/examples/drugdiscovery/protein/1iep_imatinib_vina_pose.sdf")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  /** The decoys closest to imatinib in MW, XLogP, donors, acceptors and rotatable bonds (as in RedockingIT). */
  private static List<Candidate> propertyMatchedDecoys() throws Exception {
    Descriptors reference = DescriptorCalculator.compute(MoleculeParser.parse(IMATINIB));
    List<Candidate> pool;
    try (InputStream in = DockingTarget.class.getResourceAsStream("decoy_pool.csv")) {
      pool = new ArrayList<>(MoleculeSetCsv.read(in.readAllBytes()).candidates());
    }
    pool.sort(Comparator.comparingDouble((Candidate c) -> distance(reference, c)).thenComparing(Candidate::id));
    return pool.subList(0, DECOYS);
  }

  private static double distance(Descriptors ref, Candidate c) {
    try {
      Descriptors d = DescriptorCalculator.compute(MoleculeParser.parse(c.smiles()));
      return Math.pow((d.molecularWeight() - ref.molecularWeight()) / 50, 2) + Math.pow(d.xlogp() - ref.xlogp(), 2)
          + Math.pow(d.hbd() - ref.hbd(), 2) + Math.pow((d.hba() - ref.hba()) / 2.0, 2)
          + Math.pow((d.rotatableBonds() - ref.rotatableBonds()) / 2.0, 2);
    } catch (Exception e) {
      throw new AssertionError("decoy " + c.id() + " is invalid", e);
    }
  }
}
