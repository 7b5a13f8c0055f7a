"""Probability for lessons 08 (random variables, Bayes), 09 (MLE and MAP) and
11 (exponential family, multivariate Gaussian with its marginals and
conditionals, Beta-Binomial and Gamma-Poisson conjugacy).

MAP with a Gaussian prior is ridge regression (L2); with a Laplace prior it
is the lasso (L1): :func:`neg_log_posterior` writes both objectives out in full.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from mathcore._validate import (
    as_array, as_count, as_matrix, as_positive_definite, as_positive_float,
    as_probabilities, as_real, as_vector,
)

__all__ = [
    "expectation", "variance", "binomial_pmf", "normal_pdf", "interval_probability",
    "BayesResult", "bayes_posterior", "beta_pdf",
    "beta_binomial_update", "BetaBinomialHistory", "beta_binomial_updates", "gaussian_mle",
    "gaussian_mean_map", "log_likelihood_gaussian", "log_likelihood_bernoulli", "bernoulli_score", "linear_regression_mle", "ridge_regression",
    "GaussianPosterior", "linear_regression_posterior", "map_linear_regression",
    "neg_log_posterior", "multivariate_normal_logpdf", "multivariate_normal_pdf", "Ellipse",
    "covariance_ellipse", "bernoulli_natural_params", "bernoulli_log_partition",
    "gaussian_natural_params", "gaussian_log_partition", "gaussian_sufficient_stats",
    "gaussian_marginal", "gaussian_conditional", "gamma_pdf", "gamma_poisson_update",
]


# ------------------------------------------------------------------ lesson 08

def _values_and_probs(values, probs) -> tuple[np.ndarray, np.ndarray]:
    values = as_vector(values, "values")  # (n,)
    probs = as_probabilities(as_vector(probs, "probs"), "probs")  # (n,)
    if values.shape != probs.shape:
        raise ValueError(f"values and probs must have the same shape, got {values.shape} "
                         f"and {probs.shape}")
    return values, probs


def expectation(values, probs) -> float:
    r"""Expected value of a discrete random variable.

    .. math:: \mathbb E[X] = \sum_i x_i\, p_i

    Parameters
    ----------
    values : array_like, shape (n,)
        The values :math:`x_i` the variable takes.
    probs : array_like, shape (n,)
        Their probabilities.

    Returns
    -------
    float

    Examples
    --------
    >>> expectation([1, 2, 3, 4, 5, 6], [1 / 6] * 6)
    3.5
    """
    values, probs = _values_and_probs(values, probs)
    return float(values @ probs)


def variance(values, probs) -> float:
    r"""Variance of a discrete random variable: the expected squared distance from the mean.

    .. math:: \mathrm{Var}[X] = \sum_i p_i\, (x_i - \mathbb E[X])^2

    Parameters
    ----------
    values : array_like, shape (n,)
    probs : array_like, shape (n,)

    Returns
    -------
    float

    Examples
    --------
    >>> variance([0, 1], [0.5, 0.5])
    0.25
    """
    values, probs = _values_and_probs(values, probs)
    return float(probs @ (values - values @ probs) ** 2)


def _scalar(x, name: str) -> float:
    return float(as_array(x, name, ndim=0))


def binomial_pmf(n, p) -> np.ndarray:
    r"""Distribution of a sum of ``n`` independent Bernoulli(p) variables: the number of successes.

    .. math:: P(K = k) = \binom{n}{k} p^k (1 - p)^{n - k}, \qquad k = 0, \dots, n

    By linearity of expectation its mean is :math:`n p`, the sum of the
    ``n`` Bernoulli means.

    Parameters
    ----------
    n : int
        Number of trials (at least 1).
    p : float
        Success probability of each trial, in [0, 1].

    Returns
    -------
    ndarray, shape (n + 1,)
        ``P(K = k)`` for ``k = 0 .. n``.

    Examples
    --------
    >>> binomial_pmf(2, 0.5).tolist()
    [0.25, 0.5, 0.25]
    """
    n = as_count(n, "n")
    p = _scalar(p, "p")
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must lie in [0, 1], got {p:.6g}")
    k = np.arange(n + 1)
    coefficients = np.array([math.comb(n, int(i)) for i in k], dtype=float)  # (n+1,)
    return coefficients * p ** k * (1.0 - p) ** (n - k)


def normal_pdf(x, mean=0.0, std=1.0):
    r"""Density of a one-dimensional Gaussian.

    .. math:: f(x) = \frac{1}{\sigma \sqrt{2 \pi}}
              \exp\!\Big(-\frac{(x - \mu)^2}{2 \sigma^2}\Big)

    A density, not a probability: it can exceed 1 (its peak is
    :math:`1 / (\sigma \sqrt{2\pi})`); probabilities are areas under it.

    Parameters
    ----------
    x : float or array_like, any shape
    mean : float
    std : float
        Positive standard deviation :math:`\sigma`.

    Returns
    -------
    float or ndarray, same shape as ``x``

    Examples
    --------
    >>> round(normal_pdf(0.0, 0.0, 0.2), 4)
    1.9947
    """
    x = as_array(x, "x")
    mean = _scalar(mean, "mean")
    std = as_positive_float(std, "std")
    density = np.exp(-0.5 * ((x - mean) / std) ** 2) / (std * math.sqrt(2.0 * math.pi))
    return float(density) if density.ndim == 0 else density


def interval_probability(pdf, a, b, n_points=2001) -> float:
    r"""Probability that a continuous variable lands in [a, b]: the area under its density.

    .. math:: P(a \le X \le b) = \int_a^b f(x)\, dx
              \approx \sum_{i} \tfrac{h}{2} \big(f(x_i) + f(x_{i+1})\big)

    computed with the trapezoid rule on ``n_points`` equally spaced points.

    Parameters
    ----------
    pdf : callable
        The density ``f``; called once on an array of shape (n_points,).
    a, b : float
        The interval's ends, ``a <= b``.
    n_points : int
        Points of the trapezoid rule (at least 2).

    Returns
    -------
    float

    Examples
    --------
    >>> round(interval_probability(lambda x: np.ones_like(x), 0.0, 0.25), 12)
    0.25
    """
    a, b = _scalar(a, "a"), _scalar(b, "b")
    if b < a:
        raise ValueError(f"need a <= b, got a = {a:.6g} > b = {b:.6g}")
    n_points = as_count(n_points, "n_points")
    if n_points < 2:
        raise ValueError(f"n_points must be at least 2, got {n_points}")
    x = np.linspace(a, b, n_points)  # (n_points,)
    f = as_real(pdf(x), "pdf(x)")
    if f.shape != x.shape or not np.all(np.isfinite(f)) or np.any(f < 0):
        raise ValueError("pdf must return one finite, non-negative density per point")
    h = (b - a) / (n_points - 1)
    return float(h * (f.sum() - 0.5 * (f[0] + f[-1])))


@dataclass(frozen=True)
class BayesResult:
    """Bayes' theorem on a finite set of hypotheses."""

    posterior: np.ndarray  # (n,) P(h | data)
    evidence: float  # P(data) = sum_h P(data | h) P(h)
    joint: np.ndarray  # (n,) P(data | h) P(h), the unnormalised posterior


