package io.nightshift.planners.declarative;

import io.nightshift.core.tool.ToolCatalog;
import io.nightshift.core.tool.ToolDescriptor;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A fixed set of tool descriptors, for validating pipelines without a runtime. */
final class TestCatalog implements ToolCatalog {
  private final List<ToolDescriptor> all;

  TestCatalog(ToolDescriptor... tools) {
    this.all = List.of(tools);
  }

  @Override
  public Optional<ToolDescriptor> describe(String name) {
    return all.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  @Override
  public Collection<ToolDescriptor> all() {
    return all;
  }
}
