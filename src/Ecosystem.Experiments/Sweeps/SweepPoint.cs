namespace Ecosystem.Experiments.Sweeps;

/// <summary>One point of a sweep's grid: a value index per axis.</summary>
/// <param name="Index">Position in the grid (last axis varies fastest).</param>
/// <param name="Labels">Display label of the point's value on each axis, by axis name, in axis order.</param>
public sealed record SweepPoint(int Index, IReadOnlyList<KeyValuePair<string, string>> Labels)
{
    /// <summary>"adoption=0.5, paraphrase=0.2".</summary>
    public string Label => string.Join(", ", Labels.Select(l => $"{l.Key}={l.Value}"));

    /// <summary>A folder-name-safe form of the point: "adoption-0.5_paraphrase-0.2".</summary>
    public string Slug => string.Join("_", Labels.Select(l => $"{Safe(l.Key)}-{Safe(l.Value)}"));

    private static string Safe(string text)
    {
        var safe = string.Concat(text.Replace("%", "pct", StringComparison.Ordinal)
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')).Trim('_');
        return safe.Length == 0 ? "_" : safe;
    }
}
