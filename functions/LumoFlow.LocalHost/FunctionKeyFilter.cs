using System.Security.Cryptography;
using System.Text;
using LumoFlow.App.Http;

namespace LumoFlow.LocalHost;

/// <summary>
/// The local host's stand-in for the Functions host's key check (<c>AuthorizationLevel.Function</c>): a staff request
/// carries the function key in <c>x-functions-key</c> (or <c>?code=</c>). Locally the key is <c>Values.DevFunctionKey</c>
/// of local.settings; <c>LumoFlow__FunctionKey</c> overrides it.
/// </summary>
public sealed class FunctionKeys(IConfiguration configuration)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(ConfiguredKey(configuration));

    private static string ConfiguredKey(IConfiguration configuration)
    {
        var key = configuration["LumoFlow:FunctionKey"] ?? configuration["DevFunctionKey"];
        if (string.IsNullOrWhiteSpace(key))
            throw new InvalidOperationException("No function key configured (LumoFlow:FunctionKey or DevFunctionKey).");
        return key;
    }

    public bool Accepts(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key);

    public static IResult Unauthorized() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: $"This endpoint is for staff: send the function key in the '{StaffIdentity.FunctionKeyHeader}' header.");
}

/// <summary>Staff endpoints: refused with 401 without a valid function key.</summary>
public sealed class FunctionKeyFilter(FunctionKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        keys.Accepts(StaffIdentity.PresentedKey(context.HttpContext.Request)) ? await next(context) : FunctionKeys.Unauthorized();
}
