package io.nightshift.examples.drugdiscovery.docking;

import com.actelion.research.chem.SmilesParser;
import com.actelion.research.chem.StereoMolecule;
import com.actelion.research.chem.conf.BondLengthSet;
import com.actelion.research.chem.conf.TorsionDB;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Completes, once per class loader and on one thread, the OpenChemLib tables that are not safe to fill from several
 * threads at once. Both are read by the conformer generator (OpenChemLib 2025.7.0, unchanged up to 2026.8.3), which
 * runs on several threads at once wherever side-by-side chunks share OpenChemLib's classes (Vina's ligand
 * conformers, {@code vina/VinaDocker}):
 * <ul>
 *   <li>{@link BondLengthSet} loads its bond-length statistics on first use: {@code if (!isInitialized)
 *       synchronized (BondLengthSet.class) { BOND_ID = new int[count]; ...fill...; isInitialized = true; }}, without
 *       checking the flag again inside the lock. A second thread that arrived during the first load waits at the lock
 *       and loads the table again, replacing the arrays with zero-filled ones while the first thread already looks
 *       bond lengths up in them: that thread gets covalent-radius estimates for some bonds.</li>
 *   <li>{@link TorsionDB} keeps its torsion statistics in a plain {@code TreeMap} and adds the mirror-image entry of a
 *       torsion (id ending in {@code <} or {@code -}) the first time a conformer needs it. Two threads adding at once,
 *       or one reading while another adds, can lose or miss entries, and a missed entry means other torsion angles
 *       for that bond. Adding every mirror-image entry here leaves the map read-only afterwards.</li>
 * </ul>
 * Either race gives a molecule other conformers, and a rigid fragment built in the race is stored in OpenChemLib's
 * fragment cache for the class loader's life. Completing both is necessary for OpenChemLib dockers to share classes,
 * but it was not sufficient: {@code ConcurrentDockingIT} still failed that way, so each docker keeps a class loader
 * of its own ({@code tools/IsolatedDocker}; bench/README.md, "One class loader for all dockers: not yet").
 * {@code OpenChemLibTablesTest} is the check. The other lazily built tables on the docking path (the MMFF94 tables,
 * the rigid-fragment library, QuickMathCalculator) are built inside a lock that checks again, and not written after.
 */
public final class OpenChemLibTables {
  /** The molecule whose bond lookup loads the bond-length table; parsed once, since load() runs per ligand. */
  private static StereoMolecule ethanol;
  private static boolean torsionsCompleted;

  private OpenChemLibTables() {}

  /**
   * Returns once the tables are complete: the first call fills them, any other caller waits for it; later calls
   * look up one bond length and return. Call it before OpenChemLib code that may run on several threads at once.
   */
  public static synchronized void load() {
    if (ethanol == null) {
      ethanol = parse("CCO");
    }
    new BondLengthSet(ethanol); // its first bond lookup loads the table if no one has
    if (!torsionsCompleted) {
      addMirrorImageTorsions();
      torsionsCompleted = true;
    }
  }

  private static StereoMolecule parse(String smiles) {
    StereoMolecule molecule = new StereoMolecule();
    try {
      new SmilesParser().parse(molecule, smiles);
    } catch (Exception e) {
      throw new IllegalStateException("OpenChemLib cannot parse " + smiles, e);
    }
    return molecule;
  }

  private static void addMirrorImageTorsions() {
    TorsionDB.initialize(TorsionDB.MODE_ANGLES); // as every ConformerGenerator does
    for (String id : torsionIds()) {
      String mirrorImage = id.endsWith(">") ? id.substring(0, id.length() - 1) + "<"
          : id.endsWith("+") ? id.substring(0, id.length() - 1) + "-" : null;
      if (mirrorImage != null) {
        TorsionDB.getTorsions(mirrorImage); // adds the entry, as the first conformer needing it would
      }
    }
  }

  /** The ids in TorsionDB's map (OpenChemLib offers no public way to list them). */
  static List<String> torsionIds() {
    return new ArrayList<>(torsionMap().keySet());
  }

  @SuppressWarnings("unchecked")
  static Map<String, ?> torsionMap() {
    try {
      Field instance = TorsionDB.class.getDeclaredField("sInstance");
      Field map = TorsionDB.class.getDeclaredField("mTreeMap");
      instance.setAccessible(true);
      map.setAccessible(true);
      return (Map<String, ?>) map.get(instance.get(null));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read OpenChemLib's TorsionDB.sInstance.mTreeMap (written for "
          + "OpenChemLib 2025.7.0; check whether this version still fills it lazily): " + e, e);
    }
  }
}