def bayes_posterior(prior, likelihood) -> BayesResult:
    r"""Update a prior over hypotheses with the likelihood of observed data.

    .. math:: P(h \mid D) = \frac{P(D \mid h)\, P(h)}{P(D)}, \qquad
              P(D) = \sum_{h'} P(D \mid h')\, P(h')

    Parameters
    ----------
    prior : array_like, shape (n,)
        Probabilities of the hypotheses.
    likelihood : array_like, shape (n,)
        :math:`P(D \mid h)` (or a density) for each hypothesis; non-negative.

    Returns
    -------
    BayesResult
        ``posterior`` (n,), ``evidence`` and the unnormalised ``joint`` (n,).

    Examples
    --------
    >>> bayes_posterior([0.5, 0.5], [0.9, 0.1]).posterior.tolist()
    [0.9, 0.1]
    """
    prior = as_probabilities(as_vector(prior, "prior"), "prior")  # (n,)
    likelihood = as_vector(likelihood, "likelihood")  # (n,)
    if likelihood.shape != prior.shape:
        raise ValueError(f"likelihood must have one value per hypothesis ({len(prior)}), "
                         f"got shape {likelihood.shape}")
    if np.any(likelihood < 0):
        raise ValueError(f"likelihood must be non-negative, got min {likelihood.min():.6g}")
    joint = likelihood * prior  # (n,)
    evidence = float(joint.sum())
    if evidence <= 0:
        raise ValueError("likelihood must be positive on some hypothesis with prior mass, "
                         "got evidence P(D) = 0")
    return BayesResult(joint / evidence, evidence, joint)


# ------------------------------------------------------------------ lesson 11: Beta-Binomial

def _xlogy(a: float, x: np.ndarray) -> np.ndarray:
    """a log x with 0 log 0 = 0 (the Beta density's factor x^0 = 1)."""
    with np.errstate(divide="ignore"):
        return np.zeros_like(x) if a == 0 else a * np.log(x)


def beta_pdf(x, alpha, beta):
    r"""Density of the Beta distribution, the conjugate prior of a coin's bias.

    .. math:: \mathrm{Beta}(x;\ \alpha, \beta) = \frac{x^{\alpha-1} (1-x)^{\beta-1}}{B(\alpha, \beta)},
              \quad B(\alpha, \beta) = \frac{\Gamma(\alpha)\Gamma(\beta)}{\Gamma(\alpha+\beta)}

    Parameters
    ----------
    x : float or array_like, any shape
        Points in [0, 1].
    alpha, beta : float
        Positive shape parameters (pseudo-counts of heads and tails).

    Returns
    -------
    float or ndarray, same shape as ``x``
        ``inf`` at an endpoint where the density diverges.

    Examples
    --------
    >>> round(beta_pdf(0.5, 2.0, 2.0), 12)
    1.5
    """
    x = as_array(x, "x")
    if np.any((x < 0) | (x > 1)):
        raise ValueError(f"x must lie in [0, 1], got values in [{x.min():.6g}, {x.max():.6g}]")
    alpha, beta = as_positive_float(alpha, "alpha"), as_positive_float(beta, "beta")
    log_norm = math.lgamma(alpha) + math.lgamma(beta) - math.lgamma(alpha + beta)
    density = np.exp(_xlogy(alpha - 1, x) + _xlogy(beta - 1, 1 - x) - log_norm)
    return float(density) if density.ndim == 0 else density


def _count(n, name: str) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {n!r}")
    return int(n)


