package io.nightshift.examples.drugdiscovery.tools;

import static io.nightshift.examples.drugdiscovery.docking.nim.ScriptedDiffDockServer.json;
import static io.nightshift.examples.drugdiscovery.docking.nim.ScriptedDiffDockServer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.data.MoleculeSetCsv;
import io.nightshift.examples.drugdiscovery.docking.DockingConfig;
import io.nightshift.examples.drugdiscovery.docking.nim.ScriptedDiffDockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chem.dock}'s engine choice: parameters, missing programs, the operator's configuration of programs and NIM
 * (never the task's), and the DiffDock NIM end to end over HTTP.
 */
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
    return dock(DockingConfig.defaults(), args);
  }

  /** The tool as a worker whose operator set {@code config} runs it. */
  private ToolOutput dock(DockingConfig config, Map<String, String> args) {
    Map<String, String> all = new HashMap<>(args);
    all.put("molecules", molecules);
    return new DockTool(config).execute(context, new ToolArguments(all));
  }

  private static DockingConfig nimAt(String url) {
    return DockingConfig.fromEnvironment(Map.of(DockingConfig.NIM_URL_VARIABLE, url));
  }

  @Test
  void shouldRefuseAnUnknownEngineOrANimTheOperatorDidNotConfigure() {
    assertPermanent(() -> dock(Map.of("engine", "glide")), "'engine' must be one of [openchemlib, vina, diffdock-nim]");
    assertPermanent(() -> dock(Map.of("engine", "diffdock-nim")),
        "set NIGHTSHIFT_DIFFDOCK_NIM_URL to its base URL (e.g. http://gpu-node:8000) in the workers' environment");
    assertPermanent(() -> dock(Map.of("engine", "vina", "exhaustiveness", "0")), "exhaustiveness");
  }

  @Test
  void shouldSayWhatToInstallWhenVinaOrOpenBabelIsMissing() {
    assertPermanent(() -> dock(new DockingConfig(dir.resolve("no-vina").toString(), "obabel", Optional.empty()),
        Map.of("engine", "vina")), "apt-get install autodock-vina openbabel");
    assertPermanent(() -> dock(new DockingConfig("vina", "no-such-obabel-program", Optional.empty()),
        Map.of("engine", "vina")), "Open Babel ('no-such-obabel-program') is not installed");
  }

  @Test
  void shouldNeitherRunATasksProgramNorCallATasksUrl() throws Exception {
    assertThat(new DockTool(DockingConfig.defaults()).descriptor().params()).extracting(ToolParam::name)
        .doesNotContain("vina_path", "obabel_path", "nim_url");
    Path marker = dir.resolve("ran");
    Path program = Files.writeString(dir.resolve("evil.sh"), "#!/bin/sh\ntouch " + marker + "\n");
    assertThat(program.toFile().setExecutable(true)).isTrue();
    String operatorsVina = dir.resolve("operators-vina").toString();
    try (ScriptedDiffDockServer elsewhere = new ScriptedDiffDockServer()) {
      elsewhere.then(success(0.9));

      // a call that got past the validator (a runner of its own): the keys reach the tool and are read by nothing
      assertPermanent(() -> dock(Map.of("engine", "diffdock-nim", "nim_url", elsewhere.url())),
          "a task cannot name one");
      assertPermanent(() -> dock(new DockingConfig(operatorsVina, "obabel", Optional.empty()),
          Map.of("engine", "vina", "vina_path", program.toString(), "obabel_path", program.toString())),
          "AutoDock Vina ('" + operatorsVina + "') is not installed");

      assertThat(elsewhere.requests()).as("no molecule or receptor went to the task's URL").isEmpty();
    }
    assertThat(marker).as("the task's program never ran").doesNotExist();
  }

  @Test
  void shouldDockThroughTheNimRecordingConfidencePoseAndProvenanceAndKeepGoingPastARejectedMolecule()
      throws Exception {
    try (ScriptedDiffDockServer nim = new ScriptedDiffDockServer()) {
      nim.then(success(0.35, -1.2), json(400, "{\"detail\":\"cannot featurize Se\"}"),
          json(503, "{\"detail\":\"busy\"}", "Retry-After", "1"), success(-0.5));

      ToolOutput out = dock(nimAt(nim.url()), Map.of("engine", "diffdock-nim", "num_poses", "2"));

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

      assertThatThrownBy(() -> dock(nimAt(nim.url()), Map.of("engine", "diffdock-nim")))
          .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageContaining("HTTP 503").hasMessageContaining("warming up");
    }
  }

  @Test
  void shouldWriteTheEngineColumnsEvenForAnEmptyChunkSoMapChunksMerge() throws Exception {
    String empty = context.putCsv("id,smiles,name,parents,origin\n");

    ToolOutput out = new DockTool(DockingConfig.defaults()).execute(context,
        new ToolArguments(Map.of("molecules", empty, "engine", "vina")));

    assertThat(out.summary()).contains("empty input");
    assertThat(MoleculeSetCsv.propertyColumns(context.artifacts().read(out.artifact())))
        .containsExactly("dock_engine", "dock_error", "dock_pose", "dock_score");
  }

  @Test
  void shouldRefuseForGoodANimOutsideTheEgressAllowListBeforeConnecting() {
    // TEST-NET-3: never routed; a tool context outside a runtime allows loopback alone
    DockingConfig outside = nimAt("http://203.0.113.5:8000");
    long t0 = System.nanoTime();

    assertPermanent(() -> dock(outside, Map.of("engine", "diffdock-nim")),
        "egress refused: http://203.0.113.5:8000: address 203.0.113.5 is in no allowed network");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("refused, not a connection that timed out")
        .isLessThan(Duration.ofSeconds(5));
    assertThat(ChemToolProvider.outboundEndpoints(outside)).singleElement()
        .satisfies(e -> assertThat(e.setting()).isEqualTo("NIGHTSHIFT_DIFFDOCK_NIM_URL"))
        .satisfies(e -> assertThat(e.host()).isEqualTo("203.0.113.5"));
    assertThat(ChemToolProvider.outboundEndpoints(DockingConfig.defaults())).isEmpty();
  }

  private static void assertPermanent(Runnable call, String messagePart) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ToolException.class,
        e -> assertThat(e.retryable()).isFalse()).hasMessageContaining(messagePart);
  }
}
