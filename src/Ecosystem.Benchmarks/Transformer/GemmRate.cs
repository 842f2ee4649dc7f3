namespace Ecosystem.Benchmarks.Transformer;

/// <summary>A measured matrix-product rate.</summary>
/// <param name="Shape">The product timed.</param>
/// <param name="FlopsPerSecond">Its FLOPs over the median time of one product.</param>
/// <param name="CoresBusy">Process CPU time over wall time while it ran: how many cores the BLAS really kept busy.</param>
public sealed record GemmRate(GemmShape Shape, double FlopsPerSecond, double CoresBusy);
