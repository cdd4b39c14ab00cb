package io.nightshift.examples.drugdiscovery.chem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalogueGeneratorTest {
  private static List<Molecule> parents() throws InvalidMoleculeException {
    List<Molecule> parents = new ArrayList<>();
    for (String smiles : List.of(
        "Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1",
        "COc1cc2ncnc(Nc3ccc(F)c(Cl)c3)c2cc1OCCCN1CCOCC1",
        "CC(C)Cc1ccc(C(C)C(=O)O)cc1",
        "CNC(=O)c1cc(Oc2ccc(NC(=O)Nc3ccc(Cl)c(C(F)(F)F)c3)cc2)ccn1")) {
      parents.add(MoleculeParser.parse(smiles));
    }
    return parents;
  }

  @Test
  void shouldProduceOnlyValidSanitisedNewMolecules() throws Exception {
    List<Molecule> parents = parents();
    Set<String> parentSmiles = new HashSet<>();
    parents.forEach(p -> parentSmiles.add(p.canonicalSmiles()));

    List<Analogue> analogues = AnalogueGenerator.generate(parents, 60, 7);

    assertThat(analogues).hasSize(60);
    Set<String> seen = new HashSet<>();
    for (Analogue a : analogues) {
      String smiles = a.molecule().canonicalSmiles();
      assertThat(MoleculeParser.canonical(smiles)).as("re-parses to itself").isEqualTo(smiles);
      assertThat(parentSmiles).as("not a parent").doesNotContain(smiles);
      assertThat(seen.add(smiles)).as("unique: " + smiles).isTrue();
      assertThat(a.molecule().heavyAtomCount()).isBetween(AnalogueGenerator.MIN_HEAVY_ATOMS,
          AnalogueGenerator.MAX_HEAVY_ATOMS);
      assertThat(a.parents()).isNotEmpty().allSatisfy(i -> assertThat(i).isBetween(0, parents.size() - 1));
    }
  }

  @Test
  void shouldGiveTheSameAnaloguesForTheSameSeedAndOthersForAnotherSeed() throws Exception {
    List<String> first = smiles(AnalogueGenerator.generate(parents(), 30, 42));
    List<String> again = smiles(AnalogueGenerator.generate(parents(), 30, 42));
    List<String> other = smiles(AnalogueGenerator.generate(parents(), 30, 43));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void shouldUseMutationsFragmentSwapsAndCrossovers() throws Exception {
    List<Analogue> analogues = AnalogueGenerator.generate(parents(), 100, 1);

    assertThat(analogues).extracting(Analogue::operator).contains(
        "atom-swap", "add-substituent", "remove-substituent", "fragment-swap", "crossover");
    assertThat(analogues.stream().filter(a -> a.operator().equals("crossover")))
        .anySatisfy(a -> assertThat(a.parents()).hasSize(2));
  }

  @Test
  void shouldMakeOnlyPointMutationsOfTheWeightedParentsNearThem() throws Exception {
    List<Molecule> parents = parents();
    Set<String> already = new HashSet<>(smiles(AnalogueGenerator.generate(parents, 40, 3)));

    List<Analogue> near = AnalogueGenerator.generateNear(parents, new double[] {0, 1, 0, 1}, 60, 3, already);

    assertThat(near).hasSize(60);
    assertThat(near).allSatisfy(a -> {
      assertThat(a.operator()).isIn("atom-swap", "add-substituent", "remove-substituent");
      assertThat(a.parents()).singleElement().isIn(1, 3);
    });
    assertThat(near).extracting(Analogue::operator).contains("atom-swap", "add-substituent", "remove-substituent");
    Set<String> made = new HashSet<>(smiles(near));
    assertThat(made).hasSize(60).doesNotContainAnyElementsOf(already)
        .doesNotContainAnyElementsOf(smiles(parents.stream().map(m -> new Analogue(m, List.of(), "")).toList()));
    assertThat(smiles(AnalogueGenerator.generateNear(parents, new double[] {0, 1, 0, 1}, 60, 3, already)))
        .isEqualTo(smiles(near));
    assertThatThrownBy(() -> AnalogueGenerator.generateNear(parents, null, 5, 3, Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights");
  }

  @Test
  void shouldRefuseAnEmptyParentSet() {
    assertThatThrownBy(() -> AnalogueGenerator.generate(List.of(), 10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parent");
  }

  private static List<String> smiles(List<Analogue> analogues) {
    return analogues.stream().map(a -> a.molecule().canonicalSmiles()).toList();
  }
}
