package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.proposals.Proposal;
import io.nightshift.examples.drugdiscovery.proposals.ProposalReview;
import io.nightshift.examples.drugdiscovery.proposals.ProposalText;
import java.util.List;

/**
 * {@code chem.proposals}: reads an agent's answer, takes out what looks like SMILES, validates each with the
 * same sanitising parser as every other molecule, and records every proposal with its fate (see
 * {@link ProposalRecords}). Whatever the model wrote (nothing, prose, broken SMILES), the round goes on: bad
 * output only shows up in the counts.
 */
final class ProposalsTool implements Tool {
  static final String NAME = "chem.proposals";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Parses a model's proposed analogues (free text), validates each SMILES, drops and counts invalid and"
            + " duplicate ones, and records the valid new molecules with their closest parent.",
        List.of(
            ToolParam.required("answer", "the model's answer: artifact:sha256:... of its text, or the text"),
            ToolParam.required("parents", "artifact:sha256:... of the parent molecule CSV"),
            ToolParam.optional("proposed_by", "who proposed them (endpoint/model), for lineage", "model"),
            ToolParam.optional("round", "round number, recorded in each row", "")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    String answer = TextArtifacts.read(context, "answer", arguments.required("answer"));
    MoleculeSet parents = MoleculeSetArtifacts.load(context, arguments, "parents");
    String proposedBy = arguments.orDefault("proposed_by", "model").strip();
    String round = arguments.orDefault("round", "").strip();

    List<String> tokens = ProposalText.extract(answer);
    List<Proposal> reviewed = ProposalReview.review(tokens, parents.candidates());
    ArtifactRef ref = MoleculeSetArtifacts.store(context, ProposalRecords.of(reviewed, proposedBy, round),
        List.of(ProposalRecords.STATUS, ProposalRecords.NOTE));
    String what = answer.isBlank() ? "an empty answer" : tokens.isEmpty() ? "no SMILES in the answer" : null;
    return new ToolOutput(ref, "model proposals by " + proposedBy + ": "
        + ProposalReview.count(reviewed).describe() + (what == null ? "" : " (" + what + ")"));
  }
}
