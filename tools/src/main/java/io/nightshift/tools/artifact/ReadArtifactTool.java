package io.nightshift.tools.artifact;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import java.io.IOException;
import java.util.List;

/**
 * Opens an artifact by its {@code artifact:} URI. Agents get earlier steps' outputs as URIs in their prompt; this
 * is how they look inside (the agent runtime shows the model the start of a tool's output).
 */
public final class ReadArtifactTool implements Tool {
  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor("artifact.read", "Open an artifact (an earlier step's output) by its artifact: URI",
        List.of(ToolParam.required("uri", "the artifact:sha256:... URI")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments args) {
    String uri = args.required("uri").trim();
    if (!ArtifactRef.isUri(uri)) {
      throw ToolException.permanent("'" + uri + "' is not an artifact URI; they look like artifact:sha256:<64 hex>");
    }
    try {
      ArtifactRef ref = context.artifacts().find(ArtifactRef.digestOfUri(uri))
          .orElseThrow(() -> ToolException.permanent("no artifact " + uri + " in the store"));
      return new ToolOutput(ref, ref.size() + " bytes of " + ref.mediaType());
    } catch (IOException e) {
      throw ToolException.retryable("cannot read the artifact store: " + e.getMessage(), e);
    }
  }
}
