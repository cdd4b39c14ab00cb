package io.nightshift.examples.drugdiscovery.docking.vina;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.actelion.research.chem.Canonizer;
import com.actelion.research.chem.MolfileParser;
import com.actelion.research.chem.SmilesParser;
import com.actelion.research.chem.StereoMolecule;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmolecules.chem.conf.gen.RigidFragmentCache;

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

  /**
   * OpenChemLib keeps the 3-D fragments it builds in a JVM-wide cache by default, so a molecule's conformer depended
   * on which molecules that worker had built before (a map chunk's neighbours, the order chunks were scheduled):
   * bafetinib built after imatinib and nilotinib came out different from bafetinib built first, and Vina scored
   * it -9.56 in one validation run and -12.45 in another.
   */
  @Test
  void shouldBuildAMoleculesConformerWhateverWasBuiltBeforeItInTheSameJvm() throws Exception {
    String bafetinib = "CN(C)[C@H]1CCN(Cc2ccc(C(=O)Nc3ccc(C)c(Nc4nccc(-c5cncnc5)n4)c3)cc2C(F)(F)F)C1";
    RigidFragmentCache.getDefaultInstance().clear();
    List<String> first = atoms(VinaDocker.conformer(bafetinib));

    RigidFragmentCache.getDefaultInstance().clear();
    VinaDocker.conformer("Cc1ccc(NC(=O)c2ccc(CN3CCN(C)CC3)cc2)cc1Nc1nccc(-c2cccnc2)n1");
    VinaDocker.conformer("Cc1cn(-c2cc(NC(=O)c3ccc(C)c(Nc4nccc(-c5cccnc5)n4)c3)cc(C(F)(F)F)c2)cn1");

    assertThat(atoms(VinaDocker.conformer(bafetinib))).hasSize(73).isEqualTo(first);
  }

  /**
   * The molfile's atom block: elements and coordinates, what Open Babel reads for 3-D input. The bond block's wedge
   * flags are left out: OpenChemLib sets them differently from call to call, and Open Babel ignores them here.
   */
  private static List<String> atoms(String molfile) {
    List<String> lines = molfile.lines().toList();
    int count = Integer.parseInt(lines.get(3).substring(0, 3).strip());
    return lines.subList(4, 4 + count);
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
