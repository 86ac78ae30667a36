package io.cocogen.cli;

import io.cocogen.api.Competition;
import io.cocogen.api.RoundGame;
import io.cocogen.incentive.OrganizationSettlement;
import io.cocogen.incentive.Redistribution;
import io.cocogen.solver.Baselines;
import io.cocogen.solver.Certificate;
import io.cocogen.solver.Equilibrium;
import io.cocogen.solver.StrategyOutcome;
import io.cocogen.solver.WelfareOptimum;
import java.util.Locale;
import java.util.Map;

/** The readable tables of an {@link Analysis} ({@code demo}, {@code solve --format table}). */
final class Report {
  private Report() {}

  static String render(Analysis a) {
    StringBuilder b = new StringBuilder();
    b.append(header(a)).append('\n');
    b.append("Organizations\n").append(organizations(a)).append('\n');
    b.append("Synthetic samples and utilities (no transfers)\n").append(strategies(a)).append('\n');
    if (a.redistribution() != null) {
      b.append("CoCoGen+ redistribution (sharing rule ").append(a.redistribution().rule()).append(")\n")
          .append(redistribution(a)).append('\n');
    } else {
      b.append("No redistribution: ").append(a.redistributionError()).append("\n\n");
    }
    b.append("Welfare by strategy\n").append(welfare(a)).append('\n');
    b.append(totals(a)).append('\n');
    b.append("Certificates\n").append(certificates(a));
    return b.toString();
  }

