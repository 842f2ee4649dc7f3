"""PyTorch peer of the transformer benchmark: the same decoder as src/Ecosystem.Models.Transformer (pre-norm blocks,
rotary attention, tied output layer, AdamW with gradient clipping, a sliding key/value cache when generating), the
same batch, sequence length and thread count. Prints one JSON object.

With --probe it only says which BLAS library the process really runs its float32 matrix products on and measures
their rate at the shapes given by --gemm (the benchmark refuses a peer on the reference BLAS before timing the model).
Without it, it times training, scoring and generation, and names the BLAS again."""
import argparse
import ctypes
import ctypes.util
import json
import math
import os
import re
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def rotary(start, count, head_size):
    inverse = torch.pow(10000.0, -torch.arange(0, head_size, 2, dtype=torch.float32) / head_size)
    angles = torch.outer(torch.arange(start, start + count, dtype=torch.float32), inverse)
    return angles.cos(), angles.sin()


def rotate(x, cos, sin):
    half = x.shape[-1] // 2
    first, second = x[..., :half], x[..., half:]
    return torch.cat([first * cos - second * sin, first * sin + second * cos], -1)


class Attention(nn.Module):
    def __init__(self, width, heads, context, dropout, attention_dropout):
        super().__init__()
        self.qkv = nn.Linear(width, 3 * width)
        self.proj = nn.Linear(width, width)
        self.drop = nn.Dropout(dropout)
        self.attention_dropout = attention_dropout
        self.heads, self.width, self.context = heads, width, context

    def forward(self, x, cos, sin, cache=None):
        batch, time_, _ = x.shape
        head = self.width // self.heads
        q, k, v = self.qkv(x).view(batch, time_, 3, self.heads, head).permute(2, 0, 3, 1, 4)
        q, k = rotate(q, cos, sin), rotate(k, cos, sin)
        if cache is not None:
            if "k" in cache:
                k = torch.cat([cache["k"], k], 2)
                v = torch.cat([cache["v"], v], 2)
            k, v = k[:, :, -self.context:], v[:, :, -self.context:]
            cache["k"], cache["v"] = k, v
        # PyTorch 1.13 has no scaled_dot_product_attention: the same computation, written out.
        scores = q @ k.transpose(-1, -2) / math.sqrt(head)
        if time_ > 1:
            keys = k.shape[2]
            mask = torch.ones(time_, keys, dtype=torch.bool).tril(keys - time_)
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = F.dropout(scores.softmax(-1), self.attention_dropout, self.training)
        y = (weights @ v).transpose(1, 2).contiguous().view(batch, time_, self.width)
        return self.drop(self.proj(y))


class Block(nn.Module):
    def __init__(self, width, heads, context, dropout, attention_dropout):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(width), nn.LayerNorm(width)
        self.attention = Attention(width, heads, context, dropout, attention_dropout)
        self.mlp = nn.Sequential(nn.Linear(width, 4 * width), nn.GELU(), nn.Linear(4 * width, width), nn.Dropout(dropout))

    def forward(self, x, cos, sin, cache=None):
        x = x + self.attention(self.ln1(x), cos, sin, cache)
        return x + self.mlp(self.ln2(x))


class Decoder(nn.Module):
    def __init__(self, vocabulary, layers, heads, width, context, dropout, attention_dropout):
        super().__init__()
        self.tokens = nn.Embedding(vocabulary, width)
        self.blocks = nn.ModuleList([Block(width, heads, context, dropout, attention_dropout) for _ in range(layers)])
        self.norm = nn.LayerNorm(width)
        self.drop = nn.Dropout(dropout)
        self.head = width // heads

    def forward(self, tokens, start=0, caches=None, last_only=False):
        cos, sin = rotary(start, tokens.shape[1], self.head)
        x = self.drop(self.tokens(tokens))
        for i, block in enumerate(self.blocks):
            x = block(x, cos, sin, None if caches is None else caches[i])
        x = self.norm(x)
        # Generation needs the next token's logits only, as the TorchSharp decoder's Step computes them.
        if last_only:
            x = x[:, -1]
        return x @ self.tokens.weight.t()


