package io.nightshift.examples.drugdiscovery.chem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BrenkFilterTest {
  /** name, SMILES and the Brenk filters RDKit's FilterCatalog reports (scripts/generate_brenk_reference.py). */
  record Expected(String name, String smiles, List<String> brenk) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Expected> panel() throws Exception {
    try (var in = BrenkFilterTest.class.getResourceAsStream(
        "/io/nightshift/examples/drugdiscovery/brenk_reference.tsv")) {
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .filter(l -> !l.startsWith("#") && !l.startsWith("name\t"))
          .map(l -> l.split("\t", -1))
          .map(f -> new Expected(f[0], f[1], f[2].isEmpty() ? List.of() : Arrays.asList(f[2].split(";"))))
          .toList();
    }
  }

  @Test
  void shouldLoadAllHundredAndFiveFilters() {
    assertThat(BrenkFilter.size()).isEqualTo(105);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("panel")
  void shouldFindTheSameBrenkFiltersAsRdkitInTheSameOrder(Expected expected) throws Exception {
    List<String> hits = BrenkFilter.matches(MoleculeParser.parse(expected.smiles()));

    assertThat(hits).containsExactlyElementsOf(expected.brenk());
  }

  @Test
  void shouldFlagTheGeminalChlorohydrinThatPainsMisses() throws Exception {
    Molecule chlorohydrin = MoleculeParser.parse("CC(C)NCC(CC1=NCC(=O)N(C)C2=C1C=C(C=C2)Cl)(Cl)O");

    assertThat(PainsFilter.matches(chlorohydrin)).isEmpty();
    assertThat(BrenkFilter.matches(chlorohydrin)).containsExactly("alkyl_halide");
  }

  @Test
  void shouldCoverSeedsAnaloguesAndTextbookChemotypesWithHitsAndCleanMolecules() throws Exception {
    List<Expected> panel = panel();
    assertThat(panel.stream().filter(e -> e.name().startsWith("generation"))).hasSizeGreaterThanOrEqualTo(40);
    assertThat(panel.stream().filter(e -> e.name().startsWith("generation") && !e.brenk().isEmpty()))
        .hasSizeGreaterThanOrEqualTo(10);
    assertThat(panel.stream().filter(e -> !e.brenk().isEmpty())).hasSizeGreaterThanOrEqualTo(60);
    assertThat(panel.stream().filter(e -> e.brenk().isEmpty())).hasSizeGreaterThanOrEqualTo(40);
    assertThat(panel.stream().flatMap(e -> e.brenk().stream()).distinct()).hasSizeGreaterThanOrEqualTo(50);
  }
}
