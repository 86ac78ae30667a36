package io.cocogen.bench;

import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations;
import io.cocogen.api.SyntheticFederations.Kind;
import io.cocogen.solver.CocogenSolver;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.SolveState;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Memory of a large solve, meant to run in a forked JVM with a fixed heap ({@code -Xmx1g}). Prints one
 * JSON object:
 * <ul>
 *   <li>{@code organizationsBytes}: heap retained by the n {@link Organization} records in a list (what
 *       building through {@code List<Organization>} costs before the game exists);</li>
 *   <li>{@code gameBytes}: heap retained by the {@link RoundGame} (records, federation arrays, stakes);</li>
 *   <li>{@code solveAllocatedBytes}: bytes allocated by one {@link CocogenSolver#equilibrium} call
 *       (solve, certificate, result);</li>
 *   <li>{@code resultBytes}: heap retained by the result record;</li>
 *   <li>{@code peakHeapBytes}: sum of the heap pools' peak usage during the solve (an upper bound of the
 *       simultaneous peak), with the game already built;</li>
 *   <li>{@code maxHeapBytes}: the JVM's {@code -Xmx}.</li>
 * </ul>
 * Arguments: {@code n kind}. Exits with status 0 only when the equilibrium is OPTIMAL.
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Kind kind = args.length > 1 ? Games.kind(args[1]) : Kind.UNIFORM;
    long base = usedAfterGc();

    List<Organization> orgs = new ArrayList<>(n);
    SplittableRandom r = new SplittableRandom(Games.SEED);
    for (int i = 0; i < n; i++) {
      orgs.add(SyntheticFederations.organization("org" + i, r, 1.5, 0.5));
    }
    long withOrgs = usedAfterGc();
    long organizationsBytes = withOrgs - base;
    orgs = null;

    long t0 = System.nanoTime();
    RoundGame game = Games.game(n, kind);
    double buildSeconds = (System.nanoTime() - t0) * 1e-9;
    long withGame = usedAfterGc();
    long gameBytes = withGame - base;

    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    long a0 = threads.getThreadAllocatedBytes(tid);
    long s0 = System.nanoTime();
    Equilibrium e = CocogenSolver.equilibrium(game);
    double solveSeconds = (System.nanoTime() - s0) * 1e-9;
    long allocated = threads.getThreadAllocatedBytes(tid) - a0;
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    long withResult = usedAfterGc();
    System.out.printf(Locale.ROOT,
        "{\"n\": %d, \"kind\": \"%s\", \"maxHeapBytes\": %d, \"organizationsBytes\": %d, \"gameBytes\": %d,"
            + " \"buildSeconds\": %.3f, \"solveSeconds\": %.3f, \"solveAllocatedBytes\": %d, \"resultBytes\": %d,"
            + " \"peakHeapBytes\": %d, \"state\": \"%s\", \"maxRelativeRegret\": %.3e}%n",
        n, kind, Runtime.getRuntime().maxMemory(), organizationsBytes, gameBytes, buildSeconds, solveSeconds,
        allocated, withResult - withGame, peak, e.state(), e.certificate().maxRelativeRegret());
    if (e.state() != SolveState.OPTIMAL || game.size() != n) {
      System.exit(1);
    }
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
