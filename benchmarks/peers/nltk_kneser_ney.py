#!/usr/bin/env python3
"""NLTK peer of the `ngram` benchmark suite.

Fits nltk.lm.KneserNeyInterpolated to the same GPT-2 token ids as the simulator's n-gram model, times fitting,
held-out scoring and sampling, and prints the measurements as one JSON line on standard output (progress goes to
standard error). The benchmark command (ecosystem-bench) writes
the input files, runs this script with Debian's python3 and python3-nltk, and prints both sides next to each other.

Input files hold one document per line, token ids separated by spaces.

The n-grams are exactly those the simulator counts: every document is padded on the left with order-1
begin-of-sequence symbols, and each real token contributes the 1-, 2-, ..., order-grams that end in it. There is
no right padding and no n-gram that ends in padding (NLTK's padded_everygram_pipeline would add both), so both
models see the same counts.
"""

import argparse
import json
import math
import platform
import random
import sys
import time

import nltk
from nltk.lm import KneserNeyInterpolated

BEGIN = "<s>"


def read_documents(path):
    with open(path, encoding="ascii") as lines:
        return [line.split() for line in lines if line.strip()]


def ngrams_ending_at_each_token(document, order):
    padded = [BEGIN] * (order - 1) + document
    for end in range(order - 1, len(padded)):
        for n in range(1, order + 1):
            yield tuple(padded[end - n + 1:end + 1])


def fit(documents, order, discount):
    model = KneserNeyInterpolated(order, discount=discount)
    text = [list(ngrams_ending_at_each_token(d, order)) for d in documents]
    # The begin symbol must be in the vocabulary, or padded contexts would be looked up as <UNK>.
    vocabulary = [BEGIN] + [token for d in documents for token in d]
    model.fit(text, vocabulary_text=vocabulary)
    return model


def history(context, order):
    return tuple(context[len(context) - (order - 1):])


def score(model, documents, order):
    probabilities = []
    for document in documents:
        context = [BEGIN] * (order - 1)
        for token in document:
            probabilities.append(model.score(token, history(context, order)))
            context.append(token)
    return probabilities


def unigram_weights(model, documents, order, limit):
    """For the first `limit` held-out tokens: the product of the interpolation weights (gammas) above the unigram
    level, and the token's continuation count N1+(. w). Mirrors InterpolatedLanguageModel.unmasked_score, which
    computes P(w|h) = alpha_n + gamma_n (alpha_{n-1} + gamma_{n-1} (... P_1(w))) with gamma = 1 for an unseen
    context. With these the benchmark can tell whether the two models differ anywhere but the unigram level."""
    weights, continuations = [], []
    for document in documents:
        context = [BEGIN] * (order - 1)
        for token in document:
            if len(weights) == limit:
                return weights, continuations
            word = model.vocab.lookup(token)
            h = model.vocab.lookup(history(context, order))
            weight = 1.0
            while h:
                if model.counts[h]:
                    weight *= model.estimator.alpha_gamma(word, h)[1]
                h = h[1:]
            weights.append(weight)
            continuations.append(model.estimator._continuation_counts(word)[0])
            context.append(token)
    return weights, continuations


def bigram_and_unigram_types(model):
    bigram_types = 0
    followers = set()
    for counts in model.counts[2].values():
        seen = [w for w, c in counts.items() if c > 0]
        bigram_types += len(seen)
        followers.update(seen)
    return bigram_types, len(followers)


def sample(model, order, document_length, seconds, max_tokens, seed):
    """Draws documents of `document_length` tokens with LanguageModel.generate, one token per call (what
    generate(num_words) does internally), until `max_tokens` tokens or `seconds` have passed."""
    random_generator = random.Random(seed)
    drawn = 0
    start = time.perf_counter()
    while drawn < max_tokens and time.perf_counter() - start < seconds:
        context = [BEGIN] * (order - 1)
        for _ in range(document_length):
            context.append(model.generate(1, text_seed=history(context, order), random_seed=random_generator))
            drawn += 1
            if drawn >= max_tokens or time.perf_counter() - start >= seconds:
                break
    return drawn, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", required=True, help="training documents, one per line")
    parser.add_argument("--heldout", required=True, help="held-out documents to score, one per line")
    parser.add_argument("--order", type=int, default=3)
    parser.add_argument("--discount", type=float, default=0.75)
    parser.add_argument("--decompose-tokens", type=int, default=512,
                        help="held-out tokens whose interpolation weights are reported (not timed)")
    parser.add_argument("--document-length", type=int, default=128, help="tokens per sampled document")
    parser.add_argument("--sample-seconds", type=float, default=20.0)
    parser.add_argument("--sample-max-tokens", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    train = read_documents(args.train)
    heldout = read_documents(args.heldout)

    start = time.perf_counter()
    model = fit(train, args.order, args.discount)
    fit_seconds = time.perf_counter() - start

    start = time.perf_counter()
    probabilities = score(model, heldout, args.order)
    score_seconds = time.perf_counter() - start

    sampled_tokens, sample_seconds = sample(
        model, args.order, args.document_length, args.sample_seconds, args.sample_max_tokens, args.seed)

    weights, continuations = unigram_weights(model, heldout, args.order, args.decompose_tokens)
    bigram_types, unigram_types = bigram_and_unigram_types(model)

    result = {
        "nltk": nltk.__version__,
        "python": platform.python_version(),
        "order": args.order,
        "discount": args.discount,
        "train_tokens": sum(len(d) for d in train),
        "vocabulary_size": len(model.vocab),
        "fit_seconds": fit_seconds,
        "scored_tokens": len(probabilities),
        "score_seconds": score_seconds,
        "probabilities": probabilities,
        "sampled_tokens": sampled_tokens,
        "sample_seconds": sample_seconds,
        "bigram_types": bigram_types,
        "unigram_types": unigram_types,
        "unigram_weights": weights,
        "continuation_counts": continuations,
    }
    zero = sum(1 for p in probabilities if p == 0)
    finite = [math.log(p) for p in probabilities if p > 0]
    print(f"nltk {nltk.__version__}: fit {fit_seconds:.2f} s, scored {len(probabilities)} tokens in {score_seconds:.2f} s "
          f"({zero} with probability 0, perplexity of the rest {math.exp(-sum(finite) / max(len(finite), 1)):.1f}), "
          f"sampled {sampled_tokens} tokens in {sample_seconds:.2f} s", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
