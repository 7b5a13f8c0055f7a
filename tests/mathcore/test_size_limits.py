"""A size argument that asks for more than mathcore will allocate is refused up front.

``ddpm_schedule(10**12)`` used to die with a bare MemoryError ("Unable to
allocate 7.28 TiB") after NumPy tried; a smaller but still huge size could
instead push a notebook kernel into the OOM killer.  Each function below must
raise a ValueError naming the argument and its limit (MAX_RESULT_BYTES divided
by the bytes the result needs per unit of that argument) without allocating.
"""

import tracemalloc

import numpy as np
import pytest

from mathcore import attention, convex, generative, manifold, norms, optim, probability, sampling
from mathcore._validate import MAX_RESULT_BYTES, as_count

HUGE = 10**12
X6 = np.random.default_rng(0).normal(size=(6, 2))


@pytest.mark.parametrize("call, name, bytes_each", [
    (lambda n: generative.ddpm_schedule(n), "T", 3 * 8),  # betas, alphas, alpha_bars
    (lambda n: generative.cosine_schedule(n), "T", 4 * 8),
    (lambda n: attention.sinusoidal_positional_encoding(n, 4), "n_positions", 8),
    (lambda n: attention.sinusoidal_positional_encoding(10, n), "d_model", 10 * 8),
    (lambda n: norms.lp_unit_ball(2, n), "n_points", 6 * 8),
    (lambda n: probability.covariance_ellipse([0, 0], np.eye(2), n_points=n), "n_points", 6 * 8),
    (lambda n: manifold.swiss_roll(n, rng=0), "n", 8 * 8),
    (lambda n: manifold.tsne(X6, perplexity=2.0, n_iter=n, rng=0), "n_iter", 8 * (6 * 2 + 1)),
    (lambda n: sampling.monte_carlo_estimate(np.square, lambda r, k: r.uniform(size=k), n, rng=0), "n", 4 * 8),
    (lambda n: sampling.metropolis_hastings(lambda x: -x @ x, [0.0], n, step=1.0, rng=0),
     "n_samples", 8 * 5 + 1),
    (lambda n: sampling.gibbs_bivariate_normal(0.5, n, rng=0), "n_samples", 8 * 8),
    (lambda n: sampling.reparam_gradient_estimate(np.cos, 0.0, 0.0, n, rng=0), "n", 8 * 8),
    (lambda n: sampling.score_function_gradient_estimate(np.cos, 0.0, 0.0, n, rng=0), "n", 8 * 8),
    (lambda n: optim.gradient_descent(np.negative, [1.0, 2.0], lr=0.1, n_steps=n), "n_steps", 8 * 3),
    (lambda n: optim.adam(np.negative, [1.0, 2.0], lr=0.1, n_steps=n), "n_steps", 8 * 3),
    (lambda n: optim.sgd(lambda x, b: x, [1.0], [[1.0], [2.0]], lr=0.1, batch_size=1, n_epochs=n),
     "n_epochs", 2 * 8 * 2),  # 2 steps per epoch, 1-D iterates and losses
    (lambda n: convex.ista(np.eye(3), [1.0, 0.0, 0.0], 0.1, n_steps=n), "n_steps", 8 * 4),
])
def test_a_size_too_large_to_allocate_is_refused_before_allocating(call, name, bytes_each):
    limit = MAX_RESULT_BYTES // bytes_each
    tracemalloc.start()
    try:
        with pytest.raises(ValueError) as info:
            call(HUGE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(info.value).startswith(f"{name} must be at most {limit:,} here: ")
    assert str(info.value).endswith(f"over mathcore's 2 GiB limit for one result; got {HUGE:,}")
    assert peak < 10 * 2**20  # nothing near the requested size was allocated


def test_the_issues_example_names_T_its_limit_and_the_size_asked_for():
    with pytest.raises(ValueError) as info:
        generative.ddpm_schedule(10**12)
    # 2 GiB / (3 arrays * 8 bytes) = 89,478,485 steps; 10^12 steps * 24 bytes = 21.8 TiB
    assert str(info.value) == ("T must be at most 89,478,485 here: the schedule (betas, alphas, "
                               "alpha_bars) would take 21.8 TiB, over mathcore's 2 GiB limit for one "
                               "result; got 1,000,000,000,000")


def test_the_causal_mask_limit_is_on_its_square():
    limit = int(np.sqrt(MAX_RESULT_BYTES))  # (T, T) booleans, one byte each
    with pytest.raises(ValueError, match=rf"^n_positions must be at most {limit:,} here: the \(T, T\) mask"):
        attention.causal_mask(limit + 1)
    assert attention.causal_mask(3).shape == (3, 3)


def test_the_limit_itself_is_accepted_and_one_more_is_not():
    limit = MAX_RESULT_BYTES // 24
    assert as_count(limit, "T", bytes_each=24) == limit
    with pytest.raises(ValueError, match=rf"^T must be at most {limit:,} here"):
        as_count(limit + 1, "T", bytes_each=24)
    with pytest.raises(ValueError, match=r"^T must be a positive integer, got 0$"):
        as_count(0, "T")


def test_the_second_size_of_a_product_gets_the_limit_left_by_the_first():
    limit = MAX_RESULT_BYTES // (8 * 2**20)  # d_model for 2**20 positions
    with pytest.raises(ValueError, match=rf"^d_model must be at most {limit:,} here: the \({2**20}, d_model\)"):
        attention.sinusoidal_positional_encoding(2**20, limit + 1)
