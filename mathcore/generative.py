"""The mathematics of generative models for lesson 18: VAE ELBO, GAN objective, DDPM.

Diffusion time steps are 0-based indices ``t = 0 .. T-1`` into the schedule
arrays, so ``alpha_bars[t]`` is the paper's :math:`\\bar\\alpha_{t+1}`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from mathcore._validate import (
    as_array, as_count, as_positive_float, as_probabilities, as_rng,
)
from mathcore.information import _plogq

__all__ = [
    "NoiseSchedule", "ddpm_schedule", "cosine_schedule", "q_sample", "ForwardProcess",
    "forward_process", "gaussian_kl", "ELBOTerms", "elbo_terms", "gan_value",
    "optimal_discriminator", "reparameterize", "GeneratorLoss", "generator_loss",
    "epsilon_loss", "ideal_epsilon", "ReverseStep", "ddpm_reverse_step",
]


class NoiseSchedule(NamedTuple):
    """A diffusion noise schedule; unpacks as ``betas, alphas, alpha_bars``."""

    betas: np.ndarray  # (T,) noise added at each step
    alphas: np.ndarray  # (T,) 1 - betas
    alpha_bars: np.ndarray  # (T,) cumulative products of alphas


def _schedule_from_betas(betas: np.ndarray) -> NoiseSchedule:
    alphas = 1.0 - betas  # (T,)
    return NoiseSchedule(betas, alphas, np.cumprod(alphas))


def ddpm_schedule(T, beta_start=1e-4, beta_end=0.02) -> NoiseSchedule:
    r"""The linear DDPM noise schedule (Ho et al., 2020).

    .. math:: \beta_t \text{ linear from } \beta_{start} \text{ to } \beta_{end}, \quad
              \alpha_t = 1 - \beta_t, \quad \bar\alpha_t = \prod_{s \le t} \alpha_s

    Parameters
    ----------
    T : int
        Number of diffusion steps.
    beta_start, beta_end : float
        First and last noise variance, ``0 < beta_start <= beta_end < 1``.

    Returns
    -------
    NoiseSchedule
        ``(betas, alphas, alpha_bars)``, each shape (T,); ``alpha_bars`` decreases
        strictly inside (0, 1).

    Examples
    --------
    >>> bool(ddpm_schedule(1000).alpha_bars[-1] < 1e-4)
    True
    """
    T = as_count(T, "T", bytes_each=3 * 8, what="the schedule (betas, alphas, alpha_bars)")
    beta_start = as_positive_float(beta_start, "beta_start")
    beta_end = as_positive_float(beta_end, "beta_end")
    if not beta_start <= beta_end < 1:
        raise ValueError(f"beta_start and beta_end must satisfy 0 < beta_start <= beta_end < 1, "
                         f"got {beta_start!r} and {beta_end!r}")
    return _schedule_from_betas(np.linspace(beta_start, beta_end, T))


def cosine_schedule(T, s=0.008, max_beta=0.999) -> NoiseSchedule:
    r"""The cosine schedule (Nichol & Dhariwal, 2021): noise added more evenly.

    .. math:: \bar\alpha_t = \frac{f(t)}{f(0)}, \quad
              f(t) = \cos^2\!\Big(\frac{t / T + s}{1 + s} \cdot \frac{\pi}{2}\Big), \quad
              \beta_t = \min\big(1 - \bar\alpha_t / \bar\alpha_{t-1},\ \beta_{max}\big)

    Parameters
    ----------
    T : int
        Number of diffusion steps.
    s : float
        Small offset that keeps the first betas away from 0.
    max_beta : float
        Upper clip of the betas, in (0, 1).

    Returns
    -------
    NoiseSchedule
        ``(betas, alphas, alpha_bars)``, each shape (T,).

    Examples
    --------
    >>> float(cosine_schedule(4).betas.max()) <= 0.999
    True
    """
    T = as_count(T, "T", bytes_each=4 * 8, what="the schedule (betas, alphas, alpha_bars)")
    s = as_positive_float(s, "s")
    max_beta = as_positive_float(max_beta, "max_beta")
    if max_beta >= 1:
        raise ValueError(f"max_beta must lie in (0, 1), got {max_beta!r}")
    f = np.cos((np.arange(T + 1) / T + s) / (1 + s) * np.pi / 2) ** 2  # (T+1,)
    betas = np.minimum(1.0 - f[1:] / f[:-1], max_beta)  # (T,)
    return _schedule_from_betas(betas)


def _as_alpha_bars(alpha_bars) -> np.ndarray:
    alpha_bars = as_array(alpha_bars, "alpha_bars", ndim=1)  # (T,)
    if np.any((alpha_bars <= 0) | (alpha_bars > 1)):
        raise ValueError(f"alpha_bars must lie in (0, 1], got values in "
                         f"[{alpha_bars.min():.6g}, {alpha_bars.max():.6g}]")
    return alpha_bars


def _as_steps(t, T: int) -> np.ndarray:
    steps = np.asarray(t)
    if steps.dtype.kind not in "iu" or np.any(steps < 0) or np.any(steps >= T):
        raise ValueError(f"t must be integer step indices in [0, {T - 1}], got {t!r}")
    return steps


def q_sample(x0, t, noise, alpha_bars) -> np.ndarray:
    r"""Jump straight to step ``t`` of the forward (noising) process.

    .. math:: x_t = \sqrt{\bar\alpha_t}\, x_0 + \sqrt{1 - \bar\alpha_t}\, \varepsilon,
              \quad \varepsilon \sim \mathcal N(0, I)

    Parameters
    ----------
    x0 : array_like, shape (...) or (B, ...)
        Clean data.
    t : int or array_like of int, shape (B,)
        0-based step index; one per leading row of ``x0`` when an array.
    noise : array_like, same shape as ``x0``
        Standard normal draws :math:`\varepsilon`.
    alpha_bars : array_like, shape (T,)
        Cumulative products from a :class:`NoiseSchedule`.

    Returns
    -------
    ndarray, same shape as ``x0``

    Examples
    --------
    >>> float(q_sample(2.0, 0, 0.0, [0.25]))
    1.0
    """
    x0 = as_array(x0, "x0")  # (B, ...)
    noise = as_array(noise, "noise")  # (B, ...)
    if noise.shape != x0.shape:
        raise ValueError(f"noise must have the shape of x0 {x0.shape}, got {noise.shape}")
    alpha_bars = _as_alpha_bars(alpha_bars)  # (T,)
    steps = _as_steps(t, len(alpha_bars))  # () or (B,)
    if steps.ndim == 1 and (x0.ndim == 0 or steps.shape[0] != x0.shape[0]):
        raise ValueError(f"t must hold one step per row of x0 (shape {x0.shape}), "
                         f"got shape {steps.shape}")
    if steps.ndim > 1:
        raise ValueError(f"t must be an int or a 1-D array of ints, got shape {steps.shape}")
    ab = alpha_bars[steps].reshape(steps.shape + (1,) * (x0.ndim - steps.ndim))  # (B, 1, ...)
    return np.sqrt(ab) * x0 + np.sqrt(1.0 - ab) * noise


@dataclass(frozen=True)
class ForwardProcess:
    """A noising trajectory, one step at a time."""

    xs: np.ndarray  # (T+1, ...) x_0, x_1, ..., x_T
    noises: np.ndarray  # (T, ...) the epsilon drawn at each step


def forward_process(x0, betas, *, rng) -> ForwardProcess:
    r"""Run the Markov forward process step by step, keeping every state.

    .. math:: x_{t} = \sqrt{1 - \beta_t}\, x_{t-1} + \sqrt{\beta_t}\, \varepsilon_t

    Its marginal at step ``t`` is the one :func:`q_sample` jumps to.

    Parameters
    ----------
    x0 : array_like, shape (...)
        Clean data, e.g. (n_points, 2) for a 2-D toy cloud.
    betas : array_like, shape (T,)
        Per-step noise variances in (0, 1).
    rng : numpy Generator or int seed

    Returns
    -------
    ForwardProcess
        ``xs`` (T+1, ...) and the ``noises`` (T, ...) that produced them.

    Examples
    --------
    >>> forward_process([0.0, 1.0], [0.1, 0.2], rng=0).xs.shape
    (3, 2)
    """
    x0 = as_array(x0, "x0")  # (...)
    betas = as_array(betas, "betas", ndim=1)  # (T,)
    if np.any((betas <= 0) | (betas >= 1)):
        raise ValueError(f"betas must lie in (0, 1), got values in "
                         f"[{betas.min():.6g}, {betas.max():.6g}]")
    as_count(len(betas), "betas", bytes_each=2 * 8 * x0.size,
             what=f"the trajectory of {x0.size}-entry states and its noises")
    rng = as_rng(rng)
    noises = rng.standard_normal((len(betas),) + x0.shape)  # (T, ...)
    xs = [x0]
    for beta, eps in zip(betas, noises):
        xs.append(np.sqrt(1.0 - beta) * xs[-1] + np.sqrt(beta) * eps)
    return ForwardProcess(np.stack(xs), noises)


def _as_mu_logvar(mu, logvar) -> tuple[np.ndarray, np.ndarray]:
    mu = as_array(mu, "mu")  # (..., d)
    logvar = as_array(logvar, "logvar")  # (..., d)
    if mu.shape != logvar.shape:
        raise ValueError(f"mu and logvar must have the same shape, got {mu.shape} and {logvar.shape}")
    return mu, logvar


def _sum_last(x: np.ndarray):
    total = x.sum(axis=-1) if x.ndim else x
    return float(total) if np.ndim(total) == 0 else total


def gaussian_kl(mu, logvar):
    r"""KL of a diagonal Gaussian from the standard normal: the VAE's KL term.

    .. math:: D_{KL}\big(\mathcal N(\mu, \mathrm{diag}\, e^{\log\sigma^2}) \,\|\,
              \mathcal N(0, I)\big) = \tfrac12 \sum_j \big(\sigma_j^2 + \mu_j^2 - 1
              - \log\sigma_j^2\big)

    Parameters
    ----------
    mu, logvar : array_like, shape (..., d)
        Encoder means and log-variances; the sum runs over the last axis.

    Returns
    -------
    float or ndarray, shape (...)
        One KL per leading index (a float for a single vector).

    Examples
    --------
    >>> gaussian_kl([0.0, 0.0], [0.0, 0.0])
    0.0
    """
    mu, logvar = _as_mu_logvar(mu, logvar)
    return _sum_last(0.5 * (np.exp(logvar) + mu**2 - 1.0 - logvar))


@dataclass(frozen=True)
class ELBOTerms:
    """The two terms of the VAE evidence lower bound, per example."""

    reconstruction: float | np.ndarray  # E_q[log p(x | z)]
    kl: float | np.ndarray  # KL(q(z | x) || p(z))
    elbo: float | np.ndarray  # reconstruction - kl


def elbo_terms(x, x_mean, mu, logvar, decoder_var=1.0) -> ELBOTerms:
    r"""The VAE ELBO for a Gaussian encoder and a Gaussian decoder, one sample of z.

    .. math:: \mathrm{ELBO}(x) = \underbrace{\log \mathcal N(x;\ \hat x(z),\ \sigma_{dec}^2 I)}
              _{\text{reconstruction}} - \underbrace{D_{KL}\big(q(z \mid x) \,\|\,
              \mathcal N(0, I)\big)}_{\text{KL}} \le \log p(x)

    Parameters
    ----------
    x, x_mean : array_like, shape (..., D)
        Data and the decoder's mean :math:`\hat x(z)` for a sampled ``z``.
    mu, logvar : array_like, shape (..., d)
        Encoder outputs; the leading shape matches that of ``x``.
    decoder_var : float
        The decoder's fixed noise variance :math:`\sigma_{dec}^2`.

    Returns
    -------
    ELBOTerms
        ``reconstruction``, ``kl`` and ``elbo``, each of shape (...).

    Examples
    --------
    >>> round(elbo_terms([0.0], [0.0], [0.0], [0.0]).elbo, 4)
    -0.9189
    """
    x = as_array(x, "x")  # (..., D)
    x_mean = as_array(x_mean, "x_mean")  # (..., D)
    if x.shape != x_mean.shape:
        raise ValueError(f"x and x_mean must have the same shape, got {x.shape} and {x_mean.shape}")
    var = as_positive_float(decoder_var, "decoder_var")
    log_px = -0.5 * ((x - x_mean) ** 2 / var + np.log(2 * np.pi * var))  # (..., D)
    reconstruction = _sum_last(log_px)
    kl = gaussian_kl(mu, logvar)
    if np.shape(reconstruction) != np.shape(kl):
        raise ValueError(f"x and mu must share their leading shape, got {x.shape} and "
                         f"{np.shape(mu)}")
    return ELBOTerms(reconstruction, kl, reconstruction - kl)


def _as_discriminator(d, name: str) -> np.ndarray:
    d = as_array(d, name, ndim=1)  # (n,)
    if np.any((d < 0) | (d > 1)):
        raise ValueError(f"{name} must be discriminator outputs in [0, 1], got values in "
                         f"[{d.min():.6g}, {d.max():.6g}]")
    return d


def _expect_log(d: np.ndarray, weights, name: str) -> float:
    """E[log d] under ``weights`` (uniform if None), with 0 log 0 = 0."""
    n = len(d)
    w = np.full(n, 1.0 / n) if weights is None else as_probabilities(weights, name)  # (n,)
    if w.shape != d.shape:
        raise ValueError(f"{name} must have one weight per discriminator output ({n}), "
                         f"got shape {w.shape}")
    return float(_plogq(w, d).sum())


def gan_value(d_real, d_fake, *, p_real=None, p_fake=None) -> float:
    r"""The GAN minimax value that the discriminator maximises and the generator minimises.

    .. math:: V(D, G) = \mathbb E_{x \sim p_{data}}[\log D(x)]
              + \mathbb E_{x \sim p_g}[\log (1 - D(x))]

    Parameters
    ----------
    d_real : array_like, shape (n,)
        Discriminator outputs on real data (samples, or the points of a discrete support).
    d_fake : array_like, shape (m,)
        Discriminator outputs on generated data.
    p_real, p_fake : array_like, shape (n,) and (m,), optional
        Probabilities of those points; None means sample means.

    Returns
    -------
    float
        At most 0; ``-log 4`` when the discriminator outputs 1/2 everywhere.

    Examples
    --------
    >>> round(gan_value([0.5], [0.5]), 4)
    -1.3863
    """
    d_real = _as_discriminator(d_real, "d_real")  # (n,)
    d_fake = _as_discriminator(d_fake, "d_fake")  # (m,)
    return _expect_log(d_real, p_real, "p_real") + _expect_log(1.0 - d_fake, p_fake, "p_fake")


def optimal_discriminator(p_data, p_g) -> np.ndarray:
    r"""The best discriminator for a fixed generator, on a discrete support.

    .. math:: D^*(x) = \frac{p_{data}(x)}{p_{data}(x) + p_g(x)}, \qquad
              V(D^*, G) = -\log 4 + 2\, JSD(p_{data} \,\|\, p_g)

    Parameters
    ----------
    p_data, p_g : array_like, shape (n,)
        The data and generator distributions on the same n points.

    Returns
    -------
    ndarray, shape (n,)
        1/2 where both probabilities are 0 (a point neither distribution visits).

    Examples
    --------
    >>> optimal_discriminator([0.5, 0.5], [0.5, 0.5])
    array([0.5, 0.5])
    """
    p_data = as_probabilities(as_array(p_data, "p_data", ndim=1), "p_data")  # (n,)
    p_g = as_probabilities(as_array(p_g, "p_g", ndim=1), "p_g")  # (n,)
    if p_data.shape != p_g.shape:
        raise ValueError(f"p_data and p_g must have the same shape, got {p_data.shape} and {p_g.shape}")
    total = p_data + p_g  # (n,)
    return np.where(total > 0, p_data / np.where(total > 0, total, 1.0), 0.5)


def reparameterize(mu, sigma, eps) -> np.ndarray:
    r"""A sample of :math:`\mathcal N(\mu, \sigma^2)` written as a function of its parameters.

    .. math:: z = \mu + \sigma \varepsilon, \qquad \varepsilon \sim \mathcal N(0, 1),
              \qquad \frac{\partial z}{\partial \mu} = 1, \quad
              \frac{\partial z}{\partial \sigma} = \varepsilon

    The randomness lives in ``eps``, drawn outside, so ``z`` is a differentiable
    function of ``mu`` and ``sigma``: the VAE's reparameterisation trick.

    Parameters
    ----------
    mu : array_like, shape (...)
        Means.
    sigma : array_like, shape (...)
        Standard deviations, all positive (broadcast against ``mu``).
    eps : array_like, shape (...)
        Standard normal draws, broadcast against ``mu``.

    Returns
    -------
    ndarray, the broadcast shape of the three

    Examples
    --------
    >>> float(reparameterize(1.0, 0.5, 2.0))
    2.0
    """
    mu = as_array(mu, "mu")  # (...)
    sigma = as_array(sigma, "sigma")  # (...)
    eps = as_array(eps, "eps")  # (...)
    if np.any(sigma <= 0):
        raise ValueError(f"sigma must be positive, got a minimum of {sigma.min():.6g}")
    try:
        return mu + sigma * eps
    except ValueError as error:
        raise ValueError(f"mu, sigma and eps must broadcast together, got shapes {mu.shape}, "
                         f"{sigma.shape} and {eps.shape}") from error


class GeneratorLoss(NamedTuple):
    """A GAN generator's loss per fake sample, and its derivative w.r.t. the logit."""

    losses: np.ndarray  # (n,) one loss per sample
    logit_gradients: np.ndarray  # (n,) d loss / d a, where D = sigmoid(a)


