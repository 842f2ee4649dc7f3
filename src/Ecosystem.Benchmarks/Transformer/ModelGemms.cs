using Ecosystem.Models.Transformer;

namespace Ecosystem.Benchmarks.Transformer;

/// <summary>The matrix products the benchmark decoder performs in each workload, with their shapes and layouts, so
/// the rate of the very same products can be measured on their own.</summary>
public static class ModelGemms
{
    private const string OutputLayer = "output layer (tied)";

    /// <summary>One optimiser step over batch × context rows: every weight's forward product (X·Wᵀ), input gradient
    /// (dY·W) and weight gradient (dYᵀ·X); the output layer's a chunk of rows at a time where
    /// <paramref name="chunked"/> (as the simulator's model takes them), else over all rows (as the peer does).</summary>
    public static IReadOnlyList<GemmWork> Training(TransformerShape shape, int vocabulary, bool chunked = true)
    {
        long rows = shape.Batch * shape.Context;
        var work = new List<GemmWork>();
        foreach (var (part, inputs, outputs, calls) in Weights(shape, vocabulary))
        {
            var (chunk, chunkCalls) = Chunks(part, rows, calls, chunked);
            work.Add(new GemmWork($"{part} forward", new GemmShape(chunk, inputs, outputs, GemmLayout.NT), chunkCalls));
            work.Add(new GemmWork($"{part} input gradient", new GemmShape(chunk, outputs, inputs, GemmLayout.NN), chunkCalls));
            work.Add(new GemmWork($"{part} weight gradient", new GemmShape(outputs, chunk, inputs, GemmLayout.TN), chunkCalls));
        }

        return work;
    }

    /// <summary>One scoring batch of <paramref name="documents"/> windows of a full context: forward products only
    /// (the output layer's chunked as in <see cref="Training"/>).</summary>
    public static IReadOnlyList<GemmWork> Scoring(TransformerShape shape, int vocabulary, int documents, bool chunked = true)
    {
        long rows = documents * shape.Context;
        return Weights(shape, vocabulary)
            .Select(w => (w, Chunks(w.Part, rows, w.Calls, chunked)))
            .Select(p => new GemmWork($"{p.w.Part} forward", new GemmShape(p.Item2.Rows, p.w.Inputs, p.w.Outputs, GemmLayout.NT), p.Item2.Calls))
            .ToList();
    }

    /// <summary>One generation run for <paramref name="prompts"/> prompts: the prompt pass (every position of the
    /// window through the blocks), generated − 1 one-token steps through the blocks, and the output layer once per
    /// generated token for the next token's logits only.</summary>
    public static IReadOnlyList<GemmWork> Generation(TransformerShape shape, int vocabulary, int prompts, int promptLength, int generated)
    {
        long window = Math.Min(promptLength, shape.Context);
        var work = new List<GemmWork>();
        foreach (var (part, inputs, outputs, calls) in Weights(shape, vocabulary).Where(w => w.Part != OutputLayer))
        {
            work.Add(new GemmWork($"{part} prompt pass", new GemmShape(prompts * window, inputs, outputs, GemmLayout.NT), calls));
            work.Add(new GemmWork($"{part} one-token step", new GemmShape(prompts, inputs, outputs, GemmLayout.NT), calls * (generated - 1)));
        }

        work.Add(new GemmWork($"{OutputLayer} next-token logits", new GemmShape(prompts, shape.Width, vocabulary, GemmLayout.NT), generated));
        return work;
    }

    // Training and scoring take the output layer ChunkedOutputLoss.ChunkRows rows at a time (the last chunk may be
    // shorter); every other product takes all rows at once.
    private static (long Rows, double Calls) Chunks(string part, long rows, double calls, bool chunked)
    {
        if (!chunked || part != OutputLayer || rows <= ChunkedOutputLoss.ChunkRows)
        {
            return (rows, calls);
        }

        return (ChunkedOutputLoss.ChunkRows, calls * rows / ChunkedOutputLoss.ChunkRows);
    }

    private static IEnumerable<(string Part, long Inputs, long Outputs, double Calls)> Weights(TransformerShape shape, int vocabulary)
    {
        long width = shape.Width;
        yield return ("query/key/value", width, 3 * width, shape.Layers);
        yield return ("attention output", width, width, shape.Layers);
        yield return ("MLP expand", width, 4 * width, shape.Layers);
        yield return ("MLP contract", 4 * width, width, shape.Layers);
        yield return (OutputLayer, width, vocabulary, 1);
    }
}
