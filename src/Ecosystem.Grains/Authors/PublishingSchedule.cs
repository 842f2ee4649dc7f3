using Ecosystem.Scenarios;

namespace Ecosystem.Grains.Authors;

/// <summary>How many documents each human author publishes at each tick: the population's total per tick (plus the
/// initial archive at the first tick), split as evenly as integers allow, with the remainder rotating across authors
/// from tick to tick.</summary>
public sealed class PublishingSchedule(HumanSpec humans)
{
    /// <summary>Documents author <paramref name="author"/> publishes at <paramref name="tick"/>.</summary>
    public int CountAt(int author, int tick)
    {
        if (tick < humans.FirstTick || (humans.LastTick is { } last && tick > last))
        {
            return 0;
        }

        var total = humans.DocumentsPerTick + (tick == humans.FirstTick ? humans.InitialDocuments : 0);
        var share = total / humans.Authors;
        var remainder = total % humans.Authors;
        var rotated = ((author - tick) % humans.Authors + humans.Authors) % humans.Authors;
        return share + (rotated < remainder ? 1 : 0);
    }

    /// <summary>Documents author <paramref name="author"/> published before <paramref name="tick"/>.</summary>
    public int CountBefore(int author, int tick)
    {
        var total = 0;
        for (var t = humans.FirstTick; t < tick; t++)
        {
            total += CountAt(author, t);
        }

        return total;
    }
}