def beta_binomial_update(alpha, beta, successes, failures) -> tuple[float, float]:
    r"""Conjugate update of a Beta prior by Binomial data: just add the counts.

    .. math:: \mathrm{Beta}(\alpha, \beta) \xrightarrow{\ s \text{ heads},\ f \text{ tails}\ }
              \mathrm{Beta}(\alpha + s,\ \beta + f)

    Parameters
    ----------
    alpha, beta : float
        Prior shape parameters.
    successes, failures : int
        Observed counts.

    Returns
    -------
    tuple of float
        Posterior ``(alpha, beta)``.

    Examples
    --------
    >>> beta_binomial_update(1.0, 1.0, 7, 3)
    (8.0, 4.0)
    """
    alpha, beta = as_positive_float(alpha, "alpha"), as_positive_float(beta, "beta")
    return alpha + _count(successes, "successes"), beta + _count(failures, "failures")


@dataclass(frozen=True)
class BetaBinomialHistory:
    """The Beta posterior after each coin flip, starting from the prior."""

    alphas: np.ndarray  # (n + 1,) alpha after 0, 1, ..., n flips
    betas: np.ndarray  # (n + 1,)
    flips: np.ndarray  # (n,) int, 1 = heads

    @property
    def means(self) -> np.ndarray:
        """Posterior mean alpha / (alpha + beta) after each flip, shape (n + 1,)."""
        return self.alphas / (self.alphas + self.betas)


def beta_binomial_updates(alpha, beta, flips) -> BetaBinomialHistory:
    r"""Update a Beta prior one flip at a time, keeping every posterior.

    .. math:: \alpha_k = \alpha_0 + \sum_{i \le k} y_i, \qquad
              \beta_k = \beta_0 + \sum_{i \le k} (1 - y_i)

    Parameters
    ----------
    alpha, beta : float
        Prior shape parameters.
    flips : array_like of 0/1, shape (n,)
        Outcomes in arrival order (1 = heads).

    Returns
    -------
    BetaBinomialHistory
        ``alphas`` and ``betas`` (n + 1,), the prior first.

    Examples
    --------
    >>> beta_binomial_updates(1.0, 1.0, [1, 0, 1]).alphas.tolist()
    [1.0, 2.0, 2.0, 3.0]
    """
    alpha, beta = as_positive_float(alpha, "alpha"), as_positive_float(beta, "beta")
    flips = as_vector(flips, "flips")  # (n,)
    if not np.all((flips == 0) | (flips == 1)):
        raise ValueError(f"flips must be 0 or 1, got values {np.unique(flips)[:5]}")
    heads = np.concatenate([[0.0], np.cumsum(flips)])  # (n + 1,)
    tails = np.arange(len(flips) + 1) - heads  # (n + 1,)
    return BetaBinomialHistory(alpha + heads, beta + tails, flips.astype(int))


# ------------------------------------------------------------------ lesson 09: MLE and MAP

def gaussian_mle(x) -> tuple[float, float]:
    r"""Maximum-likelihood mean and variance of i.i.d. Gaussian data.

    .. math:: \hat\mu = \frac1n \sum_i x_i, \qquad
              \hat\sigma^2 = \frac1n \sum_i (x_i - \hat\mu)^2 \quad (\text{biased: } 1/n)

    Parameters
    ----------
    x : array_like, shape (n,)
        Observations.

    Returns
    -------
    tuple of float
        ``(mean, variance)``.

    Examples
    --------
    >>> gaussian_mle([1.0, 3.0])
    (2.0, 1.0)
    """
    x = as_vector(x, "x")  # (n,)
    mean = float(x.mean())
    return mean, float(np.mean((x - mean) ** 2))


def gaussian_mean_map(x, noise_var, prior_mean, prior_var) -> tuple[float, float]:
    r"""MAP estimate (= posterior mean) of a Gaussian mean under a Gaussian prior.

    .. math:: \mu \sim \mathcal N(\mu_0, \tau^2),\ x_i \mid \mu \sim \mathcal N(\mu, \sigma^2):
              \quad \frac{1}{\tau_n^2} = \frac{1}{\tau^2} + \frac{n}{\sigma^2}, \quad
              \hat\mu_{MAP} = \tau_n^2 \Big(\frac{\mu_0}{\tau^2} + \frac{\sum_i x_i}{\sigma^2}\Big)

    The prior acts like :math:`\sigma^2 / \tau^2` extra observations at :math:`\mu_0`.

    Parameters
    ----------
    x : array_like, shape (n,)
        Observations.
    noise_var : float
        Known observation variance :math:`\sigma^2`.
    prior_mean, prior_var : float
        Prior :math:`\mu_0` and :math:`\tau^2`.

    Returns
    -------
    tuple of float
        ``(map_mean, posterior_var)``.

    Examples
    --------
    >>> gaussian_mean_map([2.0], 1.0, 0.0, 1.0)
    (1.0, 0.5)
    """
    x = as_vector(x, "x")  # (n,)
    noise_var, prior_var = as_positive_float(noise_var, "noise_var"), as_positive_float(prior_var, "prior_var")
    prior_mean = float(as_array(prior_mean, "prior_mean", ndim=0))
    posterior_var = 1.0 / (1.0 / prior_var + len(x) / noise_var)
    return float(posterior_var * (prior_mean / prior_var + x.sum() / noise_var)), posterior_var


