using System.Globalization;

namespace Ecosystem.Benchmarks.Transformer;

/// <summary>One matrix product: [Rows × Inner] · [Inner × Columns] in a given memory layout.</summary>
/// <param name="Rows">Rows of the result.</param>
/// <param name="Inner">The summed dimension.</param>
/// <param name="Columns">Columns of the result.</param>
/// <param name="Layout">Which operand is transposed.</param>
public sealed record GemmShape(long Rows, long Inner, long Columns, GemmLayout Layout)
{
    /// <summary>Floating-point operations of one product: a multiply and an add per term.</summary>
    public double Flops => 2.0 * Rows * Inner * Columns;

    /// <summary>"ROWSxINNERxCOLUMNS:layout", as the peer script reads shapes.</summary>
    public string PeerKey => string.Create(CultureInfo.InvariantCulture, $"{Rows}x{Inner}x{Columns}:{Layout.ToString().ToLowerInvariant()}");

    /// <summary>"2,048×128 · 128×384 (NT)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rows:N0}×{Inner:N0} · {Inner:N0}×{Columns:N0} ({Layout})");
}
