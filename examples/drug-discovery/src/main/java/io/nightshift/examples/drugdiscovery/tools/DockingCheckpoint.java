package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.tool.ForwardingToolContext;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import io.nightshift.examples.drugdiscovery.data.MoleculeSetCsv;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows a docking call has finished, kept as an artifact and named in every heartbeat it sends from then on, so
 * an attempt that runs after a crash (a killed worker, a lost machine) docks only the molecules its predecessor had
 * not finished. A chunk of ten molecules at 5-17 s each is minutes of work; without this every kill would cost it
 * whole, and a chunk hit by as many kills as its step has attempts would fail the campaign.
 *
 * <p>It is the context the docking engines get, so their own heartbeats (a DiffDock NIM's "waiting before attempt
 * 3") carry the checkpoint too: the last beat before a crash is the one the next attempt reads. A checkpoint is taken
 * only when it is a prefix of this call's input, row for row by id; anything else (another input, a missing or
 * damaged artifact) is ignored and the call starts over, which costs time, never correctness, since each score
 * depends on its molecule alone.
 */
final class DockingCheckpoint extends ForwardingToolContext {
  private static final Pattern PARTIAL = Pattern.compile("; partial (artifact:sha256:[0-9a-f]{64})");
  private String partialUri;

  DockingCheckpoint(ToolContext context) {
    super(context);
  }

  /** The rows an earlier attempt finished, in input order; empty on a first attempt or an unusable checkpoint. */
  List<Candidate> resume(MoleculeSet input) {
    Matcher m = PARTIAL.matcher(resumeFrom().orElse(""));
    if (!m.find()) {
      return List.of();
    }
    List<Candidate> done;
    try {
      done = MoleculeSetCsv.read(artifacts().read(artifacts().resolve(m.group(1)))).candidates();
    } catch (IOException | RuntimeException e) {
      return List.of(); // gone or unreadable: dock everything again
    }
    if (done.size() > input.size()) {
      return List.of();
    }
    for (int i = 0; i < done.size(); i++) {
      if (!done.get(i).id().equals(input.candidates().get(i).id())) {
        return List.of();
      }
    }
    partialUri = m.group(1);
    return done;
  }

  /** Stores the finished rows; the heartbeats from now on name them. */
  void save(List<Candidate> done, Collection<String> columns) {
    try {
      partialUri = artifacts().put(MoleculeSetCsv.write(new MoleculeSet(done), new TreeSet<>(columns)),
          MoleculeSetCsv.MEDIA_TYPE).uri();
    } catch (IOException e) {
      // a checkpoint only saves time: the previous one still names a valid prefix
    }
  }

  @Override
  public void heartbeat(String progress) {
    super.heartbeat(partialUri == null ? progress : progress + "; partial " + partialUri);
  }
}
