package io.nightshift.examples.drugdiscovery.docking.nim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.examples.drugdiscovery.docking.DockingConfig;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a DiffDock NIM {@code generate} answer into poses, or says exactly how it departs from the format. */
final class DiffDockResponses {
  /** Thread-safe once configured; shared with the client for its requests. */
  static final ObjectMapper JSON = new ObjectMapper();

  private DiffDockResponses() {}

  static DiffDockResult parse(String body, String smiles, double seconds) throws DockingFailure, NimCallFailure {
    Map<?, ?> response;
    try {
      if (!(JSON.readValue(body, Object.class) instanceof Map<?, ?> m)) {
        throw malformed("the body is not a JSON object");
      }
      response = m;
    } catch (JsonProcessingException e) {
      throw malformed("not JSON"); // the parser's message quotes the body
    }
    String details = response.get("details") instanceof String d ? NimAnswerSummary.text(d) : "";
    Object status = response.get("status");
    if (status instanceof String s && !s.equalsIgnoreCase("success")) {
      throw new DockingFailure("DiffDock NIM could not dock " + smiles + " (status " + NimAnswerSummary.text(s)
          + "): " + details, null);
    }
    if (!(response.get("ligand_positions") instanceof List<?> positions)) {
      throw malformed("no 'ligand_positions' list");
    }
    if (!(response.get("position_confidence") instanceof List<?> confidences)) {
      throw malformed("no 'position_confidence' list");
    }
    if (positions.size() != confidences.size()) {
      throw malformed(positions.size() + " ligand_positions but " + confidences.size() + " position_confidence values");
    }
    if (positions.isEmpty()) {
      throw new DockingFailure("DiffDock NIM returned no pose for " + smiles + ": " + details, null);
    }
    List<DiffDockPose> poses = new ArrayList<>();
    for (int i = 0; i < positions.size(); i++) {
      if (!(positions.get(i) instanceof String sdf) || !sdf.contains("M  END")) {
        throw malformed("ligand_positions[" + i + "] is not an SDF record");
      }
      Object c = confidences.get(i);
      if (c != null && !(c instanceof Number)) {
        throw malformed("position_confidence[" + i + "] is not a number");
      }
      poses.add(new DiffDockPose(i + 1, c == null ? Double.NaN : ((Number) c).doubleValue(), sdf));
    }
    return new DiffDockResult(poses, details, seconds);
  }

  private static NimCallFailure malformed(String what) {
    return NimCallFailure.permanent("the DiffDock NIM's answer is not in the documented format ("
        + what + "); is the workers' " + DockingConfig.NIM_URL_VARIABLE + " a DiffDock NIM?", null);
  }
}