def generator_loss(d_fake, *, non_saturating=True) -> GeneratorLoss:
    r"""The generator's loss on its samples, saturating or non-saturating.

    .. math:: \text{saturating: } \log\big(1 - D\big), \quad
              \frac{\partial}{\partial a} = -D; \qquad
              \text{non-saturating: } -\log D, \quad
              \frac{\partial}{\partial a} = -(1 - D)

    with :math:`D = \sigma(a)` the discriminator's output on a fake and
    :math:`a` its logit, through which the gradient reaches the generator. Early
    in training :math:`D \approx 0` on fakes: the saturating gradient vanishes,
    the non-saturating one is close to its largest.

    Parameters
    ----------
    d_fake : array_like, shape (n,)
        Discriminator outputs on generated samples, in (0, 1).
    non_saturating : bool
        ``True`` for :math:`-\log D` (what GANs train with), ``False`` for the
        minimax game's :math:`\log(1 - D)`.

    Returns
    -------
    GeneratorLoss
        ``losses`` and ``logit_gradients``, each shape (n,).

    Examples
    --------
    >>> generator_loss([0.5]).logit_gradients
    array([-0.5])
    """
    d = _as_discriminator(d_fake, "d_fake")  # (n,)
    if np.any((d <= 0) | (d >= 1)):
        raise ValueError("d_fake must lie strictly inside (0, 1), the range of a sigmoid")
    if non_saturating:
        return GeneratorLoss(-np.log(d), -(1.0 - d))
    return GeneratorLoss(np.log1p(-d), -d)


