using Ecosystem.Grains.Persistence;
using Microsoft.Extensions.Configuration;

namespace Ecosystem.Hosting;

/// <summary>Where large blobs (corpus segments, training data, checkpoints) are kept, bound from the "Storage" section
/// (appsettings.json, <c>Storage__*</c> environment variables) and overridden by command-line options.</summary>
public sealed class StorageSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>The default container of the Azure store.</summary>
    public const string DefaultAzureContainer = "ecosystem";

    /// <summary>A folder (the default) or an Azure Blob Storage container.</summary>
    public StorageKind Kind { get; set; } = StorageKind.Folder;

    /// <summary>A folder every silo of the cluster can read and write. Unset: memory in the embedded mode, and a folder
    /// under the system temp directory named after the service id in the Redis mode (fine for silos on one machine).
    /// Not used by the Azure store.</summary>
    public string? BlobDirectory { get; set; }

    /// <summary>Azure store: the storage account's connection string, e.g. <c>UseDevelopmentStorage=true</c> for Azurite
    /// on its default port, or one with <c>BlobEndpoint=http://HOST:10000/ACCOUNT</c>.</summary>
    public string? AzureConnectionString { get; set; }

    /// <summary>Azure store: the container that holds the blobs (created when missing).</summary>
    public string AzureContainer { get; set; } = DefaultAzureContainer;

    /// <summary>Reads the section of <paramref name="configuration"/>, then applies <paramref name="configure"/>.</summary>
    /// <exception cref="ArgumentException">The settings are not usable; the message names the setting.</exception>
    public static StorageSettings From(IConfiguration configuration, Action<StorageSettings>? configure = null)
    {
        StorageSettings settings;
        try
        {
            settings = configuration.GetSection(Section).Get<StorageSettings>() ?? new StorageSettings();
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the value and the type, not the setting: an unknown Storage:Kind ends up here.
            throw new ArgumentException($"Storage: {e.Message} Storage:Kind is folder or azure.", nameof(configuration), e);
        }

        configure?.Invoke(settings);
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(configuration));
        }

        return settings;
    }

    /// <summary>The first problem with these settings, or null when they are usable.</summary>
    public string? Problem() => Kind switch
    {
        StorageKind.Folder => null,
        StorageKind.Azure when string.IsNullOrWhiteSpace(AzureConnectionString) =>
            "Storage:AzureConnectionString is empty; Storage:Kind azure needs one (e.g. UseDevelopmentStorage=true for Azurite on this machine).",
        StorageKind.Azure => BlobContainerNames.Problem(AzureContainer),
        _ => $"Storage:Kind: found {Kind}; use folder or azure.",
    };

    /// <summary>The blob folder in force for <paramref name="cluster"/>, or null for blobs in memory or in the Azure store.</summary>
    public string? BlobDirectoryFor(ClusterSettings cluster) =>
        Kind == StorageKind.Azure ? null
        : BlobDirectory is { Length: > 0 } directory ? Path.GetFullPath(directory)
        : cluster.Mode == ClusterMode.Redis ? Path.Combine(Path.GetTempPath(), "ecosystem-blobs", cluster.ServiceId)
        : null;

    /// <summary>Where the blobs go, in words (the Azure store's endpoint, never its key).</summary>
    /// <exception cref="ArgumentException">The Azure connection string is not usable.</exception>
    public string Describe(ClusterSettings cluster) => Kind == StorageKind.Azure
        ? AzureBlobStore.Describe(AzureBlobStore.ContainerClient(AzureConnectionString!, AzureContainer))
        : BlobDirectoryFor(cluster) ?? "memory";
}
