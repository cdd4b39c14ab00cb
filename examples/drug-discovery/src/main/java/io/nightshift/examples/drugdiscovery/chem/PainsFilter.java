package io.nightshift.examples.drugdiscovery.chem;

import java.util.List;
import java.util.regex.Pattern;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Pan-assay interference (PAINS) alerts: the 480 substructure filters of Baell and Holloway (J. Med. Chem. 53
 * (2010) 2719) in the SMARTS form RDKit ships ({@code wehi_pains.csv}, see the ATTRIBUTION file beside it).
 * CDK has no PAINS catalogue, so its SMARTS matcher runs them. The patterns spell hydrogens out as
 * {@code [#1]} atoms, so molecules are matched with explicit hydrogens.
 */
public final class PainsFilter {
  private static final AlertCatalog CATALOG =
      AlertCatalog.load("wehi_pains.csv", Pattern.compile("^\"(?<smarts>.*)\",\"<regId=(?<name>.*)>\"$"));

  private PainsFilter() {}

  /** Names of the PAINS filters the molecule matches, in catalogue order; empty when it is clean. */
  public static List<String> matches(Molecule molecule) {
    IAtomContainer withHydrogens = CrippenLogP.cloneOf(molecule.structure());
    AtomContainerManipulator.convertImplicitToExplicitHydrogens(withHydrogens);
    SmartsPattern.prepare(withHydrogens);
    return CATALOG.matches(withHydrogens);
  }

  static int size() {
    return CATALOG.size();
  }
}
