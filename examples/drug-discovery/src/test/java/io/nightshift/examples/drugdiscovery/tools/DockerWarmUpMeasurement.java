package io.nightshift.examples.drugdiscovery.tools;

import com.sun.management.OperatingSystemMXBean;
import io.nightshift.examples.drugdiscovery.docking.DockingSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Not a test: what a docker in a class loader of its own ({@link IsolatedDocker}) costs before it docks at full
 * speed, in CPU seconds (so a loaded machine still gives comparable figures). For each of LOADERS fresh loaders, one
 * after another: the set-up (class loading, pocket grid) and then PASSES passes over four demo analogues
 * (ConcurrentDockingIT's), each molecule's CPU time on the docking thread and the whole process's CPU time per pass
 * (the JIT's compiler threads and the GC included). The first pass of each loader against its later ones is the
 * JIT warm-up that loader pays again (bench/README.md, demo section). Usage:
 * {@code java -cp CLASSPATH ...DockerWarmUpMeasurement LOADERS PASSES}.
 */
final class DockerWarmUpMeasurement {
  private static final List<String> MOLECULES = List.of(
      "CC(C)NCC(COC1=C2C=CC=CC2=C(C=C1)F)O",
      "C1=CC=C(C=C1)C(CCC(=O)O)OC2=CC=C(C=C2)C(F)(F)F",
      "C1CCC(C1)[C@@H](CC#N)N2C=C(C=N2)NC3=CC=C(C=C3)O",
      "CC(C)NCC(COC1=CC=C(C(=O)C)C2=C1C=CC=C2)O");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private DockerWarmUpMeasurement() {}

  public static void main(String[] args) throws Exception {
    int loaders = Integer.parseInt(args[0]);
    int passes = Integer.parseInt(args[1]);
    for (int l = 1; l <= loaders; l++) {
      double thread = threadCpu(), process = processCpu();
      long wall = System.nanoTime();
      IsolatedDocker docker = IsolatedDocker.create(DockingSettings.fast());
      System.out.printf("loader %d set-up: thread CPU %.2f s, process CPU %.2f s, wall %.2f s%n", l,
          threadCpu() - thread, processCpu() - process, (System.nanoTime() - wall) / 1e9);
      for (int p = 1; p <= passes; p++) {
        StringBuilder each = new StringBuilder();
        thread = threadCpu();
        process = processCpu();
        for (String smiles : MOLECULES) {
          double before = threadCpu();
          double score = docker.dock(smiles)[0];
          each.append(String.format(" %.2f (%.1f)", threadCpu() - before, score));
        }
        System.out.printf("loader %d pass %d: thread CPU %.2f s, process CPU %.2f s; per molecule CPU s (score):%s%n",
            l, p, threadCpu() - thread, processCpu() - process, each);
      }
    }
  }

  private static double threadCpu() {
    return THREADS.getCurrentThreadCpuTime() / 1e9;
  }

  private static double processCpu() {
    return OS.getProcessCpuTime() / 1e9;
  }
}
