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
import io.nightshift.examples.drugdiscovery.chem.InvalidMoleculeException;
import io.nightshift.examples.drugdiscovery.chem.Molecule;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code chem.select}: ranks candidates and keeps a diverse top set. Two rankings: {@code pareto} (the default,
 * {@link ParetoRanking}: Pareto fronts over docking, QED and SA, Brenk-alerted molecules after clean ones) and
 * {@code combined} ({@link CombinedScoreRanking}: one weighted docking + QED score, the ranking before issue 18).
 * Either way ECFP4 Tanimoto sphere exclusion then walks the ranking best first, and ties are broken by id, so the
 * result does not depend on input order. In the triage before docking, {@code exploit} gives a share of the budget
 * to the analogues of the best binders first ({@link ExploitShare}), and {@code exclude} leaves out the molecules
 * earlier rounds docked: the generator makes some of them again, and docking one twice spends the budget on a score
 * the campaign already has (a good one is among the parents anyway).
 */
final class SelectTool implements Tool {
  static final String NAME = "chem.select";
  static final String PARETO = "pareto";
  static final String COMBINED = "combined";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Ranks molecules by Pareto front over docking score, QED and SA score (Brenk-alerted last), or by a"
            + " combined docking + QED score, and keeps a diverse top set (ECFP4 Tanimoto sphere exclusion).",
        List.of(
            ToolParam.required("molecules", "artifact:sha256:... of a molecule CSV, ideally with qed and dock_score;"
                + " several comma-separated sets are pooled (first row of a repeated id wins), e.g. this round's"
                + " docked set and the previous selection"),
            ToolParam.optional("count", "how many to keep", "10"),
            ToolParam.optional("max_similarity", "skip a molecule this similar (Tanimoto, ECFP4) to a kept one",
                "0.7"),
            ToolParam.optional("ranking", "pareto (fronts over docking, QED and SA; Brenk alerts last) or combined"
                + " (dock_weight * scaled docking + (1 - dock_weight) * QED)", PARETO),
            ToolParam.optional("dock_weight", "ranking=combined only: weight of the docking score against QED (0-1)",
                "0.6"),
            ToolParam.optional("exploit", "triage only (a set with parent_dock_score and no dock_score): the share"
                + " of count (0-1) given first to the analogues of the best binders, by parent_dock_score and"
                + " diverse; the rest follows the ranking", "0"),
            ToolParam.optional("exclude", "molecule sets (comma-separated artifact:sha256:...) whose molecules are"
                + " not selected (same id: same structure); in the triage, the sets earlier rounds docked", "")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    MoleculeSet offered = MoleculeSetArtifacts.loadAll(context, arguments, "molecules");
    Set<String> excluded = arguments.optional("exclude").isEmpty() ? Set.of()
        : MoleculeSetArtifacts.loadAll(context, arguments, "exclude").candidates().stream().map(Candidate::id)
            .collect(Collectors.toSet());
    MoleculeSet input = new MoleculeSet(offered.candidates().stream().filter(c -> !excluded.contains(c.id()))
        .toList());
    String leftOut = input.size() == offered.size() ? ""
        : "; left out " + (offered.size() - input.size()) + " already in the excluded sets";
    int count = Numbers.positiveInt(arguments, "count", 10);
    double maxSimilarity = Numbers.inRange(arguments, "max_similarity", 0.7, 0.05, 1);
    double dockWeight = Numbers.inRange(arguments, "dock_weight", 0.6, 0, 1);
    double exploit = Numbers.inRange(arguments, "exploit", 0, 0, 1);
    String ranking = arguments.orDefault("ranking", PARETO).strip().toLowerCase(Locale.ROOT);
    if (!ranking.equals(PARETO) && !ranking.equals(COMBINED)) {
      throw ToolException.permanent("parameter 'ranking' must be pareto or combined, was '" + ranking + "'");
    }
    if (input.isEmpty()) {
      return new ToolOutput(MoleculeSetArtifacts.store(context, input), "empty input: nothing to select" + leftOut);
    }
    List<Molecule> molecules = input.candidates().stream().map(SelectTool::parse).toList();

    List<RankedCandidate> ranked;
    String how;
    if (ranking.equals(PARETO)) {
      ParetoRanking.Result result = ParetoRanking.rank(input.candidates(), molecules);
      ranked = result.ranked();
      how = result.description();
    } else {
      ranked = CombinedScoreRanking.rank(input.candidates(), molecules, dockWeight);
      how = CombinedScoreRanking.anyDocked(input.candidates()) ? "docking and QED"
          : "QED only: no docking scores";
    }

    ExploitShare.Result split = ExploitShare.apply(ranked, exploit, count, maxSimilarity);
    ranked = split.order();
    List<Integer> picked = DiversityPicker.pick(ranked.stream().map(RankedCandidate::fingerprint).toList(),
        maxSimilarity, count);
    List<Candidate> selected = new ArrayList<>();
    for (int i = 0; i < picked.size(); i++) {
      RankedCandidate r = ranked.get(picked.get(i));
      selected.add(r.candidate().with(r.columns()).with(Columns.RANK, String.valueOf(i + 1)));
    }
    ArtifactRef ref = MoleculeSetArtifacts.store(context, new MoleculeSet(selected));
    Candidate first = selected.get(0);
    String firstScore = ranking.equals(PARETO) ? "front " + first.property(Columns.PARETO_FRONT).orElseThrow()
        : "combined score " + first.property(Columns.COMBINED_SCORE).orElseThrow();
    String exploited = split.exploited() == 0 ? ""
        : String.format("; the first %d are analogues of the best binders (by parents' docking score)",
            split.exploited());
    return new ToolOutput(ref, String.format("selected %d of %d (best %s, %s, ranked by %s%s)%s", selected.size(),
        input.size(), first.id(), firstScore, how, exploited, leftOut));
  }

  private static Molecule parse(Candidate c) {
    try {
      return MoleculeParser.parse(c.smiles());
    } catch (InvalidMoleculeException e) {
      throw ToolException.permanent("molecule " + c.id() + " cannot be selected: " + e.getMessage(), e);
    }
  }
}
