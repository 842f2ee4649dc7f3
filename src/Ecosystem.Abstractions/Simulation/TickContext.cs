using Orleans.Runtime;

namespace Ecosystem.Abstractions.Simulation;

/// <summary>The tick a grain call belongs to: the clock puts it in the request context of every call it makes while it
/// runs a tick, and it flows down the call chain (vendors to shards, authors to vendors).</summary>
/// <remarks>Calls made outside a tick (inspection, tests) carry none.</remarks>
public static class TickContext
{
    /// <summary>The request-context key.</summary>
    public const string Key = "ecosystem.tick";

    /// <summary>The tick of the call being handled, or null when it is not part of a tick.</summary>
    public static int? Current => RequestContext.Get(Key) as int?;
}
