package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test: whether an OpenChemLib docker's ChemPLP score depends on what the same docker docked before. OpenChemLib
 * keeps a JVM-wide rigid-fragment cache that docking fills as it goes, so a molecule docked after others could be
 * built from their cached fragments. This docks the first N molecules of a CSV ({@code name,smiles} header) in order
 * on one fresh docker ({@link IsolatedDocker}: a class loader of its own, so an empty cache) and in reverse order on
 * another, and prints each molecule's two scores and thread CPU seconds, and how many differ. Usage:
 * {@code java -cp CLASSPATH ...DockingOrderMeasurement CSV N fast|standard}.
 */
final class DockingOrderMeasurement {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private DockingOrderMeasurement() {}

  public static void main(String[] args) throws Exception {
    List<String[]> molecules = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (!line.startsWith("#") && !line.startsWith("name,") && !line.isBlank()) {
        molecules.add(line.split(",", 3));
      }
    }
    molecules = molecules.subList(0, Math.min(Integer.parseInt(args[1]), molecules.size()));
    DockingSettings settings = args[2].equals("fast") ? DockingSettings.fast() : DockingSettings.standard();

    double[][] forward = dockInOrder(molecules, settings);
    List<String[]> reversed = new ArrayList<>(molecules);
    Collections.reverse(reversed);
    double[][] backward = dockInOrder(reversed, settings);

    int differ = 0;
    for (int i = 0; i < molecules.size(); i++) {
      double[] f = forward[i];
      double[] b = backward[molecules.size() - 1 - i];
      boolean different = Double.compare(f[0], b[0]) != 0;
      differ += different ? 1 : 0;
      System.out.printf("%-14s in order %9.3f (%.2f s CPU)  reversed %9.3f (%.2f s CPU)%s%n", molecules.get(i)[0],
          f[0], f[1], b[0], b[1], different ? "  DIFFERENT" : "");
    }
    System.out.printf("%s settings: %d of %d scores differ between the two orders%n", args[2], differ,
        molecules.size());
  }

  /** @return per molecule {score (NaN when it cannot be docked), thread CPU seconds} */
  private static double[][] dockInOrder(List<String[]> molecules, DockingSettings settings) throws Exception {
    IsolatedDocker docker = IsolatedDocker.create(settings);
    double[][] results = new double[molecules.size()][];
    for (int i = 0; i < molecules.size(); i++) {
      long cpu = THREADS.getCurrentThreadCpuTime();
      double score;
      try {
        score = docker.dock(molecules.get(i)[1])[0];
      } catch (DockingFailure e) {
        score = Double.NaN;
      }
      results[i] = new double[] {score, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9};
    }
    return results;
  }
}
