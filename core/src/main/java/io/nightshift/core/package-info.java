/**
 * Nightshift's domain records and service-provider interfaces. Depends on SLF4J alone so that plug-ins
 * (tools, planners, accelerator backends) compile against a small, stable surface.
 */
package io.nightshift.core;
