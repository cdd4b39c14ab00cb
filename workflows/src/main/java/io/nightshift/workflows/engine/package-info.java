/**
 * What the task and map workflows share: the timeouts and retries of the engine's activities
 * ({@link io.nightshift.workflows.engine.ActivityPolicies}), when a workflow cuts its history over with
 * continue-as-new ({@link io.nightshift.workflows.engine.HistoryBudget}) and how a Temporal failure reads to a
 * person ({@link io.nightshift.workflows.engine.FailureMessages}). It depends on no workflow package, so
 * {@code map} and {@code task} both use it without depending on each other.
 */
package io.nightshift.workflows.engine;
