package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code chem.brief_parents}: the parents of a round as a short text table (SMILES with QED, docking score and
 * molecular weight where known), for an agent that proposes analogues: its prompt inlines this text, so even a
 * model that cannot use tools sees the molecules it is to improve.
 */
final class BriefParentsTool implements Tool {
  static final String NAME = "chem.brief_parents";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Writes the given molecules as a short text table (SMILES, QED, docking score, MW) for a model to read.",
        List.of(
            ToolParam.required("molecules", "artifact:sha256:... of the molecule CSV (ranked: best first)"),
            ToolParam.optional("limit", "rows at most (the first ones)", "10")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    MoleculeSet set = MoleculeSetArtifacts.load(context, arguments, "molecules");
    int limit = Numbers.positiveInt(arguments, "limit", 10);
    List<Candidate> rows = set.candidates().subList(0, Math.min(limit, set.size()));
    StringBuilder t = new StringBuilder("SMILES | QED | docking score (lower is better) | MW\n");
    for (Candidate c : rows) {
      t.append(c.smiles()).append(" | ").append(fixed(c, Columns.QED, 2)).append(" | ")
          .append(fixed(c, Columns.DOCK_SCORE, 1)).append(" | ").append(fixed(c, Columns.MW, 0)).append('\n');
    }
    return new ToolOutput(TextArtifacts.store(context, t.toString()),
        "brief of " + rows.size() + " of " + set.size() + " molecules");
  }

  private static String fixed(Candidate c, String column, int digits) {
    return c.number(column).map(v -> String.format(Locale.ROOT, "%." + digits + "f", v)).orElse("-");
  }
}
