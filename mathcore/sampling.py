"""Sampling and Monte Carlo for lesson 12: Monte Carlo error, Metropolis-Hastings,
Gibbs sampling and the reparameterization trick.

Every sampler takes an explicit ``rng`` (a numpy Generator or an int seed) and
returns a frozen dataclass that keeps the whole history a scene animates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from mathcore._validate import as_array, as_count, as_positive_float, as_real, as_rng

__all__ = [
    "MonteCarloResult", "monte_carlo_estimate", "Chain", "metropolis_hastings",
    "GibbsChain", "gibbs_bivariate_normal", "reparameterize", "GradientEstimate",
    "reparam_gradient_estimate", "score_function_gradient_estimate",
    "metropolis_hastings_kernel", "stationary_distribution", "autocorrelation",
    "effective_sample_size",
]


@dataclass(frozen=True)
class MonteCarloResult:
    """A Monte Carlo estimate with its running history."""

    estimate: float  # mean of all n values
    standard_error: float  # std(values, ddof=1) / sqrt(n)
    values: np.ndarray  # (n,) f(x_i)
    running_mean: np.ndarray  # (n,) estimate after k = 1..n samples
    running_se: np.ndarray  # (n,) standard error after k samples (NaN at k = 1)


def _running_mean_and_se(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    k = np.arange(1, len(values) + 1)  # (n,)
    mean = np.cumsum(values) / k  # (n,)
    # sum of squared deviations, updated without cancellation (Welford)
    sq_dev = np.zeros_like(values)  # (n,)
    for i in range(1, len(values)):
        sq_dev[i] = sq_dev[i - 1] + (values[i] - mean[i - 1]) * (values[i] - mean[i])
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.sqrt(sq_dev / (k - 1) / k)  # (n,)
    se[0] = np.nan
    return mean, se


def _one_per_draw(values, n: int, name: str) -> np.ndarray:
    values = as_array(values, name)  # (n,)
    if values.shape != (n,):
        raise ValueError(f"{name} must return one value per draw, shape ({n},), "
                         f"got shape {values.shape}")
    return values


def monte_carlo_estimate(f: Callable, sampler: Callable, n, *, rng) -> MonteCarloResult:
    r"""Estimate an expectation by averaging ``f`` over ``n`` random draws.

    .. math:: \mathbb E[f(X)] \approx \hat\mu_n = \frac1n \sum_{i=1}^n f(x_i), \qquad
              \mathrm{SE}(\hat\mu_n) = \frac{s_n}{\sqrt n}

    The error shrinks like :math:`1/\sqrt n` whatever the dimension of ``X``.

    Parameters
    ----------
    f : callable
        Vectorised: maps the (n, ...) array of draws to n values.
    sampler : callable
        ``sampler(rng, n)`` returns n draws, shape (n, ...).
    n : int
        Number of draws.
    rng : numpy Generator or int seed

    Returns
    -------
    MonteCarloResult
        ``estimate``, ``standard_error`` and the running history (n,).

    Examples
    --------
    >>> round(monte_carlo_estimate(lambda x: x**2, lambda r, n: r.uniform(size=n), 4000, rng=0).estimate, 1)
    0.3
    """
    n = as_count(n, "n", bytes_each=4 * 8, what="the values and their running mean and error")
    rng = as_rng(rng)
    values = _one_per_draw(f(sampler(rng, n)), n, "f(samples)")  # (n,)
    running_mean, running_se = _running_mean_and_se(values)
    return MonteCarloResult(float(running_mean[-1]), float(running_se[-1]), values,
                            running_mean, running_se)


@dataclass(frozen=True)
class Chain:
    """A random-walk Metropolis-Hastings chain and every proposal it considered."""

    samples: np.ndarray  # (n_samples, d) state after each step
    proposals: np.ndarray  # (n_samples, d) candidate at each step
    accepted: np.ndarray  # (n_samples,) bool, proposal taken?
    log_probs: np.ndarray  # (n_samples,) log target at each sample
    acceptance_rate: float  # mean of accepted
    x0: np.ndarray  # (d,) starting point


def _log_prob_at(log_prob: Callable, x: np.ndarray) -> float:
    out = as_real(log_prob(x), "log_prob")
    if out.size != 1:
        raise ValueError(f"log_prob must return a single number, got shape {out.shape}")
    value = float(out.reshape(()))
    if np.isnan(value) or value == np.inf:
        raise ValueError(f"log_prob must return a finite number or -inf, got {value} at x = {x}")
    return value


def metropolis_hastings(log_prob: Callable, x0, n_samples, *, step, rng) -> Chain:
    r"""Random-walk Metropolis-Hastings with Gaussian proposals.

    .. math:: x' = x + \text{step}\cdot\varepsilon,\ \varepsilon \sim \mathcal N(0, I),
              \qquad \text{accept with probability } \min\big(1,\ \pi(x') / \pi(x)\big)

    The proposal is symmetric, so the Hastings correction cancels.

    Parameters
    ----------
    log_prob : callable
        Unnormalised log density, maps a (d,) point to a float (``-inf`` outside
        the support).
    x0 : float or array_like, shape (d,)
        Start, where ``log_prob`` must be finite.
    n_samples : int
        Number of steps (each step yields one sample, repeated when rejected).
    step : float
        Proposal standard deviation.
    rng : numpy Generator or int seed

    Returns
    -------
    Chain
        ``samples`` (n_samples, d), ``proposals``, ``accepted``, ``acceptance_rate``.

    Examples
    --------
    >>> metropolis_hastings(lambda x: -0.5 * x @ x, [0.0], 10, step=1.0, rng=0).samples.shape
    (10, 1)
    """
    x0 = np.atleast_1d(as_array(x0, "x0"))  # (d,)
    if x0.ndim != 1:
        raise ValueError(f"x0 must be a scalar or a 1-D vector, got shape {x0.shape}")
    n_samples = as_count(n_samples, "n_samples", bytes_each=8 * (3 * len(x0) + 2) + 1,
                         what=f"the chain of {len(x0)}-D samples and proposals")
    step = as_positive_float(step, "step")
    rng = as_rng(rng)
    x, current = x0, _log_prob_at(log_prob, x0)
    if current == -np.inf:
        raise ValueError(f"x0 must have a finite log_prob, got -inf at x0 = {x0}")
    eps = rng.standard_normal((n_samples, len(x0)))  # (n, d)
    log_u = np.log(rng.uniform(size=n_samples))  # (n,)
    samples, proposals = np.empty_like(eps), np.empty_like(eps)  # (n, d) each
    accepted = np.zeros(n_samples, dtype=bool)  # (n,)
    log_probs = np.empty(n_samples)  # (n,)
    for i in range(n_samples):
        proposals[i] = x + step * eps[i]
        candidate = _log_prob_at(log_prob, proposals[i])
        if log_u[i] < candidate - current:  # u < pi(x') / pi(x), in logs
            x, current, accepted[i] = proposals[i], candidate, True
        samples[i], log_probs[i] = x, current
    return Chain(samples, proposals, accepted, log_probs, float(accepted.mean()), x0)


@dataclass(frozen=True)
class GibbsChain:
    """A Gibbs sampler's samples and its staircase path of coordinate moves."""

    samples: np.ndarray  # (n_samples, 2) state after each full sweep
    path: np.ndarray  # (2 * n_samples + 1, 2) start, then after every single-coordinate move
    rho: float  # target correlation


def gibbs_bivariate_normal(rho, n_samples, *, rng, x0=(0.0, 0.0)) -> GibbsChain:
    r"""Gibbs sampling of a standard bivariate normal with correlation ``rho``.

    Each sweep draws one coordinate from its conditional given the other:

    .. math:: x \mid y \sim \mathcal N(
ho y,\ 1 - 
ho^2), \qquad
              y \mid x \sim \mathcal N(
ho x,\ 1 - 
ho^2)

    Parameters
    ----------
    rho : float
        Correlation, strictly inside (-1, 1).
    n_samples : int
        Number of full sweeps.
    rng : numpy Generator or int seed
    x0 : pair of floats
        Starting point.

    Returns
    -------
    GibbsChain
        ``samples`` (n_samples, 2) and the axis-parallel ``path`` (2 n + 1, 2).

    Examples
    --------
    >>> gibbs_bivariate_normal(0.8, 5, rng=0).path.shape
    (11, 2)
    """
    if isinstance(rho, bool) or not isinstance(rho, (int, float, np.integer, np.floating)) \
            or not -1 < rho < 1:
        raise ValueError(f"rho must be a correlation strictly inside (-1, 1), got {rho!r}")
    n_samples = as_count(n_samples, "n_samples", bytes_each=8 * 8, what="the samples and the path")
    start = as_array(x0, "x0", ndim=1)  # (2,)
    if start.shape != (2,):
        raise ValueError(f"x0 must be a point (x, y), got shape {start.shape}")
    rng = as_rng(rng)
    sd = np.sqrt(1.0 - rho**2)
    z = rng.standard_normal((n_samples, 2))  # (n, 2)
    path = np.empty((2 * n_samples + 1, 2))  # (2n+1, 2)
    path[0] = x, y = start
    for i in range(n_samples):
        x = rho * y + sd * z[i, 0]
        path[2 * i + 1] = x, y
        y = rho * x + sd * z[i, 1]
        path[2 * i + 2] = x, y
    return GibbsChain(path[2::2].copy(), path, float(rho))


def reparameterize(mu, log_var, eps) -> np.ndarray:
    r"""The reparameterization trick: a Gaussian sample as a differentiable function.

    .. math:: z = \mu + e^{rac12 \log\sigma^2} \odot arepsilon, \quad
              arepsilon \sim \mathcal N(0, I)
              \;\Rightarrow\; z \sim \mathcal N(\mu, \sigma^2),\               rac{\partial z}{\partial \mu} = 1,\               rac{\partial z}{\partial \log\sigma^2} = 	frac12 \sigma arepsilon

    Parameters
    ----------
    mu, log_var : array_like, shape (..., d)
        Mean and log-variance (broadcast against ``eps``).
    eps : array_like, shape (..., d)
        Standard normal noise.

    Returns
    -------
    ndarray, the broadcast shape

    Examples
    --------
    >>> float(reparameterize(1.0, np.log(4.0), 0.5))
    2.0
    """
    mu, log_var, eps = as_array(mu, "mu"), as_array(log_var, "log_var"), as_array(eps, "eps")
    try:
        shape = np.broadcast_shapes(mu.shape, log_var.shape, eps.shape)
    except ValueError:
        raise ValueError(f"mu, log_var and eps must broadcast together, got shapes {mu.shape}, "
                         f"{log_var.shape} and {eps.shape}") from None
    return np.broadcast_to(mu + np.exp(0.5 * log_var) * eps, shape).copy()


@dataclass(frozen=True)
class GradientEstimate:
    """A Monte Carlo estimate of d/d(mu, log_var) of E_{z ~ N(mu, sigma^2)}[f(z)]."""

    grad: np.ndarray  # (2,) estimated (d/dmu, d/dlog_var)
    standard_error: np.ndarray  # (2,) Monte Carlo standard errors
    per_sample: np.ndarray  # (n, 2) the single-sample estimates that were averaged


def _gradient_estimate(per_sample: np.ndarray) -> GradientEstimate:
    n = len(per_sample)
    se = per_sample.std(axis=0, ddof=1) / np.sqrt(n) if n > 1 else np.full(2, np.nan)
    return GradientEstimate(per_sample.mean(axis=0), se, per_sample)


def _scalar_gaussian(mu, log_var, n) -> tuple[float, float, int]:
    mu = float(as_array(mu, "mu", ndim=0))
    log_var = float(as_array(log_var, "log_var", ndim=0))
    return mu, log_var, as_count(n, "n", bytes_each=8 * 8, what="the per-sample gradients")


def reparam_gradient_estimate(df: Callable, mu, log_var, n, *, rng) -> GradientEstimate:
    r"""Pathwise gradient of :math:`\mathbb E_{z \sim \mathcal N(\mu, \sigma^2)}[f(z)]`.

    Sample through :func:`reparameterize` and differentiate ``f`` along the path:

    .. math:: 
abla_\mu = \mathbb E[f'(z)], \qquad
              
abla_{\log\sigma^2} = \mathbb Eig[f'(z)\ 	frac12 \sigma arepsilonig],
              \qquad z = \mu + \sigmaarepsilon

    Parameters
    ----------
    df : callable
        Vectorised derivative :math:`f'`, maps (n,) to (n,).
    mu, log_var : float
        Parameters of the scalar Gaussian.
    n : int
        Number of samples.
    rng : numpy Generator or int seed

    Returns
    -------
    GradientEstimate
        ``grad`` (2,), ``standard_error`` (2,), ``per_sample`` (n, 2).

    Examples
    --------
    >>> reparam_gradient_estimate(lambda z: 2 * z, 1.0, 0.0, 10, rng=0).grad.shape
    (2,)
    """
    mu, log_var, n = _scalar_gaussian(mu, log_var, n)
    eps = as_rng(rng).standard_normal(n)  # (n,)
    sigma = np.exp(0.5 * log_var)
    slope = _one_per_draw(df(reparameterize(mu, log_var, eps)), n, "df(z)")  # (n,)
    per_sample = np.column_stack([slope, slope * 0.5 * sigma * eps])  # (n, 2)
    return _gradient_estimate(per_sample)


def score_function_gradient_estimate(f: Callable, mu, log_var, n, *, rng) -> GradientEstimate:
    r"""REINFORCE (score-function) gradient of :math:`\mathbb E_{z \sim \mathcal N(\mu, \sigma^2)}[f(z)]`.

    Needs only values of ``f``, at the price of a much larger variance:

    .. math:: 
abla_	heta\, \mathbb E[f(z)] = \mathbb Eig[f(z)\, 
abla_	heta \log q_	heta(z)ig],
              \quad 
abla_\mu \log q = rac{z - \mu}{\sigma^2}, \quad
              
abla_{\log\sigma^2} \log q = 	frac12 \Big(rac{(z - \mu)^2}{\sigma^2} - 1\Big)

    Parameters
    ----------
    f : callable
        Vectorised function, maps (n,) to (n,).
    mu, log_var : float
        Parameters of the scalar Gaussian.
    n : int
        Number of samples.
    rng : numpy Generator or int seed

    Returns
    -------
    GradientEstimate
        ``grad`` (2,), ``standard_error`` (2,), ``per_sample`` (n, 2).

    Examples
    --------
    >>> score_function_gradient_estimate(lambda z: z**2, 1.0, 0.0, 10, rng=0).grad.shape
    (2,)
    """
    mu, log_var, n = _scalar_gaussian(mu, log_var, n)
    eps = as_rng(rng).standard_normal(n)  # (n,), eps = (z - mu) / sigma
    sigma = np.exp(0.5 * log_var)
    values = _one_per_draw(f(reparameterize(mu, log_var, eps)), n, "f(z)")  # (n,)
    score = np.column_stack([eps / sigma, 0.5 * (eps**2 - 1.0)])  # (n, 2)
    return _gradient_estimate(values[:, None] * score)


def metropolis_hastings_kernel(p_tilde, Q, *, hastings_correction=True) -> np.ndarray:
    r"""The transition matrix of Metropolis-Hastings on a finite state space.

    .. math:: P_{ij} = Q_{ij}\,\min\Big(1,\ \frac{\tilde p_j\, Q_{ji}}{\tilde p_i\, Q_{ij}}\Big)
              \quad (i \ne j), \qquad P_{ii} = 1 - \sum_{j \ne i} P_{ij}

    It satisfies detailed balance, :math:`p_i P_{ij} = p_j P_{ji}`, so the normalised
    target :math:`p = \tilde p / \sum \tilde p` is its stationary distribution.

    Parameters
    ----------
    p_tilde : array_like, shape (k,)
        Unnormalised target probabilities, all positive.
    Q : array_like, shape (k, k)
        Proposal matrix: row i is the distribution of the proposal from state i
        (rows sum to 1; ``Q[i, j] > 0`` exactly when ``Q[j, i] > 0``).
    hastings_correction : bool
        False drops the factor :math:`Q_{ji} / Q_{ij}` (the plain Metropolis ratio,
        right only for a symmetric ``Q``), to show what goes wrong without it.

    Returns
    -------
    numpy.ndarray, shape (k, k)
        Row-stochastic transition matrix.

    Examples
    --------
    >>> metropolis_hastings_kernel([1.0, 3.0], [[0.0, 1.0], [1.0, 0.0]]).round(3).tolist()
    [[0.0, 1.0], [0.333, 0.667]]
    """
    p_tilde = as_array(p_tilde, "p_tilde")  # (k,)
    Q = as_array(Q, "Q")  # (k, k)
    k = len(p_tilde)
    if p_tilde.ndim != 1 or np.any(p_tilde <= 0):
        raise ValueError("p_tilde must be a 1-D array of positive numbers")
    if Q.shape != (k, k) or np.any(Q < 0) or not np.allclose(Q.sum(axis=1), 1.0):
        raise ValueError(f"Q must be a ({k}, {k}) matrix of non-negative rows summing to 1")
    if np.any((Q > 0) != (Q.T > 0)):
        raise ValueError("Q must propose j from i exactly when it proposes i from j")
    with np.errstate(divide="ignore", invalid="ignore"):
        correction = Q.T / Q if hastings_correction else 1.0  # q(x|x') / q(x'|x)
        ratio = p_tilde[None, :] / p_tilde[:, None] * correction  # (k, k)
    P = np.where(Q > 0, Q * np.minimum(1.0, np.nan_to_num(ratio)), 0.0)  # (k, k)
    np.fill_diagonal(P, 0.0)
    np.fill_diagonal(P, 1.0 - P.sum(axis=1))
    return P


def stationary_distribution(P, *, n_iter=10_000, tol=1e-13) -> np.ndarray:
    r"""The distribution :math:`p` with :math:`p P = p`, by iterating :math:`p \leftarrow pP`.

    Parameters
    ----------
    P : array_like, shape (k, k)
        Row-stochastic transition matrix of an irreducible, aperiodic chain.
    n_iter : int
        Maximum number of iterations.
    tol : float
        Stop when no entry changes by more than this.

    Returns
    -------
    numpy.ndarray, shape (k,)

    Examples
    --------
    >>> stationary_distribution([[0.5, 0.5], [0.25, 0.75]]).round(3).tolist()
    [0.333, 0.667]
    """
    P = as_array(P, "P")  # (k, k)
    if P.ndim != 2 or P.shape[0] != P.shape[1] or not np.allclose(P.sum(axis=1), 1.0):
        raise ValueError("P must be a square matrix whose rows sum to 1")
    p = np.full(len(P), 1.0 / len(P))  # (k,)
    for _ in range(as_count(n_iter, "n_iter")):
        new = p @ P
        if np.max(np.abs(new - p)) < tol:
            return new
        p = new
    return p


def autocorrelation(x, max_lag) -> np.ndarray:
    r"""Sample autocorrelation of a chain at lags 0..max_lag.

    .. math:: \hat\rho_k = \frac{\sum_{t=1}^{n-k} (x_t - \bar x)(x_{t+k} - \bar x)}
                                {\sum_{t=1}^{n} (x_t - \bar x)^2}

    Parameters
    ----------
    x : array_like, shape (n,)
    max_lag : int
        Largest lag, below n.

    Returns
    -------
    numpy.ndarray, shape (max_lag + 1,)
        ``rho[0] == 1``.

    Examples
    --------
    >>> autocorrelation([1.0, 2.0, 3.0, 4.0], 1).round(2).tolist()
    [1.0, 0.25]
    """
    x = as_array(x, "x")  # (n,)
    if x.ndim != 1 or len(x) < 2:
        raise ValueError("x must be a 1-D chain of at least 2 values")
    max_lag = int(as_real(max_lag, "max_lag"))  # refuses complex, like every argument
    if not 0 <= max_lag < len(x):
        raise ValueError(f"max_lag must be in [0, {len(x) - 1}], got {max_lag}")
    d = x - x.mean()  # (n,)
    denom = d @ d
    if denom == 0:
        raise ValueError("x is constant: its autocorrelation is undefined")
    return np.array([d[: len(x) - k] @ d[k:] / denom for k in range(max_lag + 1)])


def effective_sample_size(x) -> float:
    r"""How many independent draws a correlated chain is worth.

    .. math:: n_{\text{eff}} = \frac{n}{1 + 2\sum_{k=1}^{K} \hat\rho_k}

    summing the autocorrelations up to the lag before the first one that is not
    positive. The honest standard error of the chain's mean is
    :math:`s / \sqrt{n_{\text{eff}}}` instead of :math:`s / \sqrt n`.

    Parameters
    ----------
    x : array_like, shape (n,)

    Returns
    -------
    float

    Examples
    --------
    >>> round(effective_sample_size(np.tile([0.0, 1.0], 50)), 1)
    100.0
    """
    x = as_array(x, "x")  # (n,)
    autocorrelation(x, 0)  # raises on a chain too short or constant
    d = x - x.mean()  # (n,)
    denom, total = d @ d, 0.0
    for k in range(1, len(x)):
        rho_k = d[: len(x) - k] @ d[k:] / denom
        if rho_k <= 0:
            break
        total += rho_k
    return float(len(x) / (1.0 + 2.0 * total))
