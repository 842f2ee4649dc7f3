namespace Ecosystem.Cli.Tests.Malformed;

/// <summary>What a generated malformed scenario gets wrong.</summary>
public enum MutationKind
{
    /// <summary>A value of a type the field does not take.</summary>
    WrongType,

    /// <summary>A number outside the field's range, or a string or list of the wrong size or form.</summary>
    OutOfRange,

    /// <summary>A field the object does not have.</summary>
    UnknownField,

    /// <summary>A value outside the field's enumeration.</summary>
    UnknownEnumValue,

    /// <summary>A required field left out.</summary>
    MissingRequired,

    /// <summary>Text that is not JSON, or JSON with a field written twice.</summary>
    BrokenJson,

    /// <summary>A field or object in the wrong place.</summary>
    WrongNesting,

    /// <summary>Schema-valid values that break a rule across fields.</summary>
    RuleViolation,
}