def log_likelihood_gaussian(x, mean, var) -> np.ndarray:
    r"""Gaussian log-likelihood of data for every (mean, var) pair: the likelihood surface.

    .. math:: \ell(\mu, \sigma^2) = -\frac n2 \log(2\pi\sigma^2)
              - \frac{1}{2\sigma^2} \sum_i (x_i - \mu)^2

    Parameters
    ----------
    x : array_like, shape (n,)
        Observations.
    mean, var : array_like, broadcastable shapes, e.g. a ``np.meshgrid``
        Parameter values; ``var`` positive.

    Returns
    -------
    ndarray, the broadcast shape of ``mean`` and ``var``

    Examples
    --------
    >>> round(float(log_likelihood_gaussian([0.0], 0.0, 1.0)), 4)
    -0.9189
    """
    x = as_vector(x, "x")  # (n,)
    mean, var = as_array(mean, "mean"), as_array(var, "var")  # (...), (...)
    if np.any(var <= 0):
        raise ValueError(f"var must be positive, got min {var.min():.6g}")
    n, total, total_sq = len(x), x.sum(), (x**2).sum()
    sum_sq_dev = total_sq - 2 * mean * total + n * mean**2  # (...) sum_i (x_i - mean)^2
    return -0.5 * n * np.log(2 * np.pi * var) - sum_sq_dev / (2 * var)


def log_likelihood_bernoulli(k, n, p) -> np.ndarray:
    r"""Log-likelihood of ``k`` successes in ``n`` i.i.d. Bernoulli trials, for every ``p``.

    .. math:: \ell(p) = k \log p + (n - k) \log(1 - p)

    The order of the trials does not matter, so only ``k`` and ``n`` enter. Its peak
    is the maximum-likelihood estimate :math:`\hat p = k / n`.

    Parameters
    ----------
    k, n : int
        Successes and trials, ``0 <= k <= n``.
    p : array_like, any shape
        Success probabilities in the open interval (0, 1).

    Returns
    -------
    ndarray, the shape of ``p``

    Examples
    --------
    >>> round(float(log_likelihood_bernoulli(1, 2, 0.5)), 4)
    -1.3863
    """
    k, n, p = _trials(k, n, p)
    return k * np.log(p) + (n - k) * np.log1p(-p)


def bernoulli_score(k, n, p) -> np.ndarray:
    r"""Slope of the Bernoulli log-likelihood in ``p``: zero exactly at :math:`\hat p = k/n`.

    .. math:: \frac{d\ell}{dp} = \frac{k}{p} - \frac{n - k}{1 - p}

    Parameters
    ----------
    k, n : int
        Successes and trials, ``0 <= k <= n``.
    p : array_like, any shape
        Success probabilities in the open interval (0, 1).

    Returns
    -------
    ndarray, the shape of ``p``

    Examples
    --------
    >>> float(bernoulli_score(3, 10, 0.3))
    0.0
    """
    k, n, p = _trials(k, n, p)
    return k / p - (n - k) / (1 - p)


def _trials(k, n, p) -> tuple[int, int, np.ndarray]:
    k, n = _count(k, "k"), _count(n, "n")
    if k > n:
        raise ValueError(f"k must be at most n, got k={k}, n={n}")
    p = as_array(p, "p")
    if np.any((p <= 0) | (p >= 1)):
        raise ValueError("p must lie strictly between 0 and 1")
    return k, n, p


def _regression_data(X, y) -> tuple[np.ndarray, np.ndarray]:
    X = as_matrix(X, "X")  # (n, d)
    y = as_vector(y, "y")  # (n,)
    if len(y) != len(X):
        raise ValueError(f"y must have one target per row of X ({len(X)}), got shape {y.shape}")
    return X, y


def linear_regression_mle(X, y) -> np.ndarray:
    r"""Least squares: the MLE of the weights under Gaussian noise.

    .. math:: y = Xw + \varepsilon,\ \varepsilon \sim \mathcal N(0, \sigma^2 I)
              \ \Rightarrow\ \hat w_{MLE} = \arg\min_w \lVert y - Xw \rVert^2
              = (X^\top X)^{-1} X^\top y

    Parameters
    ----------
    X : array_like, shape (n, d)
        Design matrix (full column rank).
    y : array_like, shape (n,)

    Returns
    -------
    ndarray, shape (d,)

    Examples
    --------
    >>> linear_regression_mle([[1.0], [2.0]], [2.0, 4.0]).tolist()
    [2.0]
    """
    X, y = _regression_data(X, y)
    gram = X.T @ X  # (d, d)
    if np.linalg.matrix_rank(gram) < X.shape[1]:
        raise ValueError(f"X must have full column rank {X.shape[1]} for a unique MLE, "
                         f"got shape {X.shape} with rank {np.linalg.matrix_rank(gram)}")
    return np.linalg.solve(gram, X.T @ y)


def ridge_regression(X, y, lam) -> np.ndarray:
    r"""L2-regularised least squares.

    .. math:: \hat w = \arg\min_w \lVert y - Xw \rVert^2 + \lambda \lVert w \rVert^2
              = (X^\top X + \lambda I)^{-1} X^\top y

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
    lam : float
        Regularisation strength, positive.

    Returns
    -------
    ndarray, shape (d,)

    Examples
    --------
    >>> ridge_regression([[1.0]], [2.0], 1.0).tolist()
    [1.0]
    """
    X, y = _regression_data(X, y)
    lam = as_positive_float(lam, "lam")
    return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)  # (d,)


@dataclass(frozen=True)
class GaussianPosterior:
    """A Gaussian posterior over regression weights."""

    mean: np.ndarray  # (d,) also the MAP estimate
    cov: np.ndarray  # (d, d)


