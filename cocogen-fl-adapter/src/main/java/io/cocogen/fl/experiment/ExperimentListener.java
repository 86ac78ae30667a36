package io.cocogen.fl.experiment;

/** Progress of an experiment run, e.g. for a progress bar. */
public interface ExperimentListener {
  /**
   * Called after each unit of work (a pilot or strategy training run).
   *
   * @param done units finished
   * @param total units planned
   * @param label what just finished
   */
  void onProgress(int done, int total, String label);

  /** A listener that ignores progress. */
  static ExperimentListener none() {
    return (done, total, label) -> { };
  }
}
