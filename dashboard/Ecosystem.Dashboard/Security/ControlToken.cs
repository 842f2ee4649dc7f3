using System.Security.Cryptography;
using System.Text;

namespace Ecosystem.Dashboard.Security;

/// <summary>The bearer token that control actions must carry: configured, or generated at start.</summary>
public sealed class ControlToken
{
    private const string Scheme = "Bearer ";
    private readonly byte[] _expected;

    /// <summary>Uses <paramref name="configured"/>, or a fresh random token when it is null or empty.</summary>
    public ControlToken(string? configured)
    {
        IsGenerated = string.IsNullOrEmpty(configured);
        Value = IsGenerated ? Base64Url(RandomNumberGenerator.GetBytes(32)) : configured!;
        _expected = Encoding.UTF8.GetBytes(Value);
    }

    /// <summary>The token.</summary>
    public string Value { get; }

    /// <summary>Whether the token was generated here (and so must be printed for the user to see it).</summary>
    public bool IsGenerated { get; }

    /// <summary>Whether an Authorization header value is <c>Bearer &lt;token&gt;</c> with this token.</summary>
    public bool Accepts(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Constant time, so the response time says nothing about how much of a guess was right.
        var presented = Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
