package io.nightshift.examples.drugdiscovery.tools;

import com.actelion.research.chem.docking.DockingEngine;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.DockingSettings;
import io.nightshift.examples.drugdiscovery.docking.IsolatedDockingEntry;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.Function;

/**
 * A set-up OpenChemLib docker in a class loader of its own: this example's docking classes and OpenChemLib loaded
 * again from their jars, with only the JDK shared. OpenChemLib keeps JVM-wide mutable state, and dockers that share
 * it do not score a molecule the same when they run side by side: ConcurrentDockingIT (four chunks at once, then one
 * by one) found 1-2 of 4 scores changed with shared classes, while each docker alone reproduces every score. Two
 * causes are known and neutralised ({@code docking/OpenChemLibTables}: the bond-length table loaded twice at once,
 * TorsionDB's map filled as conformers need it), but with both neutralised and shared classes the IT still failed
 * in 1 of 2 runs that followed another test's docking in the same JVM, so some other state is still shared
 * (bench/README.md, "One class loader for all dockers: not yet"). A loader per docker gives each its own copy of all
 * of it, so dockers run on every core and a score still depends on the molecule alone, at the price of compiling
 * OpenChemLib once per docker. Not thread-safe: one thread at a time ({@link SharedDocker}).
 */
final class IsolatedDocker {
  private final Function<String, double[]> entry;

  private IsolatedDocker(Function<String, double[]> entry) {
    this.entry = entry;
  }

  @SuppressWarnings("unchecked")
  static IsolatedDocker create(DockingSettings settings) throws DockingFailure {
    URL[] jars = {location(IsolatedDockingEntry.class), location(DockingEngine.class)};
    ClassLoader loader = new URLClassLoader("openchemlib-docker", jars, ClassLoader.getPlatformClassLoader());
    try {
      Object entry = loader.loadClass(IsolatedDockingEntry.class.getName()).getConstructor(int.class, int.class)
          .newInstance(settings.monteCarloSteps(), settings.startPositions());
      return new IsolatedDocker((Function<String, double[]>) entry);
    } catch (InvocationTargetException e) {
      throw new DockingFailure("cannot set up docking: " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the docking classes from " + jars[0] + " and " + jars[1], e);
    }
  }

  /** @return {score, seconds} */
  double[] dock(String smiles) throws DockingFailure {
    try {
      return entry.apply(smiles);
    } catch (IllegalArgumentException e) {
      throw new DockingFailure(e.getMessage(), e.getCause());
    }
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
