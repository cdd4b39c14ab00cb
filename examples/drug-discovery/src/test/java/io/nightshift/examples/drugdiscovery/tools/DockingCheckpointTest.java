package io.nightshift.examples.drugdiscovery.tools;

import static io.nightshift.examples.drugdiscovery.docking.nim.ScriptedDiffDockServer.json;
import static io.nightshift.examples.drugdiscovery.docking.nim.ScriptedDiffDockServer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.docking.DockingConfig;
import io.nightshift.examples.drugdiscovery.docking.nim.ScriptedDiffDockServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chem.dock} after a crash: the next attempt docks only what the last one had not finished, through the
 * checkpoint its heartbeat named, and starts over when that checkpoint does not belong to its input.
 */
class DockingCheckpointTest {
  private static final String ASPIRIN = "CC(=O)Oc1ccccc1C(=O)O";
  private static final String IBUPROFEN = "CC(C)Cc1ccc(C(C)C(=O)O)cc1";
  @TempDir Path dir;
  private RecordingToolContext first;
  private String molecules;

  @BeforeEach
  void setUp() throws Exception {
    first = new RecordingToolContext(dir);
    molecules = first.putCsv("id,smiles,name,parents,origin,qed\n"
        + "aspirin," + ASPIRIN + ",aspirin,,seed,0.55\n"
        + "odd,C[Se]C,odd,,seed,0.4\n"
        + "ibuprofen," + IBUPROFEN + ",ibuprofen,,seed,0.82\n");
  }

  private ToolOutput dock(RecordingToolContext context, ScriptedDiffDockServer nim) {
    DockingConfig config = DockingConfig.fromEnvironment(Map.of(DockingConfig.NIM_URL_VARIABLE, nim.url()));
    return new DockTool(config).execute(context, new ToolArguments(Map.of("molecules", molecules,
        "engine", "diffdock-nim")));
  }

  @Test
  void shouldDockOnlyTheMoleculesTheFailedAttemptHadNotFinished() throws Exception {
    try (ScriptedDiffDockServer nim = new ScriptedDiffDockServer()) {
      // the first attempt docks aspirin, records odd's rejection, then the service stays down on ibuprofen
      nim.then(success(0.35), json(400, "{\"detail\":\"cannot featurize Se\"}"),
          json(503, "{\"detail\":\"down\"}", "Retry-After", "0"));
      assertThatThrownBy(() -> dock(first, nim)).isInstanceOfSatisfying(ToolException.class,
          e -> assertThat(e.retryable()).isTrue());
      String lastBeat = last(first.heartbeats);
      assertThat(lastBeat).as("the NIM client's own beat names the checkpoint of aspirin and odd")
          .startsWith("waiting 0.0 s before attempt 3: DiffDock NIM at ").contains("; partial artifact:sha256:");

      nim.then(success(-0.5));
      int before = nim.requests().size();
      RecordingToolContext retry = new RecordingToolContext(dir);
      retry.resumeFrom = lastBeat;
      ToolOutput out = dock(retry, nim);

      List<String> retried = nim.requests().subList(before, nim.requests().size());
      assertThat(retried).isNotEmpty().allSatisfy(r -> assertThat(r).contains(IBUPROFEN).doesNotContain(ASPIRIN));
      MoleculeSet docked = retry.read(out.artifact());
      assertThat(docked.candidates()).extracting(Candidate::id).containsExactly("aspirin", "odd", "ibuprofen");
      assertThat(docked.byId().get("aspirin").property("dock_score")).contains("-0.3500");
      assertThat(docked.byId().get("odd").property("dock_error").orElseThrow()).contains("cannot featurize Se");
      assertThat(docked.byId().get("ibuprofen").property("dock_score")).contains("0.5000");
      assertThat(out.summary()).contains("docked 2 of 3 molecules (1 failed) (2 resumed from an earlier attempt),"
          + " best aspirin -0.3500");
    }
  }

  @Test
  void shouldDockEverythingAgainWhenTheCheckpointIsNotAPrefixOfItsInputOrIsGone() throws Exception {
    MoleculeSet input = first.read(first.artifacts().resolve(molecules));
    DockingCheckpoint other = new DockingCheckpoint(first);
    other.save(List.of(Candidate.seed("ibuprofen", IBUPROFEN, "ibuprofen")), List.of(Columns.DOCK_SCORE));
    other.heartbeat("docked 1 of 3: ibuprofen");
    String otherPartial = last(first.heartbeats);
    DockingCheckpoint own = new DockingCheckpoint(first);
    own.save(List.of(input.candidates().get(0).with(Columns.DOCK_SCORE, "-7.0000")), List.of(Columns.DOCK_SCORE));
    own.heartbeat("waiting 1.0 s before attempt 2: busy"); // an engine's own beat carries the checkpoint too
    String ownPartial = last(first.heartbeats);

    assertThat(resumedFrom(otherPartial, input)).as("ibuprofen is not the input's first molecule").isEmpty();
    assertThat(resumedFrom("docked 1 of 3: aspirin; partial artifact:sha256:" + "0".repeat(64), input))
        .as("no such artifact").isEmpty();
    assertThat(resumedFrom("docked 1 of 3: aspirin", input)).as("a beat without a checkpoint").isEmpty();
    assertThat(ownPartial).startsWith("waiting 1.0 s before attempt 2: busy; partial artifact:sha256:");
    assertThat(resumedFrom(ownPartial, input)).singleElement()
        .satisfies(c -> assertThat(c.property(Columns.DOCK_SCORE)).contains("-7.0000"));
  }

  private List<Candidate> resumedFrom(String beat, MoleculeSet input) throws Exception {
    RecordingToolContext retry = new RecordingToolContext(dir);
    retry.resumeFrom = beat;
    return new DockingCheckpoint(retry).resume(input);
  }

  private static String last(List<String> beats) {
    return beats.get(beats.size() - 1);
  }
}
