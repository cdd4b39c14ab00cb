package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.InputFiles;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.examples.drugdiscovery.chem.InvalidMoleculeException;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.data.MoleculeSetCsv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's own seed library for {@code chem.seeds}: a molecule CSV (a {@code smiles} column, ideally {@code name})
 * from the class path, from a file under the runtime's inputs directory (the same confinement as
 * {@code data.read_csv}, so a submitted pipeline cannot read arbitrary server files), or from the artifact store.
 * Rows whose SMILES CDK cannot read are dropped and named; a file with none left is an error.
 */
final class SeedSources {
  private static final int NAMED_REJECTS = 3;

  /** The seeds read, and what was dropped on the way (empty when nothing was). */
  record Seeds(MoleculeSet set, int rows, List<String> rejected) {}

  private SeedSources() {}

  static Seeds read(ToolContext context, String source) {
    MoleculeSet raw;
    try {
      raw = MoleculeSetCsv.read(bytes(context, source));
    } catch (IllegalArgumentException e) {
      throw ToolException.permanent("seed library " + source + " is not a molecule CSV: " + e.getMessage(), e);
    }
    List<Candidate> seeds = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    for (Candidate c : raw.candidates()) {
      try {
        seeds.add(new Candidate(c.id(), MoleculeParser.canonical(c.smiles()), c.name(), List.of(), "seed",
            c.properties()));
      } catch (InvalidMoleculeException e) {
        rejected.add(c.id() + " (" + oneLine(e.getMessage()) + ")");
      }
    }
    if (seeds.isEmpty()) {
      throw ToolException.permanent("seed library " + source + " has no valid molecules (" + raw.size()
          + " rows" + (rejected.isEmpty() ? "" : "; invalid: " + String.join("; ", first(rejected))) + ")");
    }
    return new Seeds(new MoleculeSet(seeds), raw.size(), rejected);
  }

  /**
   * The parser's reason on one line: CDK appends the SMILES and a caret under the bad character on lines of their
   * own, which would break a step summary apart.
   */
  static String oneLine(String message) {
    String line = message.lines().findFirst().orElse("").strip().replaceFirst("[,:]$", "");
    long open = line.chars().filter(ch -> ch == '(').count() - line.chars().filter(ch -> ch == ')').count();
    return line + ")".repeat((int) Math.max(0, open));
  }

  static List<String> first(List<String> rejected) {
    return rejected.size() <= NAMED_REJECTS ? rejected
        : List.of(String.join("; ", rejected.subList(0, NAMED_REJECTS)), "and " + (rejected.size() - NAMED_REJECTS)
            + " more");
  }

  private static byte[] bytes(ToolContext context, String source) {
    try {
      if (ArtifactRef.isUri(source)) {
        return context.artifacts().read(context.artifacts().resolve(source));
      }
      if (source.startsWith("classpath:")) {
        String path = source.substring("classpath:".length()).replaceFirst("^/", "");
        try (InputStream in = SeedSources.class.getClassLoader().getResourceAsStream(path)) {
          if (in == null) {
            throw ToolException.permanent("no resource '" + path + "' on the runtime's class path");
          }
          return in.readAllBytes();
        }
      }
      if (source.startsWith("file:")) {
        return Files.readAllBytes(InputFiles.confined(context, Path.of(source.substring("file:".length()))));
      }
    } catch (IOException e) {
      throw ToolException.permanent("cannot read seed library " + source + ": " + e.getMessage(), e);
    }
    throw ToolException.permanent("parameter 'source' must be builtin, classpath:PATH, file:PATH or"
        + " artifact:sha256:..., was '" + source + "'");
  }
}
