package io.nightshift.examples.drugdiscovery.docking;

import com.actelion.research.chem.Coordinates;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.openmolecules.chem.conf.gen.RigidFragmentCache;

/**
 * Not a test: whether OpenChemLib dockers that share this JVM's one copy of its classes score ConcurrentDockingIT's
 * four demo analogues as each does alone (-69.2685, -61.8664, -52.1546, -60.4642 with the fast search). Sets up four
 * fast dockers one after another, then runs PLAN, a space-separated list of steps, and prints the scores each step
 * gives and the size of OpenChemLib's JVM-wide rigid-fragment cache:
 * <ul>
 *   <li>{@code C}: the four molecules at once, each on its own docker and thread, started together;</li>
 *   <li>{@code S} or {@code S3210}: one after another on the first docker, in that order (default 0123);</li>
 *   <li>{@code L}: the four one after another on the first docker while another thread sets up a fifth;</li>
 *   <li>{@code P:SMILES}: dock another molecule on the first docker first;</li>
 *   <li>{@code D}: set up a docker with the standard search.</li>
 * </ul>
 * With DUMP, writes every cache entry (key, conformer count, a hash of its coordinates' bits and likelihoods) at the
 * end, so two runs' caches can be compared with diff. {@code -DfragmentCacheEntries=0} stops the cache taking
 * entries (it then also keeps OpenChemLib's shipped fragment library out). Run it on a build without
 * {@link OpenChemLibTables} for the arm without the fix (bench/README.md, "One class loader for all dockers: not
 * yet"). Usage: {@code java -cp CLASSPATH ...SharedClassesDockingMeasurement PLAN [DUMP]}.
 */
final class SharedClassesDockingMeasurement {
  private static final List<String> MOLECULES = List.of(
      "CC(C)NCC(COC1=C2C=CC=CC2=C(C=C1)F)O",
      "C1=CC=C(C=C1)C(CCC(=O)O)OC2=CC=C(C=C2)C(F)(F)F",
      "C1CCC(C1)[C@@H](CC#N)N2C=C(C=N2)NC3=CC=C(C=C3)O",
      "CC(C)NCC(COC1=CC=C(C(=O)C)C2=C1C=CC=C2)O");

  private SharedClassesDockingMeasurement() {}

  public static void main(String[] args) throws Exception {
    Integer cacheEntries = Integer.getInteger("fragmentCacheEntries");
    if (cacheEntries != null) {
      RigidFragmentCache.getDefaultInstance().setMaxEntryCount(cacheEntries);
    }
    List<PocketDocker> dockers = new ArrayList<>();
    for (int i = 0; i < MOLECULES.size(); i++) {
      dockers.add(fastDocker());
    }
    for (String step : args[0].split(" ")) {
      if (step.equals("C")) {
        print("concurrent", concurrently(dockers));
      } else if (step.equals("L")) {
        print("one by one beside a set-up", besideASetUp(dockers.get(0)));
      } else if (step.startsWith("P:")) {
        System.out.printf("docked %s first: %.4f%n", step.substring(2), dockers.get(0).dock(step.substring(2)).score());
      } else if (step.equals("D")) {
        new PocketDocker(DockingTarget.abl1Imatinib(), DockingSettings.standard());
        System.out.println("set up a docker with the standard search");
      } else if (step.startsWith("S")) {
        String order = step.length() > 1 ? step.substring(1) : "0123";
        double[] scores = new double[MOLECULES.size()];
        for (char c : order.toCharArray()) {
          scores[c - '0'] = dockers.get(0).dock(MOLECULES.get(c - '0')).score();
        }
        print("one by one, order " + order, scores);
      } else {
        throw new IllegalArgumentException("unknown step " + step + ": C, L, S[order], P:SMILES or D");
      }
    }
    if (args.length > 1) {
      dumpCache(Path.of(args[1]));
    }
  }

  private static PocketDocker fastDocker() throws DockingFailure {
    return new PocketDocker(DockingTarget.abl1Imatinib(), DockingSettings.fast());
  }

  private static double[] concurrently(List<PocketDocker> dockers) throws InterruptedException {
    double[] scores = new double[MOLECULES.size()];
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < MOLECULES.size(); i++) {
      int m = i;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          scores[m] = dockers.get(m).dock(MOLECULES.get(m)).score();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    return scores;
  }

  private static double[] besideASetUp(PocketDocker docker) throws Exception {
    Thread setUp = new Thread(() -> {
      try {
        fastDocker();
      } catch (DockingFailure e) {
        throw new IllegalStateException(e);
      }
    });
    setUp.start();
    double[] scores = new double[MOLECULES.size()];
    for (int m = 0; m < MOLECULES.size(); m++) {
      scores[m] = docker.dock(MOLECULES.get(m)).score();
    }
    setUp.join();
    return scores;
  }

  private static void print(String step, double[] scores) {
    StringBuilder line = new StringBuilder(step + ":");
    for (double s : scores) {
      line.append(String.format(" %.4f", s));
    }
    System.out.println(line + "; fragment cache entries " + RigidFragmentCache.getDefaultInstance().size());
  }

  private static void dumpCache(Path file) throws Exception {
    Field coordinates = RigidFragmentCache.CacheEntry.class.getDeclaredField("coordinates");
    Field likelihood = RigidFragmentCache.CacheEntry.class.getDeclaredField("likelihood");
    coordinates.setAccessible(true);
    likelihood.setAccessible(true);
    Map<String, String> lines = new TreeMap<>();
    for (var entry : RigidFragmentCache.getDefaultInstance().entrySet()) {
      Coordinates[][] conformers = (Coordinates[][]) coordinates.get(entry.getValue());
      long hash = 17;
      for (Coordinates[] conformer : conformers) {
        for (Coordinates c : conformer) {
          hash = ((hash * 31 + Double.doubleToLongBits(c.x)) * 31 + Double.doubleToLongBits(c.y)) * 31
              + Double.doubleToLongBits(c.z);
        }
      }
      for (double l : (double[]) likelihood.get(entry.getValue())) {
        hash = hash * 31 + Double.doubleToLongBits(l);
      }
      lines.put(entry.getKey(), conformers.length + " " + Long.toHexString(hash));
    }
    List<String> out = new ArrayList<>();
    lines.forEach((key, value) -> out.add(key + " " + value));
    Files.write(file, out);
  }
}
