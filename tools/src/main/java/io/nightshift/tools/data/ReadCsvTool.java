package io.nightshift.tools.data;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.CsvRows;
import io.nightshift.core.table.CsvStream;
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
import java.io.InputStreamReader;
import java.io.Reader;
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
    // streamed from the file into the store one record at a time: a million-row input parsed whole was the
    // largest thing a map benchmark's worker ever held (bench/README.md, issue 16)
    try (CsvRows table = CsvRows.open(open(context, source))) {
      ArtifactRef ref = store(context, CsvStream.of(table.header(), () -> row(table, source)));
      return new ToolOutput(ref, table.rows() + " rows x " + table.header().size() + " columns from " + source);
    } catch (IOException e) {
      throw ToolException.permanent("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  /** A row of the source; its read failures stay the source's (permanent), apart from the store's own. */
  private static List<String> row(CsvRows table, String source) {
    try {
      return table.next();
    } catch (IOException e) {
      throw ToolException.permanent("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  private static ArtifactRef store(ToolContext context, InputStream csv) {
    try {
      return context.artifacts().put(csv, TableArtifacts.CSV);
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the output: " + e.getMessage(), e);
    }
  }

  private static Reader open(ToolContext context, String source) throws IOException {
    if (source.startsWith("classpath:")) {
      String path = source.substring("classpath:".length()).replaceFirst("^/", "");
      InputStream in = ReadCsvTool.class.getClassLoader().getResourceAsStream(path);
      if (in == null) {
        throw ToolException.permanent("no resource '" + path + "' on the runtime's class path");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
    if (source.startsWith("file:")) {
      Path file = InputFiles.confined(context, Path.of(source.substring("file:".length())));
      // reports malformed UTF-8 as Files.readString did, rather than replacing it
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
    throw ToolException.permanent("source must start with classpath: or file:, was '" + source + "'");
  }
}
