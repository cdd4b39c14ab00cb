package io.nightshift.examples.drugdiscovery.docking.vina;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing what Vina 1.2.3 wrote for imatinib (a real run, kept under test resources). */
class VinaOutputTest {
  @Test
  void shouldReadEveryModeOfAVinaOutputFileBestFirst() {
    List<VinaOutput.Mode> modes = VinaOutput.parseModes(resource("vina_out_imatinib.pdbqt"));

    assertThat(modes).hasSize(3);
    assertThat(modes).extracting(VinaOutput.Mode::affinity).containsExactly(-10.001, -9.895, -9.787);
    assertThat(modes.get(1).rmsdLowerBound()).isCloseTo(2.544, within(1e-9));
    assertThat(modes.get(1).rmsdUpperBound()).isCloseTo(3.841, within(1e-9));
    assertThat(modes.get(0).pdbqt()).contains("ROOT", "ENDROOT", "TORSDOF").doesNotContain("MODEL", "ENDMDL");
    long atoms = modes.get(0).pdbqt().lines().filter(l -> l.startsWith("ATOM") || l.startsWith("HETATM")).count();
    assertThat(atoms).isEqualTo(39); // 37 heavy atoms of imatinib and its two amide/amine hydrogens
  }

  @Test
  void shouldReadTheModeTableVinaPrints() {
    assertThat(VinaOutput.parseTable(resource("vina_stdout_imatinib.txt"))).containsExactly(-10.0, -9.895, -9.787);
    assertThat(VinaOutput.parseTable("Computing Vina grid ... done.\nsomething failed\n")).isEmpty();
  }

  @Test
  void shouldReadTheEstimatedFreeEnergyOfALocalOptimisation() {
    String stdout = "Performing local search ... done.\n"
        + "Estimated Free Energy of Binding   : -13.647 (kcal/mol) [=(1)+(2)+(3)+(4)]\n"
        + "(1) Final Intermolecular Energy    : -18.434 (kcal/mol)\n";

    assertThat(VinaOutput.parseEstimatedFreeEnergy(stdout)).isEqualTo(-13.647);
    assertThatThrownBy(() -> VinaOutput.parseEstimatedFreeEnergy("Computing Vina grid ... done.\n"))
        .hasMessageContaining("no 'Estimated Free Energy of Binding' line");
  }

  @Test
  void shouldNameWhatIsWrongWithAMalformedOutputFile() {
    assertThatThrownBy(() -> VinaOutput.parseModes("MODEL 1\nATOM ...\nENDMDL\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3")
        .hasMessageContaining("VINA RESULT");
    assertThatThrownBy(() -> VinaOutput.parseModes("MODEL 1\nREMARK VINA RESULT:  -7.1  abc  0.0\nENDMDL\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2").hasMessageContaining("'abc'");
    assertThatThrownBy(() -> VinaOutput.parseModes("MODEL 1\nREMARK VINA RESULT:  -7.1\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 3 numbers");
    assertThatThrownBy(() -> VinaOutput.parseModes(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no complete MODEL");
  }

  @Test
  void shouldReadTheShippedBoxAndRefuseAnIncompleteOne() {
    VinaBox box = VinaBox.abl1();

    assertThat(box).isEqualTo(new VinaBox(11, 90.5, 57.5, 22, 24, 28));
    assertThat(box.arguments()).containsExactly("--center_x", "11", "--center_y", "90.5", "--center_z", "57.5",
        "--size_x", "22", "--size_y", "24", "--size_z", "28");
    assertThatThrownBy(() -> VinaBox.parse("center_x = 1\ncenter_y = 2\ncenter_z = 3\nsize_x = 4\nsize_y = 5\n"))
        .hasMessageContaining("missing size_z");
    assertThatThrownBy(() -> VinaBox.parse("center_x = one")).hasMessageContaining("center_x is not a number");
  }

  @Test
  void shouldTakeTheVersionFromTheFirstLineTheProgramsPrint() {
    assertThat(VinaPrograms.firstLineVersion("AutoDock Vina v1.2.3\n")).isEqualTo("AutoDock Vina v1.2.3");
    assertThat(VinaPrograms.firstLineVersion("Open Babel 3.1.1 -- Jan  4 2023 -- 09:58:24\n"))
        .isEqualTo("Open Babel 3.1.1");
  }

  private static String resource(String name) {
    try (InputStream in = VinaOutputTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new AssertionError(name, e);
    }
  }
}
