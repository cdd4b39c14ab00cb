package io.nightshift.examples.drugdiscovery.chem;

import java.util.BitSet;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.fingerprint.CircularFingerprinter;

/**
 * An ECFP4 fingerprint (Rogers and Hahn 2010; circular environments of radius 2) folded to 2,048 bits, and
 * Tanimoto similarity between two of them.
 */
public record Fingerprint(BitSet bits) {
  public static final int SIZE = 2048;

  public Fingerprint {
    bits = (BitSet) bits.clone();
  }

  public static Fingerprint ecfp4(Molecule molecule) {
    try {
      // a fingerprinter per call: CircularFingerprinter keeps per-molecule state in fields
      CircularFingerprinter fingerprinter = new CircularFingerprinter(CircularFingerprinter.CLASS_ECFP4, SIZE);
      return new Fingerprint(fingerprinter.getBitFingerprint(CrippenLogP.cloneOf(molecule.structure())).asBitSet());
    } catch (CDKException e) {
      throw new IllegalStateException("ECFP4 failed for a sanitised molecule " + molecule, e);
    }
  }

  /** |A ∩ B| / |A ∪ B|; 1 for identical fingerprints, 0 when nothing is shared (or both are empty). */
  public double tanimoto(Fingerprint other) {
    BitSet union = (BitSet) bits.clone();
    union.or(other.bits);
    if (union.isEmpty()) {
      return 0;
    }
    BitSet common = (BitSet) bits.clone();
    common.and(other.bits);
    return (double) common.cardinality() / union.cardinality();
  }

  @Override
  public BitSet bits() {
    return (BitSet) bits.clone();
  }
}
