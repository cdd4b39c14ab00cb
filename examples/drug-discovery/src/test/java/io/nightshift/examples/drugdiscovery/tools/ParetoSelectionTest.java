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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chem.select's default ranking: Pareto fronts, Brenk alerts after clean molecules, SA when present. */
class ParetoSelectionTest {
  private static final String HEADER = "id,smiles,name,parents,origin,dock_score,qed";
  private static final List<String> ROWS = List.of(
      "imatinib,Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1,imatinib,,seed,-114,0.39",
      "desmethyl,Cc1ccc(NC(=O)c2ccc(CN3CCNCC3)cc2)cc1Nc1nccc(-c2cccnc2)n1,desmethyl,imatinib,mutate:x,-112,0.40",
      "aspirin,CC(=O)Oc1ccccc1C(=O)O,aspirin,,seed,-43,0.55",
      "ibuprofen,CC(C)Cc1ccc(C(C)C(=O)O)cc1,ibuprofen,,seed,-48,0.82");

  @TempDir Path dir;
  private RecordingToolContext context;

  @BeforeEach
  void setUp() throws Exception {
    context = new RecordingToolContext(dir);
  }

  @Test
  void shouldRankByParetoFrontThenDockingScore() throws Exception {
    // front 1: imatinib (best dock), desmethyl (trades 2 units of dock for 0.01 QED), ibuprofen (best QED);
    // aspirin is dominated by ibuprofen, so it is alone in front 2
    MoleculeSet all = select(csv(HEADER, ROWS), "count", "4", "max_similarity", "1");

    assertThat(all.candidates()).extracting(Candidate::id)
        .containsExactly("imatinib", "desmethyl", "ibuprofen", "aspirin");
    assertThat(all.candidates()).extracting(c -> c.property("pareto_front").orElseThrow())
        .containsExactly("1", "1", "1", "2");
    assertThat(all.candidates()).extracting(c -> c.property("rank").orElseThrow())
        .containsExactly("1", "2", "3", "4");

    // with diversity, desmethyl-imatinib is imatinib's near-duplicate and gives way to the next front
    MoleculeSet diverse = select(csv(HEADER, ROWS), "count", "3", "max_similarity", "0.6");
    assertThat(diverse.candidates()).extracting(Candidate::id).containsExactly("imatinib", "ibuprofen", "aspirin");
  }

  @Test
  void shouldBreakEqualDockingScoresInAFrontById() throws Exception {
    // one front of three on (dock, -QED, SA): beta and alpha dock equally and trade QED for SA; every member is an
    // extreme of some objective, so crowding ties (infinite) and the id decides; gamma docks worse, so it is last
    MoleculeSet ranked = select(csv("id,smiles,dock_score,qed,sa_score", List.of(
        "beta,CCO,-50,0.6,3",
        "gamma,CCCl,-40,0.95,0.5",
        "alpha,CCN,-50,0.9,5")), "count", "3", "max_similarity", "1");

    assertThat(ranked.candidates()).extracting(Candidate::id).containsExactly("alpha", "beta", "gamma");
    assertThat(ranked.candidates()).allSatisfy(c -> assertThat(c.property("pareto_front")).contains("1"));
  }

  @Test
  void shouldRankMoleculesWithBrenkAlertsAfterEveryCleanOne() throws Exception {
    List<String> rows = new ArrayList<>();
    for (String row : ROWS) {
      rows.add(row + (row.startsWith("imatinib") ? ",Michael_acceptor_1;thiol" : ","));
    }
    ToolOutput out = new SelectTool().execute(context, new ToolArguments(Map.of("molecules",
        csv(HEADER + ",brenk", rows), "count", "4", "max_similarity", "1")));

    MoleculeSet selected = context.read(out.artifact());
    assertThat(selected.candidates()).extracting(Candidate::id)
        .containsExactly("desmethyl", "ibuprofen", "aspirin", "imatinib");
    assertThat(selected.candidates()).extracting(c -> c.property("pareto_front").orElseThrow())
        .containsExactly("1", "1", "2", "3");
    assertThat(out.summary()).contains("1 with Brenk alerts ranked after the clean");
  }

