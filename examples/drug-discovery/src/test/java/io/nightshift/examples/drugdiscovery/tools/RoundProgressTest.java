package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's per-round progress: best, top decile and hypervolume, computed by hand here. */
class RoundProgressTest {
  private static final String CHEMPLP = "OpenChemLib 2025.7.0 DockingEngine (ChemPLP)";

  // round 1: 3 docked (top decile = the best 1) and one that failed to dock. Normalised to ChemPLP 0 .. -120 and
  // QED 0 .. 1: (0.5, 0.6), (0.25, 0.9), (0.75, 0.3); hypervolume 0.25*0.3 + 0.5*0.3 + 0.75*0.3 = 0.45
  private static final MoleculeSet ROUND_1 = new MoleculeSet(List.of(docked("a", "-60", "0.6", CHEMPLP),
      docked("b", "-30", "0.9", CHEMPLP), docked("c", "-90", "0.3", CHEMPLP), docked("d", "", "0.8", CHEMPLP)));

  // round 2: 12 docked, so the top decile is the mean of the best 2: (-100 - 96) / 2 = -98; the front is the single
  // point (100/120, 0.5): 0.41667; all rounds so far: 0.25*0.3 + 0.5*0.1 + (100/120)*0.5 = 0.54167
  private static MoleculeSet round2() {
    List<Candidate> rows = new ArrayList<>(List.of(docked("e", "-100", "0.5", CHEMPLP),
        docked("f", "-96", "0.5", CHEMPLP)));
    for (int i = 0; i < 10; i++) {
      rows.add(docked("g" + i, "-50", "0.5", CHEMPLP));
    }
    return new MoleculeSet(rows);
  }

  @Test
  void shouldComputeBestTopDecileAndHypervolumePerRoundAndSoFar() {
    RoundProgress.Table table = RoundProgress.of(List.of(ROUND_1, round2()));

    RoundProgress first = table.rounds().get(0), second = table.rounds().get(1);
    assertThat(first.docked()).isEqualTo(3);
    assertThat(first.best()).isEqualTo(-90);
    assertThat(first.topDecile()).isEqualTo(-90);
    assertThat(first.topDecileCount()).isEqualTo(1);
    assertThat(first.hypervolume()).isCloseTo(0.45, within(1e-9));
    assertThat(second.best()).isEqualTo(-100);
    assertThat(second.topDecile()).isEqualTo(-98);
    assertThat(second.topDecileCount()).isEqualTo(2);
    assertThat(second.hypervolume()).isCloseTo(0.5 * 100 / 120, within(1e-9));
    assertThat(second.bestSoFar()).isEqualTo(-100);
    assertThat(second.hypervolumeSoFar()).isCloseTo(0.075 + 0.05 + 0.5 * 100 / 120, within(1e-9));
    assertThat(table.withSa()).isFalse();
    assertThat(table.bounds()).contains(ProgressBounds.CHEMPLP);
  }

  @Test
  void shouldAddTheSaScoreAsAThirdObjectiveWhenEveryDockedMoleculeHasOne() {
    // one molecule at (0.5, 0.6) with SA 5.5, normalised (10 - 5.5) / 9 = 0.5: a box of 0.5 * 0.6 * 0.5
    MoleculeSet round = new MoleculeSet(List.of(docked("a", "-60", "0.6", CHEMPLP).with("sa_score", "5.50")));

    RoundProgress.Table table = RoundProgress.of(List.of(round));

    assertThat(table.withSa()).isTrue();
    assertThat(table.rounds().get(0).hypervolume()).isCloseTo(0.15, within(1e-9));
  }

  @Test
  void shouldChartAndTabulateTheSameNumbersWithBetterUp() {
    String html = ProgressChart.section(RoundProgress.of(List.of(ROUND_1, round2())));

    assertThat(html).contains("<td>round 1</td><td>3</td><td>-90.00</td><td>-90.00 (1)</td><td>0.4500</td>")
        .contains("<td>round 2</td><td>12</td><td>-100.00</td><td>-98.00 (2)</td><td>0.4167</td><td>-100.00</td>"
            + "<td>0.5417</td>")
        .contains("ChemPLP 0 (worst) .. -120 (best), QED 0 .. 1");
    assertThat(point(html, "best", 1).value()).isEqualTo("-90.00");
    assertThat(point(html, "top decile", 2).value()).isEqualTo("-98.00");
    assertThat(point(html, "this round", 1).value()).isEqualTo("0.4500");
    assertThat(point(html, "all rounds so far", 2).value()).isEqualTo("0.5417");
    // lower docking scores and larger hypervolumes are drawn higher (smaller y)
    assertThat(point(html, "best", 2).y()).isLessThan(point(html, "best", 1).y());
    assertThat(point(html, "top decile", 2).y()).isLessThan(point(html, "top decile", 1).y());
    assertThat(point(html, "top decile", 1).y()).isGreaterThan(point(html, "best", 2).y());
    assertThat(point(html, "all rounds so far", 2).y()).isLessThan(point(html, "this round", 2).y());
  }

  @Test
  void shouldShowNoHypervolumeForAnEngineWithoutFixedBounds() {
    MoleculeSet round = new MoleculeSet(List.of(docked("a", "-0.8", "0.6", "DiffDock NIM 2.1 (-confidence)")));

    String html = ProgressChart.section(RoundProgress.of(List.of(round)));

    assertThat(html).contains("none for this docking engine: no hypervolume")
        .contains("<td>-0.80</td><td>-0.80 (1)</td><td>–</td>");
    assertThat(ProgressChart.section(RoundProgress.of(List.of(MoleculeSet.empty())))).contains("nothing to chart");
  }

  private record Point(double y, String value) {}

  private static Point point(String html, String series, int round) {
    Matcher m = Pattern.compile("<circle cx=\"[0-9.]+\" cy=\"([0-9.]+)\" r=\"3.5\" fill=\"[^\"]+\" data-series=\""
        + Pattern.quote(series) + "\" data-round=\"" + round + "\" data-value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a point of %s in round %d", series, round).isTrue();
    return new Point(Double.parseDouble(m.group(1)), m.group(2));
  }

  private static Candidate docked(String id, String score, String qed, String engine) {
    return Candidate.seed(id, "CCO", id).with("dock_score", score).with("qed", qed).with("dock_engine", engine);
  }
}
