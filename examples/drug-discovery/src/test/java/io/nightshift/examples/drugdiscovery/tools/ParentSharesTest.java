package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chem.generate's exploitation: better-ranked parents get more of the analogues, and pass on their score. */
class ParentSharesTest {
  private static final String PARENTS = """
      id,smiles,dock_score,rank
      first,Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1,-110,1
      second,CC(C)Cc1ccc(C(C)C(=O)O)cc1,-70,2
      third,CC(=O)Nc1ccc(O)cc1,-60,3
      fourth,CN1CCC[C@H]1c1cccnc1,-40,4
      """;

  @TempDir Path dir;
  private RecordingToolContext context;

  @BeforeEach
  void setUp() throws Exception {
    context = new RecordingToolContext(dir);
  }

  @Test
  void shouldWeightParentsLinearlyByRank() {
    MoleculeSet parents = new MoleculeSet(List.of(parent("a", "2"), parent("b", "1"), parent("c", "4"),
        parent("d", "3")));

    assertThat(ParentShares.weights(parents.candidates(), "rank")).hasValueSatisfying(w ->
        assertThat(w).containsExactly(3, 4, 1, 2));
    assertThat(ParentShares.describe(ParentShares.weights(parents.candidates(), "rank")))
        .isEqualTo("parents picked by rank: the best gets 40% of the picks");
    assertThat(ParentShares.weights(parents.candidates(), "uniform")).isEmpty();
    // one parent without a rank (e.g. the seeds): uniform
    assertThat(ParentShares.weights(List.of(parent("a", "1"), parent("b", "")), "rank")).isEmpty();
  }

  @Test
  void shouldGiveTheBestRankedParentTheLargestShareOfTheAnalogues() throws Exception {
    String parents = context.putCsv(PARENTS);

    ToolOutput ranked = generate(parents, "rank");
    Map<String, Long> firstParent = context.read(ranked.artifact()).candidates().stream()
        .collect(Collectors.groupingBy(c -> c.parents().get(0), Collectors.counting()));

    // weights 4:3:2:1, so 40% and 10% of the picks; moves that fail make the shares differ a little
    assertThat(firstParent.get("first")).isGreaterThan(2 * firstParent.getOrDefault("fourth", 0L));
    assertThat(firstParent.get("first")).isGreaterThan(firstParent.get("third"));
    assertThat(ranked.summary()).contains("parents picked by rank: the best gets 40% of the picks");

    ToolOutput uniform = generate(parents, "uniform");
    Map<String, Long> uniformFirst = context.read(uniform.artifact()).candidates().stream()
        .collect(Collectors.groupingBy(c -> c.parents().get(0), Collectors.counting()));
    assertThat(uniformFirst.get("first")).isLessThan(firstParent.get("first"));
    assertThat(uniform.summary()).contains("parents picked uniformly");
  }

  @Test
  void shouldPassTheParentsBestDockingScoreOnAsAnEstimate() throws Exception {
    MoleculeSet generated = context.read(generate(context.putCsv(PARENTS), "rank").artifact());
    Map<String, Double> parentScore = Map.of("first", -110.0, "second", -70.0, "third", -60.0, "fourth", -40.0);

    assertThat(generated.candidates()).allSatisfy(c -> assertThat(c.number("parent_dock_score")).contains(
        c.parents().stream().map(parentScore::get).min(Double::compare).orElseThrow()));
  }

  @Test
  void shouldRefuseAnUnknownWeighting() throws Exception {
    String parents = context.putCsv(PARENTS);
    assertThatThrownBy(() -> generate(parents, "best"))
        .isInstanceOf(ToolException.class).hasMessageContaining("parameter 'parent_weighting' must be rank or uniform");
  }

  private ToolOutput generate(String parents, String weighting) {
    return new GenerateTool().execute(context, new ToolArguments(Map.of("molecules", parents, "count", "80",
        "seed", "5", "parent_weighting", weighting)));
  }

  private static Candidate parent(String id, String rank) {
    return Candidate.seed(id, "CCO", id).with("rank", rank);
  }
}
