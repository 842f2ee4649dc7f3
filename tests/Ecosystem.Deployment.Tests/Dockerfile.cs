using System.Text.RegularExpressions;

namespace Ecosystem.Deployment.Tests;

/// <summary>One instruction of a Dockerfile: its keyword (upper case) and the rest of its line.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>The arguments split on white space.</summary>
    public string[] Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A Dockerfile read into instructions (continuation lines joined, comments dropped), enough to check what
/// it copies and which stages it builds; no container engine is needed.</summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> instructions) => Instructions = instructions;

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public static Dockerfile Read(string path)
    {
        var logical = Regex.Replace(File.ReadAllText(path), @"\\\r?\n", " ");
        var instructions = logical.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .Select(p => new DockerInstruction(p[0].ToUpperInvariant(), p.Length > 1 ? p[1].Trim() : ""))
            .ToList();
        return new Dockerfile(instructions);
    }

    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    /// <summary>Sources that COPY and ADD take from the build context (not from another stage or image).</summary>
    public IEnumerable<string> CopiedSources() =>
        All("COPY").Concat(All("ADD"))
            .Where(i => !i.Words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal)))
            .SelectMany(i => i.Words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).SkipLast(1));

    /// <summary>Stage names (FROM ... AS name) and the image or stage each starts from.</summary>
    public IReadOnlyDictionary<string, string> Stages() =>
        All("FROM").Where(i => i.Words.Length >= 3 && i.Words[^2].Equals("AS", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(i => i.Words[^1], i => i.Words[^3]);
}
