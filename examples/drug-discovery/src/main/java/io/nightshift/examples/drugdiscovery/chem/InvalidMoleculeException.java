package io.nightshift.examples.drugdiscovery.chem;

/**
 * A SMILES string that does not describe a usable molecule: unparsable text, an impossible valence, an empty
 * structure. Checked on purpose: every caller that reads molecules from outside (seed files, generated
 * candidates, model proposals) must decide whether to drop the molecule or fail the step.
 */
public final class InvalidMoleculeException extends Exception {
  private final String smiles;

  public InvalidMoleculeException(String smiles, String reason, Throwable cause) {
    super("invalid molecule '" + abbreviate(smiles) + "': " + reason, cause);
    this.smiles = smiles;
  }

  public InvalidMoleculeException(String smiles, String reason) {
    this(smiles, reason, null);
  }

  /** The input that was rejected, unabridged. */
  public String smiles() {
    return smiles;
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
