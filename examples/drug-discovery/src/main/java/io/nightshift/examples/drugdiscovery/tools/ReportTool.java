package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.docking.DockingTarget;
import io.nightshift.examples.drugdiscovery.docking.PocketDocker;
import io.nightshift.examples.drugdiscovery.proposals.ProposalReview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openscience.cdk.CDK;

/** {@code chem.report}: the campaign's HTML report (see {@link CampaignReport}). */
final class ReportTool implements Tool {
  static final String NAME = "chem.report";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Writes an HTML report: best candidates with CDK depictions and lineage, property table, per-round score"
            + " distributions and statistics, and provenance.",
        List.of(
            ToolParam.required("molecules", "artifact:sha256:... of the final (ranked) molecule CSV"),
            ToolParam.optional("rounds", "comma-separated artifact URIs of each round's scored set, in order;"
                + " their rows also serve as ancestors for lineage", ""),
            ToolParam.optional("ancestors", "comma-separated artifact URIs of further sets to trace lineage"
                + " through (e.g. the seeds)", ""),
            ToolParam.optional("top", "how many best candidates to draw", "10"),
            ToolParam.optional("title", "page title", "Nightshift drug-discovery campaign: ABL1 kinase"),
            ToolParam.optional("proposals", "comma-separated artifact URIs of each round's model-proposal record"
                + " (chem.proposals), in round order", ""),
            ToolParam.optional("summaries", "comma-separated artifact URIs of each round's model-written"
                + " structure-activity summary (an agent step's answer), in round order", ""),
            ToolParam.optional("summary_by", "who wrote the summaries and proposals (endpoint/model)", "a model")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    MoleculeSet best = MoleculeSetArtifacts.load(context, arguments, "molecules");
    List<String> roundUris = uris(arguments, "rounds");
    List<String> ancestorUris = uris(arguments, "ancestors");
    List<MoleculeSet> rounds = new ArrayList<>();
    for (String uri : roundUris) {
      rounds.add(MoleculeSetArtifacts.load(context, new ToolArguments(Map.of("rounds", uri)), "rounds"));
    }
    if (rounds.isEmpty()) {
      rounds.add(best);
    }
    Map<String, Candidate> ancestry = new LinkedHashMap<>();
    for (String uri : ancestorUris) {
      MoleculeSetArtifacts.load(context, new ToolArguments(Map.of("ancestors", uri)), "ancestors").candidates()
          .forEach(c -> ancestry.putIfAbsent(c.id(), c));
    }
    rounds.forEach(r -> r.candidates().forEach(c -> ancestry.putIfAbsent(c.id(), c)));

    Set<String> dockEngines = new LinkedHashSet<>();
    rounds.forEach(r -> r.candidates().forEach(c -> c.property(Columns.DOCK_ENGINE).ifPresent(dockEngines::add)));
    List<String> provenance = new ArrayList<>();
    provenance.add("final set: " + arguments.required("molecules"));
    for (int i = 0; i < roundUris.size(); i++) {
      provenance.add("round " + (i + 1) + ": " + roundUris.get(i));
    }
    ancestorUris.forEach(u -> provenance.add("ancestors: " + u));
    provenance.add("docking: " + (dockEngines.isEmpty() ? "none in these sets" : String.join("; ", dockEngines))
        + " into " + DockingTarget.ABL1_NAME + " [" + DockingTarget.ABL1_SOURCE + "]");
    provenance.add("descriptors, PAINS, fingerprints, depictions: CDK " + CDK.getVersion()
        + "; QED: Bickerton et al. 2012 as in RDKit QED.py, checked against RDKit 2022.09");
    provenance.add("expected docking engine for new scores: " + PocketDocker.ENGINE);
    List<ProposalReview.Counts> proposals = new ArrayList<>();
    for (String uri : uris(arguments, "proposals")) {
      proposals.add(ProposalRecords.counts(
          MoleculeSetArtifacts.load(context, new ToolArguments(Map.of("proposals", uri)), "proposals")));
    }
    List<String> summaries = new ArrayList<>();
    for (String uri : uris(arguments, "summaries")) {
      summaries.add(TextArtifacts.read(context, "summaries", uri));
    }
    String by = arguments.orDefault("summary_by", "a model").strip();
    if (!proposals.isEmpty()) {
      provenance.add("model-proposed analogues: " + by + ", validated by CDK " + CDK.getVersion()
          + " (records: " + String.join(", ", uris(arguments, "proposals")) + ")");
    }
    if (!summaries.isEmpty()) {
      provenance.add("structure-activity summaries: written by " + by + " from the statistics shown beside them"
          + " (" + String.join(", ", uris(arguments, "summaries")) + ")");
    }

    String html = CampaignReport.render(new CampaignReport.Input(
        arguments.orDefault("title", "Nightshift drug-discovery campaign: ABL1 kinase"), best, rounds, ancestry,
        Numbers.positiveInt(arguments, "top", 10), provenance, new CampaignReport.ModelWork(proposals, summaries, by)));
    try {
      ArtifactRef ref = context.artifacts().put(html.getBytes(StandardCharsets.UTF_8), "text/html");
      return new ToolOutput(ref, String.format("report: %d candidates, %d rounds, %d KiB", best.size(),
          rounds.size(), ref.size() / 1024));
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the report: " + e.getMessage(), e);
    }
  }

  private static List<String> uris(ToolArguments arguments, String name) {
    return arguments.optional(name).map(v -> Arrays.stream(v.split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
  }
}
