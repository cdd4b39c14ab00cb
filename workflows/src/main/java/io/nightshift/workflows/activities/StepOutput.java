package io.nightshift.workflows.activities;

import io.nightshift.core.artifact.ArtifactRef;

/**
 * A finished step.
 *
 * @param output  the output, by reference
 * @param summary one line for humans
 * @param attempt which attempt succeeded (1 = first try), as Temporal counted it
 */
public record StepOutput(ArtifactRef output, String summary, int attempt) {}
