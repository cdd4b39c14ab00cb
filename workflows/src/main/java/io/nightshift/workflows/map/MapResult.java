package io.nightshift.workflows.map;

import io.nightshift.core.artifact.ArtifactRef;

/** A map node's merged output table and how much went through it. */
public record MapResult(ArtifactRef table, int chunks, int rows) {}
