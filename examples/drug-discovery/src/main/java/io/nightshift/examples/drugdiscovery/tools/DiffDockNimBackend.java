package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import io.nightshift.examples.drugdiscovery.docking.ReceptorPdb;
import io.nightshift.examples.drugdiscovery.docking.nim.DiffDockNimClient;
import io.nightshift.examples.drugdiscovery.docking.nim.DiffDockPose;
import io.nightshift.examples.drugdiscovery.docking.nim.DiffDockResult;
import io.nightshift.examples.drugdiscovery.docking.nim.NimCallFailure;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;

/**
 * A DiffDock NIM over HTTP (normally on a GPU node: steps using it declare {@code requires: {kind: nvidia_gpu}}).
 * DiffDock predicts poses and a confidence, not an affinity, so {@code dock_score} is the best pose's confidence
 * negated (lower is better, as for the other engines) and {@code dock_confidence} holds it as the service gave it.
 */
final class DiffDockNimBackend implements DockingBackend {
  private final DiffDockNimClient client;
  private final int numPoses;
  private final String engine;
  private final String receptor = ReceptorPdb.abl1();

  private DiffDockNimBackend(DiffDockNimClient client, int numPoses) {
    this.client = client;
    this.numPoses = numPoses;
    this.engine = "DiffDock NIM (" + client.modelName() + ") at " + client.baseUrl() + ", " + numPoses
        + " poses; dock_score = -confidence; into PDB 1IEP (blind docking, no box)";
  }

  /** @param url the operator's NIM ({@code DockingConfig}), checked when the runtime started */
  static DiffDockNimBackend create(URI url, int numPoses, Duration requestTimeout) {
    return new DiffDockNimBackend(new DiffDockNimClient(url, requestTimeout, 3, Duration.ofSeconds(30)), numPoses);
  }

  @Override
  public String engine() {
    return engine;
  }

  @Override
  public List<String> extraColumns() {
    return List.of(Columns.DOCK_CONFIDENCE, Columns.DOCK_POSE);
  }

  @Override
  public Docked dock(ToolContext context, Candidate candidate, Path workDir) throws DockingFailure {
    DiffDockResult result;
    try {
      result = client.dock(receptor, candidate.smiles(), numPoses, context::heartbeat);
    } catch (NimCallFailure e) {
      throw e.retryable() ? ToolException.retryable(e.getMessage(), e) : ToolException.permanent(e.getMessage(), e);
    }
    DiffDockPose best = result.best().orElseThrow(() -> new DockingFailure(
        "DiffDock NIM gave no pose with a confidence for " + candidate.smiles(), null));
    TreeMap<String, String> extra = new TreeMap<>();
    extra.put(Columns.DOCK_CONFIDENCE, Numbers.format(best.confidence()));
    extra.put(Columns.DOCK_POSE, VinaBackend.storePose(context, best.sdf()));
    return new Docked(-best.confidence(), extra, result.seconds());
  }
}
