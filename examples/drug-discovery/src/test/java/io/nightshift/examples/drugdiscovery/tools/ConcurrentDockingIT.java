package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.tool.ToolArguments;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.docking.DockingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A map step runs several chem.dock chunks at once in one worker; the scores must still depend on the molecule
 * alone. Four analogues from a demo run, three of whose scores changed when four dockers ran side by side in one
 * JVM (-69.27 became -58.34 for the first), each docked in its own concurrent chunk, then again one by one.
 */
class ConcurrentDockingIT {
  private static final List<String> CHUNKS = List.of(
      "id,smiles\nNS-218F31D50B,CC(C)NCC(COC1=C2C=CC=CC2=C(C=C1)F)O\n",
      "id,smiles\nNS-60B1FF835C,C1=CC=C(C=C1)C(CCC(=O)O)OC2=CC=C(C=C2)C(F)(F)F\n",
      "id,smiles\nNS-CA84593368,C1CCC(C1)[C@@H](CC#N)N2C=C(C=N2)NC3=CC=C(C=C3)O\n",
      "id,smiles\nNS-3B7051BAB9,CC(C)NCC(COC1=CC=C(C(=O)C)C2=C1C=CC=C2)O\n");
  /** What each scored in a demo run's chunks and when docked alone, sequentially, in a fresh JVM. */
  private static final Map<String, String> SCORED_ALONE = Map.of("NS-218F31D50B", "-69.2685",
      "NS-60B1FF835C", "-61.8664", "NS-CA84593368", "-52.1546", "NS-3B7051BAB9", "-60.4642");
  @TempDir Path dir;

  @Test
  void shouldScoreEachMoleculeTheSameWhetherChunksDockConcurrentlyOrOneByOne() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    List<String> uris = new ArrayList<>();
    for (String chunk : CHUNKS) {
      uris.add(context.putCsv(chunk));
    }
    ExecutorService pool = Executors.newFixedThreadPool(CHUNKS.size());
    Map<String, String> concurrent = new TreeMap<>();
    try {
      List<Future<Map<String, String>>> runs = new ArrayList<>();
      for (String uri : uris) {
        runs.add(pool.submit(() -> scores(context, uri)));
      }
      for (Future<Map<String, String>> run : runs) {
        concurrent.putAll(run.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, String> oneByOne = new TreeMap<>();
    for (String uri : uris) {
      oneByOne.putAll(scores(context, uri));
    }

    assertThat(concurrent).isEqualTo(oneByOne).isEqualTo(SCORED_ALONE);
  }

  private static Map<String, String> scores(RecordingToolContext context, String uri) throws Exception {
    Map<String, String> scores = new TreeMap<>();
    var out = new DockTool(DockingConfig.defaults()).execute(context,
        new ToolArguments(Map.of("molecules", uri, "effort", "fast")));
    for (Candidate c : context.read(out.artifact()).candidates()) {
      scores.put(c.id(), c.property("dock_score").orElse(c.property("dock_error").orElse("?")));
    }
    return scores;
  }
}