  @Test
  void shouldUseTheSaScoreAsAThirdObjectiveWhenEveryRowHasOne() throws Exception {
    // aspirin is easier to make than ibuprofen, so ibuprofen no longer dominates it
    List<String> rows = List.of(ROWS.get(0) + ",2.5", ROWS.get(1) + ",2.6", ROWS.get(2) + ",1.2",
        ROWS.get(3) + ",2.0");
    ToolOutput out = new SelectTool().execute(context, new ToolArguments(Map.of("molecules",
        csv(HEADER + ",sa_score", rows), "count", "4", "max_similarity", "1")));

    MoleculeSet selected = context.read(out.artifact());
    assertThat(selected.candidates()).allSatisfy(c -> assertThat(c.property("pareto_front")).contains("1"));
    assertThat(out.summary()).contains("Pareto rank over docking score, QED and SA score");

    // one row without it: two objectives, as before
    List<String> partial = List.of(ROWS.get(0) + ",2.5", ROWS.get(1) + ",2.6", ROWS.get(2) + ",", ROWS.get(3)
        + ",2.0");
    assertThat(new SelectTool().execute(context, new ToolArguments(Map.of("molecules",
        csv(HEADER + ",sa_score", partial)))).summary()).contains("over docking score, QED)")
        .doesNotContain("SA score");
  }

  @Test
  void shouldGiveTheSameSelectionWhateverTheInputOrder() throws Exception {
    List<String> rows = new ArrayList<>(ROWS);
    rows.add("paracetamol,CC(=O)Nc1ccc(O)cc1,paracetamol,,seed,-48,0.60");
    rows.add("caffeine,Cn1c(=O)c2c(ncn2C)n(C)c1=O,caffeine,,seed,-43,0.55");
    ToolOutput first = new SelectTool().execute(context, new ToolArguments(Map.of("molecules", csv(HEADER, rows),
        "count", "5")));
    Collections.reverse(rows);
    ToolOutput reversed = new SelectTool().execute(context, new ToolArguments(Map.of("molecules",
        csv(HEADER, rows), "count", "5")));
    Collections.swap(rows, 0, 3);
    ToolOutput swapped = new SelectTool().execute(context, new ToolArguments(Map.of("molecules",
        csv(HEADER, rows), "count", "5")));

    assertThat(reversed.artifact()).isEqualTo(first.artifact());
    assertThat(swapped.artifact()).isEqualTo(first.artifact());
  }

  @Test
  void shouldRankUndockedMoleculesLastAndUseParentScoresBeforeDocking() throws Exception {
    List<String> rows = new ArrayList<>(ROWS);
    rows.add("unbuilt,CC(C)NCC(O)c1ccc(O)c(O)c1,unbuilt,,seed,,0.95");
    MoleculeSet selected = select(csv(HEADER, rows), "count", "5", "max_similarity", "1");
    assertThat(selected.candidates().get(4).id()).isEqualTo("unbuilt");

    // the triage: no docking yet, so the parents' best docking score stands in for it
    String triage = csv("id,smiles,parent_dock_score,qed", List.of(
        "good-parent,CC(C)Cc1ccc(C(C)C(=O)O)cc1,-100,0.70",
        "weak-parent,CC(=O)Nc1ccc(O)cc1,-50,0.71",
        "seed-only,Cn1c(=O)c2c(ncn2C)n(C)c1=O,,0.95"));
    ToolOutput out = new SelectTool().execute(context, new ToolArguments(Map.of("molecules", triage,
        "max_similarity", "1")));
    assertThat(context.read(out.artifact()).candidates()).extracting(Candidate::id)
        .containsExactly("good-parent", "weak-parent", "seed-only");
    assertThat(out.summary()).contains("parents' docking score, QED").contains("1 without a docking value");
  }

  /**
   * The triage's exploit share: front 1 over (parents' docking score, QED) is a1, c1, b1 (ordered by the parents'
   * score); without the share the budget of three goes there, with all of it the three analogues of the best binder
   * (a1-a3, whatever their QED) are docked, and with two thirds the best two of them, then the front.
   */
  @Test
  void shouldGiveTheExploitShareToTheAnaloguesOfTheBestBinderFirst() throws Exception {
    String triage = csv("id,smiles,parent_dock_score,qed", List.of(
        "a1,CCO,-100,0.40", "a2,CCN,-100,0.38", "a3,CCCl,-100,0.35",
        "b1,c1ccccc1,-60,0.90", "b2,CC(=O)O,-60,0.85", "c1,CCCC,-80,0.70"));

    assertThat(select(triage, "count", "3", "max_similarity", "1").candidates()).extracting(Candidate::id)
        .containsExactly("a1", "c1", "b1");
    assertThat(select(triage, "count", "3", "max_similarity", "1", "exploit", "1").candidates())
        .extracting(Candidate::id).containsExactly("a1", "a2", "a3");
    ToolOutput split = new SelectTool().execute(context, new ToolArguments(Map.of("molecules", triage,
        "count", "3", "max_similarity", "1", "exploit", "0.67")));
    assertThat(context.read(split.artifact()).candidates()).extracting(Candidate::id)
        .containsExactly("a1", "a2", "c1");
    assertThat(split.summary()).contains("the first 2 are analogues of the best binders");
  }

