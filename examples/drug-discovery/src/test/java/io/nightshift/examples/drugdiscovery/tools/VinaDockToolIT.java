package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.docking.DockingConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chem.dock} with {@code engine: vina} through the real programs (Debian's autodock-vina and openbabel; CI
 * installs them, and without them this fails saying what to install). Small molecules and exhaustiveness 1 keep it
 * to seconds.
 */
class VinaDockToolIT {
  private static final String CSV = """
      id,smiles,name,parents,origin
      aspirin,CC(=O)Oc1ccccc1C(=O)O,aspirin,,seed
      unclosed-ring,C1CC(,unclosed-ring,,seed
      boronic-acid,OB(O)c1ccccc1,boronic-acid,,seed
      """;

  @TempDir Path dir;

  @Test
  void shouldDockWithVinaRecordingProvenanceAndPoseAndRecordMoleculesThatCannotBeDocked() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    String molecules = context.putCsv(CSV);
    Map<String, String> args = Map.of("molecules", molecules, "engine", "vina", "exhaustiveness", "1");

    ToolOutput out = new DockTool(DockingConfig.defaults()).execute(context, new ToolArguments(args));

    MoleculeSet docked = context.read(out.artifact());
    Candidate aspirin = docked.byId().get("aspirin");
    double score = aspirin.number("dock_score").orElseThrow();
    System.out.println("aspirin with Vina: " + score + " kcal/mol; " + aspirin.property("dock_engine").orElseThrow());
    assertThat(score).isBetween(-8.0, -3.0);
    assertThat(aspirin.property("dock_engine").orElseThrow())
        .startsWith("AutoDock Vina v1.2.3 (Vina scoring, kcal/mol), exhaustiveness 1, seed 1")
        .contains("ligands: OpenChemLib 2025.7.0 conformer, PDBQT by Open Babel 3.1.1");
    String pose = new String(context.artifacts().read(context.artifacts().resolve(
        aspirin.property("dock_pose").orElseThrow())), StandardCharsets.UTF_8);
    assertThat(pose).contains("V2000", "M  END");
    assertThat(docked.byId().get("unclosed-ring").property("dock_error").orElseThrow())
        .contains("cannot build a 3-D ligand from C1CC(");
    assertThat(docked.byId().get("boronic-acid").property("dock_error").orElseThrow())
        .contains("Vina failed (exit 1)", "Atom type B is not a valid AutoDock type");
    assertThat(out.summary()).contains("docked 1 of 3 molecules (2 failed), best aspirin");
    assertThat(context.heartbeats.stream().filter(h -> h.startsWith("docked "))).hasSize(3);
    assertThat(context.heartbeats).allSatisfy(h -> assertThat(h).matches("(docked|Vina docking) .*"));

    RecordingToolContext retry = new RecordingToolContext(dir.resolve("retry"));
    retry.putCsv(CSV);
    ToolOutput again = new DockTool(DockingConfig.defaults()).execute(retry, new ToolArguments(args));
    assertThat(again.artifact()).isEqualTo(out.artifact()); // fixed seed: a retried chunk reproduces its numbers
  }
}
