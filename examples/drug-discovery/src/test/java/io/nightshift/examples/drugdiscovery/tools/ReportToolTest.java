package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportToolTest {
  @TempDir Path dir;

  @Test
  void shouldWriteAnIdempotentHtmlReportWithDepictionsLineageDistributionsAndProvenance() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    String seeds = context.putCsv("""
        id,smiles,name,parents,origin
        imatinib,Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1,imatinib,,seed
        aspirin,CC(=O)Oc1ccccc1C(=O)O,aspirin,,seed
        """);
    String round1 = context.putCsv("""
        id,smiles,name,parents,origin,dock_score,qed,lipinski_violations
        NS-AAAA,Cc1ccc(NC(=O)c2ccc(CN3CCNCC3)cc2)cc1Nc1nccc(-c2cccnc2)n1,NS-AAAA,imatinib,mutate:atom-swap,-110.5,0.41,0
        NS-BBBB,CC(=O)Oc1ccccc1C(=O)OC,NS-BBBB,aspirin,mutate:add-substituent,-45.0,0.52,0
        """);
    String round2 = context.putCsv("""
        id,smiles,name,parents,origin,dock_score,qed,lipinski_violations
        NS-CCCC,Cc1ccc(NC(=O)c2ccc(CN3CCNCC3)cc2)cc1Nc1nccc(-c2ccncc2)n1,NS-CCCC,NS-AAAA|NS-BBBB,mutate:crossover,-115.2,0.40,0
        """);
    String best = context.putCsv("""
        id,smiles,name,parents,origin,dock_score,qed,combined_score,rank
        NS-CCCC,Cc1ccc(NC(=O)c2ccc(CN3CCNCC3)cc2)cc1Nc1nccc(-c2ccncc2)n1,NS-CCCC,NS-AAAA|NS-BBBB,mutate:crossover,-115.2,0.40,0.76,1
        """);
    Map<String, String> args = Map.of("molecules", best, "rounds", round1 + "," + round2, "ancestors", seeds);

    ToolOutput out = new ReportTool().execute(context, new ToolArguments(args));
    ToolOutput again = new ReportTool().execute(context, new ToolArguments(args));

    assertThat(again.artifact()).isEqualTo(out.artifact());
    assertThat(out.artifact().mediaType()).isEqualTo("text/html");
    String html = new String(context.artifacts().read(out.artifact()), StandardCharsets.UTF_8);
    assertThat(html)
        .contains("<svg")                                      // CDK depiction and the strip plots
        .contains("NS-CCCC (mutate:crossover) ← NS-AAAA (mutate:atom-swap), NS-BBBB (mutate:add-substituent)"
            + " ← imatinib (seed), aspirin (seed)")
        .contains("round 1").contains("round 2")
        .contains("-115.20")                                   // best docking score of round 2 in the statistics
        .contains("Docking score (ChemPLP")
        .contains(round1).contains("CDK 2.12").contains("PDB 1IEP");
  }

  @Test
  void shouldExplainAnEmptyFinalSet() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    String empty = context.putCsv("id,smiles,name,parents,origin\n");

    ToolOutput out = new ReportTool().execute(context, new ToolArguments(Map.of("molecules", empty)));

    assertThat(new String(context.artifacts().read(out.artifact()), StandardCharsets.UTF_8))
        .contains("No candidates: the final set is empty.");
  }
}
