using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Orleans.Serialization;

namespace Ecosystem.Grains.Persistence;

/// <summary>Blobs in a container of Azure Blob Storage (or an emulator of its API, such as Azurite), by blob name (see
/// <see cref="BlobNames"/>): the store of silos that share no folder, serialized with Orleans' serializer; byte blobs
/// are kept as they are.</summary>
/// <remarks>Every write is one block blob upload, which readers see whole or not at all: small blobs in one request,
/// larger ones as staged blocks made visible by a single commit. A store that cannot be reached, or refuses a request,
/// raises <see cref="BlobStoreUnavailableException"/> naming the container and its endpoint (never the key).</remarks>
public sealed class AzureBlobStore(BlobContainerClient container, Serializer serializer) : IBlobStore
{
    /// <summary>Blobs up to this size go in one request; larger ones in blocks of this size, so that no single request
    /// carries more than a network timeout allows.</summary>
    private const int TransferSize = 8 << 20;

    private static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = TransferSize,
        MaximumTransferSize = TransferSize,
        MaximumConcurrency = 4,
    };

    /// <summary>The container, e.g. <c>Azure blob container 'ecosystem' at http://127.0.0.1:10000/devstoreaccount1</c>.</summary>
    public string Description { get; } = Describe(container);

    /// <summary>A client of <paramref name="containerName"/> in the account <paramref name="connectionString"/> names,
    /// with retries short enough that an unreachable store is reported within seconds rather than minutes.</summary>
    /// <exception cref="ArgumentException">The connection string or the container name is not usable; the message
    /// does not repeat the connection string, which holds the account key.</exception>
    public static BlobContainerClient ContainerClient(string connectionString, string containerName)
    {
        if (BlobContainerNames.Problem(containerName) is { } problem)
        {
            throw new ArgumentException(problem, nameof(containerName));
        }

        var options = new BlobClientOptions();
        // The SDK's default waits up to a minute and a half per request before giving up; a tick the runner retries
        // anyway is better served by failing fast and saying which store failed.
        options.Retry.Mode = Azure.Core.RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromSeconds(0.5);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        try
        {
            return new BlobServiceClient(connectionString, options).GetBlobContainerClient(containerName);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new ArgumentException(
                "Storage:AzureConnectionString is not a usable Azure Storage connection string (e.g. 'UseDevelopmentStorage=true', or " +
                "'DefaultEndpointsProtocol=http;AccountName=...;AccountKey=...;BlobEndpoint=http://HOST:10000/ACCOUNT;').", nameof(connectionString));
        }
    }

    /// <summary>Creates the container when it does not exist yet, which also proves the store answers and accepts the
    /// credentials: a silo checks this before it joins its cluster.</summary>
    /// <exception cref="BlobStoreUnavailableException">The store cannot be reached or refused the request.</exception>
    public Task EnsureContainerAsync(CancellationToken cancellationToken = default) =>
        GuardAsync("reach", null, () => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    /// <inheritdoc />
    public Task WriteAsync<T>(string name, T value) => UploadAsync(name, BinaryData.FromBytes(serializer.SerializeToArray(value)));

    /// <inheritdoc />
    public async Task<T?> ReadAsync<T>(string name)
    {
        var blob = Blob(name);
        var content = await GuardAsync("read", name, async () =>
        {
            try
            {
                return (await blob.DownloadContentAsync()).Value.Content;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        });
        return content is null ? default : serializer.Deserialize<T>(content.ToMemory());
    }

    /// <inheritdoc />
    public Task WriteBytesAsync(string name, ReadOnlyMemory<byte> bytes) => UploadAsync(name, BinaryData.FromBytes(bytes));

    /// <inheritdoc />
    /// <remarks>The stream fetches the blob in parts as it is read, and seeks; it fails rather than mixing parts of two
    /// versions should the blob be replaced meanwhile.</remarks>
    public Task<Stream?> OpenReadAsync(string name)
    {
        var blob = Blob(name);
        return GuardAsync("open", name, async () =>
        {
            try
            {
                return await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false));
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return (Stream?)null;
            }
        });
    }

    /// <inheritdoc />
    public Task DeleteFolderAsync(string folder)
    {
        var prefix = BlobNames.EnsureValid(folder) + "/";
        return GuardAsync("delete", folder, async () =>
        {
            var names = new List<string>();
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
            {
                names.Add(item.Name);
            }

            // One request per blob: a grain's folder holds a handful, and a few at a time keeps the end of a large run short.
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (name, cancellationToken) => await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken));
            return true;
        });
    }

    private BlobClient Blob(string name) => container.GetBlobClient(BlobNames.EnsureValid(name));

    private Task UploadAsync(string name, BinaryData content)
    {
        var blob = Blob(name);
        return GuardAsync("write", name, () => blob.UploadAsync(content, new BlobUploadOptions { TransferOptions = Transfer }));
    }

    /// <summary>Runs <paramref name="request"/>, turning a failure of the store into a <see cref="BlobStoreUnavailableException"/>
    /// that says which store failed, doing what, and why.</summary>
    private async Task<T> GuardAsync<T>(string what, string? name, Func<Task<T>> request)
    {
        try
        {
            return await request();
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or IOException
                                      || (e is OperationCanceledException && e.InnerException is TimeoutException))
        {
            var problem = name is null
                ? $"cannot be reached: {Reason(e)}. Check that it runs and that Storage:AzureConnectionString names it."
                : $"failed to {what} '{name}': {Reason(e)}";
            // Without the SDK's exception as the cause: the reason is in the message, and the cause would add a stack
            // trace per retry to every log line and a type the far side of a grain call may not know.
            throw new BlobStoreUnavailableException($"The blob store ({Description}) {problem}");
        }
    }

    /// <summary>The first line of the innermost cause: the SDK puts the status and headers on later lines, and wraps the
    /// last attempt's error in one that only counts the retries.</summary>
    private static string Reason(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            e = aggregate.InnerExceptions[^1];
        }

        var line = e.Message.Split('\n', 2)[0].Trim().TrimEnd('.');
        return e is RequestFailedException { Status: > 0 } failed && !line.Contains(failed.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? $"{line} (HTTP {failed.Status})"
            : line;
    }

    /// <summary>The container's name and endpoint, without any query (a SAS token is a credential).</summary>
    public static string Describe(BlobContainerClient container)
    {
        var account = new UriBuilder(container.Uri) { Query = "" }.Uri.GetLeftPart(UriPartial.Path);
        var suffix = "/" + container.Name;
        if (account.EndsWith(suffix, StringComparison.Ordinal))
        {
            account = account[..^suffix.Length];
        }

        return $"Azure blob container '{container.Name}' at {account}";
    }
}
