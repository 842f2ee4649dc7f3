using TorchSharp;
using static TorchSharp.torch;

namespace Ecosystem.Models.Transformer;

/// <summary>Generates continuations with a sliding key/value cache, by ancestral sampling (temperature, nucleus) or by
/// beam search.</summary>
/// <remarks>Each continuation draws from its own generator seeded up front, so results do not depend on how prompts
/// are batched. The begin and unknown symbols are never generated.</remarks>
internal static class TokenGenerator
{
    private const int SamplingBatch = 256;

    // The alpha of the candidates' sum, held for the life of the process: TorchSharp turns an implicit scalar operand
    // into a finalizable object that the collector may free while the native call still reads it, which failed the
    // sum once ("toFloat") in a trial with 1,020 rows a step.
    private static readonly Scalar One = 1;

    public static int[][] Generate(GptDecoder model, ContinuationRequest request, Device device, Random random, CancellationToken cancellationToken)
    {
        var seeds = request.Prompts.Select(_ => random.NextInt64()).ToArray();
        var results = new int[request.Prompts.Count][];
        var context = model.Settings.Context;

        // Batches hold prompts of one window length so every row advances in step.
        var byLength = Enumerable.Range(0, request.Prompts.Count).GroupBy(i => Math.Min(context, request.Prompts[i].Length));
        var batchSize = Math.Max(1, SamplingBatch / Math.Max(1, request.Beams));
        using var _ = torch.no_grad();
        model.eval();
        foreach (var group in byLength)
        {
            foreach (var chunk in group.Chunk(batchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var windows = chunk.Select(i => request.Prompts[i][^Math.Min(context, request.Prompts[i].Length)..]).ToArray();
                var outputs = request.Beams > 1
                    ? BeamSearch(model, windows, request, request.BeamSampling ? chunk.Select(i => seeds[i]).ToArray() : null, device, cancellationToken)
                    : Sample(model, windows, request, chunk.Select(i => new Random(unchecked((int)(seeds[i] ^ (seeds[i] >> 32))))).ToArray(), device, cancellationToken);
                for (var k = 0; k < chunk.Length; k++)
                {
                    results[chunk[k]] = outputs[k];
                }
            }
        }

        return results;
    }

    private static int[][] Sample(GptDecoder model, int[][] windows, ContinuationRequest request, Random[] generators, Device device, CancellationToken cancellationToken)
    {
        var rows = windows.Length;
        var outputs = windows.Select(_ => new int[request.Length]).ToArray();
        var caches = Caches(model);
        var green = request.Watermark is { } watermark ? new GreenListBias(watermark, request.Vocabulary!) : null;
        var previous = windows.Select(w => green?.SourceOf(w[^1]) ?? 0).ToArray();
        var repetition = request.TracksHistory ? new RepetitionControl(windows, request.NoRepeatNgramSize, request.RepetitionPenalty) : null;
        try
        {
            var next = Tensor(windows, device);
            long position = 0;
            for (var t = 0; t < request.Length; t++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                float[] probabilities;
                long[]? order = null;
                using (var scope = torch.NewDisposeScope())
                {
                    var logits = model.Step(next, position, caches);
                    position += next.shape[1];
                    Forbid(logits);
                    repetition?.Apply(logits);
                    var tempered = logits / request.Temperature;
                    if (green is not null)
                    {
                        var bias = previous.SelectMany(green.After).ToArray();
                        tempered = tempered + torch.tensor(bias, [rows, model.VocabularySize], device: device);
                    }

                    var p = nn.functional.softmax(tempered, -1);
                    if (request.TopP < 1)
                    {
                        var (sorted, indices) = p.sort(-1, descending: true);
                        var cumulative = sorted.cumsum(-1);
                        // Keep the smallest prefix whose mass reaches top-p: a token stays if the mass before it is below top-p.
                        sorted = sorted.masked_fill((cumulative - sorted).ge(request.TopP), 0);
                        p = sorted;
                        order = indices.cpu().data<long>().ToArray();
                    }

                    probabilities = p.cpu().data<float>().ToArray();
                }

                var vocabulary = model.VocabularySize;
                var chosen = new long[rows];
                for (var r = 0; r < rows; r++)
                {
                    var row = probabilities.AsSpan(r * vocabulary, vocabulary);
                    var index = CategoricalSampler.Draw(row, generators[r]);
                    chosen[r] = order is null ? index : order[r * vocabulary + index];
                    outputs[r][t] = (int)chosen[r];
                    if (green is not null)
                    {
                        previous[r] = green.SourceOf(outputs[r][t]);
                    }
                }

                repetition?.Append(chosen);
                next.Dispose();
                next = torch.tensor(chosen, [rows, 1], device: device);
            }

            next.Dispose();
        }
        finally
        {
            foreach (var cache in caches)
            {
                cache.Dispose();
            }
        }

        return outputs;
    }

    /// <summary>Beam search over log-probabilities (Shumailov et al. generate with 5 beams); returns the best beam. With
    /// <paramref name="seeds"/> (one per prompt), the beams are drawn at every step instead of taken best first: Hugging
    /// Face's beam-search multinomial sampling (<c>do_sample</c> with <c>num_beams</c>).</summary>
    /// <remarks>The draw of a prompt's beams is a sample without replacement from the softmax of its candidates' scores
    /// over the temperature (<see cref="BeamDraw"/>), from a generator of the prompt's own, so the result does not depend
    /// on how prompts are batched. The drawn candidates are ranked by their scores.</remarks>
    private static int[][] BeamSearch(GptDecoder model, int[][] windows, ContinuationRequest request, long[]? seeds, Device device, CancellationToken cancellationToken)
    {
        var generators = seeds?.Select(s => new Random(unchecked((int)(s ^ (s >> 32))))).ToArray();
        var (length, beams) = (request.Length, request.Beams);
        var prompts = windows.Length;
        var vocabulary = model.VocabularySize;
        var caches = Caches(model);
        try
        {
            using var outer = torch.NewDisposeScope();
            var expanded = windows.SelectMany(w => Enumerable.Repeat(w, beams)).ToArray();
            var repetition = request.TracksHistory ? new RepetitionControl(expanded, request.NoRepeatNgramSize, request.RepetitionPenalty) : null;

            // Every beam of a prompt starts from the same window: the prompt pass runs once per prompt, and its caches
            // and next-token logits are copied to the prompt's beams.
            var beamOf = new long[prompts * beams];
            for (var i = 0; i < beamOf.Length; i++)
            {
                beamOf[i] = i / beams;
            }

            Tensor? promptLogits;
            using (var promptScope = torch.NewDisposeScope())
            {
                var expand = torch.tensor(beamOf, device: device);
                promptLogits = model.Step(Tensor(windows, device), 0, caches).index_select(0, expand).MoveToOuterDisposeScope();
                foreach (var cache in caches)
                {
                    cache.Reorder(expand);
                }
            }

            Tensor? next = null;
            long position = windows[0].Length;
            // Only the first beam of each prompt is live at the start, so the first step does not pick duplicates.
            var initial = new float[prompts * beams];
            for (var i = 0; i < initial.Length; i++)
            {
                initial[i] = i % beams == 0 ? 0 : float.NegativeInfinity;
            }

            var scores = torch.tensor(initial, [prompts, beams], device: device);
            var history = torch.empty([prompts * beams, 0], dtype: ScalarType.Int64, device: device);
            for (var t = 0; t < length; t++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var step = torch.NewDisposeScope();
                Tensor logits;
                if (promptLogits is not null)
                {
                    logits = promptLogits;
                    promptLogits = null;
                }
                else
                {
                    logits = model.Step(next!, position, caches);
                    position += next!.shape[1];
                }

                Forbid(logits);
                var logProbabilities = nn.functional.log_softmax(logits, -1);
                repetition?.Apply(logProbabilities);
                var candidates = logProbabilities.view(prompts, beams, vocabulary).add(scores.unsqueeze(2), One);
                var flatCandidates = candidates.view(prompts, beams * vocabulary);
                Tensor best, flat;
                if (generators is null)
                {
                    (best, flat) = flatCandidates.topk(beams, -1);
                }
                else
                {
                    var drawn = torch.tensor(BeamDraw.Draw(flatCandidates, request.Temperature, beams, generators), [prompts, beams], device: device);
                    var drawnScores = flatCandidates.gather(1, drawn);
                    var (sorted, order) = drawnScores.sort(-1, descending: true);
                    (best, flat) = (sorted, drawn.gather(1, order));
                }

                // The bookkeeping of 5 ids per prompt is done in managed arrays, not with libtorch's integer arithmetic:
                // TorchSharp wraps each implicit scalar operand (the divisor, the alpha of an add) in a finalizable
                // object that the collector may free while the native call still reads it, and an integer operation
                // then fails on the garbage ("toLong"), as a run of nature-protocol did once at its fifth tick.
                var flatIds = flat.cpu().data<long>().ToArray();
                var rowIds = new long[flatIds.Length];
                var tokenIds = new long[flatIds.Length];
                for (var i = 0; i < flatIds.Length; i++)
                {
                    rowIds[i] = i / beams * beams + flatIds[i] / vocabulary;
                    tokenIds[i] = flatIds[i] % vocabulary;
                }

                var rows = torch.tensor(rowIds, device: device);
                var token = torch.tensor(tokenIds, [prompts, beams], device: device);
                repetition?.Reorder(rowIds, tokenIds);
                foreach (var cache in caches)
                {
                    cache.Reorder(rows);
                }

                history = torch.cat([history.index_select(0, rows), token.view(-1, 1)], 1).MoveToOuterDisposeScope();
                scores = best.MoveToOuterDisposeScope();
                next = token.view(-1, 1).MoveToOuterDisposeScope();
            }

            // topk sorts beams best first: beam 0 of every prompt is its best continuation.
            var chosen = history.view(prompts, beams, length).select(1, 0).cpu().data<long>().ToArray();
            return Enumerable.Range(0, prompts).Select(p => chosen.AsSpan(p * length, length).ToArray().Select(v => (int)v).ToArray()).ToArray();
        }
        finally
        {
            foreach (var cache in caches)
            {
                cache.Dispose();
            }
        }
    }

    private static LayerCache[] Caches(GptDecoder model) => Enumerable.Range(0, model.Settings.Layers).Select(_ => new LayerCache()).ToArray();

    private static Tensor Tensor(int[][] windows, Device device)
    {
        var width = windows[0].Length;
        var data = new long[windows.Length * width];
        for (var r = 0; r < windows.Length; r++)
        {
            for (var c = 0; c < width; c++)
            {
                data[r * width + c] = windows[r][c];
            }
        }

        return torch.tensor(data, [windows.Length, width], device: device);
    }

    private static void Forbid(Tensor logits) => logits.narrow(1, 0, 2).fill_(float.NegativeInfinity);
}
