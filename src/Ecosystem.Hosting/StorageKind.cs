namespace Ecosystem.Hosting;

/// <summary>Which blob store the silos use (<c>Storage:Kind</c>).</summary>
public enum StorageKind
{
    /// <summary>A folder (<c>Storage:BlobDirectory</c>): memory in the embedded mode unless a folder is set, and a folder
    /// under the system temp directory in the Redis mode; silos on several machines need a shared volume.</summary>
    Folder,

    /// <summary>A container of Azure Blob Storage or an emulator of its API (<c>Storage:AzureConnectionString</c>,
    /// <c>Storage:AzureContainer</c>): silos on any machine share it without a shared volume.</summary>
    Azure,
}
