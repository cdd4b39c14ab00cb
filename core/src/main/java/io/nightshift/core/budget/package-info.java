/**
 * Budget values as people and programs write them: the one reading of a cost limit, shared by every edge that takes
 * one (the API's submit and approve, a pipeline's agent budget), so they admit exactly the same texts.
 */
package io.nightshift.core.budget;
