/**
 * What a task's workflow records of its own life, for people to follow it: a bounded timeline of changes, each with
 * a sequence number that only the workflow hands out (so every API process, and every restart, agrees on it), and
 * each step's times, attempts and map items. Plain Java held in workflow state: recording issues no command, so it
 * needs no version marker, and continue-as-new carries it ({@link io.nightshift.workflows.task.timeline.TimelineState},
 * {@link io.nightshift.workflows.task.timeline.StepClock}).
 */
package io.nightshift.workflows.task.timeline;
