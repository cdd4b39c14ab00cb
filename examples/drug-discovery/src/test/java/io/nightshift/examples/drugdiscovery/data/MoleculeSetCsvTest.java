package io.nightshift.examples.drugdiscovery.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MoleculeSetCsvTest {
  @Test
  void shouldRoundTripCandidatesWithLineageQuotesAndProperties() {
    TreeMap<String, String> props = new TreeMap<>();
    props.put("qed", "0.550060");
    props.put("dock_score", "-46.8");
    MoleculeSet set = new MoleculeSet(List.of(
        Candidate.seed("aspirin", "CC(=O)Oc1ccccc1C(=O)O", "aspirin, \"ASA\""),
        new Candidate("g1", "CC(=O)Oc1ccccc1C(=O)OC", "", List.of("aspirin", "ibuprofen"), "crossover", props)));

    MoleculeSet back = MoleculeSetCsv.read(MoleculeSetCsv.write(set));

    assertThat(back).isEqualTo(set);
    assertThat(back.candidates().get(1).number("dock_score")).contains(-46.8);
  }

  @Test
  void shouldWriteByteIdenticalFilesForEqualSets() {
    MoleculeSet a = new MoleculeSet(List.of(Candidate.seed("x", "CCO", "ethanol").with("qed", "0.4")));
    MoleculeSet b = new MoleculeSet(List.of(Candidate.seed("x", "CCO", "ethanol").with("qed", "0.4")));

    assertThat(MoleculeSetCsv.write(a)).isEqualTo(MoleculeSetCsv.write(b));
  }

  @Test
  void shouldAcceptAHandWrittenNameAndSmilesFileWithComments() {
    String text = "# my seeds\nname,smiles\nethanol,CCO\n\nphenol,c1ccccc1O\n";

    MoleculeSet set = MoleculeSetCsv.read(text.getBytes(StandardCharsets.UTF_8));

    assertThat(set.candidates()).extracting(Candidate::id).containsExactly("ethanol", "phenol");
    assertThat(set.candidates().get(0).origin()).isEqualTo("unknown");
  }

  @Test
  void shouldNameTheLineOfAMalformedRow() {
    assertThatThrownBy(() -> MoleculeSetCsv.read("name,smiles\na,CCO\nb,CCN,extra\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 3");
    assertThatThrownBy(() -> MoleculeSetCsv.read("name,formula\na,C2H6O\n".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("'smiles' column");
  }

  @Test
  void shouldReadAnEmptyFileAsAnEmptySet() {
    assertThat(MoleculeSetCsv.read(new byte[0]).isEmpty()).isTrue();
    assertThat(MoleculeSetCsv.read(MoleculeSetCsv.write(MoleculeSet.empty())).isEmpty()).isTrue();
  }
}