def linear_regression_posterior(X, y, noise_var, prior_var) -> GaussianPosterior:
    r"""Bayesian linear regression with prior :math:`w \sim \mathcal N(0, \tau^2 I)`.

    .. math:: \Sigma_n = \Big(\frac{X^\top X}{\sigma^2} + \frac{I}{\tau^2}\Big)^{-1}, \qquad
              \mu_n = \Sigma_n \frac{X^\top y}{\sigma^2}

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
    noise_var : float
        Noise variance :math:`\sigma^2`.
    prior_var : float
        Prior variance :math:`\tau^2` of each weight.

    Returns
    -------
    GaussianPosterior
        ``mean`` (d,) and ``cov`` (d, d).

    Examples
    --------
    >>> linear_regression_posterior([[1.0]], [2.0], 1.0, 1.0).cov.tolist()
    [[0.5]]
    """
    X, y = _regression_data(X, y)
    noise_var, prior_var = as_positive_float(noise_var, "noise_var"), as_positive_float(prior_var, "prior_var")
    precision = X.T @ X / noise_var + np.eye(X.shape[1]) / prior_var  # (d, d)
    cov = np.linalg.inv(precision)  # (d, d)
    return GaussianPosterior(cov @ X.T @ y / noise_var, (cov + cov.T) / 2)


def map_linear_regression(X, y, noise_var, prior_var) -> np.ndarray:
    r"""MAP weights under a Gaussian prior: ridge regression with :math:`\lambda = \sigma^2 / \tau^2`.

    .. math:: \hat w_{MAP} = \arg\max_w\ \log p(y \mid X, w) + \log p(w)
              = \arg\min_w \lVert y - Xw \rVert^2 + \frac{\sigma^2}{\tau^2} \lVert w \rVert^2

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
    noise_var, prior_var : float
        :math:`\sigma^2` and :math:`\tau^2`.

    Returns
    -------
    ndarray, shape (d,)

    Examples
    --------
    >>> map_linear_regression([[1.0]], [2.0], 1.0, 1.0).tolist()
    [1.0]
    """
    return linear_regression_posterior(X, y, noise_var, prior_var).mean


def neg_log_posterior(w, X, y, *, noise_var, prior, prior_scale) -> float:
    r"""The full negative log posterior of linear-regression weights (up to :math:`\log p(y)`).

    .. math:: -\log p(y \mid X, w) - \log p(w) = \frac{\lVert y - Xw \rVert^2}{2\sigma^2}
              + \frac n2 \log(2\pi\sigma^2) +
              \begin{cases} \frac{\lVert w \rVert_2^2}{2\tau^2} + \frac d2 \log(2\pi\tau^2)
              & \text{Gaussian prior (L2, ridge)} \\
              \frac{\lVert w \rVert_1}{b} + d \log(2b) & \text{Laplace prior (L1, lasso)}
              \end{cases}

    Parameters
    ----------
    w : array_like, shape (d,)
        Weights.
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
    noise_var : float
        :math:`\sigma^2`.
    prior : {"gaussian", "laplace"}
    prior_scale : float
        The Gaussian prior's variance :math:`\tau^2`, or the Laplace scale :math:`b`.

    Returns
    -------
    float

    Examples
    --------
    >>> round(neg_log_posterior([0.0], [[1.0]], [0.0], noise_var=1.0, prior="laplace", prior_scale=0.5), 4)
    0.9189
    """
    X, y = _regression_data(X, y)
    w = as_vector(w, "w")  # (d,)
    if w.shape != (X.shape[1],):
        raise ValueError(f"w must have one weight per column of X ({X.shape[1]}), got shape {w.shape}")
    noise_var, scale = as_positive_float(noise_var, "noise_var"), as_positive_float(prior_scale, "prior_scale")
    residual = y - X @ w  # (n,)
    nll = residual @ residual / (2 * noise_var) + 0.5 * len(y) * np.log(2 * np.pi * noise_var)
    d = len(w)
    if prior == "gaussian":
        return float(nll + w @ w / (2 * scale) + 0.5 * d * np.log(2 * np.pi * scale))
    if prior == "laplace":
        return float(nll + np.abs(w).sum() / scale + d * np.log(2 * scale))
    raise ValueError(f"prior must be 'gaussian' or 'laplace', got {prior!r}")


# ------------------------------------------------------------------ lesson 11: multivariate Gaussian

def _mean_and_cov(mean, cov) -> tuple[np.ndarray, np.ndarray]:
    mean = as_vector(mean, "mean")  # (d,)
    cov = as_positive_definite(cov, "cov")  # (d, d)
    if cov.shape != (len(mean), len(mean)):
        raise ValueError(f"cov must be ({len(mean)}, {len(mean)}) to match mean, got {cov.shape}")
    return mean, cov


def _gaussian_args(x, mean, cov) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean, cov = _mean_and_cov(mean, cov)
    x = as_array(x, "x")  # (d,) or (n, d)
    if x.ndim not in (1, 2) or x.shape[-1] != len(mean):
        raise ValueError(f"x must have shape ({len(mean)},) or (n, {len(mean)}), got {x.shape}")
    return x, mean, cov


