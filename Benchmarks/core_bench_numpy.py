"""numpy counterpart of core-bench: training-time batch normalization on a
256 x 1024 batch of float64, forward with intermediates and backward with the
compact formula, median over repeated runs.
Prints one line per pass: <name> <median milliseconds> <million elements per second>."""
import time
import numpy as np

ROWS, FEATURES, REPEATS, WARMUP, EPS = 256, 1024, 51, 5, 1e-5
rng = np.random.default_rng(2015)
x = rng.normal(3.0, 2.0, size=(ROWS, FEATURES))
dy = rng.normal(0.0, 1.0, size=(ROWS, FEATURES))
gamma = 1 + (np.arange(FEATURES) % 7) / 10
beta = (np.arange(FEATURES) % 5) / 10


def forward(x):
    mu = x.mean(axis=0)
    xc = x - mu
    var = (xc * xc).mean(axis=0)
    inv = 1.0 / np.sqrt(var + EPS)
    xhat = xc * inv
    out = gamma * xhat + beta
    return mu, xc, var, inv, xhat, out


def backward(dy, xhat, inv):
    m = dy.shape[0]
    dbeta = dy.sum(axis=0)
    dgamma = (dy * xhat).sum(axis=0)
    dx = (gamma * inv / m) * (m * dy - dbeta - xhat * dgamma)
    return dx, dgamma, dbeta


f_times, b_times = [], []
for run in range(WARMUP + REPEATS):
    t0 = time.perf_counter()
    mu, xc, var, inv, xhat, out = forward(x)
    t1 = time.perf_counter()
    dx, dgamma, dbeta = backward(dy, xhat, inv)
    t2 = time.perf_counter()
    if run >= WARMUP:
        f_times.append((t1 - t0) * 1e3)
        b_times.append((t2 - t1) * 1e3)

elements = ROWS * FEATURES
for name, times in (("forward", f_times), ("backward", b_times)):
    ms = float(np.median(times))
    print(f"{name} {ms:.3f} {elements / (ms * 1e-3) / 1e6:.3f}")
