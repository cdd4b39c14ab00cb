package io.nightshift.examples.drugdiscovery.tools;

/** Columns of the retrospective-validation set ({@code chem.validation_set}), read by {@code chem.enrichment}. */
final class ValidationColumns {
  /** 1 for a known ABL1 inhibitor, 0 for a decoy. */
  static final String ACTIVE = "active";
  /** The active a decoy was matched to. */
  static final String DECOY_FOR = "decoy_for";
  /** The property window level the decoy was found at (0 = narrowest, see PropertyWindow). */
  static final String MATCH_LEVEL = "match_level";
  /** The decoy's highest ECFP4 Tanimoto to any active. */
  static final String MAX_TANIMOTO = "max_tanimoto";
  /** Wildman-Crippen logP (RDKit's table). */
  static final String CLOGP = "clogp";
  /** Estimated net charge at pH 7 (NetCharge). */
  static final String CHARGE = "charge_ph7";
  /** An active's status (approved, clinical) and literature reference. */
  static final String SOURCE = "source";

  private ValidationColumns() {}
}
