package io.nightshift.examples.drugdiscovery.docking.vina;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.actelion.research.chem.Canonizer;
import com.actelion.research.chem.MolfileParser;
import com.actelion.research.chem.SmilesParser;
import com.actelion.research.chem.StereoMolecule;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import org.junit.jupiter.api.Test;

/** The 3-D ligands Vina docks: deterministic, all hydrogens, stereochemistry kept. No programs needed. */
class VinaLigandTest {
  private static final String EZETIMIBE = "O=C1[C@H](CC[C@H](O)c2ccc(F)cc2)[C@@H](c2ccc(O)cc2)N1c1ccc(F)cc1";

  @Test
  void shouldBuildTheSameConformerEveryTimeWithItsStereocentresAndHydrogens() throws Exception {
    String first = VinaDocker.conformer(EZETIMIBE);

    assertThat(VinaDocker.conformer(EZETIMIBE)).isEqualTo(first);
    StereoMolecule parsed = new StereoMolecule();
    new MolfileParser().parse(parsed, first);
    StereoMolecule expected = new StereoMolecule();
    new SmilesParser().parse(expected, EZETIMIBE);
    assertThat(new Canonizer(parsed).getIDCode()).isEqualTo(new Canonizer(expected).getIDCode());
    assertThat(parsed.getAllAtoms()).isEqualTo(51); // C24H21F2NO3: 24 + 21 + 2 + 1 + 3
    assertThat(first).contains("V2000");
  }

  @Test
  void shouldRecordAnUnreadableSmilesAsThisMoleculesFailure() {
    assertThatThrownBy(() -> VinaDocker.conformer("C1CC(")).isInstanceOf(DockingFailure.class)
        .hasMessageContaining("cannot build a 3-D ligand from C1CC(");
  }

  @Test
  void shouldReplaceOpenBabelsTimestampLine() {
    assertThat(VinaDocker.withFixedHeader("pose\n OpenBabel11262614213D\n\n  1  0  0\nM  END\n$$$$\n"))
        .isEqualTo("pose\n  Vina pose, SDF by Open Babel\n\n  1  0  0\nM  END\n$$$$\n");
  }
}
