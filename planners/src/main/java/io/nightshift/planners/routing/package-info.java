/** Chooses the planner for a request: declarative for pipelines, the model planner for goals and revisions. */
package io.nightshift.planners.routing;
