namespace Ecosystem.Cli;

/// <summary>Process exit codes of the command line.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The run failed while running.</summary>
    public const int Failure = 1;

    /// <summary>Invalid input: a bad scenario file, a bad option, an output folder already used.</summary>
    public const int InvalidInput = 2;

    /// <summary>Cancelled by the user (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
