package io.nightshift.examples.drugdiscovery.chem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RDKit's own ids for small molecules, from Debian RDKit 2022.09.3:
 * {@code AllChem.GetMorganFingerprint(Chem.MolFromSmiles(s), 2).GetNonzeroElements()}. Each one exercises a part
 * of the algorithm the drug-sized reference molecules could hide.
 */
class MorganEnvironmentsTest {
  @Test
  void shouldHashASingleAtomOnlyByItsConnectivityInvariant() throws Exception {
    // methane: an atom without neighbours drops out before layer 1
    assertThat(MorganEnvironments.counts(MoleculeParser.parse("C"), 2)).containsExactlyInAnyOrderEntriesOf(
        Map.of(2246733040L, 1));
  }

  @Test
  void shouldCountTheSameEnvironmentOnceWhenTwoAtomsCoverTheSameBonds() throws Exception {
    // ethane: both carbons' radius-1 environment is the one bond; RDKit keeps one of them, and none at radius 2
    assertThat(MorganEnvironments.counts(MoleculeParser.parse("CC"), 2)).containsExactlyInAnyOrderEntriesOf(
        Map.of(2246728737L, 2, 3545175291L, 1));
  }

  @Test
  void shouldTypeKekuleBenzeneBondsAsAromatic() throws Exception {
    // the parser keeps Kekulé bonds; RDKit hashes AROMATIC (12), so one id per shell for all six atoms
    assertThat(MorganEnvironments.counts(MoleculeParser.parse("C1=CC=CC=C1"), 2)).containsExactlyInAnyOrderEntriesOf(
        Map.of(98513984L, 6, 2763854213L, 6, 3218693969L, 6));
  }

  @Test
  void shouldGiveEachEthanolEnvironmentItsRdkitId() throws Exception {
    assertThat(MorganEnvironments.counts(MoleculeParser.parse("CCO"), 2)).containsExactlyInAnyOrderEntriesOf(
        Map.of(864662311L, 1, 1535166686L, 1, 2245384272L, 1, 2246728737L, 1, 3542456614L, 1, 4018048386L, 1));
  }

  @Test
  void shouldIgnoreSpecifiedChiralityAsRdkitsDefaultDoes() throws Exception {
    // useChirality is off in GetMorganFingerprint, so both enantiomers and the unspecified form hash alike
    Map<Long, Integer> expected = Map.of(847957139L, 1, 864662311L, 1, 1542633699L, 1, 2245273601L, 1,
        2246728737L, 1, 2599973650L, 1, 2822817412L, 1, 3537119515L, 1);
    assertThat(MorganEnvironments.counts(MoleculeParser.parse("C[C@H](N)O"), 2)).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(MorganEnvironments.counts(MoleculeParser.parse("C[C@@H](N)O"), 2)).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(MorganEnvironments.counts(MoleculeParser.parse("CC(N)O"), 2)).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void shouldCombineHashesAsGboostDoesOnThirtyTwoBits() {
    // seed ^= v + 0x9e3779b9 + (seed << 6) + (seed >> 2), wrapping at 2^32
    assertThat(Integer.toUnsignedLong(MorganEnvironments.hashCombine(0, 6))).isEqualTo(0x9e3779bfL);
    int seed = 0x9e3779bf;
    long expected = (0x9e3779bfL ^ ((4 + 0x9e3779b9L + ((0x9e3779bfL << 6) & 0xffffffffL) + (0x9e3779bfL >>> 2))
        & 0xffffffffL));
    assertThat(Integer.toUnsignedLong(MorganEnvironments.hashCombine(seed, 4))).isEqualTo(expected);
  }

  @Test
  void shouldRefuseANegativeRadius() throws Exception {
    Molecule ethane = MoleculeParser.parse("CC");
    assertThatThrownBy(() -> MorganEnvironments.counts(ethane, -1)).hasMessageContaining("radius");
  }
}
