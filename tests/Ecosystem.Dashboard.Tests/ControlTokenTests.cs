using Ecosystem.Dashboard.Security;

namespace Ecosystem.Dashboard.Tests;

public sealed class ControlTokenTests
{
    private const string Configured = "a-configured-token-0123456789";

    [Fact]
    public void Configured_token_is_used_as_given()
    {
        var token = new ControlToken(Configured);

        Assert.Equal(Configured, token.Value);
        Assert.False(token.IsGenerated);
    }

    [Fact]
    public void Missing_token_is_generated_fresh_each_time_with_256_bits()
    {
        var first = new ControlToken(null);
        var second = new ControlToken("");

        Assert.True(first.IsGenerated);
        Assert.True(second.IsGenerated);
        Assert.NotEqual(first.Value, second.Value);
        // 32 random bytes in unpadded base64url are 43 characters of [A-Za-z0-9_-].
        Assert.Matches("^[A-Za-z0-9_-]{43}$", first.Value);
    }

    [Theory]
    [InlineData("Bearer " + Configured)]
    [InlineData("bearer " + Configured)]
    [InlineData("Bearer " + Configured + "  ")]
    public void Bearer_header_with_the_token_is_accepted(string header) =>
        Assert.True(new ControlToken(Configured).Accepts(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(Configured)]
    [InlineData("Basic " + Configured)]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a-configured-token-012345678")]
    [InlineData("Bearer a-configured-token-01234567890")]
    [InlineData("Bearer A-CONFIGURED-TOKEN-0123456789")]
    public void Anything_but_the_exact_bearer_token_is_refused(string? header) =>
        Assert.False(new ControlToken(Configured).Accepts(header));
}
