package io.nightshift.examples.drugdiscovery.chem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SyntheticAccessibilityTest {
  static List<SaReference> molecules() {
    return SaReference.load();
  }

  @Test
  void shouldStayWithinFiveHundredthsOfRdkitForEveryReferenceMolecule() throws Exception {
    List<SaReference> molecules = molecules();
    double maxDeviation = 0;
    String worst = "none";
    for (SaReference ref : molecules) {
      double deviation = Math.abs(SyntheticAccessibility.score(MoleculeParser.parse(ref.smiles())) - ref.saScore());
      if (deviation > maxDeviation) {
        maxDeviation = deviation;
        worst = ref.name();
      }
    }
    System.out.printf("SA score vs RDKit 2022.09 Contrib sascorer over %d molecules: max |deviation| %.6f (%s)%n",
        molecules.size(), maxDeviation, worst);
    assertThat(molecules).hasSizeGreaterThanOrEqualTo(30);
    assertThat(maxDeviation).as("largest SA score deviation, at %s", worst).isLessThanOrEqualTo(0.05);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("molecules")
  void shouldComputeEveryTermOfTheScoreAsRdkitDoes(SaReference ref) throws Exception {
    SyntheticAccessibility.Terms terms = SyntheticAccessibility.terms(MoleculeParser.parse(ref.smiles()));

    assertThat(terms.atoms()).as("heavy atoms").isEqualTo(ref.terms().atoms());
    assertThat(terms.stereoCentres()).as("stereocentres, unassigned included")
        .isEqualTo(ref.terms().stereoCentres());
    assertThat(terms.spiroAtoms()).as("spiro atoms").isEqualTo(ref.terms().spiroAtoms());
    assertThat(terms.bridgeheads()).as("bridgehead atoms").isEqualTo(ref.terms().bridgeheads());
    assertThat(terms.macrocycles()).as("rings of more than 8 atoms").isEqualTo(ref.terms().macrocycles());
    assertThat(terms.distinctEnvironments()).as("distinct Morgan environments")
        .isEqualTo(ref.terms().distinctEnvironments());
    assertThat(terms.fragmentScore()).as("mean fragment contribution")
        .isCloseTo(ref.terms().fragmentScore(), within(1e-6));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("molecules")
  void shouldProduceRdkitsMorganEnvironmentIdsAndCounts(SaReference ref) throws Exception {
    assertThat(MorganEnvironments.counts(MoleculeParser.parse(ref.smiles()), 2))
        .containsExactlyEntriesOf(ref.morganCounts());
  }

  @Test
  void shouldCoverEveryComplexityTermInTheReference() {
    // the penalties are only checked if some reference molecule has them
    List<SaReference> molecules = molecules();
    assertThat(molecules).anyMatch(r -> r.terms().stereoCentres() >= 2);
    assertThat(molecules).anyMatch(r -> r.terms().spiroAtoms() > 0);
    assertThat(molecules).anyMatch(r -> r.terms().bridgeheads() > 0);
    assertThat(molecules).anyMatch(r -> r.terms().macrocycles() > 0);
    assertThat(molecules).anyMatch(r -> r.name().startsWith("analogue"));
  }

  @Test
  void shouldRateACagedNaturalProductHarderThanAspirin() throws Exception {
    double aspirin = SyntheticAccessibility.score(MoleculeParser.parse("CC(=O)OC1=CC=CC=C1C(=O)O"));
    double hyoscyamine = SyntheticAccessibility.score(MoleculeParser.parse("CN1C2CCC1CC(C2)OC(=O)C(CO)c1ccccc1"));

    assertThat(aspirin).isBetween(1.0, 2.0);
    assertThat(hyoscyamine).isGreaterThan(aspirin + 2);
  }

  @Test
  void shouldClampTheScoreToOneToTen() {
    assertThat(SyntheticAccessibility.score(new SyntheticAccessibility.Terms(3, 10, 10, 0, 0, 0, 0))).isEqualTo(1);
    assertThat(SyntheticAccessibility.score(new SyntheticAccessibility.Terms(-4, 90, 100, 20, 5, 8, 2)))
        .isEqualTo(10);
  }
}
