package io.nightshift.examples.drugdiscovery.docking;

import com.actelion.research.chem.Molecule;
import com.actelion.research.chem.MolfileParser;
import com.actelion.research.chem.StereoMolecule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A protein pocket to dock into: the receptor with explicit hydrogens and a ligand pose that defines where the
 * pocket is. {@link #abl1Imatinib()} is the shipped target; see {@code protein/README.md} for what its files
 * are, and what the ligand pose is and is not.
 *
 * @param name     short name shown in provenance
 * @param source   where the structure comes from (PDB entry, preparation)
 * @param receptor all-atom receptor (OpenChemLib refuses receptors with implicit hydrogens)
 * @param ligand   the reference ligand pose, with hydrogens
 */
public record DockingTarget(String name, String source, StereoMolecule receptor, StereoMolecule ligand) {
  private static final String DIR = "/io/nightshift/examples/drugdiscovery/protein/";
  /** Name and source of the shipped target, for provenance without loading its structures. */
  public static final String ABL1_NAME = "ABL1 kinase (PDB 1IEP chain B), imatinib site";
  public static final String ABL1_SOURCE =
      "PDB 1IEP via Debian autodock-vina test data; hydrogens by Open Babel 3.1.1; pocket ligand = Vina 1.2.3 pose";

  /** c-Abl kinase domain (PDB 1IEP chain B) with imatinib posed in the ATP site by AutoDock Vina. */
  public static DockingTarget abl1Imatinib() {
    return new DockingTarget(ABL1_NAME, ABL1_SOURCE, readMolfile(DIR + "1iep_receptor_h.sdf"),
        readMolfile(DIR + "1iep_imatinib_vina_pose.sdf"));
  }

  static StereoMolecule readMolfile(String resource) {
    try (InputStream in = DockingTarget.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      StereoMolecule mol = new StereoMolecule();
      if (!new MolfileParser().parse(mol, new String(in.readAllBytes(), StandardCharsets.US_ASCII))) {
        throw new IllegalStateException(resource + " is not a readable molfile");
      }
      mol.ensureHelperArrays(Molecule.cHelperCIP);
      return mol;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }
}
