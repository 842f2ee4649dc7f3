namespace Ecosystem.Abstractions;

/// <summary>An exception and everything that caused it: inner exceptions and every exception an
/// <see cref="AggregateException"/> holds, as Orleans and the task library wrap a failure in layers of their own.</summary>
public static class ExceptionCauses
{
    /// <summary><paramref name="exception"/>, then its causes, depth first.</summary>
    public static IEnumerable<Exception> Of(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var e))
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