def multivariate_normal_logpdf(x, mean, cov):
    r"""Log density of the multivariate normal, through a Cholesky factor.

    .. math:: \log \mathcal N(x; \mu, \Sigma) = -\tfrac12 (x-\mu)^\top \Sigma^{-1} (x-\mu)
              - \tfrac12 \log\det(2\pi\Sigma), \qquad \Sigma = LL^\top

    Parameters
    ----------
    x : array_like, shape (d,) or (n, d)
    mean : array_like, shape (d,)
    cov : array_like, shape (d, d)
        Symmetric positive definite.

    Returns
    -------
    float or ndarray, shape (n,)

    Examples
    --------
    >>> round(multivariate_normal_logpdf([0.0, 0.0], [0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]]), 4)
    -1.8379
    """
    x, mean, cov = _gaussian_args(x, mean, cov)
    L = np.linalg.cholesky(cov)  # (d, d) lower
    z = np.linalg.solve(L, (x - mean).T)  # (d,) or (d, n): L z = x - mu
    mahalanobis_sq = np.sum(z**2, axis=0)  # () or (n,)
    log_det = 2 * np.sum(np.log(np.diag(L)))
    logpdf = -0.5 * (mahalanobis_sq + log_det + len(mean) * np.log(2 * np.pi))
    return float(logpdf) if np.ndim(logpdf) == 0 else logpdf


def multivariate_normal_pdf(x, mean, cov):
    r"""Density of the multivariate normal.

    .. math:: \mathcal N(x; \mu, \Sigma) = \frac{\exp\big(-\tfrac12 (x-\mu)^\top \Sigma^{-1}
              (x-\mu)\big)}{\sqrt{\det(2\pi\Sigma)}}

    Parameters
    ----------
    x : array_like, shape (d,) or (n, d)
    mean : array_like, shape (d,)
    cov : array_like, shape (d, d)
        Symmetric positive definite.

    Returns
    -------
    float or ndarray, shape (n,)

    Examples
    --------
    >>> round(multivariate_normal_pdf([0.0], [0.0], [[1.0]]), 4)
    0.3989
    """
    density = np.exp(multivariate_normal_logpdf(x, mean, cov))
    return float(density) if np.ndim(density) == 0 else density


class Ellipse(NamedTuple):
    """A covariance ellipse: boundary points and its geometry."""

    points: np.ndarray  # (n_points, 2) closed boundary (first point repeated last)
    center: np.ndarray  # (2,)
    semi_axes: np.ndarray  # (2,) major then minor semi-axis length
    angle: float  # radians, of the major axis from the x axis, in (-pi/2, pi/2]


def covariance_ellipse(mean, cov, n_std=1.0, n_points=100) -> Ellipse:
    r"""The ellipse where the Mahalanobis distance from ``mean`` equals ``n_std``.

    .. math:: \{x : (x-\mu)^\top \Sigma^{-1} (x-\mu) = k^2\}
              = \{\mu + k\, V \Lambda^{1/2} (\cos\theta, \sin\theta)^\top\},
              \quad \Sigma = V \Lambda V^\top

    The axes point along the eigenvectors of :math:`\Sigma`, with lengths
    :math:`k\sqrt{\lambda_i}`.

    Parameters
    ----------
    mean : array_like, shape (2,)
    cov : array_like, shape (2, 2)
        Symmetric positive definite.
    n_std : float
        Mahalanobis radius :math:`k`.
    n_points : int
        Number of boundary points (>= 3).

    Returns
    -------
    Ellipse
        ``points`` (n_points, 2), ``center``, ``semi_axes`` (major, minor), ``angle``.

    Examples
    --------
    >>> covariance_ellipse([0.0, 0.0], [[4.0, 0.0], [0.0, 1.0]]).semi_axes.tolist()
    [2.0, 1.0]
    """
    mean = as_vector(mean, "mean")
    if mean.shape != (2,):
        raise ValueError(f"mean must be a 2-D point, got shape {mean.shape}")
    cov = as_positive_definite(cov, "cov")
    if cov.shape != (2, 2):
        raise ValueError(f"cov must be 2x2, got shape {cov.shape}")
    n_std = as_positive_float(n_std, "n_std")
    n_points = as_count(n_points, "n_points", bytes_each=6 * 8, what="the boundary points")
    if n_points < 3:
        raise ValueError(f"n_points must be at least 3, got {n_points}")
    eigenvalues, V = np.linalg.eigh(cov)  # ascending, columns
    eigenvalues, V = eigenvalues[::-1], V[:, ::-1]  # major axis first
    semi_axes = n_std * np.sqrt(eigenvalues)  # (2,)
    theta = np.linspace(0, 2 * np.pi, n_points)  # (n_points,)
    circle = np.column_stack([np.cos(theta), np.sin(theta)])  # (n_points, 2)
    points = mean + (circle * semi_axes) @ V.T  # (n_points, 2)
    return Ellipse(points, mean, semi_axes, _axis_angle(V[:, 0]))


def _axis_angle(v: np.ndarray) -> float:
    """Angle in (-pi/2, pi/2] of the line along ``v`` (an axis has no direction)."""
    angle = float(np.arctan2(v[1], v[0]))  # (-pi, pi]
    if angle > np.pi / 2:
        return angle - np.pi
    return angle + np.pi if angle <= -np.pi / 2 else angle


# ------------------------------------------------------------------ lesson 11: exponential family

