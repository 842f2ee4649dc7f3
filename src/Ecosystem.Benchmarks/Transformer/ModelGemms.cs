namespace Ecosystem.Benchmarks.Transformer;

/// <summary>The matrix products the benchmark decoder performs in each workload, with their shapes and layouts, so
/// the rate of the very same products can be measured on their own.</summary>
public static class ModelGemms
{
    private const string OutputLayer = "output layer (tied)";

    /// <summary>One optimiser step over batch × context rows: every weight's forward product (X·Wᵀ), input gradient
    /// (dY·W) and weight gradient (dYᵀ·X).</summary>
    public static IReadOnlyList<GemmWork> Training(TransformerShape shape, int vocabulary)
    {
        long rows = shape.Batch * shape.Context;
        var work = new List<GemmWork>();
        foreach (var (part, inputs, outputs, calls) in Weights(shape, vocabulary))
        {
            work.Add(new GemmWork($"{part} forward", new GemmShape(rows, inputs, outputs, GemmLayout.NT), calls));
            work.Add(new GemmWork($"{part} input gradient", new GemmShape(rows, outputs, inputs, GemmLayout.NN), calls));
            work.Add(new GemmWork($"{part} weight gradient", new GemmShape(outputs, rows, inputs, GemmLayout.TN), calls));
        }

        return work;
    }

    /// <summary>One scoring batch of <paramref name="documents"/> windows of a full context: forward products only.</summary>
    public static IReadOnlyList<GemmWork> Scoring(TransformerShape shape, int vocabulary, int documents)
    {
        long rows = documents * shape.Context;
        return Weights(shape, vocabulary)
            .Select(w => new GemmWork($"{w.Part} forward", new GemmShape(rows, w.Inputs, w.Outputs, GemmLayout.NT), w.Calls))
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
