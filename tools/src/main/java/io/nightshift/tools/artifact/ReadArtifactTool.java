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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Opens an artifact by its {@code artifact:} URI. Agents get earlier steps' outputs as URIs in their prompt; this
 * is how they look inside. Without a range the output is the artifact itself (a pipeline step passes it on; an
 * agent is shown its head and tail). With {@code offset}/{@code length} the output is that slice of a text
 * artifact, as a new {@code text/plain} artifact, and the summary says where it lies in the whole: so an agent
 * shown only the ends of a large tool output can read its middle, page by page.
 */
public final class ReadArtifactTool implements Tool {
  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor("artifact.read", "Open an artifact (an earlier step's or tool's output) by its "
        + "artifact: URI; give offset and/or length to read that part of a text artifact",
        List.of(ToolParam.required("uri", "the artifact:sha256:... URI"),
            ToolParam.optional("offset", "the first byte to read, from 0 (whole number)", null),
            ToolParam.optional("length", "how many bytes to read, 1-" + ReadRange.MAX_LENGTH + " (whole number; "
                + ReadRange.DEFAULT_LENGTH + " when only offset is given)", null)));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments args) {
    String uri = args.required("uri").trim();
    if (!ArtifactRef.isUri(uri)) {
      throw ToolException.permanent("'" + uri + "' is not an artifact URI; they look like artifact:sha256:<64 hex>");
    }
    Optional<ReadRange> range = ReadRange.of(args);
    try {
      ArtifactRef ref = context.artifacts().find(ArtifactRef.digestOfUri(uri))
          .orElseThrow(() -> ToolException.permanent("no artifact " + uri + " in the store"));
      if (range.isEmpty()) {
        return new ToolOutput(ref, ref.size() + " bytes of " + ref.mediaType());
      }
      return slice(context, ref, range.get());
    } catch (IOException e) {
      throw ToolException.retryable("cannot read the artifact store: " + e.getMessage(), e);
    }
  }

  private static ToolOutput slice(ToolContext context, ArtifactRef ref, ReadRange range) throws IOException {
    if (!ArtifactSlices.isText(ref.mediaType())) {
      throw ToolException.permanent(ref.uri() + " is " + ref.mediaType() + ", not text: offset and length read "
          + "text artifacts only");
    }
    TextSlice slice;
    try {
      slice = ArtifactSlices.read(context.artifacts(), ref, range.offset(), range.length());
    } catch (IllegalArgumentException e) {
      throw ToolException.permanent(e.getMessage());
    }
    ArtifactRef out = context.artifacts().put(slice.text().getBytes(StandardCharsets.UTF_8), "text/plain");
    String rest = slice.reachesEnd() ? "the end" : "the rest from offset " + slice.end();
    return new ToolOutput(out, slice.where() + " of " + ref.uri() + " (" + ref.mediaType() + "); " + rest);
  }
}
