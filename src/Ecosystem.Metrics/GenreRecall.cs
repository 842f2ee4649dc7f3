namespace Ecosystem.Metrics;

/// <summary>Per-genre outcome of a classifier evaluation.</summary>
/// <param name="Genre">The genre.</param>
/// <param name="Support">Examples whose true genre this is.</param>
/// <param name="Correct">Of those, how many were predicted correctly.</param>
/// <param name="Predicted">Examples predicted as this genre, correct or not.</param>
public sealed record GenreRecall(string Genre, int Support, int Correct, int Predicted)
{
    /// <summary>Correct / support, or 0 without support.</summary>
    public double Recall => Support == 0 ? 0 : (double)Correct / Support;

    /// <summary>Correct / predicted, or 0 when never predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
}
