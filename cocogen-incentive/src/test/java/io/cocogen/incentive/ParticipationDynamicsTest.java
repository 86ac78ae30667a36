package io.cocogen.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.cocogen.api.Competition;
import io.cocogen.api.CompetitionStructure;
import io.cocogen.api.InvalidModelException;
import io.cocogen.api.Organization;
import io.cocogen.api.RoundGame;
import io.cocogen.api.SyntheticFederations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Multi-round participation (MODEL.md §10). */
class ParticipationDynamicsTest {

  /**
   * Eight heterogeneous organizations: one with nearly balanced labels ({@code δ = 0.05}) among seven skewed
   * ones ({@code δ} from 0.45 to 0.75), different sizes, costs, capacities and market values, mild uniform
   * rival-gain competition ({@code γ̄ = 0.05, θ = 0}). Over 20 rounds each keeps 2% of the synthetic samples
   * it generated as (balanced) training data; leaving is for good.
   *
   * <p><b>Socially worth it</b>: organization {@code i} is, in round {@code t}, when among the organizations
   * still eligible {@code E_t}, {@code v^SO(E_t) − v^SO(E_t ∖ {i}) ≥ o_i = v({i})}: with {@code i} inside, the
   * federation run at its welfare optimum creates at least as much welfare as {@code i} alone plus the others
   * federated optimally without it (MODEL.md §9 values, which ignore externalities between coalitions as the
   * model does). Total welfare counts those outside at their outside option.
   *
   * <p>Measured: without transfers (NONE) five socially-worth-it organizations leave in round 0 (the federation
   * drifts away from their interest: competition and the others' label skew), and are lost for all 20 rounds;
   * CoCoGen+ keeps every socially-worth-it organization in every round, and its cumulative welfare is higher.
   */
  @Test
  void cocogenPlusKeepsTheSociallyWorthItOrganizationsWhileNoneLosesSome() {
    RoundGame base = balancedAmongSkewed(0.05);
    ParticipationDynamics.RoundUpdate update = ParticipationDynamics.RoundUpdate.growRealSamples(0.02, true);
    ParticipationDynamics.Config config = ParticipationDynamics.Config.of(20)
        .withExit(ParticipationDynamics.Exit.FOR_GOOD).withUpdate(update);
    Map<IncentiveScheme, Trajectory> runs = ParticipationDynamics.compare(base, config, IncentiveScheme.values());
    int[] lostPairs = new int[3];
    int[] lostOrgs = new int[3];
    for (IncentiveScheme s : IncentiveScheme.values()) {
      Trajectory tr = runs.get(s);
      RoundGame game = base;
      Set<Integer> lost = new HashSet<>();
      for (RoundOutcome r : tr.rounds()) {
        if (r.round() > 0) {
          game = update.next(r.round(), game, tr.rounds().get(r.round() - 1));
        }
        boolean[] worth = sociallyWorthIt(game, r.eligible());
        for (int i = 0; i < game.size(); i++) {
          if (worth[i] && !r.participating()[i]) {
            lostPairs[s.ordinal()]++;
            lost.add(i);
          }
        }
      }
      lostOrgs[s.ordinal()] = lost.size();
      System.out.printf("%-22s cumulative welfare %.2f, final participants %s, socially-worth-it organizations"
          + " lost %d (organization-rounds outside %d)%n", s, tr.cumulativeWelfare(), tr.last().participants(),
          lostOrgs[s.ordinal()], lostPairs[s.ordinal()]);
    }
    assertThat(runs.get(IncentiveScheme.COCOGEN_PLUS).rounds()).hasSize(20);
    assertThat(lostPairs[IncentiveScheme.COCOGEN_PLUS.ordinal()]).isZero();
    assertThat(lostOrgs[IncentiveScheme.NONE.ordinal()]).isEqualTo(5);
    assertThat(runs.get(IncentiveScheme.NONE).rounds().get(0).exits()).hasSize(5);
    assertThat(runs.get(IncentiveScheme.COCOGEN_PLUS).last().participantCount()).isEqualTo(8);
    double none = runs.get(IncentiveScheme.NONE).cumulativeWelfare();
    double plus = runs.get(IncentiveScheme.COCOGEN_PLUS).cumulativeWelfare();
    assertThat(none).isCloseTo(30278.3, offset(0.1));
    assertThat(plus).isCloseTo(31182.4, offset(0.1));
    assertThat(plus).isGreaterThan(none);
    // Budget balance in every CoCoGen+ round, through the ledger.
    for (RoundRecord rec : runs.get(IncentiveScheme.COCOGEN_PLUS).ledger().records()) {
      double abs = 0;
      for (double t : rec.transfers()) {
        abs += Math.abs(t);
      }
      assertThat(Math.abs(rec.transferSum())).isLessThanOrEqualTo(1e-9 * (1 + abs));
    }
  }

