package io.cocogen.fl;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocogen.api.Competition;
import io.cocogen.api.CompetitionStructure;
import io.cocogen.api.InvalidModelException;
import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import io.cocogen.api.ScalingLawModel;
import io.cocogen.fl.calibration.CalibrationFit;
import io.cocogen.fl.calibration.CalibrationPoint;
import io.cocogen.fl.calibration.ScalingLawCalibrator;
import io.cocogen.fl.ledger.DurableLedger;
import io.cocogen.fl.ledger.LedgerRecord;
import io.cocogen.fl.ledger.RecoveryReport;
import io.cocogen.incentive.IncentiveScheme;
import io.cocogen.incentive.Redistribution;
import io.cocogen.incentive.RedistributionMechanism;
import io.cocogen.incentive.SharingRule;
import io.cocogen.solver.CocogenSolver;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.SolverOptions;
import io.cocogen.solver.WelfareOptimum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plugs the CoCoGen+ game into any federated-learning loop through two hooks (MODEL.md §10–§11):
 * {@link #planRound} before a round (who participates, how many synthetic samples of which class each
 * organization generates, subsidy rate, fee, expected payoff) and {@link #settleRound} after it (what was
 * actually generated and measured, transfers settled on the actual counts, measured utilities, who stays
 * for the next round). Every instruction is per organization.
 *
 * <p>The performance model starts from a configured guess (or a calibration from pilot runs) and is
 * refitted from every settled round's observations ({@link ScalingLawCalibrator}); a refit replaces the
 * model only when it is identified and beats a constant model. While the model is not identified, the
 * {@link ExplorationPolicy} randomises the generation amounts around the plan.
 *
 * <p>With a ledger path, every settlement is appended to a {@link DurableLedger} (and forced to disk)
 * before the coordinator's state changes; building a coordinator on an existing ledger resumes from it
 * (last settled round, cumulative transfers, participation, calibration observations and model), and
 * {@link #recoveryReport()} tells what recovery found. A round is settled once: settling it again, in
 * this process or after a restart, is refused.
 *
 * <p>Not thread-safe: call the hooks from one thread (the FL loop's).
 */
public final class CoopetitionCoordinator implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final List<Organization> organizations;
  private final Map<String, Integer> index;
  private final Competition competition;
  private final double theta;
  private final IncentiveScheme scheme;
  private final SharingRule sharingRule;
  private final double budget;
  private final ExplorationPolicy exploration;
  private final LeavePolicy leavePolicy;
  private final ParticipationRule participationRule;
  private final double[] target;
  private final SolverOptions options;
  private final ScalingLawCalibrator calibrator;
  private final boolean recalibrate;
  private final DurableLedger ledger;
  private final RecoveryReport recovery;

  private ScalingLawModel model;
  private CalibrationFit fit;
  private final List<CalibrationPoint> points = new ArrayList<>();
  private final Map<String, Double> cumulative = new LinkedHashMap<>();
  private final Set<String> leftForGood = new LinkedHashSet<>();
  private final Set<String> sittingOut = new LinkedHashSet<>();
  private final Map<Integer, Pending> pending = new HashMap<>();
  private final List<CoordinatorRecord> history = new ArrayList<>();
  private int lastSettled = -1;

  private CoopetitionCoordinator(Builder b) {
    if (b.organizations.isEmpty()) {
      throw new InvalidModelException("organizations", "the coordinator needs at least one organization");
    }
    organizations = List.copyOf(b.organizations);
    index = new HashMap<>();
    for (int i = 0; i < organizations.size(); i++) {
      if (index.put(organizations.get(i).id(), i) != null) {
        throw new InvalidModelException("organizations[" + i + "].id", organizations.get(i).id(), "duplicate id");
      }
      cumulative.put(organizations.get(i).id(), 0.0);
    }
    competition = b.competition;
    theta = b.theta;
    if (b.scheme == IncentiveScheme.MARGINAL_CONTRIBUTION) {
      throw new InvalidModelException("incentive", b.scheme,
          "the coordinator implements NONE and COCOGEN_PLUS (marginal-contribution transfers depend on the whole "
              + "played profile and are not a per-sample subsidy plus a fixed fee)");
    }
    scheme = b.scheme;
    sharingRule = b.sharingRule;
    if (sharingRule == SharingRule.SHAPLEY) {
      throw new InvalidModelException("sharingRule", sharingRule, "SHAPLEY needs Shapley values per round; use "
          + "CONTRIBUTION_AND_DEGRADATION or EQUAL");
    }
    budget = b.budget;
    exploration = b.exploration;
    leavePolicy = b.leavePolicy;
    participationRule = b.participationRule;
    options = b.options;
    ScalingLawModel initial = b.performance != null ? b.performance
        : ScalingLawModel.defaults(classCount(organizations, b.target));
    target = b.target != null ? b.target.clone() : uniform(classCount(organizations, null));
    calibrator = new ScalingLawCalibrator(initial.referenceLoss());
    recalibrate = b.recalibrate;
    model = initial;
    fit = b.calibration != null ? b.calibration : CalibrationFit.initialGuess(initial);
    if (b.calibration != null) {
      model = b.calibration.model();
    }
    points.addAll(b.pilotPoints);
    // Validate the static data and the competition once, up front.
    buildGame(defaultReports(), allIndices());
    if (b.ledgerPath != null) {
      try {
        ledger = DurableLedger.open(b.ledgerPath);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the ledger " + b.ledgerPath, e);
      }
      recovery = ledger.recoveryReport();
      for (LedgerRecord r : ledger.records()) {
        replay(decode(r));
      }
    } else {
      ledger = null;
      recovery = null;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- the two hooks ------------------------------------------------------------------------------

  /**
   * Plans round {@code round}.
   *
   * @param round greater than the last settled round; planning the same unsettled round again replaces
   *     its plan
   * @param reports one per organization that reports (at most one per id); an organization without a
   *     report does not participate
   * @throws InvalidModelException on unknown or duplicate ids
   * @throws IllegalStateException when the round is already settled
   */
  public RoundPlan planRound(int round, List<OrganizationReport> reports) {
    if (round <= lastSettled) {
      throw new IllegalStateException("round " + round + " is already settled (last settled round " + lastSettled
          + "); plan a later round");
    }
    if (reports == null) {
      throw new InvalidModelException("reports", "are required (an empty list means nobody reports)");
    }
    OrganizationReport[] byIndex = new OrganizationReport[organizations.size()];
    for (int k = 0; k < reports.size(); k++) {
      OrganizationReport r = reports.get(k);
      Integer i = index.get(r.id());
      if (i == null) {
        throw new InvalidModelException("reports[" + k + "].id", r.id(), "unknown organization; the coordinator knows "
            + index.keySet());
      }
      if (byIndex[i] != null) {
        throw new InvalidModelException("reports[" + k + "].id", r.id(), "duplicate report for round " + round);
      }
      byIndex[i] = r;
    }
    int n = organizations.size();
    String[] reason = new String[n];
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = organizations.get(i).id();
      if (leftForGood.contains(id)) {
        reason[i] = "left the federation for good (payoff below its outside option)";
      } else if (sittingOut.contains(id)) {
        reason[i] = "sits out this round (payoff below its outside option last round)";
      } else if (byIndex[i] == null) {
        reason[i] = "did not report";
      } else if (!byIndex[i].participates()) {
        reason[i] = "declined to participate";
      } else {
        reason[i] = "participates";
        members.add(i);
      }
    }
    OrganizationReport[] reps = defaultReports();
    for (int i = 0; i < n; i++) {
      if (byIndex[i] != null) {
        reps[i] = byIndex[i];
      }
    }
    if (members.isEmpty()) {
      List<OrganizationPlan> plans = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        plans.add(OrganizationPlan.absent(organizations.get(i).id(), reason[i]));
      }
      RoundPlan plan = new RoundPlan(round, scheme, plans, null, null, fit, false, 0.0, "no participants");
      pending.put(round, new Pending(plan, null, new int[0], reps));
      return plan;
    }
    int[] mem = members.stream().mapToInt(Integer::intValue).toArray();
    RoundGame game = buildGame(reps, mem);
    int m = mem.length;
    double[] plan;
    double[] nash;
    double[] sigma = new double[m];
    double[] fee = new double[m];
    double[] outside;
    SolutionSummary eqSummary;
    SolutionSummary soSummary = null;
    StringBuilder msg = new StringBuilder();
    if (scheme == IncentiveScheme.COCOGEN_PLUS) {
      Redistribution red = RedistributionMechanism.compute(game, sharingRule, options, null, true);
      plan = red.plan();
      nash = red.nash();
      sigma = red.subsidies();
      fee = red.fees();
      outside = red.outsideOptions();
      eqSummary = summary("equilibrium", red.equilibrium());
      WelfareOptimum so = red.optimum();
      soSummary = new SolutionSummary("optimum", so.state(), so.welfare(), so.totalSynthetic(),
          so.certificate().maxRelativeRegret(), so.message());
      msg.append("CoCoGen+ redistribution ").append(red.state()).append(": ").append(red.message());
    } else {
      Equilibrium ne = CocogenSolver.equilibrium(game, options);
      if (ne.state() == io.cocogen.solver.SolveState.FAILED) {
        throw new IllegalStateException("round " + round + ": the equilibrium solve failed: " + ne.message());
      }
      plan = ne.synthetic();
      nash = plan;
      outside = RedistributionMechanism.outsideOptions(game, options);
      eqSummary = summary("equilibrium", ne);
      msg.append("Nash equilibrium ").append(ne.state()).append(", no transfers");
    }
    boolean explore = exploration.explores(round, fit.identifiable());
    if (explore) {
      msg.append("; exploration round (")
          .append(round < exploration.rounds() ? "first " + exploration.rounds() + " rounds" : "model not identified")
          .append(")");
    }
    double[] cap = game.capacity();
    int[] count = new int[m];
    double[] counts = new double[m];
    for (int t = 0; t < m; t++) {
      int i = mem[t];
      double s = plan[t];
      int c;
      if (explore) {
        double lo = Math.max(0, (1 - exploration.amplitude()) * s);
        double hi = Math.min(cap[t], (1 + exploration.amplitude()) * s + exploration.floorFraction() * reps[i].realSamples());
        SplittableRandom r = new SplittableRandom(mix(exploration.seed(), round, organizations.get(i).id()));
        c = (int) Math.floor(lo + r.nextDouble() * Math.max(0, hi - lo));
      } else {
        c = (int) Math.floor(s + 1e-9);
      }
      c = (int) Math.max(0, Math.min(c, Math.floor(cap[t] + 1e-9)));
      count[t] = c;
      counts[t] = c;
    }
    RoundGame.Workspace ws = game.newWorkspace();
    double[] u = new double[m];
    game.utilities(counts, u, ws);
    List<OrganizationPlan> plans = new ArrayList<>();
    double[] adjFee = new double[m];
    double imbalance = 0;
    int t = 0;
    for (int i = 0; i < n; i++) {
      String id = organizations.get(i).id();
      if (t < m && mem[t] == i) {
        adjFee[t] = fee[t] + sigma[t] * (count[t] - plan[t]);
        double tau = sigma[t] * count[t] - adjFee[t];
        imbalance += tau;
        double[] h = reps[i].labelHistogram() != null ? reps[i].labelHistogram() : organizations.get(i).labelHistogram();
        int[] quotas = h != null && h.length == target.length ? QuotaAllocator.quotas(h, count[t], target) : new int[0];
        plans.add(new OrganizationPlan(id, true, reason[i], count[t], plan[t], nash[t], quotas, sigma[t], adjFee[t], tau,
            u[t], u[t] + tau, outside == null ? Double.NaN : outside[t], explore));
        t++;
      } else {
        plans.add(OrganizationPlan.absent(id, reason[i]));
      }
    }
    RoundPlan rp = new RoundPlan(round, scheme, plans, eqSummary, soSummary, fit, explore, Math.abs(imbalance),
        msg.toString());
    pending.put(round, new Pending(rp, game, mem, reps));
    return rp;
  }

  /**
   * Settles round {@code round} from what was observed.
   *
   * @param observations exactly one per participant of the round's plan
   * @throws IllegalStateException when the round was already settled (here or in the ledger) or was not
   *     planned
   * @throws InvalidModelException on unknown ids, non-participants, duplicates or missing participants
   */
  public RoundSettlement settleRound(int round, List<OrganizationObservation> observations) {
    if (round <= lastSettled || ledger != null && ledger.contains(round)) {
      throw new IllegalStateException("round " + round + " is already settled (last settled round " + lastSettled
          + "); a round is settled once");
    }
    Pending p = pending.get(round);
    if (p == null) {
      throw new IllegalStateException("round " + round + " was not planned: call planRound(" + round + ", ...) first");
    }
    if (observations == null) {
      throw new InvalidModelException("observations", "are required");
    }
    int m = p.members.length;
    OrganizationObservation[] obs = new OrganizationObservation[m];
    Map<Integer, Integer> slot = new HashMap<>();
    for (int t = 0; t < m; t++) {
      slot.put(p.members[t], t);
    }
    for (int k = 0; k < observations.size(); k++) {
      OrganizationObservation o = observations.get(k);
      Integer i = index.get(o.id());
      if (i == null) {
        throw new InvalidModelException("observations[" + k + "].id", o.id(), "unknown organization; the coordinator "
            + "knows " + index.keySet());
      }
      Integer t = slot.get(i);
      if (t == null) {
        throw new InvalidModelException("observations[" + k + "].id", o.id(), "did not participate in round " + round
            + " (" + p.plan.plan(o.id()).reason() + ")");
      }
      if (obs[t] != null) {
        throw new InvalidModelException("observations[" + k + "].id", o.id(), "duplicate observation for round " + round);
      }
      obs[t] = o;
    }
    List<String> missing = new ArrayList<>();
    for (int t = 0; t < m; t++) {
      if (obs[t] == null) {
        missing.add(organizations.get(p.members[t]).id());
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidModelException("observations", missing, "no observation for participants of round " + round);
    }

    List<OrganizationOutcome> outcomes = new ArrayList<>();
    List<CalibrationPoint> newPoints = new ArrayList<>();
    List<String> nonCompliant = new ArrayList<>();
    List<String> leaving = new ArrayList<>();
    Map<String, Double> cum = new LinkedHashMap<>(cumulative);
    double welfare = 0;
    double transferSum = 0;
    if (m > 0) {
      RoundGame game = p.game;
      double lref = model.referenceLoss();
      double[] rho = game.federation().marketValue();
      double[] d = game.federation().realSamples();
      double[] delta = game.federation().skew();
      double[] q = game.federation().quality();
      double[] s = new double[m];
      double[] gain = new double[m];
      double[] rg = new double[m];
      double dTot = 0;
      double hTot = 0;
      double x = 0;
      double y = 0;
      for (int t = 0; t < m; t++) {
        s[t] = obs[t].generated();
        gain[t] = lref - obs[t].loss();
        rg[t] = rho[t] * gain[t];
        dTot += d[t];
        hTot += d[t] * delta[t];
        x += q[t] * s[t];
        y += s[t];
      }
      CompetitionStructure cs = game.competitionStructure();
      double[] rivals = new double[m];
      cs.multiply(rg, rivals);
      double[] gammaRow = cs.rowSums();
      for (int t = 0; t < m; t++) {
        String id = organizations.get(p.members[t]).id();
        OrganizationPlan op = p.plan.plan(id);
        double cost = game.cost().cost(t, s[t]);
        double k = rivals[t] - theta * rho[t] * gain[t] * gammaRow[t];
        double util = rg[t] - cost - k;
        double tau = op.subsidyRate() * s[t] - op.fee();
        double payoff = util + tau;
        boolean compliant = obs[t].generated() == op.syntheticCount();
        if (!compliant) {
          nonCompliant.add(id);
        }
        double compared = participationRule == ParticipationRule.MEASURED_PAYOFF ? payoff : op.expectedPayoff();
        boolean stays = Double.isNaN(op.outsideOption()) || compared >= op.outsideOption();
        if (!stays) {
          leaving.add(id);
        }
        double predicted = model.loss(dTot, hTot, x, y, d[t], delta[t], q[t], s[t]);
        outcomes.add(new OrganizationOutcome(id, op.syntheticCount(), obs[t].generated(), compliant, obs[t].loss(),
            obs[t].accuracy(), predicted, gain[t], cost, k, util, op.subsidyRate(), op.fee(), tau, payoff,
            op.outsideOption(), stays));
        newPoints.add(new CalibrationPoint(dTot, hTot, x, y, d[t], delta[t], q[t], s[t], obs[t].loss()));
        welfare += util;
        transferSum += tau;
        cum.merge(id, tau, Double::sum);
      }
    }
    // Recalibrate on everything observed so far (state is only committed after the ledger write, so the
    // combined list is a copy; it is built only when a refit runs).
    CalibrationFit newFit = fit;
    ScalingLawModel newModel = model;
    if (recalibrate && points.size() + newPoints.size() >= ScalingLawCalibrator.DEFAULT_MIN_POINTS) {
      List<CalibrationPoint> all = new ArrayList<>(points.size() + newPoints.size());
      all.addAll(points);
      all.addAll(newPoints);
      CalibrationFit f = calibrator.fit(all, model);
      newFit = f;
      if (f.identifiable() && f.beatsConstant()) {
        newModel = f.model();
      }
    }
    Set<String> newLeft = new LinkedHashSet<>(leftForGood);
    Set<String> newSitting = new LinkedHashSet<>();
    for (String id : leaving) {
      if (leavePolicy == LeavePolicy.FOR_GOOD) {
        newLeft.add(id);
      } else {
        newSitting.add(id);
      }
    }
    RoundSettlement settlement = new RoundSettlement(round, outcomes, welfare, transferSum, nonCompliant, leaving, cum,
        newFit);
    CoordinatorRecord rec = new CoordinatorRecord(round, p.plan, settlement, newPoints, newModel, List.copyOf(newLeft),
        List.copyOf(newSitting));
    if (ledger != null) {
      try {
        ledger.append(round, JSON.writeValueAsBytes(rec));
      } catch (IOException e) {
        throw new UncheckedIOException("round " + round + " could not be written to the ledger " + ledger.path()
            + "; it is not settled", e);
      }
    }
    replay(rec);
    pending.remove(round);
    return settlement;
  }

  // ---- state --------------------------------------------------------------------------------------

  /** The last settled round, −1 when none. */
  public int lastSettledRound() {
    return lastSettled;
  }

  /** The performance model in force for the next plan. */
  public ScalingLawModel performanceModel() {
    return model;
  }

  /** The latest calibration fit. */
  public CalibrationFit calibration() {
    return fit;
  }

  /** All calibration observations (pilot points, then every settled round's). */
  public List<CalibrationPoint> calibrationPoints() {
    return List.copyOf(points);
  }

  /** Every organization's transfers summed over the settled rounds. */
  public Map<String, Double> cumulativeTransfers() {
    return new LinkedHashMap<>(cumulative);
  }

  /** Organizations that left for good. */
  public Set<String> leftForGood() {
    return new LinkedHashSet<>(leftForGood);
  }

  /** Organizations that sit out the next round. */
  public Set<String> sittingOut() {
    return new LinkedHashSet<>(sittingOut);
  }

  /** The settled rounds' records, oldest first (recovered from the ledger, then settled here). */
  public List<CoordinatorRecord> history() {
    return List.copyOf(history);
  }

  /** What ledger recovery found at start-up, or null without a ledger. */
  public RecoveryReport recoveryReport() {
    return recovery;
  }

  /** The target label distribution {@code p*}. */
  public double[] targetDistribution() {
    return target.clone();
  }

  /** Closes the ledger. */
  @Override
  public void close() {
    if (ledger != null) {
      try {
        ledger.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // ---- internals ----------------------------------------------------------------------------------

  private record Pending(RoundPlan plan, RoundGame game, int[] members, OrganizationReport[] reports) {}

  private void replay(CoordinatorRecord r) {
    lastSettled = r.round();
    points.addAll(r.points());
    model = r.model();
    fit = r.settlement().calibration();
    cumulative.clear();
    for (Organization o : organizations) {
      cumulative.put(o.id(), r.settlement().cumulativeTransfers().getOrDefault(o.id(), 0.0));
    }
    leftForGood.clear();
    leftForGood.addAll(r.leftForGood());
    sittingOut.clear();
    sittingOut.addAll(r.sittingOut());
    history.add(r);
    pending.keySet().removeIf(k -> k <= r.round());
  }

  private static CoordinatorRecord decode(LedgerRecord r) {
    try {
      CoordinatorRecord rec = JSON.readValue(r.payload(), CoordinatorRecord.class);
      if (rec.round() != r.round()) {
        throw new IllegalStateException("ledger record at offset " + r.offset() + " is round " + r.round()
            + " but its document says " + rec.round());
      }
      return rec;
    } catch (IOException e) {
      throw new UncheckedIOException("ledger record of round " + r.round() + " at offset " + r.offset()
          + " passed its checksum but is not a coordinator record", e);
    }
  }

  private OrganizationReport[] defaultReports() {
    OrganizationReport[] reps = new OrganizationReport[organizations.size()];
    for (int i = 0; i < reps.length; i++) {
      Organization o = organizations.get(i);
      reps[i] = new OrganizationReport(o.id(), o.realSamples(), o.labelHistogram(), true);
    }
    return reps;
  }

  private int[] allIndices() {
    int[] all = new int[organizations.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  /** The game of all organizations with the reported data, restricted to {@code members}. */
  private RoundGame buildGame(OrganizationReport[] reps, int[] members) {
    List<Organization> orgs = new ArrayList<>(organizations.size());
    for (int i = 0; i < organizations.size(); i++) {
      Organization o = organizations.get(i);
      OrganizationReport r = reps[i];
      Organization.Builder b = Organization.builder(o.id()).realSamples(r.realSamples()).quality(o.quality())
          .unitCost(o.unitCost()).quadraticCost(o.quadraticCost()).capacity(o.capacity()).marketValue(o.marketValue());
      double[] h = r.labelHistogram() != null ? r.labelHistogram() : o.labelHistogram();
      if (h != null) {
        b.labelHistogram(h);
      } else {
        b.skew(o.skew());
      }
      orgs.add(b.build());
    }
    RoundGame.Builder gb = RoundGame.builder().organizations(orgs).competition(competition).theta(theta)
        .performance(model).targetDistribution(target);
    if (budget != Double.POSITIVE_INFINITY) {
      gb.budget(budget);
    }
    RoundGame full = gb.build();
    return members.length == organizations.size() && isIdentity(members) ? full : full.restrictTo(members);
  }

  private static boolean isIdentity(int[] members) {
    for (int i = 0; i < members.length; i++) {
      if (members[i] != i) {
        return false;
      }
    }
    return true;
  }

  private static SolutionSummary summary(String kind, Equilibrium e) {
    return new SolutionSummary(kind, e.state(), e.welfare(), e.totalSynthetic(), e.certificate().maxRelativeRegret(),
        e.message());
  }

  private static long mix(long seed, int round, String id) {
    long h = seed * 0x9E3779B97F4A7C15L + round;
    h ^= id.hashCode() * 0xC2B2AE3D27D4EB4FL;
    h ^= h >>> 31;
    return h;
  }

  private static int classCount(List<Organization> orgs, double[] target) {
    if (target != null) {
      return target.length;
    }
    for (Organization o : orgs) {
      if (o.labelHistogram() != null) {
        return o.labelHistogram().length;
      }
    }
    return 10;
  }

  private static double[] uniform(int k) {
    double[] p = new double[k];
    Arrays.fill(p, 1.0 / k);
    return p;
  }

  /** Configures a coordinator; {@link #build()} validates and, with a ledger, recovers from it. */
  public static final class Builder {
    private final List<Organization> organizations = new ArrayList<>();
    private Competition competition = Competition.none();
    private double theta;
    private ScalingLawModel performance;
    private CalibrationFit calibration;
    private final List<CalibrationPoint> pilotPoints = new ArrayList<>();
    private IncentiveScheme scheme = IncentiveScheme.COCOGEN_PLUS;
    private SharingRule sharingRule = SharingRule.CONTRIBUTION_AND_DEGRADATION;
    private double budget = Double.POSITIVE_INFINITY;
    private ExplorationPolicy exploration = ExplorationPolicy.none();
    private LeavePolicy leavePolicy = LeavePolicy.FOR_ROUND;
    private ParticipationRule participationRule = ParticipationRule.MEASURED_PAYOFF;
    private double[] target;
    private SolverOptions options = SolverOptions.DEFAULT.withTolerance(1e-7);
    private boolean recalibrate = true;
    private Path ledgerPath;

    private Builder() {}

    /** Adds an organization's static data (id, real samples and histogram or skew, quality, costs, capacity, value). */
    public Builder organization(Organization o) {
      organizations.add(o);
      return this;
    }

    public Builder organizations(List<Organization> os) {
      organizations.addAll(os);
      return this;
    }

    /** Who competes with whom, by id (default none). */
    public Builder competition(Competition c) {
      if (c == null) {
        throw new InvalidModelException("competition", "is required (use Competition.none())");
      }
      competition = c;
      return this;
    }

    /** {@code θ ∈ [0, 1]} (default 0). */
    public Builder theta(double t) {
      if (!(t >= 0 && t <= 1)) {
        throw new InvalidModelException("competition.theta", t, "must be in [0, 1]");
      }
      theta = t;
      return this;
    }

    /** Initial guess of the performance model (default {@code ScalingLawModel.defaults(K)}). */
    public Builder performance(ScalingLawModel m) {
      performance = m;
      return this;
    }

    /** A calibration from pilot runs: its model is used from the first round. */
    public Builder calibration(CalibrationFit f) {
      calibration = f;
      return this;
    }

    /** Observations from pilot runs, used in every refit. */
    public Builder pilotPoints(List<CalibrationPoint> p) {
      pilotPoints.addAll(p);
      return this;
    }

    /** NONE or COCOGEN_PLUS (default). */
    public Builder incentive(IncentiveScheme s) {
      scheme = s;
      return this;
    }

    public Builder sharingRule(SharingRule r) {
      sharingRule = r;
      return this;
    }

    /** A shared budget on the total synthetic samples per round. */
    public Builder budget(double b) {
      if (!(b >= 0)) {
        throw new InvalidModelException("budget", b, "must be >= 0");
      }
      budget = b;
      return this;
    }

    public Builder exploration(ExplorationPolicy p) {
      exploration = p;
      return this;
    }

    public Builder leavePolicy(LeavePolicy p) {
      leavePolicy = p;
      return this;
    }

    /** What is compared with the outside option at settlement (default the measured payoff). */
    public Builder participationRule(ParticipationRule r) {
      participationRule = r;
      return this;
    }

    /** Target label distribution {@code p*} (default uniform). */
    public Builder targetDistribution(double[] t) {
      target = t == null ? null : t.clone();
      return this;
    }

    public Builder solverOptions(SolverOptions o) {
      options = o;
      return this;
    }

    /** Whether to refit the model after every settlement (default true). */
    public Builder recalibrate(boolean r) {
      recalibrate = r;
      return this;
    }

    /** Durable ledger file; an existing one is recovered and the coordinator resumes from it. */
    public Builder ledger(Path p) {
      ledgerPath = p;
      return this;
    }

    public CoopetitionCoordinator build() {
      return new CoopetitionCoordinator(this);
    }
  }
}
