package io.nightshift.tools.table;

import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads and writes tables as CSV artifacts, turning I/O trouble into retryable tool errors. */
public final class TableArtifacts {
  public static final String CSV = "text/csv";

  private TableArtifacts() {}

  public static Table read(ToolContext context, String uri, String param) {
    if (!ArtifactRef.isUri(uri)) {
      throw ToolException.permanent("parameter '" + param + "' must be an artifact reference such as "
          + "${steps.NAME.output}, was '" + uri + "'");
    }
    try {
      ArtifactRef ref = context.artifacts().resolve(uri);
      return Csv.parse(new String(context.artifacts().read(ref), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw ToolException.retryable("cannot read " + uri + ": " + e.getMessage(), e);
    }
  }

  public static ArtifactRef write(ToolContext context, Table table) {
    return put(context, Csv.write(table), CSV);
  }

  public static ArtifactRef put(ToolContext context, String text, String mediaType) {
    try {
      return context.artifacts().put(text.getBytes(StandardCharsets.UTF_8), mediaType);
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the output: " + e.getMessage(), e);
    }
  }
}