  /** Same inputs, same trajectory, bit for bit. */
  @Test
  void deterministic() {
    RoundGame base = SyntheticFederations.game(new SplittableRandom(5),
        SyntheticFederations.Spec.of(7, SyntheticFederations.Kind.DENSE, 0.5, 0.0));
    ParticipationDynamics.Config config = ParticipationDynamics.Config.of(5)
        .withUpdate(ParticipationDynamics.RoundUpdate.growRealSamples(0.1, false));
    for (IncentiveScheme s : IncentiveScheme.values()) {
      Trajectory a = ParticipationDynamics.run(base, s, config);
      Trajectory b = ParticipationDynamics.run(base, s, config);
      assertThat(a.cumulativeWelfare()).isEqualTo(b.cumulativeWelfare());
      assertThat(a.ledger().records()).isEqualTo(b.ledger().records());
      for (int t = 0; t < 5; t++) {
        assertThat(a.rounds().get(t).payoffs()).isEqualTo(b.rounds().get(t).payoffs());
      }
    }
  }

  /**
   * Competition switched on in odd rounds and off in even ones: organizations that leave in an odd round come
   * back in the next round when leaving is for the round, and never when it is for good.
   */
  @Test
  void leavingForTheRoundOrForGood() {
    RoundGame base = SyntheticFederations.game(new SplittableRandom(9),
        SyntheticFederations.Spec.of(6, SyntheticFederations.Kind.NONE, 0.0, 0.0));
    ParticipationDynamics.RoundUpdate toggle = (round, previous, outcome) ->
        previous.withCompetition(CompetitionStructure.uniform(previous.size(), round % 2 == 1 ? 0.6 : 0.0));
    ParticipationDynamics.Config forRound = ParticipationDynamics.Config.of(4).withUpdate(toggle);
    Trajectory a = ParticipationDynamics.run(base, IncentiveScheme.NONE, forRound);
    assertThat(a.rounds().get(0).participantCount()).isEqualTo(6);
    assertThat(a.rounds().get(1).exits()).isNotEmpty();
    assertThat(a.rounds().get(2).participantCount()).isEqualTo(6);
    assertThat(a.rounds().get(2).eligible()).containsOnly(true);

    Trajectory b = ParticipationDynamics.run(base, IncentiveScheme.NONE,
        forRound.withExit(ParticipationDynamics.Exit.FOR_GOOD));
    int afterOdd = b.rounds().get(1).participantCount();
    assertThat(afterOdd).isLessThan(6);
    assertThat(b.rounds().get(2).participantCount()).isLessThanOrEqualTo(afterOdd);
    for (int i = 0; i < 6; i++) {
      if (!b.rounds().get(1).participating()[i]) {
        assertThat(b.rounds().get(2).eligible()[i]).isFalse();
        assertThat(b.rounds().get(3).participating()[i]).isFalse();
      }
    }
    // Those outside get their outside option; total welfare adds them.
    RoundOutcome r = b.rounds().get(1);
    double total = r.federationWelfare();
    for (int i = 0; i < 6; i++) {
      if (!r.participating()[i]) {
        assertThat(r.payoffs()[i]).isEqualTo(r.outsideOptions()[i]);
        assertThat(r.transfers()[i]).isZero();
        total += r.outsideOptions()[i];
      }
    }
    assertThat(r.totalWelfare()).isCloseTo(total, offset(1e-9 * Math.abs(total)));
  }

