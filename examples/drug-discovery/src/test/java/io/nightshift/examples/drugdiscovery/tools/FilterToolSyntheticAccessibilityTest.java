package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.chem.Analogue;
import io.nightshift.examples.drugdiscovery.chem.AnalogueGenerator;
import io.nightshift.examples.drugdiscovery.chem.Molecule;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import io.nightshift.examples.drugdiscovery.chem.SyntheticAccessibility;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.data.SeedLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chem.filter's sa_score column and max_sa cut (scores: RDKit's sascorer, sa_reference.csv). */
class FilterToolSyntheticAccessibilityTest {
  /** SA 1.58, 3.94 and 4.04 in RDKit; all three pass rule of five, Veber and PAINS (not Brenk: see filter). */
  private static final String ASPIRIN_HYOSCYAMINE_ANDROSTENEDIOL = """
      name,smiles
      aspirin,CC(=O)Oc1ccccc1C(=O)O
      hyoscyamine,CN1C2CCC1CC(C2)OC(=O)C(CO)c1ccccc1
      androstenediol,C[C@]12CC[C@H]3[C@@H](CC=C4C[C@@H](O)CC[C@@]34C)[C@@H]1CC[C@@H]2O
      """;

  @TempDir Path dir;
  private RecordingToolContext context;

  @BeforeEach
  void setUp() throws Exception {
    context = new RecordingToolContext(dir);
  }

  /** With the Brenk alerts off: aspirin (phenol_ester) and androstenediol (isolated_alkene) trip them. */
  private ToolOutput filter(Map<String, String> args) {
    Map<String, String> withoutBrenk = new HashMap<>(args);
    withoutBrenk.put("reject_brenk", "false");
    return new FilterTool().execute(context, new ToolArguments(withoutBrenk));
  }

  @Test
  void shouldAddTheSaScoreWithTwoDecimalsAndKeepEverythingUnderTheDefaultOfSix() throws Exception {
    String input = context.putCsv(ASPIRIN_HYOSCYAMINE_ANDROSTENEDIOL);

    ToolOutput out = filter(Map.of("molecules", input));

    MoleculeSet kept = context.read(out.artifact());
    Map<String, String> scores = new HashMap<>();
    for (Candidate c : kept.candidates()) {
      scores.put(c.id(), c.property(Columns.SA_SCORE).orElseThrow());
    }
    assertThat(scores).containsExactlyInAnyOrderEntriesOf(
        Map.of("aspirin", "1.58", "hyoscyamine", "3.94", "androstenediol", "4.04"));
    assertThat(out.summary()).contains("kept 3 of 3", "0 SA score > 6.00");
  }

  @Test
  void shouldDropMoleculesHarderToMakeThanMaxSaAndCountThem() throws Exception {
    String input = context.putCsv(ASPIRIN_HYOSCYAMINE_ANDROSTENEDIOL);

    ToolOutput out = filter(Map.of("molecules", input, "max_sa", "3.94"));

    assertThat(context.read(out.artifact()).candidates()).extracting(Candidate::id)
        .containsExactly("aspirin", "hyoscyamine");
    assertThat(out.summary()).contains("kept 2 of 3", "1 SA score > 3.94");
  }

  @Test
  void shouldRefuseAMaxSaOutsideTheScoresRangeNamingTheParameter() throws Exception {
    String input = context.putCsv(ASPIRIN_HYOSCYAMINE_ANDROSTENEDIOL);

    for (String bad : new String[] {"0.5", "10.5", "hard"}) {
      assertThatThrownBy(() -> filter(Map.of("molecules", input, "max_sa", bad)))
          .isInstanceOf(ToolException.class)
          .hasMessageContaining("max_sa")
          .satisfies(e -> assertThat(((ToolException) e).retryable()).isFalse());
    }
  }

  @Test
  void shouldLeaveTheGeneratorsAnaloguesOfTheSeedsUnderTheDefaultMaxSa() throws Exception {
    // the default is a guard against implausible structures, not a cut through what the campaign itself makes
    List<Molecule> seeds = new ArrayList<>();
    for (Candidate seed : SeedLibrary.load().candidates()) {
      seeds.add(MoleculeParser.parse(seed.smiles()));
    }
    List<Analogue> analogues = AnalogueGenerator.generate(seeds, 500, 1);
    SyntheticAccessibility.score(seeds.get(0)); // loads the fragment table, once per JVM
    long start = System.nanoTime();
    double[] scores = analogues.stream().mapToDouble(a -> SyntheticAccessibility.score(a.molecule())).toArray();
    double millisEach = (System.nanoTime() - start) / 1e6 / scores.length;
    Arrays.sort(scores);
    System.out.printf("SA score of %d analogues: min %.2f, median %.2f, max %.2f, %d above 4; %.2f ms each%n",
        scores.length, scores[0], scores[scores.length / 2], scores[scores.length - 1],
        Arrays.stream(scores).filter(s -> s > 4).count(), millisEach);

    assertThat(scores).hasSize(500);
    assertThat(scores[scores.length - 1]).isLessThanOrEqualTo(FilterTool.DEFAULT_MAX_SA);
  }
}
