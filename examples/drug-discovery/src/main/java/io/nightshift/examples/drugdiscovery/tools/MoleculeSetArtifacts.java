package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.data.MoleculeSetCsv;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads and writes molecule sets as CSV artifacts, turning every failure into a tool error that says why. */
final class MoleculeSetArtifacts {
  private MoleculeSetArtifacts() {}

  /** A molecule set with the property columns its file declared (some may be empty in every row). */
  record Loaded(MoleculeSet set, List<String> columns) {}

  /** The molecule set named by an {@code artifact:sha256:...} parameter. */
  static MoleculeSet load(ToolContext context, ToolArguments arguments, String param) {
    return loadWithColumns(context, arguments, param).set();
  }

  static Loaded loadWithColumns(ToolContext context, ToolArguments arguments, String param) {
    return read(context, param, arguments.required(param));
  }

  /**
   * The union of one or more molecule sets given as comma-separated artifact URIs, in order; a molecule that
   * appears again (same id) keeps its first row. Lets a selection consider this round's molecules together with
   * the best of earlier rounds.
   */
  static MoleculeSet loadAll(ToolContext context, ToolArguments arguments, String param) {
    Map<String, Candidate> union = new LinkedHashMap<>();
    for (String uri : arguments.required(param).split(",")) {
      if (!uri.isBlank()) {
        read(context, param, uri.strip()).set().candidates().forEach(c -> union.putIfAbsent(c.id(), c));
      }
    }
    return new MoleculeSet(new ArrayList<>(union.values()));
  }

  /** Each of one or more comma-separated molecule sets, in order and kept apart (one per docking engine). */
  static List<MoleculeSet> loadEach(ToolContext context, ToolArguments arguments, String param) {
    List<MoleculeSet> sets = new ArrayList<>();
    for (String uri : arguments.required(param).split(",")) {
      if (!uri.isBlank()) {
        sets.add(read(context, param, uri.strip()).set());
      }
    }
    return sets;
  }

  private static Loaded read(ToolContext context, String param, String uri) {
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
      return new Loaded(MoleculeSetCsv.read(content), MoleculeSetCsv.propertyColumns(content));
    } catch (IllegalArgumentException e) {
      throw ToolException.permanent("molecule set " + uri + " is not a valid molecule CSV: " + e.getMessage(), e);
    }
  }

  static ArtifactRef store(ToolContext context, MoleculeSet set) {
    return store(context, set, List.of());
  }

  /** Stores the set with at least {@code columns} in its header (see {@link MoleculeSetCsv#write(MoleculeSet, Collection)}). */
  static ArtifactRef store(ToolContext context, MoleculeSet set, Collection<String> columns) {
    try {
      return context.artifacts().put(MoleculeSetCsv.write(set, new TreeSet<>(columns)), MoleculeSetCsv.MEDIA_TYPE);
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the molecule set: " + e.getMessage(), e);
    }
  }
}
