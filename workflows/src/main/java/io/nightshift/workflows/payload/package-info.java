/**
 * How payload records split into parts by concern keep the flat JSON of recorded histories ({@link
 * io.nightshift.workflows.payload.UnwrappedRecords}). Depends on Jackson alone, so every package of payload records
 * (activities, map, task, agent) can use it.
 */
package io.nightshift.workflows.payload;
