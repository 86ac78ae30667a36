package io.cocogen.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One training round as a game (MODEL.md §1–§3): the federation, who competes with whom, the
 * competition model {@code θ}, the performance and cost models, an optional shared generation budget
 * and the derived stakes {@code w_i}, {@code b_i}, {@code B_j}, {@code W}. Immutable and validated; build
 * it with {@link #builder()}.
 *
 * <p>Evaluation methods take the profile {@code s} as a primitive array and a caller-allocated
 * {@link Workspace}, so they do not allocate.
 */
public final class RoundGame {
  private final Federation federation;
  private final Competition competition;
  private final CompetitionStructure structure;
  private final CompetitionModel competitionModel;
  private final PerformanceModel performanceModel;
  private final CostModel costModel;
  private final BoundPerformance performance;
  private final CostModel.BoundCost cost;
  private final double budget;
  private final int n;
  private final int m;
  private final double[] a;
  private final double[] rowSum;
  private final double[] valueRowSum;
  private final double[] columnSum;
  private final double[] w;
  private final double[] b;
  private final double[] bWelfare;
  private final double totalWeight;
  private final int[] dominated;

  private RoundGame(Federation federation, Competition competition, CompetitionStructure structure,
      CompetitionModel competitionModel, PerformanceModel performanceModel, CostModel costModel, double budget) {
    this.federation = federation;
    this.competition = competition;
    this.structure = structure;
    this.competitionModel = competitionModel;
    this.performanceModel = performanceModel;
    this.costModel = costModel;
    this.budget = budget;
    this.n = federation.size();
    if (structure.size() != n) {
      throw new InvalidModelException("competition", structure.size(),
          "covers " + structure.size() + " organizations but the federation has " + n);
    }
    this.performance = performanceModel.bind(federation);
    this.cost = costModel.bind(federation);
    this.m = performance.dimension();
    if (m < 1) {
      throw new InvalidModelException("performance.dimension", m, "must be >= 1");
    }
    a = new double[n * m];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < m; k++) {
        a[j * m + k] = performance.coefficient(j, k);
      }
    }
    double theta = competitionModel.theta();
    double[] rho = federation.marketValue();
    rowSum = structure.rowSums();
    valueRowSum = new double[n];
    structure.multiply(rho, valueRowSum);
    columnSum = structure.columnSums();
    w = new double[n];
    b = new double[n];
    bWelfare = new double[n];
    double total = 0;
    int dom = 0;
    for (int i = 0; i < n; i++) {
      b[i] = rho[i] * (1 + theta * rowSum[i]);
      w[i] = b[i] - valueRowSum[i];
      bWelfare[i] = rho[i] * (1 + theta * rowSum[i] - columnSum[i]);
      total += w[i];
      if (!(w[i] > 0)) {
        dom++;
      }
    }
    totalWeight = total;
    dominated = new int[dom];
    for (int i = 0, t = 0; i < n; i++) {
      if (!(w[i] > 0)) {
        dominated[t++] = i;
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this game's parts, to derive variants (sweeps, what-ifs). */
  public Builder toBuilder() {
    Builder bld = new Builder();
    bld.organizations.addAll(federation.organizations());
    bld.competition = competition;
    bld.competitionModel = competitionModel;
    bld.performance = performanceModel;
    bld.cost = costModel;
    bld.budget = budget;
    bld.target = federation.targetDistribution();
    // An id-based competition is resolved again, so changing the organizations keeps it consistent.
    bld.structure = competition == null ? structure : null;
    return bld;
  }

  /**
   * The coalition {@code members} (indices, in that order) as a game of its own (MODEL.md §9): aggregates
   * over the members only, competition only among them with the same {@code γ_ij}, same models. A
   * shared budget is kept as it is.
   */
  public RoundGame restrictTo(int[] members) {
    if (members.length == 0) {
      throw new InvalidModelException("members", "a coalition game needs at least one organization");
    }
    Federation sub = federation.restrictTo(members);
    return new RoundGame(sub, null, structure.restrictTo(members), competitionModel, performanceModel, costModel,
        budget);
  }

  /** The same round with another competition structure (e.g. none, for the WCO baseline). */
  public RoundGame withCompetition(CompetitionStructure other) {
    return new RoundGame(federation, null, other, competitionModel, performanceModel, costModel, budget);
  }

  /** The same round without competition ({@code γ = 0}). */
  public RoundGame withoutCompetition() {
    return withCompetition(CompetitionStructure.none(n));
  }

  // ---- parts -------------------------------------------------------------------------------------

  public int size() { return n; }
  public Federation federation() { return federation; }
  public String id(int i) { return federation.id(i); }

  /** The id-based competition this game was built from, or null for games derived by index. */
  public Competition competition() { return competition; }

  public CompetitionStructure competitionStructure() { return structure; }
  public CompetitionModel competitionModel() { return competitionModel; }
  public double theta() { return competitionModel.theta(); }
  public PerformanceModel performanceModel() { return performanceModel; }
  public CostModel costModel() { return costModel; }
  public BoundPerformance performance() { return performance; }
  public CostModel.BoundCost cost() { return cost; }

  /** Shared budget {@code B} on {@code Σ s_i}; {@code +∞} when there is none. */
  public double budget() { return budget; }

  public boolean hasBudget() { return budget != Double.POSITIVE_INFINITY; }

  /** {@code m}. */
  public int dimension() { return m; }

  /** Aggregate coefficients, row-major n×m ({@code a[j*m+k] = a_jk}). Do not modify. */
  public double[] coefficients() { return a; }

  /** Capacities {@code S_i}. Do not modify. */
  public double[] capacity() { return federation.capacity(); }

  /** {@code Γ_i = Σ_j γ_ij}. Do not modify. */
  public double[] rowSums() { return rowSum; }

  /** {@code R_i = Σ_j γ_ij ρ_j}. Do not modify. */
  public double[] valueRowSums() { return valueRowSum; }

  /** {@code C_j = Σ_i γ_ij}. Do not modify. */
  public double[] columnSums() { return columnSum; }

  /** Stakes in the common gain {@code w_i = ρ_i(1+θΓ_i) − R_i}. Do not modify. */
  public double[] commonStakes() { return w; }

  /** Stakes in the private gain {@code b_i = ρ_i(1+θΓ_i)}. Do not modify. */
  public double[] privateStakes() { return b; }

  /** Welfare weights of the private gains {@code B_j = ρ_j(1+θΓ_j−C_j)}. Do not modify. */
  public double[] welfarePrivateWeights() { return bWelfare; }

  /** {@code W = Σ w_i}. */
  public double totalCommonStake() { return totalWeight; }

  /** Indices of competition-dominated organizations ({@code w_i ≤ 0}). */
  public int[] competitionDominated() { return dominated.clone(); }

  /** True when every {@code w_i > 0}: the round is a weighted potential game (MODEL.md §3). */
  public boolean isPotentialGame() { return dominated.length == 0; }

  public Workspace newWorkspace() { return new Workspace(n, m); }

  // ---- evaluation --------------------------------------------------------------------------------

  /** {@code z = Σ_j a_j s_j} into {@code z}. */
  public void aggregates(double[] s, double[] z) {
    checkProfile(s);
    Arrays.fill(z, 0, m, 0.0);
    for (int j = 0; j < n; j++) {
      double sj = s[j];
      int row = j * m;
      for (int k = 0; k < m; k++) {
        z[k] += a[row + k] * sj;
      }
    }
  }

  /** The common gain {@code G(s)}. */
  public double commonGain(double[] s, Workspace ws) {
    aggregates(s, ws.z);
    return performance.commonGain(ws.z);
  }

  /** Every organization's gain {@code G_i(s) = G(s) + g_i(s_i)} into {@code out}. */
  public void gains(double[] s, double[] out, Workspace ws) {
    double g = commonGain(s, ws);
    for (int i = 0; i < n; i++) {
      out[i] = g + performance.privateGain(i, s[i]);
    }
  }

  /** Utilities {@code U_i(s)} (MODEL.md §3) into {@code out}. */
  public void utilities(double[] s, double[] out, Workspace ws) {
    double g = commonGain(s, ws);
    double[] rho = federation.marketValue();
    double[] rg = ws.n1;
    for (int j = 0; j < n; j++) {
      double gj = performance.privateGain(j, s[j]);
      ws.n2[j] = gj;
      rg[j] = rho[j] * gj;
    }
    structure.multiply(rg, ws.n3);
    for (int i = 0; i < n; i++) {
      out[i] = w[i] * g + b[i] * ws.n2[i] - cost.cost(i, s[i]) - ws.n3[i];
    }
  }

  /**
   * Competition losses {@code K_i(s) = Σ_{j≠i} γ_ij[ρ_j G_j(s) − θ ρ_i G_i(s)]} into {@code out}
   * (MODEL.md §8, degradation).
   */
  public void competitionLosses(double[] s, double[] out, Workspace ws) {
    double[] rho = federation.marketValue();
    gains(s, ws.n2, ws);
    for (int j = 0; j < n; j++) {
      ws.n1[j] = rho[j] * ws.n2[j];
    }
    structure.multiply(ws.n1, ws.n3);
    double theta = competitionModel.theta();
    for (int i = 0; i < n; i++) {
      out[i] = ws.n3[i] - theta * rho[i] * ws.n2[i] * rowSum[i];
    }
  }

  /** Social welfare {@code SW(s) = W G(s) + Σ_j B_j g_j(s_j) − Σ_j c_j(s_j)} (MODEL.md §6). */
  public double welfare(double[] s, Workspace ws) {
    double total = totalWeight * commonGain(s, ws);
    for (int j = 0; j < n; j++) {
      total += bWelfare[j] * performance.privateGain(j, s[j]) - cost.cost(j, s[j]);
    }
    return total;
  }

  /**
   * The weighted potential {@code Φ(s) = G(s) + Σ_k [b_k g_k(s_k) − c_k(s_k)]/w_k} (MODEL.md §3).
   *
   * @throws IllegalStateException when some {@code w_k ≤ 0} (no positive-weight potential exists)
   */
  public double potential(double[] s, Workspace ws) {
    requirePotentialGame();
    double total = commonGain(s, ws);
    for (int k = 0; k < n; k++) {
      total += (b[k] * performance.privateGain(k, s[k]) - cost.cost(k, s[k])) / w[k];
    }
    return total;
  }

  /** Throws naming the competition-dominated organizations when the game has no positive-weight potential. */
  public void requirePotentialGame() {
    if (dominated.length > 0) {
      throw new IllegalStateException("not a positive-weight potential game: competition-dominated organizations "
          + dominatedIds() + " have w_i <= 0");
    }
  }

  /** Ids of the competition-dominated organizations. */
  public List<String> dominatedIds() {
    List<String> ids = new ArrayList<>(dominated.length);
    for (int i : dominated) {
      ids.add(federation.id(i));
    }
    return ids;
  }

  /** Checks a profile: length n, finite, within {@code [0, S_i]}. */
  public void checkProfile(double[] s) {
    if (s.length != n) {
      throw new InvalidModelException("synthetic", s.length, "profile has length " + s.length + " but there are " + n
          + " organizations");
    }
  }

  /** Validates a candidate profile fully (finite, inside every box) naming the first offending entry. */
  public void validateProfile(double[] s) {
    checkProfile(s);
    double[] cap = federation.capacity();
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(s[i]) || s[i] < 0 || s[i] > cap[i]) {
        throw new InvalidModelException("synthetic[" + federation.id(i) + "]", s[i],
            "must be in [0, capacity = " + cap[i] + "]");
      }
    }
  }

  @Override
  public String toString() {
    return "RoundGame[n=" + n + ", competition=" + structure + ", theta=" + competitionModel.theta()
        + ", performance=" + performanceModel.name() + ", budget=" + budget + "]";
  }

  /** Scratch arrays for allocation-free evaluation. One per thread. */
  public static final class Workspace {
    final double[] z;
    final double[] n1;
    final double[] n2;
    final double[] n3;

    Workspace(int n, int m) {
      z = new double[m];
      n1 = new double[n];
      n2 = new double[n];
      n3 = new double[n];
    }

    /** The aggregates of the last evaluation. */
    public double[] aggregates() { return z; }
  }

  /** Mutable builder of a validated, immutable {@link RoundGame}. */
  public static final class Builder {
    private final List<Organization> organizations = new ArrayList<>();
    private Competition competition = Competition.none();
    private CompetitionStructure structure;
    private CompetitionModel competitionModel = CompetitionModel.RIVAL_GAIN;
    private PerformanceModel performance;
    private CostModel cost = QuadraticCost.INSTANCE;
    private double budget = Double.POSITIVE_INFINITY;
    private double[] target;

    private Builder() {}

    public Builder organization(Organization o) { organizations.add(o); return this; }

    public Builder organizations(List<Organization> os) { organizations.addAll(os); return this; }

    /** Replaces the organizations. */
    public Builder setOrganizations(List<Organization> os) {
      organizations.clear();
      organizations.addAll(os);
      return this;
    }

    public List<Organization> organizations() { return organizations; }

    /** Competition by id (uniform, segments, sparse, dense). */
    public Builder competition(Competition c) { competition = c; structure = null; return this; }

    /** Competition by index, for generated federations; must match the organization order. */
    public Builder competitionStructure(CompetitionStructure s) { structure = s; competition = null; return this; }

    public Builder theta(double theta) { competitionModel = new CompetitionModel(theta); return this; }

    public Builder competitionModel(CompetitionModel c) { competitionModel = c; return this; }

    public Builder performance(PerformanceModel p) { performance = p; return this; }

    public Builder cost(CostModel c) { cost = c; return this; }

    /** Shared budget on {@code Σ s_i}; {@code +∞} for none. */
    public Builder budget(double b) { budget = b; return this; }

    public Builder targetDistribution(double[] t) { target = t == null ? null : t.clone(); return this; }

    public RoundGame build() {
      Federation f = new Federation(organizations, target);
      if (budget != Double.POSITIVE_INFINITY) {
        Checks.nonNegative("budget", budget);
      }
      if (competitionModel == null) {
        throw new InvalidModelException("competition.theta", "is required");
      }
      PerformanceModel p = performance != null ? performance : ScalingLawModel.defaults(classCount(f));
      CompetitionStructure s;
      Competition c = competition;
      if (structure != null) {
        s = structure;
        c = null;
      } else {
        if (c == null) {
          throw new InvalidModelException("competition", "is required");
        }
        s = c.resolve(f);
      }
      if (cost == null) {
        throw new InvalidModelException("cost", "is required");
      }
      return new RoundGame(f, c, s, competitionModel, p, cost, budget);
    }

    private static int classCount(Federation f) {
      double[] t = f.targetDistribution();
      if (t != null) {
        return t.length;
      }
      for (Organization o : f.organizations()) {
        if (o.labelHistogram() != null) {
          return o.labelHistogram().length;
        }
      }
      return 10;
    }
  }
}
