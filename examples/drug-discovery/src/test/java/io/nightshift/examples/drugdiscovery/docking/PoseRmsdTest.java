package io.nightshift.examples.drugdiscovery.docking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.actelion.research.chem.Coordinates;
import com.actelion.research.chem.StereoMolecule;
import org.junit.jupiter.api.Test;

class PoseRmsdTest {
  private static final StereoMolecule POSE = DockingTarget.abl1Imatinib().ligand();

  @Test
  void shouldBeZeroForAPoseAgainstItself() {
    assertThat(PoseRmsd.heavyAtomRmsd(POSE, POSE)).isEqualTo(0.0);
  }

  @Test
  void shouldEqualTheShiftForARigidlyTranslatedPose() {
    StereoMolecule shifted = new StereoMolecule(POSE);
    for (int a = 0; a < shifted.getAllAtoms(); a++) {
      shifted.getCoordinates(a).add(new Coordinates(3, 0, 0));
    }

    assertThat(PoseRmsd.heavyAtomRmsd(shifted, POSE)).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void shouldRefuseToCompareDifferentMolecules() {
    StereoMolecule aspirin = new StereoMolecule();
    try {
      new com.actelion.research.chem.SmilesParser().parse(aspirin, "CC(=O)Oc1ccccc1C(=O)O");
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    assertThatThrownBy(() -> PoseRmsd.heavyAtomRmsd(aspirin, POSE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldShipAnAllAtomReceptorAndAnImatinibPose() {
    DockingTarget target = DockingTarget.abl1Imatinib();

    // 1IEP chain B from residue 225 with hydrogens; imatinib C29H31N7O = 37 heavy atoms + 31 hydrogens
    assertThat(target.receptor().getAllAtoms()).isEqualTo(4419);
    assertThat(target.ligand().getAllAtoms()).isEqualTo(68);
  }
}
