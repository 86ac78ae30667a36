package io.cocogen.fl.train;

import io.cocogen.fl.data.Dataset;
import io.cocogen.fl.data.Seeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Federated averaging (McMahan et al. 2017) with full participation of the clients handed to each
 * round: every client trains a copy of the global model on its real plus synthetic rows, and the server
 * replaces the global parameters with the average of the client parameters weighted by row count.
 *
 * <p>Rounds can be driven one at a time with {@link #runRound(int, List)}, so a coordinator can change
 * every client's synthetic data between rounds. Each client's shuffling is seeded from (seed, round,
 * client id) and the average is summed in list order, so results are bit-identical for any thread
 * count. Clients train in parallel when {@code threads > 1}; call {@link #close()} to stop the workers.
 */
public final class FedAvg implements AutoCloseable {
  private final Model global;
  private final Dataset test;
  private final LocalTrainer trainer;
  private final long seed;
  private final int threads;
  private final ExecutorService pool;

  /**
   * Per-round results.
   *
   * @param round round number as passed to {@link #runRound(int, List)}
   * @param testAccuracy accuracy of the new global model on the test set
   * @param testLoss mean cross-entropy of the new global model on the test set
   * @param trainLoss row-weighted mean of the clients' last-epoch training losses
   * @param perClassTestAccuracy accuracy of the new global model per class of the test set
   * @param clientIds ids of the clients, in the order given
   * @param clientAccuracy accuracy of the new global model on each client's real label distribution
   *     (class-weighted test accuracy, see {@link Metrics}); NaN for a client without real rows
   * @param clientTrainLoss each client's last-epoch training loss (NaN for a client without rows)
   * @param clientSamples rows each client trained on (its aggregation weight)
   * @param wallMillis wall time of the round, training and evaluation
   */
  public record RoundMetrics(int round, double testAccuracy, double testLoss, double trainLoss, double[] perClassTestAccuracy,
      int[] clientIds, double[] clientAccuracy, double[] clientTrainLoss, int[] clientSamples, long wallMillis) {}

  /**
   * @param initialModel architecture and starting parameters; FedAvg works on its own copy
   * @param test balanced test set for the per-round metrics
   * @param trainer local training settings
   * @param threads clients trained at once, at least 1
   * @param seed seed of the clients' shuffling
   */
  public FedAvg(Model initialModel, Dataset test, LocalTrainer trainer, int threads, long seed) {
    if (initialModel == null) {
      throw new IllegalArgumentException("initialModel: is required");
    }
    if (test == null || test.size() == 0) {
      throw new IllegalArgumentException("test: a non-empty test set is required");
    }
    if (test.featureDim() != initialModel.featureDim() || test.numClasses() != initialModel.numClasses()) {
      throw new IllegalArgumentException("test: shape (featureDim " + test.featureDim() + ", numClasses " + test.numClasses()
          + ") does not match the model (" + initialModel.featureDim() + ", " + initialModel.numClasses() + ")");
    }
    if (trainer == null) {
      throw new IllegalArgumentException("trainer: is required");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + ": must be >= 1");
    }
    this.global = initialModel.copy();
    this.test = test;
    this.trainer = trainer;
    this.seed = seed;
    this.threads = threads;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
  }

  /** Runs rounds {@code 0 .. rounds - 1} with the same clients every round. */
  public List<RoundMetrics> run(int rounds, List<ClientData> clients) {
    return run(rounds, r -> clients);
  }

  /** Runs rounds {@code 0 .. rounds - 1}, asking {@code clientsForRound} for each round's clients. */
  public List<RoundMetrics> run(int rounds, IntFunction<List<ClientData>> clientsForRound) {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds = " + rounds + ": must be >= 0");
    }
    List<RoundMetrics> out = new ArrayList<>(rounds);
    for (int r = 0; r < rounds; r++) {
      out.add(runRound(r, clientsForRound.apply(r)));
    }
    return out;
  }

  /**
   * One round: local training of every client in {@code clients} from the current global parameters,
   * weighted averaging, then evaluation of the new global model. Clients without rows keep weight 0;
   * if no client has rows the global model is unchanged.
   *
   * @param round round number, mixed into the clients' seeds
   */
  public RoundMetrics runRound(int round, List<ClientData> clients) {
    return runRound(round, clients, trainer);
  }

  /**
   * As {@link #runRound(int, List)} with other local-training settings for this round, e.g. a learning
   * rate that decays over rounds.
   */
  public RoundMetrics runRound(int round, List<ClientData> clients, LocalTrainer roundTrainer) {
    if (roundTrainer == null) {
      throw new IllegalArgumentException("roundTrainer: is required");
    }
    if (clients == null || clients.isEmpty()) {
      throw new IllegalArgumentException("clients: at least one client is required (round " + round + ")");
    }
    long start = System.nanoTime();
    int m = clients.size();
    Set<Integer> ids = new HashSet<>();
    for (ClientData c : clients) {
      if (c.real().featureDim() != global.featureDim() || c.real().numClasses() != global.numClasses()) {
        throw new IllegalArgumentException("clients: client " + c.id() + " has shape (featureDim " + c.real().featureDim()
            + ", numClasses " + c.real().numClasses() + "), the model (" + global.featureDim() + ", " + global.numClasses() + ")");
      }
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("clients: id " + c.id() + " appears twice (round " + round + ")");
      }
    }
    List<Future<double[]>> futures = new ArrayList<>(m);
    double[][] localParams = new double[m][];
    double[] localLoss = new double[m];
    for (int i = 0; i < m; i++) {
      ClientData c = clients.get(i);
      if (c.sampleCount() == 0) {
        localLoss[i] = Double.NaN;
        futures.add(null);
        continue;
      }
      Model local = global.copy();
      final int slot = i;
      if (pool == null) {
        localLoss[i] = trainClient(local, c, round, roundTrainer);
        localParams[i] = local.parameters();
        futures.add(null);
      } else {
        futures.add(pool.submit(() -> {
          double loss = trainClient(local, c, round, roundTrainer);
          localLoss[slot] = loss;
          return local.parameters();
        }));
      }
    }
    for (int i = 0; i < m; i++) {
      Future<double[]> f = futures.get(i);
      if (f != null) {
        localParams[i] = await(f, clients.get(i).id(), round);
      }
    }

    double[] avg = new double[global.numParameters()];
    long totalRows = 0;
    double lossSum = 0;
    int[] samples = new int[m];
    for (int i = 0; i < m; i++) {
      samples[i] = clients.get(i).sampleCount();
      if (localParams[i] == null) {
        continue;
      }
      double w = samples[i];
      double[] p = localParams[i];
      for (int j = 0; j < avg.length; j++) {
        avg[j] += w * p[j];
      }
      totalRows += samples[i];
      lossSum += w * localLoss[i];
    }
    if (totalRows > 0) {
      for (int j = 0; j < avg.length; j++) {
        avg[j] /= totalRows;
      }
      global.setParameters(avg);
    }

    Metrics.Evaluation eval = Metrics.evaluate(global, test);
    int[] clientIds = new int[m];
    double[] clientAcc = new double[m];
    for (int i = 0; i < m; i++) {
      ClientData c = clients.get(i);
      clientIds[i] = c.id();
      clientAcc[i] = c.real().size() == 0 ? Double.NaN : eval.accuracyOn(c.evaluationDistribution());
    }
    double trainLoss = totalRows > 0 ? lossSum / totalRows : Double.NaN;
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new RoundMetrics(round, eval.accuracy(), eval.crossEntropy(), trainLoss, eval.perClassAccuracy(), clientIds, clientAcc,
        localLoss, samples, millis);
  }

  private double trainClient(Model local, ClientData c, int round, LocalTrainer roundTrainer) {
    SplittableRandom rng = Seeds.random(seed, round, c.id());
    return roundTrainer.train(local, c.trainingData(), rng);
  }

  private static double[] await(Future<double[]> f, int clientId, int round) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while client " + clientId + " trained in round " + round, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("client " + clientId + " failed in round " + round, cause);
    }
  }

  /** A copy of the current global model. */
  public Model globalModel() {
    return global.copy();
  }

  /** A copy of the current global parameters. */
  public double[] globalParameters() {
    return global.parameters();
  }

  /** Replaces the global parameters, e.g. to restart from a checkpoint. */
  public void setGlobalParameters(double[] parameters) {
    global.setParameters(parameters);
  }

  /** Evaluates the current global model on {@code data}. */
  public Metrics.Evaluation evaluate(Dataset data) {
    return Metrics.evaluate(global, data);
  }

  /** The default local-training settings. */
  public LocalTrainer trainer() {
    return trainer;
  }

  /** Clients trained at once. */
  public int threads() {
    return threads;
  }

  /** Stops the worker threads; the instance must not run rounds afterwards. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "fedavg-client-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
