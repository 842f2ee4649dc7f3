namespace Ecosystem.Metrics;

/// <summary>A token sequence with its known genre, for training or evaluating a <see cref="GenreClassifier"/>.</summary>
/// <param name="Genre">The genre label.</param>
/// <param name="Tokens">The document's token ids.</param>
public readonly record struct GenreExample(string Genre, int[] Tokens);
