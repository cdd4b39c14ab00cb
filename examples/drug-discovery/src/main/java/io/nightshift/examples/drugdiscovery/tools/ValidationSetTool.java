package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.chem.MatchingProperties;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.validation.DecoyPicker;
import io.nightshift.examples.drugdiscovery.validation.Ligand;
import io.nightshift.examples.drugdiscovery.validation.PropertyWindow;
import io.nightshift.examples.drugdiscovery.validation.ValidationLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code chem.validation_set}: the shipped ABL1 actives and DUD-E-style decoys for them, picked from the shipped
 * NCI library by {@link DecoyPicker} (property-matched, ECFP4-dissimilar to every active, seeded), as one molecule
 * set with an {@code active} column (1/0). Each active is followed by its decoys.
 */
final class ValidationSetTool implements Tool {
  static final String NAME = "chem.validation_set";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Known ABL1 ATP-site inhibitors and property-matched, dissimilar decoys (DUD-E style) from the shipped NCI"
            + " library, as a molecule set with an 'active' column, for retrospective validation of docking.",
        List.of(
            ToolParam.optional("decoys_per_active", "decoys wanted per active (DUD-E: 50)", "50"),
            ToolParam.optional("actives", "how many of the shipped actives, in file order (all: 15)", "15"),
            ToolParam.optional("max_similarity", "a decoy's ECFP4 Tanimoto to every active stays below this (0-1)",
                "0.35"),
            ToolParam.optional("seed", "random seed of the draw from the most dissimilar quarter", "1")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    List<Ligand> shipped = ValidationLibrary.actives();
    int perActive = Numbers.positiveInt(arguments, "decoys_per_active", 50);
    int count = Numbers.positiveInt(arguments, "actives", shipped.size());
    if (count > shipped.size()) {
      throw ToolException.permanent("parameter 'actives' must be at most " + shipped.size()
          + " (the shipped actives), was " + count);
    }
    double maxSimilarity = Numbers.inRange(arguments, "max_similarity", 0.35, 0.05, 1);
    long seed = Numbers.positiveInt(arguments, "seed", 1);
    List<Ligand> actives = shipped.subList(0, count);

    double widest = PropertyWindow.widest().mw();
    double minMw = actives.stream().mapToDouble(a -> a.properties().mw()).min().orElseThrow() - widest;
    double maxMw = actives.stream().mapToDouble(a -> a.properties().mw()).max().orElseThrow() + widest;
    context.heartbeat("reading the decoy library");
    ValidationLibrary.Library library = ValidationLibrary.decoyLibrary(minMw, maxMw);
    context.heartbeat("matching decoys to " + actives.size() + " actives");
    DecoyPicker.Result result = DecoyPicker.pick(actives, library.ligands(), perActive, maxSimilarity, seed);

    List<Candidate> rows = new ArrayList<>();
    List<String> perActiveCounts = new ArrayList<>();
    for (Ligand active : actives) {
      TreeMap<String, String> a = properties(active);
      a.put(ValidationColumns.ACTIVE, "1");
      a.put(ValidationColumns.SOURCE, active.source());
      rows.add(new Candidate(active.id(), active.canonicalSmiles(), active.name(), List.of(), "active", a));
      List<DecoyPicker.Pick> picks = result.byActive().get(active.id());
      for (DecoyPicker.Pick pick : picks) {
        TreeMap<String, String> d = properties(pick.decoy());
        d.put(ValidationColumns.ACTIVE, "0");
        d.put(ValidationColumns.DECOY_FOR, active.id());
        d.put(ValidationColumns.MATCH_LEVEL, String.valueOf(pick.level()));
        d.put(ValidationColumns.MAX_TANIMOTO, Numbers.format(pick.maxSimilarity()));
        d.put(ValidationColumns.SOURCE, pick.decoy().source());
        rows.add(new Candidate(pick.decoy().id(), pick.decoy().canonicalSmiles(), pick.decoy().name(), List.of(),
            "decoy", d));
      }
      int level = picks.stream().mapToInt(DecoyPicker.Pick::level).max().orElse(-1);
      perActiveCounts.add(active.id() + " " + picks.size() + (picks.isEmpty() ? "" : " (level " + level + ")"));
    }
    ArtifactRef ref = MoleculeSetArtifacts.store(context, new MoleculeSet(rows));
    String summary = String.format("%d actives, %d decoys (wanted %d each; Tanimoto < %s) from %d NCI molecules"
            + " (%d unreadable, %d outside MW %.0f-%.0f): %s%s", actives.size(), result.all().size(), perActive,
        Numbers.format(maxSimilarity), library.lines(), library.invalid(), library.outsideRange(), minMw, maxMw,
        String.join(", ", perActiveCounts), result.quarterRelaxed().isEmpty() ? ""
            : "; most dissimilar quarter relaxed for " + String.join(", ", result.quarterRelaxed()));
    return new ToolOutput(ref, summary);
  }

  private static TreeMap<String, String> properties(Ligand ligand) {
    MatchingProperties p = ligand.properties();
    TreeMap<String, String> c = new TreeMap<>();
    c.put(Columns.MW, Numbers.format(p.mw()));
    c.put(ValidationColumns.CLOGP, Numbers.format(p.logP()));
    c.put(Columns.HBD, String.valueOf(p.hbd()));
    c.put(Columns.HBA, String.valueOf(p.hba()));
    c.put(Columns.ROTATABLE_BONDS, String.valueOf(p.rotatableBonds()));
    c.put(ValidationColumns.CHARGE, String.valueOf(p.netCharge()));
    return c;
  }
}
