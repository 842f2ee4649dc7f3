namespace Ecosystem.Grains.Runs;

/// <summary>Entity keys for <see cref="Ecosystem.Abstractions.RandomStreams"/>: relative to the world, never containing
/// the run id, so that the same scenario and seed draw the same numbers in every run.</summary>
internal static class RandomKeys
{
    public static string Author(int replicate, int author) => $"r{replicate}/h{author}";

    public static string Vendor(int replicate, string vendor) => $"r{replicate}/v/{vendor}";

    public static string Generation(int replicate, string vendor, int generation) => $"r{replicate}/v/{vendor}/g{generation}";
}
