using System.Globalization;

namespace Ecosystem.Benchmarks.Cluster;

/// <summary>The bytes the silos of a cluster have sent over the network, read from the Orleans messaging histogram
/// each silo serves on its Prometheus endpoint (<c>orleans-messaging-sent-messages-size</c>: every message a silo
/// serializes for another process, silo or client).</summary>
public static class SiloTraffic
{
    /// <summary>The Prometheus name of the histogram, before its unit and its _sum, _count and _bucket suffixes.</summary>
    public const string SentMessagesSize = "orleans_messaging_sent_messages_size";

    /// <summary>Bytes sent so far by the silos serving metrics on <paramref name="ports"/>, added up.</summary>
    /// <exception cref="HttpRequestException">A silo did not answer.</exception>
    public static async Task<long> BytesSentAsync(IEnumerable<int> ports, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        long total = 0;
        foreach (var port in ports)
        {
            var text = await http.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"http://localhost:{port}/metrics"), cancellationToken);
            total += (long)SumOf(text);
        }

        return total;
    }

    /// <summary>The sum of every series of the sent-messages histogram in a Prometheus text exposition (0 when the
    /// silo has sent nothing yet and so exports no series).</summary>
    public static double SumOf(string exposition)
    {
        double sum = 0;
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(SentMessagesSize, StringComparison.Ordinal))
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd < 0 || !line[..nameEnd].EndsWith("_sum", StringComparison.Ordinal))
            {
                continue;
            }

            // "name{labels} value [timestamp]": the value follows the closing brace (labels may hold spaces).
            var afterLabels = line[nameEnd] == '{' ? line.IndexOf('}', nameEnd) + 1 : nameEnd;
            var fields = line[afterLabels..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            sum += double.Parse(fields[0], CultureInfo.InvariantCulture);
        }

        return sum;
    }
}
