using System.Globalization;

namespace Ecosystem.Benchmarks.NGram;

/// <summary>The token-id files handed to a peer: one document per line, ids separated by spaces.</summary>
public static class TokenFile
{
    /// <summary>Writes <paramref name="documents"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<int[]> documents)
    {
        using var writer = new StreamWriter(path);
        foreach (var document in documents)
        {
            writer.Write(string.Join(' ', document.Select(t => t.ToString(CultureInfo.InvariantCulture))));
            writer.Write('\n');
        }
    }
}
