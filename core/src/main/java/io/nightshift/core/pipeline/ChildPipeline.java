package io.nightshift.core.pipeline;

/**
 * The pipeline a {@code pipeline} step runs as a child task. The planner resolves the name when it plans, so the
 * child's text travels with the plan and the workflow never has to look anything up (which would be I/O).
 *
 * @param name the pipeline's name
 * @param yaml its text, as resolved at planning time
 */
public record ChildPipeline(String name, String yaml) {}
