"""NLTK peer of the n-gram benchmark: nltk.lm.KneserNeyInterpolated on the same token ids as the project's n-gram
model (one document per line, ids separated by spaces). Prints one JSON object of timings and the held-out
perplexity."""
import argparse
import json
import math
import random
import time

from nltk.lm import KneserNeyInterpolated
from nltk.lm.preprocessing import padded_everygram_pipeline, pad_both_ends
from nltk.util import ngrams


def read(path):
    with open(path) as lines:
        return [line.split() for line in lines if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--train", required=True)
    parser.add_argument("--heldout", required=True)
    parser.add_argument("--order", type=int, default=3)
    parser.add_argument("--discount", type=float, default=0.75)
    parser.add_argument("--sample-tokens", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    train, heldout = read(args.train), read(args.heldout)

    started = time.perf_counter()
    model = KneserNeyInterpolated(args.order, discount=args.discount)
    grams, vocabulary = padded_everygram_pipeline(args.order, train)
    model.fit(grams, vocabulary)
    fit_seconds = time.perf_counter() - started

    started = time.perf_counter()
    # NLTK's Kneser-Ney gives probability 0 to some held-out tokens (an unseen context above an unseen word), which makes
    # the perplexity infinite; those tokens are counted and the perplexity over the others is reported beside it.
    log_likelihood, tokens, zero = 0.0, 0, 0
    for document in heldout:
        padded = list(pad_both_ends(document, n=args.order))
        for gram in ngrams(padded, args.order):
            if gram[-1] == "</s>":
                continue
            probability = model.score(gram[-1], list(gram[:-1]))
            tokens += 1
            if probability > 0:
                log_likelihood += math.log(probability)
            else:
                zero += 1
    score_seconds = time.perf_counter() - started

    started = time.perf_counter()
    model.generate(args.sample_tokens, random_seed=args.seed)
    sample_seconds = time.perf_counter() - started

    print(json.dumps({
        "train_tokens": sum(len(d) for d in train),
        "heldout_tokens": tokens,
        "vocabulary": len(model.vocab),
        "fit_seconds": fit_seconds,
        "score_tokens_per_second": tokens / score_seconds,
        "sample_tokens_per_second": args.sample_tokens / sample_seconds,
        "zero_probability_tokens": zero,
        "heldout_perplexity_nonzero_tokens": math.exp(-log_likelihood / max(1, tokens - zero)),
    }))


if __name__ == "__main__":
    main()
