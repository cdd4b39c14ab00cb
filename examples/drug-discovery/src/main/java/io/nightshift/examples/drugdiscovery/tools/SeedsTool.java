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

/** {@code chem.seeds}: the shipped seed library, or a user's own, as a molecule-set artifact. */
final class SeedsTool implements Tool {
  static final String NAME = "chem.seeds";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Loads the seed library as a molecule CSV artifact: the shipped one (approved drugs, mostly kinase"
            + " inhibitors) or a molecule CSV of your own; invalid SMILES are dropped and named.",
        List.of(ToolParam.optional("limit", "keep only the first N seeds (library order)", "all"),
            ToolParam.optional("source", "builtin, or a molecule CSV (smiles and name columns) as classpath:PATH,"
                + " file:PATH under the inputs directory, or artifact:sha256:...", "builtin")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    String source = arguments.orDefault("source", "builtin").strip();
    MoleculeSet seeds;
    String dropped = "";
    if (source.equals("builtin")) {
      seeds = SeedLibrary.load();
    } else {
      SeedSources.Seeds read = SeedSources.read(context, source);
      seeds = read.set();
      if (!read.rejected().isEmpty()) {
        dropped = String.format(" (%d of %d rows dropped, invalid SMILES: %s)", read.rejected().size(), read.rows(),
            String.join("; ", SeedSources.first(read.rejected())));
      }
    }
    if (arguments.optional("limit").filter(v -> !v.equals("all")).isPresent()) {
      int limit = Numbers.positiveInt(arguments, "limit", seeds.size());
      seeds = new MoleculeSet(seeds.candidates().subList(0, Math.min(limit, seeds.size())));
    }
    ArtifactRef ref = MoleculeSetArtifacts.store(context, seeds);
    return new ToolOutput(ref, seeds.size() + " seed molecules" + (source.equals("builtin") ? "" : " from " + source)
        + dropped);
  }
}
