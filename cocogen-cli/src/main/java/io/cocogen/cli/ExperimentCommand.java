package io.cocogen.cli;

import io.cocogen.api.InvalidModelException;
import io.cocogen.fl.experiment.ExperimentConfig;
import io.cocogen.fl.experiment.ExperimentResult;
import io.cocogen.fl.experiment.ExperimentRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cocogen experiment}: the reference federated-learning experiment (MODEL.md section 12). */
@Command(name = "experiment", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true,
    header = "Run the reference federated-learning experiment; write a report folder.",
    description = {
        "Runs the reference FL experiment: real data split over organizations by Dirichlet label skew, "
        + "FedAvg, a GenAI stand-in for synthetic data, the scaling law calibrated from pilot runs, and "
        + "the strategies VCFL, RaDG, WCO, NE and CoCoGen+ compared on measured accuracy, utilities and "
        + "welfare. Writes a report folder (results.json, CSV tables, PNG plots, summary.md) and prints "
        + "the summary."
    })
final class ExperimentCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--dataset", paramLabel = "digits|fashion-mnist", defaultValue = "digits",
      description = "digits (embedded UCI 8x8 digits) or fashion-mnist (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Directory of the Fashion-MNIST IDX files (default /usr/share/datasets/fashion-mnist).")
  Path data;

  @Option(names = "--quick", description = "A small run: fewer skews, exposures, seeds and rounds (about a minute).")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "cocogen-report",
      description = "Report folder, created if needed (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--organizations", paramLabel = "N", description = "Organizations (default 5).")
  Integer organizations;

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds per setting (default 3, quick 2).")
  Integer seeds;

  @Option(names = "--seed", paramLabel = "S", description = "Base seed (default 42).")
  Long seed;

  @Option(names = "--rounds", paramLabel = "N", description = "FedAvg rounds per training run (default 20, quick 10).")
  Integer rounds;

  @Option(names = "--model", paramLabel = "softmax|mlp", description = "Model trained by FedAvg (default softmax).")
  String model;

  @Option(names = "--alphas", paramLabel = "a1,a2,...",
      description = "Dirichlet label-skew concentrations (default 0.1,0.5,1,100; quick 0.1,100).")
  String alphas;

  @Option(names = "--gamma-bars", paramLabel = "g1,g2,...",
      description = "Competition exposures (default 0,0.2,0.4,0.6,0.8; quick 0,0.6).")
  String gammaBars;

  @Mixin
  GlobalOptions globals;

  @Override
  public Integer call() throws IOException {
    if (!dataset.equals("digits") && !dataset.equals("fashion-mnist")) {
      throw new InvalidModelException("--dataset", dataset, "must be digits or fashion-mnist");
    }
    if (data != null && !Files.isDirectory(data)) {
      throw new InvalidModelException("--data", data, "no such directory");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new InvalidModelException("--out", out, "exists and is not a directory");
    }
    ExperimentConfig config = config();
    Files.createDirectories(out);
    ExperimentResult result;
    try (Progress p = Progress.start("experiment " + dataset, 1)) {
      result = ExperimentRunner.run(config, (done, total, label) -> p.update(done, total, label));
    }
    result.writeReport(out);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(result.summaryMarkdown());
    stdout.flush();
    if (!Globals.quiet()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("wrote the report to " + out.toAbsolutePath().normalize());
      err.flush();
    }
    return ExitCodes.OK;
  }

  /** The defaults of the dataset and mode, with every option given replacing its field. */
  ExperimentConfig config() {
    ExperimentConfig d = ExperimentConfig.defaults(dataset, quick);
    return new ExperimentConfig(d.dataset(), data != null ? data : d.dataDir(),
        organizations != null ? organizations : d.organizations(),
        alphas != null ? SweepCommand.parseNumbers("--alphas", alphas) : d.alphas(),
        gammaBars != null ? SweepCommand.parseNumbers("--gamma-bars", gammaBars) : d.gammaBars(),
        seeds != null ? seeds : d.seeds(), seed != null ? seed : d.seed(), rounds != null ? rounds : d.rounds(),
        d.localEpochs(), model != null ? model : d.model(), d.quick());
  }
}
