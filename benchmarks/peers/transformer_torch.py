"""PyTorch peer of the transformer benchmark: the same decoder as src/Ecosystem.Models.Transformer (pre-norm blocks,
rotary attention, tied output layer, AdamW with gradient clipping, a sliding key/value cache when generating), the
same batch, sequence length and thread count. Prints one JSON object of throughputs."""
import argparse
import json
import math
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
    def __init__(self, width, heads, context, dropout):
        super().__init__()
        self.qkv = nn.Linear(width, 3 * width)
        self.proj = nn.Linear(width, width)
        self.drop = nn.Dropout(dropout)
        self.attention_dropout = dropout
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
        scores = q @ k.transpose(-1, -2) / math.sqrt(head)
        if time_ > 1:
            keys = k.shape[2]
            mask = torch.ones(time_, keys, dtype=torch.bool).tril(keys - time_)
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = F.dropout(scores.softmax(-1), self.attention_dropout, self.training)
        y = (weights @ v).transpose(1, 2).contiguous().view(batch, time_, self.width)
        return self.drop(self.proj(y))


class Block(nn.Module):
    def __init__(self, width, heads, context, dropout):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(width), nn.LayerNorm(width)
        self.attention = Attention(width, heads, context, dropout)
        self.mlp = nn.Sequential(nn.Linear(width, 4 * width), nn.GELU(), nn.Linear(4 * width, width), nn.Dropout(dropout))

    def forward(self, x, cos, sin, cache=None):
        x = x + self.attention(self.ln1(x), cos, sin, cache)
        return x + self.mlp(self.ln2(x))


class Decoder(nn.Module):
    def __init__(self, vocabulary, layers, heads, width, context, dropout):
        super().__init__()
        self.tokens = nn.Embedding(vocabulary, width)
        self.blocks = nn.ModuleList([Block(width, heads, context, dropout) for _ in range(layers)])
        self.norm = nn.LayerNorm(width)
        self.drop = nn.Dropout(dropout)
        self.head = width // heads

    def forward(self, tokens, start=0, caches=None):
        cos, sin = rotary(start, tokens.shape[1], self.head)
        x = self.drop(self.tokens(tokens))
        for i, block in enumerate(self.blocks):
            x = block(x, cos, sin, None if caches is None else caches[i])
        return self.norm(x) @ self.tokens.weight.t()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    for name, default in [("vocabulary", 8000), ("layers", 2), ("heads", 4), ("width", 128), ("context", 64),
                          ("batch", 32), ("steps", 20), ("prompts", 64), ("length", 64), ("score-documents", 256),
                          ("threads", 2), ("seed", 1)]:
        parser.add_argument("--" + name, type=int, default=default)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    model = Decoder(args.vocabulary, args.layers, args.heads, args.width, args.context, 0.1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.95), weight_decay=0.1)
    data = torch.randint(2, args.vocabulary, (args.steps * args.batch, args.context + 1))

    model.train()
    started = time.perf_counter()
    for step in range(args.steps):
        block = data[step * args.batch:(step + 1) * args.batch]
        logits = model(block[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, args.vocabulary), block[:, 1:].reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
    training = args.steps * args.batch * args.context / (time.perf_counter() - started)

    model.eval()
    with torch.no_grad():
        documents = data[:args.score_documents]
        started = time.perf_counter()
        for i in range(0, len(documents), 64):
            block = documents[i:i + 64]
            F.log_softmax(model(block[:, :-1]), -1).gather(2, block[:, 1:].unsqueeze(2))
        scoring = len(documents) * args.context / (time.perf_counter() - started)

        prompts = data[:args.prompts, :args.context]
        caches = [{} for _ in range(args.layers)]
        started = time.perf_counter()
        logits = model(prompts, 0, caches)[:, -1]
        position = prompts.shape[1]
        for step in range(args.length):
            token = torch.multinomial(logits.softmax(-1), 1)
            if step < args.length - 1:
                logits = model(token, position, caches)[:, -1]
                position += 1
        generation = args.prompts * args.length / (time.perf_counter() - started)

    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(),
                      "training_tokens_per_second": training, "scoring_tokens_per_second": scoring,
                      "generation_tokens_per_second": generation}))


if __name__ == "__main__":
    main()
