package io.nightshift.examples.drugdiscovery.chem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static Fingerprint ecfp4(String smiles) throws InvalidMoleculeException {
    return Fingerprint.ecfp4(MoleculeParser.parse(smiles));
  }

  @Test
  void shouldGiveTanimotoOneForAMoleculeWithItself() throws Exception {
    for (ReferenceValues drug : ReferenceValues.load()) {
      Fingerprint fp = ecfp4(drug.smiles());
      assertThat(fp.tanimoto(fp)).as(drug.name()).isEqualTo(1.0);
      assertThat(fp.tanimoto(ecfp4(drug.smiles()))).as(drug.name() + " recomputed").isEqualTo(1.0);
    }
  }

  @Test
  void shouldRateCloseAnaloguesMoreSimilarThanUnrelatedDrugs() throws Exception {
    Fingerprint imatinib = ecfp4("Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1");
    Fingerprint desmethylImatinib = ecfp4("Cc1ccc(NC(=O)c2ccc(CN3CCNCC3)cc2)cc1Nc1nccc(-c2cccnc2)n1");
    Fingerprint aspirin = ecfp4("CC(=O)Oc1ccccc1C(=O)O");

    assertThat(imatinib.tanimoto(desmethylImatinib)).isGreaterThan(0.6).isLessThan(1.0);
    assertThat(imatinib.tanimoto(aspirin)).isLessThan(0.2);
    assertThat(imatinib.tanimoto(aspirin)).isEqualTo(aspirin.tanimoto(imatinib));
  }

  @Test
  void shouldPickOneRepresentativePerChemicalSeriesBestFirst() throws Exception {
    List<Fingerprint> ranked = List.of(
        ecfp4("Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1"),
        ecfp4("Cc1ccc(NC(=O)c2ccc(CN3CCNCC3)cc2)cc1Nc1nccc(-c2cccnc2)n1"),
        ecfp4("CC(=O)Oc1ccccc1C(=O)O"),
        ecfp4("CC(=O)Oc1ccccc1C(=O)OC"),
        ecfp4("Cn1c(=O)c2c(ncn2C)n(C)c1=O"));

    assertThat(DiversityPicker.pick(ranked, 0.5, 10)).containsExactly(0, 2, 4);
    assertThat(DiversityPicker.pick(ranked, 0.5, 2)).containsExactly(0, 2);
    assertThat(DiversityPicker.pick(ranked, 1.0, 10)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void shouldClusterAnaloguesTogetherWithButina() throws Exception {
    List<Fingerprint> fps = List.of(
        ecfp4("CC(=O)Oc1ccccc1C(=O)O"),
        ecfp4("Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1"),
        ecfp4("CC(=O)Oc1ccccc1C(=O)OC"),
        ecfp4("Cc1ccc(NC(=O)c2ccc(CN3CCNCC3)cc2)cc1Nc1nccc(-c2cccnc2)n1"));

    int[] clusters = DiversityPicker.butina(fps, 0.5);

    assertThat(clusters[0]).isEqualTo(clusters[2]);
    assertThat(clusters[1]).isEqualTo(clusters[3]);
    assertThat(clusters[0]).isNotEqualTo(clusters[1]);
  }
}
