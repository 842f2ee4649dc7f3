using Microsoft.Extensions.Configuration;

namespace Ecosystem.Hosting;

/// <summary>Where large blobs (corpus segments, training data, checkpoints) are kept, bound from the "Storage" section
/// (appsettings.json, <c>Storage__*</c> environment variables) and overridden by command-line options.</summary>
public sealed class StorageSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>A folder every silo of the cluster can read and write. Unset: memory in the embedded mode, and a folder
    /// under the system temp directory named after the service id in the Redis mode (fine for silos on one machine).</summary>
    public string? BlobDirectory { get; set; }

    /// <summary>Reads the section of <paramref name="configuration"/>, then applies <paramref name="configure"/>.</summary>
    public static StorageSettings From(IConfiguration configuration, Action<StorageSettings>? configure = null)
    {
        var settings = configuration.GetSection(Section).Get<StorageSettings>() ?? new StorageSettings();
        configure?.Invoke(settings);
        return settings;
    }

    /// <summary>The blob folder in force for <paramref name="cluster"/>, or null for blobs in memory.</summary>
    public string? BlobDirectoryFor(ClusterSettings cluster) =>
        BlobDirectory is { Length: > 0 } directory ? Path.GetFullPath(directory)
        : cluster.Mode == ClusterMode.Redis ? Path.Combine(Path.GetTempPath(), "ecosystem-blobs", cluster.ServiceId)
        : null;
}
