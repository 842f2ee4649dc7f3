using System.Globalization;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Ecosystem.Scenarios;

/// <summary>Turns schema validation errors into messages that name the field, what was found and what is allowed.</summary>
public static class SchemaErrorFormatter
{
    /// <summary>One message per problem, each naming its JSON path (for any schema: scenarios, sweeps).</summary>
    public static IEnumerable<ScenarioError> Format(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var nested in Format(BranchErrors(child)))
                {
                    yield return nested;
                }

                continue;
            }

            // A value of a union type ("array or null", say) that fails every type: the branch of the value's own type
            // names what is wrong inside it (an item), the others only that the type differs.
            if (error is MultiTypeValidationError multi && multi.Errors.Values.SelectMany(e => e).Where(e => e.Path != error.Path).ToList() is { Count: > 0 } inner)
            {
                foreach (var nested in Format(inner))
                {
                    yield return nested;
                }

                continue;
            }

            yield return new ScenarioError(ToJsonPath(error.Path), Describe(error));
        }
    }

    /// <summary>The errors worth reporting from a failed oneOf / anyOf: those of the one branch whose discriminators
    /// (single-value enumerations such as "kind") match, since the other branches fail only because they describe another kind. No
    /// branch matching means the discriminator itself is wrong, which the enclosing schema reports; several matching
    /// branches report everything.</summary>
    private static IEnumerable<ValidationError> BranchErrors(ChildSchemaValidationError child)
    {
        if (child.Kind is not (ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf))
        {
            return child.Errors.SelectMany(e => e.Value);
        }

        // A discriminator is an enumeration of one value ("kind": {"enum": ["detector"]}); a branch whose other enumerated
        // fields are wrong (a detector's "score") is still the branch the value meant.
        var matching = child.Errors
            .Where(e => !e.Value.Any(v => v.Kind == ValidationErrorKind.NotInEnumeration && v.Schema.Enumeration.Count == 1))
            .ToList();
        return matching.Count switch
        {
            0 => [],
            1 => matching[0].Value,
            _ => child.Errors.SelectMany(e => e.Value),
        };
    }

    private static string ToJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return "$";
        }

        var trimmed = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        return "$." + trimmed.Replace('/', '.');
    }

    private static string Found(ValidationError error) =>
        error.Token is null ? "nothing" : error.Token.ToString(Newtonsoft.Json.Formatting.None);

    private static string Describe(ValidationError error)
    {
        var schema = error.Schema;
        var found = Found(error);
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                $"unknown field '{error.Property}'; allowed fields here: {AllowedProperties(error)}",
            ValidationErrorKind.PropertyRequired => $"required field '{error.Property}' is missing",
            ValidationErrorKind.NotInEnumeration =>
                $"found {found}; allowed values: {string.Join(", ", schema.Enumeration.Select(v => $"\"{v}\""))}",
            ValidationErrorKind.NumberTooSmall or
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig =>
                $"found {found}; allowed: {Range(schema)}",
            ValidationErrorKind.PatternMismatch => $"found {found}; must match {schema.Pattern}",
            ValidationErrorKind.TooFewItems => $"found {found}; needs at least {schema.MinItems} item(s)",
            ValidationErrorKind.TooManyItems => $"found {found}; allows at most {schema.MaxItems} item(s)",
            ValidationErrorKind.StringTooShort => $"found {found}; needs at least {schema.MinLength} character(s)",
            _ when error.Kind.ToString().EndsWith("Expected", StringComparison.Ordinal) =>
                $"found {found}; expected {ExpectedType(schema)}",
            _ => $"found {found}; {error.Kind}",
        };
    }

    private static string AllowedProperties(ValidationError error)
    {
        var schema = error.Schema.HasReference ? error.Schema.Reference! : error.Schema;
        var names = schema.Properties.Keys.Where(k => k != "$schema").OrderBy(k => k, StringComparer.Ordinal);
        return string.Join(", ", names);
    }

    private static string ExpectedType(JsonSchema schema)
    {
        var actual = schema.HasReference ? schema.Reference! : schema;
        var types = Enum.GetValues<JsonObjectType>()
            .Where(t => t != JsonObjectType.None && actual.Type.HasFlag(t))
            .Select(t => t.ToString().ToLowerInvariant());
        return string.Join(" or ", types);
    }

    private static string Range(JsonSchema schema)
    {
        var parts = new List<string>();
        if (schema.ExclusiveMinimum is { } exclusiveMin)
        {
            parts.Add("> " + exclusiveMin.ToString(CultureInfo.InvariantCulture));
        }
        else if (schema.Minimum is { } min)
        {
            parts.Add((schema.IsExclusiveMinimum ? "> " : ">= ") + min.ToString(CultureInfo.InvariantCulture));
        }

        if (schema.ExclusiveMaximum is { } exclusiveMax)
        {
            parts.Add("< " + exclusiveMax.ToString(CultureInfo.InvariantCulture));
        }
        else if (schema.Maximum is { } max)
        {
            parts.Add((schema.IsExclusiveMaximum ? "< " : "<= ") + max.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "a number" : string.Join(" and ", parts);
    }
}