  /**
   * The triage leaves out what earlier rounds docked (matched by id, which is the structure's): the budget goes to
   * the next molecules of the ranking, and the summary says how many were left out.
   */
  @Test
  void shouldLeaveOutTheMoleculesOfTheExcludedSetsAndSayHowMany() throws Exception {
    String triage = csv("id,smiles,parent_dock_score,qed", List.of(
        "a1,CCO,-100,0.40", "b1,c1ccccc1,-60,0.90", "c1,CCCC,-80,0.70", "d1,CCCCO,-70,0.60"));
    String round1 = csv("id,smiles,dock_score,qed", List.of("a1,CCO,-71,0.40"));
    String round2 = csv("id,smiles,dock_score,qed", List.of("b1,c1ccccc1,-55,0.90", "z9,CCCCCC,-50,0.5"));

    assertThat(select(triage, "count", "3", "max_similarity", "1").candidates()).extracting(Candidate::id)
        .containsExactly("a1", "c1", "b1");
    ToolOutput out = new SelectTool().execute(context, new ToolArguments(Map.of("molecules", triage,
        "count", "3", "max_similarity", "1", "exclude", round1 + ", " + round2)));
    assertThat(context.read(out.artifact()).candidates()).extracting(Candidate::id).containsExactly("c1", "d1");
    assertThat(out.summary()).contains("selected 2 of 2").contains("left out 2 already in the excluded sets");

    ToolOutput none = new SelectTool().execute(context, new ToolArguments(Map.of("molecules", round1,
        "exclude", round1)));
    assertThat(context.read(none.artifact()).candidates()).isEmpty();
    assertThat(none.summary()).contains("nothing to select").contains("left out 1");
  }

  @Test
  void shouldLeaveTheRankingAloneWhereThereIsNothingToExploitAndRefuseAShareOutsideZeroToOne() throws Exception {
    // docked molecules (a selection, not a triage): the share does not apply
    assertThat(select(csv(HEADER, ROWS), "count", "4", "max_similarity", "1", "exploit", "1").candidates())
        .extracting(Candidate::id).containsExactly("imatinib", "desmethyl", "ibuprofen", "aspirin");
    // round 1's triage: the seeds' analogues carry no parents' docking score yet
    String round1 = csv("id,smiles,qed", List.of("x,CCO,0.5", "y,CCN,0.9"));
    assertThat(select(round1, "count", "2", "max_similarity", "1", "exploit", "1").candidates())
        .extracting(Candidate::id).containsExactly("y", "x");

    assertThatThrownBy(() -> select(round1, "exploit", "1.5"))
        .isInstanceOf(ToolException.class).hasMessageContaining("parameter 'exploit' must be between 0.0 and 1.0");
  }

  @Test
  void shouldKeepTheCombinedScoreBehindTheRankingParameterAndRefuseOthers() throws Exception {
    String input = csv(HEADER, ROWS);
    MoleculeSet combined = select(input, "ranking", "combined", "count", "3", "max_similarity", "0.6");
    assertThat(combined.candidates()).extracting(Candidate::id).containsExactly("imatinib", "ibuprofen", "aspirin");
    assertThat(combined.candidates().get(0).property("combined_score")).isPresent();
    assertThat(combined.candidates().get(0).property("pareto_front")).isEmpty();

    assertThatThrownBy(() -> select(input, "ranking", "weighted"))
        .isInstanceOf(ToolException.class).hasMessageContaining("parameter 'ranking' must be pareto or combined");
  }

  private MoleculeSet select(String molecules, String... args) throws Exception {
    Map<String, String> map = new HashMap<>(Map.of("molecules", molecules));
    for (int i = 0; i < args.length; i += 2) {
      map.put(args[i], args[i + 1]);
    }
    return context.read(new SelectTool().execute(context, new ToolArguments(map)).artifact());
  }

  private String csv(String header, List<String> rows) throws Exception {
    return context.putCsv(header + "\n" + String.join("\n", rows) + "\n");
  }
}
