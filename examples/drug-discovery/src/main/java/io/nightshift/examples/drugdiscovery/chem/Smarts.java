package io.nightshift.examples.drugdiscovery.chem;

import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/** Small helpers over CDK's SMARTS matcher with the counting conventions RDKit uses. */
final class Smarts {
  private Smarts() {}

  static SmartsPattern compile(String smarts) {
    return SmartsPattern.create(smarts, SilentChemObjectBuilder.getInstance());
  }

  /** Matches counted once per distinct atom set, as RDKit's {@code GetSubstructMatches(uniquify=True)}. */
  static int countUnique(SmartsPattern pattern, IAtomContainer target) {
    return pattern.matchAll(target).uniqueAtoms().count();
  }

  static boolean matches(SmartsPattern pattern, IAtomContainer target) {
    return pattern.matches(target);
  }
}
