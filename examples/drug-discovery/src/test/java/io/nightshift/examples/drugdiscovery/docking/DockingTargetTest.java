package io.nightshift.examples.drugdiscovery.docking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockingTargetTest {
  @Test
  void shouldShipAnAllAtomReceptorAndAnImatinibPose() {
    DockingTarget target = DockingTarget.abl1Imatinib();

    // 1IEP chain B from residue 225 with hydrogens; imatinib C29H31N7O = 37 heavy atoms + 31 hydrogens
    assertThat(target.receptor().getAllAtoms()).isEqualTo(4419);
    assertThat(target.ligand().getAllAtoms()).isEqualTo(68);
  }

  @Test
  void shouldNameTheDockingEngineVersionInProvenance() {
    assertThat(PocketDocker.ENGINE).isEqualTo("OpenChemLib 2025.7.0 DockingEngine (ChemPLP)");
  }
}
