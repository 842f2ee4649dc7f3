namespace Ecosystem.Corpus.Tests;

/// <summary>Records progress messages at once, unlike <see cref="Progress{T}"/>, which posts them to the thread pool.</summary>
internal sealed class RecordingProgress : IProgress<string>
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public void Report(string value)
    {
        lock (_messages)
        {
            _messages.Add(value);
        }
    }
}