def epsilon_loss(eps, eps_pred):
    r"""The DDPM training loss: the squared error of the predicted noise.

    .. math:: L = \big\lVert \varepsilon - \varepsilon_\theta(x_t, t) \big\rVert^2

    Parameters
    ----------
    eps, eps_pred : array_like, shape (..., d)
        The noise that was added and the network's prediction of it.

    Returns
    -------
    float or ndarray, shape (...)
        The squared norm over the last axis (a float for one vector).

    Examples
    --------
    >>> epsilon_loss([1.0, 0.0], [0.0, 0.0])
    1.0
    """
    eps = as_array(eps, "eps")  # (..., d)
    eps_pred = as_array(eps_pred, "eps_pred")  # (..., d)
    if eps.shape != eps_pred.shape:
        raise ValueError(f"eps and eps_pred must have the same shape, got {eps.shape} and "
                         f"{eps_pred.shape}")
    return _sum_last((eps - eps_pred) ** 2)


def ideal_epsilon(x_t, t, data, alpha_bars) -> np.ndarray:
    r"""The best possible noise prediction when the data set is ``data`` itself.

    Given :math:`x_t`, each data point :math:`x^{(i)}` could have produced it with
    probability proportional to
    :math:`\mathcal N(x_t;\ \sqrt{\bar\alpha_t}\, x^{(i)},\ (1 - \bar\alpha_t) I)`;
    the prediction minimising the expected :func:`epsilon_loss` is the posterior mean

    .. math:: \varepsilon^*(x_t, t) = \frac{x_t - \sqrt{\bar\alpha_t}\,
              \mathbb E[x_0 \mid x_t]}{\sqrt{1 - \bar\alpha_t}}

    A network trained on ``data`` approaches it; run backwards it returns
    the training points themselves (a network generalises because it is not perfect).

    Parameters
    ----------
    x_t : array_like, shape (B, d)
        Noisy points at step ``t``.
    t : int
        0-based step index into ``alpha_bars``.
    data : array_like, shape (n, d)
        The training set.
    alpha_bars : array_like, shape (T,)

    Returns
    -------
    ndarray, shape (B, d)

    Examples
    --------
    >>> ideal_epsilon([[1.0]], 0, [[0.0]], [0.5]).round(4)
    array([[1.4142]])
    """
    x_t = as_array(x_t, "x_t", ndim=2)  # (B, d)
    data = as_array(data, "data", ndim=2)  # (n, d)
    if x_t.shape[1] != data.shape[1]:
        raise ValueError(f"x_t and data must have the same dimension, got {x_t.shape[1]} and "
                         f"{data.shape[1]}")
    alpha_bars = _as_alpha_bars(alpha_bars)  # (T,)
    step = int(_as_steps(t, len(alpha_bars)))
    ab = alpha_bars[step]
    if ab >= 1:
        raise ValueError("alpha_bars[t] must be below 1: with no noise there is none to predict")
    means = np.sqrt(ab) * data  # (n, d)
    # -|x_t - m_i|^2 / 2(1 - ab), up to a term constant in i: x_t . m_i - |m_i|^2 / 2
    logits = (x_t @ means.T - 0.5 * (means**2).sum(axis=1)) / (1.0 - ab)  # (B, n)
    weights = np.exp(logits - logits.max(axis=1, keepdims=True))  # (B, n)
    weights /= weights.sum(axis=1, keepdims=True)
    x0_mean = weights @ data  # (B, d)
    return (x_t - np.sqrt(ab) * x0_mean) / np.sqrt(1.0 - ab)


