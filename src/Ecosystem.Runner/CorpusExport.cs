using System.Globalization;
using Ecosystem.Abstractions.Simulation;
using Ecosystem.Scenarios;

namespace Ecosystem.Runner;

/// <summary>Writes a finished run's web into its folder as the shards sealed it: one Arrow IPC file per replicate, shard
/// and tick under <c>corpus/</c>, which pyarrow, pandas and DuckDB open as they are.</summary>
public static class CorpusExport
{
    /// <summary>The folder, inside a run's folder, that holds the corpus.</summary>
    public const string Folder = "corpus";

    /// <summary>Copies every sealed segment of the run into <paramref name="outputDirectory"/>'s <see cref="Folder"/>,
    /// each through a temporary file, so a file present is always whole.</summary>
    /// <returns>The number of files written.</returns>
    public static async Task<int> WriteAsync(IGrainFactory grains, string runId, Scenario scenario, string outputDirectory, CancellationToken cancellationToken)
    {
        var written = 0;
        for (var replicate = 0; replicate < scenario.Replicates; replicate++)
        {
            var world = new WorldAddress(runId, replicate);
            var folder = Path.Combine(outputDirectory, Folder, string.Create(CultureInfo.InvariantCulture, $"replicate={replicate}"));
            Directory.CreateDirectory(folder);
            for (var shard = 0; shard < scenario.Shards; shard++)
            {
                var grain = grains.GetGrain<ICorpusShardGrain>(world.Shard(shard));
                foreach (var tick in await grain.SealedTicksAsync())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"shard-{shard:D3}-tick-{tick:D6}.arrow"));
                    var temporary = path + ".tmp";
                    await File.WriteAllBytesAsync(temporary, await grain.SegmentFileAsync(tick), cancellationToken);
                    File.Move(temporary, path, overwrite: true);
                    written++;
                }
            }
        }

        return written;
    }
}
