package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.util.List;

/**
 * {@code chem.brief_round}: a round's deterministic statistics (the same sentences the report shows) and its best
 * docked molecules as text, the input an agent writes the round's structure-activity summary from.
 */
final class BriefRoundTool implements Tool {
  static final String NAME = "chem.brief_round";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Writes a round's statistics (docking score and QED distributions, rule of five, model proposals) and its"
            + " best docked molecules as text for a model to summarise.",
        List.of(
            ToolParam.required("molecules", "artifact:sha256:... of the round's docked molecule CSV"),
            ToolParam.optional("round", "round number", ""),
            ToolParam.optional("proposals", "artifact:sha256:... of the round's model-proposal record", "")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    MoleculeSet docked = MoleculeSetArtifacts.load(context, arguments, "molecules");
    String round = arguments.orDefault("round", "").strip();
    RoundStatistics stats = RoundStatistics.of(round.isEmpty() ? "this round" : "round " + round,
        docked.candidates());
    if (!arguments.orDefault("proposals", "").isBlank()) {
      stats = stats.withProposals(ProposalRecords.counts(MoleculeSetArtifacts.load(context, arguments, "proposals")));
    }
    String text = RoundSummaryText.statistics(stats) + "\n\nBest docked molecules:\n"
        + RoundSummaryText.bestRows(docked.candidates());
    return new ToolOutput(TextArtifacts.store(context, text), "brief of " + stats.label() + ": " + stats.docked()
        + " docked");
  }
}
