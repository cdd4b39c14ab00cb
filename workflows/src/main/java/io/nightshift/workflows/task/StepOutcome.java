package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;

/**
 * What a step produced so far: its output (a reference), what it said about it, or why it failed; null while it
 * has none.
 */
public record StepOutcome(ArtifactRef output, String summary, String error) {}
