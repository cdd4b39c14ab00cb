package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chem.generate's exploit share: point mutations of the best binders, ranked by their own docking score. */
class BestBindersTest {
  /** The best binder (by docking score) is ranked last by the selection, so the share must not follow the rank. */
  private static final String PARENTS = """
      id,smiles,dock_score,rank
      first,CC(C)Cc1ccc(C(C)C(=O)O)cc1,-70,1
      second,CC(=O)Nc1ccc(O)cc1,-60,2
      third,CN1CCC[C@H]1c1cccnc1,-40,3
      fourth,Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1,-110,4
      """;

  @TempDir Path dir;
  private RecordingToolContext context;

  @BeforeEach
  void setUp() throws Exception {
    context = new RecordingToolContext(dir);
  }

  @Test
  void shouldTakeTheTopTenthOfTheDockedParentsByTheirOwnScoreAtLeastOne() {
    List<Candidate> parents = new ArrayList<>();
    IntStream.range(0, 25).forEach(i -> parents.add(parent("p" + (char) ('a' + i), String.valueOf(-50 - i))));
    parents.add(Candidate.seed("undocked", "CCO", "undocked"));
    // a tie with py (-74, the best of the 25) is broken by id
    parents.add(parent("p0", "-74"));

    BestBinders best = BestBinders.of(parents).orElseThrow();

    assertThat(best.ids()).containsExactly("p0", "py", "px");
    assertThat(best.weights()).hasSize(27);
    assertThat(best.weights()[24]).isEqualTo(1);
    assertThat(best.weights()[26]).isEqualTo(1);
    assertThat(best.weights()[0]).isZero();
    assertThat(best.weights()[25]).isZero();
    assertThat(BestBinders.of(List.of(parent("a", "-5"), parent("b", "-9"))).orElseThrow().ids())
        .containsExactly("b");
    assertThat(BestBinders.of(List.of(Candidate.seed("s", "CCO", "s")))).isEmpty();
  }

  @Test
  void shouldMakeTheExploitShareByPointMutationsOfTheBestBinder() throws Exception {
    String parents = context.putCsv(PARENTS);

    ToolOutput out = generate(parents, "0.5");
    List<Candidate> made = context.read(out.artifact()).candidates();
    List<Candidate> near = made.subList(made.size() - 40, made.size());

    assertThat(made).hasSize(80);
    assertThat(near).allSatisfy(c -> {
      assertThat(c.parents()).containsExactly("fourth");
      assertThat(c.origin()).isIn("mutate:atom-swap", "mutate:add-substituent", "mutate:remove-substituent");
      assertThat(c.number("parent_dock_score")).contains(-110.0);
    });
    assertThat(out.summary()).contains("40 of them point mutations of the best binders fourth");
    // the rest is what the same seed makes without the share
    List<Candidate> without = context.read(generate(parents, "0").artifact()).candidates();
    assertThat(made.subList(0, 40)).extracting(Candidate::smiles)
        .isEqualTo(without.subList(0, 40).stream().map(Candidate::smiles).toList());
  }

  @Test
  void shouldChangeNothingWithoutAShareOrWithoutDockedParents() throws Exception {
    String parents = context.putCsv(PARENTS);
    String seeds = context.putCsv(PARENTS.replace(",dock_score,rank", "").replaceAll(",-?\\d+,\\d", ""));

    assertThat(generate(parents, "0").artifact()).isEqualTo(generate(parents, null).artifact());
    assertThat(generate(seeds, "0.5").artifact()).isEqualTo(generate(seeds, null).artifact());
    assertThat(generate(seeds, "0.5").summary()).doesNotContain("point mutations");
  }

  @Test
  void shouldRefuseAShareOutsideZeroToOne() throws Exception {
    String parents = context.putCsv(PARENTS);
    assertThatThrownBy(() -> generate(parents, "1.5"))
        .isInstanceOf(ToolException.class).hasMessageContaining("parameter 'exploit' must be between 0.0 and 1.0");
    assertThatThrownBy(() -> generate(parents, "half"))
        .isInstanceOf(ToolException.class).hasMessageContaining("exploit");
  }

  private ToolOutput generate(String parents, String exploit) {
    Map<String, String> args = new HashMap<>(Map.of("molecules", parents, "count", "80", "seed", "5"));
    if (exploit != null) {
      args.put("exploit", exploit);
    }
    return new GenerateTool().execute(context, new ToolArguments(args));
  }

  private static Candidate parent(String id, String score) {
    return Candidate.seed(id, "CCO", id).with("dock_score", score);
  }
}