class DlInfo(ctypes.Structure):
    _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p),
                ("dli_sname", ctypes.c_char_p), ("dli_saddr", ctypes.c_void_p)]


def mapped_files():
    with open("/proc/self/maps") as maps:
        return sorted({line.split()[-1] for line in maps if "/" in line})


def short(path):
    """A library's folder and file name ("openblas-pthread/libblas.so.3"): enough to tell the alternatives apart."""
    return os.path.join(os.path.basename(os.path.dirname(path)), os.path.basename(path)) if path else ""


def blas_kind(path):
    name = path.lower()
    for marker, kind in [("openblas", "OpenBLAS"), ("blis", "BLIS"), ("mkl", "MKL"), ("atlas", "ATLAS")]:
        if marker in name:
            return kind
    # Debian's reference implementation lives in .../blas/libblas.so.3 (Netlib BLAS, no blocking, one thread).
    if "/blas/libblas" in name:
        return "reference"
    return "unknown"


def sgemm_provider():
    """The shared object that libtorch's calls of sgemm_ resolve to: dlsym on libtorch_cpu's handle searches it and
    its dependencies in load order, as the dynamic linker did when it bound the call."""
    torch_cpu = next((p for p in mapped_files() if os.path.basename(p).startswith("libtorch_cpu")), None)
    if torch_cpu is None:
        return None
    try:
        address = ctypes.cast(ctypes.CDLL(torch_cpu).sgemm_, ctypes.c_void_p).value
    except AttributeError:
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    info = DlInfo()
    if libc.dladdr(ctypes.c_void_p(address), ctypes.byref(info)) == 0 or not info.dli_fname:
        return None
    return os.path.realpath(info.dli_fname.decode())


def openblas_details(files):
    core = next((p for p in files if os.path.basename(p).startswith("libopenblas")), None)
    if core is None:
        return {}
    library = ctypes.CDLL(core)
    library.openblas_get_config.restype = ctypes.c_char_p
    library.openblas_get_corename.restype = ctypes.c_char_p
    return {"config": library.openblas_get_config().decode(), "core": library.openblas_get_corename().decode(),
            "threads": library.openblas_get_num_threads(), "core_library": short(core)}


def blas_identity():
    # Bind and run sgemm first: only then is the library that serves it certainly loaded and resolved.
    a = torch.randn(256, 256)
    a @ a
    files = mapped_files()
    provider = sgemm_provider()
    loaded = [p for p in files if any(m in os.path.basename(p) for m in ("blas", "blis", "mkl", "atlas"))]
    kind = blas_kind(provider) if provider else (blas_kind(loaded[0]) if loaded else "unknown")
    identity = {"kind": kind, "library": short(provider or (loaded[0] if loaded else "")), "loaded": [short(p) for p in loaded],
                "build": next(iter(re.findall(r"BLAS_INFO=(\w+)", torch.__config__.show())), "")}
    alternative = "/etc/alternatives/libblas.so.3-x86_64-linux-gnu"
    if os.path.exists(alternative):
        identity["alternative"] = short(os.path.realpath(alternative))
    if kind == "OpenBLAS":
        identity.update(openblas_details(files))
    return identity


def gemm_operands(rows, inner, columns, layout):
    if layout == "nt":  # x @ W^T with W stored [columns, inner]: a linear layer's forward
        return torch.randn(rows, inner), torch.randn(columns, inner).t()
    if layout == "tn":  # X^T @ G with X stored [inner, rows]: a weight gradient
        return torch.randn(inner, rows).t(), torch.randn(inner, columns)
    return torch.randn(rows, inner), torch.randn(inner, columns)


def gemm_rate(rows, inner, columns, layout, minimum_seconds):
    a, b = gemm_operands(rows, inner, columns, layout)
    torch.mm(a, b)
    seconds, cpu_seconds = [], 0.0
    while len(seconds) < 3 or sum(seconds) < minimum_seconds:
        cpu, started = time.process_time(), time.perf_counter()
        torch.mm(a, b)
        seconds.append(time.perf_counter() - started)
        cpu_seconds += time.process_time() - cpu
    return {"rows": rows, "inner": inner, "columns": columns, "layout": layout,
            "gflops": 2.0 * rows * inner * columns / statistics.median(seconds) / 1e9,
            "cores_busy": cpu_seconds / sum(seconds)}


