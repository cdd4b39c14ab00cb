package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.data.SeedLibrary;
import java.util.List;

/** {@code chem.seeds}: the shipped seed library as a molecule-set artifact. */
final class SeedsTool implements Tool {
  static final String NAME = "chem.seeds";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Loads the shipped seed library (approved drugs, mostly kinase inhibitors) as a molecule CSV artifact.",
        List.of(ToolParam.optional("limit", "keep only the first N seeds (library order)", "all")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    MoleculeSet seeds = SeedLibrary.load();
    if (arguments.optional("limit").filter(v -> !v.equals("all")).isPresent()) {
      int limit = Numbers.positiveInt(arguments, "limit", seeds.size());
      seeds = new MoleculeSet(seeds.candidates().subList(0, Math.min(limit, seeds.size())));
    }
    ArtifactRef ref = MoleculeSetArtifacts.store(context, seeds);
    return new ToolOutput(ref, seeds.size() + " seed molecules");
  }
}
