namespace Ecosystem.Models;

/// <summary>Where one context's followers lie in its <see cref="NGramTable"/>: a slice of the flat follower and count
/// arrays, with c(h), the sum of its (continuation) counts.</summary>
internal readonly record struct NGramContext(int Start, int Distinct, long Total);
