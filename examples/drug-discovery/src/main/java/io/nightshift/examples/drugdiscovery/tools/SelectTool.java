package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.chem.DiversityPicker;
import io.nightshift.examples.drugdiscovery.chem.Fingerprint;
import io.nightshift.examples.drugdiscovery.chem.InvalidMoleculeException;
import io.nightshift.examples.drugdiscovery.chem.Molecule;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import io.nightshift.examples.drugdiscovery.chem.Qed;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code chem.select}: ranks candidates by a combined score and keeps a diverse top set.
 *
 * <p>combined = dock_weight * dock + (1 - dock_weight) * QED, where dock is the ChemPLP score min-max scaled
 * over the set to 0 (worst) .. 1 (best) and counts 0 for a molecule that was not docked. Without any docking
 * scores the ranking is by QED alone. Ties are broken by id, so the result does not depend on input order.
 */
final class SelectTool implements Tool {
  static final String NAME = "chem.select";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Ranks molecules by a combined docking + QED score and keeps a diverse top set (ECFP4 Tanimoto"
            + " sphere exclusion).",
        List.of(
            ToolParam.required("molecules", "artifact:sha256:... of a molecule CSV, ideally with qed and dock_score;"
                + " several comma-separated sets are pooled (first row of a repeated id wins), e.g. this round's"
                + " docked set and the previous selection"),
            ToolParam.optional("count", "how many to keep", "10"),
            ToolParam.optional("max_similarity", "skip a molecule this similar (Tanimoto, ECFP4) to a kept one",
                "0.7"),
            ToolParam.optional("dock_weight", "weight of the docking score against QED (0-1)", "0.6")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    MoleculeSet input = MoleculeSetArtifacts.loadAll(context, arguments, "molecules");
    int count = Numbers.positiveInt(arguments, "count", 10);
    double maxSimilarity = Numbers.inRange(arguments, "max_similarity", 0.7, 0.05, 1);
    double dockWeight = Numbers.inRange(arguments, "dock_weight", 0.6, 0, 1);
    if (input.isEmpty()) {
      return new ToolOutput(MoleculeSetArtifacts.store(context, input), "empty input: nothing to select");
    }

    double best = Double.POSITIVE_INFINITY, worst = Double.NEGATIVE_INFINITY;
    for (Candidate c : input.candidates()) {
      for (double s : c.number(Columns.DOCK_SCORE).stream().toList()) {
        best = Math.min(best, s);
        worst = Math.max(worst, s);
      }
    }
    boolean docked = best <= worst;
    double weight = docked ? dockWeight : 0;

    record Scored(Candidate candidate, Fingerprint fingerprint, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (Candidate c : input.candidates()) {
      var molecule = parse(c);
      double qed = c.number(Columns.QED).orElseGet(() -> Qed.of(molecule));
      double dock = 0;
      if (docked && c.number(Columns.DOCK_SCORE).isPresent()) {
        double s = c.number(Columns.DOCK_SCORE).get();
        dock = worst == best ? 1 : (worst - s) / (worst - best);
      }
      scored.add(new Scored(c, Fingerprint.ecfp4(molecule), weight * dock + (1 - weight) * qed));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparing(s -> s.candidate().id()));

    List<Integer> picked = DiversityPicker.pick(scored.stream().map(Scored::fingerprint).toList(), maxSimilarity,
        count);
    List<Candidate> selected = new ArrayList<>();
    for (int i = 0; i < picked.size(); i++) {
      Scored s = scored.get(picked.get(i));
      selected.add(s.candidate().with(Columns.COMBINED_SCORE, Numbers.format(s.score()))
          .with(Columns.RANK, String.valueOf(i + 1)));
    }
    ArtifactRef ref = MoleculeSetArtifacts.store(context, new MoleculeSet(selected));
    return new ToolOutput(ref, String.format("selected %d of %d (best %s, combined score %s, ranked by %s)",
        selected.size(), input.size(), selected.get(0).id(), Numbers.format(scored.get(picked.get(0)).score()),
        docked ? "docking and QED" : "QED only: no docking scores"));
  }

  private static Molecule parse(Candidate c) {
    try {
      return MoleculeParser.parse(c.smiles());
    } catch (InvalidMoleculeException e) {
      throw ToolException.permanent("molecule " + c.id() + " cannot be selected: " + e.getMessage(), e);
    }
  }
}
