/**
 * The one reader of Nightshift's YAML configuration (backends, models and MCP files, pipeline specs). A
 * {@link io.nightshift.config.ConfigDocument} parses the text; its {@link io.nightshift.config.ConfigNode}s read
 * typed values and record every problem with its key path and line instead of throwing at the first; the document
 * then fails once, listing them all: {@code backends file /etc/b.yaml: pools[gpu].properties.price-per-unit-hour
 * (line 7): must be a number >= 0, was '-1'}.
 */
package io.nightshift.config;
