package io.nightshift.examples.drugdiscovery.docking.vina;

import com.actelion.research.chem.StereoMolecule;

/**
 * Vina's best pose for one molecule.
 *
 * @param affinity predicted binding free energy of the best mode, kcal/mol (lower is better)
 * @param modes    how many modes Vina returned
 * @param poseSdf  the best pose as an SDF record (heavy atoms and polar hydrogens, bond orders by Open Babel)
 * @param pose     the same pose for OpenChemLib, e.g. for {@code PoseRmsd}
 * @param seconds  wall-clock time: 3-D build, conversion and docking
 */
public record VinaPose(double affinity, int modes, String poseSdf, StereoMolecule pose, double seconds) {}
