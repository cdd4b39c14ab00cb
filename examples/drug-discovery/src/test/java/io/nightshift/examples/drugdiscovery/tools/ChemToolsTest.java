package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolProvider;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChemToolsTest {
  @TempDir Path dir;
  private RecordingToolContext context;
  private Map<String, Tool> tools;

  @BeforeEach
  void setUp() throws Exception {
    context = new RecordingToolContext(dir);
    tools = ServiceLoader.load(ToolProvider.class).stream()
        .filter(p -> p.type() == ChemToolProvider.class)
        .flatMap(p -> p.get().tools().stream())
        .collect(Collectors.toMap(t -> t.descriptor().name(), t -> t));
  }

  private ToolOutput run(String tool, Map<String, String> args) {
    return tools.get(tool).execute(context, new ToolArguments(args));
  }

  @Test
  void shouldRegisterTheChemistryToolsThroughServiceLoader() {
    assertThat(tools).containsKeys("chem.seeds", "chem.generate", "chem.filter", "chem.dock", "chem.select",
        "chem.report");
  }

  @Test
  void shouldLoadTheSeedLibraryIdempotently() throws Exception {
    ToolOutput first = run("chem.seeds", Map.of());
    ToolOutput second = run("chem.seeds", Map.of());

    assertThat(second.artifact()).isEqualTo(first.artifact());
    MoleculeSet seeds = context.read(first.artifact());
    assertThat(seeds.size()).isEqualTo(32);
    assertThat(seeds.byId()).containsKey("imatinib");
    assertThat(seeds.candidates()).allSatisfy(c -> assertThat(c.origin()).isEqualTo("seed"));
    assertThat(context.read(run("chem.seeds", Map.of("limit", "5")).artifact()).size()).isEqualTo(5);
  }

  @Test
  void shouldFilterAndCountWhatItDrops() throws Exception {
    String input = context.putCsv("""
        name,smiles
        aspirin,CC(=O)Oc1ccccc1C(=O)O
        aspirin-again,OC(=O)c1ccccc1OC(C)=O
        broken,C1CC(
        rhodanine,O=C1NC(=S)SC1=Cc1ccccc1
        grease,CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC(=O)NC(CO)C(O)C(O)C(O)C(N)C(NC(N)=O)C(=O)O
        ibuprofen,CC(C)Cc1ccc(C(C)C(=O)O)cc1
        chlorohydrin,CC(C)NCC(CC1=NCC(=O)N(C)C2=C1C=C(C=C2)Cl)(Cl)O
        """);

    ToolOutput out = run("chem.filter", Map.of("molecules", input));

    MoleculeSet kept = context.read(out.artifact());
    assertThat(kept.candidates()).extracting(Candidate::id).containsExactly("ibuprofen");
    Candidate ibuprofen = kept.candidates().get(0);
    assertThat(ibuprofen.number("qed").orElseThrow()).isBetween(0.81, 0.83);
    assertThat(ibuprofen.number("mw").orElseThrow()).isCloseTo(206.28, Assertions.within(0.01));
    assertThat(ibuprofen.property("brenk")).as("clean: an empty cell, read back as absent").isEmpty();
    assertThat(out.summary()).contains("kept 1 of 7", "1 invalid SMILES", "1 duplicates", "1 PAINS", "1 rule of five",
        "2 Brenk");
    assertThat(run("chem.filter", Map.of("molecules", input)).artifact()).isEqualTo(out.artifact());
  }

  @Test
  void shouldKeepAndNameBrenkAlertsWhenTheyAreNotRejected() throws Exception {
    String input = context.putCsv("""
        name,smiles
        aspirin,CC(=O)Oc1ccccc1C(=O)O
        ibuprofen,CC(C)Cc1ccc(C(C)C(=O)O)cc1
        chlorohydrin,CC(C)NCC(CC1=NCC(=O)N(C)C2=C1C=C(C=C2)Cl)(Cl)O
        """);

    ToolOutput out = run("chem.filter", Map.of("molecules", input, "reject_brenk", "false"));

    assertThat(context.read(out.artifact()).candidates()).extracting(c -> c.property("brenk").orElse(""))
        .containsExactly("phenol_ester", "", "alkyl_halide");
    assertThat(out.summary()).contains("kept 3 of 3", "0 Brenk");
    assertPermanent(() -> run("chem.filter", Map.of("molecules", input, "reject_brenk", "maybe")), "reject_brenk");
  }

  @Test
  void shouldRejectBadReferencesAndParametersWithPermanentErrors() throws Exception {
    String input = context.putCsv("name,smiles\naspirin,CC(=O)Oc1ccccc1C(=O)O\n");
    String missing = "artifact:sha256:" + "0".repeat(64);
    String noSmiles = context.putCsv("name\nx\n");
    String allInvalid = context.putCsv("name,smiles\nbad,C1CC(\n");

    assertPermanent(() -> run("chem.filter", Map.of()), "'molecules' is required");
    assertPermanent(() -> run("chem.filter", Map.of("molecules", "/tmp/x.csv")), "artifact:sha256");
    assertPermanent(() -> run("chem.filter", Map.of("molecules", missing)), "not in the store");
    assertPermanent(() -> run("chem.filter", Map.of("molecules", noSmiles)), "'smiles' column");
    assertPermanent(() -> run("chem.filter", Map.of("molecules", input, "min_qed", "2")), "min_qed");
    assertPermanent(() -> run("chem.select", Map.of("molecules", input, "count", "0")), "count");
    assertPermanent(() -> run("chem.dock", Map.of("molecules", input, "effort", "max")), "effort");
    assertPermanent(() -> run("chem.generate", Map.of("molecules", input, "seed", "x")), "seed");
    assertPermanent(() -> run("chem.generate", Map.of("molecules", allInvalid)),
        "no valid parent molecules");
  }

  @Test
  void shouldPassEmptyRoundsThroughWithAClearSummary() throws Exception {
    String empty = context.putCsv("id,smiles,name,parents,origin\n");

    assertThat(run("chem.filter", Map.of("molecules", empty)).summary()).contains("empty input");
    assertThat(run("chem.select", Map.of("molecules", empty)).summary()).contains("empty input");
    assertThat(run("chem.dock", Map.of("molecules", empty)).summary()).contains("empty input");
  }

  @Test
  void shouldGenerateAnaloguesWithLineageDeterministically() throws Exception {
    String seeds = run("chem.seeds", Map.of("limit", "6")).artifact().uri();

    ToolOutput out = run("chem.generate", Map.of("molecules", seeds, "count", "25", "seed", "3", "round", "1"));

    MoleculeSet generated = context.read(out.artifact());
    Map<String, Candidate> parents = context.read(context.artifacts().resolve(seeds)).byId();
    assertThat(generated.size()).isEqualTo(25);
    assertThat(generated.candidates()).allSatisfy(c -> {
      assertThat(c.id()).startsWith("NS-");
      assertThat(c.origin()).startsWith("mutate:");
      assertThat(c.property("round")).contains("1");
      assertThat(parents.keySet()).containsAll(c.parents());
    });
    assertThat(run("chem.generate", Map.of("molecules", seeds, "count", "25", "seed", "3", "round", "1"))
        .artifact()).isEqualTo(out.artifact());
  }

  @Test
  void shouldSelectByCombinedScoreKeepingDiversity() throws Exception {
    String scored = context.putCsv("""
        id,smiles,name,parents,origin,dock_score,qed
        imatinib,Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1,imatinib,,seed,-114,0.39
        desmethyl,Cc1ccc(NC(=O)c2ccc(CN3CCNCC3)cc2)cc1Nc1nccc(-c2cccnc2)n1,desmethyl,imatinib,mutate:x,-112,0.40
        aspirin,CC(=O)Oc1ccccc1C(=O)O,aspirin,,seed,-43,0.55
        ibuprofen,CC(C)Cc1ccc(C(C)C(=O)O)cc1,ibuprofen,,seed,-48,0.82
        """);

    MoleculeSet selected = context.read(run("chem.select", Map.of("molecules", scored, "count", "3",
        "max_similarity", "0.6", "ranking", "combined")).artifact());

    // desmethyl-imatinib scores close to imatinib but is its near-duplicate, so the third place goes elsewhere
    assertThat(selected.candidates()).extracting(Candidate::id).containsExactly("imatinib", "ibuprofen", "aspirin");
    assertThat(selected.candidates()).extracting(c -> c.property("rank").orElseThrow()).containsExactly("1", "2", "3");

    MoleculeSet byQed = context.read(run("chem.select", Map.of("molecules", scored, "dock_weight", "0",
        "ranking", "combined")).artifact());
    assertThat(byQed.candidates().get(0).id()).isEqualTo("ibuprofen");
  }

  private static void assertPermanent(Runnable call, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ToolException.class)
        .hasMessageContaining(messagePart)
        .satisfies(e -> assertThat(((ToolException) e).retryable()).isFalse());
  }
}
