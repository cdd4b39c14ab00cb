package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.chem.BrenkFilter;
import io.nightshift.examples.drugdiscovery.chem.DescriptorCalculator;
import io.nightshift.examples.drugdiscovery.chem.Descriptors;
import io.nightshift.examples.drugdiscovery.chem.InvalidMoleculeException;
import io.nightshift.examples.drugdiscovery.chem.Molecule;
import io.nightshift.examples.drugdiscovery.chem.MoleculeParser;
import io.nightshift.examples.drugdiscovery.chem.SyntheticAccessibility;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code chem.filter}: computes descriptors, rule-of-five, Veber, PAINS, Brenk unwanted groups, QED and the
 * synthetic accessibility score for each molecule and keeps those that pass. Invalid SMILES and duplicates are
 * dropped and counted, never fatal: model-proposed molecules are often malformed. Each dropped molecule is counted
 * under the first rule it fails, in the order of the summary.
 */
final class FilterTool implements Tool {
  static final String NAME = "chem.filter";
  /**
   * Ertl and Schuffenhauer put typical drugs and catalogue compounds at 2-5 and complex natural products above 6;
   * the generator's analogues of the seeds score at most about 4.3 (FilterToolSyntheticAccessibilityTest).
   */
  static final double DEFAULT_MAX_SA = 6;

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Annotates molecules with CDK descriptors (MW, XLogP, TPSA, HBD, HBA, rotatable bonds, aromatic rings),"
            + " Lipinski and Veber rules, PAINS alerts, Brenk unwanted-group alerts, QED and the SA score (Ertl &"
            + " Schuffenhauer), and keeps those that pass.",
        List.of(
            ToolParam.required("molecules", "artifact:sha256:... of a molecule CSV (needs a smiles column)"),
            ToolParam.optional("max_lipinski_violations", "most rule-of-five violations allowed (0-4)", "1"),
            ToolParam.optional("require_veber", "drop molecules failing Veber (rotatable bonds <= 10, TPSA <= 140)",
                "true"),
            ToolParam.optional("reject_pains", "drop molecules matching any PAINS filter", "true"),
            ToolParam.optional("reject_brenk",
                "drop molecules matching any Brenk unwanted-group filter (reactive, unstable or toxic groups)", "true"),
            ToolParam.optional("min_qed", "lowest QED kept (0-1)", "0"),
            ToolParam.optional("max_sa",
                "highest synthetic accessibility score kept (1 = easy .. 10 = very hard to make)",
                saScore(DEFAULT_MAX_SA))));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    MoleculeSet input = MoleculeSetArtifacts.load(context, arguments, "molecules");
    int maxViolations = (int) Numbers.inRange(arguments, "max_lipinski_violations", 1, 0, 4);
    boolean requireVeber = Numbers.flag(arguments, "require_veber", true);
    boolean rejectPains = Numbers.flag(arguments, "reject_pains", true);
    boolean rejectBrenk = Numbers.flag(arguments, "reject_brenk", true);
    double minQed = Numbers.inRange(arguments, "min_qed", 0, 0, 1);
    double maxSa = Numbers.inRange(arguments, "max_sa", DEFAULT_MAX_SA, 1, 10);

    List<Candidate> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int invalid = 0, duplicate = 0, lipinski = 0, veber = 0, pains = 0, brenk = 0, qed = 0, hardToMake = 0;
    for (Candidate candidate : input.candidates()) {
      Molecule molecule;
      try {
        molecule = MoleculeParser.parse(candidate.smiles());
      } catch (InvalidMoleculeException e) {
        invalid++;
        continue;
      }
      if (!seen.add(molecule.canonicalSmiles())) {
        duplicate++;
        continue;
      }
      Descriptors d = DescriptorCalculator.compute(molecule);
      List<String> brenkAlerts = BrenkFilter.matches(molecule);
      if (d.lipinskiViolations() > maxViolations) {
        lipinski++;
      } else if (requireVeber && !d.veber()) {
        veber++;
      } else if (rejectPains && !d.painsFree()) {
        pains++;
      } else if (rejectBrenk && !brenkAlerts.isEmpty()) {
        brenk++;
      } else if (d.qed() < minQed) {
        qed++;
      } else {
        // the rounded value is the one compared, so a kept row never shows a score above max_sa
        String saScore = saScore(SyntheticAccessibility.score(molecule));
        if (Double.parseDouble(saScore) > maxSa) {
          hardToMake++;
          continue;
        }
        TreeMap<String, String> columns = columns(d, brenkAlerts);
        columns.put(Columns.SA_SCORE, saScore);
        kept.add(new Candidate(candidate.id(), molecule.canonicalSmiles(), candidate.name(), candidate.parents(),
            candidate.origin(), candidate.properties()).with(columns));
      }
    }
    ArtifactRef ref = MoleculeSetArtifacts.store(context, new MoleculeSet(kept));
    String summary = input.isEmpty()
        ? "empty input: no molecules to filter"
        : String.format("kept %d of %d (dropped: %d invalid SMILES, %d duplicates, %d rule of five, %d Veber,"
            + " %d PAINS, %d Brenk, %d QED < %s, %d SA score > %s)", kept.size(), input.size(), invalid, duplicate,
            lipinski, veber, pains, brenk, qed, Numbers.format(minQed), hardToMake, saScore(maxSa));
    return new ToolOutput(ref, summary);
  }

  /** The SA score as the column holds it: two decimals, as the score's published precision warrants. */
  static String saScore(double score) {
    return String.format(Locale.ROOT, "%.2f", score);
  }

  /** The descriptor columns this tool adds; other tools and the report read them by these names. */
  static TreeMap<String, String> columns(Descriptors d, List<String> brenkAlerts) {
    TreeMap<String, String> c = new TreeMap<>();
    c.put(Columns.MW, Numbers.format(d.molecularWeight()));
    c.put(Columns.XLOGP, Numbers.format(d.xlogp()));
    c.put(Columns.TPSA, Numbers.format(d.tpsa()));
    c.put(Columns.HBD, String.valueOf(d.hbd()));
    c.put(Columns.HBA, String.valueOf(d.hba()));
    c.put(Columns.ROTATABLE_BONDS, String.valueOf(d.rotatableBonds()));
    c.put(Columns.AROMATIC_RINGS, String.valueOf(d.aromaticRings()));
    c.put(Columns.LIPINSKI_VIOLATIONS, String.valueOf(d.lipinskiViolations()));
    c.put(Columns.VEBER, String.valueOf(d.veber()));
    c.put(Columns.PAINS, String.join("|", d.pains()));
    c.put(Columns.BRENK, String.join(";", brenkAlerts));
    c.put(Columns.QED, Numbers.format(d.qed()));
    return c;
  }
}
