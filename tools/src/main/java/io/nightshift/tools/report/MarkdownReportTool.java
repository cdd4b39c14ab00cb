package io.nightshift.tools.report;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.tools.table.TableArtifacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a Markdown report from earlier steps' outputs: one section per input, tables rendered as Markdown
 * tables (first rows only, with the total), other text quoted as is. Each section cites the artifact digest it
 * came from, so every number in the report can be traced.
 */
final class MarkdownReportTool implements Tool {
  private static final int MAX_ROWS = 25;

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor("report.markdown", "Render earlier outputs into a Markdown report", List.of(
        ToolParam.required("title", "report title"),
        ToolParam.required("sections", "Heading=${steps.X.output} pairs separated by ';'")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments args) {
    StringBuilder md = new StringBuilder("# ").append(args.required("title")).append("\n");
    String[] sections = args.required("sections").split(";");
    for (String section : sections) {
      int eq = section.indexOf('=');
      if (eq <= 0) {
        throw ToolException.permanent("section '" + section.trim() + "' must read Heading=${steps.X.output}");
      }
      String heading = section.substring(0, eq).trim();
      String uri = section.substring(eq + 1).trim();
      md.append("\n## ").append(heading).append("\n\n").append(render(context, uri));
    }
    ArtifactRef ref = TableArtifacts.put(context, md.toString(), "text/markdown");
    return new ToolOutput(ref, sections.length + " sections, " + md.length() + " characters");
  }

  private static String render(ToolContext context, String uri) {
    try {
      ArtifactRef ref = context.artifacts().resolve(uri);
      String text = new String(context.artifacts().read(ref), StandardCharsets.UTF_8);
      String body = TableArtifacts.CSV.equals(ref.mediaType()) ? table(Csv.parse(text)) : "```\n" + text + "\n```\n";
      return body + "\n_source: " + ref.digest() + "_\n";
    } catch (IOException e) {
      throw ToolException.retryable("cannot read " + uri + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw ToolException.permanent("section source must be an artifact reference, was '" + uri + "'");
    }
  }

  private static String table(Table t) {
    StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", t.header())).append(" |\n|");
    sb.append(" --- |".repeat(t.header().size())).append('\n');
    t.rows().stream().limit(MAX_ROWS).forEach(r -> sb.append("| ").append(String.join(" | ", r)).append(" |\n"));
    if (t.rows().size() > MAX_ROWS) {
      sb.append("\n(").append(MAX_ROWS).append(" of ").append(t.rows().size()).append(" rows shown)\n");
    }
    return sb.toString();
  }
}
