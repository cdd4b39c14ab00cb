package io.nightshift.examples.drugdiscovery.chem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MoleculeParserTest {
  @Test
  void shouldGiveEqualCanonicalSmilesForDifferentSpellingsOfTheSameMolecule() throws Exception {
    String kekule = MoleculeParser.canonical("OC(=O)C1=CC=CC=C1OC(C)=O");
    String aromatic = MoleculeParser.canonical("CC(=O)Oc1ccccc1C(=O)O");

    assertThat(kekule).isEqualTo(aromatic);
  }

  @Test
  void shouldKeepTheLargestFragmentOfASalt() throws Exception {
    assertThat(MoleculeParser.canonical("CC(=O)Oc1ccccc1C(=O)[O-].[Na+]"))
        .isEqualTo(MoleculeParser.canonical("CC(=O)Oc1ccccc1C(=O)[O-]"));
  }

  @Test
  void shouldFoldExplicitHydrogensIntoTheStructure() throws Exception {
    assertThat(MoleculeParser.parse("[H]OC([H])([H])[H]").heavyAtomCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"C1CC", "c1cccc1", "C(C)(C)(C)(C)C", "not a smiles", "CC)C", "[Xx]C", "C C"})
  void shouldRejectMalformedOrImpossibleSmilesWithATypedError(String smiles) {
    assertThatThrownBy(() -> MoleculeParser.parse(smiles))
        .isInstanceOf(InvalidMoleculeException.class)
        .hasMessageContaining("invalid molecule")
        .satisfies(e -> assertThat(((InvalidMoleculeException) e).smiles()).isEqualTo(smiles));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void shouldRejectEmptyInput(String smiles) {
    assertThatThrownBy(() -> MoleculeParser.parse(smiles))
        .isInstanceOf(InvalidMoleculeException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void shouldRejectMoleculesBeyondTheSizeLimit() {
    assertThatThrownBy(() -> MoleculeParser.parse("C".repeat(MoleculeParser.MAX_HEAVY_ATOMS + 1)))
        .isInstanceOf(InvalidMoleculeException.class)
        .hasMessageContaining("heavy atoms");
  }

  @Test
  void shouldNeverThrowAnythingButATypedErrorForRandomSmilesLikeText() {
    String alphabet = "CNOSPFIclnos()[]=#@+-123456789.%Hh/\\*:";
    Random random = new Random(20121);
    int valid = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = 1 + random.nextInt(25); n > 0; n--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      try {
        Molecule m = MoleculeParser.parse(s.toString());
        assertThat(MoleculeParser.canonical(m.canonicalSmiles())).isEqualTo(m.canonicalSmiles());
        valid++;
      } catch (InvalidMoleculeException expected) {
        assertThat(expected.getMessage()).startsWith("invalid molecule");
      }
    }
    assertThat(valid).as("some random strings are molecules").isPositive();
  }
}
