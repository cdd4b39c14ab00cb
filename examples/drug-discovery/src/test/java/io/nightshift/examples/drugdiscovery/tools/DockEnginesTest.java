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
import io.nightshift.examples.drugdiscovery.data.MoleculeSetCsv;
import io.nightshift.examples.drugdiscovery.docking.nim.ScriptedDiffDockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chem.dock}'s engine choice: parameters, missing programs, and the DiffDock NIM end to end over HTTP. */
class DockEnginesTest {
  @TempDir Path dir;
  private RecordingToolContext context;
  private String molecules;

  @BeforeEach
  void setUp() throws Exception {
    context = new RecordingToolContext(dir);
    molecules = context.putCsv("id,smiles,name,parents,origin,qed\n"
        + "aspirin,CC(=O)Oc1ccccc1C(=O)O,aspirin,,seed,0.55\n"
        + "odd,C[Se]C,odd,,seed,0.4\n"
        + "ibuprofen,CC(C)Cc1ccc(C(C)C(=O)O)cc1,ibuprofen,,seed,0.82\n");
  }

  private ToolOutput dock(Map<String, String> args) {
    Map<String, String> all = new HashMap<>(args);
    all.put("molecules", molecules);
    return new DockTool().execute(context, new ToolArguments(all));
  }

  @Test
  void shouldRefuseAnUnknownEngineOrANimWithoutAUrl() {
    assertPermanent(() -> dock(Map.of("engine", "glide")), "'engine' must be one of [openchemlib, vina, diffdock-nim]");
    assertPermanent(() -> dock(Map.of("engine", "diffdock-nim")), "'nim_url' is required");
    assertPermanent(() -> dock(Map.of("engine", "diffdock-nim", "nim_url", "gpu-node:8000")), "http://");
    assertPermanent(() -> dock(Map.of("engine", "vina", "exhaustiveness", "0")), "exhaustiveness");
  }

  @Test
  void shouldSayWhatToInstallWhenVinaOrOpenBabelIsMissing() {
    assertPermanent(() -> dock(Map.of("engine", "vina", "vina_path", dir.resolve("no-vina").toString())),
        "apt-get install autodock-vina openbabel");
    assertPermanent(() -> dock(Map.of("engine", "vina", "obabel_path", "no-such-obabel-program")),
        "Open Babel ('no-such-obabel-program') is not installed");
  }

  @Test
  void shouldDockThroughTheNimRecordingConfidencePoseAndProvenanceAndKeepGoingPastARejectedMolecule()
      throws Exception {
    try (ScriptedDiffDockServer nim = new ScriptedDiffDockServer()) {
      nim.then(success(0.35, -1.2), json(400, "{\"detail\":\"cannot featurize Se\"}"),
          json(503, "{\"detail\":\"busy\"}", "Retry-After", "1"), success(-0.5));

      ToolOutput out = dock(Map.of("engine", "diffdock-nim", "nim_url", nim.url(), "num_poses", "2"));

      MoleculeSet docked = context.read(out.artifact());
      Candidate aspirin = docked.byId().get("aspirin");
      assertThat(aspirin.property("dock_score")).contains("-0.3500");
      assertThat(aspirin.property("dock_confidence")).contains("0.3500");
      assertThat(aspirin.property("dock_engine").orElseThrow()).contains(
          "DiffDock NIM (mit/diffdock 2.2.0) at " + nim.url() + ", 2 poses; dock_score = -confidence");
      String pose = aspirin.property("dock_pose").orElseThrow();
      assertThat(new String(context.artifacts().read(context.artifacts().resolve(pose)), StandardCharsets.UTF_8))
          .startsWith("pose1");
      Candidate odd = docked.byId().get("odd");
      assertThat(odd.property("dock_score")).isEmpty();
      assertThat(odd.property("dock_error").orElseThrow()).contains("HTTP 400", "cannot featurize Se");
      assertThat(docked.byId().get("ibuprofen").property("dock_score")).contains("0.5000");
      assertThat(out.summary()).contains("docked 2 of 3 molecules (1 failed), best aspirin -0.3500");
      assertThat(context.heartbeats).hasSize(4).last().asString().startsWith("docked 3 of 3");
      assertThat(context.heartbeats.get(2)).contains("waiting 1.0 s", "HTTP 503");
      assertThat(MoleculeSetCsv.propertyColumns(context.artifacts().read(out.artifact())))
          .contains("dock_score", "dock_engine", "dock_error", "dock_confidence", "dock_pose", "qed");
    }
  }

  @Test
  void shouldFailTheStepRetryablyWhenTheNimStaysUnavailable() throws Exception {
    try (ScriptedDiffDockServer nim = new ScriptedDiffDockServer()) {
      nim.then(json(503, "{\"detail\":\"warming up\"}", "Retry-After", "0"));

      assertThatThrownBy(() -> dock(Map.of("engine", "diffdock-nim", "nim_url", nim.url())))
          .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageContaining("HTTP 503").hasMessageContaining("warming up");
    }
  }

  @Test
  void shouldWriteTheEngineColumnsEvenForAnEmptyChunkSoMapChunksMerge() throws Exception {
    String empty = context.putCsv("id,smiles,name,parents,origin\n");

    ToolOutput out = new DockTool().execute(context, new ToolArguments(Map.of("molecules", empty, "engine", "vina")));

    assertThat(out.summary()).contains("empty input");
    assertThat(MoleculeSetCsv.propertyColumns(context.artifacts().read(out.artifact())))
        .containsExactly("dock_engine", "dock_error", "dock_pose", "dock_score");
  }

  private static void assertPermanent(Runnable call, String messagePart) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ToolException.class,
        e -> assertThat(e.retryable()).isFalse()).hasMessageContaining(messagePart);
  }
}
