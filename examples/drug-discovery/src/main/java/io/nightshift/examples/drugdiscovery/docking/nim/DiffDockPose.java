package io.nightshift.examples.drugdiscovery.docking.nim;

/**
 * One pose the DiffDock NIM returned.
 *
 * @param rank       1 for the pose the service ranked first
 * @param confidence DiffDock's confidence score (higher is better; a log-odds-like value, above 0 means a pose
 *                   likely within 2 Å of the true one, below -1.5 an uncertain one); {@code NaN} when the service
 *                   gave none
 * @param sdf        the pose as an SDF record in the receptor's frame
 */
public record DiffDockPose(int rank, double confidence, String sdf) {}
