package io.nightshift.examples.drugdiscovery.chem;

import java.util.Objects;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * A sanitised molecule: its canonical SMILES (the identity used everywhere else) and the CDK structure it was
 * parsed into. Obtain one from {@link MoleculeParser}; treat the structure as read-only (clone it before
 * editing), because descriptors and fingerprints are computed from the same instance.
 *
 * @param canonicalSmiles CDK canonical isomeric SMILES: equal molecules have equal strings
 * @param structure       atom types configured, implicit hydrogens set, no explicit hydrogens, kekulé bonds
 */
public record Molecule(String canonicalSmiles, IAtomContainer structure) {
  public Molecule {
    Objects.requireNonNull(canonicalSmiles, "canonicalSmiles");
    Objects.requireNonNull(structure, "structure");
  }

  public int heavyAtomCount() {
    return structure.getAtomCount();
  }

  @Override
  public String toString() {
    return canonicalSmiles;
  }
}
