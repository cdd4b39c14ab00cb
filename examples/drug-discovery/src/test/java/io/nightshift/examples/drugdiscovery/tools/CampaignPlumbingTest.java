package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.docking.DockingConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the campaign pipeline relies on between tools: user seed libraries, pooled selection, mergeable chunks. */
class CampaignPlumbingTest {
  @TempDir Path dir;
  private RecordingToolContext context;

  @BeforeEach
  void setUp() throws Exception {
    context = new RecordingToolContext(dir);
  }

  @Test
  void shouldLoadAUserSeedLibraryDroppingAndNamingInvalidRows() throws Exception {
    ToolOutput out = new SeedsTool().execute(context, new ToolArguments(Map.of("source",
        "classpath:io/nightshift/examples/drugdiscovery/user_seeds.csv")));

    assertThat(context.read(out.artifact()).candidates()).extracting(Candidate::id)
        .containsExactly("imatinib", "gefitinib");
    assertThat(out.summary()).startsWith("2 seed molecules from classpath:")
        .contains("2 of 4 rows dropped, invalid SMILES: unclosed (", "pentavalent (").doesNotContain("\n");
  }

  @Test
  void shouldRefuseASeedLibraryWithoutValidMoleculesOrWithoutSmiles() throws Exception {
    String broken = context.putCsv("name,smiles\nx,C1CC\ny,not-a-molecule\n");
    String noSmiles = context.putCsv("name,structure\nx,CCO\n");

    assertThatThrownBy(() -> new SeedsTool().execute(context, new ToolArguments(Map.of("source", broken))))
        .isInstanceOf(ToolException.class).hasMessageContaining("has no valid molecules (2 rows; invalid: x (");
    assertThatThrownBy(() -> new SeedsTool().execute(context, new ToolArguments(Map.of("source", noSmiles))))
        .isInstanceOf(ToolException.class).hasMessageContaining("is not a molecule CSV")
        .hasMessageContaining("needs a 'smiles' column");
    assertThatThrownBy(() -> new SeedsTool().execute(context, new ToolArguments(Map.of("source", "/etc/passwd"))))
        .isInstanceOf(ToolException.class).hasMessageContaining("must be builtin, classpath:PATH");
  }

  @Test
  void shouldSelectFromSeveralPooledSetsKeepingTheFirstRowOfARepeatedId() throws Exception {
    String thisRound = context.putCsv("""
        id,smiles,qed,dock_score
        new-1,CC(=O)Oc1ccccc1C(=O)O,0.55,-40
        both,CC(C)Cc1ccc(C(C)C(=O)O)cc1,0.82,-60
        """);
    String earlier = context.putCsv("""
        id,smiles,qed,dock_score,rank
        both,CC(C)Cc1ccc(C(C)C(=O)O)cc1,0.10,-1,1
        old-1,Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1,0.41,-110,2
        """);

    ToolOutput out = new SelectTool().execute(context, new ToolArguments(Map.of("molecules", thisRound + ","
        + earlier, "count", "5", "max_similarity", "0.99", "ranking", "combined")));

    MoleculeSet selected = context.read(out.artifact());
    assertThat(selected.candidates()).extracting(Candidate::id).containsExactly("old-1", "both", "new-1");
    assertThat(selected.byId().get("both").number("qed")).contains(0.82);
    assertThat(out.summary()).startsWith("selected 3 of 3");
  }

  @Test
  void shouldKeepTheInputAndDockingColumnsWhateverTheRowsHoldSoMapChunksMerge() throws Exception {
    // two chunks of one table: the 'note' column is filled in the first only
    String first = context.putCsv("id,smiles,note\naspirin,CC(=O)Oc1ccccc1C(=O)O,hand-picked\n");
    String second = context.putCsv("id,smiles,note\nethanol,CCO,\n");

    DockTool dock = new DockTool(DockingConfig.defaults());
    ToolOutput a = dock.execute(context, new ToolArguments(Map.of("molecules", first, "effort", "fast")));
    ToolOutput b = dock.execute(context, new ToolArguments(Map.of("molecules", second, "effort", "fast")));

    String headerA = header(a);
    assertThat(headerA).isEqualTo(header(b))
        .isEqualTo("id,smiles,name,parents,origin,dock_engine,dock_error,dock_score,note");
    assertThat(context.read(a.artifact()).candidates().get(0).number("dock_score")).isPresent();
    String empty = context.putCsv("id,smiles,note\n");
    assertThat(header(dock.execute(context, new ToolArguments(Map.of("molecules", empty)))))
        .isEqualTo(headerA);
  }

  @Test
  void shouldPutAParserReasonOnOneLineWithItsParenthesesClosed() {
    assertThat(SeedSources.oneLine("invalid molecule 'C1CC': not parsable as SMILES (could not parse 'C1CC',"
        + " Unclosed ring detected, SMILES may be truncated:\nC1CC\n   ^)"))
        .isEqualTo("invalid molecule 'C1CC': not parsable as SMILES (could not parse 'C1CC', Unclosed ring detected,"
            + " SMILES may be truncated)");
  }

  private String header(ToolOutput out) throws Exception {
    return new String(context.artifacts().read(out.artifact()), StandardCharsets.UTF_8).lines().findFirst()
        .orElseThrow();
  }

}