def bernoulli_natural_params(p):
    r"""Natural parameter of a Bernoulli: the log-odds.

    .. math:: p^y (1-p)^{1-y} = \exp\big(\eta\, y - A(\eta)\big), \qquad
              \eta = \log\frac{p}{1-p}, \quad T(y) = y

    Parameters
    ----------
    p : float or array_like
        Probabilities in (0, 1).

    Returns
    -------
    float or ndarray

    Examples
    --------
    >>> bernoulli_natural_params(0.5)
    0.0
    """
    p = as_array(p, "p")
    if np.any((p <= 0) | (p >= 1)):
        raise ValueError(f"p must lie in (0, 1), got values in [{p.min():.6g}, {p.max():.6g}]")
    eta = np.log(p) - np.log1p(-p)
    return float(eta) if eta.ndim == 0 else eta


def bernoulli_log_partition(eta):
    r"""Log-partition of the Bernoulli; its derivative is the mean (the sigmoid).

    .. math:: A(\eta) = \log(1 + e^\eta), \qquad A'(\eta) = \sigma(\eta) = p

    Parameters
    ----------
    eta : float or array_like

    Returns
    -------
    float or ndarray

    Examples
    --------
    >>> round(bernoulli_log_partition(0.0), 4)
    0.6931
    """
    eta = as_array(eta, "eta")
    value = np.logaddexp(0.0, eta)  # log(1 + e^eta) without overflow
    return float(value) if value.ndim == 0 else value


def gaussian_sufficient_stats(x) -> np.ndarray:
    r"""Sufficient statistics of a univariate Gaussian.

    .. math:: T(x) = (x,\ x^2)

    Parameters
    ----------
    x : float or array_like, shape (...)

    Returns
    -------
    ndarray, shape (..., 2)

    Examples
    --------
    >>> gaussian_sufficient_stats(3.0).tolist()
    [3.0, 9.0]
    """
    x = as_array(x, "x")
    return np.stack([x, x**2], axis=-1)


def gaussian_natural_params(mean, var) -> np.ndarray:
    r"""Natural parameters of a univariate Gaussian.

    .. math:: \mathcal N(x; \mu, \sigma^2) = \exp\big(\eta^\top T(x) - A(\eta)\big),
              \qquad \eta = \Big(\frac{\mu}{\sigma^2},\ -\frac{1}{2\sigma^2}\Big)

    Parameters
    ----------
    mean : float
    var : float
        Positive.

    Returns
    -------
    ndarray, shape (2,)

    Examples
    --------
    >>> gaussian_natural_params(1.0, 0.5).tolist()
    [2.0, -1.0]
    """
    mean = float(as_array(mean, "mean", ndim=0))
    var = as_positive_float(var, "var")
    return np.array([mean / var, -1.0 / (2 * var)])


def gaussian_log_partition(eta) -> float:
    r"""Log-partition of the univariate Gaussian in natural parameters.

    .. math:: A(\eta) = -\frac{\eta_1^2}{4\eta_2} - \frac12 \log(-2\eta_2) + \frac12 \log(2\pi),
              \qquad \nabla A(\eta) = \mathbb E[T(x)] = (\mu,\ \mu^2 + \sigma^2)

    Parameters
    ----------
    eta : array_like, shape (2,)
        Natural parameters with :math:`\eta_2 < 0`.

    Returns
    -------
    float

    Examples
    --------
    >>> round(gaussian_log_partition([0.0, -0.5]), 4)
    0.9189
    """
    eta = as_vector(eta, "eta")
    if eta.shape != (2,) or eta[1] >= 0:
        raise ValueError(f"eta must be a pair (eta1, eta2) with eta2 < 0, got {eta.tolist()}")
    return float(-eta[0] ** 2 / (4 * eta[1]) - 0.5 * np.log(-2 * eta[1]) + 0.5 * np.log(2 * np.pi))


# ------------------------------------------------------------------ lesson 11: marginals and conditionals

def _index_set(index, d: int, name: str) -> np.ndarray:
    index = np.atleast_1d(as_array(index, name))
    if index.ndim != 1 or index.size == 0 or np.any(index != np.round(index)):
        raise ValueError(f"{name} must be a non-empty list of coordinate indices, got {index.tolist()}")
    index = index.astype(int)
    if np.any((index < 0) | (index >= d)) or len(set(index.tolist())) != index.size:
        raise ValueError(f"{name} must be distinct indices in 0..{d - 1}, got {index.tolist()}")
    return index


def gaussian_marginal(mean, cov, keep) -> tuple[np.ndarray, np.ndarray]:
    r"""Marginal of a multivariate Gaussian over the coordinates ``keep``.

    .. math:: x = (x_a, x_b) \sim \mathcal N\Big(\begin{pmatrix}\mu_a\\ \mu_b\end{pmatrix},
              \begin{pmatrix}\Sigma_{aa} & \Sigma_{ab}\\ \Sigma_{ba} & \Sigma_{bb}\end{pmatrix}\Big)
              \ \Rightarrow\ x_a \sim \mathcal N(\mu_a, \Sigma_{aa})

    Integrating the other coordinates out keeps the matching blocks.

    Parameters
    ----------
    mean : array_like, shape (d,)
    cov : array_like, shape (d, d)
        Symmetric positive definite.
    keep : int or array_like of int
        The coordinates :math:`a` to keep.

    Returns
    -------
    tuple of ndarray
        ``(mean_a, cov_aa)``, shapes (k,) and (k, k).

    Examples
    --------
    >>> m, c = gaussian_marginal([1.0, 2.0], [[4.0, 1.0], [1.0, 2.0]], keep=1)
    >>> m.tolist(), c.tolist()
    ([2.0], [[2.0]])
    """
    mean, cov = _mean_and_cov(mean, cov)
    a = _index_set(keep, len(mean), "keep")
    return mean[a], cov[np.ix_(a, a)]