  /** Everybody who participates gets at least the outside option (up to the tolerance), in every round. */
  @Test
  void participantsGetAtLeastTheirOutsideOption() {
    SplittableRandom seeds = new SplittableRandom(17);
    for (int g = 0; g < 12; g++) {
      RoundGame base = TestSupport.randomGame(new SplittableRandom(seeds.nextLong()), g, 3, 8);
      for (IncentiveScheme s : IncentiveScheme.values()) {
        Trajectory tr = ParticipationDynamics.run(base, s, ParticipationDynamics.Config.of(3)
            .withUpdate(ParticipationDynamics.RoundUpdate.growRealSamples(0.05, true)));
        for (RoundOutcome r : tr.rounds()) {
          for (int i = 0; i < base.size(); i++) {
            if (r.participating()[i]) {
              double o = r.outsideOptions()[i];
              assertThat(r.payoffs()[i]).isGreaterThanOrEqualTo(o - 1e-9 * (1 + Math.abs(o)));
            }
          }
          assertThat(tr.ledger().round(r.round()).isPresent()).isEqualTo(r.participantCount() > 0);
        }
      }
    }
  }

  @Test
  void rejectsAnUpdateThatChangesTheOrganizations() {
    RoundGame base = SyntheticFederations.game(new SplittableRandom(2),
        SyntheticFederations.Spec.of(4, SyntheticFederations.Kind.UNIFORM, 0.1, 0.0));
    ParticipationDynamics.RoundUpdate drop = (round, previous, outcome) -> previous.restrictTo(new int[] {0, 1, 2});
    assertThatThrownBy(() -> ParticipationDynamics.run(base, IncentiveScheme.NONE,
        ParticipationDynamics.Config.of(2).withUpdate(drop))).isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("same order");
    assertThatThrownBy(() -> ParticipationDynamics.Config.of(0)).isInstanceOf(InvalidModelException.class);
    assertThatThrownBy(() -> ParticipationDynamics.RoundUpdate.growRealSamples(-1, true))
        .isInstanceOf(InvalidModelException.class);
  }

  /** Adding balanced samples to a histogram moves it toward the target, as a skew does. */
  @Test
  void growthDilutesSkew() {
    double[] h = ParticipationDynamics.balancedAdd(new double[] {90, 10}, 100, 100, null);
    assertThat(h).containsExactly(new double[] {140, 60}, offset(1e-12));
    assertThat(Organization.totalVariation(h, new double[] {0.5, 0.5})).isCloseTo(0.2, offset(1e-12));
  }

  static boolean[] sociallyWorthIt(RoundGame game, boolean[] eligible) {
    int n = game.size();
    List<Integer> e = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (eligible[i]) {
        e.add(i);
      }
    }
    int[] set = e.stream().mapToInt(Integer::intValue).toArray();
    CoalitionValues cv = CoalitionValues.of(game);
    double[] o = cv.outsideOptions();
    double all = cv.value(ValueFunction.OPTIMUM, set);
    boolean[] worth = new boolean[n];
    for (int t = 0; t < set.length; t++) {
      int[] rest = new int[set.length - 1];
      for (int u = 0, c = 0; u < set.length; u++) {
        if (u != t) {
          rest[c++] = set[u];
        }
      }
      worth[set[t]] = all - cv.value(ValueFunction.OPTIMUM, rest) - o[set[t]] >= 0;
    }
    return worth;
  }

  /** One nearly label-balanced organization among seven skewed ones (see the test above). */
  static RoundGame balancedAmongSkewed(double gammaBar) {
    double[] d = {3000, 1500, 2500, 4000, 6000, 9000, 12000, 3000};
    double[] skew = {0.05, 0.7, 0.6, 0.65, 0.5, 0.55, 0.45, 0.75};
    double[] unitCost = {0.002, 0.001, 0.0015, 0.002, 0.0025, 0.003, 0.002, 0.001};
    double[] value = {150, 100, 110, 120, 130, 140, 125, 105};
    double[] capacity = {8000, 20000, 15000, 10000, 12000, 6000, 9000, 18000};
    List<Organization> orgs = new ArrayList<>();
    for (int i = 0; i < d.length; i++) {
      orgs.add(Organization.builder("org" + i).realSamples(d[i]).skew(skew[i]).quality(0.8).unitCost(unitCost[i])
          .capacity(capacity[i]).marketValue(value[i]).build());
    }
    return RoundGame.builder().organizations(orgs).competition(Competition.uniform(gammaBar)).theta(0).build();
  }
}
