package io.nightshift.workflows.activities;

import io.nightshift.core.artifact.ArtifactRef;

/** A finished step: its output by reference and a one-line summary. */
public record StepOutput(ArtifactRef output, String summary) {}
