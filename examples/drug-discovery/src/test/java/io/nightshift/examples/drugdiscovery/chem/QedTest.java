package io.nightshift.examples.drugdiscovery.chem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QedTest {
  static List<ReferenceValues> drugs() {
    return ReferenceValues.load();
  }

  @Test
  void shouldStayWithinOneHundredthOfRdkitQedForAtLeastTwentyDrugs() throws Exception {
    List<ReferenceValues> drugs = drugs();
    double maxDeviation = 0;
    String worst = "";
    for (ReferenceValues ref : drugs) {
      double deviation = Math.abs(Qed.of(MoleculeParser.parse(ref.smiles())) - ref.qed());
      if (deviation > maxDeviation) {
        maxDeviation = deviation;
        worst = ref.name();
      }
    }
    System.out.printf("QED vs RDKit 2022.09 over %d drugs: max |deviation| %.5f (%s)%n", drugs.size(), maxDeviation,
        worst);
    assertThat(drugs).hasSizeGreaterThanOrEqualTo(20);
    assertThat(maxDeviation).as("largest QED deviation, at %s", worst).isLessThan(0.01);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drugs")
  void shouldComputeTheEightQedPropertiesAsRdkitDoes(ReferenceValues ref) throws Exception {
    QedProperties p = Qed.properties(MoleculeParser.parse(ref.smiles()));

    assertThat(p.mw()).as("MW").isCloseTo(ref.mw(), within(0.05));
    assertThat(p.alogp()).as("ALOGP").isCloseTo(ref.alogp(), within(0.01));
    assertThat(p.hba()).as("HBA").isEqualTo(ref.hba());
    assertThat(p.hbd()).as("HBD").isEqualTo(ref.hbd());
    assertThat(p.psa()).as("PSA").isCloseTo(ref.psa(), within(0.01));
    assertThat(p.rotb()).as("ROTB").isEqualTo(ref.rotb());
    assertThat(p.arom()).as("AROM").isEqualTo(ref.arom());
    assertThat(p.alerts()).as("ALERTS").isEqualTo(ref.alerts());
  }

  @Test
  void shouldRateAnAlertLadenReactiveMoleculeFarBelowADrug() throws Exception {
    double drug = Qed.of(MoleculeParser.parse("CC(C)Cc1ccc(C(C)C(=O)O)cc1"));
    double reactive = Qed.of(MoleculeParser.parse("O=C(Cl)c1ccc(C=O)cc1N=NC(=S)Cl"));

    assertThat(drug).isGreaterThan(0.8);
    assertThat(reactive).isLessThan(drug / 2);
  }
}
