namespace Ecosystem.Experiments.Sweeps;

/// <summary>The points of a sweep's grid, the same whether a sweep file is expanded to run it or its folder is read back.</summary>
public static class SweepGrid
{
    /// <summary>Every point of the grid spanned by <paramref name="axes"/>, in grid order (the last axis varies fastest).</summary>
    public static IReadOnlyList<SweepPoint> Points(IReadOnlyList<SweepParameter> axes)
    {
        var count = axes.Aggregate(1, (n, p) => checked(n * p.Values.Count));
        var points = new List<SweepPoint>(count);
        for (var index = 0; index < count; index++)
        {
            var choice = Choice(axes, index);
            points.Add(new SweepPoint(index, [.. axes.Select((a, i) => KeyValuePair.Create(a.Name, a.LabelOf(choice[i])))]));
        }

        return points;
    }

    /// <summary>The value index on each axis of point <paramref name="index"/>; the last axis varies fastest.</summary>
    public static int[] Choice(IReadOnlyList<SweepParameter> axes, int index)
    {
        var choice = new int[axes.Count];
        for (var a = axes.Count - 1; a >= 0; a--)
        {
            choice[a] = index % axes[a].Values.Count;
            index /= axes[a].Values.Count;
        }

        return choice;
    }
}