class ReverseStep(NamedTuple):
    """One step of the DDPM reverse process: its mean, its noise scale, the sample."""

    mean: np.ndarray  # (...) mu_theta(x_t, t)
    std: float  # sigma_t, 0 at the last step
    sample: np.ndarray  # (...) x_{t-1}


def ddpm_reverse_step(x_t, t, eps_pred, noise, betas) -> ReverseStep:
    r"""One denoising step of DDPM (Ho et al., 2020, Algorithm 2).

    .. math:: x_{t-1} = \frac{1}{\sqrt{\alpha_t}} \Big( x_t - \frac{\beta_t}
              {\sqrt{1 - \bar\alpha_t}}\, \varepsilon_\theta(x_t, t) \Big)
              + \sigma_t z, \qquad \sigma_t = \sqrt{\beta_t}, \ z \sim \mathcal N(0, I)

    At the first step (``t = 0``) no noise is added.

    Parameters
    ----------
    x_t : array_like, shape (...)
        The current noisy sample.
    t : int
        0-based step index into ``betas``.
    eps_pred : array_like, same shape as ``x_t``
        The predicted noise :math:`\varepsilon_\theta(x_t, t)`.
    noise : array_like, same shape as ``x_t``
        A standard normal draw :math:`z`.
    betas : array_like, shape (T,)
        The schedule's betas, in (0, 1).

    Returns
    -------
    ReverseStep
        ``mean``, ``std`` and ``sample`` :math:`x_{t-1}`.

    Examples
    --------
    >>> ddpm_reverse_step([1.0], 0, [0.0], [5.0], [0.19]).sample.round(4)
    array([1.1111])
    """
    x_t = as_array(x_t, "x_t")  # (...)
    eps_pred = as_array(eps_pred, "eps_pred")  # (...)
    noise = as_array(noise, "noise")  # (...)
    if eps_pred.shape != x_t.shape or noise.shape != x_t.shape:
        raise ValueError(f"eps_pred and noise must have the shape of x_t {x_t.shape}, got "
                         f"{eps_pred.shape} and {noise.shape}")
    betas = as_array(betas, "betas", ndim=1)  # (T,)
    if np.any((betas <= 0) | (betas >= 1)):
        raise ValueError(f"betas must lie in (0, 1), got values in "
                         f"[{betas.min():.6g}, {betas.max():.6g}]")
    step = int(_as_steps(t, len(betas)))
    alpha_bar = float(np.prod(1.0 - betas[:step + 1]))
    beta = float(betas[step])
    mean = (x_t - beta / np.sqrt(1.0 - alpha_bar) * eps_pred) / np.sqrt(1.0 - beta)
    std = float(np.sqrt(beta)) if step > 0 else 0.0
    return ReverseStep(mean, std, mean + std * noise)
