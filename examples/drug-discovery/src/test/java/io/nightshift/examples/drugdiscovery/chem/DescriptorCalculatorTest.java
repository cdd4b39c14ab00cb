package io.nightshift.examples.drugdiscovery.chem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DescriptorCalculatorTest {
  private static Descriptors of(String smiles) throws InvalidMoleculeException {
    return DescriptorCalculator.compute(MoleculeParser.parse(smiles));
  }

  @Test
  void shouldDescribeAspirinAsSmallPolarAndRuleOfFiveCompliant() throws Exception {
    Descriptors aspirin = of("CC(=O)Oc1ccccc1C(=O)O");

    // C9H8O4: 180.16 g/mol; TPSA 63.6 (Ertl); 1 OH donor; 4 oxygens; one benzene ring
    assertThat(aspirin.molecularWeight()).isCloseTo(180.16, within(0.01));
    assertThat(aspirin.tpsa()).isCloseTo(63.60, within(0.01));
    assertThat(aspirin.hbd()).isEqualTo(1);
    assertThat(aspirin.hba()).isEqualTo(4);
    assertThat(aspirin.aromaticRings()).isEqualTo(1);
    assertThat(aspirin.lipinskiViolations()).isZero();
    assertThat(aspirin.veber()).isTrue();
    assertThat(aspirin.painsFree()).isTrue();
  }

  @Test
  void shouldDescribeIbuprofenAsLipophilicButRuleOfFiveCompliant() throws Exception {
    Descriptors ibuprofen = of("CC(C)Cc1ccc(C(C)C(=O)O)cc1");

    // C13H18O2: 206.28 g/mol; strict rotatable bonds 4 (as RDKit); logP about 3.5-4
    assertThat(ibuprofen.molecularWeight()).isCloseTo(206.28, within(0.01));
    assertThat(ibuprofen.rotatableBonds()).isEqualTo(4);
    assertThat(ibuprofen.xlogp()).isBetween(2.5, 4.5);
    assertThat(ibuprofen.hbd()).isEqualTo(1);
    assertThat(ibuprofen.hba()).isEqualTo(2);
    assertThat(ibuprofen.lipinskiViolations()).isZero();
  }

  @Test
  void shouldCountAtorvastatinsMolecularWeightViolation() throws Exception {
    Descriptors atorvastatin =
        of("CC(C)c1c(C(=O)Nc2ccccc2)c(-c2ccccc2)c(-c2ccc(F)cc2)n1CC[C@@H](O)C[C@@H](O)CC(=O)O");

    // C33H35FN2O5: 558.64 g/mol > 500; 4 NH/OH hydrogens; 7 N+O; 12 strict rotatable bonds fail Veber
    assertThat(atorvastatin.molecularWeight()).isCloseTo(558.64, within(0.02));
    assertThat(atorvastatin.hbd()).isEqualTo(4);
    assertThat(atorvastatin.hba()).isEqualTo(7);
    assertThat(atorvastatin.rotatableBonds()).isEqualTo(12);
    assertThat(atorvastatin.veber()).isFalse();
    int expected = 1 + (atorvastatin.xlogp() > 5 ? 1 : 0);
    assertThat(atorvastatin.lipinskiViolations()).isEqualTo(expected);
    assertThat(atorvastatin.lipinski()).isEqualTo(expected <= 1);
  }

  @Test
  void shouldCountFourViolationsForALargeGreasyPolyhydroxylatedMolecule() throws Exception {
    // a C30 fatty chain on a pentahydroxy-tetraamino scaffold: heavy, lipophilic, many donors and acceptors
    Descriptors d = of("CCCCCCCCCCCCCCCCCCCCCCCCCCCCCC(=O)NC(CO)C(O)C(O)C(O)C(N)C(NC(N)=O)C(=O)NCC(=O)NCC(=O)OC");

    assertThat(d.molecularWeight()).isGreaterThan(500);
    assertThat(d.hbd()).isGreaterThan(5);
    assertThat(d.hba()).isGreaterThan(10);
    assertThat(d.xlogp()).isGreaterThan(5);
    assertThat(d.lipinskiViolations()).isEqualTo(4);
    assertThat(d.lipinski()).isFalse();
  }

  @Test
  void shouldReportPainsFiltersOfARhodanine() throws Exception {
    assertThat(of("O=C1NC(=S)SC1=Cc1ccccc1").pains()).containsExactly("ene_rhod_A(235)");
  }

  @Test
  void shouldNotModifyTheMoleculeItDescribes() throws Exception {
    Molecule molecule = MoleculeParser.parse("c1ccccc1O");
    int atoms = molecule.structure().getAtomCount();

    DescriptorCalculator.compute(molecule);

    assertThat(molecule.structure().getAtomCount()).isEqualTo(atoms);
  }
}
