package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.proposals.ProposalReview;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools around the model steps: briefs for the model, review of its proposals and their merge. */
class ModelStepToolsTest {
  private static final String PARENTS = """
      id,smiles,name,parents,origin,qed,dock_score,mw
      aspirin,CC(=O)Oc1ccccc1C(=O)O,aspirin,,seed,0.55,-45.1,180.16
      paracetamol,CC(=O)Nc1ccc(O)cc1,paracetamol,,seed,0.59,,151.16
      """;

  @TempDir Path dir;

  @Test
  void shouldRecordEveryProposalWithItsFateAndMergeOnlyTheValidNewOnesWithLineage() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    String parents = context.putCsv(PARENTS);
    String answer = context.artifacts().put("""
        Here are analogues:
        1. CC(=O)Nc1ccc(OC)cc1
        2. C1CC(N
        3. OC(=O)c1ccccc1OC(C)=O
        4. CC(=O)Nc1ccc(OC)cc1
        Hope this helps.""".getBytes(StandardCharsets.UTF_8), "text/plain").uri();

    ToolOutput review = new ProposalsTool().execute(context, new ToolArguments(Map.of("answer", answer,
        "parents", parents, "proposed_by", "chemist/smollm2", "round", "1")));

    assertThat(review.summary()).isEqualTo(
        "model proposals by chemist/smollm2: 4 proposed: 3 valid (1 new, 2 duplicate), 1 invalid");
    MoleculeSet record = context.read(review.artifact());
    assertThat(record.candidates()).extracting(c -> c.properties().get(ProposalRecords.STATUS))
        .containsExactly("accepted", "invalid", "duplicate", "duplicate");
    assertThat(record.candidates().get(1).smiles()).isEqualTo("C1CC(N");  // what the model wrote, kept
    assertThat(ProposalRecords.counts(record)).isEqualTo(
        new ProposalReview.Counts(4, 1, 1, 2));

    ToolOutput generated = new GenerateTool().execute(context, new ToolArguments(Map.of("molecules", parents,
        "count", "5", "seed", "3", "round", "1", "proposals", review.artifact().uri())));

    List<Candidate> rows = context.read(generated.artifact()).candidates();
    List<Candidate> proposed = rows.stream().filter(c -> c.origin().startsWith("model-proposed")).toList();
    assertThat(proposed).singleElement().satisfies(c -> {
      assertThat(c.origin()).isEqualTo("model-proposed by chemist/smollm2");
      assertThat(c.parents()).containsExactly("paracetamol");
      assertThat(c.id()).isEqualTo(GenerateTool.idFor(c.smiles()));
      assertThat(c.properties()).containsEntry("round", "1").doesNotContainKeys(ProposalRecords.STATUS,
          ProposalRecords.NOTE);
    });
    assertThat(rows).hasSize(rows.size()).extracting(Candidate::id).doesNotHaveDuplicates();
    assertThat(generated.summary()).contains("plus 1 model-proposed");
  }

  @Test
  void shouldGoOnWithNoProposalsWhenTheAnswerIsEmptyOrProse() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    String parents = context.putCsv(PARENTS);

    ToolOutput empty = new ProposalsTool().execute(context, new ToolArguments(Map.of("answer",
        context.artifacts().put(new byte[0], "text/plain").uri(), "parents", parents)));
    ToolOutput prose = new ProposalsTool().execute(context, new ToolArguments(Map.of("answer",
        "I am sorry, I cannot draw molecules.", "parents", parents)));

    assertThat(empty.summary()).isEqualTo("model proposals by model: 0 proposed: 0 valid (0 new, 0 duplicate),"
        + " 0 invalid (an empty answer)");
    assertThat(prose.summary()).endsWith("0 invalid (no SMILES in the answer)");
    assertThat(context.read(prose.artifact()).candidates()).isEmpty();
    ToolOutput generated = new GenerateTool().execute(context, new ToolArguments(Map.of("molecules", parents,
        "count", "4", "proposals", prose.artifact().uri())));
    assertThat(generated.summary()).contains("plus 0 model-proposed");
  }

  @Test
  void shouldBriefTheParentsAndTheRoundAsTextForAModel() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    String parents = context.putCsv(PARENTS);
    String docked = context.putCsv("""
        id,smiles,name,parents,origin,dock_score,qed,lipinski_violations,mw
        NS-A,CC(=O)Nc1ccc(OC)cc1,NS-A,paracetamol,model-proposed by chemist/smollm2,-52.25,0.61,0,165.19
        NS-B,CC(=O)Oc1ccccc1C(=O)OC,NS-B,aspirin,mutate:add-substituent,-47.5,0.52,0,194.18
        """);
    String record = new ProposalsTool().execute(context, new ToolArguments(Map.of("answer",
        "CC(=O)Nc1ccc(OC)cc1\nC1CC(N", "parents", parents))).artifact().uri();

    String brief = text(context, new BriefParentsTool().execute(context,
        new ToolArguments(Map.of("molecules", parents, "limit", "1"))));
    String facts = text(context, new BriefRoundTool().execute(context,
        new ToolArguments(Map.of("molecules", docked, "round", "2", "proposals", record))));

    assertThat(brief).isEqualTo("SMILES | QED | docking score (lower is better) | MW\n"
        + "CC(=O)Oc1ccccc1C(=O)O | 0.55 | -45.1 | 180\n");
    assertThat(facts).startsWith("Round 2: 2 molecules, 2 docked. Docking score (ChemPLP, lower is better):"
            + " best -52.25, median -49.88")
        .contains("Model proposals: 2 proposed: 1 valid (1 new, 0 duplicate), 1 invalid; 1 of the docked"
            + " molecules came from them.")
        .contains("NS-A | model-proposed by chemist/smollm2 | CC(=O)Nc1ccc(OC)cc1 | -52.3 | 0.61 | 165\nNS-B");
  }

  private static String text(RecordingToolContext context, ToolOutput out) throws Exception {
    assertThat(out.artifact().mediaType()).isEqualTo("text/plain");
    return new String(context.artifacts().read(out.artifact()), StandardCharsets.UTF_8);
  }
}
