/**
 * What the engine's workflows share: the timeouts and retries of the engine's activities
 * ({@link io.nightshift.workflows.engine.ActivityPolicies}), when a workflow cuts its history over with
 * continue-as-new ({@link io.nightshift.workflows.engine.HistoryBudget}), how a Temporal failure reads to a person
 * ({@link io.nightshift.workflows.engine.FailureMessages}), token counts that never wrap
 * ({@link io.nightshift.workflows.engine.Tokens}). It depends on no workflow package but activities' interfaces,
 * so {@code map}, {@code task} and {@code agent} all use it without depending on each other.
 */
package io.nightshift.workflows.engine;
