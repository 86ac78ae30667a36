#!/usr/bin/env python3
"""Peer (a) of the CoCoGen+ benchmarks: SciPy L-BFGS-B on the weighted potential.

Reads a ``cocogen.scenario/v1`` document (docs/scenario-schema.md), builds the weighted potential of
MODEL.md section 3,

    Phi(s) = G(z) + sum_k [b_k g_k(s_k) - c_k(s_k)] / w_k,   z = (sum q_j s_j, sum s_j),

and maximises it over the box 0 <= s_i <= S_i with ``scipy.optimize.minimize(method="L-BFGS-B")`` and the
analytic gradient, in the scaled variables x_i = s_i / S_i in [0, 1] (same variables and same stopping
measure as the Java peers: the projected-gradient norm in x, ``gtol``). Writes the answer and the timing as
JSON.

Usage: scipy_potential.py SCENARIO.json OUT.json [--repeat K] [--gtol 1e-9] [--maxiter 20000]

The reported time is the wall-clock time of ``minimize`` alone (the scenario is parsed and the arrays are
built once, outside the timing), the median over K runs from the same start x = 1/2.
"""

import argparse
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import minimize

SCHEMA = "cocogen.scenario/v1"


def fail(msg):
    print("scipy_potential: " + msg, file=sys.stderr)
    sys.exit(2)


def load(path):
    with open(path, "r", encoding="utf-8") as fh:
        doc = json.load(fh)
    if doc.get("schema") != SCHEMA:
        fail("not a %s document: schema = %r" % (SCHEMA, doc.get("schema")))
    if "budget" in doc:
        fail("a shared budget is a general linear constraint; L-BFGS-B handles bounds only")
    perf = doc["performance"]
    if perf.get("model", "scaling-law") != "scaling-law":
        fail("only the scaling-law performance model is supported")
    orgs = doc["organizations"]
    n = len(orgs)
    ids = [o["id"] for o in orgs]
    d = np.array([float(o["realSamples"]) for o in orgs])
    target = doc.get("targetDistribution")
    skew = np.empty(n)
    for i, o in enumerate(orgs):
        if "labelHistogram" in o:
            h = np.asarray(o["labelHistogram"], dtype=float)
            p = h / h.sum()
            t = np.full(len(h), 1.0 / len(h)) if target is None else np.asarray(target, float) / np.sum(target)
            skew[i] = 0.5 * np.abs(p - t).sum()
        else:
            skew[i] = float(o.get("skew", 0.0))
    q = np.array([float(o["quality"]) for o in orgs])
    kappa = np.array([float(o.get("unitCost", 0.0)) for o in orgs])
    eta = np.array([float(o.get("quadraticCost", 0.0)) for o in orgs])
    cap = np.array([float(o["capacity"]) for o in orgs])
    rho = np.array([float(o["marketValue"]) for o in orgs])
    comp = doc["competition"]
    theta = float(comp.get("theta", 0.0))
    row, vrow = competition_sums(comp, ids, rho)
    b = rho * (1.0 + theta * row)
    w = b - vrow
    if np.any(w <= 0):
        fail("not a positive-weight potential game (some w_i <= 0)")
    return dict(n=n, ids=ids, d=d, skew=skew, q=q, kappa=kappa, eta=eta, cap=cap, rho=rho, w=w, b=b,
                L_ref=float(perf["referenceLoss"]), floor=float(perf["lossFloor"]), A=float(perf["scale"]),
                beta=float(perf["exponent"]), C=float(perf["drift"]), E=float(perf["mismatch"]))


def competition_sums(comp, ids, rho):
    """Row sums Gamma_i = sum_j gamma_ij and value row sums R_i = sum_j gamma_ij rho_j."""
    n = len(ids)
    kinds = [k for k in ("none", "uniform", "segments", "sparse", "dense") if k in comp]
    if len(kinds) != 1:
        fail("competition must have exactly one representation, got %r" % kinds)
    kind = kinds[0]
    if kind == "none":
        return np.zeros(n), np.zeros(n)
    if kind == "uniform":
        pair = float(comp["uniform"]) / (n - 1) if n > 1 else 0.0
        return np.full(n, pair * (n - 1)), pair * (rho.sum() - rho)
    if kind == "segments":
        seg = comp["segments"]
        of = seg["of"]
        names = {}
        s = np.array([names.setdefault(of[i], len(names)) for i in ids])
        k = len(names)
        size = np.bincount(s, minlength=k).astype(float)
        within = np.where(size > 1, float(seg["within"]) / np.maximum(size - 1, 1), 0.0)
        across = np.where(n - size > 0, float(seg["across"]) / np.maximum(n - size, 1), 0.0)
        seg_rho = np.bincount(s, weights=rho, minlength=k)
        wi, ac = within[s], across[s]
        row = wi * (size[s] - 1) + ac * (n - size[s])
        vrow = wi * (seg_rho[s] - rho) + ac * (rho.sum() - seg_rho[s])
        return row, vrow
    index = {i: t for t, i in enumerate(ids)}
    if kind == "sparse":
        row = np.zeros(n)
        vrow = np.zeros(n)
        for r in comp["sparse"]:
            i, j, g = index[r["org"]], index[r["rival"]], float(r["gamma"])
            row[i] += g
            vrow[i] += g * rho[j]
        return row, vrow
    g = np.asarray(comp["dense"], dtype=float)
    np.fill_diagonal(g, 0.0)
    return g.sum(axis=1), g @ rho


