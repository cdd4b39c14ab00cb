package io.nightshift.examples.drugdiscovery.docking;

import com.actelion.research.chem.StereoMolecule;

/**
 * The best pose docking found for one molecule.
 *
 * @param score   ChemPLP score (dimensionless, lower is better; about -40 for aspirin, -100 and below for
 *                potent kinase inhibitors in this pocket)
 * @param pose    3-D coordinates in the receptor's frame, with hydrogens
 * @param seconds wall-clock time docking took
 */
public record DockedPose(double score, StereoMolecule pose, double seconds) {}
