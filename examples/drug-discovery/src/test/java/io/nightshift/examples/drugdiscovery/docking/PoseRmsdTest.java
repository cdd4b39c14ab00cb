package io.nightshift.examples.drugdiscovery.docking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.actelion.research.chem.Coordinates;
import com.actelion.research.chem.SmilesParser;
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
      new SmilesParser().parse(aspirin, "CC(=O)Oc1ccccc1C(=O)O");
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    assertThatThrownBy(() -> PoseRmsd.heavyAtomRmsd(aspirin, POSE)).isInstanceOf(IllegalArgumentException.class);
  }
}
