package io.nightshift.config;

import java.util.ArrayList;
import java.util.List;

/** The problems found so far, in the order they were found. Not thread-safe: one reader fills it. */
public final class ConfigProblems {
  private final List<ConfigProblem> problems = new ArrayList<>();

  public void add(String path, int line, String message) {
    problems.add(new ConfigProblem(path, line, message));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<ConfigProblem> all() {
    return List.copyOf(problems);
  }
}
