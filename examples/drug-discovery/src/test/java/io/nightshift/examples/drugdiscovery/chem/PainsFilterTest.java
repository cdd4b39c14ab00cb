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

class PainsFilterTest {
  /** name, SMILES and the PAINS filters RDKit's FilterCatalog reports (scripts/generate_pains_reference.py). */
  record Expected(String name, String smiles, List<String> pains) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Expected> panel() throws Exception {
    try (var in = PainsFilterTest.class.getResourceAsStream(
        "/io/nightshift/examples/drugdiscovery/pains_reference.csv")) {
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .filter(l -> !l.startsWith("#") && !l.startsWith("name,"))
          .map(l -> l.split(",", -1))
          .map(f -> new Expected(f[0], f[1], f[2].isEmpty() ? List.of() : Arrays.asList(f[2].split("\\|"))))
          .toList();
    }
  }

  @Test
  void shouldLoadAllFourHundredEightyFilters() {
    assertThat(PainsFilter.size()).isEqualTo(480);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("panel")
  void shouldFindTheSamePainsFiltersAsRdkit(Expected expected) throws Exception {
    List<String> hits = PainsFilter.matches(MoleculeParser.parse(expected.smiles()));

    assertThat(hits).containsExactlyInAnyOrderElementsOf(expected.pains());
  }

  @Test
  void shouldFlagTextbookChemotypesButNoApprovedSeedDrug() throws Exception {
    List<Expected> panel = panel();
    assertThat(panel.stream().filter(e -> !e.pains().isEmpty())).hasSizeGreaterThanOrEqualTo(5);
    assertThat(panel.stream().filter(e -> e.pains().isEmpty())).hasSizeGreaterThanOrEqualTo(20);
  }
}
