/**
 * The reference experiment of MODEL.md §12: calibrated strategies compared on measured accuracy,
 * utilities and welfare over a grid of label skews and competition levels.
 */
package io.cocogen.fl.experiment;
