namespace Ecosystem.Abstractions.Simulation;

/// <summary>A grain was asked to continue a tick it never began: its earlier activation was lost with its silo, and with
/// it the part of the tick held in memory. The tick must be run again from its start.</summary>
[GenerateSerializer]
public sealed class TickInterruptedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TickInterruptedException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public TickInterruptedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public TickInterruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
