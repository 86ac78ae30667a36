/** Metrics export (JSON Lines, CSV) and charts (PNG, SVG) for coordinated federations and experiments. */
package io.cocogen.fl.report;
