"""mathreel.pronounce: each rule against a sentence's expected caption and
speech, written by hand."""

import pytest

from mathreel.pronounce import SPOKEN_ALPHABET, display, spoken

DISPLAY = [
    (r"$\tfrac12 x^\top A x$", "½ xᵀ A x"),
    (r"bare \tfrac12 and \sigma", "bare ½ and σ"),
    (r"$x^2$, $x_1$, $W_{ij}$, $p_{01}$", "x², x₁, Wᵢⱼ, p₀₁"),
    (r"$D_{KL}(q \,\|\, \mathcal{N}(0, 1))$", "D KL(q ‖ N(0, 1))"),
    (r"$\frac{\kappa - 1}{\kappa + 1}$ and $\frac{a}{b}$", "(κ − 1)/(κ + 1) and a/b"),
    (r"$\bar\alpha_t$, $\hat y$, $\mathbf{x}$", "ᾱₜ, ŷ, x"),
    (r"$A = \begin{pmatrix} 3 & -2 \\ -2 & 3 \end{pmatrix}$", "A = [[3, −2], [−2, 3]]"),
    (r"$e^{-x^2/2}$ and $10^-3$ and 2^{10}", "exp(−x²/2) and 10⁻³ and 2¹⁰"),
    (r"$\sum_{i=1}^{n} x_i$", "∑ᵢ₌₁ⁿ xᵢ"),
    ("Look <bookmark mark='A'/> here: <b>now</b>.", "Look here: now."),
    ("n_steps stays code", "n_steps stays code"),
    ("Plain text, 3.62 and -1.5, stays.", "Plain text, 3.62 and -1.5, stays."),
]

SPOKEN = [
    # LaTeX and markup
    (r"$f(x) = \tfrac12 x^T A x$", "f of x equals one half x transpose eh x"),
    ("Look <bookmark mark='A'/> here.", "Look here."),
    (r"$\mathbf{x}^\top \Sigma^{-1} \mathbf{x}$", "x transpose Sigma inverse x"),
    # Unicode maths
    ("σ ≈ 3.62", "sigma is approximately three point six two"),
    ("λ ≤ 1 and μ ≥ 0", "lambda is at most one and mu is at least zero"),
    ("∇f", "grad f"),
    ("‖x‖ and ‖x‖₂²", "the norm of x, and the squared two norm of x"),
    ("x → 0", "x to zero"),
    ("4 × 3", "four times three"),
    ("x² and x³ and xⁿ", "x squared and x cubed and x to the power n"),
    ("∑ᵢ xᵢ", "the sum over i of x i"),
    ("x₁ and Wᵢⱼ", "x one and W i j"),
    ("ŷ and ᾱₜ", "y hat and alpha bar t"),
    ("−3", "minus three"),
    # numbers
    ("3.62", "three point six two"),
    ("1e-8", "ten to the minus eight"),
    ("2.5e-3", "two point five times ten to the minus three"),
    ("0.001 and -0.5", "zero point zero zero one and minus zero point five"),
    ("10^-3", "ten to the minus three"),
    ("2^{10}", "two to the power ten"),
    ("1/2 and 2/3 of it", "one half and two thirds of it"),
    ("2/L", "two over L"),
    ("5% and 93.2 percent", "five percent and ninety-three point two percent"),
    ("After 2000 darts, 369 of 1000", "After two thousand darts, three hundred and sixty-nine of one thousand"),
    ("the 3rd step, a 64-bit float", "the third step, a sixty-four bit float"),
    ("2xy", "two x y"),
    # probability and functions
    ("p(x|y)", "p of x given y"),
    ("E[X]", "the expected value of X"),
    ("Var(X)", "the variance of X"),
    ("P(X = 1)", "the probability that X equals one"),
    ("f''(0)", "f double prime of zero"),
    ("x' = 2", "x prime equals two"),
    ("h₀' = 0.5", "h zero prime equals zero point five"),
    ("v₁ᵀ A v₁", "v one transpose eh v one"),
    ("|det [u w]| = 9", "the absolute value of the determinant of u w, equals nine"),
    ("≠ stays", "is not equal to stays"),
    ("(−6) · (−4) = 24", "minus six, times, minus four, equals twenty-four"),
    ("|v|", "the absolute value of v"),
    ("KL(p ‖ q)", "K L of p from q"),
    # code
    ("np.linalg.eigh", "N P dot lin alg dot eig H"),
    ("A @ B", "eh mat mul B"),
    # vocabulary
    ("i-hat, j-hat, x-hat and y-hat", "i-hat, j-hat, x-hat and y-hat"),
    ("the eigenvector, eigenvalue and eigenbasis", "the eigenvector, eigenvalue and eigenbasis"),
    ("KL, ELBO, LoRA, einsum", "K L, elbow, Lora, einsum"),
    ("Adam, AdaGrad, RMSProp", "Adam, ada grad, R M S prop"),
    ("ReLU, GELU, tanh", "ray loo, gee loo, tanch"),
    ("MLE, MAP", "M L E, map"),
    ("PCA, SVD, t-SNE, UMAP", "P C eh, S V D, tee snee, you map"),
    ("GNN, GCN, DDPM, VAE, GAN, MCMC, SGD", "G N N, G C N, D D P M, V eh E, gan, M C M C, S G D"),
    ("NumPy, PyTorch, sklearn", "num pie, pie torch, S K learn"),
    ("softmax, argmax, logsumexp", "softmax, arg max, log sum exp"),
    ("VAEs", "V eh E's"),
    ("RMSProp's scaling and PCA's axes", "R M S prop's scaling and P C eh's axes"),
    ("the product AB", "the product eh B"),
    ("xi", "zai"),
    # the letter A against the article
    ("Apply A, and the grid moves.", "Apply eh, and the grid moves."),
    ("A lies with the grain.", "eh lies with the grain."),
    ("A single neuron.", "A single neuron."),
    ("In symbols: A times v.", "In symbols: eh times v."),
    ("Scale by a and b.", "Scale by eh and b."),
]


@pytest.mark.parametrize("text, expected", DISPLAY)
def test_display(text, expected):
    assert display(text) == expected


@pytest.mark.parametrize("text, expected", SPOKEN)
def test_spoken(text, expected):
    result = spoken(text)
    assert result == expected
    assert SPOKEN_ALPHABET.fullmatch(result)


@pytest.mark.parametrize("text, _", DISPLAY)
def test_display_is_idempotent(text, _):
    assert display(display(text)) == display(text)


def test_the_lessons_07_and_18_half_is_spoken_and_shown_right():
    question = r"For $f(x) = \tfrac12 x^T A x$, find $\kappa$."
    assert display(question) == "For f(x) = ½ xᵀ A x, find κ."
    assert spoken(question) == "For f of x equals one half x transpose eh x, find kappa."
    assert "tfrac" not in spoken(r"$\tfrac12(\sigma^2 + \mu^2 - 1)$")


def test_an_unknown_symbol_is_named_not_dropped():
    assert spoken("x ⊞ y") == "x squared plus y"
