"""The course's vocabulary as the voice should say it.

piper phonemises with espeak-ng rules: an all-caps token it cannot say as a
word is spelled, one it can is said ("VAE" came out as "vee", "LU" as "loo",
"PE" as "pee"), and some names and code words come out wrong ("tanh" as
"tan", "xi" as "roman eleven", "logsumexp", "sklearn"). Each respelling here
was checked against espeak-ng's phonemes for the text.
"""

from __future__ import annotations

# case-sensitive: the token as written -> what the voice is given
WORDS = {
    "NumPy": "num pie", "numpy": "num pie", "np": "N P", "PyTorch": "pie torch",
    "torch": "torch", "SymPy": "sim pie", "SciPy": "sigh pie", "sklearn": "S K learn",
    "scikit-learn": "sigh kit learn", "JAX": "jax", "mathcore": "math core",
    "linalg": "lin alg", "eigh": "eig H", "matmul": "mat mul", "einsum": "einsum",
    "logsumexp": "log sum exp", "log-sum-exp": "log sum exp", "argmax": "arg max",
    "argmin": "arg min", "softmax": "softmax", "tanh": "tanch", "sinh": "shine",
    "cosh": "cosh", "sin": "sine", "ln": "natural log", "ReLU": "ray loo", "relu": "ray loo",
    "GELU": "gee loo", "gelu": "gee loo", "LoRA": "Lora", "ELBO": "elbow", "MAP": "map",
    "GAN": "gan", "GANs": "gans", "UMAP": "you map", "NaN": "nan", "NaNs": "nans",
    "ISTA": "ista", "FISTA": "fista", "RMSProp": "R M S prop", "RMSprop": "R M S prop",
    "AdaGrad": "ada grad", "Adagrad": "ada grad", "AdamW": "Adam W", "t-SNE": "tee snee",
    "SNE": "snee", "Dijkstra": "Dykestra", "Dijkstra's": "Dykestra's",
    "Bernoulli": "Bernoolli", "xi": "zai", "Xi": "zai", "Frobenius": "Fro bay nius",
    "lstsq": "least squares", "eigvalsh": "eig vals H",
    "bfloat": "bee float",
}

# acronyms said letter by letter; written out as separate letters for the voice
SPELLED = frozenset("""
    PCA SVD KL MLE KKT QR LU PE VAE DDPM DDIM GNN GCN MCMC SGD MLP MSE RNN CNN LLM GPU CPU
    ML AI DL CDF PDF PMF IID RBF LDA QKV ODE SDE OLS EM GMM HMM BFGS GPT BERT API CLI SRT
    TPU RGB KDE MAE RL LSTM FFT DFT OOD RMS SVC SVM
""".split())

# letters that espeak reads as a word when alone: the voice gets the letter's name
LETTER_NAMES = {"A": "eh", "a": "eh"}

# two-letter words that open a sentence; any other capital+lowercase pair
# ("Ax", "Av") is two maths letters
TWO_LETTER_WORDS = frozenset("""
    Ah Am An As At Be By Do Go He Hi If In Is It Me My No Of Oh Ok On Or So To Up Us We Ye
""".split())
