package io.nightshift.examples.drugdiscovery.tools;

/** Property column names shared by the chemistry tools and the report. */
final class Columns {
  static final String MW = "mw";
  static final String XLOGP = "xlogp";
  static final String TPSA = "tpsa";
  static final String HBD = "hbd";
  static final String HBA = "hba";
  static final String ROTATABLE_BONDS = "rotatable_bonds";
  static final String AROMATIC_RINGS = "aromatic_rings";
  static final String LIPINSKI_VIOLATIONS = "lipinski_violations";
  static final String VEBER = "veber";
  static final String PAINS = "pains";
  /** The Brenk unwanted-group filters a molecule matches, joined by ';'; empty when clean. */
  static final String BRENK = "brenk";
  static final String QED = "qed";
  /** Synthetic accessibility (Ertl & Schuffenhauer 2009): 1 = easy .. 10 = very hard to make, 2 decimals. */
  static final String SA_SCORE = "sa_score";
  /** Docking score, lower is better: ChemPLP (OpenChemLib), kcal/mol (Vina), -confidence (DiffDock NIM). */
  static final String DOCK_SCORE = "dock_score";
  static final String DOCK_ENGINE = "dock_engine";
  static final String DOCK_ERROR = "dock_error";
  /** The best docked pose as an SDF artifact URI (Vina, DiffDock NIM). */
  static final String DOCK_POSE = "dock_pose";
  /** DiffDock's confidence of the best pose (higher is better); its dock_score is this negated. */
  static final String DOCK_CONFIDENCE = "dock_confidence";
  static final String COMBINED_SCORE = "combined_score";
  static final String RANK = "rank";
  /** The Pareto front chem.select placed a molecule in, 1 = best (see ParetoRanking). */
  static final String PARETO_FRONT = "pareto_front";
  /** The best docking score among a generated molecule's parents (chem.generate): an estimate before docking. */
  static final String PARENT_DOCK_SCORE = "parent_dock_score";

  private Columns() {}
}
