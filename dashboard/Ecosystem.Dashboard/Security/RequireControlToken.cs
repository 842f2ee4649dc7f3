namespace Ecosystem.Dashboard.Security;

/// <summary>Endpoint filter of control actions: answers 401 unless the request carries the control token.</summary>
public sealed class RequireControlToken(ControlToken token) : IEndpointFilter
{
    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (token.Accepts(http.Request.Headers.Authorization))
        {
            return next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return ValueTask.FromResult<object?>(Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Control actions need the dashboard's token",
            detail: "Send 'Authorization: Bearer <token>'; the token is set with --token or Dashboard__Token, or printed when the dashboard starts."));
    }
}
