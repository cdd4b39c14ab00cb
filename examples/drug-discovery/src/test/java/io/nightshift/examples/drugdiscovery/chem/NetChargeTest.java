package io.nightshift.examples.drugdiscovery.chem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetChargeTest {
  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource({
      // the piperazine's distal N-methyl amine is protonated, the benzylic one two carbons away is not
      "imatinib, Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1, 1",
      // anilines, amides, aromatic nitrogens: neutral
      "nilotinib, Cc1cn(-c2cc(NC(=O)c3ccc(C)c(Nc4nccc(-c5cccnc5)n4)c3)cc(C(F)(F)F)c2)cn1, 0",
      "ibuprofen, CC(C)Cc1ccc(C(C)C(=O)O)cc1, -1",
      "propranolol, CC(C)NCC(O)COc1cccc2ccccc12, 1",
      "caffeine, Cn1c(=O)c2c(ncn2C)n(C)c1=O, 0",
      // amine and acid: a zwitterion
      "ciprofloxacin, OC(=O)c1cn(C2CC2)c2cc(N3CCNCC3)c(F)cc2c1=O, 0",
      "benzamidine, NC(=N)c1ccccc1, 1",
      // one charge per guanidine, however many amino nitrogens match
      "phenylguanidine, NC(=N)Nc1ccccc1, 1",
      "nitrobenzene, O=[N+]([O-])c1ccccc1, 0",
      "choline, C[N+](C)(C)CCO, 1"})
  void shouldEstimateTheChargeAtPh7(String name, String smiles, int charge) throws InvalidMoleculeException {
    assertThat(NetCharge.atPh7(MoleculeParser.parse(smiles))).isEqualTo(charge);
  }
}
