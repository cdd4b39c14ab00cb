package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.data.MoleculeSetCsv;
import java.io.IOException;

/** Reads and writes molecule sets as CSV artifacts, turning every failure into a tool error that says why. */
final class MoleculeSetArtifacts {
  private MoleculeSetArtifacts() {}

  /** The molecule set named by an {@code artifact:sha256:...} parameter. */
  static MoleculeSet load(ToolContext context, ToolArguments arguments, String param) {
    String uri = arguments.required(param);
    if (!ArtifactRef.isUri(uri)) {
      throw ToolException.permanent(
          "parameter '" + param + "' must be an artifact:sha256:<hex> reference to a molecule CSV, was '" + uri + "'");
    }
    byte[] content;
    try {
      content = context.artifacts().read(context.artifacts().resolve(uri));
    } catch (IOException e) {
      throw ToolException.permanent("cannot read molecule set " + uri + ": " + e.getMessage(), e);
    }
    try {
      return MoleculeSetCsv.read(content);
    } catch (IllegalArgumentException e) {
      throw ToolException.permanent("molecule set " + uri + " is not a valid molecule CSV: " + e.getMessage(), e);
    }
  }

  static ArtifactRef store(ToolContext context, MoleculeSet set) {
    try {
      return context.artifacts().put(MoleculeSetCsv.write(set), MoleculeSetCsv.MEDIA_TYPE);
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the molecule set: " + e.getMessage(), e);
    }
  }
}
