package io.nightshift.examples.drugdiscovery.validation;

import io.nightshift.examples.drugdiscovery.chem.MatchingProperties;
import java.util.List;
import java.util.Locale;

/**
 * How far a decoy's properties may lie from its active's. DUD-E starts narrow and widens the windows step by step
 * until an active has enough decoys; {@link #SCHEDULE} is that ladder, modelled on DUD-E's (its widest step is
 * about DUD-E's: MW +-125-150 Da, logP +-3, charge +-2).
 */
public record PropertyWindow(int level, double mw, double logP, int hbd, int hba, int rotatableBonds, int charge) {
  /** Narrowest first. */
  public static final List<PropertyWindow> SCHEDULE = List.of(
      new PropertyWindow(0, 25, 0.5, 0, 1, 1, 0),
      new PropertyWindow(1, 50, 1.0, 1, 2, 2, 0),
      new PropertyWindow(2, 75, 1.5, 1, 3, 3, 0),
      new PropertyWindow(3, 100, 2.0, 2, 4, 4, 1),
      new PropertyWindow(4, 125, 2.5, 2, 5, 5, 1),
      new PropertyWindow(5, 150, 3.0, 3, 6, 6, 2));

  public static PropertyWindow widest() {
    return SCHEDULE.get(SCHEDULE.size() - 1);
  }

  public boolean admits(MatchingProperties active, MatchingProperties candidate) {
    return Math.abs(active.mw() - candidate.mw()) <= mw
        && Math.abs(active.logP() - candidate.logP()) <= logP
        && Math.abs(active.hbd() - candidate.hbd()) <= hbd
        && Math.abs(active.hba() - candidate.hba()) <= hba
        && Math.abs(active.rotatableBonds() - candidate.rotatableBonds()) <= rotatableBonds
        && Math.abs(active.netCharge() - candidate.netCharge()) <= charge;
  }

  /** For the step summary and the README: "MW +-25, logP +-0.5, ...". */
  public String describe() {
    return String.format(Locale.ROOT, "MW +-%.0f, logP +-%.1f, HBD +-%d, HBA +-%d, rotatable +-%d, charge +-%d",
        mw, logP, hbd, hba, rotatableBonds, charge);
  }
}
