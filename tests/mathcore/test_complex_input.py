"""Complex input is refused across the public mathcore API, never cast to real.

NumPy casts complex to float64 by dropping the imaginary part with only a
ComplexWarning, so ``eigh([[2, 1j], [-1j, 2]])`` used to return [2, 2] where
the Hermitian matrix has eigenvalues [1, 3].  Every public function gets a
valid real call below; each numeric argument in turn is made complex and the
call must raise a ValueError naming that argument, with no ComplexWarning.
"""

import importlib
import inspect
import re
import warnings

import numpy as np
import pytest

import mathcore
from mathcore import (
    attention, calculus, convex, generative, graphs, information, linalg, manifold, norms, optim,
    probability, sampling,
)

SPD = [[2.0, 0.5], [0.5, 1.0]]
W4 = [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]]
P3 = [[0, 1, 2], [1, 0, 1], [2, 1, 0]]
JOINT = [[0.25, 0.25], [0.25, 0.25]]
X6 = [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0], [5.0, 6.0]]
QKV = [[1.0, 0.0], [0.0, 1.0]]


def _square(x):
    return x @ x


# (function, keyword arguments of a valid real call). Every argument that holds
# numbers is made complex in turn by test_complex_argument_is_refused.
CALLS = [
    (linalg.matmul, dict(A=QKV, B=QKV)),
    (linalg.power_iteration, dict(A=SPD, v0=[1.0, 0.0])),
    (linalg.eigh, dict(A=SPD)),
    (linalg.qr, dict(A=SPD)),
    (linalg.lu, dict(A=SPD)),
    (linalg.determinant, dict(A=SPD)),
    (linalg.svd, dict(A=SPD)),
    (linalg.pca, dict(X=X6, n_components=1)),
    (linalg.low_rank_approx, dict(A=SPD, r=1)),
    (linalg.lora_update, dict(W=QKV, B=[[1.0], [0.0]], A=[[0.0, 1.0]])),
    (calculus.gradient, dict(f=_square, x=[1.0, 2.0])),
    (calculus.jacobian, dict(f=lambda x: 2 * x, x=[1.0, 2.0])),
    (calculus.hessian, dict(f=_square, x=[1.0, 2.0])),
    (calculus.directional_derivative, dict(f=_square, x=[1.0, 2.0], u=[1.0, 0.0])),
    (calculus.taylor_approx, dict(f=_square, x0=[1.0, 2.0])),
    (norms.lp_norm, dict(x=[3.0, 4.0], p=2)),
    (norms.lp_unit_ball, dict(p=2, n_points=8)),
    (norms.cosine_similarity, dict(a=[1.0, 0.0], b=[1.0, 1.0])),
    (norms.euclidean, dict(a=[1.0, 0.0], b=[1.0, 1.0])),
    (norms.manhattan, dict(a=[1.0, 0.0], b=[1.0, 1.0])),
    (norms.mahalanobis, dict(x=[1.0, 0.0], mean=[0.0, 0.0], cov=SPD)),
    (optim.gradient_descent, dict(grad=lambda x: 2 * x, x0=[1.0], lr=0.1, n_steps=3)),
    (optim.momentum, dict(grad=lambda x: 2 * x, x0=[1.0], lr=0.1, beta=0.5, n_steps=3)),
    (optim.rmsprop, dict(grad=lambda x: 2 * x, x0=[1.0], lr=0.1, rho=0.5, eps=1e-8, n_steps=3)),
    (optim.adam, dict(grad=lambda x: 2 * x, x0=[1.0], lr=0.1, betas=(0.9, 0.999), eps=1e-8, n_steps=3)),
    (optim.sgd, dict(grad_fn_batch=lambda x, b: x - b.mean(axis=0), x0=[0.0], data=[[1.0], [3.0]],
                     lr=0.5, batch_size=1, n_epochs=2, rng=0)),
    (optim.quadratic, dict(A=SPD, b=[1.0, 0.0], c=0.5)),
    (optim.condition_number, dict(A=SPD)),
    (optim.lagrange_equality_qp, dict(Q=SPD, c=[0.0, 0.0], A=[[1.0, 1.0]], b=[1.0])),
    (optim.kkt_conditions, dict(grad_f=[-2.0, -2.0], g=[0.0], jac_g=[[1.0, 1.0]], mu=[2.0],
                                h=[0.0], jac_h=[[1.0, -1.0]], lam=[0.0])),
    (probability.expectation, dict(values=[1.0, 2.0], probs=[0.5, 0.5])),
    (probability.variance, dict(values=[1.0, 2.0], probs=[0.5, 0.5])),
    (probability.bayes_posterior, dict(prior=[0.5, 0.5], likelihood=[0.2, 0.6])),
    (probability.beta_pdf, dict(x=[0.5], alpha=2.0, beta=3.0)),
    (probability.beta_binomial_update, dict(alpha=1.0, beta=1.0, successes=3, failures=2)),
    (probability.beta_binomial_updates, dict(alpha=1.0, beta=1.0, flips=[1, 0, 1])),
    (probability.gaussian_mle, dict(x=[1.0, 2.0, 4.0])),
    (probability.gaussian_mean_map, dict(x=[1.0, 2.0], noise_var=1.0, prior_mean=0.0, prior_var=2.0)),
    (probability.log_likelihood_gaussian, dict(x=[1.0, 2.0], mean=0.5, var=2.0)),
    (probability.linear_regression_mle, dict(X=[[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]], y=[1.0, 2.0, 2.5])),
    (probability.ridge_regression, dict(X=[[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]], y=[1.0, 2.0, 2.5], lam=0.5)),
    (probability.linear_regression_posterior, dict(X=[[1.0, 0.0], [1.0, 1.0]], y=[1.0, 2.0],
                                                   noise_var=1.0, prior_var=2.0)),
    (probability.map_linear_regression, dict(X=[[1.0, 0.0], [1.0, 1.0]], y=[1.0, 2.0],
                                             noise_var=1.0, prior_var=2.0)),
    (probability.neg_log_posterior, dict(w=[0.5, 0.5], X=[[1.0, 0.0], [1.0, 1.0]], y=[1.0, 2.0],
                                         noise_var=1.0, prior="gaussian", prior_scale=1.0)),
    (probability.multivariate_normal_logpdf, dict(x=[0.5, 0.5], mean=[0.0, 0.0], cov=SPD)),
    (probability.multivariate_normal_pdf, dict(x=[0.5, 0.5], mean=[0.0, 0.0], cov=SPD)),
    (probability.covariance_ellipse, dict(mean=[0.0, 0.0], cov=SPD, n_std=2.0, n_points=8)),
    (probability.bernoulli_natural_params, dict(p=[0.25, 0.5])),
    (probability.bernoulli_log_partition, dict(eta=[0.0, 1.0])),
    (probability.gaussian_natural_params, dict(mean=1.0, var=2.0)),
    (probability.gaussian_log_partition, dict(eta=[0.5, -0.25])),
    (probability.gaussian_sufficient_stats, dict(x=[1.0, 2.0])),
    (information.entropy, dict(p=[0.5, 0.5])),
    (information.binary_entropy, dict(p=[0.25])),
    (information.cross_entropy, dict(p=[0.5, 0.5], q=[0.25, 0.75])),
    (information.kl_divergence, dict(p=[0.5, 0.5], q=[0.25, 0.75])),
    (information.js_divergence, dict(p=[0.5, 0.5], q=[0.25, 0.75])),
    (information.joint_entropy, dict(joint=JOINT)),
    (information.conditional_entropy, dict(joint=JOINT)),
    (information.mutual_information, dict(joint=JOINT)),
    (information.huffman_code_lengths, dict(p=[0.5, 0.25, 0.25])),
    (information.prefix_code, dict(lengths=[1, 2, 2])),
    (information.kl_divergence_density, dict(p=[0.5, 0.5], q=[0.25, 0.75], dx=1.0)),
    (information.fit_gaussian_kl, dict(x=[-1.0, 0.0, 1.0], p=[0.2, 0.6, 0.2], direction="forward",
                                       means=[0.0], sds=[1.0])),
    (sampling.monte_carlo_estimate, dict(f=lambda x: x ** 2, sampler=lambda r, n: r.uniform(size=n),
                                         n=10, rng=0)),
    (sampling.metropolis_hastings, dict(log_prob=lambda x: -0.5 * x @ x, x0=[0.0], n_samples=5,
                                        step=1.0, rng=0)),
    (sampling.gibbs_bivariate_normal, dict(rho=0.5, n_samples=5, rng=0, x0=(0.0, 0.0))),
    (sampling.reparameterize, dict(mu=1.0, log_var=0.0, eps=[0.5, -0.5])),
    (sampling.reparam_gradient_estimate, dict(df=lambda z: 2 * z, mu=1.0, log_var=0.0, n=5, rng=0)),
    (sampling.score_function_gradient_estimate, dict(f=lambda z: z ** 2, mu=1.0, log_var=0.0, n=5, rng=0)),
    (convex.jensen_gap, dict(f=_square, x=[0.0], y=[2.0], t=0.5)),
    (convex.soft_threshold, dict(x=[2.0, -0.5], lam=1.0)),
    (convex.prox_l2sq, dict(x=[2.0, -0.5], lam=1.0)),
    (convex.ista, dict(A=SPD, b=[1.0, 0.5], lam=0.1, n_steps=3, lr=0.1, x0=[0.0, 0.0])),
    (convex.equality_qp_dual, dict(Q=SPD, c=[0.0, 0.0], A=[[1.0, 1.0]], b=[1.0])),
    (convex.linear_over_ball_dual, dict(c=[1.0, 2.0], r=1.0)),
    (convex.svm_dual_objective, dict(alpha=[0.5, 0.5], K=SPD, y=[1.0, -1.0])),
    (graphs.rbf_affinity, dict(X=X6, sigma=1.0)),
    (graphs.laplacian, dict(W=W4)),
    (graphs.fiedler_vector, dict(W=P3)),
    (graphs.spectral_embedding, dict(W=W4, k=2)),
    (graphs.kmeans, dict(X=X6, k=2, rng=0)),
    (graphs.spectral_clustering, dict(W=W4, k=2, rng=0)),
    (graphs.gcn_propagation, dict(A=W4)),
    (graphs.message_passing, dict(A=QKV, H=[[1.0], [3.0]], W=[[1.0]])),
    (graphs.message_passing_loop, dict(A=QKV, H=[[1.0], [3.0]], W=[[1.0]])),
    (manifold.swiss_roll, dict(n=5, rng=0, noise=0.1)),
    (manifold.swiss_roll_arclength, dict(t=[1.0, 2.0])),
    (manifold.pairwise_distances, dict(X=X6)),
    (manifold.knn_graph, dict(X=X6, k=2)),
    (manifold.geodesic_distances, dict(G=P3)),
    (manifold.shortest_path, dict(G=P3, source=0, target=2)),
    (manifold.calibrate_perplexity, dict(distances=P3, perplexity=1.5)),
    (manifold.tsne_objective, dict(P=[[0, 0.5], [0.5, 0]], Y=[[0.0], [1.0]])),
    (manifold.tsne, dict(X=X6, n_components=2, perplexity=2.0, n_iter=3, lr=10.0, rng=0)),
    (attention.softmax, dict(x=[1.0, 2.0], temperature=1.0)),
    (attention.log_softmax, dict(x=[1.0, 2.0], temperature=1.0)),
    (attention.logsumexp, dict(x=[1.0, 2.0])),
    (attention.causal_mask, dict(n_positions=3)),
    (attention.scaled_dot_product_attention, dict(Q=QKV, K=QKV, V=QKV)),
    (attention.multi_head_attention, dict(X=QKV, Wq=QKV, Wk=QKV, Wv=QKV, Wo=QKV, n_heads=1)),
    (attention.sinusoidal_positional_encoding, dict(n_positions=3, d_model=2, base=100.0)),
    (generative.ddpm_schedule, dict(T=5, beta_start=1e-4, beta_end=0.02)),
    (generative.cosine_schedule, dict(T=5, s=0.008, max_beta=0.999)),
    (generative.q_sample, dict(x0=[1.0, 2.0], t=1, noise=[0.5, -0.5], alpha_bars=[0.9, 0.8])),
    (generative.forward_process, dict(x0=[0.0, 1.0], betas=[0.1, 0.2], rng=0)),
    (generative.gaussian_kl, dict(mu=[0.0, 1.0], logvar=[0.0, 0.5])),
    (generative.elbo_terms, dict(x=[1.0, 2.0], x_mean=[1.5, 2.0], mu=[0.0], logvar=[0.0], decoder_var=1.0)),
    (generative.gan_value, dict(d_real=[0.75, 0.5], d_fake=[0.25, 0.5])),
    (generative.optimal_discriminator, dict(p_data=[0.5, 0.5], p_g=[0.25, 0.75])),
    # added with the deepened lessons
    (attention.round_to_bfloat16, dict(x=[1.0, 2.0])),
    (attention.round_to_format, dict(x=[1.0, 2.0], fmt="float16")),
    (attention.running_sum, dict(values=[0.1, 0.2], fmt="float16")),
    (attention.parameter_count, dict(d_model=8, n_layers=1)),
    (generative.ddpm_reverse_step, dict(x_t=[0.1, 0.2], t=1, eps_pred=[0.0, 0.1], noise=[0.0, 0.0],
                                        betas=[0.1, 0.2, 0.3])),
    (generative.epsilon_loss, dict(eps=[0.1, 0.2], eps_pred=[0.0, 0.1])),
    (generative.generator_loss, dict(d_fake=[0.2, 0.5])),
    (generative.ideal_epsilon, dict(x_t=[[0.1, 0.2]], t=1, data=[[0.0, 0.0], [1.0, 1.0]],
                                    alpha_bars=[0.9, 0.8, 0.7])),
    (generative.reparameterize, dict(mu=[0.0], sigma=[1.0], eps=[0.5])),
    (linalg.inverse, dict(A=SPD)),
    (linalg.solve, dict(A=SPD, b=[1.0, 2.0])),
    (linalg.solve_triangular, dict(T=[[1.0, 0.0], [2.0, 1.0]], b=[1.0, 1.0], lower=True)),
    (manifold.fuzzy_graph, dict(X=[[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [3.0, 3.0]], k=2)),
    (optim.cosine_decay, dict(lr_max=0.1, n_steps=5)),
    (optim.ema, dict(values=[1.0, 2.0], beta=0.9)),
    (optim.hard_margin_svm, dict(X=[[1.0, 1.0], [-1.0, -1.0]], y=[1.0, -1.0])),
    (optim.inverse_time_decay, dict(lr0=0.1, n_steps=5, k0=2.0)),
    (optim.step_decay, dict(lr0=0.1, n_steps=5, every=2, gamma=0.5)),
    (probability.bernoulli_score, dict(k=3, n=10, p=0.4)),
    (probability.binomial_pmf, dict(n=4, p=0.3)),
    (probability.normal_pdf, dict(x=[0.0, 1.0], mean=0.5, std=2.0)),
    (probability.interval_probability, dict(pdf=lambda x: np.ones_like(x), a=0.0, b=0.5, n_points=11)),
    (probability.log_likelihood_bernoulli, dict(k=3, n=10, p=0.4)),
    (probability.gaussian_marginal, dict(mean=[0.0, 1.0], cov=SPD, keep=[0])),
    (probability.gaussian_conditional, dict(mean=[0.0, 1.0], cov=SPD, given=[0], value=[0.5])),
    (probability.gamma_pdf, dict(x=[0.5, 1.0], shape=2.0, rate=1.5)),
    (probability.gamma_poisson_update, dict(shape=2.0, rate=1.0, counts=[3, 1, 4])),
    (sampling.autocorrelation, dict(x=[0.1, 0.5, -0.2, 0.3, 0.9, -0.4, 0.2, 0.0], max_lag=2)),
    (sampling.effective_sample_size, dict(x=[0.1, 0.5, -0.2, 0.3, 0.9, -0.4, 0.2, 0.0])),
    (sampling.metropolis_hastings_kernel, dict(p_tilde=[1.0, 2.0, 4.0],
                                               Q=[[0.0, 0.5, 0.5], [0.5, 0.0, 0.5], [0.5, 0.5, 0.0]])),
    (sampling.stationary_distribution, dict(P=[[0.9, 0.1], [0.2, 0.8]])),
]

# Public functions with no numeric input to corrupt (symbolic, string or shape arguments).
NO_NUMERIC_INPUT = {"calculus.symbolic_gradient", "calculus.symbolic_jacobian",
                    "calculus.symbolic_hessian", "calculus.to_latex", "attention.broadcast_shapes",
                    "attention.machine_epsilon"}
OWN_TESTS = {"attention.einsum_loops", "autodiff.mlp_backprop"}  # positional operands; many shapes
NOT_NUMERIC = (str, bool, type(None))
SKIPPED_ARGUMENTS = {"rng", "axis"}  # a seed or an axis, not data


def _qualname(fn) -> str:
    return f"{fn.__module__.rsplit('.', 1)[1]}.{fn.__name__}"


def _complex(value):
    """The same numbers with an imaginary part of 1 (a complex array, or a complex scalar)."""
    z = np.asarray(value, dtype=np.float64) + 1j
    return complex(z) if z.ndim == 0 else z


def _cases():
    for fn, kwargs in CALLS:
        for name, value in kwargs.items():
            if name in SKIPPED_ARGUMENTS or isinstance(value, NOT_NUMERIC) or callable(value):
                continue
            yield pytest.param(fn, kwargs, name, id=f"{_qualname(fn)}:{name}")


def _refused(call, name):
    with warnings.catch_warnings():
        warnings.simplefilter("error", np.exceptions.ComplexWarning)
        with pytest.raises(ValueError) as info:
            call()
    message = str(info.value)
    assert re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", message), message
    return message


def test_every_public_function_is_covered():
    covered = {_qualname(fn) for fn, _ in CALLS} | NO_NUMERIC_INPUT | OWN_TESTS
    public = set()
    for module in mathcore.__all__:
        mod = importlib.import_module(f"mathcore.{module}")
        public |= {f"{module}.{name}" for name in mod.__all__ if inspect.isfunction(getattr(mod, name))}
    assert public - covered == set()


@pytest.mark.parametrize("fn, kwargs", [pytest.param(fn, kw, id=_qualname(fn)) for fn, kw in CALLS])
def test_the_real_call_is_valid(fn, kwargs):
    """The baseline works, so the ValueError below is about the complex argument."""
    fn(**kwargs)


@pytest.mark.parametrize("fn, kwargs, name", list(_cases()))
def test_complex_argument_is_refused(fn, kwargs, name):
    _refused(lambda: fn(**{**kwargs, name: _complex(kwargs[name])}), name)


def test_einsum_operands():
    attention.einsum_loops("ij,jk->ik", QKV, QKV)
    _refused(lambda: attention.einsum_loops("ij,jk->ik", QKV, _complex(QKV)), "operand 1")


def test_mlp_backprop():
    from mathcore.autodiff import mlp_backprop

    args = dict(X=[[1.0, 2.0]], Y=[[1.0]], W1=[[0.5, -0.5], [0.25, 0.5]], b1=[0.0, 0.1],
                W2=[[1.0], [-1.0]], b2=[0.0])
    mlp_backprop(**args)
    for name in args:
        _refused(lambda: mlp_backprop(**{**args, name: _complex(args[name])}), name)


def test_complex_arrays_get_a_message_that_says_real():
    message = _refused(lambda: linalg.eigh(np.array([[2, 1j], [-1j, 2]])), "A")
    assert "must be real, got complex values (dtype complex128, shape (2, 2))" in message
    # a list with complex entries, and a complex dtype whose imaginary parts are all zero
    assert "must be real" in _refused(lambda: linalg.eigh([[2, 1j], [-1j, 2]]), "A")
    assert "must be real" in _refused(lambda: norms.lp_norm(np.array([3, 4], dtype=complex), 2), "x")
    assert "must be real" in _refused(lambda: norms.lp_norm(np.array([3, 1j], dtype=object), 2), "x")


def test_the_hermitian_example_is_not_answered_with_the_real_part():
    """The issue's example: numpy.linalg.eigvalsh gives [1, 3]; the old cast gave [2, 2]."""
    A = np.array([[2, 1j], [-1j, 2]])
    np.testing.assert_allclose(np.linalg.eigvalsh(A), [1.0, 3.0])
    with pytest.raises(ValueError, match="A must be real"):
        linalg.eigh(A)


@pytest.mark.parametrize("call, name", [
    (lambda: optim.gradient_descent(lambda x: x + 1j, [1.0], lr=0.1, n_steps=2), "grad"),
    (lambda: optim.adam(lambda x: x + 1j, [1.0], lr=0.1, n_steps=2), "grad"),
    (lambda: optim.sgd(lambda x, b: x + 1j, [1.0], [[1.0]], lr=0.1, batch_size=1, n_epochs=1),
     "grad_fn_batch"),
    (lambda: calculus.gradient(lambda x: x @ x + 1j, [1.0]), "f"),
    (lambda: calculus.jacobian(lambda x: x + 1j, [1.0]), "f"),
    (lambda: convex.jensen_gap(lambda x: 1j * x[0], [0.0], [1.0], 0.5), "f"),
    (lambda: sampling.metropolis_hastings(lambda x: 1j, [0.0], 3, step=1.0, rng=0), "log_prob"),
    (lambda: sampling.monte_carlo_estimate(lambda x: x + 1j, lambda r, n: r.uniform(size=n), 3, rng=0),
     "f(samples)"),
    (lambda: optim.quadratic(SPD, [0.0, 0.0]).f([1j, 0.0]), "x"),
])
def test_complex_values_returned_by_callables_are_refused(call, name):
    assert "must be real" in _refused(call, name)
