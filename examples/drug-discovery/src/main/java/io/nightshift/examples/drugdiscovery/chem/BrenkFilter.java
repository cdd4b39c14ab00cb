package io.nightshift.examples.drugdiscovery.chem;

import java.util.List;
import java.util.regex.Pattern;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smarts.SmartsPattern;

/**
 * Unwanted-group alerts: the 105 filters of Brenk et al. (ChemMedChem 3 (2008) 435) for groups that are reactive,
 * unstable, toxic or metabolically labile (Michael acceptors, aldehydes, alkyl halides, thiols, nitro, azo,
 * peroxides, ...), in the SMARTS form RDKit's FilterCatalog ships ({@code brenk.tsv}, see the ATTRIBUTION file
 * beside it). Unlike the PAINS file these patterns count hydrogens and connections as RDKit does on a molecule
 * with implicit hydrogens ({@code [R0;D2]}, {@code [CX2R0]}), so they are matched on the structure as parsed:
 * explicit hydrogen atoms would change every degree.
 */
public final class BrenkFilter {
  private static final AlertCatalog CATALOG =
      AlertCatalog.load("brenk.tsv", Pattern.compile("^(?<name>[^\\t]+)\\t(?<smarts>[^\\t]+)$"));

  private BrenkFilter() {}

  /** Names of the Brenk filters the molecule matches, in catalogue order; empty when it is clean. */
  public static List<String> matches(Molecule molecule) {
    IAtomContainer prepared = CrippenLogP.cloneOf(molecule.structure());
    SmartsPattern.prepare(prepared);
    return CATALOG.matches(prepared);
  }

  static int size() {
    return CATALOG.size();
  }
}