def gaussian_conditional(mean, cov, given, value) -> tuple[np.ndarray, np.ndarray]:
    r"""Conditional of a multivariate Gaussian given some coordinates' values.

    .. math:: x_a \mid x_b = v \ \sim\ \mathcal N\big(\mu_a + \Sigma_{ab}\Sigma_{bb}^{-1}(v - \mu_b),\
              \Sigma_{aa} - \Sigma_{ab}\Sigma_{bb}^{-1}\Sigma_{ba}\big)

    The mean moves along the regression line; the covariance (a Schur
    complement) shrinks and does not depend on :math:`v`.

    Parameters
    ----------
    mean : array_like, shape (d,)
    cov : array_like, shape (d, d)
        Symmetric positive definite.
    given : int or array_like of int
        The observed coordinates :math:`b` (the rest, in order, are :math:`a`).
    value : float or array_like, shape (len(given),)
        Their observed values :math:`v`.

    Returns
    -------
    tuple of ndarray
        ``(mean_a, cov_a_given_b)``, shapes (d - k,) and (d - k, d - k).

    Examples
    --------
    >>> m, c = gaussian_conditional([0.0, 0.0], [[1.0, 0.5], [0.5, 1.0]], given=0, value=2.0)
    >>> m.tolist(), c.tolist()
    ([1.0], [[0.75]])
    """
    mean, cov = _mean_and_cov(mean, cov)
    b = _index_set(given, len(mean), "given")
    a = np.setdiff1d(np.arange(len(mean)), b)  # (d - k,) the coordinates that stay random
    if a.size == 0:
        raise ValueError("given must leave at least one coordinate unobserved")
    value = np.atleast_1d(as_array(value, "value"))
    if value.shape != b.shape:
        raise ValueError(f"value must have one entry per given index ({b.size}), got shape {value.shape}")
    s_ab, s_bb = cov[np.ix_(a, b)], cov[np.ix_(b, b)]  # (d-k, k), (k, k)
    gain = np.linalg.solve(s_bb, s_ab.T).T  # (d-k, k) Sigma_ab Sigma_bb^{-1}
    cond_mean = mean[a] + gain @ (value - mean[b])
    cond_cov = cov[np.ix_(a, a)] - gain @ s_ab.T
    return cond_mean, 0.5 * (cond_cov + cond_cov.T)


# ------------------------------------------------------------------ lesson 11: Gamma-Poisson conjugacy

def gamma_pdf(x, shape, rate):
    r"""Density of the Gamma distribution in the shape-rate form.

    .. math:: \text{Gamma}(\lambda; \alpha, \beta) = \frac{\beta^\alpha}{\Gamma(\alpha)}
              \lambda^{\alpha-1} e^{-\beta\lambda}, \qquad \lambda \ge 0

    Parameters
    ----------
    x : float or array_like
        Non-negative points.
    shape, rate : float
        Positive :math:`\alpha` and :math:`\beta` (scale = 1 / rate).

    Returns
    -------
    float or ndarray

    Examples
    --------
    >>> round(gamma_pdf(1.0, 1.0, 2.0), 4)
    0.2707
    """
    x = as_array(x, "x")
    shape, rate = as_positive_float(shape, "shape"), as_positive_float(rate, "rate")
    if np.any(x < 0):
        raise ValueError(f"x must be non-negative, got a minimum of {x.min():.6g}")
    log_norm = shape * math.log(rate) - math.lgamma(shape)
    value = np.exp(log_norm + _xlogy(shape - 1, x) - rate * x)
    return float(value) if value.ndim == 0 else value


def gamma_poisson_update(shape, rate, counts) -> tuple[float, float]:
    r"""Conjugate update of a Gamma prior on a Poisson rate after observing counts.

    .. math:: \lambda \sim \text{Gamma}(\alpha, \beta),\ k_i \mid \lambda \sim \text{Poisson}(\lambda)
              \ \Rightarrow\ \lambda \mid k \sim \text{Gamma}\big(\alpha + \textstyle\sum_i k_i,\
              \beta + n\big)

    Because :math:`\lambda^{k} e^{-\lambda} \cdot \lambda^{\alpha-1} e^{-\beta\lambda}
    = \lambda^{\alpha+k-1} e^{-(\beta+1)\lambda}`: the counts add to the shape,
    the number of observations to the rate. Posterior mean
    :math:`(\alpha + \sum k_i) / (\beta + n)`.

    Parameters
    ----------
    shape, rate : float
        Positive prior :math:`\alpha`, :math:`\beta`.
    counts : array_like of int, shape (n,)
        Non-negative observed counts (at least one).

    Returns
    -------
    tuple of float
        ``(posterior_shape, posterior_rate)``.

    Examples
    --------
    >>> gamma_poisson_update(2.0, 1.0, [3, 1, 4])
    (10.0, 4.0)
    """
    shape, rate = as_positive_float(shape, "shape"), as_positive_float(rate, "rate")
    counts = np.atleast_1d(as_array(counts, "counts"))
    if counts.ndim != 1 or np.any(counts < 0) or np.any(counts != np.round(counts)):
        raise ValueError(f"counts must be a 1-D list of non-negative integers, got {counts.tolist()}")
    return shape + float(counts.sum()), rate + float(counts.size)
