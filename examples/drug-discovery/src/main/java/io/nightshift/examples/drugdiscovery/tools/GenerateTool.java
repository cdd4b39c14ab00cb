package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.chem.Analogue;
import io.nightshift.examples.drugdiscovery.chem.AnalogueGenerator;
import io.nightshift.examples.drugdiscovery.chem.InvalidMoleculeException;
import io.nightshift.examples.drugdiscovery.chem.Molecule;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code chem.generate}: analogues of a parent set by CDK graph moves (atom swaps, substituent additions and
 * removals, fragment swaps, crossovers). Output rows carry their parents' ids and the move, so lineage can be
 * traced back to the seeds, and the parents' best docking score ({@code parent_dock_score}) when they were docked.
 * Parents from a selection get shares of the analogues that grow with their rank ({@link ParentShares}).
 * Deterministic: the same parents, count, seed and weighting give the same artifact.
 */
final class GenerateTool implements Tool {
  static final String NAME = "chem.generate";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Generates valid, sanitised analogues of the given molecules by atom swaps, substituent edits, fragment"
            + " swaps and crossovers (CDK), deterministically from a seed.",
        List.of(
            ToolParam.required("molecules", "artifact:sha256:... of the parent molecule CSV"),
            ToolParam.optional("count", "how many new molecules to make at most", "50"),
            ToolParam.optional("seed", "random seed (an integer); vary it per round", "0"),
            ToolParam.optional("round", "round number, recorded in each row", ""),
            ToolParam.optional("parent_weighting", "rank (parents with a selection rank get shares of the"
                + " analogues that grow with their rank; see ParentShares) or uniform", ParentShares.RANK),
            ToolParam.optional("exploit", "the share of count (0-1) made by point mutations only (atom swap,"
                + " substituent added or removed) of the best binders among the parents: the top tenth by their own"
                + " dock_score (see BestBinders); the rest as before. No effect when no parent was docked", "0"),
            ToolParam.optional("proposals", "artifact:sha256:... of a model-proposal record (chem.proposals):"
                + " its accepted molecules join the generated ones", "")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    MoleculeSet input = MoleculeSetArtifacts.load(context, arguments, "molecules");
    int count = Numbers.positiveInt(arguments, "count", 50);
    long seed = seed(arguments);
    String round = arguments.orDefault("round", "");
    double exploit = Numbers.inRange(arguments, "exploit", 0, 0, 1);
    String weighting = arguments.orDefault("parent_weighting", ParentShares.RANK).strip().toLowerCase(Locale.ROOT);
    if (!weighting.equals(ParentShares.RANK) && !weighting.equals(ParentShares.UNIFORM)) {
      throw ToolException.permanent("parameter 'parent_weighting' must be rank or uniform, was '" + weighting + "'");
    }

    List<Candidate> parents = new ArrayList<>();
    List<Molecule> molecules = new ArrayList<>();
    int invalid = 0;
    for (Candidate c : input.candidates()) {
      try {
        molecules.add(MoleculeParser.parse(c.smiles()));
        parents.add(c);
      } catch (InvalidMoleculeException e) {
        invalid++;
      }
    }
    if (molecules.isEmpty()) {
      throw ToolException.permanent("no valid parent molecules to generate from (" + input.size()
          + " rows, " + invalid + " with invalid SMILES): the previous round produced nothing to build on");
    }
    Optional<double[]> weights = ParentShares.weights(parents, weighting);
    Optional<BestBinders> best = BestBinders.of(parents);
    int near = best.isEmpty() ? 0 : (int) Math.round(exploit * count);
    List<Analogue> analogues = new ArrayList<>(
        AnalogueGenerator.generate(molecules, weights.orElse(null), count - near, seed));
    int nearMade = 0;
    if (near > 0) {
      Set<String> made = new HashSet<>();
      analogues.forEach(a -> made.add(a.molecule().canonicalSmiles()));
      // a random stream of its own, so the share's analogues do not shift the others'
      List<Analogue> nearBest = AnalogueGenerator.generateNear(molecules, best.get().weights(), near, ~seed, made);
      nearMade = nearBest.size();
      analogues.addAll(nearBest);
    }
    List<Candidate> out = new ArrayList<>();
    for (Analogue analogue : analogues) {
      String smiles = analogue.molecule().canonicalSmiles();
      String id = idFor(smiles);
      List<String> parentIds = analogue.parents().stream().map(i -> parents.get(i).id()).toList();
      TreeMap<String, String> props = new TreeMap<>();
      if (!round.isBlank()) {
        props.put("round", round);
      }
      // the parents' best docking score: an estimate the triage ranks by before this molecule is docked
      analogue.parents().stream().flatMap(i -> parents.get(i).number(Columns.DOCK_SCORE).stream())
          .min(Double::compare).ifPresent(s -> props.put(Columns.PARENT_DOCK_SCORE, Numbers.format(s)));
      out.add(new Candidate(id, smiles, id, parentIds, "mutate:" + analogue.operator(), props));
    }
    int generated = out.size();
    String merged = arguments.orDefault("proposals", "").isBlank() ? "" : mergeProposals(context, arguments, out);
    ArtifactRef ref = MoleculeSetArtifacts.store(context, new MoleculeSet(out));
    String exploited = near == 0 ? "" : String.format("; %d of them point mutations of the best binders %s",
        nearMade, String.join(", ", best.get().ids()));
    return new ToolOutput(ref, String.format("generated %d new molecules from %d parents (seed %d%s; %s%s)%s",
        generated, molecules.size(), seed, invalid > 0 ? ", " + invalid + " invalid parents skipped" : "",
        ParentShares.describe(weights), exploited, merged));
  }

  /**
   * Appends the accepted model proposals that the graph moves did not also make (those keep their generated row);
   * the proposals were validated and de-duplicated against the parents by {@code chem.proposals}.
   */
  private static String mergeProposals(ToolContext context, ToolArguments arguments, List<Candidate> out) {
    Set<String> ids = new HashSet<>();
    out.forEach(c -> ids.add(c.id()));
    int added = 0, alsoGenerated = 0;
    for (Candidate c : ProposalRecords.accepted(MoleculeSetArtifacts.load(context, arguments, "proposals"))) {
      if (ids.add(c.id())) {
        out.add(c);
        added++;
      } else {
        alsoGenerated++;
      }
    }
    return ", plus " + added + " model-proposed" + (alsoGenerated > 0 ? " (" + alsoGenerated
        + " more were also made by the graph moves)" : "");
  }

  private static long seed(ToolArguments arguments) {
    String value = arguments.orDefault("seed", "0").strip();
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ToolException.permanent("parameter 'seed' must be an integer, was '" + value + "'");
    }
  }

  /** A name derived from the structure: the same molecule gets the same id in every round and run. */
  static String idFor(String canonicalSmiles) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalSmiles.getBytes(StandardCharsets.UTF_8));
      return "NS-" + HexFormat.of().formatHex(hash, 0, 5).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
