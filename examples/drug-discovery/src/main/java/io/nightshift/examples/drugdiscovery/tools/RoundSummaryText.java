package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.data.Candidate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The round's statistics as plain sentences and a short table of its best docked molecules: the deterministic
 * summary the report always shows, and exactly the numbers an agent gets to write its structure-activity summary
 * from, so the two can be read side by side.
 */
final class RoundSummaryText {
  /** Best molecules listed per round: enough for trends, small enough for a small model's context. */
  static final int TOP_ROWS = 8;

  private RoundSummaryText() {}

  /** One paragraph of sentences, numbers only. */
  static String statistics(RoundStatistics s) {
    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT, "%s: %d molecules, %d docked.", capital(s.label()), s.molecules(), s.docked()));
    if (s.dock().n() > 0) {
      t.append(String.format(Locale.ROOT, " Docking score (ChemPLP, lower is better): best %.2f, median %.2f,"
          + " mean %.2f, worst %.2f.", s.dock().min(), s.dock().median(), s.dock().mean(), s.dock().max()));
    }
    if (s.qed().n() > 0) {
      t.append(String.format(Locale.ROOT, " QED: mean %.2f, median %.2f, range %.2f to %.2f.", s.qed().mean(),
          s.qed().median(), s.qed().min(), s.qed().max()));
    }
    t.append(String.format(Locale.ROOT, " %d of %d pass the rule of five (at most one violation).",
        s.ruleOfFivePassing(), s.molecules()));
    if (s.proposals() != null) {
      t.append(" Model proposals: ").append(s.proposals().describe()).append("; ").append(s.fromModel())
          .append(" of the docked molecules came from them.");
    }
    return t.toString();
  }

  /** The best docked molecules: id, how it was made, SMILES, docking score, QED, MW. */
  static String bestRows(List<Candidate> candidates) {
    List<Candidate> docked = candidates.stream().filter(c -> c.number(Columns.DOCK_SCORE).isPresent())
        .sorted(Comparator.comparingDouble((Candidate c) -> c.number(Columns.DOCK_SCORE).orElseThrow())
            .thenComparing(Candidate::id))
        .limit(TOP_ROWS).toList();
    StringBuilder t = new StringBuilder("id | made by | SMILES | dock | QED | MW\n");
    for (Candidate c : docked) {
      t.append(c.id()).append(" | ").append(c.origin()).append(" | ").append(c.smiles()).append(" | ")
          .append(fixed(c, Columns.DOCK_SCORE, 1)).append(" | ").append(fixed(c, Columns.QED, 2)).append(" | ")
          .append(fixed(c, Columns.MW, 0)).append('\n');
    }
    return t.toString();
  }

  private static String fixed(Candidate c, String column, int digits) {
    return c.number(column).map(v -> String.format(Locale.ROOT, "%." + digits + "f", v)).orElse("-");
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
