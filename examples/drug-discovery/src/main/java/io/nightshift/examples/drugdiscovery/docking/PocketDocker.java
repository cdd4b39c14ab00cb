package io.nightshift.examples.drugdiscovery.docking;

import com.actelion.research.chem.SmilesParser;
import com.actelion.research.chem.StereoMolecule;
import com.actelion.research.chem.docking.DockingEngine;
import com.actelion.research.chem.docking.DockingFailedException;
import com.actelion.research.chem.docking.LigandPose;
import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Random;

/**
 * Docks molecules into a {@link DockingTarget}'s pocket with OpenChemLib's {@link DockingEngine} (shape-based
 * start poses, Monte Carlo search, ChemPLP scoring), in process. Setting up the engine grids the pocket once
 * (seconds); each molecule then takes from under a second to tens of seconds depending on its flexibility.
 *
 * <p>Not thread-safe (neither is the engine): use one docker per thread. Its set-up first completes
 * {@link OpenChemLibTables}, which OpenChemLib fills lazily and unsafely for threads that share its classes; dockers
 * that share them still disagreed when docking side by side, so the campaign keeps one class loader per docker
 * ({@code tools/IsolatedDocker}).
 */
public final class PocketDocker {
  /** Names the engine in provenance: library, version (from the jar's manifest) and scoring function. */
  public static final String ENGINE = "OpenChemLib "
      + Objects.requireNonNullElse(DockingEngine.class.getPackage().getImplementationVersion(), "(unknown version)")
      + " DockingEngine (ChemPLP)";

  private static final Field ENGINE_RANDOM = engineRandomField();

  private final DockingEngine engine;
  private final DockingTarget target;

  public PocketDocker(DockingTarget target) throws DockingFailure {
    this(target, DockingSettings.standard());
  }

  public PocketDocker(DockingTarget target, DockingSettings settings) throws DockingFailure {
    OpenChemLibTables.load(); // before this docker or any other in its class loader docks: see there why
    this.target = target;
    try {
      this.engine = new DockingEngine(target.receptor(), target.ligand(), settings.monteCarloSteps(),
          settings.startPositions(), DockingEngine.GRID_DIMENSION, DockingEngine.ScoringFunction.CHEMPLP);
    } catch (DockingFailedException e) {
      throw new DockingFailure("cannot set up docking into " + target.name() + ": " + e.getMessage(), e);
    }
  }

  public DockingTarget target() {
    return target;
  }

  /** Docks a molecule given as SMILES (it gets 3-D conformers and hydrogens inside the engine). */
  public DockedPose dock(String smiles) throws DockingFailure {
    StereoMolecule molecule = new StereoMolecule();
    try {
      new SmilesParser().parse(molecule, smiles);
    } catch (Exception e) {
      throw new DockingFailure("OpenChemLib cannot read SMILES " + smiles + ": " + e.getMessage(), e);
    }
    return dock(molecule);
  }

  public DockedPose dock(StereoMolecule molecule) throws DockingFailure {
    resetRandomSearch();
    long start = System.nanoTime();
    try {
      DockingEngine.DockingResult result = engine.dockMolecule(molecule);
      return new DockedPose(result.getScore(), result.getPose(), (System.nanoTime() - start) / 1e9);
    } catch (DockingFailedException | RuntimeException e) {
      throw new DockingFailure("docking failed: " + e.getMessage(), e);
    }
  }

  /**
   * The engine seeds one Random when it is built and draws from it for every molecule, so a molecule's score
   * would depend on which molecules were docked before it. Re-seeding it per molecule makes each score a
   * function of the molecule alone: the same molecule scores the same in any set, in any order, on a retry.
   */
  private void resetRandomSearch() {
    if (ENGINE_RANDOM == null) {
      return;
    }
    try {
      ENGINE_RANDOM.set(engine, new Random(LigandPose.SEED));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot re-seed the docking engine", e);
    }
  }

  private static Field engineRandomField() {
    try {
      Field field = DockingEngine.class.getDeclaredField("random");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      // another OpenChemLib version: docking still works, only order-independence of scores is lost
      return null;
    }
  }
}
