package io.nightshift.runtime.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a token's holder may do through the API. Each role beyond {@link #VIEWER} adds to what a viewer may do:
 * a submitter starts and steers tasks, an approver decides on their gates, an admin does everything. Submitter and
 * approver are kept apart on purpose, so the one who starts a task need not be the one who approves it.
 */
public enum AccessRole {
  VIEWER, SUBMITTER, APPROVER, ADMIN;

  /** The role's name as flags and files spell it: lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A role by its name, in any case; an unknown one is refused listing the roles there are. */
  public static AccessRole parse(String name) {
    for (AccessRole role : values()) {
      if (role.label().equalsIgnoreCase(name.strip())) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + name + "'; one of " + Arrays.stream(values())
        .map(AccessRole::label).collect(Collectors.joining(", ")));
  }
}