def probe(args):
    shapes = [item.split(":") for item in args.gemm.split(",") if item]
    rates = [gemm_rate(*(int(v) for v in dims.split("x")), layout, args.gemm_seconds) for dims, layout in shapes]
    return {"gemm": rates, "square": gemm_rate(1024, 1024, 1024, "nn", args.gemm_seconds)}


def generate(model, prompts, layers, length):
    """Samples length tokens after the prompts: one prompt pass, then one token at a time against the cache."""
    caches = [{} for _ in range(layers)]
    logits = model(prompts, 0, caches, last_only=True)
    position = prompts.shape[1]
    for step in range(length):
        token = torch.multinomial(logits.softmax(-1), 1)
        if step < length - 1:
            logits = model(token, position, caches, last_only=True)
            position += 1


def workload(args):
    torch.manual_seed(args.seed)
    # The simulator's defaults: dropout 0.1 on embeddings and residual branches, none on attention weights.
    model = Decoder(args.vocabulary, args.layers, args.heads, args.width, args.context, 0.1, 0.0)
    # As the TorchSharp trainer does: weight decay on matrices only.
    decayed = [p for p in model.parameters() if p.dim() >= 2]
    undecayed = [p for p in model.parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decayed, "weight_decay": 0.1}, {"params": undecayed, "weight_decay": 0.0}],
                                  lr=1e-3, betas=(0.9, 0.95), eps=1e-8)
    data = torch.randint(2, args.vocabulary, (args.steps * args.batch, args.context + 1))

    model.train()
    cpu, started = time.process_time(), time.perf_counter()
    steady_from = None
    for step in range(args.steps):
        if step == args.warmup_steps:
            steady_cpu, steady_from = time.process_time(), time.perf_counter()
        block = data[step * args.batch:(step + 1) * args.batch]
        logits = model(block[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, args.vocabulary), block[:, 1:].reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
    ended = time.perf_counter()
    if steady_from is None:
        steady_cpu, steady_from = cpu, started
    cores_busy = (time.process_time() - steady_cpu) / (ended - steady_from)
    tokens_per_step = args.batch * args.context
    training_all = args.steps * tokens_per_step / (ended - started)
    steady_steps = args.steps - args.warmup_steps if args.steps > args.warmup_steps else args.steps
    training = steady_steps * tokens_per_step / (ended - steady_from)

    model.eval()
    with torch.no_grad():
        documents = data[:args.score_documents]
        # One untimed batch first, as the TorchSharp side does: the first pass at new shapes allocates.
        F.log_softmax(model(documents[:64, :-1]), -1)
        started = time.perf_counter()
        for i in range(0, len(documents), 64):
            block = documents[i:i + 64]
            F.log_softmax(model(block[:, :-1]), -1).gather(2, block[:, 1:].unsqueeze(2))
        scoring = len(documents) * args.context / (time.perf_counter() - started)

        prompts = data[:args.prompts, :args.context]
        generate(model, prompts, args.layers, 4)
        started = time.perf_counter()
        generate(model, prompts, args.layers, args.length)
        generation = args.prompts * args.length / (time.perf_counter() - started)

    return {"training_tokens_per_second": training, "training_tokens_per_second_with_warmup": training_all,
            "training_cores_busy": cores_busy,
            "scoring_tokens_per_second": scoring, "generation_tokens_per_second": generation}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    for name, default in [("vocabulary", 8000), ("layers", 2), ("heads", 4), ("width", 128), ("context", 64),
                          ("batch", 32), ("steps", 20), ("warmup-steps", 20), ("prompts", 64), ("length", 64),
                          ("score-documents", 256), ("threads", 2), ("seed", 1)]:
        parser.add_argument("--" + name, type=int, default=default)
    parser.add_argument("--probe", action="store_true", help="name the BLAS and measure GEMM rates only")
    parser.add_argument("--gemm", default="", help="GEMM shapes to time: ROWSxINNERxCOLUMNS:LAYOUT,... (layout nn, nt or tn)")
    parser.add_argument("--gemm-seconds", type=float, default=0.3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_identity()}
    result.update(probe(args) if args.probe else workload(args))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
