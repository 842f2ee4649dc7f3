using Ecosystem.Segments;

namespace Ecosystem.Grains.Corpus;

/// <summary>Deterministic document ids; ordinal order puts earlier ticks first and, within a tick, human text before model output.</summary>
public static class DocumentIds
{
    /// <summary>Id of the <paramref name="sequence"/>-th document a human author published at a tick.</summary>
    public static string Human(int tick, int author, int sequence) => DocumentIdFormat.Human(tick, author, sequence);

    /// <summary>Id of the <paramref name="sequence"/>-th document a model generation published at a tick.</summary>
    public static string Model(int tick, string vendor, int generation, int sequence) => DocumentIdFormat.Model(tick, vendor, generation, sequence);

    /// <summary>Id of a fresh real document a vendor licensed for training (never published).</summary>
    public static string Fresh(int tick, string vendor, int sequence) => $"t{tick:D6}-f-{vendor}-{sequence:D6}";
}