class Potential:
    """Minus the potential, and its gradient, in x = s / S."""

    def __init__(self, p):
        self.p = p
        self.D = p["d"].sum()
        self.H = (p["d"] * p["skew"]).sum()
        self.priv = p["E"] * p["skew"] * p["d"]
        self.const = p["L_ref"] - p["floor"]
        self.qcap = p["q"] * p["cap"]

    def profile(self, x):
        return np.minimum(self.p["cap"], np.clip(x, 0.0, 1.0) * self.p["cap"])

    def value(self, s):
        p = self.p
        X = np.dot(p["q"], s)
        Y = s.sum()
        G = self.const - p["A"] * (self.D + X) ** (-p["beta"]) - p["C"] * self.H / (self.D + Y)
        g = -self.priv / (p["d"] + p["q"] * s)
        c = s * (p["kappa"] + 0.5 * p["eta"] * s)
        return G + np.sum((p["b"] * g - c) / p["w"])

    def neg_value_and_grad(self, x):
        p = self.p
        s = x * p["cap"]
        X = np.dot(p["q"], s)
        Y = s.sum()
        ux = self.D + X
        uy = self.D + Y
        G = self.const - p["A"] * ux ** (-p["beta"]) - p["C"] * self.H / uy
        u = p["d"] + p["q"] * s
        g = -self.priv / u
        c = s * (p["kappa"] + 0.5 * p["eta"] * s)
        phi = G + np.sum((p["b"] * g - c) / p["w"])
        lx = p["A"] * p["beta"] * ux ** (-p["beta"] - 1.0)
        ly = p["C"] * self.H / (uy * uy)
        slope = self.priv * p["q"] / (u * u)
        grad_s = lx * p["q"] + ly + (p["b"] * slope - (p["kappa"] + p["eta"] * s)) / p["w"]
        return -phi, -(grad_s * p["cap"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario")
    ap.add_argument("out")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--gtol", type=float, default=1e-9)
    ap.add_argument("--maxiter", type=int, default=20000)
    a = ap.parse_args()
    p = load(a.scenario)
    pot = Potential(p)
    n = p["n"]
    x0 = np.full(n, 0.5)
    bounds = [(0.0, 1.0)] * n
    opts = dict(maxiter=a.maxiter, maxfun=4 * a.maxiter, gtol=a.gtol, ftol=1e-15, maxcor=10)
    times = []
    res = None
    for _ in range(max(1, a.repeat)):
        t0 = time.perf_counter()
        res = minimize(pot.neg_value_and_grad, x0, jac=True, method="L-BFGS-B", bounds=bounds, options=opts)
        times.append(time.perf_counter() - t0)
    s = pot.profile(res.x)
    f, gneg = pot.neg_value_and_grad(np.clip(res.x, 0.0, 1.0))
    pg = float(np.max(np.abs(np.clip(res.x - gneg, 0.0, 1.0) - res.x))) if n else 0.0
    out = {
        "solver": "scipy.optimize.minimize(method=L-BFGS-B)",
        "scipyVersion": scipy.__version__,
        "numpyVersion": np.__version__,
        "python": sys.version.split()[0],
        "n": n,
        "options": opts,
        "timesSeconds": times,
        "medianSeconds": float(np.median(times)),
        "potential": float(pot.value(s)),
        "projectedGradient": pg,
        "iterations": int(res.nit),
        "evaluations": int(res.nfev),
        "success": bool(res.success),
        "message": str(res.message),
        "synthetic": [float(v) for v in s],
    }
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump(out, fh)
    print("scipy L-BFGS-B n=%d median %.6f s, %d iterations, potential %.15g, |pg| %.3g, %s"
          % (n, out["medianSeconds"], out["iterations"], out["potential"], pg, out["message"]))


if __name__ == "__main__":
    main()
