package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.tool.ToolContext;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * One docking engine behind {@code chem.dock}: OpenChemLib in process, AutoDock Vina as external programs, or a
 * DiffDock NIM over HTTP. {@code dock_score} is always "lower is better" within one engine, so selection can rank
 * any of them; {@code dock_engine} says which engine, version and unit produced it.
 */
interface DockingBackend {
  /** Provenance written to {@code dock_engine} on every docked row: engine, version, unit, settings. */
  String engine();

  /** Columns this engine adds beyond {@code dock_score}, {@code dock_engine}, {@code dock_error}. */
  List<String> extraColumns();

  /**
   * Docks one molecule. Engine-wide failures (a program missing, a service misconfigured or busy) are thrown as
   * {@link io.nightshift.core.error.ToolException}s; a failure of this molecule alone is a {@link DockingFailure}.
   *
   * @param workDir scratch space for this molecule, inside the step's own
   */
  Docked dock(ToolContext context, Candidate candidate, Path workDir) throws DockingFailure;

  /**
   * @param score   the engine's score, lower is better
   * @param extra   values for {@link #extraColumns()}
   * @param seconds time spent on this molecule
   */
  record Docked(double score, SortedMap<String, String> extra, double seconds) {}
}
