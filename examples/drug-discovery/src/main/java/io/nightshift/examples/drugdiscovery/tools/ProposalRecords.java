package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.proposals.Proposal;
import io.nightshift.examples.drugdiscovery.proposals.ProposalReview;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A round's reviewed model proposals as a molecule-set CSV: one row per proposal, accepted or not, with
 * {@code proposal_status} (accepted, invalid, duplicate) and {@code proposal_note} (the reason, or the closest
 * parent). Invalid rows keep what the model wrote in {@code smiles}, so the record shows exactly what was dropped.
 * {@code chem.generate} merges the accepted rows; the report counts all of them.
 */
final class ProposalRecords {
  static final String STATUS = "proposal_status";
  static final String NOTE = "proposal_note";

  private ProposalRecords() {}

  static MoleculeSet of(List<Proposal> proposals, String proposedBy, String round) {
    String origin = RoundStatistics.MODEL_ORIGIN + proposedBy;
    List<Candidate> rows = new ArrayList<>();
    for (int i = 0; i < proposals.size(); i++) {
      Proposal p = proposals.get(i);
      TreeMap<String, String> props = new TreeMap<>();
      props.put(STATUS, p.status().wireName());
      props.put(NOTE, p.note());
      if (!round.isBlank()) {
        props.put("round", round);
      }
      boolean accepted = p.status() == Proposal.Status.ACCEPTED;
      String id = accepted ? GenerateTool.idFor(p.canonical()) : String.format("proposal-%03d", i + 1);
      rows.add(new Candidate(id, p.canonical() != null ? p.canonical() : p.text(), id,
          accepted && p.nearestParent() != null ? List.of(p.nearestParent()) : List.of(), origin, props));
    }
    return new MoleculeSet(rows);
  }

  /** The accepted molecules, as candidates without the review columns. */
  static List<Candidate> accepted(MoleculeSet record) {
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : record.candidates()) {
      if (Proposal.Status.ACCEPTED.wireName().equals(c.properties().get(STATUS))) {
        TreeMap<String, String> props = new TreeMap<>(c.properties());
        props.remove(STATUS);
        props.remove(NOTE);
        out.add(new Candidate(c.id(), c.smiles(), c.name(), c.parents(), c.origin(), props));
      }
    }
    return out;
  }

  static ProposalReview.Counts counts(MoleculeSet record) {
    int accepted = 0, invalid = 0, duplicate = 0;
    for (Candidate c : record.candidates()) {
      String status = c.properties().getOrDefault(STATUS, "");
      if (status.equals(Proposal.Status.ACCEPTED.wireName())) {
        accepted++;
      } else if (status.equals(Proposal.Status.DUPLICATE.wireName())) {
        duplicate++;
      } else {
        invalid++;
      }
    }
    return new ProposalReview.Counts(record.size(), accepted, invalid, duplicate);
  }
}