  private static String header(Analysis a) {
    RoundGame g = a.game();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%d organizations, competition: %s, theta = %s, shared budget: %s%n",
        g.size(), competition(g), Fmt.number(g.theta()), g.hasBudget() ? Fmt.samples(g.budget()) : "none"));
    if (g.isPotentialGame()) {
      b.append("Weighted potential game: every stake w_i > 0 (unique equilibrium = potential maximiser).\n");
    } else {
      b.append("Not a positive-weight potential game: competition-dominated (w_i <= 0): ")
          .append(String.join(", ", g.dominatedIds())).append('\n');
    }
    return b.toString();
  }

  private static String competition(RoundGame g) {
    Competition c = g.competition();
    if (c == null) {
      return "by index";
    }
    if (c instanceof Competition.Uniform u) {
      return "uniform, total exposure " + Fmt.number(u.gammaBar());
    }
    if (c instanceof Competition.Segments s) {
      long segments = s.of().values().stream().distinct().count();
      return segments + " market segments (within " + Fmt.number(s.within()) + ", across "
          + Fmt.number(s.across()) + ")";
    }
    return c.kind();
  }

  private static String organizations(Analysis a) {
    RoundGame g = a.game();
    Competition c = g.competition();
    Map<String, String> segments = c instanceof Competition.Segments s ? s.of() : null;
    var f = g.federation();
    TextTable t = segments != null
        ? new TextTable("organization", "segment", "real d", "skew", "quality q", "capacity S", "value rho",
            "stake w", "exposure").left(1)
        : new TextTable("organization", "real d", "skew", "quality q", "capacity S", "value rho", "stake w",
            "exposure");
    for (int i = 0; i < g.size(); i++) {
      String[] cells = {f.id(i), Fmt.samples(f.realSamples()[i]), Fmt.ratio(f.skew()[i]),
        Fmt.number(f.quality()[i]), Fmt.samples(f.capacity()[i]), Fmt.money(f.marketValue()[i]),
        Fmt.money(g.commonStakes()[i]), Fmt.ratio(g.rowSums()[i])};
      if (segments != null) {
        String[] withSeg = new String[cells.length + 1];
        withSeg[0] = cells[0];
        withSeg[1] = segments.getOrDefault(f.id(i), "");
        System.arraycopy(cells, 1, withSeg, 2, cells.length - 1);
        cells = withSeg;
      }
      t.row(cells);
    }
    return t.render();
  }

  private static String strategies(Analysis a) {
    RoundGame g = a.game();
    Equilibrium ne = a.nash();
    WelfareOptimum so = a.optimum();
    StrategyOutcome vcfl = a.baselines().get(Baselines.VCFL);
    StrategyOutcome wco = a.baselines().get(Baselines.WCO);
    TextTable t = new TextTable("organization", "s at NE", "s at SO", "capacity", "U at NE", "U at SO", "U at VCFL",
        "U at WCO");
    for (int i = 0; i < g.size(); i++) {
      t.row(g.id(i), Fmt.samples(ne.synthetic()[i]), Fmt.samples(so.synthetic()[i]),
          Fmt.samples(g.capacity()[i]), Fmt.money(ne.utilities()[i]), Fmt.money(so.utilities()[i]),
          Fmt.money(vcfl.utilities()[i]), Fmt.money(wco.utilities()[i]));
    }
    t.rule().row("total", Fmt.samples(ne.totalSynthetic()), Fmt.samples(so.totalSynthetic()),
        Fmt.samples(sum(g.capacity())), Fmt.money(ne.welfare()), Fmt.money(so.welfare()), Fmt.money(vcfl.welfare()),
        Fmt.money(wco.welfare()));
    return t.render();
  }

  private static String redistribution(Analysis a) {
    Redistribution r = a.redistribution();
    TextTable t = new TextTable("organization", "subsidy", "fee", "net transfer", "payoff", "U at NE",
        "gain vs NE", "share", "outside opt", "participates");
    double subsidy = 0;
    double fee = 0;
    double transfer = 0;
    double payoff = 0;
    double nash = 0;
    for (OrganizationSettlement s : r.settlements()) {
      double paid = s.subsidyRate() * s.plan();
      subsidy += paid;
      fee += s.fee();
      transfer += s.netTransfer();
      payoff += s.payoff();
      nash += s.utilityAtNash();
      t.row(s.id(), Fmt.money(paid), Fmt.money(s.fee()), Fmt.money(s.netTransfer()), Fmt.money(s.payoff()),
          Fmt.money(s.utilityAtNash()), Fmt.money(s.payoff() - s.utilityAtNash()), Fmt.ratio(s.share()),
          Fmt.money(s.outsideOption()),
          Double.isNaN(s.outsideOption()) ? "n/a" : s.participates() ? "yes" : "NO");
    }
    t.rule().row("total", Fmt.money(subsidy), Fmt.money(fee), Fmt.money(transfer), Fmt.money(payoff),
        Fmt.money(nash), Fmt.money(payoff - nash), "1.0000", "", "");
    return t.render()
        + "subsidy = sigma_i * s_i^SO (sigma_i per synthetic sample); net transfer = subsidy - fee; "
        + "payoff = U at SO + net transfer.\n";
  }

  private static String welfare(Analysis a) {
    TextTable t = new TextTable("strategy", "synthetic", "welfare", "vs NE", "of optimum", "state");
    double ne = a.nash().welfare();
    double so = a.optimum().welfare();
    for (Map.Entry<String, StrategyOutcome> e : a.baselines().entrySet()) {
      StrategyOutcome o = e.getValue();
      String name = e.getKey().equals(Baselines.NE) ? "NE (CoCoGen)" : e.getKey();
      t.row(name, Fmt.samples(o.totalSynthetic()), Fmt.money(o.welfare()), relative(o.welfare(), ne),
          so > 0 ? Fmt.ratio(o.welfare() / so) : "n/a", o.state().name());
    }
    String state = a.redistribution() != null ? a.redistribution().state().name() : a.optimum().state().name();
    t.row("CoCoGen+ (SO)", Fmt.samples(a.optimum().totalSynthetic()), Fmt.money(so), relative(so, ne),
        so > 0 ? Fmt.ratio(1.0) : "n/a", state);
    return t.render();
  }

  private static String relative(double v, double base) {
    return base != 0 ? Fmt.percent((v - base) / Math.abs(base)) : "n/a";
  }

  private static String totals(Analysis a) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "efficiency SW(NE)/SW(SO) = %s   price of anarchy SW(SO)/SW(NE) = %s%n",
        Fmt.ratio(a.efficiency()), Fmt.ratio(a.priceOfAnarchy())));
    Redistribution r = a.redistribution();
    if (r != null) {
      b.append(String.format(Locale.ROOT,
          "surplus SW(SO) - SW(NE) = %s   budget imbalance |sum of transfers| = %s (relative %s)%n",
          Fmt.money(r.surplus()), Fmt.tiny(r.budgetImbalance()), Fmt.tiny(r.relativeImbalance())));
      b.append("worse off than at NE: ").append(r.worseOffThanNash().isEmpty() ? "nobody"
          : String.join(", ", r.worseOffThanNash()));
      b.append("   below outside option: ").append(r.outsideOptions() == null ? "not computed"
          : r.participationViolations().isEmpty() ? "nobody" : String.join(", ", r.participationViolations()))
          .append('\n');
    }
    return b.toString();
  }

  private static String certificates(Analysis a) {
    TextTable t = new TextTable("profile", "state", "max regret", "relative regret", "iterations", "method / note")
        .left(5);
    Equilibrium ne = a.nash();
    t.row("NE", ne.state().name(), Fmt.tiny(ne.certificate().maxRegret()),
        Fmt.tiny(ne.certificate().maxRelativeRegret()), Integer.toString(ne.iterations()), ne.method());
    WelfareOptimum so = a.optimum();
    t.row("SO", so.state().name(), Fmt.tiny(so.certificate().maxRegret()),
        Fmt.tiny(so.certificate().maxRelativeRegret()), Integer.toString(so.iterations()),
        "duality gap " + Fmt.tiny(so.gap()) + (so.concave() ? ", concave welfare" : ", welfare not concave"));
    Redistribution r = a.redistribution();
    if (r != null) {
      Certificate c = r.planCertificate();
      t.row("SO with transfers", r.state().name(), Fmt.tiny(c.maxRegret()), Fmt.tiny(c.maxRelativeRegret()), "-",
          "incentive compatibility of the plan");
    }
    return t.render() + "regret = what one organization gains by deviating alone; relative = regret / (1 + |U_i|); "
        + "tolerance " + Fmt.tiny(a.options().tolerance()) + ".\n";
  }

  private static double sum(double[] v) {
    double t = 0;
    for (double x : v) {
      t += x;
    }
    return t;
  }
}
