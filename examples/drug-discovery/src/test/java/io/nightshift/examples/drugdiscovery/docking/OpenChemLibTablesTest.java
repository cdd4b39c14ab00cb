package io.nightshift.examples.drugdiscovery.docking;

import static org.assertj.core.api.Assertions.assertThat;

import com.actelion.research.chem.SmilesParser;
import com.actelion.research.chem.StereoMolecule;
import com.actelion.research.chem.conf.BondLengthSet;
import com.actelion.research.chem.conf.TorsionDB;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What {@link OpenChemLibTables} must leave behind so that threads sharing OpenChemLib's classes build the same
 * conformers. Threads that first use its bond-length table at the same moment, as side-by-side chunks do, must all
 * see the loaded table: without {@link OpenChemLibTables#load()} first, 117 of 200 such trials of 4 threads gave some
 * thread wrong lengths (a throwaway harness, 2026-12-06), and this test's first trial failed. And no torsion lookup
 * may be left to add an entry to TorsionDB's unsynchronised map (323 were, before).
 */
class OpenChemLibTablesTest {
  /** A demo analogue whose pyrazole fragment came out with other coordinates when four dockers started at once. */
  private static final String ANALOGUE = "C1CCC(C1)[C@@H](CC#N)N2C=C(C=N2)NC3=CC=C(C=C3)O";
  private static final int THREADS = 4;
  private static final int TRIALS = 50;

  @Test
  void shouldGiveThreadsStartingAtOnceTheLoadedBondLengths() throws Exception {
    StereoMolecule analogue = new StereoMolecule();
    new SmilesParser().parse(analogue, ANALOGUE);
    OpenChemLibTables.load();
    float[] loaded = lengths(analogue);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int trial = 1; trial <= TRIALS; trial++) {
        BondLengthSet.setCustomDataFile(null); // marks the table not loaded, as in a fresh JVM
        CountDownLatch start = new CountDownLatch(1);
        List<Future<float[]>> runs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          runs.add(pool.submit(() -> {
            start.await();
            OpenChemLibTables.load();
            return lengths(analogue);
          }));
        }
        start.countDown();
        for (Future<float[]> run : runs) {
          assertThat(run.get()).as("bond lengths in trial %d", trial).containsExactly(loaded);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldLeaveConformerGenerationNoTorsionEntryToAdd() {
    OpenChemLibTables.load();
    int entries = OpenChemLibTables.torsionMap().size();

    for (String id : OpenChemLibTables.torsionIds()) {
      TorsionDB.getTorsions(id.substring(0, id.length() - 1) + switch (id.charAt(id.length() - 1)) {
        case '>' -> '<';
        case '<' -> '>';
        case '+' -> '-';
        case '-' -> '+';
        default -> id.charAt(id.length() - 1);
      });
    }

    assertThat(OpenChemLibTables.torsionMap()).as("TorsionDB's map after every mirror-image lookup").hasSize(entries);
  }

  private static float[] lengths(StereoMolecule molecule) {
    StereoMolecule copy = new StereoMolecule(molecule);
    BondLengthSet set = new BondLengthSet(copy);
    float[] lengths = new float[copy.getAllBonds()];
    for (int bond = 0; bond < lengths.length; bond++) {
      lengths[bond] = set.getLength(bond);
    }
    return lengths;
  }
}
