namespace Ecosystem.Models;

/// <summary>Where one context's followers lie in its <see cref="NGramTable"/>: a slice of the flat follower and count
/// arrays, with c(h), the sum of its (continuation) counts.</summary>
/// <remarks>c(h) is a double so that weighted tables, whose counts are fractional, share the struct; an integer total
/// below 2^53 converts exactly, so unweighted tables hold the same values in the same 8 bytes as a long would.</remarks>
internal readonly record struct NGramContext(int Start, int Distinct, double Total);
