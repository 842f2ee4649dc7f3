using System.Numerics;

namespace Ecosystem.Metrics;

/// <summary>A HyperLogLog sketch of the number of distinct 64-bit hashes added (Flajolet et al. 2007), read with
/// Ertl's improved raw estimator ("New cardinality estimation algorithms for HyperLogLog sketches", 2017), which needs
/// no bias tables and no switch to linear counting: its relative standard error is about 1.04 / sqrt(m) at every
/// cardinality, m = 2^precision registers.</summary>
/// <remarks>Sketches of the same precision merge exactly (register-wise maximum): the sketch of a union is the merge
/// of the sketches, so a corpus-wide count is kept by adding only each tick's new documents.</remarks>
public sealed class DistinctCountSketch
{
    private readonly byte[] _registers;
    private readonly int _precision;

    /// <summary>An empty sketch with 2^<paramref name="precision"/> registers (4 to 18).</summary>
    public DistinctCountSketch(int precision = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, 18);
        _precision = precision;
        _registers = new byte[1 << precision];
    }

    private DistinctCountSketch(int precision, byte[] registers)
    {
        _precision = precision;
        _registers = registers;
    }

    /// <summary>Number of registers.</summary>
    public int Registers => _registers.Length;

    /// <summary>The estimate's relative standard error, 1.04 / sqrt(m).</summary>
    public double RelativeStandardError => 1.04 / Math.Sqrt(_registers.Length);

    /// <summary>The registers, to persist (see <see cref="FromRegisters"/>).</summary>
    public byte[] ToRegisters() => [.. _registers];

    /// <summary>A sketch restored from <see cref="ToRegisters"/>.</summary>
    /// <exception cref="ArgumentException">The length is not a power of two from 2^4 to 2^18.</exception>
    public static DistinctCountSketch FromRegisters(byte[] registers)
    {
        var precision = BitOperations.Log2((uint)registers.Length);
        if (registers.Length != 1 << precision || precision is < 4 or > 18)
        {
            throw new ArgumentException($"{registers.Length} registers is not a power of two from 2^4 to 2^18.", nameof(registers));
        }

        return new DistinctCountSketch(precision, [.. registers]);
    }

    /// <summary>Adds one hashed item (the hash must be well mixed: every bit equally likely).</summary>
    public void Add(ulong hash)
    {
        var index = (int)(hash >> (64 - _precision));
        // The rank of the remaining bits: leading zeros + 1, at most 64 - precision + 1.
        var rest = hash << _precision;
        var rank = (byte)(rest == 0 ? 64 - _precision + 1 : BitOperations.LeadingZeroCount(rest) + 1);
        if (rank > _registers[index])
        {
            _registers[index] = rank;
        }
    }

    /// <summary>Adds everything <paramref name="other"/> holds.</summary>
    /// <exception cref="ArgumentException">The sketches have different precisions.</exception>
    public void Merge(DistinctCountSketch other)
    {
        if (other._precision != _precision)
        {
            throw new ArgumentException($"Cannot merge a sketch of precision {other._precision} into one of {_precision}.", nameof(other));
        }

        for (var i = 0; i < _registers.Length; i++)
        {
            _registers[i] = Math.Max(_registers[i], other._registers[i]);
        }
    }

    /// <summary>The estimated number of distinct hashes added.</summary>
    public double Estimate()
    {
        var q = 64 - _precision;
        var m = (double)_registers.Length;
        var histogram = new int[q + 2];
        foreach (var register in _registers)
        {
            histogram[register]++;
        }

        var z = m * Tau(1 - (histogram[q + 1] / m));
        for (var k = q; k >= 1; k--)
        {
            z = 0.5 * (z + histogram[k]);
        }

        z += m * Sigma(histogram[0] / m);
        return m * m / (2 * Math.Log(2) * z);
    }

    private static double Sigma(double x)
    {
        if (x == 1)
        {
            return double.PositiveInfinity;
        }

        var y = 1.0;
        var z = x;
        double previous;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        }
        while (z != previous);
        return z;
    }

    private static double Tau(double x)
    {
        if (x is 0 or 1)
        {
            return 0;
        }

        var y = 1.0;
        var z = 1 - x;
        double previous;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        }
        while (z != previous);
        return z / 3;
    }
}
