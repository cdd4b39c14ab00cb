package io.nightshift.tools.data;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.tool.InputFiles;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.tools.table.TableArtifacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Brings a CSV data set into the artifact store: data shipped on the class path ({@code classpath:...}) or a
 * file under the runtime's inputs directory ({@code file:...}, {@link ToolContext#inputsDir()}). Reading is confined
 * to those two places so a submitted pipeline cannot read arbitrary files of the server.
 */
final class ReadCsvTool implements Tool {
  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor("data.read_csv", "Load a CSV data set (classpath: or file: under the inputs dir)",
        List.of(ToolParam.required("source", "classpath:PATH or file:PATH of a CSV file with a header row")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments args) {
    String source = args.required("source");
    String text = load(context, source);
    Table table = Csv.parse(text);
    ArtifactRef ref = TableArtifacts.write(context, table);
    return new ToolOutput(ref, table.rows().size() + " rows x " + table.header().size() + " columns from " + source);
  }

  private static String load(ToolContext context, String source) {
    try {
      if (source.startsWith("classpath:")) {
        String path = source.substring("classpath:".length()).replaceFirst("^/", "");
        try (InputStream in = ReadCsvTool.class.getClassLoader().getResourceAsStream(path)) {
          if (in == null) {
            throw ToolException.permanent("no resource '" + path + "' on the runtime's class path");
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      if (source.startsWith("file:")) {
        Path file = InputFiles.confined(context, Path.of(source.substring("file:".length())));
        return Files.readString(file, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw ToolException.permanent("cannot read " + source + ": " + e.getMessage(), e);
    }
    throw ToolException.permanent("source must start with classpath: or file:, was '" + source + "'");
  }
}
